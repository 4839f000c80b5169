"""Each feature's contribution wᵢ·xᵢ to a score as a bar, coloured by the class it pushes
towards: the largest few and the others summed in one bar, or every feature; below them the
bias b as a bar of its own, paler and outlined, because it multiplies no feature. Beside each
bar, across the zero line, the factor e^(bar) it multiplies the odds by; hovering a bar says
it in a sentence."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QFontMetrics
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QVBoxLayout, QWidget

from ....core.analysis.readable import (
    contribution_sentence,
    describe_features,
    intercept_sentence,
    others_sentence,
)
from ...style.i18n import QT_TRANSLATE_NOOP, translate
from ...style.palette import NEUTRAL, TEXT, class_colors, class_text, style_plot
from ...widgets import ComboBox, RowsTall, WrappedLabel, named
from .samples import elide

__all__ = ["BIAS_LABEL", "TOP_BARS", "ContributionBars", "factor_text", "top_and_others"]

#: Feature contributions drawn by default: the largest |wᵢ·xᵢ|, the others summed in one bar.
TOP_BARS = 10
#: The name of the bias's bar.
BIAS_LABEL = QT_TRANSLATE_NOOP("PredictionPanel", "bias b")


def _top(values, top):
    """Indices of the ``top`` largest |value| in feature order, and of the rest."""
    if len(values) <= top:
        return np.arange(len(values)), np.array([], dtype=int)
    order = np.sort(np.argsort(-np.abs(values), kind="stable")[:top])
    return order, np.setdiff1d(np.arange(len(values)), order)


def top_and_others(values, names, top=TOP_BARS):
    """The bars to draw for ``values`` (one per feature, named ``names``) as (values, labels):
    with more than ``top`` features, the ``top`` largest |value| in feature order and one bar
    more, the sum of the others; else all of them."""
    values = np.asarray(values, dtype=float)
    if len(values) <= top:
        return values, list(names)
    order, rest = _top(values, top)
    others = translate("PredictionPanel", "{count} others (sum)").format(count=len(rest))
    return (
        np.append(values[order], float(values[rest].sum())),
        [names[i] for i in order] + [others],
    )


def factor_text(value) -> str:
    """The factor ``e^value`` a contribution multiplies the odds by, as written beside it."""
    with np.errstate(over="ignore"):
        return f"×{np.exp(float(value)):.3g}"


class ContributionBars:
    """The contributions' part of the panel (``widget``): a caption, the choice of the class
    whose score they add up to (softmax), "all features", and the plot with the features'
    ``bars``, the ``bias_bar`` and the factors ``e^(bar)`` beside them."""

    def __init__(self):
        self.class_input = named(
            ComboBox(),
            "contributionClassInput",
            translate(
                "PredictionPanel",
                "For softmax: the class whose score z_k the contributions add up to.",
            ),
        )
        self.plot = pg.PlotWidget(background="w")
        self.plot.setObjectName("contributionPlot")
        self.plot.setAccessibleDescription(
            translate(
                "PredictionPanel",
                "Each feature's contribution wᵢ·xᵢ to the score z, coloured by the class it "
                "pushes towards.",
            )
        )
        style_plot(self.plot)
        self.all_input = named(
            QCheckBox(translate("PredictionPanel", "all features")),
            "contributionAllInput",
            translate(
                "PredictionPanel",
                "Draw every feature's contribution (by default the {count} largest, the others "
                "summed in one bar).",
            ).format(count=TOP_BARS),
        )
        self.plot.setMouseEnabled(False, False)
        self.plot.hideButtons()
        self.plot.setLabel("bottom", translate("PredictionPanel", "contribution wᵢ·xᵢ to z"))
        self.plot.addItem(pg.InfiniteLine(pos=0, angle=90, pen=pg.mkPen(TEXT)))
        self.bars = pg.BarGraphItem(x0=[], y=[], height=0.7, width=[], brushes=[])
        self.plot.addItem(self.bars)
        # The bias multiplies no feature: a bar of its own under a dashed line, as the last
        # term of z = Σ wᵢxᵢ + b.
        self.bias_bar = pg.BarGraphItem(x0=[], y=[], height=0.7, width=[], brushes=[])
        self.plot.addItem(self.bias_bar)
        self.separator = pg.InfiniteLine(
            pos=-0.5, angle=0, pen=pg.mkPen("#777", width=1, style=Qt.DashLine)
        )
        self.plot.addItem(self.separator)
        self._factors: list[pg.TextItem] = []
        self.plot.scene().sigMouseMoved.connect(self._on_hover)
        self.plot.getPlotItem().vb.sigResized.connect(self._fit_factors)
        self._tooltip = translate(
            "PredictionPanel",
            "Each bar adds its value to z, so it multiplies e^z (for two classes: the odds) by "
            "e^(its value), written beside it. Hover a bar to read it in words.",
        )
        self.plot.setToolTip(self._tooltip)
        self.caption = WrappedLabel()
        self.caption.setObjectName("contributionCaption")
        self.caption.setWordWrap(True)

        head = QHBoxLayout()
        head.addWidget(self.caption, 1)
        options = QVBoxLayout()
        options.addWidget(self.class_input)
        options.addWidget(self.all_input)
        head.addLayout(options)
        self.widget = QWidget()
        layout = QVBoxLayout(self.widget)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(head)
        layout.addWidget(self.plot, 1)
        self._tall = RowsTall(self.plot, 130)  # a line of text for each bar's name

        self._names: list[str] = []
        self._features = ()
        self._levels = self._standardised = False
        self._classes = np.array([])
        self._shown = np.array([])
        self._bias = None
        self._rows: list[tuple] = []  # (row, label, value, factor, sentence), top down
        self._limit = 0.0
        self._ticks = None  # the names on the left axis, as last set
        self._factors_drawn = []  # per factor text: (text, anchor, row) as last set

    def reset(self, feature_names, classes, preprocessing=None) -> None:
        """Contributions of these features to the scores of these classes from now on;
        ``preprocessing`` (what made the features) says what a feature at 0 is."""
        self._names = [elide(name) for name in feature_names]
        self._features = describe_features(feature_names, preprocessing)
        self._levels = any(f.kind == "level" for f in self._features)
        self._standardised = any(f.standardised for f in self._features)
        self._classes = np.asarray(classes)
        self.class_input.blockSignals(True)
        self.class_input.clear()
        self.class_input.addItem(translate("PredictionPanel", "predicted class"))
        self.class_input.addItems([class_text(c) for c in self._classes])
        self.class_input.blockSignals(False)

    def chosen_class(self, predicted_index) -> int:
        """The class chosen for softmax's contributions: ``predicted_index`` by default."""
        choice = self.class_input.currentIndex()
        return predicted_index if choice <= 0 else choice - 1

    def show(self, explanation, k) -> None:
        """Draw the contributions of ``explanation`` (a SampleExplanation) to z, or for
        softmax to z_k of class ``k``, and its bias."""
        e = explanation
        colors = class_colors(max(len(self._classes), 2))
        softmax = e.contributions.shape[0] > 1
        if not softmax:
            row, bias = e.contributions[0], float(e.intercept[0])
            target = class_text(self._classes[1])
            self.class_input.hide()
            positive, negative = colors[1], colors[0]
            self.caption.setText(
                translate(
                    "PredictionPanel",
                    "Contributions wᵢ·xᵢ to z: a bar in the colour of “{second}” pushes towards "
                    "it, one in the colour of “{first}” towards that class.",
                ).format(second=class_text(self._classes[1]), first=class_text(self._classes[0]))
            )
        else:
            self.class_input.show()
            row, bias = e.contributions[k], float(e.intercept[k])
            target = class_text(self._classes[k])
            positive, negative = colors[k], QColor(NEUTRAL)
            self.caption.setText(
                translate(
                    "PredictionPanel",
                    "Contributions wᵢ·xᵢ to z of “{name}”: in its colour they push towards it, "
                    "grey ones away from it.",
                ).format(name=class_text(self._classes[k]))
            )
        self._shown, self._bias = row, bias
        if self.all_input.isChecked():
            order, rest = np.arange(len(row)), np.array([], dtype=int)
        else:
            order, rest = _top(row, TOP_BARS)
        values, labels = top_and_others(row, self._names, top=len(order))
        features = [self._features[i] for i in order] if self._features else []
        sentences = [
            contribution_sentence(f, v, target, softmax=softmax) for f, v in zip(features, values)
        ]
        if len(rest):
            sentences.append(others_sentence(len(rest), values[-1], target, softmax=softmax))
        n = len(values)
        positions = np.arange(n)[::-1]  # first feature at the top, the bias under them
        brushes = [pg.mkBrush(positive if v >= 0 else negative) for v in values]
        self.bars.setOpts(
            x0=np.minimum(values, 0), y=positions, width=np.abs(values), height=0.7, brushes=brushes
        )
        pale = QColor(positive if bias >= 0 else negative)
        pale.setAlpha(90)
        self.bias_bar.setOpts(
            x0=[min(bias, 0.0)],
            y=[-1],
            width=[abs(bias)],
            height=0.7,
            brushes=[pg.mkBrush(pale)],
            pen=pg.mkPen(
                QColor(positive if bias >= 0 else negative).darker(150),
                width=1.5,
                style=Qt.DashLine,
            ),
        )
        bias_label = translate("PredictionPanel", BIAS_LABEL)
        ticks = [[(float(p), label) for p, label in zip(positions, labels)] + [(-1.0, bias_label)]]
        if ticks != self._ticks:  # the axis is laid out again only when its names change
            self._ticks = ticks
            self.plot.getAxis("left").setTicks(ticks)
        self.plot.setYRange(-1.6, n - 0.4, padding=0)
        self._rows = [
            (float(p), label, float(v), factor_text(v), sentence)
            for p, label, v, sentence in zip(positions, labels, values, sentences)
        ] + [
            (
                -1.0,
                bias_label,
                bias,
                factor_text(bias),
                intercept_sentence(
                    bias,
                    target,
                    standardised=self._standardised,
                    levels=self._levels,
                    softmax=softmax,
                ),
            )
        ]
        self._tall.set_rows(len(self._rows) + 1)  # the gap above the bias's bar too
        self._draw_factors()
        limit = max(float(np.abs(np.append(values, bias)).max()), 1e-9)
        # A range that only changes when the bars outgrow it or shrink well inside it: the
        # axis is not laid out again on every live update, and the bars do not jump.
        low = self._limit
        if not (0.5 * low <= limit <= low):
            self._limit = limit * 1.25
            self.plot.setXRange(-self._limit, self._limit, padding=0)

    def _draw_factors(self):
        """The factor e^(bar) beside each bar, across the zero line where its row is empty."""
        if len(self._factors) != len(self._rows):  # other bars: new texts, else reuse
            for text in self._factors:
                self.plot.removeItem(text)
            self._factors = [pg.TextItem(color=TEXT) for _ in self._rows]
            self._factors_drawn = [None] * len(self._rows)
            for text in self._factors:
                self.plot.addItem(text)
        for i, (text, (row, _label, value, factor, _sentence)) in enumerate(
            zip(self._factors, self._rows)
        ):
            # A bar to the right has its factor to the left of zero, and the other way round.
            anchor = (1.0, 0.5) if value >= 0 else (0.0, 0.5)
            if self._factors_drawn[i] == (factor, anchor, row):
                continue  # a live update: most factors read as before (one laid out: 0.1 ms)
            self._factors_drawn[i] = (factor, anchor, row)
            text.setText(factor)
            text.setAnchor(anchor)
            text.setPos(0.0, row)
        self._fit_factors()

    def _fit_factors(self, *_):
        """The factors only where a row is as tall as their text: on a short plot (many bars,
        a small screen) they would write over each other; the tooltips still say them."""
        if not self._factors:
            return
        rows = len(self._factors) + 0.2  # the y range: -1.6 … n − 0.4
        height = self.plot.getPlotItem().vb.height() / rows
        fits = height >= QFontMetrics(self._factors[0].textItem.font()).height() * 0.9
        for text in self._factors:
            text.setVisible(fits)

    def factors_shown(self) -> bool:
        """True when the factors beside the bars are drawn (their rows are tall enough)."""
        return bool(self._factors) and self._factors[0].isVisible()

    def _on_hover(self, position):
        """The sentence of the bar under the pointer as the plot's tooltip."""
        item = self.plot.getPlotItem()
        text = self._tooltip
        if self._rows and item.sceneBoundingRect().contains(position):
            y = item.vb.mapSceneToView(QPointF(position)).y()
            for row, _label, _value, _factor, sentence in self._rows:
                if abs(y - row) <= 0.5:
                    text = sentence
        self.plot.setToolTip(text)

    def clear(self) -> None:
        """No bars and no caption."""
        self._shown = np.array([])
        self._bias = None
        self._rows = []
        self._tall.set_rows(0)
        self.bars.setOpts(x0=[], y=[], width=[], brushes=[])
        self.bias_bar.setOpts(x0=[], y=[], width=[], brushes=[])
        self._draw_factors()
        self.plot.setToolTip(self._tooltip)
        self.caption.setText("")

    def shown(self) -> np.ndarray:
        """The numbers behind the bars, in feature order (empty without bars)."""
        return self._shown.copy()

    def shown_bias(self) -> float | None:
        """The number behind the bias's bar (None without bars)."""
        return self._bias

    def rows(self) -> list:
        """Every bar drawn, top down, the bias last: ``(row, label, value, factor, sentence)``
        with ``factor`` the text beside the bar ("×0.28") and ``sentence`` its tooltip."""
        return list(self._rows)
