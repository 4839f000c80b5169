"""Every form value, the chosen tab, the panels and the recent files, kept between starts
with QSettings (the platform's own settings store), and read back checked.

Inputs are found by their objectName (ending in ``Input``), or kept under the name of their
``settingsKey`` property: number fields keep their text as typed, combo boxes their choice,
check boxes whether they are checked, sliders their position. A data file is kept by its
path and the columns chosen; a file that has gone since falls back to generated data, and
says so. Painted points are not kept here but with the runs of last time (a session file).

What is read back may have been left by an older version, a hand edit or a damaged write.
Every value goes through one checked reader (:class:`KeptSettings`): its type, range and
choices are those of what it goes to; a value that does not fit is forgotten, named in one
line, and the default is used. A start never fails on a kept value.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import shutil
import stat

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QSlider

from ..style.i18n import LANGUAGES, QT_TRANSLATE_NOOP, translate
from .zoom import STEPS

__all__ = [
    "MAX_RECENT",
    "KeptSettings",
    "SettingsStore",
    "forget_settings",
    "guard_settings_files",
    "last_session_path",
    "migrated",
    "recent_files",
    "remember_file",
    "remove_kept_session",
    "restore_window",
    "save_window",
]

#: Files kept in the File ▸ Recent files menu.
MAX_RECENT = 8
#: The longest text an input keeps (what a person types in a number field is short).
MAX_TEXT = 200
#: The longest JSON document kept under one key (every form value together is ~1 kB).
MAX_JSON = 64 * 1024
#: Tabs and other positions kept are below this (a C int holds them; the window checks the
#: real count).
MAX_INDEX = 10_000
#: The largest settings file read (this version's is a few kB).
MAX_SETTINGS_BYTES = 1024 * 1024


# Checks: each returns the value to use, or raises ValueError saying why it cannot be used.
def _text(raw, limit=MAX_TEXT):
    if not isinstance(raw, str) or len(raw) > limit:
        raise ValueError("not a short text")
    return raw


def _json(raw):
    return json.loads(_text(raw, MAX_JSON))  # RecursionError for a deeply nested one


def _index(raw):
    value = int(raw) if isinstance(raw, (int, str)) and not isinstance(raw, bool) else None
    if value is None or not 0 <= value < MAX_INDEX:
        raise ValueError("not a position")
    return value


def _zoom(raw):
    value = float(raw)
    if not (math.isfinite(value) and STEPS[0] <= value <= STEPS[-1]):
        raise ValueError("not a zoom factor")
    return value


def _language(raw):
    if raw not in LANGUAGES:
        raise ValueError("not a language")
    return raw


def _bytes(raw):
    if not isinstance(raw, (QByteArray, bytes)):
        raise ValueError("not a saved layout")
    return raw


def _form_values(raw):
    data = _json(raw)
    if not isinstance(data, dict):
        raise ValueError("not the forms' values")
    for key, value in data.items():
        if not isinstance(key, str) or not (
            value is None or isinstance(value, (bool, int, float, str))
        ):
            raise ValueError("not the forms' values")
    return data


def _data_file(raw):
    """``{"path": str, "choice": {...}}``, or None when no file was in use."""
    data = _json(raw)
    if data is None:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("path"), str):
        raise ValueError("not a data file")
    choice = data.get("choice") or {}
    threshold = choice.get("threshold") if isinstance(choice, dict) else None
    names = [choice.get(k) or [] for k in ("include", "exclude")] if choice else []
    if not (
        isinstance(choice, dict)
        and isinstance(choice.get("target"), (str, type(None)))
        and choice.get("missing", "drop") in ("drop", "impute")
        and (
            threshold is None
            or threshold == "median"
            or (isinstance(threshold, (int, float)) and math.isfinite(threshold))
        )
        and all(isinstance(n, list) and all(isinstance(c, str) for c in n) for n in names)
    ):
        raise ValueError("not a choice of columns")
    choice = dict(choice)
    for key in ("include", "exclude"):
        choice[key] = tuple(choice.get(key) or ())
    choice.setdefault("missing", "drop")
    choice.setdefault("threshold", None)
    choice.setdefault("target", None)
    return {"path": data["path"], "choice": choice}


def _file_list(raw):
    files = _json(raw)
    if not isinstance(files, list):
        raise ValueError("not a list of files")
    return [f for f in files if isinstance(f, str) and len(f) < 4096][:MAX_RECENT]


#: How each value kept is checked before it is used.
CHECKS = {
    "ui/language": _language,
    "ui/zoom": _zoom,
    "window/geometry": _bytes,
    "window/docks": _bytes,
    "window/tab": _index,
    "forms/values": _form_values,
    "forms/dataFile": _data_file,
    "files/recent": _file_list,
    "files/lastDirectory": lambda raw: _text(raw, 4096),
}


class KeptSettings:
    """The settings kept, read back checked by :data:`CHECKS`.

    A value that does not pass is removed from the store (the next start does not meet it
    again), its name is added to :attr:`dropped`, and the default is used."""

    def __init__(self, guarded=()):
        self._settings = QSettings()
        self.dropped: list[str] = []
        self.guarded = list(guarded)  # what guard_settings_files did (text, fields)

    def value(self, key, default=None):
        """The value kept under ``key``, checked; ``default`` if there is none or it does
        not pass."""
        try:
            raw = self._settings.value(key)
            if raw is None:
                return default
            return CHECKS[key](raw)
        except (TypeError, ValueError, OverflowError, RecursionError):
            self.drop(key)
            return default

    def drop(self, key, name=None) -> None:
        """Forget the value kept under ``key`` (``name``: how it is named, if not by its
        key)."""
        with contextlib.suppress(Exception):
            self._settings.remove(key)
        self.dropped.append(name or key)

    def check_all(self) -> list[str]:
        """Check every value kept now (before anything reads one); the names dropped."""
        for key in CHECKS:
            self.value(key)
        return list(self.dropped)

    def note(self) -> str:
        """The settings files moved aside and the values dropped, in one line ("" when
        there was nothing to say)."""
        said = [
            translate("SettingsStore", text).format(
                **dict(fields, what=translate("SettingsStore", fields["what"]))
            )
            for text, fields in self.guarded
        ]
        if self.dropped:
            said.append(
                translate(
                    "SettingsStore",
                    "Settings of last time that did not fit were reset to their defaults: {names}.",
                ).format(names=", ".join(dict.fromkeys(self.dropped)))
            )
        return " ".join(said)


class SettingsStore:
    """Saves and restores the inputs under the given widgets. What they hold when the store
    is made are the defaults :meth:`reset` returns to. ``kept``: the checked reader whose
    dropped values the :attr:`note` names too."""

    def __init__(self, *roots, kept=None):
        self._roots = roots
        self.kept = KeptSettings() if kept is None else kept
        self.defaults = self.capture()
        self._file_note = ""

    @property
    def note(self) -> str:
        """What restoring could not bring back, in words ("" when all came back)."""
        return f"{self._file_note} {self.kept.note()}".strip()

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

    def apply(self, values) -> list[str]:
        """Put ``values`` (by name) into the inputs, as if typed and committed; a value that
        does not fit its input (type, range, choices) is skipped. Returns the names
        skipped (unknown names are not: a later version may keep more inputs)."""
        skipped = []
        for name, widget in self._inputs():
            if name not in values:
                continue
            if not self._put(widget, values[name]):
                skipped.append(name)
        return skipped

    @staticmethod
    def _put(widget, value) -> bool:
        number = isinstance(value, int) and not isinstance(value, bool)
        if isinstance(widget, QLineEdit):
            if not isinstance(value, str) or len(value) > MAX_TEXT:
                return False
            widget.setText(value)
            widget.editingFinished.emit()  # a number field commits what it holds
        elif isinstance(widget, QComboBox):
            index = widget.findData(value) if isinstance(value, str) else value
            if not (isinstance(index, int) and 0 <= index < widget.count()):
                return False
            widget.setCurrentIndex(index)
        elif isinstance(widget, QAbstractButton):
            if not isinstance(value, bool):
                return False
            widget.setChecked(value)
        elif isinstance(widget, QSlider):
            if not (number and widget.minimum() <= value <= widget.maximum()):
                return False
            widget.setValue(value)
        return True

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
        values = migrated(self.kept.value("forms/values", {}))
        for name in self.apply(values):
            self.kept.drop(f"forms/values/{name}", name)
        file = self.kept.value("forms/dataFile")
        if data_form is None:
            return
        painted = data_form.source.currentData() == "painted"
        if file is not None and os.path.isfile(file["path"]):
            data_form.set_file(file["path"], file["choice"])
        elif data_form.source.currentData() == "file":
            if file is not None:
                self._file_note = translate(
                    "SettingsStore", "The data file of last time, {path}, is not there any more."
                ).format(path=file["path"])
            data_form.select_source("generated")
        if painted:
            # Painted points come back with the runs of last time (kept even without a run);
            # until they are, the data of a first start.
            data_form.select_source("generated")

    @staticmethod
    def sync() -> list[str]:
        """Write the settings to their file now; what went wrong, in words (empty when
        nothing did)."""
        from PySide6.QtCore import QCoreApplication

        settings = QSettings()
        settings.sync()
        # Without an organisation name Qt reports an access error even for a file it wrote
        # (the application always sets one; a script making a window may not).
        if settings.status() == QSettings.NoError or not QCoreApplication.organizationName():
            return []
        return [
            translate("SettingsStore", "The settings could not be written to {path}.").format(
                path=settings.fileName()
            )
        ]

    def reset(self) -> None:
        """Forget the saved settings (not the recent files) and put the defaults back."""
        forget_settings()
        self.apply(self.defaults)


def migrated(values) -> dict:
    """Form values kept by an earlier version, under this version's names: the L2 field
    (``l2Input``) became the penalty, ``l2 = x > 0`` being ``penaltyInput`` L2 with
    ``alphaInput`` x, and 0 (or empty) no penalty. A value that was not a number stays as it
    was typed, in the strength's field, where the form says what is wrong with it."""
    if "l2Input" not in values:
        return values
    values = dict(values)
    typed = values.pop("l2Input")
    if "penaltyInput" in values or not isinstance(typed, str):
        return values
    try:
        l2 = float(typed.replace(",", "").replace("_", "")) if typed.strip() else 0.0
    except ValueError:
        l2 = math.nan
    if l2 == 0:
        values["penaltyInput"] = "none"
    else:
        values["penaltyInput"] = "l2"
        values["alphaInput"] = typed
    return values


