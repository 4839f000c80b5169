"""The step inspector's numbers: the gradient against finite differences, the update against
the training kernel, a mini-batch epoch replayed from the order the run used, and a run
continued from an earlier epoch's weights."""

import numpy as np
import pytest

from logreg_gui.core import DataSettings, LogisticRegressionGD, prepare_data
from logreg_gui.core.analysis.step import explain_step
from logreg_gui.core.data.generation import GenerationSettings
from logreg_gui.core.model.objective import cross_entropy, decision_scores, penalty
from logreg_gui.core.model.penalty import Penalty


def objective(X, y, coef, intercept, l2):
    return cross_entropy(decision_scores(X, coef, intercept), y) + penalty(coef, l2)


def epochs_of(split, **params):
    """Every record of a run, with its weights."""
    model = LogisticRegressionGD(random_state=0, **params)
    run = model.start_training(split.X_train, split.y_train, keep_weights=True)
    records = [run.record(), *run]
    y = np.searchsorted(model.classes_, split.y_train)
    return records, y, run


@pytest.mark.parametrize("n_classes, l2", [(2, 0.0), (2, 0.3), (3, 0.05)])
def test_the_gradient_shown_is_the_objective_s_slope(n_classes, l2):
    split = prepare_data(
        DataSettings(generation=GenerationSettings(n_classes=n_classes, n_informative=4))
    )
    records, y, _ = epochs_of(split, epochs=5, **Penalty("l2", l2).settings(), learning_rate=0.1)
    before, after = records[3], records[4]
    step = explain_step(
        split.X_train, y, (before.coef, before.intercept), (after.coef, after.intercept),
        epoch=4, learning_rate=0.1, l2=l2,
    )  # fmt: skip
    h = 1e-6
    for c in range(before.coef.shape[0]):
        for j in range(before.coef.shape[1]):
            plus, minus = before.coef.copy(), before.coef.copy()
            plus[c, j] += h
            minus[c, j] -= h
            slope = (
                objective(split.X_train, y, plus, before.intercept, l2)
                - objective(split.X_train, y, minus, before.intercept, l2)
            ) / (2 * h)
            assert step.grad_coef[c, j] == pytest.approx(slope, rel=1e-6, abs=1e-9)
        plus, minus = before.intercept.copy(), before.intercept.copy()
        plus[c] += h
        minus[c] -= h
        slope = (
            objective(split.X_train, y, before.coef, plus, l2)
            - objective(split.X_train, y, before.coef, minus, l2)
        ) / (2 * h)
        assert step.grad_intercept[c] == pytest.approx(slope, rel=1e-6, abs=1e-9)
    np.testing.assert_allclose(step.penalty_grad, l2 * before.coef)
    assert step.objective_before == pytest.approx(before.objective, rel=1e-12)


def test_the_update_shown_is_what_the_kernel_did():
    split = prepare_data(DataSettings())
    records, y, _ = epochs_of(split, epochs=50, **Penalty("l2", 0.01).settings())
    for e in (1, 17, 50):
        before, after = records[e - 1], records[e]
        step = explain_step(
            split.X_train, y, (before.coef, before.intercept), (after.coef, after.intercept),
            epoch=e, learning_rate=0.01, l2=0.01,
        )  # fmt: skip
        np.testing.assert_array_equal(step.update_coef, after.coef - before.coef)
        # −η·∇J(θ_before), computed by the readable maths, is the kernel's step.
        np.testing.assert_allclose(step.expected_coef, step.update_coef, rtol=1e-9, atol=1e-15)
        np.testing.assert_allclose(step.expected_intercept, step.update_intercept, atol=1e-15)
        assert step.max_mismatch < 1e-14


def test_a_minibatch_epoch_replays_from_the_order_the_run_used():
    split = prepare_data(DataSettings())
    model = LogisticRegressionGD(random_state=3, epochs=12, batch_size=16, penalty="l2", alpha=0.02)
    run = model.start_training(split.X_train, split.y_train, keep_weights=True)
    y = np.searchsorted(model.classes_, split.y_train)
    previous = run.record()
    checked = 0
    while not run.finished:
        run.advance(max_epochs=1)
        batch = run.flush()
        if batch is None:
            continue
        for i in range(len(batch)):
            record = batch.record(i)
            if i == len(batch) - 1 and batch.order is not None:
                step = explain_step(
                    split.X_train, y, (previous.coef, previous.intercept),
                    (record.coef, record.intercept), epoch=record.epoch, learning_rate=0.01,
                    l2=0.02, batch_size=16, order=batch.order,
                )  # fmt: skip
                assert len(step.batches) == 7  # 105 rows in batches of 16
                assert sorted(np.concatenate([b.rows for b in step.batches])) == list(range(105))
                np.testing.assert_allclose(step.expected_coef, step.update_coef, atol=1e-13)
                checked += 1
            previous = record
    assert checked >= 10


def test_a_run_continued_from_an_epoch_starts_from_its_exact_weights():
    split = prepare_data(DataSettings())
    records, _, _ = epochs_of(split, epochs=40)
    back = records[25]
    model = LogisticRegressionGD(random_state=0, epochs=40)
    run = model.start_training(
        split.X_train, split.y_train, coef_init=back.coef, intercept_init=back.intercept,
        start_epoch=25,
    )  # fmt: skip
    first = run.record()
    assert first.epoch == 25 and first.train_loss == back.train_loss
    np.testing.assert_array_equal(first.coef, back.coef)
    rest = list(run)
    assert [r.epoch for r in rest] == list(range(26, 41))
    # Plain gradient descent has no other state: the continued run retraces the first.
    np.testing.assert_allclose(rest[-1].coef, records[40].coef, rtol=1e-12)
    with pytest.raises(ValueError, match="coef_init must be"):
        LogisticRegressionGD(epochs=5).start_training(
            split.X_train, split.y_train, coef_init=np.zeros((2, 3))
        )


@pytest.mark.parametrize("batch_size", [None, 16])
def test_a_weighted_step_is_what_the_kernel_did(batch_size):
    """With class weights the loss shown is the weighted one (the run's objective without its
    penalty), and the update replays: full batch −η·∇J of the weighted J, mini-batches each
    batch's Σ s_i·∇ℓ_i / its rows."""
    split = prepare_data(DataSettings())
    weights = {0: 0.5, 1: 3.0}
    model = LogisticRegressionGD(
        random_state=3, epochs=8, batch_size=batch_size, penalty="l2", alpha=0.02,
        class_weight=weights,
    )  # fmt: skip
    run = model.start_training(split.X_train, split.y_train, keep_weights=True)
    y = np.searchsorted(model.classes_, split.y_train)
    class_weights = np.array([0.5, 3.0])
    previous = run.record()
    checked = 0
    while not run.finished:
        run.advance(max_epochs=1)
        batch = run.flush()
        if batch is None:
            continue
        record = batch.record(len(batch) - 1)
        if batch_size is None or batch.order is not None:
            step = explain_step(
                split.X_train, y, (previous.coef, previous.intercept),
                (record.coef, record.intercept), epoch=record.epoch, learning_rate=0.01,
                l2=0.02, batch_size=batch_size, order=batch.order, class_weights=class_weights,
            )  # fmt: skip
            assert step.weighted
            assert step.objective_before == pytest.approx(previous.objective, rel=1e-12)
            assert step.loss_before != pytest.approx(previous.train_loss, rel=1e-3)
            np.testing.assert_allclose(step.expected_coef, step.update_coef, atol=1e-13)
            checked += 1
        previous = record
    assert checked >= 5
