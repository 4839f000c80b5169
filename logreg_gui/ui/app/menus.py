"""The menu bar and its dialogs: they ask for a path, then call the window's automation API
(``MainWindow.open_session(path)`` …), and show what went wrong in one plain message. They
use nothing of the window but that API, its status bar and its zoom."""

from __future__ import annotations

import os

from PySide6.QtCore import QObject, QSettings, Slot
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox

from ...core.errors import DataError, in_words
from ..style.i18n import QT_TRANSLATE_NOOP, translate
from .exports import IMAGE_FILTER
from .settings_store import last_directory, recent_files, remember_file

__all__ = ["DATA_FILTER", "MODEL_FILTER", "SESSION_FILTER", "Menus"]

DATA_FILTER = QT_TRANSLATE_NOOP(
    "Menus", "Data files (*.csv *.tsv *.txt *.dat *.data *.xlsx *.parquet);;All files (*)"
)
MODEL_FILTER = QT_TRANSLATE_NOOP("Menus", "logreg-gui model (*.json);;All files (*)")
SESSION_FILTER = QT_TRANSLATE_NOOP("Menus", "logreg-gui session (*.lrsession);;All files (*)")
REPORT_FILTER = QT_TRANSLATE_NOOP("Menus", "Web page (*.html)")
PYTHON_FILTER = QT_TRANSLATE_NOOP("Menus", "Python script (*.py)")
NOTEBOOK_FILTER = QT_TRANSLATE_NOOP("Menus", "Jupyter notebook (*.ipynb)")
CSV_FILTER = QT_TRANSLATE_NOOP("Menus", "CSV file (*.csv)")
LESSON_FILTER = QT_TRANSLATE_NOOP("Menus", "Lesson (*.md);;All files (*)")
PRESET_FILTER = QT_TRANSLATE_NOOP("Menus", "logreg-gui preset (*.lrpreset);;All files (*)")


def _remember_directory(path):
    QSettings().setValue("files/lastDirectory", os.path.dirname(os.path.abspath(path)))


def _with_suffix(path, suffix):
    return path if os.path.splitext(path)[1] else path + suffix


