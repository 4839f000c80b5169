"""Readable weights: the own-unit weights give the model's scores on raw rows, e^w is the
change of the odds the model predicts when a feature grows by one, the sentences carry those
numbers, and the correlated pairs are numpy's."""

import os
from dataclasses import replace

import numpy as np
import pytest

from logreg_gui.core import DataSettings, LogisticRegressionGD, prepare_data
from logreg_gui.core.analysis.readable import (
    FeatureBaseline,
    contribution_sentence,
    correlated_groups,
    correlated_pairs,
    correlation_note,
    describe_features,
    in_own_units,
    intercept_sentence,
    odds_ratios,
    weight_sentences,
)
from logreg_gui.core.model.objective import decision_scores

DATA = os.path.join(os.path.dirname(__file__), "..", "..", "data")
PENGUINS = os.path.join(DATA, "penguins.csv")


def trained(settings, **params):
    split = prepare_data(settings)
    model = LogisticRegressionGD(epochs=300, learning_rate=0.1, random_state=0, **params)
    return split, model.fit(split.X_train, split.y_train)


SETTINGS = {
    "seed": DataSettings(),
    "penguins, binary (sex), island as text": DataSettings(
        source="file", path=PENGUINS, target="sex", exclude=("rowid",)
    ),
    "penguins, softmax (species), island and sex as text": DataSettings(
        source="file", path=PENGUINS, target="species", missing="impute"
    ),
}


@pytest.fixture(scope="module", params=list(SETTINGS))
def run(request):
    return trained(SETTINGS[request.param])


def test_the_data_read_have_what_the_tests_need(run):
    split = run[0]
    assert split.standardized and len(split.preprocessing.numeric) >= 4
    if "penguins" in split.source:
        assert "island" in split.preprocessing.categorical
        assert any(name.startswith("island=") for name in split.feature_names)


def test_own_units_give_the_model_s_scores_on_raw_rows(run):
    split, model = run
    coef, intercept = in_own_units(model.coef_, model.intercept_, split.preprocessing)
    raw = split.X_test_display
    assert not np.allclose(raw, split.X_test)  # really in other units
    np.testing.assert_allclose(
        decision_scores(raw, coef, intercept).reshape(len(raw), -1),
        model.decision_function(split.X_test).reshape(len(raw), -1),
        rtol=1e-9,
        atol=1e-9,
    )
    # A numeric weight is w/σ; a level's weight is unchanged (already against its reference).
    m = len(split.preprocessing.numeric)
    np.testing.assert_allclose(coef[:, :m], model.coef_[:, :m] / split.preprocessing.scale)
    np.testing.assert_array_equal(coef[:, m:], model.coef_[:, m:])


def test_without_a_standardisation_own_units_are_the_weights():
    split, model = trained(replace(SETTINGS["seed"], standardize=False))
    assert split.preprocessing.mean is None
    for preprocessing in (split.preprocessing, None):
        coef, intercept = in_own_units(model.coef_, model.intercept_, preprocessing)
        np.testing.assert_array_equal(coef, model.coef_)
        np.testing.assert_array_equal(intercept, model.intercept_)


def odds(p):
    return p / (1.0 - p)


def test_e_to_the_w_is_the_change_of_the_odds_for_one_more_unit():
    split, model = trained(SETTINGS["penguins, binary (sex), island as text"])
    x = split.X_test[:5]
    coef_own = in_own_units(model.coef_, model.intercept_, split.preprocessing)[0]
    np.testing.assert_allclose(odds_ratios(model.coef_), np.exp(model.coef_))
    for j in range(x.shape[1]):
        step = np.zeros(x.shape[1])
        step[j] = 1.0
        before = odds(model.predict_proba(x)[:, 1])
        # +1 as the model sees it (one standard deviation of a number, a level switched on)
        after = odds(model.predict_proba(x + step)[:, 1])
        np.testing.assert_allclose(after / before, odds_ratios(model.coef_)[0, j], rtol=1e-8)
        # +1 in the data's own units: the raw row changes by one, the model sees 1/σ more
        scaled = (
            step / split.preprocessing.scale[j] if j < len(split.preprocessing.numeric) else step
        )
        after = odds(model.predict_proba(x + scaled)[:, 1])
        np.testing.assert_allclose(after / before, odds_ratios(coef_own)[0, j], rtol=1e-8)


def test_softmax_odds_of_two_classes_change_by_the_ratio_of_their_factors():
    split, model = trained(SETTINGS["penguins, softmax (species), island and sex as text"])
    assert model.coef_.shape[0] == 3
    x = split.X_test[:4]
    ratios = odds_ratios(model.coef_)
    step = np.zeros(x.shape[1])
    step[2] = 1.0
    before, after = model.predict_proba(x), model.predict_proba(x + step)
    for k, j in ((0, 1), (2, 0), (1, 2)):
        np.testing.assert_allclose(
            (after[:, k] / after[:, j]) / (before[:, k] / before[:, j]),
            ratios[k, 2] / ratios[j, 2],
            rtol=1e-8,
        )


