"""The boundary view's background: the model's probabilities on the plane as an image under
the samples, the black lines where its prediction changes, and — for two classes — the
colour scale below the plot. For two classes the image is the probability of the second
class on a diverging scale (white at 0.5); for more, the predicted class, paler where the
model is less sure."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg

from ....core.analysis.boundary import boundary_segments, probability_grid
from ....core.analysis.threshold import logit
from ...style.i18n import translate
from ...style.palette import TEXT, class_text, style_plot

__all__ = ["RESOLUTION", "ProbabilityMap"]

#: How strongly the background takes a class colour at full confidence (points stay readable).
_SHADE = 0.55
#: Grid cells along each side of the probability map: cheap enough for 60 updates a second.
RESOLUTION = 100


def _rgb(colors) -> np.ndarray:
    return np.array([[c.red(), c.green(), c.blue()] for c in colors], dtype=float)


def _lighten(rgb):
    """The class colour as the background shows it at full confidence."""
    return 255.0 + _SHADE * (np.asarray(rgb, dtype=float) - 255.0)


class ProbabilityMap:
    """The image, the boundary lines and the colour scale, on ``plot`` in ``layout`` (the
    GraphicsLayout the plot sits in: the colour scale goes in the row below it)."""

    def __init__(self, layout, plot):
        self._layout = layout
        # Items are made once here and only updated afterwards (setImage / setData).
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setZValue(-10)
        plot.addItem(self.image)
        self.boundary = pg.PlotCurveItem(pen=pg.mkPen("k", width=2), connect="pairs")
        self.boundary.setZValue(5)
        plot.addItem(self.boundary)
        # Two classes at a threshold other than 0.5: where P = 0.5 would put the boundary.
        self.half = pg.PlotCurveItem(
            pen=pg.mkPen("#555555", width=1, style=pg.QtCore.Qt.DashLine), connect="pairs"
        )
        self.half.setZValue(4)
        plot.addItem(self.half)
        self.color_bar = pg.ColorBarItem(
            values=(0.0, 1.0), width=12, interactive=False, orientation="horizontal"
        )
        self.color_bar.setToolTip(
            translate(
                "BoundaryView",
                "Probability of the second class: P = 1 / (1 + exp(−z)), z = w·x + b.",
            )
        )
        self._colors = []

    def set_classes(self, classes, colors) -> None:
        """The classes (labels) and their colours: the colour scale of two classes, none
        for more."""
        self._colors = list(colors)
        if len(classes) == 2:
            c0, c1 = _rgb(self._colors)
            stops = np.array([_lighten(c0), [255.0, 255.0, 255.0], _lighten(c1)])
            colormap = pg.ColorMap([0.0, 0.5, 1.0], stops.astype(np.uint8))
            self.image.setLookupTable(colormap.getLookupTable(nPts=256))
            self.color_bar.setColorMap(colormap)
            self.color_bar.axis.setLabel(f"P({class_text(classes[1])})", color=TEXT)
            style_plot(self.color_bar)
            if self.color_bar.scene() is None:
                self._layout.addItem(self.color_bar, row=1, col=0)
        else:
            self.image.setLookupTable(None)
            if self.color_bar.scene() is not None:
                self._layout.removeItem(self.color_bar)

    def draw(self, plane, coef, intercept, extent, rect, threshold=0.5) -> None:
        """The probabilities of weights ``coef``, ``intercept`` over ``extent`` of
        ``plane`` (the image covering ``rect``), and its boundary lines: for two classes
        where P(1) = ``threshold`` (and, dashed, where it is 0.5 when that differs)."""
        u_range, v_range = extent
        grid = probability_grid(plane, coef, intercept, u_range, v_range, RESOLUTION)
        if grid.shape[2] == 2:
            self.image.setImage(grid[..., 1], autoLevels=False, levels=(0.0, 1.0), rect=rect)
        else:
            self.image.setImage(
                self._class_shading(grid), autoLevels=False, levels=(0, 255), rect=rect
            )
        self.image.setVisible(True)
        shift = logit(threshold) if grid.shape[2] == 2 else 0.0
        self._lines(self.boundary, plane, coef, intercept - shift, extent)
        self._lines(self.half, plane, coef, intercept, extent, shown=shift != 0.0)
        self.boundary.setVisible(True)

    @staticmethod
    def _lines(item, plane, coef, intercept, extent, shown=True):
        if not shown or not np.all(np.isfinite(intercept)):  # t = 0 or 1: one class only
            item.setData([], [])
            return
        segments = boundary_segments(plane, coef, intercept, *extent)
        points = segments.reshape(-1, 2)
        item.setData(points[:, 0], points[:, 1])

    def boundary_lines(self):
        """``(decision line, line of P = 0.5)`` as drawn: arrays of (u, v) points, pairs
        of which are segments."""
        return tuple(
            np.column_stack(item.getData()) if item.getData()[0] is not None else np.empty((0, 2))
            for item in (self.boundary, self.half)
        )

    def clear(self) -> None:
        """No model: no image, no lines."""
        self.image.setVisible(False)
        self.boundary.setData([], [])
        self.half.setData([], [])
        self.boundary.setVisible(False)

    def _class_shading(self, grid):
        """RGB image: the colour of the most likely class, mixed with white by how sure."""
        n = grid.shape[2]
        best = np.argmax(grid, axis=2)
        # 0 when every class is equally likely, 1 when the model is certain.
        sureness = (np.max(grid, axis=2) - 1.0 / n) / (1.0 - 1.0 / n)
        colors = _rgb(self._colors)[best]
        rgb = 255.0 + (_SHADE * sureness)[..., None] * (colors - 255.0)
        return rgb.astype(np.uint8)
