"""Benchmark: Newton's method against scikit-learn's newton-cholesky solver.

Run on demand:  .venv/bin/python tests/benchmarks/bench_newton.py [repeats]

On breast cancer (569 × 30, standardised, l2 = 1e-3, the objective ``mean cross-entropy +
(l2/2)·||W||²`` with ``C = 1 / (l2·n)`` in scikit-learn's terms) it prints, best of
``repeats`` (default 30) interleaved runs in one process:

(a) ``newton_solve`` from zeros, with its default tolerance, checked to end within 1e-8
    (relative) of the optimum; the optimum is scikit-learn's lbfgs at ``tol=1e-12``;
(b) ``LogisticRegression(solver="newton-cholesky", C=1/(l2·n)).fit`` on the same float64
    array (its own default tolerance, 1e-4; its distance to the optimum is printed too);

(c) the estimator the window and ``logreg-train`` use,
    ``LogisticRegressionGD(solver="newton").fit``, which also records the loss and accuracy
    of every step;

then a / b and c / b (the target is at most 1.0) and the number of Newton steps. All include
their own checks of the input. The machine is shared: read the ratios, not the times.
"""

import sys
import time

import numpy as np
from sklearn.datasets import load_breast_cancer
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

from logreg_gui.core import LogisticRegressionGD
from logreg_gui.core.model.objective import cross_entropy, decision_scores, penalty
from logreg_gui.core.training.newton import newton_solve

L2 = 1e-3


def objective(X, y, coef, intercept, l2):
    return cross_entropy(decision_scores(X, coef, intercept), y) + penalty(coef, l2)


def timed(fn):
    """Wall time of one call of ``fn`` and its result."""
    began = time.perf_counter()
    result = fn()
    return time.perf_counter() - began, result


def main():
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    X, y = load_breast_cancer(return_X_y=True)
    X = np.ascontiguousarray(StandardScaler().fit_transform(X))
    y = y.astype(np.int64)
    n, d = X.shape
    C = 1 / (L2 * n)
    ref = LogisticRegression(C=C, tol=1e-12, max_iter=10_000).fit(X, y)
    optimum = objective(X, y, ref.coef_, ref.intercept_, L2)
    P0 = np.zeros((1, d + 1))

    def ours():
        return newton_solve(X, y, P0, L2, 2)

    def sklearns():
        return LogisticRegression(solver="newton-cholesky", C=C).fit(X, y)

    def estimator():
        return LogisticRegressionGD(
            solver="newton", penalty="l2", alpha=L2, epochs=50, init="zeros"
        ).fit(X, y)

    ours(), sklearns(), estimator()  # imports and first calls out of the way
    t_ours, t_sk, t_est = np.inf, np.inf, np.inf
    for _ in range(repeats):  # interleaved, so that all see the same machine
        t, (_, n_iter, value) = timed(ours)
        t_ours = min(t_ours, t)
        t, model = timed(sklearns)
        t_sk = min(t_sk, t)
        t, fitted = timed(estimator)
        t_est = min(t_est, t)
    gap_est = (objective(X, y, fitted.coef_, fitted.intercept_, L2) - optimum) / optimum
    gap = (value - optimum) / optimum
    gap_sk = (objective(X, y, model.coef_, model.intercept_, L2) - optimum) / optimum
    if gap > 1e-8:
        raise SystemExit(f"newton_solve stopped {gap:.1e} above the optimum")
    print(f"breast cancer {n} × {d}, l2 = {L2:g}, best of {repeats}")
    print(
        f"(a) newton_solve:                 {t_ours * 1e3:7.3f} ms, {n_iter} steps, gap {gap:+.1e}"
    )
    print(
        f"(b) sklearn newton-cholesky fit:  {t_sk * 1e3:7.3f} ms, "
        f"{int(model.n_iter_[0])} steps, gap {gap_sk:+.1e}"
    )
    print(
        f"(c) LogisticRegressionGD newton:  {t_est * 1e3:7.3f} ms, {fitted.n_iter_} steps, "
        f"gap {gap_est:+.1e}"
    )
    print(f"a / b = {t_ours / t_sk:.2f}   c / b = {t_est / t_sk:.2f}")


if __name__ == "__main__":
    main()
