"""The compiled kernels against the readable numpy reference (objective.py), in float64 and
float32, binary and softmax, with L2, L1 and elastic net, mini-batches and every solver."""

import threading

import numpy as np
import pytest
from sklearn.datasets import make_classification

from logreg_gui.core.training import kernels as K
from logreg_gui.core.training.records import RecordBatch
from logreg_gui.core.training.run import TrainingRun

from .reference import reference_run

TOLERANCE = {np.float64: 1e-12, np.float32: 1e-5}


def problem(n_classes, dtype, n=150, d=6, seed=1):
    X, y = make_classification(
        n_samples=n, n_features=d, n_informative=4, n_classes=n_classes, random_state=seed
    )
    X = X.astype(dtype)
    split = int(0.7 * n)
    k = 1 if n_classes == 2 else n_classes
    coef = np.random.default_rng(seed).standard_normal((k, d))
    return X[:split], y[:split], X[split:], y[split:], coef, np.zeros(k)


def run_all(run, chunk=None):
    batches = []
    while not run.finished:
        batches.append(run.advance(max_epochs=chunk))
    return RecordBatch.concatenate(batches)


def relative(a, b):
    a, b = np.asarray(a, float), np.asarray(b, float)
    return np.max(np.abs(a - b)) / max(np.max(np.abs(b)), 1e-300)


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
@pytest.mark.parametrize("solver", ["gd", "momentum", "nesterov", "adam"])
@pytest.mark.parametrize("batch_size", [None, 7])
@pytest.mark.parametrize("n_classes,l2", [(2, 0.0), (2, 0.05), (3, 0.0), (3, 0.05)])
def test_kernel_equals_the_reference(dtype, solver, batch_size, n_classes, l2):
    X, y, Xt, yt, coef, intercept = problem(n_classes, dtype)
    settings = dict(learning_rate=0.05, epochs=30, batch_size=batch_size, l2=l2, solver=solver)
    ref = reference_run(
        X, y, coef, intercept, rng=np.random.default_rng(3), X_test=Xt, y_test=yt, **settings
    )
    run = TrainingRun(
        X,
        y,
        coef,
        intercept,
        rng=np.random.default_rng(3),
        X_test=Xt,
        y_test=yt,
        keep_weights=True,
        **settings,
    )
    got = run_all(run, chunk=4)
    tol = TOLERANCE[dtype]
    np.testing.assert_array_equal(got.epochs, np.arange(31))
    for name in ("train_loss", "objective", "test_loss"):
        assert relative(getattr(got, name), [r[name] for r in ref]) < tol, name
    assert relative(got.weights[:, :, :-1], [r["coef"] for r in ref]) < tol
    assert relative(got.weights[:, :, -1], [r["intercept"] for r in ref]) < tol
    # Accuracies count right answers: equal, not close (float32 scores may tie differently
    # only on a knife's edge, which these data do not have).
    np.testing.assert_array_equal(got.train_accuracy, [r["train_accuracy"] for r in ref])
    np.testing.assert_array_equal(got.test_accuracy, [r["test_accuracy"] for r in ref])


@pytest.mark.parametrize("solver", ["gd", "momentum", "nesterov", "adam"])
@pytest.mark.parametrize("batch_size", [None, 7])
@pytest.mark.parametrize("n_classes,l2,l1", [(2, 0.0, 0.3), (2, 0.03, 0.2), (3, 0.0, 0.3)])
def test_the_proximal_kernel_equals_the_reference(solver, batch_size, n_classes, l2, l1):
    X, y, Xt, yt, coef, intercept = problem(n_classes, np.float64)
    settings = dict(
        learning_rate=0.05, epochs=30, batch_size=batch_size, l2=l2, l1=l1, solver=solver
    )
    ref = reference_run(
        X, y, coef, intercept, rng=np.random.default_rng(3), X_test=Xt, y_test=yt, **settings
    )
    run = TrainingRun(
        X, y, coef, intercept, rng=np.random.default_rng(3), X_test=Xt, y_test=yt,
        keep_weights=True, **settings,
    )  # fmt: skip
    got = run_all(run, chunk=4)
    # A weight a rounding away from its threshold may stay or go: a little looser than
    # without the proximal step.
    for name in ("train_loss", "objective", "test_loss"):
        assert relative(getattr(got, name), [r[name] for r in ref]) < 1e-9, name
    assert relative(got.weights[:, :, :-1], [r["coef"] for r in ref]) < 1e-9
    assert relative(got.weights[:, :, -1], [r["intercept"] for r in ref]) < 1e-9
    # The soft-thresholding makes the same weights exactly 0.
    np.testing.assert_array_equal(got.weights[:, :, :-1] == 0, [r["coef"] == 0 for r in ref])
    assert (got.weights[:, :, :-1] == 0).any()  # the comparison includes exact zeros