class Menus(QObject):
    """File, View and Help menus of ``window`` (a MainWindow), with ``zoom`` (a Zoom) and
    ``view_count`` views to name in the shortcuts.

    Their entries wait (disabled) until the window is complete: :meth:`set_ready`.
    """

    def __init__(self, window, zoom, view_count):
        super().__init__(window)
        self.window = window
        self._view_count = view_count
        bar = window.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
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
                self.tr("&Open data…"),
                "openDataAction",
                self.open_data,
                QKeySequence.Open,
                self.tr("Open a CSV, text, Excel or Parquet file and choose its target."),
            )
        ]
        self.recent_menu = file_menu.addMenu(self.tr("Recent &files"))
        self.recent_menu.setObjectName("recentFilesMenu")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addSeparator()
        self._file_actions += [
            add(
                file_menu,
                self.tr("&Save session…"),
                "saveSessionAction",
                self.save_session,
                QKeySequence.Save,
                self.tr(
                    "Save the data settings (a data file by its path and the digest of its "
                    "content), every run with its curves and weights, and the selected sample."
                ),
            ),
            add(
                file_menu,
                self.tr("Save session &with its data…"),
                "saveSessionWithDataAction",
                self.save_session_with_data,
                None,
                self.tr(
                    "Save the session with the data themselves inside the file: it opens "
                    "anywhere, even where the data file is not."
                ),
            ),
            add(
                file_menu,
                self.tr("Open sessi&on…"),
                "openSessionAction",
                self.open_session,
                "Ctrl+Shift+O",
            ),
            add(
                file_menu,
                self.tr("Save &model…"),
                "saveModelAction",
                self.save_model,
                None,
                self.tr(
                    "Save the weights shown with their preprocessing, to predict new rows with "
                    "logreg-predict or from Python."
                ),
            ),
            add(file_menu, self.tr("Open mo&del…"), "openModelAction", self.open_model),
            add(
                file_menu,
                self.tr("Save as pre&set…"),
                "savePresetAction",
                self.save_preset,
                None,
                self.tr(
                    "For a class: the settings and the tab shown, the controls to hide or lock, "
                    "and a lesson to start, in one small file to hand out."
                ),
            ),
            add(file_menu, self.tr("Open pres&et…"), "openPresetAction", self.open_preset),
        ]
        file_menu.addSeparator()
        self._file_actions += [
            add(
                file_menu,
                self.tr("Export &predictions…"),
                "exportPredictionsAction",
                self.export_predictions,
                None,
                self.tr(
                    "The test samples with their true class, predicted class and every class's "
                    "probability, as CSV."
                ),
            ),
            add(
                file_menu,
                self.tr("Export &image…"),
                "exportImageAction",
                self.export_image,
                "Ctrl+E",
                self.tr("The view shown, as PNG or SVG."),
            ),
            add(
                file_menu,
                self.tr("Export &report…"),
                "exportReportAction",
                self.export_report,
                None,
                self.tr(
                    "One HTML page: data, settings, plots, evaluation and the selected prediction."
                ),
            ),
            add(
                file_menu,
                self.tr("Export as P&ython…"),
                "exportCodeAction",
                self.export_python,
                None,
                self.tr(
                    "The run as a numpy script in the blog's names: the same data, weights and "
                    "loop, printing the same log; then scikit-learn's answer."
                ),
            ),
            add(
                file_menu,
                self.tr("Export as &notebook…"),
                "exportNotebookAction",
                self.export_notebook,
                None,
                self.tr("The same code as a Jupyter notebook, one step of the loop per cell."),
            ),
        ]
        file_menu.addSeparator()
        add(file_menu, self.tr("&Quit"), "quitAction", window.close, QKeySequence.Quit)
        view_menu = bar.addMenu(self.tr("&View"))
        self.zoom_in = add(
            view_menu,
            self.tr("Zoom &in"),
            "zoomInAction",
            zoom.zoom_in,
            QKeySequence.ZoomIn,
            self.tr("Larger text, lines and markers, for a projector."),
        )
        # Ctrl+= as well as Ctrl++ (on most keyboards + needs Shift).
        self.zoom_in.setShortcuts([QKeySequence("Ctrl+="), QKeySequence(QKeySequence.ZoomIn)])
        add(view_menu, self.tr("Zoom &out"), "zoomOutAction", zoom.zoom_out, QKeySequence.ZoomOut)
        add(view_menu, self.tr("&Normal size"), "zoomResetAction", zoom.reset, "Ctrl+0")
        view_menu.addSeparator()
        self.presentation = add(
            view_menu,
            self.tr("&Presentation"),
            "presentationAction",
            window.set_presentation,
            "F5",
            self.tr(
                "The settings and the prediction fold away and the views take the window; the "
                "run controls stay. F5 again brings the panels back as they were."
            ),
        )
        self.presentation.setCheckable(True)
        window.presentationChanged.connect(self.presentation.setChecked)
        self.blog_mode = add(
            view_menu,
            self.tr("The &blog's code beside"),
            "blogModeAction",
            window.set_blog_mode,
            None,
            self.tr(
                "Each new run also runs the blog's loop as written — its gradient divided by "
                "the number of features, no standardisation, its sigmoid and +1e-8 loss — "
                "beside the correct one, from the same initial weights."
            ),
        )
        self.blog_mode.setCheckable(True)
        window.blogModeChanged.connect(self.blog_mode.setChecked)
        add(
            view_menu,
            self.tr("Show every &control"),
            "showAllControlsAction",
            window.show_every_control,
            None,
            self.tr("Show and unlock the controls a preset hid or locked."),
        )
        view_menu.addSeparator()
        self.language_menu = view_menu.addMenu(self.tr("&Language"))
        self.language_menu.setObjectName("languageMenu")
        self._add_languages()
        view_menu.addSeparator()
        self._file_actions += [
            add(
                view_menu,
                self.tr("Restore &default settings"),
                "resetSettingsAction",
                self.reset_settings,
                None,
                self.tr("Put every setting, the tab and the panels back as on a first start."),
            )
        ]
        help_menu = bar.addMenu(self.tr("&Help"))
        self.lessons_menu = help_menu.addMenu(self.tr("&Lessons"))
        self.lessons_menu.setObjectName("lessonsMenu")
        self.lessons_menu.aboutToShow.connect(self._list_lessons)
        self._ready = False
        self._list_lessons()
        help_menu.addSeparator()
        add(
            help_menu,
            self.tr("&Keyboard shortcuts"),
            "shortcutsAction",
            self.show_shortcuts,
            QKeySequence.HelpContents,
        )
        add(help_menu, self.tr("&About logreg-gui"), "aboutAction", self.show_about)
        self.set_ready(False)

    def _add_languages(self):
        from ..style.i18n import LANGUAGES, chosen_language

        group = QActionGroup(self)
        current = chosen_language()
        for code, name in LANGUAGES.items():
            action = QAction(name, self.window)
            action.setObjectName(f"language_{code}")
            action.setCheckable(True)
            action.setChecked(code == current)
            action.triggered.connect(lambda _=False, c=code: self.choose_language(c))
            group.addAction(action)
            self.language_menu.addAction(action)

    def choose_language(self, code):
        """Speak ``code`` at once: the window is built again in it (see
        ``MainWindow.switch_language``); kept for the next start too."""
        self.window.switch_language(code)

    # Help -----------------------------------------------------------------------------------
    def _list_lessons(self):
        """The lessons shipped, by their titles in the language in use, then a lesson file
        of one's own."""
        from ...core.lessons import shipped_titles
        from ..style.i18n import speaking

        menu = self.lessons_menu
        menu.clear()
        for number, (name, title, path) in enumerate(shipped_titles(speaking()), 1):
            action = menu.addAction(f"&{number}  {title}")
            action.setObjectName(f"lesson_{name}")
            action.triggered.connect(lambda _=False, p=path: self.open_lesson_file(p))
        menu.addSeparator()
        action = menu.addAction(self.tr("Open a lesson &file…"))
        action.setObjectName("openLessonAction")
        action.setStatusTip(
            self.tr("A lesson written by a teacher: a Markdown file with a setup per step.")
        )
        action.triggered.connect(self.open_lesson)
        menu.setEnabled(self._ready)

    def open_lesson(self):
        path = self._open_path(self.tr("Open a lesson"), LESSON_FILTER)
        if path:
            self.open_lesson_file(path)

    def open_lesson_file(self, path):
        self._attempt(self.tr("The lesson cannot be opened"), lambda: self.window.open_lesson(path))

    def show_shortcuts(self):
        from .keyboard import shortcuts_html

        QMessageBox.information(
            self.window, self.tr("Keyboard shortcuts"), shortcuts_html(self._view_count)
        )

    def show_about(self):
        from ... import __version__

        QMessageBox.information(
            self.window,
            self.tr("About logreg-gui"),
            self.tr(
                "logreg-gui {version}: logistic regression learnt by doing it — gradient "
                "descent one epoch at a time, from the numpy blog post it grew from, done "
                "correctly."
            ).format(version=__version__),
        )

    def set_ready(self, ready) -> None:
        self._ready = bool(ready)
        for action in self._file_actions:
            action.setEnabled(ready)
        self.recent_menu.setEnabled(ready)
        self.lessons_menu.setEnabled(ready)

    # Helpers --------------------------------------------------------------------------------
    def _attempt(self, title, work) -> bool:
        """Run ``work()``; a DataError (or any failure) becomes one message. True if it went."""
        try:
            work()
        except DataError as error:
            self._warn(title, str(error))
            return False
        except Exception as error:  # a bug: say it, keep everything
            self._warn(title, in_words(error))
            return False
        return True

    def _warn(self, title, text):
        self.window.statusBar().showMessage(f"{title}: {text}")
        QMessageBox.warning(self.window, title, text[:1].upper() + text[1:])

    def _open_path(self, caption, filters):
        path, _ = QFileDialog.getOpenFileName(
            self.window, caption, last_directory(), translate("Menus", filters)
        )
        if path:
            _remember_directory(path)
        return path

    def _save_path(self, caption, filters, suffix, name=""):
        start = os.path.join(last_directory(), name) if name else last_directory()
        path, chosen = QFileDialog.getSaveFileName(
            self.window, caption, start, translate("Menus", filters)
        )
        if not path:
            return None, chosen
        _remember_directory(path)
        return _with_suffix(path, suffix), chosen

    # File -----------------------------------------------------------------------------------
    def open_data(self):
        """Ask for a data file, then show its preview to choose the target."""
        path = self._open_path(self.tr("Open a data file"), DATA_FILTER)
        if path:
            self.open_recent(path)

    def open_recent(self, path):
        """Open ``path`` by its kind: a session, a model or data (with its preview)."""
        remember_file(path)
        if path.endswith(".lrsession"):
            self._attempt(
                self.tr("The session cannot be opened"), lambda: self.window.open_session(path)
            )
        elif path.endswith(".lrpreset"):
            self._attempt(
                self.tr("The preset cannot be opened"), lambda: self.window.open_preset(path)
            )
        elif path.endswith(".json"):
            self._attempt(
                self.tr("The model cannot be opened"), lambda: self.window.open_model(path)
            )
        else:
            self.window.preview_file(path)

    def _fill_recent(self):
        self.recent_menu.clear()
        files = recent_files()
        if not files:
            self.recent_menu.addAction(self.tr("(none yet)")).setEnabled(False)
        for i, path in enumerate(files):
            action = self.recent_menu.addAction(f"&{i + 1} {os.path.basename(path)}")
            action.setToolTip(path)
            action.setStatusTip(path)
            action.triggered.connect(lambda _=False, p=path: self.open_recent(p))

    @Slot(str, dict)
    def review_file(self, path, choice):
        """Show the preview of the data file ``path`` again, with the ``choice`` of columns
        made before (to change the target or columns)."""
        self.window.preview_file(path, **choice)

    @Slot(object, dict)
    def choose_columns(self, table, choice):
        """The preview of a file's first rows: the person chooses the target and columns."""
        from ..inputs.file_preview import FilePreview

        dialog = FilePreview(
            table,
            target=choice.get("target"),
            include=choice.get("include", ()),
            exclude=choice.get("exclude", ()),
            parent=self.window,
        )
        if dialog.exec() == FilePreview.Accepted:
            remember_file(table.path)
            self._attempt(
                self.tr("The data cannot be used"),
                lambda: self.window.open_data(table.path, **dialog.choice()),
            )
        else:
            self.window.statusBar().showMessage(self.tr("No file opened: the data are unchanged."))

    def save_session(self, keep_data=False):
        """Ask for a path, then save the session there (its data inside with
        ``keep_data``); it is written in the background while training goes on."""
        caption = (
            self.tr("Save the session with its data inside")
            if keep_data
            else self.tr("Save the session")
        )
        path, _ = self._save_path(caption, SESSION_FILTER, ".lrsession", "session.lrsession")
        if path:
            self._attempt(
                self.tr("The session cannot be saved"),
                lambda: self.window.save_session(path, keep_data=keep_data, wait=False),
            )

    def save_session_with_data(self):
        self.save_session(keep_data=True)

    @Slot(str)
    def remember_saved(self, path):
        """A session was written to ``path``: it is among the recent files now."""
        remember_file(path)

    def open_session(self):
        path = self._open_path(self.tr("Open a session"), SESSION_FILTER)
        if path:
            self.open_recent(path)

    def save_model(self):
        path, _ = self._save_path(self.tr("Save the model"), MODEL_FILTER, ".json", "model.json")
        if path and self._attempt(
            self.tr("The model cannot be saved"), lambda: self.window.save_model(path)
        ):
            remember_file(path)

    def open_model(self):
        path = self._open_path(self.tr("Open a model"), MODEL_FILTER)
        if path:
            self.open_recent(path)

    def export_predictions(self):
        path, _ = self._save_path(
            self.tr("Export the predictions"), CSV_FILTER, ".csv", "predictions.csv"
        )
        if path:
            self._attempt(
                self.tr("The predictions cannot be exported"),
                lambda: self.window.export_predictions(path),
            )

    def export_painted(self):
        """Ask for a path, then write the painted points there as CSV."""
        path, _ = self._save_path(
            self.tr("Export the points"), CSV_FILTER, ".csv", "painted-points.csv"
        )
        if path:
            self._attempt(
                self.tr("The points cannot be exported"), lambda: self.window.export_painted(path)
            )

    def export_image(self):
        path, chosen = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Export the view as an image"),
            last_directory(),
            translate("Exports", IMAGE_FILTER),
        )
        if path:
            _remember_directory(path)
            if not os.path.splitext(path)[1]:
                path += ".svg" if "SVG" in (chosen or "") else ".png"
            self._attempt(
                self.tr("The image cannot be exported"), lambda: self.window.export_image(path)
            )

    def export_report(self):
        path, _ = self._save_path(self.tr("Export a report"), REPORT_FILTER, ".html", "report.html")
        if path:
            self._attempt(
                self.tr("The report cannot be exported"), lambda: self.window.export_report(path)
            )

    def save_preset(self):
        from ...core.lessons import shipped_titles
        from ..style.i18n import speaking
        from .presets import PresetDialog

        lessons = [(name, title) for name, title, _ in shipped_titles(speaking())]
        before = self.window.preset
        dialog = PresetDialog(
            self.window,
            hidden=before.hidden if before else (),
            locked=before.locked if before else (),
            lessons=lessons,
        )
        if before is not None:
            dialog.title.setText(before.title)
        if dialog.exec() != PresetDialog.Accepted:
            return
        chosen = dialog.choice()
        path, _ = self._save_path(
            self.tr("Save as preset"), PRESET_FILTER, ".lrpreset", "class.lrpreset"
        )
        if path:
            self._attempt(
                self.tr("The preset cannot be saved"),
                lambda: self.window.save_preset(path, **chosen),
            )

    def open_preset(self):
        path = self._open_path(self.tr("Open a preset"), PRESET_FILTER)
        if path:
            self.open_recent(path)

    def export_python(self):
        path, _ = self._save_path(
            self.tr("Export the run as Python"), PYTHON_FILTER, ".py", "logistic_regression.py"
        )
        if path:
            self._attempt(
                self.tr("The code cannot be exported"), lambda: self.window.export_code(path)
            )

    def export_notebook(self):
        path, _ = self._save_path(
            self.tr("Export the run as a notebook"),
            NOTEBOOK_FILTER,
            ".ipynb",
            "logistic_regression.ipynb",
        )
        if path:
            self._attempt(
                self.tr("The notebook cannot be exported"), lambda: self.window.export_code(path)
            )

    # View -----------------------------------------------------------------------------------
    def reset_settings(self):
        self.window.reset_settings()
