"""The main window: it builds the layout and wires the parts; the state lives in the session
model, the requests are carried out by the coordinator and the controllers, the drawing is
done by the views.

It is built in two steps, so that it can show itself before scikit-learn, scipy and numba are
loaded (a second or more): the shell (views, tabs, run controls, menus) needs only Qt,
pyqtgraph and numpy; the forms and the controllers come once the rest is imported.
"""

from __future__ import annotations

import contextlib
import os
import threading

from PySide6.QtCore import QSize, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenuBar,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QStatusBar,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import DataError, in_words
from ..inputs.epoch_scrubber import EpochScrubber
from ..inputs.run_controls import RunControls
from ..inputs.threshold import ThresholdControl
from ..runtime import gc_guard
from ..runtime.jobs import Jobs
from ..session import Session
from ..views.boundary import BoundaryView
from ..views.calibration_view import CalibrationView
from ..views.complexity_view import ComplexityView
from ..views.data_summary import DataSummary
from ..views.evaluation_view import EvaluationView
from ..views.landscape_view import LandscapeView
from ..views.loss_plot import LossPlot
from ..views.path_view import RegularizationPathView
from ..views.prediction import PredictionPanel
from ..views.run_status import RunStatus
from ..views.runs_list import RunsList
from ..views.settings_notice import SettingsNotice
from ..views.sigmoid_view import SigmoidView
from ..views.step_inspector import StepInspector
from ..views.training_log import TrainingLog
from ..views.validation_view import CrossValidationView, LearningCurveView
from ..views.weights_view import WeightsView
from ..widgets import DockTitle, named
from .automation import WindowAutomation
from .exports import install_svg_exporter
from .keyboard import focus_order, tab_shortcuts
from .legends import place_all as place_legends
from .menus import Menus
from .plot_wheel import install as install_plot_wheel
from .settings_store import (
    KeptSettings,
    guard_settings_files,
    last_directory,
    last_session_path,
    recent_files,
    remove_kept_session,
    restore_window,
    save_window,
)
from .tick_labels import install as tidy_ticks
from .view_tabs import ScrolledPage, ViewTabs
from .zoom import Zoom

__all__ = ["MainWindow", "first_size"]

#: The settings panel never needs to be wider than this at zoom 1, nor wider than this times
#: the zoom (it scrolls sideways beyond).
FORMS_MOST_WIDTH = 340
#: The window's least width never passes this (a projector's 1024 pixels).
FITS_WIDTH = 1024
#: The views keep at least this width (at zoom 1) beside the panels; with less, the panels
#: are stacked as two tabs of one.
VIEWS_LEAST_WIDTH = 400
#: The width the prediction panel needs beside the views.
PREDICTION_LEAST_WIDTH = 300
#: The size of a first start on a screen that has room for it.
FIRST_SIZE = (1280, 800)


def first_size(available, *, on_screen=True) -> QSize:
    """The window's size at a first start: :data:`FIRST_SIZE`, never larger than the
    screen's ``available`` area (a QSize: the screen without its task bars) — a 1024×768
    projector gets a window of 1024×768 less its bars. Off screen (tests, pictures made
    without a display, whose screen is a nominal 800×800) it is FIRST_SIZE."""
    width, height = FIRST_SIZE
    if on_screen:
        width, height = min(width, available.width()), min(height, available.height())
    return QSize(width, height)


def size_on_screen(size, before, available) -> QSize | None:
    """The size to give back to a window of ``size`` that was ``before`` before a zoom,
    when the zoom pushed it past the screen's ``available`` area (while the forms and rows
    refit to the new font the window's least size passes the screen for a moment, and Qt
    enlarges the window to it); None when it is on the screen. Never larger than it was
    before, nor than the screen."""
    if size.width() <= available.width() and size.height() <= available.height():
        return None
    return QSize(
        min(size.width(), max(before.width(), 1), available.width()),
        min(size.height(), max(before.height(), 1), available.height()),
    )


def _column(*widgets, stretch=0, margins=0):
    """Widgets one under the other; the one at index ``stretch`` takes the spare height."""
    column = QWidget()
    layout = QVBoxLayout(column)
    layout.setContentsMargins(margins, margins, margins, margins)
    for i, widget in enumerate(widgets):
        layout.addWidget(widget, 1 if i == stretch else 0)
    return column


