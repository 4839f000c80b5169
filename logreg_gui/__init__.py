"""logreg-gui: learn logistic regression by doing it (``logreg_gui.core`` for notebooks)."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("logreg-gui")
except PackageNotFoundError:  # run from a source tree that was not installed
    __version__ = "0+unknown"
