"""Learning rates judged on the data: the largest safe rate, the largest rate that can
settle at the optimum, a rate to suggest, and how long a rate too small would crawl.

For plain (full-batch) gradient descent on ``J = mean cross-entropy + (l2/2)·||W||²``
(with an L1 part, L1 or elastic net, the proximal step takes the L1 part exactly, and the
limits are those of the smooth part: its ``l2`` alone counts):

* :func:`safe_rate` ``= 2/L``, with L the bound on J's curvature everywhere
  (:func:`~logreg_gui.core.model.curvature.lipschitz_constant`): below it every step lowers
  the objective, from any start. It depends on X alone and is cheap, but loose: the
  probabilities' ``p(1 − p)`` reach their bound 1/4 only where the model is unsure.
* :func:`stable_rate` ``= 2/λ_max(H)`` at given weights. At the optimum it is the exact
  limit: above it gradient descent cannot settle there — it swings between two points or
  drifts away — and below it, once close, it settles. On the shipped data it separates
  converging from non-converging rates within a few per cent, where the safe rate is
  3 to 40 times too cautious (measured: see the tests of this module).
* :func:`suggested_rate`: ``1/L`` rounded down to 1, 2 or 5 times a power of ten.
* :func:`crawl_estimate`: the epochs a run still falling at its measured pace would need.
"""

from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np

from ..model.class_weight import sample_weights
from ..model.curvature import (
    hessian_largest_eigenvalue,
    lipschitz_constant,
    round_down_125,
    suggested_rate,
)
from ..model.penalty import as_penalty

__all__ = [
    "CRAWL_TOLERANCE",
    "RateLimits",
    "crawl_estimate",
    "largest_stable_rate",
    "rate_limits",
    "round_down_125",
    "safe_rate",
    "stable_rate",
    "suggested_rate",
]

#: A run has come near the optimum once its objective is within this fraction of it: the
#: loss is shown with four significant digits, and the last one no longer moves.
CRAWL_TOLERANCE = 1e-3
#: The part of the curve (its last quarter, at least this many epochs) whose pace is measured.
CRAWL_MIN_EPOCHS = 10


class RateLimits(NamedTuple):
    """The learning rates of plain (full-batch) gradient descent on some data: below
    ``safe`` every step lowers the loss, from anywhere; below ``stable`` (None when the
    objective has no finite optimum) the run can settle at the optimum, above it the loss
    swings or explodes; ``suggested`` settles, a round number."""

    safe: float
    stable: float | None
    suggested: float | None


def rate_limits(X, y, n_classes, penalty, optimum, class_weights=None) -> RateLimits:
    """:class:`RateLimits` of data ``X``, ``y`` (class indices) with ``penalty`` (a
    :class:`~logreg_gui.core.model.penalty.Penalty`, or the strength of an L2 penalty), at
    ``optimum`` (an Optimum: its weights give the curvature there). The rates are those of
    the smooth part of the objective: the proximal step of an L1 part adds no curvature.
    ``class_weights`` (by class index): those of the weighted objective."""
    l2 = as_penalty(penalty).l2
    weights = sample_weights(class_weights, y)
    stable = None
    if optimum is not None and optimum.exists and optimum.coef is not None:
        stable = stable_rate(X, y, optimum.coef, optimum.intercept, l2, weights)
        stable = None if not math.isfinite(stable) else stable
    return RateLimits(
        safe_rate(X, n_classes, l2, weights),
        stable,
        suggested_rate(X, n_classes, l2, weights),
    )


def safe_rate(X, n_classes: int, l2: float = 0.0, sample_weight=None) -> float:
    """The largest learning rate at which every step of plain gradient descent lowers the
    objective, from any start: ``2/L`` (:func:`~logreg_gui.core.model.curvature.
    lipschitz_constant`).

    Parameters
    ----------
    X : ndarray of shape (m, d), the training features
    n_classes : int, 2 or more
    l2 : float, the strength of the penalty
    sample_weight : ndarray of shape (m,) or None, the rows' weights (class weights)

    Returns
    -------
    float
    """
    return 2.0 / lipschitz_constant(X, n_classes, l2, sample_weight)


