"""Newton's method: its direction is −H⁻¹g for a Hessian measured independently, it reaches
scikit-learn's optimum in a few steps, and no step ever raises the objective."""

import numpy as np
import pytest
from sklearn.datasets import load_breast_cancer, load_iris, make_blobs, make_classification
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

from logreg_gui.core.model.objective import cross_entropy, decision_scores, gradient, penalty
from logreg_gui.core.training.newton import (
    MAX_NEWTON_PARAMETERS,
    newton_problem,
    newton_solve,
    newton_step,
)


def objective(X, y, P, l2):
    """J(P), from objective.py's functions."""
    W, b = P[:, :-1], P[:, -1]
    return cross_entropy(decision_scores(X, W, b), y) + penalty(W, l2)


def flat_gradient(X, y, P, l2):
    W, b = P[:, :-1], P[:, -1]
    gW, gb = gradient(X, decision_scores(X, W, b), y, W, l2)
    return np.column_stack([gW, gb]).ravel()


def finite_difference_hessian(X, y, P, l2, h=1e-5):
    """Central differences of objective.gradient, one parameter at a time."""
    size = P.size
    H = np.empty((size, size))
    for i in range(size):
        e = np.zeros(size)
        e[i] = h
        E = e.reshape(P.shape)
        H[:, i] = (flat_gradient(X, y, P + E, l2) - flat_gradient(X, y, P - E, l2)) / (2 * h)
    return (H + H.T) / 2


def noisy_problem(n_classes, n=60, d=3, seed=0):
    X, y = make_classification(
        n_samples=n,
        n_features=d,
        n_informative=d,
        n_redundant=0,
        n_classes=n_classes,
        n_clusters_per_class=1,
        flip_y=0.3,
        random_state=seed,
    )
    k = 1 if n_classes == 2 else n_classes
    P = np.random.default_rng(seed).normal(scale=0.3, size=(k, d + 1))
    return X, y.astype(np.int64), P


def standardised(loader):
    X, y = loader(return_X_y=True)
    return StandardScaler().fit_transform(X), y.astype(np.int64)


@pytest.mark.parametrize("n_classes,l2", [(2, 0.1), (3, 0.1), (2, 0.0), (3, 0.0)])
def test_direction_is_minus_inverse_hessian_times_gradient(n_classes, l2):
    X, y, P = noisy_problem(n_classes)
    _, details = newton_step(X, y, P, l2, n_classes)
    H = finite_difference_hessian(X, y, P, l2)
    g = flat_gradient(X, y, P, l2)
    D = details["direction"].ravel()
    np.testing.assert_allclose(details["gradient"].ravel(), g, rtol=1e-12, atol=1e-15)
    assert details["gradient_norm"] == pytest.approx(np.linalg.norm(g), rel=1e-12)
    # H·D = −g holds whatever the parameterisation ...
    np.testing.assert_allclose(H @ D, -g, rtol=1e-5, atol=1e-7 * np.abs(g).max())
    # ... and D is −H⁺g: with three softmax classes H is singular along "the same shift for
    # every class" (the intercepts always, the weights too without L2), and D is the
    # solution with no part along those directions.
    expected = -np.linalg.pinv(H, rcond=1e-7, hermitian=True) @ g
    np.testing.assert_allclose(D, expected, rtol=1e-5, atol=1e-6 * np.abs(expected).max())
    if n_classes == 2:
        np.testing.assert_allclose(D, -np.linalg.solve(H, g), rtol=1e-5)


@pytest.mark.parametrize("l2", [0.1, 0.0])
def test_softmax_steps_keep_the_sum_over_classes(l2):
    # The minimum-norm step never moves along the directions the objective cannot see.
    X, y, P = noisy_problem(3, seed=1)
    for _ in range(4):
        Q, _ = newton_step(X, y, P, l2, 3)
        shared = slice(None) if l2 == 0 else slice(-1, None)
        np.testing.assert_allclose(Q[:, shared].sum(axis=0), P[:, shared].sum(axis=0), atol=1e-12)
        P = Q


def test_breast_cancer_reaches_sklearns_optimum_in_few_steps():
    X, y = standardised(load_breast_cancer)
    l2 = 1e-3
    ref = LogisticRegression(C=1 / (l2 * len(y)), tol=1e-12, max_iter=10_000).fit(X, y)
    best = objective(X, y, np.column_stack([ref.coef_, ref.intercept_]), l2)
    P, n_iter, value = newton_solve(X, y, np.zeros((1, X.shape[1] + 1)), l2, 2)
    assert n_iter <= 15
    assert value == pytest.approx(objective(X, y, P, l2), rel=1e-14)
    assert value == pytest.approx(best, rel=1e-8)
    assert value <= best * (1 + 1e-12)  # not worse than scikit-learn's
    np.testing.assert_allclose(P, np.column_stack([ref.coef_, ref.intercept_]), atol=1e-4)


def test_iris_reaches_sklearns_multinomial_optimum():
    X, y = standardised(load_iris)
    l2 = 1e-2
    ref = LogisticRegression(C=1 / (l2 * len(y)), tol=1e-12, max_iter=10_000).fit(X, y)
    best = objective(X, y, np.column_stack([ref.coef_, ref.intercept_]), l2)
    P, n_iter, value = newton_solve(X, y, np.zeros((3, X.shape[1] + 1)), l2, 3)
    assert n_iter <= 15
    assert value == pytest.approx(objective(X, y, P, l2), rel=1e-14)
    assert value == pytest.approx(best, rel=1e-8)
    # Only the objective is comparable in general; here both solutions have intercepts
    # summing to 0 (ours from zeros, scikit-learn's since it starts from zeros too).
    assert abs(P[:, -1].sum()) < 1e-12


