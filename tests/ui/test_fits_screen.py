"""The window on a projector: a first start never larger than the screen, a minimum size that
fits 1024×700 whatever has been shown, in both languages and at every classroom zoom (pages
scroll instead of squeezing), and presentation mode (F5) that gives the views the window and
gives the panels back exactly as they were."""

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication, QScrollArea

from logreg_gui.ui.app.main_window import first_size

from .helpers import find, resize, settle, train_to_end, window_in


@pytest.mark.parametrize(
    ("available", "expected"),
    [((1024, 768), (1024, 768)), ((1920, 1080), (1280, 800)), ((1366, 705), (1280, 705))],
)
def test_a_first_start_is_never_larger_than_the_screen(available, expected):
    assert first_size(QSize(*available)) == QSize(*expected)


def minimum(window):
    settle()
    return window.layout().minimumSize()


def show_everything(qtbot, window):
    """Train, then show every tab and every page of the evaluation (every view built)."""
    train_to_end(qtbot, window)
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        settle()
    pages = find(window, "evaluationPages")
    window.tabs.setCurrentWidget(window.evaluation)
    for index in range(pages.count()):
        pages.setCurrentIndex(index)
        settle()


@pytest.fixture(params=["en", "zh_CN"])
def any_window(request, qtbot, monkeypatch):
    yield from window_in(qtbot, monkeypatch, request.param)


def test_the_minimum_size_fits_1024x700_after_everything_at_every_zoom(qtbot, any_window):
    window = any_window
    show_everything(qtbot, window)
    try:
        for factor in (1.0, 1.5, 2.0):
            window.zoom.set(factor)
            for index in range(window.tabs.count()):
                window.tabs.setCurrentIndex(index)
                size = minimum(window)
                assert size.width() <= 1024 and size.height() <= 700, (factor, index, size)
            resize(qtbot, window, 1024, 700)
            assert window.width() <= 1024 and window.height() <= 700, factor
            assert find(window, "trainButton").isVisible()
    finally:
        window.zoom.reset()


def test_a_page_larger_than_its_room_scrolls_instead_of_squeezing(qtbot, window):
    train_to_end(qtbot, window)
    window.tabs.setCurrentWidget(window.evaluation)
    assert window.tabs.currentWidget() is window.evaluation
    resize(qtbot, window, 1024, 700)
    settle()
    page = window.tabs.currentWidget().parentWidget().parentWidget()
    assert isinstance(page, QScrollArea)
    need = window.evaluation.minimumSizeHint()
    # The view keeps the room it needs; the page scrolls over what does not fit.
    assert window.evaluation.width() >= need.width()
    assert window.evaluation.height() >= need.height()
    if need.height() > page.viewport().height():
        assert page.verticalScrollBar().isVisible()


def test_presentation_gives_the_views_the_window_and_gives_the_panels_back(qtbot, window):
    settings, prediction = find(window, "settingsDock"), find(window, "predictionDock")
    resize(qtbot, window, 1024, 768)
    window.resizeDocks([prediction], [300], Qt.Horizontal)
    settle()
    before = (settings.width(), prediction.width(), window.tabs.width())
    action = find(window, "presentationAction")
    assert action.shortcut().toString() == "F5" and action.isCheckable()
    action.trigger()
    settle()
    assert window.presenting() and action.isChecked()
    assert not settings.isVisible() and not prediction.isVisible()
    assert find(window, "trainButton").isVisible() and find(window, "thresholdSlider").isVisible()
    assert window.tabs.width() >= window.width() - 30  # the views take the window
    assert window.tabs.width() > before[2] + 400
    action.trigger()
    settle()
    assert not window.presenting() and not action.isChecked()
    assert settings.isVisible() and prediction.isVisible()
    assert (settings.width(), prediction.width(), window.tabs.width()) == before


