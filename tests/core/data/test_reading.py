"""Reading data files: delimiters, quotes, encodings, missing cells, line numbers, refusals."""

import codecs
import csv
import os
import pathlib
import stat
import subprocess
import sys
import tracemalloc

import numpy as np
import pandas as pd
import pytest

from logreg_gui.core.data.reading import Table, delimited, files, read_table, segments
from logreg_gui.core.data.reading.segments import segment_bounds
from logreg_gui.core.data.reading.sniffing import Format
from logreg_gui.core.errors import Cancelled, DataError

DATA = pathlib.Path(__file__).resolve().parents[2] / "data" / "reading"


def data(name):
    return DATA / name


def write(tmp_path, content, name="data.csv"):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    return path


def refusal(path, **kwargs) -> str:
    """The message of the DataError reading ``path`` raises, checked to be one plain sentence."""
    with pytest.raises(DataError) as caught:
        read_table(path, **kwargs)
    message = str(caught.value)
    assert message.endswith(".") and "\n" not in message
    # One sentence: no full stop inside, except in the file's name or a number.
    inside = message[:-1].replace(os.path.basename(str(path)), "")
    assert ". " not in inside, message
    assert str(pathlib.Path(path).parent) not in message  # the base name only
    for jargon in ("Error", "Traceback", "pandas", "C error", "tokeniz", "codec", "errno"):
        assert jargon not in message, message
    return message


def text_values(series):
    return [None if pd.isna(v) else v for v in series.tolist()]


# --- delimiters and quotes ----------------------------------------------------------------------


def test_comma_file_with_quoted_delimiters_and_doubled_quotes():
    table = read_table(data("comma.csv"))
    assert isinstance(table, Table) and table.complete
    frame = table.frame
    assert list(frame.columns) == ["height", "weight", "kind, of animal", "note"]
    assert frame["height"].dtype == np.float64 and frame["weight"].dtype == np.float64
    np.testing.assert_array_equal(frame["height"], [1.5, -0.5, 2.0])
    assert text_values(frame["kind, of animal"]) == ["cat", "dog", "cat"]
    assert text_values(frame["note"]) == ['says "meow", often', "plain", None]
    assert table.description == "comma.csv: 3 rows × 4 columns, comma-separated, UTF-8"
    assert table.line_numbers.dtype == np.int64
    assert table.line_numbers.tolist() == [2, 3, 4]
    assert table.notes == ()
    assert table.path == str(data("comma.csv"))


def test_semicolon_file_with_decimal_commas_reads_numbers():
    table = read_table(data("semicolon_decimal_comma.csv"))
    frame = table.frame
    assert frame["x"].dtype == np.float64 and frame["y"].dtype == np.float64
    np.testing.assert_array_equal(frame["x"], [1.5, -3.0, 0.125])
    np.testing.assert_array_equal(frame["y"], [2.25, 4.0, -1.75])
    assert text_values(frame["answer"]) == ["yes", "no", "yes"]
    assert "semicolon-separated, decimal comma, UTF-8" in table.description


def test_tab_separated_cells_may_hold_spaces():
    table = read_table(data("tab.tsv"))
    assert list(table.frame.columns) == ["city", "population", "coastal"]
    assert text_values(table.frame["city"]) == ["New York", "Berlin", "Los Angeles"]
    assert table.frame["coastal"].dtype == np.int64
    assert "tab-separated" in table.description


def test_whitespace_separated_file_with_single_quoted_header():
    table = read_table(data("spector.dat"))
    frame = table.frame
    assert list(frame.columns) == ["OBS", "GPA", "TUCE", "PSI", "GRADE"]
    assert all(dtype.kind in "if" for dtype in frame.dtypes)
    assert frame["OBS"].tolist() == [1, 2, 3, 4, 5, 6]
    np.testing.assert_array_equal(frame["GPA"][:3], [2.66, 2.89, 3.28])
    assert frame["GRADE"].tolist() == [0, 0, 0, 0, 1, 0]
    assert "whitespace-separated" in table.description


