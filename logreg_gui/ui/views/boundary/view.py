"""The boundary view: the plane chosen, the samples and the probability map drawn on it, a
caption saying what the plane is, the test sample selected, and the session followed; on
data of two numeric columns, points painted with the mouse (:mod:`.painting`)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QIcon, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ....core.analysis.boundary import (
    InputPlane,
    feature_plane,
    grid_extent,
    input_plane,
    pca_plane,
    project,
)
from ....core.data.painted import PAINTED
from ....core.errors import DataError
from ...session import RunState
from ...style.palette import TEXT, class_colors, class_symbols, class_text, style_plot
from ...widgets import ComboBox, DrawnWhenShown, WrappedLabel, named
from .background import ProbabilityMap
from .legend import class_legend
from .painting import PaintViewBox, PointPainter
from .points import SamplePoints

__all__ = ["BoundaryView"]

FEATURES, PCA_PROJECTION, INPUTS = "features", "pca", "inputs"
#: How near (in pixels) a press must be to a training point to drag or delete it.
PICK_PIXELS = 7


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

    On data of two numeric columns, points can be painted (``paintMode``): a click adds a
    training point of the class chosen (``paintClassInput``), a drag moves one, a right-click
    deletes one; Undo, Redo, a new empty canvas and an export as CSV. Test points are never
    painted. Every edit is a request to the session (``request_paint``), never a change made
    here; the view draws the data the session then has.

    Signals
    -------
    exportRequested : the person pressed Export CSV… (the window asks where to write)
    """

    exportRequested = Signal()

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
        self._input_plane = None  # the plane of two input columns, when the data have it
        self._colors = []
        self._legend_samples = []
        self._grow_extent = False  # painted points: the extent only grows (no jumps)
        self._controls_shown = False  # the plane's choices (data of more than two features)

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
        self.projection_input.setSizeAdjustPolicy(QComboBox.AdjustToContents)
        axes = QHBoxLayout()
        axes.addWidget(self._x_label)
        axes.addWidget(self.x_input, 1)
        axes.addWidget(self._y_label)
        axes.addWidget(self.y_input, 1)

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
        self.plot = self.graphics.addPlot(row=0, col=0, viewBox=PaintViewBox())
        self.plot.setMenuEnabled(True)  # right-click: the view menu and Export…
        self.plot.showGrid(x=False, y=False)
        self.plot.getViewBox().setDefaultPadding(0.0)
        style_plot(self.plot)

        self.map = ProbabilityMap(self.graphics.ci, self.plot)
        self.image, self.boundary = self.map.image, self.map.boundary
        self.points = SamplePoints(self.plot, self._on_point_clicked, self._tip)
        self.wrong_marks = self.points.wrong_marks
        self.ring = pg.ScatterPlotItem(
            size=22, symbol="o", pen=pg.mkPen("k", width=2.5), brush=None, pxMode=True
        )
        self.ring.setZValue(12)
        self.plot.addItem(self.ring)
        self.painter = PointPainter(
            self.plot.getViewBox(),
            self.plot,
            find=self.training_point_at,
            add=self.paint_at,
            move=self.move_training_point,
            delete=self.delete_training_point,
            look=self._look,
        )
        self._predictions_timer = QTimer(self)
        self._predictions_timer.setSingleShot(True)
        self._predictions_timer.timeout.connect(self._draw_predictions)

        # The colour scale and the legend sit below the plot, so they never cover points.
        self.legend = None  # made by set_data, which knows the classes
        self.graphics.ci.layout.setRowStretchFactor(0, 1)

        self.description = WrappedLabel()
        self.description.setObjectName("boundaryDescription")
        self.description.setAccessibleName("boundaryDescription")
        self.description.setWordWrap(True)
        self.description.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.status = WrappedLabel()
        self.status.setObjectName("boundaryStatus")
        self.status.setAccessibleName("boundaryStatus")
        self.status.setWordWrap(True)

        # The plane's choice and Paint share the first row; the features along the axes
        # (the plane of two features only) and the painting's class, Undo and Redo (while
        # painting) come under it: at most two rows, so that the plot keeps its height in a
        # window of 1024 × 768.
        first, painting = self._paint_controls()
        first.insertWidget(0, self.projection_input)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(first)
        layout.addLayout(axes)
        layout.addLayout(painting)
        layout.addWidget(self.graphics, 1)
        layout.addWidget(self.description)
        layout.addWidget(self.status)

        self.projection_input.currentIndexChanged.connect(self._on_plane_choice)
        self.x_input.currentIndexChanged.connect(self._on_x_choice)
        self.y_input.currentIndexChanged.connect(self._on_y_choice)
        self._set_controls_visible(False)
        self._show_paint_state()
        self.description.setText(self.tr("No data yet."))

    def _paint_controls(self):
        """The painting rows ``(first, second)``: Paint, New canvas and Export CSV… on data
        of two numeric columns; the class a click adds, Undo and Redo under them while
        painting. Compact buttons in short rows: the window must still fit 1024 × 768."""

        def button(text, name, tooltip, slot):
            widget = named(QToolButton(), name, tooltip)
            widget.setText(text)
            widget.setToolButtonStyle(Qt.ToolButtonTextOnly)
            widget.clicked.connect(slot)
            return widget

        self.paint_mode = button(
            self.tr("Paint"),
            "paintMode",
            self.tr(
                "Paint training points with the mouse: a click adds one of the class chosen, a "
                "drag moves one, a right-click deletes one. Test points (hollow) are never "
                "painted: they stay the honest judge of the model. A run going on continues "
                "from its weights on the changed data."
            ),
            self._on_paint_mode,
        )
        self.paint_mode.setCheckable(True)
        self.paint_class = named(
            ComboBox(),
            "paintClassInput",
            self.tr("The class of the training points a click adds."),
        )
        self.paint_class.setSizeAdjustPolicy(QComboBox.AdjustToContents)
        self.paint_undo = button(
            self.tr("Undo"),
            "paintUndoButton",
            self.tr("Undo the last change of the points (Ctrl+Z)."),
            lambda *_: self._request("undo"),
        )
        self.paint_undo.setShortcut(QKeySequence("Ctrl+Z"))
        self.paint_redo = button(
            self.tr("Redo"),
            "paintRedoButton",
            self.tr("Redo the change undone last (Ctrl+Shift+Z)."),
            lambda *_: self._request("redo"),
        )
        self.paint_redo.setShortcut(QKeySequence("Ctrl+Shift+Z"))
        self.paint_clear = button(
            self.tr("New canvas"),
            "paintClearButton",
            self.tr(
                "Start again from an empty canvas (x1 and x2 from −1 to 1 at first): paint "
                "training points of each class, then train. Undo brings the points back."
            ),
            lambda *_: self._request("clear"),
        )
        self.paint_export = button(
            self.tr("Export CSV…"),
            "paintExportButton",
            self.tr(
                "Write the points as CSV: the two columns, the class and the part (train or test)."
            ),
            self.exportRequested,
        )
        rows = []
        for widgets in (
            (self.paint_mode, self.paint_clear, self.paint_export),
            (self.paint_class, self.paint_undo, self.paint_redo),
        ):
            row = QHBoxLayout()
            for widget in widgets:
                row.addWidget(widget)
            row.addStretch(1)
            rows.append(row)
        return rows

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
    def set_data(
        self, X_train, y_train_idx, X_test, y_test_idx, feature_names, classes, preprocessing=None
    ) -> None:
        """Show new samples (as the model sees them) and forget the weights drawn so far.
        Data of two numeric columns (``preprocessing`` says which) are drawn in the plane of
        those columns by default, whatever features a map made of them.

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
        same_classes = self.legend is not None and self._classes == tuple(str(c) for c in classes)
        self._classes = tuple(str(c) for c in classes)
        self._colors = class_colors(len(self._classes))
        self._weights = None
        self._selected = None
        d = self._X_train.shape[1]
        self._input_plane = input_plane(preprocessing)

        for combo in (self.projection_input, self.x_input, self.y_input):
            combo.blockSignals(True)
        self.x_input.clear()
        self.y_input.clear()
        self.x_input.addItems(self._names)
        self.y_input.addItems(self._names)
        self.x_input.setCurrentIndex(0)
        self.y_input.setCurrentIndex(min(1, d - 1))
        inputs = self.projection_input.findData(INPUTS)
        if self._input_plane is not None and inputs < 0:
            self.projection_input.addItem(self.tr("Columns"), INPUTS)
        elif self._input_plane is None and inputs >= 0:
            self.projection_input.removeItem(inputs)
        # With many features two of them rarely show the structure; the PCA plane does. Two
        # columns mapped to more features: their own plane, where the boundary curves.
        if self._input_plane is not None:
            self.projection_input.setCurrentIndex(self.projection_input.findData(INPUTS))
        else:
            self.projection_input.setCurrentIndex(1 if d > 2 else 0)
        for combo in (self.projection_input, self.x_input, self.y_input):
            combo.blockSignals(False)
        self._set_controls_visible(d > 2)
        self.points.set_samples(
            self._X_train, self._y_train, self._X_test, self._y_test, self._colors
        )
        if not same_classes:  # painted points keep their classes: nothing to remake
            self._build_legend()
            self.map.set_classes(self._classes, self._colors)
            self._fill_paint_classes()
        self.status.setText(
            self.tr("Click a test sample (hollow) to see its prediction explained.")
        )
        self._update_plane()

    def _set_controls_visible(self, visible):
        self._controls_shown = visible
        self.projection_input.setVisible(visible)
        self._show_axis_choices()

    def _show_axis_choices(self):
        # The features along each axis are chosen for the plane of two features only: the
        # other planes have none to choose (and the row then fits a 1024-pixel window).
        chosen = self.projection_input.currentData() == FEATURES
        for widget in (self.x_input, self.y_input, self._x_label, self._y_label):
            widget.setVisible(self._controls_shown and chosen)

    def _build_legend(self):
        # Rebuilt only when the classes change (set_data), never while training.
        if self.legend is not None:
            self.graphics.removeItem(self.legend)
        self.legend, self._legend_samples = class_legend(self._classes, self._colors)
        self.graphics.addItem(self.legend, row=2, col=0)
        self._fit_legend()

    def _fit_legend(self):
        """Two columns of legend where they fit the plot's width, else one (a legend
        wider than the view would push the plot out of it)."""
        if self.legend is None:
            return
        widths = [sample.width() + label.width() + 6 for sample, label in self.legend.items]
        rows = [sum(widths[i : i + 2]) for i in range(0, len(widths), 2)]
        fits = max(rows, default=0) + 24 <= self.graphics.width()
        self.legend.setColumnCount(2 if fits else 1)

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self._fit_legend()

    def legend_colours(self) -> list[str]:
        """The colour of each class in the legend, as drawn (``#rrggbb``; the classes named
        there, in order)."""
        k = min(len(self._classes), len(self._legend_samples))
        return [pg.mkBrush(s.opts["brush"]).color().name() for s in self._legend_samples[:k]]

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
        previous = self._plane
        choice = self.projection_input.currentData()
        pca = choice == PCA_PROJECTION and self._X_train.shape[1] > 2
        inputs = choice == INPUTS and self._input_plane is not None
        self.x_input.setEnabled(not (pca or inputs))
        self.y_input.setEnabled(not (pca or inputs))
        self._show_axis_choices()
        try:
            if inputs:
                plane = self._input_plane
            elif pca:
                # Fitted on the training samples drawn: the same kind of view (a plane, not a
                # model) at a bounded cost; a million rows would hold the window a second.
                plane = pca_plane(self._X_train[self.points.train_pick], self._names)
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
        train_uv = project(plane, self._X_train[self.points.train_pick])
        test_uv = project(plane, self._X_test[self.points.test_pick])
        drawn = np.vstack([train_uv, test_uv])
        extent = grid_extent(drawn, margin=0.05)
        grow = (
            self._grow_extent
            and isinstance(plane, InputPlane)
            and isinstance(previous, InputPlane)
            and (previous.label_u, previous.label_v) == (plane.label_u, plane.label_v)
        )
        if grow:  # an edit of painted points never moves or shrinks the plane under the mouse
            extent = tuple(
                (min(new[0], old[0]), max(new[1], old[1])) for new, old in zip(extent, self._extent)
            )
        self._extent = extent
        (umin, umax), (vmin, vmax) = self._extent
        # The image's size in pixels is only known once it holds one: set the rectangle
        # with every setImage (cheap) rather than here.
        self._rect = QRectF(umin, vmin, umax - umin, vmax - vmin)
        self.plot.setLabel("bottom", plane.label_u, color=TEXT)
        self.plot.setLabel("left", plane.label_v, color=TEXT)
        self.plot.setRange(xRange=(umin, umax), yRange=(vmin, vmax), padding=0.0)
        self.plot.disableAutoRange()
        self.points.place(train_uv, test_uv)
        self._draw_ring()
        if self._weights is not None:
            self._draw_weights()
        self._describe()
        self._show_paint_state()

    def drawn_points(self, part):
        """``(uv, indices)`` of the ``"train"`` or ``"test"`` samples drawn, in drawing order."""
        return self.points.drawn(part)

    def point_items(self) -> list:
        """The scatter items the samples are drawn with (one per class and part)."""
        return list(self.points.items)

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
        elif len(self._classes) == 2 and self.threshold() == 0.5:
            text += " " + self.tr(
                "Background: probability of {name} (white = 0.5); the black line is the "
                "decision boundary."
            ).format(name=class_text(self._classes[1]))
        elif len(self._classes) == 2:
            text += " " + self.tr(
                "Background: probability of {name} (white = 0.5, on the dashed line); the "
                "black line is the decision boundary at the threshold, where P({name}) = "
                "{threshold:.3f}."
            ).format(name=class_text(self._classes[1]), threshold=self.threshold())
        else:
            text += " " + self.tr(
                "Background: the predicted class, paler where the model is less sure; black "
                "lines separate the classes."
            )
        exact = isinstance(self._plane, InputPlane) or self._X_train.shape[1] <= 2
        if self._weights is not None and not exact:
            text += " " + self.tr(
                "The background is a slice through the training mean: it holds every other "
                "direction at the mean, while each sample has its own values there. So a point "
                "can sit on the other colour and still be predicted right — its ring (test) "
                "and the × marks show what the full model predicts for it."
            )
        drawn = self.points.drawn_count
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
        self.map.draw(self._plane, coef, intercept, self._extent, self._rect, self.threshold())
        # The points' own predictions move their rings: at most three times a second
        # while training runs (each moves every ring), at once otherwise.
        running = self._session is not None and self._session.state is RunState.RUNNING
        if not (running and self._predictions_timer.isActive()):
            self._predictions_timer.start(300 if running else 0)

    def _draw_predictions(self):
        if self._weights is None or self._X_train is None:
            self.points.clear_predictions()
        else:
            self.points.predict(*self._weights, self.threshold())

    def predicted_outlines(self):
        """``(test indices ringed, class index of their ring's colour)``, as drawn."""
        return self.points.predicted_outlines()

    def clear_weights(self) -> None:
        """Remove the probability map and boundary (no model yet); the samples stay."""
        self._weights = None
        self.map.clear()
        self.points.clear_predictions()
        self._describe()

    # ------------------------------------------------------------------------ selection
    def select_test_sample(self, index) -> None:
        """Ring test sample ``index`` (the one shown in the prediction panel) and name it in
        the status line; None clears."""
        if index is None or self._X_test is None or not 0 <= int(index) < len(self._X_test):
            self._selected = None
        else:
            self._selected = int(index)
            name = class_text(self._classes[self._y_test[self._selected]])
            if self.painter.active:  # what a click does now matters more
                text = self.tr(
                    "Test sample {index} ({name}) is ringed. Painting: click to add a training "
                    "point, drag one to move it, right-click one to delete it."
                )
            else:
                text = self.tr(
                    "Test sample {index} ({name}) is ringed and shown in the prediction panel. "
                    "Click another hollow point to choose it."
                )
            self.status.setText(text.format(index=self._selected, name=name))
        self._draw_ring()

    # ------------------------------------------------------------------------- session
    def bind(self, session) -> None:
        """Follow ``session``: its data, the weights it shows, the sample it selects."""
        self._session = session
        session.dataChanged.connect(self._on_data)
        session.shownChanged.connect(self._on_shown)
        session.selectionChanged.connect(self.select_test_sample)
        session.thresholdChanged.connect(self._on_threshold)
        session.paintChanged.connect(self._show_paint_state)

    def threshold(self) -> float:
        """The decision threshold drawn (two classes: the line where P(1) equals it)."""
        return 0.5 if self._session is None else self._session.threshold

    def boundary_lines(self):
        """``(decision line, line of P = 0.5)`` as drawn, as (u, v) points in pairs."""
        return self.map.boundary_lines()

    @Slot(float)
    def _on_threshold(self, _threshold):
        self._describe()
        if self._weights is not None:
            self.when_shown(self._draw_shown)

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
        self._grow_extent = getattr(s.data_settings, "source", None) == PAINTED
        self.set_data(
            split.X_train,
            s.y_train,
            split.X_test,
            s.y_test,
            split.feature_names,
            s.classes,
            split.preprocessing,
        )
        self.select_test_sample(s.selected)
        if self.painter.active:
            self.status.setText(self._paint_hint())

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

    def _on_point_clicked(self, part, index):
        if part == "test":
            if self._session is not None:
                self._session.select_sample(index)  # comes back through selectionChanged
            else:
                self.select_test_sample(index)
            return
        if self.painter.active:
            self.status.setText(
                self.tr(
                    "Training sample {index} ({name}): drag it to move it, right-click it to "
                    "delete it."
                ).format(index=index, name=class_text(self._classes[self._y_train[index]]))
            )
            return
        self.status.setText(
            self.tr(
                "Training sample {index} ({name}): the model learnt from it. Click a hollow test "
                "sample to see a prediction explained."
            ).format(index=index, name=class_text(self._classes[self._y_train[index]]))
        )

    def _tip(self, part, index):
        if part == "train":
            return self.tr("training sample {index}: {name}").format(
                index=index, name=class_text(self._classes[self._y_train[index]])
            )
        return self.tr("test sample {index}: {name} — click to explain").format(
            index=index, name=class_text(self._classes[self._y_test[index]])
        )

    # ------------------------------------------------------------------------- painting
    def can_paint(self) -> bool:
        """True when the data shown have two numeric columns, whose plane points are
        painted on."""
        return self._input_plane is not None

    def _request(self, kind, **values):
        if self._session is not None:
            self._session.request_paint(kind, **values)

    @Slot(bool)
    def _on_paint_mode(self, on=None):
        self._request("mode", on=self.paint_mode.isChecked() if on is None else on)
        self._show_paint_state()  # as the session has it: turning on may have been refused

    def _fill_paint_classes(self):
        chosen = self.paint_class.currentText()
        self.paint_class.blockSignals(True)
        self.paint_class.clear()
        for i, (name, color) in enumerate(zip(self._classes, self._colors)):
            swatch = QPixmap(12, 12)
            swatch.fill(color)
            self.paint_class.addItem(QIcon(swatch), class_text(name), i)
        index = self.paint_class.findText(chosen)
        self.paint_class.setCurrentIndex(max(index, 0))
        self.paint_class.blockSignals(False)

    @Slot()
    def _show_paint_state(self):
        """The painting row as the session says: shown on data of two numeric columns,
        Paint pressed while painting, Undo and Redo when there is something to undo, redo."""
        session = self._session
        painting = session is not None and session.painting
        two = self.can_paint()
        self.paint_mode.blockSignals(True)
        self.paint_mode.setChecked(painting)
        self.paint_mode.blockSignals(False)
        for widget in (self.paint_mode, self.paint_clear, self.paint_export):
            widget.setVisible(two)
        for widget in (self.paint_class, self.paint_undo, self.paint_redo):
            widget.setVisible(two and painting)
        self.paint_undo.setEnabled(painting and session.can_undo)
        self.paint_redo.setEnabled(painting and session.can_redo)
        active = painting and two and isinstance(self._plane, InputPlane)
        if active and not self.painter.active:
            self.status.setText(self._paint_hint())
        if not active:
            self.painter.cancel()
        self.painter.active = active

    def _paint_hint(self):
        return self.tr(
            "Painting training points: click the plot to add one of the class chosen, drag one "
            "to move it, right-click one to delete it. Hollow test points are never painted."
        )

    def painting(self) -> bool:
        """True while the mouse paints on the plot."""
        return self.painter.active

    def paint_class_label(self):
        """The class a click adds (a label of the session's classes), or None."""
        index = self.paint_class.currentData()
        if index is None or self._session is None or index >= len(self._session.classes):
            return None
        label = self._session.classes[int(index)]
        return label.item() if hasattr(label, "item") else label

    def paint_at(self, u, v) -> None:
        """Ask for a training point of the class chosen at ``(u, v)`` (what a click on the
        plot does while painting)."""
        self._request("add", position=(float(u), float(v)), label=self.paint_class_label())

    def move_training_point(self, index, u, v) -> None:
        """Ask for training point ``index`` to move to ``(u, v)`` (a drag's end)."""
        self._request("move", index=int(index), position=(float(u), float(v)))

    def delete_training_point(self, index) -> None:
        """Ask for training point ``index`` to go (a right-click on it)."""
        self._request("remove", index=int(index))

    def training_point_at(self, u, v):
        """The index of the training point drawn nearest to ``(u, v)`` within a few pixels
        of it, or None."""
        uv, index = self.points.train_uv, self.points.train_pick
        if not len(index):
            return None
        dx, dy = self.plot.getViewBox().viewPixelSize()
        pixels = np.hypot((uv[:, 0] - u) / dx, (uv[:, 1] - v) / dy)
        nearest = int(np.argmin(pixels))
        return int(index[nearest]) if pixels[nearest] <= PICK_PIXELS else None

    def dragged_point(self):
        """The index of the training point being dragged, or None."""
        return self.painter.dragged

    def _look(self, index):
        """``(brush, pen, symbol)`` of a training point being dragged."""
        k = int(self._y_train[int(index)])
        color = self._colors[k]
        return (
            pg.mkBrush(color),
            pg.mkPen("k", width=1.5, style=Qt.DashLine),
            class_symbols(len(self._colors))[k],
        )
