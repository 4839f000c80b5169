"""A run's history in memory that does not grow with the run.

:class:`CurveHistory` keeps the per-epoch curves (losses, accuracies) at full resolution
while they fit in a fixed number of buckets; beyond that each bucket covers 2, 4, 8… epochs
and keeps the minimum and the maximum of each curve over them, so that no spike is hidden.
Appending costs the batch, never the history.

:class:`WeightHistory` keeps every epoch's parameters within a byte budget; beyond it, every
second, fourth… epoch (the stride doubles each time the budget fills), and always the latest
epochs exactly, for stepping back one epoch at a time. Together they let a window show a run
of 10⁸ epochs in bounded memory.
"""

from __future__ import annotations

import numpy as np

from ..i18n import said, translate
from .blog_log import LogRecords

__all__ = ["CURVES", "CurveHistory", "RunHistory", "WeightHistory"]

#: Mini-batch epochs whose shuffled order a run keeps (the latest ones delivered).
MAX_ORDERS = 16
#: Events a run keeps (pauses, resumptions, learning-rate changes; the latest ones).
MAX_EVENTS = 10_000

#: The curves kept, in column order.
CURVES = ("train_loss", "train_accuracy", "objective", "test_loss", "test_accuracy")


class CurveHistory:
    """Per-epoch curves of one run, bounded to ``capacity`` buckets.

    Epochs must arrive in order, each once, starting anywhere (a run continued from a step
    back starts after its first epoch). Bucket ``i`` covers epochs ``[first + i·w, first +
    (i+1)·w)`` where ``w`` is :attr:`width` (1 while everything fits).
    """

    def __init__(self, capacity=2**18):
        if capacity < 2 or capacity % 2:
            raise ValueError("capacity must be an even number of at least 2.")
        self.capacity = int(capacity)
        self.width = 1
        self.first = None  # the first epoch
        self.last = None  # the last epoch appended
        self.size = 0  # buckets in use
        # Made as the buckets fill (doubling), up to the capacity: a short run holds little.
        self._low = np.empty((0, len(CURVES)))
        self._high = np.empty((0, len(CURVES)))

    def __len__(self) -> int:
        return self.size

    @property
    def n_epochs(self) -> int:
        """Epochs appended so far."""
        return 0 if self.first is None else self.last - self.first + 1

    def clear(self) -> None:
        """Forget everything (keeps the capacity)."""
        self.width, self.first, self.last, self.size = 1, None, None, 0

    def append(self, epochs, values) -> None:
        """Add consecutive epochs.

        Parameters
        ----------
        epochs : ndarray of shape (m,), consecutive integers following :attr:`last`
        values : mapping of each name in :data:`CURVES` to an ndarray of shape (m,) (NaN
            where a curve has no value, such as the test loss without a test set), or an
            ndarray of shape (m, len(CURVES))
        """
        epochs = np.asarray(epochs, dtype=np.int64)
        if not len(epochs):
            return
        if not isinstance(values, np.ndarray):
            values = np.column_stack([np.asarray(values[c], dtype=float) for c in CURVES])
        if self.first is None:
            self.first = int(epochs[0])
        elif epochs[0] != self.last + 1:
            raise ValueError(f"epoch {epochs[0]} does not follow epoch {self.last}.")
        while len(epochs):
            end = self.first + self.capacity * self.width  # first epoch that does not fit
            fit = int(np.searchsorted(epochs, end))
            if fit == 0:
                self._halve()
                continue
            self._add(epochs[:fit], values[:fit])
            epochs, values = epochs[fit:], values[fit:]

    def _room(self, rows):
        """Make room for ``rows`` buckets (at most the capacity)."""
        if rows <= len(self._low):
            return
        rows = min(self.capacity, max(rows, 2 * len(self._low), 1024))
        for name in ("_low", "_high"):
            grown = np.empty((rows, len(CURVES)))
            grown[: self.size] = getattr(self, name)[: self.size]
            setattr(self, name, grown)

    def _add(self, epochs, values):
        index = (epochs - self.first) // self.width
        self._room(int(index[-1]) + 1)
        starts = np.flatnonzero(np.r_[True, index[1:] != index[:-1]])
        buckets = index[starts]
        with np.errstate(invalid="ignore"):
            low = np.minimum.reduceat(values, starts, axis=0)
            high = np.maximum.reduceat(values, starts, axis=0)
        if buckets[0] < self.size:  # the last bucket was partly filled: merge into it
            b = buckets[0]
            low[0] = np.fmin(low[0], self._low[b])
            high[0] = np.fmax(high[0], self._high[b])
        self._low[buckets] = low
        self._high[buckets] = high
        self.size = int(buckets[-1]) + 1
        self.last = int(epochs[-1])

    def _halve(self):
        """Merge bucket pairs: half the buckets, each twice as wide."""
        pairs = self.size // 2
        odd = self.size % 2
        low, high = self._low, self._high
        merged_low = np.fmin(low[0 : 2 * pairs : 2], low[1 : 2 * pairs : 2])
        merged_high = np.fmax(high[0 : 2 * pairs : 2], high[1 : 2 * pairs : 2])
        low[:pairs], high[:pairs] = merged_low, merged_high
        if odd:
            low[pairs], high[pairs] = low[2 * pairs], high[2 * pairs]
        self.size = pairs + odd
        self.width *= 2

    def curve(self, name):
        """``(x, y)`` to draw curve ``name``: one point per epoch at full resolution; beyond
        it two points per bucket (its minimum and maximum) at the bucket's middle epoch."""
        column = CURVES.index(name)
        n = self.size
        if n == 0:
            return np.empty(0), np.empty(0)
        if self.width == 1:
            x = np.arange(self.first, self.first + n, dtype=float)
            return x, self._low[:n, column].copy()
        middle = self.first + (np.arange(n) + 0.5) * self.width - 0.5
        middle[-1] = min(middle[-1], float(self.last))
        x = np.repeat(middle, 2)
        y = np.empty(2 * n)
        y[0::2] = self._low[:n, column]
        y[1::2] = self._high[:n, column]
        return x, y

    def at(self, epoch) -> dict | None:
        """The values of the bucket holding ``epoch``: ``{"epochs": (a, b), name: (low,
        high), …}``; ``low == high`` at full resolution. None outside the run."""
        if self.first is None or not self.first <= epoch <= self.last:
            return None
        i = (int(epoch) - self.first) // self.width
        a = self.first + i * self.width
        out = {"epochs": (a, min(a + self.width - 1, self.last))}
        for column, name in enumerate(CURVES):
            out[name] = (float(self._low[i, column]), float(self._high[i, column]))
        return out

    def nbytes(self) -> int:
        """Memory held, in bytes."""
        return self._low.nbytes + self._high.nbytes

    def used_nbytes(self) -> int:
        """Bytes of the buckets in use (what a session file stores), not the room made."""
        return 2 * self.size * len(CURVES) * 8

    def truncate(self, epoch) -> None:
        """Forget every epoch after ``epoch`` (before :attr:`first`: everything). Beyond full
        resolution the bucket holding ``epoch`` keeps its minimum and maximum, which may
        include epochs up to one bucket width later."""
        if self.first is None or epoch >= self.last:
            return
        if epoch < self.first:
            self.clear()
            return
        self.size = (int(epoch) - self.first) // self.width + 1
        self.last = int(epoch)

    def copy(self, capacity=None) -> CurveHistory:
        """The same curves in ``capacity`` buckets (merged further if they do not fit)."""
        other = CurveHistory(self.capacity if capacity is None else capacity)
        other.width, other.first, other.last = self.width, self.first, self.last
        low, high = self._low[: self.size], self._high[: self.size]
        other._room(min(len(low), other.capacity))
        while len(low) > other.capacity:
            pairs, odd = len(low) // 2, len(low) % 2
            merged_low = np.fmin(low[0 : 2 * pairs : 2], low[1 : 2 * pairs : 2])
            merged_high = np.fmax(high[0 : 2 * pairs : 2], high[1 : 2 * pairs : 2])
            low = np.concatenate([merged_low, low[2 * pairs :]]) if odd else merged_low
            high = np.concatenate([merged_high, high[2 * pairs :]]) if odd else merged_high
            other.width *= 2
        other.size = len(low)
        other._low[: other.size], other._high[: other.size] = low, high
        return other


