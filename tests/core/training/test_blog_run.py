"""The blog's loop as the window runs it equals the blog's code run directly."""

import warnings

import numpy as np
import pytest
from sklearn.datasets import make_classification
from sklearn.model_selection import train_test_split

from logreg_gui.core.training.blog_run import BlogRun
from logreg_gui.core.training.race import Race
from logreg_gui.core.training.records import StopReason


# The seed blog's code, as it is written there (its steps 2 to 5).
def forward(X, theta, bias):
    z = np.dot(theta, X.T) + bias
    y_hat = 1 / (1 + np.exp(-z))
    return y_hat


def loss(y, y_hat):
    e = 1e-8
    return -y * np.log(y_hat + e) - (1 - y) * np.log(1 - y_hat + e)


def calc_gradient(x, y, y_hat):
    m = x.shape[-1]
    delta_theta = np.dot(y_hat - y, x) / m
    delta_bias = np.mean(y_hat - y)
    return delta_theta, delta_bias


def the_blog(X_train, y_train, theta, bias, lr, epochs):
    printed = []
    for i in range(epochs):
        y_hat = forward(X_train, theta, bias)
        loss_value = loss(y_train, y_hat)
        delta_theta, delta_bias = calc_gradient(X_train, y_train, y_hat)
        theta = theta - lr * delta_theta
        bias = bias - lr * delta_bias
        if i % 100 == 0:
            acc = np.mean(np.round(y_hat) == y_train)
            printed.append((i, np.mean(loss_value), acc))
    return printed, theta, bias


def blog_data(scale=1.0):
    X, y = make_classification(n_samples=150, n_features=10, random_state=0)
    X_train, X_test, y_train, y_test = train_test_split(X * scale, y, test_size=0.3, random_state=0)
    theta = np.random.RandomState(0).randn(1, 10)
    return X_train, X_test, y_train, y_test, theta


def run_all(run):
    batches = [run.flush()]
    while not run.finished:
        batches.append(run.advance(max_epochs=37))
    batches = [b for b in batches if b is not None]
    epochs = np.concatenate([b.epochs for b in batches])
    return batches, epochs


def test_the_blog_run_prints_what_the_blog_s_code_prints_to_the_last_bit():
    X_train, X_test, y_train, y_test, theta = blog_data()
    printed, theta_end, bias_end = the_blog(X_train, y_train, theta, 0, 0.01, 3000)
    run = BlogRun(X_train, y_train, theta, [0.0], learning_rate=0.01, epochs=3000,
                  X_test=X_test, y_test=y_test)  # fmt: skip
    batches, epochs = run_all(run)
    np.testing.assert_array_equal(epochs, np.arange(3001))
    losses = np.concatenate([b.train_loss for b in batches])
    accuracies = np.concatenate([b.train_accuracy for b in batches])
    for i, value, acc in printed:
        assert losses[i] == value and accuracies[i] == acc
    np.testing.assert_array_equal(run.coef, theta_end)
    assert run.intercept[0] == bias_end
    assert run.stop_reason == StopReason.COMPLETED and run.warning is None


def test_its_gradient_is_the_blog_s_one_divided_by_the_features_not_the_samples():
    X_train, _, y_train, _, theta = blog_data()
    run = BlogRun(X_train, y_train, theta, [0.0], learning_rate=1.0, epochs=1)
    run_all(run)
    y_hat = 1 / (1 + np.exp(-(X_train @ theta[0])))
    per_feature = (y_hat - y_train) @ X_train / X_train.shape[1]
    np.testing.assert_allclose(theta[0] - run.coef[0], per_feature, rtol=1e-12)
    per_sample = (y_hat - y_train) @ X_train / len(y_train)
    assert not np.allclose(theta[0] - run.coef[0], per_sample)  # 10.5 times larger


def test_an_overflow_is_said_in_words_as_numpy_would_print_it_and_the_run_goes_on():
    X_train, X_test, y_train, y_test, theta = blog_data(scale=1000.0)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        printed, theta_end, _ = the_blog(X_train, y_train, theta, 0, 0.01, 50)
    assert any("overflow encountered in exp" in str(w.message) for w in caught)
    run = BlogRun(X_train, y_train, theta, [0.0], learning_rate=0.01, epochs=50,
                  X_test=X_test, y_test=y_test)  # fmt: skip
    batches, _ = run_all(run)
    losses = np.concatenate([b.train_loss for b in batches])
    assert all(losses[i] == value for i, value, _ in printed)
    assert "RuntimeWarning: overflow encountered in exp" in run.warning
    assert sum(b.warning is not None for b in batches) == 1
    np.testing.assert_array_equal(run.coef, theta_end)
    assert run.stop_reason == StopReason.COMPLETED


def test_it_races_beside_a_correct_run_and_stops_when_asked():
    from logreg_gui.core.estimator import LogisticRegressionGD

    X_train, X_test, y_train, y_test, _ = blog_data()
    correct = LogisticRegressionGD(learning_rate=0.01, epochs=500, random_state=0)
    run = correct.start_training(X_train, y_train, X_test, y_test, keep_weights=True)
    blog = BlogRun(X_train, y_train, correct.coef_, correct.intercept_, learning_rate=0.01,
                   epochs=500, X_test=X_test, y_test=y_test, keep_weights=True)  # fmt: skip
    race = Race([run, blog], ["gd", "the blog's code"])
    race.flush()
    race.advance(max_epochs=100)
    assert race.epoch >= 1
    race.stop()
    assert blog.finished and blog.stop_reason == StopReason.STOPPED
    assert "stopped after" in blog.message


def test_more_than_two_classes_are_refused():
    with pytest.raises(ValueError, match="two classes"):
        BlogRun(np.eye(3), [0, 1, 2], np.zeros((1, 3)), [0.0], learning_rate=0.1, epochs=1)
