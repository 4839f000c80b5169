"""The probability of each class as a bar in the class's colour."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg

from ...style.i18n import translate
from ...style.palette import TEXT, class_colors, class_text, style_plot
from ...widgets import RowsTall
from .samples import elide

__all__ = ["MAX_CLASSES_SHOWN", "ProbabilityBars"]

#: With more classes than this, the panel shows the most probable ones.
MAX_CLASSES_SHOWN = 10


class ProbabilityBars:
    """The probability plot (``plot``, its bars ``bars``): a bar per class with its number,
    the first class at the top; with many classes the most probable few."""

    def __init__(self):
        self.plot = pg.PlotWidget(background="w")
        self.plot.setObjectName("probabilityPlot")
        self.plot.setAccessibleDescription(
            translate("PredictionPanel", "The predicted probability of each class.")
        )
        style_plot(self.plot)
        self.plot.setMouseEnabled(False, False)
        self.plot.hideButtons()
        self.plot.setXRange(0, 1, padding=0.02)
        self.plot.setLabel("bottom", translate("PredictionPanel", "probability"))
        self.bars = pg.BarGraphItem(x0=[], y=[], height=0.6, width=[], brushes=[])
        self.plot.addItem(self.bars)
        self._tall = RowsTall(self.plot, 80, extra=4)  # a line for each class's name
        self._texts = []
        self._classes = np.array([])
        self._shown = np.array([])
        self._labels = []

    def set_classes(self, classes) -> None:
        """The classes the probabilities will be of; the plot tall enough for their bars."""
        self._classes = np.asarray(classes)
        shown = min(len(self._classes), MAX_CLASSES_SHOWN)
        self._tall.set_rows(max(shown, 2))

    def show(self, probabilities) -> None:
        """Draw ``probabilities``, one per class (empty: no bars)."""
        probabilities = np.asarray(probabilities, dtype=float)
        k = len(probabilities)
        if k > MAX_CLASSES_SHOWN:
            order = np.argsort(-probabilities, kind="stable")[:MAX_CLASSES_SHOWN]
            self.plot.setTitle(
                translate("PredictionPanel", "the {shown} most probable of {count} classes").format(
                    shown=MAX_CLASSES_SHOWN, count=k
                ),
                color=TEXT,
            )
        else:
            order = np.arange(k)
            self.plot.setTitle(None)
        n = len(order)
        if len(self._texts) != n:  # the classes changed: new labels, else reuse
            for text in self._texts:
                self.plot.removeItem(text)
            self._texts = [pg.TextItem(color=TEXT, anchor=(0, 0.5)) for _ in range(n)]
            for text in self._texts:
                self.plot.addItem(text)
            self.plot.setYRange(-0.6, max(n, 1) - 0.4, padding=0)
        rows = np.arange(n)[::-1]  # the first shown at the top
        self._labels = [(r, elide(class_text(self._classes[i]))) for r, i in zip(rows, order)]
        self.plot.getAxis("left").setTicks([self._labels] if n else [[]])
        colors = class_colors(len(self._classes)) if len(self._classes) else []
        self.bars.setOpts(
            x0=np.zeros(n),
            y=rows,
            width=probabilities[order],
            height=0.6,
            brushes=[pg.mkBrush(colors[i]) for i in order],
        )
        self._shown = probabilities[order]
        for text, row, p in zip(self._texts, rows, probabilities[order]):
            text.setText(f"{p:.3f}")
            text.setPos(min(p, 0.8) + 0.01, row)

    def labels(self) -> list:
        """``(row, class label)`` of each bar, as the axis names them."""
        return list(self._labels)

    def shown(self) -> np.ndarray:
        """The numbers behind the bars, top bar first (empty without bars)."""
        return self._shown.copy()
