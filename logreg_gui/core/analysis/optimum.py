"""The optimum of the objective gradient descent minimises, found exactly.

``mean cross-entropy + (l2 / 2)·||W||²`` (intercept unpenalised) is scikit-learn's
LogisticRegression with ``C = 1 / (l2 · n)``; here it is minimised by scipy's L-BFGS-B on
the project's own objective and gradient (:mod:`~logreg_gui.core.model.objective`), which is
what scikit-learn's lbfgs solver does too, with two differences that matter in a window: the
search can be cancelled between two evaluations, and it says when it stopped short of its
tolerance. The tests compare it with scikit-learn.

With ``l2 = 0`` a finite optimum exists only when no linear rule separates the classes, even
with ties (Albert & Anderson, 1984): then the loss can be pushed towards 0 forever by
growing the weights, and there is no line to draw. A linear program decides, on a sample of
the rows when the data are too large for it (a sample that cannot be separated proves the
whole cannot be either).
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from scipy.optimize import linprog, minimize

from ..errors import Cancelled
from ..i18n import translate
from ..model.objective import cross_entropy, decision_scores, penalty

__all__ = ["Optimum", "Separability", "find_optimum", "is_separable", "objective_value"]

#: Largest linear program (non-zero entries) the separability check solves; larger data are
#: checked on a sample of their rows. 100,000 entries (4,700 rows of 20 features): a few tens
#: of milliseconds. scipy's HiGHS holds the GIL while it solves, so a larger program stalls
#: the window (4 million entries: 3.6 s, with pauses of 350 ms). A sample that cannot be
#: separated settles it; one that can leaves it to the search (which releases the GIL).
MAX_LP_ENTRIES = 100_000
#: Seconds the separability check may take before it gives up (inconclusive).
LP_SECONDS = 10.0
#: L-BFGS-B stops when every component of the gradient is below this.
GRADIENT_TOLERANCE = 1e-9
#: Seconds the search may take when only a sample was found separable.
UNSURE_SECONDS = 20.0
MAX_ITERATIONS = 20_000


@dataclass(frozen=True, eq=False)
class Optimum:
    """The best possible training objective, or why there is none.

    ``coef`` (k, d) and ``intercept`` (k,) use the project's layout (k = 1 for two classes).
    ``approximate``: the search stopped before reaching its tolerance (the value is then an
    upper bound, a little above the true optimum). ``message`` is one short line;
    ``details`` says more, for whoever asks.
    """

    exists: bool
    objective: float | None
    coef: np.ndarray | None
    intercept: np.ndarray | None
    message: str
    details: str = ""
    approximate: bool = False


@dataclass(frozen=True)
class Separability:
    """Whether a linear rule separates the classes; ``conclusive`` is False when only a
    sample was checked and it was separable, or when the check ran out of time."""

    separable: bool
    conclusive: bool
    rows_checked: int


def objective_value(X, y, coef, intercept, l2) -> float:
    """``mean cross-entropy + (l2/2)·||coef||²`` of class indices ``y``."""
    return cross_entropy(decision_scores(X, coef, intercept), y) + penalty(coef, l2)


def _margin_matrix(X, y, n_classes):
    """Rows: each margin (own class's score minus another class's) as a linear function of
    the stacked parameters. Several classes give one row per (sample, other class), with
    two blocks of d + 1 non-zeros: sparse."""
    n, d = X.shape
    Xb = np.column_stack([X, np.ones(n)])
    if n_classes == 2:
        s = np.where(np.asarray(y) == 1, 1.0, -1.0)
        return sparse.csr_matrix(s[:, None] * Xb)
    width = d + 1
    sample = np.repeat(np.arange(n), n_classes)
    other = np.tile(np.arange(n_classes), n)
    keep = other != y[sample]
    sample, other = sample[keep], other[keep]
    m = len(sample)
    offsets = np.arange(width)
    rows = np.repeat(np.arange(m), 2 * width)
    cols = np.concatenate(
        [y[sample, None] * width + offsets, other[:, None] * width + offsets], axis=1
    ).ravel()
    vals = np.concatenate([Xb[sample], -Xb[sample]], axis=1).ravel()
    return sparse.csr_matrix((vals, (rows, cols)), shape=(m, n_classes * width))


def is_separable(X, y, n_classes, *, max_entries=None, seed=0) -> Separability:
    """True when some linear scores rank every sample's own class at least as high as every
    other class, strictly for some sample — complete or quasi-complete separation, under
    which the unpenalised likelihood has no finite maximum.

    A linear program: maximise the summed margins over directions ``D`` with entries in
    [−1, 1], all margins ≥ 0; a positive optimum is such a direction. Data whose program
    would exceed ``max_entries`` non-zeros are checked on a random sample of their rows.
    """
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    n, d = X.shape
    max_entries = MAX_LP_ENTRIES if max_entries is None else max_entries
    per_row = (d + 1) * (1 if n_classes == 2 else 2 * (n_classes - 1))
    rows = n
    if n * per_row > max_entries:
        rows = max(n_classes, max_entries // per_row)
        pick = np.sort(np.random.default_rng(seed).choice(n, size=rows, replace=False))
        X, y = X[pick], y[pick]
    margins = _margin_matrix(X, y, n_classes)
    result = linprog(
        -np.asarray(margins.sum(axis=0)).ravel(),
        A_ub=-margins,
        b_ub=np.zeros(margins.shape[0]),
        bounds=(-1, 1),
        method="highs",
        options={"time_limit": LP_SECONDS},
    )
    if result.status != 0:  # out of time (or numerical trouble): no verdict
        return Separability(False, False, rows)
    scale = abs(margins).sum(axis=1).max()
    separable = -result.fun > 1e-9 * max(scale, 1.0)
    return Separability(bool(separable), not (separable and rows < n), rows)


def find_optimum(X, y, n_classes, l2, *, cancel=None, max_seconds=None) -> Optimum:
    """The optimum of the objective on training data ``X`` with class indices ``y``.

    ``cancel``: a callable checked between evaluations; when it returns True the search
    raises :class:`~logreg_gui.core.errors.Cancelled`. ``max_seconds`` bounds the search
    (the result is then marked approximate).
    """
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    n, d = X.shape
    note = ""
    unsure = None
    if l2 == 0:
        check = is_separable(X, y, n_classes)
        if check.separable and check.conclusive:
            return Optimum(
                False,
                None,
                None,
                None,
                translate("optimum", "No finite optimum: the classes can be separated (L2 = 0)."),
                translate(
                    "optimum",
                    "With L2 = 0 these training data can be separated by a linear rule, so the "
                    "loss keeps falling towards 0 as the weights grow, forever: there is no best "
                    "value to reach. Add some L2 penalty to get a finite optimum.",
                ),
            )
        if check.separable:
            # Only a sample was separable: the search below decides, in bounded time.
            unsure = check
            max_seconds = min(max_seconds or UNSURE_SECONDS, UNSURE_SECONDS)
        elif not check.conclusive:
            note = " " + translate(
                "optimum",
                "The check for separable classes ran out of time; the search may not end.",
            )
    k = 1 if n_classes == 2 else n_classes
    shape = (k, d + 1)
    began = time.monotonic()

    from ..training.kernels import objective_and_gradient

    Xc = np.ascontiguousarray(X)
    yc = np.ascontiguousarray(y, dtype=np.int64)
    G = np.empty(shape)

    def fun(theta):
        if cancel is not None and cancel():
            raise Cancelled(translate("optimum", "the search for the optimum was cancelled."))
        # The compiled pass (objective.py's maths, one pass, without the GIL): a window
        # drawing beside this search is never held up by it.
        value = objective_and_gradient(Xc, yc, np.ascontiguousarray(theta.reshape(shape)), l2, G)
        return value, G.ravel().copy()

    def out_of_time(_intermediate):
        if max_seconds is not None and time.monotonic() - began > max_seconds:
            raise StopIteration

    result = minimize(
        fun,
        np.zeros(k * (d + 1)),
        jac=True,
        method="L-BFGS-B",
        callback=out_of_time,
        options={"maxiter": MAX_ITERATIONS, "gtol": GRADIENT_TOLERANCE, "ftol": 0.0},
    )
    P = result.x.reshape(shape)
    coef, intercept = P[:, :-1].copy(), P[:, -1].copy()
    value = objective_value(X, y, coef, intercept, l2)
    largest = float(np.abs(result.jac).max()) if result.jac is not None else np.inf
    approximate = largest > 1e-6
    # On separable data the gradient vanishes as the weights grow: a loss far below what one
    # sample on the wrong side would cost (and which only separable data allow) is the sign.
    if unsure is not None and (approximate or value < 1e-3 / n):
        return Optimum(
            False,
            None,
            None,
            None,
            translate(
                "optimum", "No finite optimum, it seems: the classes look separable (L2 = 0)."
            ),
            translate(
                "optimum",
                "A random sample of {sample:,} of the {rows:,} rows can be separated by a linear "
                "rule, and L-BFGS found no minimum in {iterations:,} iterations (the loss was "
                "still falling, at {value:.3g}). Add some L2 penalty to get a finite optimum.",
            ).format(sample=unsure.rows_checked, rows=n, iterations=result.nit, value=value),
        )
    if l2 == 0:
        where = "L2 = 0"
    else:
        where = translate("optimum", "L2 = {l2:g}, scikit-learn's C = 1/(L2·n) = {C:.4g}").format(
            l2=l2, C=1 / (l2 * n)
        )
    if approximate:
        message = translate(
            "optimum", "Optimum of the training objective ≈ {value:.6g} (approximate)."
        ).format(value=value)
        details = translate(
            "optimum",
            "L-BFGS stopped after {iterations:,} iterations with a gradient of {gradient:.2g}, "
            "short of its tolerance ({where}): the true optimum is a little lower.",
        ).format(iterations=result.nit, gradient=largest, where=where)
    else:
        message = translate("optimum", "Optimum of the training objective: {value:.6g}.").format(
            value=value
        )
        details = translate(
            "optimum",
            "The lowest value of mean cross-entropy + (L2/2)·‖w‖² on the training data "
            "({where}), found by L-BFGS in {iterations:,} iterations.",
        ).format(where=where, iterations=result.nit)
    details += note
    return Optimum(True, value, coef, intercept, message, details, approximate)
