"""Why the model predicts what it predicts for one sample: its scores, probabilities and the
contribution ``w_i * x_i`` of each feature to each score."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..model.objective import class_probabilities, decision_scores, predicted_indices

__all__ = ["SampleExplanation", "explain_sample"]


@dataclass(frozen=True, eq=False)
class SampleExplanation:
    """The model's reasoning for one sample.

    Attributes
    ----------
    x : ndarray of shape (n_features,), the sample as the model sees it (after scaling)
    contributions : ndarray of shape (k, n_features), ``coef * x``; row ``j`` sums with
        ``intercept[j]`` to ``scores[j]``
    intercept : ndarray of shape (k,)
    scores : ndarray of shape (k,), ``z = w · x + b``; ``k == 1`` for two classes (the
        log-odds of the second class), ``k == n_classes`` for softmax
    probabilities : ndarray of shape (n_classes,)
    predicted_index : int, index into the model's classes
    """

    x: np.ndarray
    contributions: np.ndarray
    intercept: np.ndarray
    scores: np.ndarray
    probabilities: np.ndarray
    predicted_index: int


def explain_sample(x, coef, intercept) -> SampleExplanation:
    """Explain the prediction of weights ``coef`` (k, d) and ``intercept`` (k,) for sample ``x`` (d,)."""
    x = np.asarray(x, dtype=float).reshape(-1)
    coef = np.asarray(coef, dtype=float)
    intercept = np.asarray(intercept, dtype=float).reshape(-1)
    scores = decision_scores(x[None, :], coef, intercept)
    return SampleExplanation(
        x=x,
        contributions=coef * x[None, :],
        intercept=intercept,
        scores=scores[0],
        probabilities=class_probabilities(scores)[0],
        predicted_index=int(predicted_indices(scores)[0]),
    )
