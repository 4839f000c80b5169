"""The two-dimensional sets: their shape and classes against the geometry they are said to
have, their noise against its stated meaning, seeds, refusals in words, and what a straight
boundary does on each of them."""

import json

import numpy as np
import pytest
from sklearn import datasets as sk

from logreg_gui.core import (
    DataError,
    DataSettings,
    FieldError,
    LogisticRegressionGD,
    ShapeSettings,
    make_shape,
    prepare_data,
)
from logreg_gui.core.data import SHAPES
from logreg_gui.core.data.settings import settings_from_dict, settings_to_dict

NAMES = ["blobs", "moons", "circles", "xor", "spirals"]


def points(name, n_samples=200, noise=None, seed=0):
    data = make_shape(name, ShapeSettings(n_samples, noise), seed)
    return data.frame.to_numpy(), data.y


def test_the_five_sets_are_the_sources_offered():
    assert list(SHAPES) == NAMES


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("n_samples,zeros,ones", [(200, 100, 100), (151, 76, 75), (10, 5, 5)])
def test_two_balanced_classes_in_columns_x1_and_x2_and_the_balance_said(
    name, n_samples, zeros, ones
):
    data = make_shape(name, ShapeSettings(n_samples=n_samples), seed=3)
    assert data.feature_names == ("x1", "x2") and data.target_name == "class"
    assert data.frame.shape == (n_samples, 2)
    assert data.frame.dtypes.tolist() == [np.float64, np.float64]
    labels, counts = np.unique(data.y, return_counts=True)
    assert labels.tolist() == [0, 1] and counts.tolist() == [zeros, ones]
    assert f"{zeros} of class 0 and {ones} of class 1" in data.source
    assert f"{n_samples} samples" in data.source and "seed 3" in data.source
    noise = SHAPES[name][1]
    assert f"noise {noise:g}" in data.source and f"noise {noise:g}" in data.notes[0]
    assert np.isfinite(data.frame.to_numpy()).all()


@pytest.mark.parametrize("name", NAMES)
def test_a_seed_gives_the_same_set_and_another_seed_another(name):
    X, y = points(name, seed=7)
    again_X, again_y = points(name, seed=7)
    np.testing.assert_array_equal(X, again_X)
    np.testing.assert_array_equal(y, again_y)
    other_X, _ = points(name, seed=8)
    assert not np.array_equal(X, other_X)


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("noise", [0.05, 0.3])
def test_the_noise_is_gaussian_noise_of_that_standard_deviation_on_each_coordinate(name, noise):
    """The same seed with noise 0 and with noise σ: the points move by draws of N(0, σ²)."""
    still, y_still = points(name, 4000, 0.0, seed=5)
    noisy, y_noisy = points(name, 4000, noise, seed=5)
    np.testing.assert_array_equal(y_still, y_noisy)
    moved = (noisy - still).ravel()
    assert abs(moved.std() / noise - 1) < 0.05
    assert abs(moved.mean()) < 4 * noise / np.sqrt(moved.size)
    # Gaussian: about 68 % within one standard deviation, 95 % within two.
    assert np.mean(np.abs(moved) < noise) == pytest.approx(0.683, abs=0.02)
    assert np.mean(np.abs(moved) < 2 * noise) == pytest.approx(0.954, abs=0.01)


@pytest.mark.parametrize("name", NAMES)
def test_more_noise_spreads_the_points_more(name):
    spreads = []
    for noise in (0.0, 0.1, 0.5):
        X, y = points(name, 1000, noise, seed=2)
        spreads.append(np.mean([X[y == c].std(axis=0).sum() for c in (0, 1)]))
    assert spreads[0] < spreads[1] < spreads[2]


