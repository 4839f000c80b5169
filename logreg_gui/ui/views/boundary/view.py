"""The live decision-boundary view: the samples on a plane through feature space over a map of
the model's probabilities, with the lines where its prediction changes.

The maths (planes, projections, probabilities, boundary lines) lives in
:mod:`logreg_gui.core.analysis.boundary`; this module only turns its arrays into pixels.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt, QTimer, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QGraphicsItem,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ....core.analysis.boundary import (
    boundary_segments,
    feature_plane,
    grid_extent,
    pca_plane,
    probability_grid,
    project,
)
from ....core.errors import DataError
from ....core.model.objective import decision_scores, predicted_indices
from ...session import RunState
from ...style.palette import (
    NEUTRAL,
    TEXT,
    WRONG,
    class_colors,
    class_symbols,
    class_text,
    style_plot,
)
from ...widgets import ComboBox, DrawnWhenShown

__all__ = ["BoundaryView"]

#: How strongly the background takes a class colour at full confidence (points stay readable).
_SHADE = 0.55
#: Grid cells along each side of the probability map: cheap enough for 60 updates a second.
RESOLUTION = 100
#: At most this many samples are drawn (a random sample within each class beyond it).
MAX_POINTS = 10_000
#: Up to this many classes, each class and part is one scatter item.
MAX_CLASS_ITEMS = 10
#: Classes named in the legend.
MAX_LEGEND = 10

FEATURES, PCA_PROJECTION = "features", "pca"


def _rgb(colors) -> np.ndarray:
    return np.array([[c.red(), c.green(), c.blue()] for c in colors], dtype=float)


class BoundaryView(DrawnWhenShown, QWidget):
    """The samples on a plane of feature space over the model's predicted probabilities.

    Training samples are filled, test samples hollow (white inside), both coloured and shaped
    by their true class. The background shows, for two classes, the probability of the second
    class on a diverging scale (white at 0.5, where the black boundary line runs); for more
    classes, the predicted class, paler where the model is less sure.

    Bound to a session (:meth:`bind`), it draws the session's data and the weights it shows,
    rings the test sample it has selected, and a click on a test sample selects that sample
    in the session. While hidden it only notes that the weights changed, and catches up when
    shown.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("boundaryView")
        self.setAccessibleName("boundaryView")
        self._X_train = self._X_test = None
        self._y_train = self._y_test = None
        self._names: tuple[str, ...] = ()
        self._classes: tuple[str, ...] = ()
        self._session = None
        self._plane = None
        self._extent = ((-1.0, 1.0), (-1.0, 1.0))
        self._rect = QRectF(-1.0, -1.0, 2.0, 2.0)  # the extent as the image's rectangle
        self._weights = None  # (coef, intercept) last drawn
        self._selected = None  # index of the test sample ringed
        self._previous_x, self._previous_y = 0, 1  # feature choices before the last change
        self._colors: list[QColor] = []
        self._legend_samples = []

        self.projection_input = self._combo(
            "boundaryProjectionInput",
            self.tr(
                "What plane of feature space to draw. Two features: x = mean + u·e_x + v·e_y, "
                "every other feature held at its training mean. PCA projection: the plane of the "
                "first two principal components, x = mean + u·pc1 + v·pc2, samples projected "
                "onto it."
            ),
        )
        self.projection_input.addItem(self.tr("Two features"), FEATURES)
        self.projection_input.addItem(self.tr("PCA projection"), PCA_PROJECTION)
        self.x_input = self._combo(
            "boundaryXInput", self.tr("The feature along the horizontal axis (u = its value).")
        )
        self.y_input = self._combo(
            "boundaryYInput", self.tr("The feature along the vertical axis (v = its value).")
        )
        self._x_label = QLabel(self.tr("horizontal"))
        self._y_label = QLabel(self.tr("vertical"))
        self._x_label.setBuddy(self.x_input)
        self._y_label.setBuddy(self.y_input)
        controls = QHBoxLayout()
        controls.addWidget(self.projection_input)
        controls.addSpacing(8)
        controls.addWidget(self._x_label)
        controls.addWidget(self.x_input, 1)
        controls.addWidget(self._y_label)
        controls.addWidget(self.y_input, 1)

        self.graphics = pg.GraphicsLayoutWidget()
        self.graphics.setObjectName("boundaryPlot")
        self.graphics.setAccessibleName("boundaryPlot")
        self.graphics.setBackground("w")
        self.graphics.setMinimumSize(300, 260)
        self.graphics.setAccessibleDescription(
            self.tr(
                "Filled points: training samples; hollow: test samples (click one to explain its "
                "prediction). Background: the model's probabilities on this plane, "
                "P = 1 / (1 + exp(−z)) for two classes, softmax(z) for more, with z = w·x + b."
            )
        )
        self.plot = self.graphics.addPlot(row=0, col=0)
        self.plot.setMenuEnabled(True)  # right-click: the view menu and Export…
        self.plot.showGrid(x=False, y=False)
        self.plot.getViewBox().setDefaultPadding(0.0)
        style_plot(self.plot)

        # Items are made once here and only updated afterwards (setImage / setData).
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setZValue(-10)
        self.plot.addItem(self.image)
        self.boundary = pg.PlotCurveItem(pen=pg.mkPen("k", width=2), connect="pairs")
        self.boundary.setZValue(5)
        self.plot.addItem(self.boundary)
        self._point_items = []  # scatter items of the points drawn: per class and part
        self._rings = []  # per predicted class: rings around the test points it is given
        self._train_pick = self._test_pick = np.array([], dtype=int)  # the samples drawn
        self.ring = pg.ScatterPlotItem(
            size=22, symbol="o", pen=pg.mkPen("k", width=2.5), brush=None, pxMode=True
        )
        self.ring.setZValue(12)
        self.plot.addItem(self.ring)
        # Samples the full model gets wrong (it sees every feature, the plane only two).
        self.wrong_marks = pg.ScatterPlotItem(
            size=7, symbol="x", pen=pg.mkPen(WRONG, width=1.5), brush=pg.mkBrush(WRONG)
        )
        self.wrong_marks.setZValue(13)
        self.plot.addItem(self.wrong_marks)
        self._predicted = None  # (train, test) predicted class of the points drawn
        self._predictions_timer = QTimer(self)
        self._predictions_timer.setSingleShot(True)
        self._predictions_timer.timeout.connect(self._draw_predictions)

        # The colour scale and the legend sit below the plot, so they never cover points.
        self.color_bar = pg.ColorBarItem(
            values=(0.0, 1.0), width=12, interactive=False, orientation="horizontal"
        )
        self.color_bar.setToolTip(
            self.tr("Probability of the second class: P = 1 / (1 + exp(−z)), z = w·x + b.")
        )
        self.legend = None  # made by set_data, which knows the classes
        self.graphics.ci.layout.setRowStretchFactor(0, 1)

        self.description = QLabel()
        self.description.setObjectName("boundaryDescription")
        self.description.setAccessibleName("boundaryDescription")
        self.description.setWordWrap(True)
        self.description.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.status = QLabel()
        self.status.setObjectName("boundaryStatus")
        self.status.setAccessibleName("boundaryStatus")
        self.status.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(controls)
        layout.addWidget(self.graphics, 1)
        layout.addWidget(self.description)
        layout.addWidget(self.status)

        self.projection_input.currentIndexChanged.connect(self._on_plane_choice)
        self.x_input.currentIndexChanged.connect(self._on_x_choice)
        self.y_input.currentIndexChanged.connect(self._on_y_choice)
        self._set_controls_visible(False)
        self.description.setText(self.tr("No data yet."))

    @staticmethod
    def _combo(name, tooltip):
        combo = ComboBox()
        combo.setObjectName(name)
        combo.setAccessibleName(name)
        combo.setToolTip(tooltip)
        combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(8)
        return combo

    # ----------------------------------------------------------------------------- data
    def set_data(self, X_train, y_train_idx, X_test, y_test_idx, feature_names, classes) -> None:
        """Show new samples (as the model sees them) and forget the weights drawn so far.

        Parameters
        ----------
        X_train, X_test : ndarray of shape (n, d)
        y_train_idx, y_test_idx : ndarray of shape (n,), class indices into ``classes``
        feature_names : sequence of d str
        classes : sequence of class labels (shown as text)
        """
        self._X_train = np.asarray(X_train, dtype=float)
        self._X_test = np.asarray(X_test, dtype=float).reshape(-1, self._X_train.shape[1])
        self._y_train = np.asarray(y_train_idx, dtype=int)
        self._y_test = np.asarray(y_test_idx, dtype=int)
        self._names = tuple(str(n) for n in feature_names)
        self._classes = tuple(str(c) for c in classes)
        self._colors = class_colors(len(self._classes))
        self._weights = None
        self._selected = None
        d = self._X_train.shape[1]

        for combo in (self.projection_input, self.x_input, self.y_input):
            combo.blockSignals(True)
        self.x_input.clear()
        self.y_input.clear()
        self.x_input.addItems(self._names)
        self.y_input.addItems(self._names)
        self.x_input.setCurrentIndex(0)
        self.y_input.setCurrentIndex(min(1, d - 1))
        # With many features two of them rarely show the structure; the PCA plane does.
        self.projection_input.setCurrentIndex(1 if d > 2 else 0)
        for combo in (self.projection_input, self.x_input, self.y_input):
            combo.blockSignals(False)
        self._set_controls_visible(d > 2)
        self._train_pick, self._test_pick = self._sample()
        self._build_legend()
        self._build_color_scale()
        self.status.setText(
            self.tr("Click a test sample (hollow) to see its prediction explained.")
        )
        self._update_plane()

    def _set_controls_visible(self, visible):
        for widget in (
            self.projection_input,
            self.x_input,
            self.y_input,
            self._x_label,
            self._y_label,
        ):
            widget.setVisible(visible)

    def _build_legend(self):
        # Rebuilt only when the classes change (set_data), never while training. A fresh
        # legend each time: pyqtgraph's LegendItem misplaces entries added after clear().
        if self.legend is not None:
            self.graphics.removeItem(self.legend)
        shown = self._classes[:MAX_LEGEND]
        entries = len(shown) + 1
        self.legend = pg.LegendItem(offset=None, labelTextColor=TEXT, colCount=min(entries, 2))
        self.graphics.addItem(self.legend, row=2, col=0)
        self._legend_samples = []
        symbols = class_symbols(len(self._classes))
        for name, color, symbol in zip(shown, self._colors, symbols):
            sample = pg.ScatterPlotItem(
                symbol=symbol, size=9, brush=pg.mkBrush(color), pen=pg.mkPen(color.darker(160))
            )
            self._legend_samples.append(sample)
            self.legend.addItem(sample, class_text(name))
        if len(self._classes) > MAX_LEGEND:
            more = pg.ScatterPlotItem(symbol="o", size=1, brush=None, pen=None)
            self._legend_samples.append(more)
            self.legend.addItem(
                more,
                self.tr("… {count} more classes").format(count=len(self._classes) - MAX_LEGEND),
            )
        hollow = pg.ScatterPlotItem(
            symbol="o", size=9, brush=pg.mkBrush("w"), pen=pg.mkPen("#555", width=2)
        )
        self._legend_samples.append(hollow)
        self.legend.addItem(hollow, self.tr("hollow: test sample; ring: predicted class"))
        cross = pg.ScatterPlotItem(symbol="x", size=8, brush=pg.mkBrush(WRONG), pen=pg.mkPen(WRONG))
        self._legend_samples.append(cross)
        self.legend.addItem(cross, self.tr("×: misclassified by the model"))

    def _build_color_scale(self):
        binary = len(self._classes) == 2
        layout = self.graphics.ci
        if binary:
            c0, c1 = _rgb(self._colors)
            stops = np.array([_lighten(c0), [255.0, 255.0, 255.0], _lighten(c1)])
            self._colormap = pg.ColorMap([0.0, 0.5, 1.0], stops.astype(np.uint8))
            self.image.setLookupTable(self._colormap.getLookupTable(nPts=256))
            self.color_bar.setColorMap(self._colormap)
            self.color_bar.axis.setLabel(f"P({class_text(self._classes[1])})", color=TEXT)
            style_plot(self.color_bar)
            if self.color_bar.scene() is None:
                layout.addItem(self.color_bar, row=1, col=0)
        else:
            self._colormap = None
            self.image.setLookupTable(None)
            if self.color_bar.scene() is not None:
                layout.removeItem(self.color_bar)

    # ---------------------------------------------------------------------------- plane
    def plane(self):
        """The :class:`~logreg_gui.core.analysis.boundary.Plane` drawn now (None before :meth:`set_data`)."""
        return self._plane

    @Slot(int)
    def _on_plane_choice(self, _index=None):
        self._update_plane()

    @Slot(int)
    def _on_x_choice(self, index):
        # Picking the feature already on the other axis swaps the two.
        if index == self.y_input.currentIndex() and self._plane is not None:
            self.y_input.blockSignals(True)
            self.y_input.setCurrentIndex(self._previous_x)
            self.y_input.blockSignals(False)
        self._update_plane()

    @Slot(int)
    def _on_y_choice(self, index):
        if index == self.x_input.currentIndex() and self._plane is not None:
            self.x_input.blockSignals(True)
            self.x_input.setCurrentIndex(self._previous_y)
            self.x_input.blockSignals(False)
        self._update_plane()

    def _update_plane(self):
        if self._X_train is None:
            return
        pca = self.projection_input.currentData() == PCA_PROJECTION and self._X_train.shape[1] > 2
        self.x_input.setEnabled(not pca)
        self.y_input.setEnabled(not pca)
        try:
            if pca:
                # Fitted on the training samples drawn: the same kind of view (a plane, not a
                # model) at a bounded cost; a million rows would hold the window a second.
                plane = pca_plane(self._X_train[self._train_pick], self._names)
            else:
                plane = feature_plane(
                    self._X_train,
                    self.x_input.currentIndex(),
                    self.y_input.currentIndex(),
                    self._names,
                )
        except DataError as error:
            self.description.setText(str(error))
            return
        self._plane = plane
        self._previous_x, self._previous_y = (
            self.x_input.currentIndex(),
            self.y_input.currentIndex(),
        )
        self._train_uv = project(plane, self._X_train[self._train_pick])
        self._test_uv = project(plane, self._X_test[self._test_pick])
        drawn = np.vstack([self._train_uv, self._test_uv])
        self._extent = grid_extent(drawn, margin=0.05)
        (umin, umax), (vmin, vmax) = self._extent
        # The image's size in pixels is only known once it holds one: set the rectangle
        # with every setImage (cheap) rather than here.
        self._rect = QRectF(umin, vmin, umax - umin, vmax - vmin)
        self.plot.setLabel("bottom", plane.label_u, color=TEXT)
        self.plot.setLabel("left", plane.label_v, color=TEXT)
        self.plot.setRange(xRange=(umin, umax), yRange=(vmin, vmax), padding=0.0)
        self.plot.disableAutoRange()
        self._draw_points()
        self._draw_ring()
        if self._weights is not None:
            self._draw_weights()
        self._describe()

    def _sample(self):
        """The training and test samples drawn: all of them up to ``MAX_POINTS``, else each
        sample kept with the same chance (every class keeps its share), and at least one of
        every class."""
        n_train, n_test = len(self._y_train), len(self._y_test)
        if n_train + n_test <= MAX_POINTS:
            return np.arange(n_train), np.arange(n_test)
        rng = np.random.default_rng(0)
        share = MAX_POINTS / (n_train + n_test)
        picks = []
        for y in (self._y_train, self._y_test):
            keep = rng.random(len(y)) < share
            missing = np.setdiff1d(np.arange(len(self._classes)), y[keep])
            for k in missing:  # a rare class must still show
                members = np.flatnonzero(y == k)
                if len(members):
                    keep[members[0]] = True
            picks.append(np.flatnonzero(keep))
        return picks[0], picks[1]

    def _draw_points(self):
        """One scatter item per class and part (a few items, each drawn in one go); with
        many classes one item per part, coloured point by point, over the bounded sample."""
        for item in self._point_items + self._rings:
            self.plot.removeItem(item)
        self._point_items, self._rings = [], []
        k = len(self._classes)
        symbols = class_symbols(k)
        # The full model's prediction of each test point: a ring in the predicted class's
        # colour. One uniform item per class, so an update only moves positions (per-point
        # pens on thousands of points would stall the window on every update).
        for color in self._colors if k <= MAX_CLASS_ITEMS else [None]:
            ring = pg.ScatterPlotItem(
                size=15,
                symbol="o",
                brush=None,
                pen=pg.mkPen(color if color is not None else NEUTRAL, width=2),
                pxMode=True,
            )
            ring.setZValue(10.5)
            ring.setCacheMode(QGraphicsItem.DeviceCoordinateCache)
            self.plot.addItem(ring)
            self._rings.append(ring)
        parts = (
            ("train", self._train_uv, self._y_train[self._train_pick], self._train_pick),
            ("test", self._test_uv, self._y_test[self._test_pick], self._test_pick),
        )
        for part, uv, y, index in parts:
            test = part == "test"

            def style(c, test=test):
                color = self._colors[c]
                if test:
                    return pg.mkBrush("w"), pg.mkPen(color, width=2)
                return pg.mkBrush(color), pg.mkPen(color.darker(170), width=1)

            groups = (
                [(np.ones(len(y), bool), None)]
                if k > MAX_CLASS_ITEMS
                else [(y == c, c) for c in range(k)]
            )
            for mask, c in groups:
                if not mask.any():
                    continue
                item = pg.ScatterPlotItem(
                    size=9 if test else 8,
                    pxMode=True,
                    hoverable=True,
                    tip=self._tip_test if test else self._tip_train,
                )
                if c is None:
                    styles = [style(int(v)) for v in y]
                    item.setData(
                        pos=uv[mask],
                        data=index[mask],
                        brush=[b for b, _ in styles],
                        pen=[p for _, p in styles],
                        symbol=[symbols[int(v)] for v in y],
                    )
                else:
                    brush, pen = style(c)
                    item.setData(
                        pos=uv[mask], data=index[mask], brush=brush, pen=pen, symbol=symbols[c]
                    )
                item.setZValue(11 if test else 10)
                # The points stay put while the map under them changes every update: Qt keeps
                # them as a pixmap instead of drawing 10,000 symbols each frame.
                item.setCacheMode(QGraphicsItem.DeviceCoordinateCache)
                item.sigClicked.connect(self._on_test_clicked if test else self._on_train_clicked)
                self.plot.addItem(item)
                self._point_items.append(item)

    def drawn_points(self, part):
        """``(uv, indices)`` of the ``"train"`` or ``"test"`` samples drawn, in drawing order."""
        items = [i for i in self._point_items if i.zValue() == (11 if part == "test" else 10)]
        if not items:
            return np.empty((0, 2)), np.empty(0, dtype=int)
        uv = np.vstack([np.column_stack(item.getData()) for item in items])
        index = np.concatenate([item.data["data"] for item in items]).astype(int)
        return uv, index

    def test_position(self, index):
        """``(u, v)`` of test sample ``index`` on the plane drawn (drawn or not: any test
        sample may be selected)."""
        return tuple(project(self._plane, self._X_test[int(index)][None, :])[0])

    def _describe(self):
        if self._plane is None:
            return
        text = self._plane.description[0].upper() + self._plane.description[1:]
        if self._weights is None:
            text += " " + self.tr("No weights yet: train the model to see its decision boundary.")
        elif len(self._classes) == 2:
            text += " " + self.tr(
                "Background: probability of {name} (white = 0.5); the black line is the "
                "decision boundary."
            ).format(name=class_text(self._classes[1]))
        else:
            text += " " + self.tr(
                "Background: the predicted class, paler where the model is less sure; black "
                "lines separate the classes."
            )
        if self._weights is not None and self._X_train.shape[1] > 2:
            text += " " + self.tr(
                "The background is a slice through the training mean: it holds every other "
                "direction at the mean, while each sample has its own values there. So a point "
                "can sit on the other colour and still be predicted right — its ring (test) "
                "and the × marks show what the full model predicts for it."
            )
        drawn = len(self._train_pick) + len(self._test_pick)
        total = len(self._y_train) + len(self._y_test)
        if drawn < total:
            text += " " + self.tr(
                "Showing {drawn:,} of the {total:,} samples, a random sample with the same "
                "share of every class; the background and the lines are the model's, from all "
                "of them."
            ).format(drawn=drawn, total=total)
        self.description.setText(text)

    # -------------------------------------------------------------------------- weights
    def set_weights(self, coef, intercept) -> None:
        """Draw the probabilities and boundary of weights ``coef`` (k, d), ``intercept`` (k,).

        Cheap enough to call for every progress update: it only recomputes a
        100 × 100 grid and updates the existing image and line. Weights that do not fit the
        data shown (left over from an earlier run) clear the map instead.
        """
        coef = np.asarray(coef, dtype=float)
        intercept = np.asarray(intercept, dtype=float).reshape(-1)
        if self._X_train is None:
            return
        k = 1 if len(self._classes) == 2 else len(self._classes)
        if coef.shape != (k, self._X_train.shape[1]) or intercept.shape != (k,):
            self.clear_weights()
            self.status.setText(self.tr("These weights do not fit the data shown."))
            return
        was_empty = self._weights is None
        self._weights = (coef, intercept)
        self._draw_weights()
        if was_empty:
            self._describe()

    def _draw_weights(self):
        coef, intercept = self._weights
        u_range, v_range = self._extent
        grid = probability_grid(self._plane, coef, intercept, u_range, v_range, RESOLUTION)
        if grid.shape[2] == 2:
            self.image.setImage(grid[..., 1], autoLevels=False, levels=(0.0, 1.0), rect=self._rect)
        else:
            self.image.setImage(
                self._class_shading(grid), autoLevels=False, levels=(0, 255), rect=self._rect
            )
        self.image.setVisible(True)
        segments = boundary_segments(self._plane, coef, intercept, u_range, v_range)
        points = segments.reshape(-1, 2)
        self.boundary.setData(points[:, 0], points[:, 1])
        self.boundary.setVisible(True)
        # The points' own predictions move their rings: at most three times a second
        # while training runs (each moves every ring), at once otherwise.
        running = self._session is not None and self._session.state is RunState.RUNNING
        if not (running and self._predictions_timer.isActive()):
            self._predictions_timer.start(300 if running else 0)

    def _draw_predictions(self):
        """Ring each test point in the colour of the class the full model predicts for it,
        and cross out every sample drawn that it gets wrong."""
        if self._weights is None or self._X_train is None:
            self.wrong_marks.setData([])
            for ring in self._rings:
                ring.setData([])
            return
        coef, intercept = self._weights
        predicted = []
        for X, pick in ((self._X_train, self._train_pick), (self._X_test, self._test_pick)):
            scores = decision_scores(X[pick], coef, intercept)
            predicted.append(predicted_indices(scores))
        self._predicted = tuple(predicted)
        test = predicted[1]
        if len(self._rings) == len(self._colors):
            for k, ring in enumerate(self._rings):
                mask = test == k
                ring.setData(pos=self._test_uv[mask], data=self._test_pick[mask])
        elif self._rings:  # very many classes: one item, coloured point by point
            pens = [pg.mkPen(color, width=2) for color in self._colors]
            self._rings[0].setData(
                pos=self._test_uv, data=self._test_pick, pen=[pens[int(c)] for c in test]
            )
        wrong = [
            uv[predicted_k != y[pick]]
            for uv, predicted_k, y, pick in (
                (self._train_uv, predicted[0], self._y_train, self._train_pick),
                (self._test_uv, predicted[1], self._y_test, self._test_pick),
            )
        ]
        marks = np.vstack(wrong)
        self.wrong_marks.setData(pos=marks)

    def predicted_outlines(self):
        """``(test indices ringed, class index of their ring's colour)``, as drawn."""
        index, outline = [], []
        colors = [QColor(c).rgb() for c in self._colors]
        for k, ring in enumerate(self._rings):
            drawn = ring.data["data"].astype(int)
            index.append(drawn)
            if len(self._rings) == len(self._colors):
                outline.append(np.full(len(drawn), k))
            else:
                outline.append(
                    np.array([colors.index(p.pen().color().rgb()) for p in ring.points()], int)
                )
        if not index:
            return np.array([], int), np.array([], int)
        return np.concatenate(index), np.concatenate(outline)

    def _class_shading(self, grid):
        """RGB image: the colour of the most likely class, mixed with white by how sure."""
        n = grid.shape[2]
        best = np.argmax(grid, axis=2)
        # 0 when every class is equally likely, 1 when the model is certain.
        sureness = (np.max(grid, axis=2) - 1.0 / n) / (1.0 - 1.0 / n)
        colors = _rgb(self._colors)[best]
        rgb = 255.0 + (_SHADE * sureness)[..., None] * (colors - 255.0)
        return rgb.astype(np.uint8)

    def clear_weights(self) -> None:
        """Remove the probability map and boundary (no model yet); the samples stay."""
        self._weights = None
        self.image.setVisible(False)
        self.boundary.setData([], [])
        self.boundary.setVisible(False)
        self.wrong_marks.setData([])
        for ring in self._rings:
            ring.setData([])
        self._describe()

    # ------------------------------------------------------------------------ selection
    def select_test_sample(self, index) -> None:
        """Ring test sample ``index`` (the one shown in the prediction panel) and name it in
        the status line; None clears."""
        if index is None or self._X_test is None or not 0 <= int(index) < len(self._X_test):
            self._selected = None
        else:
            self._selected = int(index)
            self.status.setText(
                self.tr(
                    "Test sample {index} ({name}) is ringed and shown in the prediction panel. "
                    "Click another hollow point to choose it."
                ).format(
                    index=self._selected,
                    name=class_text(self._classes[self._y_test[self._selected]]),
                )
            )
        self._draw_ring()

    # ------------------------------------------------------------------------- session
    def bind(self, session) -> None:
        """Follow ``session``: its data, the weights it shows, the sample it selects."""
        self._session = session
        session.dataChanged.connect(self._on_data)
        session.shownChanged.connect(self._on_shown)
        session.selectionChanged.connect(self.select_test_sample)

    def refresh(self) -> None:
        """Draw what the session shows now, even while hidden (for a report or an export)."""
        self.draw_pending()

    @Slot()
    def _on_data(self):
        # The weights are drawn after the data they belong to.
        self.when_shown(self._draw_data)
        self.when_shown(self._draw_shown)

    @Slot()
    def _on_shown(self):
        self.when_shown(self._draw_shown)

    def _draw_data(self):
        s = self._session
        split = s.data
        self.set_data(
            split.X_train, s.y_train, split.X_test, s.y_test, split.feature_names, s.classes
        )
        self.select_test_sample(s.selected)

    def _draw_shown(self):
        if self._session.data is None:
            return
        shown = self._session.shown()
        if shown is None:
            self.clear_weights()
        else:
            self.set_weights(shown[1], shown[2])

    def _draw_ring(self):
        if self._selected is None or self._X_test is None:
            self.ring.setData([], [])
        else:
            u, v = self.test_position(self._selected)
            self.ring.setData([u], [v])

    @Slot(object, object, object)
    def _on_test_clicked(self, _item, points, _event=None):
        if len(points) == 0:
            return
        index = int(points[0].data())
        if self._session is not None:
            self._session.select_sample(index)  # comes back through selectionChanged
        else:
            self.select_test_sample(index)

    @Slot(object, object, object)
    def _on_train_clicked(self, _item, points, _event=None):
        if len(points) == 0:
            return
        index = int(points[0].data())
        self.status.setText(
            self.tr(
                "Training sample {index} ({name}): the model learnt from it. Click a hollow test "
                "sample to see a prediction explained."
            ).format(index=index, name=class_text(self._classes[self._y_train[index]]))
        )

    def _tip_train(self, x, y, data):
        return self.tr("training sample {index}: {name}").format(
            index=int(data), name=class_text(self._classes[self._y_train[int(data)]])
        )

    def _tip_test(self, x, y, data):
        return self.tr("test sample {index}: {name} — click to explain").format(
            index=int(data), name=class_text(self._classes[self._y_test[int(data)]])
        )


def _lighten(rgb):
    """The class colour as the background shows it at full confidence."""
    return 255.0 + _SHADE * (np.asarray(rgb, dtype=float) - 255.0)
