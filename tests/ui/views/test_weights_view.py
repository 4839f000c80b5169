"""WeightsView: the bars show exactly the model's numbers, labelled with the features."""

import os

import numpy as np
import pytest
from PySide6.QtCore import QPointF
from sklearn.datasets import load_breast_cancer, load_iris
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

from logreg_gui.ui.views.weights_view import INTERCEPT_LABEL, WeightsView


def fitted(loader):
    data = loader()
    X = StandardScaler().fit_transform(data.data)
    model = LogisticRegression(max_iter=500).fit(X, data.target)
    return tuple(data.feature_names), tuple(data.target_names), model


@pytest.fixture
def view(qtbot):
    widget = WeightsView()
    qtbot.addWidget(widget)
    widget.resize(600, 500)
    return widget


def legend_labels(view):
    return [label.text for _, label in view.legend.items]


def bar_rows(view):
    """Centre of every bar in each series, as the items hold them."""
    return [np.asarray(bar.opts["y"], dtype=float) for bar in view.bars()]


def test_binary_weights_are_one_series_for_the_second_class(view):
    names, classes, model = fitted(load_breast_cancer)
    view.set_names(names, classes)
    view.set_weights(model.coef_, model.intercept_)
    coef, intercept = view.shown_weights()
    np.testing.assert_allclose(coef, model.coef_)
    np.testing.assert_allclose(intercept, model.intercept_)
    # sklearn's target 1 is "benign": the log-odds modelled are those of benign.
    assert classes[1] == "benign"
    assert legend_labels(view) == ["towards benign", "towards malignant"]
    rows = view.row_labels()
    assert rows[0] == INTERCEPT_LABEL and rows[1:] == list(names)
    # Each bar sits on its feature's row: "mean concave points" (column 7) on row 8.
    assert round(bar_rows(view)[0][8]) == 8 and names[7] == "mean concave points"


def test_three_classes_give_one_coloured_series_each(view):
    names, classes, model = fitted(load_iris)
    view.set_names(names, classes)
    view.set_weights(model.coef_, model.intercept_)
    coef, intercept = view.shown_weights()
    np.testing.assert_allclose(coef, model.coef_)
    np.testing.assert_allclose(intercept, model.intercept_)
    assert legend_labels(view) == ["setosa", "versicolor", "virginica"]
    brushes = {bar.opts["brushes"][1].color().name() for bar in view.bars()}
    assert len(brushes) == 3
    # The three bars of a feature share its row without overlapping.
    rows = np.array(bar_rows(view))
    assert np.all(np.abs(rows[:, 2] - 2) < 0.5) and len(set(rows[:, 2])) == 3


def test_live_updates_reuse_the_bars(view):
    names, classes, model = fitted(load_iris)
    view.set_names(names, classes)
    items = list(view.plot.items)
    for step in range(1, 21):
        view.set_weights(model.coef_ * step / 20, model.intercept_ * step / 20)
        assert view.plot.items == items
    np.testing.assert_allclose(view.shown_weights()[0], model.coef_)


def test_clear_and_mismatched_weights_show_nothing(view):
    names, classes, model = fitted(load_iris)
    view.set_names(names, classes)
    coef, intercept = view.shown_weights()
    assert coef.shape == (0, 4) and intercept.shape == (0,)
    assert "No weights yet" in view.caption.text()
    view.set_weights(model.coef_, model.intercept_)
    view.clear_weights()
    assert view.shown_weights()[0].shape == (0, 4)
    assert not any(bar.isVisible() for bar in view.bars())
    view.set_weights(model.coef_[:, :3], model.intercept_)  # weights of a three-feature run
    assert view.shown_weights()[0].shape == (0, 4)
    assert "do not fit" in view.caption.text()


def test_new_names_replace_the_series(view):
    names, classes, model = fitted(load_iris)
    view.set_names(names, classes)
    view.set_weights(model.coef_, model.intercept_)
    names2, classes2, model2 = fitted(load_breast_cancer)
    view.set_names(names2, classes2)
    assert len(view.bars()) == 1 and view.shown_weights()[0].shape == (0, 30)
    view.set_weights(model2.coef_, model2.intercept_)
    np.testing.assert_allclose(view.shown_weights()[0], model2.coef_)


# Readable weights ------------------------------------------------------------------------------
def split_and_model(settings):
    from logreg_gui.core import prepare_data

    split = prepare_data(settings)
    model = LogisticRegression(max_iter=2000).fit(split.X_train, split.y_train)
    return split, model


