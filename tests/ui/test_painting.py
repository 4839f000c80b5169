"""Painting points in the boundary view, through the real window and the real mouse: paint
mode turns two-column data into painted points without changing a number, a click adds
exactly one training point of the class chosen where it was clicked, a drag moves exactly
that point, a right-click deletes exactly it, Undo and Redo put the points back, a run goes
on from its weights with the same decision function on raw inputs, the points come back in
a saved session and at the next start, they are exported as CSV, and an empty canvas waits
for a training point of each class."""

import csv

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QApplication

from logreg_gui.core.analysis.boundary import input_plane
from logreg_gui.core.model.objective import decision_scores
from logreg_gui.ui.session import RunState

from .helpers import find, settle, type_into


def choose(qtbot, window, source):
    """Choose a two-dimensional set in the Data form and show the Boundary tab."""
    combo = find(window, "dataSourceInput")
    combo.setCurrentIndex(combo.findData(source))
    qtbot.waitUntil(
        lambda: (
            window.session.data_settings is not None
            and window.session.data_settings.source == source
            and not window.coordinator.data.busy
        ),
        timeout=20_000,
    )
    window.tabs.setCurrentWidget(window.boundary)
    settle()


def paint_mode_on(qtbot, window):
    qtbot.mouseClick(find(window, "paintMode"), Qt.LeftButton)
    qtbot.waitUntil(lambda: window.session.painting, timeout=5_000)
    settle()


def on_viewport(view, u, v):
    """Where the plot's point (u, v) is on the plot's viewport."""
    settle()  # the mapping of the final layout
    scene = view.plot.getViewBox().mapViewToScene(QPointF(u, v))
    return view.graphics.mapFromScene(scene)


def click_plot(qtbot, view, u, v, button=Qt.LeftButton):
    qtbot.mouseClick(view.graphics.viewport(), button, pos=on_viewport(view, u, v))


def pixel(view):
    """The size of one pixel of the plot, in the plane's units (u, v)."""
    return np.array(view.plot.getViewBox().viewPixelSize())


def empty_spot(view, avoid=()):
    """A place on the plot far from every point drawn (and from ``avoid``)."""
    (umin, umax), (vmin, vmax) = view.plot.getViewBox().viewRange()
    u, v = np.meshgrid(np.linspace(umin, umax, 40)[4:-4], np.linspace(vmin, vmax, 40)[4:-4])
    spots = np.column_stack([u.ravel(), v.ravel()])
    points = np.vstack([view.drawn_points("train")[0], view.drawn_points("test")[0], *avoid])
    distance = np.linalg.norm((spots[:, None, :] - points[None, :, :]) / pixel(view), axis=2)
    return spots[int(np.argmax(distance.min(axis=1)))]


def loneliest_training_point(view):
    """``(index, (u, v))`` of the training point farthest from every other point."""
    train, index = view.drawn_points("train")
    everything = np.vstack([train, view.drawn_points("test")[0]])
    distance = np.linalg.norm((train[:, None, :] - everything[None, :, :]) / pixel(view), axis=2)
    distance[distance == 0] = np.inf
    best = int(np.argmax(distance.min(axis=1)))
    return int(index[best]), train[best]


def raw_training_points(window):
    return np.array(window.session.data.train_inputs, copy=True)


@pytest.fixture
def moons(qtbot, window):
    choose(qtbot, window, "moons")
    return window


def test_paint_mode_turns_moons_into_painted_points_without_changing_a_number(qtbot, moons):
    window, view = moons, moons.boundary
    before = window.session.data
    drawn = view.drawn_points("train")[0], view.drawn_points("test")[0]
    extent = view.plot.getViewBox().viewRange()
    assert find(window, "paintMode").isVisible() and not find(window, "paintUndoButton").isVisible()
    paint_mode_on(qtbot, window)
    after = window.session.data
    assert window.session.data_settings.source == "painted"
    for key in ("X_train", "X_test", "y_train", "y_test", "X_test_display"):
        np.testing.assert_array_equal(getattr(after, key), getattr(before, key), err_msg=key)
    np.testing.assert_array_equal(view.drawn_points("train")[0], drawn[0])
    np.testing.assert_array_equal(view.drawn_points("test")[0], drawn[1])
    assert view.plot.getViewBox().viewRange() == extent
    assert find(window, "dataSourceInput").currentData() == "painted"
    assert "70 training, 30 test" in find(window, "paintedPointsLabel").text()
    for name in ("paintClassInput", "paintUndoButton", "paintRedoButton", "paintClearButton"):
        assert find(window, name).isVisible() and find(window, name).accessibleName() == name
    assert "never painted" in find(window, "boundaryStatus").text()


