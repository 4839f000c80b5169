"""TrainingWorker in a real QThread: every epoch arrives once, coalesced, and the controls
take effect within one epoch."""

import time

import numpy as np
import pytest
from PySide6.QtCore import QObject, Signal, Slot

from logreg_gui.core import DataSettings, LogisticRegressionGD, prepare_data
from logreg_gui.ui.worker import TrainingThread, TrainingWorker


class Collector(QObject):
    """Receives the worker's signals in the GUI thread, as the window does."""

    done = Signal()

    def __init__(self):
        super().__init__()
        self.batches, self.finished, self.failed, self.paused = [], [], [], []

    @Slot(object)
    def on_progress(self, batch):
        self.batches.append(batch)
        self.worker.acknowledge()

    @Slot(str, str)
    def on_finished(self, reason, message):
        self.finished.append((reason, message))
        self.done.emit()

    @Slot(str)
    def on_failed(self, message):
        self.failed.append(message)
        self.done.emit()

    @Slot(bool)
    def on_paused(self, paused):
        self.paused.append(paused)

    def epochs(self):
        return (
            np.concatenate([b.epochs for b in self.batches]) if self.batches else np.array([], int)
        )


@pytest.fixture
def split():
    return prepare_data(DataSettings())


def start(split, estimator, **kwargs):
    worker = TrainingWorker(estimator, split, **kwargs)
    collector = Collector()
    collector.worker = worker
    worker.progressed.connect(collector.on_progress)
    worker.finished.connect(collector.on_finished)
    worker.failed.connect(collector.on_failed)
    worker.paused_changed.connect(collector.on_paused)
    training = TrainingThread(worker)
    return training, collector


def test_every_epoch_arrives_once_and_equals_the_core(qtbot, split):
    training, got = start(split, LogisticRegressionGD(epochs=3000, random_state=0))
    with qtbot.waitSignal(got.done, timeout=30_000):
        training.start()
    assert training.shutdown()
    assert got.finished == [("completed", "completed all 3000 epochs.")]
    np.testing.assert_array_equal(got.epochs(), np.arange(0, 3001))

    reference = LogisticRegressionGD(epochs=3000, random_state=0)
    run = reference.start_training(split.X_train, split.y_train, split.X_test, split.y_test)
    records = [run.record(), *list(run)]
    train_loss = np.concatenate([b.train_loss for b in got.batches])
    test_acc = np.concatenate([b.test_accuracy for b in got.batches])
    np.testing.assert_allclose(train_loss, [r.train_loss for r in records], rtol=1e-12)
    np.testing.assert_allclose(test_acc, [r.test_accuracy for r in records])
    np.testing.assert_allclose(got.batches[-1].coef, reference.coef_, rtol=1e-12)


def test_updates_are_coalesced(qtbot, split):
    training, got = start(
        split, LogisticRegressionGD(epochs=20_000, random_state=0), max_updates_per_second=30
    )
    began = time.monotonic()
    with qtbot.waitSignal(got.done, timeout=60_000):
        training.start()
    elapsed = time.monotonic() - began
    training.shutdown()
    np.testing.assert_array_equal(got.epochs(), np.arange(0, 20_001))
    # At most 30 per second of the worker's own clock, plus the first and the last batch.
    assert len(got.batches) <= 30 * elapsed + 3
    assert len(got.batches) < 20_000 / 10


def test_pause_step_resume_stop(qtbot, split):
    training, got = start(split, LogisticRegressionGD(epochs=1_000_000, random_state=0))
    training.start()
    qtbot.waitUntil(lambda: len(got.epochs()) > 50, timeout=10_000)
    training.worker.pause()
    qtbot.waitUntil(lambda: got.paused[-1:] == [True], timeout=5_000)
    qtbot.wait(100)  # a paused worker sends nothing more
    before = got.epochs()[-1]
    qtbot.wait(200)
    assert got.epochs()[-1] == before

    training.worker.step()
    qtbot.waitUntil(lambda: got.epochs()[-1] == before + 1, timeout=5_000)
    qtbot.wait(100)
    assert got.epochs()[-1] == before + 1

    training.worker.resume()
    qtbot.waitUntil(lambda: got.epochs()[-1] > before + 100, timeout=10_000)
    with qtbot.waitSignal(got.done, timeout=5_000):
        training.worker.stop()
    assert got.finished[0][0] == "stopped"
    assert training.shutdown()
    np.testing.assert_array_equal(got.epochs(), np.arange(0, got.epochs()[-1] + 1))


def test_learning_rate_change_while_paused_keeps_the_weights(qtbot, split):
    training, got = start(split, LogisticRegressionGD(epochs=1000, random_state=0), paused=True)
    training.worker.step(5)
    training.start()
    qtbot.waitUntil(lambda: len(got.epochs()) and got.epochs()[-1] == 5, timeout=5_000)
    coef, intercept = got.batches[-1].coef, got.batches[-1].intercept
    training.worker.set_learning_rate(0.5)
    training.worker.step()
    qtbot.waitUntil(lambda: got.epochs()[-1] == 6, timeout=5_000)
    training.shutdown()

    # One epoch of gradient descent from the paused weights at the new learning rate.
    from logreg_gui.core.objective import decision_scores, gradient

    y = np.searchsorted(np.unique(split.y_train), split.y_train)
    g_coef, g_intercept = gradient(
        split.X_train, decision_scores(split.X_train, coef, intercept), y, coef, 0.0
    )
    np.testing.assert_allclose(got.batches[-1].coef, coef - 0.5 * g_coef, rtol=1e-12)
    np.testing.assert_allclose(got.batches[-1].intercept, intercept - 0.5 * g_intercept, rtol=1e-12)


def test_a_window_that_does_not_keep_up_gets_fewer_larger_batches(qtbot, split):
    """Back-pressure: without acknowledgement the worker sends nothing new, and loses nothing."""
    worker = TrainingWorker(LogisticRegressionGD(epochs=2000, random_state=0), split)
    got = Collector()
    got.worker = type("NoAck", (), {"acknowledge": lambda self: None})()
    worker.progressed.connect(got.on_progress)
    worker.finished.connect(got.on_finished)
    training = TrainingThread(worker)
    with qtbot.waitSignal(got.done, timeout=30_000):
        training.start()
    training.shutdown()
    assert len(got.batches) == 2  # epoch 0, then everything else once the run ended
    np.testing.assert_array_equal(got.epochs(), np.arange(0, 2001))


def test_stop_wakes_a_slow_worker_at_once(qtbot, split):
    training, got = start(
        split, LogisticRegressionGD(epochs=1000, random_state=0), epochs_per_second=0.2
    )
    training.start()
    qtbot.waitUntil(lambda: len(got.epochs()) >= 2, timeout=10_000)
    began = time.monotonic()
    assert training.shutdown(timeout_ms=3_000)
    assert time.monotonic() - began < 3.0  # not the 5 s the pace would make it wait


def test_unusable_data_arrive_as_a_failed_signal(qtbot, split):
    bad = LogisticRegressionGD()
    from dataclasses import replace

    broken = replace(split, X_train=split.X_train.copy())
    broken.X_train[0, 0] = np.nan
    training, got = start(broken, bad)
    with qtbot.waitSignal(got.done, timeout=10_000):
        training.start()
    training.shutdown()
    assert len(got.failed) == 1 and "NaN" in got.failed[0]
