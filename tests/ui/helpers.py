"""Driving the real window as a person would."""

from logreg_gui.ui.session import RunState


def find(window, name):
    """The widget called ``name`` (objectName), which must exist."""
    widget = window.findChild(object, name)
    assert widget is not None, name
    return widget


def type_into(qtbot, field, text):
    """Type ``text`` into a line edit as a person would, then press Enter."""
    from PySide6.QtCore import Qt

    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key_Return)


def choose_penalty(qtbot, window, kind, alpha=None, l1_ratio=None):
    """Choose the penalty ``kind`` ("none", "l2", "l1", "elasticnet") in the model form as a
    person would, and type its strength α and its L1 ratio when given."""
    from PySide6.QtCore import Qt

    box = find(window, "penaltyInput")
    box.setFocus()
    while box.currentData() != kind:
        before = box.currentIndex()
        qtbot.keyClick(box, Qt.Key_Down if box.findData(kind) > before else Qt.Key_Up)
        assert box.currentIndex() != before, kind
    if alpha is not None:
        type_into(qtbot, find(window, "alphaInput"), alpha)
    if l1_ratio is not None:
        type_into(qtbot, find(window, "l1RatioInput"), l1_ratio)


def train_to_end(qtbot, window, timeout=60_000):
    """Press Train and wait for the run to end."""
    from PySide6.QtCore import Qt

    qtbot.mouseClick(find(window, "trainButton"), Qt.LeftButton)
    qtbot.waitUntil(lambda: window.session.state is RunState.FINISHED, timeout=timeout)


def settle():
    """Deliver every event already posted (layouts, resizes, queued signals) — what the
    window does before its next paint — without waiting for time to pass."""
    from PySide6.QtCore import QCoreApplication

    QCoreApplication.sendPostedEvents()
    QCoreApplication.processEvents()


def resize(qtbot, window, width, height):
    """Resize ``window`` and wait until it has that size and its layout follows."""
    from PySide6.QtCore import QSize

    window.resize(width, height)
    qtbot.waitUntil(lambda: window.size() == QSize(width, height), timeout=5_000)
    settle()


def window_in(qtbot, monkeypatch, language):
    """A generator for a fixture: the real main window in ``language`` ("en", "zh_CN"), its
    data made, dialogs answered OK without showing; English again afterwards."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    from logreg_gui.ui.app.main_window import MainWindow
    from logreg_gui.ui.style import i18n

    app = QApplication.instance()
    assert i18n.install(app, language) == language
    for name in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name, lambda *a, **k: QMessageBox.Ok)
    try:
        w = MainWindow()
        qtbot.addWidget(w)
        w.show()
        qtbot.waitUntil(lambda: w.session.data is not None, timeout=20_000)
        yield w
        w.zoom.reset()
        w.close()
    finally:
        i18n.install(app, "en")


def answer(monkeypatch, path, chosen=""):
    """The next file dialogs (save and open) answer ``path`` (and the filter ``chosen``)."""
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), chosen))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), chosen))


def trigger(window, name):
    """Trigger the menu action called ``name`` as a click on it would; returns it."""
    action = window.findChild(type(window.menus.recent_menu.menuAction()), name)
    assert action is not None, name
    action.trigger()
    return action