class WeightHistory:
    """Each epoch's parameters ``(k, d + 1)`` (weights, then the intercept) in a bounded
    budget.

    Every epoch is kept while ``budget_bytes`` (16 MB by default: 190,000 epochs of the seed's
    11 parameters) allows; then only epochs that are multiples of :attr:`stride`, which
    doubles each time the budget fills (thinning then copies at most the budget, ~10 ms). The latest ``recent`` epochs are
    always kept exactly (a step back of one epoch restores exactly that epoch's weights).
    """

    def __init__(self, shape, budget_bytes=16 * 2**20, recent=1024):
        self.shape = tuple(int(s) for s in shape)
        per_epoch = 8 * int(np.prod(self.shape))
        self.capacity = max(16, int(budget_bytes) // per_epoch)
        self.stride = 1
        # Made as the epochs come (doubling), up to the capacity the budget allows.
        self._epochs = np.empty(0, np.int64)
        self._params = np.empty((0, *self.shape))
        self.size = 0
        self.recent = max(1, min(int(recent), self.capacity))
        self._ring_epochs = np.full(self.recent, -1, np.int64)
        self._ring = np.empty((self.recent, *self.shape))
        self.last = None

    def __len__(self) -> int:
        return self.size

    def append(self, epochs, params) -> None:
        """Add consecutive epochs with their parameters ``(m, k, d + 1)``."""
        epochs = np.asarray(epochs, dtype=np.int64)
        params = np.asarray(params, dtype=float)
        if not len(epochs):
            return
        if self.last is not None and epochs[0] != self.last + 1:
            raise ValueError(f"epoch {epochs[0]} does not follow epoch {self.last}.")
        # Only the latest epochs of a long batch land in the ring of recent ones.
        tail = slice(max(len(epochs) - self.recent, 0), None)
        slots = epochs[tail] % self.recent
        self._ring_epochs[slots] = epochs[tail]
        self._ring[slots] = params[tail]
        self.last = int(epochs[-1])
        keep = epochs % self.stride == 0
        epochs, params = epochs[keep], params[keep]
        while len(epochs):
            room = self.capacity - self.size
            if room == 0:
                self._thin()
                keep = epochs % self.stride == 0
                epochs, params = epochs[keep], params[keep]
                continue
            take = min(room, len(epochs))
            self._room(self.size + take)
            self._epochs[self.size : self.size + take] = epochs[:take]
            self._params[self.size : self.size + take] = params[:take]
            self.size += take
            epochs, params = epochs[take:], params[take:]

    def _room(self, rows):
        """Make room for ``rows`` epochs (at most the capacity)."""
        if rows <= len(self._epochs):
            return
        rows = min(self.capacity, max(rows, 2 * len(self._epochs), 1024))
        epochs, params = np.empty(rows, np.int64), np.empty((rows, *self.shape))
        epochs[: self.size], params[: self.size] = (
            self._epochs[: self.size],
            self._params[: self.size],
        )
        self._epochs, self._params = epochs, params

    def _thin(self):
        self.stride *= 2
        keep = np.flatnonzero(self._epochs[: self.size] % self.stride == 0)
        self._epochs[: len(keep)] = self._epochs[keep]
        self._params[: len(keep)] = self._params[keep]
        self.size = len(keep)

    def at(self, epoch):
        """The exact parameters of ``epoch``, or None if they were not kept."""
        epoch = int(epoch)
        slot = epoch % self.recent
        if self._ring_epochs[slot] == epoch:
            return self._ring[slot].copy()
        i = int(np.searchsorted(self._epochs[: self.size], epoch))
        if i < self.size and self._epochs[i] == epoch:
            return self._params[i].copy()
        return None

    def kept_at_or_before(self, epoch) -> int | None:
        """The latest epoch at or before ``epoch`` whose parameters were kept."""
        epoch = int(epoch)
        candidates = self._ring_epochs[(self._ring_epochs >= 0) & (self._ring_epochs <= epoch)]
        best = int(candidates.max()) if len(candidates) else None
        i = int(np.searchsorted(self._epochs[: self.size], epoch, side="right")) - 1
        if i >= 0 and (best is None or self._epochs[i] > best):
            best = int(self._epochs[i])
        return best

    def path(self):
        """``(epochs, params)`` of every epoch kept, in order (the path of descent)."""
        ring = self._ring_epochs >= 0
        epochs = np.concatenate([self._epochs[: self.size], self._ring_epochs[ring]])
        params = np.concatenate([self._params[: self.size], self._ring[ring]])
        epochs, first = np.unique(epochs, return_index=True)
        return epochs, params[first]

    def copy(self) -> WeightHistory:
        """An independent copy."""
        other = WeightHistory.__new__(WeightHistory)
        other.__dict__.update(self.__dict__)
        for name in ("_epochs", "_params", "_ring_epochs", "_ring"):
            setattr(other, name, getattr(self, name).copy())
        return other

    def truncate(self, epoch) -> None:
        """Forget every epoch after ``epoch`` (a run continued from a step back)."""
        epoch = int(epoch)
        self.size = int(np.searchsorted(self._epochs[: self.size], epoch, side="right"))
        self._ring_epochs[self._ring_epochs > epoch] = -1
        self.last = epoch

    def nbytes(self) -> int:
        """Memory held, in bytes."""
        return self._params.nbytes + self._ring.nbytes + self._epochs.nbytes

    def used_nbytes(self) -> int:
        """Bytes of the epochs kept (what a session file stores), not the room made."""
        per_epoch = 8 * (int(np.prod(self.shape)) + 1)  # the weights and their epoch
        return (self.size + self.recent) * per_epoch


class RunHistory:
    """What one run did: the settings it used, its curves and weights, how it ended.

    Fed with the :class:`~logreg_gui.core.training.records.RecordBatch` es of a run, in order. The
    window keeps one per run (the current one and earlier ones compared with it); a session
    file saves them.

    Attributes
    ----------
    settings : dict, the estimator's parameters the run used (``learning_rate`` is the one it
        started with; changes are in ``learning_rates``)
    curves : CurveHistory
    weights : WeightHistory or None, until the first batch with weights
    learning_rates : list of (epoch, rate): the rate used from that epoch on
    latest : dict of the last record (``epoch``, the curves, ``coef``, ``intercept``) or None
    stop_reason, message, warning : how the run ended, in words; a warning it raised
    label : str, how the run is named where runs are compared ("lr 0.1")

    The label, the message and the warning may be given as kept texts (``core.i18n.Phrase``):
    they are then said in the language in use each time they are read (:meth:`kept_texts`
    gives them as they were given, for a file).
    visible : bool, whether the run is drawn where runs are compared
    log : LogRecords, the exact values of the epochs its log may print
    events : list of ``(epoch, kind, value)`` in the order they happened: ``"paused"`` and
        ``"resumed"`` (value None), ``"rate"`` (the learning rate from that epoch on),
        ``"warned"`` (value None: the run's ``warning`` was raised by that epoch)
    racer : bool, whether it ran beside the current run in a race (its log is not shown)
    continued_from : int or None, the epoch of an earlier run this one continued from
        (:meth:`branch`); its own training started there
    blog : bool, whether it is the seed blog's loop run as written
        (:class:`~logreg_gui.core.training.blog_run.BlogRun`) rather than the estimator's
    """

    def __init__(self, settings, *, label="", curve_capacity=2**16, weight_budget=16 * 2**20):
        self.settings = dict(settings)
        self.label = label
        self.curves = CurveHistory(curve_capacity)
        self.weights = None
        self._weight_budget = weight_budget
        self.learning_rates = [(0, float(self.settings.get("learning_rate", float("nan"))))]
        self.latest = None
        self.stop_reason = None
        self.message = ""
        self.warning = None
        self.orders = {}  # epoch -> shuffled row order of that mini-batch epoch (a few)
        self.visible = True
        self.log = LogRecords()
        self.events: list[tuple] = []
        self.racer = False
        self.continued_from = None  # the epoch this run continued an earlier run from
        self.blog = False  # the seed blog's loop run as written (BlogRun), not the estimator

    label = property(
        lambda self: said(self._label), lambda self, value: setattr(self, "_label", value)
    )
    message = property(
        lambda self: said(self._message), lambda self, value: setattr(self, "_message", value)
    )
    warning = property(
        lambda self: said(self._warning), lambda self, value: setattr(self, "_warning", value)
    )

    def kept_texts(self) -> dict:
        """The label, message and warning as they were given (kept texts stay kept texts)."""
        return {"label": self._label, "message": self._message, "warning": self._warning}

    def used_nbytes(self) -> int:
        """Bytes of the history kept (what a session file stores of this run)."""
        return (
            self.curves.used_nbytes()
            + self.log.used_nbytes()
            + (0 if self.weights is None else self.weights.used_nbytes())
        )

    @property
    def epoch(self) -> int | None:
        """The last epoch recorded (None before any)."""
        return None if self.latest is None else self.latest["epoch"]

    def append(self, batch) -> None:
        """Add a batch of consecutive records."""
        if batch is None or not len(batch):
            return
        self.curves.append(batch.epochs, {name: getattr(batch, name) for name in CURVES})
        self.log.append_batch(batch)
        if batch.weights is not None:
            if self.weights is None:
                self.weights = WeightHistory(batch.weights.shape[1:], self._weight_budget)
            self.weights.append(batch.epochs, batch.weights)
        for epoch, rate in batch.rate_changes:
            if rate != self.learning_rates[-1][1]:
                self.learning_rates.append((int(epoch), float(rate)))
                self.note_event(int(epoch), "rate", float(rate))
        if batch.warning and self._warning is None:
            self.warning = batch.warning
            epoch = batch.warning_epoch
            self.note_event(int(batch.epochs[-1] if epoch is None else epoch), "warned")
        if batch.order is not None:
            self.orders[int(batch.epochs[-1])] = batch.order
            for old in sorted(self.orders)[:-MAX_ORDERS]:
                del self.orders[old]
        self.latest = {"epoch": int(batch.epochs[-1])}
        for name in CURVES:
            self.latest[name] = float(getattr(batch, name)[-1])
        self.latest["coef"] = batch.coef
        self.latest["intercept"] = batch.intercept

    def finish(self, reason, message) -> None:
        """Record how the run ended."""
        self.stop_reason, self.message = reason, message

    def note_event(self, epoch, kind, value=None) -> None:
        """Record that the run was ``kind`` (``"paused"``, ``"resumed"``, ``"rate"``) at
        ``epoch``."""
        self.events.append((int(epoch), kind, value))
        del self.events[:-MAX_EVENTS]

    def branch(self, epoch, settings, *, label="") -> RunHistory:
        """A new run that continues this one from the weights of ``epoch``: it holds this
        run's curves and weights up to ``epoch - 1``; the continued training appends
        ``epoch`` (its initial state) and what follows. This run is left as it is."""
        other = RunHistory(settings, label=label)
        other.continued_from = int(epoch)
        other.curves = self.curves.copy()
        other.curves.truncate(epoch - 1)
        if self.weights is not None:
            other.weights = self.weights.copy()
            other.weights.truncate(epoch - 1)
            if epoch == 0 or other.weights.last < 0:
                other.weights = None
        other.log = self.log.copy()
        other.log.truncate(epoch - 1)
        # Its warning is not the branch's: the branch may never raise it.
        other.events = [e for e in self.events if e[0] < epoch and e[1] != "warned"]
        rate = float(other.settings.get("learning_rate", float("nan")))
        other.learning_rates = [(e, r) for e, r in self.learning_rates if e < epoch]
        if not other.learning_rates or other.learning_rates[-1][1] != rate:
            other.learning_rates.append((int(epoch), rate))
            if len(other.learning_rates) > 1:
                other.note_event(int(epoch), "rate", rate)
        return other

    def parameters_at(self, epoch):
        """``(coef, intercept)`` of ``epoch`` if kept, else None."""
        if self.latest is not None and epoch == self.latest["epoch"]:
            return self.latest["coef"], self.latest["intercept"]
        if self.weights is None:
            return None
        params = self.weights.at(epoch)
        return None if params is None else (params[:, :-1], params[:, -1])


# Saving ----------------------------------------------------------------------------------
def curves_to_arrays(curves: CurveHistory) -> dict:
    """A CurveHistory as plain arrays (for a session file)."""
    n = curves.size
    return {
        "meta": np.array(
            [
                curves.capacity,
                curves.width,
                -1 if curves.first is None else curves.first,
                -1 if curves.last is None else curves.last,
                n,
            ],
            dtype=np.int64,
        ),
        "low": curves._low[:n].copy(),
        "high": curves._high[:n].copy(),
    }


def curves_from_arrays(arrays) -> CurveHistory:
    """The inverse of :func:`curves_to_arrays`; raises ValueError for inconsistent arrays."""
    capacity, width, first, last, size = (int(v) for v in arrays["meta"])
    low, high = np.asarray(arrays["low"], float), np.asarray(arrays["high"], float)
    if low.shape != (size, len(CURVES)) or high.shape != low.shape or size > capacity:
        raise ValueError(translate("history", "curves of the wrong shape"))
    if size and (first < 0 or last < first or (last - first) // width + 1 != size):
        raise ValueError(translate("history", "curves whose epochs do not add up"))
    curves = CurveHistory(capacity)
    curves._room(size)
    curves.width, curves.size = width, size
    curves.first, curves.last = (None, None) if size == 0 else (first, last)
    curves._low[:size], curves._high[:size] = low, high
    return curves


def weights_to_arrays(weights: WeightHistory) -> dict:
    """A WeightHistory as plain arrays (for a session file)."""
    ring = weights._ring_epochs >= 0
    return {
        "meta": np.array(
            [weights.stride, weights.recent, -1 if weights.last is None else weights.last],
            dtype=np.int64,
        ),
        "epochs": weights._epochs[: weights.size].copy(),
        "params": weights._params[: weights.size].copy(),
        "ring_epochs": weights._ring_epochs[ring].copy(),
        "ring": weights._ring[ring].copy(),
    }


def weights_from_arrays(arrays, budget_bytes=16 * 2**20) -> WeightHistory:
    """The inverse of :func:`weights_to_arrays`; raises ValueError for inconsistent arrays."""
    stride, recent, last = (int(v) for v in arrays["meta"])
    params = np.asarray(arrays["params"], float)
    ring = np.asarray(arrays["ring"], float)
    epochs = np.asarray(arrays["epochs"], np.int64)
    ring_epochs = np.asarray(arrays["ring_epochs"], np.int64)
    shape = params.shape[1:] if len(params) else ring.shape[1:]
    if len(shape) != 2 or len(params) != len(epochs) or len(ring) != len(ring_epochs):
        raise ValueError(translate("history", "weights of the wrong shape"))
    if not (np.isfinite(params).all() and np.isfinite(ring).all()):
        raise ValueError(translate("history", "weights that are not finite"))
    weights = WeightHistory(shape, budget_bytes, recent)
    if len(epochs) > weights.capacity:
        raise ValueError(translate("history", "more weights than the budget holds"))
    weights.stride = stride
    weights._room(len(epochs))
    weights.size = len(epochs)
    weights._epochs[: len(epochs)] = epochs
    weights._params[: len(epochs)] = params
    weights._ring_epochs[ring_epochs % weights.recent] = ring_epochs
    weights._ring[ring_epochs % weights.recent] = ring
    weights.last = None if last < 0 else last
    return weights
