"""A plot's legend in the corner where its curves are not.

A legend at a fixed corner covers the curves whenever they pass there (a loss that rises, an
accuracy that stays low, an optimum line along the top of a log scale). :func:`place_legend`
counts, for each corner of the plot, how much of the curves and horizontal lines shown would
be under the legend there, and moves it to the emptiest corner (staying where it is unless
another corner is clearly better, so that it does not jump about as a run goes on).
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg

__all__ = ["CORNERS", "covered", "place_legend"]

#: The corners a legend may take: (x, y) of the anchor, 0 = left/top, 1 = right/bottom.
CORNERS = ((1, 0), (0, 0), (1, 1), (0, 1))
#: Points of a curve looked at, at most (a long history is sampled evenly).
MOST_POINTS = 4_000
#: Pixels between the legend and the plot's edge.
MARGIN = 10


def _shown_points(plot_item) -> np.ndarray:
    """(n, 2) points, in view coordinates, of every visible curve and horizontal line."""
    parts = []
    box = plot_item.getViewBox()
    (x0, x1), _ = box.viewRange()
    for item in plot_item.listDataItems():
        if not item.isVisible():
            continue
        x, y = item.getData()
        if x is None or len(x) == 0:
            continue
        step = max(len(x) // MOST_POINTS, 1)
        x, y = np.asarray(x[::step], float), np.asarray(y[::step], float)
        keep = np.isfinite(x) & np.isfinite(y)
        parts.append(np.column_stack([x[keep], y[keep]]))
    for item in plot_item.items:
        if isinstance(item, pg.InfiniteLine) and item.isVisible() and item.angle % 180 == 0:
            xs = np.linspace(x0, x1, 200)
            parts.append(np.column_stack([xs, np.full_like(xs, item.value())]))
    return np.concatenate(parts) if parts else np.empty((0, 2))


def _corner_rect(box, size, corner):
    """The rectangle, in view coordinates, a legend of ``size`` (pixels) takes at
    ``corner``."""
    (x0, x1), (y0, y1) = box.viewRange()
    width, height = max(box.width(), 1.0), max(box.height(), 1.0)
    w = (size.width() + MARGIN) / width * (x1 - x0)
    h = (size.height() + MARGIN) / height * (y1 - y0)
    left = x1 - w if corner[0] else x0
    bottom = y1 - h if corner[1] == 0 else y0  # corner y: 0 = top (high values)
    return left, left + w, bottom, bottom + h


def covered(points, box, size, corner) -> int:
    """How many of ``points`` (view coordinates of ``box``) a legend of ``size`` (pixels)
    covers at ``corner``."""
    left, right, bottom, top = _corner_rect(box, size, corner)
    inside = (
        (points[:, 0] >= left)
        & (points[:, 0] <= right)
        & (points[:, 1] >= bottom)
        & (points[:, 1] <= top)
    )
    return int(inside.sum())


def place_legend(plot_item, legend, current=None) -> tuple:
    """Move ``legend`` to the corner of ``plot_item`` whose curves it covers least (it stays
    at ``current``, where it is, unless another corner covers fewer); returns its corner."""
    points, box = _shown_points(plot_item), plot_item.getViewBox()
    size = legend.boundingRect().size()  # pixels, as drawn
    counts = {corner: covered(points, box, size, corner) for corner in CORNERS}
    best = min(CORNERS, key=lambda c: (counts[c], c != current))  # a tie keeps it where it is
    if best != current:
        x, y = best
        offset = (-MARGIN if x else MARGIN, -MARGIN if y else MARGIN)
        legend.anchor(itemPos=(x, y), parentPos=(x, y), offset=offset)
    return best
