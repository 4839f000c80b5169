"""The complexity curve in the Evaluation tab: computed in the background when asked, with
progress and Cancel; drawn as the core computes it, the setting in use marked and the words
underfitting and overfitting where the verdict puts them; kept while only the degree of the
data changes; fitting a 1024×768 screen."""

from dataclasses import replace

import numpy as np
import pandas as pd
import pytest
from PySide6.QtCore import Qt
from sklearn.datasets import make_moons

from logreg_gui.core.analysis.complexity import degree_curve, l2_curve, verdict
from logreg_gui.core.data.settings import FILE, DataSettings, prepare_data

from .helpers import find, resize, settle


def moons_file(tmp_path, n, name="moons.csv"):
    X, y = make_moons(n, noise=0.3, random_state=0)
    path = tmp_path / name
    pd.DataFrame({"x1": X[:, 0], "x2": X[:, 1], "label": y}).to_csv(path, index=False)
    return str(path)


def show_the_curve(window):
    window.tabs.setCurrentWidget(window.evaluation)
    window.evaluation.pages.setCurrentWidget(window.complexity)
    settle()
    return window.complexity


def computed(qtbot, window, axis, timeout=60_000):
    view = show_the_curve(window)
    view.set_axis(axis)
    qtbot.mouseClick(find(window, "complexityComputeButton"), Qt.LeftButton)
    qtbot.waitUntil(
        lambda: window.session.complexity.get(axis) is not None and not view.running(),
        timeout=timeout,
    )
    return view


def test_the_degree_curve_of_the_seeds_data_is_drawn_and_says_overfitting(qtbot, window):
    view = computed(qtbot, window, "degree")
    assert find(window, "complexityCurve") is view
    # The same curve the core computes for these data and this L2 (0: the floor is used).
    expected = degree_curve(window.session.data_settings, 0.0)
    drawn = view.drawn()
    np.testing.assert_array_equal(drawn["x"], [1, 2, 3, 4])
    for name in ("train_loss", "test_loss", "train_accuracy", "test_accuracy"):
        np.testing.assert_allclose(drawn[name], expected.values(name), rtol=1e-9, atol=1e-12)
    # Degree 1 is best on these 105 samples; degrees 2–4 (65 to 1,000 features) overfit.
    assert verdict(expected).overfitting == (1, 2, 3)
    assert [key for key, _ in view.words()] == ["overfitting"]
    assert view.marked() == 1  # the degree in use
    text = find(window, "complexitySummary").text()
    assert "The test loss is lowest at degree 1" in text
    assert "From degree 2 the test loss rises" in text and "overfitting" in text
    assert "stops at degree 4: degree 5 would make 3,002 features" in text
    assert "with L2 = 0.0001" in text


def test_raising_the_degree_walks_along_the_curve_other_data_drop_it(qtbot, window):
    view = computed(qtbot, window, "degree")
    curve = window.session.complexity["degree"]
    find(window, "degreeInput").setCurrentIndex(1)  # degree 2
    qtbot.waitUntil(lambda: window.session.data.X_train.shape[1] == 65, timeout=20_000)
    assert window.session.complexity["degree"] is curve and view.marked() == 2
    find(window, "degreeInput").setCurrentIndex(0)
    qtbot.waitUntil(lambda: window.session.data.X_train.shape[1] == 10, timeout=20_000)
    find(window, "squaresInput").setChecked(True)  # another map: other data
    qtbot.waitUntil(lambda: window.session.data.X_train.shape[1] == 20, timeout=20_000)
    assert "degree" not in window.session.complexity
    assert view.drawn()["x"].size == 0 and view.words() == []
    assert "The data changed: press Compute" in find(window, "complexitySummary").text()


