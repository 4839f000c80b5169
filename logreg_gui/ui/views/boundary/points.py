"""The samples on the boundary view's plane: training samples filled, test samples hollow,
both coloured and shaped by their true class; around each test sample a ring in the colour of
the class the full model predicts for it, and a cross on every sample drawn that it gets
wrong."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsItem

from ....core.analysis.threshold import predicted_at
from ....core.model.objective import decision_scores
from ...style.palette import NEUTRAL, WRONG, class_symbols

__all__ = ["MAX_CLASS_ITEMS", "MAX_POINTS", "SamplePoints"]

#: At most this many samples are drawn (a random sample within each class beyond it).
MAX_POINTS = 10_000
#: Up to this many classes, each class and part is one scatter item.
MAX_CLASS_ITEMS = 10


class SamplePoints:
    """The samples drawn on ``plot`` (a PlotItem), as a few scatter items made when the
    samples or the plane change and only moved afterwards.

    ``on_clicked(part, index)`` is called when a point of ``"train"`` or ``"test"`` is
    clicked; ``tip(part, index)`` gives its hover text.
    """

    def __init__(self, plot, on_clicked, tip):
        self.plot = plot
        self._on_clicked, self._tip = on_clicked, tip
        self.items = []  # scatter items of the points: per class and part
        self.rings = []  # per predicted class: rings around the test points it is given
        self.train_pick = self.test_pick = np.array([], dtype=int)  # the samples drawn
        self.train_uv = self.test_uv = np.empty((0, 2))
        self._X = self._y = (None, None)
        self._colors = []
        self._predicted = None  # the predictions drawn (train, test), while they stand
        # Samples the full model gets wrong (it sees every feature, the plane only two).
        self.wrong_marks = pg.ScatterPlotItem(
            size=7, symbol="x", pen=pg.mkPen(WRONG, width=1.5), brush=pg.mkBrush(WRONG)
        )
        self.wrong_marks.setZValue(13)
        plot.addItem(self.wrong_marks)

    def set_samples(self, X_train, y_train, X_test, y_test, colors) -> None:
        """New samples (``y`` as class indices) in the class ``colors``; which are drawn is
        chosen now."""
        self._X, self._y = (X_train, X_test), (y_train, y_test)
        self._colors = list(colors)
        self.train_pick, self.test_pick = self._sample()
        self._predicted = None

    @property
    def drawn_count(self) -> int:
        """How many samples are drawn."""
        return len(self.train_pick) + len(self.test_pick)

    def _sample(self):
        """The training and test samples drawn: all of them up to ``MAX_POINTS``, else each
        sample kept with the same chance (every class keeps its share), and at least one of
        every class."""
        y_train, y_test = self._y
        n_train, n_test = len(y_train), len(y_test)
        if n_train + n_test <= MAX_POINTS:
            return np.arange(n_train), np.arange(n_test)
        rng = np.random.default_rng(0)
        share = MAX_POINTS / (n_train + n_test)
        picks = []
        for y in (y_train, y_test):
            keep = rng.random(len(y)) < share
            missing = np.setdiff1d(np.arange(len(self._colors)), y[keep])
            for k in missing:  # a rare class must still show
                members = np.flatnonzero(y == k)
                if len(members):
                    keep[members[0]] = True
            picks.append(np.flatnonzero(keep))
        return picks[0], picks[1]

    def place(self, train_uv, test_uv) -> None:
        """Draw the samples at their places on the plane (``uv`` of the samples drawn).

        One scatter item per class and part (a few items, each drawn in one go); with many
        classes one item per part, coloured point by point, over the bounded sample."""
        self.train_uv, self.test_uv = train_uv, test_uv
        self._predicted = None
        for item in self.items + self.rings:
            self.plot.removeItem(item)
        self.items, self.rings = [], []
        k = len(self._colors)
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
            self.rings.append(ring)
        (y_train, y_test) = self._y
        parts = (
            ("train", train_uv, y_train[self.train_pick], self.train_pick),
            ("test", test_uv, y_test[self.test_pick], self.test_pick),
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
                    tip=lambda x, y, data, part=part: self._tip(part, int(data)),
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
                item.sigClicked.connect(
                    lambda _item, points, _event=None, part=part: self._clicked(part, points)
                )
                self.plot.addItem(item)
                self.items.append(item)

    def _clicked(self, part, points):
        if len(points):
            self._on_clicked(part, int(points[0].data()))

    def drawn(self, part):
        """``(uv, indices)`` of the ``"train"`` or ``"test"`` samples drawn, in drawing order."""
        items = [i for i in self.items if i.zValue() == (11 if part == "test" else 10)]
        if not items:
            return np.empty((0, 2)), np.empty(0, dtype=int)
        uv = np.vstack([np.column_stack(item.getData()) for item in items])
        index = np.concatenate([item.data["data"] for item in items]).astype(int)
        return uv, index

    def predict(self, coef, intercept, threshold=0.5) -> None:
        """Ring each test point drawn in the colour of the class the full model (weights
        ``coef``, ``intercept``; two classes at decision ``threshold``) predicts for it, and
        cross out every sample drawn that it gets wrong."""
        (X_train, X_test), (y_train, y_test) = self._X, self._y
        predicted = [
            predicted_at(decision_scores(X[pick], coef, intercept), threshold)
            for X, pick in ((X_train, self.train_pick), (X_test, self.test_pick))
        ]
        drawn = self._predicted
        if drawn is not None and all(map(np.array_equal, drawn, predicted)):
            # Late in a run few predictions change: the thousands of rings and crosses are
            # then left as they are (setting them again cost ~20 ms of the window's time).
            return
        self._predicted = predicted
        test = predicted[1]
        if len(self.rings) == len(self._colors):
            for k, ring in enumerate(self.rings):
                mask = test == k
                ring.setData(pos=self.test_uv[mask], data=self.test_pick[mask])
        elif self.rings:  # very many classes: one item, coloured point by point
            pens = [pg.mkPen(color, width=2) for color in self._colors]
            self.rings[0].setData(
                pos=self.test_uv, data=self.test_pick, pen=[pens[int(c)] for c in test]
            )
        wrong = [
            uv[predicted_k != y[pick]]
            for uv, predicted_k, y, pick in (
                (self.train_uv, predicted[0], y_train, self.train_pick),
                (self.test_uv, predicted[1], y_test, self.test_pick),
            )
        ]
        self.wrong_marks.setData(pos=np.vstack(wrong))

    def clear_predictions(self) -> None:
        """No model: no rings, no crosses."""
        self._predicted = None
        self.wrong_marks.setData([])
        for ring in self.rings:
            ring.setData([])

    def predicted_outlines(self):
        """``(test indices ringed, class index of their ring's colour)``, as drawn."""
        index, outline = [], []
        colors = [QColor(c).rgb() for c in self._colors]
        for k, ring in enumerate(self.rings):
            drawn = ring.data["data"].astype(int)
            index.append(drawn)
            if len(self.rings) == len(self._colors):
                outline.append(np.full(len(drawn), k))
            else:
                outline.append(
                    np.array([colors.index(p.pen().color().rgb()) for p in ring.points()], int)
                )
        if not index:
            return np.array([], int), np.array([], int)
        return np.concatenate(index), np.concatenate(outline)