def test_whitespace_runs_and_tabs_mixed(tmp_path):
    table = read_table(write(tmp_path, "a  b\tc\n1   2 3\n  4\t5 6  \n"))
    assert list(table.frame.columns) == ["a", "b", "c"]
    assert table.frame.to_numpy().tolist() == [[1, 2, 3], [4, 5, 6]]


def test_pipe_separated():
    table = read_table(data("pipe.txt"))
    assert list(table.frame.columns) == ["a", "b", "label"]
    assert "pipe-separated" in table.description


def test_quoted_cells_containing_the_delimiter():
    table = read_table(data("quoted_semicolon.csv"))
    assert list(table.frame.columns) == ["name; full", "size", "label"]
    assert text_values(table.frame["name; full"]) == ["Smith; J.", "Doe; A."]
    assert table.frame["size"].tolist() == [3, 4]


def test_single_quotes_are_detected():
    table = read_table(data("single_quotes.csv"))
    assert list(table.frame.columns) == ["first name", "age"]
    assert text_values(table.frame["first name"]) == ["Ann", "Bob"]
    assert table.frame["age"].tolist() == [31, 42]


def test_apostrophes_inside_cells_are_not_quotes(tmp_path):
    table = read_table(write(tmp_path, "name,age\nO'Brien,3\nD'Arcy,4\n"))
    assert text_values(table.frame["name"]) == ["O'Brien", "D'Arcy"]


# --- encodings -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name,label",
    [
        ("utf8.csv", "UTF-8"),
        ("utf8_bom.csv", "UTF-8"),
        ("utf16_le.csv", "UTF-16"),
        ("utf16_be.csv", "UTF-16"),
    ],
)
def test_unicode_encodings(name, label):
    table = read_table(data(name))
    assert list(table.frame.columns) == ["größe", "体重", "label"]
    np.testing.assert_array_equal(table.frame["größe"], [1.5, 2.5])
    assert table.frame["体重"].tolist() == [60, 70]
    assert text_values(table.frame["label"]) == ["a", "b"]
    assert table.description.endswith(label)
    assert table.notes == ()
    assert table.line_numbers.tolist() == [2, 3]


def test_utf16_files_really_have_their_byte_order_marks():
    assert data("utf16_le.csv").read_bytes().startswith(codecs.BOM_UTF16_LE)
    assert data("utf16_be.csv").read_bytes().startswith(codecs.BOM_UTF16_BE)
    assert data("utf8_bom.csv").read_bytes().startswith(codecs.BOM_UTF8)


def test_latin1_fallback_is_reported():
    table = read_table(data("latin1.csv"))
    assert list(table.frame.columns) == ["größe", "café", "label"]
    assert text_values(table.frame["label"]) == ["é", "à"]
    assert "read as Latin-1: the file is not valid UTF-8." in table.notes
    assert table.description.endswith("Latin-1")


def test_invalid_utf8_after_the_sample_rereads_as_latin1(tmp_path):
    body = "a,b\n" + "1,x\n" * 30_000 + "2,caf\xe9\n"
    path = write(tmp_path, body.encode("latin-1"))
    table = read_table(path)
    assert text_values(table.frame["b"])[-1] == "café"
    assert table.notes[0] == "read as Latin-1: the file is not valid UTF-8."
    # A preview stops long before the bad byte.
    preview = read_table(path, nrows=10)
    assert preview.description.endswith("UTF-8") and not preview.complete


# --- missing cells, blank lines, line endings -------------------------------------------------


def test_missing_markers_in_any_case_and_nothing_else():
    frame = read_table(data("missing_markers.csv")).frame
    assert frame["a"].dtype == np.float64 and frame["b"].dtype == np.float64
    assert text_values(frame["a"]) == [1.0, None, None, None, None, None]
    assert text_values(frame["b"]) == [None, 2.0, None, None, None, None]
    # "None" and "-" are values.
    assert text_values(frame["c"]) == ["x", "None", "-", None, None, "y"]


