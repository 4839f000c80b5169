"""Background work in the window computes on one core per thread: numpy's matrix products
run in the thread that asks for them, never in BLAS helper threads at the window's
priority (which took a core from training, measured in bench_training_gui.py)."""

import numpy as np
from threadpoolctl import threadpool_info, threadpool_limits

from logreg_gui.core import DataSettings, LogisticRegressionGD, prepare_data
from logreg_gui.ui.runtime.jobs import Jobs
from logreg_gui.ui.runtime.worker import TrainingThread, TrainingWorker


def blas_threads():
    return sorted({lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"})


def test_a_background_job_multiplies_on_its_own_core(qtbot):
    with threadpool_limits(limits=2, user_api="blas"):
        jobs = Jobs()
        seen = []

        def work(cancel):
            X = np.ones((300, 300))
            return blas_threads(), float((X @ X)[0, 0])

        jobs.submit("product", work, on_result=seen.append)
        qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
        jobs.shutdown()
    threads, value = seen[0]
    assert threads == [1]
    assert value == 300.0


def test_training_in_the_window_multiplies_on_its_own_core(qtbot):
    split = prepare_data(DataSettings())
    model = LogisticRegressionGD(epochs=5, random_state=0)
    with threadpool_limits(limits=2, user_api="blas"):
        worker = TrainingWorker(
            lambda: model.start_training(split.X_train, split.y_train, keep_curve=False)
        )
        training = TrainingThread(worker)
        with qtbot.waitSignal(worker.finished, timeout=20_000):
            training.start()
        assert blas_threads() == [1]
        assert training.shutdown()
