"""One epoch of gradient descent taken apart, with its real numbers, in the blog's order:
forward pass, loss, gradient, update — for the step inspector.

The weights before and after the epoch come from the run's history; everything else is
computed here with the readable reference maths of :mod:`~logreg_gui.core.model.objective`, so the
inspector shows the loop's quantities, not the kernel's. For plain gradient descent on the
full batch the update shown, ``θ_after − θ_before``, equals ``−η·∇J(θ_before)``; for
mini-batches the epoch is replayed batch by batch from the shuffled order the run used; the
momentum, Nesterov and Adam updates also use earlier gradients, and the inspector says so.
With an L1 part in the penalty (L1, elastic net) each update is followed by the proximal
step, soft-thresholding the weights by ``η·l1``; it is kept apart (``proximal_coef``) so
that the inspector can show it as its own line. With class weights the loss and the
gradients are the weighted ones, as the run's (``(1/m)·Σ s_i·ℓ_i``, a mini-batch's divided by
its rows).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..model.class_weight import sample_weights
from ..model.objective import class_probabilities, cross_entropy, decision_scores, gradient, penalty
from ..model.penalty import soft_threshold

__all__ = ["BLOG_NAMES", "BatchStep", "StepExplanation", "explain_step", "replay_minibatch_epoch"]

#: The seed blog's variable names beside the mathematical ones.
BLOG_NAMES = {
    "θ": "theta",
    "b": "bias",
    "ŷ": "y_hat",
    "∇θ": "delta_theta",
    "∇b": "delta_bias",
    "η": "lr",
}


@dataclass(frozen=True, eq=False)
class BatchStep:
    """One mini-batch update of an epoch: the training rows it used, its gradient and its
    loss (weighted, with class weights)."""

    rows: np.ndarray
    grad_coef: np.ndarray
    grad_intercept: np.ndarray
    loss: float


@dataclass(frozen=True, eq=False)
class StepExplanation:
    """Epoch ``epoch`` of a run, from the weights of epoch ``epoch - 1`` to those of ``epoch``.

    Attributes
    ----------
    coef_before, intercept_before, coef_after, intercept_after : θ and b around the epoch
    loss_before, objective_before : mean cross-entropy (weighted, with class weights: the
        loss in J) and the objective J at θ_before
    l2, l1 : strengths of the smooth part ``(l2/2)·‖θ‖²`` and of the L1 part ``l1·‖θ‖₁`` of
        the penalty
    grad_coef, grad_intercept : ∇J(θ_before) of the smooth part over the whole training
        part, the L2 term included
    penalty_grad : its L2 part ``l2·θ`` (zeros without L2)
    update_coef, update_intercept : the update made, ``θ_after − θ_before``
    expected_coef, expected_intercept : ``−η·∇J`` followed by the proximal step (full-batch
        gradient descent) or the sum of the replayed mini-batch updates; None where the rule
        uses earlier gradients
    proximal_coef : with an L1 part and full-batch gradient descent, what the proximal step
        changed: ``prox(θ − η·∇J) − (θ − η·∇J)`` (None otherwise)
    mean_probabilities : ŷ averaged over the training rows, per class
    accuracy_before : share of training rows classified right at θ_before
    sample : the forward pass for one sample — ``x``, ``z``, ``probabilities``, ``label``,
        ``loss`` — or None
    batches : the mini-batch updates of the epoch (replayed), or None
    class_weights : the weight of each class in the loss (None: unweighted)
    """

    epoch: int
    learning_rate: float
    l2: float
    solver: str
    n_rows: int
    coef_before: np.ndarray
    intercept_before: np.ndarray
    coef_after: np.ndarray
    intercept_after: np.ndarray
    loss_before: float
    objective_before: float
    grad_coef: np.ndarray
    grad_intercept: np.ndarray
    penalty_grad: np.ndarray
    update_coef: np.ndarray
    update_intercept: np.ndarray
    expected_coef: np.ndarray | None
    expected_intercept: np.ndarray | None
    mean_probabilities: np.ndarray
    accuracy_before: float
    sample: dict | None = None
    batches: list | None = None
    l1: float = 0.0
    proximal_coef: np.ndarray | None = None
    class_weights: np.ndarray | None = None

    @property
    def weighted(self) -> bool:
        """True when the loss weighs the samples by their class."""
        return self.class_weights is not None

    @property
    def threshold(self) -> float:
        """How far the proximal step moves each weight towards 0: ``η·l1`` (0 without L1)."""
        return self.learning_rate * self.l1

    @property
    def max_mismatch(self) -> float | None:
        """Largest difference between the update made and the one the rule predicts."""
        if self.expected_coef is None:
            return None
        return float(
            max(
                np.max(np.abs(self.update_coef - self.expected_coef), initial=0.0),
                np.max(np.abs(self.update_intercept - self.expected_intercept), initial=0.0),
            )
        )


def replay_minibatch_epoch(
    X, y, coef, intercept, order, batch_size, learning_rate, l2, l1=0.0, class_weights=None
):
    """Plain gradient descent over one epoch of mini-batches in ``order``: returns the
    weights after it and the list of :class:`BatchStep`. Each batch's gradient is the mean
    over its rows (of the weighted residuals, with ``class_weights``) plus ``l2·θ``, and each
    update is followed by the proximal step of ``l1·‖θ‖₁`` (soft-thresholding by ``η·l1``),
    as in the training kernel."""
    coef = np.array(coef, dtype=float)
    intercept = np.array(intercept, dtype=float)
    steps = []
    for start in range(0, len(order), batch_size):
        rows = np.asarray(order[start : start + batch_size])
        Xb, yb = X[rows], y[rows]
        weights = sample_weights(class_weights, yb)
        scores = decision_scores(Xb, coef, intercept)
        grad_coef, grad_intercept = gradient(Xb, scores, yb, coef, l2, weights)
        loss = cross_entropy(scores, yb, weights)
        steps.append(BatchStep(rows, grad_coef, grad_intercept, loss))
        coef = coef - learning_rate * grad_coef
        if l1:
            coef = soft_threshold(coef, learning_rate * l1)
        intercept = intercept - learning_rate * grad_intercept
    return coef, intercept, steps


def explain_step(
    X,
    y,
    before,
    after,
    *,
    epoch,
    learning_rate,
    l2=0.0,
    l1=0.0,
    solver="gd",
    batch_size=None,
    order=None,
    sample=None,
    class_weights=None,
) -> StepExplanation:
    """Take epoch ``epoch`` apart.

    Parameters
    ----------
    X, y : the training part (features, class indices)
    before, after : ``(coef, intercept)`` of epochs ``epoch - 1`` and ``epoch``
    learning_rate, l2, l1, solver, batch_size : what the run used for this epoch (``l2`` and
        ``l1`` the strengths of the penalty's parts, :class:`~logreg_gui.core.model.penalty.Penalty`)
    order : the shuffled row order of the epoch (mini-batches), if known
    sample : ``(x, label)`` of the sample whose forward pass is shown (label may be None)
    class_weights : the weight of each class (by class index) in the run's loss, or None
    """
    X = np.asarray(X)
    coef_b, int_b = (np.asarray(a, dtype=float) for a in before)
    coef_a, int_a = (np.asarray(a, dtype=float) for a in after)
    if class_weights is not None:
        class_weights = np.asarray(class_weights, dtype=float)
    weights = sample_weights(class_weights, y)
    scores = decision_scores(X, coef_b, int_b)
    probabilities = class_probabilities(scores)
    loss = cross_entropy(scores, y, weights)
    grad_coef, grad_intercept = gradient(X, scores, y, coef_b, l2, weights)
    predicted = np.argmax(probabilities, axis=1) if scores.shape[1] > 1 else scores[:, 0] > 0
    expected_coef = expected_intercept = proximal = None
    batches = None
    full = batch_size is None or batch_size >= len(y)
    if solver == "gd" and full:
        expected_coef, expected_intercept = (
            -learning_rate * grad_coef,
            -learning_rate * grad_intercept,
        )
        if l1:
            stepped = coef_b + expected_coef
            proximal = soft_threshold(stepped, learning_rate * l1) - stepped
            expected_coef = expected_coef + proximal
    elif solver == "gd" and order is not None:
        end_coef, end_int, batches = replay_minibatch_epoch(
            X, y, coef_b, int_b, order, batch_size, learning_rate, l2, l1, class_weights
        )
        expected_coef, expected_intercept = end_coef - coef_b, end_int - int_b
    shown = None
    if sample is not None:
        x, label = sample
        x = np.asarray(x, dtype=float)
        z = decision_scores(x[None, :], coef_b, int_b)
        p = class_probabilities(z)[0]
        shown = {
            "x": x,
            "z": z[0],
            "probabilities": p,
            "label": label,
            "loss": None if label is None else float(cross_entropy(z, np.array([label]))),
        }
    return StepExplanation(
        epoch=int(epoch),
        learning_rate=float(learning_rate),
        l2=float(l2),
        solver=solver,
        n_rows=len(y),
        coef_before=coef_b,
        intercept_before=int_b,
        coef_after=coef_a,
        intercept_after=int_a,
        loss_before=loss,
        objective_before=loss + penalty(coef_b, l2, l1),
        grad_coef=grad_coef,
        grad_intercept=grad_intercept,
        penalty_grad=l2 * coef_b,
        update_coef=coef_a - coef_b,
        update_intercept=int_a - int_b,
        expected_coef=expected_coef,
        expected_intercept=expected_intercept,
        mean_probabilities=probabilities.mean(axis=0),
        accuracy_before=float(np.mean(predicted == y)),
        sample=shown,
        batches=batches,
        l1=float(l1),
        proximal_coef=proximal,
        class_weights=class_weights,
    )
