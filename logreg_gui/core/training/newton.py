"""Newton's method for the training objective, with the exact Hessian (IRLS).

The objective is the one gradient descent minimises (:mod:`~logreg_gui.core.model.objective`)::

    J(P) = mean cross-entropy + (l2 / 2)·||W||²        (intercepts unpenalised)

with all parameters in one array ``P`` of shape ``(k, d + 1)``: ``P[:, :d]`` the weights W,
``P[:, d]`` the intercepts (``k == 1`` for two classes, ``k == n_classes`` otherwise). Each
step computes the gradient with :func:`~logreg_gui.core.model.objective.gradient`, the Hessian
exactly (no approximation, no finite differences), solves ``H·D = -g`` for the Newton direction
``D`` and moves along it by the largest step ``1, 1/2, 1/4, …`` that lowers the objective
enough (Armijo's rule), so the objective never goes up. Near the optimum the full step is
taken and the error is roughly squared at every step: a few steps reach machine precision,
where gradient descent needs thousands.

On the design ``A = [X, 1]`` augmented with a column of ones, with ``p`` the probabilities:

* two classes: ``H = Aᵀ diag(p(1 − p)) A / n``;
* k classes (softmax): block ``(a, b)`` is ``Aᵀ diag(p_a(δ_ab − p_b)) A / n``;

plus ``l2`` on the diagonal entries of the weights (not of the intercepts). With sample
weights ``s`` (class weights: :mod:`~logreg_gui.core.model.class_weight`) the loss is
``(1/n)·Σ s_i·ℓ_i`` and every ``diag(…)`` above is multiplied by ``s``. Every step works
in float64, whatever the type of ``X``.

Limits. The Hessian has ``(k(d + 1))²`` entries and costs about ``n·(k(d + 1))²`` operations
to build at every step, so Newton is offered only up to :data:`MAX_NEWTON_PARAMETERS`
parameters (:func:`newton_problem` says why in a sentence). A softmax over all k classes has
more parameters than it needs: adding one vector to every class's parameters changes no
probability. So its Hessian is singular along those directions (always along the intercepts;
along the weights too when ``l2 = 0``); the step is then the one of smallest size, which
leaves the sum over the classes of the parameters where it was (see :func:`_solve`). With
perfectly separable data and ``l2 = 0`` there is no finite optimum: the steps stay finite and
keep lowering the objective, towards 0, while the weights grow.
"""

from __future__ import annotations

import numpy as np
import scipy.linalg

from ..i18n import translate
from ..model.objective import cross_entropy, decision_scores, gradient, penalty

__all__ = [
    "MAX_NEWTON_PARAMETERS",
    "NewtonStepper",
    "newton_problem",
    "newton_solve",
    "newton_step",
]

#: Largest number of parameters ``k·(d + 1)`` Newton's method is offered for. Its Hessian is
#: then 600 × 600 (2.9 MB) and its Cholesky factorisation takes a few milliseconds; what
#: grows is the cost of building the Hessian, about ``n·(k(d + 1))²`` multiply-adds a step:
#: with 600 parameters and 100,000 rows a step took 1.5 s (10 classes × 59 features) to
#: 3.2 s (2 classes, 599 features) on two cores, the time of hundreds of epochs of gradient
#: descent, and it grows with the square of the number of parameters.
MAX_NEWTON_PARAMETERS = 600

#: Armijo's constant: a step must lower the objective by at least this fraction of what the
#: linear model of the objective promises.
_ARMIJO = 1e-4
#: Halvings of the step before giving up (2⁻⁶⁰ ≈ 1e-18: below it nothing changes any more).
_MAX_HALVINGS = 60
#: Rows of the multiclass ``M`` matrix built at once (at most about 8 MB of float64).
_CHUNK_ENTRIES = 1 << 20


#: Newton's method is at the optimum, to rounding, once the gradient's norm, or a step's
#: relative decrease of the objective, is this small...
GRADIENT_TOL = 1e-10
#: ... or once a full step is taken from a point whose Newton decrement predicted a decrease
#: of at most this (relative): Newton converges quadratically, so the step leaves a gap of
#: the order of its square, far below rounding (one confirming step fewer).
DECREMENT_TOL = 1e-8


