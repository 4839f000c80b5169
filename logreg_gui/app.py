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


#: What ``logreg-gui FILE`` opens: a teacher's preset, a session or a lesson.
OPENED_SUFFIXES = (".lrpreset", ".lrsession", ".md")


def parse_args(argv=None):
    """The command line of ``logreg-gui`` (Qt's own options pass through)."""
    import argparse

    parser = argparse.ArgumentParser(
        prog="logreg-gui",
        description="Learn logistic regression by gradient descent, one epoch at a time.",
        usage="logreg-gui [-h] [--reset-settings] [--lesson FILE] [FILE]",
        epilog="FILE: a teacher's preset (.lrpreset), a session (.lrsession) or a lesson (.md) "
        "to open.",
    )
    parser.add_argument(
        "--reset-settings",
        action="store_true",
        help="start with the default settings (forget the forms, tab and panels of last time)",
    )
    parser.add_argument(
        "--lesson",
        metavar="FILE",
        help="open this lesson file (Markdown, see resources/lessons/) at its first step",
    )
    args, qt_args = parser.parse_known_args(sys.argv[1:] if argv is None else argv)
    # FILE (a double-click, or typed): the argument named by a suffix logreg-gui opens;
    # Qt's own options (-platform offscreen, -style fusion …) pass through untouched.
    files = [a for a in qt_args if not a.startswith("-") and a.lower().endswith(OPENED_SUFFIXES)]
    args.file = files[-1] if files else None
    if args.file is not None:
        qt_args.remove(args.file)
    return args, qt_args


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
    from .ui.app.settings_store import guard_settings_files

    guarded = guard_settings_files()  # before anything reads the settings
    if args.reset_settings:
        from .ui.app.settings_store import forget_settings

        forget_settings()
    from .ui.style.i18n import install

    install(app)  # the language chosen, or the system's
    sys.excepthook = _report_unexpected
    window = MainWindow(deferred=True, guarded=guarded)  # shown before scikit-learn loads
    window.show()
    if args.lesson:
        window.open_lesson_at_start(args.lesson)
    if args.file:
        window.open_file_at_start(args.file)
    return _leave(app.exec())


def _leave(code):
    """End the process at once with ``code``: the window has closed, the settings and the
    runs are written (closing waits for a session being saved), so nothing is left to
    keep. Two reasons not to let the interpreter tear down: it takes most of a second
    (freeing scikit-learn, scipy, numba and Qt), and a background job cancelled at close
    may still be inside native code that ignores cancelling until it returns (scipy's
    HiGHS solver runs threads of its own), under which a teardown can abort the process
    ("terminate called without an active exception")."""
    from PySide6.QtCore import QSettings

    QSettings().sync()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    sys.exit(main())
