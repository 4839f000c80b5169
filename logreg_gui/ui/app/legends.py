"""Every plot's legend in the corner its curves leave most free.

The loss, the accuracy and the landscape move their own legends as their curves grow
(:mod:`logreg_gui.ui.style.legend_place`). The other plots with a legend inside them (the
ROC and precision–recall curves, the learning curve) are placed here, whenever what they show
may have changed; the views know nothing of it. A legend a view places itself carries the
property ``placedByView``.
"""

from __future__ import annotations

import pyqtgraph as pg

from ..style.legend_place import place_legend

__all__ = ["place_all"]


def place_all(window) -> int:
    """Move the legend of every plot shown in ``window`` that no view places itself to the
    corner its curves leave most free; returns how many legends were looked at."""
    count = 0
    for view in window.findChildren(pg.GraphicsView):
        if not view.isVisible():
            continue
        for item in view.scene().items():
            if not isinstance(item, pg.PlotItem):
                continue
            legend = getattr(item, "legend", None)
            if legend is None or not legend.isVisible() or legend.property("placedByView"):
                continue
            corner = legend.property("legendCorner")
            corner = tuple(corner) if corner is not None else None
            corner = place_legend(item, legend, corner)
            legend.setProperty("legendCorner", list(corner))
            count += 1
    return count
