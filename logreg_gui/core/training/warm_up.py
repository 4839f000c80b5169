"""The compiled kernels, made ready before they are needed: compiled once after installing
(a few seconds), loaded from numba's cache at later starts."""

from __future__ import annotations

import numpy as np

from .kernels import objective_and_gradient
from .run import TrainingRun

__all__ = ["warm_up"]


def warm_up(dtype=np.float64) -> None:
    """Compile (or load from numba's cache) the kernels for data of ``dtype``, on tiny data.

    The first compilation after installing takes a few seconds; later starts load the
    machine code from the cache in a fraction of a second. The window calls this in the
    background as soon as it shows.
    """
    X = np.array([[0.0, 1.0], [1.0, 0.0], [1.0, 1.0], [0.0, 0.0]], dtype=dtype)
    y = np.array([0, 1, 1, 0])
    for classes, batch in ((2, None), (3, 2)):
        k = 1 if classes == 2 else classes
        run = TrainingRun(
            X, y % classes, np.zeros((k, 2)), np.zeros(k), learning_rate=0.1, epochs=2,
            batch_size=batch, X_test=X, y_test=y % classes, keep_weights=True,
        )  # fmt: skip
        while not run.finished:
            run.advance()
    objective_and_gradient(X, y, np.zeros((1, 3)), 0.1, np.zeros((1, 3)), np.empty(0))
