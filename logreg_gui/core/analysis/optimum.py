"""The optimum of the objective gradient descent minimises, found exactly.

``mean cross-entropy + alpha·R(W)`` (intercept unpenalised; :mod:`~logreg_gui.core.model.penalty`)
is scikit-learn's LogisticRegression with ``C = 1 / (alpha · n)`` and the same penalty; here
it is minimised by scipy's L-BFGS-B on the project's own objective and gradient
(:mod:`~logreg_gui.core.model.objective`), which is what scikit-learn's lbfgs solver does too,
with two differences that matter in a window: the search can be cancelled between two
evaluations, and it says when it stopped short of its tolerance. An L1 part
(``l1·‖W‖₁``, L1 and elastic net) is not differentiable at 0: each weight is split into
its positive and negative parts, ``W = W⁺ − W⁻`` with ``W⁺, W⁻ >= 0``, over which the
objective is smooth (``l1·Σ(W⁺ + W⁻)``) and L-BFGS-B keeps the bounds exactly, so the
weights that the optimum sets to 0 come out as exact zeros. The tests compare it with
scikit-learn (lbfgs, and saga for L1 and the elastic net). With class weights the
cross-entropy is the weighted ``(1/n)·Σ s_i·ℓ_i``, and the optimum that of scikit-learn's
LogisticRegression with the same ``class_weight``
(:mod:`~logreg_gui.core.model.class_weight`); weights > 0 change neither whether a finite
optimum exists nor the separability check.

Without a penalty a finite optimum exists only when no linear rule separates the classes, even
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
from ..model.class_weight import sample_weights
from ..model.objective import cross_entropy, decision_scores
from ..model.penalty import as_penalty

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
    ``details`` says more, for whoever asks. ``class_weights``: the weight of each class in
    the objective (None: unweighted).
    """

    exists: bool
    objective: float | None
    coef: np.ndarray | None
    intercept: np.ndarray | None
    message: str
    details: str = ""
    approximate: bool = False
    class_weights: np.ndarray | None = None

    @property
    def weighted(self) -> bool:
        """True when the objective weighs the samples by their class."""
        return self.class_weights is not None


@dataclass(frozen=True)
class Separability:
    """Whether a linear rule separates the classes; ``conclusive`` is False when only a
    sample was checked and it was separable, or when the check ran out of time."""

    separable: bool
    conclusive: bool
    rows_checked: int


def objective_value(X, y, coef, intercept, penalty, class_weights=None) -> float:
    """``mean cross-entropy + alpha·R(coef)`` of class indices ``y``; ``penalty`` a
    :class:`~logreg_gui.core.model.penalty.Penalty`, or a number: the strength of an L2
    penalty ``(l2/2)·||coef||²``. ``class_weights`` (by class index): the weighted
    cross-entropy ``(1/n)·Σ s_i·ℓ_i``."""
    scores = decision_scores(X, coef, intercept)
    weights = sample_weights(class_weights, y)
    return cross_entropy(scores, y, weights) + as_penalty(penalty).value(coef)


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


