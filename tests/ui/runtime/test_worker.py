"""TrainingWorker in a real QThread: every epoch arrives once, the window is never sent a
backlog, and the controls take effect within one kernel call."""

import numpy as np
import pytest
from PySide6.QtCore import QObject, Signal, Slot

from logreg_gui.core import DataSettings, LogisticRegressionGD, RecordBatch, prepare_data
from logreg_gui.ui.runtime.worker import TrainingThread, TrainingWorker


class Collector(QObject):
    """Receives the worker's signals in the GUI thread, as the window does, and takes the
    records (or, with ``eager=False``, leaves them waiting, as a busy window would)."""

    done = Signal()
    got = Signal()

    def __init__(self, eager=True):
        super().__init__()
        self.eager = eager
        self.batches, self.finished, self.failed, self.paused, self.warnings = [], [], [], [], []
        self.notices = 0

    @Slot()
    def on_progress(self):
        self.notices += 1
        if self.eager:
            self.take()

    def take(self):
        batch = self.worker.take()
        if batch is not None:
            self.batches.append(batch)
            self.got.emit()

    @Slot(str, object)
    def on_finished(self, reason, message):
        self.take()
        self.finished.append((reason, str(message)))
        self.done.emit()

    @Slot(str)
    def on_failed(self, message):
        self.failed.append(message)
        self.done.emit()

    @Slot(bool)
    def on_paused(self, paused):
        self.paused.append(paused)

    @Slot(object)
    def on_warned(self, text):
        self.warnings.append(str(text))

    def epochs(self):
        return np.concatenate([b.epochs for b in self.batches]) if self.batches else np.array([])

    def last(self):
        return self.batches[-1]


@pytest.fixture(scope="module")
def split():
    return prepare_data(DataSettings())


def start(split, estimator, eager=True, **kwargs):
    worker = TrainingWorker(
        lambda: estimator.start_training(
            split.X_train, split.y_train, split.X_test, split.y_test, keep_curve=False
        ),
        **kwargs,
    )
    collector = Collector(eager)
    collector.worker = worker
    worker.progressed.connect(collector.on_progress)
    worker.finished.connect(collector.on_finished)
    worker.failed.connect(collector.on_failed)
    worker.paused_changed.connect(collector.on_paused)
    worker.warned.connect(collector.on_warned)
    return TrainingThread(worker), collector


def test_every_epoch_arrives_once_and_equals_the_core(qtbot, split):
    training, got = start(split, LogisticRegressionGD(epochs=3000, random_state=0))
    with qtbot.waitSignal(got.done, timeout=30_000):
        training.start()
    assert training.shutdown()
    assert got.finished == [("completed", "completed all 3,000 epochs.")]
    np.testing.assert_array_equal(got.epochs(), np.arange(0, 3001))

    reference = LogisticRegressionGD(epochs=3000, random_state=0)
    run = reference.start_training(split.X_train, split.y_train, split.X_test, split.y_test)
    records = [run.record(), *run]
    batch = RecordBatch.concatenate(got.batches)
    np.testing.assert_allclose(batch.train_loss, [r.train_loss for r in records], rtol=1e-12)
    np.testing.assert_allclose(batch.test_accuracy, [r.test_accuracy for r in records])
    np.testing.assert_allclose(batch.coef, reference.coef_, rtol=1e-12)


def test_a_window_that_does_not_take_gets_one_notice_and_then_everything(qtbot, split):
    """No backlog: while the records wait, the worker sends no further notice; whatever the
    window takes later holds every epoch, once."""
    training, got = start(split, LogisticRegressionGD(epochs=20_000, random_state=0), eager=False)
    with qtbot.waitSignal(got.done, timeout=60_000):
        training.start()
    training.shutdown()
    assert got.notices == 1
    np.testing.assert_array_equal(got.epochs(), np.arange(0, 20_001))


def test_pause_step_resume_stop(qtbot, split):
    training, got = start(split, LogisticRegressionGD(epochs=10**7, random_state=0))
    training.start()
    qtbot.waitUntil(lambda: len(got.epochs()) > 50, timeout=10_000)
    with qtbot.waitSignal(got.got, timeout=5_000):  # the record of the paused state
        training.worker.pause()
    qtbot.waitUntil(lambda: got.paused[-1:] == [True], timeout=5_000)
    paused_at = got.epochs()[-1]
    # The paused run shows the state it is in: its last record is of its current weights.
    assert training.worker.take() is None

    with qtbot.waitSignal(got.got, timeout=5_000):
        training.worker.step()
    assert got.epochs()[-1] == paused_at + 1

    training.worker.resume()
    qtbot.waitUntil(lambda: got.epochs()[-1] > paused_at + 100, timeout=10_000)
    with qtbot.waitSignal(got.done, timeout=5_000):
        training.worker.stop()
    assert got.finished[0][0] == "stopped"
    assert training.shutdown()
    np.testing.assert_array_equal(got.epochs(), np.arange(0, got.epochs()[-1] + 1))