class MainWindow(WindowAutomation, QMainWindow):
    """logreg-gui's window. Opens on the settings of last time (the seed blog's defaults on a
    first start) with the data already made."""

    _imported = Signal()
    #: Presentation mode turned on (True) or off.
    presentationChanged = Signal(bool)
    blogModeChanged = Signal(bool)

    def __init__(self, parent=None, *, deferred=False, guarded=None):
        """``deferred``: show the shell now and complete the window once the heavy modules
        are imported in the background (how the application starts). ``guarded``: what
        :func:`guard_settings_files` did before the application read its settings (it is
        done here when None)."""
        super().__init__(parent)
        gc_guard.install()  # before any thread starts: Qt objects are freed in this thread
        self._qt_own = set(self.children())  # QMainWindow's own parts, kept when rebuilt
        self._reopen = None  # a language switch: (the work in memory, what to say then)
        self._switch_when_loaded = None  # a language chosen while data were being made
        # The settings files are looked at before anything reads them, then every value
        # kept from last time is checked before anything uses one.
        self.kept = KeptSettings(guard_settings_files() if guarded is None else guarded)
        self._build(deferred)

    def _build(self, deferred):
        """Everything of the window but the QMainWindow itself: made at start, and again in
        another language (:meth:`switch_language`)."""
        self.kept.check_all()
        self.setWindowTitle(self.tr("logreg-gui — logistic regression by gradient descent"))
        self.session, self.jobs = Session(self), Jobs(self)
        self.controls, self.status = RunControls(), RunStatus()
        self.loss_plot, self.prediction = LossPlot(), PredictionPanel()
        self.threshold = ThresholdControl()
        self.boundary, self.weights = BoundaryView(), WeightsView()
        self.data_summary = DataSummary()
        self.scrubber, self.runs_list = EpochScrubber(), RunsList()
        self.log = TrainingLog()
        # The step inspector, the landscape and the evaluation (~60 ms of plots) are made
        # once the window is on screen, in their tabs' places.
        self.step_inspector = self.landscape = self.evaluation = self.sigmoid = None
        self.complexity = None  # the complexity curve: a page of the evaluation
        self.cross_validation = self.learning_curve = self.calibration = None  # pages too
        self.penalty_path = None  # the regularisation path: a page of the evaluation too
        self.notice = SettingsNotice()
        self.session.set_why_not_train(self.tr("logreg-gui is starting."))
        for view in (
            self.loss_plot, self.prediction, self.boundary, self.weights, self.log,
            self.data_summary, self.status, self.scrubber, self.runs_list, self.notice,
            self.controls, self.threshold,
        ):  # fmt: skip
            view.bind(self.session)
        self._build_layout()
        self.zoom = Zoom(self)
        self.menus = Menus(self, self.zoom, self.tabs.count())
        self._default_layout = self.saveState()
        self._presentation_state = None  # the panels' layout before presentation mode
        self._stacked_state = None  # the panels' layout before they were stacked
        self._adapt_timer = QTimer(self, singleShot=True, interval=0)
        self._adapt_timer.timeout.connect(self._adapt_panels)
        restore_window(self, self.kept)
        self._deferred = deferred
        self._importing = None
        if deferred:
            self._imported.connect(self._complete, Qt.QueuedConnection)
            QTimer.singleShot(300, self._start_import)  # if the window is never painted
        else:
            self._complete()

    def paintEvent(self, event):
        super().paintEvent(event)
        self._start_import()

    def _start_import(self):
        # Once the window is on screen: importing holds the GIL most of the time, and would
        # slow the first paint if it ran alongside.
        if self._deferred and self._importing is None:
            self._importing = threading.Thread(target=self._import, name="import", daemon=True)
            self._importing.start()

    def _import(self):
        """Load the heavy modules off the GUI thread, then let the GUI thread complete."""
        from ..controllers import coordinator  # noqa: F401  (scikit-learn, scipy, numba)
        from ..inputs import forms  # noqa: F401

        self._imported.emit()

    def _make_later_views(self):
        """The step inspector, the sigmoid, the loss landscape and the evaluation, bound, in
        the places kept for them."""
        self.step_inspector, self.landscape = StepInspector(), LandscapeView()
        self.evaluation, self.sigmoid = EvaluationView(), SigmoidView()
        self.step_inspector.bind(self.session, self.jobs)
        self.landscape.bind(self.session, self.jobs)
        self.evaluation.bind(self.session)
        self.sigmoid.bind(self.session)
        self.complexity = ComplexityView()
        self.complexity.bind(self.session)
        self.evaluation.add_page(self.complexity, self.tr("Complexity curve"))
        self.cross_validation, self.learning_curve = CrossValidationView(), LearningCurveView()
        self.calibration, self.penalty_path = CalibrationView(), RegularizationPathView()
        for view, title in (
            (self.cross_validation, self.tr("Cross-validation")),
            (self.learning_curve, self.tr("Learning curve")),
            (self.calibration, self.tr("Calibration")),
            (self.penalty_path, self.tr("Penalty path")),
        ):
            view.bind(self.session)
            self.evaluation.add_page(view, title)
        current = self.tabs.currentIndex()
        views = (self.step_inspector, self.sigmoid, self.landscape, self.evaluation)
        for placeholder, view in zip(self._places, views):
            index = self.tabs.indexOf(placeholder)
            title, page = self.tabs.tabText(index), self.tabs.page(index)
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, view, title)
            page.deleteLater()  # and the placeholder in it
        self.tabs.setCurrentIndex(current)

    @Slot()
    def _complete(self):
        from ..controllers.coordinator import Coordinator
        from ..inputs.forms import DataForm, ModelForm, connect_forms
        from .settings_store import SettingsStore

        self._make_later_views()
        self.data_form, self.model_form = DataForm(), ModelForm()
        self.settings_store = SettingsStore(
            self.data_form, self.model_form, self.controls, kept=self.kept
        )
        self.settings_store.restore_forms(self.data_form)  # before anything listens
        connect_forms(self.session, self.data_form, self.model_form)
        self.coordinator = c = Coordinator(self.session, self.jobs, self)
        self.data, self.training = c.data, c.training
        c.message.connect(self.statusBar().showMessage)
        c.problem.connect(self._show_problem)
        c.previewReady.connect(self.menus.choose_columns)
        c.sessionSaved.connect(self.menus.remember_saved)
        c.loadingChanged.connect(self.cancel_load.setVisible)
        self.cancel_load.clicked.connect(c.cancel_loading)
        controls = self.controls
        for signal, slot in (
            (controls.trainRequested, c.train),
            (controls.pauseRequested, c.pause),
            (controls.resumeRequested, c.resume),
            (controls.stepRequested, c.step),
            (controls.stopRequested, c.stop),
            (controls.resetRequested, c.reset),
            (controls.raceRequested, c.race),
            (controls.speedChanged, c.set_speed),
            (self.scrubber.stepBackRequested, c.step_back),
            (self.landscape.startRequested, c.start_from),
            (self.complexity.computeRequested, c.complexity.compute),
            (self.complexity.cancelRequested, c.complexity.cancel),
            (self.cross_validation.computeRequested, c.validation.compute),
            (self.cross_validation.cancelRequested, c.validation.cancel),
            (self.learning_curve.computeRequested, c.validation.compute),
            (self.learning_curve.cancelRequested, c.validation.cancel),
            (self.penalty_path.computeRequested, c.validation.compute_path),
            (self.penalty_path.cancelRequested, c.validation.cancel),
            (self.penalty_path.strengthChosen, c.choose_penalty),
        ):
            signal.connect(slot)
        c.set_speed(controls.speed())
        forms = QWidget()
        column = QVBoxLayout(forms)
        for widget in (self.data_form, self.model_form, self.data_summary):
            column.addWidget(widget)
        column.addStretch(1)
        self.forms_scroll.setWidget(forms)
        self._fit_forms()
        # Once the new font has reached every field (its events are posted, not sent).
        self.zoom.changed.connect(lambda _: QTimer.singleShot(0, self._fit_forms))
        # A zoom never leaves the window larger than the screen (a projector's 1024 px).
        self._shrink_timer = QTimer(self, singleShot=True, interval=200)
        self._shrink_timer.timeout.connect(self._keep_on_screen)
        self.zoom.attach(self)
        # Every plot, the later views' and the prediction dock's too: the wheel scrolls the
        # page unless the plot was clicked (or Ctrl is held); a button resets its view.
        self.plot_wheels = install_plot_wheel(self)
        # Tick labels never over each other (a log scale, a zoomed font), on every axis; axes
        # made since are tidied when they are zoomed.
        tidy_ticks(self)
        # Plot items made since are zoomed once the signals of one change have all come
        # (new data and a new run come together while points are painted).
        self._zoom_later = QTimer(self, singleShot=True, interval=0)
        self._zoom_later.timeout.connect(lambda: (self.zoom.apply(self), tidy_ticks(self)))
        # The legends no view places itself: placed once what they show is drawn.
        self._legends_later = QTimer(self, singleShot=True, interval=100)
        self._legends_later.timeout.connect(lambda: place_legends(self))
        for signal in (
            self.session.evaluationChanged,
            self.session.validationChanged,
            self.session.dataChanged,
            self.session.runStateChanged,
            self.tabs.currentChanged,
            self.zoom.changed,
            self.evaluation.pages.currentChanged,
        ):
            signal.connect(self._legends_later.start)
        for signal in (self.session.dataChanged, self.session.runStarted, self.session.runsChanged):
            signal.connect(self._zoom_later.start)
        # A view drawn once shown sets its axis titles then: they are zoomed once it has.
        self._titles_later = QTimer(self, singleShot=True, interval=0)
        self._titles_later.timeout.connect(lambda: (self.zoom.apply_titles(self), tidy_ticks(self)))
        self.tabs.currentChanged.connect(self._titles_later.start)
        focus_order(
            self.forms_scroll, self.controls, self.scrubber, self.tabs, self.prediction_dock
        )
        self._tab_keys = tab_shortcuts(self)
        # The prediction panel takes 400 px where the window has room, less on a projector
        # (1024 px), so that the views keep the most.
        self.resizeDocks(
            [self.settings_dock, self.prediction_dock],
            [self.forms_scroll.minimumWidth(), 400 if self.width() >= 1200 else 300],
            Qt.Horizontal,
        )
        self.boundary.exportRequested.connect(self.menus.export_painted)
        self.data_form.fileRequested.connect(self.menus.open_data)
        self.data_form.reviewRequested.connect(self.menus.review_file)
        install_svg_exporter()  # right-click Export… writes SVG again
        if self._reopen is None:
            c.start(note=self.settings_store.note, last_session=last_session_path())
        else:  # the work of the window before a language switch (None: no data yet)
            work, said = self._reopen
            self._reopen = None
            if work is None:
                self.statusBar().showMessage(said)
                c.start()
            else:
                c.reopen(work, said)
        from .lessons import LessonGuide
        from .presets import PresetControls

        self.lessons = LessonGuide(self)
        self.preset_controls = PresetControls(self)
        self.preset = None  # the teacher's preset opened, whose controls are kept as it says
        self._tidy()
        self.menus.set_ready(True)
        lesson, self._lesson_at_start = getattr(self, "_lesson_at_start", None), None
        if lesson is not None:
            self._when_loaded(lambda: self._open_lesson_at_start(*lesson))
        opened, self._file_at_start = getattr(self, "_file_at_start", None), None
        if opened is not None:
            self._when_loaded(lambda: self.menus.open_recent(opened))
        self.zoom.changed.connect(self._adapt_timer.start)
        self._adapt_timer.start()
        if self._deferred:  # compile (or load) the kernel while the person looks around
            c.warm_up_engine()

    def open_lesson_at_start(self, path, index=0) -> None:
        """Open the lesson file ``path`` at step ``index`` (from 0) once the window is
        complete (``logreg-gui --lesson FILE``); a bad file is said in one message."""
        if hasattr(self, "lessons"):
            self._open_lesson_at_start(path, index)
        else:
            self._lesson_at_start = (path, index)

    def _when_loaded(self, then) -> None:
        """``then()`` once the session of last time is in (or at once without one), so
        that what is opened at start is not undone by it."""
        c = self.coordinator

        def now(loading=False):
            if not loading:
                with contextlib.suppress(RuntimeError, TypeError):
                    c.loadingChanged.disconnect(now)
                QTimer.singleShot(0, then)

        if c.loading:
            c.loadingChanged.connect(now)
        else:
            now()

    def open_file_at_start(self, path) -> None:
        """Open ``path`` (``logreg-gui FILE``, a double-click) by its kind once the window is
        complete: a preset, a session, a lesson (.md) or a data file."""
        if str(path).lower().endswith(".md"):
            self.open_lesson_at_start(path)
        elif hasattr(self, "lessons"):
            self.menus.open_recent(str(path))
        else:
            self._file_at_start = str(path)

    def _open_lesson_at_start(self, path, index=0):
        try:
            self.open_lesson(path)
            if index:
                self.lesson_step(index + 1)
        except DataError as error:
            self._show_problem(self.tr("The lesson cannot be opened"), in_words(error))

    def _tidy(self):
        """Remove what saves cut short left (a process killed while writing), where this
        application writes: beside its settings, and where files were opened or saved."""
        from ...core.files.storage import remove_stale_temporaries

        folders = [os.path.dirname(last_session_path()), last_directory()]
        folders += [os.path.dirname(path) for path in recent_files()]
        self.jobs.submit(
            "tidy", lambda cancel: remove_stale_temporaries(folders), on_result=lambda n: None
        )

    # Layout ---------------------------------------------------------------------------------
    def _build_layout(self):
        self.forms_scroll = QScrollArea()
        self.forms_scroll.setWidget(QLabel(self.tr("Starting…")))
        self.forms_scroll.setWidgetResizable(True)
        self.forms_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAsNeeded)
        self.settings_dock = self._dock(
            self.tr("Settings"), "settingsDock", self.forms_scroll, Qt.LeftDockWidgetArea
        )
        self.prediction_dock = self._dock(
            self.tr("Prediction for one test sample"),
            "predictionDock",
            ScrolledPage(self.prediction),
            Qt.RightDockWidgetArea,
        )
        self.tabs = named(ViewTabs(), "viewTabs")
        # Places kept for the views made later (step, sigmoid, landscape, evaluation).
        self._places = [QLabel(self.tr("Starting…")) for _ in range(4)]
        for view, title in (
            (_column(self.loss_plot, self.runs_list), self.tr("Loss")),
            (self._places[0], self.tr("Step")),
            (self._places[1], self.tr("σ(z)")),
            (self._places[2], self.tr("Landscape")),
            (self.boundary, self.tr("Boundary")),
            (self.weights, self.tr("Weights")),
            (self._places[3], self.tr("Evaluation")),
            (self.log, self.tr("Log")),
        ):
            self.tabs.addTab(view, title)
        self.setCentralWidget(
            _column(
                self.controls,
                self.scrubber,
                self.threshold,
                self.notice,
                self.tabs,
                self.status,
                stretch=4,
                margins=6,
            )
        )
        self.statusBar().showMessage(self.tr("Preparing the data…"))
        self.cancel_load = named(
            QPushButton(self.tr("Cancel")),
            "cancelLoadButton",
            self.tr("Stop opening the file or making the data; what was loaded before stays."),
        )
        self.cancel_load.hide()
        self.statusBar().addPermanentWidget(self.cancel_load)
        self.resize(
            first_size(
                self.screen().availableGeometry().size(),
                on_screen=os.environ.get("QT_QPA_PLATFORM") != "offscreen",
            )
        )

    def _keep_on_screen(self):
        screen = self.screen()
        fitting = getattr(self, "_fitting_size", None)
        if screen is not None and fitting is not None and not self.isFullScreen():
            available = screen.availableGeometry().size()
            size = size_on_screen(self.size(), fitting, available)
            if size is not None:
                self.resize(size.expandedTo(self.minimumSizeHint()).boundedTo(available))
                # Views still being laid out may hold it wide a moment more: look again.
                self._shrink_tries = getattr(self, "_shrink_tries", 0) + 1
                if self._shrink_tries < 20:
                    self._shrink_timer.start()
            else:
                self._shrink_tries = 0

    def _fit_forms(self, *_):
        """The settings are as wide as their widest field, up to :data:`FORMS_MOST_WIDTH`
        times the zoom (a zoomed font on a small screen) and as leaves the window within
        :data:`FITS_WIDTH`: beyond, they scroll sideways rather than push the views off the
        window."""
        need = (
            self.forms_scroll.widget().minimumSizeHint().width()
            + self.forms_scroll.verticalScrollBar().sizeHint().width()
            + 4
        )
        # And never so wide that the window's least width (the views' least beside it)
        # would pass a 1024-pixel screen.
        room = FITS_WIDTH - self.centralWidget().minimumSizeHint().width() - 16
        most = min(round(FORMS_MOST_WIDTH * self.zoom.factor), max(room, FORMS_MOST_WIDTH))
        self.forms_scroll.setMinimumWidth(min(need, most))
        self.resizeDocks([self.settings_dock], [need], Qt.Horizontal)  # as far as there is room
        self._adapt_timer.start()

    @Slot(str, str)
    def _show_problem(self, title, text):
        QMessageBox.warning(self, title, text)

    def _dock(self, title, name, widget, area):
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetMovable | QDockWidget.DockWidgetFloatable)
        dock.setTitleBarWidget(DockTitle(dock))  # its title grows with the zoom
        self.addDockWidget(area, dock)
        return dock

    # Window -----------------------------------------------------------------------------------
    @Slot(object)
    def _close_when_saved(self, _job):
        if not self.coordinator.saving:
            self.jobs.delivered.disconnect(self._close_when_saved)
            self.close()

    def presenting(self) -> bool:
        """Whether the window is in presentation mode (View ▸ Presentation, F5)."""
        return self._presentation_state is not None

    def panels_state(self):
        """The panels' layout (QMainWindow.saveState) as the person left it: outside
        presentation mode, and side by side if the window stacked them for lack of room."""
        if self._stacked_state is not None:
            return self._stacked_state
        return self._presentation_state if self.presenting() else self.saveState()

    def panels_stacked(self) -> bool:
        """Whether the settings and the prediction are tabs of one panel (the window is too
        narrow for both beside the views)."""
        return self._stacked_state is not None

    def resizeEvent(self, event):
        super().resizeEvent(event)
        # A zoom never leaves the window larger than the screen (a projector's 1024 px):
        # while the forms and rows refit to the new font its least size passes the screen
        # for a moment and Qt enlarges it; once settled it goes back to its size before.
        screen = self.screen()
        if screen is not None and os.environ.get("QT_QPA_PLATFORM") != "offscreen":
            available = screen.availableGeometry().size()
            if self.width() <= available.width() and self.height() <= available.height():
                self._fitting_size = self.size()
            elif hasattr(self, "_shrink_timer"):
                self._shrink_timer.start()
        if hasattr(self, "coordinator"):
            self._adapt_timer.start()

    def _adapt_panels(self):
        """Below a width the settings and the prediction become two tabs of one panel on the
        left instead of squeezing the views to a sliver; with room again they go back to
        their sides as they were. Panels the person floated or moved are left alone."""
        if self.presenting():
            return
        settings, prediction = self.settings_dock, self.prediction_dock
        zoom = self.zoom.factor
        views = self.width() - self.forms_scroll.minimumWidth()
        views -= round(PREDICTION_LEAST_WIDTH * zoom)
        least = round(VIEWS_LEAST_WIDTH * zoom)
        if self._stacked_state is None and views < least:
            if settings.isFloating() or prediction.isFloating():
                return
            if self.dockWidgetArea(prediction) != Qt.RightDockWidgetArea:
                return
            self._stacked_state = self.saveState()
            self.tabifyDockWidget(settings, prediction)
            settings.raise_()
        elif self._stacked_state is not None and views >= least + 40:  # no flapping
            state, self._stacked_state = self._stacked_state, None
            if not self.restoreState(state):
                self.addDockWidget(Qt.RightDockWidgetArea, prediction)
        # Beside the views, the prediction is never squeezed under its least width (its
        # rows would be cut, or scroll sideways), nor wider than leaves the views theirs.
        want = round(PREDICTION_LEAST_WIDTH * zoom)
        beside = self._stacked_state is None and not prediction.isFloating()
        prediction.setMinimumWidth(want if beside else 0)
        if beside and self.tabs.width() < least and prediction.width() > want:
            self.resizeDocks([prediction], [want], Qt.Horizontal)

    @Slot(bool)
    def set_blog_mode(self, on) -> None:
        """Blog mode (View ▸ The blog's code beside): each new run also runs the seed
        blog's loop as written, a compared run labelled “the blog's code”, from the same
        initial weights."""
        self.coordinator.set_blog_mode(on)
        self.blogModeChanged.emit(self.coordinator.blog_mode)

    @Slot(bool)
    def set_presentation(self, on) -> None:
        """Presentation mode: the settings and prediction panels fold away and the views take
        the window (the run controls, the threshold and the status stay); leaving it puts the
        panels back exactly as they were (their sizes, places and floating panels)."""
        if bool(on) == self.presenting():
            return
        if on:
            self._presentation_state = self.saveState()
            for dock in (self.settings_dock, self.prediction_dock):
                dock.hide()
            # The status bar's line goes to the views too; how to leave is in the title.
            self.statusBar().hide()
            self._title = self.windowTitle()
            self.setWindowTitle(
                self.tr("Presentation: F5 (or View ▸ Presentation) brings the panels back.")
            )
        else:
            state, self._presentation_state = self._presentation_state, None
            if not self.restoreState(state):
                for dock in (self.settings_dock, self.prediction_dock):
                    dock.show()
            self.statusBar().show()
            self.setWindowTitle(self._title)
            self._adapt_timer.start()
        self.presentationChanged.emit(bool(on))

    def switch_language(self, code) -> bool:
        """View ▸ Language: speak ``code`` (a key of ``LANGUAGES``) at once, everywhere.

        The window is built again in the new language around the same work: the session —
        data, runs, selection, threshold — passes to the new window in memory, as it is
        (nothing is written: a million rows switch as fast as a hundred), the settings, the
        panels, the zoom and the tab through what a start restores, presentation mode, blog
        mode, a preset's controls and a lesson as they were. A run going on stops where it
        is (its epochs stay). Returns whether the window was rebuilt; while a session is
        being saved nothing changes but the choice kept for the next start, and the status
        bar says why."""
        from ..style.i18n import LANGUAGES, install, language_in_use, set_language

        set_language(code)
        if not hasattr(self, "coordinator"):
            return False
        c = self.coordinator
        if c.loading:  # the data first: then they are kept with the rest
            if self._switch_when_loaded is None:
                c.loadingChanged.connect(self._switch_when_loaded_now)
            self._switch_when_loaded = code
            self.statusBar().showMessage(
                self.tr("The language changes as soon as the data are ready.")
            )
            return False
        if c.saving:
            self.statusBar().showMessage(
                self.tr("The language changes at the next start: a session is being saved.")
            )
            return False
        stopped = self.session.run is not None and self.session.state.going
        epoch = self.session.run.epoch if stopped else None
        c.training.discard(wait_ms=2_000)
        # The work goes to the new window in memory, as it is: nothing is written, so the
        # switch takes no longer with a million rows than with a hundred.
        work = None
        if self.session.data is not None:
            work = c.files.session_in_memory(model_settings=c.form_settings())
        presenting = self.presenting()
        blog = self.coordinator.blog_mode
        lesson = self.lessons.where()
        preset = self.preset
        self.set_presentation(False)
        panels = self.panels_state()
        with contextlib.suppress(Exception):
            save_window(self)
            self.settings_store.save(self.data_form)
            self.settings_store.sync()
        c.training.shutdown()
        self.jobs.shutdown()
        self._tear_down()
        install(QApplication.instance(), code)
        said = self.tr("logreg-gui speaks {language} now.").format(
            language=LANGUAGES[language_in_use(code)]
        )
        if stopped:
            said += " " + self.tr("The run going on was stopped at epoch {epoch:,}.").format(
                epoch=int(epoch or 0)
            )
        self._reopen = (work, said)
        self.kept = KeptSettings()
        self._build(deferred=False)
        # The panels' places and sizes as they were, once the new ones are laid out.
        self._panels_before = panels
        QTimer.singleShot(0, self, self._restore_panels)
        if presenting:
            self.set_presentation(True)
        if blog:
            self.set_blog_mode(True)
        if preset is not None:  # its hidden and locked controls, as they were
            self.preset = preset
            self.preset_controls.set(preset.hidden, preset.locked)
        if lesson is not None:  # the same lesson, in the new language if it has one
            from ...core.lessons import lesson_name, shipped_lesson

            path = lesson[0].path
            name = None if path is None else lesson_name(path)
            path = (name and shipped_lesson(name, language_in_use(code))) or path
            if path is not None:
                self._open_lesson_at_start(path, lesson[1])
        return True

    def _tear_down(self):
        """Remove every part :meth:`_build` made — menus, panels, views, the session and its
        controllers — and the zoom's font, so that they can be made again. The old parts
        leave the window at once (nothing finds them by name, nothing restores them as
        panels) and are deleted once the event loop comes back."""
        self.zoom.release()
        discarded = QWidget()  # never shown: what it holds is out of sight, then deleted
        for dock in (self.settings_dock, self.prediction_dock, self.lessons.dock):
            if dock is not None:
                self.removeDockWidget(dock)
        self.lessons.close()
        central = self.takeCentralWidget()
        self.setMenuBar(QMenuBar())  # Qt deletes the old one
        self.setStatusBar(QStatusBar())
        kept = (*self._qt_own, self.menuBar(), self.statusBar())
        for child in [*self.children(), central]:
            if child is not None and not any(child is part for part in kept):
                if isinstance(child, QTimer):
                    child.stop()
                child.setParent(discarded)
        discarded.deleteLater()
        self._discarded = discarded
        for name in ("coordinator", "data", "training", "settings_store"):
            self.__dict__.pop(name, None)

    @Slot(bool)
    def _switch_when_loaded_now(self, loading):
        if loading or self._switch_when_loaded is None:
            return
        self.coordinator.loadingChanged.disconnect(self._switch_when_loaded_now)
        QTimer.singleShot(0, self, self._switch_pending)  # not inside the coordinator's signal

    @Slot()
    def _switch_pending(self):
        code, self._switch_when_loaded = self._switch_when_loaded, None
        if code is not None:
            self.switch_language(code)

    @Slot()
    def _restore_panels(self):
        state, self._panels_before = getattr(self, "_panels_before", None), None
        if state is not None:
            self.restoreState(state)

    def reset_settings(self):
        """Every setting, the tab and the panels as on a first start."""
        self.settings_store.reset()
        self.set_presentation(False)
        self._stacked_state = None
        self.restoreState(self._default_layout)
        self._adapt_timer.start()
        self.tabs.setCurrentIndex(0)
        self.statusBar().showMessage(self.tr("The default settings are back."))

    def closeEvent(self, event):
        """Keep the settings; end the training thread and background jobs. A session being
        saved is finished first (the window stays until then)."""
        if hasattr(self, "coordinator") and self.coordinator.saving:
            event.ignore()
            self.statusBar().showMessage(
                self.tr("The window closes as soon as the session is saved.")
            )
            self.jobs.delivered.connect(self._close_when_saved)
            return
        # Closing never fails for what it keeps (an exception out of closeEvent would abort
        # the process); what cannot be kept is said once.
        lost = []
        with contextlib.suppress(Exception):
            save_window(self)
            if hasattr(self, "coordinator"):
                self.settings_store.save(self.data_form)
            lost += self.settings_store.sync() if hasattr(self, "settings_store") else []
        if hasattr(self, "coordinator"):
            with contextlib.suppress(Exception):
                remove_kept_session()
                failure = self.coordinator.keep_last_session(last_session_path())
                if failure:
                    lost.append(
                        self.tr("The runs could not be kept for the next start: {reason}").format(
                            reason=failure
                        )
                    )
            self.coordinator.training.shutdown()
        self.jobs.shutdown()
        if lost:
            with contextlib.suppress(Exception):
                QMessageBox.warning(self, self.tr("Not everything could be kept"), " ".join(lost))
        super().closeEvent(event)
