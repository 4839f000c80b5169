"""Excel workbooks (first sheet, by openpyxl) and Parquet files (by pyarrow), when installed."""

from __future__ import annotations

import importlib

import numpy as np
import pandas as pd

from ...errors import Cancelled, DataError
from ...i18n import translate
from .delimited import CHUNK_ROWS
from .files import check_cancel, open_file
from .messages import single_column, too_large_for_memory
from .table import Table, describe
from .tidying import NA_VALUES, clean_names, header_notes, refuse_valueless, tidy_frame, tidy_text

INSTALL_HINT = 'pip install "logreg-gui[files]"'
EXCEL_SUFFIXES = (".xlsx", ".xlsm")
PARQUET_SUFFIXES = (".parquet", ".pq")


def _require(module: str, message: str) -> None:
    try:
        importlib.import_module(module)
    except ImportError:
        raise DataError(message) from None


def read_excel(path, name, nrows, cancel) -> Table:
    """The first sheet of an Excel workbook; a row's line number is its spreadsheet row."""
    _require(
        "openpyxl",
        translate("data.reading", "reading .xlsx files needs the openpyxl package: {hint}").format(
            hint=INSTALL_HINT
        ),
    )
    limit = None if nrows is None else nrows + 1
    # Read without a header: the header is the first row with a value (a sheet may start with
    # empty rows), and each row's index is then its spreadsheet row number minus one.
    options = dict(header=None, keep_default_na=False, na_values=NA_VALUES)
    try:
        with open_file(path, name) as f, pd.ExcelFile(f, engine="openpyxl") as book:
            sheet = book.sheet_names[0]
            count = len(book.sheet_names)
            wanted = None if limit is None else limit + 64
            cells = pd.read_excel(book, sheet_name=sheet, nrows=wanted, **options)
            filled = np.flatnonzero(cells.notna().to_numpy().any(axis=1))
            top = int(filled[0]) if len(filled) else 0
            if wanted is not None and len(cells) == wanted and top + 1 + limit > wanted:
                check_cancel(cancel)
                cells = pd.read_excel(book, sheet_name=sheet, nrows=top + 1 + limit, **options)
    except (Cancelled, DataError):
        raise
    except MemoryError:
        raise too_large_for_memory(name) from None
    except Exception as exc:
        raise DataError(
            translate("data.reading", "{name} could not be read as an Excel workbook.").format(
                name=name
            )
        ) from exc
    check_cancel(cancel)
    if not len(filled):
        raise DataError(
            translate(
                "data.reading", "{name} is empty: its first sheet, '{sheet}', holds no values."
            ).format(name=name, sheet=sheet)
        )
    header = tuple(cells.iloc[top].tolist())
    if len(header) < 2:
        raise single_column(name)
    rows = cells.iloc[top + 1 :] if limit is None else cells.iloc[top + 1 : top + 1 + limit]
    # Cells are typed in a workbook; without the header row each column takes its own type.
    frame = rows.infer_objects().reset_index(drop=True)
    frame.columns = clean_names(header)
    notes = []
    if count > 1:
        notes.append(
            translate("data.reading", "read the first of {count} sheets, '{sheet}'.").format(
                count=count, sheet=sheet
            )
        )
    kind = translate("data.reading", "Excel sheet '{sheet}'").format(sheet=sheet)
    return _typed_table(path, name, frame, header, limit, nrows, notes, kind, top + 2)


def read_parquet(path, name, nrows, cancel) -> Table:
    """A Parquet file in batches; a row's line number is its position plus 2, as under a header."""
    _require(
        "pyarrow",
        translate("data.reading", "reading Parquet files needs the pyarrow package: {hint}").format(
            hint=INSTALL_HINT
        ),
    )
    pa = importlib.import_module("pyarrow")
    parquet = importlib.import_module("pyarrow.parquet")
    limit = None if nrows is None else nrows + 1
    try:
        with open_file(path, name) as f:
            source = parquet.ParquetFile(f)
            batches, count = [], 0
            size = CHUNK_ROWS if limit is None else min(CHUNK_ROWS, limit)
            for batch in source.iter_batches(batch_size=size):
                check_cancel(cancel)
                batches.append(batch)
                count += batch.num_rows
                if limit is not None and count >= limit:
                    break
            table = pa.Table.from_batches(batches, schema=source.schema_arrow)
            if limit is not None:
                table = table.slice(0, limit)
            frame = table.to_pandas()
    except (Cancelled, DataError):
        raise
    except MemoryError:
        raise too_large_for_memory(name) from None
    except Exception as exc:
        raise DataError(
            translate("data.reading", "{name} could not be read as a Parquet file.").format(
                name=name
            )
        ) from exc
    if not isinstance(frame.index, pd.RangeIndex):
        # An index pandas stored with the table: a named one is data, a plain one is not.
        frame = frame.reset_index(drop=all(level is None for level in frame.index.names))
    header = tuple(frame.columns)
    if len(header) < 2:
        raise single_column(name)
    frame.columns = clean_names(header)
    return _typed_table(path, name, frame, header, limit, nrows, [], "Parquet", 2, numbers=False)


def _typed_table(
    path, name, frame, header, limit, nrows, notes, kind, first_line, numbers=True
) -> Table:
    """A Table from a spreadsheet or Parquet frame whose first row is on ``first_line``."""
    if frame.empty:
        raise DataError(
            translate("data.reading", "{name} has a header but no data rows.").format(name=name)
        )
    complete = limit is None or len(frame) < limit
    if not complete:
        frame = frame.iloc[:nrows]
    frame = frame.reset_index(drop=True)
    frame, column_notes = tidy_frame(frame, ".", numbers=numbers)
    for column in column_notes.pop("mixed", []) + column_notes.pop("big", []):
        if frame[column].dtype.kind != "f":
            frame[column] = tidy_text(frame[column].astype("str"), ".", numbers=numbers)
    notes = [*notes, *header_notes(header)]
    refuse_valueless(frame, header, complete, name)
    return Table(
        frame=frame,
        path=path,
        description=describe(name, frame, complete, [kind]),
        notes=tuple(notes),
        line_numbers=np.arange(first_line, first_line + len(frame), dtype=np.int64),
        complete=complete,
    )
