"""CSV files a person brings, read into a :class:`~logreg_gui.core.datasets.Dataset`.

The parser is the standard library's ``csv`` module; the delimiter (comma, semicolon, tab or
runs of whitespace) is detected with ``csv.Sniffer``. What loading does to the data — rows
dropped for missing cells, text columns one-hot encoded or dropped — is always reported in
``Dataset.notes`` with counts, never silently.
"""

from __future__ import annotations

import csv
import io
import os
import re
from dataclasses import dataclass

import numpy as np
from sklearn.preprocessing import OneHotEncoder

from .datasets import Dataset
from .errors import DataError

__all__ = ["CsvTable", "guess_target", "load_csv", "read_csv", "table_to_dataset"]

#: Cells meaning "no value" (compared case-insensitively).
MISSING = {"", "na", "n/a", "nan", "null", "none", "?", "-"}
#: A text feature column with more distinct values than this is dropped, not one-hot encoded.
MAX_CATEGORIES = 20
#: A numeric target with more distinct values than this that are not all whole numbers
#: looks like a regression target.
MAX_CONTINUOUS_CLASSES = 20
DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", " ": "whitespace"}
TARGET_NAMES = ("target", "label", "class", "y", "outcome")


@dataclass(frozen=True, eq=False)
class CsvTable:
    """A CSV file as text cells: header names and rows, with the delimiter found."""

    path: str
    delimiter: str  # ",", ";", "\t", or " " meaning runs of whitespace
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def _read_text(path) -> str:
    name = os.path.basename(str(path))
    if not os.path.exists(path):
        raise DataError(f"the file {name} does not exist.")
    if os.path.isdir(path):
        raise DataError(f"{name} is a folder, not a CSV file.")
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except OSError as exc:
        raise DataError(f"the file {name} cannot be read: {exc.strerror or exc}.") from None
    if not raw.strip():
        raise DataError(f"the file {name} is empty.")
    sample = raw[:65536]
    controls = sum(b < 32 and b not in (9, 10, 13) for b in sample)
    if b"\x00" in sample or controls > 0.01 * len(sample):
        raise DataError(f"{name} is not a text CSV file (it looks binary).")
    for encoding in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise DataError(f"{name} is not a text CSV file.")  # pragma: no cover - latin-1 decodes all


def _detect_delimiter(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()][:50]
    sample = "\n".join(lines)

    def header_cells(delimiter):
        return len(next(csv.reader([lines[0]], delimiter=delimiter)))

    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=",;\t").delimiter
        if header_cells(delimiter) > 1:
            return delimiter
    except csv.Error:
        pass
    # The sniffer gives up on files with irregular rows: trust the header, whose broken
    # rows are then reported line by line.
    best = max((",", ";", "\t"), key=header_cells)
    return best if header_cells(best) > 1 else " "


def _split_whitespace(text):
    # Whitespace-separated files: runs of spaces/tabs separate cells; quotes still group.
    for line in text.splitlines():
        if line.strip():
            yield next(
                csv.reader(
                    [re.sub(r"[ \t]+", " ", line.strip())], delimiter=" ", skipinitialspace=True
                )
            )


def read_csv(path) -> CsvTable:
    """Read ``path`` into text cells; raises DataError with a plain-words reason."""
    name = os.path.basename(str(path))
    text = _read_text(path)
    delimiter = _detect_delimiter(text)
    if delimiter == " ":
        records = list(_split_whitespace(text))
        line_numbers = [i + 1 for i, line in enumerate(text.splitlines()) if line.strip()]
    else:
        reader = csv.reader(io.StringIO(text), delimiter=delimiter)
        records, line_numbers = [], []
        for row in reader:
            if any(cell.strip() for cell in row):
                records.append(row)
                line_numbers.append(reader.line_num)
    header = [cell.strip() for cell in records[0]]
    if len(header) < 2:
        raise DataError(
            f"{name} has a single column: a CSV file needs at least one feature and a target column."
        )
    if all(_is_number(cell) for cell in header):
        raise DataError(
            f"the first row of {name} holds numbers; it must hold the column names (a header row)."
        )
    columns = _unique_names(header)
    rows = []
    for cells, line in zip(records[1:], line_numbers[1:]):
        if len(cells) != len(columns):
            raise DataError(
                f"line {line} of {name} has {len(cells)} cells but the header has {len(columns)} "
                f"columns ({DELIMITER_NAMES[delimiter]}-separated): the file is broken or uses "
                "another delimiter."
            )
        rows.append(tuple(cell.strip() for cell in cells))
    if not rows:
        raise DataError(f"{name} has a header but no data rows.")
    return CsvTable(path=str(path), delimiter=delimiter, columns=tuple(columns), rows=tuple(rows))


