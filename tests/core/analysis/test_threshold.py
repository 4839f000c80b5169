"""The decision threshold against scikit-learn: predictions at ``t`` computed directly, every
count metric, the ROC operating point on ``roc_curve`` and the precision–recall curve of
``precision_recall_curve``; the best thresholds against a brute-force search."""

import numpy as np
import pytest
from sklearn import metrics
from sklearn.model_selection import FixedThresholdClassifier

from logreg_gui.core import DataSettings, LogisticRegressionGD, prepare_data
from logreg_gui.core.analysis.evaluation import evaluate, evaluate_weights
from logreg_gui.core.analysis.threshold import (
    best_threshold,
    logit,
    predicted_at,
    threshold_counts,
)
from logreg_gui.core.model.objective import decision_scores

THRESHOLDS = [0.0, 0.05, 0.2, 0.37, 0.5, 0.63, 0.8, 0.95, 1.0]


@pytest.fixture(scope="module")
def fitted():
    split = prepare_data(DataSettings())
    model = LogisticRegressionGD(learning_rate=0.5, epochs=300, random_state=0)
    model.fit(split.X_train, split.y_train)
    y = (split.y_test == split.classes[1]).astype(int)
    return split, model, y


def test_logit_is_the_inverse_of_the_sigmoid():
    for t in (1e-9, 0.1, 0.5, 0.9, 1 - 1e-9):
        assert 1 / (1 + np.exp(-logit(t))) == pytest.approx(t, rel=1e-12)
    assert logit(0) == -np.inf and logit(1) == np.inf and logit(0.5) == 0.0


@pytest.mark.parametrize("t", THRESHOLDS)
def test_predictions_at_a_threshold_are_p1_above_it(fitted, t):
    split, model, _ = fitted
    scores = decision_scores(split.X_test, model.coef_, model.intercept_)
    p1 = model.predict_proba(split.X_test)[:, 1]
    assert np.array_equal(predicted_at(scores, t), (p1 > t).astype(int))
    if 0 < t < 1:  # scikit-learn decides P(1) >= t: the same but for exact ties
        fixed = FixedThresholdClassifier(model, threshold=t, response_method="predict_proba")
        fixed.fit(split.X_train, split.y_train)
        assert np.array_equal(split.classes[predicted_at(scores, t)], fixed.predict(split.X_test))


def test_at_one_half_the_threshold_is_what_predict_does(fitted):
    split, model, _ = fitted
    scores = decision_scores(split.X_test, model.coef_, model.intercept_)
    assert np.array_equal(split.classes[predicted_at(scores, 0.5)], model.predict(split.X_test))
    zero = np.zeros((5, 1))  # a tie at z = 0 (zero weights) is class 0, as predict says
    assert predicted_at(zero, 0.5).tolist() == [0] * 5


@pytest.mark.parametrize("t", THRESHOLDS)
def test_every_count_metric_at_a_threshold_is_scikit_learns(fitted, t):
    split, model, y = fitted
    scores = decision_scores(split.X_test, model.coef_, model.intercept_)
    predicted = (model.predict_proba(split.X_test)[:, 1] > t).astype(int)
    counts = threshold_counts(y, scores)
    assert np.array_equal(
        counts.confusion(t), metrics.confusion_matrix(y, predicted, labels=[0, 1])
    )
    got = counts.metrics(t)
    nan = dict(zero_division=np.nan)
    expected = {
        "accuracy": metrics.accuracy_score(y, predicted),
        "precision": metrics.precision_score(y, predicted, **nan),
        "recall": metrics.recall_score(y, predicted, **nan),
        "f1": metrics.f1_score(y, predicted, **nan),
        "balanced_accuracy": metrics.balanced_accuracy_score(y, predicted),
    }
    for key, value in expected.items():
        np.testing.assert_allclose(got[key], value, rtol=1e-12, err_msg=key)
    # The evaluation at t (the window's numbers) is the same, from its own counts.
    evaluation = evaluate(y, scores, 2).at(t)
    assert np.array_equal(evaluation.predicted, predicted)
    assert np.array_equal(evaluation.confusion, counts.confusion(t))
    for key in ("accuracy", "precision", "recall", "f1"):
        np.testing.assert_allclose(getattr(evaluation, key), expected[key], err_msg=key)
    direct = evaluate(y, scores, 2, threshold=t)
    for key in ("accuracy", "precision", "recall", "f1"):
        np.testing.assert_allclose(getattr(direct, key), expected[key], err_msg=key)


@pytest.mark.parametrize("t", [0.2, 0.5, 0.8])
def test_the_operating_point_lies_on_scikit_learns_roc_and_pr_curves(fitted, t):
    split, model, y = fitted
    scores = decision_scores(split.X_test, model.coef_, model.intercept_)
    evaluation = evaluate(y, scores, 2).at(t)
    point = evaluation.operating_point()
    fpr, tpr, cuts = metrics.roc_curve(y, scores[:, 0], drop_intermediate=False)
    # roc_curve predicts 1 for scores >= cut: the first cut above logit(t) is our decision.
    i = np.flatnonzero(cuts > logit(t))[-1] if (cuts > logit(t)).any() else 0
    assert (point["fpr"], point["tpr"]) == pytest.approx((fpr[i], tpr[i]))
    precision, recall, pr_cuts = metrics.precision_recall_curve(
        y, scores[:, 0], drop_intermediate=False
    )
    j = np.searchsorted(pr_cuts, logit(t), side="right")
    assert (point["recall"], point["precision"]) == pytest.approx((recall[j], precision[j]))
    np.testing.assert_allclose(evaluation.pr[0], metrics.precision_recall_curve(y, scores[:, 0])[0])
    assert evaluation.average_precision == pytest.approx(
        metrics.average_precision_score(y, scores[:, 0])
    )


@pytest.mark.parametrize("criterion", ["f1", "balanced_accuracy"])
def test_the_best_threshold_is_the_best_of_every_threshold(fitted, criterion):
    split, model, _ = fitted
    y = (split.y_train == split.classes[1]).astype(int)
    scores = decision_scores(split.X_train, model.coef_, model.intercept_)
    best = best_threshold(y, scores, criterion)
    score = {"f1": metrics.f1_score, "balanced_accuracy": metrics.balanced_accuracy_score}[
        criterion
    ]
    p1 = model.predict_proba(split.X_train)[:, 1]
    brute = max(score(y, (p1 > t).astype(int)) for t in np.unique(np.concatenate([p1, [0]])))
    assert score(y, (p1 > best).astype(int)) == pytest.approx(brute)
    assert 0 < best < 1


def test_several_classes_have_no_threshold():
    split = prepare_data(DataSettings(source="iris"))
    model = LogisticRegressionGD(epochs=100, random_state=0).fit(split.X_train, split.y_train)
    y = np.searchsorted(split.classes, split.y_test)
    evaluation = evaluate_weights(split.X_test, y, model.coef_, model.intercept_, 3)
    assert evaluation.counts is None and evaluation.at(0.9) is evaluation
    assert evaluation.operating_point() is None
    scores = decision_scores(split.X_test, model.coef_, model.intercept_)
    assert np.array_equal(predicted_at(scores, 0.9), np.argmax(scores, axis=1))
