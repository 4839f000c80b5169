"""Closing the window at any moment ends the process cleanly: no wait on a long epoch, no
QThread destroyed while running, no Qt warning."""

import subprocess
import sys
import textwrap
import time

CHILD = textwrap.dedent(
    """
    import os, sys, time
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    import numpy as np
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from logreg_gui.core.data import SplitData
    from logreg_gui.ui.app.main_window import MainWindow

    w = MainWindow()
    w.show()
    while w.session.data is None:
        app.processEvents()
    rng = np.random.default_rng(0)
    X = rng.standard_normal((70_000, 50))
    y = (X[:, 0] > 0).astype(int)
    w.session.set_data(SplitData(X, X[:1000], y, y[:1000], tuple(f"x{i}" for i in range(50)),
                                 "class", "70k rows"))
    w.model_form.batch_size.setText("1")
    w.model_form.learning_rate.setText("0.001")
    w.model_form.epochs.setText("100000")
    w.controls.train.click()
    began = time.monotonic()
    # Close in the middle of the run, whatever epoch and mini-batch it is at.
    while w.session.run is None or w.session.run.latest is None:
        app.processEvents()
    while time.monotonic() - began < 0.5:
        app.processEvents()
    assert w.training.active, "the run ended before the window was closed"
    print("closing", flush=True)
    w.close()
    app.quit()
    sys.exit(0)
    """
)


def test_closing_during_a_long_epoch_ends_the_process_cleanly(tmp_path):
    script = tmp_path / "child.py"
    script.write_text(CHILD)
    child = subprocess.Popen(
        [sys.executable, str(script)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    line = child.stdout.readline()
    closed = time.monotonic()
    out, err = child.communicate(timeout=60)
    ended = time.monotonic() - closed
    assert line.strip() == "closing", (line, out, err)
    assert child.returncode == 0, err
    assert "QThread" not in err and "Destroyed" not in err, err
    # The process ends within a kernel call or two; a generous bound for a loaded machine.
    assert ended < 3.0, ended
