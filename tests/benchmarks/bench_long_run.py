"""Benchmark: a run of ten million epochs in the window, its memory and its responsiveness.

Run on demand:  .venv/bin/python tests/benchmarks/bench_long_run.py [epochs]

Trains the seed's data for ``epochs`` (default 10,000,000) in the real window and prints the
peak resident memory of the process, how it grew from the start of the run, and the worst
stall of the event loop (lateness of a 10 ms timer) over the whole run.
"""

import os
import resource
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication


def resident_mb():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def main():
    epochs = int(float(sys.argv[1])) if len(sys.argv) > 1 else 10_000_000
    app = QApplication.instance() or QApplication([])
    from logreg_gui.ui.app.main_window import MainWindow
    from logreg_gui.ui.session import RunState

    window = MainWindow()
    window.resize(1280, 800)
    window.show()
    while window.session.data is None:
        app.processEvents()
    window.model_form.epochs.setText(str(epochs))
    window.model_form.epochs.editingFinished.emit()
    before = resident_mb()
    stalls, last = [], [time.perf_counter()]

    def tick():
        now = time.perf_counter()
        stalls.append(now - last[0] - 0.010)
        last[0] = now

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(10)
    began = time.perf_counter()
    window.controls.train.click()
    while window.session.state is not RunState.FINISHED:
        app.processEvents()
    elapsed = time.perf_counter() - began
    timer.stop()
    after = resident_mb()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    run = window.session.run
    print(
        f"{run.epoch:,} epochs in {elapsed:.1f} s ({run.epoch / elapsed:,.0f} epochs/s): {run.message}"
    )
    print(
        f"resident memory: {before:.0f} MB before the run, {after:.0f} MB after, peak {peak:.0f} MB"
    )
    print(
        f"history held: curves {run.curves.nbytes() / 2**20:.0f} MB, "
        f"weights {run.weights.nbytes() / 2**20:.0f} MB (every {run.weights.stride:,}th epoch)"
    )
    print(f"worst stall of the event loop: {max(stalls) * 1000:.0f} ms")
    window.close()


if __name__ == "__main__":
    main()
