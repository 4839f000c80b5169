"""Are the probabilities honest? The reliability diagram of the test samples (two classes):
among the samples given about the same probability of the second class, the share that
truly is it — on the diagonal when the probabilities can be taken at their word — with the
Brier score."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ..style.palette import NEUTRAL, TEXT, class_colors, class_text, style_plot
from ..widgets import ComboBox, WrappedLabel, named

__all__ = ["CalibrationView"]

#: Bins of the diagram.
BINS = 10


class CalibrationView(QWidget):
    """The reliability diagram of the weights evaluated (the session's evaluation)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        named(self, "calibrationPlot")
        self._session = None
        self._shown = None  # the Calibration drawn
        self.strategy = named(
            ComboBox(),
            "calibrationStrategyInput",
            self.tr(
                "Bins of equal width in probability (0–0.1, 0.1–0.2, …), or bins holding "
                "equal numbers of samples."
            ),
        )
        self.strategy.addItem(self.tr("bins of equal width"), "uniform")
        self.strategy.addItem(self.tr("bins of equal counts"), "quantile")
        self.summary = named(WrappedLabel(), "calibrationSummary")
        self.plot = named(pg.PlotWidget(background="w"), "calibrationDiagram")
        self.plot.setToolTip(
            self.tr(
                "Each point: the samples given about the same probability (its x) and the share "
                "of them that truly are of the class (its y). On the dashed diagonal, a "
                "probability of 0.8 is right 8 times in 10."
            )
        )
        self.plot.setXRange(0, 1)
        self.plot.setYRange(0, 1)
        self.plot.setMouseEnabled(False, False)
        style_plot(self.plot)
        self.plot.setMinimumSize(200, 160)
        self.strategy.setSizeAdjustPolicy(ComboBox.AdjustToContents)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Test samples in")))
        row.addWidget(self.strategy)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(self.plot, 1)
        self.strategy.currentIndexChanged.connect(self._draw)
        self._draw()

    def bind(self, session) -> None:
        self._session = session
        session.evaluationChanged.connect(self._draw)
        session.dataChanged.connect(self._draw)

    def shown(self):
        """The :class:`~logreg_gui.core.analysis.calibration.Calibration` drawn, or None."""
        return self._shown

    @Slot()
    def _draw(self, *_):
        from ...core.analysis.calibration import calibration
        from ...core.model.objective import sigmoid

        self.plot.clear()
        self._shown = None
        session = self._session
        evaluation = None if session is None or session.evaluation is None else session.evaluation
        test = None if evaluation is None else evaluation[1]
        if session is None or session.data is None or session.n_classes != 2:
            self.summary.setText(
                self.tr("The reliability diagram is drawn for two classes.")
                if session is not None and session.data is not None
                else ""
            )
            return
        if test is None or test.counts is None:
            self.summary.setText(
                self.tr("Train a model: its test samples' probabilities are judged here.")
            )
            return
        counts = test.counts
        y = np.diff(counts.positives_below)  # the classes, in the order of the scores
        p = sigmoid(counts.scores)
        name = class_text(session.classes[1])
        shown = calibration(y, p, BINS, self.strategy.currentData())
        self._shown = shown
        self.plot.plot([0, 1], [0, 1], pen=pg.mkPen(NEUTRAL, style=Qt.DashLine))
        color = class_colors(2)[1]
        self.plot.plot(shown.predicted, shown.observed, pen=pg.mkPen(color, width=2),
                       symbol="o", symbolSize=8, symbolBrush=color)  # fmt: skip
        self.plot.setLabel("bottom", self.tr("mean P({name}) of the bin").format(name=name))
        self.plot.setLabel("left", self.tr("share truly {name}").format(name=name), color=TEXT)
        worst = int(np.argmax(np.abs(shown.observed - shown.predicted)))
        self.summary.setText(
            self.tr(
                "{n} test samples in {bins} bins; Brier score {brier:.4f} (the mean of (P − "
                "y)², 0 is perfect, 0.25 is always saying 0.5). Farthest from the diagonal: "
                "samples given about {p:.2f} are {o:.2f} {name}."
            ).format(
                n=counts.n,
                bins=len(shown.counts),
                brier=shown.brier,
                p=shown.predicted[worst],
                o=shown.observed[worst],
                name=name,
            )
        )
