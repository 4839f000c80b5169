"""The readable reference loop: gradient descent written with objective.py's numpy functions,
one epoch at a time. The compiled kernels must reproduce it, the proximal step of an L1
part (soft-thresholding after each update, in the proximal forms of momentum, Nesterov and
Adam) and class weights (the objective and each batch's gradient weighted, a batch's divided
by its rows; the train and test losses unweighted) included."""

import numpy as np

from logreg_gui.core.model.objective import (
    cross_entropy,
    decision_scores,
    gradient,
    penalty,
    predicted_indices,
)
from logreg_gui.core.model.penalty import soft_threshold


def _weights(class_weights, y):
    return None if class_weights is None else np.asarray(class_weights)[y]


def _record(X, y, X_test, y_test, coef, intercept, l2, epoch, l1=0.0, class_weights=None):
    scores = decision_scores(X, coef, intercept)
    loss = cross_entropy(scores, y)
    weighted = cross_entropy(scores, y, _weights(class_weights, y))
    out = dict(
        epoch=epoch,
        train_loss=loss,
        train_accuracy=float(np.mean(predicted_indices(scores) == y)),
        objective=weighted + penalty(coef, l2, l1),
        coef=coef.copy(),
        intercept=intercept.copy(),
        test_loss=np.nan,
        test_accuracy=np.nan,
    )
    if X_test is not None and len(X_test):
        t = decision_scores(X_test, coef, intercept)
        out["test_loss"] = cross_entropy(t, y_test)
        out["test_accuracy"] = float(np.mean(predicted_indices(t) == y_test))
    return out


def reference_run(
    X,
    y,
    coef,
    intercept,
    *,
    learning_rate,
    epochs,
    batch_size=None,
    l2=0.0,
    solver="gd",
    momentum=0.9,
    beta1=0.9,
    beta2=0.999,
    epsilon=1e-8,
    rng=None,
    X_test=None,
    y_test=None,
    l1=0.0,
    class_weights=None,
):
    """Records of epochs 0..epochs (dicts), the same maths as the kernel in numpy."""
    coef = np.array(coef, dtype=float)
    intercept = np.array(intercept, dtype=float)
    n = X.shape[0]
    velocity = [np.zeros_like(coef), np.zeros_like(intercept)]
    m = [np.zeros_like(coef), np.zeros_like(intercept)]
    v = [np.zeros_like(coef), np.zeros_like(intercept)]
    t = 0
    records = [_record(X, y, X_test, y_test, coef, intercept, l2, 0, l1, class_weights)]
    for epoch in range(1, epochs + 1):
        if batch_size is None or batch_size >= n:
            batches = [np.arange(n)]
        else:
            order = rng.permutation(n)
            batches = [order[s : s + batch_size] for s in range(0, n, batch_size)]
        for idx in batches:
            Xb, yb = X[idx], y[idx]
            scores = decision_scores(Xb, coef, intercept)
            grads = gradient(Xb, scores, yb, coef, l2, _weights(class_weights, yb))
            params = [coef, intercept]
            if l1:
                t = _proximal_step(
                    params, grads, velocity, m, v, t, solver, learning_rate, l1, momentum,
                    beta1, beta2, epsilon,
                )  # fmt: skip
            elif solver == "gd":
                for p, g in zip(params, grads):
                    p -= learning_rate * g
            elif solver in ("momentum", "nesterov"):
                for p, g, vel in zip(params, grads, velocity):
                    vel *= momentum
                    vel -= learning_rate * g
                    if solver == "momentum":
                        p += vel
                    else:
                        p += momentum * vel - learning_rate * g
            else:
                t += 1
                step = learning_rate * np.sqrt(1 - beta2**t) / (1 - beta1**t)
                for p, g, mm, vv in zip(params, grads, m, v):
                    mm *= beta1
                    mm += (1 - beta1) * g
                    vv *= beta2
                    vv += (1 - beta2) * g * g
                    p -= step * mm / (np.sqrt(vv) + epsilon)
        records.append(_record(X, y, X_test, y_test, coef, intercept, l2, epoch, l1, class_weights))
    return records


def _proximal_step(params, grads, velocity, m, v, t, solver, lr, l1, mu, b1, b2, eps):
    """One update followed by the proximal step of l1·‖coef‖₁ (never the intercept), in
    place; returns Adam's step count."""
    (coef, intercept), (g_coef, g_intercept) = params, grads
    threshold = lr * l1
    if solver == "gd":
        coef[:] = soft_threshold(coef - lr * g_coef, threshold)
        intercept -= lr * g_intercept
    elif solver == "momentum":  # θ ← prox(θ − η·g + μ·v), v ← the step made
        for i, (p, g, vel) in enumerate(zip(params, grads, velocity)):
            z = p + mu * vel - lr * g
            if i == 0:
                z = soft_threshold(z, threshold)
            vel[:] = z - p
            p[:] = z
    elif solver == "nesterov":  # p is the look-ahead y = x + μ·v
        for i, (p, g, vel) in enumerate(zip(params, grads, velocity)):
            before = p - mu * vel
            x = p - lr * g
            if i == 0:
                x = soft_threshold(x, threshold)
            vel[:] = x - before
            p[:] = x + mu * vel
    else:
        t += 1
        step = lr * np.sqrt(1 - b2**t) / (1 - b1**t)
        for p, g, mm, vv in zip(params, grads, m, v):
            mm *= b1
            mm += (1 - b1) * g
            vv *= b2
            vv += (1 - b2) * g * g
            p -= step * mm / (np.sqrt(vv) + eps)
        coef[:] = soft_threshold(coef, step * l1 / (np.sqrt(v[0]) + eps))
    return t
