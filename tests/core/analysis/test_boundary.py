"""Planes through feature space, probabilities over them and the class boundaries, checked
against scikit-learn's PCA and LogisticRegression and against numbers a person can check."""

import numpy as np
import pytest
from sklearn.datasets import load_iris
from sklearn.decomposition import PCA
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

from logreg_gui.core.analysis.boundary import (
    Plane,
    boundary_segments,
    feature_plane,
    grid_coordinates,
    grid_extent,
    pca_plane,
    probability_grid,
    project,
)
from logreg_gui.core.errors import DataError

IRIS = load_iris()
X_IRIS = StandardScaler().fit_transform(IRIS.data)
Y_IRIS = IRIS.target
NAMES = tuple(IRIS.feature_names)


def full_points(plane, u_range, v_range, resolution):
    """The d-dimensional points behind each grid cell, in the grid's (row = v, col = u) order,
    built from the plane's own definition x = origin + u·axis_u + v·axis_v."""
    cells = (np.arange(resolution) + 0.5) / resolution
    u = u_range[0] + cells * (u_range[1] - u_range[0])
    v = v_range[0] + cells * (v_range[1] - v_range[0])
    return np.array(
        [[plane.origin + ui * plane.axis_u + vi * plane.axis_v for ui in u] for vi in v]
    )


def test_feature_plane_reads_the_two_features_and_holds_the_rest_at_the_mean():
    X = IRIS.data  # unscaled, so the mean is not zero
    plane = feature_plane(X, 0, 2, NAMES)
    assert isinstance(plane, Plane)
    assert plane.label_u == "sepal length (cm)" and plane.label_v == "petal length (cm)"
    np.testing.assert_allclose(project(plane, X), X[:, [0, 2]])
    # Any point of the plane comes back as its own (u, v).
    x = plane.origin + 1.5 * plane.axis_u - 0.25 * plane.axis_v
    np.testing.assert_allclose(project(plane, x[None, :]), [[1.5, -0.25]])
    np.testing.assert_allclose(x[[1, 3]], X.mean(axis=0)[[1, 3]])
    assert "other 2 features held at their training mean" in plane.description


def test_with_two_features_the_plane_is_the_features_themselves():
    X = X_IRIS[:, :2]
    for plane in (feature_plane(X, 0, 1, NAMES[:2]), pca_plane(X, NAMES[:2])):
        np.testing.assert_allclose(project(plane, X), X)
        assert "the two features" in plane.description
        assert "mean" not in plane.description


def test_feature_plane_refuses_the_same_feature_twice_and_missing_features():
    with pytest.raises(DataError, match="two different features"):
        feature_plane(X_IRIS, 1, 1, NAMES)
    with pytest.raises(DataError, match="4 features"):
        feature_plane(X_IRIS, 0, 4, NAMES)


def test_one_feature_puts_every_sample_on_the_horizontal_axis():
    X = X_IRIS[:, 2:3]
    plane = pca_plane(X, NAMES[2:3])
    uv = project(plane, X)
    np.testing.assert_allclose(uv[:, 0], X[:, 0])
    np.testing.assert_allclose(uv[:, 1], 0.0)
    assert "only feature" in plane.description


def test_pca_plane_axes_are_sklearn_principal_components():
    pca = PCA(n_components=2).fit(X_IRIS)
    plane = pca_plane(X_IRIS, NAMES)
    np.testing.assert_allclose(plane.axis_u, pca.components_[0])
    np.testing.assert_allclose(plane.axis_v, pca.components_[1])
    np.testing.assert_allclose(project(plane, X_IRIS), pca.transform(X_IRIS), atol=1e-12)
    # A point built on the plane projects back onto its coordinates.
    x = plane.origin + 0.7 * plane.axis_u + 2.0 * plane.axis_v
    np.testing.assert_allclose(project(plane, x[None, :]), [[0.7, 2.0]], atol=1e-12)
    share = round(100 * pca.explained_variance_ratio_.sum())
    assert f"{share}% of its variance" in plane.description


def test_grid_coordinates_are_cell_centres():
    u, v = grid_coordinates((0.0, 10.0), (-1.0, 1.0), resolution=5)
    np.testing.assert_allclose(u, [1, 3, 5, 7, 9])
    np.testing.assert_allclose(v, [-0.8, -0.4, 0.0, 0.4, 0.8])


