"""Benchmark: the cost of one epoch of the training engine, side by side with its floors.

Run on demand, on one thread (the window's engine)::

    NUMBA_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 \\
        .venv/bin/python tests/benchmarks/bench_engine.py [seconds] [--quick] [--blas-threads N] [--sgd]

or on every core (``logreg-train``, the estimator with ``n_jobs=-1``), numpy's BLAS on every
core too::

    .venv/bin/python tests/benchmarks/bench_engine.py --n-jobs -1 [seconds] [--quick]

For each size (105×10, the seed's, up to 1e6×50) and number type (float64, float32), full
batch with a 30 % test set, it prints in one run:

* the epoch of ``TrainingRun.advance`` (the training pass with its gradient, the update and
  the test set's loss) as a multiple of one ``X_train @ w`` plus one ``X_test @ w`` (numpy,
  the same arrays): the floor of any epoch, one read of the data;
* the same epoch as a multiple of the three products it cannot do without: ``X_train @
  w``, the gradient's ``r @ X_train`` and ``X_test @ w`` (numpy). Where the products are
  bound by arithmetic rather than by reading memory (up to 1e5 rows), the gradient's
  product alone makes these 1.4–1.7× the two matvecs, so the first ratio cannot reach 1.5×
  there; this one says how far the epoch is from what numpy itself needs;
* the blog's own numpy loop (its gradient fixed: divided by the number of samples), which
  computes no test loss at all, as a multiple of the engine's epoch;
* float32's epoch as a multiple of float64's;
* with ``--sgd``, scikit-learn's ``SGDClassifier(loss="log_loss")``, one epoch per
  ``partial_fit``, as a multiple of the engine's epoch.

The three are measured in interleaved rounds (``seconds`` per size and type in all, 1 by
default); each ratio is the median of the rounds' ratios, with their range beside it. The
machine is shared: read the ratios, not the times. ``--quick`` leaves out the 1e6 rows;
``--blas-threads N`` limits numpy's BLAS (the matvecs and the blog loop) to N threads.
"""

import argparse
import os
import statistics
import time

# Idle threads wait without spinning: the rounds interleave the engine's threads (numba's
# OpenMP) and numpy's (OpenBLAS), and each pool's threads otherwise spin for a while after
# their work, taking the cores from the other's next measurement. Set before either starts.
os.environ.setdefault("OMP_WAIT_POLICY", "passive")
os.environ.setdefault("OPENBLAS_THREAD_TIMEOUT", "4")

import numpy as np

from logreg_gui.core.training.run import TrainingRun

SIZES = [
    (105, 10),
    (10_000, 10),
    (100_000, 10),
    (1_000_000, 10),
    (10_000, 50),
    (100_000, 50),
    (1_000_000, 50),
]
ROUNDS = 5


def data(n, d, dtype):
    rng = np.random.default_rng(0)
    X = rng.standard_normal((n, d)).astype(dtype)
    y = (X[:, 0] - X[:, 1] + rng.normal(size=n) > 0).astype(np.int64)
    split = int(0.7 * n)
    return X[:split].copy(), y[:split], X[split:].copy(), y[split:]


def per_call(fn, seconds):
    """Median seconds of one call of ``fn`` over repeated batches lasting ``seconds``."""
    samples = []
    began = time.perf_counter()
    while time.perf_counter() - began < seconds or len(samples) < 3:
        t = time.perf_counter()
        calls = 0
        while calls == 0 or time.perf_counter() - t < 0.01:
            fn()
            calls += 1
        samples.append((time.perf_counter() - t) / calls)
    return statistics.median(samples)


class Engine:
    """A full-batch run that never ends; ``epoch(seconds)`` is its seconds per epoch."""

    def __init__(self, X, y, Xt, yt, n_jobs=None):
        d = X.shape[1]
        self.run = TrainingRun(
            X, y, np.zeros((1, d)), np.zeros(1), learning_rate=0.01, epochs=10**9,
            X_test=Xt, y_test=yt, n_jobs=n_jobs,
        )  # fmt: skip
        self.run.advance(max_epochs=3)

    def epoch(self, seconds):
        samples = []
        began = time.perf_counter()
        while time.perf_counter() - began < seconds or len(samples) < 3:
            t = time.perf_counter()
            batch = self.run.advance(max_seconds=0.01)
            epochs = 0 if batch is None else len(batch)
            if epochs:
                samples.append((time.perf_counter() - t) / epochs)
        return statistics.median(samples)


def matvecs(X, Xt):
    w = np.full(X.shape[1], 0.01, dtype=X.dtype)
    return lambda: (X @ w, Xt @ w)


def products(X, Xt):
    """The three products of an epoch: the scores, the gradient and the test scores."""
    w = np.full(X.shape[1], 0.01, dtype=X.dtype)
    r = np.full(X.shape[0], 0.01, dtype=X.dtype)
    return lambda: (X @ w, r @ X, Xt @ w)


