"""The decision threshold through the real window: moving ``thresholdSlider`` changes, at
once and consistently, the confusion matrix and metrics, the ROC and precision–recall
operating points, the boundary line and the rings, the exported predictions and the report —
each checked against predictions at ``t`` computed directly with scikit-learn."""

import csv

import numpy as np
import pytest
from PySide6.QtCore import Qt
from sklearn import metrics

from logreg_gui.core.analysis.threshold import best_threshold
from logreg_gui.core.model.objective import decision_scores, sigmoid

from .helpers import find, train_to_end, type_into


@pytest.fixture
def trained(qtbot, window):
    type_into(qtbot, find(window, "epochsInput"), "300")
    type_into(qtbot, find(window, "learningRateInput"), "0.1")
    train_to_end(qtbot, window)
    qtbot.waitUntil(lambda: window.session.evaluation is not None, timeout=20_000)
    return window


def shown_scores(window, part="test"):
    _, coef, intercept = window.session.shown()
    X = window.session.data.X_test if part == "test" else window.session.data.X_train
    return decision_scores(X, coef, intercept)


def drag_to(qtbot, window, t):
    """Move the slider as a person does with the keyboard: focus, then End/Home and steps."""
    slider = find(window, "thresholdSlider")
    slider.setFocus()
    qtbot.keyClick(slider, Qt.Key_Home)
    steps = round(t * slider.maximum()) // slider.singleStep()
    for _ in range(steps):
        qtbot.keyClick(slider, Qt.Key_Right)
    return window.session.threshold


@pytest.mark.parametrize("t", [0.3, 0.7])
def test_every_view_follows_the_threshold(qtbot, trained, t):
    window = trained
    assert drag_to(qtbot, window, t) == pytest.approx(t)
    assert find(window, "thresholdValue").text() == f"{t:.3f}"
    scores = shown_scores(window)
    y = window.session.y_test
    predicted = (sigmoid(scores[:, 0]) > t).astype(int)
    assert 0 < predicted.sum() < len(predicted)
    # The evaluation: confusion matrix and metrics of the test samples at t.
    window.tabs.setCurrentWidget(window.evaluation)
    shown = window.evaluation.shown_values()["test"]
    assert np.array_equal(shown["confusion"], metrics.confusion_matrix(y, predicted))
    assert shown["accuracy"] == pytest.approx(metrics.accuracy_score(y, predicted), abs=5e-5)
    assert shown["precision"] == pytest.approx(metrics.precision_score(y, predicted), abs=5e-5)
    assert shown["recall"] == pytest.approx(metrics.recall_score(y, predicted), abs=5e-5)
    assert shown["f1"] == pytest.approx(metrics.f1_score(y, predicted), abs=5e-5)
    # Its point on the ROC and the precision–recall curves.
    points = window.evaluation.operating_points()
    fpr = ((predicted == 1) & (y == 0)).sum() / (y == 0).sum()
    tpr = metrics.recall_score(y, predicted)
    assert points["roc"] == pytest.approx((fpr, tpr))
    assert points["pr"] == pytest.approx((tpr, metrics.precision_score(y, predicted)))
    pr = find(window, "prCurve")
    precision, recall, _ = metrics.precision_recall_curve(y, scores[:, 0])
    curve = [item for item in pr.listDataItems() if len(item.getData()[0]) == len(recall)]
    assert len(curve) == 1
    np.testing.assert_allclose(curve[0].getData()[0], recall)
    np.testing.assert_allclose(curve[0].getData()[1], precision)
    # The prediction panel: the sample's class at t, said with t, and the samples' table.
    classes = [str(c) for c in window.session.classes]
    moved = np.flatnonzero(predicted != (scores[:, 0] > 0))  # decided otherwise at 0.5
    assert len(moved) > 0
    for index in (int(moved[0]), 0):
        window.session.select_sample(index)
        panel = window.prediction
        assert panel.predicted_index() == predicted[index]
        relation = ">" if predicted[index] else "≤"
        said = find(window, "scoreLabel").text()
        assert f"{relation} t = {t:.3f} → class {classes[predicted[index]]}" in said, said
        assert f"<b>{classes[predicted[index]]}</b>" in find(window, "predictedLabel").text()
    table = find(window, "testSamplesTable").model()
    column = [table.data(table.index(row, 2)) for row in range(len(y))]
    assert column == [classes[c] for c in predicted]
    # The boundary: each test point's ring is its class at t; the line is where P = t.
    window.tabs.setCurrentWidget(window.boundary)

    def rings_at_t():
        ringed, ring_class = window.boundary.predicted_outlines()
        return len(ringed) == len(y) and np.array_equal(ring_class, predicted[ringed])

    qtbot.waitUntil(rings_at_t, timeout=10_000)  # the rings move on the next turn
    decision, half = window.boundary.boundary_lines()
    assert len(decision) >= 2 and len(half) >= 2
    plane = window.boundary.plane()
    _, coef, intercept = window.session.shown()
    on_line = plane.origin + decision @ plane.axes.T
    np.testing.assert_allclose(sigmoid(decision_scores(on_line, coef, intercept)), t, atol=1e-9)
    on_half = plane.origin + half @ plane.axes.T
    np.testing.assert_allclose(sigmoid(decision_scores(on_half, coef, intercept)), 0.5, atol=1e-9)


