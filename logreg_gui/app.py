"""logreg-gui: the desktop application."""

from __future__ import annotations

import sys
import traceback

__all__ = ["main"]


def _report_unexpected(exc_type, exc, tb):
    """Last resort for a bug in a slot: tell the person in words, keep the window running."""
    traceback.print_exception(exc_type, exc, tb, file=sys.stderr)
    from PySide6.QtWidgets import QApplication, QMessageBox

    if QApplication.instance() is not None:
        QMessageBox.critical(
            None,
            "Something went wrong",
            f"logreg-gui met an unexpected problem and carried on:\n{exc_type.__name__}: {exc}\n\n"
            "Your data and settings are unchanged. Please report this.",
        )


def main(argv=None) -> int:
    """Open the main window on the seed blog's defaults and run until it is closed."""
    import os

    if (
        sys.platform.startswith("linux")
        and not os.environ.get("QT_QPA_PLATFORM")
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
    ):
        # Qt would abort with a core dump; say it in words instead.
        print(
            "logreg-gui: no display found (DISPLAY and WAYLAND_DISPLAY are unset). Run it in a "
            "desktop session, under xvfb-run, or use the headless trainer logreg-train.",
            file=sys.stderr,
        )
        return 1
    from PySide6.QtWidgets import QApplication

    from .ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv if argv is None else argv)
    app.setOrganizationName("logreg-gui")
    app.setApplicationName("logreg-gui")
    sys.excepthook = _report_unexpected
    window = MainWindow()
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