def test_paint_controls_are_offered_only_for_two_numeric_columns(qtbot, window):
    choose(qtbot, window, "iris")
    assert not find(window, "paintMode").isVisible()
    window.coordinator.paint.set_painting(True)
    assert not window.session.painting
    assert "exactly two numeric columns" in window.statusBar().currentMessage()


def test_a_click_adds_exactly_one_training_point_of_the_class_chosen(qtbot, moons):
    window, view = moons, moons.boundary
    paint_mode_on(qtbot, window)
    classes = find(window, "paintClassInput")
    classes.setCurrentIndex(classes.findText("class 1"))
    before = window.session.data
    raw = raw_training_points(window)
    u, v = empty_spot(view)
    click_plot(qtbot, view, u, v)
    qtbot.waitUntil(lambda: len(window.session.data.y_train) == len(raw) + 1, timeout=5_000)
    after = window.session.data
    np.testing.assert_array_equal(after.train_inputs[:-1], raw)
    assert np.all(np.abs(after.train_inputs[-1] - (u, v)) <= 1.5 * pixel(view))
    assert after.y_train[-1] == 1 and np.array_equal(after.y_train[:-1], before.y_train)
    np.testing.assert_array_equal(after.X_test_display, before.X_test_display)
    np.testing.assert_array_equal(after.y_test, before.y_test)
    assert find(window, "paintUndoButton").isEnabled()
    assert "class 1: 71 training, 30 test" in find(window, "paintedPointsLabel").text()


def test_a_drag_moves_exactly_that_point(qtbot, moons):
    window, view = moons, moons.boundary
    paint_mode_on(qtbot, window)
    raw = raw_training_points(window)
    labels = window.session.data.y_train.copy()
    index, start = loneliest_training_point(view)
    end = empty_spot(view, avoid=[start])
    viewport = view.graphics.viewport()
    a, b = on_viewport(view, *start), on_viewport(view, *end)
    middle = (a + b) / 2
    qtbot.mousePress(viewport, Qt.LeftButton, pos=a)

    def dragging():
        # The plot reads at most one mouse move per 10 ms: move until the drag has begun.
        qtbot.mouseMove(viewport, pos=middle)
        return view.dragged_point() is not None

    qtbot.waitUntil(dragging, timeout=5_000)
    assert view.dragged_point() == index
    qtbot.mouseRelease(viewport, Qt.LeftButton, pos=b)
    qtbot.waitUntil(lambda: not np.array_equal(raw_training_points(window), raw), timeout=5_000)
    after = raw_training_points(window)
    others = np.arange(len(raw)) != index
    np.testing.assert_array_equal(after[others], raw[others])
    assert np.all(np.abs(after[index] - end) <= 1.5 * pixel(view))
    np.testing.assert_array_equal(window.session.data.y_train, labels)
    assert view.dragged_point() is None


def test_a_right_click_deletes_exactly_that_point_without_a_menu(qtbot, moons):
    window, view = moons, moons.boundary
    paint_mode_on(qtbot, window)
    raw = raw_training_points(window)
    labels = window.session.data.y_train.copy()
    index, (u, v) = loneliest_training_point(view)
    click_plot(qtbot, view, u, v, Qt.RightButton)
    qtbot.waitUntil(lambda: len(window.session.data.y_train) == len(raw) - 1, timeout=5_000)
    assert QApplication.activePopupWidget() is None
    np.testing.assert_array_equal(raw_training_points(window), np.delete(raw, index, axis=0))
    np.testing.assert_array_equal(window.session.data.y_train, np.delete(labels, index))


