"""The loss landscape against objective.py evaluated point by point; ranges, sampling, names."""

import warnings

import numpy as np
import pytest

from logreg_gui.core.analysis.landscape import (
    Landscape,
    Parameter,
    compute_landscape,
    default_parameters,
    describe,
    grid_axes,
    parameter_choices,
    path_of,
    sample_rows,
    value_at,
)
from logreg_gui.core.errors import Cancelled, DataError
from logreg_gui.core.model.objective import cross_entropy, decision_scores, penalty


def objective(X, y, coef, intercept, l2):
    return cross_entropy(decision_scores(X, coef, intercept), y) + penalty(coef, l2)


def brute_force(X, y, coef, intercept, l2, params, a, b):
    """The reference objective with the two parameters set by hand."""
    coef, intercept = coef.copy(), intercept.copy()
    d = coef.shape[1]
    for (row, column), value in zip(params, (a, b)):
        if column == d:
            intercept[row] = value
        else:
            coef[row, column] = value
    return objective(X, y, coef, intercept, l2)


def problem(n_classes, n=150, d=4, seed=0):
    rng = np.random.default_rng(seed)
    k = 1 if n_classes == 2 else n_classes
    X = rng.normal(size=(n, d)) * rng.uniform(0.5, 3, size=d)
    y = rng.integers(n_classes, size=n)
    return X, y, rng.normal(size=(k, d)), rng.normal(size=k)


# (n_classes, the two parameters): weights of one row, a weight and an intercept, two rows.
PAIRS = [
    (2, ((0, 0), (0, 2))),
    (2, ((0, 1), (0, 4))),
    (3, ((1, 0), (1, 3))),
    (3, ((0, 2), (0, 4))),
    (3, ((0, 1), (2, 3))),
    (3, ((0, 4), (2, 4))),
]


@pytest.mark.parametrize("l2", [0.0, 0.7])
@pytest.mark.parametrize("n_classes,pair", PAIRS)
def test_the_value_at_the_current_point_is_the_objective(n_classes, pair, l2):
    X, y, coef, intercept = problem(n_classes)
    params = tuple(Parameter(*p) for p in pair)
    land = compute_landscape(X, y, coef, intercept, l2, params, resolution=31)
    assert land.values.shape == (31, 31)
    assert (land.a[15], land.b[15]) == land.center
    assert land.center == (params[0].value(coef, intercept), params[1].value(coef, intercept))
    expected = objective(X, y, coef, intercept, l2)
    assert land.values[15, 15] == pytest.approx(expected, rel=1e-12)
    assert land.rows_used == land.n_rows == len(X)
    assert not land.sampled


@pytest.mark.parametrize("n_classes,pair", PAIRS)
def test_every_grid_value_is_the_objective_at_that_point(n_classes, pair):
    X, y, coef, intercept = problem(n_classes, seed=1)
    l2 = 0.3
    params = tuple(Parameter(*p) for p in pair)
    # A wide, lopsided range, so that large scores and both axes' orientation are checked.
    land = compute_landscape(
        X, y, coef, intercept, l2, params, span=((-6.0, 4.0), (-2.0, 9.0)), resolution=7
    )
    brute = np.array(
        [[brute_force(X, y, coef, intercept, l2, pair, a, b) for a in land.a] for b in land.b]
    )
    np.testing.assert_allclose(land.values, brute, rtol=1e-12)
    a, b = land.a[2], land.b[5]
    assert value_at(X, y, coef, intercept, l2, params, a, b) == pytest.approx(
        brute[5, 2], rel=1e-14
    )


def test_chunks_and_blocks_do_not_change_the_values(monkeypatch):
    """Many small chunks of rows and blocks of grid rows give the same sums as one."""
    from logreg_gui.core.analysis.landscape import grid

    X, y, coef, intercept = problem(3, n=500, seed=2)
    params = (Parameter(0, 1), Parameter(2, 4))
    whole = compute_landscape(X, y, coef, intercept, 0.1, params, resolution=9)
    monkeypatch.setattr(grid, "BLOCK_ELEMENTS", 100)
    pieces = compute_landscape(X, y, coef, intercept, 0.1, params, resolution=9)
    np.testing.assert_allclose(pieces.values, whole.values, rtol=1e-13)