def test_blank_lines_are_skipped_and_line_numbers_stay_right():
    table = read_table(data("blank_lines.csv"))
    # Lines: 1 header, 2-3 rows, 4 blank, 5 row, 6 spaces, 7 row, 8 ",", 9 blank.
    assert table.line_numbers.tolist() == [2, 3, 5, 7, 8]
    assert table.notes == ("3 blank lines skipped.",)
    # A line of delimiters is a row of missing values, kept for a later step to report.
    assert table.frame.iloc[-1].isna().all()
    assert table.frame.iloc[:-1].to_numpy().tolist() == [[1, 2], [3, 4], [5, 6], [7, 8]]


def test_blank_lines_before_the_header(tmp_path):
    table = read_table(write(tmp_path, "\n  \na,b\n1,2\n\n3,4\n"))
    assert list(table.frame.columns) == ["a", "b"]
    assert table.line_numbers.tolist() == [4, 6]
    assert table.notes == ("3 blank lines skipped.",)


@pytest.mark.parametrize("name", ["line_endings_crlf.csv", "line_endings_cr.csv", "lf"])
def test_line_endings(tmp_path, name):
    if name == "lf":
        path = write(tmp_path, "a,b\n1,2\n\n3,4\n")
    else:
        path = data(name)
        raw = path.read_bytes()
        assert (b"\r\n" in raw) == (name == "line_endings_crlf.csv") and b"\r" in raw
    table = read_table(path)
    assert table.frame.to_numpy().tolist() == [[1, 2], [3, 4]]
    assert table.line_numbers.tolist() == [2, 4]
    assert table.notes == ("1 blank line skipped.",)


# --- numbers ------------------------------------------------------------------------------------


def test_labels_beyond_int64_stay_distinct():
    labels = read_table(data("big_labels.csv")).frame["label"]
    assert labels.nunique() == 2
    assert labels[0] == labels[2] != labels[1]
    assert float(labels[0]) == 1e19 and float(labels[1]) == 2e19


@pytest.mark.parametrize("name", ["big_integers.csv", "huge_integers.csv"])
def test_twenty_digit_integers_are_not_merged(name):
    labels = read_table(data(name)).frame["label"]
    written = [line.split(",")[1] for line in data(name).read_text().splitlines()[1:]]
    assert labels.dropna().nunique() == len({w for w in written if w})
    for value, text in zip(labels, written):
        if text:
            assert str(value) == text  # exact: uint64, or text when beyond uint64
        else:
            assert pd.isna(value)


def test_big_integers_split_across_chunks_are_not_merged(tmp_path, monkeypatch):
    monkeypatch.setattr(delimited, "CHUNK_ROWS", 2)
    path = write(tmp_path, "x,id\n1,1\n2,2\n3,12345678901234567890\n4,12345678901234567891\n")
    table = read_table(path)
    assert text_values(table.frame["id"]) == [
        "1",
        "2",
        "12345678901234567890",
        "12345678901234567891",
    ]
    assert any("too large" in note for note in table.notes)


def test_column_of_numbers_then_text_across_chunks_is_text(tmp_path, monkeypatch):
    monkeypatch.setattr(delimited, "CHUNK_ROWS", 2)
    path = write(tmp_path, "a,b\n1,1\n2.50,2\nx,3\n4,4\n")
    frame = read_table(path).frame
    assert text_values(frame["a"]) == ["1", "2.50", "x", "4"]
    assert frame["b"].tolist() == [1, 2, 3, 4]


def test_numbers_with_spaces_around_them():
    frame = read_table(data("padded_numbers.csv")).frame
    np.testing.assert_array_equal(frame["a"], [1.5, 2.5, 3.0])
    assert text_values(frame["b"]) == [2.0, None, 4.0]
    assert text_values(frame["label"]) == ["x", "y", "z"]


def test_true_false_become_text():
    frame = read_table(data("true_false.csv")).frame
    assert text_values(frame["flag"]) == ["True", "False", None]


