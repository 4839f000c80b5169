"""Keeping the work: settings remembered between starts, model and session files through the
real window (automation API and menus with their dialogs replaced), exports and the report."""

import base64
import json
import os
import re
import shutil
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from PySide6.QtCore import Qt

from logreg_gui.core import DataError
from logreg_gui.core.files.model_file import load_model
from logreg_gui.core.files.session_file import load_session
from logreg_gui.core.model.objective import class_probabilities, decision_scores
from logreg_gui.ui.app.settings_store import forget_settings, last_session_path
from logreg_gui.ui.session import RunState

from .helpers import answer, find, train_to_end, trigger, type_into

DATA = Path(__file__).parents[1] / "data"


def new_window(qtbot, window_factory=None):
    """A second window, as the next start of the application would make it."""
    from logreg_gui.ui.app.main_window import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.session.data is not None, timeout=20_000)
    return w


@pytest.fixture
def second(qtbot, window):
    """Another window in the same test (dialogs recorded into the first one's list)."""
    w = new_window(qtbot)
    w.dialogs = window.dialogs
    yield w
    w.close()


def trained(qtbot, window, epochs="300"):
    type_into(qtbot, find(window, "epochsInput"), epochs)
    train_to_end(qtbot, window)
    return window.session.run


# Settings ---------------------------------------------------------------------------------
def test_every_form_value_tab_and_file_come_back_at_the_next_start(qtbot, window):
    type_into(qtbot, find(window, "learningRateInput"), "0.5")
    type_into(qtbot, find(window, "epochsInput"), "1e4")  # kept as typed
    find(window, "optimizerInput").setCurrentIndex(3)  # Adam
    find(window, "standardizeInput").setChecked(False)
    find(window, "speedSlider").setValue(2)
    window.tabs.setCurrentIndex(2)
    window.open_data(str(DATA / "penguins.csv"), target="species")
    qtbot.waitUntil(lambda: window.session.data.target_name == "species", timeout=20_000)
    window.close()

    again = new_window(qtbot)
    try:
        assert find(again, "learningRateInput").text() == "0.5"
        assert find(again, "epochsInput").text() == "1e4"
        assert find(again, "optimizerInput").currentData() == "adam"
        assert not find(again, "standardizeInput").isChecked()
        assert find(again, "speedSlider").value() == 2
        assert again.tabs.currentIndex() == 2
        assert again.session.data.target_name == "species"  # the same file and target
        assert again.session.data_settings.path == str(DATA / "penguins.csv")

        again.menus.reset_settings()  # View ▸ Restore default settings
        assert find(again, "learningRateInput").text() == "0.01"
        assert find(again, "epochsInput").text() == "3000"
        assert find(again, "optimizerInput").currentData() == "gd"
        assert find(again, "dataSourceInput").currentData() == "generated"
        assert find(again, "speedSlider").value() == find(again, "speedSlider").maximum()
        assert again.tabs.currentIndex() == 0
        qtbot.waitUntil(lambda: again.session.data_settings.source == "generated", timeout=20_000)
    finally:
        again.close()


def test_a_data_file_gone_since_last_time_falls_back_to_generated_data(qtbot, window, tmp_path):
    copy = tmp_path / "penguins.csv"
    shutil.copy(DATA / "penguins.csv", copy)
    window.open_data(str(copy), target="species")
    qtbot.waitUntil(lambda: window.session.data.target_name == "species", timeout=20_000)
    window.close()
    copy.unlink()
    again = new_window(qtbot)
    try:
        assert again.session.data_settings.source == "generated"
        assert "not there any more" in again.statusBar().currentMessage()
    finally:
        again.close()


def test_reset_settings_flag_forgets_the_forms_but_not_the_recent_files(qtbot, window):
    from logreg_gui.app import parse_args
    from logreg_gui.ui.app.settings_store import forget_settings, recent_files, remember_file

    type_into(qtbot, find(window, "learningRateInput"), "0.5")
    remember_file(str(DATA / "penguins.csv"))
    window.close()
    args, qt_args = parse_args(["--reset-settings", "-platform", "offscreen"])
    assert args.reset_settings and qt_args == ["-platform", "offscreen"]
    forget_settings()  # what the flag does before the window is made
    again = new_window(qtbot)
    try:
        assert find(again, "learningRateInput").text() == "0.01"
        assert recent_files() == [str(DATA / "penguins.csv")]
    finally:
        again.close()


