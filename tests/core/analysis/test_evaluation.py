"""Evaluation numbers against sklearn.metrics and plain formulas computed independently here."""

import numpy as np
import pytest
from scipy.special import log_softmax
from sklearn import metrics
from sklearn.datasets import load_breast_cancer, load_iris
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

from logreg_gui.core.analysis.evaluation import evaluate


def scores_of(model, X):
    """sklearn's decision_function in the project's layout: (n, 1) for two classes."""
    z = model.decision_function(X)
    return z[:, None] if z.ndim == 1 else z


@pytest.mark.parametrize("loader", [load_breast_cancer, load_iris])
def test_metrics_equal_sklearn(loader):
    X, y = loader(return_X_y=True)
    X = StandardScaler().fit_transform(X)
    model = LogisticRegression(C=0.05, max_iter=1000).fit(X, y)
    proba = model.predict_proba(X)
    k = proba.shape[1]
    ev = evaluate(y, scores_of(model, X), k)
    pred = model.predict(X)
    avg = dict(average="binary") if k == 2 else dict(average="macro")
    np.testing.assert_array_equal(ev.predicted, pred)
    assert ev.accuracy == pytest.approx(metrics.accuracy_score(y, pred))
    assert ev.precision == pytest.approx(metrics.precision_score(y, pred, **avg))
    assert ev.recall == pytest.approx(metrics.recall_score(y, pred, **avg))
    assert ev.f1 == pytest.approx(metrics.f1_score(y, pred, **avg))
    assert ev.log_loss == pytest.approx(metrics.log_loss(y, proba), rel=1e-9)
    np.testing.assert_array_equal(ev.confusion, metrics.confusion_matrix(y, pred))
    np.testing.assert_allclose(ev.recall_per_class, metrics.recall_score(y, pred, average=None))
    if k == 2:
        assert ev.auc[0] == pytest.approx(metrics.roc_auc_score(y, proba[:, 1]))
    else:
        assert ev.macro_auc == pytest.approx(metrics.roc_auc_score(y, proba, multi_class="ovr"))
        for c in range(k):
            assert ev.auc[c] == pytest.approx(metrics.roc_auc_score(y == c, proba[:, c]))


def test_a_class_missing_from_the_data_is_nan_not_a_crash():
    y = np.array([0, 0, 1, 1])
    scores = np.log([[0.7, 0.2, 0.1], [0.5, 0.3, 0.2], [0.2, 0.6, 0.2], [0.3, 0.3, 0.4]])
    ev = evaluate(y, scores, 3)
    assert ev.confusion.shape == (3, 3)
    assert np.isnan(ev.recall_per_class[2]) and np.isnan(ev.auc[2]) and np.isnan(ev.macro_auc)
    assert ev.roc[2][0].size == 0
    assert ev.accuracy == pytest.approx(0.75)


def test_a_perfect_model_on_a_part_missing_a_class_scores_one():
    """The test part holds classes 0 and 1 of three, all predicted right: every average is 1
    (averaging over the absent class gave 0.667)."""
    y = np.array([0, 1, 0, 1])
    scores = np.array([[5.0, 0, 0], [0, 5.0, 0], [4.0, 1, 0], [0, 3.0, 1]])
    ev = evaluate(y, scores, 3)
    assert ev.precision == ev.recall == ev.f1 == ev.accuracy == 1.0
    assert "2 classes present" in ev.averaging


def test_a_wrongly_predicted_absent_class_still_costs_precision():
    y = np.array([0, 1, 0, 1])
    scores = np.array([[5.0, 0, 0], [0, 5.0, 0], [0, 0, 4.0], [0, 3.0, 1]])  # one 0 called 2
    ev = evaluate(y, scores, 3)
    # Per class present (0, 1, 2): precision 1, 1, 0 -> mean 2/3; recall 1/2, 1, NaN -> 3/4.
    assert ev.precision == pytest.approx(2 / 3)
    assert ev.recall == pytest.approx(0.75)


def test_log_loss_is_the_exact_cross_entropy_not_clipped():
    """A sample scored z = -25 for class 1 costs log(1 + e^25) ≈ 25.0; sklearn's log_loss
    clips the probability and says 18.02 — not the loss gradient descent minimises."""
    y = np.array([1, 0])
    scores = np.array([[-25.0], [-25.0]])
    ev = evaluate(y, scores, 2)
    exact = np.mean([np.logaddexp(0, 25.0), np.logaddexp(0, -25.0)])
    assert ev.log_loss == pytest.approx(exact, rel=1e-12)
    multi = np.array([[0.0, 40.0, -3.0]])
    assert evaluate(np.array([0]), multi, 3).log_loss == pytest.approx(
        -log_softmax(multi, axis=1)[0, 0], rel=1e-12
    )


def test_predicted_classes_follow_the_score_rule_at_ties():
    """z = 1e-17 > 0 is class 1 for training's accuracy; its probabilities round to 0.5 / 0.5,
    where argmax(proba) said class 0."""
    ev = evaluate(np.array([1, 0]), np.array([[1e-17], [0.0]]), 2)
    np.testing.assert_array_equal(ev.predicted, [1, 0])
    assert ev.accuracy == 1.0


def test_predictions_table_agrees_with_scikit_learn_on_text_classes():
    from sklearn.linear_model import LogisticRegression

    from logreg_gui.core import DataSettings, prepare_data
    from logreg_gui.core.analysis.evaluation import predictions_frame

    split = prepare_data(DataSettings(source="iris"))
    reference = LogisticRegression(C=1e4, max_iter=5000).fit(split.X_train, split.y_train)
    table = predictions_frame(split, reference.coef_, reference.intercept_)
    assert list(table.columns[:1]) == ["test sample"]
    assert len(table) == len(split.y_test)
    probabilities = table[[f"P({c})" for c in reference.classes_]].to_numpy()
    np.testing.assert_allclose(probabilities, reference.predict_proba(split.X_test), rtol=1e-10)
    np.testing.assert_array_equal(
        table[f"predicted {split.target_name}"], reference.predict(split.X_test)
    )
    np.testing.assert_array_equal(table[f"true {split.target_name}"], split.y_test)
    # the features in their own units (centimetres), not standardised
    np.testing.assert_allclose(table[split.feature_names[0]], split.X_test_display[:, 0])


def test_balanced_accuracy_and_the_majority_baseline_are_scikit_learn_s():
    from sklearn.metrics import balanced_accuracy_score

    from logreg_gui.core.analysis.evaluation import evaluate

    rng = np.random.default_rng(0)
    y = (rng.uniform(size=400) < 0.08).astype(int)  # 8% of class 1
    scores = (rng.normal(size=400) + 1.5 * y - 1.5)[:, None]
    ev = evaluate(y, scores, 2)
    predicted = (scores[:, 0] > 0).astype(int)
    assert ev.balanced_accuracy == pytest.approx(balanced_accuracy_score(y, predicted))
    assert ev.majority == pytest.approx(np.mean(y == 0))
    for t in (0.2, 0.7):
        at = ev.at(t)
        expected = balanced_accuracy_score(y, (1 / (1 + np.exp(-scores[:, 0])) > t).astype(int))
        assert at.balanced_accuracy == pytest.approx(expected)