def test_header_of_numbers_is_noted():
    table = read_table(data("numbers_header.csv"))
    assert list(table.frame.columns) == ["1", "2", "3"]
    assert any("first line holds only numbers" in note for note in table.notes)


# --- column names -------------------------------------------------------------------------------


def test_column_names_stripped_unnamed_and_numbered():
    table = read_table(data("column_names.csv"))
    assert list(table.frame.columns) == [
        "height",
        "column 2",
        "weight",
        "x",
        "weight (2)",
        "column 6",
    ]
    assert table.frame["column 6"].tolist() == [6, 12]
    assert "2 columns with no name in the header were named 'column 2', 'column 6'." in table.notes
    assert "repeated column names were numbered: 'weight (2)'." in table.notes


def test_numbering_avoids_names_the_header_already_has(tmp_path):
    frame = read_table(write(tmp_path, "x,x (2),x\n1,2,3\n")).frame
    assert list(frame.columns) == ["x", "x (2)", "x (3)"]


# --- previews and cancelling --------------------------------------------------------------------


def test_preview_reads_only_the_first_rows(tmp_path):
    path = write(tmp_path, "a,b\n" + "".join(f"{i},{i % 2}\n" for i in range(500)))
    table = read_table(path, nrows=200)
    assert len(table.frame) == 200 and not table.complete
    assert table.description.startswith("data.csv: first 200 rows × 2 columns")
    assert table.line_numbers.tolist() == list(range(2, 202))
    whole = read_table(path, nrows=500)
    assert whole.complete and len(whole.frame) == 500


def test_preview_of_a_huge_file_does_not_read_the_rest(tmp_path):
    # 1 GiB: 80 KB of rows, then zeros the file system does not even store. Reading them would
    # fail (they are binary); a preview never gets there.
    path = tmp_path / "huge.csv"
    with open(path, "wb") as f:
        f.write(("a,b\n" + "1,2\n" * 20_000).encode())
        f.truncate(2**30)
    table = read_table(path, nrows=200)
    assert len(table.frame) == 200 and not table.complete
    assert table.line_numbers[-1] == 201


def test_preview_stops_before_a_broken_line(tmp_path):
    path = write(tmp_path, "a,b\n" + "1,2\n" * 300 + "1,2,3\n")
    assert len(read_table(path, nrows=200).frame) == 200
    assert "line 302 has 3 cells" in refusal(path)


def test_preview_counts_only_blank_lines_it_passed(tmp_path):
    path = write(tmp_path, "a,b\n1,2\n\n3,4\n5,6\n\n\n7,8\n")
    table = read_table(path, nrows=2)
    assert table.line_numbers.tolist() == [2, 4]
    assert table.notes == ("1 blank line skipped.",)


@pytest.mark.parametrize("nrows", [0, -1, 1.5, True])
def test_nrows_must_be_a_positive_whole_number(nrows):
    with pytest.raises(ValueError):
        read_table(data("comma.csv"), nrows=nrows)


def test_cancel_before_reading():
    with pytest.raises(Cancelled):
        read_table(data("comma.csv"), cancel=lambda: True)


def test_cancel_between_chunks(tmp_path, monkeypatch):
    monkeypatch.setattr(delimited, "CHUNK_ROWS", 10)
    path = write(tmp_path, "a,b\n" + "1,2\n" * 1000)
    calls = []

    def cancel():
        calls.append(1)
        return len(calls) > 3

    with pytest.raises(Cancelled):
        read_table(path, cancel=cancel)
    assert len(calls) == 4  # stopped after three chunks of a hundred


# --- large files: ranges parsed on threads ------------------------------------------------------


def varied_rows(count):
    rng = np.random.default_rng(3)
    lines = ["id,value,kind"]
    for i in range(count):
        r = rng.random()
        if r < 0.04:
            lines.append("")
        elif r < 0.06:
            lines.append("   ")
        elif r < 0.08:
            lines.append(",,")
        elif r < 0.1:
            lines.append(f"{i},NA,")
        else:
            lines.append(f"{i},{rng.normal():.6f},{'ab'[i % 2]}")
    return lines


