"""The real main window driven as a person would: fields, buttons, training to the end."""

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from logreg_gui.core import DataSettings, LogisticRegressionGD, prepare_data
from logreg_gui.ui.main_window import MainWindow

REQUIRED_NAMES = [
    "trainButton",
    "pauseButton",
    "stepButton",
    "stopButton",
    "resetButton",
    "speedSlider",
    "learningRateInput",
    "epochsInput",
    "nSamplesInput",
    "nFeaturesInput",
    "testSizeInput",
    "seedInput",
    "dataSourceInput",
    "lossPlot",
    "epochProgress",
    "sampleIndexInput",
    "randomSampleButton",
    "predictionPanel",
]


@pytest.fixture
def window(qtbot, monkeypatch):
    # A test must never block on a dialog; record what would have been shown.
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[1:3]))
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: shown.append(a[1:3]))
    w = MainWindow()
    w.dialogs = shown
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.split is not None, timeout=10_000)
    yield w
    w.close()


def find(window, name):
    widget = window.findChild(object, name)
    assert widget is not None, name
    return widget


def train_to_end(qtbot, window, timeout=60_000):
    qtbot.mouseClick(find(window, "trainButton"), Qt.LeftButton)
    qtbot.waitUntil(
        lambda: window.training is None and not window.controls.stop.isEnabled(), timeout=timeout
    )


def test_opens_on_the_seed_defaults_with_named_controls(window):
    for name in REQUIRED_NAMES:
        widget = find(window, name)
        assert widget.accessibleName() == name
        assert widget.toolTip(), f"{name} has no tooltip"
    assert find(window, "nSamplesInput").value() == 150
    assert find(window, "nFeaturesInput").value() == 10
    assert find(window, "testSizeInput").value() == pytest.approx(0.3)
    assert find(window, "learningRateInput").text() == "0.01"
    assert find(window, "epochsInput").value() == 3000
    assert len(window.split.y_train) == 105 and len(window.split.y_test) == 45
    assert find(window, "trainButton").isEnabled()


def test_plot_holds_one_point_per_epoch_equal_to_the_core(qtbot, window):
    find(window, "epochsInput").setValue(400)
    find(window, "seedInput").setValue(7)
    qtbot.waitUntil(
        lambda: window.split is not None and window._data_settings.seed == 7, timeout=10_000
    )
    train_to_end(qtbot, window)

    split = prepare_data(DataSettings(seed=7))
    model = LogisticRegressionGD(epochs=400, random_state=7)
    run = model.start_training(split.X_train, split.y_train, split.X_test, split.y_test)
    records = [run.record(), *list(run)]
    data = window.loss_plot.data()
    np.testing.assert_array_equal(data["epochs"], np.arange(0, 401))
    np.testing.assert_allclose(data["train_loss"], [r.train_loss for r in records], rtol=1e-12)
    np.testing.assert_allclose(data["test_loss"], [r.test_loss for r in records], rtol=1e-12)
    np.testing.assert_allclose(data["test_accuracy"], [r.test_accuracy for r in records])
    assert "400 of 400" in find(window, "epochProgress").format()


def test_prediction_panel_probability_equals_predict_proba(qtbot, window):
    find(window, "epochsInput").setValue(300)
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


def test_pause_step_resume_and_stop(qtbot, window):
    find(window, "epochsInput").setValue(10_000_000)
    qtbot.mouseClick(find(window, "trainButton"), Qt.LeftButton)
    qtbot.waitUntil(lambda: len(window.loss_plot.data()["epochs"]) > 20, timeout=10_000)
    qtbot.mouseClick(find(window, "pauseButton"), Qt.LeftButton)
    qtbot.waitUntil(lambda: find(window, "pauseButton").text() == "Resume", timeout=5_000)
    qtbot.wait(150)
    paused_at = window.loss_plot.data()["epochs"][-1]
    qtbot.wait(200)
    assert window.loss_plot.data()["epochs"][-1] == paused_at

    qtbot.mouseClick(find(window, "stepButton"), Qt.LeftButton)
    qtbot.waitUntil(lambda: window.loss_plot.data()["epochs"][-1] == paused_at + 1, timeout=5_000)

    # A new learning rate while paused applies from the next epoch, the weights are kept.
    find(window, "learningRateInput").setText("0.5")
    qtbot.mouseClick(find(window, "stepButton"), Qt.LeftButton)
    qtbot.waitUntil(lambda: window.loss_plot.data()["epochs"][-1] == paused_at + 2, timeout=5_000)
    assert window.training.worker is not None

    qtbot.mouseClick(find(window, "pauseButton"), Qt.LeftButton)  # Resume
    qtbot.waitUntil(lambda: window.loss_plot.data()["epochs"][-1] > paused_at + 50, timeout=10_000)
    qtbot.mouseClick(find(window, "stopButton"), Qt.LeftButton)
    qtbot.waitUntil(lambda: window.training is None, timeout=5_000)
    epochs = window.loss_plot.data()["epochs"]
    np.testing.assert_array_equal(epochs, np.arange(0, epochs[-1] + 1))
    assert "stopped" in window.statusBar().currentMessage()