def _settings_files():
    """The files QSettings reads for this application, found before it reads any: the
    application's own and the organisation's, as INI (``.ini``) or native (``.conf``)."""
    from PySide6.QtCore import QCoreApplication, QStandardPaths

    base = QStandardPaths.writableLocation(QStandardPaths.GenericConfigLocation)
    organization = QCoreApplication.organizationName()
    application = QCoreApplication.applicationName()
    for suffix in (".conf", ".ini"):
        yield os.path.join(base, organization, application + suffix)
        yield os.path.join(base, organization + suffix)


def guard_settings_files() -> list[tuple[str, dict]]:
    """Before anything reads the settings: a settings file that is no regular file (a pipe
    would block every start) or too large to be one of ours is moved aside (kept, renamed
    ``….unusable``), so that the start goes on with defaults. Returns what was done, one
    sentence a file, as ``(English text marked for translation, its fields)``: said later,
    in the language of the window."""
    notes = []
    for path in _settings_files():
        try:
            info = os.lstat(path)
        except OSError:
            continue
        regular = stat.S_ISREG(info.st_mode)
        if regular and info.st_size <= MAX_SETTINGS_BYTES:
            continue
        aside = f"{path}.unusable"
        try:
            os.replace(path, aside)
            said = QT_TRANSLATE_NOOP(
                "SettingsStore",
                "The settings file {path} could not be read ({what}); it was moved to {aside} "
                "and the defaults are used.",
            )
        except OSError:
            said = QT_TRANSLATE_NOOP(
                "SettingsStore",
                "The settings file {path} could not be read ({what}) nor moved away; settings "
                "are not kept this time.",
            )
            _use_settings_elsewhere()
        what = (
            QT_TRANSLATE_NOOP("SettingsStore", "it is not a regular file")
            if not regular
            else QT_TRANSLATE_NOOP("SettingsStore", "it is far too large")
        )
        notes.append((said, {"path": path, "what": what, "aside": aside}))
    return notes