def newton_problem(n_features: int, n_classes: int, l1: float = 0.0) -> str | None:
    """Why Newton's method cannot be used for this many parameters or this penalty, or None
    when it can.

    Parameters
    ----------
    n_features : int
        Number of features d.
    n_classes : int
        Number of classes (2 or more).
    l1 : float, default=0.0
        Strength of an L1 part of the penalty (L1 or elastic net): its objective has no
        Hessian where a weight is 0, so Newton's method is refused.

    Returns
    -------
    str or None
        One plain sentence (and what to use instead) when ``l1 > 0`` or ``k·(d + 1)``
        exceeds :data:`MAX_NEWTON_PARAMETERS`, None otherwise.
    """
    if l1 > 0:
        return translate(
            "newton",
            "Newton's method needs a smooth objective and an L1 or elastic-net penalty has a "
            "kink at every zero weight: use gradient descent, momentum, Nesterov or Adam, "
            "which take the proximal step.",
        )
    k = 1 if n_classes == 2 else n_classes
    size = k * (n_features + 1)
    if size <= MAX_NEWTON_PARAMETERS:
        return None
    if k == 1 and n_features == 1:
        message = translate(
            "newton",
            "Newton's method solves a {size:,} × {size:,} system each step; it is offered up to "
            "{limit:,} parameters (here {features:,} feature, two classes). Use Adam or "
            "gradient descent.",
        )
    elif k == 1:
        message = translate(
            "newton",
            "Newton's method solves a {size:,} × {size:,} system each step; it is offered up to "
            "{limit:,} parameters (here {features:,} features, two classes). Use Adam or "
            "gradient descent.",
        )
    elif n_features == 1:
        message = translate(
            "newton",
            "Newton's method solves a {size:,} × {size:,} system each step; it is offered up to "
            "{limit:,} parameters (here {features:,} feature × {classes:,} classes). Use Adam "
            "or gradient descent.",
        )
    else:
        message = translate(
            "newton",
            "Newton's method solves a {size:,} × {size:,} system each step; it is offered up to "
            "{limit:,} parameters (here {features:,} features × {classes:,} classes). Use Adam "
            "or gradient descent.",
        )
    return message.format(
        size=size, limit=MAX_NEWTON_PARAMETERS, features=n_features, classes=n_classes
    )


# --------------------------------------------------------------------------------------
# The pieces of a step
# --------------------------------------------------------------------------------------


def _n_scores(n_classes: int) -> int:
    if n_classes < 2:
        raise ValueError(f"n_classes must be at least 2, got {n_classes}")
    return 1 if n_classes == 2 else n_classes


def _prepare(X, y, P, n_classes):
    """float64 copies (when needed) of X and P, checked against each other."""
    X = np.ascontiguousarray(X, dtype=np.float64)
    if X.ndim != 2 or X.shape[0] == 0:
        raise ValueError(f"X must be 2-D with at least one row, got shape {X.shape}")
    y = np.asarray(y)
    if y.shape != (X.shape[0],):
        raise ValueError(f"y must have shape ({X.shape[0]},), got {y.shape}")
    k = _n_scores(n_classes)
    P = np.array(P, dtype=np.float64)  # a copy: the caller's array is never changed
    if P.shape != (k, X.shape[1] + 1):
        raise ValueError(
            f"P must have shape ({k}, {X.shape[1] + 1}) for {X.shape[1]} features and "
            f"{n_classes} classes, got {P.shape}"
        )
    return X, y, P


def _weights(sample_weight, n):
    """float64 sample weights of length ``n`` (None stays None)."""
    if sample_weight is None:
        return None
    weights = np.asarray(sample_weight, dtype=np.float64)
    if weights.shape != (n,) or not np.all(np.isfinite(weights) & (weights > 0)):
        raise ValueError(f"sample_weight must be {n} finite numbers > 0, got shape {weights.shape}")
    return weights


def _augmented(X: np.ndarray) -> np.ndarray:
    """``[X, 1]``: the intercept is the weight of a constant feature."""
    A = np.empty((X.shape[0], X.shape[1] + 1))
    A[:, :-1] = X
    A[:, -1] = 1.0
    return A


