"""How curved the objective is: the bound on its curvature that holds everywhere, and its
exact largest curvature at given weights — the two figures a learning rate is judged by.

Gradient descent with rate η on ``J = mean cross-entropy + (l2/2)·||W||²`` multiplies an
error along a direction of curvature λ by ``1 − ηλ``: it settles only if ``η < 2/λ`` for the
largest λ met. On the design ``A = [X, 1]`` (the intercept is the weight of a constant
feature) with ``m`` rows:

* two classes: ``H = Aᵀ diag(p(1 − p)) A / m``; since ``p(1 − p) ≤ 1/4`` everywhere,
  ``λ_max(H) ≤ λ_max(AᵀA)/(4m)``;
* k classes (softmax): block ``(a, b)`` of H is ``Aᵀ diag(p_a(δ_ab − p_b)) A / m``, and
  ``H ≤ ½ (I − 11ᵀ/k) ⊗ AᵀA/m`` (Böhning, 1992), so ``λ_max(H) ≤ λ_max(AᵀA)/(2m)``;

plus ``l2`` along the weights (not the intercepts). The bound ``L`` makes ``2/L`` a rate at
which every step lowers the objective, from any start; the largest eigenvalue of the true
Hessian at the optimum makes ``2/λ_max`` the exact limit of a rate that can settle there.
With sample weights ``s`` (class weights) the loss is ``(1/m)·Σ s_i·ℓ_i``: ``AᵀA`` becomes
``Aᵀ diag(s) A`` and each row's curvature is multiplied by its weight.
Everything works in float64, whatever the type of ``X``.
"""

from __future__ import annotations

import math

import numpy as np

__all__ = [
    "design_gram",
    "hessian_largest_eigenvalue",
    "hessian_product",
    "lipschitz_constant",
    "round_down_125",
    "suggested_rate",
]

#: Rows converted to float64 at once when X is float32 (about 8 MB of float64 per slice).
_CHUNK_ENTRIES = 1 << 20
#: Largest Gram matrix ``AᵀA`` built for its eigenvalues (``m`` rows, side ``d + 1``,
#: about ``m·(d + 1)²`` multiply-adds): beyond either bound its largest eigenvalue comes from
#: Lanczos iterations instead, each two passes over X.
MAX_DENSE_SIDE = 2_000
MAX_DENSE_GRAM_WORK = 20_000_000_000
#: Up to this many multiply-adds ``m·p²`` (p parameters) the Hessian is built whole and its
#: eigenvalues computed exactly; beyond it, Lanczos iterations on Hessian-vector products
#: (each ``O(m·p)``) find the largest one without ever forming the matrix.
MAX_DENSE_HESSIAN_WORK = 50_000_000
#: Features larger than this (in absolute value) are scaled down before their squares are
#: summed, which would overflow.
_SCALE_ABOVE = 1e100


def _float64(X) -> np.ndarray:
    return np.ascontiguousarray(X, dtype=np.float64)


