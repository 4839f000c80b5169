"""The real main window driven as a person would: fields, buttons, training to the end, and
the stray inputs and races that must never lose a run or show a wrong number."""

import threading
import time
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QPushButton

from logreg_gui.core import DataError, DataSettings, LogisticRegressionGD, prepare_data
from logreg_gui.core.model.penalty import Penalty
from logreg_gui.ui.controllers import data as data_controller
from logreg_gui.ui.session import RunState

from .helpers import choose_penalty, find, resize, settle, train_to_end, type_into

REQUIRED_NAMES = [
    "trainButton", "pauseButton", "stepButton", "stopButton", "resetButton", "speedSlider",
    "learningRateInput", "epochsInput", "nSamplesInput", "nFeaturesInput", "testSizeInput",
    "seedInput", "dataSourceInput", "lossPlot", "epochProgress", "sampleIndexInput",
    "randomSampleButton", "predictionPanel", "optimizerInput", "dtypeInput",
]  # fmt: skip


def test_opens_on_the_seed_defaults_with_named_controls(window):
    for name in REQUIRED_NAMES:
        widget = find(window, name)
        assert widget.accessibleName() == name
        # Plots describe themselves to screen readers: a tooltip would cover their curves.
        said = widget.accessibleDescription() if name == "lossPlot" else widget.toolTip()
        assert said, f"{name} says nothing about itself"
    assert find(window, "nSamplesInput").text() == "150"
    assert find(window, "nFeaturesInput").text() == "10"
    assert find(window, "testSizeInput").text() == "0.3"
    assert find(window, "learningRateInput").text() == "0.01"
    assert find(window, "epochsInput").text() == "3000"
    data = window.session.data
    assert len(data.y_train) == 105 and len(data.y_test) == 45
    assert find(window, "trainButton").isEnabled()


def test_plot_holds_one_point_per_epoch_equal_to_the_core(qtbot, window):
    type_into(qtbot, find(window, "epochsInput"), "400")
    type_into(qtbot, find(window, "seedInput"), "7")
    qtbot.waitUntil(lambda: window.session.data_settings.seed == 7, timeout=10_000)
    train_to_end(qtbot, window)

    split = prepare_data(DataSettings(seed=7))
    model = LogisticRegressionGD(epochs=400, random_state=7)
    run = model.start_training(split.X_train, split.y_train, split.X_test, split.y_test)
    records = [run.record(), *run]
    data = window.loss_plot.data()
    np.testing.assert_array_equal(data["epochs"], np.arange(0, 401))
    np.testing.assert_allclose(data["train_loss"], [r.train_loss for r in records], rtol=1e-12)
    np.testing.assert_allclose(data["test_loss"], [r.test_loss for r in records], rtol=1e-12)
    np.testing.assert_allclose(data["test_accuracy"], [r.test_accuracy for r in records])
    assert "400 of 400" in find(window, "epochProgress").format()


def test_prediction_panel_probability_equals_predict_proba(qtbot, window):
    type_into(qtbot, find(window, "epochsInput"), "300")
    train_to_end(qtbot, window)
    split = prepare_data(DataSettings())
    model = LogisticRegressionGD(epochs=300, random_state=0).fit(split.X_train, split.y_train)
    panel = find(window, "predictionPanel")
    for index in (0, 13, len(split.y_test) - 1):
        find(window, "sampleIndexInput").setValue(index)
        np.testing.assert_allclose(
            panel.shown_probabilities(),
            model.predict_proba(split.X_test[index : index + 1])[0],
            rtol=1e-9,
        )
    before = panel.current_index()
    qtbot.mouseClick(find(window, "randomSampleButton"), Qt.LeftButton)
    assert panel.current_index() != before
    assert panel.current_index() == window.session.selected


