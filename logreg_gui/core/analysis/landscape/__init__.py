"""The training objective over two parameters, the others held fixed: the loss landscape.

A view draws ``J = mean cross-entropy + (l2 / 2)·||coef||²`` (intercepts unpenalised, the
objective of :mod:`~logreg_gui.core.model.objective`) over a grid of two chosen parameters, every
other parameter held at its value of one epoch, with the path gradient descent took.

A parameter is a cell ``(row, column)`` of the augmented array ``(k, d + 1)``: the weights of
row ``row`` in columns ``0 .. d - 1``, its intercept in column ``d`` (the layout of
:class:`~logreg_gui.core.training.history.WeightHistory`). ``k == 1`` for two classes (the score is the
log-odds of class 1), ``k == n_classes`` for more (softmax).

The grid is cheap because the scores are affine in the two parameters: moving weight
``(r, j)`` by δ adds ``δ·X[:, j]`` to score column ``r`` (an intercept adds δ). The scores
are computed once, and each grid point costs one evaluation of
``f(t) = |t|/2 + log1p(exp(-|t|))`` per row, whatever the number of classes, using

    logaddexp(x, y) = (x + y)/2 + f(x - y)

whose first half sums separately over the rows (it is linear, or depends on one parameter
only). Two classes: the loss of a row is ``logaddexp(0, z) - y·z``. More: the log-sum-exp of
the scores the two parameters do not touch is computed once per row (``L``); if both
parameters are in row ``r`` the loss is ``logaddexp(L, z_r) - z_y``, and if they are in rows
``r`` and ``s``, ``logaddexp(logaddexp(L, z_r), z_s) - z_y`` where the inner term depends on the
first parameter only (computed once per value, not per grid point). ``f`` is evaluated with
numpy's vectorised ``exp`` and ``log1p``, several times faster than ``np.logaddexp``, in
blocks of about half a megabyte: memory stays bounded whatever the data and the grid.

Large data are evaluated on a fixed random sample of their rows (:data:`MAX_ROWS` by
default); the result says so (``rows_used < n_rows``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from ...errors import Cancelled, DataError
from ...i18n import translate
from ...model.objective import cross_entropy, decision_scores, penalty

__all__ = [
    "MAX_ROWS",
    "Landscape",
    "Parameter",
    "compute_landscape",
    "default_parameters",
    "describe",
    "grid_axes",
    "parameter_choices",
    "path_of",
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


@dataclass(frozen=True, order=True)
class Parameter:
    """One parameter: cell ``(row, column)`` of the augmented array ``(k, d + 1)``.

    ``column == d`` is the intercept of row ``row``; smaller columns are weights of feature
    ``column``. With two classes ``row`` is always 0.
    """

    row: int
    column: int

    def is_intercept(self, d: int) -> bool:
        """Whether this is an intercept when there are ``d`` features."""
        return self.column == d

    def value(self, coef, intercept) -> float:
        """This parameter's value in ``coef`` (k, d) and ``intercept`` (k,)."""
        if self.column == np.shape(coef)[1]:
            return float(intercept[self.row])
        return float(coef[self.row, self.column])

    def name(self, feature_names: Sequence[str], class_labels: Sequence) -> str:
        """A readable name: ``w[x3]`` and ``b`` for two classes, ``w[x3, class setosa]`` and
        ``b[class setosa]`` for more.

        Parameters
        ----------
        feature_names : sequence of d str
        class_labels : sequence of the n_classes class labels (row ``r`` of a multiclass
            model belongs to ``class_labels[r]``)
        """
        binary = len(class_labels) <= 2
        if self.column == len(feature_names):
            if binary:
                return "b"
            return translate("landscape", "b[class {label}]").format(label=class_labels[self.row])
        feature = feature_names[self.column]
        if binary:
            return f"w[{feature}]"
        return translate("landscape", "w[{feature}, class {label}]").format(
            feature=feature, label=class_labels[self.row]
        )


def parameter_choices(k: int, d: int) -> list[Parameter]:
    """Every parameter of a model with ``k`` score rows and ``d`` features, in the order of
    the augmented array: row 0's weights, then its intercept, then row 1's… (for a combo box).
    """
    return [Parameter(r, j) for r in range(k) for j in range(d + 1)]


def default_parameters(coef, intercept) -> tuple[Parameter, Parameter]:
    """The two parameters to show first: the two weights of largest ``|w|``.

    The pair is returned in the order of :func:`parameter_choices` (not by size), so that the
    axes do not swap when the two weights overtake each other. Ties go to the earlier weight.
    With a single weight (two classes, one feature) the pair is that weight and the intercept.

    Parameters
    ----------
    coef : ndarray of shape (k, d)
    intercept : ndarray of shape (k,)
    """
    coef = np.asarray(coef, dtype=float)
    k, d = coef.shape
    if len(np.asarray(intercept).reshape(-1)) != k:
        raise ValueError(f"intercept must have {k} values, one per row of coef.")
    if k * d == 0:
        raise ValueError("the model has no weights.")
    if k * d == 1:
        return Parameter(0, 0), Parameter(0, d)
    order = np.argsort(-np.abs(coef).reshape(-1), kind="stable")[:2]
    first, second = sorted(int(i) for i in order)
    return Parameter(*divmod(first, d)), Parameter(*divmod(second, d))


