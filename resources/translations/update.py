"""Remake the translations: collect the marked strings, then compile the translations.

    python resources/translations/update.py          # lupdate, then lrelease
    python resources/translations/update.py --check  # exit 1 if either is out of date

1. ``pyside6-lupdate`` reads every ``logreg_gui/**/*.py`` and updates
   ``resources/translations/logreg_gui_<lang>.ts``: new strings are added (unfinished), strings
   no longer in the source are dropped, translations already made are kept. Translate
   the new entries with Qt Linguist (``pyside6-linguist``) or any editor of .ts files.
2. ``pyside6-lrelease`` compiles each .ts into ``logreg_gui/translations/logreg_gui_<lang>.qm``,
   which ships in the package and which the window loads (:mod:`logreg_gui.ui.i18n`).

Both tools come with PySide6 (the ``PySide6-Essentials`` wheel).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
PACKAGE = ROOT / "logreg_gui"
COMPILED = PACKAGE / "translations"
LANGUAGES = ["zh_CN"]


def tool(name: str) -> str:
    """The PySide6 tool ``name`` next to this Python, or on PATH."""
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6-Essentials (pip install -e .)")
    return found


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in PACKAGE.rglob("*.py"))


def lupdate(ts: Path) -> None:
    """Collect the strings into ``ts``. lupdate takes a ``#:`` comment before a string for a
    note to the translator; here ``#:`` documents module constants, so those notes are
    dropped (they would make the .ts change whenever such a comment does)."""
    subprocess.run(
        [tool("pyside6-lupdate"), *sources(), "-locations", "none", "-no-obsolete", "-ts", str(ts)],
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    text = ts.read_text(encoding="utf-8")
    ts.write_text(re.sub(r"\n *<extracomment>.*?</extracomment>", "", text, flags=re.S), "utf-8")


def lrelease(ts: Path, qm: Path) -> None:
    qm.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)],
        cwd=ROOT,
        check=True,
    )


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help="only report whether the files are up to date"
    )
    args = parser.parse_args(argv)
    stale = []
    for language in LANGUAGES:
        ts = HERE / f"logreg_gui_{language}.ts"
        qm = COMPILED / f"logreg_gui_{language}.qm"
        if not args.check:
            lupdate(ts)
            lrelease(ts, qm)
            continue
        with tempfile.TemporaryDirectory() as tmp:
            fresh_ts = Path(tmp) / ts.name
            shutil.copy(ts, fresh_ts)
            lupdate(fresh_ts)
            if fresh_ts.read_bytes() != ts.read_bytes():
                stale.append(f"{ts.relative_to(ROOT)} misses strings of the source")
            fresh_qm = Path(tmp) / qm.name
            lrelease(ts, fresh_qm)
            if not qm.exists() or fresh_qm.read_bytes() != qm.read_bytes():
                stale.append(f"{qm.relative_to(ROOT)} is older than its .ts")
    for line in stale:
        print(line)
    if stale:
        print("run: python resources/translations/update.py")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