def test_pause_step_resume_and_stop(qtbot, window):
    type_into(qtbot, find(window, "epochsInput"), "10000000")
    qtbot.mouseClick(find(window, "trainButton"), Qt.LeftButton)
    qtbot.waitUntil(lambda: len(window.loss_plot.data()["epochs"]) > 20, timeout=10_000)
    with qtbot.waitSignal(window.session.runStateChanged, timeout=5_000):
        qtbot.mouseClick(find(window, "pauseButton"), Qt.LeftButton)
    assert find(window, "pauseButton").text() == "Resume"
    paused_at = window.session.run.epoch
    assert f"epoch {paused_at:,} of" in find(window, "epochProgress").format()

    with qtbot.waitSignal(window.session.runProgressed, timeout=5_000):
        qtbot.mouseClick(find(window, "stepButton"), Qt.LeftButton)
    assert window.session.run.epoch == paused_at + 1

    # A new learning rate while paused applies from the next epoch, the weights are kept.
    type_into(qtbot, find(window, "learningRateInput"), "0.5")
    with qtbot.waitSignal(window.session.runProgressed, timeout=5_000):
        qtbot.mouseClick(find(window, "stepButton"), Qt.LeftButton)
    assert window.session.run.learning_rates[-1] == (paused_at + 1, 0.5)

    qtbot.mouseClick(find(window, "pauseButton"), Qt.LeftButton)  # Resume
    qtbot.waitUntil(lambda: window.session.run.epoch > paused_at + 50, timeout=10_000)
    qtbot.mouseClick(find(window, "stopButton"), Qt.LeftButton)
    qtbot.waitUntil(lambda: window.session.state is RunState.FINISHED, timeout=5_000)
    # Every epoch arrived once, in order, paused, stepped and resumed alike (the history
    # refuses an epoch that does not follow the one before).
    curves = window.session.run.curves
    assert curves.first == 0 and curves.n_epochs == window.session.run.epoch + 1
    assert "stopped" in window.statusBar().currentMessage()


def test_close_during_training_ends_the_thread(qtbot, window):
    type_into(qtbot, find(window, "epochsInput"), "10000000")
    qtbot.mouseClick(find(window, "trainButton"), Qt.LeftButton)
    qtbot.waitUntil(lambda: len(window.loss_plot.data()["epochs"]) > 5, timeout=10_000)
    thread = window.training.thread
    assert thread.isRunning()
    window.close()
    assert not thread.isRunning()


@pytest.mark.parametrize(
    "name,text,words",
    [
        ("learningRateInput", "0", "greater than 0"),
        ("learningRateInput", "fast", "is not a number"),
        ("learningRateInput", "nan", "finite"),
        ("alphaInput", "-1", "0 or more"),
        ("nInformativeInput", "9", "more than the 10 features"),  # 9 + 2 redundant > 10
        ("nClassesInput", "3", "at most 2^2"),  # 3 classes × 2 clusters > 2^2
        ("classSepInput", "0", "greater than 0"),
        ("epochsInput", "1e9", "from 1 to 100,000,000; 1000000000 is not"),
        ("epochsInput", "2.5", "whole number"),
        ("seedInput", "4294967296", "from 0 to 4,294,967,295"),
    ],
)
def test_invalid_input_disables_train_and_says_why(qtbot, window, name, text, words):
    field = find(window, name)
    if name == "alphaInput":  # the strength counts once a penalty is chosen
        choose_penalty(qtbot, window, "l2")
    good = field.text()
    type_into(qtbot, field, text)
    assert field.text() == text  # what was typed stays: never silently made into 19
    assert not find(window, "trainButton").isEnabled()
    error = find(window, f"{name}Error")
    assert error.isVisible() and words in error.text()
    type_into(qtbot, field, good)
    qtbot.waitUntil(lambda: find(window, "trainButton").isEnabled(), timeout=10_000)
    assert not error.isVisible()


def test_a_large_seed_and_exponent_notation_are_taken_as_typed(qtbot, window):
    type_into(qtbot, find(window, "seedInput"), "2147483648")
    qtbot.waitUntil(lambda: window.session.data_settings.seed == 2147483648, timeout=10_000)
    type_into(qtbot, find(window, "epochsInput"), "1e3")
    assert window.model_form.params()["epochs"] == 1000


def wheel(widget, notches=3):
    """Turn the mouse wheel over ``widget`` as a person scrolling the form would."""
    centre = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(
        centre, widget.mapToGlobal(centre), QPoint(0, 0), QPoint(0, 120 * notches),
        Qt.NoButton, Qt.NoModifier, Qt.NoScrollPhase, False,
    )  # fmt: skip
    QApplication.sendEvent(widget, event)


