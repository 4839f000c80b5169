"""The maths of logistic regression: scores, probabilities, cross-entropy and its gradient.

Small pure functions on numpy arrays, shared by the estimator, the training loop and the
views. Weights always have shape ``(k, n_features)`` and the intercept shape ``(k,)``, where
``k == 1`` for two classes (sigmoid, as in the seed blog) and ``k == n_classes`` for more
(softmax). Labels are class indices ``0 .. n_classes - 1``.

Everything here is numerically stable: no overflow warnings or infinities for scores of any
finite size (the seed's ``1 / (1 + np.exp(-z))`` overflows for z below about -709).
"""

from __future__ import annotations

import numpy as np

__all__ = [
    "class_probabilities",
    "cross_entropy",
    "decision_scores",
    "gradient",
    "penalty",
    "predicted_indices",
    "sigmoid",
]


def _special():
    # scipy.special takes a quarter of a second to import: only when first needed, so that
    # the window can show itself first.
    import scipy.special

    return scipy.special


def sigmoid(z):
    """Logistic function ``1 / (1 + exp(-z))``, computed without overflow for any ``z``."""
    return _special().expit(z)


def decision_scores(X, coef, intercept):
    """Linear scores ``z = X @ coef.T + intercept``.

    Parameters
    ----------
    X : ndarray of shape (n_samples, n_features)
    coef : ndarray of shape (k, n_features)
    intercept : ndarray of shape (k,)

    Returns
    -------
    ndarray of shape (n_samples, k)
    """
    return X @ coef.T + intercept


def class_probabilities(scores):
    """Probability of every class from scores of shape (n_samples, k).

    For ``k == 1`` the single score is the log-odds of class 1 (sigmoid); otherwise the
    scores are passed through a softmax.

    Returns
    -------
    ndarray of shape (n_samples, max(k, 2)), rows summing to one.
    """
    if scores.shape[1] == 1:
        p1 = _special().expit(scores[:, 0])
        return np.column_stack([1.0 - p1, p1])
    return _special().softmax(scores, axis=1)


def predicted_indices(scores):
    """Index of the predicted class for each row of scores (ties go to the lower index)."""
    if scores.shape[1] == 1:
        return (scores[:, 0] > 0).astype(np.intp)
    return np.argmax(scores, axis=1)


def cross_entropy(scores, y, sample_weight=None):
    """Mean cross-entropy (log-loss) of class indices ``y`` under ``scores``.

    Binary: ``mean(log(1 + exp(z)) - y z)``, the exact form of
    ``-y log(sigmoid(z)) - (1 - y) log(1 - sigmoid(z))`` without the seed's ``+ 1e-8``.
    Multiclass: ``mean(logsumexp(z) - z_y)``.

    ``sample_weight`` (n_samples,): the weighted loss ``(1/n)·Σ s_i·ℓ_i`` — divided by the
    number of samples, not by the sum of the weights, as scikit-learn's LogisticRegression
    (:mod:`~logreg_gui.core.model.class_weight`).
    """
    if scores.shape[1] == 1:
        z = scores[:, 0]
        losses = np.logaddexp(0.0, z) - y * z
    else:
        losses = -_special().log_softmax(scores, axis=1)[np.arange(len(y)), y]
    if sample_weight is not None:
        losses = losses * sample_weight
    return float(np.mean(losses))


def penalty(coef, l2, l1=0.0):
    """The penalty term ``(l2 / 2)·||coef||² + l1·||coef||₁`` of the objective; the intercept
    is not penalised (:class:`~logreg_gui.core.model.penalty.Penalty` gives ``l2`` and ``l1``
    of a penalty as a person sets it)."""
    total = 0.0
    if l2:
        total += 0.5 * l2 * float(np.sum(coef * coef))
    if l1:
        total += l1 * float(np.sum(np.abs(coef)))
    return total


def gradient(X, scores, y, coef, l2, sample_weight=None):
    """Gradient of ``cross_entropy + (l2/2)·||coef||²`` (the smooth part of the objective)
    with respect to ``coef`` and ``intercept``; an L1 part is not differentiable and is
    applied by the proximal step (:func:`~logreg_gui.core.model.penalty.soft_threshold`).

    The residual (probability minus one-hot truth) is averaged over the **samples** — the
    seed blog divides by the number of features instead.

    Parameters
    ----------
    X : ndarray of shape (n_samples, n_features)
    scores : ndarray of shape (n_samples, k), ``decision_scores(X, coef, intercept)``
    y : ndarray of shape (n_samples,) of class indices
    coef : ndarray of shape (k, n_features)
    l2 : float
    sample_weight : ndarray of shape (n_samples,) or None
        Weights of the samples: the gradient of the weighted loss ``(1/n)·Σ s_i·ℓ_i``,
        whose residuals are ``s_i·(p_i − y_i)`` (still divided by ``n``).

    Returns
    -------
    grad_coef : ndarray of shape (k, n_features)
    grad_intercept : ndarray of shape (k,)
    """
    n = X.shape[0]
    if scores.shape[1] == 1:
        residual = (_special().expit(scores[:, 0]) - y)[:, None]
    else:
        residual = _special().softmax(scores, axis=1)
        residual[np.arange(n), y] -= 1.0
    if sample_weight is not None:
        residual = residual * np.asarray(sample_weight)[:, None]
    grad_coef = residual.T @ X / n
    if l2:
        grad_coef = grad_coef + l2 * coef
    return grad_coef, residual.mean(axis=0)
