"""The curvature of the objective against explicit matrices and finite differences: the
Gram matrix, the bound that holds everywhere, the Hessian's products and largest eigenvalue,
and the rate suggested from them."""

import numpy as np
import pytest

from logreg_gui.core.model import curvature
from logreg_gui.core.model.curvature import (
    design_gram,
    hessian_largest_eigenvalue,
    hessian_product,
    lipschitz_constant,
    round_down_125,
    suggested_rate,
)
from logreg_gui.core.model.objective import cross_entropy, decision_scores, gradient, penalty


def problem(n_classes, m=60, d=4, seed=0, scale=1.0):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(m, d)) * rng.uniform(0.5, 2.0, d) + rng.normal(size=d)
    y = rng.integers(n_classes, size=m)
    k = 1 if n_classes == 2 else n_classes
    coef, intercept = scale * rng.normal(size=(k, d)), scale * rng.normal(size=k)
    return X, y, coef, intercept


def augmented(X):
    return np.column_stack([X, np.ones(len(X))])


def flat(coef, intercept):
    return np.column_stack([coef, intercept]).ravel()


def finite_difference_hessian(X, y, coef, intercept, l2, h=1e-5):
    """Central differences of the analytic gradient, one parameter at a time."""
    k, d = coef.shape

    def grad(theta):
        P = theta.reshape(k, d + 1)
        W, b = P[:, :-1], P[:, -1]
        g, gb = gradient(X, decision_scores(X, W, b), y, W, l2)
        return flat(g, gb)

    theta = flat(coef, intercept)
    H = np.empty((theta.size, theta.size))
    for i in range(theta.size):
        step = np.zeros_like(theta)
        step[i] = h
        H[:, i] = (grad(theta + step) - grad(theta - step)) / (2 * h)
    return 0.5 * (H + H.T)


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_the_gram_matrix_is_that_of_the_augmented_design(dtype):
    X = problem(2, m=500, d=7)[0].astype(dtype)
    A = augmented(X.astype(np.float64))
    np.testing.assert_allclose(design_gram(X), A.T @ A, rtol=1e-12)


@pytest.mark.parametrize("n_classes,l2", [(2, 0.0), (2, 0.3), (3, 0.0), (4, 0.1)])
def test_the_bound_is_the_largest_eigenvalue_of_the_explicit_matrix(n_classes, l2):
    X = problem(n_classes)[0]
    A = augmented(X)
    top = np.linalg.eigvalsh(A.T @ A)[-1]
    expected = top / ((4 if n_classes == 2 else 2) * len(X)) + l2
    assert lipschitz_constant(X, n_classes, l2) == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize("n_classes", [2, 3])
def test_the_bound_holds_everywhere(n_classes):
    """The Hessian's largest eigenvalue at any weights, small or saturating, stays below
    the bound (reached where every p(1 − p) is 1/4 — weights zero, two classes — without a
    penalty, which spares the intercept)."""
    X = problem(n_classes)[0]
    bound = lipschitz_constant(X, n_classes, 0.2)
    for seed in range(5):
        for scale in (0.0, 0.1, 1.0, 10.0):
            _, _, coef, intercept = problem(n_classes, seed=seed, scale=scale)
            assert hessian_largest_eigenvalue(X, coef, intercept, 0.2) <= bound * (1 + 1e-12)
    if n_classes == 2:
        zero = hessian_largest_eigenvalue(X, np.zeros((1, 4)), np.zeros(1))
        assert zero == pytest.approx(lipschitz_constant(X, 2), rel=1e-12)


def test_lanczos_gives_the_exact_bound_when_the_gram_matrix_is_too_large(monkeypatch):
    X = problem(3, m=300, d=12)[0]
    exact = lipschitz_constant(X, 3, 0.1)
    monkeypatch.setattr(curvature, "MAX_DENSE_GRAM_WORK", 0)
    assert lipschitz_constant(X, 3, 0.1) == pytest.approx(exact, rel=1e-9)
    assert lipschitz_constant(X.astype(np.float32), 3, 0.1) == pytest.approx(exact, rel=1e-6)