def test_close_during_training_ends_the_thread(qtbot, window):
    find(window, "epochsInput").setValue(10_000_000)
    qtbot.mouseClick(find(window, "trainButton"), Qt.LeftButton)
    qtbot.waitUntil(lambda: len(window.loss_plot.data()["epochs"]) > 5, timeout=10_000)
    thread = window.training.thread
    assert thread.isRunning()
    window.close()
    assert not thread.isRunning()


def test_train_again_and_data_change_stop_the_running_thread(qtbot, window):
    find(window, "epochsInput").setValue(10_000_000)
    qtbot.mouseClick(find(window, "trainButton"), Qt.LeftButton)
    qtbot.waitUntil(lambda: len(window.loss_plot.data()["epochs"]) > 5, timeout=10_000)
    first = window.training.thread
    qtbot.mouseClick(find(window, "trainButton"), Qt.LeftButton)
    assert not first.isRunning()
    second = window.training.thread
    assert second.isRunning()
    find(window, "nSamplesInput").setValue(200)
    qtbot.waitUntil(lambda: len(window.split.y_train) == 140, timeout=10_000)
    assert not second.isRunning()
    assert window.training is None


@pytest.mark.parametrize(
    "name,value,field",
    [
        ("learningRateInput", "0", "learningRateInput"),
        ("learningRateInput", "fast", "learningRateInput"),
        ("learningRateInput", "nan", "learningRateInput"),
        ("l2Input", "-1", "l2Input"),
        ("nInformativeInput", 9, "nInformativeInput"),  # 9 + 2 redundant > 10 features
        ("nClassesInput", 3, "nClassesInput"),  # 3 classes x 2 clusters > 2^2
    ],
)
def test_invalid_input_disables_train_and_says_why(qtbot, window, name, value, field):
    widget = find(window, name)
    widget.setText(value) if isinstance(value, str) else widget.setValue(value)
    assert not find(window, "trainButton").isEnabled()
    error = find(window, f"{field}Error")
    assert error.isVisible() and error.text()
    # Fixing it enables Train again.
    if isinstance(value, str):
        widget.setText("0.01" if name == "learningRateInput" else "0")
    else:
        widget.setValue(2)
    qtbot.waitUntil(lambda: find(window, "trainButton").isEnabled(), timeout=10_000)
    assert not error.isVisible()


def test_unusable_csv_is_explained_and_the_previous_data_stay(qtbot, window, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"\x00\x01\x02junk" * 100)
    before = window.split
    window.load_csv(str(bad))
    qtbot.waitUntil(lambda: len(window.dialogs) > 0, timeout=10_000)
    assert "cannot be used" in window.dialogs[0][0]
    assert window.split is before
    assert find(window, "trainButton").isEnabled()


def test_csv_file_trains(qtbot, window, tmp_path):
    rng = np.random.default_rng(0)
    X = rng.normal(size=(120, 3))
    y = np.where(X[:, 0] - X[:, 2] > 0, "spam", "ham")
    path = tmp_path / "mail.csv"
    path.write_text(
        "a,b,c,kind\n" + "\n".join(f"{r[0]},{r[1]},{r[2]},{c}" for r, c in zip(X, y)) + "\n"
    )
    window.load_csv(str(path))
    qtbot.waitUntil(
        lambda: window.split is not None and window.split.target_name == "kind", timeout=10_000
    )
    assert list(window.classes) == ["ham", "spam"]
    find(window, "epochsInput").setValue(200)
    train_to_end(qtbot, window)
    assert len(window.loss_plot.data()["epochs"]) == 201


def test_screenshot_after_training(qtbot, window, tmp_path):
    find(window, "epochsInput").setValue(500)
    train_to_end(qtbot, window)
    for size in ((1280, 800), (1920, 1080)):
        window.resize(*size)
        qtbot.wait(100)
        path = tmp_path / f"window-{size[0]}x{size[1]}.png"
        assert window.grab().save(str(path))
        assert path.stat().st_size > 10_000
    # Nothing clipped: every button shows its whole text at 1280x800.
    window.resize(1280, 800)
    qtbot.wait(50)
    for button in window.findChildren(QPushButton):
        if button.isVisible() and button.text():
            assert button.width() >= button.fontMetrics().horizontalAdvance(
                button.text().replace("&", "")
            ), button.text()