def test_the_l2_curve_marks_the_penalty_in_use(qtbot, window):
    from .helpers import choose_penalty

    choose_penalty(qtbot, window, "l2", "0.01")
    qtbot.waitUntil(lambda: window.session.l2_in_use() == 0.01, timeout=5_000)
    view = computed(qtbot, window, "l2")
    expected = l2_curve(window.session.data)
    np.testing.assert_allclose(view.drawn()["x"], expected.values("value"))
    np.testing.assert_allclose(view.drawn()["test_loss"], expected.values("test_loss"), rtol=1e-9)
    assert view.marked() == pytest.approx(0.01)
    result = verdict(expected)
    keys = [key for key, _ in view.words()]
    assert keys == [key for key in ("underfitting", "overfitting") if getattr(result, key)]
    assert "underfitting" in keys  # L2 = 10 holds the weights near 0
    view.set_axis("degree")  # the other axis: nothing computed for it yet
    assert view.drawn()["x"].size == 0 and view.marked() == 1
    assert "Press Compute" in find(window, "complexitySummary").text()
    view.set_axis("l2")
    assert view.drawn()["x"].size == 13


def test_the_job_shows_progress_and_cancel_stops_it(qtbot, window, tmp_path):
    """20,000 noisy moons: each optimum takes long enough to be cancelled in flight."""
    window.open_data(moons_file(tmp_path, 20_000), "label", wait=True)
    qtbot.waitUntil(lambda: window.session.data.X_train.shape == (14_000, 2), timeout=20_000)
    view = show_the_curve(window)
    find(window, "degreeInput").setCurrentIndex(9)  # degree 10: 65 features a point
    qtbot.waitUntil(lambda: window.session.data.X_train.shape[1] == 65, timeout=20_000)
    view.set_axis("degree")
    qtbot.mouseClick(find(window, "complexityComputeButton"), Qt.LeftButton)
    progress = find(window, "complexityProgress")
    qtbot.waitUntil(lambda: view.running() and progress.isVisible(), timeout=5_000)
    assert not find(window, "complexityComputeButton").isVisible()
    qtbot.waitUntil(lambda: "of 10 optima" in progress.text(), timeout=30_000)
    assert window.jobs.pending("complexity")
    qtbot.mouseClick(find(window, "complexityCancelButton"), Qt.LeftButton)
    qtbot.waitUntil(lambda: not view.running(), timeout=5_000)
    assert not window.jobs.pending("complexity")
    assert window.session.complexity == {} and window.session.complexity_running is None
    assert "The computation was cancelled." in find(window, "complexitySummary").text()
    assert find(window, "complexityComputeButton").isVisible()


def test_the_view_draws_the_curve_the_session_holds(qtbot, tmp_path):
    """Without a window: a session holding a curve of noisy moons (the degree in use 4) is
    drawn point for point, with the words where the verdict puts them."""
    from logreg_gui.ui.session import Session
    from logreg_gui.ui.views.complexity_view import ComplexityView

    settings = DataSettings(source=FILE, path=moons_file(tmp_path, 200), target="label")
    settings = replace(settings, feature_map=replace(settings.feature_map, degree=4))
    session, view = Session(), ComplexityView()
    qtbot.addWidget(view)
    view.bind(session)
    session.set_data(prepare_data(settings), settings)
    assert view.curve() is None and view.marked() == 4
    curve = degree_curve(settings, 1e-4)
    session.set_complexity(curve)
    assert view.curve() is curve
    np.testing.assert_array_equal(view.drawn()["x"], np.arange(1, 11))
    np.testing.assert_array_equal(view.drawn()["test_loss"], curve.values("test_loss"))
    result = verdict(curve)
    words = dict(view.words())
    assert set(words) == {"underfitting", "overfitting"}
    assert words["overfitting"] in curve.values("value")[list(result.overfitting)]
    assert words["underfitting"] in curve.values("value")[list(result.underfitting)]
    assert "overfitting" in view.summary.text() and "underfitting" in view.summary.text()


def test_the_curve_fits_a_1024x768_screen(qtbot, window, tmp_path):
    resize(qtbot, window, 1024, 768)
    view = computed(qtbot, window, "degree")
    settle()
    assert window.width() <= 1024 and window.height() <= 768
    hint = window.minimumSizeHint()
    assert hint.width() <= 1024 and hint.height() <= 740, hint
    for widget in ("complexityComputeButton", "complexityAxisInput", "complexitySummary"):
        assert find(window, widget).isVisible()
    assert view.graphics.height() >= 250
    assert window.grab().save(str(tmp_path / "complexity-1024x768.png"))
