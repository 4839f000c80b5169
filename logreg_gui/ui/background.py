"""Short background jobs (loading data, computing the optimum) whose results come back to
the GUI thread, Orange-style: the GUI thread never waits on them."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from PySide6.QtCore import QObject, Signal, Slot

__all__ = ["BackgroundJobs"]


class BackgroundJobs(QObject):
    """Runs functions in a worker thread and calls back in the GUI thread.

    Each job has a ``kind``; submitting a job of a kind supersedes the earlier one of that
    kind, whose result is then dropped (e.g. data settings changed again before the data
    were ready).
    """

    _finished = Signal(object, object, object)  # job, result, exception

    def __init__(self, parent=None):
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(max_workers=2, thread_name_prefix="logreg-job")
        self._latest = {}
        self._finished.connect(self._deliver)

    def submit(self, kind, fn, *args, on_result, on_error):
        """Run ``fn(*args)`` off the GUI thread; then ``on_result(result)`` or
        ``on_error(exception)`` in the GUI thread, unless a newer ``kind`` job came."""
        job = (kind, object(), on_result, on_error)
        self._latest[kind] = job

        def done(future):
            # Runs in the worker thread; the signal is queued to the GUI-thread slot.
            error = future.exception()
            self._finished.emit(job, None if error else future.result(), error)

        self._executor.submit(fn, *args).add_done_callback(done)

    def cancel(self, kind):
        """Drop the result of the pending job of ``kind``, if any."""
        self._latest.pop(kind, None)

    def pending(self, kind) -> bool:
        """True while a job of ``kind`` has not delivered its result."""
        return kind in self._latest

    @Slot(object, object, object)
    def _deliver(self, job, result, error):
        kind, _, on_result, on_error = job
        if self._latest.get(kind) is not job:
            return
        del self._latest[kind]
        if error is not None:
            on_error(error)
        else:
            on_result(result)

    def shutdown(self):
        """Drop every pending result and wait for running jobs (they are short)."""
        self._latest.clear()
        self._executor.shutdown(wait=True, cancel_futures=True)
