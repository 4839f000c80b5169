"""The teaching views in the real window: the step inspector's numbers, stepping back and
continuing, the loss landscape, the blog's log, compared runs and the optimizers' race."""

import subprocess
import sys

import numpy as np
import pytest
from PySide6.QtCore import Qt

from logreg_gui.core.model.objective import (
    class_probabilities,
    cross_entropy,
    decision_scores,
    penalty,
)
from logreg_gui.ui.session import RunState

from .helpers import choose_penalty, find, train_to_end, type_into


def press(qtbot, window, name):
    qtbot.mouseClick(find(window, name), Qt.LeftButton)


def inspected(qtbot, window, epoch):
    """Show the Step tab and wait for the inspector to explain ``epoch``."""
    window.tabs.setCurrentWidget(window.step_inspector)
    qtbot.waitUntil(
        lambda: getattr(window.step_inspector.explanation(), "epoch", None) == epoch,
        timeout=10_000,
    )
    return window.step_inspector.explanation()


def test_step_shows_the_blog_s_loop_with_the_numbers_of_the_epoch_just_done(qtbot, window):
    choose_penalty(qtbot, window, "l2", "0.1")
    for epoch in (1, 2, 3):
        press(qtbot, window, "stepButton")
        qtbot.waitUntil(
            lambda epoch=epoch: (
                window.session.run is not None and window.session.run.epoch == epoch
            ),
            timeout=10_000,
        )
    step = inspected(qtbot, window, 3)
    run = window.session.run
    before, after = run.parameters_at(2), run.parameters_at(3)
    np.testing.assert_array_equal(step.coef_before, before[0])
    np.testing.assert_array_equal(step.update_coef, after[0] - before[0])
    # The update the kernel made is −η·∇J of the weights before, ∇J including the L2 part.
    np.testing.assert_allclose(step.update_coef, -0.01 * step.grad_coef, rtol=1e-9, atol=1e-16)
    np.testing.assert_allclose(step.penalty_grad, 0.1 * before[0])
    table = find(window, "stepTable")
    assert table.rowCount() == 11  # ten weights and the bias
    assert float(table.item(0, 5).text()) == pytest.approx(step.update_coef[0, 0], rel=1e-5)
    assert float(table.item(10, 2).text()) == pytest.approx(step.grad_intercept[0], rel=1e-5)
    text = find(window, "stepForward").text()
    for blog_name in ("theta", "bias", "y_hat"):
        assert blog_name in text
    assert "delta_theta" in window.step_inspector.gradient_title.text()
    note = find(window, "blogNote").text()
    assert "X.shape[1]" in note and "10.5× longer" in note and "overflows" in note
    assert "equals −η·∇" in find(window, "stepCheck").text()


def test_step_back_shows_exactly_that_epoch_everywhere_and_continues_from_it(qtbot, window):
    type_into(qtbot, find(window, "epochsInput"), "200")
    train_to_end(qtbot, window)
    first = window.session.run
    for _ in range(3):
        press(qtbot, window, "stepBackButton")
    assert window.session.shown_epoch == 197
    coef, intercept = first.parameters_at(197)
    np.testing.assert_array_equal(window.session.shown()[1], coef)
    window.tabs.setCurrentWidget(window.weights)
    np.testing.assert_array_equal(window.weights.shown_weights()[0], coef)
    x = window.session.data.X_test[window.session.selected]
    expected = class_probabilities(decision_scores(x[None, :], coef, intercept))[0]
    np.testing.assert_allclose(window.prediction.shown_probabilities(), expected, rtol=1e-12)
    assert [line.value() for line in window.loss_plot.shown_lines] == [197, 197]
    shown = find(window, "epochShownLabel")
    assert "epoch 197" in shown.full_text()
    qtbot.waitUntil(lambda: "epoch 197" in shown.text())  # once laid out, not cut short
    step = inspected(qtbot, window, 197)
    np.testing.assert_array_equal(step.coef_after, coef)

    scrubber = find(window, "epochScrubber")
    scrubber.setValue(50)  # drag back further
    assert window.session.shown_epoch == 50
    press(qtbot, window, "stepButton")  # continues from epoch 50, one epoch
    qtbot.waitUntil(lambda: window.session.run is not first, timeout=10_000)
    qtbot.waitUntil(lambda: window.session.run.epoch == 51, timeout=10_000)
    branch = window.session.run
    assert first in window.session.runs  # the run as it was stays, for comparison
    assert "from epoch 50" in branch.label
    np.testing.assert_array_equal(branch.parameters_at(50)[0], first.parameters_at(50)[0])
    np.testing.assert_allclose(branch.parameters_at(51)[0], first.parameters_at(51)[0], rtol=1e-12)
    assert window.loss_plot.data()["epochs"][0] == 0  # its curve keeps the epochs before
    assert window.session.shown_epoch is None


