"""Learning rates judged on the data: the safe rate against an explicit matrix, the stable
rate against a finite-difference Hessian, the stable rate at the optimum separating the
rates gradient descent settles with from those it does not (on the seed's data, iris and
breast cancer), and the estimate of a crawling run."""

import numpy as np
import pytest

from logreg_gui.core import DataSettings, LogisticRegressionGD, prepare_data
from logreg_gui.core.analysis.optimum import find_optimum, objective_value
from logreg_gui.core.analysis.rates import (
    CRAWL_TOLERANCE,
    crawl_estimate,
    largest_stable_rate,
    safe_rate,
    stable_rate,
    suggested_rate,
)
from logreg_gui.core.model.penalty import Penalty

#: The data the rates are measured on. Iris and breast cancer can be separated by a linear
#: rule (no finite optimum without a penalty): they are measured with l2 = 0.01.
CASES = [("generated", 0.0), ("iris", 0.01), ("breast_cancer", 0.01)]


def data(source):
    split = prepare_data(DataSettings(source=source))
    classes, y = np.unique(split.y_train, return_inverse=True)
    return split.X_train, y, len(classes)


def curve(X, y, learning_rate, l2, epochs):
    """The objective at every epoch (0 included) of plain full-batch gradient descent."""
    run = LogisticRegressionGD(
        learning_rate=learning_rate, epochs=epochs, **Penalty("l2", l2).settings(), random_state=0
    ).start_training(X, y)
    values = [run.record().objective]
    while not run.finished:
        batch = run.advance(max_seconds=5.0)
        if batch is not None:
            values.extend(batch.objective[batch.epochs > 0])
    return np.array(values)


def objective_hessian(X, y, coef, intercept, l2, h=1e-4):
    """Second central differences of the objective's values (no gradient involved)."""
    k, d = coef.shape
    theta = np.column_stack([coef, intercept]).ravel()

    def f(t):
        P = t.reshape(k, d + 1)
        return objective_value(X, y, P[:, :-1], P[:, -1], l2)

    n = theta.size
    H = np.empty((n, n))
    E = np.eye(n) * h
    for i in range(n):
        for j in range(n):
            H[i, j] = (
                f(theta + E[i] + E[j])
                - f(theta + E[i] - E[j])
                - f(theta - E[i] + E[j])
                + f(theta - E[i] - E[j])
            ) / (4 * h * h)
    return 0.5 * (H + H.T)


@pytest.mark.parametrize("source,l2", [*CASES, ("breast_cancer", 0.0)])
def test_the_safe_rate_is_two_over_the_bound_of_the_explicit_matrix(source, l2):
    X, _, n_classes = data(source)
    A = np.column_stack([X, np.ones(len(X))])
    top = np.linalg.eigvalsh(A.T @ A)[-1]
    bound = top / ((4 if n_classes == 2 else 2) * len(X)) + l2
    assert safe_rate(X, n_classes, l2) == pytest.approx(2 / bound, rel=1e-12)


@pytest.mark.parametrize("n_classes,l2", [(2, 0.0), (2, 0.1), (3, 0.0), (3, 0.05)])
def test_the_stable_rate_is_two_over_the_top_of_a_finite_difference_hessian(n_classes, l2):
    rng = np.random.default_rng(n_classes)
    X = rng.normal(size=(50, 3)) * [1.0, 2.0, 0.5]
    y = rng.integers(n_classes, size=50)
    k = 1 if n_classes == 2 else n_classes
    at_random = rng.normal(size=(k, 3)), rng.normal(size=k)
    optimum = find_optimum(X, y, n_classes, l2)
    for coef, intercept in (at_random, (optimum.coef, optimum.intercept)):
        top = np.linalg.eigvalsh(objective_hessian(X, y, coef, intercept, l2))[-1]
        assert stable_rate(X, y, coef, intercept, l2) == pytest.approx(2 / top, rel=1e-5)


