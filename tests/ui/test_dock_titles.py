"""The panels' titles grow with the zoom (the style's own title bar keeps the platform's
title font on X11), and their buttons float and dock the panel."""

from .helpers import find, settle


def test_panel_titles_follow_the_zoom_and_float_their_panel(qtbot, window):
    title = find(window, "settingsDockTitle")
    before = title.label.fontInfo().pixelSize()
    window.zoom.set(2.0)
    settle()
    try:
        assert title.label.fontInfo().pixelSize() >= 1.8 * before
        assert title.label.text() == window.settings_dock.windowTitle()
        dock = window.prediction_dock
        find(window, "predictionDockFloatButton").click()
        qtbot.waitUntil(dock.isFloating)
        find(window, "predictionDockFloatButton").click()
        qtbot.waitUntil(lambda: not dock.isFloating())
        assert not find(window, "settingsDockCloseButton").isVisible()  # it may not close
    finally:
        window.zoom.reset()
