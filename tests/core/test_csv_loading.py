"""CSV files: delimiters, quotes, text labels and columns, missing cells, and refusals."""

import numpy as np
import pytest

from logreg_gui.core import DataError
from logreg_gui.core.csv_loading import guess_target, load_csv, read_csv


def write(tmp_path, text, name="data.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


ROWS = [(1.5, 2.0, "a"), (-0.5, 3.25, "b"), (2.0, -1.0, "a"), (0.0, 0.5, "b")]


@pytest.mark.parametrize(
    "delimiter,name", [(",", "comma"), (";", "semicolon"), ("\t", "tab"), ("   ", "whitespace")]
)
def test_each_delimiter(tmp_path, delimiter, name):
    text = delimiter.join(["x1", "x2", "label"]) + "\n"
    text += "\n".join(delimiter.join(map(str, row)) for row in ROWS) + "\n"
    table = read_csv(write(tmp_path, text))
    assert table.delimiter == (" " if name == "whitespace" else delimiter)
    data = load_csv(write(tmp_path, text), "label")
    np.testing.assert_array_equal(data.X, [[r[0], r[1]] for r in ROWS])
    assert data.y.tolist() == ["a", "b", "a", "b"]
    assert data.feature_names == ("x1", "x2")
    assert name in data.source


def test_quoted_headers_and_cells_with_delimiters_inside(tmp_path):
    text = '"height, cm";"weight; kg";"kind"\n"1,5";2;"cat; small"\n3;4;dog\n5;6;dog\n'
    # Decimal commas are text here: the quoted cell "1,5" is not a number, so the column is
    # one-hot encoded rather than misread.
    data = load_csv(write(tmp_path, text), "kind")
    assert data.target_name == "kind"
    assert data.y.tolist() == ["cat; small", "dog", "dog"]
    assert "weight; kg" in data.feature_names
    assert any("height, cm" in n for n in data.feature_names)


def test_numeric_labels_stay_numbers_and_guessed_target(tmp_path):
    path = write(tmp_path, "a,b,Target,c\n1,2,0,9\n3,4,1,8\n5,6,1,7\n")
    table = read_csv(path)
    assert guess_target(table) == "Target"
    data = load_csv(path)
    assert data.y.dtype.kind == "i" and data.y.tolist() == [0, 1, 1]
    assert data.feature_names == ("a", "b", "c")
    assert guess_target(read_csv(write(tmp_path, "p,q,r\n1,2,x\n3,4,y\n", "other.csv"))) == "r"


def test_text_feature_column_is_one_hot_encoded(tmp_path):
    path = write(tmp_path, "size,colour,y\n1,red,0\n2,blue,1\n3,red,1\n4,green,0\n")
    data = load_csv(path, "y")
    assert data.feature_names == ("size", "colour=blue", "colour=green", "colour=red")
    np.testing.assert_array_equal(data.X, [[1, 0, 0, 1], [2, 1, 0, 0], [3, 0, 0, 1], [4, 0, 1, 0]])
    assert any("one-hot encoded text column 'colour' (3 values)" in n for n in data.notes)


def test_text_column_with_too_many_values_is_dropped_and_reported(tmp_path):
    rows = "\n".join(f"person{i},{i},{i % 2}" for i in range(30))
    data = load_csv(write(tmp_path, "name,x,y\n" + rows + "\n"), "y")
    assert data.feature_names == ("x",)
    assert any("dropped text column 'name': 30 distinct values" in n for n in data.notes)


def test_rows_with_missing_cells_are_dropped_with_counts(tmp_path):
    text = "a,b,y\n1,2,0\n,3,1\n4,NA,0\n5,6,?\n7,8,1\n9,inf,0\n10,11,1\n"
    data = load_csv(write(tmp_path, text), "y")
    np.testing.assert_array_equal(data.X, [[1, 2], [7, 8], [10, 11]])
    assert data.y.tolist() == [0, 1, 1]
    assert data.notes[0] == "dropped 4 of 7 rows with missing cells (lines 3, 4, 5, 7)."


def test_empty_column_is_dropped_without_dropping_rows(tmp_path):
    data = load_csv(write(tmp_path, "a,empty,y\n1,,0\n2,,1\n3,,0\n"), "y")
    assert data.feature_names == ("a",) and len(data.y) == 3
    assert any("dropped column 'empty'" in n for n in data.notes)


def test_bom_and_latin1(tmp_path):
    data = load_csv(write(tmp_path, "\ufeffa,b,y\n1,2,x\n3,4,z\n", "bom.csv"), "y")
    assert data.feature_names == ("a", "b")
    data = load_csv(write(tmp_path, "a,b,café\n1,2,oui\n3,4,non\n", "latin.csv", "latin-1"), "café")
    assert data.y.tolist() == ["oui", "non"]


@pytest.mark.parametrize(
    "content,words",
    [
        (None, "does not exist"),
        (b"", "empty"),
        (b"\x00\x01\x02\x03" * 100, "binary"),
        (b"a,b,y\n", "no data rows"),
        (b"1,2,3\n4,5,6\n", "header"),
        (b"a,b,y\n1,2,0\n3,4\n", "line 3"),
        (b"a,b,y\n1,2,x\n3,4,x\n", "only one class"),
        (
            b"a,y\n" + b"\n".join(b"%d,%.4f" % (i, i * 0.37 + 0.001) for i in range(40)) + b"\n",
            "regression",
        ),
        (b"a,b,y\n1,2,NA\n3,NA,1\n", "fewer than 2 rows"),
        (
            b"name,y\n" + b"\n".join(b"p%d,%d" % (i, i % 2) for i in range(40)) + b"\n",
            "no usable feature",
        ),
    ],
)
def test_refusals_say_what_is_wrong(tmp_path, content, words):
    path = tmp_path / "bad.csv"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(DataError, match=words):
        load_csv(path, "y")


def test_unknown_target_lists_the_columns(tmp_path):
    with pytest.raises(DataError, match=r"no column 'z'.*a, b, y"):
        load_csv(write(tmp_path, "a,b,y\n1,2,0\n3,4,1\n"), "z")


def test_a_folder_is_refused(tmp_path):
    with pytest.raises(DataError, match="folder"):
        load_csv(tmp_path, "y")
