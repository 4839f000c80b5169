"""PredictionPanel against scikit-learn, for two classes and for softmax, and its controls."""

import numpy as np
import pytest
from PySide6.QtCore import Qt
from sklearn.datasets import load_iris, make_classification
from sklearn.linear_model import LogisticRegression

from logreg_gui.ui.views.prediction import PredictionPanel


@pytest.fixture
def panel(qtbot):
    p = PredictionPanel()
    qtbot.addWidget(p)
    p.resize(500, 800)
    p.show()
    return p


@pytest.mark.parametrize("kind", ["binary", "iris"])
def test_shown_numbers_equal_sklearn(panel, kind):
    if kind == "binary":
        X, y = make_classification(n_samples=80, n_features=6, random_state=0)
        y = np.array(["ham", "spam"])[y]
    else:
        X, y = load_iris(return_X_y=True)
    lr = LogisticRegression(max_iter=1000).fit(X, y)
    panel.set_samples(X, y, [f"f{i}" for i in range(X.shape[1])], lr.classes_)
    panel.set_weights(lr.coef_, lr.intercept_)
    for index in (0, 7, len(y) - 1):
        panel.select_sample(index)
        np.testing.assert_allclose(
            panel.shown_probabilities(), lr.predict_proba(X[index : index + 1])[0], rtol=1e-10
        )
        e = panel.current_explanation()
        decision = lr.decision_function(X[index : index + 1])[0]
        np.testing.assert_allclose(
            e.contributions.sum(axis=1) + e.intercept, np.atleast_1d(decision), rtol=1e-10
        )
        assert lr.classes_[e.predicted_index] == lr.predict(X[index : index + 1])[0]
        row = e.contributions[0] if kind == "binary" else e.contributions[e.predicted_index]
        np.testing.assert_allclose(panel.shown_contributions(), row)
        assert (
            "right" if lr.predict(X[index : index + 1])[0] == y[index] else "wrong"
        ) in panel.verdict_label.text()


def test_controls_select_the_sample_in_the_session_once_each(qtbot, panel):
    from logreg_gui.core.data import SplitData
    from logreg_gui.ui.session import Session

    X, y = make_classification(n_samples=30, n_features=4, random_state=1)
    session = Session()
    panel.bind(session)
    session.set_data(SplitData(X, X, y, y, ("a", "b", "c", "d"), "class", "made"))
    seen = []
    session.selectionChanged.connect(seen.append)
    panel.index_input.setValue(4)
    assert seen == [4] and panel.current_index() == 4
    qtbot.mouseClick(panel.random_button, Qt.LeftButton)
    assert len(seen) == 2 and seen[-1] != 4 and panel.current_index() == seen[-1]
    panel.samples_table.selectRow(9)
    assert seen[-1] == 9 and panel.index_input.value() == 9


def test_live_updates_create_no_new_widgets_and_no_weights_says_so(panel):
    X, y = make_classification(n_samples=30, n_features=4, random_state=1)
    panel.set_samples(X, y, ["a", "b", "c", "d"], np.array([0, 1]))
    assert "Not trained yet" in panel.verdict_label.text()
    rng = np.random.default_rng(0)
    panel.set_weights(rng.normal(size=(1, 4)), np.zeros(1))
    before = len(panel.findChildren(object)), len(panel.probability_plot.getPlotItem().items)
    for _ in range(20):
        panel.set_weights(rng.normal(size=(1, 4)), rng.normal(size=1))
    assert (
        len(panel.findChildren(object)),
        len(panel.probability_plot.getPlotItem().items),
    ) == before
    panel.clear_weights()
    assert panel.current_explanation() is None and len(panel.shown_probabilities()) == 0


def test_the_largest_contributions_in_feature_order_and_the_others_summed():
    from logreg_gui.ui.views.prediction.contributions import top_and_others

    values = np.array([0.1, -5.0, 0.2, 3.0, -0.3])
    shown, labels = top_and_others(values, list("abcde"), top=3)
    np.testing.assert_allclose(shown, [-5.0, 3.0, -0.3, 0.3])
    assert labels == ["b", "d", "e", "2 others (sum)"]
    shown, labels = top_and_others(values, list("abcde"), top=5)
    np.testing.assert_allclose(shown, values)
    assert labels == list("abcde")


def test_contributions_class_is_the_class_whose_score_they_add_up_to(panel):
    X, y = load_iris(return_X_y=True)
    lr = LogisticRegression(max_iter=1000).fit(X, y)
    panel.set_samples(X, y, ["a", "b", "c", "d"], lr.classes_)
    assert panel.contributions_class() is None
    panel.set_weights(lr.coef_, lr.intercept_)
    predicted = panel.current_explanation().predicted_index
    assert panel.contributions_class() == predicted
    panel.contribution_class.setCurrentIndex(3)  # the first item is "predicted class"
    assert panel.contributions_class() == 2
    np.testing.assert_allclose(
        panel.shown_contributions(), panel.current_explanation().contributions[2]
    )
    X, y = make_classification(n_samples=30, n_features=4, random_state=1)
    panel.set_samples(X, y, ["a", "b", "c", "d"], np.array([0, 1]))
    panel.set_weights(np.ones((1, 4)), np.zeros(1))
    assert panel.contributions_class() == 1
    panel.clear()
    assert panel.contributions_class() is None and len(panel.shown_contributions()) == 0