@pytest.fixture(params=["pandas", "ranges"])
def threaded_reader(request, monkeypatch):
    """Large files read on threads, both ways: by pandas' own parallel reader where pandas has
    one (``mode.max_threads`` left to pandas), and in ranges of whole lines (pandas held to
    one thread by that option, or a pandas without that reader)."""
    monkeypatch.setattr(segments, "PARALLEL_MIN_BYTES", 0)
    try:
        pd.get_option("mode.max_threads")
    except KeyError:
        if request.param == "pandas":
            pytest.skip("this pandas has no parallel reader")
        yield request.param
        return
    with pd.option_context("mode.max_threads", None if request.param == "pandas" else 1):
        yield request.param


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_ranges_on_threads_read_as_one_pass_does(tmp_path, monkeypatch, newline, threaded_reader):
    lines = varied_rows(4000)
    path = write(tmp_path, newline.join(lines) + newline)
    serial = read_table(path, nrows=len(lines))  # a preview: read in chunks, in one pass
    monkeypatch.setattr(segments, "SEGMENT_BYTES", 2000)
    threaded = read_table(path)
    pd.testing.assert_frame_equal(threaded.frame, serial.frame)
    np.testing.assert_array_equal(threaded.line_numbers, serial.line_numbers)
    expected = [n for n, line in enumerate(lines, start=1) if line.strip()][1:]
    assert serial.line_numbers.tolist() == expected
    assert threaded.complete and threaded.notes == serial.notes


def test_a_large_file_on_pandas_threads_reads_as_one_pass_does(tmp_path, monkeypatch):
    # 7 MB: large enough for pandas' parallel reader (5 MB), with blank lines, lines of
    # spaces, rows of delimiters only and missing cells throughout.
    lines = varied_rows(400_000)
    path = write(tmp_path, "\n".join(lines) + "\n")
    assert path.stat().st_size > 6 * 1024**2
    threaded = read_table(path)
    monkeypatch.setattr(segments, "PARALLEL_MIN_BYTES", path.stat().st_size)
    serial = read_table(path)
    pd.testing.assert_frame_equal(threaded.frame, serial.frame)
    np.testing.assert_array_equal(threaded.line_numbers, serial.line_numbers)
    assert threaded.notes == serial.notes
    expected = [n for n, line in enumerate(lines, start=1) if line.strip()][1:]
    assert threaded.line_numbers.tolist() == expected


def test_ranges_cut_inside_quoted_cells_fall_back_to_one_pass(
    tmp_path, monkeypatch, threaded_reader
):
    lines = ["a,b"] + [f'{i},"two\nlines"' if i % 7 == 0 else f"{i},one" for i in range(3000)]
    path = write(tmp_path, "\n".join(lines) + "\n")
    serial = read_table(path, nrows=len(lines))
    monkeypatch.setattr(segments, "SEGMENT_BYTES", 1000)
    pd.testing.assert_frame_equal(read_table(path).frame, serial.frame)
    assert serial.frame["b"][0] == "two\nlines"


def test_extra_cells_at_the_start_of_a_range_are_reported(tmp_path, monkeypatch, threaded_reader):
    monkeypatch.setattr(segments, "SEGMENT_BYTES", 1000)
    lines = ["a,b"] + [f"{i},{i}" for i in range(3000)]
    size = len("\n".join(lines)) + 1
    fmt = Format("utf-8", "UTF-8", 0, "\n", ",", '"', ".", ("a", "b"))
    path = write(tmp_path, "\n".join(lines) + "\n")
    bounds = segment_bounds(str(path), "data.csv", fmt, size)
    line = path.read_bytes()[: bounds[3]].count(b"\n") + 1  # the first line of a range
    lines[line - 1] += ",9"
    path = write(tmp_path, "\n".join(lines) + "\n")
    assert f"line {line} has 3 cells but the header has 2" in refusal(path)


