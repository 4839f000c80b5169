"""Every form value, the chosen tab, the panels and the recent files, kept between starts
with QSettings (the platform's own settings store).

Inputs are found by their objectName (ending in ``Input``), or kept under the name of their
``settingsKey`` property: number fields keep their text as typed, combo boxes their choice,
check boxes whether they are checked, sliders their position. A data file is kept by its path and the columns chosen; a file that has gone
since falls back to generated data, and says so.
"""

from __future__ import annotations

import contextlib
import json
import os

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QSlider

from ..style.i18n import translate

__all__ = [
    "MAX_RECENT",
    "SettingsStore",
    "forget_settings",
    "last_session_path",
    "recent_files",
    "remember_file",
    "restore_window",
    "save_window",
]

#: Files kept in the File ▸ Recent files menu.
MAX_RECENT = 8


class SettingsStore:
    """Saves and restores the inputs under the given widgets. What they hold when the store
    is made are the defaults :meth:`reset` returns to."""

    def __init__(self, *roots):
        self._roots = roots
        self.defaults = self.capture()
        self.note = ""  # what restoring could not bring back, in words

    def _inputs(self):
        for root in self._roots:
            for widget in (
                root.findChildren(QAbstractButton)
                + root.findChildren(QLineEdit)
                + (root.findChildren(QComboBox) + root.findChildren(QSlider))
            ):
                key = widget.property("settingsKey") or widget.objectName()
                if key.endswith("Input"):
                    yield key, widget

    def capture(self) -> dict:
        """The value of every input, by name."""
        values = {}
        for name, widget in self._inputs():
            if isinstance(widget, QLineEdit):
                values[name] = widget.text()
            elif isinstance(widget, QComboBox):
                values[name] = (
                    widget.currentData() if widget.currentData() else widget.currentIndex()
                )
            elif isinstance(widget, QAbstractButton) and widget.isCheckable():
                values[name] = widget.isChecked()
            elif isinstance(widget, QSlider):
                values[name] = widget.value()
        return values

    def apply(self, values) -> None:
        """Put ``values`` (by name) into the inputs, as if typed and committed; unknown names
        and values that do not fit are skipped."""
        for name, widget in self._inputs():
            if name not in values:
                continue
            value = values[name]
            if isinstance(widget, QLineEdit) and isinstance(value, str):
                widget.setText(value)
                widget.editingFinished.emit()  # a number field commits what it holds
            elif isinstance(widget, QComboBox):
                index = widget.findData(value) if isinstance(value, str) else value
                if isinstance(index, int) and 0 <= index < widget.count():
                    widget.setCurrentIndex(index)
            elif isinstance(widget, QAbstractButton) and isinstance(value, bool):
                widget.setChecked(value)
            elif isinstance(widget, QSlider) and isinstance(value, int):
                widget.setValue(value)

    def save(self, data_form=None) -> None:
        """Write every input (and the data file ``data_form`` uses) to QSettings."""
        settings = QSettings()
        settings.setValue("forms/values", json.dumps(self.capture()))
        file = None
        if data_form is not None and data_form.file_path:
            file = {"path": data_form.file_path, "choice": _plain(data_form.file_choice)}
        settings.setValue("forms/dataFile", json.dumps(file))

    def restore_forms(self, data_form=None) -> None:
        """Read the saved inputs back into the widgets (and the data file into ``data_form``)."""
        settings = QSettings()
        values, file = (
            _json(settings.value("forms/values")),
            _json(settings.value("forms/dataFile")),
        )
        self.apply(values if isinstance(values, dict) else {})
        if data_form is None or not isinstance(file, dict):
            if data_form is not None and data_form.source.currentData() == "file":
                data_form.select_source("generated")
            return
        path, choice = file.get("path"), file.get("choice") or {}
        if isinstance(path, str) and os.path.isfile(path) and isinstance(choice, dict):
            for key in ("include", "exclude"):
                choice[key] = tuple(choice.get(key) or ())
            data_form.set_file(path, choice)
        elif data_form.source.currentData() == "file":
            self.note = translate(
                "SettingsStore", "The data file of last time, {path}, is not there any more."
            ).format(path=path)
            data_form.select_source("generated")

    def reset(self) -> None:
        """Forget the saved settings (not the recent files) and put the defaults back."""
        forget_settings()
        self.apply(self.defaults)


def forget_settings() -> None:
    """Forget the forms, tab and panels kept, and the runs of last time
    (``logreg-gui --reset-settings``); the recent files and the last directory stay."""
    settings = QSettings()
    for group in ("forms", "window"):
        settings.remove(group)
    with contextlib.suppress(OSError):
        os.remove(last_session_path())


def last_session_path() -> str:
    """Where the runs of last time are kept: a session file beside the settings."""
    return os.path.join(os.path.dirname(QSettings().fileName()), "last-session.lrsession")


def save_window(window) -> None:
    """Keep the window's size, its panels and the tab shown."""
    settings = QSettings()
    settings.setValue("window/geometry", window.saveGeometry())
    settings.setValue("window/docks", window.saveState())
    settings.setValue("window/tab", window.tabs.currentIndex())


def restore_window(window) -> None:
    """Bring back what :func:`save_window` kept (the size only on a real screen)."""
    settings = QSettings()
    geometry, state = settings.value("window/geometry"), settings.value("window/docks")
    if geometry is not None and os.environ.get("QT_QPA_PLATFORM") != "offscreen":
        window.restoreGeometry(geometry)
    if state is not None:
        window.restoreState(state)
    with contextlib.suppress(TypeError, ValueError):
        window.tabs.setCurrentIndex(int(settings.value("window/tab", 0) or 0))


def _json(text):
    try:
        return json.loads(text) if text else None
    except (TypeError, ValueError):
        return None


def _plain(choice):
    return {k: list(v) if isinstance(v, tuple) else v for k, v in choice.items()}


def recent_files() -> list[str]:
    """The files opened lately, most recent first."""
    files = _json(QSettings().value("files/recent"))
    return [f for f in files if isinstance(f, str)] if isinstance(files, list) else []


def remember_file(path) -> list[str]:
    """Put ``path`` first in the recent files; returns the list."""
    path = os.path.abspath(path)
    files = [path] + [p for p in recent_files() if p != path]
    QSettings().setValue("files/recent", json.dumps(files[:MAX_RECENT]))
    return files[:MAX_RECENT]
