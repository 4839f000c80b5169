"""The one training loop: gradient descent advanced epoch by epoch.

Both the headless trainer and the GUI worker drive a :class:`TrainingRun`. It owns the weights
and yields an :class:`EpochRecord` after every epoch; the caller may stop between any two
epochs (simply by not asking for the next one) and resume later. It never carries NaN on: an
epoch that makes the loss or the weights non-finite is undone and ends the run with a reason.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .objective import cross_entropy, decision_scores, gradient, penalty, predicted_indices

__all__ = ["EpochRecord", "RecordBatch", "StopReason", "TrainingRun"]


class StopReason:
    """Why a run ended (plain strings, so they travel through JSON and signals unchanged)."""

    COMPLETED = "completed"  # all requested epochs ran
    CONVERGED = "converged"  # an epoch improved the objective by less than tol
    DIVERGED = "diverged"  # the loss or the weights became non-finite
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
    """Several consecutive epochs as arrays (test values NaN without a test set), with the
    weights after the last of them. What the GUI worker sends in one signal."""

    epochs: np.ndarray
    train_loss: np.ndarray
    train_accuracy: np.ndarray
    objective: np.ndarray
    test_loss: np.ndarray
    test_accuracy: np.ndarray
    coef: np.ndarray
    intercept: np.ndarray

    @classmethod
    def from_records(cls, records) -> RecordBatch:
        """Stack a non-empty sequence of :class:`EpochRecord` in epoch order."""

        def column(name):
            return np.array(
                [np.nan if getattr(r, name) is None else getattr(r, name) for r in records],
                dtype=float,
            )

        last = records[-1]
        return cls(
            epochs=np.array([r.epoch for r in records], dtype=np.int64),
            train_loss=column("train_loss"),
            train_accuracy=column("train_accuracy"),
            objective=column("objective"),
            test_loss=column("test_loss"),
            test_accuracy=column("test_accuracy"),
            coef=last.coef,
            intercept=last.intercept,
        )

    def __len__(self) -> int:
        return len(self.epochs)


class TrainingRun:
    """Gradient descent on ``mean cross-entropy + (l2/2)·||W||²`` from given initial weights.

    Parameters
    ----------
    X : ndarray of shape (n_samples, n_features), validated, float
    y : ndarray of shape (n_samples,) of class indices ``0 .. n_classes - 1``
    coef, intercept : initial weights, shapes (k, d) and (k,); ``k == 1`` for two classes
    learning_rate, epochs, batch_size, l2, tol : as in
        :class:`~logreg_gui.core.model.LogisticRegressionGD`
    rng : numpy Generator for shuffling mini-batches
    X_test, y_test : optional held-out data evaluated after every epoch (never trained on)

    Notes
    -----
    ``learning_rate`` may be changed between epochs (it takes effect from the next one).
    The estimator builds runs through ``LogisticRegressionGD.start_training``; use that.
    """

    def __init__(
        self,
        X,
        y,
        coef,
        intercept,
        *,
        learning_rate,
        epochs,
        batch_size=None,
        l2=0.0,
        tol=None,
        rng=None,
        X_test=None,
        y_test=None,
        on_epoch=None,
    ):
        self.X = X
        self.y = y
        self.coef = coef
        self.intercept = intercept
        self.learning_rate = learning_rate
        self.epochs = epochs
        self.batch_size = batch_size
        self.l2 = l2
        self.tol = tol
        self.rng = rng if rng is not None else np.random.default_rng()
        self.X_test = X_test
        self.y_test = y_test
        self.epoch = 0
        self.stop_reason: str | None = None
        self.message = ""
        self._on_epoch = on_epoch
        # Scores of the training set at the current weights: computed for each record and
        # reused as the next full-batch forward pass, so a full-batch epoch costs two matmuls.
        self._scores = decision_scores(X, coef, intercept)
        self._objective = cross_entropy(self._scores, y) + penalty(coef, l2)

    @property
    def finished(self) -> bool:
        """True once the run has ended (see ``stop_reason`` and ``message``)."""
        return self.stop_reason is not None

    def record(self) -> EpochRecord:
        """The record of the current state (after ``self.epoch`` epochs), computed afresh."""
        return self._make_record(self._scores, self.coef, self.intercept)

    def stop(self) -> None:
        """End the run at the caller's request; the weights stay as they are."""
        if self.stop_reason is None:
            self.stop_reason = StopReason.STOPPED
            self.message = f"stopped after {self.epoch} epochs."

    def step(self) -> EpochRecord | None:
        """Run one epoch and return its record, or None if the run has ended."""
        if self.finished:
            return None
        if self.epoch >= self.epochs:
            self._finish(StopReason.COMPLETED, f"completed all {self.epochs} epochs.")
            return None
        # Overflow is not an error here: divergence is detected just below and reported.
        with np.errstate(over="ignore", invalid="ignore"):
            coef, intercept = self._descend()
            scores = decision_scores(self.X, coef, intercept)
            objective = cross_entropy(scores, self.y) + penalty(coef, self.l2)
        if not (
            math.isfinite(objective) and np.isfinite(coef).all() and np.isfinite(intercept).all()
        ):
            # Undo the epoch: the caller keeps the last finite weights.
            self._finish(
                StopReason.DIVERGED,
                f"diverged at epoch {self.epoch + 1}: the loss or the weights became infinite "
                f"with learning rate {self.learning_rate:g}; use a smaller learning rate.",
            )
            return None
        improvement = self._objective - objective
        self.coef, self.intercept, self._scores, self._objective = (
            coef,
            intercept,
            scores,
            objective,
        )
        self.epoch += 1
        rec = self._make_record(scores, coef, intercept, objective)
        if self._on_epoch is not None:
            self._on_epoch(rec)
        if self.tol is not None and improvement < self.tol:
            self._finish(
                StopReason.CONVERGED,
                f"converged after {self.epoch} epochs: the last epoch improved the loss by "
                f"{improvement:.3g}, less than tol = {self.tol:g}.",
            )
        elif self.epoch >= self.epochs:
            self._finish(StopReason.COMPLETED, f"completed all {self.epochs} epochs.")
        return rec

    def __iter__(self):
        """Yield the record of every remaining epoch until the run ends or is stopped."""
        while True:
            rec = self.step()
            if rec is None:
                return
            yield rec

    def _finish(self, reason, message):
        self.stop_reason = reason
        self.message = message

    def _descend(self):
        """One epoch of updates; returns new arrays (the old ones are never written)."""
        lr, l2 = self.learning_rate, self.l2
        coef, intercept = self.coef, self.intercept
        n = self.X.shape[0]
        if self.batch_size is None or self.batch_size >= n:
            g_coef, g_intercept = gradient(self.X, self._scores, self.y, coef, l2)
            return coef - lr * g_coef, intercept - lr * g_intercept
        order = self.rng.permutation(n)
        for start in range(0, n, self.batch_size):
            idx = order[start : start + self.batch_size]
            Xb, yb = self.X[idx], self.y[idx]
            g_coef, g_intercept = gradient(Xb, decision_scores(Xb, coef, intercept), yb, coef, l2)
            coef = coef - lr * g_coef
            intercept = intercept - lr * g_intercept
        return coef, intercept

    def _make_record(self, scores, coef, intercept, objective=None) -> EpochRecord:
        train_loss = cross_entropy(scores, self.y)
        if objective is None:
            objective = train_loss + penalty(coef, self.l2)
        test_loss = test_accuracy = None
        if self.X_test is not None and len(self.X_test):
            test_scores = decision_scores(self.X_test, coef, intercept)
            test_loss = cross_entropy(test_scores, self.y_test)
            test_accuracy = float(np.mean(predicted_indices(test_scores) == self.y_test))
        return EpochRecord(
            epoch=self.epoch,
            train_loss=train_loss,
            train_accuracy=float(np.mean(predicted_indices(scores) == self.y)),
            objective=objective,
            test_loss=test_loss,
            test_accuracy=test_accuracy,
            coef=coef,
            intercept=intercept,
        )