@pytest.mark.parametrize("binary", [True, False], ids=["two classes", "three classes"])
def test_probability_grid_on_two_features_equals_sklearn(binary):
    keep = Y_IRIS > 0 if binary else slice(None)
    X, y = X_IRIS[keep][:, [2, 3]], Y_IRIS[keep]
    model = LogisticRegression(C=10.0).fit(X, y)
    plane = feature_plane(X, 0, 1, NAMES[2:])
    u_range, v_range = (-2.0, 2.5), (-1.5, 3.0)
    grid = probability_grid(plane, model.coef_, model.intercept_, u_range, v_range, resolution=9)
    assert grid.shape == (9, 9, len(np.unique(y)))
    expected = model.predict_proba(full_points(plane, u_range, v_range, 9).reshape(-1, 2))
    np.testing.assert_allclose(grid.reshape(-1, grid.shape[2]), expected, atol=1e-12)


@pytest.mark.parametrize("plane_kind", ["features", "pca"])
def test_probability_grid_on_four_features_equals_sklearn_at_the_full_points(plane_kind):
    model = LogisticRegression(C=10.0).fit(X_IRIS, Y_IRIS)
    plane = (
        feature_plane(X_IRIS, 1, 3, NAMES) if plane_kind == "features" else pca_plane(X_IRIS, NAMES)
    )
    u_range, v_range = grid_extent(project(plane, X_IRIS))
    grid = probability_grid(plane, model.coef_, model.intercept_, u_range, v_range, resolution=11)
    points = full_points(plane, u_range, v_range, 11).reshape(-1, 4)
    np.testing.assert_allclose(grid.reshape(-1, 3), model.predict_proba(points), atol=1e-12)
    # The grid is not flat: the view would show something.
    assert grid[..., 0].max() - grid[..., 0].min() > 0.5


def test_binary_boundary_is_where_sklearn_says_one_half():
    keep = Y_IRIS > 0
    X, y = X_IRIS[keep], Y_IRIS[keep]
    model = LogisticRegression().fit(X, y)
    plane = pca_plane(X, NAMES)
    u_range, v_range = grid_extent(project(plane, X))
    segments = boundary_segments(plane, model.coef_, model.intercept_, u_range, v_range)
    assert segments.shape == (1, 2, 2)
    t = np.linspace(0.0, 1.0, 7)[:, None]
    uv = segments[0, 0] + t * (segments[0, 1] - segments[0, 0])
    points = plane.origin + uv[:, :1] * plane.axis_u + uv[:, 1:] * plane.axis_v
    np.testing.assert_allclose(model.predict_proba(points)[:, 1], 0.5, atol=1e-9)
    # A straight line through a rectangle ends on its border.
    for u, v in segments[0]:
        on_border = np.isclose([u, u, v, v], [*u_range, *v_range]).any()
        assert on_border and u_range[0] - 1e-9 <= u <= u_range[1] + 1e-9
        assert v_range[0] - 1e-9 <= v <= v_range[1] + 1e-9


def test_three_class_boundaries_separate_the_two_most_likely_classes():
    model = LogisticRegression(C=10.0).fit(X_IRIS, Y_IRIS)
    plane = pca_plane(X_IRIS, NAMES)
    u_range, v_range = grid_extent(project(plane, X_IRIS))
    segments = boundary_segments(plane, model.coef_, model.intercept_, u_range, v_range)
    assert len(segments) >= 2  # three regions meet on this plane of iris
    mids = segments.mean(axis=1)
    normals = segments[:, 1] - segments[:, 0]
    normals = np.column_stack([-normals[:, 1], normals[:, 0]])
    normals /= np.linalg.norm(normals, axis=1, keepdims=True)

    def to_points(uv):
        return plane.origin + uv[:, :1] * plane.axis_u + uv[:, 1:] * plane.axis_v

    p = np.sort(model.predict_proba(to_points(mids)), axis=1)
    np.testing.assert_allclose(p[:, -1], p[:, -2], atol=1e-9)  # a tie for the top class
    step = 1e-3 * (u_range[1] - u_range[0])
    side_a = model.predict(to_points(mids + step * normals))
    side_b = model.predict(to_points(mids - step * normals))
    assert np.all(side_a != side_b)  # crossing a segment changes the prediction


