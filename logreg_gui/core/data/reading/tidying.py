"""Columns as read made tidy: names cleaned and made unique, missing markers made missing, each
column numbers or text, ``True``/``False`` as text, whole numbers beyond float64 kept exact."""

from __future__ import annotations

import itertools
import re

import numpy as np
import pandas as pd

from ...errors import DataError
from ...i18n import translate
from .messages import only_delimiters

#: Cells that mean "no value", compared in any letter case.
MISSING_MARKERS = ("", "NA", "N/A", "NaN", "?", "null")


def _case_variants(word: str) -> set[str]:
    return {"".join(chars) for chars in itertools.product(*({c.lower(), c.upper()} for c in word))}


# pandas compares na_values exactly, so every letter case is listed.
NA_VALUES = sorted(set().union(*(_case_variants(marker) for marker in MISSING_MARKERS)))
_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|[-+]?inf(?:inity)?", re.I)
_INTEGER = re.compile(r"[-+]?\d+")
# float64 holds every whole number below 2**53 exactly; above, neighbours can become equal.
_EXACT_FLOAT_LIMIT = 2.0**53


def _name(cell) -> str:
    if cell is None or (isinstance(cell, float) and np.isnan(cell)):
        return ""
    text = str(cell).strip()
    while len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        text = text[1:-1].strip()
    return text


def clean_names(header) -> list[str]:
    """Unique column names: cells stripped of spaces and quotes, blanks and repeats named."""
    names = [_name(cell) or f"column {i + 1}" for i, cell in enumerate(header)]
    # Numbering avoids every name the header has, so an "x (2)" written in it stays its own.
    taken = set(names)
    seen: set[str] = set()
    for i, name in enumerate(names):
        if name in seen:
            number = 2
            while f"{name} ({number})" in taken:
                number += 1
            names[i] = f"{name} ({number})"
            taken.add(names[i])
        seen.add(name)
    return names


def header_notes(header) -> list[str]:
    """Notes on the header: columns named or numbered, a header that may be a data row."""
    names = clean_names(header)
    written = [_name(cell) for cell in header]
    notes = []
    unnamed = [n for n, cell in zip(names, written) if not cell]
    if unnamed:
        if len(unnamed) == 1:
            note = translate(
                "data.reading", "{count} column with no name in the header was named {names}."
            )
        else:
            note = translate(
                "data.reading", "{count} columns with no name in the header were named {names}."
            )
        notes.append(note.format(count=len(unnamed), names=", ".join(f"'{n}'" for n in unnamed)))
    renamed = [n for n, cell in zip(names, written) if cell and n != cell]
    if renamed:
        notes.append(
            translate("data.reading", "repeated column names were numbered: {names}.").format(
                names=", ".join(f"'{n}'" for n in renamed)
            )
        )
    if all(written) and all(_NUMBER.fullmatch(cell) for cell in written):
        notes.append(
            translate(
                "data.reading",
                "the first line holds only numbers and was taken as the column names; if the "
                "file has no header line, its first row is missing.",
            )
        )
    return notes


def tidy_frame(frame: pd.DataFrame, decimal: str, numbers: bool):
    """Each column as numbers or text, and the columns needing the cells as written."""
    flags: dict[str, list[str]] = {}
    changed = {}
    for column, series in frame.items():
        tidy, flag = _tidy(series, decimal, numbers)
        if tidy is not series:
            changed[column] = tidy
        if flag:
            flags.setdefault(flag, []).append(column)
    if len(changed) > 20:
        # Setting columns one by one costs a pass over all columns each: quadratic when wide.
        frame = pd.DataFrame({c: changed.get(c, s) for c, s in frame.items()})
    else:
        for column, tidy in changed.items():
            frame[column] = tidy
    return frame, flags


def _tidy(column: pd.Series, decimal: str, numbers: bool):
    """``column`` as numbers or text, and None, "big" (numbers beyond 2**53) or "mixed"."""
    if isinstance(column.dtype, pd.CategoricalDtype):
        column = column.astype(object)
    kind = column.dtype.kind
    if kind in "iu":
        return column, None
    if kind == "f":
        return column, ("big" if _has_big(column) else None)
    if kind == "b":
        return _bool_text(column), None
    if kind in "mM":
        return column.astype("str"), None
    inferred = pd.api.types.infer_dtype(column, skipna=True)
    if inferred == "empty":
        return pd.Series(np.nan, index=column.index, name=column.name), None
    if inferred == "string":
        return tidy_text(column, decimal, numbers), None
    if inferred == "boolean":
        return _bool_text(column), None
    if inferred == "integer":  # Python ints too large for 64 bits: exact as text
        return column.astype("str"), None
    return column, "mixed"


def _has_big(column: pd.Series) -> bool:
    values = column.to_numpy(dtype=float, na_value=np.nan)
    with np.errstate(invalid="ignore"):
        return bool(np.any(np.isfinite(values) & (np.abs(values) >= _EXACT_FLOAT_LIMIT)))


def _bool_text(column: pd.Series) -> pd.Series:
    return column.map({True: "True", False: "False"}).astype("str")


def _dot(text, decimal: str):
    return text.replace(",", ".") if decimal == "," else text


def tidy_text(column: pd.Series, decimal: str, numbers: bool) -> pd.Series:
    """Text cells stripped, missing markers made missing, and numbers if all cells are."""
    text = column.astype("str").str.strip()
    text = text.mask(text.isin(NA_VALUES))
    first = text.first_valid_index()
    if first is None:
        return pd.Series(np.nan, index=column.index, name=column.name)
    # A column pandas left as text may still be numbers: a missing marker with spaces around
    # it (" NA "), or decimal marks that changed part way. The first cell decides cheaply.
    if numbers and _NUMBER.fullmatch(_dot(text[first], decimal)):
        try:
            number = pd.to_numeric(
                text.str.replace(",", ".", regex=False) if decimal == "," else text
            )
        except (ValueError, TypeError):
            return text
        if number.dtype.kind in "iu" or (number.dtype.kind == "f" and not _has_big(number)):
            return number
    return text


def merges(numbers: pd.Series, text: pd.Series, decimal: str) -> bool:
    """Whether reading ``text`` as float64 made different values equal."""
    floats = numbers.to_numpy(dtype=float, na_value=np.nan)
    distinct = len(np.unique(floats[~np.isnan(floats)]))
    exact = set()
    for value in pd.unique(text.dropna().to_numpy(dtype=object)):
        try:
            # int and float hash alike when equal: 10**19 and 1e19 are one value.
            exact.add(int(value) if _INTEGER.fullmatch(value) else float(_dot(value, decimal)))
        except ValueError:
            exact.add(value)
    return len(exact) > distinct


def refuse_valueless(frame: pd.DataFrame, header, complete: bool, name: str) -> None:
    """Refuse a table with no value in any cell (a preview only when its header is empty)."""
    if any(series.notna().any() for _, series in frame.items()):
        return
    if not any(_name(cell) for cell in header):
        raise only_delimiters(name)
    if complete:
        raise DataError(
            translate(
                "data.reading",
                "{name} has column names but no values: every cell is empty or missing.",
            ).format(name=name)
        )
