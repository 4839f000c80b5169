"""The feature map in the Data form: ticking x² or xᵢ·xⱼ, or a degree, remakes the data with
the expanded features (named as people read them, standardised after expansion), a map too
large is one sentence and leaves the data as they were, and the map comes back at the next
start."""

import numpy as np
from sklearn.preprocessing import PolynomialFeatures

from .helpers import find


def remade(qtbot, window, change, count):
    change()
    qtbot.waitUntil(
        lambda: window.session.data is not None and window.session.data.X_train.shape[1] == count,
        timeout=20_000,
    )
    return window.session.data


def test_squares_and_a_degree_remake_the_data_with_readable_names(qtbot, window):
    data = remade(qtbot, window, lambda: find(window, "squaresInput").setChecked(True), 20)
    assert data.feature_names[10:12] == ("x0²", "x1²")
    raw = data.preprocessing.unscale(data.X_train)[:, :10]
    np.testing.assert_allclose(data.preprocessing.unscale(data.X_train)[:, 10:], raw**2)
    assert np.allclose(data.X_train.mean(axis=0), 0, atol=1e-9)  # standardised after
    degree = find(window, "degreeInput")
    data = remade(qtbot, window, lambda: degree.setCurrentIndex(1), 65)  # 10 + 55 products
    assert not find(window, "squaresInput").isEnabled()  # a degree 2 holds the squares
    raw = data.preprocessing.unscale(data.X_train)[:, :10]
    poly = PolynomialFeatures(2, include_bias=False).fit(raw)
    np.testing.assert_allclose(data.preprocessing.unscale(data.X_train), poly.transform(raw),
                               rtol=1e-9, atol=1e-12)  # fmt: skip


def test_a_map_too_large_is_one_sentence_and_the_data_stay(qtbot, window):
    before = window.session.data
    find(window, "degreeInput").setCurrentIndex(4)  # degree 5 of 10 columns: 3,002 features
    qtbot.waitUntil(lambda: len(window.dialogs) > 0, timeout=20_000)
    _, text = window.dialogs[-1]
    assert "3,002 features of the 10 numeric columns" in text and "at most 2,000" in text
    assert window.session.data is before


def test_the_map_comes_back_at_the_next_start(qtbot, window):
    from logreg_gui.ui.app.main_window import MainWindow

    remade(qtbot, window, lambda: find(window, "crossesInput").setChecked(True), 55)
    window.close()
    again = MainWindow()
    qtbot.addWidget(again)
    again.show()
    qtbot.waitUntil(
        lambda: again.session.data is not None and again.session.data.X_train.shape[1] == 55,
        timeout=20_000,
    )
    assert find(again, "crossesInput").isChecked()
    assert "x0·x1" in again.session.data.feature_names
    again.close()


def test_two_columns_are_drawn_in_their_own_plane_where_the_boundary_curves(
    qtbot, window, tmp_path
):
    """A file of two numeric columns, squares ticked: the boundary view draws the plane of
    the columns themselves, the samples at their own values, and the decision line where the
    model's probability is the threshold — a closed curve around the inner circle."""
    import pandas as pd
    from sklearn.datasets import make_circles

    from logreg_gui.core.analysis.boundary import InputPlane
    from logreg_gui.core.model.objective import decision_scores, sigmoid

    from .helpers import train_to_end, type_into

    X, y = make_circles(300, noise=0.08, factor=0.5, random_state=0)
    path = tmp_path / "circles.csv"
    pd.DataFrame({"u": X[:, 0], "v": X[:, 1], "class": y}).to_csv(path, index=False)
    window.open_data(str(path), target="class", wait=True)
    remade(qtbot, window, lambda: find(window, "squaresInput").setChecked(True), 4)
    type_into(qtbot, find(window, "learningRateInput"), "0.5")
    train_to_end(qtbot, window)
    window.tabs.setCurrentWidget(window.boundary)
    plane = window.boundary.plane()
    assert isinstance(plane, InputPlane) and (plane.label_u, plane.label_v) == ("u", "v")
    # The samples at their own values.
    uv, index = window.boundary.drawn_points("test")
    raw = window.session.data.X_test_display[:, :2]
    np.testing.assert_allclose(uv, raw[index], rtol=1e-9, atol=1e-12)
    _, coef, intercept = window.session.shown()
    for t in (0.5, 0.8):
        find(window, "thresholdSlider").setValue(round(t * 1000))
        decision, _ = window.boundary.boundary_lines()
        assert len(decision) > 50
        p = sigmoid(decision_scores(plane.features(decision), coef, intercept)[:, 0])
        np.testing.assert_allclose(p, t, atol=0.01)
        # A closed curve: it goes all the way round the origin.
        angles = np.sort(np.arctan2(decision[:, 1], decision[:, 0]))
        assert np.max(np.diff(angles)) < 0.3
    assert window.session.run.latest["test_accuracy"] >= 0.95
