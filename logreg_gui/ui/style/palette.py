"""Every colour and symbol the views use, in one place, so that a class looks the same in
every view and no colour means two things.

Classes take the Okabe–Ito colours (distinguishable with the common colour-vision
deficiencies) and a symbol each, so they differ by more than colour. Colours that are not
classes (train and test curves, right and wrong) are chosen outside that palette.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtGui import QColor

from .i18n import translate

__all__ = [
    "CLASS_PALETTE",
    "COMPARED",
    "NEUTRAL",
    "RIGHT",
    "TEST",
    "TEXT",
    "TRAIN",
    "WRONG",
    "class_colors",
    "class_symbols",
    "class_text",
    "compared_color",
    "style_plot",
]

#: Okabe–Ito, in order: class 0 blue, class 1 vermilion, class 2 bluish green, …
CLASS_PALETTE = (
    "#0072B2",
    "#D55E00",
    "#009E73",
    "#CC79A7",
    "#E69F00",
    "#56B4E9",
    "#8C564B",
    "#F0E442",
)
_SYMBOLS = ("o", "s", "t", "d", "t1", "p", "h", "star")

#: Curves of the training part (solid) and the test part (dashed): greys, not class colours.
TRAIN = "#1A1A1A"
TEST = "#6A3D9A"
#: A prediction that is right or wrong.
RIGHT = "#1B7F3B"
WRONG = "#B00020"
#: Axis text and legends: dark, for a projector.
TEXT = "#111111"
#: Not a class: a contribution that pushes away from the class shown.
NEUTRAL = "#9E9E9E"


#: Earlier runs compared on the loss plot: outside the class, train and test colours.
COMPARED = ("#7F7F7F", "#17BECF", "#BCBD22", "#AD494A", "#8C6D31", "#393B79")


def compared_color(i) -> str:
    """The colour of the ``i``-th compared run, the same on the plot and in the runs list."""
    return COMPARED[i % len(COMPARED)]


def style_plot(plot, *sides) -> None:
    """Axes a learner reads right, on a projector too: dark text and lines, and never an
    automatic SI prefix ("loss (x0.001)" with ticks 100–900 reads as a loss of 900).
    ``plot``: a PlotItem, PlotWidget or ColorBarItem; ``sides``: default all four."""
    # A ColorBarItem is a PlotItem too: its label sits on an axis of its own, not on .axis.
    axes = [plot.getAxis(side) for side in sides or ("left", "bottom", "top", "right")]
    for axis in axes:
        axis.enableAutoSIPrefix(False)
        axis.setTextPen(TEXT)
        axis.setPen(TEXT)


def class_colors(n_classes) -> list[QColor]:
    """One colour per class: the Okabe–Ito palette, then evenly spaced hues beyond eight."""
    if n_classes <= len(CLASS_PALETTE):
        return [QColor(c) for c in CLASS_PALETTE[:n_classes]]
    return [pg.intColor(i, hues=n_classes, values=1, maxValue=200) for i in range(n_classes)]


def class_symbols(n_classes) -> list[str]:
    """One scatter symbol per class (repeating after eight)."""
    return [_SYMBOLS[i % len(_SYMBOLS)] for i in range(n_classes)]


def class_text(name) -> str:
    """A class as people read it: "class 1" for a bare number, the label itself otherwise."""
    name = str(name)
    try:
        float(name)
    except ValueError:
        return name
    return translate("Palette", "class {name}").format(name=name)
