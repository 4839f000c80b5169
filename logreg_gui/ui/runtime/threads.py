"""Background threads yield the processor to the GUI thread.

On a machine with two cores, training and a background search can keep both busy; the
operating system then shares them with the GUI thread only every few tens of milliseconds,
and the window stutters. A thread that computes lowers its own scheduling priority (Linux
lets a thread do so with its thread id), so the window gets a core as soon as it needs one.

And each thread computes on its own core only: the BLAS library (OpenBLAS) under numpy
would otherwise share a large product among helper threads of its own, made when numpy
loads, at the window's priority, which spin for a while after each product waiting for the
next. A background job's matrix products then took a core at full priority from the lowered
training thread: measured at 1e5 × 50 after a change of data, training fell to 0.1× its
speed alone for seconds, whereas with BLAS in the calling thread it kept 0.85× while the
optimum was sought, and the search itself was no slower (0.19 s against 0.31 s).
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading

__all__ = ["BACKGROUND_NICENESS", "blas_in_the_calling_thread", "yield_to_the_window"]

#: How much lower than the window a computing thread runs (0 is the same, 19 the lowest).
BACKGROUND_NICENESS = 10


def yield_to_the_window() -> None:
    """Lower the calling thread's priority (where the system allows it; else nothing)."""
    if not hasattr(os, "setpriority"):
        return
    with contextlib.suppress(OSError, AttributeError):
        tid = threading.get_native_id()
        os.setpriority(os.PRIO_PROCESS, tid, BACKGROUND_NICENESS)


def blas_in_the_calling_thread() -> None:
    """Make numpy's matrix products run in the thread that asks for them, on one core.
    Called in the GUI thread before background work starts (half a millisecond); a library
    not loaded yet cannot be told, so it is said again each time."""
    if "numpy" not in sys.modules:
        return
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")
