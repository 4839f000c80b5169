"""Benchmark: a million rows, from the command line and in the window.

Run on demand:  .venv/bin/python tests/benchmarks/bench_large_data.py

0. The same CSV in one process: each step of its way in (read_table, the dataset, the split
   and its standardisation, the first epoch) beside ``pandas.read_csv`` of it, and the ratio
   of "data ready" to ``read_csv`` (issue 18's target: at most 2).
1. A 1,000,000 × 20 numeric CSV (written to a temporary folder): whole-process time and peak
   memory of ``logreg-train --data F --target y --epochs 1`` against a process that only
   imports pandas and calls ``pandas.read_csv(F)``, run alternately, medians.
2. 1,000,000 generated rows (20 features) in the window: the worst stall of the event loop
   (lateness of a 10 ms timer) from asking for the data to the first epoch drawn, with each
   tab shown in turn.
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time

import numpy as np

ROWS, COLUMNS = 1_000_000, 20


def write_csv(path):
    rng = np.random.default_rng(0)
    X = rng.standard_normal((ROWS, COLUMNS))
    y = (X[:, 0] - X[:, 1] + rng.normal(size=ROWS) > 0).astype(int)
    names = [f"x{i}" for i in range(COLUMNS)] + ["y"]
    import pandas as pd

    frame = pd.DataFrame(np.column_stack([X, y]), columns=names)
    frame["y"] = y
    frame.to_csv(path, index=False, float_format="%.6f")


def cli_against_pandas(repeats=3):
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "big.csv")
        write_csv(path)
        size = os.path.getsize(path) / 2**20
        bare = [sys.executable, "-c", f"import pandas; pandas.read_csv({path!r})"]
        ours = [
            sys.executable, "-m", "logreg_gui.cli", "--data", path, "--target", "y",
            "--epochs", "1", "--json",
        ]  # fmt: skip
        times = {"pandas": [], "logreg-train": []}
        memory = {"pandas": [], "logreg-train": []}
        for _ in range(repeats):
            for name, command in (("pandas", bare), ("logreg-train", ours)):
                # Each in a fresh grandchild so that ru_maxrss is that process's own peak.
                probe = (
                    "import resource, subprocess, sys, time; t = time.perf_counter(); "
                    f"subprocess.run({command!r}, check=True, stdout=subprocess.DEVNULL); "
                    "print(time.perf_counter() - t, "
                    "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)"
                )
                out = subprocess.run(
                    [sys.executable, "-c", probe], capture_output=True, text=True, check=True
                ).stdout.split()
                times[name].append(float(out[0]))
                memory[name].append(float(out[1]))
        t = {k: statistics.median(v) for k, v in times.items()}
        m = {k: statistics.median(v) for k, v in memory.items()}
        print(f"1e6 × 20 CSV ({size:.0f} MB), medians of {repeats}:")
        print(f"  pandas.read_csv alone:  {t['pandas']:.2f} s, peak {m['pandas']:.0f} MB")
        print(
            f"  logreg-train --epochs 1: {t['logreg-train']:.2f} s ({t['logreg-train'] / t['pandas']:.2f}×), "
            f"peak {m['logreg-train']:.0f} MB ({m['logreg-train'] / m['pandas']:.2f}×)"
        )


TABS = 7  # Loss, Step, Landscape, Boundary, Weights, Evaluation, Log


def window_stalls():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    # Settings of their own, forgotten before each window: every window starts on the
    # seed's small data, and the person's own settings are never touched.
    app.setOrganizationName("logreg-gui-benchmark")
    app.setApplicationName("bench_large_data")
    from logreg_gui.ui.app.main_window import MainWindow
    from logreg_gui.ui.app.settings_store import forget_settings

    for tab in range(TABS):
        forget_settings()
        window = MainWindow()
        window.resize(1280, 800)
        window.show()
        while window.session.data is None:
            app.processEvents()
        window.tabs.setCurrentIndex(tab)
        window.model_form.epochs.setText("1000000")
        window.model_form.epochs.editingFinished.emit()
        stalls, last = [], [time.perf_counter()]

        def tick(stalls=stalls, last=last):
            now = time.perf_counter()
            stalls.append(now - last[0] - 0.010)
            last[0] = now

        timer = QTimer()
        timer.timeout.connect(tick)
        timer.start(10)
        began = time.perf_counter()
        window.data_form.n_samples.setText(str(ROWS))
        window.data_form.n_samples.editingFinished.emit()
        window.data_form.n_features.setText(str(COLUMNS))
        window.data_form.n_features.editingFinished.emit()
        while len(window.session.y_train) < 0.5 * ROWS:
            app.processEvents()
        ready = time.perf_counter() - began
        window.controls.train.click()
        while (
            window.session.run is None
            or window.session.run.epoch is None
            or window.session.run.epoch < 1
        ):
            app.processEvents()
        first = time.perf_counter() - began
        settle = time.perf_counter()
        while time.perf_counter() - settle < 2.0:  # and two seconds of training drawn
            app.processEvents()
        timer.stop()
        window.close()
        name = window.tabs.tabText(tab)
        print(
            f"  {name:18s} data in {ready:5.1f} s, first epoch drawn at {first:5.1f} s, "
            f"worst stall {max(stalls) * 1000:4.0f} ms"
        )


def in_process(repeats=2):
    """Each step of a data file's way in — reading, the dataset (target, column roles), the
    split and its standardisation, the first epoch — beside ``pandas.read_csv`` of the same
    file in the same process, each run ``repeats`` times (the range is printed)."""
    import pandas as pd

    from logreg_gui.core.data.dataset import dataset_from_table
    from logreg_gui.core.data.reading import read_table
    from logreg_gui.core.data.split import split_dataset
    from logreg_gui.core.estimator import LogisticRegressionGD

    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "big.csv")
        write_csv(path)
        times = {k: [] for k in ("read_csv", "read", "dataset", "split", "epoch", "total")}
        for _ in range(repeats):
            t0 = time.perf_counter()
            pd.read_csv(path)
            times["read_csv"].append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            table = read_table(path)
            t1 = time.perf_counter()
            dataset = dataset_from_table(table, "y")
            t2 = time.perf_counter()
            split = split_dataset(dataset, 0.3, 0, True)
            t3 = time.perf_counter()
            LogisticRegressionGD(epochs=1, random_state=0).fit(split.X_train, split.y_train)
            t4 = time.perf_counter()
            for key, value in (
                ("read", t1 - t0),
                ("dataset", t2 - t1),
                ("split", t3 - t2),
                ("epoch", t4 - t3),
                ("total", t3 - t0),
            ):
                times[key].append(value)
    print(f"1e6 × 20 CSV in one process, {repeats} runs (min–max):")
    for key, words in (
        ("read_csv", "pandas.read_csv"),
        ("read", "read_table"),
        ("dataset", "the dataset (target, roles)"),
        ("split", "split + standardise"),
        ("epoch", "first epoch (estimator, compiled)"),
    ):
        print(f"  {words:34s} {min(times[key]):5.2f}–{max(times[key]):5.2f} s")
    ratios = [t / r for t, r in zip(times["total"], times["read_csv"])]
    print(
        f"  data ready ÷ read_csv (target ≤ 2): {min(ratios):.2f}–{max(ratios):.2f}, "
        f"median {statistics.median(ratios):.2f}"
    )


def main():
    in_process(4)
    cli_against_pandas()
    print("1e6 generated rows (20 features) in the window, each tab shown:")
    window_stalls()


if __name__ == "__main__":
    main()