def test_blobs_and_moons_and_circles_are_scikit_learns():
    X, y = points("blobs", 200, 0.7, seed=4)
    X_ref, y_ref = sk.make_blobs(
        n_samples=[100, 100], centers=[(-1, -1), (1, 1)], cluster_std=0.7, random_state=4
    )
    np.testing.assert_array_equal(X, X_ref)
    np.testing.assert_array_equal(y, y_ref)
    X, y = points("moons", 201, 0.2, seed=4)
    X_ref, y_ref = sk.make_moons(n_samples=(101, 100), noise=0.2, random_state=4)
    np.testing.assert_array_equal(X, X_ref)
    np.testing.assert_array_equal(y, y_ref)
    X, y = points("circles", 200, 0.2, seed=4)
    X_ref, y_ref = sk.make_circles(n_samples=(100, 100), noise=0.2, factor=0.5, random_state=4)
    np.testing.assert_array_equal(X, X_ref)
    np.testing.assert_array_equal(y, y_ref)


def test_without_noise_each_set_is_its_figure():
    X, y = points("blobs", 100, 0.0)
    np.testing.assert_array_equal(X[y == 0], np.full((50, 2), -1.0))
    np.testing.assert_array_equal(X[y == 1], np.full((50, 2), 1.0))

    X, y = points("moons", 100, 0.0)  # class 0 the upper half of the unit circle
    np.testing.assert_allclose(np.hypot(*X[y == 0].T), 1.0)
    assert (X[y == 0, 1] >= -1e-12).all()
    np.testing.assert_allclose(np.hypot(X[y == 1, 0] - 1, X[y == 1, 1] - 0.5), 1.0)
    assert (X[y == 1, 1] <= 0.5 + 1e-12).all()

    X, y = points("circles", 100, 0.0)
    np.testing.assert_allclose(np.hypot(*X[y == 0].T), 1.0)
    np.testing.assert_allclose(np.hypot(*X[y == 1].T), 0.5)

    X, y = points("xor", 101, 0.0)
    assert ((np.abs(X) >= 0.1) & (np.abs(X) <= 1)).all()
    np.testing.assert_array_equal(y, (X[:, 0] * X[:, 1] > 0).astype(int))
    quadrants = [np.sum((np.sign(X[:, 0]) == a) & (np.sign(X[:, 1]) == b)) for a in (1, -1)
                 for b in (1, -1)]  # fmt: skip
    assert quadrants == [25, 26, 25, 25]  # (+,+) (+,−) (−,+) (−,−): each class split in two

    X, y = points("spirals", 200, 0.0)
    radius, angle = np.hypot(*X.T), np.arctan2(X[:, 1], X[:, 0])
    assert radius.min() == pytest.approx(0.1) and radius.max() == pytest.approx(1.0)
    # Two turns from radius 0.1 to 1; class 1 half a turn on.
    expected = 2 * np.pi * 2 * (radius - 0.1) / 0.9 + np.pi * y
    np.testing.assert_allclose(np.cos(angle - expected), 1.0, atol=1e-9)


def test_a_straight_line_separates_the_blobs():
    for seed in range(5):
        X, y = points("blobs", seed=seed)
        side = X[:, 0] + X[:, 1]  # the line half-way between the centres
        assert (side[y == 1] > 0).all() and (side[y == 0] < 0).all()


def test_the_default_noise_is_used_while_none_is_set_and_a_set_one_instead():
    X, _ = points("moons", noise=None, seed=1)
    np.testing.assert_array_equal(X, points("moons", noise=SHAPES["moons"][1], seed=1)[0])
    assert "noise 0.25" in make_shape("moons", ShapeSettings(noise=0.25)).source


def test_a_straight_boundary_fails_on_circles_xor_and_spirals_and_succeeds_on_blobs():
    """The app's defaults: the data form's split and LogisticRegressionGD's own settings."""
    for seed in range(3):
        for name, lowest, highest in [
            ("blobs", 0.95, 1.0),
            ("circles", 0.0, 0.65),
            ("xor", 0.0, 0.65),
            ("spirals", 0.0, 0.65),
        ]:
            split = prepare_data(DataSettings(source=name, seed=seed))
            model = LogisticRegressionGD(random_state=seed).fit(split.X_train, split.y_train)
            accuracy = np.mean(model.predict(split.X_test) == split.y_test)
            assert lowest <= accuracy <= highest, (name, seed, accuracy)


