"""The regularisation path: every weight of the exact optimum against the strength α of the
penalty on a log scale (L1's weights entering one by one as α falls, L2's growing together),
the strength in use marked, and below it the cross-validated log-loss of each strength with
the best one; a click on the path chooses that strength for the next run."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..style.palette import NEUTRAL, TEST, TEXT, WRONG, style_plot
from ..widgets import ComboBox, WrappedLabel, named

__all__ = ["RegularizationPathView"]

PATH = "path"


class RegularizationPathView(QWidget):
    """Follows the session's path (``validation["path"]``: the path and its CV scores).

    Signals
    -------
    computeRequested(str) : compute the path of this penalty ("l2", "l1", "elasticnet")
    cancelRequested() : stop the computation going on
    strengthChosen(str, float) : use this penalty with this strength
    """

    computeRequested = Signal(str)
    cancelRequested = Signal()
    strengthChosen = Signal(str, float)

    def __init__(self, parent=None):
        super().__init__(parent)
        named(self, "regularizationPath")
        self._session = None
        self.kind = named(
            ComboBox(),
            "pathPenaltyInput",
            self.tr("The penalty whose path is drawn (its L1 ratio is the form's)."),
        )
        self.kind.addItem(self.tr("L1"), "l1")
        self.kind.addItem(self.tr("L2"), "l2")
        self.kind.addItem(self.tr("elastic net"), "elasticnet")
        self.kind.setSizeAdjustPolicy(ComboBox.AdjustToContents)
        self.compute_button = named(
            QPushButton(self.tr("Compute")),
            "pathComputeButton",
            self.tr(
                "The exact optimum at 40 strengths (strong to weak, each started from the one "
                "before) and each strength's 5-fold cross-validated log-loss, in the background."
            ),
        )
        self.cancel_button = named(
            QPushButton(self.tr("Cancel")), "pathCancelButton", self.tr("Stop the computation.")
        )
        self.best_button = named(
            QPushButton(self.tr("Use the best α")),
            "pathUseBestButton",
            self.tr("Set the penalty to the strength with the lowest cross-validated log-loss."),
        )
        self.progress = named(QProgressBar(), "pathProgress")
        self.progress.setMinimumWidth(60)
        self.summary = named(WrappedLabel(), "pathSummary")
        self.graphics = named(pg.GraphicsLayoutWidget(), "pathPlot")
        self.graphics.setBackground("w")
        self.graphics.setMinimumSize(220, 220)
        self.graphics.setToolTip(
            self.tr(
                "Top: each weight of the best model against the penalty's strength α (log "
                "scale, strong on the left). Bottom: the cross-validated log-loss of each α. "
                "Click the path to use that α."
            )
        )
        self.coef_plot = self.graphics.addPlot(row=0, col=0)
        self.coef_plot.setLogMode(x=True, y=False)
        self.coef_plot.setLabel("left", self.tr("weight"))
        self.coef_plot.invertX(True)  # strong penalties on the left: weights grow rightwards
        self.cv_plot = self.graphics.addPlot(row=1, col=0)
        self.cv_plot.setLogMode(x=True, y=False)
        self.cv_plot.invertX(True)
        self.cv_plot.setXLink(self.coef_plot)
        self.cv_plot.setLabel("bottom", self.tr("strength α of the penalty"))
        self.cv_plot.setLabel("left", self.tr("CV log-loss"))
        for plot in (self.coef_plot, self.cv_plot):
            plot.setMouseEnabled(False, False)
            style_plot(plot)
        self.graphics.ci.layout.setRowStretchFactor(0, 3)
        self.graphics.ci.layout.setRowStretchFactor(1, 2)
        controls = QHBoxLayout()
        for widget in (self.kind, self.compute_button, self.cancel_button, self.best_button):
            controls.addWidget(widget)
        controls.addWidget(self.progress, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.summary)
        layout.addWidget(self.graphics, 1)
        self.compute_button.clicked.connect(
            lambda: self.computeRequested.emit(self.kind.currentData())
        )
        self.cancel_button.clicked.connect(self.cancelRequested)
        self.best_button.clicked.connect(self._use_best)
        self.coef_plot.scene().sigMouseClicked.connect(self._on_click)
        self._draw()

    def bind(self, session) -> None:
        self._session = session
        session.validationChanged.connect(self._draw)
        session.dataChanged.connect(self._draw)
        session.runStarted.connect(self._draw)
        self._draw()

    def result(self):
        """``(RegularizationPath, PathCV)`` drawn, or None."""
        return None if self._session is None else self._session.validation.get(PATH)

    def alpha_in_use(self):
        """The penalty's strength of the run shown (None without a penalty or a run)."""
        run = None if self._session is None else self._session.run
        if run is None or run.settings.get("penalty") is None:
            return None
        return float(run.settings.get("alpha", 0.0))

    def choose(self, alpha) -> None:
        """Use the path's penalty with strength ``alpha`` (what a click does)."""
        result = self.result()
        if result is not None:
            self.strengthChosen.emit(result[0].kind, float(alpha))

    def _use_best(self):
        result = self.result()
        if result is not None:
            _, cv = result
            self.choose(cv.alphas[cv.best()])

    def _on_click(self, event):
        result = self.result()
        if result is None or event.button() != Qt.LeftButton:
            return
        box = self.coef_plot.getViewBox()
        point = box.mapSceneToView(event.scenePos())
        if not box.sceneBoundingRect().contains(event.scenePos()):
            return
        alphas = result[0].alphas
        alpha = float(10 ** point.x())
        self.choose(float(alphas[np.argmin(np.abs(np.log10(alphas) - np.log10(alpha)))]))

    @Slot()
    def _draw(self, *_):
        session = self._session
        running = session is not None and session.validation_running == PATH
        self.compute_button.setEnabled(session is not None and session.data is not None)
        self.cancel_button.setVisible(running)
        self.progress.setVisible(running)
        if running:
            done, total = session.validation_progress
            self.progress.setRange(0, max(total, 0))
            self.progress.setValue(done)
        result = self.result()
        self.best_button.setEnabled(result is not None)
        self.coef_plot.clear()
        self.cv_plot.clear()
        if result is None:
            note = session.validation_note if session is not None and not running else ""
            self.summary.setText(
                note
                or (
                    self.tr("Computing the path…")
                    if running
                    else self.tr(
                        "Press Compute to see every weight of the best model as the penalty "
                        "weakens: L1 sets weights to exactly 0 and lets them in one by one, L2 "
                        "shrinks them all together."
                    )
                )
            )
            return
        path, cv = result
        names = [str(n) for n in session.data.feature_names] if session.data is not None else []
        k, d = path.coefs.shape[1], path.coefs.shape[2]
        for j in range(d):
            for c in range(k):
                color = pg.intColor(j, hues=max(d, 2), values=1, maxValue=200)
                item = self.coef_plot.plot(
                    path.alphas, path.coefs[:, c, j], pen=pg.mkPen(color, width=1.5)
                )
                item.setToolTip(names[j] if j < len(names) else str(j))
        mean = np.mean(cv.log_loss, axis=1)
        sd = np.std(cv.log_loss, axis=1)
        self.cv_plot.plot(cv.alphas, mean, pen=pg.mkPen(TEST, width=2), symbol="o", symbolSize=5,
                          symbolBrush=TEST)  # fmt: skip
        self.cv_plot.addItem(
            pg.FillBetweenItem(
                pg.PlotDataItem(cv.alphas, mean - sd), pg.PlotDataItem(cv.alphas, mean + sd),
                brush=pg.mkBrush(180, 180, 180, 60),
            )
        )  # fmt: skip
        best = cv.best()
        for plot in (self.coef_plot, self.cv_plot):
            plot.addItem(pg.InfiniteLine(np.log10(cv.alphas[best]), angle=90,
                                         pen=pg.mkPen(TEST, style=Qt.DashLine)))  # fmt: skip
        used = self.alpha_in_use()
        if used is not None and used > 0:
            for plot in (self.coef_plot, self.cv_plot):
                plot.addItem(pg.InfiniteLine(np.log10(used), angle=90,
                                             pen=pg.mkPen(WRONG, width=2)))  # fmt: skip
        self.coef_plot.addItem(pg.InfiniteLine(0, angle=0, pen=pg.mkPen(NEUTRAL)))
        zeros = path.zeros()
        count = k * d
        said = self.tr(
            "{kind} path, α from {strong:.3g} down to {weak:.3g}: {zeros_strong:,} of the "
            "{count:,} weights are exactly 0 at the strongest, {zeros_weak:,} at the weakest. "
            "The cross-validated log-loss is lowest at α = {best:.3g} ({loss:.4f}, dashed)."
        ).format(
            kind={"l1": "L1", "l2": "L2"}.get(path.kind, self.tr("Elastic-net")),
            strong=path.alphas[0],
            weak=path.alphas[-1],
            zeros_strong=int(zeros[0]),
            zeros_weak=int(zeros[-1]),
            count=count,
            best=cv.alphas[best],
            loss=mean[best],
        )
        if used is not None:
            said += " " + self.tr("The run shown uses α = {alpha:.3g} (the solid line).").format(
                alpha=used
            )
        self.summary.setText(said)
        self.coef_plot.getAxis("left").setTextPen(TEXT)
