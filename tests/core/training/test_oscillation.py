"""A loss swinging every epoch: the watch on made-up curves (a two-cycle, swings dying out,
rounding, noise) fed in any batching, and on real runs — learning rate 10 on the seed's
data swings and says so; 0.01, 0.5 and mini-batches do not."""

import warnings
from itertools import pairwise

import numpy as np
import pytest
from sklearn.exceptions import ConvergenceWarning

from logreg_gui.core import DataSettings, LogisticRegressionGD, StopReason, prepare_data
from logreg_gui.core.training.oscillation import SWING_FLIPS, Oscillation, Swing


def feed(values, chunk, start=0, flips=SWING_FLIPS):
    """Every value fed in chunks of ``chunk`` epochs (None: all at once); returns what was
    found (each call's return value that was not None) and the watch."""
    watch = Oscillation(flips=flips, start=start)
    epochs = np.arange(start, start + len(values))
    size = len(values) if chunk is None else chunk
    found = []
    for i in range(0, len(values), size):
        swing = watch.update(epochs[i : i + size], np.asarray(values[i : i + size]))
        if swing is not None:
            found.append(swing)
    return found, watch


def two_cycle(epochs=200, low=0.49, high=0.51):
    """From 1.0 at epoch 0 down to ``low``, then ``high``, ``low``, … every epoch."""
    t = np.arange(1, epochs + 1)
    return np.concatenate([[1.0], np.where(t % 2, low, high)])


CHUNKS = [1, 7, 16, 17, None]


@pytest.mark.parametrize("chunk", CHUNKS)
def test_a_two_cycle_is_found_once_when_thirty_changes_alternate(chunk):
    found, watch = feed(two_cycle(), chunk)
    # Epoch 1 went down, epoch 2 up (the first change of direction): the swing began with
    # the change of epoch 1. The thirtieth change of direction comes at epoch 31, but the
    # amplitudes are weighed over the 31 changes up to it, and the drop of epoch 1 from 1.0
    # is no swing's: it is recognised one epoch later.
    assert found == [Swing(first=1, low=0.49, high=0.51, seen=SWING_FLIPS + 2)]
    assert watch.found == found[0]
    assert watch.swinging == Swing(1, 0.49, 0.51, 200)


@pytest.mark.parametrize("chunk", CHUNKS)
def test_a_swing_that_stops_is_not_swinging_any_more(chunk):
    values = np.concatenate([two_cycle(100), np.full(50, 0.5)])
    found, watch = feed(values, chunk)
    assert len(found) == 1 and watch.swinging is None


@pytest.mark.parametrize("ratio", [0.95, 0.99])
@pytest.mark.parametrize("chunk", CHUNKS)
def test_swings_dying_out_geometrically_are_not_a_swing(ratio, chunk):
    """What gradient descent does below the limit of stability: every error shrinks by a
    constant factor each epoch, the loss alternating as it settles."""
    t = np.arange(400)
    values = 0.3 + 0.1 * ratio**t * (-1.0) ** t
    found, watch = feed(values, chunk)
    assert found == [] and watch.swinging is None


@pytest.mark.parametrize("chunk", CHUNKS)
def test_rounding_at_the_optimum_is_not_a_swing(chunk):
    t = np.arange(400)
    values = 0.2325389335354 + 1e-12 * (-1.0) ** t
    assert feed(values, chunk)[0] == []


@pytest.mark.parametrize("seed", range(5))
def test_noise_is_not_a_swing(seed):
    """Independent noise changes direction two times in three, with any amplitude."""
    rng = np.random.default_rng(seed)
    values = 0.3 + 0.01 * rng.standard_normal(20_000)
    assert feed(values, None)[0] == []


def test_the_verdict_does_not_depend_on_the_batching():
    """Swings that come, go and come back, with noise between: every batching, including
    chunks of random sizes, finds the same first swing at the same epoch and ends in the same
    state (with a short watch of 10 flips, so that the noise makes near-misses too)."""
    rng = np.random.default_rng(0)
    pieces = [
        two_cycle(60, 0.4, 0.45)[1:],
        0.5 + 0.02 * rng.standard_normal(300),
        0.3 + 0.1 * 0.97 ** np.arange(80) * (-1.0) ** np.arange(80),
        two_cycle(200, 0.2, 0.21)[1:],
    ]
    values = np.concatenate([[1.0], *pieces])
    for flips in (10, SWING_FLIPS):
        expected = feed(values, 1, flips=flips)
        assert expected[0], flips
        for chunk in (7, 16, 17, 64, None):
            got = feed(values, chunk, flips=flips)
            assert got[0] == expected[0], (flips, chunk)
            assert got[1].swinging == expected[1].swinging
        watch = Oscillation(flips=flips)
        epochs = np.arange(len(values))
        cuts = np.unique(np.concatenate([[0, len(values)], rng.integers(len(values), size=60)]))
        found = [watch.update(epochs[a:b], values[a:b]) for a, b in pairwise(cuts)]
        assert [f for f in found if f is not None] == expected[0]
        assert watch.swinging == expected[1].swinging


