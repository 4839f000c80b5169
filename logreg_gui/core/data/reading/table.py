"""What reading a file gives: the :class:`Table`, and its one-line description."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ...i18n import translate


@dataclass(frozen=True, eq=False)
class Table:
    """A file as read: its rows as a DataFrame, and how it was read.

    Attributes
    ----------
    frame : pandas.DataFrame
        Columns named as in the header (whitespace and surrounding quotes removed, an empty
        name becomes ``"column N"``, repeats become ``"name (2)"``), numbers as int64, uint64
        or float64, text as strings, missing cells as NaN.
    path : str
        The path the file was read from.
    description : str
        One line saying what was read and how, for a person.
    notes : tuple of str
        Plain-words notes about reading (encoding fallback, blank lines skipped, renamed
        columns, ...).
    line_numbers : numpy.ndarray
        int64, the 1-based line of the file each row came from (the header is line 1 when the
        file does not start with blank lines).
    complete : bool
        False when only the first ``nrows`` rows were read (a preview).
    """

    frame: pd.DataFrame
    path: str
    description: str
    notes: tuple[str, ...]
    line_numbers: np.ndarray
    complete: bool


def describe(name: str, frame: pd.DataFrame, complete: bool, details: list[str]) -> str:
    """A :attr:`Table.description`: the file, its rows and columns, then ``details``."""
    rows, columns = frame.shape
    if complete and rows == 1:
        text = translate("data.reading", "{name}: {rows:,} row × {columns} columns, {details}")
    elif complete:
        text = translate("data.reading", "{name}: {rows:,} rows × {columns} columns, {details}")
    elif rows == 1:
        text = translate(
            "data.reading", "{name}: first {rows:,} row × {columns} columns, {details}"
        )
    else:
        text = translate(
            "data.reading", "{name}: first {rows:,} rows × {columns} columns, {details}"
        )
    return text.format(name=name, rows=rows, columns=columns, details=", ".join(details))
