"""The weights view: a horizontal bar per coefficient, labelled with its feature, and the
intercept, updated live while the model trains."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QColor, QFontMetrics
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from ..style.i18n import QT_TRANSLATE_NOOP, translate
from ..style.palette import TEXT, class_colors, class_text, style_plot
from ..widgets import ComboBox, DrawnWhenShown

__all__ = ["WeightsView"]

#: Vertical room per bar row, in pixels, so that 30 feature names stay readable.
ROW_PIXELS = 16
INTERCEPT_LABEL = QT_TRANSLATE_NOOP("WeightsView", "intercept b")
#: With more classes than this, one class's weights are shown at a time.
MAX_SERIES = 8


class WeightsView(DrawnWhenShown, QWidget):
    """Bar chart of the model's weights: one row per feature plus the intercept at the top.

    For two classes one series, the weights ``w`` of the log-odds of the second class; for
    ``K > 2`` classes one series (colour) per class, ``z_c = w_c·x + b_c``. The intercept bar
    is paler and set apart by a dashed line, because it multiplies no feature.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("weightsView")
        self.setAccessibleName("weightsView")
        self._names: tuple[str, ...] = ()
        self._classes: tuple[str, ...] = ()
        self._bars: list[pg.BarGraphItem] = []
        self._legend_samples = []
        self._shown = False
        self._session = None
        self._limit = 0.0

        self.graphics = pg.GraphicsLayoutWidget()
        self.graphics.setObjectName("weightsPlot")
        self.graphics.setAccessibleName("weightsPlot")
        self.graphics.setBackground("w")
        self.graphics.setToolTip(
            self.tr(
                "Each bar is a weight w_i: the score z = w·x + b changes by w_i when feature i "
                "grows by one unit (one standard deviation when the data are standardised). The "
                "pale bar at the top is the intercept b."
            )
        )
        self.legend = None  # made by set_names, which knows the classes
        self.plot = self.graphics.addPlot(row=1, col=0)
        self.plot.setMenuEnabled(True)  # right-click: the view menu and Export…
        self.plot.getViewBox().invertY(True)  # the first feature at the top, as in a table
        self.plot.getViewBox().setMouseEnabled(x=True, y=False)
        self.plot.showGrid(x=True, y=False, alpha=0.2)
        self.plot.setLabel("bottom", self.tr("weight"), color=TEXT)
        self.plot.showAxis("top")  # the scale stays in sight when a long list is scrolled
        style_plot(self.plot)
        # Every feature name must show: pyqtgraph otherwise drops tick labels once they fill
        # 80 % of the axis, which 30 names at ROW_PIXELS each do.
        self.plot.getAxis("left").setStyle(textFillLimits=[(0, 1.0)], hideOverlappingLabels=False)
        self.plot.addItem(pg.InfiniteLine(pos=0.0, angle=90, pen=pg.mkPen(TEXT, width=1)))
        self.separator = pg.InfiniteLine(
            pos=0.5, angle=0, pen=pg.mkPen("#777", width=1, style=Qt.DashLine)
        )
        self.plot.addItem(self.separator)

        scroll = QScrollArea()
        scroll.setObjectName("weightsScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.NoFrame)
        scroll.setWidget(self.graphics)
        self.class_input = ComboBox()
        self.class_input.setObjectName("weightsClassInput")
        self.class_input.setAccessibleName("weightsClassInput")
        self.class_input.setToolTip(
            self.tr("The class whose weights are shown (there are many classes).")
        )
        self.class_input.hide()
        self.class_input.currentIndexChanged.connect(self._on_class_chosen)
        self._last = None
        self._series = []
        self.caption = QLabel(self.tr("No data yet."))
        self.caption.setObjectName("weightsCaption")
        self.caption.setAccessibleName("weightsCaption")
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.class_input)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.caption)

    def set_names(self, feature_names, classes) -> None:
        """Label the rows with ``feature_names`` and make one series per weight vector.

        Parameters
        ----------
        feature_names : sequence of d str
        classes : sequence of the model's class labels; two classes give one series (the
            weights of the second class's log-odds), ``K > 2`` give K series.
        """
        self._names = tuple(str(n) for n in feature_names)
        self._classes = tuple(str(c) for c in classes)
        for bar in self._bars:
            self.plot.removeItem(bar)
        self._bars, self._legend_samples = [], []
        self._signs = None

        d = len(self._names)
        colors = class_colors(len(self._classes))
        self._colors = colors
        many = len(self._classes) > MAX_SERIES
        self.class_input.blockSignals(True)
        self.class_input.clear()
        self.class_input.addItems([class_text(c) for c in self._classes])
        self.class_input.blockSignals(False)
        self.class_input.setVisible(many)
        self._series = list(range(len(self._classes)))
        if len(self._classes) == 2:
            label = self.tr("weights for {name}").format(name=class_text(self._classes[1]))
            series = [(label, colors[1])]
            self._series = [0]
        elif many:
            # One class at a time: hundreds of bar series would be unreadable and slow.
            chosen = max(self.class_input.currentIndex(), 0)
            series = [(class_text(self._classes[chosen]), colors[chosen])]
            self._series = [chosen]
        else:
            series = [(class_text(c), color) for c, color in zip(self._classes, colors)]
        k = len(series)
        height = 0.8 / k
        # A fresh legend each time: pyqtgraph's LegendItem misplaces entries added after clear().
        if self.legend is not None:
            self.graphics.removeItem(self.legend)
        self.legend = pg.LegendItem(
            offset=None, labelTextColor=TEXT, labelTextSize="9pt", colCount=min(k, 4)
        )
        self.graphics.addItem(self.legend, row=0, col=0)
        rows = np.arange(d + 1, dtype=float)  # row 0 is the intercept
        # Bars are made once per set of names; training only changes their widths.
        for s, (label, color) in enumerate(series):
            pale = QColor(color)
            pale.setAlpha(90)
            bar = pg.BarGraphItem(
                x0=np.zeros(d + 1),
                y=rows - 0.4 + height * (s + 0.5),
                height=height,
                width=np.zeros(d + 1),
                pen=pg.mkPen(QColor(color).darker(150), width=1),
                brushes=[pg.mkBrush(pale)] + [pg.mkBrush(color)] * d,
            )
            self.plot.addItem(bar)
            self._bars.append(bar)
            sample = pg.BarGraphItem(
                x=[0],
                height=[1],
                width=1,
                brush=pg.mkBrush(color),
                pen=pg.mkPen(QColor(color).darker(150)),
            )
            self._legend_samples.append(sample)
            if len(self._classes) == 2:
                # As the contributions: a bar in the colour of the class it pushes towards.
                for name, pushed in ((self._classes[1], colors[1]), (self._classes[0], colors[0])):
                    sample = pg.BarGraphItem(
                        x=[0], height=[1], width=1, brush=pg.mkBrush(pushed), pen=None
                    )
                    self._legend_samples.append(sample)
                    self.legend.addItem(
                        sample,
                        self.tr("towards {name}").format(name=class_text(name)),
                    )
            else:
                self.legend.addItem(sample, label)

        ticks = [(float(row), text) for row, text in enumerate(self.row_labels())]
        left = self.plot.getAxis("left")
        left.setTicks([ticks, []])
        # Size the axis for the longest name now: pyqtgraph would widen it only after a first
        # paint, skipping the labels that do not fit until then.
        metrics = QFontMetrics(
            left.font() if left.style.get("tickFont") is None else left.style["tickFont"]
        )
        left.setWidth(max(metrics.horizontalAdvance(text) for _, text in ticks) + 16)
        self.plot.setYRange(-0.5, d + 0.5, padding=0.0)
        legend_rows = -(-k // 4)
        self.graphics.setMinimumHeight(60 + 22 * legend_rows + ROW_PIXELS * (d + 1))
        if k == 1:
            self.caption.setText(
                self.tr(
                    "Log-odds of {second}: z = w·x + b. A positive weight pushes towards "
                    "{second}, a negative one towards {first}."
                ).format(second=class_text(self._classes[1]), first=class_text(self._classes[0]))
            )
        else:
            self.caption.setText(
                self.tr(
                    "One score per class: z_c = w_c·x + b_c; softmax turns the scores into "
                    "probabilities. A class wins where its weights agree most with the sample."
                )
            )
        self._caption = self.caption.text()
        self.clear_weights()

    def _on_class_chosen(self, _index):
        if len(self._classes) > MAX_SERIES:
            last = self._last
            self.set_names(self._names, self._classes)
            if last is not None:
                self.set_weights(*last)

    def bind(self, session) -> None:
        """Follow ``session``: its feature names and classes, and the weights it shows."""
        self._session = session
        session.dataChanged.connect(self._on_data)
        session.shownChanged.connect(self._on_shown)

    def _on_data(self):
        split = self._session.data
        self.set_names(split.feature_names, self._session.classes)

    def refresh(self) -> None:
        """Draw what the session shows now, even while hidden (for an export)."""
        self.draw_pending()

    @Slot()
    def _on_shown(self):
        self.when_shown(self._draw_shown)

    def _draw_shown(self):
        shown = self._session.shown()
        if shown is None:
            self.clear_weights()
        else:
            self.set_weights(shown[1], shown[2])

    def _colour_by_sign(self, values):
        """Two classes: each bar in the colour of the class it pushes towards (positive:
        the second class, negative: the first), as the contributions; brushes change only
        when a sign does."""
        signs = values >= 0
        if self._signs is not None and np.array_equal(signs, self._signs):
            return
        self._signs = signs
        brushes = []
        for i, positive in enumerate(signs):
            color = QColor(self._colors[1 if positive else 0])
            if i == 0:  # the intercept, paler
                color.setAlpha(90)
            brushes.append(pg.mkBrush(color))
        pens = [pg.mkPen(QColor(self._colors[1 if p else 0]).darker(150)) for p in signs]
        self._bars[0].setOpts(brushes=brushes, pens=pens)

    def set_weights(self, coef, intercept) -> None:
        """Show weights ``coef`` (k, d) and ``intercept`` (k,); cheap enough for live updates.

        Weights that do not fit the names shown (left over from an earlier run) clear the
        chart instead.
        """
        coef = np.asarray(coef, dtype=float)
        intercept = np.asarray(intercept, dtype=float).reshape(-1)
        if coef.shape != (len(self._bars), len(self._names)) or intercept.shape != (
            len(self._bars),
        ):
            self.clear_weights()
            self.caption.setText(self.tr("These weights do not fit the features shown."))
            return
        if len(self._classes) > 2:
            coef, intercept = coef[self._series], intercept[self._series]
        for bar, w, b in zip(self._bars, coef, intercept):
            bar.setOpts(width=np.concatenate([[b], w]))
        if len(self._classes) == 2:
            self._colour_by_sign(np.concatenate([intercept, coef[0]]))
        if not self._shown:
            for bar in self._bars:
                bar.setVisible(True)
            self.caption.setText(self._caption)
            self._shown = True
        # A range that changes only when the bars outgrow it or shrink well inside it: the
        # axes are not laid out again on every live update, and the bars do not jump.
        shown = np.concatenate([coef.ravel(), intercept.ravel()]) if len(coef) else np.zeros(1)
        limit = max(float(np.abs(shown).max()), 1e-9)
        if not (0.5 * self._limit <= limit <= self._limit):
            self._limit = 1.25 * limit
            self.plot.setXRange(-self._limit, self._limit, padding=0)

    def clear_weights(self) -> None:
        """Show no weights (before training); the feature names stay."""
        for bar in self._bars:
            bar.setOpts(width=np.zeros(len(self._names) + 1))
            bar.setVisible(False)
        self._shown = False
        if self._names:
            self.caption.setText(self.tr("No weights yet: train the model to see them."))
        self._limit = 0.0
        self.plot.setXRange(-1.0, 1.0)

    def bars(self) -> list:
        """The bar items drawn: one per class shown (a single one for two classes)."""
        return list(self._bars)

    def row_labels(self) -> list[str]:
        """The labels of the rows, top down as drawn: the intercept, then every feature."""
        return [translate("WeightsView", INTERCEPT_LABEL), *self._names]

    def shown_weights(self) -> tuple[np.ndarray, np.ndarray]:
        """The numbers behind the bars: ``(coef (k, d), intercept (k,))``.

        Read back from the bar items themselves, so they are what a person sees; arrays of
        shape ``(0, d)`` and ``(0,)`` while no weights are shown.
        """
        d = len(self._names)
        if not self._shown:
            return np.empty((0, d)), np.empty(0)
        widths = np.array([np.asarray(bar.opts["width"], dtype=float) for bar in self._bars])
        return widths[:, 1:], widths[:, 0]