def test_float32_data_are_not_copied_to_float64():
    X, y, Xt, yt, coef, intercept = problem(2, np.float32)
    run = TrainingRun(X, y, coef, intercept, learning_rate=0.1, epochs=5, X_test=Xt, y_test=yt)
    assert run.X.dtype == np.float32 and np.shares_memory(run.X, X)
    assert run.X_test.dtype == np.float32


@pytest.mark.parametrize("n_classes", [2, 3])
def test_stable_for_huge_scores(n_classes):
    """Scores of ±1e4 and beyond: exp overflows in the blog's sigmoid, never here."""
    X, y, _, _, coef, intercept = problem(n_classes, np.float64)
    X, coef = X * 100.0, coef * 100.0
    ref = reference_run(X, y, coef, intercept, learning_rate=1e-3, epochs=3)
    run = TrainingRun(X, y, coef, intercept, learning_rate=1e-3, epochs=3, keep_weights=True)
    got = run_all(run)
    assert np.isfinite(got.objective).all()
    assert relative(got.objective, [r["objective"] for r in ref]) < 1e-12


def test_exp_and_log1p_helpers_match_numpy():
    from numba import njit

    @njit
    def both(x):
        out = np.empty((2, x.shape[0]))
        for i in range(x.shape[0]):
            out[0, i] = K.exp_nonpositive(-x[i])
            e = np.exp(-x[i])
            out[1, i] = K.log1p_unit(e)
        return out

    x = np.concatenate([np.linspace(0, 40, 200_001), np.geomspace(1e-300, 700, 10_001)])
    got = both(x)
    np.testing.assert_allclose(got[0], np.exp(-x), rtol=5e-16, atol=0)
    np.testing.assert_allclose(got[1], np.log1p(np.exp(-x)), rtol=5e-16, atol=0)


@pytest.mark.parametrize("batch_size", [None, 5])
def test_records_do_not_depend_on_how_the_epochs_are_batched(batch_size):
    X, y, Xt, yt, coef, intercept = problem(3, np.float64)
    settings = dict(learning_rate=0.1, epochs=40, batch_size=batch_size, X_test=Xt, y_test=yt)
    one = run_all(TrainingRun(X, y, coef, intercept, rng=np.random.default_rng(0), **settings))
    many = run_all(
        TrainingRun(X, y, coef, intercept, rng=np.random.default_rng(0), **settings), chunk=1
    )
    for name in RecordBatch.COLUMNS:
        np.testing.assert_array_equal(getattr(one, name), getattr(many, name))
    np.testing.assert_array_equal(one.coef, many.coef)


def test_a_pause_in_the_middle_of_an_epoch_rewinds_it_exactly():
    """Mini-batches of 1 on 3000 rows: a call stops between two mini-batches; flushing then
    returns to the epoch's start, and the run goes on as if never interrupted."""
    X, y, _, _, coef, intercept = problem(2, np.float64, n=3000)
    settings = dict(learning_rate=0.01, epochs=3, batch_size=1)
    whole = run_all(TrainingRun(X, y, coef, intercept, rng=np.random.default_rng(5), **settings))
    run = TrainingRun(X, y, coef, intercept, rng=np.random.default_rng(5), **settings)
    run.record()  # epoch 0
    run.advance(max_seconds=1e-6)  # a few mini-batches, not the whole epoch
    assert run.mid_epoch
    mid = run.coef
    flushed = run.flush()  # the epoch is rewound: nothing new to record
    assert flushed is None and run.epoch == 0
    np.testing.assert_array_equal(run.coef, mid)
    assert not run.mid_epoch  # back at the epoch's start, its weights those of epoch 0
    np.testing.assert_array_equal(run.coef, coef)
    rest = run_all(run)
    np.testing.assert_array_equal(rest.objective, whole.objective[1:])
    np.testing.assert_array_equal(run.coef, whole.coef)