def show_split(view, split, model):
    view.set_names(
        split.feature_names,
        model.classes_,
        preprocessing=split.preprocessing,
        X_train=split.X_train,
    )
    view.set_weights(model.coef_, model.intercept_)


PENGUINS = os.path.join(os.path.dirname(__file__), "..", "..", "data", "penguins.csv")


@pytest.mark.parametrize("target", ["sex", "species"])
def test_own_units_are_the_weights_of_the_raw_rows(view, target):
    from logreg_gui.core import DataSettings
    from logreg_gui.core.analysis.readable import in_own_units

    split, model = split_and_model(
        DataSettings(source="file", path=PENGUINS, target=target, exclude=("rowid",))
    )
    show_split(view, split, model)
    assert view.units() == "standardised"
    np.testing.assert_allclose(view.shown_weights()[0], model.coef_)
    view.units_input.setCurrentIndex(view.units_input.findData("own"))
    assert view.units() == "own"
    coef, intercept = view.shown_weights()
    expected = in_own_units(model.coef_, model.intercept_, split.preprocessing)
    np.testing.assert_allclose(coef, expected[0])
    np.testing.assert_allclose(intercept, expected[1])
    # Independently: numbers per unit are w/σ, the text columns' levels unchanged, and the
    # scores of the raw test rows are the model's.
    p = split.preprocessing
    m = len(p.numeric)
    np.testing.assert_allclose(coef[:, :m], model.coef_[:, :m] / p.scale)
    np.testing.assert_allclose(coef[:, m:], model.coef_[:, m:])
    np.testing.assert_allclose(
        split.X_test_display @ coef.T + intercept,
        model.decision_function(split.X_test).reshape(len(split.X_test), -1),
        atol=1e-9,
    )
    assert "per unit of the data" in view.plot.getAxis("bottom").labelText
    # The year, around 2008, puts the own-unit intercept (z at year 0) far beyond the
    # weights: the chart keeps the weights' range and writes the intercept in its row.
    assert np.abs(intercept).max() > 10 * np.abs(coef).max()
    assert view.off_chart_text() == "b = " + ", ".join(f"{b:.3g}" for b in expected[1])
    view.set_units("standardised")
    np.testing.assert_allclose(view.shown_weights()[0], model.coef_)
    assert view.off_chart_text() == ""
    if target == "species":  # softmax: a level's table says what it is read against
        view.select_row(list(split.feature_names).index("island=Dream") + 1)
        assert "island=Dream (against the reference level Biscoe)" in view.details_text()


def test_without_a_standardisation_the_weights_are_already_in_own_units(view):
    from logreg_gui.core import DataSettings

    split, model = split_and_model(DataSettings(source="iris", standardize=False))
    show_split(view, split, model)
    assert not view.units_input.isEnabled() and view.units() == "own"
    np.testing.assert_allclose(view.shown_weights()[0], model.coef_)


def test_a_weight_is_read_out_with_its_odds_ratio(view):
    from logreg_gui.core import DataSettings

    split, model = split_and_model(
        DataSettings(source="file", path=PENGUINS, target="sex", exclude=("rowid",))
    )
    show_split(view, split, model)
    names = list(split.feature_names)
    target = str(model.classes_[1])
    # The intercept first: the odds at the training mean are e^b.
    b = model.intercept_[0]
    assert f"z = b = {b:.4g}: the odds of {target} are e^b = {np.exp(b):.3g}." in (
        view.details_text()
    )
    row = names.index("bill_depth_mm") + 1
    view.select_row(row)
    w, sigma = model.coef_[0, row - 1], split.preprocessing.scale[row - 1]
    text = view.details_text()
    assert f"+1 standard deviation of bill_depth_mm ({sigma:.4g} in its own units)" in text
    assert f"multiplies the odds of {target} by e^w = {np.exp(w):.3g}." in text
    assert f"+1 of bill_depth_mm in its own units adds w/σ = {w / sigma:.4g} to z" in text
    assert f"by {np.exp(w / sigma):.3g}." in text
    view.feature_input.setCurrentIndex(names.index("island=Dream") + 1)
    assert "island = Dream instead of its reference level Biscoe" in view.details_text()


