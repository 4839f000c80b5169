"""Each feature's contribution wᵢ·xᵢ to a score as a bar, coloured by the class it pushes
towards: the largest few and the others summed in one bar, or every feature."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ...style.i18n import translate
from ...style.palette import NEUTRAL, TEXT, class_colors, class_text, style_plot
from ...widgets import ComboBox, named
from .samples import elide

__all__ = ["TOP_BARS", "ContributionBars", "top_and_others"]

#: Feature contributions drawn by default: the largest |wᵢ·xᵢ|, the others summed in one bar.
TOP_BARS = 10


def top_and_others(values, names, top=TOP_BARS):
    """The bars to draw for ``values`` (one per feature, named ``names``) as (values, labels):
    with more than ``top`` features, the ``top`` largest |value| in feature order and one bar
    more, the sum of the others; else all of them."""
    values = np.asarray(values, dtype=float)
    if len(values) <= top:
        return values, list(names)
    order = np.sort(np.argsort(-np.abs(values), kind="stable")[:top])
    rest = np.setdiff1d(np.arange(len(values)), order)
    others = translate("PredictionPanel", "{count} others (sum)").format(count=len(rest))
    return (
        np.append(values[order], float(values[rest].sum())),
        [names[i] for i in order] + [others],
    )


class ContributionBars:
    """The contributions' part of the panel (``widget``): a caption, the choice of the class
    whose score they add up to (softmax), "all features", and the plot with its ``bars``."""

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
        self.caption = QLabel()
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
        self.plot.setMinimumHeight(130)

        self._names: list[str] = []
        self._classes = np.array([])
        self._shown = np.array([])
        self._limit = 0.0

    def reset(self, feature_names, classes) -> None:
        """Contributions of these features to the scores of these classes from now on."""
        self._names = [elide(name) for name in feature_names]
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
        softmax to z_k of class ``k``."""
        e = explanation
        colors = class_colors(max(len(self._classes), 2))
        if e.contributions.shape[0] == 1:
            row = e.contributions[0]
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
            row = e.contributions[k]
            positive, negative = colors[k], QColor(NEUTRAL)
            self.caption.setText(
                translate(
                    "PredictionPanel",
                    "Contributions wᵢ·xᵢ to z of “{name}”: in its colour they push towards it, "
                    "grey ones away from it.",
                ).format(name=class_text(self._classes[k]))
            )
        self._shown = row
        if self.all_input.isChecked():
            values, labels = row, self._names
        else:
            values, labels = top_and_others(row, self._names)
        positions = np.arange(len(values))[::-1]  # first feature at the top
        brushes = [pg.mkBrush(positive if v >= 0 else negative) for v in values]
        self.bars.setOpts(
            x0=np.minimum(values, 0), y=positions, width=np.abs(values), height=0.7, brushes=brushes
        )
        self.plot.getAxis("left").setTicks(
            [[(float(p), label) for p, label in zip(positions, labels)]]
        )
        self.plot.setYRange(-0.6, len(values) - 0.4, padding=0)
        limit = max(float(np.abs(values).max()) if len(values) else 1.0, 1e-9)
        # A range that only changes when the bars outgrow it or shrink well inside it: the
        # axis is not laid out again on every live update, and the bars do not jump.
        low = self._limit
        if not (0.5 * low <= limit <= low):
            self._limit = limit * 1.25
            self.plot.setXRange(-self._limit, self._limit, padding=0)

    def clear(self) -> None:
        """No bars and no caption."""
        self._shown = np.array([])
        self.bars.setOpts(x0=[], y=[], width=[], brushes=[])
        self.caption.setText("")

    def shown(self) -> np.ndarray:
        """The numbers behind the bars, in feature order (empty without bars)."""
        return self._shown.copy()
