"""The penalty in the window: the model form's penalty, strength and L1 ratio; an L1 run's
exact zeros, counted and ringed in the weights view; the step inspector's proximal step;
the loss plot's objective named with its penalty; Newton's method refused in words."""

import numpy as np
import pytest
from PySide6.QtCore import Qt

from logreg_gui.core.model.penalty import Penalty

from .helpers import choose_penalty, find, train_to_end, type_into


def test_the_strength_and_the_ratio_are_asked_for_where_they_count(qtbot, window):
    def shown(name):
        return find(window, name).isVisibleTo(window)

    form = window.model_form
    assert find(window, "penaltyInput").currentData() == "none"
    assert form.params()["penalty"] is None
    assert not shown("alphaInput") and not shown("l1RatioInput")
    choose_penalty(qtbot, window, "l2", "0.1")
    assert shown("alphaInput") and not shown("l1RatioInput")
    choose_penalty(qtbot, window, "elasticnet", l1_ratio="0.3")
    assert shown("l1RatioInput")
    request = window.session.request.model
    assert (request["penalty"], request["alpha"], request["l1_ratio"]) == ("elasticnet", 0.1, 0.3)
    type_into(qtbot, find(window, "l1RatioInput"), "1.5")
    assert "l1_ratio" in window.session.request.problems
    assert "from 0 to 1" in find(window, "l1RatioInputError").text()
    assert not find(window, "trainButton").isEnabled()
    # A ratio the penalty does not use does not stop a run.
    choose_penalty(qtbot, window, "l1")
    qtbot.waitUntil(lambda: find(window, "trainButton").isEnabled(), timeout=10_000)
    assert window.session.request.model["penalty"] == "l1"


def test_choosing_l1_trains_exact_zeros_and_the_weights_view_counts_them(qtbot, window):
    choose_penalty(qtbot, window, "l1", "0.05")
    type_into(qtbot, find(window, "learningRateInput"), "0.5")
    type_into(qtbot, find(window, "epochsInput"), "500")
    train_to_end(qtbot, window)
    run = window.session.run
    assert run.settings["penalty"] == "l1" and run.settings["alpha"] == 0.05
    coef = window.session.shown()[1]
    zeros = int(np.sum(coef == 0))
    assert 0 < zeros < coef.size  # the proximal step chose
    window.tabs.setCurrentWidget(window.weights)
    view = window.weights
    qtbot.waitUntil(lambda: view.zero_note_text() != "", timeout=10_000)
    assert view.zero_note_text() == f"{zeros} of {coef.size} weights are exactly 0."
    assert find(window, "weightsZeroNote").text() == view.zero_note_text()
    assert [row for _, row in view.zero_rows()] == [j + 1 for j in np.flatnonzero(coef[0] == 0)]
    # The loss plot's objective is named with its penalty, and its optimum is L1's.
    legend = window.loss_plot.loss_plot_item.legend
    assert legend.getLabel(window.loss_plot.train_loss).text == "train loss + L1 penalty"
    qtbot.waitUntil(
        lambda: (
            window.session.optimum is not None
            and window.session.optimum_penalty == Penalty("l1", 0.05)
        ),
        timeout=20_000,
    )
    assert "L1, α = 0.05" in find(window, "optimumLabel").toolTip()
    np.testing.assert_array_equal(window.session.optimum.coef == 0, coef == 0)


def test_the_step_inspector_shows_the_proximal_step_as_its_own_line(qtbot, window):
    choose_penalty(qtbot, window, "l1", "0.2")
    type_into(qtbot, find(window, "learningRateInput"), "0.5")
    for epoch in (1, 2):
        qtbot.mouseClick(find(window, "stepButton"), Qt.LeftButton)
        qtbot.waitUntil(
            lambda epoch=epoch: (
                window.session.run is not None and window.session.run.epoch == epoch
            ),
            timeout=10_000,
        )
    window.tabs.setCurrentWidget(window.step_inspector)
    qtbot.waitUntil(
        lambda: getattr(window.step_inspector.explanation(), "epoch", None) == 2, timeout=10_000
    )
    step = window.step_inspector.explanation()
    run = window.session.run
    before, after = run.parameters_at(1), run.parameters_at(2)
    # The update the kernel made: −η·∇J, then soft-thresholding by η·α.
    stepped = before[0] - 0.5 * step.grad_coef
    expected = np.sign(stepped) * np.maximum(np.abs(stepped) - 0.5 * 0.2, 0)
    np.testing.assert_allclose(after[0], expected, rtol=1e-9, atol=1e-15)
    np.testing.assert_array_equal(after[0] == 0, expected == 0)
    assert step.threshold == pytest.approx(0.1)
    line = find(window, "stepProximal")
    assert not line.isHidden()
    text = line.text()
    assert "5. Proximal step" in text and "η·α = 0.1" in text
    zeros = int(np.sum(after[0] == 0))
    assert f"after it {zeros} of the 10 weights are exactly 0" in text
    assert "followed by the proximal step" in find(window, "stepCheck").text()
    assert "penalty L1, α = 0.2" in find(window, "stepTitle").text()


def test_newton_refuses_l1_in_words_and_train_waits(qtbot, window):
    solver = find(window, "optimizerInput")
    solver.setCurrentIndex(solver.findData("newton"))
    qtbot.waitUntil(lambda: find(window, "trainButton").isEnabled(), timeout=10_000)
    choose_penalty(qtbot, window, "elasticnet", "0.01")
    qtbot.waitUntil(lambda: not find(window, "trainButton").isEnabled(), timeout=10_000)
    assert window.session.why_not_train.startswith("Newton's method needs a smooth objective")
    choose_penalty(qtbot, window, "l2")
    qtbot.waitUntil(lambda: find(window, "trainButton").isEnabled(), timeout=10_000)
