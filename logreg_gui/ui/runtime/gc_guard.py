"""Python's cyclic garbage collector, run in the GUI thread only.

The collector runs in whichever thread happens to allocate. If it frees a Qt object from a
background thread (a widget left in a reference cycle), Qt's destructor runs off the GUI
thread and can deadlock with it — seen here as a hung test run, a job thread freeing an old
window's menu while the GUI thread was deleting widgets. So automatic collection is turned
off, and a timer collects on the GUI thread, generation by generation, whenever the
collector's own thresholds say it would have.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

__all__ = ["install"]

INTERVAL_MS = 250


class _Collector(QObject):
    def __init__(self, parent):
        super().__init__(parent)
        self._threshold = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._check)
        self._timer.start(INTERVAL_MS)

    def _check(self):
        first, second, third = gc.get_count()
        if first > self._threshold[0]:
            gc.collect(0)
            if second > self._threshold[1]:
                gc.collect(1)
                if third > self._threshold[2]:
                    gc.collect(2)


def install() -> None:
    """Collect garbage in the GUI thread only, for the life of the application (once)."""
    app = QCoreApplication.instance()
    if app is None or app.findChild(_Collector) is not None:
        return
    _Collector(app)
