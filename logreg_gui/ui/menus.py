"""The menu bar and its dialogs: they ask for a path, then call the window's automation API
(``MainWindow.open_session(path)`` …), and show what went wrong in one plain message."""

from __future__ import annotations

import os

from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox

from ..core import DataError
from .exports import IMAGE_FILTER
from .settings_store import recent_files, remember_file

__all__ = ["DATA_FILTER", "MODEL_FILTER", "SESSION_FILTER", "Menus"]

DATA_FILTER = "Data files (*.csv *.tsv *.txt *.dat *.data *.xlsx *.parquet);;All files (*)"
MODEL_FILTER = "logreg-gui model (*.json);;All files (*)"
SESSION_FILTER = "logreg-gui session (*.lrsession);;All files (*)"
#: Save dialog choices: the second keeps the data inside the session file.
SESSION_SAVE_FILTERS = (
    "logreg-gui session (*.lrsession)",
    "logreg-gui session with its data inside (*.lrsession)",
)
REPORT_FILTER = "Web page (*.html)"
CSV_FILTER = "CSV file (*.csv)"


def _last_directory():
    return QSettings().value("files/lastDirectory", "") or ""


def _remember_directory(path):
    QSettings().setValue("files/lastDirectory", os.path.dirname(os.path.abspath(path)))


def _with_suffix(path, suffix):
    return path if os.path.splitext(path)[1] else path + suffix


