"""The main window: forms on the left, run controls and views in the middle, the prediction
panel on the right. It owns the data and the training thread; views only receive values."""

from __future__ import annotations

import math
import os
import time

import numpy as np
from PySide6.QtCore import QSettings, Qt, QTimer, Slot
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..core import DataError, LogisticRegressionGD, StopReason
from ..core.csv_loading import guess_target, read_csv
from ..core.evaluation import evaluate_weights
from ..core.optimum import find_optimum
from .background import BackgroundJobs
from .boundary_view import BoundaryView
from .evaluation_view import EvaluationView
from .forms import DataForm, ModelForm
from .loss_plot import LossPlot
from .naming import named
from .prediction_panel import PredictionPanel
from .run_controls import RunControls
from .weights_view import WeightsView
from .worker import TrainingThread, TrainingWorker

__all__ = ["MainWindow"]

#: Data settings must rest this long before the data are rebuilt (typing 150 passes 1, 15).
DATA_DEBOUNCE_MS = 250


class MainWindow(QMainWindow):
    """logreg-gui's window. Opens on the seed blog's defaults with the data already made."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle("logreg-gui — logistic regression by gradient descent")
        self.split = None  # SplitData the model trains on
        self.classes = None  # the model's classes (sorted distinct training labels)
        self.training = None  # TrainingThread of the run going on, if any
        self._finished_runs = []  # TrainingThreads whose thread has not yet ended
        self._resets = 0  # Reset draws new weights: seed + resets
        self._latest = None  # the RecordBatch last received
        self._paused = False
        self._epochs_total = 0
        self._rate = (None, 0)  # (monotonic time, epoch) of the last progress update
        self._epochs_per_second = 0.0
        self._data_settings = None  # settings of the data now loaded
        self.jobs = BackgroundJobs(self)

        self.data_form = DataForm()
        self.model_form = ModelForm()
        self.controls = RunControls()
        self.loss_plot = LossPlot()
        self.prediction = PredictionPanel()
        self.boundary = BoundaryView()
        self.weights = WeightsView()
        self.evaluation = EvaluationView()
        self.optimum = None  # core Optimum of the current data and L2, once computed
        self.optimum_label = QLabel()
        self.optimum_label.setObjectName("optimumLabel")
        self.optimum_label.setWordWrap(True)
        self.optimum_label.setToolTip(
            "How far gradient descent still is from the best possible training loss, computed exactly by scikit-learn's LogisticRegression(C = 1/(λ·n))."
        )
        self.progress = named(QProgressBar(), "epochProgress")
        self.progress.setToolTip(
            "Epochs run of the run's total, the speed of training and the time left."
        )
        self.progress.setTextVisible(True)
        self.progress.setFormat("no run yet")
        self.progress.setValue(0)
        self.data_summary = QLabel()
        self.data_summary.setObjectName("dataSummary")
        self.data_summary.setWordWrap(True)
        self.data_summary.setTextInteractionFlags(Qt.TextSelectableByMouse)

        # Left: forms in a scroll area so nothing is clipped on small screens.
        forms = QWidget()
        forms_layout = QVBoxLayout(forms)
        forms_layout.addWidget(self.data_form)
        forms_layout.addWidget(self.model_form)
        forms_layout.addWidget(self.data_summary)
        forms_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(forms)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(
            forms.minimumSizeHint().width() + scroll.verticalScrollBar().sizeHint().width() + 4
        )
        self.settings_dock = self._dock("Settings", "settingsDock", scroll, Qt.LeftDockWidgetArea)
        self.prediction_dock = self._dock(
            "Prediction for one test sample",
            "predictionDock",
            self.prediction,
            Qt.RightDockWidgetArea,
        )

        # Middle: run controls, the views as tabs, the progress bar.
        self.tabs = QTabWidget()
        self.tabs.setObjectName("viewTabs")
        self.tabs.addTab(self.loss_plot, "Loss")
        self.tabs.addTab(self.boundary, "Decision boundary")
        self.tabs.addTab(self.weights, "Weights")
        self.tabs.addTab(self.evaluation, "Evaluation")
        # Views of the weights are drawn only while shown; a tab shown later catches up.
        self._weight_views = (self.boundary, self.weights)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.controls)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.optimum_label)
        layout.addWidget(self.progress)
        self.setCentralWidget(central)
        self.statusBar().showMessage("Ready.")

        self._data_timer = QTimer(self)
        self._data_timer.setSingleShot(True)
        self._data_timer.setInterval(DATA_DEBOUNCE_MS)
        self._data_timer.timeout.connect(self._rebuild_data)

        self.data_form.changed.connect(self._on_data_form_changed)
        self.data_form.csvRequested.connect(self.choose_csv)
        self.model_form.changed.connect(self._on_model_form_changed)
        self.controls.trainRequested.connect(self.train)
        self.controls.pauseRequested.connect(self.pause)
        self.controls.resumeRequested.connect(self.resume)
        self.controls.stepRequested.connect(self.step)
        self.controls.stopRequested.connect(self.stop)
        self.controls.resetRequested.connect(self.reset)
        self.controls.speedChanged.connect(self._on_speed)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.boundary.testSampleClicked.connect(self.prediction.select_sample)
        self.prediction.sampleChanged.connect(self.boundary.select_test_sample)

        self.resize(1280, 800)
        self.resizeDocks(
            [self.settings_dock, self.prediction_dock], [scroll.minimumWidth(), 400], Qt.Horizontal
        )
        self._restore_geometry()
        self._rebuild_data()

    def _dock(self, title, name, widget, area):
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetMovable | QDockWidget.DockWidgetFloatable)
        self.addDockWidget(area, dock)
        return dock

    # Data -----------------------------------------------------------------------------------
    @Slot()
    def _on_data_form_changed(self):
        self._update_can_train()
        if self.data_form.settings() is not None:
            self._data_timer.start()

    @Slot()
    def _rebuild_data(self):
        """Make the data the form describes, in the background."""
        settings = self.data_form.settings()
        if settings is None or settings == self._data_settings:
            return
        from ..core import prepare_data

        self.statusBar().showMessage("Preparing the data…")
        self.jobs.submit(
            "data",
            prepare_data,
            settings,
            on_result=lambda split: self.set_data(split, settings),
            on_error=self._on_data_error,
        )
        self._update_can_train()

    def _on_data_error(self, error):
        message = (
            str(error)
            if isinstance(error, (DataError, ValueError, OSError))
            else f"unexpected problem: {error}"
        )
        kept = "The previous data stay loaded." if self.split is not None else "No data are loaded."
        self.statusBar().showMessage(f"The data could not be made: {message} {kept}")
        QMessageBox.warning(self, "The data cannot be used", f"{message}\n\n{kept}")
        self._update_can_train()

    def set_data(self, split, settings=None):
        """Train on ``split`` from now on: stops any run and resets the views."""
        self._stop_training()
        self.split = split
        self._data_settings = settings
        self.classes = np.unique(split.y_train)
        self._latest = None
        self.loss_plot.clear()
        display = split.scaler.inverse_transform(split.X_test) if split.scaler is not None else None
        self.prediction.set_samples(
            split.X_test, split.y_test, split.feature_names, self.classes, display
        )
        self.boundary.set_data(
            split.X_train,
            np.searchsorted(self.classes, split.y_train),
            split.X_test,
            np.searchsorted(self.classes, split.y_test),
            split.feature_names,
            self.classes,
        )
        self.boundary.select_test_sample(self.prediction.current_index())
        self.weights.set_names(split.feature_names, self.classes)
        self.evaluation.set_classes(self.classes)
        self._compute_optimum()
        notes = "".join(f"<br>• {n}" for n in split.notes)
        self.data_summary.setText(
            f"<b>Data:</b> {split.source}.<br>{len(split.y_train)} training and {len(split.y_test)} test samples"
            f"{' (stratified)' if split.stratified else ''}, {len(split.feature_names)} features, "
            f"{len(self.classes)} classes; {'standardised on the training part' if split.scaler is not None else 'not standardised'}.{notes}"
        )
        self.progress.setFormat("no run yet")
        self.progress.setValue(0)
        self.statusBar().showMessage("Data ready: press Train.")
        self._update_can_train()

    @Slot()
    def choose_csv(self):
        """Ask for a CSV file and load its header in the background."""
        path, _ = QFileDialog.getOpenFileName(
            self,
            "Open a CSV file",
            "",
            "CSV and text files (*.csv *.tsv *.txt *.dat);;All files (*)",
        )
        if path:
            self.load_csv(path)

    def load_csv(self, path):
        """Read ``path``'s columns (in the background) and offer them as the target."""
        self.statusBar().showMessage(f"Reading {os.path.basename(path)}…")

        def shown(table):
            self.data_form.set_csv(path, table.columns, guess_target(table))

        def refused(error):
            message = (
                str(error)
                if isinstance(error, (DataError, OSError))
                else f"unexpected problem: {error}"
            )
            self.statusBar().showMessage("The CSV file could not be used.")
            QMessageBox.warning(
                self, "The CSV file cannot be used", f"{message}\n\nThe previous data stay loaded."
            )

        self.jobs.submit("csv", read_csv, path, on_result=shown, on_error=refused)

    # Training -------------------------------------------------------------------------------
    def _update_can_train(self):
        problems = {**self.data_form.problems(), **self.model_form.problems()}
        if problems:
            reason = "fix the settings marked in red."
        elif self.split is None or self.jobs.pending("data"):
            reason = "the data are being prepared."
        else:
            reason = ""
        self.controls.set_can_train(not reason, reason)

    @Slot()
    def _on_model_form_changed(self):
        self._update_can_train()
        self._compute_optimum()
        params = self.model_form.params()
        if params is not None and self.training is not None:
            # The learning rate and the epochs apply to the run going on; the rest on the next.
            self.training.worker.set_learning_rate(params["learning_rate"])
            self.training.worker.set_epochs(params["epochs"])
            self._epochs_total = params["epochs"]
            self._show_progress()

    def _estimator(self):
        params = self.model_form.params()
        return LogisticRegressionGD(
            random_state=self.data_form.seed.value() + self._resets, **params
        )

    @Slot()
    def train(self):
        """Start a new run from new initial weights on the current data."""
        self._start(paused=False)

    def _start(self, paused, steps=0):
        if not self.controls.train.isEnabled():
            return
        self._stop_training()
        self.loss_plot.clear()
        estimator = self._estimator()
        self._epochs_total = estimator.epochs
        self._rate = (None, 0)
        split = self.split
        worker = TrainingWorker(
            lambda: estimator.start_training(
                split.X_train, split.y_train, split.X_test, split.y_test, keep_curve=False
            ),
            paused=paused,
            epochs_per_second=self.controls.speed(),
        )
        if steps:
            worker.step(steps)
        self.training = TrainingThread(worker, self)
        worker.progressed.connect(self._on_progress)
        worker.finished.connect(self._on_finished)
        worker.failed.connect(self._on_failed)
        worker.paused_changed.connect(self._on_paused_changed)
        worker.warned.connect(self._on_warned)
        self.training.thread.finished.connect(self._on_thread_finished)
        self.controls.set_state(RunControls.PAUSED if paused else RunControls.RUNNING)
        self.statusBar().showMessage("Training…")
        self.training.start()

    @Slot()
    def pause(self):
        if self.training is not None:
            self.training.worker.pause()

    @Slot()
    def resume(self):
        if self.training is not None:
            self.training.worker.resume()

    @Slot()
    def step(self):
        """One epoch, then pause; starts a paused run when none is going."""
        if self.training is None:
            self._start(paused=True, steps=1)
        else:
            self.training.worker.step(1)

    @Slot()
    def stop(self):
        if self.training is not None:
            self.training.worker.stop()

    @Slot()
    def reset(self):
        """Stop, forget the weights and draw new initial ones on the same data."""
        self._stop_training()
        self._resets += 1
        self._latest = None
        self.loss_plot.clear()
        self.prediction.clear_weights()
        self.evaluation.clear()
        for view in self._weight_views:
            view.clear_weights()
        self.progress.setFormat("no run yet")
        self.progress.setValue(0)
        self.statusBar().showMessage(
            f"Reset: the next run starts from new weights (seed {self.data_form.seed.value() + self._resets})."
        )

    @Slot(object)
    def _on_speed(self, epochs_per_second):
        if self.training is not None:
            self.training.worker.set_speed(epochs_per_second)

    def _stop_training(self):
        """End the run going on, if any, and wait for its thread (within one epoch)."""
        training, self.training = self.training, None
        if training is None:
            return
        for signal in (
            training.worker.progressed,
            training.worker.finished,
            training.worker.failed,
            training.worker.paused_changed,
            training.worker.warned,
        ):
            signal.disconnect()
        training.shutdown()
        training.deleteLater()
        self.controls.set_state(RunControls.IDLE)

    def _is_current(self):
        worker = self.sender()
        return self.training is not None and worker is self.training.worker

    @Slot(str)
    def _on_warned(self, warning):
        if self._is_current():
            self.statusBar().showMessage(f"Warning: {warning}")

    @Slot()
    def _on_progress(self):
        if not self._is_current():
            return
        batch = self.training.worker.take()
        if batch is None:
            return
        self._latest = batch
        # The train curve is the objective gradient descent minimises (with its L2 term), so
        # that the optimum's line is a true floor under it.
        self.loss_plot.append(
            batch.epochs,
            batch.objective,
            batch.test_loss,
            batch.train_accuracy,
            batch.test_accuracy,
        )
        if self._paused:
            self._refresh_evaluation()
        self.prediction.set_weights(batch.coef, batch.intercept)
        self._show_weights()
        now, epoch = time.monotonic(), int(batch.epochs[-1])
        then, before = self._rate
        if then is not None and now > then and epoch > before:
            current = (epoch - before) / (now - then)
            self._epochs_per_second = (
                current
                if not self._epochs_per_second
                else 0.7 * self._epochs_per_second + 0.3 * current
            )
        if then is None or now - then > 0.25:
            self._rate = (now, epoch)
        self._show_progress()
        self._show_gap()

    def _show_weights(self):
        """Draw the latest weights in the view of weights now shown, if any."""
        view = self.tabs.currentWidget()
        if view in self._weight_views and self._latest is not None:
            view.set_weights(self._latest.coef, self._latest.intercept)

    @Slot(int)
    def _on_tab_changed(self, _index):
        self._show_weights()

    def _l2(self):
        params = self.model_form.params()
        return None if params is None else params["l2"]

    def _compute_optimum(self):
        """Find the exact optimum for the data and L2 in the background, once per pair."""
        l2 = self._l2()
        if self.split is None or l2 is None:
            return
        key = (id(self.split), l2)
        if getattr(self, "_optimum_key", None) == key:
            return
        self._optimum_key = key
        self.optimum = None
        self.loss_plot.set_reference_loss(None)
        self.loss_plot.set_train_label("train loss" if l2 == 0 else "train loss + L2 penalty")
        self.optimum_label.setText("Finding the best possible training loss…")
        y = np.searchsorted(self.classes, self.split.y_train)
        self.jobs.submit(
            "optimum",
            find_optimum,
            self.split.X_train,
            y,
            len(self.classes),
            l2,
            on_result=self._on_optimum,
            on_error=self._on_optimum_error,
        )

    def _on_optimum(self, optimum):
        self.optimum = optimum
        if optimum.exists:
            self.loss_plot.set_reference_loss(optimum.objective, f"optimum {optimum.objective:.4g}")
        else:
            self.loss_plot.set_reference_loss(None)
        self._show_gap()

    def _on_optimum_error(self, error):
        self.optimum = None
        self.optimum_label.setText(f"The best possible loss could not be computed: {error}")

    def _show_gap(self):
        o = self.optimum
        if o is None:
            return
        if not o.exists:
            self.optimum_label.setText(o.message)
            return
        text = f"Optimum (scikit-learn): {o.objective:.6g}."
        if self._latest is not None:
            gap = float(self._latest.objective[-1]) - o.objective
            text += f" Gradient descent is at {float(self._latest.objective[-1]):.6g}: {gap:.3g} above it."
        self.optimum_label.setText(text)

    def _refresh_evaluation(self):
        """Metrics of the latest weights on train and test (at the end, on pause and on Step)."""
        if self._latest is None or self.split is None:
            return
        k = len(self.classes)
        coef, intercept = self._latest.coef, self._latest.intercept
        train = evaluate_weights(
            self.split.X_train,
            np.searchsorted(self.classes, self.split.y_train),
            coef,
            intercept,
            k,
        )
        test = (
            evaluate_weights(
                self.split.X_test,
                np.searchsorted(self.classes, self.split.y_test),
                coef,
                intercept,
                k,
            )
            if len(self.split.y_test)
            else None
        )
        self.evaluation.set_evaluations(train, test, int(self._latest.epochs[-1]))

    def _show_progress(self):
        epoch = int(self._latest.epochs[-1]) if self._latest is not None else 0
        total = max(self._epochs_total, 1)
        self.progress.setMaximum(min(total, 2**31 - 1))
        self.progress.setValue(min(epoch, total))
        text = f"epoch {epoch:,} of {total:,}"
        if self._epochs_per_second > 0 and self.training is not None:
            left = (total - epoch) / self._epochs_per_second
            text += f" — {self._epochs_per_second:,.0f} epochs/s — {_duration(left)} left"
        self.progress.setFormat(text)

    @Slot(bool)
    def _on_paused_changed(self, paused):
        if not self._is_current():
            return
        self._paused = paused
        if paused:
            self._refresh_evaluation()
        self.controls.set_state(RunControls.PAUSED if paused else RunControls.RUNNING)
        if paused:
            self.statusBar().showMessage(
                "Paused: Step runs one epoch; the learning rate may be changed."
            )
        else:
            self.statusBar().showMessage("Training…")

    @Slot(str, str)
    def _on_finished(self, reason, message):
        if not self._is_current():
            return
        self._on_progress()  # whatever the worker left in its outbox
        self._retire()
        self._paused = False
        self._refresh_evaluation()
        self.controls.set_state(RunControls.IDLE)
        self._epochs_per_second = 0.0
        self._show_progress()
        if reason == StopReason.DIVERGED:
            self.statusBar().showMessage(f"Training {message}")
            QMessageBox.warning(
                self,
                "Training diverged",
                f"Training {message}\n\nThe last finite weights are kept.",
            )
        else:
            self.statusBar().showMessage(f"Training {message}")

    @Slot(str)
    def _on_failed(self, message):
        if not self._is_current():
            return
        self._retire()
        self.controls.set_state(RunControls.IDLE)
        self.statusBar().showMessage(message)
        QMessageBox.warning(self, "Training failed", message)

    def _retire(self):
        """The run ended by itself: keep its thread object until the thread has finished."""
        self._finished_runs.append(self.training)
        self.training = None

    @Slot()
    def _on_thread_finished(self):
        for training in [t for t in self._finished_runs if not t.is_running()]:
            self._finished_runs.remove(training)
            training.deleteLater()

    # Window ---------------------------------------------------------------------------------
    def _restore_geometry(self):
        settings = QSettings()
        geometry = settings.value("mainWindow/geometry")
        if geometry is not None and os.environ.get("QT_QPA_PLATFORM") != "offscreen":
            self.restoreGeometry(geometry)

    def closeEvent(self, event):
        """End the training thread and background jobs before the window goes."""
        self._stop_training()
        for training in self._finished_runs:
            training.shutdown()
        self._finished_runs = []
        self.jobs.shutdown()
        QSettings().setValue("mainWindow/geometry", self.saveGeometry())
        super().closeEvent(event)


def _duration(seconds):
    if not math.isfinite(seconds) or seconds < 0:
        return "?"
    if seconds < 60:
        return f"{seconds:.0f} s"
    if seconds < 3600:
        return f"{seconds // 60:.0f} min {seconds % 60:02.0f} s"
    return f"{seconds // 3600:.0f} h {seconds % 3600 // 60:02.0f} min"
