"""The maths against finite differences, scikit-learn and scipy; stability at extreme scores."""

import warnings

import numpy as np
import pytest
from scipy.special import softmax
from sklearn.metrics import log_loss

from logreg_gui.core.model.objective import (
    class_probabilities,
    cross_entropy,
    decision_scores,
    gradient,
    penalty,
    sigmoid,
)


def objective(X, y, coef, intercept, l2):
    return cross_entropy(decision_scores(X, coef, intercept), y) + penalty(coef, l2)


@pytest.mark.parametrize("n_classes", [2, 3])
def test_gradient_matches_finite_differences(n_classes):
    rng = np.random.default_rng(n_classes)
    X = rng.normal(size=(40, 5))
    y = rng.integers(n_classes, size=40)
    k = 1 if n_classes == 2 else n_classes
    coef, intercept, l2 = rng.normal(size=(k, 5)), rng.normal(size=k), 0.3
    g_coef, g_intercept = gradient(X, decision_scores(X, coef, intercept), y, coef, l2)
    h = 1e-6
    numeric = np.zeros_like(coef)
    for idx in np.ndindex(coef.shape):
        step = np.zeros_like(coef)
        step[idx] = h
        numeric[idx] = (
            objective(X, y, coef + step, intercept, l2)
            - objective(X, y, coef - step, intercept, l2)
        ) / (2 * h)
    numeric_b = np.array(
        [
            (
                objective(X, y, coef, intercept + h * e, l2)
                - objective(X, y, coef, intercept - h * e, l2)
            )
            / (2 * h)
            for e in np.eye(k)
        ]
    )
    np.testing.assert_allclose(g_coef, numeric, rtol=1e-6, atol=1e-9)
    np.testing.assert_allclose(g_intercept, numeric_b, rtol=1e-6, atol=1e-9)


def test_the_blogs_gradient_divides_by_features_not_samples():
    """The blog's calc_gradient uses m = x.shape[-1] (features); ours is n_samples times smaller."""
    rng = np.random.default_rng(0)
    X, y = rng.normal(size=(105, 10)), rng.integers(2, size=105)
    theta = rng.normal(size=(1, 10))
    y_hat = 1 / (1 + np.exp(-(theta @ X.T)))
    blog = np.dot(y_hat - y, X) / X.shape[-1]
    ours, _ = gradient(X, decision_scores(X, theta, np.zeros(1)), y, theta, 0.0)
    np.testing.assert_allclose(blog * X.shape[1] / X.shape[0], ours, rtol=1e-10)


@pytest.mark.parametrize("n_classes", [2, 4])
def test_cross_entropy_and_probabilities_match_sklearn(n_classes):
    rng = np.random.default_rng(1)
    k = 1 if n_classes == 2 else n_classes
    scores = rng.normal(scale=3, size=(50, k))
    y = rng.integers(n_classes, size=50)
    y[:n_classes] = np.arange(n_classes)
    p = class_probabilities(scores)
    expected = (
        softmax(scores, axis=1)
        if k > 1
        else np.column_stack([1 - 1 / (1 + np.exp(-scores[:, 0])), 1 / (1 + np.exp(-scores[:, 0]))])
    )
    np.testing.assert_allclose(p, expected, rtol=1e-12)
    assert cross_entropy(scores, y) == pytest.approx(
        log_loss(y, p, labels=range(n_classes)), rel=1e-10
    )


@pytest.mark.parametrize("k", [1, 3])
def test_extreme_scores_stay_finite_without_warnings(k):
    scores = np.array([[-1e4] * k, [1e4] * k, [0.0] * k, [-1e300] * k])
    if k > 1:
        scores[:, 0] *= -1
    y = np.array([0, 1, 0, 1])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        p = class_probabilities(scores)
        loss = cross_entropy(scores, y)
        g, gb = gradient(np.ones((4, k)), scores, y, np.zeros((k, k)), 0.0)
        s = sigmoid(np.array([-1e4, 1e4]))
    assert (
        np.isfinite(p).all()
        and np.isfinite(loss)
        and np.isfinite(g).all()
        and np.isfinite(gb).all()
    )
    np.testing.assert_allclose(p.sum(axis=1), 1.0)
    np.testing.assert_array_equal(s, [0.0, 1.0])


def test_the_blogs_sigmoid_overflows_where_ours_does_not():
    z = np.array([-1e4])
    with pytest.warns(RuntimeWarning, match="overflow"):
        1 / (1 + np.exp(-z))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert sigmoid(z)[0] == 0.0
    # The exact loss of a confident wrong prediction, where the blog's +1e-8 caps it at 18.4.
    assert cross_entropy(np.array([[-1e4]]), np.array([1])) == pytest.approx(1e4)