def _use_settings_elsewhere():
    """Keep this start's settings in a folder of their own (the usual file cannot be used)."""
    import tempfile

    QSettings.setDefaultFormat(QSettings.IniFormat)
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, tempfile.mkdtemp())


def forget_settings() -> None:
    """Forget the forms, tab and panels kept, and the runs of last time
    (``logreg-gui --reset-settings``); the recent files and the last directory stay."""
    settings = QSettings()
    for group in ("forms", "window"):
        settings.remove(group)
    remove_kept_session()


def remove_kept_session() -> None:
    """Forget the runs of last time (whatever stands at their path: a folder too)."""
    path = last_session_path()
    with contextlib.suppress(OSError):
        if os.path.isdir(path) and not os.path.islink(path):
            shutil.rmtree(path)
        else:
            os.remove(path)


def last_session_path() -> str:
    """Where the runs of last time are kept: a session file beside the settings."""
    return os.path.join(os.path.dirname(QSettings().fileName()), "last-session.lrsession")


def save_window(window) -> None:
    """Keep the window's size, its panels (as they are outside presentation mode) and the tab
    shown."""
    settings = QSettings()
    settings.setValue("window/geometry", window.saveGeometry())
    settings.setValue("window/docks", window.panels_state())
    settings.setValue("window/tab", window.tabs.currentIndex())


def restore_window(window, kept: KeptSettings) -> None:
    """Bring back what :func:`save_window` kept (the size only on a real screen); what does
    not fit this window is dropped through ``kept``."""
    geometry, state = kept.value("window/geometry"), kept.value("window/docks")
    on_screen = os.environ.get("QT_QPA_PLATFORM") != "offscreen"
    if geometry is not None and on_screen and not window.restoreGeometry(geometry):
        kept.drop("window/geometry")
    if state is not None and not window.restoreState(state):
        kept.drop("window/docks")
    tab = kept.value("window/tab", 0)
    if tab < window.tabs.count():
        window.tabs.setCurrentIndex(tab)
    else:
        kept.drop("window/tab")


def _plain(choice):
    return {k: list(v) if isinstance(v, tuple) else v for k, v in choice.items()}


def recent_files() -> list[str]:
    """The files opened lately, most recent first."""
    return KeptSettings().value("files/recent", [])


def last_directory() -> str:
    """The folder of the file opened or saved last ("" before any)."""
    return KeptSettings().value("files/lastDirectory", "")


def remember_file(path) -> list[str]:
    """Put ``path`` first in the recent files; returns the list."""
    path = os.path.abspath(path)
    files = [path] + [p for p in recent_files() if p != path]
    QSettings().setValue("files/recent", json.dumps(files[:MAX_RECENT]))
    return files[:MAX_RECENT]