# Models -----------------------------------------------------------------------------------
def test_a_saved_model_predicts_as_the_window_did_and_reopens_to_the_same_screen(
    qtbot, window, second, tmp_path
):
    run = trained(qtbot, window)
    path = tmp_path / "model.json"
    window.save_model(str(path))
    model = load_model(path)
    data = window.session.data
    expected = class_probabilities(
        decision_scores(data.X_test, run.latest["coef"], run.latest["intercept"])
    )
    np.testing.assert_array_equal(model.predict_proba(data.X_test), expected)
    assert model.training["epochs_run"] == 300 and model.training["learning_rate"] == 0.01
    assert model.data["settings"]["source"] == "generated"

    type_into(qtbot, find(second, "seedInput"), "5")  # other data in the other window
    qtbot.waitUntil(lambda: second.session.data_settings.seed == 5, timeout=10_000)
    second.open_model(str(path))
    qtbot.waitUntil(lambda: second.session.run is not None, timeout=20_000)
    opened = second.session.run
    assert second.session.data_settings == window.session.data_settings  # its data made again
    np.testing.assert_array_equal(opened.latest["coef"], run.latest["coef"])
    assert opened.latest["epoch"] == 300
    assert opened.latest["test_accuracy"] == pytest.approx(run.latest["test_accuracy"], abs=1e-12)
    assert find(second, "seedInput").text() == "0"  # the forms say what the model used
    assert find(second, "epochsInput").text() == "300"
    second.session.select_sample(7)
    window.session.select_sample(7)
    np.testing.assert_allclose(
        second.prediction.shown_probabilities(), window.prediction.shown_probabilities(), rtol=1e-12
    )


def test_saving_a_model_before_training_says_why_not(window, tmp_path):
    with pytest.raises(DataError, match="no trained model"):
        window.save_model(str(tmp_path / "m.json"))
    assert not (tmp_path / "m.json").exists()


BAD_MODELS = {
    "not json": b"\x00\x01 binary",
    "foreign json": json.dumps({"format": "something else"}).encode(),
    "newer": None,  # filled from a real model file
    "wrong shapes": None,
    "not finite": None,
    "cut short": None,
}


