"""How good a model is on some data: the usual classification metrics, from sklearn.metrics.

Everything derives from the model's scores, as training does: the predicted class is
:func:`~logreg_gui.core.analysis.threshold.predicted_at` (``z > logit(t)`` for two classes at
the decision threshold ``t``; ``z > 0`` at 0.5, as ``predict``), the
log-loss is the exact cross-entropy gradient descent minimises (no clipping of
probabilities), and the ROC curve of two classes ranks the scores themselves (probabilities
of 1.0 would tie where the scores do not).
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, replace

import numpy as np
from sklearn import metrics
from sklearn.exceptions import UndefinedMetricWarning

from ..i18n import translate
from ..model.objective import class_probabilities, cross_entropy, decision_scores
from .threshold import ThresholdCounts, predicted_at, threshold_counts

__all__ = ["Evaluation", "evaluate", "evaluate_weights", "predictions_frame"]


@dataclass(frozen=True, eq=False)
class Evaluation:
    """Metrics of a model's scores against true class indices.

    ``precision``, ``recall`` and ``f1`` are of the positive class (index 1) for two classes.
    For more, they are macro averages over the classes present (in the truth or the
    predictions) — a class absent from this part of the data neither counts as a failure
    nor as a success — and NaN where no class allows the metric (``averaging`` says which).
    ROC curves: one for two classes, one per class (one-vs-rest) for more; a class absent
    from the data has an empty curve and AUC NaN.

    ``balanced_accuracy`` is the mean recall of the classes present (scikit-learn's
    ``balanced_accuracy_score``); ``majority`` the accuracy of always predicting the most
    frequent class of these samples (the baseline an accuracy must beat).

    Two classes also have a decision ``threshold`` (the predictions and every count metric
    are of P(1) > threshold; :meth:`at` gives them at another one, in O(log n)), the
    threshold ``counts``, the precision–recall curve ``pr`` (precision, recall) and its
    ``average_precision``; the ROC and PR curves do not depend on the threshold, which is
    a point on each (:meth:`operating_point`).
    """

    n_samples: int
    predicted: np.ndarray
    confusion: np.ndarray
    recall_per_class: np.ndarray
    accuracy: float
    precision: float
    recall: float
    f1: float
    log_loss: float
    roc: list
    auc: list
    macro_auc: float
    averaging: str
    scores: np.ndarray | None = None
    balanced_accuracy: float = float("nan")
    majority: float = float("nan")
    threshold: float = 0.5
    counts: ThresholdCounts | None = None
    pr: tuple | None = None
    average_precision: float = float("nan")

    def at(self, threshold) -> Evaluation:
        """These metrics at decision ``threshold`` (two classes; more: unchanged)."""
        if self.counts is None or threshold == self.threshold:
            return self
        (tn, fp), (fn, tp) = confusion = self.counts.confusion(threshold)
        ratios = self.counts.metrics(threshold)
        with np.errstate(invalid="ignore", divide="ignore"):
            recall_per_class = np.array(
                [tn / (tn + fp) if tn + fp else np.nan, tp / (tp + fn) if tp + fn else np.nan]
            )
        return replace(
            self,
            threshold=float(threshold),
            predicted=predicted_at(self.scores, threshold),
            confusion=confusion,
            recall_per_class=recall_per_class,
            accuracy=ratios["accuracy"],
            balanced_accuracy=ratios["balanced_accuracy"],
            precision=ratios["precision"],
            recall=ratios["recall"],
            f1=ratios["f1"],
        )

    def operating_point(self) -> dict | None:
        """Where the threshold puts two classes on the ROC curve (``fpr``, ``tpr``) and on
        the precision–recall curve (``recall``, ``precision``); None for more classes."""
        if self.counts is None:
            return None
        ratios = self.counts.metrics(self.threshold)
        return {key: ratios[key] for key in ("fpr", "tpr", "recall", "precision")}


def evaluate(y, scores, n_classes, threshold=0.5) -> Evaluation:
    """Evaluate decision ``scores`` (n, k) — k == 1 for two classes — against class indices
    ``y`` (n,) of ``n_classes`` classes; two classes at decision ``threshold`` on P(1)."""
    y = np.asarray(y)
    scores = np.asarray(scores, dtype=float)
    labels = np.arange(n_classes)
    predicted = predicted_at(scores, threshold)
    proba = class_probabilities(scores)
    confusion = metrics.confusion_matrix(y, predicted, labels=labels)
    support = confusion.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        recall_per_class = np.where(
            support > 0, np.diag(confusion) / np.maximum(support, 1), np.nan
        )
    binary = n_classes == 2
    if binary:
        kwargs = dict(average="binary", pos_label=1, zero_division=np.nan)
        averaging = translate("evaluation", "positive class")
    else:
        present = np.union1d(np.unique(y), np.unique(predicted))
        kwargs = dict(labels=present, average="macro", zero_division=np.nan)
        averaging = translate(
            "evaluation", "macro average over the {count} classes present"
        ).format(count=len(present))
    with warnings.catch_warnings():
        # A class with no predictions has no precision: NaN says so, no warning needed.
        warnings.simplefilter("ignore", UndefinedMetricWarning)
        precision = metrics.precision_score(y, predicted, **kwargs)
        recall = metrics.recall_score(y, predicted, **kwargs)
        f1 = metrics.f1_score(y, predicted, **kwargs)
    roc, auc = [], []
    curves = [1] if binary else list(labels)
    for k in curves:
        positive = y == k
        if positive.all() or not positive.any():
            roc.append((np.array([]), np.array([])))
            auc.append(float("nan"))
            continue
        ranking = scores[:, 0] if binary else proba[:, k]
        fpr, tpr, _ = metrics.roc_curve(positive, ranking)
        roc.append((fpr, tpr))
        auc.append(float(metrics.auc(fpr, tpr)))
    counts, pr, average_precision = None, None, float("nan")
    if binary:
        counts = threshold_counts(y, scores)
        if 0 < counts.positives < counts.n:
            precisions, recalls, _ = metrics.precision_recall_curve(y == 1, scores[:, 0])
            pr = (precisions, recalls)
            average_precision = float(metrics.average_precision_score(y == 1, scores[:, 0]))
    if binary:
        macro_auc = auc[0]
    elif len(np.unique(y)) == n_classes:
        macro_auc = float(
            metrics.roc_auc_score(y, proba, multi_class="ovr", average="macro", labels=labels)
        )
    else:
        macro_auc = float("nan")
    return Evaluation(
        n_samples=len(y),
        predicted=predicted,
        confusion=confusion,
        recall_per_class=recall_per_class,
        accuracy=float(np.mean(predicted == y)) if len(y) else float("nan"),
        precision=float(precision),
        recall=float(recall),
        f1=float(f1),
        log_loss=cross_entropy(scores, y) if len(y) else float("nan"),
        roc=roc,
        auc=auc,
        macro_auc=macro_auc,
        averaging=averaging,
        scores=scores,
        balanced_accuracy=float(np.nanmean(recall_per_class)) if len(y) else float("nan"),
        majority=float(np.max(support) / len(y)) if len(y) else float("nan"),
        threshold=float(threshold),
        counts=counts,
        pr=pr,
        average_precision=average_precision,
    )


def evaluate_weights(X, y, coef, intercept, n_classes, threshold=0.5) -> Evaluation:
    """:func:`evaluate` weights ``coef`` (k, d), ``intercept`` (k,) on ``X`` and indices ``y``."""
    return evaluate(y, decision_scores(X, coef, intercept), n_classes, threshold)


def predictions_frame(split, coef, intercept, threshold=0.5):
    """The test samples of ``split`` (SplitData) as a table: their number, their features in
    their own units, the true class, the class predicted by ``coef``, ``intercept`` (two
    classes: P(1) above ``threshold``) and the probability of every class (pandas DataFrame,
    what File ▸ Export predictions writes)."""
    import pandas as pd

    scores = decision_scores(split.X_test, coef, intercept)
    probabilities = class_probabilities(scores)
    classes = split.classes
    features = split.X_test if split.X_test_display is None else split.X_test_display
    columns = {"test sample": np.arange(len(split.y_test))}
    for j, name in enumerate(split.feature_names):
        columns[str(name)] = features[:, j]
    target = split.target_name or "class"
    columns[f"true {target}"] = split.y_test
    columns[f"predicted {target}"] = classes[predicted_at(scores, threshold)]
    for j, label in enumerate(classes):
        columns[f"P({label})"] = probabilities[:, j]
    return pd.DataFrame(columns)
