"""Painting points with the mouse on the boundary view's plot: while painting is on, a left
click on the plot adds a training point, a left drag that starts on a training point moves
it, and a right click on a training point deletes it (no menu then). Every other click and
drag does what the plot always does: pan, zoom, the menu.

This module only reads the mouse; what a gesture asks for goes to the callbacks the view
gives, which send it to the session as a request.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt

__all__ = ["PaintViewBox", "PointPainter"]


class PaintViewBox(pg.ViewBox):
    """A ViewBox whose clicks and drags its ``painter`` (a :class:`PointPainter`, or None)
    may take first; what the painter does not take, the ViewBox handles as usual."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.painter = None

    def mouseClickEvent(self, ev):
        if self.painter is not None and self.painter.click(ev):
            ev.accept()
            return
        super().mouseClickEvent(ev)

    def mouseDragEvent(self, ev, axis=None):
        if axis is None and self.painter is not None and self.painter.drag(ev):
            ev.accept()
            return
        super().mouseDragEvent(ev, axis)


class PointPainter:
    """Turns the mouse on ``view_box`` into painting, while :attr:`active`.

    Callbacks, in the plane's own coordinates ``(u, v)``: ``find(u, v)`` -> index of the
    training point drawn there or None; ``add(u, v)``; ``move(index, u, v)``;
    ``delete(index)``; ``look(index)`` -> ``(brush, pen, symbol)`` of that point, for the
    point that follows the mouse while it is dragged.
    """

    def __init__(self, view_box, plot, *, find, add, move, delete, look):
        self.view_box = view_box
        self.active = False
        self._find, self._add, self._move, self._delete, self._look = find, add, move, delete, look
        self.dragged = None  # index of the training point being dragged
        self._ghost_look = None
        # Where the dragged point goes, drawn over everything until it is dropped.
        self.ghost = pg.ScatterPlotItem(size=13, pxMode=True)
        self.ghost.setZValue(20)
        plot.addItem(self.ghost)
        view_box.painter = self

    def _where(self, scene_pos):
        point = self.view_box.mapSceneToView(scene_pos)
        return point.x(), point.y()

    def click(self, ev) -> bool:
        """A click the ViewBox got (no point item took it): True when painting took it."""
        if not self.active:
            return False
        u, v = self._where(ev.scenePos())
        if ev.button() == Qt.MouseButton.LeftButton:
            self._add(u, v)
            return True
        if ev.button() == Qt.MouseButton.RightButton:
            index = self._find(u, v)
            if index is None:
                return False  # the plot's menu
            self._delete(index)
            return True
        return False

    def drag(self, ev) -> bool:
        """A drag the ViewBox got: True when painting took it (it started on a training
        point); the others pan the plot."""
        if ev.button() != Qt.MouseButton.LeftButton:
            return False
        if ev.isStart():
            if not self.active:
                return False
            index = self._find(*self._where(ev.buttonDownScenePos()))
            if index is None:
                return False
            self.dragged = index
            self._ghost_look = self._look(index)
            self._show_ghost(*self._where(ev.scenePos()))
            return True
        if self.dragged is None:
            return False
        u, v = self._where(ev.scenePos())
        if ev.isFinish():
            index, self.dragged = self.dragged, None
            self.ghost.setData([])
            self._move(index, u, v)
        else:
            self._show_ghost(u, v)
        return True

    def _show_ghost(self, u, v):
        brush, pen, symbol = self._ghost_look
        self.ghost.setData(pos=[(u, v)], brush=brush, pen=pen, symbol=symbol)

    def cancel(self) -> None:
        """Forget a drag under way (painting turned off, new data)."""
        self.dragged = None
        self.ghost.setData([])
