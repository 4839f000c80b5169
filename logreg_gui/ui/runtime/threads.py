"""Background threads yield the processor to the GUI thread.

On a machine with two cores, training and a background search can keep both busy; the
operating system then shares them with the GUI thread only every few tens of milliseconds,
and the window stutters. A thread that computes lowers its own scheduling priority (Linux
lets a thread do so with its thread id), so the window gets a core as soon as it needs one.
"""

from __future__ import annotations

import contextlib
import os
import threading

__all__ = ["BACKGROUND_NICENESS", "yield_to_the_window"]

#: How much lower than the window a computing thread runs (0 is the same, 19 the lowest).
BACKGROUND_NICENESS = 10


def yield_to_the_window() -> None:
    """Lower the calling thread's priority (where the system allows it; else nothing)."""
    if not hasattr(os, "setpriority"):
        return
    with contextlib.suppress(OSError, AttributeError):
        tid = threading.get_native_id()
        os.setpriority(os.PRIO_PROCESS, tid, BACKGROUND_NICENESS)
