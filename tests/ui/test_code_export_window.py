"""File ▸ Export as Python… and as notebook…: the window's run, taken home as code that
prints the window's own log and ends with its weights."""

import json
import re
import subprocess
import sys

import numpy as np
import pytest
from PySide6.QtWidgets import QFileDialog

from logreg_gui.core import DataError

from .helpers import find, train_to_end, type_into


def answer(monkeypatch, path):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))


def trigger(window, name):
    window.findChild(type(window.menus.recent_menu.menuAction()), name).trigger()


def run(path):
    done = subprocess.run(
        [sys.executable, str(path)], capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def weights(stdout):
    theta = json.loads(re.search(r"^theta = (.*)$", stdout, re.M).group(1))
    return np.array(theta)


def test_without_a_run_the_export_says_why_in_one_sentence(window, tmp_path):
    with pytest.raises(DataError, match="train first"):
        window.export_code(tmp_path / "run.py")
    assert not (tmp_path / "run.py").exists()


def test_the_exported_script_and_notebook_print_the_window_s_log(
    qtbot, window, tmp_path, monkeypatch
):
    type_into(qtbot, find(window, "epochsInput"), "500")
    train_to_end(qtbot, window)
    find(window, "logEveryInput").setValue(50)
    shown = [line for line in window.log.lines() if line.startswith("epoch:")]
    assert len(shown) == 11  # epochs 0, 50, …, 500

    answer(monkeypatch, tmp_path / "blog")  # the suffix is added
    trigger(window, "exportCodeAction")
    stdout = run(tmp_path / "blog.py")
    assert [line for line in stdout.splitlines() if line.startswith("epoch:")] == shown
    coef = window.session.run.latest["coef"]
    np.testing.assert_allclose(weights(stdout), coef, rtol=0, atol=1e-10)
    assert "blog.py" in window.statusBar().currentMessage()

    answer(monkeypatch, tmp_path / "blog.ipynb")
    trigger(window, "exportNotebookAction")
    book = json.loads((tmp_path / "blog.ipynb").read_text(encoding="utf-8"))
    script = "\n\n".join(
        "".join(cell["source"]) for cell in book["cells"] if cell["cell_type"] == "code"
    )
    (tmp_path / "cells.py").write_text(script, encoding="utf-8")
    stdout = run(tmp_path / "cells.py")
    assert [line for line in stdout.splitlines() if line.startswith("epoch:")] == shown
    np.testing.assert_allclose(weights(stdout), coef, rtol=0, atol=1e-10)