def test_a_stray_wheel_changes_nothing_and_no_edit_discards_a_run(qtbot, window):
    type_into(qtbot, find(window, "epochsInput"), "10000000")
    qtbot.mouseClick(find(window, "trainButton"), Qt.LeftButton)
    qtbot.waitUntil(lambda: len(window.loss_plot.data()["epochs"]) > 20, timeout=10_000)
    window.tabs.setFocus()
    for name in ("dataSourceInput", "initInput", "optimizerInput", "speedSlider"):
        widget = find(window, name)
        before = widget.currentIndex() if hasattr(widget, "currentIndex") else widget.value()
        wheel(widget)
        after = widget.currentIndex() if hasattr(widget, "currentIndex") else widget.value()
        assert after == before, name
    run = window.session.run
    # A deliberate data edit while a run exists is held, with the reason said; the run stays.
    type_into(qtbot, find(window, "nSamplesInput"), "147")
    notice = find(window, "settingsNotice")
    assert notice.isVisible() and "current run is kept" in notice.text()
    # Held, not made: nothing is being made or waits to be.
    assert window.data.held is not None and not window.data.busy
    assert window.session.run is run and window.session.data_settings.generation.n_samples == 150
    assert window.training.active
    # Train applies them: new data, a new run.
    qtbot.mouseClick(find(window, "trainButton"), Qt.LeftButton)
    qtbot.waitUntil(
        lambda: window.session.data_settings.generation.n_samples == 147, timeout=10_000
    )
    qtbot.waitUntil(lambda: window.session.run is not None and window.session.run is not run)
    assert not notice.isVisible()
    window.training.stop()


def test_data_that_arrive_late_for_an_old_request_are_dropped(qtbot, window, monkeypatch):
    """Seed 0 -> 1 -> 0 quickly: the seed-1 data arrive last and must not be shown."""
    real = data_controller.prepare_data
    started, release, returned = threading.Event(), threading.Event(), threading.Event()

    def slow_for_seed_1(settings, cancel=None):
        if settings.seed != 1:
            return real(settings, cancel=cancel)
        started.set()
        release.wait(10)
        try:
            return real(settings, cancel=cancel)
        finally:
            returned.set()

    monkeypatch.setattr(data_controller, "prepare_data", slow_for_seed_1)
    type_into(qtbot, find(window, "seedInput"), "1")
    qtbot.waitUntil(started.is_set, timeout=10_000)  # the seed-1 job is running
    type_into(qtbot, find(window, "seedInput"), "0")
    qtbot.waitUntil(lambda: not window.data.busy, timeout=10_000)  # seed 0 is made
    assert window.session.data_settings.seed == 0
    release.set()
    qtbot.waitUntil(returned.is_set, timeout=10_000)
    qtbot.waitUntil(
        lambda: not any(t.name == "job-data" and t.is_alive() for t in threading.enumerate()),
        timeout=10_000,
    )
    settle()  # whatever the seed-1 job sent has arrived
    assert window.session.data_settings.seed == 0
    np.testing.assert_array_equal(window.session.data.X_train, real(DataSettings(seed=0)).X_train)


def test_closing_never_waits_for_a_background_job(qtbot, window, monkeypatch):
    block = threading.Event()

    def never_ending(settings, cancel=None):
        block.wait(30)
        raise RuntimeError("unreachable")

    monkeypatch.setattr(data_controller, "prepare_data", never_ending)
    type_into(qtbot, find(window, "seedInput"), "5")
    qtbot.waitUntil(lambda: any(t.name == "job-data" for t in threading.enumerate()), timeout=5_000)
    began = time.monotonic()
    window.close()
    assert time.monotonic() - began < 1.0
    assert any(t.name == "job-data" and t.is_alive() for t in threading.enumerate())
    block.set()


def test_typing_a_learning_rate_reaches_the_run_only_when_committed(qtbot, window):
    type_into(qtbot, find(window, "epochsInput"), "10000000")
    qtbot.mouseClick(find(window, "trainButton"), Qt.LeftButton)
    qtbot.waitUntil(lambda: len(window.loss_plot.data()["epochs"]) > 5, timeout=10_000)
    field = find(window, "learningRateInput")
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "100")  # 1, 10, 100 as it is typed
    typed = window.session.run.epoch
    qtbot.waitUntil(lambda: window.session.run.epoch > typed + 100, timeout=10_000)
    assert [rate for _, rate in window.session.run.learning_rates] == [0.01]
    qtbot.keyClick(field, Qt.Key_Return)
    qtbot.waitUntil(lambda: window.session.run.learning_rates[-1][1] == 100.0, timeout=5_000)
    assert [rate for _, rate in window.session.run.learning_rates] == [0.01, 100.0]
    window.training.stop()


