"""Benchmark: training speed with and without the window, and how responsive the window stays.

Run on demand:  .venv/bin/python tests/benchmarks/bench_training_gui.py [seconds]
Prints epochs per second of (a) the core loop alone, (b) the window training the seed's data,
the window's updates per second, and its worst event-loop stall (lateness of a 10 ms timer),
with ratios measured in this one run.
"""

import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from logreg_gui.core import DataSettings, LogisticRegressionGD, prepare_data


def core_rate(seconds):
    split = prepare_data(DataSettings())
    run = LogisticRegressionGD(epochs=10**9, random_state=0).start_training(
        split.X_train, split.y_train, split.X_test, split.y_test
    )
    began = time.perf_counter()
    n = 0
    while time.perf_counter() - began < seconds:
        for _ in range(200):
            run.step()
        n += 200
    return n / (time.perf_counter() - began)


def window_rate(app, seconds, tab=0):
    from logreg_gui.ui.main_window import MainWindow

    window = MainWindow()
    window.resize(1280, 800)
    window.show()
    while window.split is None:
        app.processEvents()
    window.tabs.setCurrentIndex(tab)
    window.model_form.epochs.setValue(10**8)
    updates = []
    window.controls.train.click()
    original = window.loss_plot.append

    def counting_append(*args):
        updates.append(time.perf_counter())
        original(*args)

    window.loss_plot.append = counting_append
    stalls = []
    last = [time.perf_counter()]

    def tick():
        now = time.perf_counter()
        stalls.append(now - last[0] - 0.010)
        last[0] = now

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(10)
    began = time.perf_counter()
    start_epoch = len(window.loss_plot.data()["epochs"])
    QTimer.singleShot(int(seconds * 1000), app.quit)
    app.exec()
    elapsed = time.perf_counter() - began
    epochs = len(window.loss_plot.data()["epochs"]) - start_epoch
    timer.stop()
    window.close()
    return epochs / elapsed, len(updates) / elapsed, max(stalls) if stalls else float("nan")


def main():
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 5.0
    app = QApplication.instance() or QApplication([])
    alone = core_rate(seconds)
    print(f"core loop alone:            {alone:10,.0f} epochs/s")
    for tab, name in ((0, "loss plot"), (1, "decision boundary")):
        rate, ups, stall = window_rate(app, seconds, tab)
        print(
            f"window, {name + ' shown:':26s}{rate:10,.0f} epochs/s ({rate / alone:.0%} of alone), "
            f"{ups:.1f} updates/s, worst stall {stall * 1000:.0f} ms"
        )


if __name__ == "__main__":
    main()
