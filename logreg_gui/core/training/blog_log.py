"""The blog's log: ``epoch:100, loss:0.284106, acc:0.8857`` every so many epochs — what
``logreg-train`` prints and the window's Log tab shows, made from a run's records."""

from __future__ import annotations

import math

import numpy as np

from .records import RecordBatch

__all__ = ["MAX_LOG_ROWS", "LogRecords", "final_log_line", "log_line", "log_lines"]


def log_line(epoch, train_loss, train_accuracy, test_loss=None, test_accuracy=None) -> str:
    """One line of the blog's log, ``epoch:100, loss:0.284106, acc:0.8857`` (and the test
    values when there is a test set): what ``logreg-train`` prints and the window shows."""
    line = f"epoch:{int(epoch)}, loss:{float(train_loss):.6f}, acc:{float(train_accuracy):.4f}"
    if test_loss is not None and not math.isnan(test_loss):
        line += f", test_loss:{float(test_loss):.6f}, test_acc:{float(test_accuracy):.4f}"
    return line


def log_lines(batch, every) -> list[str]:
    """The blog's log lines of ``batch`` (a RecordBatch): one per epoch that is a multiple of
    ``every``."""
    return [
        log_line(
            int(batch.epochs[i]),
            batch.train_loss[i],
            batch.train_accuracy[i],
            batch.test_loss[i],
            batch.test_accuracy[i],
        )
        for i in np.flatnonzero(batch.epochs % every == 0)
    ]


def final_log_line(batch, every) -> str | None:
    """The line of the batch's last epoch when the log skipped it (a run ending between
    multiples of ``every``): the blog's last word is always there."""
    if batch is None or not len(batch) or batch.epochs[-1] % every == 0:
        return None
    return log_lines(_last_only(batch), 1)[0]


def _last_only(batch):
    columns = {name: getattr(batch, name)[-1:] for name in RecordBatch.COLUMNS}
    return RecordBatch(**columns, coef=batch.coef, intercept=batch.intercept)


#: Rows the log's records of one run keep before keeping only every tenth epoch (3.2 MB).
MAX_LOG_ROWS = 100_000


