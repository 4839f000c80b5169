"""What training produces: the record of one epoch, a batch of consecutive epochs as arrays
(what the worker sends to the window), and why a run ended."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

__all__ = ["EpochRecord", "RecordBatch", "StopReason"]


class StopReason:
    """Why a run ended (plain strings, so they travel through JSON and signals unchanged)."""

    COMPLETED = "completed"  # all requested epochs ran
    CONVERGED = "converged"  # n_iter_no_change epochs without an improvement of tol
    DIVERGED = "diverged"  # the loss or the weights became non-finite or exploded
    STOPPED = "stopped"  # the caller stopped it


@dataclass(frozen=True, eq=False)
class EpochRecord:
    """The state after ``epoch`` epochs (``epoch == 0`` is the initial state).

    Losses are mean cross-entropies; ``objective`` adds the L2 penalty to the train loss and is
    the quantity gradient descent minimises. Test values are None without a test set.
    ``coef`` (k, d) and ``intercept`` (k,) are fresh arrays that are never written again.
    """

    epoch: int
    train_loss: float
    train_accuracy: float
    objective: float
    test_loss: float | None
    test_accuracy: float | None
    coef: np.ndarray
    intercept: np.ndarray


@dataclass(frozen=True, eq=False)
class RecordBatch:
    """Consecutive epochs as arrays (test values NaN without a test set).

    ``coef`` and ``intercept`` are the weights of the last epoch; ``weights``, when the run
    keeps them, holds every epoch's parameters as ``(m, k, d + 1)`` (weights, then the
    intercept). ``learning_rate`` is the rate in use; ``rate_changes`` lists the changes made
    since the previous batch as ``(epoch, rate)``: the steps leaving ``epoch`` on use
    ``rate``. ``warning`` is a warning first raised in this batch (a rising loss, or one
    swinging every epoch), ``warning_epoch`` the epoch it was recognised at. What the GUI
    worker sends.
    """

    epochs: np.ndarray
    train_loss: np.ndarray
    train_accuracy: np.ndarray
    objective: np.ndarray
    test_loss: np.ndarray
    test_accuracy: np.ndarray
    coef: np.ndarray
    intercept: np.ndarray
    weights: np.ndarray | None = None
    learning_rate: float | None = None
    rate_changes: tuple = ()
    warning: str | None = None
    order: np.ndarray | None = None
    warning_epoch: int | None = None

    COLUMNS = ("epochs", "train_loss", "train_accuracy", "objective", "test_loss", "test_accuracy")

    def __len__(self) -> int:
        return len(self.epochs)

    def record(self, i=-1) -> EpochRecord:
        """Epoch ``i`` of the batch as an :class:`EpochRecord` (needs ``weights`` unless
        ``i`` is the last)."""
        i = range(len(self))[i]
        if i == len(self) - 1:
            coef, intercept = self.coef, self.intercept
        elif self.weights is not None:
            coef, intercept = self.weights[i, :, :-1].copy(), self.weights[i, :, -1].copy()
        else:
            raise ValueError("this batch keeps only the weights of its last epoch.")

        def maybe(value):
            return None if math.isnan(value) else float(value)

        return EpochRecord(
            epoch=int(self.epochs[i]),
            train_loss=float(self.train_loss[i]),
            train_accuracy=float(self.train_accuracy[i]),
            objective=float(self.objective[i]),
            test_loss=maybe(self.test_loss[i]),
            test_accuracy=maybe(self.test_accuracy[i]),
            coef=coef,
            intercept=intercept,
        )

    @classmethod
    def concatenate(cls, batches) -> RecordBatch | None:
        """One batch of consecutive non-empty batches (None for none)."""
        batches = [b for b in batches if b is not None and len(b)]
        if not batches:
            return None
        if len(batches) == 1:
            return batches[0]
        last = batches[-1]
        columns = {c: np.concatenate([getattr(b, c) for b in batches]) for c in cls.COLUMNS}
        weights = None
        if all(b.weights is not None for b in batches):
            weights = np.concatenate([b.weights for b in batches])
        warned = next((b for b in batches if b.warning), None)
        warning = None if warned is None else warned.warning
        return cls(
            **columns,
            coef=last.coef,
            intercept=last.intercept,
            weights=weights,
            learning_rate=last.learning_rate,
            rate_changes=tuple(change for b in batches for change in b.rate_changes),
            warning=warning,
            order=last.order,
            warning_epoch=None if warned is None else warned.warning_epoch,
        )
