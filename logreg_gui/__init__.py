"""logreg-gui: learn logistic regression by doing it (``logreg_gui.core`` for notebooks)."""


def __getattr__(name):
    # ``__version__`` on demand: importlib.metadata costs ~30 ms, paid before the window
    # is shown if it were read at import.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("logreg-gui")
        except PackageNotFoundError:  # a source tree that was not installed
            return "0+unknown"
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
