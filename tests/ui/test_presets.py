"""A teacher's preset in the window: saved from the menu with controls ticked, opened in
another window with those controls hidden and locked, its tab shown and its lesson started;
View ▸ Show every control lets go."""

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog

from logreg_gui.core import DataError
from logreg_gui.ui.app.presets import PresetDialog

from .helpers import find, trigger


def test_a_preset_saved_from_the_menu_opens_in_another_window_as_the_class_sees_it(
    qtbot, window, tmp_path, monkeypatch
):
    from .test_files import new_window

    box = find(window, "dataSourceInput")
    box.setCurrentIndex(box.findData("moons"))
    qtbot.waitUntil(lambda: window.session.data_settings.source == "moons", timeout=20_000)
    window.tabs.setCurrentIndex(window.tabs.indexOf(window.boundary))

    def tick(dialog):
        dialog.title.setText("Moons for 3B")
        for name in ("hide_raceButton", "hide_penaltyInput", "lock_learningRateInput"):
            dialog.findChild(object, name).setChecked(True)
        return QDialog.Accepted

    monkeypatch.setattr(PresetDialog, "exec", tick)
    path = tmp_path / "class.lrpreset"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    trigger(window, "savePresetAction")
    assert path.exists(), window.dialogs

    other = new_window(qtbot)
    try:
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
        trigger(other, "openPresetAction")
        assert other.preset is not None and other.preset.title == "Moons for 3B"
        qtbot.waitUntil(lambda: other.session.data_settings.source == "moons", timeout=20_000)
        assert other.tabs.currentWidget() is other.boundary
        race, penalty = find(other, "raceButton"), find(other, "penaltyInput")
        rate = find(other, "learningRateInput")
        qtbot.waitUntil(lambda: not race.isVisible() and not penalty.isVisible())
        assert not rate.isEnabled() and "preset" in rate.toolTip()
        qtbot.waitUntil(lambda: "hidden" in other.statusBar().currentMessage(), timeout=5_000)
        # A change of source shows its own rows again, never the hidden one.
        box = find(other, "dataSourceInput")
        box.setCurrentIndex(box.findData("generated"))
        qtbot.waitUntil(lambda: find(other, "nSamplesInput").isVisible(), timeout=10_000)
        assert not penalty.isVisible()
        trigger(other, "showAllControlsAction")
        assert race.isVisible() and penalty.isVisible() and rate.isEnabled()
    finally:
        other.close()


def test_a_preset_starts_its_lesson_in_the_language_spoken(qtbot, window, tmp_path):
    from logreg_gui.core.files.preset_file import Preset, write_preset

    path = tmp_path / "lesson.lrpreset"
    write_preset(path, Preset(title="Rates", lesson="04-learning-rate"))
    window.open_preset(path)
    lesson, index = window.lessons.where()
    assert index == 0 and lesson.path.name == "04-learning-rate.en.md"
    write_preset(path, Preset(lesson="05-nothing-such"))
    with pytest.raises(DataError, match="not shipped"):
        window.open_preset(path)


def test_a_bad_preset_changes_nothing(qtbot, window, tmp_path):
    before = window.session.data_settings
    bad = tmp_path / "bad.lrpreset"
    bad.write_text('{"format": "logreg-gui preset", "version": 1, "model": {"epochs": 0}}')
    with pytest.raises(DataError, match=r"bad\.lrpreset"):
        window.open_preset(bad)
    assert window.session.data_settings == before and window.preset is None
    assert find(window, "raceButton").isVisible()
    window.menus.open_recent(str(bad))  # as a double-click would
    assert window.dialogs and "bad.lrpreset" in window.dialogs[-1][1].lower()


def test_logreg_gui_file_opens_a_preset_as_a_double_click_would(qtbot, window, tmp_path):
    from logreg_gui.app import parse_args
    from logreg_gui.core.files.preset_file import Preset, write_preset

    path = tmp_path / "class.lrpreset"
    write_preset(path, Preset(title="3B", hidden=("raceButton",)))
    args, qt_args = parse_args([str(path), "-platform", "offscreen"])
    assert args.file == str(path) and qt_args == ["-platform", "offscreen"]
    window.open_file_at_start(args.file)
    qtbot.waitUntil(lambda: window.preset is not None, timeout=10_000)
    assert window.preset.title == "3B" and not find(window, "raceButton").isVisible()
