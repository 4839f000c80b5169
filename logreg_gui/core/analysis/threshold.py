"""The decision threshold of two classes: a sample is predicted as class 1 when its
probability P(1) = σ(z) is above the threshold ``t`` (0.5 is what ``predict`` does).

The threshold is compared in score space, ``z > logit(t)``: the same decision as
``σ(z) > t`` without the ties of probabilities that round to 0 or 1. scikit-learn's
``FixedThresholdClassifier`` decides ``P(1) >= t``; the two differ only for a probability
exactly equal to ``t`` (at 0.5 this module agrees with ``predict``, which is ``z > 0``).

:class:`ThresholdCounts` sorts the scores once; then the confusion matrix and every count
metric at any threshold are read in O(log n), as a slider moves.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ..model.objective import predicted_indices, sigmoid

__all__ = [
    "BEST_CRITERIA",
    "ThresholdCounts",
    "best_threshold",
    "logit",
    "predicted_at",
    "threshold_counts",
]

#: What "best" may mean for a threshold: the metrics :meth:`ThresholdCounts.best` maximises.
BEST_CRITERIA = ("f1", "balanced_accuracy")


def logit(t) -> float:
    """The score ``z`` where σ(z) = ``t``: −inf at 0, +inf at 1."""
    t = float(t)
    if t <= 0.0:
        return -math.inf
    if t >= 1.0:
        return math.inf
    return math.log(t) - math.log1p(-t)


def predicted_at(scores, threshold=0.5) -> np.ndarray:
    """The class index predicted for each row of ``scores`` (n, k): for two classes (k == 1)
    class 1 when P(1) > ``threshold``; for more, the class of the highest score (no threshold
    applies)."""
    scores = np.asarray(scores, dtype=float)
    if scores.shape[1] != 1 or threshold == 0.5:
        return predicted_indices(scores)
    return (scores[:, 0] > logit(threshold)).astype(np.intp)


@dataclass(frozen=True, eq=False)
class ThresholdCounts:
    """The scores of two-class samples, sorted, with the number of positives among the
    lowest ``i`` of them: what every threshold's confusion matrix is read from.

    Attributes
    ----------
    scores : ndarray (n,), the scores z in increasing order
    positives_below : ndarray (n + 1,), positives among the ``i`` lowest scores
    """

    scores: np.ndarray
    positives_below: np.ndarray

    @property
    def n(self) -> int:
        return len(self.scores)

    @property
    def positives(self) -> int:
        return int(self.positives_below[-1])

    @property
    def negatives(self) -> int:
        return self.n - self.positives

    def _true_false_positives(self, cut):
        """(TP, FP) of predicting 1 for scores above ``cut`` (scalars or arrays)."""
        below = np.searchsorted(self.scores, cut, side="right")
        tp = self.positives - self.positives_below[below]
        fp = (self.n - below) - tp
        return tp, fp

    def confusion(self, threshold) -> np.ndarray:
        """The 2 × 2 confusion matrix at ``threshold``: rows the true class, columns the
        predicted one, ``[[TN, FP], [FN, TP]]``."""
        tp, fp = self._true_false_positives(logit(threshold))
        fn, tn = self.positives - tp, self.negatives - fp
        return np.array([[tn, fp], [fn, tp]], dtype=np.int64)

    def metrics(self, threshold) -> dict:
        """Accuracy, precision, recall, F1 and balanced accuracy of class 1 at ``threshold``,
        and the ROC point (false- and true-positive rates). NaN where a ratio has nothing to
        divide (no sample predicted 1 has no precision), as scikit-learn's
        ``zero_division=np.nan``."""
        (tn, fp), (fn, tp) = self.confusion(threshold)
        return _ratios(tp, fp, fn, tn)

    def best(self, criterion="f1") -> float:
        """The threshold that maximises ``criterion`` (one of :data:`BEST_CRITERIA`) on these
        samples: halfway (in score) between two neighbouring distinct scores, or just past the
        lowest or highest; among equally good ones, the nearest to 0.5."""
        if criterion not in BEST_CRITERIA:
            raise ValueError(f"criterion must be one of {BEST_CRITERIA}, not {criterion!r}")
        distinct = np.unique(self.scores)
        if len(distinct) == 0:
            return 0.5
        cuts = np.concatenate(
            [[distinct[0] - 1.0], (distinct[:-1] + distinct[1:]) / 2, [distinct[-1] + 1.0]]
        )
        tp, fp = self._true_false_positives(cuts)
        fn, tn = self.positives - tp, self.negatives - fp
        values = _ratios(tp, fp, fn, tn)[criterion]
        values = np.where(np.isfinite(values), values, -np.inf)
        best = np.flatnonzero(values == values.max())
        thresholds = sigmoid(cuts[best])
        return float(thresholds[np.argmin(np.abs(thresholds - 0.5))])


def _ratios(tp, fp, fn, tn) -> dict:
    tp, fp, fn, tn = (np.asarray(v, dtype=float) for v in (tp, fp, fn, tn))
    with np.errstate(invalid="ignore", divide="ignore"):
        total = tp + fp + fn + tn
        precision = np.where(tp + fp > 0, tp / (tp + fp), np.nan)
        recall = np.where(tp + fn > 0, tp / (tp + fn), np.nan)
        f1 = np.where(2 * tp + fp + fn > 0, 2 * tp / (2 * tp + fp + fn), np.nan)
        tnr = np.where(tn + fp > 0, tn / (tn + fp), np.nan)
        fpr = np.where(tn + fp > 0, fp / (tn + fp), np.nan)
        out = {
            "accuracy": np.where(total > 0, (tp + tn) / total, np.nan),
            "precision": precision,
            "recall": recall,
            "f1": f1,
            "balanced_accuracy": (recall + tnr) / 2,
            "fpr": fpr,
            "tpr": recall,
        }
    if out["accuracy"].ndim == 0:
        return {key: float(value) for key, value in out.items()}
    return out


def threshold_counts(y, scores) -> ThresholdCounts:
    """:class:`ThresholdCounts` of two-class ``scores`` (n,) or (n, 1) against class
    indices ``y`` (1 is the positive class)."""
    scores = np.asarray(scores, dtype=float).reshape(-1)
    y = np.asarray(y).reshape(-1)
    order = np.argsort(scores, kind="stable")
    positive = (y[order] == 1).astype(np.int64)
    return ThresholdCounts(
        scores=scores[order], positives_below=np.concatenate([[0], np.cumsum(positive)])
    )


def best_threshold(y, scores, criterion="f1") -> float:
    """The threshold of two-class ``scores`` that maximises ``criterion`` against ``y``."""
    return threshold_counts(y, scores).best(criterion)