def test_the_landscape_is_the_objective_and_a_click_starts_a_run_there(qtbot, window):
    type_into(qtbot, find(window, "epochsInput"), "300")
    train_to_end(qtbot, window)
    window.tabs.setCurrentWidget(window.landscape)
    view = window.landscape
    qtbot.waitUntil(lambda: view.landscape() is not None, timeout=10_000)
    run, data = window.session.run, window.session.data
    latest = run.latest
    objective = cross_entropy(
        decision_scores(data.X_train, latest["coef"], latest["intercept"]), window.session.y_train
    ) + penalty(latest["coef"], 0.0)
    assert view.value_at_center() == pytest.approx(objective, rel=1e-12)
    assert view.value_at_center() == pytest.approx(latest["objective"], rel=1e-12)
    p, q = view.landscape().params
    names = [p.name(data.feature_names, [0, 1]), q.name(data.feature_names, [0, 1])]
    assert find(window, "landscapeXInput").currentText() == names[0]
    assert names[0] in find(window, "landscapeCaption").text()
    path = view.path.getData()
    assert len(path[0]) > 100 and path[0][-1] == pytest.approx(
        p.value(latest["coef"], latest["intercept"])
    )

    view.start_from(1.5, -2.0)  # as a click at (1.5, -2.0)
    qtbot.waitUntil(lambda: window.session.run is not run, timeout=10_000)
    qtbot.waitUntil(lambda: window.session.run.latest is not None, timeout=10_000)
    start = window.session.run.latest
    assert window.session.state is RunState.PAUSED and start["epoch"] == 0
    assert p.value(start["coef"], start["intercept"]) == 1.5
    assert q.value(start["coef"], start["intercept"]) == -2.0


def test_the_log_prints_what_logreg_train_prints(qtbot, window):
    type_into(qtbot, find(window, "epochsInput"), "450")
    train_to_end(qtbot, window)
    lines = [line for line in window.log.lines() if line.startswith("epoch:")]
    cli = subprocess.run(
        [sys.executable, "-m", "logreg_gui.cli", "--epochs", "450"],
        capture_output=True, text=True, check=True, timeout=120,
    )  # fmt: skip
    expected = [line for line in cli.stdout.splitlines() if line.startswith("epoch:")]
    assert lines == expected
    assert lines[-1].startswith("epoch:450")  # the last epoch, between multiples of 100
    assert "completed all 450 epochs" in window.log.lines()[-1]


def test_earlier_runs_stay_faded_named_by_what_differed_and_can_be_hidden(qtbot, window):
    type_into(qtbot, find(window, "epochsInput"), "100")
    train_to_end(qtbot, window)
    type_into(qtbot, find(window, "learningRateInput"), "0.1")
    train_to_end(qtbot, window)
    runs = find(window, "runsList")
    assert runs.count() == 2 and "lr 0.1" in runs.item(0).text()
    assert len(window.loss_plot.compared_curves()) == 1
    runs.item(1).setCheckState(Qt.Unchecked)
    qtbot.waitUntil(lambda: len(window.loss_plot.compared_curves()) == 0, timeout=5_000)
    press(qtbot, window, "clearRunsButton")
    assert window.session.runs == [] and find(window, "runsList").count() == 1


def test_a_learning_rate_change_is_marked_on_the_curve(qtbot, window):
    type_into(qtbot, find(window, "epochsInput"), "400")
    press(qtbot, window, "stepButton")
    qtbot.waitUntil(
        lambda: window.session.run is not None and window.session.run.epoch == 1, timeout=10_000
    )
    type_into(qtbot, find(window, "learningRateInput"), "0.2")
    press(qtbot, window, "stepButton")
    qtbot.waitUntil(lambda: window.session.run.epoch == 2, timeout=10_000)
    assert window.session.run.learning_rates == [(0, 0.01), (1, 0.2)]
    marks = window.loss_plot.rate_marks()
    assert len(marks) == 1 and marks[0].value() == 1 and marks[0].label.format == "lr 0.2"


def test_a_race_trains_every_optimizer_from_the_same_weights(qtbot, window):
    type_into(qtbot, find(window, "epochsInput"), "300")
    press(qtbot, window, "raceButton")
    qtbot.waitUntil(lambda: window.session.state is RunState.FINISHED, timeout=60_000)
    runs = [window.session.run, *window.session.runs]
    names = [run.label.split(": ")[1] for run in runs]
    assert sorted(names) == ["adam", "gd", "momentum", "nesterov", "newton"]
    starts = [run.parameters_at(0)[0] for run in runs]
    for start in starts[1:]:
        np.testing.assert_array_equal(start, starts[0])
    for run in runs:  # every optimizer lowers the objective
        first, last = run.curves.curve("objective")[1][[0, -1]]
        assert last < first, run.label
    newton = runs[names.index("newton")]
    assert newton.stop_reason == "converged" and newton.epoch <= 15
    qtbot.waitUntil(lambda: window.session.optimum is not None, timeout=30_000)
    optimum = window.session.optimum
    assert newton.latest["objective"] == pytest.approx(optimum.objective, rel=1e-8)
    assert len(window.loss_plot.compared_curves()) == 4