def find_optimum(
    X, y, n_classes, penalty, *, class_weights=None, cancel=None, max_seconds=None, start=None
) -> Optimum:
    """The optimum of the objective on training data ``X`` with class indices ``y``.

    ``penalty``: a :class:`~logreg_gui.core.model.penalty.Penalty`, or a number, the
    strength of an L2 penalty (0: none). ``class_weights``: the weight of each class (by
    class index, > 0; None: none), the objective's cross-entropy then weighted as
    scikit-learn's ``class_weight`` weighs it. ``cancel``: a callable checked between
    evaluations; when it returns True the search raises
    :class:`~logreg_gui.core.errors.Cancelled`. ``max_seconds`` bounds the search (the
    result is then marked approximate). ``start``: ``(coef, intercept)`` to start from
    (a warm start: the optimum of a nearby penalty), else zeros.
    """
    penalty = as_penalty(penalty)
    if class_weights is not None:
        class_weights = np.asarray(class_weights, dtype=np.float64)
    l2, l1 = penalty.l2, penalty.l1
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    n, d = X.shape
    note = ""
    unsure = None
    if not penalty.active:
        check = is_separable(X, y, n_classes)
        if check.separable and check.conclusive:
            return Optimum(
                False,
                None,
                None,
                None,
                translate(
                    "optimum", "No finite optimum: the classes can be separated (no penalty)."
                ),
                translate(
                    "optimum",
                    "Without a penalty these training data can be separated by a linear rule, so "
                    "the loss keeps falling towards 0 as the weights grow, forever: there is no "
                    "best value to reach. Add a penalty (L2, L1 or elastic net) to get a finite "
                    "optimum.",
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
    cw = np.empty(0) if class_weights is None else np.ascontiguousarray(class_weights)
    G = np.empty(shape)

    def smooth(P):
        if cancel is not None and cancel():
            raise Cancelled(translate("optimum", "the search for the optimum was cancelled."))
        # The compiled pass (objective.py's maths, one pass, without the GIL): a window
        # drawing beside this search is never held up by it.
        return objective_and_gradient(Xc, yc, np.ascontiguousarray(P), l2, G, cw)

    if l1 > 0:
        # θ = [W⁺, W⁻, b]: W = W⁺ − W⁻, and l1·‖W‖₁ = l1·Σ(W⁺ + W⁻) at the optimum.
        size = k * d

        def parameters(theta):
            P = np.empty(shape)
            P[:, :-1] = (theta[:size] - theta[size : 2 * size]).reshape(k, d)
            P[:, -1] = theta[2 * size :]
            return P

        def fun(theta):
            value = smooth(parameters(theta)) + l1 * float(np.sum(theta[: 2 * size]))
            gW = G[:, :-1].ravel()
            return value, np.concatenate([gW + l1, l1 - gW, G[:, -1]])

        bounds = [(0.0, None)] * (2 * size) + [(None, None)] * k
        warm = start
        start = np.zeros(2 * size + k)
        if warm is not None:
            W, b = np.asarray(warm[0], float).ravel(), np.asarray(warm[1], float).ravel()
            start = np.concatenate([np.maximum(W, 0.0), np.maximum(-W, 0.0), b])
    else:

        def parameters(theta):
            return theta.reshape(shape)

        def fun(theta):
            value = smooth(parameters(theta))
            return value, G.ravel().copy()

        bounds = None
        if start is None:
            start = np.zeros(k * (d + 1))
        else:
            P0 = np.empty(shape)
            P0[:, :-1], P0[:, -1] = start[0], start[1]
            start = P0.ravel()

    def out_of_time(_intermediate):
        if max_seconds is not None and time.monotonic() - began > max_seconds:
            raise StopIteration

    result = minimize(
        fun,
        start,
        jac=True,
        method="L-BFGS-B",
        bounds=bounds,
        callback=out_of_time,
        options={"maxiter": MAX_ITERATIONS, "gtol": GRADIENT_TOLERANCE, "ftol": 0.0},
    )
    P = parameters(result.x)
    coef, intercept = P[:, :-1].copy(), P[:, -1].copy()
    value = objective_value(X, y, coef, intercept, penalty, class_weights)
    smooth(P)
    largest = _stationarity(P, G, l1)
    approximate = largest > 1e-6
    # On separable data the gradient vanishes as the weights grow: a loss far below what one
    # sample on the wrong side would cost (and which only separable data allow) is the sign.
    lightest = 1.0 if class_weights is None else float(class_weights.min())
    if unsure is not None and (approximate or value < 1e-3 * lightest / n):
        return Optimum(
            False,
            None,
            None,
            None,
            translate(
                "optimum",
                "No finite optimum, it seems: the classes look separable (no penalty).",
            ),
            translate(
                "optimum",
                "A random sample of {sample:,} of the {rows:,} rows can be separated by a linear "
                "rule, and L-BFGS found no minimum in {iterations:,} iterations (the loss was "
                "still falling, at {value:.3g}). Add a penalty (L2, L1 or elastic net) to get a "
                "finite optimum.",
            ).format(sample=unsure.rows_checked, rows=n, iterations=result.nit, value=value),
        )
    if not penalty.active:
        where = translate("optimum", "no penalty")
    else:
        where = translate("optimum", "{penalty}, scikit-learn's C = 1/(α·n) = {C:.4g}").format(
            penalty=penalty.words(), C=penalty.C(n)
        )
    weighted = class_weights is not None
    if weighted:
        where = translate("optimum", "{where}; the classes, in order, weigh {weights}").format(
            where=where, weights=", ".join(f"{w:.4g}" for w in class_weights)
        )
    if approximate and weighted:
        message = translate(
            "optimum", "Optimum of the weighted training objective ≈ {value:.6g} (approximate)."
        ).format(value=value)
    elif approximate:
        message = translate(
            "optimum", "Optimum of the training objective ≈ {value:.6g} (approximate)."
        ).format(value=value)
    if approximate:
        details = translate(
            "optimum",
            "L-BFGS stopped after {iterations:,} iterations with a gradient of {gradient:.2g}, "
            "short of its tolerance ({where}): the true optimum is a little lower.",
        ).format(iterations=result.nit, gradient=largest, where=where)
    elif weighted:
        message = translate(
            "optimum", "Optimum of the weighted training objective: {value:.6g}."
        ).format(value=value)
        details = translate(
            "optimum",
            "The lowest value of the class-weighted mean cross-entropy (1/n)·Σ sᵢ·ℓᵢ{penalty} "
            "on the training data ({where}), found by L-BFGS in {iterations:,} iterations.",
        ).format(penalty=penalty.formula(), where=where, iterations=result.nit)
    else:
        message = translate("optimum", "Optimum of the training objective: {value:.6g}.").format(
            value=value
        )
        details = translate(
            "optimum",
            "The lowest value of mean cross-entropy{penalty} on the training data ({where}), "
            "found by L-BFGS in {iterations:,} iterations.",
        ).format(penalty=penalty.formula(), where=where, iterations=result.nit)
    if l1 > 0 and not approximate:
        details += " " + translate(
            "optimum", "{zeros:,} of its {count:,} weights are exactly 0."
        ).format(zeros=int(np.sum(coef == 0)), count=coef.size)
    details += note
    return Optimum(True, value, coef, intercept, message, details, approximate, class_weights)


def _stationarity(P, G, l1) -> float:
    """How far parameters ``P`` are from the optimum, given the smooth part's gradient ``G``
    there: its largest component, or with an L1 part the largest of the smallest
    subgradient (``|g + l1·sign(w)|`` where ``w ≠ 0``, ``max(|g| − l1, 0)`` where ``w = 0``)."""
    gW, gb = G[:, :-1], G[:, -1]
    if l1 > 0:
        W = P[:, :-1]
        gW = np.where(W != 0, gW + l1 * np.sign(W), np.maximum(np.abs(gW) - l1, 0.0))
    return float(max(np.abs(gW).max(initial=0.0), np.abs(gb).max(initial=0.0)))