def test_cancel_while_ranges_are_read(tmp_path, monkeypatch, threaded_reader):
    monkeypatch.setattr(segments, "SEGMENT_BYTES", 1000)
    path = write(tmp_path, "\n".join(varied_rows(3000)) + "\n")
    with pytest.raises(Cancelled):
        read_table(path, cancel=iter([False, False] + [True] * 1000).__next__)


def test_a_long_cell_does_not_take_much_memory(tmp_path):
    # 100 KB of text in one cell of a 500 KB file: as a fixed-width numpy string column, every
    # cell would take 400 KB.
    lines = ["id,text,label"] + [f"{i},short {i},{i % 2}" for i in range(20_000)]
    lines[5] = "4," + "x" * 100_000 + ",1"
    path = write(tmp_path, "\n".join(lines) + "\n")
    assert 400_000 < path.stat().st_size < 600_000
    tracemalloc.start()
    try:
        table = read_table(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(table.frame["text"][4]) == 100_000
    assert table.frame["text"].dtype.kind != "U"
    assert peak < 64 * 1024**2
    assert table.frame.memory_usage(deep=True).sum() < 8 * 1024**2


# --- refusals -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name,expected",
    [
        ("header_only.csv", "header_only.csv has a header line but no data rows."),
        ("only_delimiters.csv", "only_delimiters.csv holds only delimiters, no values."),
        ("empty.csv", "empty.csv is empty."),
        ("whitespace_only.csv", "whitespace_only.csv is empty: it holds only blank lines."),
        ("unclosed_quote.csv", 'unclosed_quote.csv has a quote mark (") that is never closed.'),
    ],
)
def test_bad_files_are_refused_in_one_sentence(name, expected):
    assert refusal(data(name)) == expected


def test_single_column_is_refused():
    assert "single column" in refusal(data("single_column.csv"))


def test_single_column_with_spaces_in_its_name(tmp_path):
    assert "single column" in refusal(write(tmp_path, "my value\n1\n2\n"))


def test_row_with_more_cells_than_the_header_names_its_line():
    message = refusal(data("extra_cells.csv"))
    assert "line 7 has 5 cells but the header has 4" in message
    assert "extra_cells.csv" in message


def test_first_row_with_more_cells_than_the_header_names_its_line():
    message = refusal(data("extra_cells_first_row.csv"))
    assert "line 2 has 4 cells but the header has 3" in message


def test_extra_cells_line_counts_blank_lines(tmp_path):
    assert "line 6 has 3 cells" in refusal(write(tmp_path, "\n\na,b\n\n1,2\n3,4,5\n"))


def test_binary_junk_is_refused(tmp_path):
    path = write(tmp_path, bytes(range(256)) * 64, "junk.csv")
    assert refusal(path) == "junk.csv does not look like a text data file."
    controls = write(tmp_path, b"a,b\n" + b"\x01\x02,\x03\n" * 200, "controls.csv")
    assert "does not look like a text data file" in refusal(controls)


def test_sparse_two_gib_file_of_zeros_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "zeros.csv"
    with open(path, "wb") as f:
        f.truncate(2**31)
    assert "does not look like a text data file" in refusal(path)


def test_too_large_file_is_refused_before_reading(tmp_path, monkeypatch):
    monkeypatch.setattr(files, "MAX_FILE_BYTES", 10)
    message = refusal(write(tmp_path, "a,b\n1,2\n3,4\n"))
    assert "too large" in message


def test_missing_file(tmp_path):
    assert refusal(tmp_path / "nowhere.csv") == "the file nowhere.csv does not exist."
    assert "does not exist" in refusal(tmp_path / "no_folder" / "x.csv")


