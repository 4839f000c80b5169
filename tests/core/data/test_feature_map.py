"""The feature map against scikit-learn's PolynomialFeatures (same columns, same order, the
same numbers), its readable names, its bound, and what it does for a model: a cross solves
XOR and squares solve circles where the raw features cannot; the map travels in a model
file so that raw rows are predicted as the window did."""

import json

import numpy as np
import pandas as pd
import pytest
from sklearn.datasets import make_circles
from sklearn.preprocessing import PolynomialFeatures, StandardScaler

from logreg_gui.core import DataError, DataSettings, FeatureMap, LogisticRegressionGD
from logreg_gui.core.data import Dataset, prepare_data, split_dataset
from logreg_gui.core.data.feature_map import (
    MAX_EXPANDED,
    expand,
    expanded_count,
    expanded_names,
    expansion,
)
from logreg_gui.core.data.preprocessing import Preprocessing
from logreg_gui.core.data.settings import settings_from_dict, settings_to_dict
from logreg_gui.core.model.penalty import Penalty


@pytest.mark.parametrize("degree", [2, 3, 5])
@pytest.mark.parametrize("inputs", [1, 2, 4])
def test_a_degree_makes_polynomial_features_columns(degree, inputs):
    rng = np.random.default_rng(0)
    X = rng.normal(size=(30, inputs))
    names = [f"x{i + 1}" for i in range(inputs)]
    powers, sines = expansion(inputs, FeatureMap(degree=degree))
    poly = PolynomialFeatures(degree, include_bias=False).fit(X)
    np.testing.assert_array_equal(powers, poly.powers_)
    np.testing.assert_allclose(expand(X, powers, sines), poly.transform(X), rtol=1e-12)
    theirs = poly.get_feature_names_out(names)
    ours = expanded_names(names, powers)
    readable = [
        "·".join(
            part.split("^")[0] + "".join("⁰¹²³⁴⁵⁶⁷⁸⁹"[int(c)] for c in part.split("^")[1])
            if "^" in part
            else part
            for part in name.split(" ")
        )
        for name in theirs
    ]
    assert list(ours) == readable
    assert expanded_count(inputs, FeatureMap(degree=degree)) == len(powers)


def test_squares_crosses_and_sines_of_degree_one():
    X = np.array([[1.0, 2.0, 3.0], [-1.0, 0.5, 2.0]])
    fmap = FeatureMap(squares=True, crosses=True, sin=True)
    powers, sines = expansion(3, fmap)
    names = expanded_names(["a", "b", "c"], powers, sines)
    assert names == (
        "a", "b", "c", "a²", "b²", "c²", "a·b", "a·c", "b·c", "sin(a)", "sin(b)", "sin(c)"
    )  # fmt: skip
    got = expand(X, powers, sines)
    a, b, c = X.T
    expected = np.column_stack([a, b, c, a * a, b * b, c * c, a * b, a * c, b * c,
                                np.sin(a), np.sin(b), np.sin(c)])  # fmt: skip
    np.testing.assert_allclose(got, expected)
    assert expanded_count(3, fmap) == 12


def test_a_map_too_large_is_refused_in_one_sentence_before_it_is_made():
    fmap = FeatureMap(degree=10)
    assert expanded_count(10, fmap) > MAX_EXPANDED
    with pytest.raises(DataError, match="184,755 features of the 10 numeric columns"):
        expansion(10, fmap)
    settings = DataSettings(feature_map=fmap)  # make_classification's 10 features
    with pytest.raises(DataError, match="at most 2,000"):
        prepare_data(settings)


def frame_dataset(X, y):
    frame = pd.DataFrame(X, columns=[f"x{i + 1}" for i in range(X.shape[1])])
    return Dataset(frame=frame, y=y, target_name="class", source="test")


def accuracy(split, epochs=3000, lr=0.5):
    model = LogisticRegressionGD(learning_rate=lr, epochs=epochs, random_state=0)
    model.fit(split.X_train, split.y_train)
    return float(np.mean(model.predict(split.X_test) == split.y_test))


def test_the_cross_solves_xor_and_squares_solve_circles():
    rng = np.random.default_rng(1)
    X = rng.uniform(-1, 1, size=(400, 2))
    y = ((X[:, 0] * X[:, 1]) > 0).astype(int)
    xor = frame_dataset(X, y)
    assert accuracy(split_dataset(xor, 0.3, 0)) <= 0.65
    assert accuracy(split_dataset(xor, 0.3, 0, feature_map=FeatureMap(crosses=True))) >= 0.95
    X, y = make_circles(400, noise=0.05, factor=0.5, random_state=0)
    circles = frame_dataset(X, y)
    assert accuracy(split_dataset(circles, 0.3, 0)) <= 0.65
    assert accuracy(split_dataset(circles, 0.3, 0, feature_map=FeatureMap(squares=True))) >= 0.95