def test_hovering_a_bar_says_its_weight_in_words(qtbot, view):
    from logreg_gui.core import DataSettings

    view.show()
    split, model = split_and_model(DataSettings())
    show_split(view, split, model)
    qtbot.waitUntil(lambda: view.plot.sceneBoundingRect().height() > 100, timeout=5_000)
    for row in (0, 3, 10):
        point = view.plot.getViewBox().mapViewToScene(QPointF(0.0, float(row)))
        view.graphics.scene().sigMouseMoved.emit(point)
        assert view.row_text(row) and view.graphics.toolTip() == view.row_text(row)
        assert view.row_labels()[row] in view.row_text(row) or row == 0
    assert f"e^w = {np.exp(model.coef_[0, 2]):.3g}" in view.row_text(3)


def test_softmax_weights_are_read_as_a_table_of_factors_on_e_to_the_z(view):
    names, classes, model = fitted(load_iris)
    view.set_names(names, classes)
    view.set_weights(model.coef_, model.intercept_)
    view.select_row(3)
    text = view.details_text()
    for k, c in enumerate(classes):
        assert c in text and f"{np.exp(model.coef_[k, 2]):.3g}" in text
    assert "odds of class k against class j multiply by e^(w_k − w_j)" in text


def numpy_pairs(X, names):
    r = np.corrcoef(X, rowvar=False)
    return [
        (names[i], names[j], r[i, j])
        for i, j in zip(*np.triu_indices(len(names), k=1))
        if abs(r[i, j]) > 0.9
    ]


@pytest.mark.parametrize("source", ["breast_cancer", "generated", "iris", "wine"])
def test_the_correlation_note_names_the_features_that_move_together(view, source):
    from logreg_gui.core import DataSettings, prepare_data
    from logreg_gui.ui.session import Session

    split = prepare_data(DataSettings(source=source))
    session = Session()
    view.bind(session)
    session.set_data(split)
    assert view.correlation_note() == ""  # measured once the view is shown
    view.show()
    pairs = numpy_pairs(split.X_train, list(split.feature_names))
    note = view.correlation_note()
    assert [(a, b) for a, b, _ in view.correlated_pairs()] == [(a, b) for a, b, _ in pairs]
    if not pairs:  # wine: no two features with |r| > 0.9
        assert source == "wine" and note == "" and not view.correlation_label.isVisibleTo(view)
        return
    assert view.correlation_label.isVisibleTo(view) and view.correlation_label.text() == note
    assert "share one effect" in note
    for a, b, _ in pairs:
        assert a in note and b in note
    if source == "iris":  # one pair: one sentence with its r
        (a, b, r) = pairs[0]
        assert note.startswith(f"{a} and {b} move together (r = {r:.2f} on the training part)")
    if source == "breast_cancer":
        assert "mean radius" in note and "worst radius" in note


def test_on_many_rows_the_correlations_are_measured_on_a_random_part(view):
    from logreg_gui.core.analysis.readable import correlated_pairs
    from logreg_gui.ui.views.weights_view import CORRELATION_WORK

    rng = np.random.default_rng(1)
    X = rng.normal(size=(3000, 300))
    X[:, 7] = X[:, 3] + 0.1 * rng.normal(size=3000)
    names = [f"x{i}" for i in range(300)]
    rows = int(CORRELATION_WORK // 300**2)
    assert rows < 3000
    view.set_names(names, [0, 1], X_train=X)
    view.show()
    assert view.correlated_pairs() == correlated_pairs(X[:rows], names)
    assert [(a, b) for a, b, _ in view.correlated_pairs()] == [("x3", "x7")]
    assert view.correlation_note().endswith(
        f"(Measured on {rows:,} of the 3,000 training rows, drawn at random.)"
    )
    view.set_names(names[:5], [0, 1])  # other features, no training part: no note
    assert view.correlation_note() == "" and not view.correlation_label.isVisible()


def test_with_many_classes_the_chosen_class_s_weights_are_drawn(view):
    from logreg_gui.ui.views.weights_view import MAX_SERIES

    k, d = MAX_SERIES + 2, 4
    rng = np.random.default_rng(2)
    coef, intercept = rng.normal(size=(k, d)), rng.normal(size=k)
    view.set_names([f"f{i}" for i in range(d)], [f"c{i}" for i in range(k)])
    view.set_weights(coef, intercept)
    shown = view.shown_weights()
    np.testing.assert_allclose(shown[0], coef[:1])
    np.testing.assert_allclose(shown[1], intercept[:1])
    view.class_input.setCurrentIndex(5)
    np.testing.assert_allclose(view.shown_weights()[0], coef[5:6])
    view.select_row(2)
    assert "c5" in view.details_text() and f"{np.exp(coef[5, 1]):.3g}" in view.details_text()