def test_learning_rate_change_while_paused_keeps_the_weights(qtbot, split):
    training, got = start(split, LogisticRegressionGD(epochs=1000, random_state=0), paused=True)
    training.worker.step(5)
    training.start()
    qtbot.waitUntil(lambda: len(got.epochs()) and got.epochs()[-1] == 5, timeout=10_000)
    coef, intercept = got.last().coef, got.last().intercept
    training.worker.set_learning_rate(0.5)
    with qtbot.waitSignal(got.got, timeout=5_000):
        training.worker.step()
    assert got.epochs()[-1] == 6
    training.shutdown()

    # One epoch of gradient descent from the paused weights at the new learning rate.
    from logreg_gui.core.model.objective import decision_scores, gradient

    y = np.searchsorted(np.unique(split.y_train), split.y_train)
    g_coef, g_intercept = gradient(
        split.X_train, decision_scores(split.X_train, coef, intercept), y, coef, 0.0
    )
    np.testing.assert_allclose(got.last().coef, coef - 0.5 * g_coef, rtol=1e-12)
    np.testing.assert_allclose(got.last().intercept, intercept - 0.5 * g_intercept, rtol=1e-12)


def test_a_chosen_pace_shows_every_epoch_and_stop_wakes_it(qtbot, split):
    """At 0.2 epochs per second the first epoch is shown at once; Stop does not wait the
    5 s until the next one."""
    training, got = start(
        split, LogisticRegressionGD(epochs=1000, random_state=0), epochs_per_second=0.2
    )
    training.start()
    qtbot.waitUntil(lambda: len(got.epochs()) and got.epochs()[-1] == 1, timeout=10_000)
    with qtbot.waitSignal(got.done, timeout=2_000):
        training.worker.stop()
    assert training.shutdown(timeout_ms=2_000)
    np.testing.assert_array_equal(got.epochs(), [0, 1])


def test_stop_between_mini_batches_of_a_long_epoch(qtbot):
    """Mini-batches of 1 on 70,000 rows: an epoch takes far longer than one kernel call; Stop
    still ends the run within a second, at the last epoch boundary."""
    rng = np.random.default_rng(0)
    X = rng.standard_normal((70_000, 50))
    y = (X[:, 0] + X[:, 1] > 0).astype(int)
    model = LogisticRegressionGD(batch_size=1, epochs=100, learning_rate=0.001, random_state=0)
    worker = TrainingWorker(lambda: model.start_training(X, y, keep_curve=False))
    got = Collector()
    got.worker = worker
    worker.progressed.connect(got.on_progress)
    worker.finished.connect(got.on_finished)
    training = TrainingThread(worker)
    training.start()
    qtbot.waitUntil(lambda: len(got.epochs()) == 1, timeout=10_000)  # epoch 0 is out
    # Well inside the first epoch's mini-batches (read while it trains: a flag, no lock).
    qtbot.waitUntil(
        lambda: worker.run_object is not None and worker.run_object.mid_epoch, timeout=10_000
    )
    with qtbot.waitSignal(got.done, timeout=1_000):
        worker.stop()
    assert training.shutdown(timeout_ms=1_000)
    assert got.finished[0][0] == "stopped"
    np.testing.assert_array_equal(got.epochs(), np.arange(len(got.epochs())))


def test_a_rising_loss_arrives_as_a_warning(qtbot, split):
    training, got = start(split, LogisticRegressionGD(learning_rate=1000.0, random_state=0))
    with qtbot.waitSignal(got.done, timeout=30_000):
        training.start()
    training.shutdown()
    assert len(got.warnings) == 1 and "rising" in got.warnings[0]


def test_unusable_data_arrive_as_a_failed_signal(qtbot, split):
    from dataclasses import replace

    broken = replace(split, X_train=split.X_train.copy())
    broken.X_train[0, 0] = np.nan
    training, got = start(broken, LogisticRegressionGD())
    with qtbot.waitSignal(got.done, timeout=10_000):
        training.start()
    training.shutdown()
    assert len(got.failed) == 1 and "NaN" in got.failed[0]