def test_undo_and_redo_put_the_points_back(qtbot, moons):
    window, view = moons, moons.boundary
    paint_mode_on(qtbot, window)
    settings = [window.session.data_settings]
    for u, v, label in ((0.1, -0.6, 0), (1.9, 1.1, 1)):
        view.paint_class.setCurrentIndex(label)
        view.paint_at(u, v)
        settings.append(window.session.data_settings)
    index, _ = loneliest_training_point(view)
    view.delete_training_point(index)
    settings.append(window.session.data_settings)
    assert len({len(s.paint.points) for s in settings}) == 3  # 200, 201, 202, 201
    undo, redo = find(window, "paintUndoButton"), find(window, "paintRedoButton")
    for expected in reversed(settings[:-1]):
        qtbot.mouseClick(undo, Qt.LeftButton)
        assert window.session.data_settings == expected
    assert not undo.isEnabled() and redo.isEnabled()
    for expected in settings[1:]:
        qtbot.mouseClick(redo, Qt.LeftButton)
        assert window.session.data_settings == expected
    assert not redo.isEnabled()
    # The keys too, while the Boundary tab shows.
    view.graphics.setFocus()
    qtbot.keyClick(view.graphics, Qt.Key_Z, Qt.ControlModifier)
    qtbot.waitUntil(lambda: window.session.data_settings == settings[-2], timeout=5_000)
    qtbot.keyClick(view.graphics, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
    qtbot.waitUntil(lambda: window.session.data_settings == settings[-1], timeout=5_000)
    # A new edit after an undo forgets what could be redone.
    qtbot.mouseClick(undo, Qt.LeftButton)
    view.paint_at(0.0, 0.0)
    assert not redo.isEnabled()


def raw_scores(preprocessing, coef, intercept):
    """The scores of weights on a grid of raw inputs x1, x2 in [−1.5, 1.5]²."""
    u, v = np.meshgrid(np.linspace(-1.5, 1.5, 31), np.linspace(-1.5, 1.5, 31))
    features = input_plane(preprocessing).features(np.column_stack([u.ravel(), v.ravel()]))
    return decision_scores(features, coef, intercept)


def first_weights(qtbot, window):
    """The weights the current run starts from, once its first record is in."""
    qtbot.waitUntil(lambda: window.session.run.latest is not None, timeout=10_000)
    return window.session.run.parameters_at(0)


@pytest.fixture
def circles_with_squares(qtbot, window):
    choose(qtbot, window, "circles")
    qtbot.mouseClick(find(window, "squaresInput"), Qt.LeftButton)
    qtbot.waitUntil(lambda: window.session.data.X_train.shape[1] == 4, timeout=20_000)
    type_into(qtbot, find(window, "learningRateInput"), "0.5")
    return window


def test_a_running_run_goes_on_from_its_weights_after_points_inside_the_ring(
    qtbot, circles_with_squares
):
    window, view = circles_with_squares, circles_with_squares.boundary
    type_into(qtbot, find(window, "epochsInput"), "10000000")
    find(window, "speedSlider").setValue(4)  # 50 epochs a second: it runs on while painting
    qtbot.mouseClick(find(window, "trainButton"), Qt.LeftButton)
    qtbot.waitUntil(
        lambda: window.session.state is RunState.RUNNING and (window.session.run.epoch or 0) >= 3,
        timeout=20_000,
    )
    run = window.session.run
    paint_mode_on(qtbot, window)
    assert window.session.run is run and window.session.state is RunState.RUNNING
    for u, v in ((0.05, 0.1), (-0.1, -0.05), (0.1, -0.15)):  # inside the inner circle
        before = window.session.data.preprocessing
        _, coef, intercept = window.session.shown()
        view.paint_class.setCurrentIndex(1)  # the inner circle's class
        view.paint_at(u, v)
        after = window.session.data.preprocessing
        assert window.session.run is not run
        run = window.session.run
        np.testing.assert_allclose(
            raw_scores(after, *first_weights(qtbot, window)),
            raw_scores(before, coef, intercept),
            rtol=1e-9,
            atol=1e-9,
        )
        assert "goes on from its weights" in window.statusBar().currentMessage()
    assert not np.allclose(after.mean, before.mean)
    qtbot.waitUntil(
        lambda: window.session.state is RunState.RUNNING and (window.session.run.epoch or 0) >= 3,
        timeout=20_000,
    )


def test_an_ended_run_waits_paused_at_its_weights_on_the_changed_data(qtbot, circles_with_squares):
    window, view = circles_with_squares, circles_with_squares.boundary
    type_into(qtbot, find(window, "epochsInput"), "40")
    qtbot.mouseClick(find(window, "trainButton"), Qt.LeftButton)
    qtbot.waitUntil(lambda: window.session.state is RunState.FINISHED, timeout=20_000)
    paint_mode_on(qtbot, window)
    before = window.session.data.preprocessing
    _, coef, intercept = window.session.shown()
    view.paint_at(0.0, 0.0)
    qtbot.waitUntil(lambda: window.session.state is RunState.PAUSED, timeout=10_000)
    np.testing.assert_allclose(
        raw_scores(window.session.data.preprocessing, *first_weights(qtbot, window)),
        raw_scores(before, coef, intercept),
        rtol=1e-9,
        atol=1e-9,
    )
    assert "paused" in window.statusBar().currentMessage()
    qtbot.mouseClick(find(window, "pauseButton"), Qt.LeftButton)  # Resume
    qtbot.waitUntil(lambda: window.session.state is RunState.FINISHED, timeout=20_000)
    assert window.session.run.epoch == 40


def test_a_run_stops_and_says_why_when_a_class_loses_its_training_points(qtbot, window):
    choose(qtbot, window, "moons")
    window.coordinator.paint.new_canvas()
    view = window.boundary
    for u, v, label in ((-0.5, 0.5, 0), (0.5, -0.5, 1), (0.6, -0.4, 1)):
        view.paint_class.setCurrentIndex(label)
        view.paint_at(u, v)
    type_into(qtbot, find(window, "epochsInput"), "30")
    qtbot.mouseClick(find(window, "trainButton"), Qt.LeftButton)
    qtbot.waitUntil(lambda: window.session.state is RunState.FINISHED, timeout=20_000)
    view.delete_training_point(0)  # class 0's only point
    assert window.session.run is None
    assert "class 0 has no training point left" in window.statusBar().currentMessage()
    assert not find(window, "trainButton").isEnabled()


def test_a_saved_session_opens_with_the_painted_points(qtbot, moons, tmp_path):
    window, view = moons, moons.boundary
    paint_mode_on(qtbot, window)
    view.paint_at(0.3, -0.6)
    index, _ = loneliest_training_point(view)
    view.move_training_point(index, 2.2, 1.2)
    painted = window.session.data_settings
    data = window.session.data
    path = tmp_path / "painted.lrsession"
    window.save_session(str(path))
    choose(qtbot, window, "circles")
    window.open_session(str(path), wait=True)
    qtbot.waitUntil(lambda: window.session.data_settings == painted, timeout=20_000)
    for key in ("X_train", "X_test", "y_train", "y_test"):
        np.testing.assert_array_equal(getattr(window.session.data, key), getattr(data, key))
    assert find(window, "dataSourceInput").currentData() == "painted"


def test_painted_points_come_back_at_the_next_start_without_a_run(qtbot, moons):
    from logreg_gui.ui.app.main_window import MainWindow

    window = moons
    window.coordinator.paint.new_canvas()
    window.boundary.paint_at(0.25, 0.5)
    painted = window.session.data_settings
    window.close()
    again = MainWindow()
    qtbot.addWidget(again)
    again.show()
    try:
        qtbot.waitUntil(lambda: again.session.data_settings == painted, timeout=20_000)
        assert find(again, "dataSourceInput").currentData() == "painted"
    finally:
        again.close()


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.reader(handle))


