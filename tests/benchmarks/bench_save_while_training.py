"""Benchmark: saving a session of a long run while training goes on — how late the window's
event loop gets.

Run on demand:  .venv/bin/python tests/benchmarks/bench_save_while_training.py [epochs]

Trains the seed's data in the window (offscreen) until the run has ``epochs`` epochs
(default 1,000,000: its curves and weights fill their bounded histories), keeps it training,
then saves the session as File ▸ Save session does (what it holds taken on the GUI thread,
written in the background) and, for comparison in the same run, writes the same session on
the GUI thread. A 10 ms timer measures the event loop's worst lateness during each; the
target for the first is at most 100 ms.
"""

import os
import sys
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication


class Lateness:
    """The worst lateness of a 10 ms timer while it runs."""

    def __init__(self):
        self.worst = 0.0
        self._timer = QTimer()
        self._timer.setInterval(10)
        self._timer.timeout.connect(self._tick)
        self._last = None

    def start(self):
        self.worst, self._last = 0.0, time.perf_counter()
        self._timer.start()

    def stop(self):
        """Stop; the worst lateness, counting the time since the last tick."""
        self._tick()
        self._timer.stop()
        return self.worst

    def _tick(self):
        now = time.perf_counter()
        self.worst = max(self.worst, now - self._last - 0.010)
        self._last = now


def main():
    epochs = int(float(sys.argv[1])) if len(sys.argv) > 1 else 1_000_000
    app = QApplication.instance() or QApplication([])
    home = tempfile.mkdtemp()
    os.environ["XDG_CONFIG_HOME"] = home
    from logreg_gui.ui.app.main_window import MainWindow

    window = MainWindow()
    window.resize(1280, 800)
    window.show()

    def wait(condition, seconds=600):
        began = time.monotonic()
        while not condition():
            app.processEvents()
            if time.monotonic() - began > seconds:
                raise SystemExit("timed out")

    wait(lambda: window.session.data is not None)
    window.model_form.epochs.setText("100000000")
    window.model_form.epochs.editingFinished.emit()
    window.coordinator.train()
    wait(lambda: window.session.run is not None and (window.session.run.epoch or 0) >= epochs)
    run = window.session.run
    size = sum(r.used_nbytes() for r in [*window.session.runs, run])
    print(f"run at epoch {run.epoch:,}, still training; history {size / 2**20:.1f} MB")

    lateness = Lateness()
    lateness.start()
    began = time.perf_counter()
    wait(lambda: time.perf_counter() - began > 1.0)
    training_alone = lateness.stop()
    path = os.path.join(home, "background.lrsession")
    lateness.start()
    began = time.perf_counter()
    window.save_session(path, wait=False)
    wait(lambda: not window.coordinator.saving)
    background = time.perf_counter() - began, lateness.stop()
    path2 = os.path.join(home, "gui-thread.lrsession")
    lateness.start()
    began = time.perf_counter()
    QTimer.singleShot(0, lambda: window.coordinator.files.save_session(path2))
    wait(lambda: os.path.exists(path2))
    on_gui = time.perf_counter() - began, lateness.stop()
    print(f"file: {os.path.getsize(path) / 2**20:.1f} MB")
    print(f"training alone, 1 s: worst event-loop lateness {training_alone * 1e3:.0f} ms")
    print(
        f"saved in the background: {background[0]:.2f} s, worst event-loop lateness "
        f"{background[1] * 1e3:.0f} ms (target: at most 100 ms)"
    )
    print(
        f"written on the GUI thread: {on_gui[0]:.2f} s, worst event-loop lateness "
        f"{on_gui[1] * 1e3:.0f} ms"
    )
    print(f"ratio of the worst lateness, background / GUI thread: {background[1] / on_gui[1]:.2f}")
    window.coordinator.training.stop()
    wait(lambda: not window.coordinator.training.active)
    window.close()


if __name__ == "__main__":
    main()
