"""Benchmark: training with the window attached against training headless, on the same data.

Run on demand:  .venv/bin/python tests/benchmarks/bench_training_gui.py [seconds]

For the seed's data (105 × 10) and 1e5 × 10 and 1e5 × 50 generated rows (70 % of 142,858
samples) it prints the epochs per second of the engine alone on one thread
(``TrainingRun.advance`` in a loop, as the worker drives it), then of the real window
training with each tab shown in turn: the ratio to headless, the window updates per second,
and the worst stall of the event loop (the lateness of a 10 ms timer): over the first
``seconds`` after the change of data (while the optimum and the other jobs of new data run),
then over the next ``seconds``. As a person would, the tab is picked first and the data
changed then; the worst stall of the tab's first showing (its first drawing in a new window,
fonts and axes laid out) is printed on its own. The event loop sleeps between events, as the application's
does (a loop that spun would hold a core the window never takes). One run, ratios measured
side by side. ``--case NAME`` (a prefix) runs one case only.
"""

import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from logreg_gui.core import (
    DataSettings,
    GenerationSettings,
    LogisticRegressionGD,
    prepare_data,
)

CASES = [
    ("seed's data 105×10", GenerationSettings()),
    ("1e5×10", GenerationSettings(n_samples=142_858, n_features=10, n_informative=5)),
    ("1e5×50", GenerationSettings(n_samples=142_858, n_features=50, n_informative=10)),
]


def headless_rate(split, seconds):
    model = LogisticRegressionGD(epochs=10**8, random_state=0)
    run = model.start_training(
        split.X_train, split.y_train, split.X_test, split.y_test, keep_curve=False,
        keep_weights=True,
    )  # fmt: skip
    run.advance(max_epochs=10)
    began, epochs = time.perf_counter(), 0
    while time.perf_counter() - began < seconds:
        batch = run.advance(max_seconds=0.02)
        epochs += 0 if batch is None else len(batch)
    return epochs / (time.perf_counter() - began)


def spend(seconds):
    """Run the event loop for ``seconds``, sleeping when there is nothing to do."""
    loop = QEventLoop()
    QTimer.singleShot(max(1, round(seconds * 1000)), loop.quit)
    loop.exec()


def wait_until(condition):
    while not condition():
        spend(0.005)


def stall_clock():
    """A 10 ms timer and the lateness of each of its ticks: (timer, stalls, restart)."""
    stalls, last = [], [time.perf_counter()]

    def tick():
        now = time.perf_counter()
        stalls.append(now - last[0] - 0.010)
        last[0] = now

    def restart():
        stalls.clear()
        last[0] = time.perf_counter()

    timer = QTimer()
    timer.timeout.connect(tick)
    return timer, stalls, restart


def window_rate(split, seconds, index):
    """The window's epochs/s, updates/s and worst stall with tab ``index`` shown, over the
    first ``seconds`` after a change of data and over the next; and the worst stall of the
    tab's first showing (its first drawing, before the data change)."""
    from logreg_gui.ui.app.main_window import MainWindow

    window = MainWindow()
    window.resize(1280, 800)
    window.show()
    wait_until(lambda: window.session.data is not None)
    timer, stalls, restart = stall_clock()
    spend(0.3)
    restart()
    timer.start(10)
    window.tabs.setCurrentIndex(index)  # as a person picks the tab, then new data
    spend(0.5)
    shown = max(stalls, default=0.0)
    timer.stop()
    window.session.set_data(split)
    name = window.tabs.tabText(index).replace("&", "")
    window.model_form.epochs.setText("100000000")
    window.model_form.epochs.editingFinished.emit()
    updates = []
    window.session.runProgressed.connect(lambda batch: updates.append(len(batch)))
    window.controls.train.click()
    wait_until(lambda: window.session.run is not None and window.session.run.epoch is not None)
    restart()  # from the first epoch on
    timer.start(10)
    rates = []
    for _ in range(2):  # right after the change of data (its jobs run), then settled
        updates.clear()
        start_epoch = window.session.run.epoch
        began = time.perf_counter()
        spend(seconds)
        elapsed = time.perf_counter() - began
        rates.append(
            (
                (window.session.run.epoch - start_epoch) / elapsed,
                len(updates) / elapsed,
                max(stalls, default=0.0),
            )
        )
        stalls.clear()
    timer.stop()
    window.close()
    return name, rates, shown


TABS = 8  # Loss, Step, σ(z), Landscape, Boundary, Weights, Evaluation, Log


def main():
    args = sys.argv[1:]
    only = None
    if "--case" in args:
        at = args.index("--case")
        only = args[at + 1]
        del args[at : at + 2]
    seconds = float(args[0]) if args else 5.0
    _app = QApplication.instance() or QApplication([])  # alive as long as the windows
    for name, generation in CASES:
        if only is not None and not name.startswith(only):
            continue
        split = prepare_data(DataSettings(generation=generation))
        alone = headless_rate(split, seconds)
        print(f"{name}: engine alone {alone:12,.0f} epochs/s")
        for index in range(TABS):
            view, rates, shown = window_rate(split, seconds, index)
            (first, first_ups, first_stall), (then, then_ups, then_stall) = rates
            print(
                f"  window, {view:11s} tab: first {seconds:g} s {first:6,.0f} epochs/s "
                f"({first / alone:4.2f}× alone, {first_ups:4.1f} updates/s, worst stall "
                f"{first_stall * 1000:3.0f} ms), next {seconds:g} s {then:6,.0f} "
                f"({then / alone:4.2f}×, {then_ups:4.1f}/s, {then_stall * 1000:3.0f} ms); "
                f"the tab first shown: worst stall {shown * 1000:3.0f} ms",
                flush=True,
            )


if __name__ == "__main__":
    main()
