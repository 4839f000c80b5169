"""The training worker: drives the core's TrainingRun in a QThread.

Each ``TrainingRun.advance`` call runs the compiled kernel for about 20 ms with the GIL
released, so the window draws on one core while training runs on the other. Records pile up
in an outbox that the window empties when it draws (:meth:`TrainingWorker.take`): however
fast training goes and however slowly the window draws, there is never a backlog of events,
only one larger batch. Controls (pause, resume, step, stop, speed, learning rate) are plain
thread-safe methods setting flags the loop reads between two kernel calls — a queued slot
would not be delivered while the loop runs.
"""

from __future__ import annotations

import math
import threading
import time

from PySide6.QtCore import QObject, QThread, Signal, Slot

from ...core import StopReason
from .threads import blas_in_the_calling_thread, yield_to_the_window

__all__ = ["TrainingThread", "TrainingWorker"]

#: Seconds of training between two looks at the controls when running free.
CHUNK_SECONDS = 0.02


class TrainingWorker(QObject):
    """Runs one training run. Create it, move it to a thread, connect ``thread.started`` to
    :meth:`run` (``TrainingThread`` does all of this).

    ``start`` is a callable returning the :class:`~logreg_gui.core.TrainingRun` (or a
    :class:`~logreg_gui.core.training.race.Race`); it is called in the worker thread, so that
    validating and copying large data never blocks the window.

    Signals
    -------
    progressed() : records are waiting in the outbox (sent once until :meth:`take` empties it)
    finished(str, str) : stop reason (a :class:`StopReason` value) and a plain-words message
    failed(str) : the run could not start or broke; plain words
    paused_changed(bool, object) : paused or resumed, at this epoch of the run
    warned(str) : a plain-words warning about the run (a rising loss)
    """

    progressed = Signal()
    finished = Signal(str, object)
    failed = Signal(str)
    paused_changed = Signal(bool, object)
    warned = Signal(object)

    def __init__(self, start, *, paused=False, epochs_per_second=None):
        super().__init__()
        self._start = start
        self._lock = threading.Lock()
        self._wake = threading.Event()  # set whenever a control changes, to end a wait early
        self._outbox = []  # RecordBatches (RaceBatches for a race)
        self._paused = paused
        self._steps = 0  # epochs still to run while paused (Step)
        self._stop = False
        self._learning_rate = None  # a pending change
        self._epochs = None  # a pending change
        self._speed = epochs_per_second
        self.run_object = None  # the TrainingRun, once made (read only after the thread ends)

    # Controls: called from the GUI thread. ------------------------------------------------
    def pause(self):
        """Pause at the end of the current kernel call (at an epoch boundary)."""
        with self._lock:
            self._paused, self._steps = True, 0
        self._wake.set()

    def resume(self):
        """Run freely again."""
        with self._lock:
            self._paused, self._steps = False, 0
        self._wake.set()

    def step(self, epochs=1):
        """While paused, run ``epochs`` more epochs and pause again."""
        with self._lock:
            self._paused = True
            self._steps += epochs
        self._wake.set()

    def stop(self):
        """End the run at the end of the current kernel call (also wakes a waiting worker)."""
        with self._lock:
            self._stop = True
        self._wake.set()

    def set_learning_rate(self, value):
        """Use learning rate ``value`` from the next epoch on; the weights are kept."""
        with self._lock:
            self._learning_rate = float(value)
        self._wake.set()

    def set_epochs(self, value):
        """Change the total number of epochs of the run (it ends at once if already past)."""
        with self._lock:
            self._epochs = int(value)
        self._wake.set()

    def set_speed(self, epochs_per_second):
        """Limit the pace to ``epochs_per_second`` (None: as fast as possible)."""
        with self._lock:
            self._speed = epochs_per_second
        self._wake.set()

    def take(self):
        """Everything trained since the last call, as one batch (a RecordBatch, or a
        RaceBatch for a race; None if nothing)."""
        with self._lock:
            batches, self._outbox = self._outbox, []
        if not batches:
            return None
        return type(batches[0]).concatenate(batches)

    # The loop: runs in the worker thread. --------------------------------------------------
    @Slot()
    def run(self):
        """Train until the run ends or is stopped; always ends with ``finished`` or ``failed``."""
        yield_to_the_window()
        try:
            try:
                run = self._start()
            except (ValueError, MemoryError) as exc:
                self.failed.emit(self.tr("cannot train on these data: {error}").format(error=exc))
                return
            except Exception as exc:  # never let an exception die silently in the thread
                self.failed.emit(
                    self.tr("training could not start: {kind}: {error}").format(
                        kind=type(exc).__name__, error=exc
                    )
                )
                return
            self.run_object = run
            try:
                self._train(run)
            except Exception as exc:
                self.failed.emit(
                    self.tr("training failed: {kind}: {error}").format(
                        kind=type(exc).__name__, error=exc
                    )
                )
        finally:
            # End this thread's event loop from inside: a quit queued to the GUI thread
            # would wait for it, and the GUI thread may be waiting for this thread.
            QThread.currentThread().quit()

    def _train(self, run):
        self._push(run.flush())  # epoch 0: the initial weights
        was_paused = None
        paced_from = None  # (time, epoch) the current pace counts from
        while not run.finished:
            with self._lock:
                stop, paused, steps, speed = self._stop, self._paused, self._steps, self._speed
                if self._learning_rate is not None:
                    run.learning_rate, self._learning_rate = self._learning_rate, None
                if self._epochs is not None:
                    run.epochs, self._epochs = self._epochs, None
                self._wake.clear()
            if stop:
                self._push(run.stop())
                break
            if paused != was_paused:
                if paused:
                    self._push(run.flush())  # the state at the pause is on screen
                self.paused_changed.emit(paused, run.epoch)
                was_paused = paused
                paced_from = None
            if paused:
                if steps:
                    self._push(run.advance(max_epochs=1))
                    self._push(run.flush())
                    with self._lock:
                        self._steps = max(self._steps - 1, 0)
                else:
                    self._wake.wait()
                continue
            if not speed:
                self._push(run.advance(max_seconds=CHUNK_SECONDS))
                continue
            # A chosen pace: one epoch at a time, each shown as soon as it is done.
            now = time.monotonic()
            if paced_from is None or paced_from[2] != speed:
                paced_from = (now, run.epoch, speed)
            due = paced_from[1] + math.floor((now - paced_from[0]) * speed) + 1 - run.epoch
            if due > 0:
                self._push(run.advance(max_epochs=min(due, max(1, int(speed * CHUNK_SECONDS)))))
                self._push(run.flush())
            else:
                wait = paced_from[0] + (run.epoch - paced_from[1]) / speed - now
                self._wake.wait(max(wait, 0.001))
        self.finished.emit(run.stop_reason or StopReason.STOPPED, run.kept_message)

    def _push(self, batch):
        if batch is None:
            return
        with self._lock:
            first = not self._outbox
            self._outbox.append(batch)
        if batch.warning:
            self.warned.emit(batch.warning)
        if first:
            self.progressed.emit()


class TrainingThread(QObject):
    """Owns a QThread and its TrainingWorker and ends them cleanly.

    The worker lives in the thread; this object lives in the GUI thread. ``shutdown`` stops
    the worker and waits for the thread; it is safe to call at any time, any number of
    times. The owner must keep this object until ``thread.finished``: a QThread destroyed
    while running aborts the process.
    """

    def __init__(self, worker: TrainingWorker, parent=None):
        super().__init__(parent)
        self.worker = worker
        self.thread = QThread()
        self.thread.setObjectName("trainingThread")
        worker.moveToThread(self.thread)
        self.thread.started.connect(worker.run)

    def start(self):
        """Start training in the background."""
        blas_in_the_calling_thread()
        self.thread.start()

    def is_running(self) -> bool:
        """True while the thread runs."""
        return self.thread.isRunning()

    def shutdown(self, timeout_ms=5_000) -> bool:
        """Stop the worker and wait for the thread to end; True if it ended."""
        self.worker.stop()
        return self.thread.wait(timeout_ms)