def test_a_kernel_call_releases_the_gil():
    """While one thread is inside a single long kernel call, another keeps running Python."""
    rng = np.random.default_rng(0)
    X = rng.standard_normal((200_000, 20))
    y = (X[:, 0] > 0).astype(np.int64)
    run = TrainingRun(X, y, np.zeros((1, 20)), np.zeros(1), learning_rate=0.1, epochs=10**6)
    run.advance(max_epochs=2)  # loaded and measured
    inside = threading.Event()
    done = threading.Event()

    def train():
        inside.set()
        run.advance(max_epochs=10**6, max_seconds=0.5)  # kernel calls for half a second
        done.set()

    thread = threading.Thread(target=train)
    thread.start()
    inside.wait()
    spins = 0
    while not done.is_set():
        spins += 1
    thread.join()
    assert K.run_epochs.targetoptions["nogil"]
    # Had the call held the GIL, this loop could not run during it: at most one switch
    # interval (5 ms, ~10^5 turns) before the call began. Released, it spins all along.
    assert spins > 1_000_000


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
@pytest.mark.parametrize("d", [1, 3, 8, 10, 17, 24, 25, 50])
@pytest.mark.parametrize("weighted", [False, True])
def test_objective_and_gradient_equal_the_reference_at_every_width(dtype, d, weighted):
    """Widths with no whole group of eight columns, one, several with a remainder, and
    beyond; rows that fill no block exactly (1031 = 2 × 512 + 7)."""
    from logreg_gui.core.model.objective import cross_entropy, decision_scores, gradient

    rng = np.random.default_rng(d)
    X = rng.standard_normal((1031, d)).astype(dtype)
    y = (rng.random(1031) < 0.4).astype(np.int64)
    coef, intercept = rng.standard_normal((1, d)), np.array([0.3])
    cw = np.array([0.7, 1.8]) if weighted else None
    P = np.hstack([coef, intercept[:, None]])
    G = np.empty_like(P)
    got = K.objective_and_gradient(X, y, P, 0.1, G, np.empty(0) if cw is None else cw)
    scores = decision_scores(X.astype(np.float64), coef, intercept)
    s = None if cw is None else cw[y]
    want = cross_entropy(scores, y, s) + 0.05 * np.sum(coef**2)
    g_coef, g_intercept = gradient(X.astype(np.float64), scores, y, coef, 0.1, s)
    tol = TOLERANCE[dtype]
    assert abs(got - want) / want < tol
    assert relative(G[:, :d], g_coef) < tol
    assert relative(G[:, d], g_intercept) < tol


@pytest.mark.parametrize("d", [3, 10])
def test_an_infinite_feature_spoils_its_own_column_only(d):
    """An infinite feature (in the last row too, where a read past the row's end would
    leave the data) makes its column's gradient non-finite, and the other columns' exact."""
    rng = np.random.default_rng(0)
    X = rng.standard_normal((1031, d))
    y = (rng.random(1031) < 0.5).astype(np.int64)
    X[1030, 0] = np.inf  # the last row: nothing lies after it
    X[600, 0] = np.inf
    P = np.zeros((1, d + 1))
    P[0, 0] = 1e-3
    G = np.empty_like(P)
    K.objective_and_gradient(X, y, P, 0.0, G, np.empty(0))
    assert not np.isfinite(G[0, 0])
    finite = np.isfinite(X).all(axis=1)
    scores = X[finite] @ P[0, :d]
    residual = 1.0 / (1.0 + np.exp(-scores)) - y[finite]
    # The two infinite rows have σ(∞) − y ∈ {0, 1} and add 0 or their finite features.
    spoilt = ~finite
    extra = (1.0 - y[spoilt]) @ X[spoilt, 1:]
    np.testing.assert_allclose(G[0, 1:d], (residual @ X[finite, 1:] + extra) / 1031, rtol=1e-12)
