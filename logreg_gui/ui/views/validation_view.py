"""Judging settings honestly: k-fold cross-validation of the training part (a table of the
folds' scores with their mean ± sd) and the learning curve (training and validation score
against the number of training rows, with words for high bias and high variance). Both refit
the preprocessing inside every fold: nothing is fitted on the rows it is judged on."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..style.i18n import QT_TRANSLATE_NOOP, translate
from ..style.palette import TEST, TEXT, TRAIN, style_plot
from ..widgets import ComboBox, WrappedLabel, named

__all__ = ["CrossValidationView", "LearningCurveView", "learning_verdict"]

CV, LEARNING = "cv", "learning"

#: The scores of a fold, as the table names them (English, translated where shown).
SCORES = [
    ("accuracy", QT_TRANSLATE_NOOP("ValidationView", "accuracy")),
    ("balanced_accuracy", QT_TRANSLATE_NOOP("ValidationView", "balanced\naccuracy")),
    ("log_loss", QT_TRANSLATE_NOOP("ValidationView", "log-loss")),
    ("roc_auc", QT_TRANSLATE_NOOP("ValidationView", "ROC AUC")),
]
#: The gap between training and validation accuracy that says high variance.
HIGH_VARIANCE_GAP = 0.1
#: A validation accuracy this close to guessing the largest class says high bias.
HIGH_BIAS_MARGIN = 0.05


def _controls(view, name, folds_tip, with_repeats):
    """Fold and repeat choices, Compute, Cancel and a progress bar (objectNames ``name``…)."""
    view.folds = named(ComboBox(), f"{name}FoldsInput", folds_tip)
    for k in range(3, 11):
        view.folds.addItem(translate("ValidationView", "{k} folds").format(k=k), k)
    view.folds.setCurrentIndex(2)  # 5 folds
    view.repeats = named(
        ComboBox(),
        f"{name}RepeatsInput",
        translate(
            "ValidationView",
            "Repeat the k folds with other shuffles: more folds' scores, a steadier mean.",
        ),
    )
    for r in range(1, 6):
        view.repeats.addItem(translate("ValidationView", "×{r}").format(r=r), r)
    view.repeats.setVisible(with_repeats)
    view.compute_button = named(
        QPushButton(translate("ValidationView", "Compute")),
        f"{name}ComputeButton",
        translate(
            "ValidationView", "Train one model per fold on the training part, in the background."
        ),
    )
    view.cancel_button = named(
        QPushButton(translate("ValidationView", "Cancel")),
        f"{name}CancelButton",
        translate("ValidationView", "Stop the computation."),
    )
    view.progress = named(QProgressBar(), f"{name}Progress")
    view.progress.setMinimumWidth(60)
    for combo in (view.folds, view.repeats):
        combo.setSizeAdjustPolicy(ComboBox.AdjustToContents)
    row = QHBoxLayout()
    for widget in (view.folds, view.repeats, view.compute_button, view.cancel_button):
        row.addWidget(widget)
    row.addWidget(view.progress, 1)
    return row


def _show_running(view, kind):
    session = view._session
    running = session is not None and session.validation_running == kind
    view.compute_button.setEnabled(session is not None and session.data is not None)
    view.cancel_button.setVisible(running)
    view.progress.setVisible(running)
    if running:
        done, total = session.validation_progress
        view.progress.setRange(0, max(total, 0))  # 0, 0: busy without a count
        view.progress.setValue(done)
    return running


class CrossValidationView(QWidget):
    """k-fold stratified cross-validation of the settings in use on the training part.

    Signals
    -------
    computeRequested(str, int, int) : compute "cv" with k folds, repeated r times
    cancelRequested() : stop the computation going on
    """

    computeRequested = Signal(str, int, int)
    cancelRequested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        named(self, "crossValidation")
        self._session = None
        controls = _controls(
            self,
            "cv",
            self.tr("How many parts the training samples are cut into: each is judged once."),
            with_repeats=True,
        )
        self.summary = named(WrappedLabel(), "cvSummary")
        self.table = named(QTableWidget(0, len(SCORES)), "cvTable")
        self.table.setHorizontalHeaderLabels(
            [translate("ValidationView", label) for _, label in SCORES]
        )
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self.compute_button.clicked.connect(
            lambda: self.computeRequested.emit(
                CV, self.folds.currentData(), self.repeats.currentData()
            )
        )
        self.cancel_button.clicked.connect(self.cancelRequested)
        self._draw()

    def bind(self, session) -> None:
        self._session = session
        session.validationChanged.connect(self._draw)
        session.dataChanged.connect(self._draw)
        self._draw()

    def result(self):
        """The cross-validation shown (a CrossValidation), or None."""
        return None if self._session is None else self._session.validation.get(CV)

    @Slot()
    def _draw(self):
        running = _show_running(self, CV)
        result = self.result()
        self.table.setRowCount(0)
        if result is None:
            note = self._session.validation_note if self._session is not None else ""
            self.summary.setText(
                note
                or (
                    self.tr("Cross-validating…")
                    if running
                    else self.tr(
                        "Press Compute to cut the training samples into k parts and train k "
                        "models, each judged on the part it did not see. The preprocessing "
                        "(standardisation, feature map) is fitted again inside each fold, "
                        "never on the part it is judged on: no data leakage. The test samples "
                        "are not used."
                    )
                )
            )
            return
        folds = len(result.scores["accuracy"])
        self.table.setRowCount(folds + 1)
        labels = [self.tr("fold {i}").format(i=i + 1) for i in range(folds)]
        self.table.setVerticalHeaderLabels([*labels, self.tr("mean ± sd")])
        for column, (key, _) in enumerate(SCORES):
            for row, value in enumerate(result.scores[key]):
                self.table.setItem(row, column, QTableWidgetItem(f"{value:.4f}"))
            mean = QTableWidgetItem(f"{result.mean(key):.4f} ± {result.sd(key):.4f}")
            font = mean.font()
            font.setBold(True)
            mean.setFont(font)
            self.table.setItem(folds, column, mean)
        repeated = (
            self.tr("{k}-fold cross-validation repeated {r} times")
            if result.repeats > 1
            else self.tr("{k}-fold cross-validation")
        ).format(k=result.k, r=result.repeats)
        self.summary.setText(
            self.tr(
                "{how} of the training part: accuracy {accuracy:.3f} ± {sd:.3f}, on folds the "
                "models never saw (the preprocessing refitted in each). The mean ± sd says how "
                "much the score depends on which samples are held out."
            ).format(how=repeated, accuracy=result.mean("accuracy"), sd=result.sd("accuracy"))
        )


def learning_verdict(curve, majority) -> str | None:
    """``"variance"`` when the validation accuracy stays well below the training accuracy
    at the largest size (more data or a simpler model would help), ``"bias"`` when both
    are low and close (near ``majority``, the share of the largest class: the model is too
    simple), None otherwise. Accuracy only."""
    if curve.score != "accuracy":
        return None
    train = float(np.nanmean(curve.train[-1]))
    validation = float(np.nanmean(curve.validation[-1]))
    if train - validation > HIGH_VARIANCE_GAP:
        return "variance"
    if validation < majority + HIGH_BIAS_MARGIN and train - validation < HIGH_VARIANCE_GAP / 2:
        return "bias"
    return None


class LearningCurveView(QWidget):
    """Training and validation accuracy against the number of training rows.

    Signals
    -------
    computeRequested(str, int, int) : compute "learning" with k folds
    cancelRequested() : stop the computation going on
    """

    computeRequested = Signal(str, int, int)
    cancelRequested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        named(self, "learningCurve")
        self._session = None
        controls = _controls(
            self,
            "learning",
            self.tr("Folds of the training samples: each size is judged on every fold."),
            with_repeats=False,
        )
        self.summary = named(WrappedLabel(), "learningSummary")
        self.plot = named(pg.PlotWidget(background="w"), "learningPlot")
        self.plot.setLabel("bottom", self.tr("training samples used"))
        self.plot.setLabel("left", self.tr("accuracy"))
        self.plot.setMouseEnabled(False, False)
        style_plot(self.plot)
        self.plot.setMinimumSize(200, 160)
        self.legend = self.plot.addLegend(offset=(-10, -10), labelTextColor=TEXT,
                                          brush="#FFFFFFD0")  # fmt: skip
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.summary)
        layout.addWidget(self.plot, 1)
        self.compute_button.clicked.connect(
            lambda: self.computeRequested.emit(LEARNING, self.folds.currentData(), 1)
        )
        self.cancel_button.clicked.connect(self.cancelRequested)
        self._draw()

    def bind(self, session) -> None:
        self._session = session
        session.validationChanged.connect(self._draw)
        session.dataChanged.connect(self._draw)
        self._draw()

    def result(self):
        """The learning curve shown (a LearningCurve), or None."""
        return None if self._session is None else self._session.validation.get(LEARNING)

    def verdict(self) -> str | None:
        """ "bias", "variance" or None, as the summary says it."""
        curve, session = self.result(), self._session
        if curve is None:
            return None
        counts = np.unique(session.y_train, return_counts=True)[1]
        return learning_verdict(curve, counts.max() / counts.sum())

    @Slot()
    def _draw(self):
        running = _show_running(self, LEARNING)
        curve = self.result()
        self.plot.clear()
        self.legend.setVisible(curve is not None)  # never an empty box
        if curve is None:
            note = self._session.validation_note if self._session is not None else ""
            self.summary.setText(
                note
                or (
                    self.tr("Computing the learning curve…")
                    if running
                    else self.tr(
                        "Press Compute to train on 10% to 100% of each fold's training "
                        "samples and judge each model on the fold it did not see: does more "
                        "data help?"
                    )
                )
            )
            return
        for values, name, color in (
            (curve.train, self.tr("training"), TRAIN),
            (curve.validation, self.tr("validation"), TEST),
        ):
            mean, sd = np.nanmean(values, axis=1), np.nanstd(values, axis=1)
            self.plot.plot(curve.sizes, mean, pen=pg.mkPen(color, width=2), symbol="o",
                           symbolSize=6, symbolBrush=color, name=name)  # fmt: skip
            band = pg.FillBetweenItem(
                pg.PlotDataItem(curve.sizes, mean - sd), pg.PlotDataItem(curve.sizes, mean + sd),
                brush=pg.mkBrush(pg.mkColor(color).red(), pg.mkColor(color).green(),
                                 pg.mkColor(color).blue(), 40),
            )  # fmt: skip
            self.plot.addItem(band)
        verdict = self.verdict()
        train = float(np.nanmean(curve.train[-1]))
        validation = float(np.nanmean(curve.validation[-1]))
        said = self.tr(
            "With {n:,} training samples: training accuracy {train:.3f}, validation "
            "{validation:.3f} (mean of the folds; the band is ± one sd)."
        ).format(n=int(curve.sizes[-1]), train=train, validation=validation)
        if verdict == "variance":
            said += " " + self.tr(
                "High variance: the model does much better on the samples it learnt from than "
                "on new ones; more data, a penalty or fewer features would help."
            )
        elif verdict == "bias":
            said += " " + self.tr(
                "High bias: both scores are low and close, near what always guessing the "
                "largest class gets; more data will not help — a richer model (more features, "
                "a feature map) would."
            )
        self.summary.setText(said)
        self.plot.setYRange(0, 1.02, padding=0)