def test_folder(tmp_path):
    folder = tmp_path / "folder.csv"
    folder.mkdir()
    assert refusal(folder) == "folder.csv is a folder, not a data file."


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    assert "not an ordinary file" in refusal(fifo)


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero here")
def test_device_is_refused():
    assert "not an ordinary file" in refusal("/dev/zero")


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can read any file"
)
def test_unreadable_file(tmp_path):
    path = write(tmp_path, "a,b\n1,2\n")
    path.chmod(0)
    try:
        assert "permission" in refusal(path)
    finally:
        path.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_permission_denied_on_opening(tmp_path, monkeypatch):
    # The same refusal as above, for runs as root.
    path = write(tmp_path, "a,b\n1,2\n")

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(files.os, "open", denied)
    assert refusal(path) == "data.csv cannot be read: permission to read it is denied."


@pytest.mark.parametrize(
    "error",
    [
        pd.errors.ParserError("Error tokenizing data. C error: something odd"),
        csv.Error("field larger than field limit"),
        UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte"),
        MemoryError(),
        ValueError("unexpected"),
    ],
)
def test_parser_failures_become_one_sentence(monkeypatch, error):
    def failing(*args, **kwargs):
        raise error

    monkeypatch.setattr(pd, "read_csv", failing)
    refusal(data("comma.csv"))


# --- Excel and Parquet ----------------------------------------------------------------------------


def test_excel_without_openpyxl_says_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(DataError) as caught:
        read_table(write(tmp_path, b"PK\x03\x04", "book.xlsx"))
    assert str(caught.value) == (
        'reading .xlsx files needs the openpyxl package: pip install "logreg-gui[files]"'
    )


def test_parquet_without_pyarrow_says_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    with pytest.raises(DataError) as caught:
        read_table(write(tmp_path, b"PAR1", "table.parquet"))
    assert str(caught.value) == (
        'reading Parquet files needs the pyarrow package: pip install "logreg-gui[files]"'
    )


def test_old_excel_files_are_refused(tmp_path):
    message = refusal(write(tmp_path, b"\xd0\xcf\x11\xe0", "old.xls"))
    assert ".xlsx" in message


def test_excel_workbook(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Measures"
    sheet.append(["size", " kind ", None, "size"])
    sheet.append([1.5, "cat", 3, 7])
    sheet.append([])
    sheet.append([2.5, "NA", 4, "8"])
    book.create_sheet("Other").append(["ignored"])
    path = tmp_path / "book.xlsx"
    book.save(path)
    table = read_table(path)
    assert list(table.frame.columns) == ["size", "kind", "column 3", "size (2)"]
    np.testing.assert_array_equal(table.frame["size"], [1.5, np.nan, 2.5])
    assert text_values(table.frame["kind"]) == ["cat", None, None]
    np.testing.assert_array_equal(table.frame["size (2)"], [7.0, np.nan, 8.0])
    assert table.line_numbers.tolist() == [2, 3, 4]
    assert "read the first of 2 sheets, 'Measures'." in table.notes
    assert table.description == "book.xlsx: 3 rows × 4 columns, Excel sheet 'Measures'"
    preview = read_table(path, nrows=1)
    assert len(preview.frame) == 1 and not preview.complete


def test_parquet_file(tmp_path):
    pytest.importorskip("pyarrow")
    frame = pd.DataFrame(
        {"x": [1.0, 2.0, None], "kind": ["a", None, "NA"], "flag": [True, False, True]}
    )
    path = tmp_path / "table.parquet"
    frame.to_parquet(path, row_group_size=2)
    table = read_table(path)
    assert list(table.frame.columns) == ["x", "kind", "flag"]
    assert text_values(table.frame["kind"]) == ["a", None, None]
    assert text_values(table.frame["flag"]) == ["True", "False", "True"]
    assert table.line_numbers.tolist() == [2, 3, 4]
    preview = read_table(path, nrows=2)
    assert len(preview.frame) == 2 and not preview.complete


# --- the module itself ------------------------------------------------------------------------


def test_reading_loads_no_qt():
    code = (
        "import sys, logreg_gui.core.data.reading\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'shiboken6', 'pyqtgraph')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


def test_table_is_frozen():
    table = read_table(data("comma.csv"))
    with pytest.raises(AttributeError):
        table.path = "elsewhere"