def test_extreme_scores_stay_finite_and_quiet():
    X, y, coef, intercept = problem(3, seed=3)
    coef = coef * 1e3
    params = (Parameter(0, 0), Parameter(1, 1))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        land = compute_landscape(X, y, coef, intercept, 0.0, params, resolution=5)
    assert np.all(np.isfinite(land.values))
    expected = objective(X, y, coef, intercept, 0.0)
    assert land.values[2, 2] == pytest.approx(expected, rel=1e-12)


def test_float32_features_agree_with_float64():
    X, y, coef, intercept = problem(3, n=400, seed=4)
    params = default_parameters(coef, intercept)
    exact = compute_landscape(X, y, coef, intercept, 0.2, params, resolution=11)
    single = compute_landscape(X.astype(np.float32), y, coef, intercept, 0.2, params, resolution=11)
    assert single.values.dtype == np.float64
    np.testing.assert_allclose(single.values, exact.values, rtol=1e-5)


def test_default_parameters_are_the_two_largest_weights_in_stable_order():
    coef = np.array([[0.1, -5.0, 0.3], [4.0, 0.2, -0.1]])
    assert default_parameters(coef, np.zeros(2)) == (Parameter(0, 1), Parameter(1, 0))
    coef = np.array([[0.5, -2.0, 3.0, 0.0]])
    assert default_parameters(coef, np.zeros(1)) == (Parameter(0, 1), Parameter(0, 2))
    # Ties (a model before training) go to the first weights.
    assert default_parameters(np.zeros((1, 3)), np.zeros(1)) == (Parameter(0, 0), Parameter(0, 1))


def test_with_one_feature_the_defaults_are_the_weight_and_the_intercept():
    assert default_parameters(np.array([[2.5]]), np.array([1.0])) == (
        Parameter(0, 0),
        Parameter(0, 1),
    )
    # With three classes and one feature there are three weights to choose from.
    coef = np.array([[0.1], [-3.0], [2.0]])
    assert default_parameters(coef, np.zeros(3)) == (Parameter(1, 0), Parameter(2, 0))


def test_choices_and_names():
    assert parameter_choices(1, 2) == [Parameter(0, 0), Parameter(0, 1), Parameter(0, 2)]
    choices = parameter_choices(3, 2)
    assert len(choices) == 9 and choices == sorted(choices)
    features, two, three = (
        ["x0", "x1", "x2", "x3"],
        ["no", "yes"],
        ["setosa", "versicolor", "virginica"],
    )
    assert Parameter(0, 3).name(features, two) == "w[x3]"
    assert Parameter(0, 4).name(features, two) == "b"
    assert Parameter(0, 3).name(features, three) == "w[x3, class setosa]"
    assert Parameter(2, 4).name(features, three) == "b[class virginica]"
    coef, intercept = np.array([[1.0, 2.0], [3.0, 4.0]]), np.array([5.0, 6.0])
    assert Parameter(1, 0).value(coef, intercept) == 3.0
    assert Parameter(1, 2).value(coef, intercept) == 6.0


def test_the_range_covers_the_extent_points_with_a_margin():
    X, y, coef, intercept = problem(2, seed=5)
    params = (Parameter(0, 0), Parameter(0, 4))
    centre = np.array([params[0].value(coef, intercept), params[1].value(coef, intercept)])
    path = centre + np.array([[-8.0, 0.1], [-4.0, 3.0], [0.0, 0.0]])
    land = compute_landscape(X, y, coef, intercept, 0.0, params, extent_points=path, resolution=21)
    assert land.a[0] <= path[:, 0].min() - 0.15 * 8 + 1e-12
    assert land.b[-1] >= path[:, 1].max() + 0.15 * 3 - 1e-12
    np.testing.assert_allclose(land.a[0] + land.a[-1], 2 * centre[0])
    assert np.all(np.diff(land.a) > 0) and np.all(np.diff(land.b) > 0)
    # Non-finite points (an epoch without weights) are ignored.
    with_nan = np.vstack([path, [np.nan, 1e9]])
    again = compute_landscape(
        X, y, coef, intercept, 0.0, params, extent_points=with_nan, resolution=21
    )
    np.testing.assert_array_equal(again.a, land.a)
    np.testing.assert_array_equal(again.b, land.b)


