"""The house's rules, checked with every test run: the import contracts of pyproject.toml (no
upward import, no circle, a Qt-free core, views that never import each other), and tests
that go through the public surface and wait on conditions, never on the clock."""

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TESTS = ROOT / "tests"

#: ``thing._name`` (an attribute or method of ours that is not public), not ``__dunder__``.
PRIVATE = re.compile(r"(?<![\w.])[A-Za-z_][\w.()\[\]\"']*\._(?!_)[A-Za-z]\w*")
#: A wait for time to pass: ``qtbot.wait(300)``, ``time.sleep(...)``.
SLEEP = re.compile(r"\bqtbot\.wait\(\s*\d|\btime\.sleep\(")


def test_the_import_contracts_hold():
    lint = Path(sys.executable).with_name("lint-imports")
    done = subprocess.run([str(lint)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]


def code_lines(path):
    """``(number, line)`` of the lines of ``path`` that are code: not comments, not the
    text of docstrings or scripts in triple quotes, not imports."""
    inside = False
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        quotes = line.count('"""') + line.count("'''")
        if inside or quotes:
            if quotes % 2:
                inside = not inside
            continue
        code = line.split("#", 1)[0]
        if code.strip().startswith(("import ", "from ")):
            continue
        yield number, code


def test_no_test_reads_a_private_attribute():
    found = [
        f"{path.relative_to(ROOT)}:{number}: {match.group(0)}"
        for path in TESTS.rglob("*.py")
        if "benchmarks" not in path.parts and path != Path(__file__)
        for number, code in code_lines(path)
        for match in PRIVATE.finditer(code)
    ]
    assert not found, "\n".join(found)


def test_no_test_waits_for_time_to_pass_before_asserting():
    found = [
        f"{path.relative_to(ROOT)}:{number}: {code.strip()}"
        for path in TESTS.rglob("*.py")
        if "benchmarks" not in path.parts and path != Path(__file__)
        for number, code in code_lines(path)
        if SLEEP.search(code)
    ]
    assert not found, "\n".join(found)


def test_the_rules_see_what_they_forbid():
    """The patterns above find what they are meant to find (so the checks can fail)."""
    assert PRIVATE.search("window.loss_plot._compared_items")
    assert PRIVATE.search('panel.getAxis("left")._tickLevels[0]')
    assert PRIVATE.search("run._call(10, 0.5)")
    assert not PRIVATE.search("obj.__class__") and not PRIVATE.search("x = _private")
    assert SLEEP.search("qtbot.wait(50)") and SLEEP.search("time.sleep(0.1)")
    assert not SLEEP.search("qtbot.waitUntil(lambda: x, timeout=5)")
