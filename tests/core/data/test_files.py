"""Real files as a person brings them, from reading to split data: column roles, the target
chosen or guessed, a quantity cut at a threshold, text one-hot encoded on the training part
only, missing cells dropped or imputed — each step said in the notes."""

import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from logreg_gui.core import DataError, DataSettings, prepare_data
from logreg_gui.core.data.columns import describe_columns, guess_target
from logreg_gui.core.data.dataset import dataset_from_table
from logreg_gui.core.data.preprocessing import Preprocessing
from logreg_gui.core.data.reading import read_table
from logreg_gui.core.data.split import split_dataset

DATA = Path(__file__).resolve().parents[2] / "data"


def prepare(path, **settings):
    return prepare_data(DataSettings(source="file", path=str(path), **settings))


def test_spector_quoted_header_whitespace_and_its_row_id():
    split = prepare(DATA / "reading" / "spector.dat", target="GRADE")
    assert split.feature_names == ("GPA", "TUCE", "PSI")
    assert any("'OBS'" in n and "numbers the rows" in n for n in split.notes)
    assert set(split.classes) == {0, 1}


def test_penguins_target_is_guessed_by_name_and_texts_have_a_reference_level():
    table = read_table(DATA / "penguins.csv")
    assert guess_target(table.frame) == "species"  # never "year", the last column
    split = prepare(DATA / "penguins.csv")
    assert split.target_name == "species"
    assert list(split.classes) == ["Adelie", "Chinstrap", "Gentoo"]
    # rowid is left out; island's reference level is its first value, Biscoe; year is a number.
    assert "rowid" not in split.feature_names and "year" in split.feature_names
    assert "island=Dream" in split.feature_names and "island=Torgersen" in split.feature_names
    assert "island=Biscoe" not in split.feature_names and "sex=male" in split.feature_names
    assert split.preprocessing.references == ("Biscoe", "female")
    dropped = [n for n in split.notes if n.startswith("dropped")]
    assert dropped and "rows with missing cells" in dropped[0]
    # Line 5 holds the Adelie with no bill length (the header is line 1).
    assert "lines 5, 7" in dropped[0]
    imputed = prepare(DATA / "penguins.csv", missing="impute")
    assert len(imputed.y_train) + len(imputed.y_test) == 120
    assert len(split.y_train) + len(split.y_test) < 120


def test_a_quantity_target_needs_a_threshold_and_is_cut_at_the_training_median():
    path = DATA / "affairs_semicolon_decimal_comma.csv"
    table = read_table(path)
    assert table.frame["age"].dtype == float  # "37,0" is a number, not text
    with pytest.raises(DataError, match="is a quantity"):
        prepare(path, target="affairs")
    split = prepare(path, target="affairs", threshold="median")
    values = table.frame["affairs"].to_numpy()
    train_median = split.threshold
    assert set(split.classes) == {0, 1}
    assert any("cut into two classes at" in n and "training median" in n for n in split.notes)
    # The cut is the median of the training part's values, not of the whole file.
    assert np.min(np.abs(values - train_median)) < 1e-12
    at_zero = prepare(path, target="affairs", threshold=0.0)
    assert at_zero.threshold == 0.0
    assert np.mean(at_zero.y_train) == pytest.approx(np.mean(values > 0), abs=0.1)


def test_dates_ids_and_missing_markers():
    split = prepare(DATA / "weather_dates_missing.csv")
    assert split.target_name == "rain"
    assert split.feature_names == ("temperature", "humidity")
    notes = " ".join(split.notes)
    assert "'id'" in notes and "'measured_on'" in notes and "a date" in notes
    # "?" and "null" are missing: rows 17, 23, 34, 46, … are dropped (line = row + 1).
    assert "lines 18, 24, 35, 47, 52" in notes


def test_the_one_hot_encoder_is_fitted_on_the_training_part_only(tmp_path):
    rng = np.random.default_rng(0)
    n = 200
    colour = rng.choice(["red", "green", "blue"], size=n)
    x = rng.normal(size=n)
    y = (x + (colour == "red") > 0.3).astype(int)
    frame = pd.DataFrame({"x": x, "colour": colour, "y": y})
    frame.loc[frame.index[-1], "colour"] = "violet"  # one row only: in one part, not both
    path = tmp_path / "colours.csv"
    frame.to_csv(path, index=False)
    split = prepare(path, target="y", test_size=0.5, seed=3)
    train_levels = {*split.preprocessing.levels[0], split.preprocessing.references[0]}
    in_test = "violet" not in train_levels
    assert ("colour=violet" in split.feature_names) != in_test
    if in_test:
        assert any("violet" in n and "reference level" in n for n in split.notes)
    # Standardised with the training part's statistics: its mean is 0, the test part's not.
    assert split.X_train[:, 0].mean() == pytest.approx(0, abs=1e-12)


