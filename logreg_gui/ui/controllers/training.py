"""Starting, steering and ending training runs; their records go into the session."""

from __future__ import annotations

import contextlib
import time

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal, Slot

from ...core import LogisticRegressionGD, StopReason
from ...core.i18n import Phrase
from ..runtime.worker import TrainingThread, TrainingWorker
from ..session import RunState

__all__ = ["LIVE_SETTINGS", "TrainingController"]

#: The window takes the worker's records at most this often.
UPDATES_PER_SECOND = 30
#: The settings a run going on takes from the forms, from its next epoch (the worker's
#: method that applies each); any other change waits for the next Train.
LIVE_SETTINGS = {"learning_rate": "set_learning_rate", "epochs": "set_epochs"}


def _test_part(data):
    """``(X_test, y_test)`` of ``data``, or ``(None, None)`` without a test sample (painted
    points may have none): the run then scores no test part."""
    return (data.X_test, data.y_test) if len(data.y_test) else (None, None)


class TrainingController(QObject):
    """Runs one training run at a time in a worker thread and feeds the session.

    A thread whose run was replaced or stopped is kept until it has finished (a QThread
    destroyed while running aborts the process); :meth:`shutdown` ends them all.

    The pace of the run going on is measured here and kept in the session (its ``rate``).

    Signals
    -------
    failed(str) : the run could not start or broke, in plain words
    """

    failed = Signal(str)

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self._session = session
        self._training: TrainingThread | None = None
        self._retired: list[TrainingThread] = []
        self._pull_timer = QTimer(self)
        self._pull_timer.setSingleShot(True)
        self._pull_timer.timeout.connect(self._pull)
        self._last_pull = 0.0
        self._rate_mark = None  # (time, epoch) the rate is measured from
        self._speed = None
        self._live = {}  # the live settings the run going on has

    @property
    def thread(self):
        """The QThread of the run going on (None without one)."""
        return None if self._training is None else self._training.thread

    @property
    def active(self) -> bool:
        """True while a run is going on (running or paused)."""
        return self._training is not None

    # Control -----------------------------------------------------------------------------
    def start(self, params, *, paused=False, steps=0, from_epoch=None, initial=None):
        """A new run of ``LogisticRegressionGD(**params)`` on the session's data.

        ``from_epoch``: continue the current run from the weights of that epoch (a step
        back, then Train or Step). ``initial``: ``(coef, intercept)`` to start from instead
        of drawn weights (a point clicked on the loss landscape)."""
        data = self._session.data
        if data is None:
            return
        self._end_current()
        estimator = LogisticRegressionGD(**params)
        start = {}
        if from_epoch is not None and self._session.run is not None:
            coef, intercept = self._session.run.parameters_at(from_epoch)
            start = dict(coef_init=coef, intercept_init=intercept, start_epoch=from_epoch)
        elif initial is not None:
            start = dict(coef_init=initial[0], intercept_init=initial[1])
        self._session.start_run(params, from_epoch=from_epoch if "start_epoch" in start else None)
        if paused:
            self._session.set_state(RunState.PAUSED)
        worker = TrainingWorker(
            lambda: estimator.start_training(
                data.X_train,
                data.y_train,
                *_test_part(data),
                keep_curve=False,
                keep_weights=True,
                **start,
            ),
            paused=paused,
            epochs_per_second=self._speed,
        )
        self._launch(worker, params, steps)

    def start_race(self, params_list, names, *, paused=False, steps=0):
        """Race several estimators (``params_list``, the same seed) on the session's data:
        the first becomes the current run, the others compared runs growing with it."""
        from ...core.training.race import Race

        data = self._session.data
        if data is None:
            return
        self._end_current()
        self._session.start_race(params_list, names)
        if paused:
            self._session.set_state(RunState.PAUSED)

        def start():
            runs = [
                LogisticRegressionGD(**params).start_training(
                    data.X_train,
                    data.y_train,
                    *_test_part(data),
                    keep_curve=False,
                    keep_weights=True,
                )
                for params in params_list
            ]
            return Race(runs, names)

        worker = TrainingWorker(start, paused=paused, epochs_per_second=self._speed)
        self._launch(worker, params_list[0], steps)

    def start_blog(self, params, names, *, paused=False, steps=0):
        """The seed blog's loop run as written (its gradient divided by the number of
        features, its sigmoid and loss, on the data not standardised) beside a correct run
        of ``params`` from the same initial weights: the correct one is the current run,
        the blog's a compared run growing with it. ``names``: the two runners' names."""
        from ...core.training.blog_run import BlogRun
        from ...core.training.race import Race

        data = self._session.data
        if data is None:
            return
        self._end_current()
        histories = self._session.start_race([params, params], names)
        histories[1].blog = True
        if paused:
            self._session.set_state(RunState.PAUSED)
        raw = data.preprocessing.unscale if data.standardized else np.asarray
        X_train = raw(data.X_train)
        X_test = raw(data.X_test) if len(data.y_test) else None
        y_train, y_test = self._session.y_train.copy(), self._session.y_test.copy()

        def start():
            estimator = LogisticRegressionGD(**params)
            run = estimator.start_training(
                data.X_train,
                data.y_train,
                *_test_part(data),
                keep_curve=False,
                keep_weights=True,
            )
            blog = BlogRun(
                X_train,
                y_train,
                estimator.coef_,
                estimator.intercept_,
                learning_rate=params["learning_rate"],
                epochs=params["epochs"],
                X_test=X_test,
                y_test=y_test if X_test is not None else None,
                keep_weights=True,
            )
            return Race([run, blog], names)

        worker = TrainingWorker(start, paused=paused, epochs_per_second=self._speed)
        self._launch(worker, params, steps)

    def _launch(self, worker, params, steps):
        if steps:
            worker.step(steps)
        training = TrainingThread(worker, self)
        worker.progressed.connect(self._on_progress)
        worker.finished.connect(self._on_finished)
        worker.failed.connect(self._on_failed)
        worker.paused_changed.connect(self._on_paused)
        training.thread.finished.connect(self._on_thread_finished)
        self._training = training
        self._rate_mark = None
        self._live = {key: params[key] for key in LIVE_SETTINGS}
        training.start()

    def pause(self):
        if self._training is not None:
            self._training.worker.pause()

    def resume(self):
        if self._training is not None:
            self._training.worker.resume()

    def step(self, epochs=1):
        if self._training is not None:
            self._training.worker.step(epochs)

    def stop(self):
        if self._training is not None:
            self._training.worker.stop()

    def apply_live(self, params) -> None:
        """The run going on takes the settings of ``params`` named in ``LIVE_SETTINGS`` that
        differ from those it has, from its next epoch (its weights are kept)."""
        if self._training is None:
            return
        for key, method in LIVE_SETTINGS.items():
            if params[key] != self._live.get(key):
                self._live[key] = params[key]
                getattr(self._training.worker, method)(params[key])
        self._session.update_run_settings(epochs=self._live["epochs"])

    def set_speed(self, epochs_per_second):
        """Pace of this run and the next ones (None: as fast as possible)."""
        self._speed = epochs_per_second
        if self._training is not None:
            self._training.worker.set_speed(epochs_per_second)

    def discard(self, wait_ms=0):
        """End the run going on, if any; wait at most ``wait_ms`` for its thread to end (a
        worker running free holds the GIL between its epochs: what comes next in this
        thread then runs without it in the way). Its records until then stay."""
        training = self._training
        self._end_current()
        if wait_ms and training is not None:
            training.thread.wait(wait_ms)

    # From the worker ---------------------------------------------------------------------
    def _is_current(self):
        return self._training is not None and self.sender() is self._training.worker

    @Slot()
    def _on_progress(self):
        if not self._is_current() or self._pull_timer.isActive():
            return
        wait = self._last_pull + 1.0 / UPDATES_PER_SECOND - time.monotonic()
        self._pull_timer.start(max(0, int(wait * 1000)))

    @Slot()
    def _pull(self):
        if self._training is None:
            return
        self._last_pull = time.monotonic()
        batch = self._training.worker.take()
        if batch is None:
            return
        self._session.append(batch)
        if self._session.run is not None and self._session.run.epoch is not None:
            self._measure_rate(int(self._session.run.epoch))

    def _measure_rate(self, epoch):
        now = time.monotonic()
        if self._session.state != RunState.RUNNING:
            return
        if self._rate_mark is None:
            self._rate_mark = (now, epoch)
            return
        then, before = self._rate_mark
        if now - then >= 0.5:
            self._session.set_rate((epoch - before) / (now - then))
            self._rate_mark = (now, epoch)

    @Slot(bool, object)
    def _on_paused(self, paused, epoch):
        if not self._is_current():
            return
        # The state first, at the epoch it changed at, then the records: those of a resumed
        # run come after its resumption, those before a pause before it.
        self._session.set_state(RunState.PAUSED if paused else RunState.RUNNING, epoch=epoch)
        self._pull()
        self._rate_mark = None
        self._session.set_rate(None)

    @Slot(str, object)
    def _on_finished(self, reason, message):
        if not self._is_current():
            return
        self._pull()  # whatever the worker left in its outbox
        training, self._training = self._training, None
        self._retire(training)
        self._session.set_rate(None)
        race = training.worker.run_object
        if hasattr(race, "runs"):  # every runner of a race says how it ended
            for racer, run in zip(self._session.racers, race.runs[1:]):
                racer.finish(run.stop_reason or StopReason.STOPPED, run.kept_message)
            reason, message = race.runs[0].stop_reason or reason, race.runs[0].kept_message
        self._session.finish_run(reason or StopReason.STOPPED, message)

    @Slot(str)
    def _on_failed(self, message):
        if not self._is_current():
            return
        training, self._training = self._training, None
        self._retire(training)
        self._session.set_rate(None)
        self._session.clear_run()
        self.failed.emit(message)

    # Thread life -------------------------------------------------------------------------
    def _end_current(self):
        training, self._training = self._training, None
        if training is not None:
            self._retire(training)
            training.worker.stop()
            if self._session.state.going:
                self._session.finish_run(
                    StopReason.STOPPED, Phrase.translate("TrainingController", "stopped.")
                )
            self._session.set_rate(None)

    def _retire(self, training):
        """Stop listening to ``training``; keep it until its thread has finished."""
        worker = training.worker
        for signal, slot in (
            (worker.progressed, self._on_progress),
            (worker.finished, self._on_finished),
            (worker.failed, self._on_failed),
            (worker.paused_changed, self._on_paused),
        ):
            with contextlib.suppress(RuntimeError, TypeError):  # already gone
                signal.disconnect(slot)
        if training.is_running():
            self._retired.append(training)
        else:
            training.deleteLater()

    @Slot()
    def _on_thread_finished(self):
        for training in [t for t in self._retired if not t.is_running()]:
            self._retired.remove(training)
            training.deleteLater()

    def shutdown(self, timeout_ms=1_000) -> None:
        """Stop every run and wait (each kernel call lasts ~20 ms) for the threads to end."""
        self._pull_timer.stop()
        trainings = [*self._retired] + ([self._training] if self._training else [])
        self._training = None
        for training in trainings:
            training.worker.stop()
        for training in trainings:
            training.thread.wait(timeout_ms)
