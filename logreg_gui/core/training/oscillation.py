"""A loss that swings up and down every epoch without settling: said as a warning while the
run goes on, and in the message it ends with.

Gradient descent with too large a rate for the curvature at the optimum (above ``2/λ_max``,
see :mod:`~logreg_gui.core.model.curvature`) cannot settle there: it falls into a cycle of
two points and the loss alternates between two values, every epoch, for as long as the run
lasts — a curve that looks flat from afar and a run that ends "completed".
"""

from __future__ import annotations

import math
from collections import deque
from typing import NamedTuple

import numpy as np

__all__ = ["Oscillation", "Swing"]

#: Consecutive changes of direction of the loss (up, down, up, …) that make a swing. Noise
#: (mini-batches) changes direction about two times in three: 30 in a row is a chance of a
#: few in a million per epoch, before the amplitudes are even weighed.
SWING_FLIPS = 30
#: A swing keeps its amplitude: the last change is at least this fraction of the change
#: ``SWING_FLIPS`` epochs before (an oscillation dying out geometrically, as one below the
#: limit of stability does, shrinks faster)...
SWING_KEEP = 0.8
#: ... and no change within those epochs is smaller than this fraction of the largest.
SWING_SPREAD = 0.25
#: Changes of the loss below this fraction of its value are rounding, not a swing (a run
#: at its optimum may alternate between two neighbouring floats forever).
SWING_FLOOR = 1e-5
#: Up to this many epochs a call, the watch goes epoch by epoch in plain Python.
_FEW = 16


class Swing(NamedTuple):
    """A loss alternating between two values: since epoch ``first`` (the epoch whose change
    began the run of alternations), between ``low`` and ``high`` at epoch ``seen``."""

    first: int
    low: float
    high: float
    seen: int


class Oscillation:
    """Watches the objective, epoch by epoch, for a period-two swing that does not die out.

    The state carried from one call to the next is that of the last epoch fed (its value,
    the direction of its change, the length of the current run of alternations and the last
    ``flips`` amplitudes), so the verdict does not depend on how the epochs were batched.

    Parameters
    ----------
    flips : int, even
        Consecutive changes of direction needed (``SWING_FLIPS``).
    start : int
        The epoch of the initial state: meeting it (again) starts the watch afresh.
    """

    def __init__(self, flips=SWING_FLIPS, start=0):
        if flips < 2 or flips % 2:
            raise ValueError(f"flips must be an even number of at least 2, got {flips}")
        self.flips = int(flips)
        self.start = int(start)
        self.found: Swing | None = None
        self.swinging: Swing | None = None
        self._reset(math.nan)

    def _reset(self, value):
        self._last = float(value)
        self._direction = 0.0
        self._streak = 0
        # The amplitudes of the last ``flips`` changes, oldest first.
        self._amplitudes = deque([math.nan] * self.flips, maxlen=self.flips)

    def update(self, epochs, objective):
        """Feed consecutive epochs and their objective.

        Returns the :class:`Swing` the first time one is recognised (its first epoch, and
        the two values it alternates between at the epoch it is recognised), and None
        otherwise (and ever after). :attr:`swinging` is the swing going on at the last epoch
        fed, or None; :attr:`found` the first one recognised.
        """
        if len(epochs) <= _FEW:
            # A few epochs at a time (a run stepped epoch by epoch) cost less in plain
            # Python than numpy's overhead per call; both ways give the same verdicts.
            epochs = np.asarray(epochs).tolist()
            values = np.asarray(objective, dtype=np.float64).tolist()
            if self.start in epochs:
                i = len(epochs) - 1 - epochs[::-1].index(self.start)
                self._restart(values[i])
                epochs, values = epochs[i + 1 :], values[i + 1 :]
            return self._update_few(epochs, values)
        epochs = np.asarray(epochs, dtype=np.int64)
        values = np.asarray(objective, dtype=np.float64)
        restart = np.flatnonzero(epochs == self.start)
        if len(restart):
            i = restart[-1]
            self._restart(values[i])
            epochs, values = epochs[i + 1 :], values[i + 1 :]
        if len(values) == 0:
            return None
        return self._update_many(epochs, values)

    def _restart(self, value):
        """The initial state starts the watch (again)."""
        self._reset(value)
        self.swinging = None

    def _update_few(self, epochs, values):
        found = None
        ok = False
        amplitudes = self._amplitudes
        for epoch, value in zip(epochs, values):
            previous = self._last
            change = value - previous
            amplitude = abs(change)
            direction = 0.0
            if amplitude > SWING_FLOOR * max(abs(value), abs(previous)):
                direction = math.copysign(1.0, change)
            flipped = direction != 0 and direction == -self._direction
            self._streak = self._streak + 1 if flipped else 0
            ok = self._streak >= self.flips and amplitude >= SWING_KEEP * amplitudes[0]
            if ok:
                ok = min(min(amplitudes), amplitude) >= SWING_SPREAD * max(
                    max(amplitudes), amplitude
                )
            amplitudes.append(amplitude)
            self._last, self._direction = value, direction
            if ok and self.found is None:
                found = self.found = self._describe(epoch, self._streak, previous, value)
            self.swinging = self._describe(epoch, self._streak, previous, value) if ok else None
        return found

    def _update_many(self, epochs, values):
        m = len(values)
        previous = np.concatenate([[self._last], values[:-1]])
        change = values - previous
        amplitude = np.abs(change)
        floor = SWING_FLOOR * np.maximum(np.abs(values), np.abs(previous))
        with np.errstate(invalid="ignore"):
            direction = np.where(amplitude > floor, np.sign(change), 0.0)
        before = np.concatenate([[self._direction], direction[:-1]])
        flipped = (direction != 0) & (direction == -before)
        # Length of the run of flips ending at each epoch: the distance to the last epoch
        # without a flip, or to the run carried over from the last call.
        index = np.arange(m)
        unflipped = np.maximum.accumulate(np.where(flipped, -1 - self._streak, index))
        streak = index - unflipped
        history = np.concatenate([np.array(self._amplitudes), amplitude])
        ok = np.zeros(m, bool)
        candidates = np.flatnonzero(streak >= self.flips)
        if len(candidates):
            windows = np.lib.stride_tricks.sliding_window_view(history, self.flips + 1)
            windows = windows[candidates]
            ok[candidates] = (windows[:, -1] >= SWING_KEEP * windows[:, 0]) & (
                windows.min(axis=1) >= SWING_SPREAD * windows.max(axis=1)
            )
        found = None
        if self.found is None and ok.any():
            i = int(np.argmax(ok))
            found = self.found = self._describe(epochs[i], streak[i], previous[i], values[i])
        self.swinging = None
        if ok[-1]:
            self.swinging = self._describe(epochs[-1], streak[-1], previous[-1], values[-1])
        self._last = float(values[-1])
        self._direction = float(direction[-1])
        self._streak = int(streak[-1])
        self._amplitudes.extend(history[-self.flips :].tolist())
        return found

    @staticmethod
    def _describe(epoch, streak, previous, value):
        # A run of s flips at epoch e spans the changes of epochs e - s .. e.
        low, high = sorted((float(previous), float(value)))
        return Swing(int(epoch) - int(streak), low, high, int(epoch))