def _evaluate(X, y, P, l2, sample_weight=None):
    """Scores and objective at P (the scores are kept for the next gradient)."""
    W, b = P[:, :-1], P[:, -1]
    scores = decision_scores(X, W, b)
    return scores, cross_entropy(scores, y, sample_weight) + penalty(W, l2)


def _hessian(A: np.ndarray, scores: np.ndarray, l2: float, sample_weight=None) -> np.ndarray:
    """The exact Hessian of J, in the order of ``P.ravel()`` (class by class, intercept last);
    with ``sample_weight``, of the weighted loss (each row's curvature times its weight).

    Where a probability is close to 1, ``1 − p`` is not computed as a difference (which would
    lose its digits) but as ``expit(-z)`` for two classes, and as the sum of the other
    probabilities for more: the curvature stays accurate, and positive, as the probabilities
    approach 0 and 1.
    """
    from scipy.special import expit, softmax

    n, m = A.shape
    k = scores.shape[1]

    def share(values):
        """Each row's part of the curvature: ``values`` (one per row) divided by n, and
        weighted by the row's weight."""
        return values / n if sample_weight is None else values * sample_weight / n

    if k == 1:
        z = scores[:, 0]
        # Aᵀ diag(w) A as Bᵀ B with B = A·√w: numpy's matmul sees the transposed pair and
        # computes only one triangle (BLAS syrk).
        B = A * np.sqrt(share(expit(z) * expit(-z)))[:, None]
        H = B.T @ B
    else:
        p = softmax(scores, axis=1)
        # Off-diagonal blocks: -Aᵀ diag(p_a p_b) A / n = -(Mᵀ M)_ab with M = [A·p_1, …, A·p_k],
        # built a slice of rows at a time so that memory stays O(n·k + (k·m)²).
        H = np.zeros((k * m, k * m))
        rows = max(1, _CHUNK_ENTRIES // (k * m))
        scale = 1.0 / np.sqrt(n)
        root = None if sample_weight is None else np.sqrt(sample_weight)
        for start in range(0, n, rows):
            Ac = A[start : start + rows]
            pc = p[start : start + rows] * scale
            if root is not None:
                pc = pc * root[start : start + rows, None]
            M = (pc[:, :, None] * Ac[:, None, :]).reshape(len(Ac), k * m)
            H -= M.T @ M
        # Diagonal blocks: Aᵀ diag(p_a (1 − p_a)) A / n, with 1 − p_a the sum of the other
        # probabilities where p_a is the largest (there 1 − p_a would lose its digits).
        q = 1.0 - p
        top = np.argmax(p, axis=1)
        every = np.arange(n)
        others = p.copy()
        others[every, top] = 0.0
        q[every, top] = others.sum(axis=1)
        for a in range(k):
            B = A * np.sqrt(share(p[:, a] * q[:, a]))[:, None]
            H[a * m : (a + 1) * m, a * m : (a + 1) * m] = B.T @ B
    if l2:
        weights = np.arange(k * m) % m != m - 1
        H[weights, weights] += l2
    return H


def _solve(H: np.ndarray, g: np.ndarray, k: int, m: int, l2: float) -> np.ndarray:
    """The Newton direction: the smallest ``D`` with ``H·D = −g``.

    Choice. The softmax Hessian is singular, exactly and knowingly, along ``N``: the
    directions that add the same vector to every class (for all m parameters when
    ``l2 = 0``, for the intercept alone otherwise). The gradient is orthogonal to ``N`` (its
    sum over the classes is zero there), so adding ``c·N Nᵀ`` (N orthonormal, any c > 0) to
    H changes nothing on the rest of the space and makes H invertible on ``N``, where the
    solution is 0: the system is then solved *exactly* by a Cholesky factorisation — the
    pseudo-inverse solution, at the price of a Cholesky, without a ridge that would bias the
    step. Other singularities depend on the data (a constant or duplicated feature, more
    features than rows, probabilities that reached 0 or 1): when the factorisation fails or
    its pivots say that H is numerically singular, the minimum-norm least-squares solution
    (``scipy.linalg.lstsq``, SVD) is used instead.
    """
    K = k * m
    if k > 1:
        # Project the gradient onto the orthogonal of N (it removes rounding errors only).
        G = g.reshape(k, m).copy()
        shared = slice(None) if l2 == 0 else slice(m - 1, m)
        G[:, shared] -= G[:, shared].mean(axis=0)
        g = G.ravel()
        diagonal = np.diag(H)
        c = float(diagonal.max()) if diagonal.max() > 0 else 1.0
        H = H.copy()
        # c·N Nᵀ: entry (a·m + j, b·m + j) gets c / k for every a, b and every shared j.
        for j in range(m)[shared]:
            H[j::m, j::m] += c / k
    try:
        factor = scipy.linalg.cho_factor(H, lower=False, check_finite=False)
    except np.linalg.LinAlgError:
        factor = None
    if factor is not None:
        pivots = np.abs(np.diag(factor[0])) ** 2
        # max/min of the pivots is a lower bound on the condition number of H.
        if pivots.min() > pivots.max() * K * np.finfo(float).eps:
            D = scipy.linalg.cho_solve(factor, -g, check_finite=False)
            if np.all(np.isfinite(D)):
                return D
    if not np.all(np.isfinite(H)):
        return np.zeros_like(g)
    D = scipy.linalg.lstsq(H, -g, check_finite=False)[0]
    return D if np.all(np.isfinite(D)) else np.zeros_like(g)


def _iterate(X, A, y, P, l2, scores, objective, sample_weight=None):
    """One Newton step from P, whose scores and objective are already known."""
    k, m = P.shape
    W = P[:, :-1]
    gW, gb = gradient(X, scores, y, W, l2, sample_weight)
    G = np.column_stack([gW, gb])
    g = G.ravel()
    details = dict(
        objective_before=objective,
        objective_after=objective,
        gradient=G,
        direction=np.zeros_like(P),
        step_size=0.0,
        gradient_norm=float(np.linalg.norm(g)),
        decrement=0.0,
    )
    if not np.any(g):
        return P, scores, objective, details
    D = _solve(_hessian(A, scores, l2, sample_weight), g, k, m, l2)
    details["direction"] = D.reshape(k, m)
    slope = float(g @ D)  # −gᵀ H⁺ g: negative unless D is 0
    # Half the Newton decrement, gᵀH⁻¹g / 2: the decrease a full step predicts, and an
    # estimate of how far P is above the optimum.
    details["decrement"] = max(-slope / 2, 0.0)
    if not slope < 0:
        return P, scores, objective, details
    step = 1.0
    for _ in range(_MAX_HALVINGS):
        trial = P + step * details["direction"]
        # A long step can push the scores past the range of floats; such a step is refused.
        with np.errstate(over="ignore", invalid="ignore"):
            trial_scores, value = _evaluate(X, y, trial, l2, sample_weight)
        if np.isfinite(value) and value <= objective + _ARMIJO * step * slope:
            if value < objective:
                details.update(objective_after=value, step_size=step)
                return trial, trial_scores, value, details
            break  # an equal value: at the optimum to machine precision
        step *= 0.5
    return P, scores, objective, details


# --------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------


def newton_step(
    X: np.ndarray, y: np.ndarray, P: np.ndarray, l2: float, n_classes: int, sample_weight=None
) -> tuple[np.ndarray, dict]:
    """One Newton iteration from P, with the exact Hessian and a backtracking line search.

    Parameters
    ----------
    X : ndarray of shape (n_samples, n_features), float32 or float64
    y : ndarray of shape (n_samples,)
        Class indices ``0 .. n_classes - 1``.
    P : ndarray of shape (k, n_features + 1)
        Weights ``P[:, :-1]`` and intercepts ``P[:, -1]``; ``k == 1`` for two classes,
        ``k == n_classes`` otherwise. Not modified.
    l2 : float
        Strength of the penalty ``(l2 / 2)·||W||²``.
    n_classes : int
    sample_weight : ndarray of shape (n_samples,) or None
        Weights of the samples (> 0): the loss is then ``(1/n)·Σ s_i·ℓ_i``.

    Returns
    -------
    P_new : ndarray of shape (k, n_features + 1), float64
        ``P + step_size · direction``; equal to P when no step lowers the objective.
    details : dict
        ``objective_before`` and ``objective_after`` (floats), ``gradient`` and
        ``direction`` (shaped like P; the direction is ``−H⁺ g``), ``step_size`` (the factor
        of the line search actually used: 1, 1/2, …, or 0 when P was kept) and
        ``gradient_norm`` (Euclidean norm of the gradient at P) and ``decrement`` (half the
        Newton decrement gᵀH⁻¹g at P: the decrease a full step predicts).
    """
    X, y, P = _prepare(X, y, P, n_classes)
    sample_weight = _weights(sample_weight, len(y))
    scores, objective = _evaluate(X, y, P, l2, sample_weight)
    P, _, _, details = _iterate(X, _augmented(X), y, P, l2, scores, objective, sample_weight)
    return P, details


class NewtonStepper:
    """Newton steps on fixed data, one per call, as a training loop takes them (one per
    epoch): the float64 copy of X, the augmented design and the scores of the accepted point
    are kept between calls, so a step costs one Hessian and the line search's evaluations.

    Parameters
    ----------
    X, y, n_classes, sample_weight : as for :func:`newton_step`
    P : the starting parameters (copied)
    l2 : float
    """

    def __init__(self, X, y, P, l2, n_classes, sample_weight=None):
        self.X, self.y, self.P = _prepare(X, y, P, n_classes)
        self.A = _augmented(self.X)
        self.l2 = float(l2)
        self.sample_weight = _weights(sample_weight, len(self.y))
        self.scores, self.objective = _evaluate(self.X, self.y, self.P, self.l2, self.sample_weight)

    def step(self) -> dict:
        """One step; ``P``, ``scores`` (of the training rows) and ``objective`` follow it.
        Returns the details of :func:`newton_step`."""
        self.P, self.scores, self.objective, details = _iterate(
            self.X,
            self.A,
            self.y,
            self.P,
            self.l2,
            self.scores,
            self.objective,
            self.sample_weight,
        )
        return details


def at_optimum(details: dict, tol: float = GRADIENT_TOL) -> bool:
    """True when the step described by ``details`` (of :func:`newton_step`) ended at the
    optimum to rounding: no step lowered the objective, the gradient vanished, the step
    lowered the objective by at most ``tol`` times its value, or a full step was taken where
    the Newton decrement promised a relative decrease of at most ``DECREMENT_TOL``."""
    decrease = details["objective_before"] - details["objective_after"]
    return (
        details["step_size"] == 0.0
        or details["gradient_norm"] <= tol
        or decrease <= tol * abs(details["objective_after"])
        or (
            details["step_size"] == 1.0
            and details["decrement"] <= DECREMENT_TOL * abs(details["objective_before"])
        )
    )


def newton_solve(
    X: np.ndarray,
    y: np.ndarray,
    P0: np.ndarray,
    l2: float,
    n_classes: int,
    *,
    tol: float = 1e-10,
    max_iter: int = 50,
    sample_weight=None,
) -> tuple[np.ndarray, int, float]:
    """Newton steps from P0 until the objective stops decreasing.

    Stops once a step ends at the optimum to rounding (:func:`at_optimum`, with ``tol``), or
    after ``max_iter`` steps. The float64 copy of X, the augmented design and the scores of the accepted point are reused
    from one step to the next.

    Parameters
    ----------
    X, y, l2, n_classes, sample_weight
        As for :func:`newton_step`.
    P0 : ndarray of shape (k, n_features + 1)
        Starting parameters (not modified).
    tol : float, default=1e-10
    max_iter : int, default=50

    Returns
    -------
    P : ndarray of shape (k, n_features + 1), float64
    n_iter : int
        Number of steps computed.
    objective : float
        The objective at P.
    """
    X, y, P = _prepare(X, y, P0, n_classes)
    sample_weight = _weights(sample_weight, len(y))
    A = _augmented(X)
    scores, objective = _evaluate(X, y, P, l2, sample_weight)
    n_iter = 0
    while n_iter < max_iter:
        P, scores, objective, details = _iterate(X, A, y, P, l2, scores, objective, sample_weight)
        n_iter += 1
        if at_optimum(details, tol):
            break
    return P, n_iter, objective
