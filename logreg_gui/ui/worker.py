"""The training worker: drives the core's TrainingRun in a QThread and reports through signals.

The worker coalesces epochs: however fast they run, it emits at most ``max_updates_per_second``
batches, each holding every epoch since the previous one, so the window misses no epoch and is
never flooded. Controls (pause, resume, step, stop, speed, learning rate) are plain
thread-safe methods setting flags the loop checks between epochs — a queued slot would not be
delivered while the loop runs.
"""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QObject, QThread, Signal, Slot

from ..core import RecordBatch, StopReason

__all__ = ["TrainingThread", "TrainingWorker"]

#: Least seconds the window is left idle after drawing one batch before the next is sent.
IDLE_GAP = 0.01
#: Seconds of training between two offers of the GIL to the GUI thread.
YIELD_INTERVAL = 0.001
#: Training time after each batch, as a multiple of the time the window took to draw it.
DRAW_SHARE_GAP = 1.5


class TrainingWorker(QObject):
    """Runs one training run. Create it, move it to a thread, connect ``thread.started`` to
    :meth:`run` (``TrainingThread`` does all of this).

    Signals
    -------
    progressed(RecordBatch) : consecutive epochs since the last emit, weights after the last
    finished(str, str) : stop reason (a :class:`StopReason` value) and a plain-words message
    failed(str) : the run could not start or broke; plain words
    paused_changed(bool)
    """

    progressed = Signal(object)
    finished = Signal(str, str)
    failed = Signal(str)
    paused_changed = Signal(bool)

    def __init__(
        self, estimator, split, *, paused=False, epochs_per_second=None, max_updates_per_second=30
    ):
        super().__init__()
        self._estimator = estimator
        self._split = split
        self._min_interval = 1.0 / max_updates_per_second
        self._lock = threading.Lock()
        self._wake = threading.Event()  # set whenever a control changes, to end a wait early
        # Back-pressure: a new batch is sent only once the window has taken the previous one
        # (acknowledge). A slow window then gets fewer, larger batches instead of a queue
        # that grows without end and starves its event loop.
        self._delivered = threading.Event()
        self._delivered.set()
        self._acknowledged_at = self._emitted_at = -float("inf")
        self._gap = IDLE_GAP
        self._paused = paused
        self._steps = 0  # epochs still to run while paused (Step)
        self._stop = False
        self._learning_rate = None  # a pending change
        self._epochs = None  # a pending change
        self._delay = self._delay_for(epochs_per_second)

    # Controls: called from the GUI thread.
    def pause(self):
        """Pause after the current epoch."""
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
        """End the run after the current epoch (also wakes a paused or slowed worker)."""
        with self._lock:
            self._stop = True
        self._wake.set()

    def acknowledge(self):
        """The window has drawn the last batch; the next one may be sent."""
        now = time.monotonic()
        # Train for longer than the window took to draw: drawing gets at most ~40 % of the time.
        self._gap = max(IDLE_GAP, DRAW_SHARE_GAP * (now - self._emitted_at))
        self._acknowledged_at = now
        self._delivered.set()
        self._wake.set()

    def set_learning_rate(self, value):
        """Use learning rate ``value`` from the next epoch on; the weights are kept."""
        with self._lock:
            self._learning_rate = float(value)

    def set_epochs(self, value):
        """Change the total number of epochs of the run (it ends at once if already past)."""
        with self._lock:
            self._epochs = int(value)
        self._wake.set()

    def set_speed(self, epochs_per_second):
        """Limit the pace to ``epochs_per_second`` (None: as fast as possible)."""
        with self._lock:
            self._delay = self._delay_for(epochs_per_second)
        self._wake.set()

    @staticmethod
    def _delay_for(epochs_per_second):
        return 0.0 if not epochs_per_second else 1.0 / epochs_per_second

    # The loop: runs in the worker thread.
    @Slot()
    def run(self):
        """Train until the run ends or is stopped; always ends with ``finished`` or ``failed``."""
        try:
            self._train()
        except Exception as exc:  # never let an exception die silently in the thread
            self.failed.emit(f"training failed: {exc}")

    def _train(self):
        split = self._split
        try:
            run = self._estimator.start_training(
                split.X_train, split.y_train, split.X_test, split.y_test
            )
        except ValueError as exc:
            self.failed.emit(f"cannot train on these data: {exc}")
            return
        pending = [run.record()]  # epoch 0: the initial weights
        last_emit = last_yield = -float("inf")
        was_paused = None
        while True:
            with self._lock:
                stop, paused, steps, delay = self._stop, self._paused, self._steps, self._delay
                if self._learning_rate is not None:
                    run.learning_rate, self._learning_rate = self._learning_rate, None
                if self._epochs is not None:
                    run.epochs, self._epochs = self._epochs, None
            if stop:
                run.stop()
                break
            if paused != was_paused:
                self.paused_changed.emit(paused)
                was_paused = paused
            now = time.monotonic()
            idle = paused and steps == 0
            # Free-running, a batch waits for the interval to pass since the last one and
            # leaves the window idle after drawing it (for input, timers, and so that a slow
            # window gets fewer, larger batches rather than starving training of the GIL).
            due = now - last_emit >= self._min_interval and now - self._acknowledged_at >= self._gap
            if pending and self._delivered.is_set() and (idle or paused or delay or due):
                self._emit(pending)
                pending, last_emit = [], now
                if not paused:
                    self._await_drawing()
            if idle:
                # Wait for a control, or for the window to take the batch still pending.
                self._wake.wait()
                self._wake.clear()
                continue
            record = run.step()
            if record is None:
                break
            pending.append(record)
            # Every millisecond, hand the GIL over if the GUI thread is waiting for it, so
            # that its returns from Qt into Python do not each wait a whole switch interval
            # (5 ms) behind this loop. Not every epoch: a sleep(0) costs as much as an epoch
            # of small data (measured: 14,500 epochs/s without it, 5,500 with one per epoch).
            if now - last_yield > YIELD_INTERVAL:
                time.sleep(0)
                last_yield = time.monotonic()
            if paused:
                with self._lock:
                    self._steps = max(self._steps - 1, 0)
            if delay and not paused:
                self._sleep(delay)
        if pending:
            self._emit(pending)
        self.finished.emit(run.stop_reason or StopReason.STOPPED, run.message)

    def _await_drawing(self, timeout=0.25):
        """Let the window draw the batch just sent without competing for the GIL.

        Drawing is Python-heavy (pyqtgraph); computing beside it makes both crawl, as each
        of the window's returns from Qt into Python waits for the GIL. Waiting here (the GIL
        released) until the window acknowledges, at most ``timeout``, gives each its turn.
        """
        deadline = time.monotonic() + timeout
        while not self._delivered.is_set() and (remaining := deadline - time.monotonic()) > 0:
            self._wake.wait(remaining)
            self._wake.clear()
            with self._lock:
                if self._stop or self._paused:
                    return

    def _sleep(self, delay):
        """Keep the chosen pace, but wake at once for stop, pause or a new speed."""
        deadline = time.monotonic() + delay
        while (remaining := deadline - time.monotonic()) > 0:
            self._wake.wait(remaining)
            self._wake.clear()
            with self._lock:
                if self._stop or self._paused or self._delay != delay:
                    return

    def _emit(self, records):
        self._delivered.clear()
        self._emitted_at = time.monotonic()
        self.progressed.emit(RecordBatch.from_records(records))


class TrainingThread(QObject):
    """Owns a QThread and its TrainingWorker and ends them cleanly.

    The worker lives in the thread; this object lives in the GUI thread. ``shutdown`` stops
    the worker, waits for the thread and is safe to call at any time, any number of times.
    """

    def __init__(self, worker: TrainingWorker, parent=None):
        super().__init__(parent)
        self.worker = worker
        self.thread = QThread()
        self.thread.setObjectName("trainingThread")
        worker.moveToThread(self.thread)
        self.thread.started.connect(worker.run)
        worker.finished.connect(self.thread.quit)
        worker.failed.connect(self.thread.quit)

    def start(self):
        """Start training in the background."""
        self.thread.start()

    def is_running(self) -> bool:
        """True while the thread runs."""
        return self.thread.isRunning()

    def shutdown(self, timeout_ms=10_000) -> bool:
        """Stop the worker and wait for the thread to end; True if it ended."""
        self.worker.stop()
        self.thread.quit()
        return self.thread.wait(timeout_ms)
