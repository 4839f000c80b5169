import os

# Qt must never need a display in tests; set before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest


@pytest.fixture(autouse=True)
def _own_settings(tmp_path, monkeypatch):
    """Every test gets its own QSettings store: nothing a test saves leaks into another test
    or into the person's real settings."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    from PySide6.QtCore import QCoreApplication, QSettings

    QCoreApplication.setOrganizationName("logreg-gui-tests")
    QCoreApplication.setApplicationName("logreg-gui-tests")
    QSettings.setDefaultFormat(QSettings.IniFormat)
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(tmp_path / "config"))


@pytest.fixture
def window(qtbot, monkeypatch):
    """The real main window on its defaults, its data made. Dialogs never block: what they
    would have shown is in ``window.dialogs`` as (title, text)."""
    from PySide6.QtWidgets import QMessageBox

    from logreg_gui.ui.app.main_window import MainWindow

    shown = []

    def record(*args, **kwargs):
        shown.append((args[1], args[2]))
        return QMessageBox.Ok

    for name in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name, record)
    w = MainWindow()
    w.dialogs = shown
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.session.data is not None, timeout=20_000)
    yield w
    w.close()
