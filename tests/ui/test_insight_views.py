"""The insight views inside the real window: evaluation, boundary clicks, weights, optimum."""

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from sklearn import metrics
from sklearn.linear_model import LogisticRegression

from logreg_gui.core import DataSettings, LogisticRegressionGD, prepare_data
from logreg_gui.core.analysis.optimum import find_optimum
from logreg_gui.ui.views.evaluation_view import EvaluationView

from .helpers import choose_penalty, find, settle, train_to_end, type_into


def train(qtbot, window, epochs):
    type_into(qtbot, find(window, "epochsInput"), str(epochs))
    train_to_end(qtbot, window)


def test_evaluation_after_training_equals_sklearn_metrics(qtbot, window):
    train(qtbot, window, 300)
    split = prepare_data(DataSettings())
    model = LogisticRegressionGD(epochs=300, random_state=0).fit(split.X_train, split.y_train)
    qtbot.waitUntil(lambda: window.session.evaluation is not None, timeout=10_000)
    shown = window.evaluation.shown_values()
    for part, X, y in (
        ("train", split.X_train, split.y_train),
        ("test", split.X_test, split.y_test),
    ):
        pred, proba = model.predict(X), model.predict_proba(X)
        assert shown[part]["accuracy"] == pytest.approx(metrics.accuracy_score(y, pred), abs=1e-4)
        assert shown[part]["precision"] == pytest.approx(metrics.precision_score(y, pred), abs=1e-4)
        assert shown[part]["recall"] == pytest.approx(metrics.recall_score(y, pred), abs=1e-4)
        assert shown[part]["f1"] == pytest.approx(metrics.f1_score(y, pred), abs=1e-4)
        assert shown[part]["log_loss"] == pytest.approx(metrics.log_loss(y, proba), abs=1e-4)
        assert shown[part]["auc"][0] == pytest.approx(metrics.roc_auc_score(y, proba[:, 1]))
    np.testing.assert_array_equal(
        shown["test"]["confusion"],
        metrics.confusion_matrix(split.y_test, model.predict(split.X_test)),
    )


def test_evaluation_refreshes_on_pause_and_step(qtbot, window):
    type_into(qtbot, find(window, "epochsInput"), "10000000")
    qtbot.mouseClick(find(window, "stepButton"), Qt.LeftButton)  # a paused run, one epoch
    qtbot.waitUntil(lambda: "epoch 1:" in window.evaluation.caption.text(), timeout=10_000)
    first = window.evaluation.shown_values()["train"]["log_loss"]
    qtbot.mouseClick(find(window, "stepButton"), Qt.LeftButton)
    qtbot.waitUntil(lambda: "epoch 2:" in window.evaluation.caption.text(), timeout=5_000)
    assert window.evaluation.shown_values()["train"]["log_loss"] != first
    window.training.stop()


def click_at(qtbot, view, u, v):
    """A left click where the point (u, v) of the boundary view's plane is drawn."""
    scene_point = view.plot.getViewBox().mapViewToScene(QPointF(u, v))
    qtbot.mouseClick(
        view.graphics.viewport(), Qt.LeftButton, pos=view.graphics.mapFromScene(scene_point)
    )


def test_clicking_a_boundary_point_selects_it_in_the_prediction_panel(qtbot, window):
    train(qtbot, window, 50)
    window.tabs.setCurrentWidget(window.boundary)
    boundary = find(window, "boundaryView")
    qtbot.waitUntil(lambda: len(boundary.predicted_outlines()[0]) > 0, timeout=5_000)
    # A test point no other mark covers (a cross, the ring of the sample selected).
    uv, index = boundary.drawn_points("test")
    wrong = boundary.wrong_marks.getData()
    covered = {tuple(np.round(p, 9)) for p in np.column_stack(wrong)} if len(wrong[0]) else set()
    alone = [
        (i, p)
        for i, p in zip(index, uv)
        if i != window.session.selected
        and tuple(np.round(p, 9)) not in covered
        and np.min(np.hypot(*(uv[index != i] - p).T)) > 0.1
    ]
    chosen, (u, v) = alone[0]
    click_at(qtbot, boundary, u, v)
    qtbot.waitUntil(lambda: window.session.selected == chosen, timeout=5_000)
    assert window.prediction.current_index() == chosen
    assert f"Test sample {chosen}" in find(window, "boundaryStatus").text()
    x, y = boundary.ring.getData()
    np.testing.assert_allclose((x[0], y[0]), boundary.test_position(chosen))
    # And the other way round: the panel's choice is ringed and named on the boundary view.
    find(window, "sampleIndexInput").setValue(5)
    x, y = boundary.ring.getData()
    np.testing.assert_allclose((x[0], y[0]), boundary.test_position(5))
    assert "Test sample 5" in find(window, "boundaryStatus").text()


