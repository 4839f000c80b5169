"""What each column of a table is, and what it is used for: a number or a text feature, a row
id or a date left out, the target — decided from the column's values and name, and said in
words so that a person can see it (and change it) before training."""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..errors import DataError
from ..i18n import translate

__all__ = [
    "MAX_CATEGORIES",
    "Column",
    "describe_columns",
    "guess_target",
    "is_quantity",
]

#: A text column with more distinct values than this is left out (a name, free text), unless
#: the person asks for it.
MAX_CATEGORIES = 20
#: A numeric target with more distinct values than this, or with fractions, is a quantity.
MAX_CLASSES = 20
#: Beyond this many rows, the distinct values of a column of fractional numbers are not
#: counted (a sort of the column, ~60 ms per million rows, that no decision needs).
COUNT_ROWS = 100_000
#: Names a target column usually has (compared without case).
TARGET_NAMES = ("target", "label", "class", "species", "y", "outcome")
#: Names of row-id columns (compared without case).
ID_NAMES = ("id", "index", "obs", "row", "rownames", "unnamed: 0", "")

# Role of a column.
FEATURE, EXCLUDED, TARGET = "feature", "excluded", "target"
# Kind of a column's values.
NUMBER, TEXT, DATE, ROW_ID, EMPTY = "number", "text", "date", "row id", "empty"


@dataclass(frozen=True)
class Column:
    """One column of a table: its kind, its role and why, in words.

    Attributes
    ----------
    name : str
    kind : "number", "text", "date", "row id" or "empty"
    role : "feature", "excluded" or "target"
    distinct : int or None, distinct values (missing cells not counted); None for a column
        of fractional numbers longer than ``COUNT_ROWS``, where no decision needs the count
        and counting would cost a sort of the whole column
    missing : int, missing cells
    reason : str, why the role, in plain words ("" for an ordinary feature)
    """

    name: str
    kind: str
    role: str
    distinct: int | None
    missing: int
    reason: str = ""


def _numeric(series) -> bool:
    return pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series)


def _whole(values) -> bool:
    values = np.asarray(values, dtype=float)
    # Measurements show a fraction in their first few values: the whole column need not be
    # rounded to tell.
    for part in (values[:1000], values):
        if not (np.all(np.isfinite(part)) and np.all(part == np.round(part))):
            return False
    return True


def is_quantity(series) -> bool:
    """A numeric column that measures an amount rather than naming classes: more than
    ``MAX_CLASSES`` distinct values, or fractions among them."""
    if not _numeric(series):
        return False
    values = series.dropna().unique()
    return len(values) > MAX_CLASSES or not _whole(values)


def _is_row_id(name, series) -> bool:
    if name.strip().lower() in ID_NAMES:
        return True
    if not _numeric(series) or series.isna().any() or len(series) < 3:
        return False
    values = series.to_numpy()
    if not _whole(values):
        return False
    # 1..n or 0..n-1, each once: a row number, not a measurement. In order, that is one
    # pass; shuffled rows need a sort, only when the range already fits.
    low, n = values.min(), len(values)
    if low not in (0, 1) or values.max() != low + n - 1:
        return False
    return bool(np.all(np.diff(values) == 1)) or len(np.unique(values)) == n


_DATE_LIKE = re.compile(r"\d{1,4}[-/.:]\d{1,2}")


def _is_date(series) -> bool:
    if pd.api.types.is_datetime64_any_dtype(series):
        return True
    if _numeric(series):
        return False
    sample = series.dropna().astype(str).head(200)
    if sample.empty or not sample.str.contains(_DATE_LIKE).mean() >= 0.9:
        return False
    parsed = pd.to_datetime(sample, errors="coerce", format="mixed")
    return bool(parsed.notna().mean() >= 0.9)


def describe_columns(frame, target, *, include=(), exclude=()) -> list[Column]:
    """The kind and role of every column of ``frame`` with ``target`` as the target.

    ``include`` and ``exclude`` name columns whose role the person chose: included columns
    are features whatever they look like (a text column with many values, a row id),
    excluded ones are left out.
    """
    if target not in frame.columns:
        raise DataError(
            translate(
                "data.columns", "there is no column {target!r}; the columns are: {columns}."
            ).format(target=target, columns=", ".join(map(str, frame.columns)))
        )
    columns = []
    for name in frame.columns:
        series = frame[name]
        missing = int(series.isna().sum())
        if (
            name != target
            and len(series) > COUNT_ROWS
            and _numeric(series)
            and missing < len(series)
            and not _whole(series.dropna().to_numpy())
        ):
            distinct = None  # fractions: a number feature whatever the count
        else:
            distinct = int(series.nunique(dropna=True))
        if name == target:
            kind = NUMBER if _numeric(series) else TEXT
            reason = translate("data.columns", "the classes to predict")
            columns.append(Column(name, kind, TARGET, distinct, missing, reason))
            continue
        if distinct == 0:
            kind, role = EMPTY, EXCLUDED
            reason = translate("data.columns", "it has no values")
        elif _is_row_id(str(name), series):
            kind, role = ROW_ID, EXCLUDED
            reason = translate("data.columns", "it numbers the rows (1, 2, 3…): no information")
        elif _is_date(series):
            kind, role = DATE, EXCLUDED
            reason = translate("data.columns", "a date: not a number a linear model can weigh")
        elif _numeric(series):
            kind, role, reason = NUMBER, FEATURE, ""
        elif distinct > MAX_CATEGORIES:
            kind, role = TEXT, EXCLUDED
            reason = translate(
                "data.columns",
                "{distinct} different texts (a name or free text?) are too many to encode",
            ).format(distinct=distinct)
        else:
            kind, role = TEXT, FEATURE
            reason = translate(
                "data.columns", "text: one-hot encoded, the first value as the reference"
            )
        if name in include and kind != EMPTY:
            role, reason = FEATURE, translate("data.columns", "included by choice")
            if kind in (DATE, ROW_ID) and not _numeric(series):
                kind = TEXT
        elif name in exclude:
            role, reason = EXCLUDED, translate("data.columns", "left out by choice")
        columns.append(Column(name, kind, role, distinct, missing, reason))
    return columns


def guess_target(frame) -> str:
    """The column most likely to hold the classes: one named like a label (``target``,
    ``label``, ``class``, ``species``, ``y``, ``outcome``, without case) that holds classes,
    else the last column that looks like classes (text with few values, or few whole
    numbers); only when no column does, a quantity (named like a label, or the last), to be
    cut into two classes at a threshold."""
    named = [
        name
        for wanted in TARGET_NAMES
        for name in frame.columns
        if str(name).strip().lower() == wanted
    ]
    for name in named:
        if not is_quantity(frame[name]):
            return name
    for name in reversed(frame.columns):
        series = frame[name]
        if _is_row_id(str(name), series) or _is_date(series) or series.nunique() < 2:
            continue
        if not is_quantity(series) and series.nunique() <= MAX_CATEGORIES:
            return name
    # Nothing looks like classes: a quantity, which the person cuts at a threshold.
    return named[0] if named else frame.columns[-1]
