"""A teacher's preset in the window (File ▸ Open preset…, Save as preset…): the settings it
sets, the tab it shows, and the controls it hides or locks for the class.

Hidden rows of the settings forms are withheld by the forms themselves (they keep their own
choice of what to show, and get it back when the preset lets go); other controls and whole
view tabs are hidden here, and locked controls disabled, again after every change that could
show or enable them. View ▸ Show every control lets go.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..session import RunState

__all__ = ["PresetControls", "PresetDialog", "apply_settings", "show_tab", "tab_index"]


def tab_index(tabs, name) -> int:
    """The index of the tab whose view is, or holds, the part named ``name`` (-1: none)."""
    if not name:
        return -1
    for i in range(tabs.count()):
        view = tabs.widget(i)
        if view is not None and (
            view.objectName() == name or view.findChild(QObject, name) is not None
        ):
            return i
    return -1


def show_tab(tabs, name) -> bool:
    """Show the tab of the part named ``name``; False when there is none."""
    index = tab_index(tabs, name)
    if index >= 0:
        tabs.setCurrentIndex(index)
    return index >= 0


def tab_key(tabs, index) -> str:
    """The name a preset or a lesson gives tab ``index``: its view's objectName, else that of
    the first named part in it (the Loss tab: ``lossPlot``)."""
    view = tabs.widget(index)
    if view is None:
        return ""
    if view.objectName():
        return view.objectName()
    named = [w for w in view.findChildren(QWidget) if w.objectName()]
    return named[0].objectName() if named else ""


def apply_settings(window, data, model, *, base=None) -> bool:
    """Put data settings (a dict of every field, or None: keep) and model settings (a
    partial dict) into the forms, as if typed; the data are made at once (a run going on
    ends; runs on other data are set aside, as opening a session does). ``base``: the
    model settings ``model`` changes (default: the form's). True when the data change."""
    from ...core.data.settings import settings_from_dict

    if data is None and not model and base is None:
        return False
    session, c = window.session, window.coordinator
    settings = (
        settings_from_dict(data)
        if data is not None
        else (session.request.data or session.data_settings)
    )
    values = dict(session.request.model or {}) if base is None else dict(base)
    values.update(model or {})
    changes = data is not None and settings != session.data_settings
    if changes and session.state is not RunState.NONE:
        c.training.discard()
        session.clear_run()
    session.load_settings(settings, values)
    return changes


class PresetControls(QObject):
    """Keeps the controls a preset hides or locks hidden and locked in ``window``."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.hidden, self.locked = (), ()
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self.enforce)
        session = window.session
        for signal in (
            session.requestChanged,
            session.runStateChanged,
            session.dataChanged,
            session.runsChanged,
        ):
            signal.connect(self._timer.start)

    def set(self, hidden, locked) -> list[str]:
        """Hide ``hidden`` and lock ``locked`` (names), letting go of what was before;
        returns the names the window has no part of."""
        self.release()
        window = self.window
        known = [n for n in (*hidden, *locked) if self._find(n) is not None]
        unknown = [n for n in dict.fromkeys((*hidden, *locked)) if n not in known]
        self.hidden, self.locked = tuple(hidden), tuple(locked)
        for form in (window.data_form, window.model_form):
            form.withhold(self.hidden)
        self.enforce()
        return unknown

    def release(self) -> None:
        """Show and unlock everything the preset hid or locked."""
        window = self.window
        hidden, locked = self.hidden, self.locked
        self.hidden, self.locked = (), ()
        for form in (window.data_form, window.model_form):
            form.withhold(())
        tabs = window.tabs
        for name in hidden:
            index = self._tab_of(name)
            if index >= 0:
                tabs.setTabVisible(index, True)
            elif (widget := self._find(name)) is not None and not self._in_forms(widget):
                widget.setVisible(True)
        for name in locked:
            if (widget := self._find(name)) is not None:
                widget.setEnabled(True)
                widget.setToolTip(widget.property("toolTipBeforeLock") or widget.toolTip())

    def enforce(self) -> None:
        """Hide and lock again whatever a change showed or enabled."""
        tabs = self.window.tabs
        for name in self.hidden:
            index = self._tab_of(name)
            if index >= 0:
                if tabs.isTabVisible(index):
                    tabs.setTabVisible(index, False)
                continue
            widget = self._find(name)
            if widget is not None and not self._in_forms(widget) and widget.isVisible():
                widget.setVisible(False)
        for name in self.locked:
            widget = self._find(name)
            if widget is not None and widget.isEnabled():
                if widget.property("toolTipBeforeLock") is None:
                    widget.setProperty("toolTipBeforeLock", widget.toolTip())
                widget.setEnabled(False)
                widget.setToolTip(self.tr("Locked by the preset (View ▸ Show every control)."))

    def _find(self, name):
        return self.window.findChild(QWidget, name)

    def _tab_of(self, name) -> int:
        tabs = self.window.tabs
        for i in range(tabs.count()):
            if tab_key(tabs, i) == name:
                return i
        return -1

    def _in_forms(self, widget) -> bool:
        window = self.window
        return window.data_form.isAncestorOf(widget) or window.model_form.isAncestorOf(widget)


def preset_choices(window) -> list[tuple[str, str]]:
    """``(name, what a person reads)`` of the controls a preset may hide or lock: the
    settings' fields, the run controls, the views' tabs."""
    out = []
    seen = set()
    for form in (window.data_form, window.model_form):
        for widget in form.findChildren(QWidget):
            name = widget.objectName()
            if not name or name in seen or not name.endswith(("Input", "Button")):
                continue
            label = form.layout().labelForField(
                widget.parentWidget()
            ) or form.layout().labelForField(widget)
            words = label.text() if isinstance(label, QLabel) else ""
            if not words and hasattr(widget, "text"):
                words = widget.text()
            seen.add(name)
            out.append((name, words.replace("&", "") or name))
    for widget in window.controls.findChildren(QWidget):
        name = widget.objectName()
        if name and name not in seen and name.endswith(("Button", "Slider")):
            seen.add(name)
            words = widget.text() if hasattr(widget, "text") else ""
            out.append((name, words.replace("&", "") or name))
    if window.threshold.findChild(QWidget, "thresholdSlider") is not None:
        out.append(("thresholdSlider", window.tr("Threshold")))
    tabs = window.tabs
    for i in range(tabs.count()):
        key = tab_key(tabs, i)
        if key and key not in seen:
            seen.add(key)
            out.append((key, window.tr("Tab: {title}").format(title=tabs.tabText(i))))
    return out


class PresetDialog(QDialog):
    """Save as preset: a title, a lesson to start, and which controls the class does not see
    or cannot change (objectName ``presetDialog``)."""

    def __init__(self, window, hidden=(), locked=(), lessons=()):
        super().__init__(window)
        self.setObjectName("presetDialog")
        self.setWindowTitle(self.tr("Save as preset"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Title (shown when the preset is opened):")))
        self.title = QLineEdit()
        self.title.setObjectName("presetTitleInput")
        layout.addWidget(self.title)
        layout.addWidget(QLabel(self.tr("Lesson to start:")))
        self.lesson = QComboBox()
        self.lesson.setObjectName("presetLessonInput")
        self.lesson.addItem(self.tr("None"), None)
        for name, title in lessons:
            self.lesson.addItem(title, name)
        layout.addWidget(self.lesson)
        note = QLabel(
            self.tr(
                "The data and model settings and the tab shown are saved as they are now. "
                "Tick what the class should not see (Hide) or not change (Lock)."
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        choices = preset_choices(window)
        self.table = QTableWidget(len(choices), 3)
        self.table.setObjectName("presetControlsTable")
        self.table.setHorizontalHeaderLabels([self.tr("Control"), self.tr("Hide"), self.tr("Lock")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        self.table.verticalHeader().hide()
        self._boxes = []
        for row, (name, words) in enumerate(choices):
            item = QTableWidgetItem(words)
            item.setToolTip(name)
            self.table.setItem(row, 0, item)
            hide, lock = QCheckBox(), QCheckBox()
            hide.setObjectName(f"hide_{name}")
            lock.setObjectName(f"lock_{name}")
            hide.setChecked(name in hidden)
            lock.setChecked(name in locked)
            self.table.setCellWidget(row, 1, hide)
            self.table.setCellWidget(row, 2, lock)
            self._boxes.append((name, hide, lock))
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(520, 560)

    def choice(self) -> dict:
        """What was chosen: ``title``, ``lesson``, ``hidden`` and ``locked``."""
        return {
            "title": self.title.text().strip(),
            "lesson": self.lesson.currentData(),
            "hidden": [name for name, hide, _ in self._boxes if hide.isChecked()],
            "locked": [name for name, _, lock in self._boxes if lock.isChecked()],
        }
