"""The two-dimensional sets in the Data form: chosen as a source, their samples and noise
typed, the data they make, and the fields kept for the next start."""

import numpy as np
import pytest

from logreg_gui.core import DataSettings, ShapeSettings, prepare_data

from .helpers import find, type_into

SHAPE_INPUTS = ("shapeSamplesInput", "shapeNoiseInput")


def next_start(qtbot):
    """The window the next start of the application makes, its data made."""
    from logreg_gui.ui.app.main_window import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.session.data is not None, timeout=20_000)
    return w


def wait_for_data(qtbot, window, expected):
    """Wait until the window's data are those of ``expected`` (a SplitData)."""
    qtbot.waitUntil(
        lambda: window.session.data is not None and window.session.data.source == expected.source,
        timeout=20_000,
    )


def test_the_five_sets_are_offered_and_their_fields_shown_for_them_only(window):
    source = find(window, "dataSourceInput")
    offered = [source.itemData(i) for i in range(source.count())]
    assert offered[1:6] == ["blobs", "moons", "circles", "xor", "spirals"]
    assert source.itemText(offered.index("xor")) == "XOR (four quadrants) — 2-D"
    for name in SHAPE_INPUTS:
        field = find(window, name)
        assert field.accessibleName() == name and field.toolTip()
        assert not field.isVisible()  # generated data
    for value in ("circles", "iris", "spirals", "generated"):
        source.setCurrentIndex(source.findData(value))
        for name in SHAPE_INPUTS:
            assert find(window, name).isVisible() == (value in ("circles", "spirals")), value
        assert find(window, "nSamplesInput").isVisible() == (value == "generated")
        assert find(window, "seedInput").isVisible()


def test_circles_chosen_in_the_form_are_the_data_with_the_samples_and_noise_typed(qtbot, window):
    source = find(window, "dataSourceInput")
    source.setCurrentIndex(source.findData("circles"))
    samples, noise = find(window, "shapeSamplesInput"), find(window, "shapeNoiseInput")
    assert samples.text() == "200" and noise.text() == ""
    assert "0.1" in noise.placeholderText()  # empty: the circles' own noise
    expected = prepare_data(DataSettings(source="circles", seed=0))
    wait_for_data(qtbot, window, expected)
    assert "noise 0.1," in window.session.data.source

    type_into(qtbot, samples, "120")
    type_into(qtbot, noise, "0.2")
    type_into(qtbot, find(window, "seedInput"), "3")
    settings = DataSettings(source="circles", shape=ShapeSettings(120, 0.2), seed=3)
    expected = prepare_data(settings)
    wait_for_data(qtbot, window, expected)
    data = window.session.data
    assert window.session.data_settings == settings
    assert data.feature_names == ("x1", "x2")
    assert len(data.y_train) + len(data.y_test) == 120
    np.testing.assert_array_equal(data.X_train, expected.X_train)
    np.testing.assert_array_equal(data.y_test, expected.y_test)
    summary = find(window, "dataSummary").text()
    assert "60 of class 0 and 60 of class 1" in summary and "outer circle" in summary


def test_a_bad_noise_or_too_few_samples_are_said_next_to_their_field(qtbot, window):
    source = find(window, "dataSourceInput")
    source.setCurrentIndex(source.findData("xor"))
    type_into(qtbot, find(window, "shapeNoiseInput"), "-1")
    error = find(window, "shapeNoiseInputError")
    assert error.isVisible() and "the noise must be a number from 0 to 10" in error.text()
    assert not find(window, "trainButton").isEnabled()
    type_into(qtbot, find(window, "shapeNoiseInput"), "0.3")
    assert not error.isVisible()
    type_into(qtbot, find(window, "shapeSamplesInput"), "4")
    assert "from 10" in find(window, "shapeSamplesInputError").text()
    type_into(qtbot, find(window, "shapeSamplesInput"), "10")
    type_into(qtbot, find(window, "testSizeInput"), "0.9")
    assert "too few of the 10 samples" in find(window, "testSizeInputError").text()


