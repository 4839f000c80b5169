"""Two-dimensional views of the decision boundary: a plane through feature space, the samples
placed on it, and the model's probabilities and class boundaries over it.

A plane is ``x = origin + u·axis_u + v·axis_v``. Restricted to a plane the model stays linear:
its scores are ``z(u, v) = decision_scores(origin) + u·(coef @ axis_u) + v·(coef @ axis_v)``, so
the whole grid costs one small matrix product, and the boundaries between predicted classes
are straight segments that can be computed exactly instead of traced on the grid.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ..errors import DataError
from ..i18n import translate
from ..model.objective import class_probabilities, decision_scores

__all__ = [
    "CONTOUR_GRID",
    "InputPlane",
    "Plane",
    "boundary_segments",
    "contour_segments",
    "feature_plane",
    "grid_coordinates",
    "grid_extent",
    "input_coordinates",
    "input_plane",
    "pca_plane",
    "probability_grid",
    "project",
]


@dataclass(frozen=True, eq=False)
class Plane:
    """A 2-D view of d-dimensional feature space: ``x = origin + u·axis_u + v·axis_v``.

    Attributes
    ----------
    origin : ndarray of shape (d,), the point at ``(u, v) = (0, 0)``
    axis_u, axis_v : ndarray of shape (d,), the directions of the horizontal and vertical axes
    label_u, label_v : str, axis titles
    description : str, what the view shows, in plain words
    """

    origin: np.ndarray
    axis_u: np.ndarray
    axis_v: np.ndarray
    label_u: str
    label_v: str
    description: str

    @property
    def axes(self) -> np.ndarray:
        """The two axes as the columns of a (d, 2) matrix."""
        return np.column_stack([self.axis_u, self.axis_v])


def _check_samples(X_train) -> np.ndarray:
    X = np.asarray(X_train, dtype=float)
    if X.ndim != 2 or X.shape[0] == 0 or X.shape[1] == 0:
        raise DataError(
            translate("boundary", "the training data are empty: there is nothing to draw.")
        )
    return X


def _name(feature_names, i) -> str:
    return str(feature_names[i]) if feature_names is not None else f"x{i}"


def feature_plane(X_train, i, j, feature_names=None) -> Plane:
    """The plane of features ``i`` (horizontal) and ``j`` (vertical), the others held at their
    training mean.

    ``(u, v)`` are then the values of features ``i`` and ``j`` themselves. With a single feature
    (d == 1), ``i == j == 0`` is accepted and the vertical axis carries no information.

    Parameters
    ----------
    X_train : ndarray of shape (n_samples, d), the samples as the model sees them
    i, j : int, column indices of the two features
    feature_names : sequence of d str, optional (defaults to ``x0``, ``x1``…)

    Raises
    ------
    DataError
        ``i`` or ``j`` outside ``0 .. d-1``, or ``i == j`` while there are several features.
    """
    X = _check_samples(X_train)
    d = X.shape[1]
    i, j = int(i), int(j)
    for index in (i, j):
        if not 0 <= index < d:
            raise DataError(
                translate(
                    "boundary", "feature number {index} does not exist: the data have {d} features."
                ).format(index=index, d=d)
            )
    name_u = _name(feature_names, i)
    if d == 1:
        origin = np.zeros(1)
        axis_u, axis_v = np.ones(1), np.zeros(1)
        return Plane(
            origin,
            axis_u,
            axis_v,
            name_u,
            translate("boundary", "(no second feature)"),
            translate(
                "boundary",
                "{feature}, the only feature, along the horizontal axis; the vertical axis means "
                "nothing.",
            ).format(feature=name_u),
        )
    if i == j:
        raise DataError(
            translate("boundary", "pick two different features, not {feature} twice.").format(
                feature=name_u
            )
        )
    name_v = _name(feature_names, j)
    origin = X.mean(axis=0)
    # The chosen features are measured from 0 so that (u, v) read as their own values.
    origin[[i, j]] = 0.0
    axis_u, axis_v = np.zeros(d), np.zeros(d)
    axis_u[i] = axis_v[j] = 1.0
    others = d - 2
    if others == 0:
        description = translate("boundary", "the two features, {u} against {v}.")
    elif others == 1:
        description = translate(
            "boundary", "{u} against {v}; the other feature held at their training mean."
        )
    else:
        description = translate(
            "boundary", "{u} against {v}; the other {others} features held at their training mean."
        )
    description = description.format(u=name_u, v=name_v, others=others)
    return Plane(origin, axis_u, axis_v, name_u, name_v, description)


#: Beyond this many training rows, the principal components come from a random sample.
PCA_ROWS = 100_000


def pca_plane(X_train, feature_names=None) -> Plane:
    """The plane of the first two principal components of the training data.

    The axes are :class:`sklearn.decomposition.PCA` ``components_`` and the origin its
    ``mean_``, so :func:`project` equals ``PCA.transform`` (fitted on a random sample of
    ``PCA_ROWS`` rows when there are more). With two features or fewer there
    is nothing to project: the plane of the features themselves is returned.

    Parameters
    ----------
    X_train : ndarray of shape (n_samples, d), the samples as the model sees them
    feature_names : sequence of d str, optional

    Raises
    ------
    DataError
        Fewer than two training samples.
    """
    X = _check_samples(X_train)
    d = X.shape[1]
    if d <= 2:
        return feature_plane(X, 0, min(1, d - 1), feature_names)
    if X.shape[0] < 2:
        raise DataError(
            translate("boundary", "a principal-component view needs at least two training samples.")
        )
    from sklearn.decomposition import PCA  # imported on first use: a quick start

    if len(X) > PCA_ROWS:
        # The directions from a random sample of this many rows differ from those of all of
        # them by ~1/√PCA_ROWS, invisibly on screen, and the window does not wait ~0.1 s
        # per million rows.
        X = X[np.sort(np.random.default_rng(0).choice(len(X), PCA_ROWS, replace=False))]
    pca = PCA(n_components=2).fit(X)
    share = float(np.sum(pca.explained_variance_ratio_))
    description = translate(
        "boundary",
        "first two principal components of the training data (they explain {share:.0%} of its "
        "variance); points are projected onto this plane.",
    ).format(share=share)
    return Plane(
        pca.mean_.copy(),
        pca.components_[0].copy(),
        pca.components_[1].copy(),
        translate("boundary", "principal component 1"),
        translate("boundary", "principal component 2"),
        description,
    )


def project(plane: Plane, X) -> np.ndarray:
    """Coordinates ``(u, v)`` of samples on ``plane``: the nearest point of the plane.

    Parameters
    ----------
    plane : Plane
    X : ndarray of shape (n, d)

    Returns
    -------
    ndarray of shape (n, 2); a sample lying on the plane gets back exactly its ``(u, v)``.
    """
    if isinstance(plane, InputPlane):
        return input_coordinates(plane, X)
    X = np.asarray(X, dtype=float)
    # The pseudo-inverse gives least-squares coordinates for any axes (for orthonormal
    # axes it is the plain transpose) and a zero coordinate along an empty axis (d == 1).
    return (X - plane.origin) @ np.linalg.pinv(plane.axes).T


def grid_coordinates(u_range, v_range, resolution=100) -> tuple[np.ndarray, np.ndarray]:
    """Where :func:`probability_grid` evaluates the model: the centres of a
    ``resolution × resolution`` grid of cells tiling the rectangle.

    Returns
    -------
    u : ndarray of shape (resolution,), ``umin + (k + 0.5)·(umax − umin)/resolution``
    v : ndarray of shape (resolution,), the same for ``v``
    """
    resolution = int(resolution)
    if resolution < 1:
        raise ValueError(f"resolution must be at least 1, not {resolution}.")
    cells = (np.arange(resolution) + 0.5) / resolution
    (umin, umax), (vmin, vmax) = u_range, v_range
    return umin + cells * (umax - umin), vmin + cells * (vmax - vmin)


def _plane_weights(plane, coef, intercept):
    """The model restricted to the plane: a linear model of (u, v)."""
    coef = np.asarray(coef, dtype=float)
    intercept = np.asarray(intercept, dtype=float).reshape(-1)
    coef_uv = coef @ plane.axes  # (k, 2)
    intercept_uv = decision_scores(plane.origin[None, :], coef, intercept)[0]
    return coef_uv, intercept_uv


def probability_grid(plane, coef, intercept, u_range, v_range, resolution=100) -> np.ndarray:
    """Class probabilities of the model over a rectangle of ``plane``.

    Parameters
    ----------
    plane : Plane
    coef : ndarray of shape (k, d); intercept : ndarray of shape (k,)
    u_range, v_range : (min, max) of each coordinate
    resolution : int, cells along each side

    Returns
    -------
    ndarray of shape (resolution, resolution, n_classes)
        ``grid[row, col]`` is the probability at ``u = u[col]``, ``v = v[row]`` of
        :func:`grid_coordinates`: rows run along ``v`` (bottom to top), columns along ``u``,
        like an image with its origin at the lower left.
    """
    if isinstance(plane, InputPlane):
        scores = _input_scores(plane, coef, intercept, u_range, v_range, resolution)
        return class_probabilities(scores).reshape(resolution, resolution, -1)
    coef_uv, intercept_uv = _plane_weights(plane, coef, intercept)
    u, v = grid_coordinates(u_range, v_range, resolution)
    uu, vv = np.meshgrid(u, v)  # (row = v, col = u)
    points = np.column_stack([uu.ravel(), vv.ravel()])
    probabilities = class_probabilities(decision_scores(points, coef_uv, intercept_uv))
    return probabilities.reshape(len(v), len(u), -1)


#: With more classes than this, only class pairs that meet on a grid are examined: the
#: number of pairs then grows with the picture, not with the square of the classes.
EXACT_PAIRS_UP_TO = 12
#: Cells along each side of the grid that finds the pairs.
PAIR_GRID = 128


def _meeting_pairs(coef_uv, intercept_uv, u_range, v_range):
    """Class pairs whose regions touch on a PAIR_GRID × PAIR_GRID grid of the rectangle."""
    u, v = grid_coordinates(u_range, v_range, PAIR_GRID)
    uu, vv = np.meshgrid(u, v)
    scores = np.column_stack([uu.ravel(), vv.ravel()]) @ coef_uv.T + intercept_uv
    best = np.argmax(scores, axis=1).reshape(PAIR_GRID, PAIR_GRID)
    pairs = set()
    for a, b in ((best[:, :-1], best[:, 1:]), (best[:-1, :], best[1:, :])):
        differ = a != b
        low, high = np.minimum(a, b)[differ], np.maximum(a, b)[differ]
        pairs.update(zip(low.tolist(), high.tolist()))
    return sorted(pairs)


def boundary_segments(plane, coef, intercept, u_range, v_range) -> np.ndarray:
    """The lines where the predicted class changes, clipped to a rectangle of ``plane``.

    On the plane every score is linear in ``(u, v)``, so the boundary between classes ``a``
    and ``b`` is part of the straight line ``z_a = z_b``: the part where no other class scores
    higher. For two classes this is the line where the probability is exactly 0.5. With many
    classes, only pairs whose regions meet on a fine grid are examined (a boundary shorter
    than a grid cell may then be missed; the time stays bounded).

    Returns
    -------
    ndarray of shape (n_segments, 2, 2)
        Segment ``s`` runs from ``(u, v) = result[s, 0]`` to ``result[s, 1]``; no segment when
        one class wins everywhere in the rectangle. On an :class:`InputPlane` the boundary
        is traced on a CONTOUR_GRID × CONTOUR_GRID grid (a curve, made of short segments).
    """
    if isinstance(plane, InputPlane):
        return _input_boundary(plane, coef, intercept, u_range, v_range)
    coef_uv, intercept_uv = _plane_weights(plane, coef, intercept)
    if coef_uv.shape[0] == 1:
        # Two classes: the score is the log-odds of class 1 against a score of 0 for class 0.
        coef_uv = np.vstack([np.zeros(2), coef_uv])
        intercept_uv = np.concatenate([[0.0], intercept_uv])
    (umin, umax), (vmin, vmax) = u_range, v_range
    scale = max(umax - umin, vmax - vmin, 1e-300)
    n = coef_uv.shape[0]
    if n <= EXACT_PAIRS_UP_TO:
        pairs = [(a, b) for a in range(n) for b in range(a + 1, n)]
    else:
        pairs = _meeting_pairs(coef_uv, intercept_uv, u_range, v_range)
    box = np.array([umin, umax, vmin, vmax])
    segments = []
    for a, b in pairs:
        g = coef_uv[a] - coef_uv[b]
        h = intercept_uv[a] - intercept_uv[b]
        norm2 = float(g @ g)
        if norm2 == 0.0:
            continue  # the two scores differ by a constant on this plane: no line
        point = -h * g / norm2  # the point of the line nearest to (0, 0)
        direction = np.array([-g[1], g[0]]) / np.sqrt(norm2)
        # Keep t where p(t) = point + t·direction satisfies every c + s·t >= 0: the rectangle,
        # and class a scoring at least as high as every other class m.
        others = np.array([m for m in range(n) if m not in (a, b)], dtype=int)
        gm = coef_uv[a] - coef_uv[others]
        c = np.concatenate(
            [
                [point[0] - box[0], box[1] - point[0], point[1] - box[2], box[3] - point[1]],
                gm @ point + intercept_uv[a] - intercept_uv[others],
            ]
        )
        slope = np.concatenate(
            [[direction[0], -direction[0], direction[1], -direction[1]], gm @ direction]
        )
        if np.any((slope == 0) & (c < 0)):
            continue  # parallel and outside
        with np.errstate(divide="ignore"):
            bounds = -c / slope
        t_low = np.max(bounds[slope > 0], initial=-np.inf)
        t_high = np.min(bounds[slope < 0], initial=np.inf)
        if t_high - t_low > 1e-12 * scale:
            segments.append([point + t_low * direction, point + t_high * direction])
    return np.array(segments, dtype=float).reshape(-1, 2, 2)


def grid_extent(points_uv, margin=0.1):
    """The rectangle to draw: the points' bounding box widened by ``margin`` of its size.

    Parameters
    ----------
    points_uv : ndarray of shape (n, 2)
    margin : float, fraction of each side's span added on both ends

    Returns
    -------
    ((umin, umax), (vmin, vmax)); a side with no spread (one point, or the empty vertical
    axis of a one-feature plane) is widened by 1 on both ends, and no points give (-1, 1).
    """
    points = np.asarray(points_uv, dtype=float).reshape(-1, 2)
    points = points[np.all(np.isfinite(points), axis=1)]
    if len(points) == 0:
        return (-1.0, 1.0), (-1.0, 1.0)
    sides = []
    for low, high in zip(points.min(axis=0), points.max(axis=0)):
        span = high - low
        pad = margin * span if span > 0 else 1.0
        sides.append((float(low - pad), float(high + pad)))
    return sides[0], sides[1]


# The plane of two input columns ---------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class InputPlane:
    """The plane of the two numeric columns of data with two input columns: a point
    ``(u, v)`` is the row ``x1 = u, x2 = v`` in the data's own units, and its features are
    what ``preprocessing`` makes of it (a feature map, then the standardisation). The model
    is not linear here when a map made more features: its boundary is a curve, traced on a
    grid (:func:`boundary_segments`).
    """

    preprocessing: object
    label_u: str
    label_v: str
    description: str
    _grids: dict = field(default_factory=dict, repr=False)

    def features(self, uv) -> np.ndarray:
        """The model's features of the rows ``(u, v)``."""
        import pandas as pd

        uv = np.asarray(uv, dtype=float).reshape(-1, 2)
        frame = pd.DataFrame(uv, columns=list(self.preprocessing.numeric))
        with np.errstate(all="ignore"):
            return self.preprocessing.transform(frame)

    def grid_features(self, u_range, v_range, resolution) -> np.ndarray:
        """:meth:`features` of the grid of :func:`grid_coordinates` (row = v, col = u),
        kept for the last few rectangles: a running model only multiplies them."""
        key = (tuple(u_range), tuple(v_range), int(resolution))
        if key not in self._grids:
            u, v = grid_coordinates(u_range, v_range, resolution)
            uu, vv = np.meshgrid(u, v)
            if len(self._grids) >= 4:
                self._grids.pop(next(iter(self._grids)))
            self._grids[key] = self.features(np.column_stack([uu.ravel(), vv.ravel()]))
        return self._grids[key]


