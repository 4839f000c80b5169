"""The seed blog's loop, run as written, to be seen beside the correct one.

The blog (``numpy-logistic-regression-blog.txt``) trains with::

    y_hat = 1/(1+np.exp(-z))                                   # overflows for z < -709
    loss  = -y*np.log(y_hat + 1e-8) - (1-y)*np.log(1-y_hat + 1e-8)
    m = x.shape[-1]                                            # the number of FEATURES
    delta_theta = np.dot(y_hat-y, x)/m;  delta_bias = np.mean(y_hat-y)

on data it does not standardise. :class:`BlogRun` does exactly that, in numpy, one epoch
at a time, and offers the methods a training loop drives (those of
:class:`~logreg_gui.core.training.run.TrainingRun` that a
:class:`~logreg_gui.core.training.race.Race` uses), so that the window runs it beside a
correct run from the same initial weights. Its records hold what the blog's code prints:
its loss (with the ``+ 1e-8``) and ``np.round(y_hat) == y`` as accuracy. When ``np.exp``
overflows, numpy would print ``RuntimeWarning: overflow encountered in exp``; the run says
so in words, as its warning, and goes on as the blog's code does.
"""

from __future__ import annotations

import math
import time

import numpy as np

from ..i18n import Phrase
from .records import RecordBatch, StopReason

__all__ = ["BlogRun", "blog_epoch"]


def _forward(X, theta, bias):
    """The blog's forward: ``1/(1+np.exp(-z))`` of ``z = np.dot(theta, X.T) + bias``, and
    whether ``np.exp`` overflowed (numpy's RuntimeWarning, caught)."""
    z = np.dot(theta, X.T) + bias
    with np.errstate(over="ignore"):
        e = np.exp(-z)
    return 1 / (1 + e), bool(np.isinf(e).any()), z


def _loss(y, y_hat):
    e = 1e-8
    return -y * np.log(y_hat + e) - (1 - y) * np.log(1 - y_hat + e)


def _gradient(x, y, y_hat):
    m = x.shape[-1]  # the blog's "样本数": in fact the number of features
    delta_theta = np.dot(y_hat - y, x) / m
    delta_bias = np.mean(y_hat - y)
    return delta_theta, delta_bias


def blog_epoch(X, y, theta, bias, lr):
    """One epoch of the blog's loop: ``(theta, bias, loss, acc)`` after its update, the loss
    and accuracy being those it prints for the weights it started the epoch with."""
    y_hat, _, _ = _forward(X, theta, bias)
    loss_value = _loss(y, y_hat)
    delta_theta, delta_bias = _gradient(X, y, y_hat)
    acc = np.mean(np.round(y_hat) == y)
    return theta - lr * delta_theta, bias - lr * delta_bias, float(np.mean(loss_value)), acc