def test_presentation_at_1024x768_zoom_2_shows_the_loss_curves(qtbot, window):
    """A projector, zoom 2, F5: the run controls take one row, the status bar's line goes
    (how to leave is in the title), and the loss plot shows at least 180 px of itself
    without scrolling; leaving gives both back."""
    import pyqtgraph as pg

    train_to_end(qtbot, window)
    resize(qtbot, window, 1024, 768)
    title = window.windowTitle()
    try:
        window.zoom.set(2.0)
        window.set_presentation(True)
        plot = find(window, "lossPlot")
        controls = window.controls.rows
        qtbot.waitUntil(lambda: controls.beside() and not window.statusBar().isVisible())
        assert "F5" in window.windowTitle()
        settle()
        viewport = window.tabs.page(0).viewport()
        graphics = plot.findChild(pg.GraphicsView)
        top_left = graphics.mapTo(viewport, graphics.rect().topLeft())
        shown = graphics.rect().translated(top_left).intersected(viewport.rect())
        assert shown.height() >= 180, shown
        window.set_presentation(False)
        qtbot.waitUntil(lambda: window.statusBar().isVisible())
        assert window.windowTitle() == title
    finally:
        window.set_presentation(False)
        window.zoom.reset()


def test_panels_kept_at_close_are_those_outside_presentation(qtbot, window):
    from logreg_gui.ui.app.settings_store import save_window

    before = window.saveState()
    window.set_presentation(True)
    save_window(window)
    from PySide6.QtCore import QSettings

    assert QSettings().value("window/docks") == before
    window.set_presentation(False)


def cut_cells(table):
    """The columns of ``table`` narrower than their texts need (the view's own measure of
    its cells: text, margins and padding), which it then draws elided."""
    cut = []
    for c in range(table.columnCount()):
        need = table.sizeHintForColumn(c)
        if need > table.columnWidth(c):
            texts = [table.item(r, c).text() for r in range(table.rowCount()) if table.item(r, c)]
            cut.append((c, need, table.columnWidth(c), max(texts, key=len, default="")))
    return cut


@pytest.mark.parametrize("size", [(1280, 800), (1024, 768)])
def test_no_metric_or_feature_value_is_cut_short(qtbot, any_window, size):
    window = any_window
    resize(qtbot, window, *size)
    train_to_end(qtbot, window)
    window.tabs.setCurrentWidget(window.evaluation)
    table, features = find(window, "metricsTable"), find(window, "featuresTable")
    qtbot.waitUntil(lambda: table.item(0, 1).text() != "—", timeout=10_000)
    for factor in (1.0, 1.5, 2.0):
        window.zoom.set(factor)
        settle()
        assert not cut_cells(table), (factor, cut_cells(table))
        assert not cut_cells(features), (factor, cut_cells(features))
    window.zoom.reset()


def test_the_panels_stack_when_the_views_would_be_squeezed_and_part_with_room(qtbot, window):
    settings, prediction = find(window, "settingsDock"), find(window, "predictionDock")
    resize(qtbot, window, 1024, 768)
    settle()
    assert not window.panels_stacked()  # zoom 1: both panels beside the views
    beside = window.tabs.width()
    try:
        window.zoom.set(2.0)
        qtbot.waitUntil(window.panels_stacked, timeout=5_000)
        settle()
        assert window.dockWidgetArea(prediction) == Qt.LeftDockWidgetArea
        assert prediction in window.tabifiedDockWidgets(settings)
        assert window.tabs.width() > beside + 150  # the prediction's room went to the views
    finally:
        window.zoom.reset()
    resize(qtbot, window, 1280, 800)
    qtbot.waitUntil(lambda: not window.panels_stacked(), timeout=5_000)
    settle()
    assert window.dockWidgetArea(prediction) == Qt.RightDockWidgetArea
    assert prediction not in window.tabifiedDockWidgets(settings)
    assert settings.isVisible() and prediction.isVisible()


def test_the_loss_read_out_is_never_cut(qtbot, window):
    resize(qtbot, window, 1024, 768)
    train_to_end(qtbot, window)
    label = find(window, "lossHoverLabel")
    try:
        for factor in (1.0, 2.0):
            window.zoom.set(factor)
            settle()
            height = label.heightForWidth(label.width())
            assert height <= label.height(), (factor, height, label.height())
    finally:
        window.zoom.reset()