@pytest.mark.parametrize("source,l2", CASES)
def test_the_stable_rate_at_the_optimum_separates_settling_from_swinging(source, l2):
    """0.8 × the largest stable rate settles at the optimum; 1.2 × never comes to rest near
    it. The safe rate is far more cautious: 1.2 × it settles too."""
    X, y, n_classes = data(source)
    best = find_optimum(X, y, n_classes, l2).objective
    limit = largest_stable_rate(X, y, n_classes, l2)
    safe = safe_rate(X, n_classes, l2)
    assert safe < limit
    for rate in (0.8 * limit, 1.2 * safe):
        tail = curve(X, y, rate, l2, epochs=20_000)[-100:]
        assert np.all(tail - best <= 1e-9 * best), rate
    tail = curve(X, y, 1.2 * limit, l2, epochs=20_000)[-100:]
    assert np.max(tail - best) > 1e-4 * best


@pytest.mark.parametrize("source", ["iris", "breast_cancer"])
def test_separable_classes_have_no_largest_stable_rate_without_a_penalty(source):
    X, y, n_classes = data(source)
    assert largest_stable_rate(X, y, n_classes, 0.0) is None


def test_the_suggested_rate_settles_where_too_large_a_rate_swings():
    X, y, n_classes = data("generated")
    suggestion = suggested_rate(X, n_classes)
    assert suggestion == 1.0 < largest_stable_rate(X, y, n_classes)
    best = find_optimum(X, y, n_classes, 0.0).objective
    values = curve(X, y, suggestion, 0.0, epochs=3000)
    # Down at every epoch (to rounding, once at the optimum), and there in the end.
    assert np.all(np.diff(values) <= 1e-15) and values[-1] - best <= 1e-9 * best


@pytest.fixture(scope="module")
def seed_data():
    X, y, n_classes = data("generated")
    return X, y, find_optimum(X, y, n_classes, 0.0).objective


@pytest.mark.parametrize("epochs", [100, 3000])
def test_a_rate_too_small_is_estimated_to_crawl_past_the_epochs_set(seed_data, epochs):
    """Learning rate 0.01 on the seed's data: the loss falls at every epoch but would need
    far more epochs than set to come near the optimum. The estimate, from the present pace,
    is a lower bound: the run needs more still."""
    X, y, best = seed_data
    values = curve(X, y, 0.01, 0.0, epochs=epochs)
    estimate = crawl_estimate(np.arange(epochs + 1), values, best, epochs)
    assert estimate is not None and estimate > 2 * epochs
    longer = curve(X, y, 0.01, 0.0, epochs=40_000)
    near = np.flatnonzero(longer - best <= CRAWL_TOLERANCE * best)
    assert len(near) and near[0] >= estimate


def test_a_good_rate_is_not_said_to_crawl(seed_data):
    X, y, best = seed_data
    values = curve(X, y, 0.5, 0.0, epochs=3000)
    epochs = np.arange(3001)
    assert crawl_estimate(epochs, values, best, 3000) is None
    # Not at the end only: a third of the way, on its way there in time.
    assert crawl_estimate(epochs[:300], values[:300], best, 3000) is None
    # The records of a long run may skip epochs (a bounded history): the pace is per epoch.
    assert crawl_estimate(epochs[:300:10], values[:300:10], best, 3000) is None
    assert crawl_estimate(epochs[:300:10], values[:300:10], best, 400) == crawl_estimate(
        epochs[:300], values[:300], best, 400
    )


def test_no_crawl_is_estimated_without_a_steady_fall(seed_data):
    X, y, best = seed_data
    swinging = curve(X, y, 10.0, 0.0, epochs=3000)
    epochs = np.arange(3001)
    assert crawl_estimate(epochs, swinging, best, 3000) is None
    crawling = curve(X, y, 0.01, 0.0, epochs=3000)
    assert crawl_estimate(epochs, crawling, None, 3000) is None
    assert crawl_estimate(epochs[:5], crawling[:5], best, 3000) is None
    # An optimum above the curve (a wrong one) gives no estimate either.
    assert crawl_estimate(epochs, crawling, crawling[-1] + 1.0, 3000) is None
