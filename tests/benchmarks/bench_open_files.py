"""Benchmark: what opening a session file costs, good or hostile — time and peak memory
(tracemalloc) of ``load_session`` on:

- a good session of about 10 MB (its data inside: 100,000 rows of 12 features, one run);
- 100 runs against 10 runs of the same run (grouped once by run: about ten times the time);
- a document naming 10,000 runs (refused from the document, before any run is made);
- a part declaring 1 GB, a megabyte on disk (refused before it is inflated);
- an array declaring 8 TB in 64 bytes (refused from its header).

Then the same files opened in the window (offscreen) as File ▸ Open session does: how late
a 10 ms timer of its event loop got while each was read in the background and refused or
shown (the target: no freeze a person notices, at most 100 ms).

Run on demand:  .venv/bin/python tests/benchmarks/bench_open_files.py
Prints one line per case; the ratios compare cases measured in the same run.
"""

import json
import os
import tempfile
import time
import tracemalloc
import zipfile
from pathlib import Path

import numpy as np

from logreg_gui.core import DataError, DataSettings, LogisticRegressionGD, prepare_data
from logreg_gui.core.files.session_file import SavedSession, load_session, save_session
from logreg_gui.core.training.history import RunHistory


def measured(path):
    """(seconds, peak bytes, what happened) of opening ``path``."""
    tracemalloc.start()
    began = time.perf_counter()
    try:
        load_session(path)
        said = "opened"
    except DataError as error:
        said = f"refused: {error}"
    seconds = time.perf_counter() - began
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return seconds, peak, said


def one_run(split, epochs=200):
    model = LogisticRegressionGD(learning_rate=0.1, epochs=epochs, random_state=0)
    run = model.start_training(
        split.X_train, split.y_train, split.X_test, split.y_test, keep_weights=True
    )
    history = RunHistory(model.get_params(), label="run")
    while not run.finished:
        history.append(run.advance())
    history.finish(run.stop_reason, run.message)
    return history


def session(path, split, runs, data=None):
    save_session(
        path,
        SavedSession(
            data_settings={"source": "generated", "seed": 0},
            model_settings={},
            runs=runs,
            current=len(runs) - 1 if runs else None,
            selected=0,
            shown_epoch=None,
            data=data,
        ),
    )
    return path


def runs_copied(source, target, count, document_runs=None):
    """``source`` (one run) with its run ``count`` times (``document_runs``: how many runs
    the document names, when it should name more than the file holds)."""
    with zipfile.ZipFile(source) as old:
        parts = {i.filename: old.read(i) for i in old.infolist()}
    document = json.loads(parts.pop("session.json"))
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for i in range(count):
            for name, content in parts.items():
                new.writestr(name.replace("runs/0/", f"runs/{i}/"), content)
        named = document["runs"] * (document_runs or count)
        new.writestr("session.json", json.dumps(dict(document, runs=named)))
    return target


def bomb(source, target):
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            if not item.filename.endswith("curves_low.npy"):
                new.writestr(item.filename, old.read(item))
        with new.open("runs/0/curves_low.npy", "w", force_zip64=True) as part:
            for _ in range(1024):
                part.write(bytes(2**20))
    return target


def terabytes(source, target):
    header = repr({"descr": "<f8", "fortran_order": False, "shape": (2**40,)}).encode()
    header += b" " * (63 - (10 + len(header)) % 64) + b"\n"
    declared = b"\x93NUMPY\x01\x00" + len(header).to_bytes(2, "little") + header + bytes(64)
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            content = old.read(item)
            new.writestr(item.filename, declared if item.filename.endswith("low.npy") else content)
    return target


def main():
    folder = Path(tempfile.mkdtemp())
    split = prepare_data(DataSettings())
    run = one_run(split)
    small = session(folder / "one-run.lrsession", split, [run])

    rng = np.random.default_rng(0)
    X = rng.normal(size=(100_000, 12))
    y = (X[:, 0] > 0).astype(np.int64)
    data = {"X_train": X[:80_000], "y_train": y[:80_000], "X_test": X[80_000:]}
    data["y_test"] = y[80_000:]
    large = session(folder / "ten-mb.lrsession", split, [run], data=data)

    cases = {
        f"good, {large.stat().st_size / 2**20:.1f} MB with its data": large,
        "10 runs": runs_copied(small, folder / "ten.lrsession", 10),
        "100 runs": runs_copied(small, folder / "hundred.lrsession", 100),
        "10,000 runs named": runs_copied(small, folder / "named.lrsession", 1, 10_000),
        "a part declaring 1 GB": bomb(small, folder / "bomb.lrsession"),
        "an array declaring 8 TB": terabytes(small, folder / "tb.lrsession"),
    }
    seen = {}
    for name, path in cases.items():
        seconds, peak, said = measured(path)
        seen[name] = seconds
        size = path.stat().st_size
        print(
            f"{name:32s} file {size / 2**20:6.2f} MB  {seconds * 1e3:8.1f} ms  "
            f"peak {peak / 2**20:7.1f} MB ({peak / size:5.1f}x the file)  {said[:60]}"
        )
    print(f"100 runs / 10 runs: {seen['100 runs'] / seen['10 runs']:.1f}x the time")
    in_the_window(cases)


def in_the_window(cases):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp()
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from logreg_gui.ui.app.main_window import MainWindow

    window = MainWindow()
    window.show()

    def wait(condition, seconds=600):
        began = time.monotonic()
        while not condition():
            app.processEvents()
            if time.monotonic() - began > seconds:
                raise SystemExit("timed out")

    wait(lambda: window.session.data is not None and not window.coordinator.loading)
    last, worst = [0.0], [0.0]

    def tick():
        now = time.perf_counter()
        worst[0] = max(worst[0], now - last[0] - 0.010)
        last[0] = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    for name, path in cases.items():
        worst[0], last[0] = 0.0, time.perf_counter()
        timer.start()
        began = time.perf_counter()
        window.coordinator.open_session(str(path), quiet=True)
        wait(lambda: not window.coordinator.loading)
        seconds = time.perf_counter() - began
        tick()
        timer.stop()
        print(
            f"window: {name:32s} {seconds * 1e3:8.1f} ms until shown or refused, "
            f"event loop at most {worst[0] * 1e3:6.1f} ms late"
        )
    window.close()


if __name__ == "__main__":
    main()
