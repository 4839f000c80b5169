"""Datasets: make_classification passed through and checked, shipped datasets, the split."""

import numpy as np
import pytest
from sklearn import datasets as sk

from logreg_gui.core import (
    DataError,
    DataSettings,
    FieldError,
    GenerationSettings,
    load_builtin,
    make_dataset,
    prepare_data,
    split_dataset,
)
from logreg_gui.core.data.split import split_rows


def test_every_make_classification_parameter_is_passed_through():
    settings = GenerationSettings(
        n_samples=80,
        n_features=7,
        n_informative=3,
        n_redundant=1,
        n_repeated=1,
        n_classes=3,
        n_clusters_per_class=1,
        weights=(0.5, 0.3, 0.2),
        flip_y=0.05,
        class_sep=1.7,
        hypercube=False,
        shift=0.5,
        scale=2.0,
        random_state=11,
    )
    data = make_dataset(settings)
    X, y = sk.make_classification(
        n_samples=80,
        n_features=7,
        n_informative=3,
        n_redundant=1,
        n_repeated=1,
        n_classes=3,
        n_clusters_per_class=1,
        weights=[0.5, 0.3, 0.2],
        flip_y=0.05,
        class_sep=1.7,
        hypercube=False,
        shift=0.5,
        scale=2.0,
        random_state=11,
    )
    np.testing.assert_array_equal(data.frame.to_numpy(), X)
    np.testing.assert_array_equal(data.y, y)
    assert data.feature_names == tuple(f"x{i}" for i in range(7))


@pytest.mark.parametrize(
    "changes,fields,words",
    [
        (
            dict(n_features=4, n_informative=3, n_redundant=2),
            {"n_features", "n_informative", "n_redundant", "n_repeated"},
            "more than the 4 features",
        ),
        (
            dict(n_classes=3, n_informative=1, n_redundant=0),
            {"n_classes", "n_clusters_per_class", "n_informative"},
            "at most 2^1",
        ),
        (dict(n_samples=0), {"n_samples"}, "from 2 to 10,000,000; 0 is not"),
        (dict(n_samples=True), {"n_samples"}, "whole number"),
        (dict(flip_y=1.5), {"flip_y"}, "from 0 to 1"),
        (dict(class_sep=float("nan")), {"class_sep"}, "greater than 0"),
        (dict(class_sep=0), {"class_sep"}, "class separation must be a number greater than 0"),
        (dict(n_classes=5000), {"n_classes"}, "from 2 to 100"),
        (
            dict(n_samples=10**6, n_clusters_per_class=10**6),
            {"n_classes", "n_clusters_per_class", "n_samples"},
            "more than the 1,000,000 samples",
        ),
        (
            dict(n_samples=2000, n_features=5000, n_informative=5000),
            {"n_informative", "n_classes", "n_clusters_per_class"},
            "too long to generate",
        ),
        (dict(weights=(0.2, 0.3, 0.5)), {"weights"}, "class weights"),
        (
            dict(n_samples=10**7, n_features=100),
            {"n_samples", "n_features"},
            "more than this tool can hold",
        ),
    ],
)
def test_impossible_settings_name_their_fields(changes, fields, words):
    with pytest.raises(FieldError) as exc:
        make_dataset(GenerationSettings(**changes))
    assert set(exc.value.problems) == fields
    assert words in str(exc.value)


@pytest.mark.parametrize(
    "name,loader",
    [("breast_cancer", sk.load_breast_cancer), ("iris", sk.load_iris), ("wine", sk.load_wine)],
)
def test_shipped_datasets_match_scikit_learn(name, loader):
    data = load_builtin(name)
    bunch = loader()
    np.testing.assert_array_equal(data.frame.to_numpy(), bunch.data)
    np.testing.assert_array_equal(data.y, np.asarray(bunch.target_names)[bunch.target])
    assert data.feature_names == tuple(bunch.feature_names)


def test_unknown_dataset_is_refused():
    with pytest.raises(DataError, match="unknown dataset 'mnist'"):
        load_builtin("mnist")


def test_split_is_stratified_and_scaled_on_the_training_part_only():
    data = load_builtin("iris")
    split = split_dataset(data, test_size=0.3, random_state=0)
    assert len(split.y_test) == 45 and split.stratified
    _, counts = np.unique(split.y_test, return_counts=True)
    assert counts.tolist() == [15, 15, 15]
    raw_train = split.preprocessing.unscale(split.X_train)
    np.testing.assert_allclose(split.preprocessing.mean, raw_train.mean(axis=0))
    np.testing.assert_allclose(split.X_train.mean(axis=0), 0, atol=1e-12)
    # The test part is scaled with the training statistics, so it is not exactly centred.
    assert np.abs(split.X_test.mean(axis=0)).max() > 1e-3
    np.testing.assert_allclose(split.X_test_display, split.preprocessing.unscale(split.X_test))
    assert split.feature_names == data.feature_names
    unscaled = split_dataset(data, 0.3, 0, standardize=False)
    assert not unscaled.standardized
    np.testing.assert_allclose(unscaled.X_train, raw_train)


