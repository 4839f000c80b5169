"""The loss landscape: the training objective over two chosen parameters, every other one
held at the epoch shown, with the path gradient descent took and where it is now. Click a
point to start a new run from there (as in Orange's Gradient Descent widget)."""

from __future__ import annotations

import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ...core.errors import in_words
from ...core.model.penalty import penalty_of
from ..session import RunState
from ..style.legend_place import place_legend
from ..style.palette import TEXT, TRAIN, compared_color, style_plot
from ..widgets import ComboBox, DrawnWhenShown, FittingRow, WrappedLabel, named

__all__ = ["LandscapeView"]

#: Grid points per axis (odd: the current point is a grid point).
RESOLUTION = 61
#: Points of a path drawn at most (a long run's path is thinned evenly).
MAX_PATH_POINTS = 2000
#: While a run goes on, the slice follows it: a new one is begun this long after a change,
#: or, when making one took longer, REST_PER_WORK times as long as it took. A slice over
#: 100,000 rows takes about a second: restarted at every update of the window, it never
#: finished while training ran, and its work took a core from training; begun again as soon
#: as one is done, training still ran at 0.6× its speed (bench_training_gui.py).
RUNNING_PAUSE_MS = 400
REST_PER_WORK = 3
#: The contour lines: at these quantiles of the slice's values.
LEVEL_QUANTILES = (0.02, 0.05, 0.1, 0.2, 0.35, 0.5, 0.7)


def level_lines(values):
    """The contour lines of a slice ``values`` (rows along the vertical axis) in its image's
    pixel coordinates: ``(x, y)``, NaN between two lines. pyqtgraph's marching squares, as
    its IsocurveItem draws them, but computed in the slice's job: ~30 ms of Python that the
    IsocurveItems spent in the window's thread at their first paint."""
    from pyqtgraph import functions as fn

    pieces = []
    for level in np.quantile(values, LEVEL_QUANTILES):
        for line in fn.isocurve(values.T, float(level), connected=True, extendToEdge=True):
            pieces += [np.asarray(line, dtype=float), np.full((1, 2), np.nan)]
    if not pieces:
        return np.empty(0), np.empty(0)
    points = np.concatenate(pieces)
    return points[:, 0], points[:, 1]


def _pair(label, field) -> QWidget:
    """A label and its field on one row."""
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(label)
    layout.addWidget(field, 1)
    return row


