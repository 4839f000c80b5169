"""WeightsView: the bars show exactly the model's numbers, labelled with the features."""

import numpy as np
import pytest
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
