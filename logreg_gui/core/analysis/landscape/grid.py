"""The objective over a grid of two parameters, the others held fixed, and at one point.

How the grid is kept cheap (scores computed once, one ``f`` per row and grid point, blocks
that stay in a core's cache) is told in the package's docstring.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from ...errors import Cancelled, DataError
from ...i18n import translate
from ...model.class_weight import sample_weights
from ...model.objective import cross_entropy, decision_scores, penalty
from .parameters import Parameter

__all__ = [
    "BLOCK_ELEMENTS",
    "CHUNK_BYTES",
    "MARGIN",
    "MAX_ROWS",
    "MIN_HALF_WIDTH",
    "MIN_RELATIVE_HALF_WIDTH",
    "Landscape",
    "compute_landscape",
    "grid_axes",
    "sample_rows",
    "value_at",
]

#: Rows the landscape is computed on, at most; larger data are sampled.
MAX_ROWS = 20_000
#: Grid points × rows evaluated at once. 2¹⁶ float64 (512 kB) stay in a core's cache: 30 %
#: faster than blocks of several megabytes.
BLOCK_ELEMENTS = 2**16
#: Bound on the per-chunk arrays (the rows' features and scores, and the per-value terms).
CHUNK_BYTES = 32 * 2**20
#: Margin around the extent points, as a fraction of their distance from the centre.
MARGIN = 0.15
#: Smallest half-width of an axis: ``max(MIN_HALF_WIDTH, MIN_RELATIVE_HALF_WIDTH·|centre|)``.
MIN_HALF_WIDTH = 0.5
MIN_RELATIVE_HALF_WIDTH = 0.5


def sample_rows(n: int, max_rows: int | None = MAX_ROWS, rng=0) -> np.ndarray | None:
    """The sorted indices of the rows a landscape of ``n`` rows is computed on, or None when
    it uses all of them (``n <= max_rows``). The same ``rng`` seed gives the same rows."""
    if max_rows is None or n <= max_rows:
        return None
    if max_rows < 1:
        raise ValueError("max_rows must be at least 1.")
    return np.sort(np.random.default_rng(rng).choice(n, size=int(max_rows), replace=False))


@dataclass(frozen=True, eq=False)
class Landscape:
    """The objective over a grid of two parameters, the others fixed.

    Orientation: ``values[i_b, i_a]`` is the objective at ``(a[i_a], b[i_b])``: a row per
    value of the **second** parameter. Drawn as an image with row 0 at the bottom, the first
    parameter runs horizontally and the second vertically.

    Attributes
    ----------
    params : (Parameter, Parameter), the horizontal and the vertical parameter
    a : ndarray of shape (G,), increasing values of the first parameter
    b : ndarray of shape (G,), increasing values of the second parameter
    values : ndarray of shape (G, G), indexed ``[i_b, i_a]``
    center : (float, float), the current values of the two parameters (those in ``coef`` and
        ``intercept``): where the model is on this slice. The grid is centred on them
        unless ``compute_landscape`` was given ``center`` or ``span``.
    rows_used : int, rows the values were computed on
    n_rows : int, rows of the training data (``rows_used < n_rows`` when sampled)
    coef : ndarray of shape (k, d), intercept : ndarray of shape (k,), l2 : float, l1 : float
        the parameters held fixed (the two chosen ones vary) and the strengths of the
        penalty's parts, ``(l2/2)·||coef||² + l1·||coef||₁``
    class_weights : ndarray of shape (n_classes,) or None, the weights of the classes in the
        cross-entropy (``(1/n)·Σ s_i·ℓ_i``; None: unweighted)
    """

    params: tuple[Parameter, Parameter]
    a: np.ndarray
    b: np.ndarray
    values: np.ndarray
    center: tuple[float, float]
    rows_used: int
    n_rows: int
    coef: np.ndarray
    intercept: np.ndarray
    l2: float
    l1: float = 0.0
    class_weights: np.ndarray | None = None

    @property
    def weighted(self) -> bool:
        """True when the cross-entropy weighs the samples by their class."""
        return self.class_weights is not None

    @property
    def sampled(self) -> bool:
        """Whether the values come from a sample of the rows."""
        return self.rows_used < self.n_rows

    @property
    def lowest(self) -> tuple[float, float, float]:
        """``(a, b, value)`` of the lowest grid point (the first one on ties)."""
        i_b, i_a = np.unravel_index(int(np.argmin(self.values)), self.values.shape)
        return float(self.a[i_a]), float(self.b[i_b]), float(self.values[i_b, i_a])


def grid_axes(
    center, *, span=None, extent_points=None, resolution: int = 61
) -> tuple[np.ndarray, np.ndarray]:
    """The two axes of a landscape's grid.

    ``span`` ``((a_min, a_max), (b_min, b_max))``: ``resolution`` evenly spaced values over
    each. Otherwise each axis is centred on ``center`` and reaches past every finite
    ``extent_points`` (m, 2) by :data:`MARGIN` of its distance from the centre, with a
    half-width of at least ``max(0.5, 0.5·|centre|)``. For an odd ``resolution`` the middle
    value is exactly the centre.
    """
    resolution = int(resolution)
    if resolution < 2:
        raise ValueError("resolution must be at least 2.")
    if span is not None:
        axes = []
        for low, high in span:
            low, high = float(low), float(high)
            if not (np.isfinite(low) and np.isfinite(high) and low < high):
                raise ValueError(f"a span must be finite and increasing, not ({low}, {high}).")
            axes.append(np.linspace(low, high, resolution))
        return axes[0], axes[1]
    center = np.asarray(center, dtype=float).reshape(2)
    if not np.all(np.isfinite(center)):
        raise ValueError("the centre of the grid must be finite.")
    half = np.maximum(MIN_HALF_WIDTH, MIN_RELATIVE_HALF_WIDTH * np.abs(center))
    if extent_points is not None:
        points = np.asarray(extent_points, dtype=float).reshape(-1, 2)
        points = points[np.all(np.isfinite(points), axis=1)]
        if len(points):
            half = np.maximum(half, (1 + MARGIN) * np.abs(points - center).max(axis=0))
    # Symmetric offsets, exactly 0 in the middle (np.linspace is not exact there).
    steps = (np.arange(resolution) - (resolution - 1) / 2) / ((resolution - 1) / 2)
    return center[0] + half[0] * steps, center[1] + half[1] * steps


def compute_landscape(
    X,
    y,
    coef,
    intercept,
    l2: float,
    params: tuple[Parameter, Parameter],
    *,
    center=None,
    span=None,
    extent_points=None,
    resolution: int = 61,
    max_rows: int | None = MAX_ROWS,
    rng=0,
    cancel: Callable[[], bool] | None = None,
    l1: float = 0.0,
    class_weights=None,
) -> Landscape:
    """The objective on a ``resolution × resolution`` grid of two parameters.

    Parameters
    ----------
    X : ndarray of shape (n, d), float32 or float64 (scores are computed in float64)
    y : ndarray of shape (n,), class indices
    coef : ndarray of shape (k, d), intercept : ndarray of shape (k,)
        the parameters; all but the two chosen ones stay at these values
    l2 : float, the strength of the penalty's smooth part ``(l2/2)·||coef||²``
    params : (Parameter, Parameter), the horizontal and the vertical parameter (different)
    center : (float, float), optional, the grid's centre (default: the two current values)
    span : ((a_min, a_max), (b_min, b_max)), optional, the grid's range (overrides ``center``
        and ``extent_points``)
    extent_points : ndarray of shape (m, 2), optional, points the grid must show (the path of
        the descent, the optimum); the current point is always included
    resolution : int, grid values per axis (odd, so that the centre is on the grid)
    max_rows : int or None, rows used at most: larger data are evaluated on a random sample
        of ``max_rows`` rows (:func:`sample_rows`, the same rows for the same ``rng``)
    rng : int or numpy Generator, the sample's seed
    cancel : callable, optional, asked between blocks of the grid; when it returns True the
        work stops with :class:`~logreg_gui.core.errors.Cancelled`
    l1 : float, the strength of the penalty's L1 part ``l1·||coef||₁`` (L1, elastic net)
    class_weights : ndarray of shape (n_classes,), optional, the weight of each class: the
        cross-entropy is then ``(1/n)·Σ s_i·ℓ_i`` (of the rows used)

    Returns
    -------
    Landscape
        With all rows used, ``values`` at the current point equals the objective of
        :mod:`~logreg_gui.core.model.objective` to rounding (~1e-15 relative).

    Raises
    ------
    DataError
        No training rows.
    Cancelled
        ``cancel()`` returned True.
    """
    _check(cancel)
    X = np.asarray(X)
    y = np.asarray(y).reshape(-1).astype(np.intp, copy=False)
    coef = np.array(coef, dtype=float)
    intercept = np.array(intercept, dtype=float).reshape(-1)
    n, d = _check_shapes(X, y, coef, intercept)
    p, q = _check_params(params, *coef.shape)
    current = (p.value(coef, intercept), q.value(coef, intercept))
    if span is None:
        points = (
            [current] if extent_points is None else [current, *np.reshape(extent_points, (-1, 2))]
        )
        a, b = grid_axes(
            current if center is None else center, extent_points=points, resolution=resolution
        )
    else:
        a, b = grid_axes(current, span=span, resolution=resolution)

    rows = sample_rows(n, max_rows, rng)
    n_used = n if rows is None else len(rows)
    if class_weights is not None:
        class_weights = np.asarray(class_weights, dtype=float)
    sums = _SumOfLosses(coef, intercept, p, q, a - current[0], b - current[1])
    # Rows per chunk: a block of the grid over them stays near BLOCK_ELEMENTS, and the chunk's
    # own arrays (features, scores, the per-value terms) within CHUNK_BYTES.
    G = len(a)
    per_row = 8 * (d + 2 * coef.shape[0] + 4 * G)
    chunk = max(1, min(n_used, max(BLOCK_ELEMENTS // G, 64), CHUNK_BYTES // per_row))
    for start in range(0, n_used, chunk):
        _check(cancel)
        if rows is None:
            Xc, yc = X[start : start + chunk], y[start : start + chunk]
        else:
            take = rows[start : start + chunk]
            Xc, yc = X[take], y[take]
        sums.add(Xc, yc, cancel, sample_weights(class_weights, yc))
    values = sums.total() / n_used + _penalty_grid(coef, l2, l1, p, q, a, b)
    return Landscape(
        params=(p, q),
        a=a,
        b=b,
        values=values,
        center=current,
        rows_used=n_used,
        n_rows=n,
        coef=coef,
        intercept=intercept,
        l2=float(l2),
        l1=float(l1),
        class_weights=class_weights,
    )


def value_at(
    X, y, coef, intercept, l2, params: tuple[Parameter, Parameter], a, b, l1=0.0,
    class_weights=None,
) -> float:  # fmt: skip
    """The objective with the first parameter set to ``a`` and the second to ``b``, every
    other parameter as in ``coef`` and ``intercept``: on every row of ``X``, with
    :mod:`~logreg_gui.core.model.objective`'s functions (weighted by ``class_weights``).
    ``O(n·d·k)``, for checks and read-outs.
    """
    coef, intercept = _with_values(coef, intercept, params, a, b)
    scores = decision_scores(X, coef, intercept)
    y = np.asarray(y)
    return cross_entropy(scores, y, sample_weights(class_weights, y)) + penalty(coef, l2, l1)


# -- internals ---------------------------------------------------------------------------------


def _check(cancel) -> None:
    if cancel is not None and cancel():
        raise Cancelled(translate("landscape", "computing the loss landscape was cancelled."))


def _check_shapes(X, y, coef, intercept) -> tuple[int, int]:
    if X.ndim != 2:
        raise ValueError("X must have shape (n, d).")
    n, d = X.shape
    if n == 0:
        raise DataError(
            translate("landscape", "the training data are empty: there is no loss to draw.")
        )
    if len(y) != n:
        raise ValueError(f"y has {len(y)} values for {n} rows of X.")
    if coef.ndim != 2 or coef.shape[1] != d:
        raise ValueError(f"coef must have shape (k, {d}).")
    if intercept.shape != (coef.shape[0],):
        raise ValueError(f"intercept must have {coef.shape[0]} values, one per row of coef.")
    return n, d


def _check_params(params, k, d) -> tuple[Parameter, Parameter]:
    p, q = (s if isinstance(s, Parameter) else Parameter(int(s[0]), int(s[1])) for s in params)
    for param in (p, q):
        if not (0 <= param.row < k and 0 <= param.column <= d):
            raise ValueError(f"{param} does not exist in a model of {k} rows and {d} features.")
    if p == q:
        raise ValueError(translate("landscape", "pick two different parameters."))
    return p, q


def _with_values(coef, intercept, params, a, b):
    """Copies of ``coef`` and ``intercept`` with the two parameters set to ``a`` and ``b``."""
    coef = np.array(coef, dtype=float)
    intercept = np.array(intercept, dtype=float).reshape(-1)
    d = coef.shape[1]
    for param, value in zip(params, (a, b)):
        if param.is_intercept(d):
            intercept[param.row] = value
        else:
            coef[param.row, param.column] = value
    return coef, intercept


def _penalty_grid(coef, l2, l1, p, q, a, b) -> np.ndarray:
    """``(l2 / 2)·||coef||² + l1·||coef||₁`` with the two parameters at every grid point,
    shape (G_b, G_a)."""
    if l2 == 0 and l1 == 0:
        return np.zeros((len(b), len(a)))
    d = coef.shape[1]
    rest = coef.copy()
    squares_a, squares_b = np.zeros(len(a)), np.zeros(len(b))
    sizes_a, sizes_b = np.zeros(len(a)), np.zeros(len(b))
    if not p.is_intercept(d):
        rest[p.row, p.column] = 0.0
        squares_a, sizes_a = a * a, np.abs(a)
    if not q.is_intercept(d):
        rest[q.row, q.column] = 0.0
        squares_b, sizes_b = b * b, np.abs(b)
    values = 0.5 * l2 * ((float(np.sum(rest * rest)) + squares_b[:, None]) + squares_a[None, :])
    if l1:
        values = values + l1 * ((float(np.sum(np.abs(rest))) + sizes_b[:, None]) + sizes_a[None, :])
    return values


def _logsumexp(Z) -> np.ndarray:
    """Row-wise log-sum-exp of Z (n, m), m ≥ 1."""
    top = Z.max(axis=1)
    return top + np.log(np.exp(Z - top[:, None]).sum(axis=1))


def _logaddexp(x, y) -> np.ndarray:
    """``np.logaddexp`` with vectorised exp and log1p (several times faster), for finite or
    -inf arguments (not both -inf)."""
    return np.maximum(x, y) + np.log1p(np.exp(-np.abs(x - y)))


class _SumOfLosses:
    """Sum over rows of the cross-entropy at every grid point, accumulated chunk by chunk.

    The loss of a row at ``(a, b)`` is written ``c + A[a] + B[b] + f(P[a] + Q[b])`` with
    ``f(t) = |t|/2 + log1p(exp(-|t|))``; the sums over rows of ``c``, ``A`` and ``B`` cost
    ``O(G·n)``, only ``f`` is evaluated at every grid point.
    """

    def __init__(self, coef, intercept, p, q, da, db):
        self.coef, self.intercept = coef, intercept
        self.p, self.q, self.da, self.db = p, q, da, db
        G_a, G_b = len(da), len(db)
        self.const = 0.0
        self.sep_a, self.sep_b = np.zeros(G_a), np.zeros(G_b)
        self.grid = np.zeros((G_b, G_a))

    def total(self) -> np.ndarray:
        return (self.const + self.sep_b[:, None]) + self.sep_a[None, :] + self.grid

    def _column(self, Xc, param) -> np.ndarray:
        if param.is_intercept(self.coef.shape[1]):
            return np.ones(len(Xc))
        return Xc[:, param.column].astype(float)

    def add(self, Xc, yc, cancel, weights=None) -> None:
        """Add the rows ``Xc`` (m, d) with labels ``yc`` (and ``weights``, one per row)."""
        p, q, da, db = self.p, self.q, self.da, self.db
        Z = decision_scores(Xc, self.coef, self.intercept)  # (m, k), float64
        m, k = Z.shape
        xp, xq = self._column(Xc, p), self._column(Xc, q)
        rows = np.arange(m)
        if k == 1:
            # Softmax over the scores (0, z): the other score is 0, the "row" is class 1.
            others = np.zeros(m)
            in_p = in_q = (yc == 1).astype(float)
            z_y = np.where(yc == 1, Z[:, 0], 0.0)
        else:
            keep = np.ones(k, dtype=bool)
            keep[[p.row, q.row]] = False
            others = _logsumexp(Z[:, keep]) if keep.any() else np.full(m, -np.inf)
            in_p, in_q = (yc == p.row).astype(float), (yc == q.row).astype(float)
            z_y = Z[rows, yc]
        if weights is None:
            total = np.sum
        else:
            # Each row's loss weighed by its weight: the sums over rows become dot products.
            in_p, in_q = in_p * weights, in_q * weights

            def total(values):
                return values @ weights

        # The -z_y term: its part that does not move, and its slope along each parameter.
        self.const -= float(total(z_y))
        self.sep_a -= da * float(in_p @ xp)
        self.sep_b -= db * float(in_q @ xq)
        z_p = Z[:, p.row]
        if p.row == q.row:
            # logaddexp(L, z_p + da·xp + db·xq) = (L + z_p + da·xp + db·xq)/2 + f(P + Q). Here L
            # is finite: it covers the k - 1 ≥ 1 scores of the other rows.
            self.const += 0.5 * float(total(others + z_p))
            self.sep_a += 0.5 * da * float(total(xp))
            self.sep_b += 0.5 * db * float(total(xq))
            P = (z_p - others)[None, :] + da[:, None] * xp[None, :]
            Q = db[:, None] * xq[None, :]
        else:
            # logaddexp(U[a], V[b]) with U = logaddexp(L, z_p + da·xp), V = z_q + db·xq; L is
            # -inf for a softmax over two scores, and then U = z_p + da·xp.
            U = _logaddexp(others[None, :], z_p[None, :] + da[:, None] * xp[None, :])
            V = Z[:, q.row][None, :] + db[:, None] * xq[None, :]
            self.sep_a += 0.5 * (U.sum(axis=1) if weights is None else U @ weights)
            self.sep_b += 0.5 * (V.sum(axis=1) if weights is None else V @ weights)
            P, Q = U, -V
        self._add_f(P, Q, cancel, weights)

    def _add_f(self, P, Q, cancel, weights=None) -> None:
        """``grid[i_b, i_a] += Σ_rows f(P[i_a] + Q[i_b])`` (each row's term times its weight),
        in blocks of grid rows."""
        G_a, m = P.shape
        step = max(1, BLOCK_ELEMENTS // (G_a * m))
        buffer = np.empty((min(step, len(Q)), G_a, m))
        for start in range(0, len(Q), step):
            _check(cancel)
            stop = min(start + step, len(Q))
            t = buffer[: stop - start]
            np.add(P[None, :, :], Q[start:stop, None, :], out=t)
            np.abs(t, out=t)
            half = t.sum(axis=2) if weights is None else t @ weights
            np.negative(t, out=t)
            np.exp(t, out=t)
            np.log1p(t, out=t)
            self.grid[start:stop] += 0.5 * half + (
                t.sum(axis=2) if weights is None else t @ weights
            )