def test_a_flat_start_still_shows_a_range():
    a, b = grid_axes((0.0, 4.0), resolution=5)
    np.testing.assert_array_equal(a, [-0.5, -0.25, 0.0, 0.25, 0.5])
    np.testing.assert_array_equal(b, [2.0, 3.0, 4.0, 5.0, 6.0])


def test_center_and_span_override_the_range():
    X, y, coef, intercept = problem(3, seed=6)
    params = (Parameter(0, 0), Parameter(1, 1))
    land = compute_landscape(X, y, coef, intercept, 0.0, params, center=(10.0, -10.0), resolution=5)
    assert (land.a[2], land.b[2]) == (10.0, -10.0)
    # The current point is always inside the range.
    assert land.a[0] <= land.center[0] and land.b[-1] >= land.center[1]
    land = compute_landscape(
        X, y, coef, intercept, 0.0, params, span=((1, 2), (-3, 5)), resolution=5
    )
    np.testing.assert_array_equal(land.a, np.linspace(1, 2, 5))
    np.testing.assert_array_equal(land.b, np.linspace(-3, 5, 5))
    with pytest.raises(ValueError):
        grid_axes((0, 0), span=((2, 1), (0, 1)))


def test_large_data_are_sampled_deterministically():
    X, y, coef, intercept = problem(3, n=600, seed=7)
    params = (Parameter(0, 1), Parameter(1, 1))
    first = compute_landscape(X, y, coef, intercept, 0.1, params, resolution=5, max_rows=250)
    second = compute_landscape(X, y, coef, intercept, 0.1, params, resolution=5, max_rows=250)
    other = compute_landscape(X, y, coef, intercept, 0.1, params, resolution=5, max_rows=250, rng=1)
    assert (first.rows_used, first.n_rows) == (250, 600) and first.sampled
    np.testing.assert_array_equal(first.values, second.values)
    assert not np.array_equal(first.values, other.values)
    rows = sample_rows(600, 250, 0)
    assert len(np.unique(rows)) == 250 and np.all(np.diff(rows) > 0)
    expected = objective(X[rows], y[rows], coef, intercept, 0.1)
    assert first.values[2, 2] == pytest.approx(expected, rel=1e-12)
    assert sample_rows(600, 600) is None and sample_rows(600, None) is None


def test_cancel_stops_the_work():
    X, y, coef, intercept = problem(2, n=300, seed=8)
    params = default_parameters(coef, intercept)
    with pytest.raises(Cancelled):
        compute_landscape(X, y, coef, intercept, 0.0, params, cancel=lambda: True)
    asked = []

    def later():  # says stop after the work has started: checked between slices
        asked.append(1)
        return len(asked) > 3

    with pytest.raises(Cancelled):
        compute_landscape(X, y, coef, intercept, 0.0, params, resolution=201, cancel=later)
    land = compute_landscape(X, y, coef, intercept, 0.0, params, resolution=5, cancel=lambda: False)
    assert isinstance(land, Landscape)


def test_bad_requests():
    X, y, coef, intercept = problem(2, seed=9)
    with pytest.raises(ValueError, match="two different"):
        compute_landscape(X, y, coef, intercept, 0.0, (Parameter(0, 1), Parameter(0, 1)))
    with pytest.raises(ValueError):
        compute_landscape(X, y, coef, intercept, 0.0, (Parameter(1, 1), Parameter(0, 1)))
    with pytest.raises(DataError):
        compute_landscape(X[:0], y[:0], coef, intercept, 0.0, (Parameter(0, 0), Parameter(0, 1)))


