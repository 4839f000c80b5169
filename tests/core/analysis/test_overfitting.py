"""Overfitting during a run: said when the test loss has clearly risen while the training
loss fell, never on the seed's default run, never for noise or a loss rising everywhere."""

import numpy as np
import pandas as pd
import pytest
from sklearn.datasets import make_moons

from logreg_gui.core.analysis.overfitting import overfitting_in_run
from logreg_gui.core.data.feature_map import FeatureMap
from logreg_gui.core.data.settings import FILE, DataSettings, prepare_data
from logreg_gui.core.estimator import LogisticRegressionGD


def curves(split, **params):
    """Epochs, training and test loss of a whole run of the app's estimator."""
    run = LogisticRegressionGD(random_state=0, **params).start_training(
        split.X_train, split.y_train, split.X_test, split.y_test
    )
    batches = []
    while not run.finished:
        batches.append(run.advance())
    batches.append(run.flush())
    batches = [b for b in batches if b is not None]
    return tuple(np.concatenate([getattr(b, n) for b in batches]) for n in
                 ("epochs", "train_loss", "test_loss"))  # fmt: skip


def test_the_seeds_default_run_is_no_overfitting():
    """make_classification's 150 samples, lr 0.01, 3,000 epochs: the test loss still falls."""
    epochs, train, test = curves(prepare_data(DataSettings()))
    assert len(epochs) == 3001 and np.argmin(test) == len(test) - 1
    assert overfitting_in_run(epochs, train, test) is None


def test_a_high_degree_on_few_noisy_samples_overfits(tmp_path):
    """60 noisy moons, degree 10 (65 features), lr 1, 20,000 epochs: the test loss bottoms
    out after a few thousand epochs and climbs while the training loss keeps falling."""
    X, y = make_moons(60, noise=0.3, random_state=0)
    path = tmp_path / "moons.csv"
    pd.DataFrame({"x1": X[:, 0], "x2": X[:, 1], "label": y}).to_csv(path, index=False)
    settings = DataSettings(source=FILE, path=str(path), target="label",
                            feature_map=FeatureMap(degree=10))  # fmt: skip
    epochs, train, test = curves(prepare_data(settings), learning_rate=1.0, epochs=20_000)
    found = overfitting_in_run(epochs, train, test)
    assert found is not None
    lowest = int(np.argmin(test))
    assert found.since == pytest.approx(epochs[lowest], abs=400)  # smoothed over 2 %
    assert found.test_from == pytest.approx(test[lowest], rel=0.01)
    assert found.test_to == pytest.approx(test[-1], rel=0.01)
    assert found.test_to > 1.1 * found.test_from and found.train_to < 0.99 * found.train_from
    # Early in the same run, while the test loss still falls: nothing to say.
    assert overfitting_in_run(epochs[:lowest], train[:lowest], test[:lowest]) is None


def test_a_wobble_noise_or_a_loss_rising_everywhere_is_not_overfitting():
    epochs = np.arange(2000)
    train = 0.5 * np.exp(-epochs / 500) + 0.1
    # The test loss 5 % above its minimum at the end: a wobble, within the margin.
    test = np.where(epochs < 1000, 0.4 - epochs * 1e-4, 0.3 + (epochs - 1000) * 1.5e-5)
    assert overfitting_in_run(epochs, train, test) is None
    # Mini-batch noise around a flat test loss.
    noisy = 0.3 + np.random.default_rng(0).normal(0, 0.02, len(epochs))
    assert overfitting_in_run(epochs, train, noisy) is None
    # Both rising (a learning rate too large): the run's own warning, not overfitting.
    rising = np.where(epochs < 1000, 0.4 - epochs * 1e-4, 0.3 + (epochs - 1000) * 1e-4)
    assert overfitting_in_run(epochs, train, rising) is not None
    assert overfitting_in_run(epochs, rising - 0.1, rising) is None
    # No test part.
    assert overfitting_in_run(epochs, train, np.full(len(epochs), np.nan)) is None
