"""A loss that rises over a window of epochs without exploding: said as a warning while the
run goes on (divergence, by contrast, ends the run)."""

from __future__ import annotations

import math

import numpy as np

__all__ = ["RisingLoss"]

#: Epochs over which a rising loss is looked for.
RISE_WINDOW = 50
#: A window whose mean loss exceeds ``RISE_FACTOR × best + RISE_MARGIN`` is a rising loss.
RISE_FACTOR = 1.5
RISE_MARGIN = 0.01


class RisingLoss:
    """Watches the objective, window by window, for a rise that is not yet divergence.

    Windows are fixed epoch ranges (1–50, 51–100, … after the first epoch ``start``), so
    the verdict does not depend on how the epochs were batched.
    """

    def __init__(self, window=RISE_WINDOW, start=0):
        self.window = window
        self.start = start
        self.best = math.inf
        self.best_epoch = 0
        self._sum = 0.0
        self._count = 0

    def update(self, epochs, objective):
        """Feed consecutive epochs; returns (first epoch, last epoch, mean, best, best
        epoch) of the first rising window they complete, or None."""
        found = None
        i, m = 0, len(epochs)
        while i < m:
            if epochs[i] == self.start:  # the initial state starts the watch
                self.best, self.best_epoch = float(objective[0]), 0
                i += 1
                continue
            take = min(m - i, self.window - self._count)
            chunk = objective[i : i + take]
            best_before, best_epoch_before = self.best, self.best_epoch
            self._sum += float(np.sum(chunk))
            self._count += take
            j = int(np.argmin(chunk))
            if chunk[j] < self.best:
                self.best, self.best_epoch = float(chunk[j]), int(epochs[i + j])
            i += take
            if self._count == self.window:
                mean = self._sum / self.window
                if found is None and mean > RISE_FACTOR * best_before + RISE_MARGIN:
                    last = int(epochs[i - 1])
                    found = (last - self.window + 1, last, mean, best_before, best_epoch_before)
                self._sum, self._count = 0.0, 0
        return found
