"""Bounded histories: exact while they fit, min/max envelopes and thinned weights beyond,
memory that does not grow with the run."""

import numpy as np
import pytest

from logreg_gui.core.training.history import CURVES, CurveHistory, WeightHistory


def columns(epochs, rng):
    values = {name: rng.random(len(epochs)) for name in CURVES}
    values["test_loss"][:] = np.nan  # a run without a test set
    return values


def test_exact_while_it_fits_whatever_the_batches():
    rng = np.random.default_rng(0)
    epochs = np.arange(1000)
    values = columns(epochs, rng)
    history = CurveHistory(capacity=1024)
    for chunk in np.array_split(np.arange(1000), 37):
        history.append(epochs[chunk], {k: v[chunk] for k, v in values.items()})
    x, y = history.curve("train_loss")
    np.testing.assert_array_equal(x, epochs)
    np.testing.assert_array_equal(y, values["train_loss"])
    assert np.isnan(history.curve("test_loss")[1]).all()
    assert history.at(500)["objective"] == (values["objective"][500],) * 2


@pytest.mark.parametrize("chunks", [1, 7, 1000])
def test_beyond_capacity_buckets_keep_every_minimum_and_maximum(chunks):
    rng = np.random.default_rng(1)
    n = 100_003
    epochs = np.arange(n)
    loss = rng.random(n)
    loss[77_777] = 50.0  # a spike a plot must not hide
    loss[12_345] = -3.0
    history = CurveHistory(capacity=64)
    for part in np.array_split(epochs, chunks):
        history.append(part, dict.fromkeys(CURVES, loss[part]))
    width = history.width
    assert history.size <= 64 and width >= n / 64
    x, y = history.curve("train_loss")
    assert y.max() == 50.0 and y.min() == -3.0
    # Every bucket's envelope equals the min and max of its epochs, computed directly.
    for i in range(history.size):
        part = loss[i * width : (i + 1) * width]
        assert (y[2 * i], y[2 * i + 1]) == (part.min(), part.max())
    assert x[0] >= 0 and x[-1] <= n - 1
    bucket = history.at(77_777)
    assert bucket["epochs"][0] <= 77_777 <= bucket["epochs"][1] and bucket["train_loss"][1] == 50


def test_memory_does_not_grow_with_the_run():
    history = CurveHistory(capacity=256)
    assert history.nbytes() == 0  # a history holds nothing before its first epoch
    sizes = []
    for start in range(0, 10**7, 10**5):
        epochs = np.arange(start, start + 10**5)
        history.append(epochs, np.zeros((10**5, len(CURVES))))
        sizes.append(history.nbytes())
    assert set(sizes) == {2 * 256 * len(CURVES) * 8}  # full from the first batch, no more
    assert history.n_epochs == 10**7 and history.size <= 256


def test_a_short_run_holds_a_short_history():
    history = CurveHistory(capacity=2**16)
    history.append(np.arange(100), np.zeros((100, len(CURVES))))
    assert history.nbytes() <= 2 * 1024 * len(CURVES) * 8


def test_epochs_must_follow_each_other():
    history = CurveHistory(capacity=8)
    history.append([5, 6], np.zeros((2, len(CURVES))))
    with pytest.raises(ValueError, match="does not follow"):
        history.append([8], np.zeros((1, len(CURVES))))


def test_weights_exact_while_they_fit_then_thinned_with_the_latest_kept():
    shape = (1, 3)
    history = WeightHistory(shape, budget_bytes=8 * 3 * 100, recent=10)
    assert history.capacity == 100
    rng = np.random.default_rng(2)
    params = rng.standard_normal((1000, *shape))
    for part in np.array_split(np.arange(1000), 13):
        history.append(part, params[part])
    assert len(history) <= 100 and history.stride == 16
    epochs, kept = history.path()
    assert np.all(np.diff(epochs) > 0)
    for e, p in zip(epochs, kept):
        np.testing.assert_array_equal(p, params[e])
    # The last ten epochs, and every 16th, are exact; others are not kept.
    for e in range(990, 1000):
        np.testing.assert_array_equal(history.at(e), params[e])
    np.testing.assert_array_equal(history.at(480), params[480])
    assert history.at(481) is None
    assert history.kept_at_or_before(489) == 480
    assert history.kept_at_or_before(995) == 995


def test_weights_truncated_after_a_step_back():
    history = WeightHistory((2, 2), recent=4)
    params = np.arange(40.0).reshape(10, 2, 2)
    history.append(np.arange(10), params)
    history.truncate(6)
    assert history.last == 6 and history.at(7) is None
    np.testing.assert_array_equal(history.at(6), params[6])
    history.append([7], np.ones((1, 2, 2)))
    np.testing.assert_array_equal(history.at(7), np.ones((2, 2)))


def test_used_bytes_count_what_is_kept_not_the_room_made():
    curves = CurveHistory(capacity=1024)
    curves.append(np.arange(100), np.zeros((100, len(CURVES))))
    # 100 buckets of one epoch, low and high of five curves, float64.
    assert curves.used_nbytes() == 100 * 2 * 5 * 8 < curves.nbytes()
    weights = WeightHistory((1, 3), budget_bytes=8 * 4 * 1000, recent=10)
    weights.append(np.arange(50), np.zeros((50, 1, 3)))
    # 50 epochs and the ring of 10 latest, three weights and the epoch number each.
    assert weights.used_nbytes() == (50 + 10) * 4 * 8 < weights.nbytes()
