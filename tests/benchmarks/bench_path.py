"""Benchmark: the regularisation path of 50 strengths on breast cancer, against scikit-learn
fitting the same 50 strengths with warm starts (LogisticRegression(warm_start=True); lbfgs
for L2, saga for L1, tol 1e-6 — the same closeness to the optimum as ours, 1e-5 in the
weights). Target: at most 1× scikit-learn's time.

Run on demand:  .venv/bin/python tests/benchmarks/bench_path.py
"""

import time
import warnings

import numpy as np
from sklearn.linear_model import LogisticRegression

from logreg_gui.core import DataSettings, prepare_data
from logreg_gui.core.analysis.path import alpha_grid, regularization_path


def sklearn_path(X, y, kind, alphas):
    solver = "lbfgs" if kind == "l2" else "saga"
    extra = {} if kind == "l2" else {"l1_ratio": 1.0}
    model = LogisticRegression(solver=solver, warm_start=True, tol=1e-6, max_iter=100_000,
                               **extra)  # fmt: skip
    coefs = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for alpha in alphas:
            model.set_params(C=1 / (alpha * len(y)))
            model.fit(X, y)
            coefs.append(model.coef_.copy())
    return np.array(coefs)


def main():
    split = prepare_data(DataSettings(source="breast_cancer"))
    X, y = split.X_train, np.searchsorted(split.classes, split.y_train)
    regularization_path(X, y, 2, "l2", alphas=[1.0])  # compile the kernel first
    for kind in ("l2", "l1"):
        alphas = alpha_grid(X, y, 2, kind, points=50)
        began = time.perf_counter()
        ours = regularization_path(X, y, 2, kind, alphas=alphas)
        mine = time.perf_counter() - began
        began = time.perf_counter()
        theirs = sklearn_path(X, y, kind, ours.alphas)
        reference = time.perf_counter() - began
        gap = float(np.max(np.abs(ours.coefs - theirs)))
        print(
            f"{kind}: ours {mine:.2f} s, scikit-learn {reference:.2f} s, ratio "
            f"{mine / reference:.3g}; largest weight difference {gap:.1e}"
        )


if __name__ == "__main__":
    main()