def test_features_whose_squares_overflow_still_have_a_bound():
    X = problem(2)[0]
    A = augmented(X * 1e150)
    # Computed by hand on the scaled design (A/1e150)ᵀ(A/1e150), then scaled back.
    top = np.linalg.eigvalsh((A / 1e150).T @ (A / 1e150))[-1] * 1e300
    assert lipschitz_constant(X * 1e150, 2) == pytest.approx(top / (4 * len(X)), rel=1e-9)
    assert lipschitz_constant(X * 1e200, 2) == np.inf
    assert suggested_rate(X * 1e200, 2) is None


@pytest.mark.parametrize("n_classes,l2", [(2, 0.0), (2, 0.5), (3, 0.0), (3, 0.2)])
def test_hessian_products_match_finite_differences_of_the_gradient(n_classes, l2):
    X, y, coef, intercept = problem(n_classes, seed=3)
    H = finite_difference_hessian(X, y, coef, intercept, l2)
    product = hessian_product(X, coef, intercept, l2)
    rng = np.random.default_rng(1)
    for _ in range(3):
        v = rng.normal(size=H.shape[0])
        np.testing.assert_allclose(product(v), H @ v, rtol=1e-6, atol=1e-8)


@pytest.mark.parametrize("n_classes,l2", [(2, 0.0), (2, 0.5), (3, 0.0), (3, 0.2)])
def test_the_largest_eigenvalue_is_that_of_the_finite_difference_hessian(n_classes, l2):
    X, y, coef, intercept = problem(n_classes, seed=4)
    expected = np.linalg.eigvalsh(finite_difference_hessian(X, y, coef, intercept, l2))[-1]
    assert hessian_largest_eigenvalue(X, coef, intercept, l2) == pytest.approx(expected, rel=1e-6)


@pytest.mark.parametrize("n_classes", [2, 3])
def test_lanczos_and_the_whole_hessian_agree(monkeypatch, n_classes):
    X, _, coef, intercept = problem(n_classes, m=400, d=15, seed=5, scale=0.3)
    whole = hessian_largest_eigenvalue(X, coef, intercept, 0.05)
    monkeypatch.setattr(curvature, "MAX_DENSE_HESSIAN_WORK", 0)
    assert hessian_largest_eigenvalue(X, coef, intercept, 0.05) == pytest.approx(whole, rel=1e-9)


@pytest.mark.parametrize(
    "value,expected",
    [(1.0, 1.0), (0.99, 0.5), (1.37, 1.0), (2.0, 2.0), (4.99, 2.0), (5.0, 5.0), (9.9, 5.0),
     (10.0, 10.0), (0.0293, 0.02), (0.06, 0.05), (3.2e-7, 2e-7), (7e12, 5e12)],
)  # fmt: skip
def test_rates_are_rounded_down_to_the_1_2_5_series(value, expected):
    assert round_down_125(value) == expected


def test_round_down_refuses_what_is_not_a_positive_number():
    for value in (0.0, -1.0, np.inf, np.nan):
        with pytest.raises(ValueError, match="positive finite"):
            round_down_125(value)


@pytest.mark.parametrize("n_classes,l2", [(2, 0.0), (3, 0.0), (3, 0.5)])
def test_gradient_descent_at_the_suggested_rate_lowers_the_objective_at_every_step(n_classes, l2):
    X, y, _, _ = problem(n_classes, m=80, d=5, seed=6)
    rate = suggested_rate(X, n_classes, l2)
    assert rate <= 1 / lipschitz_constant(X, n_classes, l2)
    for seed in range(3):
        _, _, coef, intercept = problem(n_classes, m=80, d=5, seed=seed, scale=3.0)
        before = np.inf
        for _ in range(200):
            scores = decision_scores(X, coef, intercept)
            value = cross_entropy(scores, y) + penalty(coef, l2)
            assert value < before or value == before == 0
            before = value
            g, gb = gradient(X, scores, y, coef, l2)
            coef, intercept = coef - rate * g, intercept - rate * gb
