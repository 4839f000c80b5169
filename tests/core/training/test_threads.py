"""A full-batch epoch on several threads (``n_jobs``): the same weights to the last bit as on
one, for every number type, with and without class weights, on rows that are not a whole
number of blocks; and ``n_jobs`` with scikit-learn's meaning.

The recorded losses are compared to 1e-14: two one-thread runs of the same settings in one
test process were seen to differ in a recorded loss by one unit in the last place (float32
and float64), the weights never."""

import os

import joblib
import numpy as np
import pytest
from sklearn.base import clone

from logreg_gui.core import LogisticRegressionGD
from logreg_gui.core.training.kernels import BLOCK_ROWS, MIN_WORK_PER_THREAD, ROW_WORK, threads_for
from logreg_gui.core.training.records import RecordBatch
from logreg_gui.core.training.run import TrainingRun, available_cores, threads_of


def run_to_end(run):
    batches = []
    while not run.finished:
        batch = run.advance(max_epochs=13)
        if batch is not None:
            batches.append(batch)
    return batches


def problem(n, d, dtype, seed=0):
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n, d)).astype(dtype)
    y = (X[:, 0] - 0.5 * X[:, 1] + rng.normal(size=n) > 0.3).astype(np.int64)
    return X, y


# Rows enough for four threads at the fewest features tested (threads_for), and a last
# block that is not full.
ROWS = (4 * MIN_WORK_PER_THREAD // (3 + ROW_WORK) // BLOCK_ROWS + 1) * BLOCK_ROWS + 77


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
@pytest.mark.parametrize("d", [3, 10, 50])
@pytest.mark.parametrize("weighted", [False, True])
@pytest.mark.parametrize("solver", ["gd", "adam"])
def test_threads_give_the_one_thread_weights_to_the_last_bit(dtype, d, weighted, solver):
    X, y = problem(ROWS, d, dtype)
    X_test, y_test = problem(ROWS // 2 + 5, d, dtype, seed=1)
    results = []
    for n_jobs in (None, 2, 3, 4):
        run = TrainingRun(
            X, y, np.full((1, d), 0.1), np.zeros(1), learning_rate=0.5, epochs=40, l2=0.01,
            solver=solver, X_test=X_test, y_test=y_test, n_jobs=n_jobs,
            class_weights=np.array([1.0, 2.5]) if weighted else None,
        )  # fmt: skip
        results.append((run_to_end(run), run.coef.copy(), run.intercept.copy()))
    one_batches, one_coef, one_intercept = results[0]
    for batches, coef, intercept in results[1:]:
        np.testing.assert_array_equal(coef, one_coef)
        np.testing.assert_array_equal(intercept, one_intercept)
        for name in RecordBatch.COLUMNS:
            np.testing.assert_allclose(
                np.concatenate([getattr(b, name) for b in batches]),
                np.concatenate([getattr(b, name) for b in one_batches]),
                rtol=1e-14,
                atol=0,
                err_msg=name,
            )
    # The runs did train: the loss fell, and the test loss was recorded every epoch.
    losses = np.concatenate([b.train_loss for b in one_batches])
    assert (
        losses[-1] < losses[0]
        and np.isfinite(np.concatenate([b.test_loss for b in one_batches])).all()
    )


def test_a_pass_takes_the_threads_its_rows_are_worth():
    """Starting threads costs ~the work of 1e4 rows of 10 features on two cores (measured:
    two threads' epoch 1.47× one thread's at 1e4×10, 0.94× at 4e4×10): smaller passes take one
    thread, and every size tested above takes four."""
    for d in (3, 10, 50):
        assert threads_for(ROWS, d, 4) == 4
    assert threads_for(7_000, 10, 2) == 1  # 1e4×10, its 70 % training rows
    assert threads_for(14_000, 10, 2) == 1
    assert threads_for(28_000, 10, 2) == 2
    assert threads_for(7_000, 50, 2) == 2
    assert threads_for(3_000, 50, 2) == 1  # its test rows
    assert threads_for(10**6, 50, 1) == 1
    assert threads_for(10**6, 50, 8) == 8
    assert threads_for(0, 50, 8) == 1
    assert threads_for(3 * BLOCK_ROWS, 10_000, 8) == 1  # work enough, but too few blocks


def test_the_estimator_on_every_core_equals_one_thread():
    X, y = problem(ROWS, 20, np.float64)
    one = LogisticRegressionGD(learning_rate=0.3, epochs=60, random_state=2).fit(X, y)
    every = LogisticRegressionGD(learning_rate=0.3, epochs=60, random_state=2, n_jobs=-1).fit(X, y)
    np.testing.assert_array_equal(every.coef_, one.coef_)
    np.testing.assert_allclose(every.loss_curve_, one.loss_curve_, rtol=1e-14, atol=0)
    assert clone(every).get_params()["n_jobs"] == -1
    assert LogisticRegressionGD().get_params()["n_jobs"] is None


def test_n_jobs_has_scikit_learns_meaning():
    import numba

    cores = min(available_cores(), numba.config.NUMBA_NUM_THREADS)
    assert cores == len(os.sched_getaffinity(0)) or cores == numba.config.NUMBA_NUM_THREADS
    assert threads_of(None) == 1
    assert threads_of(1) == 1
    assert threads_of(-1) == cores
    assert threads_of(-2) == max(1, cores - 1)
    assert threads_of(10_000) == cores
    assert threads_of(-10_000) == 1
    with pytest.raises(ValueError, match="n_jobs == 0"):
        threads_of(0)
    # None means 1, unless joblib is told otherwise (scikit-learn's meaning).
    with joblib.parallel_config(n_jobs=2):
        assert joblib.effective_n_jobs(None) == 2
    assert joblib.effective_n_jobs(None) == 1