def test_the_step_and_the_prediction_panel_agree_at_every_epoch(qtbot, window):
    """One sample, one set of weights: at each epoch shown, the panel explains the sample
    with the weights after that epoch, and the Step tab shows it before (the weights of the
    epoch before, labelled) and after (the panel's numbers)."""
    type_into(qtbot, find(window, "epochsInput"), "6")
    train_to_end(qtbot, window)
    window.session.select_sample(4)
    x = window.session.data.X_test[4]
    for epoch in range(1, 7):
        window.session.show_epoch(epoch)
        step = inspected(qtbot, window, epoch)
        coef, intercept = window.session.run.parameters_at(epoch)
        z = float(decision_scores(x[None, :], coef, intercept)[0, 0])
        panel = window.prediction
        assert panel.weights_epoch() == epoch
        assert panel.current_explanation().scores[0] == pytest.approx(z, rel=1e-12)
        assert f"Weights after epoch {epoch:,}:" in find(window, "scoreLabel").text()
        before = window.session.run.parameters_at(epoch - 1)
        z_before = float(decision_scores(x[None, :], *before)[0, 0])
        assert step.sample["z"][0] == pytest.approx(z_before, rel=1e-12)
        forward = find(window, "stepForward").text()
        assert f"before this epoch (after epoch {epoch - 1:,}): z = {z_before:.4g}" in forward
        assert f"With the weights after epoch {epoch:,}" in forward
        assert f"z = {z:.4g}" in forward


def test_the_landscape_s_legend_leaves_the_paths_and_the_start_in_sight(qtbot, window):
    from logreg_gui.ui.style.legend_place import CORNERS, covered

    type_into(qtbot, find(window, "epochsInput"), "300")
    train_to_end(qtbot, window)
    type_into(qtbot, find(window, "learningRateInput"), "0.5")
    train_to_end(qtbot, window)
    view = window.landscape
    window.tabs.setCurrentWidget(view)
    qtbot.waitUntil(lambda: bool(view.compared_paths) and view.legend.isVisible(), timeout=20_000)
    qtbot.waitUntil(lambda: view.legend_corner is not None, timeout=5_000)
    items = [*view.compared_paths, view.path, view.start_point]
    points = np.concatenate([np.column_stack(item.getData()) for item in items])
    box, size = view.plot.getViewBox(), view.legend.boundingRect().size()
    counts = {corner: covered(points, box, size, corner) for corner in CORNERS}
    assert counts[view.legend_corner] == min(counts.values()), counts
    start = np.column_stack(view.start_point.getData())
    assert (
        covered(start, box, size, view.legend_corner) == 0
        or min(covered(start, box, size, c) for c in CORNERS) > 0
    )


def test_the_landscape_says_it_is_computing_not_that_there_is_no_run(qtbot, window):
    """Issue 18: a run going on on large data left "No run yet" there for seconds."""
    caption = find(window, "landscapeCaption")
    assert caption.text().startswith("No run yet")
    seen = []
    window.session.runStarted.connect(lambda: seen.append(caption.text()))  # after the view
    press(qtbot, window, "stepButton")
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    assert seen[0].startswith("Computing the loss over two weights"), seen


def test_the_landscape_follows_a_run_on_large_data_while_it_runs(qtbot, window):
    """Issue 18: a slice over 84,000 rows takes most of a second; begun again at every update
    of the window, it never finished while the run went on (and took a core from it)."""
    from logreg_gui.core import DataSettings, GenerationSettings, prepare_data

    generation = GenerationSettings(n_samples=120_000, n_features=5, n_informative=3)
    window.session.set_data(prepare_data(DataSettings(generation=generation)))
    window.tabs.setCurrentWidget(window.landscape)
    type_into(qtbot, find(window, "epochsInput"), "100000000")
    view = window.landscape
    drawn = []

    def on_drawn(job):
        running, slice_ = window.session.state is RunState.RUNNING, view.landscape()
        if running and job.kind == "landscape" and job.error is None and slice_ is not None:
            drawn.append((window.session.run.epoch, slice_.center))

    window.jobs.delivered.connect(on_drawn)
    press(qtbot, window, "trainButton")
    qtbot.waitUntil(lambda: len(drawn) >= 2, timeout=60_000)
    press(qtbot, window, "stopButton")
    (first_epoch, first), (second_epoch, second) = drawn[:2]
    assert second_epoch > first_epoch
    assert not np.allclose(first, second)  # the slice moved with the weights