class Menus(QObject):
    """File, View and Help menus of ``window`` (a MainWindow).

    Their entries wait (disabled) until the window is complete: :meth:`set_ready`.
    """

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        bar = window.menuBar()
        file_menu = bar.addMenu("&File")
        self._file_actions = []

        def add(menu, text, name, slot, shortcut=None, tip=""):
            action = QAction(text, window)
            action.setObjectName(name)
            action.setStatusTip(tip)
            if shortcut is not None:
                action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(slot)
            menu.addAction(action)
            return action

        self._file_actions += [
            add(
                file_menu,
                "&Open data…",
                "openDataAction",
                self.open_data,
                QKeySequence.Open,
                "Open a CSV, text, Excel or Parquet file and choose its target.",
            )
        ]
        self.recent_menu = file_menu.addMenu("Recent &files")
        self.recent_menu.setObjectName("recentFilesMenu")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addSeparator()
        self._file_actions += [
            add(
                file_menu,
                "&Save session…",
                "saveSessionAction",
                self.save_session,
                QKeySequence.Save,
                "Save the data settings, every run with its curves and weights, and the "
                "selected sample.",
            ),
            add(
                file_menu, "Open sessi&on…", "openSessionAction", self.open_session, "Ctrl+Shift+O"
            ),
            add(
                file_menu,
                "Save &model…",
                "saveModelAction",
                self.save_model,
                None,
                "Save the weights shown with their preprocessing, to predict new rows with "
                "logreg-predict or from Python.",
            ),
            add(file_menu, "Open mo&del…", "openModelAction", self.open_model),
        ]
        file_menu.addSeparator()
        self._file_actions += [
            add(
                file_menu,
                "Export &predictions…",
                "exportPredictionsAction",
                self.export_predictions,
                None,
                "The test samples with their true class, predicted class and every class's "
                "probability, as CSV.",
            ),
            add(
                file_menu,
                "Export &image…",
                "exportImageAction",
                self.export_image,
                "Ctrl+E",
                "The view shown, as PNG or SVG.",
            ),
            add(
                file_menu,
                "Export &report…",
                "exportReportAction",
                self.export_report,
                None,
                "One HTML page: data, settings, plots, evaluation and the selected prediction.",
            ),
        ]
        file_menu.addSeparator()
        add(file_menu, "&Quit", "quitAction", window.close, QKeySequence.Quit)
        view_menu = bar.addMenu("&View")
        self._file_actions += [
            add(
                view_menu,
                "Restore &default settings",
                "resetSettingsAction",
                self.reset_settings,
                None,
                "Put every setting, the tab and the panels back as on a first start.",
            )
        ]
        self.set_ready(False)

    def set_ready(self, ready) -> None:
        for action in self._file_actions:
            action.setEnabled(ready)
        self.recent_menu.setEnabled(ready)

    # Helpers --------------------------------------------------------------------------------
    def _attempt(self, title, work) -> bool:
        """Run ``work()``; a DataError (or any failure) becomes one message. True if it went."""
        try:
            work()
        except DataError as error:
            self._warn(title, str(error))
            return False
        except Exception as error:  # a bug: say it, keep everything
            self._warn(title, f"unexpected problem ({type(error).__name__}: {error}).")
            return False
        return True

    def _warn(self, title, text):
        self.window.statusBar().showMessage(f"{title}: {text}")
        QMessageBox.warning(self.window, title, text[:1].upper() + text[1:])

    def _open_path(self, caption, filters):
        path, _ = QFileDialog.getOpenFileName(self.window, caption, _last_directory(), filters)
        if path:
            _remember_directory(path)
        return path

    def _save_path(self, caption, filters, suffix, name=""):
        start = os.path.join(_last_directory(), name) if name else _last_directory()
        path, chosen = QFileDialog.getSaveFileName(self.window, caption, start, filters)
        if not path:
            return None, chosen
        _remember_directory(path)
        return _with_suffix(path, suffix), chosen

    # File -----------------------------------------------------------------------------------
    def open_data(self):
        """Ask for a data file, then show its preview to choose the target."""
        path = self._open_path("Open a data file", DATA_FILTER)
        if path:
            self.open_recent(path)

    def open_recent(self, path):
        """Open ``path`` by its kind: a session, a model or data (with its preview)."""
        remember_file(path)
        if path.endswith(".lrsession"):
            self._attempt("The session cannot be opened", lambda: self.window.open_session(path))
        elif path.endswith(".json"):
            self._attempt("The model cannot be opened", lambda: self.window.open_model(path))
        else:
            self.window.coordinator.preview_file(path)

    def _fill_recent(self):
        self.recent_menu.clear()
        files = recent_files()
        if not files:
            self.recent_menu.addAction("(none yet)").setEnabled(False)
        for i, path in enumerate(files):
            action = self.recent_menu.addAction(f"&{i + 1} {os.path.basename(path)}")
            action.setToolTip(path)
            action.setStatusTip(path)
            action.triggered.connect(lambda _=False, p=path: self.open_recent(p))

    def review_file(self):
        """Show the preview of the data file in use again (to change the target or columns)."""
        form = self.window.data_form
        if form.file_path:
            self.window.coordinator.preview_file(form.file_path, **form.file_choice)

    def choose_columns(self, table, choice):
        """The preview of a file's first rows: the person chooses the target and columns."""
        from .file_preview import FilePreview

        dialog = FilePreview(
            table,
            target=choice.get("target"),
            include=choice.get("include", ()),
            exclude=choice.get("exclude", ()),
            parent=self.window,
        )
        if dialog.exec() == FilePreview.Accepted:
            remember_file(table.path)
            self.window.data_form.set_file(table.path, dialog.choice())
        else:
            self.window.statusBar().showMessage("No file opened: the data are unchanged.")

    def save_session(self):
        path, chosen = self._save_path(
            "Save the session", ";;".join(SESSION_SAVE_FILTERS), ".lrsession", "session.lrsession"
        )
        if path:
            keep = chosen == SESSION_SAVE_FILTERS[1]
            if self._attempt(
                "The session cannot be saved",
                lambda: self.window.save_session(path, keep_data=keep),
            ):
                remember_file(path)

    def open_session(self):
        path = self._open_path("Open a session", SESSION_FILTER)
        if path:
            self.open_recent(path)

    def save_model(self):
        path, _ = self._save_path("Save the model", MODEL_FILTER, ".json", "model.json")
        if path and self._attempt(
            "The model cannot be saved", lambda: self.window.save_model(path)
        ):
            remember_file(path)

    def open_model(self):
        path = self._open_path("Open a model", MODEL_FILTER)
        if path:
            self.open_recent(path)

    def export_predictions(self):
        path, _ = self._save_path("Export the predictions", CSV_FILTER, ".csv", "predictions.csv")
        if path:
            self._attempt(
                "The predictions cannot be exported",
                lambda: self.window.export_predictions(path),
            )

    def export_image(self):
        path, chosen = QFileDialog.getSaveFileName(
            self.window, "Export the view as an image", _last_directory(), IMAGE_FILTER
        )
        if path:
            _remember_directory(path)
            if not os.path.splitext(path)[1]:
                path += ".svg" if "SVG" in (chosen or "") else ".png"
            self._attempt("The image cannot be exported", lambda: self.window.export_image(path))

    def export_report(self):
        path, _ = self._save_path("Export a report", REPORT_FILTER, ".html", "report.html")
        if path:
            self._attempt("The report cannot be exported", lambda: self.window.export_report(path))

    # View -----------------------------------------------------------------------------------
    def reset_settings(self):
        self.window.reset_settings()