def design_gram(X, sample_weight=None) -> np.ndarray:
    """``AᵀA`` for the design ``A = [X, 1]``, float64, shape (d + 1, d + 1); with
    ``sample_weight`` (one per row), ``Aᵀ diag(s) A``.

    Built from ``XᵀX``, the column sums and the row count, so that no augmented copy of X
    is made; float32 data are converted a slice of rows at a time.
    """
    X = np.asarray(X)
    m, d = X.shape
    G = np.empty((d + 1, d + 1))
    if sample_weight is not None:
        s = np.asarray(sample_weight, dtype=np.float64)
        G[:d, :d] = 0.0
        sums = np.zeros(d)
        rows = max(1, _CHUNK_ENTRIES // max(d, 1))
        for start in range(0, m, rows):
            chunk = X[start : start + rows].astype(np.float64)
            weights = s[start : start + rows]
            G[:d, :d] += (chunk * weights[:, None]).T @ chunk
            sums += weights @ chunk
        G[:d, d] = G[d, :d] = sums
        G[d, d] = s.sum()
        return G
    if X.dtype == np.float64:
        G[:d, :d] = X.T @ X
        sums = X.sum(axis=0)
    else:
        G[:d, :d] = 0.0
        sums = np.zeros(d)
        rows = max(1, _CHUNK_ENTRIES // max(d, 1))
        for start in range(0, m, rows):
            chunk = X[start : start + rows].astype(np.float64)
            G[:d, :d] += chunk.T @ chunk
            sums += chunk.sum(axis=0)
    G[:d, d] = G[d, :d] = sums
    G[d, d] = m
    return G


def _largest_gram_eigenvalue(X, sample_weight=None) -> float:
    """``λ_max(AᵀA)`` for ``A = [X, 1]`` (``λ_max(Aᵀ diag(s) A)`` with sample weights):
    exactly from the Gram matrix while it is cheap to build, by Lanczos iterations on
    ``v ↦ Aᵀ(Av)`` (two passes over X each) otherwise."""
    X = np.asarray(X)
    largest = float(max(X.max(initial=0.0), -X.min(initial=0.0)))
    if not np.isfinite(largest):
        return np.nan
    if largest > _SCALE_ABOVE:
        # Squares of such features overflow: λ_max of [X, 1] is s² times that of
        # [X/s, 1/s]. A rare case (features far from standardised): a scaled copy will do.
        scaled = _largest_gram_eigenvalue_scaled(X / largest, 1.0 / largest, sample_weight)
        with np.errstate(over="ignore"):
            return float(np.float64(largest) ** 2 * scaled)
    return _largest_gram_eigenvalue_scaled(X, 1.0, sample_weight)


def _largest_gram_eigenvalue_scaled(X, one, sample_weight=None):
    """``λ_max(AᵀA)`` for ``A = [X, one]`` (a constant column of value ``one``), or of
    ``Aᵀ diag(s) A``."""
    m, d = X.shape
    if d + 1 <= MAX_DENSE_SIDE and m * (d + 1) ** 2 <= MAX_DENSE_GRAM_WORK:
        G = design_gram(X, sample_weight)
        G[:d, d] *= one
        G[d, :d] *= one
        G[d, d] *= one * one
        return float(np.linalg.eigvalsh(G)[-1])
    from scipy.sparse.linalg import LinearOperator, eigsh

    rows = m if X.dtype == np.float64 else max(1, _CHUNK_ENTRIES // max(d, 1))
    s = None if sample_weight is None else np.asarray(sample_weight, dtype=np.float64)

    def matvec(v):
        v = np.asarray(v, dtype=np.float64).ravel()
        out = np.zeros(d + 1)
        for start in range(0, m, rows):
            chunk = np.asarray(X[start : start + rows], dtype=np.float64)
            a = chunk @ v[:-1] + one * v[-1]
            if s is not None:
                a = a * s[start : start + rows]
            out[:-1] += a @ chunk
            out[-1] += one * a.sum()
        return out

    operator = LinearOperator((d + 1, d + 1), matvec=matvec, dtype=np.float64)
    start = np.random.default_rng(0).standard_normal(d + 1)
    return float(eigsh(operator, k=1, which="LA", tol=1e-10, v0=start)[0][0])


def lipschitz_constant(X, n_classes: int, l2: float = 0.0, sample_weight=None) -> float:
    """A bound ``L`` on the curvature of the objective everywhere (the Lipschitz constant of
    its gradient): ``λ_max(AᵀA)/(4m) + l2`` for two classes, ``λ_max(AᵀA)/(2m) + l2`` for a
    softmax (Böhning's bound), ``A = [X, 1]`` with ``m`` rows.

    Parameters
    ----------
    X : ndarray of shape (m, d)
    n_classes : int, 2 or more
    l2 : float, the strength of the penalty ``(l2/2)·||W||²``
    sample_weight : ndarray of shape (m,) or None
        Weights of the rows (class weights): ``AᵀA`` is then ``Aᵀ diag(s) A``.

    Returns
    -------
    float
    """
    if n_classes < 2:
        raise ValueError(f"n_classes must be at least 2, got {n_classes}")
    m = np.asarray(X).shape[0]
    top = _largest_gram_eigenvalue(X, sample_weight)
    return top / ((4.0 if n_classes == 2 else 2.0) * m) + float(l2)


def _curvature_weights(X, coef, intercept, sample_weight=None):
    """What the Hessian needs of the weights: for two classes ``p(1 − p)`` per row (computed
    as ``expit(z)·expit(−z)``, exact as p nears 0 or 1; times the row's weight), for more
    the probabilities (the rows' weights are applied by :func:`_apply`)."""
    from scipy.special import expit, softmax

    scores = X @ np.asarray(coef, dtype=np.float64).T + np.asarray(intercept, dtype=np.float64)
    if scores.shape[1] == 1:
        curvature = expit(scores[:, 0]) * expit(-scores[:, 0])
        return curvature if sample_weight is None else curvature * sample_weight
    return softmax(scores, axis=1)


def _apply(X, weights, l2, V, sample_weight=None):
    """``H·V`` for directions ``V`` of shape (r, k, d + 1) (weights, then the intercept)."""
    m = X.shape[0]
    Z = V[:, :, :-1] @ X.T + V[:, :, -1:]  # (r, k, m): each direction's change of the scores
    if weights.ndim == 1:
        R = weights * Z
    else:
        p = weights.T  # (k, m)
        R = p * (Z - (p * Z).sum(axis=1, keepdims=True))
        if sample_weight is not None:
            R = R * sample_weight
    out = np.empty_like(V)
    out[:, :, :-1] = R @ X / m
    out[:, :, -1] = R.sum(axis=2) / m
    if l2:
        out[:, :, :-1] += l2 * V[:, :, :-1]
    return out


def hessian_product(X, coef, intercept, l2: float = 0.0, sample_weight=None):
    """The Hessian of the objective at ``(coef, intercept)`` as a function ``v ↦ H·v``.

    ``v`` has the layout of the parameters flattened class by class, intercept last:
    ``np.column_stack([coef, intercept]).ravel()``, length ``k·(d + 1)``. Each product costs
    two passes over X; the cross-entropy's Hessian does not depend on the labels (with
    ``sample_weight``, the rows' weights, it does through them).
    """
    X = _float64(X)
    k = np.asarray(coef).shape[0]
    weights = _curvature_weights(X, coef, intercept, sample_weight)
    shape = (1, k, X.shape[1] + 1)

    def product(v):
        V = np.asarray(v, dtype=np.float64).reshape(shape)
        return _apply(X, weights, float(l2), V, sample_weight).ravel()

    return product


def hessian_largest_eigenvalue(X, coef, intercept, l2: float = 0.0, sample_weight=None) -> float:
    """The largest eigenvalue of the objective's Hessian at ``(coef, intercept)`` (with
    ``sample_weight``, of the weighted objective's).

    Small problems build the Hessian (``m·p²`` multiply-adds for ``p = k(d + 1)``
    parameters) and take its eigenvalues exactly; larger ones run Lanczos iterations
    (scipy's ``eigsh``) on Hessian-vector products, a few tens of passes over X, converged
    to about 1e-10 relative.
    """
    X = _float64(X)
    m, d = X.shape
    k = np.asarray(coef).shape[0]
    p = k * (d + 1)
    weights = _curvature_weights(X, coef, intercept, sample_weight)
    if p <= 3 or m * p * p <= MAX_DENSE_HESSIAN_WORK:
        H = np.empty((p, p))
        block = max(1, _CHUNK_ENTRIES // max(m * k, 1))
        eye = np.eye(p).reshape(p, k, d + 1)
        for start in range(0, p, block):
            H[start : start + block] = _apply(
                X, weights, l2, eye[start : start + block], sample_weight
            ).reshape(-1, p)
        return float(np.linalg.eigvalsh(0.5 * (H + H.T))[-1])
    from scipy.sparse.linalg import LinearOperator, eigsh

    def matvec(v):
        V = np.asarray(v, dtype=np.float64).reshape(1, k, d + 1)
        return _apply(X, weights, l2, V, sample_weight).ravel()

    operator = LinearOperator((p, p), matvec=matvec, dtype=np.float64)
    start = np.random.default_rng(0).standard_normal(p)
    return float(eigsh(operator, k=1, which="LA", tol=1e-10, v0=start)[0][0])


def round_down_125(value: float) -> float:
    """The largest number of the 1-2-5 series (…, 0.1, 0.2, 0.5, 1, 2, 5, 10, …) that is at
    most ``value`` (> 0): a rate a person can type and remember."""
    if not value > 0 or not math.isfinite(value):
        raise ValueError(f"value must be a positive finite number, got {value!r}")
    exponent = math.floor(math.log10(value))
    for mantissa in (5, 2, 1):
        candidate = float(f"{mantissa}e{exponent}")
        if candidate <= value:
            return candidate
    return float(f"5e{exponent - 1}")  # log10 rounded up past value's decade


def suggested_rate(X, n_classes: int, l2: float = 0.0, sample_weight=None) -> float | None:
    """A learning rate at which plain (full-batch) gradient descent settles from any start:
    ``1/L`` (:func:`lipschitz_constant`) rounded down to the 1-2-5 series; None when the
    features are too large for any rate to be written (``1/L`` below the smallest float).

    At ``η ≤ 1/L`` every step lowers the objective by at least ``(η/2)·||gradient||²``, a
    margin of a factor two below the rate ``2/L`` where that guarantee ends; heavy-ball and
    Nesterov momentum (whose limits on a quadratic are ``2(1 + β)/L`` and at least ``4/(3L)``)
    settle there too. ``sample_weight``: the rows' weights (class weights), whose objective's
    curvature is judged.
    """
    with np.errstate(over="ignore"):
        rate = 1.0 / lipschitz_constant(X, n_classes, l2, sample_weight)
    if not (rate >= np.finfo(float).tiny and math.isfinite(rate)):
        return None
    return round_down_125(rate)
