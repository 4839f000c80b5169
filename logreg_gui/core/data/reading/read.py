"""Which reader a file goes to: by its name's suffix, after the checks on the path."""

from __future__ import annotations

import os
from collections.abc import Callable

from ...errors import DataError
from ...i18n import translate
from .files import check_cancel, check_file
from .spreadsheets import EXCEL_SUFFIXES, PARQUET_SUFFIXES, read_excel, read_parquet
from .text_files import read_text


def read_table(path, *, nrows: int | None = None, cancel: Callable[[], bool] | None = None):
    """Read a CSV/TSV/whitespace-separated text file, an Excel .xlsx or a Parquet file.

    Parameters
    ----------
    path : str or os.PathLike
        The file. ``.xlsx``/``.xlsm`` are read as Excel workbooks (first sheet),
        ``.parquet``/``.pq`` as Parquet, anything else as text.
    nrows : int, optional
        Read only the first ``nrows`` data rows (a preview); the rest of the file is not read.
    cancel : callable, optional
        Called between chunks of rows (text and Parquet files; an Excel sheet is read in one
        go, with a call before and after); when it returns True, reading stops and
        :class:`~logreg_gui.core.errors.Cancelled` is raised.

    Returns
    -------
    Table

    Raises
    ------
    DataError
        The file cannot be read as a table, with one plain-words sentence saying why.
    Cancelled
        ``cancel()`` returned True.
    """
    if nrows is not None and (isinstance(nrows, bool) or int(nrows) != nrows or nrows < 1):
        raise ValueError(f"nrows must be a positive whole number or None, not {nrows!r}")
    path = os.fsdecode(os.fspath(path))
    name = os.path.basename(path) or path
    size = check_file(path, name)
    check_cancel(cancel)
    suffix = os.path.splitext(name)[1].lower()
    if suffix in EXCEL_SUFFIXES:
        return read_excel(path, name, nrows, cancel)
    if suffix in PARQUET_SUFFIXES:
        return read_parquet(path, name, nrows, cancel)
    if suffix == ".xls":
        raise DataError(
            translate(
                "data.reading", "{name} is an old-style Excel file (.xls): save it as .xlsx or CSV."
            ).format(name=name)
        )
    return read_text(path, name, size, nrows, cancel)
