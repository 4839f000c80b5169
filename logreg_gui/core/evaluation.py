"""How good a model is on some data: the usual classification metrics, from sklearn.metrics."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from sklearn import metrics

__all__ = ["Evaluation", "evaluate", "evaluate_weights"]


@dataclass(frozen=True, eq=False)
class Evaluation:
    """Metrics of predicted probabilities against true class indices.

    ``precision``, ``recall`` and ``f1`` are of the positive class (index 1) for two classes
    and macro averages for more. ROC curves: one for two classes, one per class
    (one-vs-rest) for more; a class absent from the data has an empty curve and AUC NaN.
    """

    n_samples: int
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


def evaluate(y, proba, n_classes) -> Evaluation:
    """Evaluate probabilities ``proba`` (n, n_classes) against class indices ``y`` (n,)."""
    y = np.asarray(y)
    proba = np.asarray(proba, dtype=float)
    labels = np.arange(n_classes)
    predicted = proba.argmax(axis=1)
    confusion = metrics.confusion_matrix(y, predicted, labels=labels)
    support = confusion.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        recall_per_class = np.where(
            support > 0, np.diag(confusion) / np.maximum(support, 1), np.nan
        )
    binary = n_classes == 2
    average = "binary" if binary else "macro"
    kwargs = dict(labels=labels if not binary else None, average=average, zero_division=0)
    if binary:
        kwargs["pos_label"] = 1
    precision = metrics.precision_score(y, predicted, **kwargs)
    recall = metrics.recall_score(y, predicted, **kwargs)
    f1 = metrics.f1_score(y, predicted, **kwargs)
    log_loss = metrics.log_loss(y, proba, labels=labels)
    roc, auc = [], []
    curves = [1] if binary else list(labels)
    for k in curves:
        positive = y == k
        if positive.all() or not positive.any():
            roc.append((np.array([]), np.array([])))
            auc.append(float("nan"))
            continue
        fpr, tpr, _ = metrics.roc_curve(positive, proba[:, k])
        roc.append((fpr, tpr))
        auc.append(float(metrics.auc(fpr, tpr)))
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
        confusion=confusion,
        recall_per_class=recall_per_class,
        accuracy=float(metrics.accuracy_score(y, predicted)),
        precision=float(precision),
        recall=float(recall),
        f1=float(f1),
        log_loss=float(log_loss),
        roc=roc,
        auc=auc,
        macro_auc=macro_auc,
        averaging="positive class" if binary else "macro average",
    )


def evaluate_weights(X, y, coef, intercept, n_classes) -> Evaluation:
    """:func:`evaluate` the model with weights ``coef``, ``intercept`` on ``X`` and indices ``y``."""
    from .objective import class_probabilities, decision_scores

    return evaluate(y, class_probabilities(decision_scores(X, coef, intercept)), n_classes)
