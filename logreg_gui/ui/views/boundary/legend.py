"""The boundary view's legend: each class's colour and symbol, what hollow points and rings
mean, and the cross of a misclassified sample. It sits below the plot, never over points."""

from __future__ import annotations

import pyqtgraph as pg

from ...style.i18n import translate
from ...style.palette import TEXT, WRONG, class_symbols, class_text

__all__ = ["MAX_LEGEND", "class_legend"]

#: Classes named in the legend.
MAX_LEGEND = 10


def class_legend(classes, colors):
    """A new legend of ``classes`` in ``colors`` and the sample item of each entry (the
    classes' first, then the others). A fresh legend each time: pyqtgraph's LegendItem
    misplaces entries added after clear()."""
    shown = classes[:MAX_LEGEND]
    legend = pg.LegendItem(offset=None, labelTextColor=TEXT, colCount=min(len(shown) + 1, 2))
    samples = []

    def add(sample, text):
        samples.append(sample)
        legend.addItem(sample, text)

    for name, color, symbol in zip(shown, colors, class_symbols(len(classes))):
        add(
            pg.ScatterPlotItem(
                symbol=symbol, size=9, brush=pg.mkBrush(color), pen=pg.mkPen(color.darker(160))
            ),
            class_text(name),
        )
    if len(classes) > MAX_LEGEND:
        add(
            pg.ScatterPlotItem(symbol="o", size=1, brush=None, pen=None),
            translate("BoundaryView", "… {count} more classes").format(
                count=len(classes) - MAX_LEGEND
            ),
        )
    add(
        pg.ScatterPlotItem(
            symbol="o", size=9, brush=pg.mkBrush("w"), pen=pg.mkPen("#555", width=2)
        ),
        translate("BoundaryView", "hollow: test sample; ring: predicted class"),
    )
    add(
        pg.ScatterPlotItem(symbol="x", size=8, brush=pg.mkBrush(WRONG), pen=pg.mkPen(WRONG)),
        translate("BoundaryView", "×: misclassified by the model"),
    )
    return legend, samples