def blog_epoch(X, y):
    """The blog's loop, its gradient divided by the samples: forward, loss, gradient, update."""
    X = X.astype(np.float64)
    state = {"theta": np.full((1, X.shape[1]), 0.01), "bias": 0.0}
    yf = y.astype(float)

    def epoch():
        z = np.dot(state["theta"], X.T) + state["bias"]
        y_hat = 1 / (1 + np.exp(-z))
        loss = -yf * np.log(y_hat + 1e-8) - (1 - yf) * np.log(1 - y_hat + 1e-8)
        delta_theta = np.dot(y_hat - yf, X) / X.shape[0]
        delta_bias = np.mean(y_hat - yf)
        state["theta"] = state["theta"] - 0.01 * delta_theta
        state["bias"] = state["bias"] - 0.01 * delta_bias
        return np.mean(loss), np.mean(np.round(y_hat) == yf)

    return epoch


def sgd_epoch(X, y):
    import warnings

    from sklearn.linear_model import SGDClassifier

    model = SGDClassifier(loss="log_loss", learning_rate="constant", eta0=0.01, random_state=0)
    classes = np.unique(y)
    X = X.astype(np.float64)

    def epoch():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            model.partial_fit(X, y, classes=classes)

    return epoch


def ratio(values):
    """'median (min–max)' of a list of ratios."""
    return f"{statistics.median(values):5.2f} ({min(values):.2f}–{max(values):.2f})"


def measure(n, d, dtype, seconds, with_sgd, n_jobs=None):
    """Seconds per epoch, and the rounds' ratios, of one size and type."""
    X, y, Xt, yt = data(n, d, dtype)
    engine = Engine(X, y, Xt, yt, n_jobs)
    others = {"matvecs": matvecs(X, Xt), "products": products(X, Xt), "blog": blog_epoch(X, y)}
    if with_sgd:
        others["sgd"] = sgd_epoch(X, y)
    for fn in others.values():
        fn()
    share = seconds / ROUNDS / (1 + len(others))
    epochs, ratios = [], {name: [] for name in others}
    for _ in range(ROUNDS):
        epoch = engine.epoch(share)
        epochs.append(epoch)
        for name, fn in others.items():
            ratios[name].append(per_call(fn, share) / epoch)
    return statistics.median(epochs), ratios


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("seconds", nargs="?", type=float, default=1.0)
    parser.add_argument("--quick", action="store_true", help="leave out the 1e6-row sizes")
    parser.add_argument("--blas-threads", type=int, default=None, help="numpy's BLAS threads")
    parser.add_argument("--sgd", action="store_true", help="also scikit-learn's SGDClassifier")
    parser.add_argument("--n-jobs", type=int, default=None, help="the engine's n_jobs")
    args = parser.parse_args()
    sizes = [s for s in SIZES if not (args.quick and s[0] >= 1_000_000)]
    if args.blas_threads is not None:
        from threadpoolctl import threadpool_limits

        threadpool_limits(args.blas_threads)
    from threadpoolctl import threadpool_info

    from logreg_gui.core.training.run import threads_of

    blas = [p["num_threads"] for p in threadpool_info() if p.get("user_api") == "blas"]
    print(
        f"engine: {threads_of(args.n_jobs)} thread(s) (n_jobs={args.n_jobs}); "
        f"numpy's BLAS: {blas[0] if blas else '?'} thread(s)",
        flush=True,
    )
    header = (
        f"{'size':>13s} {'type':>7s} {'epoch':>10s} {'epoch ÷ 2 matvecs':>20s} "
        f"{'epoch ÷ 3 products':>20s} {'blog loop ÷ epoch':>20s} {'f32 ÷ f64':>9s}"
    )
    print(header + (f" {'SGDClassifier ÷ epoch':>22s}" if args.sgd else ""), flush=True)
    for n, d in sizes:
        per_type = {}
        for dtype in (np.float64, np.float32):
            epoch, ratios = measure(n, d, dtype, args.seconds, args.sgd, args.n_jobs)
            per_type[dtype] = epoch
            versus = "" if dtype is np.float64 else f"{epoch / per_type[np.float64]:.2f}"
            line = (
                f"{n:>9,}×{d:<3d} {np.dtype(dtype).name:>7s} {epoch * 1e6:>8.1f}µs "
                f"{ratio([1 / r for r in ratios['matvecs']]):>20s} "
                f"{ratio([1 / r for r in ratios['products']]):>20s} "
                f"{ratio(ratios['blog']):>20s} {versus:>9s}"
            )
            if args.sgd:
                line += f" {ratio(ratios['sgd']):>22s}"
            print(line, flush=True)


if __name__ == "__main__":
    main()
