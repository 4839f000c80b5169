"""The mouse wheel over a plot inside a scrolling page scrolls the page; the plot zooms only
after a click on it or with Ctrl held; "Reset view" puts back what the mouse changed —
through the real window, with real wheel events."""

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QHelpEvent, QWheelEvent
from PySide6.QtWidgets import QApplication, QScrollArea, QToolButton, QToolTip

from logreg_gui.ui.app.plot_wheel import PlotWheel, rule

from .helpers import find, settle


def wheel(view, notches, modifiers=Qt.NoModifier):
    """Turn the mouse wheel over the middle of the plot ``view`` (up for notches > 0)."""
    viewport = view.viewport()
    centre = QPointF(viewport.width() / 2, viewport.height() / 2)
    event = QWheelEvent(
        centre, viewport.mapToGlobal(centre), QPoint(0, 0), QPoint(0, 120 * notches),
        Qt.NoButton, modifiers, Qt.NoScrollPhase, False,
    )  # fmt: skip
    QApplication.sendEvent(viewport, event)


def page_of(widget):
    """The scrolling page ``widget`` is in."""
    page = widget.parentWidget()
    while not isinstance(page, QScrollArea):
        page = page.parentWidget()
    return page


def x_range(box):
    return tuple(box.viewRange()[0])


@pytest.fixture
def step_page(qtbot, window):
    """The Step tab after one epoch, its bars drawn and the page scrolled to the top:
    (its gradient plot, the plot's ViewBox, the page's vertical scroll bar)."""
    qtbot.mouseClick(find(window, "stepButton"), Qt.LeftButton)
    window.tabs.setCurrentWidget(window.step_inspector)
    qtbot.waitUntil(
        lambda: getattr(window.step_inspector.explanation(), "epoch", None) == 1, timeout=10_000
    )
    view = window.step_inspector.graphics
    box = window.step_inspector.plot.getViewBox()
    bar = page_of(view).verticalScrollBar()
    qtbot.waitUntil(lambda: view.isVisible() and bar.maximum() > 0, timeout=5_000)
    bar.setValue(0)
    settle()
    yield view, box, bar
    window.training.stop()


def test_the_wheel_over_a_plot_scrolls_the_page_and_leaves_the_plot_alone(qtbot, step_page):
    view, box, bar = step_page
    shown = x_range(box)
    wheel(view, -3)
    qtbot.waitUntil(lambda: bar.value() > 0, timeout=2_000)
    assert x_range(box) == shown
    scrolled = bar.value()
    wheel(view, 3)  # back up: the page again
    qtbot.waitUntil(lambda: bar.value() < scrolled, timeout=2_000)
    assert x_range(box) == shown
    assert not view.findChild(PlotWheel).moved()


def test_ctrl_and_the_wheel_zoom_the_plot_and_reset_view_puts_it_back(qtbot, step_page):
    view, box, bar = step_page
    shown = x_range(box)
    reset = view.findChild(QToolButton, "resetViewButton")
    assert reset.isVisible() and not reset.isEnabled()  # nothing to put back yet
    wheel(view, 3, Qt.ControlModifier)
    qtbot.waitUntil(lambda: x_range(box) != shown, timeout=2_000)
    zoomed = x_range(box)
    assert zoomed[1] - zoomed[0] < shown[1] - shown[0]  # zoomed in
    assert bar.value() == 0  # the page stayed
    assert reset.isEnabled()
    qtbot.mouseClick(reset, Qt.LeftButton)
    qtbot.waitUntil(lambda: x_range(box) == pytest.approx(shown, rel=1e-9), timeout=2_000)
    assert not reset.isEnabled()
    # The plot follows its data again: the zoom does not stick on later steps.
    assert box.autoRangeEnabled()[0]


def test_a_click_lets_the_plot_take_the_wheel_until_the_pointer_leaves(qtbot, step_page):
    view, box, bar = step_page
    shown = x_range(box)
    viewport = view.viewport()
    qtbot.mouseClick(viewport, Qt.LeftButton, pos=viewport.rect().center())
    assert view.findChild(PlotWheel).armed()
    wheel(view, 2)
    qtbot.waitUntil(lambda: x_range(box) != shown, timeout=2_000)
    assert bar.value() == 0
    zoomed = x_range(box)
    # The pointer leaves the plot: the wheel is the page's again.
    QApplication.sendEvent(viewport, QEvent(QEvent.Leave))
    wheel(view, -3)
    qtbot.waitUntil(lambda: bar.value() > 0, timeout=2_000)
    assert x_range(box) == zoomed
    qtbot.mouseClick(view.findChild(QToolButton, "resetViewButton"), Qt.LeftButton)
    qtbot.waitUntil(lambda: x_range(box) == pytest.approx(shown, rel=1e-9), timeout=2_000)


def test_the_plot_tooltip_states_the_rule(qtbot, step_page):
    view, _box, _bar = step_page
    viewport = view.viewport()
    where = viewport.rect().center()
    QApplication.sendEvent(viewport, QHelpEvent(QEvent.ToolTip, where, viewport.mapToGlobal(where)))
    qtbot.waitUntil(lambda: rule() in QToolTip.text(), timeout=2_000)
    assert view.toolTip() in QToolTip.text()  # the view's own words stay first
    QToolTip.hideText()


def test_every_plot_the_mouse_can_move_has_a_reset_button_that_covers_nothing(qtbot, step_page):
    window = step_page[0].window()
    views = window.findChildren(pg.GraphicsView)
    assert all(view.findChild(PlotWheel) is not None for view in views)
    movable = {}
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        settle()
        for view in views:
            wheel_ = view.findChild(PlotWheel)
            if view.isVisible() and wheel_.movable():
                qtbot.waitUntil(lambda w=wheel_: w.button.isVisible(), timeout=2_000)
                # Placed once the view's size has settled (a timer after each resize).
                qtbot.waitUntil(
                    lambda v=view, b=wheel_.button: QRectF(v.rect()).contains(QRectF(b.geometry())),
                    timeout=2_000,
                )
                movable[view.objectName() or type(view.parentWidget()).__name__] = view
                check_corner(view, wheel_.button)
    # The loss, step, landscape, boundary and weights plots zoom and move with the mouse.
    assert set(movable) == {
        "LossPlot", "gradientPlot", "landscapePlot", "boundaryPlot", "weightsPlot",
    }  # fmt: skip


def check_corner(view, button):
    """The button lies in the corner where a plot's axes meet: over no ViewBox and no
    axis of any plot in the view."""
    settle()
    corners = view.mapToScene(button.geometry().translated(-view.viewport().pos()))
    area = corners.boundingRect().adjusted(1, 1, -1, -1)
    for item in view.scene().items():
        if isinstance(item, pg.ViewBox | pg.AxisItem) and item.isVisible():
            assert not item.mapRectToScene(item.rect()).intersects(area), (view, item)
    assert QRectF(view.rect()).contains(QRectF(button.geometry()))