@pytest.mark.parametrize(
    "settings,field,words",
    [
        (ShapeSettings(n_samples=9), "n_samples", "from 10 to 10,000,000; 9 is not"),
        (ShapeSettings(n_samples=20.5), "n_samples", "whole number"),
        (ShapeSettings(n_samples=True), "n_samples", "True is not"),
        (ShapeSettings(noise=-0.1), "noise", "The noise must be a number from 0 to 10"),
        (ShapeSettings(noise=float("nan")), "noise", "nan is not"),
        (ShapeSettings(noise=float("inf")), "noise", "inf is not"),
        (ShapeSettings(noise=11), "noise", "11 is not"),
    ],
)
def test_impossible_settings_are_refused_in_words_naming_the_field(settings, field, words):
    with pytest.raises(FieldError) as caught:
        make_shape("circles", settings)
    assert list(caught.value.problems) == [field]
    assert words in caught.value.problems[field]


def test_the_settings_go_through_a_file_and_come_back_the_same():
    settings = DataSettings(source="xor", shape=ShapeSettings(n_samples=321, noise=0.25), seed=9)
    text = json.dumps(settings_to_dict(settings))
    assert settings_from_dict(json.loads(text)) == settings
    # A file written before the sets existed has no "shape": the defaults.
    older = settings_to_dict(DataSettings())
    del older["shape"]
    assert settings_from_dict(older).shape == ShapeSettings()


@pytest.mark.parametrize(
    "shape",
    [{"n_samples": 2}, {"noise": -1}, {"noise": "0.1"}, {"noise": True}, {"colour": 1}, 7],
)
def test_bad_kept_shape_settings_are_refused(shape):
    values = dict(settings_to_dict(DataSettings(source="moons")), shape=shape)
    with pytest.raises(DataError, match="cannot be read"):
        settings_from_dict(values)


@pytest.mark.parametrize("name", NAMES)
def test_each_set_is_a_data_source_split_like_any_other(name):
    split = prepare_data(
        DataSettings(source=name, shape=ShapeSettings(n_samples=120, noise=0.2), seed=6)
    )
    assert split.feature_names == ("x1", "x2") and split.stratified
    assert (len(split.y_train), len(split.y_test)) == (84, 36)
    assert split.classes.tolist() == [0, 1]
    assert np.bincount(split.y_train).tolist() == [42, 42]
    expected = make_shape(name, ShapeSettings(n_samples=120, noise=0.2), seed=6)
    assert split.source == expected.source and split.notes == expected.notes
    # The test part in its own units: rows of the set.
    rows = {tuple(row) for row in expected.frame.to_numpy()}
    assert all(tuple(row) in rows for row in split.X_test_display)


@pytest.mark.parametrize("share", [0.05, 0.2, 0.8])
def test_a_class_share_makes_an_imbalanced_set(share):
    from logreg_gui.core.data.shapes import ShapeSettings, make_shape

    data = make_shape("moons", ShapeSettings(n_samples=400, class_share=share), seed=0)
    ones = round(share * 400)
    assert int(np.sum(data.y == 1)) == ones and int(np.sum(data.y == 0)) == 400 - ones
    assert f"{400 - ones:,} of class 0 and {ones:,} of class 1" in data.source


def test_a_share_leaving_too_few_of_a_class_is_said():
    from logreg_gui.core.data.shapes import ShapeSettings, shape_problems

    problems = shape_problems(ShapeSettings(n_samples=20, class_share=0.05))
    assert "leaves 1 of a class" in problems["class_share"]
    assert "class_share" in shape_problems(ShapeSettings(class_share=1.0))
