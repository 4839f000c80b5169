"""The sigmoid view through the real window: its points are σ of the model's decision
function, the selected sample is read off the curve and its cost is −log p of its true
class — while training, after a scrub and for softmax."""

import numpy as np
import pytest
from PySide6.QtCore import Qt
from scipy.special import expit, softmax

from logreg_gui.core.model.objective import decision_scores
from logreg_gui.ui.session import RunState

from ..helpers import find, train_to_end, type_into


def scores_shown(window):
    _, coef, intercept = window.session.shown()
    return decision_scores(window.session.data.X_test, coef, intercept)


def test_the_samples_sit_on_the_sigmoid_at_their_scores(qtbot, window):
    type_into(qtbot, find(window, "epochsInput"), "200")
    type_into(qtbot, find(window, "learningRateInput"), "0.1")
    train_to_end(qtbot, window)
    window.tabs.setCurrentWidget(window.sigmoid)
    view = find(window, "sigmoidView")
    window.session.select_sample(5)
    z = scores_shown(window)[:, 0]
    drawn_z, drawn_class = view.points()
    np.testing.assert_allclose(drawn_z, z)
    assert np.array_equal(drawn_class, window.session.y_test)
    selected_z, selected_p = view.selected_point()
    assert selected_z == pytest.approx(z[5]) and selected_p == pytest.approx(expit(z[5]))
    y5 = window.session.y_test[5]
    p_true = expit(z[5]) if y5 == 1 else 1 - expit(z[5])
    assert view.cost_point() == pytest.approx((p_true, -np.log(p_true)))
    caption = find(window, "sigmoidCaption").text()
    assert f"z = w·x + b = {z[5]:.4g}" in caption and "after epoch 200" in caption
    # Scrubbing back shows the weights of that epoch.
    window.session.show_epoch(20)
    _, coef, intercept = window.session.shown()
    z20 = decision_scores(window.session.data.X_test, coef, intercept)[:, 0]
    np.testing.assert_allclose(view.points()[0], z20)
    assert "after epoch 20" in find(window, "sigmoidCaption").text()
    # The threshold: a sample is predicted class 1 only above t.
    find(window, "thresholdSlider").setValue(900)
    said = find(window, "sigmoidCaption").text()
    assert "t = 0.900" in said


def test_it_follows_a_running_run(qtbot, window):
    window.tabs.setCurrentWidget(window.sigmoid)
    view = find(window, "sigmoidView")
    type_into(qtbot, find(window, "epochsInput"), "10000000")
    find(window, "speedSlider").setValue(2)  # 10 epochs a second
    qtbot.mouseClick(find(window, "trainButton"), Qt.LeftButton)
    qtbot.waitUntil(lambda: (window.session.run.epoch or 0) >= 3, timeout=20_000)
    first = view.points()[0].copy()
    seen = window.session.run.epoch
    qtbot.waitUntil(lambda: window.session.run.epoch > seen, timeout=20_000)
    assert window.session.state is RunState.RUNNING
    np.testing.assert_allclose(view.points()[0], scores_shown(window)[:, 0])  # as it runs
    assert not np.allclose(view.points()[0], first)
    window.training.stop()


def test_softmax_shows_the_selected_samples_scores_and_probabilities(qtbot, window):
    combo = find(window, "dataSourceInput")
    combo.setCurrentIndex(combo.findData("iris"))
    qtbot.waitUntil(
        lambda: window.session.data is not None and window.session.n_classes == 3,
        timeout=20_000,
    )
    type_into(qtbot, find(window, "epochsInput"), "100")
    train_to_end(qtbot, window)
    window.tabs.setCurrentWidget(window.sigmoid)
    window.session.select_sample(4)
    view = find(window, "sigmoidView")
    z = scores_shown(window)[4]
    p = softmax(z)
    drawn_z, drawn_p = view.points()
    np.testing.assert_allclose(drawn_z, z)
    np.testing.assert_allclose(drawn_p, p)
    true = window.session.y_test[4]
    assert view.selected_point() == pytest.approx((z[true], p[true]))
    assert view.cost_point() == pytest.approx((p[true], -np.log(p[true])))