def test_weights_view_shows_the_latest_weights(qtbot, window):
    train(qtbot, window, 200)
    window.tabs.setCurrentWidget(window.weights)
    coef, intercept = window.weights.shown_weights()
    split = prepare_data(DataSettings())
    model = LogisticRegressionGD(epochs=200, random_state=0).fit(split.X_train, split.y_train)
    np.testing.assert_allclose(coef, model.coef_, rtol=1e-6)
    np.testing.assert_allclose(intercept, model.intercept_, rtol=1e-6)


def test_reference_line_is_scikit_learns_optimum_and_none_when_separable(qtbot, window):
    session = window.session
    qtbot.waitUntil(lambda: session.optimum is not None, timeout=10_000)
    split = session.data
    expected = find_optimum(split.X_train, session.y_train, 2, 0.0)
    ref = LogisticRegression(C=np.inf, tol=1e-10, max_iter=10_000).fit(split.X_train, split.y_train)
    from logreg_gui.core.analysis.optimum import objective_value

    best = objective_value(split.X_train, session.y_train, ref.coef_, ref.intercept_, 0.0)
    assert expected.objective == pytest.approx(best, rel=1e-8)
    assert window.loss_plot.reference.value() == pytest.approx(expected.objective)
    assert "optimum of the training objective" in window.loss_plot.reference_label

    find(window, "dataSourceInput").setCurrentIndex(
        find(window, "dataSourceInput").findData("iris")
    )  # separable: without a penalty there is no optimum
    qtbot.waitUntil(lambda: session.n_classes == 3 and session.optimum is not None, timeout=10_000)
    assert not session.optimum.exists
    assert window.loss_plot.reference not in window.loss_plot.loss_plot_item.items
    label = find(window, "optimumLabel")
    assert "No finite optimum" in label.text() and label.text().count(".") <= 2  # one line
    assert "Add a penalty" in label.toolTip()  # the details, on demand

    choose_penalty(qtbot, window, "l2", "0.1")
    qtbot.waitUntil(lambda: session.optimum is not None and session.optimum.exists, timeout=10_000)
    assert window.loss_plot.reference.value() == pytest.approx(session.optimum.objective)


def test_evaluation_view_shows_the_numbers_it_is_given(qtbot):
    from logreg_gui.core.analysis.evaluation import evaluate

    view = EvaluationView()
    qtbot.addWidget(view)
    view.set_classes(["a", "b", "c"])
    rng = np.random.default_rng(0)
    y = rng.integers(3, size=60)
    scores = rng.normal(size=(60, 3))
    ev = evaluate(y, scores, 3)
    view.set_evaluations(ev, ev)
    shown = view.shown_values()["test"]
    for key in ("accuracy", "precision", "recall", "f1", "log_loss"):
        assert shown[key] == pytest.approx(getattr(ev, key), abs=5e-5)
    np.testing.assert_array_equal(shown["confusion"], ev.confusion)


def test_screenshots_of_each_view(qtbot, window, tmp_path):
    train(qtbot, window, 300)
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        settle()
        assert window.grab().save(str(tmp_path / f"view-{index}.png"))
    # What each view draws after the run, read from its items.
    window.tabs.setCurrentWidget(window.boundary)
    assert window.boundary.image.isVisible() and len(window.boundary.boundary.getData()[0]) == 2
    window.tabs.setCurrentWidget(window.weights)
    assert window.weights.shown_weights()[0].shape == (1, 10)
