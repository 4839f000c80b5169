"""logreg-gui: the desktop application."""

from __future__ import annotations

import os
import sys

__all__ = ["main"]


def _report_unexpected(exc_type, exc, tb):
    """Last resort for a bug in a slot: say it in words, keep the window running."""
    print(
        f"logreg-gui: unexpected error (please report it): {exc_type.__name__}: {exc}",
        file=sys.stderr,
    )
    from PySide6.QtWidgets import QApplication, QMessageBox

    from .ui.style.i18n import translate

    if QApplication.instance() is not None:
        QMessageBox.critical(
            None,
            translate("App", "Something went wrong"),
            translate(
                "App",
                "logreg-gui met an unexpected problem (a bug) and carried on:\n"
                "{kind}: {error}\n\nIf something looks wrong, save your session and "
                "start again. Please report this.",
            ).format(kind=exc_type.__name__, error=exc),
        )


def parse_args(argv=None):
    """The command line of ``logreg-gui`` (Qt's own options pass through)."""
    import argparse

    parser = argparse.ArgumentParser(
        prog="logreg-gui",
        description="Learn logistic regression by gradient descent, one epoch at a time.",
    )
    parser.add_argument(
        "--reset-settings",
        action="store_true",
        help="start with the default settings (forget the forms, tab and panels of last time)",
    )
    return parser.parse_known_args(sys.argv[1:] if argv is None else argv)


def main(argv=None) -> int:
    """Open the main window on the settings of last time and run until it is closed."""
    from .display import display_problem

    args, qt_args = parse_args(argv)
    problem = display_problem()
    if problem:
        # Qt would abort with a core dump and name the wrong library; say it in words.
        print(f"logreg-gui: {problem}", file=sys.stderr)
        return 2
    from PySide6.QtWidgets import QApplication

    from .ui.app.main_window import MainWindow

    app = QApplication.instance() or QApplication(["logreg-gui", *qt_args])
    app.setOrganizationName("logreg-gui")
    app.setApplicationName("logreg-gui")
    if args.reset_settings:
        from .ui.app.settings_store import forget_settings

        forget_settings()
    from .ui.style.i18n import install

    install(app)  # the language chosen, or the system's
    sys.excepthook = _report_unexpected
    window = MainWindow(deferred=True)  # shown before scikit-learn, scipy and numba load
    window.show()
    return _leave(app.exec())


def _leave(code) -> int:
    """``code``, once everything a person had is written. A background job cancelled at
    close may still be inside native code that ignores cancelling until it returns (scipy's
    HiGHS solver runs threads of its own): letting the interpreter tear down under it can
    abort the process ("terminate called without an active exception"). So when such a job
    is still running, the process ends here, at once, with ``code``."""
    import threading

    busy = [t for t in threading.enumerate() if t.daemon and t.is_alive()]
    if not busy:
        return code
    from PySide6.QtCore import QSettings

    QSettings().sync()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    sys.exit(main())