def _unique_names(header):
    names, seen = [], {}
    for i, name in enumerate(header):
        name = name or f"column {i + 1}"
        if name in seen:
            seen[name] += 1
            name = f"{name} ({seen[name]})"
        else:
            seen[name] = 1
        names.append(name)
    return names


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def guess_target(table: CsvTable) -> str:
    """A column named like a target (target, label, class, y, outcome), else the last one."""
    for wanted in TARGET_NAMES:
        for column in table.columns:
            if column.strip().lower() == wanted:
                return column
    return table.columns[-1]


def _numeric(cells: np.ndarray):
    """Floats of a column of text cells (NaN where missing) and whether it is numeric."""
    missing = np.isin(np.char.lower(cells), list(MISSING))
    values = np.full(len(cells), np.nan)
    try:
        values[~missing] = cells[~missing].astype(float)
    except ValueError:
        return None, missing
    missing |= ~np.isfinite(values)
    return values, missing


def _row_list(lines):
    shown = ", ".join(str(n) for n in lines[:5])
    return shown + (", …" if len(lines) > 5 else "")


def table_to_dataset(table: CsvTable, target: str) -> Dataset:
    """Turn text cells into features and labels, reporting everything done in ``notes``."""
    name = os.path.basename(table.path)
    if target not in table.columns:
        raise DataError(
            f"{name} has no column {target!r}; its columns are: {', '.join(table.columns)}."
        )
    cells = np.array(table.rows, dtype=str).reshape(len(table.rows), len(table.columns))
    n_rows = len(cells)
    notes = []
    t = table.columns.index(target)
    target_cells = cells[:, t]
    target_numbers, target_missing = _numeric(target_cells)
    if target_numbers is None:
        target_missing = np.isin(np.char.lower(target_cells), list(MISSING))

    features = []  # (name, float column with NaN for missing) or text columns for encoding
    text_columns = []
    for j, column in enumerate(table.columns):
        if j == t:
            continue
        values, missing = _numeric(cells[:, j])
        if missing.all():
            notes.append(f"dropped column {column!r}: it has no values.")
            continue
        if values is not None:
            features.append((column, values, missing))
            continue
        distinct = np.unique(cells[~missing, j])
        if len(distinct) > MAX_CATEGORIES:
            notes.append(
                f"dropped text column {column!r}: {len(distinct)} distinct values are too many to encode."
            )
            continue
        text_columns.append((column, cells[:, j], missing))
    if not features and not text_columns:
        raise DataError(f"{name} has no usable feature columns besides the target {target!r}.")

    drop = target_missing.copy()
    for _, _, missing in features + text_columns:
        drop |= missing
    if drop.any():
        lines = (np.flatnonzero(drop) + 2).tolist()  # line 1 is the header
        notes.insert(
            0,
            f"dropped {int(drop.sum())} of {n_rows} rows with missing cells (lines {_row_list(lines)}).",
        )
    keep = ~drop
    if keep.sum() < 2:
        raise DataError(
            f"{name} has fewer than 2 rows left once rows with missing cells are dropped."
        )

    blocks, names = [], []
    for column, values, _ in features:
        blocks.append(values[keep][:, None])
        names.append(column)
    for column, text, _ in text_columns:
        encoder = OneHotEncoder(sparse_output=False, dtype=float)
        encoded = encoder.fit_transform(text[keep][:, None])
        categories = encoder.categories_[0]
        blocks.append(encoded)
        names.extend(f"{column}={value}" for value in categories)
        notes.append(
            f"one-hot encoded text column {column!r} ({len(categories)} values) into {len(categories)} columns."
        )
    X = np.hstack(blocks)

    if target_numbers is not None:
        y_values = target_numbers[keep]
        whole = np.all(y_values == np.round(y_values))
        distinct = np.unique(y_values)
        if not whole and (
            len(distinct) > MAX_CONTINUOUS_CLASSES or len(distinct) > len(y_values) / 2
        ):
            raise DataError(
                f"the target {target!r} has {len(distinct)} distinct non-integer values: it looks "
                "like a quantity to predict by regression, not classes. Choose a column of classes."
            )
        y = y_values.astype(np.int64) if whole else y_values
    else:
        y = target_cells[keep].astype(object).astype(str)
    classes = np.unique(y)
    if len(classes) < 2:
        raise DataError(
            f"the target {target!r} has only one class ({classes[0]!r}); logistic regression needs at least two."
        )
    source = (
        f"{name} ({n_rows} rows, {len(table.columns)} columns, "
        f"{DELIMITER_NAMES[table.delimiter]}-separated)"
    )
    return Dataset(
        X=X, y=y, feature_names=tuple(names), target_name=target, source=source, notes=tuple(notes)
    )


def load_csv(path, target: str | None = None) -> Dataset:
    """Read ``path`` and use column ``target`` (default: :func:`guess_target`) as the labels."""
    table = read_csv(path)
    return table_to_dataset(table, guess_target(table) if target is None else target)
