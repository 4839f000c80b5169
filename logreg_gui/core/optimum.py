"""The exact optimum of the objective gradient descent minimises, found by scikit-learn.

``mean cross-entropy + (l2 / 2)·||W||²`` (intercept unpenalised) is scikit-learn's
LogisticRegression with ``C = 1 / (l2 · n)``. With ``l2 = 0`` a finite optimum exists only
when no linear rule separates the classes, even with ties (Albert & Anderson, 1984): then the
loss can be pushed towards 0 forever by growing the weights, and there is no line to draw.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.optimize import linprog
from sklearn.linear_model import LogisticRegression

from .objective import cross_entropy, decision_scores, penalty

__all__ = ["Optimum", "find_optimum", "is_separable", "objective_value"]


@dataclass(frozen=True, eq=False)
class Optimum:
    """The best possible training objective, or why there is none.

    ``coef`` (k, d) and ``intercept`` (k,) use the project's layout (k = 1 for two classes).
    """

    exists: bool
    objective: float | None
    coef: np.ndarray | None
    intercept: np.ndarray | None
    message: str


def objective_value(X, y, coef, intercept, l2) -> float:
    """``mean cross-entropy + (l2/2)·||coef||²`` of class indices ``y``."""
    return cross_entropy(decision_scores(X, coef, intercept), y) + penalty(coef, l2)


def is_separable(X, y, n_classes) -> bool:
    """True when some linear scores rank every sample's own class at least as high as every
    other class, strictly for some sample — complete or quasi-complete separation, under
    which the unpenalised likelihood has no finite maximum.

    A linear program: maximise the summed margins ``(d_{y_i} − d_k)·[x_i, 1]`` over
    directions ``D`` with entries in [−1, 1], all margins ≥ 0. (Two classes use the one-score
    form ``s_i·(w·x_i + b)``, s_i = ±1.) A positive optimum is such a direction.
    """
    n, d = X.shape
    Xb = np.column_stack([X, np.ones(n)])
    if n_classes == 2:
        s = np.where(np.asarray(y) == 1, 1.0, -1.0)
        margins = s[:, None] * Xb  # each row: a margin as a linear function of (w, b)
    else:
        rows = []
        width = n_classes * (d + 1)
        for i in range(n):
            for k in range(n_classes):
                if k == y[i]:
                    continue
                row = np.zeros(width)
                row[y[i] * (d + 1) : (y[i] + 1) * (d + 1)] = Xb[i]
                row[k * (d + 1) : (k + 1) * (d + 1)] -= Xb[i]
                rows.append(row)
        margins = np.array(rows)
    result = linprog(
        -margins.sum(axis=0),
        A_ub=-margins,
        b_ub=np.zeros(len(margins)),
        bounds=(-1, 1),
        method="highs",
    )
    if result.status != 0:
        return False
    scale = np.abs(margins).sum(axis=1).max()
    return -result.fun > 1e-9 * max(scale, 1.0)


def find_optimum(X, y, n_classes, l2) -> Optimum:
    """The optimum of the objective on training data ``X`` with class indices ``y``."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    n = len(y)
    if l2 == 0 and is_separable(X, y, n_classes):
        return Optimum(
            False,
            None,
            None,
            None,
            "No finite optimum: with L2 = 0 the training data can be separated by a linear rule, "
            "so the loss keeps falling towards 0 as the weights grow, forever. Add some L2 "
            "penalty to get a finite optimum.",
        )
    C = np.inf if l2 == 0 else 1.0 / (l2 * n)
    max_iter = 10_000
    for _ in range(3):
        model = LogisticRegression(C=C, tol=1e-10, max_iter=max_iter).fit(X, y)
        if np.max(model.n_iter_) < max_iter:
            break
        max_iter *= 10
    coef, intercept = model.coef_, model.intercept_
    value = objective_value(X, y, coef, intercept, l2)
    where = "no penalty" if l2 == 0 else f"C = 1/(λ·n) = {C:.4g}"
    return Optimum(
        True,
        value,
        coef,
        intercept,
        f"best possible training loss (scikit-learn, {where}): {value:.6g}",
    )