@pytest.mark.parametrize(
    "counts",
    [
        [50, 50],  # ties broken at random
        [7, 3],
        [1000, 5, 5, 5],
        [2, 2, 2, 2, 2, 2, 2],  # more ties than draws left
        [333, 334, 333],
        [12_000, 88_000],
    ],
)
@pytest.mark.parametrize("test_size", [0.3, 0.5, 0.17, 0.9])
@pytest.mark.parametrize("seed", [0, 1, 4_294_967_295])
def test_split_rows_draws_scikit_learns_stratified_split(counts, test_size, seed):
    from sklearn.model_selection import train_test_split

    rng = np.random.default_rng(len(counts))
    strata = rng.permutation(np.repeat(np.arange(len(counts)) * 3 - 1, counts))
    n = len(strata)
    try:
        expected = train_test_split(
            np.arange(n), test_size=test_size, random_state=seed, stratify=strata
        )
    except ValueError:
        # scikit-learn refuses it; split_dataset never asks for it stratified.
        n_test = int(np.ceil(test_size * n))
        assert min(n_test, n - n_test) < len(counts)
        return
    train, test = split_rows(n, test_size, seed, strata)
    np.testing.assert_array_equal(train, expected[0])
    np.testing.assert_array_equal(test, expected[1])
    assert train.dtype == expected[0].dtype
    # Strata of booleans and of texts too (a quantity's halves, named classes).
    for other in (strata > 0, strata.astype(str)):
        got = split_rows(n, test_size, seed, other)
        want = train_test_split(
            np.arange(n), test_size=test_size, random_state=seed, stratify=other
        )
        np.testing.assert_array_equal(got[0], want[0])
        np.testing.assert_array_equal(got[1], want[1])


def test_split_rows_without_strata_is_scikit_learns_shuffle():
    from sklearn.model_selection import train_test_split

    got = split_rows(1001, 0.3, 7)
    want = train_test_split(np.arange(1001), test_size=0.3, random_state=7)
    np.testing.assert_array_equal(got[0], want[0])
    np.testing.assert_array_equal(got[1], want[1])


@pytest.mark.parametrize("test_size", [0.0, 1.0, -0.1, float("nan")])
def test_bad_test_size_is_refused(test_size):
    with pytest.raises(FieldError) as exc:
        split_dataset(load_builtin("iris"), test_size)
    assert "test_size" in exc.value.problems


def test_prepare_data_uses_one_seed_for_generation_and_split():
    a = prepare_data(DataSettings(seed=3))
    b = prepare_data(DataSettings(seed=3))
    c = prepare_data(DataSettings(seed=4))
    np.testing.assert_array_equal(a.X_train, b.X_train)
    assert not np.array_equal(a.X_train, c.X_train)
    assert len(a.y_train) == 105 and len(a.y_test) == 45


@pytest.mark.parametrize("d", [1, 3])
def test_the_split_gathers_the_rows_of_train_test_split_and_leaves_the_table_alone(tmp_path, d):
    import pandas as pd
    from sklearn.model_selection import train_test_split

    from logreg_gui.core.data.dataset import dataset_from_table
    from logreg_gui.core.data.reading import read_table

    rng = np.random.default_rng(d)
    values = rng.standard_normal((500, d)) * 3 + 7
    y = (values[:, 0] + rng.standard_normal(500) > 7).astype(int)
    frame = pd.DataFrame(values, columns=[f"x{j}" for j in range(d)]).assign(y=y)
    path = tmp_path / "data.csv"
    frame.to_csv(path, index=False)
    table = read_table(str(path))
    before = table.frame.copy()
    dataset = dataset_from_table(table, "y")
    # One C copy of the table's (Fortran-ordered) columns, then each part gathered from it:
    # the rows are train_test_split's, in its order; nothing is scaled in the table itself.
    raw = split_dataset(dataset, 0.3, 0, standardize=False)
    scaled = split_dataset(dataset, 0.3, 0, standardize=True)
    X = table.frame[[f"x{j}" for j in range(d)]].to_numpy()
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.3, random_state=0, stratify=y
    )
    np.testing.assert_array_equal(raw.X_train, X_train)
    np.testing.assert_array_equal(raw.X_test, X_test)
    np.testing.assert_array_equal(raw.y_train, y_train)
    np.testing.assert_array_equal(raw.y_test, y_test)
    assert raw.X_train.flags.c_contiguous and scaled.X_train.flags.c_contiguous
    np.testing.assert_allclose(scaled.X_train.mean(axis=0), 0, atol=1e-12)
    np.testing.assert_allclose(scaled.X_test_display, X_test)
    pd.testing.assert_frame_equal(table.frame, before)
