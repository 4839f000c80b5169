"""File ▸ Export as Python… and as notebook…: the window's run, taken home as code that
prints the window's own log and ends with its weights."""

import json

import numpy as np
import pytest

from logreg_gui.core import DataError

from ..exported_code import final_weights, logged, run_script
from .helpers import answer, find, train_to_end, trigger, type_into


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
    stdout = run_script(tmp_path / "blog.py")
    assert logged(stdout) == shown
    coef = window.session.run.latest["coef"]
    np.testing.assert_allclose(final_weights(stdout)[0], coef, rtol=0, atol=1e-10)
    assert "blog.py" in window.statusBar().currentMessage()

    answer(monkeypatch, tmp_path / "blog.ipynb")
    trigger(window, "exportNotebookAction")
    book = json.loads((tmp_path / "blog.ipynb").read_text(encoding="utf-8"))
    script = "\n\n".join(
        "".join(cell["source"]) for cell in book["cells"] if cell["cell_type"] == "code"
    )
    (tmp_path / "cells.py").write_text(script, encoding="utf-8")
    stdout = run_script(tmp_path / "cells.py")
    assert logged(stdout) == shown
    np.testing.assert_allclose(final_weights(stdout)[0], coef, rtol=0, atol=1e-10)
