"""Benchmark: time to the first window painted, logreg-gui against a bare PySide6 main window
that also imports pyqtgraph.

Run on demand:  .venv/bin/python tests/benchmarks/bench_startup.py [repeats]

Each start is a fresh process (the interpreter's own start-up is in both), the two kinds
interleaved; it prints the medians and their ratio, measured in this one run, and how long
logreg-gui takes until its data are made and Train is enabled.
"""

import statistics
import subprocess
import sys
import textwrap
import time

BARE = textwrap.dedent(
    """
    import os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication, QMainWindow
    import pyqtgraph

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Paint:
                print("shown", flush=True)
                os._exit(0)
            return False

    app = QApplication([])
    window = QMainWindow()
    window.resize(1280, 800)
    watcher = FirstPaint()
    window.installEventFilter(watcher)
    window.show()
    app.exec()
    """
)

APP = textwrap.dedent(
    """
    import os, sys, time
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication
    from logreg_gui.ui.app.main_window import MainWindow

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Paint and not self.done:
                self.done = True
                print("shown", flush=True)
            return False

    app = QApplication([])
    window = MainWindow(deferred=True)
    watcher = FirstPaint()
    watcher.done = False
    window.installEventFilter(watcher)
    window.show()

    def ready():
        if hasattr(window, "controls") and window.controls.train.isEnabled():
            print("ready", flush=True)
            os._exit(0)

    timer = QTimer()
    timer.timeout.connect(ready)
    timer.start(5)
    app.exec()
    """
)


def start(script):
    """Seconds from spawning a process until each line it prints."""
    began = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    times = {}
    for line in child.stdout:
        times[line.strip()] = time.perf_counter() - began
    child.wait()
    return times


def main():
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    start(APP)  # once, so that numba's cache and the disk cache are warm for both
    bare, shown, ready = [], [], []
    for _ in range(repeats):
        bare.append(start(BARE)["shown"])
        times = start(APP)
        shown.append(times["shown"])
        ready.append(times["ready"])
    b, s, r = (statistics.median(x) for x in (bare, shown, ready))
    print(f"bare PySide6 main window + import pyqtgraph: {b:.3f} s (median of {repeats})")
    print(f"logreg-gui, window shown:                    {s:.3f} s  ({s / b:.2f}× the bare window)")
    print(f"logreg-gui, data made and Train enabled:     {r:.3f} s  ({r / b:.2f}×)")


if __name__ == "__main__":
    main()
