"""Benchmark: the complexity curve against the degree, and what scikit-learn takes for it.

Run on demand:  .venv/bin/python tests/benchmarks/bench_complexity.py [repeats]

On 200 noisy moons read from a CSV file (140 training rows; degrees 1–10 make 2 to 65
features) and on the seed's make_classification data (105 training rows × 10 columns;
degrees 1–4 make 10 to 1,000 features, where the curve stops), at L2 = 1e-4, it prints,
best of ``repeats`` (default 5) interleaved runs in one process:

(a) ``degree_curve``: each degree's data made by ``prepare_data``, then the exact optimum
    (L-BFGS to a gradient of 1e-9) and the four losses and accuracies;
(b) the same data made by ``prepare_data``, then
    ``LogisticRegression(C=1/(l2·n), solver="lbfgs", tol=1e-9, max_iter=10_000).fit``
    at each degree;

and a / b. The machine is shared: read the ratio, not the times.
"""

import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.datasets import make_moons
from sklearn.linear_model import LogisticRegression

from logreg_gui.core.analysis.complexity import degree_curve
from logreg_gui.core.data.settings import FILE, DataSettings, prepare_data

L2 = 1e-4


def sklearn_curve(settings, degrees):
    for d in degrees:
        split = prepare_data(replace(settings, feature_map=replace(settings.feature_map, degree=d)))
        LogisticRegression(
            C=1 / (L2 * len(split.y_train)), solver="lbfgs", tol=1e-9, max_iter=10_000
        ).fit(split.X_train, split.y_train)


def main(repeats):
    folder = Path(tempfile.mkdtemp())
    X, y = make_moons(200, noise=0.3, random_state=0)
    path = folder / "moons.csv"
    pd.DataFrame({"x1": X[:, 0], "x2": X[:, 1], "label": y}).to_csv(path, index=False)
    cases = {
        "200 moons, degrees 1-10": (
            DataSettings(source=FILE, path=str(path), target="label"),
            range(1, 11),
        ),
        "seed's 150 x 10, degrees 1-4": (DataSettings(), range(1, 5)),
    }
    degree_curve(DataSettings(), L2, degrees=[1])  # the compiled kernel, loaded once
    for name, (settings, degrees) in cases.items():
        ours, theirs = [], []
        for _ in range(repeats):
            began = time.perf_counter()
            degree_curve(settings, L2)
            ours.append(time.perf_counter() - began)
            began = time.perf_counter()
            sklearn_curve(settings, degrees)
            theirs.append(time.perf_counter() - began)
        a, b = np.min(ours), np.min(theirs)
        print(f"{name}: degree_curve {a:.3f} s, scikit-learn {b:.3f} s, ratio {a / b:.2f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