def test_zoom_reaches_every_text_even_styled_and_fixed_width_ones(qtbot, window):
    from PySide6.QtWidgets import QWidget

    train_to_end(qtbot, window)
    window.findChild(QWidget, "learningRateInput").setText("-1")  # a red error line shown
    settle()
    app = QApplication.instance()
    try:
        window.zoom.set(2.0)
        settle()
        size = app.font().pointSizeF()
        small = {
            w.objectName() or type(w).__name__: w.font().pointSizeF()
            for w in window.findChildren(QWidget)
            # the Reset view buttons pick a smaller font to fit their corner, by design
            if w.objectName() != "resetViewButton" and 0 < w.font().pointSizeF() < 0.9 * size
        }
        assert not small, (size, small)
    finally:
        window.zoom.reset()


def test_zoom_reaches_every_legend_entry(qtbot, window):
    train_to_end(qtbot, window)
    settle()
    legend = window.loss_plot.loss_plot_item.legend
    before = {label.text: label.item.boundingRect().height() for _, label in legend.items}
    try:
        window.zoom.set(2.0)
        settle()
        after = {label.text: label.item.boundingRect().height() for _, label in legend.items}
        for text, size in after.items():
            assert size >= 1.6 * before.get(text, size / 2), (text, before, after)
    finally:
        window.zoom.reset()


def test_the_log_header_says_each_setting_once(qtbot, window):
    train_to_end(qtbot, window)
    header = find(window, "trainingLog").toPlainText().splitlines()[0]
    assert header.count("gd") == 1 and header.count("lr 0.01") == 1, header
    assert "3,000" in header, header


@pytest.mark.parametrize("size", [(1280, 800), (1024, 768)])
def test_a_fields_error_line_is_as_tall_as_its_text(qtbot, window, size):
    from .helpers import type_into

    resize(qtbot, window, *size)
    type_into(qtbot, find(window, "testSizeInput"), "1.5")
    error = find(window, "testSizeInputError")
    qtbot.waitUntil(error.isVisible, timeout=5_000)
    settle()
    assert error.height() >= error.heightForWidth(error.width()), (error.height(), error.text())


def test_axis_titles_of_views_drawn_once_shown_follow_the_zoom(qtbot, window):
    """The boundary and the other views draw (and title their axes) only once their tab is
    shown: at zoom 2 their titles are as large as every other plot's (18 pt, not 9)."""
    import pyqtgraph as pg

    train_to_end(qtbot, window)
    try:
        window.zoom.set(2.0)
        for index in range(window.tabs.count()):
            window.tabs.setCurrentIndex(index)
            page = window.tabs.page(index)

            def titles(page=page):
                return [
                    item.labelStyle.get("font-size")
                    for view in page.findChildren(pg.GraphicsView)
                    for item in view.scene().items()
                    if isinstance(item, pg.AxisItem) and item.isVisible() and item.labelText
                ]

            qtbot.waitUntil(lambda t=titles: all(size == "18.0pt" for size in t()))
            assert window.tabs.tabText(index) == "Log" or titles(), window.tabs.tabText(index)
    finally:
        window.zoom.reset()


def test_a_zoom_that_pushed_the_window_past_the_screen_gives_it_back_its_size():
    from PySide6.QtCore import QSize

    from logreg_gui.ui.app.main_window import size_on_screen

    screen = QSize(1024, 768)
    # Qt enlarged it to the least size of a moment (1247 px on a 1024 px projector).
    assert size_on_screen(QSize(1247, 768), QSize(1024, 768), screen) == QSize(1024, 768)
    assert size_on_screen(QSize(1247, 900), QSize(900, 700), screen) == QSize(900, 700)
    assert size_on_screen(QSize(1000, 700), QSize(900, 700), screen) is None  # on the screen