def test_what_is_drawn_for_a_run_refers_to_its_own_settings(qtbot, window):
    type_into(qtbot, find(window, "epochsInput"), "200")
    train_to_end(qtbot, window)
    qtbot.waitUntil(lambda: window.session.optimum is not None, timeout=10_000)
    line = window.loss_plot.reference.value()
    choose_penalty(qtbot, window, "l2", "0.5")
    assert not window.jobs.pending("optimum")  # nothing is being found for the form's penalty
    # The curve is the unpenalised run's: its optimum line stays, and the form's change is
    # named.
    assert window.loss_plot.reference.value() == line
    assert not window.session.optimum_penalty.active
    assert "Train to apply" in find(window, "settingsNotice").text()
    train_to_end(qtbot, window)
    qtbot.waitUntil(lambda: window.session.optimum_penalty == Penalty("l2", 0.5), timeout=10_000)
    qtbot.waitUntil(lambda: window.session.optimum is not None, timeout=10_000)
    assert window.loss_plot.reference.value() != line
    assert not find(window, "settingsNotice").isVisible()


def test_unusable_csv_is_explained_and_the_previous_data_stay(qtbot, window, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"\x00\x01\x02junk" * 100)
    before = window.session.data
    with pytest.raises(DataError, match="does not look like a text data file"):
        window.open_data(str(bad))  # the automation API raises what the dialog shows
    window.preview_file(str(bad))  # the menu's path: a message, nothing lost
    qtbot.waitUntil(lambda: len(window.dialogs) > 0, timeout=10_000)
    assert "cannot be used" in window.dialogs[0][0]
    assert window.session.data is before
    assert find(window, "trainButton").isEnabled()


def test_csv_file_trains(qtbot, window, tmp_path):
    rng = np.random.default_rng(0)
    X = rng.normal(size=(120, 3))
    y = np.where(X[:, 0] - X[:, 2] > 0, "spam", "ham")
    path = tmp_path / "mail.csv"
    rows = "\n".join(f"{r[0]},{r[1]},{r[2]},{c}" for r, c in zip(X, y))
    path.write_text("a,b,c,kind\n" + rows + "\n")
    window.open_data(str(path))
    qtbot.waitUntil(
        lambda: window.session.data is not None and window.session.data.target_name == "kind",
        timeout=10_000,
    )
    assert list(window.session.classes) == ["ham", "spam"]
    type_into(qtbot, find(window, "epochsInput"), "200")
    train_to_end(qtbot, window)
    assert len(window.loss_plot.data()["epochs"]) == 201


def test_a_file_is_previewed_and_its_target_chosen_before_training(qtbot, window, monkeypatch):
    """Choosing a file shows its columns; the person picks the target and the columns."""
    from logreg_gui.ui.inputs.file_preview import FilePreview

    data = str(Path(__file__).resolve().parents[1] / "data" / "penguins.csv")
    seen = {}

    def choose(dialog):
        seen["columns"] = dialog.columns.rowCount()
        seen["target"] = dialog.target.currentText()
        seen["rows"] = dialog.rows.model().rowCount()
        dialog.target.setCurrentText("island")  # the person picks another target
        box = next(
            dialog.columns.cellWidget(row, 4)
            for row in range(dialog.columns.rowCount())
            if dialog.columns.item(row, 0).text() == "sex"
        )
        box.setCurrentIndex(1)  # and leaves "sex" out
        return FilePreview.Accepted

    monkeypatch.setattr(FilePreview, "exec", choose)
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getOpenFileName", lambda *a, **k: (data, ""))
    qtbot.mouseClick(find(window, "chooseFileButton"), Qt.LeftButton)
    qtbot.waitUntil(
        lambda: window.session.data is not None and window.session.data.target_name == "island",
        timeout=10_000,
    )
    assert seen == {"columns": 9, "target": "species", "rows": 120}
    assert "sex=male" not in window.session.data.feature_names
    assert "species=Gentoo" in window.session.data.feature_names
    assert "island" in find(window, "fileTargetLabel").text()


