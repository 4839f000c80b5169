"""The README's screenshots: every picture it shows exists and is a PNG wide enough to read,
and they are exactly what resources/screenshots/make.py makes (so that running it remakes
every one). The window is not started here; make.py does that, under a display."""

import importlib.util
import re
import struct
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MAKE = ROOT / "resources" / "screenshots" / "make.py"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
#: A picture in the README, as an image or as a link: its relative path.
_REFERENCE = re.compile(r"\((resources/screenshots/[^)\s]+\.png)\)")


def _make_module():
    spec = importlib.util.spec_from_file_location("screenshots_make", MAKE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _referenced():
    return _REFERENCE.findall((ROOT / "README.md").read_text(encoding="utf-8"))


def _png_size(path):
    """(width, height) from the PNG's IHDR chunk; fails on a file that is not a PNG."""
    head = path.read_bytes()[:24]
    assert head[:8] == PNG_MAGIC, f"{path} is not a PNG"
    assert head[12:16] == b"IHDR", f"{path} has no IHDR first"
    return struct.unpack(">II", head[16:24])


def test_every_picture_the_readme_shows_is_a_png_wide_enough():
    referenced = _referenced()
    assert referenced, "the README shows no screenshot"
    for relative in referenced:
        path = ROOT / relative
        assert path.is_file(), f"the README shows {relative}, which does not exist"
        width, height = _png_size(path)
        assert width >= 800, f"{relative} is {width} px wide"
        assert height > 0


def test_the_readme_shows_what_make_py_makes():
    outputs = _make_module().OUTPUTS
    assert len(set(outputs)) == len(outputs)
    shown = {Path(relative).name for relative in _referenced()}
    assert all(Path(r).parent == Path("resources/screenshots") for r in _referenced())
    assert shown == set(outputs)


def test_importing_make_py_does_not_start_qt():
    # In a fresh interpreter: this one may have imported Qt for other tests.
    code = (
        "import importlib.util, sys\n"
        f"spec = importlib.util.spec_from_file_location('m', {str(MAKE)!r})\n"
        "m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)\n"
        "print(sorted(n for n in sys.modules if n.startswith(('PySide6', 'logreg_gui'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
