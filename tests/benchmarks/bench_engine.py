"""Benchmark: the cost of one epoch of the training engine, side by side with its floors.

Run on demand:  .venv/bin/python tests/benchmarks/bench_engine.py [seconds per measurement]

For each size (105×10, the seed's; 1e4×50; 1e5×50; 1e6×50) and number type (float64,
float32), full batch with a 30 % test set, it prints in one run:

* the epoch of ``TrainingRun.advance`` as a multiple of one ``X_train @ w`` plus one
  ``X_test @ w`` (numpy, the same arrays);
* the same epoch against the blog's own numpy loop (its gradient fixed: divided by the number
  of samples), which computes no test loss at all;
* against scikit-learn's ``SGDClassifier(loss="log_loss")``, one epoch per ``partial_fit``;
* float32 against float64.

Times are medians of interleaved repeats; the machine is shared, read the ratios.
"""

import statistics
import sys
import time

import numpy as np

from logreg_gui.core.training.run import TrainingRun

SIZES = [(105, 10), (10_000, 50), (100_000, 50), (1_000_000, 50)]


def data(n, d, dtype):
    rng = np.random.default_rng(0)
    X = rng.standard_normal((n, d)).astype(dtype)
    y = (X[:, 0] - X[:, 1] + rng.normal(size=n) > 0).astype(np.int64)
    split = int(0.7 * n)
    return X[:split].copy(), y[:split], X[split:].copy(), y[split:]


def per_call(fn, seconds):
    """Median seconds of one call of ``fn`` over repeated batches lasting ``seconds``."""
    fn()
    samples = []
    began = time.perf_counter()
    while time.perf_counter() - began < seconds or len(samples) < 5:
        t = time.perf_counter()
        calls = 0
        while calls == 0 or time.perf_counter() - t < 0.02:
            fn()
            calls += 1
        samples.append((time.perf_counter() - t) / calls)
    return statistics.median(samples)


def engine_epoch(X, y, Xt, yt, seconds):
    d = X.shape[1]
    run = TrainingRun(
        X, y, np.zeros((1, d)), np.zeros(1), learning_rate=0.01, epochs=10**9,
        X_test=Xt, y_test=yt,
    )  # fmt: skip
    run.advance(max_epochs=3)
    epochs = [0]

    def advance():
        batch = run.advance(max_seconds=0.05)
        epochs[0] += 0 if batch is None else len(batch)
        return batch

    began = time.perf_counter()
    while time.perf_counter() - began < seconds:
        advance()
    return (time.perf_counter() - began) / max(epochs[0], 1)


def matvecs(X, Xt, seconds):
    w = np.full(X.shape[1], 0.01, dtype=X.dtype)
    return per_call(lambda: (X @ w, Xt @ w), seconds)


def blog_epoch(X, y, seconds):
    """The blog's loop, its gradient divided by the samples: forward, loss, gradient, update."""
    X = X.astype(np.float64)
    theta = np.full((1, X.shape[1]), 0.01)
    state = {"theta": theta, "bias": 0.0}
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

    return per_call(epoch, seconds)


def sgd_epoch(X, y, seconds):
    import warnings

    from sklearn.linear_model import SGDClassifier

    model = SGDClassifier(loss="log_loss", learning_rate="constant", eta0=0.01, random_state=0)
    classes = np.unique(y)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return per_call(lambda: model.partial_fit(X, y, classes=classes), seconds)


def main():
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
    print(
        f"{'size':>11s} {'type':>7s} {'epoch':>10s} {'÷ 2 matvecs':>12s} {'blog loop ÷ epoch':>18s} "
        f"{'SGDClassifier ÷ epoch':>22s} {'float32 ÷ float64':>18s}"
    )
    for n, d in SIZES:
        per_type = {}
        for dtype in (np.float64, np.float32):
            X, y, Xt, yt = data(n, d, dtype)
            epoch = engine_epoch(X, y, Xt, yt, seconds)
            floor = matvecs(X, Xt, seconds)
            blog = blog_epoch(X, y, seconds)
            sgd = sgd_epoch(X.astype(np.float64), y, seconds)
            per_type[dtype] = epoch
            versus = "" if dtype is np.float64 else f"{epoch / per_type[np.float64]:.2f}"
            print(
                f"{n:>7,}×{d:<3d} {np.dtype(dtype).name:>7s} {epoch * 1e6:>8.1f}µs "
                f"{epoch / floor:>12.2f} {blog / epoch:>18.1f} {sgd / epoch:>22.1f} {versus:>18s}"
            )


if __name__ == "__main__":
    main()