class LandscapeView(DrawnWhenShown, QWidget):
    """Listens to the session; computes its grid off the GUI thread.

    Signals
    -------
    startRequested(object, object) : coef and intercept of a point clicked: a new run from there
    """

    startRequested = Signal(object, object)

    def __init__(self, parent=None):
        super().__init__(parent)
        named(self, "lossLandscape")
        self._session = self._jobs = None
        self._params = None  # (Parameter, Parameter)
        self._chosen = False  # the person chose the pair (else: the two largest |w|)
        self._landscape = None
        self._choices = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._compute)
        self._making = None  # the parameters of the slice being made, while it is
        self._took = 0.0  # seconds the last slice took to make
        self._again = False  # the run moved on while a slice was being made

        self.x_input = named(
            ComboBox(), "landscapeXInput", self.tr("The parameter along the horizontal axis.")
        )
        self.y_input = named(
            ComboBox(), "landscapeYInput", self.tr("The parameter along the vertical axis.")
        )
        for combo in (self.x_input, self.y_input):
            combo.setMinimumContentsLength(12)
            combo.currentIndexChanged.connect(self._on_choice)
        self.graphics = pg.GraphicsLayoutWidget()
        named(self.graphics, "landscapePlot")
        self.graphics.setBackground("w")
        self.graphics.setToolTip(
            self.tr(
                "Colour: the training objective J on this slice (darker is lower). Lines: the "
                "path of the descent, the ring: where it is now. Click anywhere to start a new "
                "run from that point."
            )
        )
        self.plot = self.graphics.addPlot(row=0, col=0)
        style_plot(self.plot)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setZValue(-10)
        self.plot.addItem(self.image)
        self.colormap = pg.colormap.get("viridis")
        self.colorbar = pg.ColorBarItem(
            colorMap=self.colormap, label="J", interactive=False, rounding=1e-6
        )
        self.colorbar.setImageItem(self.image)
        style_plot(self.colorbar)
        self.graphics.addItem(self.colorbar, row=0, col=1)
        self.contours = pg.PlotCurveItem(pen=pg.mkPen("#FFFFFF80"), connect="finite")
        self.contours.setParentItem(self.image)  # drawn in the image's pixels
        self.compared_paths = []
        self.path = self.plot.plot(
            pen=pg.mkPen("w", width=2), symbol="o", symbolSize=3, symbolBrush="w", symbolPen=None
        )
        self.path_shadow = self.plot.plot(pen=pg.mkPen(TRAIN, width=4))
        self.path_shadow.setZValue(self.path.zValue() - 1)
        self.current = pg.ScatterPlotItem(
            size=16, pen=pg.mkPen("#FF3D00", width=3), brush=None, symbol="o"
        )
        self.plot.addItem(self.current)
        self.start_point = pg.ScatterPlotItem(size=9, pen=pg.mkPen("w"), brush="w", symbol="s")
        self.plot.addItem(self.start_point)
        self.legend = self.plot.addLegend(offset=(10, 10), labelTextColor=TEXT, brush="#FFFFFFC0")
        self.legend.setProperty("placedByView", True)
        self.legend_corner = None  # where place_legend put it: the corner the paths leave
        self._place_later = QTimer(self, singleShot=True, interval=0)  # once laid out
        self._place_later.timeout.connect(self.place_legend)
        self.caption = named(
            WrappedLabel(self.tr("No run yet: press Train or Step.")), "landscapeCaption"
        )
        self.caption.setWordWrap(True)
        self.axes = FittingRow(
            _pair(QLabel(self.tr("horizontal")), self.x_input),
            _pair(QLabel(self.tr("vertical")), self.y_input),
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.axes)
        layout.addWidget(self.graphics, 1)
        layout.addWidget(self.caption)
        self.graphics.scene().sigMouseClicked.connect(self._on_click)

    def fit_to_width(self, width) -> None:
        """The two axis choices side by side, or one under the other with less room."""
        self.axes.fit_to_width(width - 8)

    # Session --------------------------------------------------------------------------------
    def bind(self, session, jobs) -> None:
        self._session, self._jobs = session, jobs
        session.dataChanged.connect(self._on_data)
        session.runStarted.connect(self._on_run)
        for signal in (session.shownChanged, session.runsChanged, session.racersProgressed):
            signal.connect(self._request)
        session.optimumChanged.connect(self._on_optimum)

    def _on_data(self):
        from ...core.analysis.landscape import parameter_choices

        session = self._session
        k = 1 if session.n_classes == 2 else session.n_classes
        d = len(session.data.feature_names)
        self._choices = parameter_choices(k, d)
        names = [p.name(session.data.feature_names, list(session.classes)) for p in self._choices]
        for combo in (self.x_input, self.y_input):
            combo.blockSignals(True)
            combo.clear()
            combo.addItems(names)
            combo.blockSignals(False)
        self._params, self._chosen, self._landscape = None, False, None
        self._making = None  # a slice of other data is never waited for
        self._clear()

    def _on_optimum(self):
        """The weights that end up mattering pick the default pair (the two largest |w|
        at the optimum), once per data, unless the person chose."""
        optimum = self._session.optimum
        if self._chosen or optimum is None or optimum.coef is None or self._params is not None:
            return
        from ...core.analysis.landscape import default_parameters

        self._set_params(default_parameters(optimum.coef, optimum.intercept))
        self._request()

    def _on_run(self):
        self._landscape, self._making = None, None  # nor one of another run
        self._request()

    def _set_params(self, params):
        self._params = params
        for combo, p in zip((self.x_input, self.y_input), params):
            combo.blockSignals(True)
            combo.setCurrentIndex(self._choices.index(p))
            combo.blockSignals(False)

    def _on_choice(self, _index):
        if not self._choices:
            return
        p = self._choices[max(self.x_input.currentIndex(), 0)]
        q = self._choices[max(self.y_input.currentIndex(), 0)]
        if p == q:
            self.caption.setText(self.tr("Choose two different parameters."))
            return
        self._params, self._chosen, self._landscape = (p, q), True, None
        self._request()

    @Slot()
    def _request(self, *_):
        if self._session is not None and self._session.run is not None:
            if self._landscape is None:  # never "No run yet" while a run's slice is made
                self.caption.setText(
                    self.tr("Computing the loss over two weights around the run's weights…")
                )
            self.when_shown(self._schedule)

    def _schedule(self):
        running = self._session.state is RunState.RUNNING
        if not self._timer.isActive():
            pause = max(RUNNING_PAUSE_MS, round(REST_PER_WORK * self._took * 1000))
            self._timer.start(pause if running else 0)

    def refresh(self) -> None:
        """Draw now (for an export)."""
        self._compute(now=True)

    def _compute(self, now=False):
        from ...core.analysis.landscape import compute_landscape, default_parameters, path_of

        session = self._session
        shown = session.shown()
        if shown is None or session.data is None:
            self._clear()
            return
        epoch, coef, intercept = shown
        if self._params is None:
            self._set_params(default_parameters(coef, intercept))
        params = self._params
        making = self._making == params and self._jobs.pending("landscape")
        if making and not now and session.state is RunState.RUNNING:
            self._again = True  # the slice being made is finished first, then the next
            return
        paths = {}
        for key, run in [("current", session.run), *session.visible_runs()]:
            if run.weights is not None and run.weights.shape[0] == coef.shape[0]:
                epochs, weights = run.weights.path()
                if key == "current":
                    weights = weights[epochs <= epoch]
                if len(weights) > MAX_PATH_POINTS:
                    weights = weights[np.linspace(0, len(weights) - 1, MAX_PATH_POINTS).astype(int)]
                paths[key] = path_of(weights, params)
        extent = np.concatenate(list(paths.values())) if paths else None
        data, y = session.data, session.y_train
        penalty = penalty_of(session.run.settings)
        class_weights = session.class_weights_of(session.run.settings)
        stale = self._landscape is not None and self._landscape.params != params

        def work(cancel):
            landscape = compute_landscape(
                data.X_train, y, coef, intercept, penalty.l2, params,
                extent_points=extent, resolution=RESOLUTION, cancel=cancel, l1=penalty.l1,
                class_weights=class_weights,
            )  # fmt: skip
            return landscape, level_lines(landscape.values)

        if stale:
            self._landscape = None
        self._making, self._again = params, False
        began = time.monotonic()
        self._jobs.submit(
            "landscape",
            work,
            on_result=lambda result: self._made(began, self._draw, *result, paths, epoch),
            on_error=lambda error: self._made(began, self._failed, error),
        )

    def _made(self, began, then, *args):
        """A slice begun at ``began`` (time.monotonic) was made, or could not be: show it,
        and follow the run if it moved on."""
        self._took, self._making = time.monotonic() - began, None
        then(*args)
        if self._again:
            self._again = False
            self._request()

    def _failed(self, error):
        self._clear()
        self.caption.setText(
            self.tr("The loss landscape could not be computed: {reason}").format(
                reason=in_words(error)
            )
        )

    # Drawing --------------------------------------------------------------------------------
    def _clear(self):
        self.image.clear()
        for item in (self.path, self.path_shadow):
            item.setData([], [])
        self.current.setData([])
        self.start_point.setData([])
        self.contours.setData([], [])
        for item in self.compared_paths:
            self.plot.removeItem(item)
        self.compared_paths = []

    def place_legend(self) -> None:
        """Move the legend of the paths to the corner the paths and the start leave most
        free (it covered the start square in the top left)."""
        if self.legend.isVisible():
            self.legend_corner = place_legend(self.plot, self.legend, self.legend_corner)

    def _draw(self, landscape, lines, paths, epoch):
        session = self._session
        self._landscape = landscape
        a, b, values = landscape.a, landscape.b, landscape.values
        self.image.setImage(values, autoLevels=False)
        low, high = float(values.min()), float(np.percentile(values, 95))
        self.colorbar.setLevels((low, max(high, low + 1e-12)))
        da, db = a[1] - a[0], b[1] - b[0]
        self.image.setRect(a[0] - da / 2, b[0] - db / 2, da * len(a), db * len(b))
        self.contours.setData(*lines)
        for item in self.compared_paths:
            self.plot.removeItem(item)
        self.compared_paths = []
        self.legend.clear()
        for i, run in session.visible_runs():
            if i in paths:
                item = self.plot.plot(*paths[i].T, pen=pg.mkPen(compared_color(i), width=2))
                self.compared_paths.append(item)
                self.legend.addItem(item, run.label)
        if self.compared_paths:
            self.legend.addItem(
                self.path_shadow, self.tr("{run} (current)").format(run=session.run.label)
            )
        # An empty legend would still draw its background: a stray square on the plot.
        self.legend.setVisible(bool(self.compared_paths))
        if self.compared_paths:
            self._place_later.start()
        current = paths.get("current")
        if current is not None and len(current):
            self.path.setData(*current.T)
            self.path_shadow.setData(*current.T)
            self.start_point.setData([current[0, 0]], [current[0, 1]])
        self.current.setData([landscape.center[0]], [landscape.center[1]])
        names = session.data.feature_names
        labels = list(session.classes)
        p, q = landscape.params
        self.plot.setLabel("bottom", p.name(names, labels), color=TEXT)
        self.plot.setLabel("left", q.name(names, labels), color=TEXT)
        self.plot.setRange(xRange=(a[0], a[-1]), yRange=(b[0], b[-1]), padding=0)
        from ...core.analysis.landscape import describe

        latest = session.shown_epoch is None and session.state == RunState.RUNNING
        self.caption.setText(
            describe(landscape, names, labels, epoch=None if latest else epoch)
            + " "
            + self.tr(
                "The square marks where the run started, the ring where it is; click to "
                "start a new run from another point."
            )
        )

    def landscape(self):
        """The landscape drawn (a :class:`~logreg_gui.core.analysis.landscape.Landscape`), or
        None while none is."""
        return self._landscape

    def value_at_center(self) -> float | None:
        """The landscape's value at the current point (the middle of the grid)."""
        if self._landscape is None:
            return None
        values = self._landscape.values
        return float(values[values.shape[0] // 2, values.shape[1] // 2])

    # Click ----------------------------------------------------------------------------------
    def _on_click(self, event):
        if self._landscape is None or not self.plot.sceneBoundingRect().contains(event.scenePos()):
            return
        point = self.plot.getViewBox().mapSceneToView(event.scenePos())
        self.start_from(point.x(), point.y())

    def start_from(self, a, b) -> None:
        """Ask for a new run from the weights shown with the two parameters set to ``a``
        and ``b``."""
        landscape = self._landscape
        coef, intercept = landscape.coef.copy(), landscape.intercept.copy()
        d = coef.shape[1]
        for p, value in zip(landscape.params, (a, b)):
            if p.is_intercept(d):
                intercept[p.row] = value
            else:
                coef[p.row, p.column] = value
        self.startRequested.emit(coef, intercept)