def test_no_boundary_when_one_class_wins_everywhere():
    plane = feature_plane(X_IRIS, 0, 1, NAMES)
    coef, intercept = np.zeros((3, 4)), np.array([5.0, 0.0, 0.0])
    assert boundary_segments(plane, coef, intercept, (-2, 2), (-2, 2)).shape == (0, 2, 2)
    coef = np.array([[0.1, 0.0, 0.0, 0.0]])  # binary: log-odds below 0 across the rectangle
    assert boundary_segments(plane, coef, [-10.0], (-2, 2), (-2, 2)).shape == (0, 2, 2)


def test_grid_extent_adds_the_margin_a_person_would():
    assert grid_extent(np.array([[0.0, 0.0], [10.0, 2.0]]), margin=0.1) == (
        (-1.0, 11.0),
        (-0.2, 2.2),
    )
    assert grid_extent(np.array([[3.0, 0.0]])) == ((2.0, 4.0), (-1.0, 1.0))
    assert grid_extent(np.empty((0, 2))) == ((-1.0, 1.0), (-1.0, 1.0))


def test_many_classes_keep_every_visible_boundary_in_bounded_time():
    """20 classes: pairs found on the grid give the same lines as examining every pair,
    except (at most) boundaries shorter than a grid cell."""
    from logreg_gui.core.analysis import boundary as B

    rng = np.random.default_rng(3)
    X = rng.normal(size=(300, 3))
    plane = B.feature_plane(X, 0, 1)
    coef, intercept = rng.normal(size=(20, 3)) * 2, rng.normal(size=20)
    box = ((-3.0, 3.0), (-3.0, 3.0))
    fast = B.boundary_segments(plane, coef, intercept, *box)
    exact_limit = B.EXACT_PAIRS_UP_TO
    try:
        B.EXACT_PAIRS_UP_TO = 100
        exact = B.boundary_segments(plane, coef, intercept, *box)
    finally:
        B.EXACT_PAIRS_UP_TO = exact_limit
    cell = 6.0 / B.PAIR_GRID
    long_exact = [s for s in exact if np.linalg.norm(s[1] - s[0]) > 2 * cell]
    for segment in long_exact:
        assert any(np.allclose(segment, other) for other in fast)
    assert len(fast) <= len(exact)


def test_the_pca_plane_of_many_rows_is_that_of_all_of_them_on_screen():
    from sklearn.decomposition import PCA

    from logreg_gui.core.analysis import boundary

    rng = np.random.default_rng(3)
    n = boundary.PCA_ROWS * 3
    X = rng.standard_normal((n, 5)) * np.array([5.0, 3.0, 1.0, 0.5, 0.2]) + 1.0
    plane = boundary.pca_plane(X)
    exact = PCA(n_components=2).fit(X)
    # The same directions (up to sign) and centre, to well under a pixel's worth.
    for axis, component in zip((plane.axis_u, plane.axis_v), exact.components_):
        assert abs(abs(float(np.dot(axis, component))) - 1.0) < 1e-4
    np.testing.assert_allclose(plane.origin, exact.mean_, atol=0.05)


def test_contour_segments_trace_a_circle():
    from logreg_gui.core.analysis.boundary import contour_segments, grid_coordinates

    u, v = grid_coordinates((-2, 2), (-2, 2), 120)
    uu, vv = np.meshgrid(u, v)
    segments = contour_segments(u, v, uu**2 + vv**2, level=1.0)
    points = segments.reshape(-1, 2)
    radius = np.hypot(points[:, 0], points[:, 1])
    assert len(segments) > 100
    np.testing.assert_allclose(radius, 1.0, atol=2e-3)
    # The whole circle: every direction is met.
    angles = np.sort(np.arctan2(points[:, 1], points[:, 0]))
    assert np.max(np.diff(angles)) < 0.1


def test_a_saddle_cell_is_split_by_its_centre():
    from logreg_gui.core.analysis.boundary import contour_segments

    values = np.array([[1.0, -1.0], [-1.0, 1.0]])  # corners alternate: one saddle cell
    segments = contour_segments(np.array([0.0, 1.0]), np.array([0.0, 1.0]), values, 0.1)
    assert segments.shape == (2, 2, 2)