@pytest.mark.parametrize("kind", list(BAD_MODELS))
def test_bad_model_files_leave_everything_as_it_was(qtbot, window, tmp_path, kind):
    run = trained(qtbot, window, "50")
    good = tmp_path / "good.json"
    window.save_model(str(good))
    document = json.loads(good.read_text())
    bad = tmp_path / f"{kind}.json"
    if kind == "newer":
        bad.write_text(json.dumps(dict(document, version=99)))
    elif kind == "wrong shapes":
        bad.write_text(json.dumps(dict(document, coef=[[1.0, 2.0]])))
    elif kind == "not finite":
        bad.write_text(json.dumps(dict(document, intercept=[1e999])).replace("Infinity", "1e999"))
    elif kind == "cut short":
        bad.write_bytes(good.read_bytes()[: len(good.read_bytes()) // 2])
    else:
        bad.write_bytes(BAD_MODELS[kind])
    with pytest.raises(DataError) as error:
        window.open_model(str(bad))
    assert "\n" not in str(error.value) and "Traceback" not in str(error.value)
    assert window.session.run is run and window.session.state is RunState.FINISHED


# Sessions ---------------------------------------------------------------------------------
def test_a_session_reopens_to_exactly_the_same_screen(qtbot, window, second, tmp_path):
    trained(qtbot, window, "200")
    type_into(qtbot, find(window, "learningRateInput"), "0.1")
    first = window.session.run
    train_to_end(qtbot, window)  # a second run; the first is compared with it
    window.session.select_sample(11)
    window.session.show_epoch(150)  # scrubbed back
    path = tmp_path / "work.lrsession"
    window.save_session(str(path))

    second.open_session(str(path), wait=True)  # returns once its data are made again
    assert second.session.run is not None and not second.data.busy
    a, b = window.session, second.session
    assert b.data_settings == a.data_settings
    np.testing.assert_array_equal(b.data.X_train, a.data.X_train)
    assert [r.label for r in b.runs] == [first.label]
    for name in ("epochs", "train_loss", "test_loss", "train_accuracy", "test_accuracy"):
        np.testing.assert_array_equal(second.loss_plot.data()[name], window.loss_plot.data()[name])
    assert b.selected == 11 and b.shown_epoch == 150
    np.testing.assert_array_equal(b.shown()[1], a.shown()[1])
    np.testing.assert_array_equal(b.run.parameters_at(37)[0], a.run.parameters_at(37)[0])
    assert b.run.learning_rates == a.run.learning_rates
    np.testing.assert_allclose(
        second.prediction.shown_probabilities(), window.prediction.shown_probabilities(), rtol=1e-12
    )
    assert find(second, "learningRateInput").text() == "0.1"
    assert not second.notice.isVisible()  # the forms describe the run shown


def test_a_session_of_a_data_file_checks_the_file_or_keeps_the_data_inside(
    qtbot, window, second, tmp_path
):
    copy = tmp_path / "penguins.csv"
    shutil.copy(DATA / "penguins.csv", copy)
    window.open_data(str(copy), target="species")
    qtbot.waitUntil(lambda: window.session.data.target_name == "species", timeout=20_000)
    trained(qtbot, window, "100")
    plain, kept = tmp_path / "plain.lrsession", tmp_path / "kept.lrsession"
    window.save_session(str(plain))
    window.save_session(str(kept), keep_data=True)
    with zipfile.ZipFile(kept) as archive:
        assert "data/X_train.npy" in archive.namelist()

    copy.write_text(copy.read_text().replace("Adelie", "Adélie", 1))  # the file changed
    before = second.session.data
    with pytest.raises(DataError, match="has changed since the session was saved"):
        second.open_session(str(plain))
    assert second.session.data is before

    copy.unlink()  # gone: the session with its data still opens
    with pytest.raises(DataError, match="is not there any more"):
        second.open_session(str(plain))
    second.open_session(str(kept))
    qtbot.waitUntil(lambda: second.session.run is not None, timeout=20_000)
    np.testing.assert_array_equal(second.session.data.X_test, window.session.data.X_test)
    assert list(second.session.classes) == list(window.session.classes)
    np.testing.assert_array_equal(
        second.session.run.latest["coef"], window.session.run.latest["coef"]
    )


@pytest.mark.parametrize("how", ["cut short", "not a zip", "newer", "weights of other data"])
def test_bad_session_files_leave_everything_as_it_was(qtbot, window, tmp_path, how):
    run = trained(qtbot, window, "50")
    good = tmp_path / "good.lrsession"
    window.save_session(str(good))
    bad = tmp_path / "bad.lrsession"
    raw = good.read_bytes()
    if how == "cut short":
        bad.write_bytes(raw[: len(raw) // 2])
    elif how == "not a zip":
        bad.write_text("hello")
    else:
        with zipfile.ZipFile(good) as source, zipfile.ZipFile(bad, "w") as target:
            for item in source.infolist():
                content = source.read(item)
                if item.filename == "session.json":
                    document = json.loads(content)
                    if how == "newer":
                        document["version"] = 99
                    else:
                        document["data_settings"]["generation"]["n_features"] = 4
                        document["data_settings"]["generation"]["n_informative"] = 2
                        document["data_settings"]["generation"]["n_redundant"] = 1
                    content = json.dumps(document)
                target.writestr(item, content)
    if how == "weights of other data":  # only known once its data are made
        window.open_session(str(bad))
        window.dialogs.clear()
        qtbot.waitUntil(lambda: len(window.dialogs) > 0, timeout=20_000)
        assert window.dialogs[0][0] == "The session cannot be opened"
        assert "does not fit its data" in window.dialogs[0][1]
        assert window.session.data_settings.generation.n_features == 10  # nothing changed
        assert window.session.run is run  # the run stays
        # A script that waits is told by an exception, and no dialog shows.
        window.dialogs.clear()
        with pytest.raises(DataError, match="does not fit its data"):
            window.open_session(str(bad), wait=True)
        assert window.dialogs == [] and window.session.run is run
    else:
        with pytest.raises(DataError):
            window.open_session(str(bad))
        assert window.session.run is run


# Menus --------------------------------------------------------------------------------------
def test_the_file_menu_saves_opens_and_exports(qtbot, window, second, tmp_path, monkeypatch):
    run = trained(qtbot, window, "120")
    answer(monkeypatch, tmp_path / "lesson")  # the suffix is added
    trigger(window, "saveSessionWithDataAction")  # written in the background
    qtbot.waitUntil(lambda: not window.coordinator.saving, timeout=20_000)
    assert load_session(tmp_path / "lesson.lrsession").data is not None  # the data inside
    answer(monkeypatch, tmp_path / "plain.lrsession")
    trigger(window, "saveSessionAction")
    qtbot.waitUntil(lambda: not window.coordinator.saving, timeout=20_000)
    assert load_session(tmp_path / "plain.lrsession").data is None  # made again from settings
    answer(monkeypatch, tmp_path / "lesson.lrsession")
    trigger(second, "openSessionAction")
    qtbot.waitUntil(lambda: second.session.run is not None, timeout=20_000)
    np.testing.assert_array_equal(second.session.run.latest["coef"], run.latest["coef"])
    assert str(tmp_path / "lesson.lrsession") in [a.toolTip() for a in _recent(second)]

    answer(monkeypatch, tmp_path / "predictions.csv")
    trigger(window, "exportPredictionsAction")
    table = pd.read_csv(tmp_path / "predictions.csv")
    data = window.session.data
    expected = class_probabilities(
        decision_scores(data.X_test, run.latest["coef"], run.latest["intercept"])
    )
    assert len(table) == len(data.y_test)
    np.testing.assert_allclose(table[["P(0)", "P(1)"]].to_numpy(), expected, rtol=1e-12)
    np.testing.assert_array_equal(table["true class"], data.y_test)
    np.testing.assert_array_equal(table["predicted class"], (expected[:, 1] > 0.5).astype(int))

    tables = {window.tabs.indexOf(window.evaluation), window.tabs.indexOf(window.log)}
    for suffix, chosen, magic in ((".png", "", b"\x89PNG"), ("", "SVG drawing (*.svg)", b"<?xml")):
        for tab in range(window.tabs.count()):
            window.tabs.setCurrentIndex(tab)
            target = tmp_path / f"view{tab}{suffix}"
            answer(monkeypatch, target, chosen)
            trigger(window, "exportImageAction")
            written = target if suffix else target.with_suffix(".svg")
            if not suffix and tab in tables:  # tables and text: PNG only, said so
                assert "export it as PNG" in window.dialogs[-1][1]
                continue
            assert written.read_bytes().startswith(magic), written

    answer(monkeypatch, tmp_path / "report.html")
    trigger(window, "exportReportAction")
    page = (tmp_path / "report.html").read_text()
    images = re.findall(r'src="data:image/png;base64,([^"]+)"', page)
    assert len(images) == 2 and all(base64.b64decode(i).startswith(b"\x89PNG") for i in images)
    assert f"<td>{run.latest['test_accuracy']:.4f}</td>" in page  # the evaluation table
    assert "Test sample 0" in page and "learning_rate" in page


def _recent(window):
    window.menus.recent_menu.aboutToShow.emit()
    return window.menus.recent_menu.actions()


def test_a_bad_file_opened_from_the_menu_is_one_message_and_nothing_is_lost(
    qtbot, window, tmp_path, monkeypatch
):
    run = trained(qtbot, window, "50")
    bad = tmp_path / "broken.lrsession"
    bad.write_bytes(b"PK\x03\x04 broken")
    answer(monkeypatch, bad)
    trigger(window, "openSessionAction")
    assert window.dialogs[-1][0] == "The session cannot be opened"
    assert "not a session file" in window.dialogs[-1][1]
    assert window.session.run is run
    answer(monkeypatch, tmp_path / "no-such-dir" / "model.json")
    trigger(window, "saveModelAction")
    assert "cannot be written" in window.dialogs[-1][1]


def test_every_plot_offers_export_on_right_click(window):
    import pyqtgraph as pg

    plots = [
        item
        for view in (
            window.loss_plot,
            window.boundary,
            window.weights,
            window.evaluation,
            window.prediction,
        )
        for widget in view.findChildren(pg.GraphicsView)
        for item in widget.scene().items()
        if isinstance(item, pg.ViewBox)
    ]
    assert len(plots) >= 6
    assert all(vb.menuEnabled() for vb in plots)


# The runs of last time -------------------------------------------------------------------
def test_the_runs_of_last_time_come_back_at_the_next_start(qtbot, window):
    first = trained(qtbot, window, epochs="200")
    type_into(qtbot, find(window, "learningRateInput"), "0.1")
    train_to_end(qtbot, window)
    window.session.select_sample(7)
    coef = window.session.run.parameters_at(200)[0]
    labels = [r.label for r in window.session.runs]
    window.close()
    assert os.path.exists(last_session_path())

    again = new_window(qtbot)
    qtbot.waitUntil(lambda: again.session.run is not None, timeout=20_000)
    assert again.session.selected == 7
    assert [r.label for r in again.session.runs] == labels == [first.label]
    np.testing.assert_array_equal(again.session.run.parameters_at(200)[0], coef)
    assert find(again, "learningRateInput").text() == "0.1"
    assert "runs of last time are back" in again.statusBar().currentMessage()
    again.close()


def test_runs_of_last_time_that_cannot_come_back_leave_a_working_window(qtbot, window):
    trained(qtbot, window, epochs="50")
    window.close()
    with open(last_session_path(), "r+b") as damaged:
        damaged.write(b"not a zip at all")
    again = new_window(qtbot)  # starts on the forms' data
    assert again.session.run is None and find(again, "trainButton").isEnabled()
    assert "cannot be restored" in again.statusBar().currentMessage()
    again.close()
    forget_settings()  # --reset-settings forgets them too
    assert not os.path.exists(last_session_path())


def test_a_session_saved_before_any_run_opens_in_a_new_start(qtbot, window, tmp_path):
    path = tmp_path / "no-runs.lrsession"
    window.save_session(str(path))
    again = new_window(qtbot)
    again.dialogs = window.dialogs
    again.open_session(str(path), wait=True)
    assert again.session.run is None and again.session.runs == []
    assert again.session.data_settings == window.session.data_settings
    assert "opened" in again.statusBar().currentMessage() and window.dialogs == []
    qtbot.waitUntil(lambda: again.session.optimum is not None, timeout=20_000)
    again.close()


def test_saving_while_training_keeps_the_run_going_and_the_file_whole(
    qtbot, window, second, tmp_path
):
    type_into(qtbot, find(window, "epochsInput"), "10000000")
    find(window, "speedSlider").setValue(8)  # 1,000 epochs a second: the history stays exact
    qtbot.mouseClick(find(window, "trainButton"), Qt.LeftButton)
    qtbot.waitUntil(
        lambda: window.session.run is not None and (window.session.run.epoch or 0) > 100,
        timeout=20_000,
    )
    path = tmp_path / "going.lrsession"
    window.save_session(str(path), wait=False)  # taken now, written in the background
    taken = window.session.run.epoch
    qtbot.waitUntil(lambda: not window.coordinator.saving, timeout=20_000)
    qtbot.waitUntil(lambda: window.session.run.epoch > taken + 50, timeout=20_000)
    assert window.session.state is RunState.RUNNING
    second.open_session(str(path), wait=True)
    opened = second.session.run
    assert opened.epoch == taken  # the run as it was when saved, whole
    np.testing.assert_array_equal(
        opened.curves.curve("objective")[1],
        window.session.run.curves.curve("objective")[1][: taken + 1],
    )
    window.training.stop()


def test_saves_of_one_file_land_in_the_order_they_were_asked_for(qtbot, window, tmp_path):
    trained(qtbot, window, "50")
    folder = tmp_path / "saves"
    folder.mkdir()
    path = folder / "twice.lrsession"
    window.save_session(str(path), wait=False)
    window.session.select_sample(9)  # the second save differs
    window.save_session(str(path), wait=False)
    qtbot.waitUntil(lambda: not window.coordinator.saving, timeout=20_000)
    assert load_session(path).selected == 9
    assert [p.name for p in folder.iterdir()] == ["twice.lrsession"]  # no leftovers


def test_a_session_that_cannot_be_written_is_one_sentence_and_the_old_file_stays(
    qtbot, window, tmp_path
):
    trained(qtbot, window, "50")
    path = tmp_path / "kept.lrsession"
    window.save_session(str(path))
    before = path.read_bytes()
    with pytest.raises(DataError, match="cannot be written"):
        window.save_session(str(tmp_path / "missing-folder" / "x.lrsession"))
    assert path.read_bytes() == before
    # From the menu: one dialog, said in words, the window as it was.
    window.save_session(str(tmp_path / "missing-folder" / "y.lrsession"), wait=False)
    qtbot.waitUntil(lambda: not window.coordinator.saving, timeout=20_000)
    title, text = window.dialogs[-1]
    assert title == "The session cannot be saved" and "cannot be written" in text


def a_logged_afternoon(qtbot, window):
    """Two runs, the second stepped, paused, given a new learning rate and resumed: every
    kind of line the Log has."""
    trained(qtbot, window, epochs="250")
    type_into(qtbot, find(window, "epochsInput"), "430")
    for epoch in (1, 2, 3):
        qtbot.mouseClick(find(window, "stepButton"), Qt.LeftButton)
        qtbot.waitUntil(
            lambda epoch=epoch: (
                window.session.run.epoch == epoch and window.session.state is RunState.PAUSED
            ),
            timeout=10_000,
        )
    type_into(qtbot, find(window, "learningRateInput"), "0.2")
    qtbot.mouseClick(find(window, "pauseButton"), Qt.LeftButton)  # Resume
    qtbot.waitUntil(lambda: window.session.state is RunState.FINISHED, timeout=30_000)
    lines = window.log.lines()
    assert "epoch:200" in " ".join(lines) and lines[-2].startswith("epoch:430")
    for words in ("paused at epoch 0", "resumed at epoch 3", "learning rate 0.2 from epoch 3"):
        assert any(words in line for line in lines), words
    return lines


def test_the_log_comes_back_line_for_line_from_a_session_and_a_restart(
    qtbot, window, second, tmp_path
):
    lines = a_logged_afternoon(qtbot, window)
    path = tmp_path / "afternoon.lrsession"
    window.save_session(str(path))
    second.open_session(str(path), wait=True)
    assert second.log.lines() == lines
    # "A line every" makes the lines again, in both alike.
    for log in (window.log, second.log):
        log.every.setValue(50)
    assert second.log.lines() == window.log.lines() != lines
    assert any(line.startswith("epoch:50,") for line in second.log.lines())
    window.log.every.setValue(100)
    window.close()  # the runs of last time are kept...
    again = new_window(qtbot)  # ... and come back at the next start
    qtbot.waitUntil(lambda: again.session.run is not None, timeout=20_000)
    assert again.log.lines() == lines
    again.close()


def test_a_session_of_an_earlier_version_gets_its_log_from_the_curves(
    qtbot, window, second, tmp_path
):
    trained(qtbot, window, epochs="250")
    lines = window.log.lines()
    path = tmp_path / "earlier.lrsession"
    window.save_session(str(path))
    older = tmp_path / "older.lrsession"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(older, "w") as target:
        for item in source.infolist():
            if "/log_" not in item.filename:  # what an earlier version wrote
                target.writestr(item, source.read(item))
    second.open_session(str(older), wait=True)
    assert second.log.lines() == lines