def test_the_set_its_samples_and_noise_come_back_at_the_next_start(qtbot, window):
    source = find(window, "dataSourceInput")
    source.setCurrentIndex(source.findData("spirals"))
    type_into(qtbot, find(window, "shapeSamplesInput"), "80")
    type_into(qtbot, find(window, "shapeNoiseInput"), "0.05")
    settings = DataSettings(source="spirals", shape=ShapeSettings(80, 0.05))
    wait_for_data(qtbot, window, prepare_data(settings))
    window.close()

    again = next_start(qtbot)
    try:
        assert find(again, "dataSourceInput").currentData() == "spirals"
        assert find(again, "shapeSamplesInput").text() == "80"
        assert find(again, "shapeNoiseInput").text() == "0.05"
        assert find(again, "shapeNoiseInput").isVisible()
        assert again.session.data_settings == settings
        again.menus.reset_settings()  # View ▸ Restore default settings
        assert find(again, "shapeSamplesInput").text() == "200"
        assert find(again, "shapeNoiseInput").text() == ""
        assert find(again, "dataSourceInput").currentData() == "generated"
    finally:
        again.close()


def test_a_kept_noise_that_does_not_fit_is_said_and_a_set_no_longer_offered_is_forgotten(
    qtbot, window
):
    from PySide6.QtCore import QSettings

    window.close()
    QSettings().setValue(
        "forms/values",
        '{"dataSourceInput": "torus", "shapeNoiseInput": "lots", "shapeSamplesInput": "90"}',
    )
    again = next_start(qtbot)
    try:
        assert find(again, "dataSourceInput").currentData() == "generated"
        assert "dataSourceInput" in again.statusBar().currentMessage()
        assert find(again, "shapeSamplesInput").text() == "90"
        source = find(again, "dataSourceInput")
        source.setCurrentIndex(source.findData("moons"))
        # A typed text is kept as typed, and said wrong next to its field.
        assert find(again, "shapeNoiseInput").text() == "lots"
        assert find(again, "shapeNoiseInputError").isVisible()
    finally:
        again.close()


def test_settings_shown_in_the_form_come_back_out_of_it_the_same(window):
    """As when a session or a model file is opened: its data settings shown, then read."""
    form = window.data_form
    for settings in (
        DataSettings(source="moons", shape=ShapeSettings(50, 0.3), seed=8),
        DataSettings(source="blobs", shape=ShapeSettings(1000, None), test_size=0.2),
    ):
        form.set_settings(settings)
        assert find(window, "dataSourceInput").currentData() == settings.source
        assert find(window, "shapeSamplesInput").text() == str(settings.shape.n_samples)
        assert form.settings() == settings
    assert find(window, "shapeNoiseInput").text() == ""
    assert find(window, "shapeNoiseInput").placeholderText() == "default 0.4"


def test_the_share_of_a_class_makes_imbalanced_data(qtbot, window):
    """The generated data's last class and a two-dimensional set's class 1 can be made
    rare: the data made have that share."""
    type_into(qtbot, find(window, "classShareInput"), "0.1")
    qtbot.waitUntil(
        lambda: window.session.data_settings.generation.weights is not None, timeout=20_000
    )
    assert window.session.data_settings.generation.weights == pytest.approx((0.9,))
    data = window.session.data
    labels = np.concatenate([data.y_train, data.y_test])
    assert abs(np.mean(labels == data.classes[1]) - 0.1) < 0.05
    combo = find(window, "dataSourceInput")
    combo.setCurrentIndex(combo.findData("circles"))
    type_into(qtbot, find(window, "shapeClassShareInput"), "0.2")
    qtbot.waitUntil(
        lambda: (
            window.session.data_settings.source == "circles"
            and window.session.data_settings.shape.class_share == 0.2
        ),
        timeout=20_000,
    )
    data = window.session.data
    labels = np.concatenate([data.y_train, data.y_test])
    assert int(np.sum(labels == 1)) == 40  # of the 200 samples