def path_of(weights, params: tuple[Parameter, Parameter]) -> np.ndarray:
    """The two parameters' trajectory from a history of augmented parameters.

    Parameters
    ----------
    weights : ndarray of shape (m, k, d + 1), e.g. :meth:`WeightHistory.path`'s parameters
    params : the two parameters

    Returns
    -------
    ndarray of shape (m, 2): column 0 the first parameter, column 1 the second.
    """
    weights = np.asarray(weights, dtype=float)
    if weights.ndim != 3:
        raise ValueError("weights must have shape (m, k, d + 1).")
    p, q = params
    return np.column_stack([weights[:, p.row, p.column], weights[:, q.row, q.column]])


def value_at(X, y, coef, intercept, l2, params: tuple[Parameter, Parameter], a, b) -> float:
    """The objective with the first parameter set to ``a`` and the second to ``b``, every
    other parameter as in ``coef`` and ``intercept``: on every row of ``X``, with
    :mod:`~logreg_gui.core.model.objective`'s functions. ``O(n·d·k)``, for checks and read-outs.
    """
    coef, intercept = _with_values(coef, intercept, params, a, b)
    return cross_entropy(decision_scores(X, coef, intercept), np.asarray(y)) + penalty(coef, l2)


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
    coef : ndarray of shape (k, d), intercept : ndarray of shape (k,), l2 : float
        the parameters held fixed (the two chosen ones vary) and the penalty
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
) -> Landscape:
    """The objective on a ``resolution × resolution`` grid of two parameters.

    Parameters
    ----------
    X : ndarray of shape (n, d), float32 or float64 (scores are computed in float64)
    y : ndarray of shape (n,), class indices
    coef : ndarray of shape (k, d), intercept : ndarray of shape (k,)
        the parameters; all but the two chosen ones stay at these values
    l2 : float, the penalty weight
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
        sums.add(Xc, yc, cancel)
    values = sums.total() / n_used + _penalty_grid(coef, l2, p, q, a, b)
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
    )


def describe(landscape: Landscape, feature_names, class_labels, *, epoch: int | None = None) -> str:
    """What a landscape shows, in plain words, for the view.

    Parameters
    ----------
    landscape : Landscape
    feature_names : sequence of d str
    class_labels : sequence of the class labels
    epoch : int, optional, the epoch whose parameters are held fixed (None: "current")
    """
    p, q = landscape.params
    k, d = landscape.coef.shape
    name_p, name_q = p.name(feature_names, class_labels), q.name(feature_names, class_labels)
    loss = landscape.l2 == 0
    sentences = []
    if k * (d + 1) == 2:
        if loss:
            first = translate(
                "landscape",
                "The training loss J over {first} (horizontal) and {second} (vertical): with a "
                "single feature these are the only two parameters, so this is the whole "
                "landscape.",
            )
        else:
            first = translate(
                "landscape",
                "The objective J (loss plus L2 penalty) over {first} (horizontal) and {second} "
                "(vertical): with a single feature these are the only two parameters, so this is "
                "the whole landscape.",
            )
        sentences.append(first.format(first=name_p, second=name_q))
        sentences.append(translate("landscape", "The path is where gradient descent took them."))
    else:
        others, singular, only_weights = _others(k, d, p, q)
        if epoch is None:
            held = (
                translate("landscape", "its current value")
                if singular
                else translate("landscape", "their current values")
            )
            source = translate("landscape", "the current ones")
        else:
            held = (
                translate("landscape", "its value of epoch {epoch:,}")
                if singular
                else translate("landscape", "their values of epoch {epoch:,}")
            ).format(epoch=epoch)
            source = translate("landscape", "those of epoch {epoch:,}").format(epoch=epoch)
        if loss:
            first = translate(
                "landscape",
                "The training loss J over {first} (horizontal) and {second} (vertical), {others} "
                "held at {held}.",
            )
        else:
            first = translate(
                "landscape",
                "The objective J (loss plus L2 penalty) over {first} (horizontal) and {second} "
                "(vertical), {others} held at {held}.",
            )
        sentences.append(first.format(first=name_p, second=name_q, others=others, held=held))
        two_weights = not (p.is_intercept(d) or q.is_intercept(d))
        if two_weights and only_weights:
            path = translate(
                "landscape",
                "The path is where gradient descent took these two weights; on this slice the "
                "other weights are {source}, so earlier points of the path were on other slices.",
            )
        elif two_weights:
            path = translate(
                "landscape",
                "The path is where gradient descent took these two weights; on this slice the "
                "other parameters are {source}, so earlier points of the path were on other "
                "slices.",
            )
        elif only_weights:
            path = translate(
                "landscape",
                "The path is where gradient descent took these two parameters; on this slice the "
                "other weights are {source}, so earlier points of the path were on other slices.",
            )
        else:
            path = translate(
                "landscape",
                "The path is where gradient descent took these two parameters; on this slice the "
                "other parameters are {source}, so earlier points of the path were on other "
                "slices.",
            )
        sentences.append(path.format(source=source))
    if landscape.sampled:
        sentences.append(
            translate(
                "landscape",
                "It is computed on a random sample of {rows:,} of the {total:,} training rows, "
                "so it can differ a little from J on all of them.",
            ).format(rows=landscape.rows_used, total=landscape.n_rows)
        )
    return " ".join(sentences)


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


def _others(k, d, p, q) -> tuple[str, bool, bool]:
    """The parameters other than ``p`` and ``q`` in words; whether that phrase is singular;
    whether they are all weights."""
    weights_chosen = sum(not s.is_intercept(d) for s in (p, q))
    other_weights, other_intercepts = k * d - weights_chosen, k - (2 - weights_chosen)
    parts = []
    plural = False
    if other_weights:
        if weights_chosen == 0:
            parts.append(translate("landscape", "every weight"))
        elif other_weights == 1:
            parts.append(translate("landscape", "the other weight"))
        else:
            parts.append(translate("landscape", "every other weight"))
    if other_intercepts:
        if k == 1:
            parts.append(translate("landscape", "the intercept"))
        elif weights_chosen == 2:
            parts.append(translate("landscape", "the intercepts"))
            plural = True
        elif other_intercepts == 1:
            parts.append(translate("landscape", "the other intercept"))
        else:
            parts.append(translate("landscape", "the other intercepts"))
            plural = True
    singular = len(parts) == 1 and not plural
    if len(parts) == 2:
        phrase = translate("landscape", "{first} and {second}").format(
            first=parts[0], second=parts[1]
        )
    else:
        phrase = "".join(parts)
    return phrase, singular, not other_intercepts


def _penalty_grid(coef, l2, p, q, a, b) -> np.ndarray:
    """``(l2 / 2)·||coef||²`` with the two parameters at every grid point, shape (G_b, G_a)."""
    if l2 == 0:
        return np.zeros((len(b), len(a)))
    d = coef.shape[1]
    rest = coef.copy()
    terms_a, terms_b = np.zeros(len(a)), np.zeros(len(b))
    if not p.is_intercept(d):
        rest[p.row, p.column] = 0.0
        terms_a = a * a
    if not q.is_intercept(d):
        rest[q.row, q.column] = 0.0
        terms_b = b * b
    return 0.5 * l2 * ((float(np.sum(rest * rest)) + terms_b[:, None]) + terms_a[None, :])


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

    def add(self, Xc, yc, cancel) -> None:
        """Add the rows ``Xc`` (m, d) with labels ``yc``."""
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
        # The -z_y term: its part that does not move, and its slope along each parameter.
        self.const -= float(np.sum(z_y))
        self.sep_a -= da * float(in_p @ xp)
        self.sep_b -= db * float(in_q @ xq)
        z_p = Z[:, p.row]
        if p.row == q.row:
            # logaddexp(L, z_p + da·xp + db·xq) = (L + z_p + da·xp + db·xq)/2 + f(P + Q). Here L
            # is finite: it covers the k - 1 ≥ 1 scores of the other rows.
            self.const += 0.5 * float(np.sum(others + z_p))
            self.sep_a += 0.5 * da * float(xp.sum())
            self.sep_b += 0.5 * db * float(xq.sum())
            P = (z_p - others)[None, :] + da[:, None] * xp[None, :]
            Q = db[:, None] * xq[None, :]
        else:
            # logaddexp(U[a], V[b]) with U = logaddexp(L, z_p + da·xp), V = z_q + db·xq; L is
            # -inf for a softmax over two scores, and then U = z_p + da·xp.
            U = _logaddexp(others[None, :], z_p[None, :] + da[:, None] * xp[None, :])
            V = Z[:, q.row][None, :] + db[:, None] * xq[None, :]
            self.sep_a += 0.5 * U.sum(axis=1)
            self.sep_b += 0.5 * V.sum(axis=1)
            P, Q = U, -V
        self._add_f(P, Q, cancel)

    def _add_f(self, P, Q, cancel) -> None:
        """``grid[i_b, i_a] += Σ_rows f(P[i_a] + Q[i_b])``, in blocks of grid rows."""
        G_a, m = P.shape
        step = max(1, BLOCK_ELEMENTS // (G_a * m))
        buffer = np.empty((min(step, len(Q)), G_a, m))
        for start in range(0, len(Q), step):
            _check(cancel)
            stop = min(start + step, len(Q))
            t = buffer[: stop - start]
            np.add(P[None, :, :], Q[start:stop, None, :], out=t)
            np.abs(t, out=t)
            half = t.sum(axis=2)
            np.negative(t, out=t)
            np.exp(t, out=t)
            np.log1p(t, out=t)
            self.grid[start:stop] += 0.5 * half + t.sum(axis=2)