def test_the_points_are_exported_as_csv(qtbot, moons, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    window = moons
    paint_mode_on(qtbot, window)
    window.boundary.paint_class.setCurrentIndex(1)
    window.boundary.paint_at(-0.75, -0.5)
    points = window.session.data_settings.paint.points
    path = tmp_path / "points.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    qtbot.mouseClick(find(window, "paintExportButton"), Qt.LeftButton)
    rows = read_csv(path)
    assert rows[0] == ["x1", "x2", "class", "part"]
    assert len(rows) == len(points) + 1 == 202
    for (x1, x2, label, part), row in zip(points, rows[1:]):
        assert (float(row[0]), float(row[1]), int(row[2]), row[3]) == (x1, x2, label, part)
    assert rows[-1][2:] == ["1", "train"]
    assert window.export_painted(str(tmp_path / "again.csv")) == len(points)
    assert read_csv(tmp_path / "again.csv") == rows


def test_an_empty_canvas_waits_for_a_training_point_of_each_class(qtbot, moons):
    window, view = moons, moons.boundary
    qtbot.mouseClick(find(window, "paintClearButton"), Qt.LeftButton)
    qtbot.waitUntil(lambda: window.session.data.X_train.shape[0] == 0, timeout=5_000)
    assert window.session.painting and len(window.session.data.y_test) == 0
    train = find(window, "trainButton")
    assert not train.isEnabled()
    assert "paint a training point of each class first (classes 0, 1" in train.toolTip()
    (umin, umax), (vmin, vmax) = view.plot.getViewBox().viewRange()
    assert umin <= -1 and umax >= 1 and vmin <= -1 and vmax >= 1  # room to paint
    for tab in range(window.tabs.count()):  # every view copes with no sample at all
        window.tabs.setCurrentIndex(tab)
        settle()
    window.tabs.setCurrentWidget(view)
    settle()
    click_plot(qtbot, view, -0.5, 0.5)
    qtbot.waitUntil(lambda: len(window.session.data.y_train) == 1, timeout=5_000)
    assert not train.isEnabled() and "class 1 has none yet" in train.toolTip()
    for tab in range(window.tabs.count()):  # ... and with one class only
        window.tabs.setCurrentIndex(tab)
        settle()
    window.tabs.setCurrentWidget(view)
    view.paint_class.setCurrentIndex(1)
    click_plot(qtbot, view, 0.5, -0.5)
    qtbot.waitUntil(train.isEnabled, timeout=5_000)
    type_into(qtbot, find(window, "epochsInput"), "25")
    qtbot.mouseClick(train, Qt.LeftButton)
    qtbot.waitUntil(lambda: window.session.state is RunState.FINISHED, timeout=20_000)
    assert window.session.run.epoch == 25
    for tab in range(window.tabs.count()):  # trained without a test part
        window.tabs.setCurrentIndex(tab)
        settle()


def test_the_painted_source_in_the_data_form_starts_an_empty_canvas(qtbot, window):
    choose(qtbot, window, "painted")
    assert window.session.data.X_train.shape[0] == 0
    assert "an empty canvas" in find(window, "paintedPointsLabel").text()
    assert not find(window, "testSizeInput").isVisible()
    assert find(window, "paintMode").isVisible()


def independent_descent(raw, y, coef, intercept, learning_rate, epochs):
    """Full-batch gradient descent on the mean cross-entropy of two classes, written out
    here in numpy: the features standardised on the training points (population standard
    deviation), the weights ``(coef, intercept)`` to start from."""
    X = (raw - raw.mean(axis=0)) / raw.std(axis=0)
    w, b = np.array(coef[0], dtype=float), float(intercept[0])
    for _ in range(epochs):
        residual = 1.0 / (1.0 + np.exp(-(X @ w + b))) - y
        w, b = w - learning_rate * (residual @ X) / len(y), b - learning_rate * residual.mean()
    return w, b


def test_points_clicked_on_an_empty_canvas_train_the_model_a_numpy_descent_predicts(qtbot, moons):
    window, view = moons, moons.boundary
    qtbot.mouseClick(find(window, "paintClearButton"), Qt.LeftButton)
    qtbot.waitUntil(lambda: window.session.data.X_train.shape[0] == 0, timeout=5_000)
    clicks = ((-0.6, 0.4, 0), (-0.2, 0.7, 0), (0.5, -0.3, 1), (0.2, -0.6, 1), (0.1, 0.1, 0))
    for count, (u, v, label) in enumerate(clicks, start=1):
        view.paint_class.setCurrentIndex(label)
        click_plot(qtbot, view, u, v)
        qtbot.waitUntil(lambda n=count: len(window.session.data.y_train) == n, timeout=5_000)
    raw = np.array(window.session.data.train_inputs, dtype=float)
    y = np.array([label for *_, label in clicks], dtype=float)
    assert np.all(np.abs(raw - [(u, v) for u, v, _ in clicks]) <= 1.5 * pixel(view))
    np.testing.assert_array_equal(window.session.y_train, y)
    type_into(qtbot, find(window, "learningRateInput"), "0.5")
    type_into(qtbot, find(window, "epochsInput"), "25")
    train = find(window, "trainButton")
    qtbot.waitUntil(train.isEnabled, timeout=5_000)
    qtbot.mouseClick(train, Qt.LeftButton)
    qtbot.waitUntil(lambda: window.session.state is RunState.FINISHED, timeout=20_000)
    run = window.session.run
    assert run.epoch == 25
    coef, intercept = run.parameters_at(25)
    w, b = independent_descent(raw, y, *run.parameters_at(0), 0.5, 25)
    np.testing.assert_allclose(coef[0], w, rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(intercept[0], b, rtol=1e-9, atol=1e-12)
