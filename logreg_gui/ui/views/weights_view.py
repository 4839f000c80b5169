"""The weights view: a horizontal bar per coefficient, labelled with its feature, and the
intercept, updated live while the model trains — as the model has them (per standard
deviation of a standardised feature) or in the data's own units, each read out in words with
the factor e^w it multiplies the odds by, and a note naming the features whose weights share
one effect because they move together."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, Qt, Slot
from PySide6.QtGui import QColor, QFontMetrics
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...core.analysis.readable import (
    correlated_pairs,
    correlation_note,
    describe_features,
    in_own_units,
    intercept_sentence,
    odds_ratios,
    own_intercept_sentence,
    softmax_odds_note,
    weight_sentences,
)
from ..style.i18n import QT_TRANSLATE_NOOP, translate
from ..style.palette import TEXT, class_colors, class_text, style_plot
from ..widgets import ComboBox, DrawnWhenShown, RowsTall, WrappedLabel, named

__all__ = ["WeightsView"]

INTERCEPT_LABEL = QT_TRANSLATE_NOOP("WeightsView", "bias b")
#: With more classes than this, one class's weights are shown at a time.
MAX_SERIES = 8
#: The weights as the model has them (of standardised features), or in the data's own units.
STANDARDISED, OWN_UNITS = "standardised", "own"
#: The correlations are measured on at most this many rows × features² (a fraction of a
#: second): on more rows, on that many of them (the training rows are in random order); with
#: more features than MAX_CORRELATED, not at all (the note would not be read anyway).
CORRELATION_WORK = 2e8
MAX_CORRELATED = 300


class _Words(QWidget):
    """Wrapped labels in a scroll area: as tall as their text at the width they get, so
    that the area scrolls rather than squeezing (a scroll area does not ask a widget's
    height for its width)."""

    def event(self, event):
        if event.type() in (QEvent.LayoutRequest, QEvent.Resize) and self.layout() is not None:
            need = self.layout().totalHeightForWidth(max(self.width(), 1))
            if need != self.minimumHeight():
                self.setMinimumHeight(need)
        return super().event(event)


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
        self._features = ()
        self._preprocessing = None
        self._pairs: list = []
        self._X_train = None
        self._signs = None
        self._model_weights = None

        self.graphics = pg.GraphicsLayoutWidget()
        self.graphics.setObjectName("weightsPlot")
        self._tall = RowsTall(self.graphics, 0)
        self.graphics.setAccessibleName("weightsPlot")
        self.graphics.setBackground("w")
        self.graphics.setToolTip(
            self.tr(
                "Each bar is a weight w_i: the score z = w·x + b changes by w_i when feature i "
                "grows by one unit (one standard deviation when the data are standardised). The "
                "pale bar at the top is the bias (intercept) b."
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
        # 80 % of the axis, which 30 names a line apart each do.
        self.plot.getAxis("left").setStyle(textFillLimits=[(0, 1.0)], hideOverlappingLabels=False)
        self.plot.addItem(pg.InfiniteLine(pos=0.0, angle=90, pen=pg.mkPen(TEXT, width=1)))
        self.separator = pg.InfiniteLine(
            pos=0.5, angle=0, pen=pg.mkPen("#777", width=1, style=Qt.DashLine)
        )
        self.plot.addItem(self.separator)
        self.off_chart = pg.TextItem(
            color=TEXT, anchor=(0.5, 0.5), fill=pg.mkBrush(255, 255, 255, 230)
        )
        self.off_chart.setPos(0.0, 0.0)  # the middle of the intercept's row
        self.off_chart.setZValue(10)
        self.off_chart.hide()
        self.plot.addItem(self.off_chart)
        # A ring on the axis where a weight is exactly 0 (an L1 penalty's work): a bar of
        # width 0 would not show at all.
        self.zero_marks = pg.ScatterPlotItem(
            symbol="o", size=8, pen=pg.mkPen(TEXT, width=1.5), brush=pg.mkBrush(255, 255, 255)
        )
        self.zero_marks.setZValue(5)
        self.plot.addItem(self.zero_marks)
        self._zero_rows: list[tuple[int, int]] = []
        self._bar_rows: list[np.ndarray] = []

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
        self.units_input = named(
            ComboBox(),
            "weightsUnitsInput",
            self.tr(
                "What the bars show: the weights as the model learnt them, per standard deviation "
                "of each standardised feature (comparable with each other), or per unit of the "
                "data (w/σ; each feature in its own unit)."
            ),
        )
        self.units_input.addItem(self.tr("standardised"), STANDARDISED)
        self.units_input.addItem(self.tr("own units"), OWN_UNITS)
        self.units_input.currentIndexChanged.connect(self._on_units)
        self.feature_input = named(
            ComboBox(),
            "weightsFeatureInput",
            self.tr("The weight read out in words below (or click its bar)."),
        )
        # Wide enough for a feature's name on a 1024-pixel screen; longer ones show in the list.
        self.feature_input.setSizeAdjustPolicy(ComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.feature_input.setMinimumContentsLength(16)
        self.feature_input.currentIndexChanged.connect(self._show_details)
        self._last = None
        self._series = []
        self.caption = WrappedLabel(self.tr("No data yet."))
        self.caption.setObjectName("weightsCaption")
        self.caption.setAccessibleName("weightsCaption")
        self.caption.setWordWrap(True)
        self.details = named(
            WrappedLabel(),
            "weightsDetails",
            self.tr("What the chosen weight does to the score z and to the odds, in words."),
        )
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.correlation_label = named(
            WrappedLabel(),
            "weightsCorrelationNote",
            self.tr(
                "Features whose correlation on the training part is beyond 0.9: the model can "
                "shift weight between them almost freely, so only their joint effect is learnt."
            ),
        )
        self.correlation_label.setWordWrap(True)
        self.correlation_label.setTextFormat(Qt.PlainText)
        self.correlation_label.hide()
        self.zero_note = named(
            WrappedLabel(),
            "weightsZeroNote",
            self.tr(
                "Weights that are exactly 0, marked by a ring on the chart: an L1 or elastic-net "
                "penalty sets weights to exactly 0 (its proximal step), and those features then "
                "play no part in the score."
            ),
        )
        self.zero_note.setWordWrap(True)
        self.zero_note.hide()
        top = QHBoxLayout()
        top.addWidget(self.class_input)
        top.addWidget(QLabel(self.tr("Bars:")))
        top.addWidget(self.units_input)
        top.addWidget(QLabel(self.tr("Read:")))
        top.addWidget(self.feature_input, 1)
        texts = _Words()
        column = QVBoxLayout(texts)
        column.setContentsMargins(0, 0, 0, 0)
        for label in (self.caption, self.zero_note, self.details, self.correlation_label):
            column.addWidget(label)
        column.addStretch(1)
        self.texts = named(QScrollArea(), "weightsTexts")
        self.texts.setWidgetResizable(True)
        self.texts.setFrameShape(QScrollArea.NoFrame)
        self.texts.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.texts.setWidget(texts)
        # The chart and its words share the height; the person can move the line between.
        self.splitter = QSplitter(Qt.Vertical)
        self.splitter.addWidget(scroll)
        self.splitter.addWidget(self.texts)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        self.graphics.scene().sigMouseMoved.connect(self._on_hover)
        self.graphics.scene().sigMouseClicked.connect(self._on_click)
        self._tooltip = self.graphics.toolTip()

    def set_names(self, feature_names, classes, *, preprocessing=None, X_train=None) -> None:
        """Label the rows with ``feature_names`` and make one series per weight vector.

        Parameters
        ----------
        feature_names : sequence of d str
        classes : sequence of the model's class labels; two classes give one series (the
            weights of the second class's log-odds), ``K > 2`` give K series.
        preprocessing : Preprocessing or None, what made the features: their standardisation
            (for the own units) and text columns' reference levels
        X_train : array (n, d) or None, the training part as the model sees it, for the
            features that move together
        """
        names = tuple(str(n) for n in feature_names)
        if X_train is None and names != self._names:  # the note was of other features
            self._set_correlations(None)
        self._names = names
        self._preprocessing = preprocessing
        self._features = describe_features(self._names, preprocessing)
        standardised = any(f.standardised for f in self._features)
        self.units_input.blockSignals(True)
        if not standardised:
            self.units_input.setCurrentIndex(self.units_input.findData(OWN_UNITS))
        elif not self.units_input.isEnabled():  # standardised again: the model's weights
            self.units_input.setCurrentIndex(self.units_input.findData(STANDARDISED))
        self.units_input.blockSignals(False)
        self.units_input.setEnabled(standardised)
        if X_train is not None:
            self._set_correlations(X_train)
        self._classes = tuple(str(c) for c in classes)
        for bar in self._bars:
            self.plot.removeItem(bar)
        self._bars, self._legend_samples, self._bar_rows = [], [], []
        self._signs = None

        d = len(self._names)
        colors = class_colors(len(self._classes))
        self._colors = colors
        many = len(self._classes) > MAX_SERIES
        items = [class_text(c) for c in self._classes]
        kept = [self.class_input.itemText(i) for i in range(self.class_input.count())] == items
        chosen_class = self.class_input.currentIndex() if kept else 0
        self.class_input.blockSignals(True)
        self.class_input.clear()
        self.class_input.addItems(items)
        self.class_input.setCurrentIndex(max(chosen_class, 0))  # the same classes: the same one
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
            self._bar_rows.append(rows - 0.4 + height * (s + 0.5))
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
        self._label_axis()
        chosen = max(self.feature_input.currentIndex(), 0)
        self.feature_input.blockSignals(True)
        self.feature_input.clear()
        self.feature_input.addItems(self.row_labels())
        self.feature_input.setCurrentIndex(chosen if chosen <= d else 0)
        self.feature_input.blockSignals(False)
        legend_rows = -(-k // 4)
        self._tall.set_rows(d + 1, extra=4 + legend_rows)  # a line for each name, any zoom
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
            self.set_names(self._names, self._classes, preprocessing=self._preprocessing)
            if last is not None:
                self.set_weights(*last)

    def showEvent(self, event):
        super().showEvent(event)
        if not getattr(self, "_shared", False):
            self._shared = True
            self._share_height()

    def _share_height(self):
        """The words as much height as they need, up to 45 %; the chart the rest."""
        total = sum(self.splitter.sizes())
        if total <= 0:
            return
        width = max(self.texts.viewport().width(), 1)
        need = self.texts.widget().layout().totalHeightForWidth(width) + 2
        words = max(min(need, int(total * 0.45)), self.texts.minimumSizeHint().height())
        self.splitter.setSizes([total - words, words])

    def _set_correlations(self, X_train):
        """The note naming the features that move together on the training part, made
        once the view is shown (a hidden tab costs nothing)."""
        self._X_train = X_train
        self._pairs = []
        self.correlation_label.setText("")
        self.correlation_label.hide()
        self.when_shown(self._draw_correlations)

    def _draw_correlations(self):
        if self._X_train is None:
            return
        X = np.asarray(self._X_train)
        n, d = X.shape if X.ndim == 2 else (0, 0)
        rows = min(n, int(CORRELATION_WORK // max(d * d, 1)))
        if d != len(self._names) or d > MAX_CORRELATED or rows < min(n, 1000):
            return
        self._pairs = correlated_pairs(X[:rows], self._names)
        text = correlation_note(self._pairs, self._names, rows=rows, total=n)
        self.correlation_label.setText(text)
        self.correlation_label.setVisible(bool(text))
        if getattr(self, "_shared", False):
            self._share_height()

    def correlation_note(self) -> str:
        """The note under the chart naming the features that move together ("" for none)."""
        return self.correlation_label.text() if self._pairs else ""

    def correlated_pairs(self) -> list:
        """``(name_i, name_j, r)`` of the features whose |r| on the training part is beyond
        0.9, as the note names them."""
        return list(self._pairs)

    # Units ----------------------------------------------------------------------------------
    def units(self) -> str:
        """What the bars show: ``"standardised"`` (the model's weights) or ``"own"`` (per unit
        of the data; also when the data were not standardised, where the two are one)."""
        return self.units_input.currentData()

    def set_units(self, units) -> None:
        """Show the weights ``"standardised"`` or in ``"own"`` units (as the selector does)."""
        index = self.units_input.findData(units)
        if index >= 0 and self.units_input.isEnabled():
            self.units_input.setCurrentIndex(index)

    @Slot(int)
    def _on_units(self, _index):
        self._label_axis()
        self._limit = 0.0  # the other numbers need their own range
        if self._last is not None and self._shown:
            self.set_weights(*self._last)

    def _label_axis(self):
        if not self.units_input.isEnabled():
            label = self.tr("weight")
        elif self.units() == OWN_UNITS:
            label = self.tr("weight per unit of the data")
        else:
            label = self.tr("weight w (per standard deviation)")
        self.plot.setLabel("bottom", label, color=TEXT)

    def bind(self, session) -> None:
        """Follow ``session``: its feature names and classes, and the weights it shows."""
        self._session = session
        session.dataChanged.connect(self._on_data)
        session.shownChanged.connect(self._on_shown)

    def _on_data(self):
        split = self._session.data
        self.set_names(
            split.feature_names,
            self._session.classes,
            preprocessing=split.preprocessing,
            X_train=split.X_train,
        )

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
        # Every class's weights, of which one series per class shown is drawn.
        k = len(self._classes) if len(self._classes) > 2 else len(self._bars)
        if coef.shape != (k, len(self._names)) or intercept.shape != (k,):
            self.clear_weights()
            self.caption.setText(self.tr("These weights do not fit the features shown."))
            return
        self._last = (coef, intercept)
        if len(self._classes) > 2:
            coef, intercept = coef[self._series], intercept[self._series]
        self._model_weights = (coef, intercept)
        if self.units() == OWN_UNITS:
            coef, intercept = in_own_units(coef, intercept, self._preprocessing)
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
        if self.units() == OWN_UNITS and coef.size and np.abs(coef).max() > 0:
            # In own units the intercept is z at 0, often far from the data and from the
            # weights: the range is the weights', the intercept's value written in its row.
            shown = coef.ravel()
        limit = max(float(np.abs(shown).max()), 1e-9)
        if not (0.5 * self._limit <= limit <= self._limit):
            self._limit = 1.25 * limit
            self.plot.setXRange(-self._limit, self._limit, padding=0)
        beyond = np.abs(intercept) > self._limit
        if beyond.any():
            # Short, to fit a narrow chart: the words are below it and in the tooltip.
            self.off_chart.setText("b = " + ", ".join(f"{b:.3g}" for b in intercept))
        self.off_chart.setVisible(bool(beyond.any()))
        self._mark_zeros(self._last[0], self._model_weights[0])
        self._show_details()

    def _sparse_penalty(self) -> bool:
        """Whether the run shown has an L1 part in its penalty (its zeros are its work)."""
        from ...core.model.penalty import penalty_of

        run = None if self._session is None else self._session.run
        return run is not None and penalty_of(run.settings).l1 > 0

    def _mark_zeros(self, every_coef, shown_coef) -> None:
        """Say how many of the model's weights (every class's) are exactly 0, and ring those
        of the series shown."""
        zeros, count = int(np.sum(every_coef == 0)), every_coef.size
        if zeros or self._sparse_penalty():
            text = (
                self.tr("{zeros:,} of {count:,} weights is exactly 0.")
                if zeros == 1
                else self.tr("{zeros:,} of {count:,} weights are exactly 0.")
            )
            self.zero_note.setText(text.format(zeros=zeros, count=count))
        self.zero_note.setVisible(bool(zeros or self._sparse_penalty()))
        marked = [(s, j + 1) for s, row in enumerate(shown_coef) for j in np.flatnonzero(row == 0)]
        if marked != self._zero_rows:
            self._zero_rows = marked
            self.zero_marks.setData(
                x=np.zeros(len(marked)), y=[float(self._bar_rows[s][r]) for s, r in marked]
            )

    def zero_note_text(self) -> str:
        """How many weights are exactly 0, as said under the chart ("" when not said)."""
        return "" if self.zero_note.isHidden() else self.zero_note.text()

    def zero_rows(self) -> list[tuple[int, int]]:
        """The weights ringed as exactly 0: ``(series, row)``, row ``i`` the feature
        ``i − 1`` (series 0 for two classes; the classes shown otherwise)."""
        return list(self._zero_rows)

    def off_chart_text(self) -> str:
        """The intercept's value written in its row when its bar runs beyond the chart (in
        own units), else ""."""
        return self.off_chart.toPlainText() if self.off_chart.isVisible() else ""

    # Reading one weight ---------------------------------------------------------------------
    def selected_row(self) -> int:
        """The row read out below the chart: 0 the intercept, ``i`` the feature ``i − 1``."""
        return max(self.feature_input.currentIndex(), 0)

    def select_row(self, row) -> None:
        """Read out row ``row`` (0: the intercept, ``i``: feature ``i − 1``)."""
        if 0 <= row < self.feature_input.count():
            self.feature_input.setCurrentIndex(row)

    def details_text(self) -> str:
        """What is read out below the chart (the chosen weight in words), as shown."""
        return self.details.text()

    def row_text(self, row) -> str:
        """The weight of ``row`` in words, for the weights shown ("" without weights): for two
        classes sentences; for softmax a table of every class shown (rich text)."""
        if self._model_weights is None or not 0 <= row <= len(self._names):
            return ""
        coef, intercept = self._model_weights
        own_coef, own_intercept = in_own_units(coef, intercept, self._preprocessing)
        standardised = self.units_input.isEnabled()
        levels = any(f.kind == "level" for f in self._features)
        if len(self._classes) == 2:
            target = class_text(self._classes[1])
            if row == 0:
                lines = [
                    intercept_sentence(
                        intercept[0], target, standardised=standardised, levels=levels
                    )
                ]
                if standardised:
                    lines.append(own_intercept_sentence(own_intercept[0]))
            else:
                lines = weight_sentences(self._features[row - 1], coef[0, row - 1], target)
            return "\n".join(lines)
        return self._softmax_table(row, coef, intercept, own_coef, own_intercept)

    def _softmax_table(self, row, coef, intercept, own_coef, own_intercept):
        """Every shown class's weight of ``row``, its factor e^w on e^z, and in own units."""
        from html import escape

        if row == 0:
            values, own = intercept, own_intercept if self.units_input.isEnabled() else None
            head = ["b", "e^b", self.tr("b in own units")]
            title = escape(translate("WeightsView", INTERCEPT_LABEL))
        else:
            feature = self._features[row - 1]
            values = coef[:, row - 1]
            own = own_coef[:, row - 1] if feature.standardised else None
            head = ["w", "e^w", self.tr("w/σ (per unit)"), "e^(w/σ)"]
            title = escape(feature.name)
            if feature.kind == "level":
                title = escape(
                    self.tr("{feature} (against the reference level {reference})").format(
                        feature=feature.name, reference=feature.reference
                    )
                )
        head = head[:2] if own is None else head[: 3 if row == 0 else 4]
        cells = "".join(f"<th align='right'>&nbsp;{escape(h)}&nbsp;</th>" for h in head)
        rows = [f"<tr><th align='left'>{escape(self.tr('class'))}</th>{cells}</tr>"]
        factors = odds_ratios(values)
        for i, c in enumerate(self._series):
            numbers = [f"{values[i]:.4g}", f"{factors[i]:.3g}"]
            if own is not None:
                numbers.append(f"{own[i]:.4g}")
                if row:
                    numbers.append(f"{odds_ratios(own[i]):.3g}")
            cells = "".join(f"<td align='right'>&nbsp;{n}&nbsp;</td>" for n in numbers)
            rows.append(f"<tr><td>{escape(class_text(self._classes[c]))}</td>{cells}</tr>")
        return (
            f"<b>{title}</b><table cellspacing='0'>{''.join(rows)}</table>"
            f"{escape(softmax_odds_note())}"
        )

    @Slot()
    def _show_details(self, _index=None):
        text = self.row_text(self.selected_row())
        self.details.setTextFormat(Qt.PlainText if len(self._classes) == 2 else Qt.RichText)
        if text != self.details.text():
            self.details.setText(text)

    def _row_at(self, position):
        """The chart's row under the scene point ``position``, or None."""
        if not self._names or not self.plot.sceneBoundingRect().contains(position):
            return None
        y = self.plot.getViewBox().mapSceneToView(QPointF(position)).y()
        row = round(y)
        return row if 0 <= row <= len(self._names) and abs(y - row) <= 0.5 else None

    def _on_hover(self, position):
        """The weight under the pointer in words, as the chart's tooltip."""
        row = self._row_at(position)
        text = self.row_text(row) if row is not None else ""
        self.graphics.setToolTip(text or self._tooltip)

    def _on_click(self, event):
        row = self._row_at(event.scenePos())
        if row is not None:
            self.select_row(row)

    def clear_weights(self) -> None:
        """Show no weights (before training); the feature names stay."""
        for bar in self._bars:
            bar.setOpts(width=np.zeros(len(self._names) + 1))
            bar.setVisible(False)
        self._shown = False
        self.off_chart.hide()
        self._last = self._model_weights = None
        self._zero_rows = []
        self.zero_marks.setData(x=[], y=[])
        self.zero_note.hide()
        self.details.setText("")
        self.graphics.setToolTip(self._tooltip)
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