def test_exports_and_the_report_use_the_threshold(qtbot, trained, tmp_path):
    window = trained
    drag_to(qtbot, window, 0.8)
    path = tmp_path / "predictions.csv"
    window.export_predictions(str(path))
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    classes = [str(c) for c in window.session.classes]
    p1 = sigmoid(shown_scores(window)[:, 0])
    assert [row[f"predicted {window.session.data.target_name or 'class'}"] for row in rows] == [
        classes[int(p > 0.8)] for p in p1
    ]
    report = tmp_path / "report.html"
    window.export_report(str(report))
    text = report.read_text(encoding="utf-8")
    assert "t = 0.800" in text


def test_best_thresholds_are_found_on_the_training_samples(qtbot, trained):
    window = trained
    qtbot.mouseClick(find(window, "bestF1Button"), Qt.LeftButton)
    scores = shown_scores(window, "train")
    y = window.session.y_train
    best = best_threshold(y, scores, "f1")
    assert window.session.threshold == best
    p1 = sigmoid(scores[:, 0])
    f1 = metrics.f1_score(y, (p1 > best).astype(int))
    assert all(f1 >= metrics.f1_score(y, (p1 > t).astype(int)) for t in np.linspace(0, 1, 101))
    qtbot.mouseClick(find(window, "bestBalancedButton"), Qt.LeftButton)
    assert window.session.threshold == best_threshold(y, scores, "balanced_accuracy")
    qtbot.mouseClick(find(window, "thresholdHalfButton"), Qt.LeftButton)
    assert window.session.threshold == 0.5 and find(window, "thresholdSlider").value() == 500


def test_a_session_keeps_its_threshold(qtbot, trained, tmp_path):
    window = trained
    drag_to(qtbot, window, 0.25)
    path = tmp_path / "t.lrsession"
    window.save_session(str(path))
    find(window, "thresholdHalfButton").click()
    window.open_session(str(path), wait=True)
    assert window.session.threshold == pytest.approx(0.25)
    assert find(window, "thresholdSlider").value() == 250


def test_with_more_than_two_classes_the_control_says_why_it_does_not_apply(qtbot, window):
    source = find(window, "dataSourceInput")
    source.setCurrentIndex(source.findData("iris"))
    qtbot.waitUntil(lambda: window.session.n_classes == 3, timeout=20_000)
    assert not find(window, "thresholdSlider").isEnabled()
    caption = find(window, "thresholdCaption")
    assert "two classes only" in caption.text() and "3 classes" in caption.toolTip()