class BlogRun:
    """The blog's gradient descent on two classes, from ``coef`` (1, d) and ``intercept``.

    ``X``, ``y`` (class indices 0 and 1) are trained on as given: pass the data the blog
    would have, not standardised. ``X_test``, ``y_test``: scored the blog's way after every
    epoch. The learning rate and the number of epochs may change between calls.
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
        X_test=None,
        y_test=None,
        keep_weights=False,
    ):
        self.X = np.ascontiguousarray(X, dtype=np.float64)
        self.y = np.asarray(y, dtype=np.float64)
        if set(np.unique(self.y).tolist()) - {0.0, 1.0}:
            raise ValueError("the blog's code knows two classes only (0 and 1).")
        d = self.X.shape[1]
        if X_test is not None and len(X_test):
            self.X_test = np.ascontiguousarray(X_test, dtype=np.float64)
            self.y_test = np.asarray(y_test, dtype=np.float64)
        else:
            self.X_test, self.y_test = np.empty((0, d)), np.empty(0)
        self.theta = np.array(coef, dtype=np.float64).reshape(1, d)
        self.bias = float(np.reshape(intercept, -1)[0])
        self.learning_rate = float(learning_rate)
        self.epochs = int(epochs)
        self.keep_weights = bool(keep_weights)
        self.epoch = 0
        self.stop_reason = None
        self.kept_message = ""
        self.kept_warning = None
        self._warning_epoch = None
        self._new_warning = None
        self._y_hat = None  # the forward pass of the current weights, once computed
        self._recorded = -1

    # What a training loop reads ------------------------------------------------------------
    @property
    def finished(self) -> bool:
        return self.stop_reason is not None

    @property
    def message(self) -> str:
        return str(self.kept_message)

    @property
    def warning(self) -> str | None:
        return None if self.kept_warning is None else str(self.kept_warning)

    @property
    def coef(self) -> np.ndarray:
        return self.theta.copy()

    @property
    def intercept(self) -> np.ndarray:
        return np.array([self.bias])

    # Training ----------------------------------------------------------------------------
    def advance(self, max_epochs=None, max_seconds=None) -> RecordBatch | None:
        """Train for at most ``max_epochs`` epochs and about ``max_seconds`` seconds (one
        fiftieth of a second with neither); returns the records made, or None."""
        if self.finished:
            return None
        began = time.perf_counter()
        budget = math.inf if max_epochs is None else int(max_epochs)
        seconds = 0.02 if max_seconds is None and max_epochs is None else max_seconds
        rows = []
        if self._recorded < self.epoch:
            rows.append(self._record())
        done = 0
        while done < budget:
            if self.epoch >= self.epochs:
                self._finish(StopReason.COMPLETED)
                break
            if not self._update():
                break
            rows.append(self._record())
            done += 1
            if seconds is not None and time.perf_counter() - began >= seconds:
                break
        if not self.finished and self.epoch >= self.epochs:
            self._finish(StopReason.COMPLETED)
        return self._batch(rows)

    def flush(self) -> RecordBatch | None:
        """The record of the current weights, if not produced yet."""
        if self._recorded >= self.epoch:
            return None
        return self._batch([self._record()])

    def stop(self) -> RecordBatch | None:
        batch = None
        if not self.finished:
            batch = self.flush()
            self.stop_reason = StopReason.STOPPED
            self.kept_message = Phrase.translate(
                "training", "stopped after {epochs:,} epochs."
            ).format(epochs=self.epoch)
        return batch

    # Internals ---------------------------------------------------------------------------
    def _forward_current(self):
        if self._y_hat is None:
            y_hat, overflowed, z = _forward(self.X, self.theta, self.bias)
            if overflowed and self.kept_warning is None:
                self.kept_warning = self._new_warning = Phrase.translate(
                    "blog",
                    "the blog's sigmoid overflowed at epoch {epoch:,}: np.exp(-z) is infinite "
                    "for z = {z:.0f}, so Python printed “RuntimeWarning: overflow encountered "
                    "in exp” and that y_hat became exactly 0 (a stable sigmoid never "
                    "overflows).",
                ).format(epoch=self.epoch, z=float(np.min(z)))
                self._warning_epoch = self.epoch
            self._y_hat = y_hat
        return self._y_hat

    def _record(self):
        y_hat = self._forward_current()
        loss = float(np.mean(_loss(self.y, y_hat)))
        accuracy = float(np.mean(np.round(y_hat) == self.y))
        test_loss = test_accuracy = math.nan
        if len(self.X_test):
            t_hat, _, _ = _forward(self.X_test, self.theta, self.bias)
            test_loss = float(np.mean(_loss(self.y_test, t_hat)))
            test_accuracy = float(np.mean(np.round(t_hat) == self.y_test))
        self._recorded = self.epoch
        return (self.epoch, loss, accuracy, test_loss, test_accuracy, self.theta.copy(), self.bias)

    def _update(self) -> bool:
        """One update of the blog's; False (and the run ended) when it made the weights
        infinite or undefined."""
        y_hat = self._forward_current()
        delta_theta, delta_bias = _gradient(self.X, self.y, y_hat)
        with np.errstate(all="ignore"):
            theta = self.theta - self.learning_rate * delta_theta
            bias = self.bias - self.learning_rate * delta_bias
        if not (np.isfinite(theta).all() and math.isfinite(bias)):
            self.stop_reason = StopReason.DIVERGED
            self.kept_message = Phrase.translate(
                "blog",
                "diverged at epoch {epoch:,}: the blog's update made the weights infinite.",
            ).format(epoch=self.epoch + 1)
            return False
        self.theta, self.bias = theta, bias
        self._y_hat = None
        self.epoch += 1
        return True

    def _finish(self, reason):
        self.stop_reason = reason
        self.kept_message = Phrase.translate("training", "completed all {epochs:,} epochs.").format(
            epochs=self.epochs
        )

    def _batch(self, rows):
        if not rows:
            return None
        epochs = np.array([r[0] for r in rows], dtype=np.int64)
        losses = np.array([r[1] for r in rows])
        warning, self._new_warning = self._new_warning, None
        weights = None
        if self.keep_weights:
            weights = np.array([np.hstack([r[5], [[r[6]]]]) for r in rows])
        return RecordBatch(
            epochs=epochs,
            train_loss=losses,
            train_accuracy=np.array([r[2] for r in rows]),
            objective=losses.copy(),
            test_loss=np.array([r[3] for r in rows]),
            test_accuracy=np.array([r[4] for r in rows]),
            coef=rows[-1][5].copy(),
            intercept=np.array([rows[-1][6]]),
            weights=weights,
            learning_rate=self.learning_rate,
            warning=warning,
            warning_epoch=None if warning is None else self._warning_epoch,
        )
