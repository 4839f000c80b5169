"""Nothing clipped, at any zoom (issue 22, item 3): with a trained run on each kind of data,
at 1024×768 and 1280×800, at zoom 1, 1.5 and 2, in English and Chinese, every visible label,
button, choice, progress text, tab and table header on every tab fits its widget — or ends
in "…" with its whole text in its tooltip; no plot is shorter than 180 pixels; the window's
least size stays within 1024×700; and no page or panel scrolls sideways, except at zoom 2 on
a 1024-pixel screen, where a page whose numbers must not be cut (the metrics table) or the
settings may scroll by at most a fifth of their width.
"""

import contextlib
import re

import pyqtgraph as pg
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QProgressBar,
    QRadioButton,
    QScrollArea,
    QTabBar,
    QWidget,
)
from pytestqt.exceptions import TimeoutError

from logreg_gui.ui.session import RunState

from .helpers import find, resize, settle, window_in

#: The data of each kind: generated, a 2-D set, a three-class set with long feature names,
#: and 30 features (sample of what a teacher shows).
SOURCES = {"generated": 10, "moons": 2, "wine": 13, "breast_cancer": 30}
SIZES = [(1280, 800), (1024, 768)]
ZOOMS = (1.0, 1.5, 2.0)
LEAST_PLOT_HEIGHT = 180


def shown_whole(text, tooltip) -> bool:
    """A text cut short is acceptable only as "…" with its whole text in the tooltip."""
    return text.rstrip("…") in tooltip if text.endswith("…") else text in tooltip


def cut_texts(window) -> list[tuple]:
    """(kind, objectName, text, need, room) of every text drawn in less room than it needs."""
    cut = []
    for w in window.findChildren(QWidget):
        if not w.isVisibleTo(window) or w.visibleRegion().isEmpty():
            continue
        metrics, tip = w.fontMetrics(), w.toolTip()
        if isinstance(w, QLabel) and w.text():
            text = w.text()
            rich = w.textFormat() == Qt.RichText or (w.textFormat() == Qt.AutoText and "<" in text)
            if w.wordWrap():
                need, room = w.heightForWidth(w.width()), w.height() + 3
            elif rich:
                need, room = w.minimumSizeHint().width(), w.width() + 1
            else:
                lines = text.split("\n")
                need = max(metrics.horizontalAdvance(line) for line in lines)
                room = w.contentsRect().width() + 1
            if need > room and not shown_whole(text, tip):
                cut.append(("label", w.objectName(), text[:60], need, room))
        elif isinstance(w, QAbstractButton) and w.text():
            lines = w.text().replace("&", "").split("\n")
            box = w.iconSize().width() + 4 if isinstance(w, (QCheckBox, QRadioButton)) else 4
            need = max(metrics.horizontalAdvance(line) for line in lines) + box
            tall = metrics.height() * len(lines)
            if (need > w.width() or tall > w.height()) and not shown_whole(w.text(), tip):
                cut.append(("button", w.objectName(), w.text(), need, w.width()))
        elif isinstance(w, QComboBox):
            if w.choice_is_cut() and w.currentText() not in tip:
                cut.append(("choice", w.objectName(), w.currentText(), 0, w.width()))
        elif isinstance(w, QProgressBar):
            text = w.text()
            too_wide = metrics.horizontalAdvance(text) > w.width() - 8
            if too_wide or (text.endswith("…") and not shown_whole(text, tip)):
                cut.append(("progress", w.objectName(), text, 0, w.width()))
        elif isinstance(w, QTabBar):
            for i in range(w.count()):
                text = w.tabText(i).replace("&", "")
                narrow = w.tabRect(i).width() < metrics.horizontalAdvance(text) + 8
                if narrow and not shown_whole(text, w.tabToolTip(i) or ""):
                    cut.append(("tab", w.objectName(), text, 0, w.tabRect(i).width()))
        elif isinstance(w, QHeaderView) and w.model() is not None:
            if w.orientation() != Qt.Horizontal:
                continue
            for section in range(w.count()):
                text = w.model().headerData(section, Qt.Horizontal, Qt.DisplayRole)
                if text and not w.isSectionHidden(section):
                    need = metrics.horizontalAdvance(str(text)) + 8
                    if need > w.sectionSize(section):
                        cut.append(("header", w.objectName(), str(text), need, 0))
    return cut


