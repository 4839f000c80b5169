"""On a projector at zoom 2 the metrics table shows every row: its page scrolls, the table
never hides values behind a scroll bar of its own."""

from .helpers import find, resize, settle, train_to_end


def test_the_metrics_table_shows_every_row_at_zoom_two_on_1024(qtbot, window):
    resize(qtbot, window, 1024, 768)
    window.zoom.set(2.0)
    try:
        train_to_end(qtbot, window)
        window.set_presentation(True)
        window.tabs.setCurrentWidget(window.evaluation)
        settle()
        table = find(window, "metricsTable")
        qtbot.waitUntil(lambda: table.item(0, 0) is not None, timeout=10_000)
        settle()
        rows = sum(table.rowHeight(r) for r in range(table.rowCount()))
        # It asks for room for every row (the page scrolls when there is less) …
        assert table.minimumHeight() >= table.horizontalHeader().height() + rows
        # … and gets it: nothing is hidden below a scroll bar of its own.
        assert table.verticalScrollBar().maximum() == 0
        last = table.rowCount() - 1
        assert table.visualItemRect(table.item(last, 1)).bottom() <= table.viewport().height()
    finally:
        window.set_presentation(False)
        window.zoom.reset()
