"""The sigmoid view: what the model does with a score. Left, the curve P = σ(z) with every
test sample at (z, its class), the selected one read off the curve, and the decision
threshold; right, the loss −log p of the true class as a function of p, with the selected
sample's cost. For more than two classes, the selected sample's scores z_k and
probabilities P_k, and its true class's probability as its score varies (the softmax of one
score against the others is a sigmoid too)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ...core.analysis.threshold import logit
from ...core.model.objective import class_probabilities, cross_entropy, decision_scores, sigmoid
from ..style.palette import (
    NEUTRAL,
    TEXT,
    WRONG,
    class_colors,
    class_symbols,
    class_text,
    style_plot,
)
from ..widgets import DrawnWhenShown, WrappedLabel, named

__all__ = ["SigmoidView"]

#: The smallest probability the loss curve is drawn from (−log p is then 6.9).
SMALLEST_P = 1e-3
#: Test samples drawn as points at most (a random share of each class beyond).
MAX_POINTS = 2000


class SigmoidView(DrawnWhenShown, QWidget):
    """σ(z) with the test samples on it, and the cost −log p of the selected one."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("sigmoidView")
        self.setAccessibleName("sigmoidView")
        self._session = None
        self._drawn = {}
        self.caption = named(WrappedLabel(), "sigmoidCaption")
        self.caption.setWordWrap(True)
        self.caption.setTextInteractionFlags(Qt.TextSelectableByMouse)

        # One scene for both plots: exported together (PNG or SVG), as every plot view is.
        self.graphics = named(pg.GraphicsLayoutWidget(), "sigmoidPlot")
        self.graphics.setBackground("w")
        self.graphics.setMinimumSize(340, 170)
        self.graphics.setToolTip(
            self.tr(
                "Left: the sigmoid P = σ(z) = 1 / (1 + e^(−z)) turns a score z = w·x + b into a "
                "probability. Each test sample sits at its score, at height 1 or 0 by its "
                "class; the selected one is read off the curve. Dashed: the decision threshold."
            )
            + "\n"
            + self.tr(
                "Right: the loss of one sample is −log p, p the probability the model gives its "
                "true class: 0 when sure and right, large when sure and wrong — a confidently "
                "wrong sample costs the most, and pulls the weights the hardest."
            )
        )
        self.curve_plot = self.graphics.addPlot(row=0, col=0)
        self.curve_plot.setLabel("bottom", self.tr("score z = w·x + b"))
        self.curve_plot.setLabel("left", self.tr("probability"))
        self.curve_plot.setMouseEnabled(False, False)
        style_plot(self.curve_plot)
        self._make_items()
        self.loss_plot = self.graphics.addPlot(row=0, col=1)
        self.loss_plot.setLabel("bottom", self.tr("p of the true class"))
        self.loss_plot.setLabel("left", self.tr("loss −log p"))
        self.loss_plot.setMouseEnabled(False, False)
        style_plot(self.loss_plot)
        layout_of_plots = self.graphics.ci.layout
        layout_of_plots.setColumnStretchFactor(0, 3)
        layout_of_plots.setColumnStretchFactor(1, 2)
        p = np.linspace(SMALLEST_P, 1.0, 400)
        self.loss_plot.plot(p, -np.log(p), pen=pg.mkPen(TEXT, width=2))
        self.loss_plot.getViewBox().disableAutoRange()
        self.cost_mark = pg.ScatterPlotItem(
            size=13, symbol="o", brush=pg.mkBrush(WRONG), pen=pg.mkPen("w", width=2)
        )
        self.cost_mark.setZValue(10)
        self.loss_plot.addItem(self.cost_mark)

        layout = QVBoxLayout(self)
        layout.addWidget(self.caption)
        layout.addWidget(self.graphics, 1)
        self.caption.setText(self.tr("Train a model to see its samples on the sigmoid."))

    # ------------------------------------------------------------------------- session
    def bind(self, session) -> None:
        """Follow ``session``: the weights shown, the sample selected and the threshold."""
        self._session = session
        for signal in (
            session.dataChanged,
            session.shownChanged,
            session.selectionChanged,
            session.thresholdChanged,
        ):
            signal.connect(self._on_change)

    @Slot()
    def _on_change(self, *_):
        self.when_shown(self._draw)

    def refresh(self) -> None:
        """Draw what the session shows now, even while hidden."""
        self.draw_pending()

    # ------------------------------------------------------------------------- drawing
    def _make_items(self):
        """The curve plot's items, made once: each drawing sets their data (a plot item
        made anew at every update cost ~40 ms a draw with 2,000 points)."""
        plot = self.curve_plot
        self.curve = plot.plot([], [], pen=pg.mkPen(TEXT, width=2))
        dashed = pg.mkPen(NEUTRAL, width=1, style=Qt.DashLine)
        self.level_line = pg.InfiniteLine(pos=0.5, angle=0, pen=dashed)
        self.cut_line = pg.InfiniteLine(pos=0.0, angle=90, pen=dashed)
        plot.addItem(self.level_line)
        plot.addItem(self.cut_line)
        colors, symbols = class_colors(2), class_symbols(2)
        self.class_points = [
            pg.ScatterPlotItem(
                size=8,
                symbol=symbols[c],
                brush=pg.mkBrush(colors[c]),
                pen=pg.mkPen(colors[c].darker(160)),
            )
            for c in (0, 1)
        ]
        self.score_points = pg.ScatterPlotItem(size=11)  # more classes: one per class
        for item in (*self.class_points, self.score_points):
            plot.addItem(item)
        self.reading = plot.plot([], [], pen=pg.mkPen(WRONG, width=2, style=Qt.DotLine))
        self.mark = pg.ScatterPlotItem(
            size=13, symbol="o", brush=pg.mkBrush(WRONG), pen=pg.mkPen("w", width=2)
        )
        self.ring = pg.ScatterPlotItem(
            size=16, symbol="o", brush=pg.mkBrush(None), pen=pg.mkPen(TEXT, width=2)
        )
        plot.addItem(self.mark)
        plot.addItem(self.ring)

    def _clear(self):
        for item in (self.curve, self.reading, *self.class_points, self.score_points,
                     self.mark, self.ring):  # fmt: skip
            item.setData([], [])
        self.level_line.setVisible(False)
        self.cut_line.setVisible(False)
        self._drawn = {}

    def _draw(self):
        session = self._session
        self._clear()
        shown = None if session is None or session.data is None else session.shown()
        if shown is None or not len(session.y_test):
            self.cost_mark.setData([])
            self.loss_plot.setTitle(None)
            self.caption.setText(self.tr("Train a model to see its samples on the sigmoid."))
            return
        epoch, coef, intercept = shown
        X = session.data.X_test
        index = min(max(int(session.selected), 0), len(session.y_test) - 1)
        # Only the rows drawn are scored: a draw costs the same whatever the test set's size.
        if coef.shape[0] == 1:
            pick = _pick(len(X))
            scores = decision_scores(X[np.append(pick, index)], coef, intercept)[:, 0]
            self._draw_two(scores[:-1], pick, scores[-1], session, index, epoch)
        else:
            self._draw_many(decision_scores(X[index : index + 1], coef, intercept)[0],
                            session, index, epoch)  # fmt: skip

    def _draw_two(self, z, pick, zs, session, index, epoch):
        """``z``: the scores of the test rows ``pick`` (those drawn); ``zs``: the selected
        row's score."""
        y = session.y_test
        t = session.threshold
        zs, ys = float(zs), int(y[index])
        reach = max(6.0, float(np.max(np.abs(np.append(z, zs)))) * 1.05)
        grid = np.linspace(-reach, reach, 400)
        self.curve.setData(grid, sigmoid(grid))
        self.curve.setPen(pg.mkPen(TEXT, width=2))
        self.level_line.setPos(t)
        self.level_line.setVisible(True)
        cut = logit(t)
        if np.isfinite(cut):
            self.cut_line.setPos(cut)
            self.cut_line.setVisible(True)
        drawn = y[pick]
        for c in (0, 1):
            mask = drawn == c
            self.class_points[c].setData(z[mask], np.full(int(mask.sum()), float(c)))
        self._drawn["points"] = (z, drawn.astype(float))
        p1 = float(sigmoid(zs))
        self.reading.setData([zs, zs], [ys, p1])
        self._mark(zs, p1)
        self.ring.setData([zs], [ys])
        plot = self.curve_plot
        plot.setYRange(-0.08, 1.08, padding=0)
        plot.setXRange(-reach, reach, padding=0.02)
        p_true = p1 if ys == 1 else 1.0 - p1
        loss = cross_entropy(np.array([[zs]]), np.array([ys]))  # exact when p rounds to 0
        self._cost(p_true, loss)
        names = [class_text(c) for c in session.classes]
        predicted = 1 if zs > cut else 0
        relation = ">" if predicted == 1 else "≤"
        self.caption.setText(
            self.tr(
                "Test sample {index} (truly {true}), weights after epoch {epoch:,}: "
                "z = w·x + b = {z:.4g}, so P({name1}) = σ(z) = {p:.4f} {relation} t = {t:.3f} → "
                "{predicted}. The probability of its true class is {p_true:.4f}, so its loss is "
                "−log {p_true:.4f} = {loss:.4f}."
            ).format(
                index=index,
                true=names[ys],
                epoch=epoch,
                z=zs,
                name1=names[1],
                p=p1,
                relation=relation,
                t=session.threshold,
                predicted=names[predicted],
                p_true=p_true,
                loss=loss,
            )
        )

    def _draw_many(self, z, session, index, epoch):
        """``z``: the selected row's score for each class."""
        k = z.shape[0]
        colors = class_colors(k)
        probabilities = class_probabilities(z[None, :])[0]
        true = int(session.y_test[index])
        others = np.delete(z, true)
        shift = float(np.logaddexp.reduce(others))
        reach = max(6.0, float(np.max(np.abs(z - shift))) * 1.2)
        grid = np.linspace(shift - reach, shift + reach, 400)
        self.curve.setData(grid, sigmoid(grid - shift))
        self.curve.setPen(pg.mkPen(colors[true], width=2))
        self.score_points.setData(
            z,
            probabilities,
            symbol=class_symbols(k),
            brush=[pg.mkBrush(color) for color in colors],
            pen=[pg.mkPen(color.darker(160)) for color in colors],
        )
        self._drawn["points"] = (z.copy(), probabilities.copy())
        self._mark(float(z[true]), float(probabilities[true]))
        plot = self.curve_plot
        plot.setYRange(-0.05, 1.05, padding=0)
        plot.setXRange(min(grid[0], z.min()), max(grid[-1], z.max()), padding=0.05)
        loss = cross_entropy(z[None, :], np.array([true]))
        self._cost(float(probabilities[true]), loss)
        names = [class_text(c) for c in session.classes]
        self.caption.setText(
            self.tr(
                "Test sample {index} (truly {true}), weights after epoch {epoch:,}: one score "
                "z_k per class, P_k = e^(z_k) / Σ e^(z_j) (the points). The curve is P({true}) as "
                "its score z moves with the others fixed — a sigmoid of z − log Σ_(j≠{true}) "
                "e^(z_j). P({true}) = {p_true:.4f}, so the loss is −log {p_true:.4f} = {loss:.4f}."
            ).format(
                index=index,
                true=names[true],
                epoch=epoch,
                p_true=probabilities[true],
                loss=loss,
            )
        )

    def _mark(self, z, p):
        self.mark.setData([z], [p])
        self._drawn["selected"] = (z, p)

    def _cost(self, p_true, loss):
        shown = max(p_true, SMALLEST_P)
        self.cost_mark.setData([shown], [-np.log(shown)])
        self.loss_plot.setTitle(f"−log p = {loss:.3f}", color=TEXT, size="10pt")
        self.loss_plot.setXRange(0, 1, padding=0.04)
        self.loss_plot.setYRange(0, -np.log(SMALLEST_P), padding=0.04)
        self._drawn["cost"] = (p_true, loss)

    # ---------------------------------------------------------------------------- tests
    def points(self):
        """Two classes: the test samples drawn, ``(z, class index)``; more: the selected
        sample's ``(z_k, P_k)``."""
        return self._drawn.get("points")

    def selected_point(self):
        """The selected sample read off the curve, ``(z, P)`` (two classes: P(second class);
        more: its true class's score and probability)."""
        return self._drawn.get("selected")

    def cost_point(self):
        """``(p, −log p)`` of the selected sample's true class."""
        return self._drawn.get("cost")


def _pick(n):
    """The test samples drawn: all of them up to MAX_POINTS, else an even spread."""
    if n <= MAX_POINTS:
        return np.arange(n)
    return np.linspace(0, n - 1, MAX_POINTS).astype(int)