@pytest.mark.parametrize("impute", [False, True])
def test_the_transform_equals_scikit_learns_and_survives_json(impute):
    table = read_table(DATA / "penguins.csv")
    frame = table.frame.drop(columns=["rowid", "species"])
    if not impute:
        frame = frame.dropna()
    numeric = ["bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g", "year"]
    texts = ["island", "sex"]
    mine = Preprocessing.fit(frame, numeric, texts, impute=impute)
    num_steps = ([("impute", SimpleImputer(strategy="median"))] if impute else []) + [
        ("scale", StandardScaler())
    ]
    text_steps = ([("impute", SimpleImputer(strategy="most_frequent"))] if impute else []) + [
        ("onehot", OneHotEncoder(drop="first", handle_unknown="ignore", sparse_output=False))
    ]
    reference = ColumnTransformer(
        [("n", Pipeline(num_steps), numeric), ("t", Pipeline(text_steps), texts)]
    )
    text = frame[texts].astype(object)
    fit_frame = pd.concat([frame[numeric].astype(float), text.where(text.notna(), np.nan)], axis=1)
    expected = reference.fit_transform(fit_frame)
    np.testing.assert_allclose(mine.transform(frame), expected, rtol=1e-12, atol=1e-12)
    again = Preprocessing.from_dict(mine.to_dict())
    np.testing.assert_array_equal(again.transform(frame), mine.transform(frame))
    assert again.feature_names == mine.feature_names


@pytest.mark.parametrize("impute", [False, True])
@pytest.mark.parametrize("with_texts", [False, True])
def test_the_split_equals_scikit_learns_split_and_transform(impute, with_texts):
    """Split data are scikit-learn's: ``train_test_split`` (stratified), then a
    ``ColumnTransformer`` fitted on the training rows only and applied to both parts."""
    table = read_table(DATA / "penguins.csv")
    exclude = () if with_texts else ("island", "sex")
    dataset = dataset_from_table(
        table, "species", missing="impute" if impute else "drop", exclude=exclude
    )
    split = split_dataset(dataset, test_size=0.3, random_state=5, impute=impute)
    rows = np.arange(len(dataset.y))
    train, test = train_test_split(rows, test_size=0.3, random_state=5, stratify=dataset.y)
    np.testing.assert_array_equal(split.y_train, dataset.y[train])
    np.testing.assert_array_equal(split.y_test, dataset.y[test])
    numeric, texts = list(dataset.numeric), list(dataset.categorical)
    assert bool(texts) == with_texts
    imputer = [("impute", SimpleImputer(strategy="median"))] if impute else []
    parts = [("n", Pipeline([*imputer, ("scale", StandardScaler())]), numeric)]
    if texts:
        text_imputer = [("impute", SimpleImputer(strategy="most_frequent"))] if impute else []
        encoder = OneHotEncoder(drop="first", handle_unknown="ignore", sparse_output=False)
        parts.append(("t", Pipeline([*text_imputer, ("onehot", encoder)]), texts))
    reference = ColumnTransformer(parts)

    def cells(positions):
        chosen = dataset.frame.iloc[positions]
        text = chosen[texts].astype(object)
        return pd.concat([chosen[numeric].astype(float), text.where(text.notna(), np.nan)], axis=1)

    np.testing.assert_allclose(
        split.X_train, reference.fit_transform(cells(train)), rtol=1e-12, atol=1e-12
    )
    np.testing.assert_allclose(
        split.X_test, reference.transform(cells(test)), rtol=1e-12, atol=1e-12
    )
    # The test rows in their own units: the cells as read (the training medians in the gaps).
    own = (
        reference.named_transformers_["n"][:-1].transform(cells(test)[numeric])
        if impute
        else (cells(test)[numeric].to_numpy())
    )
    np.testing.assert_array_equal(split.X_test_display[:, : len(numeric)], own)
    assert split.X_train.flags.c_contiguous and split.X_test.flags.c_contiguous


def test_rows_of_empty_cells_and_blank_lines_are_reported_by_their_line(tmp_path):
    """Issue: a file whose rows are all empty cells ended in an IndexError; with blank lines
    the dropped-rows note named the wrong lines."""
    path = tmp_path / "gaps.csv"
    rows = ["a,b,label"] + [f"{i},{i % 7},{i % 2}" for i in range(30)]
    rows.insert(5, "")  # a blank line: line 6
    rows.insert(9, ",,")  # a row of empty cells: line 10
    path.write_text("\n".join(rows) + "\n")
    split = prepare(path, target="label")
    notes = " ".join(split.notes)
    assert "rows without a target value (line 10)" in notes
    empty = tmp_path / "empty_rows.csv"
    empty.write_text("a,b,label\n,,\n,,\n,,\n")
    with pytest.raises(DataError):
        prepare(empty, target="label")