def test_the_features_are_described_from_their_preprocessing(run):
    split, _ = run
    described = describe_features(split.feature_names, split.preprocessing)
    assert [f.name for f in described] == list(split.feature_names)
    p = split.preprocessing
    for i, f in enumerate(described):
        if i < len(p.numeric):
            assert f.kind == "number" and f.column == p.numeric[i]
            assert (f.mean, f.scale) == (p.mean[i], p.scale[i])
        else:
            assert f.kind == "level" and f.name == f"{f.column}={f.level}"
            assert f.reference == p.references[p.categorical.index(f.column)]
    assert all(not f.standardised for f in describe_features(split.feature_names, None))


def test_the_sentences_carry_the_numbers():
    x5 = FeatureBaseline("x5", "x5", mean=3.0, scale=2.5)
    w = np.log(0.28)
    first, second = weight_sentences(x5, w, "class 1")
    assert first.startswith("+1 standard deviation of x5 (2.5 in its own units)")
    assert "multiplies the odds of class 1 by e^w = 0.28." in first
    assert f"by {np.exp(w / 2.5):.3g}." in second and "+1 of x5 in its own units" in second
    (level,) = weight_sentences(
        FeatureBaseline("island=Dream", "island", "level", "Dream", "Biscoe"), 1.0, "Gentoo",
        softmax=True,
    )  # fmt: skip
    assert level.startswith("island = Dream instead of its reference level Biscoe")
    assert f"multiplies e^z of Gentoo by e^w = {np.e:.3g}." in level
    assert "z = b = 0.5134" in intercept_sentence(0.5134, "class 1", standardised=True)
    assert f"e^b = {np.exp(0.5134):.3g}." in intercept_sentence(
        0.5134, "class 1", standardised=True
    )
    text = contribution_sentence(x5, -1.27, "class 1")
    assert f"e^(wᵢxᵢ) = {np.exp(-1.27):.3g}" in text and "x5 at its training mean" in text


def test_correlated_pairs_are_numpy_s():
    rng = np.random.default_rng(0)
    base = rng.normal(size=(200, 3))
    X = np.column_stack(
        [
            base,
            base[:, 0] * 2 + 0.05 * rng.normal(size=200),  # with column 0
            -base[:, 1] + 0.01 * rng.normal(size=200),  # against column 1
            np.full(200, 7.0),  # constant: no correlation at all
        ]
    )
    names = [f"f{i}" for i in range(X.shape[1])]
    for X_, names_ in ((X, names), (prepare_data(DataSettings("breast_cancer")).X_train, None)):
        names_ = names_ or [f"c{i}" for i in range(X_.shape[1])]
        pairs = correlated_pairs(X_, names_)
        with np.errstate(all="ignore"):
            r = np.corrcoef(X_, rowvar=False)
        expected = {
            (names_[i], names_[j]): r[i, j]
            for i, j in zip(*np.triu_indices(X_.shape[1], k=1))
            if np.isfinite(r[i, j]) and abs(r[i, j]) > 0.9
        }
        assert {(a, b) for a, b, _ in pairs} == set(expected)
        for a, b, value in pairs:
            assert value == pytest.approx(expected[a, b], abs=1e-10)
    assert [(a, b) for a, b, _ in correlated_pairs(X, names)] == [("f0", "f3"), ("f1", "f4")]
    assert correlated_pairs(X, names, limit=0.99999) == []


def test_groups_and_the_note_name_the_features_that_move_together():
    names = ["a", "b", "c", "d", "e"]
    pairs = [("a", "c", 0.95), ("c", "e", -0.97), ("b", "d", 0.93)]
    assert correlated_groups(pairs, names) == [(("a", "c", "e"), -0.97), (("b", "d"), 0.93)]
    note = correlation_note(pairs, names)
    assert "a, c and e (|r| up to 0.97)" in note and "b and d (r = 0.93)" in note
    assert note == correlation_note(pairs, names)  # the same every time
    assert correlation_note([], names) == ""
    one = correlation_note(
        [("mean radius", "worst radius", 0.9712)], ["mean radius", "worst radius"]
    )
    assert one == (
        "mean radius and worst radius move together (r = 0.97 on the training part): their "
        "weights share one effect, so read them together."
    )
    assert "move in opposite directions (r = -0.98 " in correlation_note([("a", "b", -0.98)], names)
    sampled = correlation_note([("a", "b", 0.95)], names, rows=2_000, total=50_000)
    assert sampled.endswith("(Measured on 2,000 of the 50,000 training rows, drawn at random.)")
    assert correlation_note([("a", "b", 0.95)], names, rows=5, total=5) == correlation_note(
        [("a", "b", 0.95)], names
    )
    # Never "r = 1.00" for a correlation that is not one.
    assert "(r = 0.9980 on" in correlation_note([("a", "b", 0.998)], names)