class LogRecords:
    """The exact values of the epochs a run's log may print, in bounded memory.

    Every epoch is kept while the rows fit in ``capacity``; then only the multiples of 10,
    later of 100, … (the stride grows tenfold each time they fill); the last epoch
    recorded is always kept too. The log of a run is made from these, whatever "a line
    every" is chosen and whenever it is made: while the run goes on, or from a session file
    opened later. Columns: :attr:`COLUMNS`.
    """

    COLUMNS = ("train_loss", "train_accuracy", "test_loss", "test_accuracy")

    def __init__(self, capacity=MAX_LOG_ROWS):
        self.capacity = int(capacity)
        self.stride = 1
        self.first = None  # the first epoch kept: a multiple of the stride
        self.size = 0
        self._values = np.empty((0, len(self.COLUMNS)))
        self.last_epoch = None
        self.last_values = None

    def append(self, epochs, values) -> None:
        """Add consecutive epochs (``values``: one row of :attr:`COLUMNS` each)."""
        epochs = np.asarray(epochs, dtype=np.int64)
        if not len(epochs):
            return
        values = np.asarray(values, dtype=float).reshape(len(epochs), len(self.COLUMNS))
        if self.last_epoch is not None and epochs[0] != self.last_epoch + 1:
            raise ValueError(f"epoch {epochs[0]} does not follow epoch {self.last_epoch}.")
        self.last_epoch, self.last_values = int(epochs[-1]), values[-1].copy()
        keep = epochs % self.stride == 0
        epochs, values = epochs[keep], values[keep]
        while self.size + len(epochs) > self.capacity:
            self._coarsen()
            keep = epochs % self.stride == 0
            epochs, values = epochs[keep], values[keep]
        if not len(epochs):
            return
        if self.size == 0:
            self.first = int(epochs[0])
        end = self.size + len(epochs)
        if end > len(self._values):
            grown = np.empty((min(self.capacity, max(1024, 2 * end)), len(self.COLUMNS)))
            grown[: self.size] = self._values[: self.size]
            self._values = grown
        self._values[self.size : end] = values
        self.size = end

    def append_batch(self, batch) -> None:
        """Add the epochs of a RecordBatch."""
        self.append(batch.epochs, np.column_stack([getattr(batch, c) for c in self.COLUMNS]))

    def _coarsen(self):
        """Keep every tenth row: the stride grows tenfold."""
        epochs = self.epochs()
        self.stride *= 10
        keep = epochs % self.stride == 0
        kept = self._values[: self.size][keep]
        self.size = len(kept)
        self._values[: self.size] = kept
        self.first = int(epochs[keep][0]) if self.size else None

    def epochs(self) -> np.ndarray:
        """The epochs kept."""
        if self.size == 0:
            return np.empty(0, dtype=np.int64)
        return self.first + self.stride * np.arange(self.size, dtype=np.int64)

    def rows(self, every, after=None, upto=None):
        """``(epochs, values)`` of the epochs kept that are multiples of ``every``, in
        ``(after, upto]`` (None: no bound)."""
        epochs = self.epochs()
        keep = epochs % int(every) == 0
        if after is not None:
            keep &= epochs > after
        if upto is not None:
            keep &= epochs <= upto
        return epochs[keep], self._values[: self.size][keep]

    def lines(self, every, after=None, upto=None) -> list[str]:
        """The blog's lines of :meth:`rows`."""
        epochs, values = self.rows(every, after, upto)
        return [log_line(e, *row) for e, row in zip(epochs, values)]

    def last_line(self) -> str | None:
        """The line of the last epoch recorded (None before any)."""
        if self.last_epoch is None:
            return None
        return log_line(self.last_epoch, *self.last_values)

    def truncate(self, epoch) -> None:
        """Forget every epoch after ``epoch``."""
        epochs = self.epochs()
        self.size = int(np.searchsorted(epochs, epoch, side="right"))
        if self.size == 0:
            self.first = None
        if self.last_epoch is not None and self.last_epoch > epoch:
            kept = self.size and epochs[self.size - 1] == epoch
            self.last_epoch = int(epoch) if kept else None
            self.last_values = self._values[self.size - 1].copy() if kept else None

    def copy(self) -> LogRecords:
        """An independent copy."""
        other = LogRecords(self.capacity)
        other.stride, other.first, other.size = self.stride, self.first, self.size
        other._values = self._values[: self.size].copy()
        other.last_epoch = self.last_epoch
        other.last_values = None if self.last_values is None else self.last_values.copy()
        return other

    def used_nbytes(self) -> int:
        """Bytes of the rows kept."""
        return self.size * len(self.COLUMNS) * 8

    def to_arrays(self) -> dict:
        """As plain arrays (for a session file)."""
        last = -1 if self.last_epoch is None else self.last_epoch
        return {
            "meta": np.array(
                [self.capacity, self.stride, -1 if self.first is None else self.first, last],
                dtype=np.int64,
            ),
            "values": self._values[: self.size].copy(),
            "last": np.empty(0) if self.last_values is None else self.last_values.copy(),
        }

    @classmethod
    def from_arrays(cls, arrays) -> LogRecords:
        """The inverse of :meth:`to_arrays`; raises ValueError for inconsistent arrays."""
        capacity, stride, first, last = (int(v) for v in arrays["meta"])
        values = np.asarray(arrays["values"], dtype=float)
        last_values = np.asarray(arrays["last"], dtype=float)
        width = len(cls.COLUMNS)
        if (
            values.ndim != 2
            or values.shape[1] != width
            or len(values) > capacity
            or stride < 1
            or (len(values) and (first < 0 or first % stride))
            or last_values.shape not in ((0,), (width,))
            or (last >= 0) != (len(last_values) == width)
        ):
            raise ValueError("log records of the wrong shape")
        records = cls(capacity)
        records.stride, records.size = stride, len(values)
        records.first = first if len(values) else None
        records._values = values.copy()
        records.last_epoch = last if last >= 0 else None
        records.last_values = last_values.copy() if last >= 0 else None
        return records

    @classmethod
    def from_curves(cls, curves) -> LogRecords:
        """Records made from a curve history (a session file of an earlier version): every
        epoch it keeps exactly (while it keeps each epoch on its own)."""
        records = cls()
        if curves.first is None or curves.width != 1:
            return records
        epochs = curves.curve(cls.COLUMNS[0])[0].astype(np.int64)
        records.append(epochs, np.column_stack([curves.curve(c)[1] for c in cls.COLUMNS]))
        return records