def test_path_of_takes_the_two_parameters():
    weights = np.arange(2 * 3 * 5, dtype=float).reshape(2, 3, 5)
    path = path_of(weights, (Parameter(0, 4), Parameter(2, 1)))
    np.testing.assert_array_equal(path, [[4.0, 11.0], [19.0, 26.0]])


def test_lowest_point():
    X, y, coef, intercept = problem(2, seed=10)
    land = compute_landscape(X, y, coef, intercept, 0.5, default_parameters(coef, intercept))
    a, b, value = land.lowest
    assert value == land.values.min()
    assert value == pytest.approx(
        value_at(X, y, coef, intercept, 0.5, land.params, a, b), rel=1e-12
    )


def test_descriptions():
    X, y, coef, intercept = problem(3, n=300, d=10, seed=11)
    features = [f"x{j}" for j in range(10)]
    land = compute_landscape(
        X, y, coef, intercept, 0.0, (Parameter(0, 7), Parameter(0, 9)), resolution=5
    )
    text = describe(land, features, ["a", "b", "c"], epoch=300)
    assert text.startswith(
        "The training loss J over w[x7, class a] (horizontal) and w[x9, class a]"
    )
    assert "epoch 300" in text and "other slices" in text and "sample" not in text
    assert "current" in describe(land, features, ["a", "b", "c"])

    X, y, coef, intercept = problem(2, n=300, d=1, seed=12)
    land = compute_landscape(
        X, y, coef, intercept, 0.1, default_parameters(coef, intercept), resolution=5, max_rows=100
    )
    text = describe(land, ["age"], ["no", "yes"], epoch=12_000)
    assert "w[age] (horizontal) and b (vertical)" in text and "penalty" in text
    assert "only two parameters" in text
    assert "a random sample of 100 of the 300 training rows" in text

    X, y, coef, intercept = problem(2, n=50, d=3, seed=13)
    land = compute_landscape(X, y, coef, intercept, 0.0, (Parameter(0, 0), Parameter(0, 1)))
    text = describe(land, ["p", "q", "r"], ["no", "yes"], epoch=1)
    assert "the other weight and the intercept held at their values of epoch 1." in text


@pytest.mark.parametrize("n_classes,pair", [PAIRS[0], PAIRS[1], PAIRS[2], PAIRS[4], PAIRS[5]])
def test_a_weighted_landscape_is_the_weighted_objective_at_every_point(n_classes, pair):
    from logreg_gui.core.model.class_weight import sample_weights

    X, y, coef, intercept = problem(n_classes, seed=3)
    weights = np.array([0.3, 2.5, 1.2])[:n_classes]
    l2 = 0.2
    params = tuple(Parameter(*p) for p in pair)
    land = compute_landscape(
        X, y, coef, intercept, l2, params, span=((-5.0, 3.0), (-2.0, 6.0)), resolution=5,
        class_weights=weights,
    )  # fmt: skip
    s = sample_weights(weights, y)

    def weighted(a, b):
        c, i = coef.copy(), intercept.copy()
        for (row, column), value in zip(pair, (a, b)):
            if column == coef.shape[1]:
                i[row] = value
            else:
                c[row, column] = value
        return cross_entropy(decision_scores(X, c, i), y, s) + penalty(c, l2)

    brute = np.array([[weighted(a, b) for a in land.a] for b in land.b])
    np.testing.assert_allclose(land.values, brute, rtol=1e-12)
    assert land.weighted
    a, b = land.a[1], land.b[3]
    assert value_at(
        X, y, coef, intercept, l2, params, a, b, class_weights=weights
    ) == pytest.approx(brute[3, 1], rel=1e-14)
    assert "weighted by class" in describe(land, ["x1", "x2", "x3", "x4"], list(range(n_classes)))
