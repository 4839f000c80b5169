"""Background jobs (making data, finding the optimum, evaluating) whose results come back to
the GUI thread, Orange-style: the GUI thread never waits on them.

Each job has a kind; a new job of a kind cancels the one before it, and a result is used only
if its job is still the current one of its kind when the result arrives (data for seed 1
arriving after the person went back to seed 0 are dropped). Cancelling asks the job to stop
(its function receives a ``cancel`` callable to check); jobs run in daemon threads, so that
closing the window never waits for one.
"""

from __future__ import annotations

import contextlib
import threading

from PySide6.QtCore import QObject, Signal, Slot

from ...core.errors import Cancelled
from .threads import blas_in_the_calling_thread, yield_to_the_window

__all__ = ["Job", "Jobs", "Turns"]


class Job:
    """One piece of background work of some ``kind``; :meth:`cancel` asks it to stop."""

    def __init__(self, kind, fn, on_result, on_error):
        self.kind = kind
        self._fn = fn
        self._on_result = on_result
        self._on_error = on_error
        self._cancelled = threading.Event()
        self.thread: threading.Thread | None = None  # where it runs
        self.delivered = False  # its result or failure reached the GUI thread
        self.error: BaseException | None = None  # its failure, once delivered

    def cancel(self) -> None:
        """Ask the job to stop; its result, if any, is dropped."""
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()


class Jobs(QObject):
    """Runs functions off the GUI thread and calls back in the GUI thread.

    Signals
    -------
    failed(str, object) : the kind of a job that failed without an ``on_error`` of its own,
        and the exception: every failure is reported, never lost
    delivered(object) : a Job's result or failure was handed over (after its callback)
    """

    failed = Signal(str, object)
    delivered = Signal(object)
    _done = Signal(object, object, object)  # job, result, exception

    def __init__(self, parent=None):
        super().__init__(parent)
        self._current: dict[str, Job] = {}
        self._closed = False
        self._done.connect(self._deliver)

    def submit(self, kind, fn, *, on_result, on_error=None) -> Job:
        """Run ``fn(cancel)`` in the background, where ``cancel()`` tells whether to stop;
        then ``on_result(result)`` or ``on_error(exception)`` in the GUI thread, unless a
        newer job of ``kind`` came (or the job was cancelled) in between. Without
        ``on_error``, a failure is reported by ``failed``."""
        blas_in_the_calling_thread()
        previous = self._current.get(kind)
        if previous is not None:
            previous.cancel()
        job = Job(kind, fn, on_result, on_error)
        self._current[kind] = job
        job.thread = threading.Thread(
            target=self._run, args=(job,), name=f"job-{kind}", daemon=True
        )
        job.thread.start()
        return job

    def _run(self, job):
        yield_to_the_window()
        result = error = None
        try:
            result = job._fn(lambda: job.cancelled or self._closed)
        except Cancelled:
            return  # nobody wants this result any more: nothing to say
        except BaseException as exc:  # reported to the GUI thread, never printed
            error = exc
        if job.cancelled or self._closed:
            return
        with contextlib.suppress(RuntimeError):  # the window is gone
            self._done.emit(job, result, error)

    def cancel(self, kind) -> None:
        """Cancel the job of ``kind``, if any: its callbacks are never called, and it is
        delivered at once with a :class:`Cancelled` failure (whoever waits for it returns)."""
        job = self._current.pop(kind, None)
        if job is not None:
            job.cancel()
            job.delivered, job.error = True, Cancelled()
            self.delivered.emit(job)

    def pending(self, kind) -> bool:
        """True while a job of ``kind`` has not delivered its result."""
        return kind in self._current

    @Slot(object, object, object)
    def _deliver(self, job, result, error):
        if self._current.get(job.kind) is not job or job.cancelled:
            return
        del self._current[job.kind]
        job.delivered, job.error = True, error
        try:
            if error is not None:
                if job._on_error is not None:
                    job._on_error(error)
                else:
                    self.failed.emit(job.kind, error)
            else:
                job._on_result(result)
        finally:
            self.delivered.emit(job)

    def shutdown(self) -> None:
        """Cancel everything and drop every result; waits for nothing."""
        self._closed = True
        for job in self._current.values():
            job.cancel()
        self._current.clear()


class Turns:
    """Work done one piece after the other, in the order it was asked for, each piece in a
    thread of its own: a later save of a file must land after an earlier one.

    On the asking thread, :meth:`ticket` numbers the piece; in its thread, ``with
    turns.turn(number):`` waits until every piece numbered before it is done."""

    def __init__(self):
        self._condition = threading.Condition()
        self._issued = 0
        self._serving = 0

    def ticket(self) -> int:
        """The number of the next piece."""
        with self._condition:
            number, self._issued = self._issued, self._issued + 1
        return number

    @contextlib.contextmanager
    def turn(self, number):
        """Wait for the turn of piece ``number``; the next piece's turn comes when this
        one ends, whatever way it ends."""
        with self._condition:
            self._condition.wait_for(lambda: self._serving == number)
        try:
            yield
        finally:
            with self._condition:
                self._serving += 1
                self._condition.notify_all()