#: The bar charts (the prediction's, the gradient's, the weights'), sized to their rows:
#: objectName → how many rows of labels they draw.
BAR_CHARTS = {
    "probabilityPlot": lambda window: max(len(window.prediction.probability_labels()), 2),
    "contributionPlot": lambda window: len(window.prediction.contribution_rows()) + 1,
    "gradientPlot": lambda window: window.session.data.X_train.shape[1] + 1,
    "weightsPlot": lambda window: window.session.data.X_train.shape[1] + 1,
}


def short_plots(window) -> list[tuple]:
    """Plots shorter than LEAST_PLOT_HEIGHT; bar charts with less than a line of text for
    each row of labels (their names would overlap)."""
    short = []
    for view in window.findChildren(pg.GraphicsView):
        if not view.isVisibleTo(window):
            continue
        rows = BAR_CHARTS.get(view.objectName())
        if rows is None:
            least = LEAST_PLOT_HEIGHT
        else:  # the rows, plus the axis below them
            least = (rows(window) + 2) * view.fontMetrics().height()
        if view.height() < least:
            short.append((view.objectName(), view.height(), least))
    return short


def sideways(window) -> list[tuple]:
    """(area, how far it scrolls sideways, its width) of every page or panel that does."""
    found = []
    for area in window.findChildren(QScrollArea):
        bar = area.horizontalScrollBar()
        if area.isVisibleTo(window) and bar.isVisible() and bar.maximum() > 0:
            found.append((area.objectName() or "settings", bar.maximum(), area.width()))
    return found


def trained_on(window, before, features) -> bool:
    """A run other than ``before`` has ended, on data of ``features`` features."""
    session = window.session
    return (
        session.run is not before
        and session.state is RunState.FINISHED
        and session.data.X_train.shape[1] == features
    )


@pytest.fixture(params=["en", "zh_CN"])
def any_window(request, qtbot, monkeypatch):
    yield from window_in(qtbot, monkeypatch, request.param)


def test_nothing_is_clipped_on_any_tab_at_any_zoom_with_any_data(qtbot, any_window):
    window = any_window
    problems = []
    for source, features in SOURCES.items():
        window.zoom.reset()
        resize(qtbot, window, *SIZES[0])
        combo = find(window, "dataSourceInput")
        combo.setCurrentIndex(combo.findData(source))
        before = window.session.run
        qtbot.mouseClick(find(window, "trainButton"), Qt.LeftButton)  # makes the data held
        qtbot.waitUntil(lambda b=before, f=features: trained_on(window, b, f), timeout=60_000)
        for width, height in SIZES:
            resize(qtbot, window, width, height)
            for factor in ZOOMS:
                window.zoom.set(factor)
                settle()
                least = window.minimumSizeHint()
                if least.width() > 1024 or least.height() > 700:
                    problems.append((source, width, factor, "least size", least.toTuple()))
                for index in range(window.tabs.count()):
                    window.tabs.setCurrentIndex(index)
                    where = (source, width, factor, window.tabs.tabText(index))
                    found = []

                    def look(where=where, factor=factor, width=width, found=found):
                        found.clear()
                        found += [(*where, *cut) for cut in cut_texts(window)]
                        found += [(*where, "short plot", *p) for p in short_plots(window)]
                        for area, far, wide in sideways(window):
                            if factor < 2.0 or width > 1024 or far > wide / 5:
                                found.append((*where, "scrolls sideways", area, far, wide))
                        return not found

                    # A view drawn in the background (the step's gradient) is looked at
                    # once it has drawn this run: what is left after 3 s is a problem.
                    with contextlib.suppress(TimeoutError):
                        qtbot.waitUntil(look, timeout=3_000)
                    problems += found
    assert problems == [], "\n".join(map(str, problems[:30]))


def test_a_cut_choice_and_a_cut_progress_text_give_their_whole_text(qtbot, window):
    """The two ways of cutting short that the walk above accepts, seen happen: a choice
    wider than its box, and a progress text wider than its bar."""
    from .helpers import train_to_end

    train_to_end(qtbot, window)
    combo, bar = find(window, "dataSourceInput"), find(window, "epochProgress")
    combo.setFixedWidth(90)
    bar.setFixedWidth(120)
    settle()
    assert combo.choice_is_cut() and combo.toolTip().startswith(combo.currentText())
    text = bar.text()
    assert text.endswith("…") and re.match(r"epoch 3,000 of 3,000 — completed", bar.toolTip())
    assert bar.toolTip().startswith(text[:-1])
