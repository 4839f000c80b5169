"""Overfitting during a run: the test loss rising while the training loss falls.

The rule, on the per-epoch curves of mean cross-entropy (both without the penalty), each
first smoothed by a running mean over 2 % of the points (mini-batch noise must not look
like a rise):

* ``E`` is the epoch of the lowest (smoothed) test loss ``A``; ``B`` is the test loss now,
  ``C`` and ``D`` the training loss at ``E`` and now;
* it is overfitting when at least :data:`MIN_EPOCHS` epochs and 5 % of the run have passed
  since ``E``, ``B ≥ A + max(10 % of A, 0.01)`` (a clear rise, not a wobble) and
  ``D ≤ 0.99·C`` (the training loss kept falling).

Gradient descent on the training objective keeps lowering the training loss; once the test
loss turns up, more epochs fit the training samples' noise rather than what the test
samples share with them.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

__all__ = ["MIN_EPOCHS", "RunOverfitting", "overfitting_in_run"]

#: Epochs that must have passed since the test loss's minimum.
MIN_EPOCHS = 5
#: ... and this fraction of the epochs run.
MIN_SHARE = 0.05
#: The test loss must have risen by this fraction of its minimum, and at least RISE_ABS.
RISE_REL = 0.1
RISE_ABS = 0.01
#: The training loss must have fallen below this fraction of its value at the minimum.
FALL = 0.99
#: Points of the running mean: this fraction of the points.
SMOOTHING = 0.02


class RunOverfitting(NamedTuple):
    """Since epoch ``since`` the test loss rose from ``test_from`` to ``test_to`` while
    the training loss fell from ``train_from`` to ``train_to``."""

    since: int
    test_from: float
    test_to: float
    train_from: float
    train_to: float


def _smoothed(values, width):
    if width <= 1:
        return values
    kernel = np.ones(width) / width
    # 'valid' then padded at the start with the first means: no edge bias at the end, which
    # is where "now" is read.
    means = np.convolve(values, kernel, mode="valid")
    return np.concatenate([np.full(width - 1, means[0]), means])


def overfitting_in_run(epochs, train_loss, test_loss) -> RunOverfitting | None:
    """Overfitting in the curves of a run (by the rule of this module), or None.

    ``epochs`` increasing; ``train_loss``, ``test_loss`` the mean cross-entropy on each
    part at those epochs (NaN where there is no test part).
    """
    epochs = np.asarray(epochs, dtype=float)
    train = np.asarray(train_loss, dtype=float)
    test = np.asarray(test_loss, dtype=float)
    keep = np.isfinite(test) & np.isfinite(train)
    epochs, train, test = epochs[keep], train[keep], test[keep]
    if len(epochs) < 3:
        return None
    width = max(1, int(SMOOTHING * len(epochs)))
    train, test = _smoothed(train, width), _smoothed(test, width)
    lowest = int(np.argmin(test))
    since, now = epochs[lowest], epochs[-1]
    elapsed = now - since
    if elapsed < MIN_EPOCHS or elapsed < MIN_SHARE * (now - epochs[0]):
        return None
    a, b, c, d = test[lowest], test[-1], train[lowest], train[-1]
    if b < a + max(RISE_REL * a, RISE_ABS) or d > FALL * c:
        return None
    return RunOverfitting(round(float(since)), float(a), float(b), float(c), float(d))
