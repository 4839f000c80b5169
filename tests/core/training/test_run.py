"""TrainingRun: records, stop and resume, a learning rate changed mid-run, divergence."""

import numpy as np
import pytest
from sklearn.metrics import accuracy_score, log_loss

from logreg_gui.core import DataSettings, LogisticRegressionGD, StopReason, prepare_data
from logreg_gui.core.model.objective import (
    class_probabilities,
    cross_entropy,
    decision_scores,
    gradient,
)


@pytest.fixture(scope="module")
def split():
    return prepare_data(DataSettings())


def start(split, **params):
    model = LogisticRegressionGD(random_state=0, **params)
    return model, model.start_training(split.X_train, split.y_train, split.X_test, split.y_test)


def test_records_are_the_state_after_each_epoch(split):
    model, run = start(split, epochs=20, penalty="l2", alpha=0.1)
    first = run.record()
    assert first.epoch == 0
    records = list(run)
    assert [r.epoch for r in records] == list(range(1, 21))
    y = np.searchsorted(model.classes_, split.y_train)
    y_test = np.searchsorted(model.classes_, split.y_test)
    for r in records:
        scores = decision_scores(split.X_train, r.coef, r.intercept)
        assert r.train_loss == pytest.approx(cross_entropy(scores, y), rel=1e-12)
        assert r.objective == pytest.approx(r.train_loss + 0.05 * np.sum(r.coef**2), rel=1e-12)
        p_test = class_probabilities(decision_scores(split.X_test, r.coef, r.intercept))
        assert r.test_loss == pytest.approx(log_loss(y_test, p_test), rel=1e-9)
        assert r.test_accuracy == pytest.approx(accuracy_score(y_test, p_test.argmax(axis=1)))
    assert run.stop_reason == StopReason.COMPLETED
    np.testing.assert_array_equal(model.coef_, records[-1].coef)
    # Records keep their own weights: later epochs never write into them.
    assert not np.array_equal(records[0].coef, records[-1].coef)


def test_stop_and_resume_equals_one_go(split):
    _, whole = start(split, epochs=30)
    for _ in whole:
        pass
    _, parts = start(split, epochs=30)
    for _ in range(10):
        parts.step()
    assert parts.epoch == 10 and not parts.finished
    rest = list(parts)
    assert rest[0].epoch == 11 and parts.epoch == 30
    np.testing.assert_array_equal(parts.coef, whole.coef)


def test_caller_stop_ends_the_run(split):
    _, run = start(split, epochs=30)
    run.step()
    run.stop()
    assert run.step() is None and run.stop_reason == StopReason.STOPPED


def test_learning_rate_changed_between_epochs(split):
    model, run = start(split, epochs=10)
    for _ in range(3):
        run.step()
    coef, intercept = run.coef, run.intercept
    run.learning_rate = 0.7
    record = run.step()
    y = np.searchsorted(model.classes_, split.y_train)
    g, gb = gradient(split.X_train, decision_scores(split.X_train, coef, intercept), y, coef, 0.0)
    np.testing.assert_allclose(record.coef, coef - 0.7 * g, rtol=1e-12)
    np.testing.assert_allclose(record.intercept, intercept - 0.7 * gb, rtol=1e-12)


def test_divergence_stops_with_a_reason_and_finite_weights(split):
    X = split.X_train * 1e200
    model = LogisticRegressionGD(learning_rate=1e300, epochs=100, random_state=0)
    run = model.start_training(X, split.y_train)
    records = list(run)
    assert run.stop_reason == StopReason.DIVERGED
    assert "learning rate" in run.message
    assert np.isfinite(run.coef).all() and np.isfinite(run.intercept).all()
    assert all(np.isfinite(r.train_loss) for r in records)
    with pytest.warns(Warning, match="diverged"):
        model.fit(X, split.y_train)
    assert np.isfinite(model.coef_).all()


def test_without_a_test_set_test_values_are_none(split):
    model = LogisticRegressionGD(epochs=2, random_state=0)
    run = model.start_training(split.X_train, split.y_train)
    record = run.step()
    assert record.test_loss is None and record.test_accuracy is None


def test_test_labels_unknown_to_training_are_refused(split):
    y_test = split.y_test.copy()
    y_test[0] = 5
    with pytest.raises(ValueError, match="not among the training classes"):
        LogisticRegressionGD().start_training(split.X_train, split.y_train, split.X_test, y_test)


def test_advance_returns_consecutive_epochs_and_flush_the_last(split):
    _, run = start(split, epochs=500)
    first = run.advance(max_epochs=100)
    assert first.epochs[0] == 0
    np.testing.assert_array_equal(np.diff(first.epochs), 1)
    assert run.epoch == first.epochs[-1]
    np.testing.assert_array_equal(run.coef, first.coef)
    # The weights are one epoch ahead of the records; flush brings the record.
    last = run.flush()
    assert len(last) == 1 and last.epochs[0] == first.epochs[-1] + 1
    assert run.flush() is None
    rest = run.advance(max_seconds=5.0)
    assert rest.epochs[0] == last.epochs[0] + 1 and rest.epochs[-1] == 500
    assert run.stop_reason == StopReason.COMPLETED and run.epoch == 500