def test_the_expanded_features_are_standardised_on_the_training_part():
    rng = np.random.default_rng(2)
    X = rng.normal(2.0, 3.0, size=(100, 2))
    split = split_dataset(frame_dataset(X, (X[:, 0] > 2).astype(int)), 0.3, 0,
                          feature_map=FeatureMap(degree=2))  # fmt: skip
    assert split.feature_names == ("x1", "x2", "x1²", "x1·x2", "x2²")
    raw = split.preprocessing.unscale(split.X_train)[:, :2]
    poly = PolynomialFeatures(2, include_bias=False).fit_transform(raw)
    np.testing.assert_allclose(split.X_train, StandardScaler().fit_transform(poly), atol=1e-9)
    # The test part's display values are the features in their own units.
    np.testing.assert_allclose(
        split.X_test_display[:, 2], split.X_test_display[:, 0] ** 2, rtol=1e-12
    )


def test_text_columns_stay_one_hot_and_are_never_expanded():
    frame = pd.DataFrame({"a": [1.0, 2, 3, 4, 5, 6, 7, 8], "b": [2.0, 1, 0, 3, 5, 4, 6, 7],
                          "colour": list("rgbrgbrg")})  # fmt: skip
    pre = Preprocessing.fit(frame, ["a", "b"], ["colour"], feature_map=FeatureMap(degree=2))
    assert pre.feature_names == ("a", "b", "a²", "a·b", "b²", "colour=g", "colour=r")
    X = pre.transform(frame)
    assert X.shape == (8, 7)
    np.testing.assert_array_equal(X[:, 5], (frame["colour"] == "g").to_numpy())


def test_the_map_is_kept_in_the_settings_and_in_a_saved_preprocessing():
    settings = DataSettings(feature_map=FeatureMap(degree=3, sin=True))
    assert settings_from_dict(json.loads(json.dumps(settings_to_dict(settings)))) == settings
    rng = np.random.default_rng(3)
    frame = pd.DataFrame(rng.normal(size=(50, 2)), columns=["p", "q"])
    pre = Preprocessing.fit(frame, ["p", "q"], [], feature_map=FeatureMap(degree=3, sin=True))
    again = Preprocessing.from_dict(json.loads(json.dumps(pre.to_dict())))
    np.testing.assert_array_equal(again.transform(frame), pre.transform(frame))
    assert again.feature_names == pre.feature_names


@pytest.mark.parametrize(
    "damage",
    [
        {"powers": [[1.5, 0]]},
        {"powers": [[0, 0]]},
        {"powers": [[-1, 2]]},
        {"powers": [[11, 0]]},
        {"powers": [[1]]},
        {"powers": [[1, 0]] * 2001},
        {"sines": [5]},
        {"powers": None, "sines": [0]},
    ],
)
def test_a_damaged_map_in_a_file_is_one_sentence(damage):
    rng = np.random.default_rng(4)
    frame = pd.DataFrame(rng.normal(size=(20, 2)), columns=["p", "q"])
    saved = Preprocessing.fit(frame, ["p", "q"], [], feature_map=FeatureMap(degree=2)).to_dict()
    saved.update(damage)
    with pytest.raises(DataError, match="incomplete or broken"):
        Preprocessing.from_dict(saved)


@pytest.mark.parametrize("bad", [{"degree": 0}, {"degree": 11}, {"degree": 2.5},
                                 {"degree": True}, {"squares": 1}, {"nonsense": 1}])  # fmt: skip
def test_bad_map_settings_are_refused(bad):
    data = settings_to_dict(DataSettings())
    data["feature_map"].update(bad)
    with pytest.raises(DataError):
        settings_from_dict(data)


def shape_accuracy(source, feature_map, seed=0, l2=1e-3):
    """Test accuracy of the exact optimum (Newton, a little L2 so that it is finite) on the
    app's own two-dimensional set with ``feature_map``."""
    from logreg_gui.core.data.shapes import ShapeSettings

    settings = DataSettings(source=source, seed=seed, shape=ShapeSettings(n_samples=400),
                            feature_map=feature_map)  # fmt: skip
    split = prepare_data(settings)
    model = LogisticRegressionGD(
        solver="newton", **Penalty("l2", l2).settings(), epochs=200, random_state=0
    )
    model.fit(split.X_train, split.y_train)
    return float(np.mean(model.predict(split.X_test) == split.y_test))


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_on_the_app_s_sets_a_cross_solves_xor_and_squares_solve_circles(seed):
    assert shape_accuracy("xor", FeatureMap(), seed) <= 0.65
    assert shape_accuracy("xor", FeatureMap(crosses=True), seed) >= 0.95
    assert shape_accuracy("circles", FeatureMap(), seed) <= 0.65
    assert shape_accuracy("circles", FeatureMap(squares=True), seed) >= 0.95


def test_spirals_are_followed_better_as_the_degree_grows():
    """Two spirals of two turns need a high degree (and little penalty): degree 9 follows
    them far better than the straight line or degree 3."""
    straight, low, high = (
        shape_accuracy("spirals", FeatureMap(degree=d), l2=1e-4) for d in (1, 3, 9)
    )
    assert straight <= 0.65
    assert high >= straight + 0.2 and high > low, (straight, low, high)
