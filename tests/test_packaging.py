"""Every package the code imports is declared, with a floor that has what the code uses."""

import ast
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
#: Import name → distribution name, where they differ.
DISTRIBUTIONS = {"sklearn": "scikit-learn", "PySide6": "PySide6-Essentials"}


def imported_packages():
    found = set()
    for path in (ROOT / "logreg_gui").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module.split(".")[0])
    return {name for name in found if name not in sys.stdlib_module_names} - {"logreg_gui"}


def declared():
    tomllib = pytest.importorskip("tomllib")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = list(project["dependencies"])
    requirements += [r for extra in project["optional-dependencies"].values() for r in extra]
    floors = {}
    for requirement in requirements:
        name, floor = re.match(r"([A-Za-z0-9_.-]+)\s*(?:>=\s*([\d.]+))?", requirement).groups()
        floors[name.lower()] = floor
    return floors


def test_every_imported_package_is_declared_with_a_floor():
    floors = declared()
    for package in imported_packages():
        distribution = DISTRIBUTIONS.get(package, package).lower()
        assert distribution in floors, f"{package} is imported but not declared"
        assert floors[distribution], f"{distribution} has no lower bound"


def version(text):
    return tuple(int(part) for part in text.split("."))


def test_the_floors_have_what_the_code_uses():
    floors = declared()
    # validate_data and __sklearn_tags__: scikit-learn 1.6.
    assert version(floors["scikit-learn"]) >= (1, 6)
    # numba 0.60 is the first for numpy 2; pandas 2.2 reads with format="mixed".
    assert version(floors["numba"]) >= (0, 60)
    assert version(floors["pandas"]) >= (2, 2)
