"""The main window: it builds the layout and wires the parts; the state lives in the session
model, the work in the controllers, the drawing in the views.

It is built in two steps, so that it can show itself before scikit-learn, scipy and numba are
loaded (a second or more): the shell (views, tabs, run controls) needs only Qt, pyqtgraph and
numpy; the forms and the controllers come once the rest is imported.
"""

from __future__ import annotations

import os
import threading

from PySide6.QtCore import QSettings, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from . import gc_guard
from .boundary_view import BoundaryView
from .evaluation_view import EvaluationView
from .jobs import Jobs
from .loss_plot import LossPlot
from .palette import WRONG
from .prediction_panel import PredictionPanel
from .run_controls import RunControls
from .run_status import RunStatus
from .session import RunState, Session
from .weights_view import WeightsView
from .widgets import named

__all__ = ["MainWindow"]


class MainWindow(QMainWindow):
    """logreg-gui's window. Opens on the seed blog's defaults with the data already made."""

    _imported = Signal()

    def __init__(self, parent=None, *, deferred=False):
        """``deferred``: show the shell now and complete the window once the heavy modules
        are imported in the background (how the application starts); otherwise complete it
        at once."""
        super().__init__(parent)
        gc_guard.install()  # before any thread starts: Qt objects are freed in this thread
        self.setWindowTitle("logreg-gui — logistic regression by gradient descent")
        self.session = Session(self)
        self.jobs = Jobs(self)
        self.resets = 0  # Reset draws new initial weights: seed + resets
        self._notices = {"data": "", "model": ""}
        self.controls = RunControls()
        self.status = RunStatus()
        self.loss_plot = LossPlot()
        self.prediction = PredictionPanel()
        self.boundary = BoundaryView()
        self.weights = WeightsView()
        self.evaluation = EvaluationView()
        for view in (self.loss_plot, self.prediction, self.boundary, self.weights, self.evaluation):
            view.bind(self.session)
        self.status.bind(self.session)
        self.notice = named(QLabel(), "settingsNotice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(f"color: {WRONG};")
        self.notice.hide()
        self.data_summary = named(QLabel(), "dataSummary")
        self.data_summary.setWordWrap(True)
        self.data_summary.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.controls.set_can_train(False, "logreg-gui is starting.")
        self._build_layout()
        self._restore_geometry()
        self._deferred = deferred
        if deferred:
            self._imported.connect(self._complete, Qt.QueuedConnection)
            threading.Thread(target=self._import, name="import", daemon=True).start()
        else:
            self._complete()

    def _import(self):
        """Load the heavy modules off the GUI thread, then let it complete the window."""
        from . import controllers, forms  # noqa: F401  (scikit-learn, scipy, numba)

        self._imported.emit()

    @Slot()
    def _complete(self):
        from .controllers import AnalysisController, DataController, TrainingController
        from .forms import DataForm, ModelForm

        self.data = DataController(self.session, self.jobs, self)
        self.training = TrainingController(self.session, self)
        self.analysis = AnalysisController(self.session, self.jobs, self)
        self.status.follow(self.training)
        self.data_form = DataForm()
        self.model_form = ModelForm()
        forms = QWidget()
        column = QVBoxLayout(forms)
        for widget in (self.data_form, self.model_form, self.data_summary):
            column.addWidget(widget)
        column.addStretch(1)
        self.forms_scroll.setWidget(forms)
        self.forms_scroll.setMinimumWidth(
            forms.minimumSizeHint().width()
            + self.forms_scroll.verticalScrollBar().sizeHint().width()
            + 4
        )
        self.resizeDocks(
            [self.settings_dock, self.prediction_dock],
            [self.forms_scroll.minimumWidth(), 400],
            Qt.Horizontal,
        )
        self._wire()
        self.data.request(self.data_form.settings())
        self._update_can_train()
        # At start-up, compile (or load) the training kernel while the person looks around.
        self.engine_ready = not self._deferred
        if self._deferred:
            self.jobs.submit("engine", self._warm_up, on_result=self._engine_warm)

    @staticmethod
    def _warm_up(cancel):
        from ..core.kernels import warm_up

        warm_up()

    def _engine_warm(self, _result):
        self.engine_ready = True

    # Layout ---------------------------------------------------------------------------------
    def _build_layout(self):
        self.forms_scroll = QScrollArea()
        self.forms_scroll.setWidget(QLabel("Starting…"))
        self.forms_scroll.setWidgetResizable(True)
        self.forms_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.settings_dock = self._dock(
            "Settings", "settingsDock", self.forms_scroll, Qt.LeftDockWidgetArea
        )
        self.prediction_dock = self._dock(
            "Prediction for one test sample",
            "predictionDock",
            self.prediction,
            Qt.RightDockWidgetArea,
        )
        self.tabs = named(QTabWidget(), "viewTabs")
        self.tabs.addTab(self.loss_plot, "Loss")
        self.tabs.addTab(self.boundary, "Decision boundary")
        self.tabs.addTab(self.weights, "Weights")
        self.tabs.addTab(self.evaluation, "Evaluation")
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.controls)
        layout.addWidget(self.notice)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        self.setCentralWidget(central)
        self.statusBar().showMessage("Preparing the data…")
        self.cancel_load = named(
            QPushButton("Cancel"),
            "cancelLoadButton",
            "Stop making the data; the data loaded before stay.",
        )
        self.cancel_load.hide()
        self.statusBar().addPermanentWidget(self.cancel_load)
        self.resize(1280, 800)

    def _dock(self, title, name, widget, area):
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetMovable | QDockWidget.DockWidgetFloatable)
        self.addDockWidget(area, dock)
        return dock

    def _wire(self):
        self.data_form.changed.connect(self._on_data_form)
        self.data_form.validity.connect(self._update_can_train)
        self.data_form.fileRequested.connect(self.choose_file)
        self.data_form.reviewRequested.connect(self.review_file)
        self.data.busyChanged.connect(self._on_busy)
        self.cancel_load.clicked.connect(self.data.cancel)
        self.model_form.changed.connect(self._on_model_form)
        self.model_form.validity.connect(self._update_can_train)
        self.model_form.learningRateCommitted.connect(self.training.set_learning_rate)
        self.model_form.epochsCommitted.connect(self.training.set_epochs)
        self.controls.trainRequested.connect(self.train)
        self.controls.pauseRequested.connect(self.training.pause)
        self.controls.resumeRequested.connect(self.training.resume)
        self.controls.stepRequested.connect(self.step)
        self.controls.stopRequested.connect(self.training.stop)
        self.controls.resetRequested.connect(self.reset)
        self.controls.speedChanged.connect(self.training.set_speed)
        self.training.set_speed(self.controls.speed())
        self.data.busyChanged.connect(self._update_can_train)
        self.data.failed.connect(self._on_data_failed)
        self.data.heldChanged.connect(lambda text: self._show_notice("data", text))
        self.training.failed.connect(self._on_training_failed)
        self.session.dataChanged.connect(self._on_data)
        self.session.runStateChanged.connect(self._on_run_state)
        self.session.runStarted.connect(self._compare_settings)
        self.session.dataChanged.connect(self._compare_settings)

    # Data -------------------------------------------------------------------------------------
    @Slot()
    def _on_data_form(self):
        self.data.request(self.data_form.settings())
        self._update_can_train()

    @Slot()
    def _on_data(self):
        split = self.session.data
        notes = "".join(f"<br>• {n}" for n in split.notes)
        scaled = "standardised on the training part" if split.standardized else "not standardised"
        self.data_summary.setText(
            f"<b>Data:</b> {split.source}.<br>{len(split.y_train)} training and "
            f"{len(split.y_test)} test samples{' (stratified)' if split.stratified else ''}, "
            f"{len(split.feature_names)} features, {self.session.n_classes} classes; "
            f"{scaled}.{notes}"
        )
        self.statusBar().showMessage("Data ready: press Train.")
        self._update_can_train()

    @Slot(bool)
    def _on_busy(self, busy):
        self.cancel_load.setVisible(busy)
        if busy:
            self.statusBar().showMessage("Preparing the data…")

    @Slot(str)
    def _on_data_failed(self, message):
        kept = "The previous data stay loaded." if self.session.data is not None else ""
        self.statusBar().showMessage(f"The data could not be made: {message} {kept}")
        QMessageBox.warning(self, "The data cannot be used", f"{message}\n\n{kept}".strip())
        self._update_can_train()

    @Slot()
    def choose_file(self):
        """Ask for a data file, then show its preview."""
        path, _ = QFileDialog.getOpenFileName(
            self,
            "Open a data file",
            QSettings().value("files/lastDirectory", ""),
            "Data files (*.csv *.tsv *.txt *.dat *.data *.xlsx *.parquet);;All files (*)",
        )
        if path:
            QSettings().setValue("files/lastDirectory", os.path.dirname(path))
            self.preview_file(path)

    @Slot()
    def review_file(self):
        """Show the preview of the file in use again (to change the target or the columns)."""
        if self.data_form.file_path:
            self.preview_file(self.data_form.file_path, **self.data_form.file_choice)

    def preview_file(self, path, **choice):
        """Read the first rows of ``path`` in the background, then let the person choose."""
        from ..core.data.reading import read_table

        self.statusBar().showMessage(f"Reading the first rows of {os.path.basename(path)}…")
        self.jobs.submit(
            "preview",
            lambda cancel: read_table(path, nrows=200, cancel=cancel),
            on_result=lambda table: self._choose_columns(table, choice),
            on_error=lambda error: self._on_data_failed(str(error)),
        )

    def _choose_columns(self, table, choice):
        from .file_preview import FilePreview

        dialog = FilePreview(
            table,
            target=choice.get("target"),
            include=choice.get("include", ()),
            exclude=choice.get("exclude", ()),
            parent=self,
        )
        if dialog.exec() == FilePreview.Accepted:
            self.data_form.set_file(table.path, dialog.choice())
        else:
            self.statusBar().showMessage("No file opened: the data are unchanged.")

    def open_data(
        self, path, target=None, *, threshold=None, missing="drop", include=(), exclude=()
    ):
        """Use the data file ``path`` as the menu does, without a dialog: reads its first rows
        now (raising DataError with the message the dialog would show), then makes the data in
        the background. ``target`` None guesses it."""
        from ..core.data.columns import describe_columns, guess_target
        from ..core.data.reading import read_table

        table = read_table(path, nrows=200)
        target = guess_target(table.frame) if target is None else target
        describe_columns(table.frame, target, include=include, exclude=exclude)
        choice = dict(
            target=target, threshold=threshold, missing=missing, include=include, exclude=exclude
        )
        self.data_form.set_file(table.path, choice)

    # Training ---------------------------------------------------------------------------------
    def _params(self):
        params = self.model_form.params()
        seed = self.data_form.seed.value() or 0
        return dict(params, random_state=seed + self.resets, dtype=self.data_form.dtype_choice())

    @Slot()
    def _update_can_train(self):
        problems = {**self.data_form.problems(), **self.model_form.problems()}
        if problems:
            reason = "fix the settings marked in red."
        elif self.session.data is None or self.data.busy:
            reason = "the data are being prepared."
        else:
            reason = ""
        self.controls.set_can_train(not reason, reason)

    @Slot()
    def train(self):
        """Start a new run from new initial weights (on the data the form describes)."""
        self._start(paused=False)

    @Slot()
    def step(self):
        """One epoch, then pause; starts a paused run when none is going."""
        if self.training.active:
            self.training.step()
        else:
            self._start(paused=True, steps=1)

    def _start(self, paused, steps=0):
        if not self.controls.train.isEnabled():
            return
        if not self.engine_ready:
            self.statusBar().showMessage(
                "Preparing the training engine: it is compiled once after installing, which "
                "takes a few seconds; training starts as soon as it is ready."
            )
        begin = lambda: self.training.start(self._params(), paused=paused, steps=steps)  # noqa: E731
        self.training.discard()
        if not self.data.apply_held(then=begin):
            begin()

    @Slot()
    def reset(self):
        """Stop, forget the weights and draw new initial ones on the same data."""
        self.training.discard()
        self.session.clear_run()
        self.resets += 1
        self.data.apply_held()
        self.statusBar().showMessage(
            f"Reset: the next run starts from new weights (seed {self._params()['random_state']})."
        )

    @Slot()
    def _on_model_form(self):
        self._update_can_train()
        params = self.model_form.params()
        if params is not None:
            self.analysis.set_preview_l2(params["l2"])
        self._compare_settings()

    @Slot()
    def _compare_settings(self):
        """Say so when the form no longer describes the run shown."""
        params, run = self.model_form.params(), self.session.run
        live = ("learning_rate", "epochs")  # these reach the run going on
        changed = (
            params is not None
            and run is not None
            and any(params[k] != run.settings.get(k) for k in params if k not in live)
        )
        self._show_notice(
            "model",
            "Settings changed — Train to apply: what is drawn is of the run shown, with the "
            "settings it used."
            if changed
            else "",
        )

    def _show_notice(self, kind, text):
        self._notices[kind] = text
        shown = "\n".join(t for t in self._notices.values() if t)
        self.notice.setText(shown)
        self.notice.setVisible(bool(shown))

    @Slot()
    def _on_run_state(self):
        state = self.session.state
        controls = {
            RunState.RUNNING: RunControls.RUNNING,
            RunState.PAUSED: RunControls.PAUSED,
        }.get(state, RunControls.IDLE)
        self.controls.set_state(controls)
        run = self.session.run
        if state == RunState.RUNNING:
            self.statusBar().showMessage("Training…")
        elif state == RunState.PAUSED:
            self.statusBar().showMessage(
                "Paused: Step runs one epoch; the learning rate may be changed (press Enter)."
            )
        elif state == RunState.FINISHED and run is not None:
            self.statusBar().showMessage(f"Training {run.message}")
            if run.stop_reason == "diverged":
                QMessageBox.warning(self, "Training diverged", f"Training {run.message}")

    @Slot(str)
    def _on_training_failed(self, message):
        self.statusBar().showMessage(message)
        QMessageBox.warning(self, "Training failed", message)

    # Window -----------------------------------------------------------------------------------
    def _restore_geometry(self):
        geometry = QSettings().value("mainWindow/geometry")
        if geometry is not None and os.environ.get("QT_QPA_PLATFORM") != "offscreen":
            self.restoreGeometry(geometry)

    def closeEvent(self, event):
        """End the training thread and background jobs before the window goes."""
        if hasattr(self, "training"):
            self.training.shutdown()
        self.jobs.shutdown()
        QSettings().setValue("mainWindow/geometry", self.saveGeometry())
        super().closeEvent(event)
