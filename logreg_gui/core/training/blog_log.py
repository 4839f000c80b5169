"""The blog's log: ``epoch:100, loss:0.284106, acc:0.8857`` every so many epochs — what
``logreg-train`` prints and the window's Log tab shows, made from a run's records."""

from __future__ import annotations

import math

import numpy as np

from .records import RecordBatch

__all__ = ["final_log_line", "log_line", "log_lines"]


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
