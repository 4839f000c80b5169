"""PredictionPanel against scikit-learn, for two classes and for softmax, and its controls."""

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
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


# The bias and the odds ---------------------------------------------------------------------------
def signed(opts):
    """The signed values of a BarGraphItem's bars, as drawn (x0 and width)."""
    x0, width = np.asarray(opts["x0"], dtype=float), np.asarray(opts["width"], dtype=float)
    return np.where(x0 < 0, -width, width)


NUMBER = r"(-?\d+(?:\.\d+)?(?:e[+-]?\d+)?)"


@pytest.mark.parametrize("kind", ["binary", "iris"])
def test_the_bias_is_a_bar_and_a_named_term_of_the_formula(panel, kind):
    import re

    if kind == "binary":
        X, y = make_classification(n_samples=80, n_features=6, random_state=0)
        y = np.array(["ham", "spam"])[y]
    else:
        X, y = load_iris(return_X_y=True)
    lr = LogisticRegression(max_iter=1000).fit(X, y)
    panel.set_samples(X, y, [f"f{i}" for i in range(X.shape[1])], lr.classes_)
    for intercept in (lr.intercept_, -lr.intercept_ - 1.0):  # either sign of b
        panel.set_weights(lr.coef_, intercept)
        for index in (0, 11):
            panel.select_sample(index)
            k = panel.contributions_class()
            b = intercept[0] if kind == "binary" else intercept[k]
            np.testing.assert_allclose(signed(panel.contribution_bias_bar.opts), [b])
            assert panel.shown_bias() == pytest.approx(b)
            # Drawn apart: under the features, paler, outlined.
            assert max(panel.contribution_bias_bar.opts["y"]) < min(
                panel.contribution_bars.opts["y"]
            )
            assert panel.contribution_bias_bar.opts["brushes"][0].color().alpha() < 255
            rows = panel.contribution_rows()
            assert rows[-1][1] == "bias b" and rows[-1][2] == pytest.approx(b)
            # The formula: Σ wᵢxᵢ, then the bias named, then z.
            text = panel.score_label.text()
            found = re.search(rf"= {NUMBER} ([+−]) {NUMBER} \(bias\) = {NUMBER}", text)
            assert found, text
            total, sign, size, score = found.groups()
            term = float(size) * (1 if sign == "+" else -1)
            assert term == pytest.approx(b, rel=1e-3, abs=1e-4)
            x = X[panel.current_index()]
            row = lr.coef_[0] if kind == "binary" else lr.coef_[k]
            assert float(total) == pytest.approx(row @ x, rel=1e-3, abs=1e-4)
            assert float(score) == pytest.approx(row @ x + b, rel=1e-3, abs=1e-4)
            assert "(" + f"{b:.4g}" + ")" not in text  # no bare brackets around b


def test_each_bar_says_what_it_does_to_the_odds(qtbot, panel):
    X, y = make_classification(n_samples=80, n_features=14, random_state=3)
    lr = LogisticRegression(max_iter=1000).fit(X, y)
    names = [f"f{i}" for i in range(14)]
    panel.set_samples(X, y, names, lr.classes_)
    panel.set_weights(lr.coef_, lr.intercept_)
    rows = panel.contribution_rows()
    contributions = lr.coef_[0] * X[panel.current_index()]
    assert len(rows) == 10 + 1 + 1  # the largest ten, the others summed, the bias
    for _row, _label, value, factor, sentence in rows:
        assert factor == f"×{np.exp(value):.3g}"
        assert f"{np.exp(value):.3g}" in sentence
    for _row, label, value, _factor, sentence in rows[:10]:
        assert value == pytest.approx(contributions[names.index(label)])
        assert sentence.startswith(f"{label}: wᵢxᵢ = {value:.4g} multiplies the odds of class 1 by")
    assert rows[10][1] == "4 others (sum)" and "The 4 other features together" in rows[10][4]
    assert "z = b =" in rows[11][4]
    # Hovering a bar shows its sentence.
    plot = panel.contribution_plot
    qtbot.waitUntil(lambda: plot.getPlotItem().vb.height() > 50, timeout=5_000)
    for row, _label, _value, _factor, sentence in rows:
        point = plot.getPlotItem().vb.mapViewToScene(QPointF(0.0, row))
        plot.scene().sigMouseMoved.emit(point)
        assert plot.toolTip() == sentence


def test_a_sample_s_text_levels_are_read_against_their_reference_level(panel):
    import os

    from logreg_gui.core import DataSettings, prepare_data

    path = os.path.join(os.path.dirname(__file__), "..", "..", "data", "penguins.csv")
    split = prepare_data(DataSettings(source="file", path=path, target="sex", exclude=("rowid",)))
    lr = LogisticRegression(max_iter=1000).fit(split.X_train, split.y_train)
    panel.set_samples(
        split.X_test, split.y_test, split.feature_names, lr.classes_, split.X_test_display,
        split.preprocessing,
    )  # fmt: skip
    panel.set_weights(lr.coef_, lr.intercept_)
    sentences = {label: sentence for _, label, _, _, sentence in panel.contribution_rows()}
    assert "against island at its reference level Biscoe" in sentences["island=Dream"]
    assert "against bill_depth_mm at its training mean" in sentences["bill_depth_mm"]
    assert "every text column at its reference level" in sentences["bias b"]