def test_values_that_overflow_once_standardised_are_refused_by_column(tmp_path):
    path = tmp_path / "huge.csv"
    rng = np.random.default_rng(0)
    big = rng.normal(size=40) * 1e200
    rows = [f"{a:.6e},{b:.3f},{c}" for a, b, c in zip(big, rng.normal(size=40), [0, 1] * 20)]
    path.write_text("huge,fine,label\n" + "\n".join(rows) + "\n")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no library warning may reach the terminal
        with pytest.raises(DataError, match=r"'huge'.*too large to standardise"):
            prepare(path, target="label")


def test_labels_too_large_for_integers_stay_distinct(tmp_path):
    path = tmp_path / "big_labels.csv"
    rng = np.random.default_rng(1)
    x = rng.normal(size=60)
    labels = np.where(x > 0, "2e19", "1e19")
    path.write_text("x,label\n" + "\n".join(f"{a:.4f},{b}" for a, b in zip(x, labels)) + "\n")
    split = prepare(path, target="label")
    assert len(split.classes) == 2


@pytest.mark.parametrize("kind", ["cr_only", "big_cell", "only_delimiters"])
def test_awkward_files_train_or_say_one_thing(tmp_path, kind):
    path = tmp_path / f"{kind}.csv"
    rng = np.random.default_rng(2)
    rows = [f"{a:.3f},{b:.3f},{i % 2}" for i, (a, b) in enumerate(rng.normal(size=(40, 2)))]
    if kind == "cr_only":
        path.write_bytes(("a,b,label\r" + "\r".join(rows) + "\r").encode())
        assert len(prepare(path, target="label").y_train) == 28
    elif kind == "big_cell":
        note = "x" * 100_000
        rows = [f"{r},{note if i == 3 else f'remark {i}'}" for i, r in enumerate(rows)]
        path.write_text("a,b,label,comment\n" + "\n".join(rows) + "\n")
        split = prepare(path, target="label")
        assert split.feature_names == ("a", "b")  # the free-text column is left out
    else:
        path.write_text(",,,\n,,,\n,,,\n")
        with pytest.raises(DataError) as error:
            prepare(path)
        assert "\n" not in str(error.value)


def test_describe_columns_says_what_happens_to_each_column():
    frame = read_table(DATA / "penguins.csv").frame
    described = {c.name: c for c in describe_columns(frame, "species", exclude=("sex",))}
    assert described["species"].role == "target"
    assert described["rowid"].kind == "row id" and described["rowid"].role == "excluded"
    assert described["island"].role == "feature" and described["island"].kind == "text"
    assert described["sex"].role == "excluded" and "by choice" in described["sex"].reason
    assert described["bill_length_mm"].missing == 1
    included = {c.name: c for c in describe_columns(frame, "species", include=("rowid",))}
    assert included["rowid"].role == "feature"


def test_row_ids_are_found_in_order_or_shuffled_and_long_fraction_columns_are_not_counted():
    from logreg_gui.core.data.columns import COUNT_ROWS, ROW_ID, describe_columns

    n = COUNT_ROWS + 1
    rng = np.random.default_rng(0)
    frame = pd.DataFrame(
        {
            "n": np.arange(1, n + 1),
            "shuffled": rng.permutation(n),
            "gaps": np.arange(n) * 2,
            "x": rng.standard_normal(n),
            "y": rng.integers(0, 2, n),
        }
    )
    columns = {c.name: c for c in describe_columns(frame, "y")}
    assert columns["n"].kind == ROW_ID and columns["shuffled"].kind == ROW_ID
    assert columns["gaps"].kind != ROW_ID and columns["gaps"].distinct == n
    # A long column of fractions is a number feature; its distinct values are not counted.
    assert columns["x"].role == "feature" and columns["x"].distinct is None
    assert columns["y"].distinct == 2
    short = describe_columns(frame.head(50), "y")
    assert all(c.distinct is not None for c in short)


def test_a_quantity_is_the_guessed_target_only_when_no_column_holds_classes():
    rng = np.random.default_rng(1)
    n = 200
    frame = pd.DataFrame(
        {"y": rng.standard_normal(n), "grade": rng.integers(0, 2, n), "c": rng.random(n)}
    )
    # "y" is named like a label but measures an amount; "grade" holds two classes.
    assert guess_target(frame) == "grade"
    assert guess_target(frame.drop(columns="grade")) == "y"
    assert guess_target(frame.drop(columns=["grade", "y"]).assign(d=rng.random(n))) == "d"
