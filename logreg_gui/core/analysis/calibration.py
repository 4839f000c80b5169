"""Are the probabilities honest? The reliability diagram of two classes: the share of
positives among the samples given about the same probability, against that probability
(scikit-learn's ``calibration_curve``, bins of equal width or of equal counts), and the
Brier score, the mean squared distance between probability and outcome."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

__all__ = ["Calibration", "calibration"]


@dataclass(frozen=True, eq=False)
class Calibration:
    """``predicted``: the mean probability of each non-empty bin; ``observed``: the share of
    positives in it; ``counts``: its samples; ``brier``: the Brier score; ``strategy``:
    "uniform" or "quantile"."""

    predicted: np.ndarray
    observed: np.ndarray
    counts: np.ndarray
    brier: float
    strategy: str


def calibration(y, probabilities, n_bins=10, strategy="uniform") -> Calibration:
    """The reliability diagram of probabilities of the positive class (1) against ``y``."""
    from sklearn.calibration import calibration_curve
    from sklearn.metrics import brier_score_loss

    y = np.asarray(y).astype(int)
    p = np.clip(np.asarray(probabilities, dtype=float), 0.0, 1.0)
    observed, predicted = calibration_curve(y, p, n_bins=n_bins, strategy=strategy)
    if strategy == "quantile":
        edges = np.percentile(p, np.linspace(0, 100, n_bins + 1))
    else:
        edges = np.linspace(0.0, 1.0, n_bins + 1)
    bins = np.searchsorted(edges[1:-1], p, side="right")
    counts = np.bincount(bins, minlength=len(edges) - 1)
    counts = counts[counts > 0]
    return Calibration(predicted, observed, counts, float(brier_score_loss(y, p)), strategy)
