"""logreg_gui.core never imports Qt: usable from a notebook or a server."""

import pathlib
import re
import subprocess
import sys

CORE = pathlib.Path(__file__).resolve().parents[2] / "logreg_gui" / "core"


def test_importing_the_core_loads_no_qt():
    modules = []
    for p in CORE.rglob("*.py"):
        parts = p.relative_to(CORE).with_suffix("").parts
        if parts[-1] == "__init__":  # a package is imported by its folder's name
            parts = parts[:-1]
        modules.append(".".join(("logreg_gui", "core", *parts)))
    assert "logreg_gui.core.data.reading" in modules
    code = (
        "import sys, " + ", ".join(modules) + "\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'pyqtgraph')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


def test_no_core_file_imports_qt():
    pattern = re.compile(r"^\s*(from|import)\s+(PySide6|shiboken6|pyqtgraph|PyQt)", re.M)
    offenders = [p.name for p in CORE.rglob("*.py") if pattern.search(p.read_text())]
    assert offenders == []
