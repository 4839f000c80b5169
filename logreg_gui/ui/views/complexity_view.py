"""The complexity curve: training and test loss and accuracy of the best model at each
polynomial degree, or at each L2 penalty (log scale), the current setting marked, and
the words underfitting and overfitting where the curve says so."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..style.palette import TEST, TEXT, TRAIN, WRONG, style_plot
from ..widgets import ComboBox, WrappedLabel, named

__all__ = ["ComplexityView"]

#: The axes offered, as the core names them.
DEGREE, L2 = "degree", "l2"
#: Shading of the regions named on the plot.
UNDER_BRUSH = (0, 114, 178, 28)
OVER_BRUSH = (176, 0, 32, 28)


def _pen(color, dashed=False):
    return pg.mkPen(color, width=2, style=Qt.DashLine if dashed else Qt.SolidLine)


class ComplexityView(QWidget):
    """Follows the session's complexity curves; asks for one with a button.

    Signals
    -------
    computeRequested(str) : compute the curve against this axis (``"degree"`` or ``"l2"``)
    cancelRequested() : stop the computation going on
    """

    computeRequested = Signal(str)
    cancelRequested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        named(self, "complexityCurve")
        self._session = None
        self._curve = None  # the curve drawn
        self._words = []  # (key, text, x) of the words drawn
        self._regions = []  # (plot, item) of the shading and words drawn

        self.axis_input = named(
            ComboBox(),
            "complexityAxisInput",
            self.tr(
                "What the curve varies: the polynomial degree of the feature map, or the L2 "
                "penalty on a logarithmic axis."
            ),
        )
        self.axis_input.setSizeAdjustPolicy(ComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.axis_input.setMinimumContentsLength(10)
        self.axis_input.addItem(self.tr("polynomial degree"), DEGREE)
        self.axis_input.addItem(self.tr("L2 penalty (log scale)"), L2)
        self.compute_button = named(
            QPushButton(self.tr("Compute")),
            "complexityComputeButton",
            self.tr("Find the exact optimum at every point of the curve, in the background."),
        )
        self.cancel_button = named(
            QPushButton(self.tr("Cancel")),
            "complexityCancelButton",
            self.tr("Stop computing the curve."),
        )
        self.progress = named(QProgressBar(), "complexityProgress")
        self.progress.setTextVisible(True)
        self.progress.setMinimumWidth(60)
        for widget in (self.cancel_button, self.progress):
            widget.hide()

        self.graphics = pg.GraphicsLayoutWidget()
        named(self.graphics, "complexityPlot")
        self.graphics.setBackground("w")
        self.loss_plot = self.graphics.addPlot(row=0, col=0)
        self.accuracy_plot = self.graphics.addPlot(row=1, col=0)
        self.graphics.ci.layout.setRowStretchFactor(0, 3)
        self.graphics.ci.layout.setRowStretchFactor(1, 2)
        self.accuracy_plot.setXLink(self.loss_plot)
        for plot, label in (
            (self.loss_plot, self.tr("cross-entropy (no L2 term)")),
            (self.accuracy_plot, self.tr("accuracy")),
        ):
            plot.setLabel("left", label, color=TEXT)
            style_plot(plot)
            plot.setMouseEnabled(False, False)
            plot.showGrid(x=True, y=True, alpha=0.15)
        self.accuracy_plot.setYRange(0, 1.02, padding=0)
        self.accuracy_plot.enableAutoRange(y=False)
        symbols = {"symbol": "o", "symbolSize": 6}
        self.train_loss = self.loss_plot.plot(pen=_pen(TRAIN), symbolBrush=TRAIN, **symbols)
        self.test_loss = self.loss_plot.plot(pen=_pen(TEST, True), symbolBrush=TEST, **symbols)
        self.train_accuracy = self.accuracy_plot.plot(pen=_pen(TRAIN), symbolBrush=TRAIN, **symbols)
        self.test_accuracy = self.accuracy_plot.plot(
            pen=_pen(TEST, True), symbolBrush=TEST, **symbols
        )
        self.best = pg.ScatterPlotItem(size=16, symbol="o", pen=pg.mkPen(TEST, width=2), brush=None)
        self.loss_plot.addItem(self.best)
        self.marks = []
        for plot in (self.loss_plot, self.accuracy_plot):
            mark = pg.InfiniteLine(
                angle=90, movable=False, pen=pg.mkPen("#B35900", width=2, style=Qt.DotLine)
            )
            mark.hide()
            plot.addItem(mark, ignoreBounds=True)
            self.marks.append(mark)
        # Low in the accuracy plot, where accuracies seldom go: the words stay on top.
        self.mark_label = pg.InfLineLabel(
            self.marks[1], "", position=0.12, color="#B35900", fill=(255, 255, 255, 210)
        )
        # A legend beside the plot, never over a curve or a word.
        self.legend = named(WrappedLabel(), "complexityLegend")  # lines when narrow
        self.legend.setTextFormat(Qt.RichText)
        self.legend.setText(
            f"<span style='color:{TRAIN}'>●━━ "
            + self.tr("training")
            + f"</span> &nbsp; <span style='color:{TEST}'>●╍╍ "
            + self.tr("test")
            + f"</span> &nbsp; <span style='color:{TEST}'>◯ "
            + self.tr("lowest test loss")
            + "</span> &nbsp; <span style='color:#B35900'>┆ "
            + self.tr("the setting in use")
            + "</span>"
        )

        self.summary = named(WrappedLabel(), "complexitySummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.summary.setAlignment(Qt.AlignTop | Qt.AlignLeft)
        words = QScrollArea()
        words.setWidget(self.summary)
        words.setWidgetResizable(True)
        words.setFrameShape(QScrollArea.NoFrame)
        words.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        # Five lines of text; more scroll, the plot keeps the height.
        words.setFixedHeight(5 * self.summary.fontMetrics().lineSpacing() + 8)

        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("Against")))
        controls.addWidget(self.axis_input, 1)
        controls.addWidget(self.compute_button)
        controls.addWidget(self.progress, 1)
        controls.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(controls)
        layout.addWidget(self.legend)
        layout.addWidget(self.graphics, 1)
        layout.addWidget(words)

        self.compute_button.clicked.connect(self.compute)
        self.cancel_button.clicked.connect(self.cancel)
        self.axis_input.currentIndexChanged.connect(self._redraw)
        self._redraw()

    # Session --------------------------------------------------------------------------------
    def bind(self, session) -> None:
        """Follow ``session``: its complexity curves, its data (the degree in use) and its
        runs and model form (the L2 in use)."""
        self._session = session
        for signal in (
            session.complexityChanged,
            session.dataChanged,
            session.runStarted,
            session.runStateChanged,  # a Reset: the form's L2 again
        ):
            signal.connect(self._redraw)
        session.requestChanged.connect(self._on_request)

    @Slot(str)
    def _on_request(self, kind):
        if kind == "model":  # the form's L2, in use before any run
            self._redraw()

    # Asking ---------------------------------------------------------------------------------
    def axis(self) -> str:
        """The axis chosen: ``"degree"`` or ``"l2"``."""
        return self.axis_input.currentData()

    def set_axis(self, axis) -> None:
        """Choose the axis (``"degree"`` or ``"l2"``)."""
        self.axis_input.setCurrentIndex(self.axis_input.findData(axis))

    @Slot()
    def compute(self) -> None:
        """Ask for the curve against the axis chosen."""
        self.computeRequested.emit(self.axis())

    @Slot()
    def cancel(self) -> None:
        """Ask to stop the computation going on."""
        self.cancelRequested.emit()

    # What is drawn, for tests and exports ----------------------------------------------------
    def curve(self):
        """The ComplexityCurve drawn, or None."""
        return self._curve

    def drawn(self) -> dict:
        """The values plotted: ``x`` (degrees or L2 values) and each of ``train_loss``,
        ``test_loss``, ``train_accuracy``, ``test_accuracy`` (empty arrays without a curve)."""
        out = {}
        for name, item in (
            ("train_loss", self.train_loss),
            ("test_loss", self.test_loss),
            ("train_accuracy", self.train_accuracy),
            ("test_accuracy", self.test_accuracy),
        ):
            x, y = item.getOriginalDataset()
            out["x"] = np.asarray([] if x is None else x, dtype=float)
            out[name] = np.asarray([] if y is None else y, dtype=float)
        return out

    def words(self) -> list:
        """``(key, x)`` of the words drawn on the plot: ``key`` "underfitting" or
        "overfitting", ``x`` the degree or L2 they stand over."""
        return [(key, x) for key, _, x in self._words]

    def marked(self) -> float | None:
        """Where the current setting is marked (a degree or an L2), None where it is not."""
        if not self.marks[0].isVisible():
            return None
        value = self.marks[0].value()
        return 10.0**value if self._log_x() else value

    def running(self) -> bool:
        """True while the curve is being computed (progress and Cancel shown)."""
        return self.cancel_button.isVisible()

    # Drawing --------------------------------------------------------------------------------
    def _log_x(self):
        return self.axis() == L2

    def _current(self):
        """The current setting on the chosen axis (None without data)."""
        session = self._session
        if session is None or session.data is None:
            return None
        if self.axis() == DEGREE:
            settings = session.data_settings
            return None if settings is None else settings.feature_map.degree
        return session.l2_in_use()

    @Slot()
    def _redraw(self, *_):
        session, axis = self._session, self.axis()
        running = session is not None and session.complexity_running is not None
        # Progress and Cancel take the button's place while it runs: the row never widens.
        self.compute_button.setVisible(not running)
        self.compute_button.setEnabled(session is not None and session.data is not None)
        self.cancel_button.setVisible(running)
        self.progress.setVisible(running)
        if running:
            done, total = session.complexity_progress
            self.progress.setMaximum(max(total, 1))
            self.progress.setValue(done)
            self.progress.setFormat(
                self.tr("{done} of {total} optima").format(done=done, total=total)
                if total
                else self.tr("preparing the data…")
            )
        curve = None if session is None else session.complexity.get(axis)
        self._draw(curve)
        note = "" if session is None else session.complexity_note
        self.summary.setText(" ".join(t for t in (note, self._describe(curve)) if t))

    def _clear(self):
        for item in (self.train_loss, self.test_loss, self.train_accuracy, self.test_accuracy):
            item.setData([], [])
        self.best.setData([])
        for plot, item in self._regions:
            plot.removeItem(item)
        self._regions, self._words = [], []

    def _draw(self, curve):
        self._clear()
        self._curve = curve
        log = self._log_x()
        for plot in (self.loss_plot, self.accuracy_plot):
            plot.setLogMode(x=log, y=False)
        self.accuracy_plot.setLabel(
            "bottom",
            self.tr("L2 penalty (log scale)") if log else self.tr("polynomial degree"),
            color=TEXT,
        )
        # Whole degrees only; the log axis ticks its powers of ten itself.
        ticks = None if log else [[(d, str(d)) for d in range(1, 11)], []]
        for plot in (self.loss_plot, self.accuracy_plot):
            plot.getAxis("bottom").setTicks(ticks)
        self._mark()
        if curve is None:  # the axis's whole range, so that the setting in use shows
            if log:
                self.loss_plot.setXRange(-5.25, 1.25, padding=0)
            else:
                self.loss_plot.setXRange(0.5, 10.5, padding=0)
            return
        from ...core.analysis.complexity import verdict

        x = curve.values("value")
        self.train_loss.setData(x, curve.values("train_loss"))
        self.test_loss.setData(x, curve.values("test_loss"))
        self.train_accuracy.setData(x, curve.values("train_accuracy"))
        self.test_accuracy.setData(x, curve.values("test_accuracy"))
        result = verdict(curve)
        at = np.log10(x) if log else x
        if result.best is not None:
            self.best.setData([at[result.best]], [curve.points[result.best].test_loss])
        step = (at[1] - at[0]) if len(at) > 1 else 1.0
        losses = np.r_[curve.values("train_loss"), curve.values("test_loss")]
        low, high = float(np.nanmin(losses)), float(np.nanmax(losses))
        span = max(high - low, 1e-3)
        # Headroom above the curves for the words, which hang from the top.
        top = high + 0.18 * span
        self.loss_plot.setYRange(low - 0.05 * span, top, padding=0)
        for key, text, indices, brush in (
            ("underfitting", self.tr("underfitting"), result.underfitting, UNDER_BRUSH),
            ("overfitting", self.tr("overfitting"), result.overfitting, OVER_BRUSH),
        ):
            if not indices:
                continue
            left, right = at[min(indices)] - step / 2, at[max(indices)] + step / 2
            for plot in (self.loss_plot, self.accuracy_plot):
                region = pg.LinearRegionItem((left, right), movable=False, brush=brush)
                region.setZValue(-20)
                for line in region.lines:
                    line.setPen(pg.mkPen(None))
                plot.addItem(region, ignoreBounds=True)
                self._regions.append((plot, region))
            color = WRONG if key == "overfitting" else "#005A8C"
            label = pg.TextItem(text, color=color, anchor=(0.5, 0))
            label.setPos((left + right) / 2, top)
            self.loss_plot.addItem(label, ignoreBounds=True)
            self._regions.append((self.loss_plot, label))
            middle = x[indices[len(indices) // 2]]
            self._words.append((key, text, float(middle)))
        pad = step / 2
        left, right = at[0] - pad, at[-1] + pad
        if self.marks[0].isVisible():  # the setting in use, even off the curve's range
            left = min(left, self.marks[0].value() - pad)
            right = max(right, self.marks[0].value() + pad)
        self.loss_plot.setXRange(left, right, padding=0.02)
        self.accuracy_plot.setYRange(0, 1.02, padding=0)  # all of it: a fair picture

    def _mark(self):
        """The current setting: a dotted line across both plots, labelled."""
        value = self._current()
        log = self._log_x()
        visible = value is not None and (not log or value > 0)
        for mark in self.marks:
            mark.setVisible(visible)
            if visible:
                mark.setValue(np.log10(value) if log else value)
        if visible:
            self.mark_label.setFormat(
                self.tr("now: L2 = {l2:.3g}").format(l2=value)
                if log
                else self.tr("now: degree {degree}").format(degree=value)
            )

    def _describe(self, curve):
        """The curve in a few sentences (what to press, without one)."""
        session = self._session
        if curve is None:
            if session is None or session.data is None:
                return self.tr("No data yet.")
            if session.complexity_running == self.axis():
                return self.tr(
                    "Computing the curve: the exact optimum at each point, one after the other."
                )
            if self.axis() == DEGREE:
                return self.tr(
                    "Press Compute to find the best model at every polynomial degree from 1 to "
                    "10 (a few optima, in the background): the training and test losses show "
                    "where the model underfits and where it overfits."
                )
            return self.tr(
                "Press Compute to find the best model at every L2 penalty from 0.00001 to 10 "
                "on the features in use: a small penalty lets the model overfit, a large one "
                "makes it underfit."
            )
        from ...core.analysis.complexity import verdict

        result = verdict(curve)
        points = curve.points
        degree = curve.axis == DEGREE
        parts = []
        if result.best is not None:
            best = points[result.best]
            text = (
                self.tr(
                    "The test loss is lowest at degree {degree} ({loss:.3f}, test accuracy "
                    "{accuracy:.3f})."
                )
                if degree
                else self.tr(
                    "The test loss is lowest at L2 = {l2:.3g} ({loss:.3f}, test accuracy "
                    "{accuracy:.3f})."
                )
            )
            parts.append(
                text.format(
                    degree=int(best.value),
                    l2=best.value,
                    loss=best.test_loss,
                    accuracy=best.test_accuracy,
                )
            )
        if result.underfitting:
            if degree:
                text = self.tr(
                    "Up to degree {degree} both losses are high: underfitting (the model is too "
                    "simple to follow the classes)."
                ).format(degree=int(points[max(result.underfitting)].value))
            else:
                text = self.tr(
                    "From L2 = {l2:.3g} up both losses are high: underfitting (the penalty keeps "
                    "the weights too small)."
                ).format(l2=points[min(result.underfitting)].value)
            parts.append(text)
        if result.overfitting:
            most = points[-1] if degree else points[0]  # the most complex model
            if degree:
                text = self.tr(
                    "From degree {first} the test loss rises (to {test:.3f} at degree {last}) "
                    "while the training loss keeps falling (to {train:.3f}): overfitting."
                ).format(
                    first=int(points[min(result.overfitting)].value),
                    last=int(most.value),
                    test=most.test_loss,
                    train=most.train_loss,
                )
            else:
                text = self.tr(
                    "From L2 = {first:.3g} down the test loss rises (to {test:.3f} at L2 = "
                    "{last:.3g}) while the training loss keeps falling (to {train:.3f}): "
                    "overfitting."
                ).format(
                    first=points[max(result.overfitting)].value,
                    last=most.value,
                    test=most.test_loss,
                    train=most.train_loss,
                )
            parts.append(text)
        if not (result.underfitting or result.overfitting) and result.best is not None:
            neither = self.tr(
                "No point is clearly worse than the best: neither underfitting nor overfitting "
                "shows on this curve."
            )
            parts.append(neither)
        if degree:
            if curve.l2_asked == 0:
                parts.append(
                    self.tr(
                        "Each point is the exact optimum with L2 = {l2:.3g} instead of the 0 in "
                        "use: with L2 = 0 there is no optimum once a degree separates the classes."
                    ).format(l2=curve.l2)
                )
            else:
                parts.append(
                    self.tr("Each point is the exact optimum with L2 = {l2:.3g}.").format(
                        l2=curve.l2
                    )
                )
            chosen = curve.settings.feature_map if curve.settings is not None else None
            if chosen is not None and (chosen.squares or chosen.crosses or chosen.sin):
                parts.append(
                    self.tr(
                        "The other expansions chosen in the form (x², xᵢ·xⱼ, sin x) are kept "
                        "at every degree."
                    )
                )
            if curve.stopped:
                parts.append(curve.stopped)
        else:
            parts.append(
                self.tr("Each point is the exact optimum on the {count} features in use.").format(
                    count=points[0].n_features if points else 0
                )
            )
            current = self._current()
            if current == 0:
                parts.append(self.tr("The L2 in use, 0, lies left of this logarithmic axis."))
        samples = self.tr(
            "Losses are mean cross-entropy, without the L2 term, on {train} training and {test} "
            "test samples."
        )
        parts.append(samples.format(train=curve.n_train, test=curve.n_test))
        from ...core.model.class_weight import class_weight_words, is_weighted

        if is_weighted(curve.class_weight):
            parts.append(
                self.tr(
                    "Each optimum is that of the weighted objective ({weights}); the losses "
                    "shown are unweighted."
                ).format(weights=class_weight_words(curve.class_weight))
            )
        return " ".join(parts)