def input_plane(preprocessing) -> InputPlane | None:
    """The :class:`InputPlane` of data made of exactly two numeric columns (and no text
    column), else None."""
    if (
        preprocessing is None
        or len(preprocessing.numeric) != 2
        or len(preprocessing.categorical) != 0
    ):
        return None
    u, v = (str(c) for c in preprocessing.numeric)
    if preprocessing.powers is None:
        description = translate(
            "boundary",
            "the plane of the two columns {u} and {v}, in their own units.",
        ).format(u=u, v=v)
    else:
        description = translate(
            "boundary",
            "the plane of the two columns {u} and {v}, in their own units; the model sees "
            "{count} features made of them, so its boundary here is a curve.",
        ).format(u=u, v=v, count=preprocessing.n_numeric_features)
    return InputPlane(preprocessing, u, v, description)


def input_coordinates(plane: InputPlane, X) -> np.ndarray:
    """``(u, v)`` of samples given as the model's features ``X``: their two columns in
    their own units (a feature map keeps the columns first)."""
    return plane.preprocessing.unscale(np.asarray(X, dtype=float))[:, :2]


#: Cells along each side of the grid the curved boundary of an input plane is traced on.
CONTOUR_GRID = 160


def contour_segments(u, v, values, level=0.0) -> np.ndarray:
    """The line where ``values`` (on the grid ``u`` × ``v``, row = v) equals ``level``, as
    segments (n, 2, 2) — marching squares, each crossing linearly interpolated along its
    cell edge; a saddle cell is split by its centre value."""
    f = np.asarray(values, dtype=float) - level
    ny, nx = f.shape
    if ny < 2 or nx < 2:
        return np.empty((0, 2, 2))
    a, b = f[:-1, :-1], f[:-1, 1:]  # lower left, lower right
    c, d = f[1:, :-1], f[1:, 1:]  # upper left, upper right
    uu, vv = np.meshgrid(u, v)

    def cross(fa, fb, pa, pb):
        with np.errstate(divide="ignore", invalid="ignore"):
            t = np.where(fa == fb, 0.5, fa / (fa - fb))
        return pa + t[..., None] * (pb - pa)

    corner = np.stack([uu, vv], axis=-1)
    p_a, p_b, p_c, p_d = corner[:-1, :-1], corner[:-1, 1:], corner[1:, :-1], corner[1:, 1:]
    edges = [  # bottom, right, top, left: (crosses?, point)
        ((a > 0) != (b > 0), cross(a, b, p_a, p_b)),
        ((b > 0) != (d > 0), cross(b, d, p_b, p_d)),
        ((c > 0) != (d > 0), cross(c, d, p_c, p_d)),
        ((a > 0) != (c > 0), cross(a, c, p_a, p_c)),
    ]
    hits = np.stack([e[0] for e in edges], axis=-1)  # (ny-1, nx-1, 4)
    count = hits.sum(axis=-1)
    segments = []
    two = np.argwhere(count == 2)
    if len(two):
        first = np.argmax(hits[two[:, 0], two[:, 1]], axis=1)
        last = 3 - np.argmax(hits[two[:, 0], two[:, 1]][:, ::-1], axis=1)
        points = np.stack([e[1] for e in edges], axis=2)  # (ny-1, nx-1, 4, 2)
        cells = points[two[:, 0], two[:, 1]]
        segments.append(
            np.stack([cells[np.arange(len(two)), first], cells[np.arange(len(two)), last]], 1)
        )
    four = np.argwhere(count == 4)
    if len(four):
        points = np.stack([e[1] for e in edges], axis=2)
        for i, j in four:
            centre = (a[i, j] + b[i, j] + c[i, j] + d[i, j]) / 4
            p = points[i, j]
            # The centre on the lower-left corner's side joins it to the upper right: the
            # other two corners are cut off alone (else the lower left and upper right are).
            same = (centre > 0) == (a[i, j] > 0)
            pairs = ((0, 1), (2, 3)) if same else ((0, 3), (1, 2))
            segments.append(np.array([[p[s], p[e]] for s, e in pairs]))
    if not segments:
        return np.empty((0, 2, 2))
    return np.concatenate(segments).reshape(-1, 2, 2)


def _input_scores(plane, coef, intercept, u_range, v_range, resolution):
    features = plane.grid_features(u_range, v_range, resolution)
    return decision_scores(features, np.asarray(coef, float), np.asarray(intercept, float))


def _input_boundary(plane, coef, intercept, u_range, v_range) -> np.ndarray:
    """Where the predicted class changes on an input plane, traced on a grid."""
    scores = _input_scores(plane, coef, intercept, u_range, v_range, CONTOUR_GRID)
    u, v = grid_coordinates(u_range, v_range, CONTOUR_GRID)
    shape = (len(v), len(u))
    if scores.shape[1] == 1:
        return contour_segments(u, v, scores[:, 0].reshape(shape))
    parts = []
    for k in range(scores.shape[1]):
        others = np.delete(scores, k, axis=1).max(axis=1)
        parts.append(contour_segments(u, v, (scores[:, k] - others).reshape(shape)))
    return np.concatenate(parts) if parts else np.empty((0, 2, 2))