@pytest.mark.parametrize("threshold", ["", "0.5"])
def test_a_quantity_target_is_cut_at_a_threshold_chosen_in_the_preview(
    qtbot, window, monkeypatch, threshold
):
    """A continuous target (the affairs' hours) is cut into two classes: at the training
    median when the threshold is left empty, else at the value typed; the summary says so."""
    from logreg_gui.ui.inputs.file_preview import FilePreview

    data = str(Path(__file__).resolve().parents[1] / "data" / "affairs_semicolon_decimal_comma.csv")
    seen = {}

    def choose(dialog):
        dialog.target.setCurrentText("affairs")
        seen["threshold shown"] = dialog.threshold.isVisibleTo(dialog)
        dialog.threshold.setText(threshold)
        return FilePreview.Accepted

    monkeypatch.setattr(FilePreview, "exec", choose)
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getOpenFileName", lambda *a, **k: (data, ""))
    qtbot.mouseClick(find(window, "chooseFileButton"), Qt.LeftButton)
    qtbot.waitUntil(
        lambda: window.session.data is not None and window.session.data.target_name == "affairs",
        timeout=10_000,
    )
    split = window.session.data
    assert seen["threshold shown"]
    assert set(np.unique(split.y_train)) == {0, 1}
    # Typed: that value; empty: the training median, which the core's tests check.
    assert split.threshold is not None
    if threshold:
        assert split.threshold == 0.5
    summary = find(window, "dataSummary").text()
    assert "cut into two classes at" in summary
    assert ("the training median" in summary) == (threshold == "")
    assert find(window, "trainButton").isEnabled()


def test_screenshot_after_training(qtbot, window, tmp_path):
    type_into(qtbot, find(window, "epochsInput"), "500")
    train_to_end(qtbot, window)
    for size in ((1280, 800), (1920, 1080)):
        resize(qtbot, window, *size)
        assert window.grab().save(str(tmp_path / f"window-{size[0]}x{size[1]}.png"))
    # What a person sees: the whole run on the plot, every button's text whole at 1280x800.
    resize(qtbot, window, 1280, 800)
    x, _ = window.loss_plot.train_loss.getData()
    assert x[0] == 0 and x[-1] == 500
    for button in window.findChildren(QPushButton):
        if button.isVisible() and button.text():
            text = button.text().replace("&", "")
            assert button.width() >= button.fontMetrics().horizontalAdvance(text), text


def test_a_rising_loss_is_a_warning_by_the_plot_and_an_exploding_one_divergence(qtbot, window):
    """Hardening 9 and 18 in the window: too large a step is said where the curve is."""
    type_into(qtbot, find(window, "epochsInput"), "300")
    type_into(qtbot, find(window, "learningRateInput"), "1000")
    train_to_end(qtbot, window)
    warning = find(window, "lossWarning")
    assert window.session.run.stop_reason != "diverged"
    assert warning.isVisible() and "learning rate 1000 is likely too large" in warning.text()
    type_into(qtbot, find(window, "learningRateInput"), "1e12")
    train_to_end(qtbot, window)
    assert window.session.run.stop_reason == "diverged"
    assert "diverged" in window.statusBar().currentMessage()
    assert window.dialogs and window.dialogs[-1][0] == "Training diverged"
    assert np.all(np.isfinite(window.session.shown()[1]))


def test_the_forms_write_what_they_describe_into_the_session(qtbot, window):
    """The session holds what the forms describe; Train reads it there, not the widgets."""
    type_into(qtbot, find(window, "learningRateInput"), "0.05")
    type_into(qtbot, find(window, "seedInput"), "7")
    qtbot.waitUntil(lambda: window.session.data_settings.seed == 7, timeout=10_000)
    request = window.session.request
    assert request.model["learning_rate"] == 0.05 and request.seed == 7
    assert request.data.seed == 7 and request.problems == {}
    choose_penalty(qtbot, window, "l1", "-1")
    assert "alpha" in window.session.request.problems and window.session.request.model is None
    choose_penalty(qtbot, window, "none")
    assert window.session.request.model["penalty"] is None
    # A request written by a script is what Train uses.
    model = dict(window.session.request.model, learning_rate=0.2, epochs=5)
    window.session.set_request("model", model=model)
    train_to_end(qtbot, window)
    run = window.session.run
    assert run.settings["learning_rate"] == 0.2 and run.settings["random_state"] == 7
    assert run.epoch == 5


def test_a_background_job_that_fails_says_so(qtbot, window, monkeypatch):
    """Metrics that cannot be computed are said in words, and the window carries on."""
    from logreg_gui.ui.controllers import analysis

    def broken(*args, **kwargs):
        raise MemoryError

    monkeypatch.setattr(analysis, "evaluate_weights", broken)
    type_into(qtbot, find(window, "epochsInput"), "30")
    train_to_end(qtbot, window)
    qtbot.waitUntil(
        lambda: "metrics could not be computed" in window.statusBar().currentMessage(),
        timeout=10_000,
    )
    assert "not enough memory" in window.statusBar().currentMessage()
    assert find(window, "trainButton").isEnabled() and window.dialogs == []
