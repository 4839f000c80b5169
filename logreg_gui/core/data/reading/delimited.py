"""A delimited text file's rows read by pandas' C parser in chunks, its failures said in one
sentence."""

from __future__ import annotations

import re

import pandas as pd

from ...errors import Cancelled, DataError
from ...i18n import translate
from .files import check_cancel, open_file, os_error
from .messages import too_large_for_memory, too_many_cells
from .sniffing import Format
from .tidying import NA_VALUES, clean_names

#: Rows pandas reads at a time; ``cancel`` is asked between chunks.
CHUNK_ROWS = 100_000

_TOO_MANY_CELLS = re.compile(r"Expected (\d+) fields in line (\d+), saw (\d+)")


def csv_options(fmt: Format, header, usecols=None, dtype=None) -> dict:
    """What pandas is told to read a text file written as ``fmt`` says."""
    return dict(
        sep=r"\s+" if fmt.delimiter == " " else fmt.delimiter,
        quotechar=fmt.quotechar,
        decimal=fmt.decimal,
        # The header is parsed here (names cleaned and made unique); pandas skips its line.
        header=header,
        names=clean_names(fmt.header),
        index_col=False,
        keep_default_na=False,
        na_values=NA_VALUES,
        skipinitialspace=True,
        skip_blank_lines=True,
        encoding=fmt.encoding,
        engine="c",
        usecols=usecols,
        dtype=dtype,
    )


def read_csv(path, name, fmt: Format, limit, cancel, usecols=None, dtype=None) -> pd.DataFrame:
    """The file's rows by pandas, chunk by chunk; parser failures become one sentence."""
    options = csv_options(fmt, header=0, usecols=usecols, dtype=dtype)
    chunks = []
    try:
        with open_file(path, name) as f:
            f.seek(fmt.offset)
            with pd.read_csv(f, chunksize=CHUNK_ROWS, nrows=limit, **options) as reader:
                for chunk in reader:
                    check_cancel(cancel)
                    chunks.append(chunk)
    except (Cancelled, DataError, UnicodeDecodeError):
        raise
    except MemoryError:
        raise too_large_for_memory(name) from None
    except OSError as exc:
        raise os_error(exc, name) from None
    except pd.errors.ParserError as exc:
        raise _parser_error(exc, name, fmt) from None
    except Exception as exc:
        raise DataError(
            translate("data.reading", "{name} could not be read as a table of values.").format(
                name=name
            )
        ) from exc
    if not chunks:
        return pd.DataFrame(columns=options["names"] if usecols is None else usecols)
    try:
        return chunks[0] if len(chunks) == 1 else pd.concat(chunks, ignore_index=True)
    except MemoryError:
        raise too_large_for_memory(name) from None


def _parser_error(exc: Exception, name: str, fmt: Format) -> DataError:
    message = str(exc)
    found = _TOO_MANY_CELLS.search(message)
    if found:
        expected, line, seen = found.groups()
        return too_many_cells(name, line, seen, expected)
    if "EOF inside string" in message:
        return DataError(
            translate(
                "data.reading", "{name} has a quote mark ({quote}) that is never closed."
            ).format(name=name, quote=fmt.quotechar)
        )
    return DataError(
        translate(
            "data.reading",
            "{name} could not be read as a table: its rows are not separated evenly.",
        ).format(name=name)
    )
