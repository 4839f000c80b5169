"""Benchmark: the epoch of the training engine with each penalty (none, L2, L1, elastic net).

Run on demand:  .venv/bin/python tests/benchmarks/bench_penalty.py [seconds per measurement]

For each size (105×10, the seed's; 1e4×50; 1e5×50), full batch (30 % test set) and, for
1e4×50, mini-batches of 32 with momentum, it prints the microseconds of one epoch of
``TrainingRun.advance`` with no penalty, L2 (1e-2), L1 (1e-2) and elastic net (5e-3 each),
and L2 with class weights (1 and 3): the proximal step of L1 and the weighted rows must leave
the no-penalty and L2 epochs as fast as they were.
Penalties are measured interleaved, median of rounds; the machine is shared, read ratios.
"""

import inspect
import statistics
import sys
import time

import numpy as np

from logreg_gui.core.training.run import TrainingRun

CASES = [((105, 10), None, "gd"), ((10_000, 50), None, "gd"), ((100_000, 50), None, "gd"),
         ((10_000, 50), 32, "momentum")]  # fmt: skip
PENALTIES = {"none": {"l2": 0.0}, "l2": {"l2": 1e-2}, "l1": {"l1": 1e-2},
             "elasticnet": {"l2": 5e-3, "l1": 5e-3},
             "l2+weights": {"l2": 1e-2, "class_weights": np.array([1.0, 3.0])}}  # fmt: skip


def data(n, d):
    rng = np.random.default_rng(0)
    X = rng.standard_normal((n, d))
    y = (X[:, 0] - X[:, 1] + rng.normal(size=n) > 0).astype(np.int64)
    split = int(0.7 * n)
    return X[:split].copy(), y[:split], X[split:].copy(), y[split:]


def epoch_seconds(run, seconds):
    epochs, began = 0, time.perf_counter()
    while time.perf_counter() - began < seconds:
        batch = run.advance(max_seconds=0.05)
        epochs += 0 if batch is None else len(batch)
    return (time.perf_counter() - began) / max(epochs, 1)


def main():
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 0.5
    known = inspect.signature(TrainingRun).parameters
    names = [name for name, kw in PENALTIES.items() if set(kw) <= set(known)]
    print(f"{'size':>11s} {'batch':>6s} {'solver':>9s} " + "".join(f"{n:>12s}" for n in names))
    for (n, d), batch, solver in CASES:
        X, y, Xt, yt = data(n, d)
        runs = {}
        for name in names:
            runs[name] = TrainingRun(
                X, y, np.zeros((1, d)), np.zeros(1), learning_rate=0.01, epochs=10**9,
                batch_size=batch, solver=solver, X_test=Xt, y_test=yt,
                rng=np.random.default_rng(0), **PENALTIES[name],
            )  # fmt: skip
            runs[name].advance(max_epochs=3)
        times = {name: [] for name in names}
        for _ in range(5):
            for name in names:
                times[name].append(epoch_seconds(runs[name], seconds / 5))
        cells = "".join(f"{statistics.median(times[n]) * 1e6:>10.1f}µs" for n in names)
        print(f"{n:>7,}×{d:<3d} {batch or 'full'!s:>6s} {solver:>9s} {cells}")


if __name__ == "__main__":
    main()