def stable_rate(X, y, coef, intercept, l2: float = 0.0, sample_weight=None) -> float:
    """``2/λ_max`` of the objective's Hessian at ``(coef, intercept)``.

    At the optimum this is the exact limit of local stability: with a larger rate gradient
    descent cannot settle near the optimum (it oscillates or diverges); with a smaller one it
    settles once close. Elsewhere it is the limit for steps near those weights.

    Parameters
    ----------
    X : ndarray of shape (m, d)
    y : ndarray of shape (m,), class indices (checked for their length only: the Hessian of
        the cross-entropy does not depend on the labels)
    coef : ndarray of shape (k, d), ``k == 1`` for two classes
    intercept : ndarray of shape (k,)
    l2 : float
    sample_weight : ndarray of shape (m,) or None, the rows' weights (class weights)

    Returns
    -------
    float
        ``inf`` where the Hessian vanishes (every probability 0 or 1, and ``l2 = 0``).
    """
    if len(y) != len(X):
        raise ValueError(f"y has {len(y)} labels for {len(X)} rows of X")
    top = hessian_largest_eigenvalue(X, coef, intercept, l2, sample_weight)
    return 2.0 / top if top > 0 else math.inf


def largest_stable_rate(X, y, n_classes: int, penalty=0.0, class_weights=None) -> float | None:
    """:func:`stable_rate` at the optimum (found by
    :func:`~logreg_gui.core.analysis.optimum.find_optimum`): the largest rate with which
    plain gradient descent can settle. None when there is no finite optimum (classes that
    can be separated, without a penalty: the curvature then fades as the weights grow, and
    no rate is too large to settle in the end). ``penalty``: a Penalty, or the strength of an
    L2 penalty; ``class_weights`` (by class index): of the weighted objective.
    """
    from .optimum import find_optimum

    optimum = find_optimum(X, y, n_classes, penalty, class_weights=class_weights)
    if not optimum.exists:
        return None
    weights = sample_weights(class_weights, y)
    return stable_rate(X, y, optimum.coef, optimum.intercept, as_penalty(penalty).l2, weights)


def crawl_estimate(epochs, objective, optimum_objective, epochs_set) -> int | None:
    """The epoch by which a run still falling at its present pace would come near the
    optimum, when that is beyond the epochs set; None when it gets there in time or when no
    estimate is meaningful.

    Near the optimum gradient descent closes the gap ``objective − f*`` by a constant factor
    per epoch. That factor is measured over the last quarter of the curve (at least
    ``CRAWL_MIN_EPOCHS`` epochs), where the objective must fall at every epoch, and
    extrapolated to a gap of ``CRAWL_TOLERANCE × f*``. The pace only slows as the faster
    directions die out, so the estimate is a lower bound (about half the truth for a rate of
    0.01 on the seed's data after 3,000 epochs).

    Parameters
    ----------
    epochs : array of int, increasing (the records may skip epochs)
    objective : array of float, the objective at those epochs
    optimum_objective : float, the optimum f* of the objective (None or NaN: no estimate)
    epochs_set : int, the epochs the run is set to last

    Returns
    -------
    int or None
    """
    epochs = np.asarray(epochs, dtype=np.float64)
    values = np.asarray(objective, dtype=np.float64)
    if optimum_objective is None or not math.isfinite(optimum_objective) or len(epochs) < 2:
        return None
    best = float(optimum_objective)
    tolerance = CRAWL_TOLERANCE * abs(best)
    if not tolerance > 0:
        return None
    last = epochs[-1]
    span = max((last - epochs[0]) / 4, CRAWL_MIN_EPOCHS)
    window = epochs >= last - span
    if last - epochs[0] < CRAWL_MIN_EPOCHS or window.sum() < 2:
        return None
    gap = values[window] - best
    if not np.all(np.isfinite(gap)) or gap[-1] <= tolerance or not np.all(gap > 0):
        return None
    if not np.all(np.diff(values[window]) < 0):
        return None  # swinging, noisy or rising: no steady pace to extrapolate
    used = epochs[window]
    pace = math.log(gap[-1] / gap[0]) / (used[-1] - used[0])  # log of the factor per epoch
    if not pace < 0:
        return None
    needed = math.ceil(last + math.log(tolerance / gap[-1]) / pace)
    return needed if needed > epochs_set else None
