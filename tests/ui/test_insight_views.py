"""The insight views inside the real window: evaluation, boundary clicks, weights, optimum."""

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sklearn import metrics

from logreg_gui.core import DataSettings, LogisticRegressionGD, prepare_data
from logreg_gui.core.optimum import find_optimum
from logreg_gui.ui.evaluation_view import EvaluationView
from logreg_gui.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, monkeypatch):
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: None)
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.split is not None, timeout=10_000)
    yield w
    w.close()


def train(qtbot, window, epochs):
    window.model_form.epochs.setValue(epochs)
    qtbot.mouseClick(window.controls.train, Qt.LeftButton)
    qtbot.waitUntil(
        lambda: window.training is None and not window.controls.stop.isEnabled(), timeout=30_000
    )


def test_evaluation_after_training_equals_sklearn_metrics(qtbot, window):
    train(qtbot, window, 300)
    split = prepare_data(DataSettings())
    model = LogisticRegressionGD(epochs=300, random_state=0).fit(split.X_train, split.y_train)
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
    window.model_form.epochs.setValue(10_000_000)
    qtbot.mouseClick(window.controls.step, Qt.LeftButton)  # a paused run, one epoch
    qtbot.waitUntil(
        lambda: window._latest is not None and window._latest.epochs[-1] == 1, timeout=10_000
    )
    qtbot.waitUntil(lambda: "epoch 1:" in window.evaluation.caption.text(), timeout=5_000)
    first = window.evaluation.shown_values()["train"]["log_loss"]
    qtbot.mouseClick(window.controls.step, Qt.LeftButton)
    qtbot.waitUntil(lambda: "epoch 2:" in window.evaluation.caption.text(), timeout=5_000)
    assert window.evaluation.shown_values()["train"]["log_loss"] != first
    window.stop()


def test_clicking_a_boundary_point_selects_it_in_the_prediction_panel(qtbot, window):
    train(qtbot, window, 50)
    window.tabs.setCurrentWidget(window.boundary)
    window.boundary.testSampleClicked.emit(17)
    assert window.prediction.current_index() == 17
    # And the other way round: the panel's choice is ringed on the boundary view.
    window.prediction.select_sample(5)
    assert window.boundary._selected == 5


def test_weights_view_shows_the_latest_weights(qtbot, window):
    train(qtbot, window, 200)
    window.tabs.setCurrentWidget(window.weights)
    coef, intercept = window.weights.shown_weights()
    np.testing.assert_allclose(coef, window._latest.coef, rtol=1e-6)
    np.testing.assert_allclose(intercept, window._latest.intercept, rtol=1e-6)


def test_reference_line_is_scikit_learns_optimum_and_none_when_separable(qtbot, window):
    qtbot.waitUntil(lambda: window.optimum is not None, timeout=10_000)
    split = window.split
    y = np.searchsorted(window.classes, split.y_train)
    expected = find_optimum(split.X_train, y, 2, 0.0)
    assert window.loss_plot._reference_value == pytest.approx(expected.objective)
    assert window.loss_plot.reference.value() == pytest.approx(expected.objective)

    window.data_form.select_source("iris")  # separable: with L2 = 0 there is no optimum
    qtbot.waitUntil(
        lambda: (
            window.split.target_name == "class"
            and len(window.classes) == 3
            and window.optimum is not None
        ),
        timeout=10_000,
    )
    assert not window.optimum.exists
    assert window.loss_plot._reference_value is None
    assert "No finite optimum" in window.optimum_label.text()

    window.model_form.l2.setText("0.1")
    qtbot.waitUntil(lambda: window.optimum is not None and window.optimum.exists, timeout=10_000)
    assert window.loss_plot._reference_value == pytest.approx(window.optimum.objective)


def test_evaluation_view_shows_the_numbers_it_is_given(qtbot):
    from logreg_gui.core.evaluation import evaluate

    view = EvaluationView()
    qtbot.addWidget(view)
    view.set_classes(["a", "b", "c"])
    rng = np.random.default_rng(0)
    y = rng.integers(3, size=60)
    proba = rng.dirichlet(np.ones(3), size=60)
    ev = evaluate(y, proba, 3)
    view.set_evaluations(ev, ev)
    shown = view.shown_values()["test"]
    for key in ("accuracy", "precision", "recall", "f1", "log_loss"):
        assert shown[key] == pytest.approx(getattr(ev, key), abs=5e-5)
    np.testing.assert_array_equal(shown["confusion"], ev.confusion)


def test_screenshots_of_each_view(qtbot, window, tmp_path):
    train(qtbot, window, 300)
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        qtbot.wait(50)
        path = tmp_path / f"view-{index}.png"
        assert window.grab().save(str(path)) and path.stat().st_size > 10_000
