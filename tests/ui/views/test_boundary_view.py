"""BoundaryView driven as a person would: real clicks on the plot, the feature combos, and
the probability map checked pixel by pixel against scikit-learn."""

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QApplication
from sklearn.datasets import load_iris
from sklearn.decomposition import PCA
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

from logreg_gui.core.data import SplitData
from logreg_gui.ui.session import Session
from logreg_gui.ui.style.palette import class_colors
from logreg_gui.ui.views.boundary import BoundaryView

IRIS = load_iris()
NAMES = tuple(IRIS.feature_names)


def iris_split(features=slice(None), binary=False):
    X, y = IRIS.data[:, features], IRIS.target
    if binary:
        X, y = X[y > 0], y[y > 0] - 1
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.3, random_state=0, stratify=y
    )
    scaler = StandardScaler().fit(X_train)
    return scaler.transform(X_train), scaler.transform(X_test), y_train, y_test


@pytest.fixture
def view(qtbot):
    widget = BoundaryView()
    qtbot.addWidget(widget)
    widget.resize(600, 500)
    return widget


def show_iris(view, features=slice(None), binary=False):
    X_train, X_test, y_train, y_test = iris_split(features, binary)
    names = NAMES[features] if isinstance(features, slice) else tuple(NAMES[i] for i in features)
    classes = IRIS.target_names[1:] if binary else IRIS.target_names
    view.set_data(X_train, y_train, X_test, y_test, names, classes)
    model = LogisticRegression(C=10.0).fit(X_train, y_train)
    view.set_weights(model.coef_, model.intercept_)
    return X_train, X_test, y_train, y_test, model


def pixel_centres(view):
    """(u, v) of every pixel centre of the probability image, read from the image's own
    placement in the plot (rows along v, columns along u)."""
    image = view.image
    rows, cols = image.image.shape[:2]
    rect = image.mapRectToParent(image.boundingRect())
    u = rect.left() + (np.arange(cols) + 0.5) * rect.width() / cols
    v = rect.top() + (np.arange(rows) + 0.5) * rect.height() / rows
    return np.meshgrid(u, v)


def click_at(qtbot, view, u, v):
    """A real left click on the plot at data coordinates (u, v)."""
    QApplication.processEvents()  # let the layout settle so the mapping is the final one
    scene_point = view.plot.getViewBox().mapViewToScene(QPointF(u, v))
    qtbot.mouseClick(
        view.graphics.viewport(), Qt.LeftButton, pos=view.graphics.mapFromScene(scene_point)
    )


def loneliest(points, others):
    """Index of the point of ``points`` farthest from every other point (a safe click target)."""
    everything = np.vstack([points, others])
    distance = np.linalg.norm(points[:, None, :] - everything[None, :, :], axis=2)
    distance[distance == 0] = np.inf  # the point itself
    return int(np.argmax(distance.min(axis=1)))


def bound_to_a_session(view):
    """The view following a session that holds the iris split, as in the window."""
    X_train, X_test, y_train, y_test = iris_split()
    session = Session()
    view.bind(session)
    split = SplitData(X_train, X_test, y_train, y_test, NAMES, "class", "iris")
    session.set_data(split)
    model = LogisticRegression(C=10.0).fit(X_train, y_train)
    view.set_weights(model.coef_, model.intercept_)
    return session, X_train, X_test, y_train


def test_clicking_a_test_point_selects_it_in_the_session_and_rings_it(qtbot, view):
    session, X_train, X_test, _ = bound_to_a_session(view)
    view.show()
    qtbot.waitExposed(view)
    # The default four-feature view is the PCA plane: positions are sklearn's PCA transform.
    pca = PCA(n_components=2).fit(X_train)
    test_uv, train_uv = pca.transform(X_test), pca.transform(X_train)
    index = loneliest(test_uv, train_uv)
    session.select_sample(index + 1 if index == 0 else 0)  # so that the click changes it
    with qtbot.waitSignal(session.selectionChanged, timeout=2000) as blocker:
        click_at(qtbot, view, *test_uv[index])
    assert blocker.args == [index] and session.selected == index
    ring_u, ring_v = view.ring.getData()
    np.testing.assert_allclose([ring_u[0], ring_v[0]], test_uv[index], atol=1e-9)
    assert f"Test sample {index} " in view.status.text()


def test_clicking_a_training_point_explains_without_selecting(qtbot, view):
    session, X_train, X_test, y_train = bound_to_a_session(view)
    view.show()
    qtbot.waitExposed(view)
    pca = PCA(n_components=2).fit(X_train)
    train_uv, test_uv = pca.transform(X_train), pca.transform(X_test)
    index = loneliest(train_uv, test_uv)
    emitted = []
    session.selectionChanged.connect(emitted.append)
    click_at(qtbot, view, *train_uv[index])
    qtbot.waitUntil(lambda: "Training sample" in view.status.text(), timeout=2000)
    assert f"Training sample {index} (class {y_train[index]})" in view.status.text()
    assert emitted == [] and session.selected == 0