def separable_blobs(n_classes):
    centers = [[-4, 0], [4, 0], [0, 6]][:n_classes]
    X, y = make_blobs(n_samples=60, centers=centers, cluster_std=0.5, random_state=0)
    return X, y.astype(np.int64)


def monotone_problems():
    X, y = standardised(load_breast_cancer)
    yield "breast cancer, l2=1e-3", X, y, 2, 1e-3
    yield "breast cancer, l2=0 (separable)", X, y, 2, 0.0
    X, y = separable_blobs(2)
    yield "separable blobs, l2=0", X, y, 2, 0.0
    X, y = separable_blobs(3)
    yield "separable blobs, 3 classes, l2=0", X, y, 3, 0.0
    X, y, _ = noisy_problem(2, seed=3)
    yield "duplicated feature, l2=0", np.column_stack([X, X[:, 0]]), y, 2, 0.0
    X, y = standardised(load_iris)
    yield "iris, l2=0 (setosa separable)", X, y, 3, 0.0


@pytest.mark.parametrize(
    "name,X,y,n_classes,l2", list(monotone_problems()), ids=[p[0] for p in monotone_problems()]
)
def test_no_step_raises_the_objective(name, X, y, n_classes, l2):
    k = 1 if n_classes == 2 else n_classes
    P = np.zeros((k, X.shape[1] + 1))
    values = [objective(X, y, P, l2)]
    for _ in range(40):
        before = P.copy()
        Q, details = newton_step(X, y, P, l2, n_classes)
        np.testing.assert_array_equal(P, before)  # the argument is not modified
        assert Q.dtype == np.float64 and Q.shape == P.shape
        assert np.all(np.isfinite(Q)) and np.all(np.isfinite(details["direction"]))
        assert details["objective_before"] == pytest.approx(values[-1], rel=1e-14)
        assert details["objective_after"] <= details["objective_before"]
        after = objective(X, y, Q, l2)
        assert np.isfinite(after) and after <= values[-1]
        assert details["objective_after"] == pytest.approx(after, rel=1e-14, abs=1e-300)
        if details["step_size"] == 0:
            np.testing.assert_array_equal(Q, P)
            break
        assert 0 < details["step_size"] <= 1
        np.testing.assert_allclose(Q, P + details["step_size"] * details["direction"])
        values.append(after)
        P = Q
    if l2 == 0 and "separable" in name and "iris" not in name:
        # No finite optimum: the loss heads for 0 while the weights grow.
        assert values[-1] < 1e-6 * values[0]
        assert np.abs(P).max() > 10


def test_at_the_optimum_the_step_is_zero():
    # P = 0 is the exact optimum: the gradient is exactly zero.
    X = np.array([[1.0], [-1.0], [1.0], [-1.0]])
    y = np.array([1, 1, 0, 0])
    P = np.zeros((1, 2))
    Q, details = newton_step(X, y, P, 0.0, 2)
    assert details["step_size"] == 0 and details["gradient_norm"] == 0
    np.testing.assert_array_equal(Q, P)
    assert newton_solve(X, y, P, 0.0, 2)[1] == 1


@pytest.mark.parametrize(
    "loader,n_classes,l2", [(load_breast_cancer, 2, 1e-3), (load_iris, 3, 1e-2)]
)
def test_float32_matches_float64(loader, n_classes, l2):
    X, y = standardised(loader)
    X32 = X.astype(np.float32)
    k = 1 if n_classes == 2 else n_classes
    P0 = np.zeros((k, X.shape[1] + 1))
    P32, _, value32 = newton_solve(X32, y, P0, l2, n_classes)
    assert P32.dtype == np.float64
    # The same numbers in float64: the same computation.
    P64, _, value64 = newton_solve(X32.astype(np.float64), y, P0, l2, n_classes)
    np.testing.assert_allclose(P32, P64, rtol=1e-12, atol=1e-14)
    assert value32 == value64
    # Against the unrounded data: the optimum moves by the float32 rounding only.
    P, _, value = newton_solve(X, y, P0, l2, n_classes)
    assert value32 == pytest.approx(value, rel=1e-6)
    np.testing.assert_allclose(P32, P, rtol=1e-4, atol=1e-5)
    # One step too.
    Q32, d32 = newton_step(X32, y, P0, l2, n_classes)
    Q, d = newton_step(X, y, P0, l2, n_classes)
    np.testing.assert_allclose(Q32, Q, rtol=1e-6, atol=1e-7)
    assert d32["objective_after"] == pytest.approx(d["objective_after"], rel=1e-6)


def test_newton_problem_above_and_below_the_limit():
    assert MAX_NEWTON_PARAMETERS == 600
    assert newton_problem(4, 2) is None
    assert newton_problem(599, 2) is None  # 600 parameters
    assert newton_problem(199, 3) is None  # 3 × 200
    text = newton_problem(600, 2)
    assert text is not None and "601 × 601" in text and "600 parameters" in text
    assert "two classes" in text and "Adam" in text
    text = newton_problem(41, 30)
    assert text is not None and "1,260 × 1,260" in text
    assert "41 features × 30 classes" in text and text.endswith(".")


def test_wrong_shapes_are_refused():
    X, y, P = noisy_problem(3)
    with pytest.raises(ValueError, match="shape"):
        newton_step(X, y, P[:, :-1], 0.1, 3)
    with pytest.raises(ValueError, match="shape"):
        newton_step(X, y, P, 0.1, 2)