def test_stop_returns_the_record_of_the_final_weights(split):
    _, run = start(split, epochs=1000)
    batch = run.advance(max_epochs=10)
    final = run.stop()
    assert final.epochs[-1] == batch.epochs[-1] + 1 == run.epoch
    assert run.stop_reason == StopReason.STOPPED and "stopped after" in run.message


def test_a_loss_grown_by_orders_of_magnitude_is_divergence(split):
    """A learning rate of 1e6 makes the loss grow by factors up to 1e298 without ever
    overflowing; that is divergence, not a completed run."""
    _, run = start(split, learning_rate=1e6, epochs=3000)
    batches = []
    while not run.finished:
        batches.append(run.advance())
    curve = np.concatenate([b.objective for b in batches if b is not None])
    assert run.stop_reason == StopReason.DIVERGED
    assert run.epoch < 3000 and "exploded" in run.message and "smaller learning rate" in run.message
    assert np.all(curve <= 1000 * max(curve[0], np.log(2)))
    assert np.isfinite(run.coef).all()


def test_a_rising_loss_is_reported_and_the_run_goes_on(split):
    """Learning rate 1000: the loss swings far above its start for 3000 epochs."""
    _, run = start(split, learning_rate=1000.0, epochs=3000)
    warned = []
    while not run.finished:
        batch = run.advance()
        if batch is not None and batch.warning:
            warned.append(str(batch.warning))
    assert run.stop_reason == StopReason.COMPLETED
    assert len(warned) == 1 and warned[0] == run.warning
    assert "rising" in run.warning and "learning rate 1000 is likely too large" in run.warning


def test_a_sensible_run_gives_no_warning(split):
    _, run = start(split, learning_rate=0.1, epochs=3000)
    for _ in run:
        pass
    assert run.warning is None and run.stop_reason == StopReason.COMPLETED


def mlp_stop_epoch(curve, tol, n_iter_no_change):
    """scikit-learn MLPClassifier's rule, applied to a loss curve by hand."""
    best, count = np.inf, 0
    for epoch, loss in enumerate(curve):
        count = count + 1 if loss > best - tol else 0
        best = min(best, loss)
        if count > n_iter_no_change:
            return epoch
    return None


@pytest.mark.parametrize("batch_size,lr,tol", [(8, 0.5, 1e-5), (None, 0.1, 1e-4)])
def test_early_stopping_follows_scikit_learns_rule(split, batch_size, lr, tol):
    _, whole = start(split, learning_rate=lr, batch_size=batch_size, epochs=400)
    curve = [whole.record().objective] + [r.objective for r in whole]
    _, run = start(split, learning_rate=lr, batch_size=batch_size, epochs=400, tol=tol)
    for _ in run:
        pass
    expected = mlp_stop_epoch(curve, tol, 10)
    assert expected is not None and expected > 10
    assert run.stop_reason == StopReason.CONVERGED and run.epoch == expected
    assert run.best_objective == pytest.approx(min(curve[: expected + 1]), rel=1e-12)
    assert "did not improve the loss by at least tol" in run.message


def test_too_large_a_rate_is_told_a_rate_that_settles(split):
    """The messages of a rate too large suggest the data's rate for plain gradient descent
    (1/L rounded down: 1 on the seed's data), which settles, where a tenth of the rate
    would not (100 after 1000)."""
    _, rising = start(split, learning_rate=1000.0)
    for _ in rising:
        pass
    assert rising.warning.endswith("the learning rate 1000 is likely too large; try 1.")
    _, diverged = start(split, learning_rate=1e6)
    for _ in diverged:
        pass
    assert diverged.stop_reason == StopReason.DIVERGED
    assert diverged.message.endswith("Use a smaller learning rate, e.g. 1.")
    _, settled = start(split, learning_rate=1.0)
    for _ in settled:
        pass
    assert settled.warning is None and settled.stop_reason == StopReason.COMPLETED
    # Momentum settles at that rate too.
    _, momentum = start(split, learning_rate=1000.0, solver="momentum")
    for _ in momentum:
        pass
    assert momentum.warning.endswith("try 1.")


@pytest.mark.parametrize(
    "params,smaller",
    [
        # Mini-batches: the curvature of the whole data does not bound a batch's steps.
        (dict(learning_rate=1000.0, batch_size=50), "try 100."),
        # Adam's steps are not the gradient's: its rate is another scale. (At 20 the loss
        # rises in the first 50 epochs; at 5 only after its path has turned chaotic, so
        # whether it does depends on the order of the kernel's sums.)
        (dict(learning_rate=20.0, solver="adam"), "try 2."),
    ],
)
def test_without_a_suggestion_the_message_says_a_tenth(split, params, smaller):
    _, run = start(split, **params)
    for _ in run:
        pass
    assert "the loss is rising" in run.warning and run.warning.endswith(smaller)


def test_data_too_large_to_weigh_quickly_are_told_a_tenth(split, monkeypatch):
    from logreg_gui.core.training import run as run_module

    monkeypatch.setattr(run_module, "MAX_SUGGESTION_WORK", 0)
    _, run = start(split, learning_rate=1000.0)
    for _ in run:
        pass
    assert run.warning.endswith("the learning rate 1000 is likely too large; try 100.")
