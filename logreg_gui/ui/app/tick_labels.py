"""Axis tick labels that never overlap.

pyqtgraph decides how many levels of tick labels to draw from how much of the axis their text
fills, as if the ticks were evenly spaced: on a log scale (0.7, 0.8, 0.9 crowd towards 1) and
on a zoomed font they overlap. :func:`install` makes every axis of a window drop a label that
would overlap one already placed — the major ticks' labels are placed first, so a crowded
axis keeps its round numbers. The views know nothing of it.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QRectF

__all__ = ["install", "tidy"]

#: Pixels kept free between two labels.
GAP = 2


def tidy(axis) -> None:
    """Make ``axis`` (a pyqtgraph AxisItem) draw no label over another (once per axis)."""
    if getattr(axis, "_logreg_tidy", False):
        return
    draw_specs = axis.generateDrawSpecs  # bound: the class's own, kept

    def specs(painter):
        out = draw_specs(painter)
        if out is None:
            return out
        axis_spec, tick_specs, text_specs = out
        kept, taken = [], []
        for rect, flags, text in text_specs:  # the major level's labels come first
            room = QRectF(rect).adjusted(-GAP, -GAP / 2, GAP, GAP / 2)
            if any(room.intersects(other) for other in taken):
                continue
            kept.append((rect, flags, text))
            taken.append(room)
        return axis_spec, tick_specs, kept

    axis.generateDrawSpecs = specs
    axis._logreg_tidy = True
    axis.picture = None  # drawn again with the rule
    axis.update()


def install(window) -> int:
    """Tidy every axis of every plot in ``window`` (again after new plots are made: axes
    tidied before are left as they are). Returns how many axes were tidied now."""
    count = 0
    for view in window.findChildren(pg.GraphicsView):
        for item in view.scene().items():
            if isinstance(item, pg.AxisItem) and not getattr(item, "_logreg_tidy", False):
                tidy(item)
                count += 1
    return count