def test_the_initial_state_starts_the_watch_afresh():
    """A run continued from its initial epoch again: the changes of direction are counted
    from there, not added to those before."""
    first = two_cycle(25)  # epochs 5–30: 24 changes of direction, not yet a swing
    again = np.where(np.arange(20) % 2, 0.49, 0.51)  # epochs 5–24, going on alternating
    for start in (5, 0):
        watch = Oscillation(start=start)
        assert watch.update(np.arange(5, 31), first) is None
        swing = watch.update(np.arange(5, 25), again)
        # Watched from epoch 0, epoch 5 is just one more epoch: the alternation goes on.
        assert (swing is None) == (start == 5)


def test_the_number_of_flips_is_even():
    with pytest.raises(ValueError, match="even"):
        Oscillation(flips=7)


# ------------------------------------------------------------------------- real runs
@pytest.fixture(scope="module")
def split():
    return prepare_data(DataSettings())


def train(split, **params):
    """Run to the end; returns the run, every warning its batches carried and its curve."""
    model = LogisticRegressionGD(random_state=0, **params)
    run = model.start_training(split.X_train, split.y_train)
    warned, epochs, values = [], [], []
    while not run.finished:
        batch = run.advance()
        if batch is not None:
            warned.extend([str(batch.warning)] if batch.warning else [])
            epochs.extend(batch.epochs)
            values.extend(batch.objective)
    return run, warned, np.array(epochs), np.array(values)


def test_learning_rate_10_swings_on_the_seeds_data_and_says_so(split):
    run, warned, epochs, values = train(split, learning_rate=10.0)
    assert run.stop_reason == StopReason.COMPLETED
    assert len(warned) == 1 and warned[0] == run.warning
    swing = Oscillation().update(epochs, values)
    assert swing is not None
    assert run.warning == (
        f"the loss swings between {swing.low:.4f} and {swing.high:.4f} every epoch (since "
        f"epoch {swing.first}): the learning rate 10 is too large to settle; try 1."
    )
    assert run.message.startswith(
        "completed all 3,000 epochs, oscillating: the loss still swings between 0.23"
    )
    assert run.message.endswith("every epoch; the learning rate 10 is too large to settle. Try 1.")
    # Really: the last epochs alternate between two values, a few in ten thousand apart.
    tail = values[-100:]
    assert np.all(np.diff(np.sign(np.diff(tail))) != 0)
    assert np.ptp(tail) > 1e-4
    # And the rate suggested settles without a word.
    calm, warned, _, _ = train(split, learning_rate=1.0)
    assert warned == [] and calm.message == "completed all 3,000 epochs."


@pytest.mark.parametrize("rate", [0.01, 0.5])
def test_a_good_or_small_rate_does_not_swing(split, rate):
    run, warned, _, _ = train(split, learning_rate=rate)
    assert warned == [] and run.warning is None
    assert run.message == "completed all 3,000 epochs."


@pytest.mark.parametrize("rate", [0.1, 0.5])
def test_the_noise_of_mini_batches_is_not_a_swing(split, rate):
    run, warned, epochs, values = train(split, learning_rate=rate, batch_size=8)
    assert warned == [] and run.warning is None
    assert run.message == "completed all 3,000 epochs."
    # Nor would the watch call it one: the run's curve up and down is noise.
    assert np.any(np.diff(values[1:]) > 0)
    assert Oscillation().update(epochs, values) is None


def test_stepping_epoch_by_epoch_gives_the_same_warning(split):
    model = LogisticRegressionGD(learning_rate=10.0, epochs=400, random_state=0)
    stepped = model.start_training(split.X_train, split.y_train)
    while stepped.step() is not None:
        pass
    whole, _, _, _ = train(split, learning_rate=10.0, epochs=400)
    assert stepped.warning == whole.warning and "swings" in whole.warning
    assert stepped.message == whole.message


def test_the_estimator_warns_of_a_swing(split):
    with pytest.warns(ConvergenceWarning, match="the loss swings between"):
        LogisticRegressionGD(learning_rate=10.0, random_state=0).fit(split.X_train, split.y_train)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        LogisticRegressionGD(learning_rate=0.5, random_state=0).fit(split.X_train, split.y_train)


def test_a_run_stopped_early_while_swinging_says_it_had_not_settled(split):
    """Early stopping sees no improvement of the best loss and calls it converged; the
    message says that the loss was swinging all along."""
    run, warned, _, _ = train(split, learning_rate=12.0, tol=1e-4, n_iter_no_change=60)
    assert run.stop_reason == StopReason.CONVERGED
    assert len(warned) == 1 and "swings" in warned[0]
    assert "did not improve the loss by at least tol" in run.message
    assert "Yet it was oscillating, not settled: the loss swings between" in run.message


def test_a_rising_loss_found_first_is_the_warning(split):
    """Learning rate 1000 rises over its first 50 epochs, long before it swings: one
    warning, the rise; and it suggests a rate that settles, not a tenth of 1000."""
    run, warned, epochs, values = train(split, learning_rate=1000.0)
    assert Oscillation().update(epochs, values).seen > 50
    assert warned == [run.warning] and "the loss is rising" in run.warning
    assert run.warning.endswith("the learning rate 1000 is likely too large; try 1.")
