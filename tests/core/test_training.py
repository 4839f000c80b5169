"""TrainingRun: records, stop and resume, a learning rate changed mid-run, divergence."""

import numpy as np
import pytest
from sklearn.metrics import accuracy_score, log_loss

from logreg_gui.core import DataSettings, LogisticRegressionGD, StopReason, prepare_data
from logreg_gui.core.objective import class_probabilities, cross_entropy, decision_scores, gradient


@pytest.fixture(scope="module")
def split():
    return prepare_data(DataSettings())


def start(split, **params):
    model = LogisticRegressionGD(random_state=0, **params)
    return model, model.start_training(split.X_train, split.y_train, split.X_test, split.y_test)


def test_records_are_the_state_after_each_epoch(split):
    model, run = start(split, epochs=20, l2=0.1)
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
