"""Classroom zoom: View ▸ Zoom in / out / reset (Ctrl+=, Ctrl+−, Ctrl+0) scales the text of
the whole window — widgets, plot axes, legends — and the plots' line widths and markers; the
factor is kept between starts."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QWidget

__all__ = ["STEPS", "Zoom"]

#: The zoom factors offered, smallest to largest.
STEPS = (0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5)
#: Legend and axis-title text at factor 1, in points (pyqtgraph's own default).
BASE_POINTS = 9.0


class Zoom(QObject):
    """The zoom factor of the application, applied to a window.

    Plot items are scaled from the size they were made with (remembered on the item the first
    time), so zooming in and out again never accumulates rounding; items a view makes later
    take the factor at the next :meth:`apply`.

    Signals
    -------
    changed(float) : the new factor
    """

    changed = Signal(float)

    def __init__(self, parent=None):
        super().__init__(parent)
        app = QApplication.instance()
        self._base_font = QFont(app.font())
        try:
            factor = float(QSettings().value("ui/zoom", 1.0))
        except (TypeError, ValueError):
            factor = 1.0
        self._factor = min(STEPS, key=lambda step: abs(step - factor))
        self._windows = []

    @property
    def factor(self) -> float:
        return self._factor

    def attach(self, window) -> None:
        """Apply the factor to ``window`` now and whenever it changes."""
        self._windows.append(window)
        if self._factor != 1.0:
            self._set_font()
            self._restyle(window)  # a window made at a zoom: its styled widgets too
        self.apply(window)

    def release(self) -> None:
        """Give the application its own font back and forget the windows (the window is
        being built again: its new zoom starts from the font of zoom 1)."""
        QApplication.instance().setFont(self._base_font)
        self._windows.clear()

    def zoom_in(self) -> None:
        self.set(next((s for s in STEPS if s > self._factor), STEPS[-1]))

    def zoom_out(self) -> None:
        self.set(next((s for s in reversed(STEPS) if s < self._factor), STEPS[0]))

    def reset(self) -> None:
        self.set(1.0)

    def set(self, factor) -> None:
        """Use ``factor`` (one of :data:`STEPS`), for every attached window, and keep it."""
        if factor == self._factor:
            return
        self._factor = factor
        QSettings().setValue("ui/zoom", factor)
        self._set_font()
        for window in self._windows:
            self._restyle(window)
            self.apply(window)
        self.changed.emit(factor)

    @staticmethod
    def _restyle(window):
        """A widget with a style sheet (a red error line, the blog's note) keeps the font it
        was polished with when the application's font changes: setting its sheet again
        polishes it with the zoomed font."""
        for widget in window.findChildren(QWidget):
            sheet = widget.styleSheet()
            if sheet:
                widget.setStyleSheet("")
                widget.setStyleSheet(sheet)

    def _set_font(self):
        font = QFont(self._base_font)
        if font.pointSizeF() > 0:
            font.setPointSizeF(self._base_font.pointSizeF() * self._factor)
        else:
            font.setPixelSize(round(self._base_font.pixelSize() * self._factor))
        QApplication.instance().setFont(font)

    def apply_titles(self, window) -> None:
        """Scale the axis titles of ``window``'s plots only (a view drawn once shown sets
        them anew, at pyqtgraph's size)."""
        points = f"{BASE_POINTS * self._factor:.1f}pt"
        for view in window.findChildren(pg.GraphicsView):
            for item in view.scene().items():
                if isinstance(item, pg.AxisItem) and item.labelStyle.get("font-size") != points:
                    item.labelStyle = {**item.labelStyle, "font-size": points}
                    item._updateLabel()

    def apply(self, window) -> None:
        """Scale every plot of ``window``: axis titles, legends, titles, pens and markers.
        Items already at the zoom's size are left alone (it runs after every change of data:
        setting a marker's size again recomputes each of its points)."""
        f = self._factor
        points = f"{BASE_POINTS * f:.1f}pt"
        for view in window.findChildren(pg.GraphicsView):
            for item in view.scene().items():
                if isinstance(item, pg.AxisItem):
                    if item.labelStyle.get("font-size") != points:
                        item.labelStyle = {**item.labelStyle, "font-size": points}
                        item._updateLabel()
                elif isinstance(item, pg.LegendItem):
                    if item.opts.get("labelTextSize") != points:
                        item.setLabelTextSize(points)
                        for _, label in item.items:  # the new size shows once a text is set
                            label.setText(label.text)
                elif isinstance(item, pg.PlotDataItem):
                    self._scale_curve(item, f)
                elif isinstance(item, pg.ScatterPlotItem) and not isinstance(
                    item.parentItem(),
                    pg.PlotDataItem,  # its symbols scale with the curve
                ):
                    base = _remember(item, "_zoom_size", item.opts["size"])
                    if (
                        base is not None
                        and not hasattr(base, "__len__")
                        and item.opts["size"] != base * f
                    ):
                        item.setSize(base * f)

    @staticmethod
    def _scale_curve(item, f):
        pen = item.opts.get("pen")
        if pen is not None:
            pen = pg.mkPen(pen)
            base = _remember(item, "_zoom_width", pen.widthF() or 1.0)
            if pen.widthF() != base * f:
                pen.setWidthF(base * f)
                item.setPen(pen)
        size = item.opts.get("symbolSize")
        if item.opts.get("symbol") is not None and size is not None:
            target = _remember(item, "_zoom_symbol", size) * f
            if size != target:
                item.setSymbolSize(target)


def _remember(item, name, value):
    """The value ``item`` was made with (stored on it the first time it is zoomed)."""
    if not hasattr(item, name):
        setattr(item, name, value)
    return getattr(item, name)