def test_feature_combos_change_the_plane_and_the_points(view):
    _X_train, X_test, *_ = show_iris(view)
    assert view.plane().description.startswith("first two principal components")
    assert not view.x_input.isEnabled()
    view.projection_input.setCurrentIndex(view.projection_input.findData("features"))
    view.x_input.setCurrentIndex(2)
    view.y_input.setCurrentIndex(3)
    plane = view.plane()
    assert (plane.label_u, plane.label_v) == (NAMES[2], NAMES[3])
    uv, index = view.drawn_points("test")
    np.testing.assert_allclose(uv, X_test[index][:, [2, 3]], atol=1e-12)
    assert sorted(index) == list(range(len(X_test)))
    assert view.plot.getAxis("bottom").labelText == NAMES[2]
    # Choosing for x the feature already on y swaps the two.
    view.x_input.setCurrentIndex(3)
    assert (view.x_input.currentIndex(), view.y_input.currentIndex()) == (3, 2)
    assert (view.plane().label_u, view.plane().label_v) == (NAMES[3], NAMES[2])


def test_binary_map_is_sklearn_probability_and_the_line_is_one_half(view):
    *_, model = show_iris(view, features=[2, 3], binary=True)
    assert view.projection_input.isHidden() and view.x_input.isHidden()
    assert view.description.text().startswith("The two features, petal length (cm) against")
    uu, vv = pixel_centres(view)
    expected = model.predict_proba(np.column_stack([uu.ravel(), vv.ravel()]))[:, 1]
    np.testing.assert_allclose(view.image.image.ravel(), expected, atol=1e-9)
    u, v = view.boundary.getData()
    assert len(u) == 2
    np.testing.assert_allclose(model.predict_proba(np.column_stack([u, v]))[:, 1], 0.5, atol=1e-9)


def test_three_class_map_colours_each_pixel_by_sklearn_prediction(view):
    _X_train, *_, model = show_iris(view)
    uu, vv = pixel_centres(view)
    plane = view.plane()
    points = plane.origin + uu.reshape(-1, 1) * plane.axis_u + vv.reshape(-1, 1) * plane.axis_v
    proba = model.predict_proba(points)
    rgb = view.image.image.reshape(-1, 3).astype(float)
    # A pixel is white mixed with its class colour: its darkening points along 255 - colour.
    darkening = 255.0 - rgb
    directions = np.array(
        [[255 - c.red(), 255 - c.green(), 255 - c.blue()] for c in class_colors(3)], float
    )
    directions /= np.linalg.norm(directions, axis=1, keepdims=True)
    sure = np.sort(proba, axis=1)[:, -1] - np.sort(proba, axis=1)[:, -2] > 0.2
    assert sure.sum() > 1000
    shown = np.argmax(darkening[sure] @ directions.T, axis=1)
    np.testing.assert_array_equal(shown, proba[sure].argmax(axis=1))
    # Paler where less sure: the most confident pixels are the darkest.
    top = proba.max(axis=1)
    assert darkening.sum(axis=1)[top > 0.99].mean() > darkening.sum(axis=1)[top < 0.6].mean()


def test_repeated_set_weights_only_updates_existing_items(view):
    *_, model = show_iris(view)
    items = list(view.plot.items)
    scene_items = len(view.graphics.scene().items())
    for step in range(20):
        view.set_weights(model.coef_ * step / 20, model.intercept_)
    assert view.plot.items == items
    assert len(view.graphics.scene().items()) == scene_items
    # The last call is the one shown: with zero weights the map is flat.
    view.set_weights(np.zeros_like(model.coef_), np.zeros(3))
    assert np.ptp(view.image.image.reshape(-1, 3), axis=0).max() == 0


def test_clear_weights_and_selection(view):
    *_, model = show_iris(view)
    view.select_test_sample(4)
    assert len(view.ring.getData()[0]) == 1
    view.select_test_sample(None)
    assert len(view.ring.getData()[0]) == 0
    view.clear_weights()
    assert not view.image.isVisible() and len(view.boundary.getData()[0]) == 0
    assert "No weights yet" in view.description.text()
    view.set_weights(model.coef_, model.intercept_)
    assert view.image.isVisible()


def test_weights_of_another_shape_clear_instead_of_failing(view):
    *_, model = show_iris(view)
    view.set_weights(model.coef_[:, :2], model.intercept_)  # from a two-feature run
    assert not view.image.isVisible()
    assert "do not fit" in view.status.text()


def test_a_million_samples_are_drawn_as_a_stated_stratified_sample(view):
    rng = np.random.default_rng(0)
    n_train, n_test = 700_000, 300_000
    X_train, X_test = rng.normal(size=(n_train, 3)), rng.normal(size=(n_test, 3))
    y_train = (rng.random(n_train) < 0.1).astype(int)  # a rare class keeps its share
    y_test = (rng.random(n_test) < 0.1).astype(int)
    view.set_data(X_train, y_train, X_test, y_test, ("a", "b", "c"), ("common", "rare"))
    _, train_index = view.drawn_points("train")
    _, test_index = view.drawn_points("test")
    drawn = len(train_index) + len(test_index)
    assert 9_700 <= drawn <= 10_300
    assert len(view.point_items()) == 4  # one item per class and part, no per-point lists
    share = np.mean(y_train[train_index] == 1)
    assert share == pytest.approx(0.1, abs=0.01)
    assert f"Showing {drawn:,} of the 1,000,000 samples" in view.description.text()
    view.select_test_sample(299_999)  # any test sample can be ringed, drawn or not
    ring_u, ring_v = view.ring.getData()
    np.testing.assert_allclose((ring_u[0], ring_v[0]), view.test_position(299_999))
