"""Reading a data file a person brings into a pandas DataFrame, or refusing it in one sentence.

Text files (CSV, TSV, whitespace-separated) are read by pandas' C parser. What the parser is
told comes from a look at the start of the file (64 KB, more only when that holds too few whole
lines):

* the encoding: UTF-8 with or without a byte-order mark, UTF-16 with a byte-order mark (either
  byte order), and otherwise Latin-1, which is said in the notes. A file that is valid UTF-8 in
  its first 64 KB but not further on is read again, whole, as Latin-1;
* the delimiter: comma, semicolon, tab, pipe or runs of whitespace; the one that splits the
  header into at least two cells and the most rows into as many cells as the header (quoted
  cells may contain delimiters);
* the quote character: double quotes, or single quotes when more cells are wrapped in those;
* the decimal mark: a comma when the delimiter is not a comma and the sample has numbers written
  like ``1,5`` but none like ``1.5``. Thousands separators are not recognised, to keep it
  predictable: ``1.234,5`` and ``1,234.5`` stay text, and in a decimal-comma file ``1,234``
  reads as 1.234.

Missing cells are the empty cell and ``NA``, ``N/A``, ``NaN``, ``?`` and ``null`` in any letter
case, nothing else (``None`` and ``-`` are values). Blank lines are skipped and counted; a line
of delimiters only is a row of missing values, kept so that a later step can report it by its
line. Line numbers count physical lines: a quoted cell spanning several lines shifts the numbers
of the rows after it (the tokenizer knows about such cells, the line count does not).

Columns come out as int64/uint64/float64 numbers or as text; ``True``/``False`` columns become
the text ``"True"``/``"False"``. Whole numbers too large to be exact as float64 stay numbers
(int64 or uint64) when they fit, and become text when reading them as numbers would make two
different values equal.

Whole text files over ``PARALLEL_MIN_BYTES`` are parsed in ranges of whole lines on a few
threads (pandas' own parallel reader cannot be stopped part way); smaller files and previews in
chunks of ``CHUNK_ROWS`` rows. ``cancel`` is asked between chunks, or as ranges finish and at
least every 0.1 s. A preview (``nrows``) reads only as far into the file as its rows go.

Excel ``.xlsx`` (first sheet) and Parquet files are read when openpyxl or pyarrow is installed.
An Excel row's line number is its spreadsheet row; a Parquet row's is its position plus 2, as
if it had been written below a header line.
"""

from __future__ import annotations

import codecs
import csv
import importlib
import io
import itertools
import os
import re
import stat
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..errors import Cancelled, DataError
from ..i18n import QT_TRANSLATE_NOOP, translate

__all__ = ["Table", "read_table"]

#: Larger files are refused before reading: a table that big would not fit in memory anyway.
MAX_FILE_BYTES = 2 * 1024**3
#: How much of the start of a text file decides its encoding, delimiter, quotes and decimal mark.
SAMPLE_BYTES = 64 * 1024
#: The sample grows up to this when the first 64 KB hold too few whole lines (very wide files).
MAX_SAMPLE_BYTES = 4 * 1024 * 1024
#: Rows looked at to choose the delimiter.
SAMPLE_ROWS = 200
#: Rows pandas reads at a time; ``cancel`` is asked between chunks.
CHUNK_ROWS = 100_000
#: Bytes read at a time when counting blank lines.
SCAN_BYTES = 8 * 1024 * 1024
#: Whole text files larger than this are parsed in ranges of whole lines on threads.
PARALLEL_MIN_BYTES = 4 * 1024 * 1024
#: The largest range; smaller files are cut in about eight.
SEGMENT_BYTES = 16 * 1024 * 1024
#: At most this many threads parse a file (pandas' own parallel reader stops at 6 too).
MAX_THREADS = 6

#: Cells that mean "no value", compared in any letter case.
MISSING_MARKERS = ("", "NA", "N/A", "NaN", "?", "null")
INSTALL_HINT = 'pip install "logreg-gui[files]"'
EXCEL_SUFFIXES = (".xlsx", ".xlsm")
PARQUET_SUFFIXES = (".parquet", ".pq")


def _case_variants(word: str) -> set[str]:
    return {"".join(chars) for chars in itertools.product(*({c.lower(), c.upper()} for c in word))}


# pandas compares na_values exactly, so every letter case is listed.
_NA_VALUES = sorted(set().union(*(_case_variants(marker) for marker in MISSING_MARKERS)))
#: The delimiters tried, in order of preference, and how a file using each is described
#: (English, marked for translation: ``translate("data.reading", description)``).
_DELIMITERS = (
    (",", QT_TRANSLATE_NOOP("data.reading", "comma-separated")),
    (";", QT_TRANSLATE_NOOP("data.reading", "semicolon-separated")),
    ("\t", QT_TRANSLATE_NOOP("data.reading", "tab-separated")),
    ("|", QT_TRANSLATE_NOOP("data.reading", "pipe-separated")),
    (" ", QT_TRANSLATE_NOOP("data.reading", "whitespace-separated")),  # runs of spaces and tabs
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_COMMA_DECIMAL = re.compile(r"[-+]?\d*,\d+(?:[eE][-+]?\d+)?")
_DOT_DECIMAL = re.compile(r"[-+]?(?:\d+\.\d*|\.\d+)(?:[eE][-+]?\d+)?")
_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|[-+]?inf(?:inity)?", re.I)
_INTEGER = re.compile(r"[-+]?\d+")
_TOO_MANY_CELLS = re.compile(r"Expected (\d+) fields in line (\d+), saw (\d+)")
# float64 holds every whole number below 2**53 exactly; above, neighbours can become equal.
_EXACT_FLOAT_LIMIT = 2.0**53


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


@dataclass(frozen=True)
class _Format:
    """How a text file is written, as found from its start."""

    encoding: str  # the codec given to pandas
    encoding_label: str  # for people
    offset: int  # bytes to skip before reading: a UTF-8 byte-order mark
    newline: str  # "\n" (also for "\r\n") or "\r"
    delimiter: str  # " " means runs of whitespace
    quotechar: str
    decimal: str
    header: tuple[str, ...]  # the header's cells as written


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
    size = _check_file(path, name)
    _check(cancel)
    suffix = os.path.splitext(name)[1].lower()
    if suffix in EXCEL_SUFFIXES:
        return _read_excel(path, name, nrows, cancel)
    if suffix in PARQUET_SUFFIXES:
        return _read_parquet(path, name, nrows, cancel)
    if suffix == ".xls":
        raise DataError(
            translate(
                "data.reading", "{name} is an old-style Excel file (.xls): save it as .xlsx or CSV."
            ).format(name=name)
        )
    return _read_text(path, name, size, nrows, cancel)


def _check(cancel) -> None:
    if cancel is not None and cancel():
        raise Cancelled(translate("data.reading", "reading the file was cancelled."))


def _os_error(exc: OSError, name: str) -> DataError:
    if isinstance(exc, (FileNotFoundError, NotADirectoryError)):
        return _no_file(name)
    if isinstance(exc, PermissionError):
        return DataError(
            translate(
                "data.reading", "{name} cannot be read: permission to read it is denied."
            ).format(name=name)
        )
    if isinstance(exc, IsADirectoryError):
        return _folder(name)
    if exc.strerror:
        reason = exc.strerror.rstrip(".").lower()
    else:
        reason = translate("data.reading", "the system refused")
    return DataError(
        translate("data.reading", "{name} cannot be read: {reason}.").format(
            name=name, reason=reason
        )
    )


def _check_file(path: str, name: str) -> int:
    """The file's size, after refusing what is not a readable regular file of a sane size."""
    # stat, not open: opening a FIFO for reading blocks until a writer appears, and a device
    # such as /dev/zero never ends.
    try:
        info = os.stat(path)
    except OSError as exc:
        raise _os_error(exc, name) from None
    except ValueError:  # a path with a NUL character in it
        raise _no_file(name) from None
    if stat.S_ISDIR(info.st_mode):
        raise _folder(name)
    if not stat.S_ISREG(info.st_mode):
        raise _not_ordinary(name)
    if info.st_size > MAX_FILE_BYTES:
        raise DataError(
            translate(
                "data.reading", "{name} is too large to read ({size}; the limit is {limit})."
            ).format(name=name, size=_size(info.st_size), limit=_size(MAX_FILE_BYTES))
        )
    if info.st_size == 0:
        raise DataError(translate("data.reading", "{name} is empty.").format(name=name))
    return info.st_size


def _size(size: int) -> str:
    for unit, scale in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if size >= scale:
            return f"{size / scale:.3g} {unit}"
    return translate("data.reading", "{size} bytes").format(size=size)


def _open(path: str, name: str):
    """The file opened for reading in binary, still known to be a regular file."""
    # O_NONBLOCK: should the path have been swapped for a FIFO since the stat, opening it does
    # not wait for a writer; it has no effect on regular files.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise _os_error(exc, name) from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise _not_ordinary(name)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


# --- text files -------------------------------------------------------------------------------


def _read_text(path, name, size, nrows, cancel) -> Table:
    with _open(path, name) as f:
        try:
            head = f.read(SAMPLE_BYTES)
            if head.startswith(b"PAR1"):
                return _read_parquet(path, name, nrows, cancel)
            if head.startswith(b"PK\x03\x04") and b"xl/" in head:
                return _read_excel(path, name, nrows, cancel)
            encoding, label, offset = _encoding(head)
            text, encoding, label = _decode(head[offset:], len(head) >= size, encoding, label, name)
            _refuse_binary(text, name)
            if not text.strip() and len(head) >= size:
                raise DataError(
                    translate("data.reading", "{name} is empty: it holds only blank lines.").format(
                        name=name
                    )
                )
            if len(_LINE_BREAK.findall(text)) < 20 and len(head) < size:
                # Very wide files: the sample needs whole lines to see the delimiter.
                head += f.read(MAX_SAMPLE_BYTES - len(head))
        except OSError as exc:
            raise _os_error(exc, name) from None
    whole = len(head) >= size
    notes = []
    if encoding == "latin-1":
        notes.append(translate("data.reading", "read as Latin-1: the file is not valid UTF-8."))
    fmt = _sniff(head, whole, encoding, label, offset, name)
    limit = None if nrows is None else nrows + 1  # one more row tells whether the file has more

    def rows(fmt):
        if limit is None and fmt.encoding != "utf-16" and size > PARALLEL_MIN_BYTES:
            segmented = _read_segments(path, name, fmt, size, cancel)
            if segmented is not None:
                return segmented
        return _read_csv(path, name, fmt, limit, cancel), None

    try:
        frame, blanks = rows(fmt)
    except UnicodeDecodeError:
        if fmt.encoding != "utf-8":
            raise _not_valid_text(name, fmt.encoding_label) from None
        # Valid UTF-8 in its first 64 KB but not further on: Latin-1 reads any byte.
        notes.insert(0, translate("data.reading", "read as Latin-1: the file is not valid UTF-8."))
        fmt = _sniff(head, whole, "latin-1", "Latin-1", offset, name)
        try:
            frame, blanks = rows(fmt)
        except UnicodeDecodeError:  # Latin-1 decodes every byte; only a failing parser gets here
            raise DataError(
                translate(
                    "data.reading", "{name} is not a text file in an encoding this program reads."
                ).format(name=name)
            ) from None
    if frame.empty:
        raise _no_data_rows(name)
    complete = limit is None or len(frame) < limit
    if not complete:
        frame = frame.iloc[:nrows]

    if blanks is None:
        blanks = _blank_lines(path, name, fmt, None if complete else len(frame) + 1, cancel)
    line_numbers = _line_numbers(blanks, len(frame))
    skipped = len(blanks) if complete else int(np.count_nonzero(blanks < line_numbers[-1]))
    if skipped:
        if skipped == 1:
            note = translate("data.reading", "{count} blank line skipped.")
        else:
            note = translate("data.reading", "{count} blank lines skipped.")
        notes.append(note.format(count=skipped))

    frame, column_notes = _tidy_frame(frame, fmt.decimal, numbers=True)
    frame = _exact_text_columns(path, name, fmt, limit, cancel, frame, column_notes)
    notes.extend(_header_notes(fmt.header))
    notes.extend(column_notes.pop("", []))
    _refuse_valueless(frame, fmt.header, complete, name)

    details = [translate("data.reading", dict(_DELIMITERS)[fmt.delimiter])]
    if fmt.decimal == ",":
        details.append(translate("data.reading", "decimal comma"))
    details.append(fmt.encoding_label)
    return Table(
        frame=frame,
        path=path,
        description=_description(name, frame, complete, details),
        notes=tuple(notes),
        line_numbers=line_numbers,
        complete=complete,
    )


def _encoding(head: bytes) -> tuple[str, str, int]:
    """Codec, label and byte-order-mark length from the first bytes."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8", "UTF-8", len(codecs.BOM_UTF8)
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # The "utf-16" codec reads the mark, picks the byte order and drops it.
        return "utf-16", "UTF-16", 0
    return "utf-8", "UTF-8", 0


def _decode(raw: bytes, whole: bool, encoding: str, label: str, name: str):
    """The text of ``raw``, and the encoding that decodes it (Latin-1 when UTF-8 does not)."""
    # Incremental: the sample may end in the middle of a character.
    try:
        return codecs.getincrementaldecoder(encoding)().decode(raw, final=whole), encoding, label
    except UnicodeDecodeError:
        if encoding != "utf-8":
            raise _not_valid_text(name, label) from None
    return raw.decode("latin-1"), "latin-1", "Latin-1"


def _refuse_binary(text: str, name: str) -> None:
    # Text never holds NUL; a few stray control characters are tolerated, many are not text.
    if "\x00" in text or len(_CONTROL.findall(text)) > max(8, len(text) // 100):
        raise DataError(
            translate("data.reading", "{name} does not look like a text data file.").format(
                name=name
            )
        )


def _sniff(head, whole, encoding, label, offset, name) -> _Format:
    """Delimiter, quotes, decimal mark and header of a text file, from its first bytes."""
    text = codecs.getincrementaldecoder(encoding)(errors="replace").decode(
        head[offset:], final=whole
    )
    newline = "\r" if "\r" in text and "\n" not in text else "\n"
    if not whole:
        end = max(text.rfind("\n"), text.rfind("\r"))
        if end < 0:
            raise DataError(
                translate(
                    "data.reading",
                    "{name} does not look like a table: its first line is longer than {mb} MB.",
                ).format(name=name, mb=MAX_SAMPLE_BYTES // 1024**2)
            )
        text = text[: end + 1]  # the last line may be cut short
    if not text.strip():
        raise DataError(
            translate(
                "data.reading",
                "{name} does not look like a text data file: it starts with blank space.",
            ).format(name=name)
        )
    quotechar = _quote_char(text)
    delimiter, rows = _delimiter(text, quotechar, name)
    width = len(rows[0][1])
    data = rows[1:]
    if whole and all(not cell.strip() for _, cells in rows for cell in cells):
        raise _only_delimiters(name)
    if whole and not data:
        raise _no_data_rows(name)
    if data and len(data[0][1]) > width:
        # pandas would take the extra cell of the first row for an index column.
        line, cells = data[0]
        raise _too_many_cells(name, line, len(cells), width)
    decimal = "."
    if delimiter != ",":
        cells = [cell.strip() for _, row in data for cell in row]
        if any(map(_COMMA_DECIMAL.fullmatch, cells)) and not any(
            map(_DOT_DECIMAL.fullmatch, cells)
        ):
            decimal = ","
    return _Format(
        encoding=encoding,
        encoding_label=label,
        offset=offset,
        newline=newline,
        delimiter=delimiter,
        quotechar=quotechar,
        decimal=decimal,
        header=tuple(rows[0][1]),
    )


def _quote_char(text: str) -> str:
    """``'`` when more cells are wrapped in single quotes than in double quotes, else ``"``."""
    counts = {}
    for quote in "\"'":
        # A quoted cell starts a line or follows a delimiter, and ends one or precedes one.
        pattern = rf"(?:\A|(?<=[,;\t| \r\n])){quote}[^{quote}\r\n]*{quote}(?=[,;\t| \r\n]|\Z)"
        counts[quote] = len(re.findall(pattern, text))
    return "'" if counts["'"] > counts['"'] else '"'


def _records(text: str, delimiter: str, quotechar: str) -> list[tuple[int, list[str]]]:
    """The first rows of ``text`` split by ``delimiter``, with their line numbers."""
    rows = []
    try:
        if delimiter == " ":
            for number, line in enumerate(_LINE_BREAK.split(text), start=1):
                if line.strip():
                    reader = csv.reader(
                        [line.strip().replace("\t", " ")],
                        delimiter=" ",
                        quotechar=quotechar,
                        skipinitialspace=True,
                    )
                    rows.append((number, next(reader)))
                    if len(rows) >= SAMPLE_ROWS:
                        break
        else:
            reader = csv.reader(
                io.StringIO(text, newline=""),
                delimiter=delimiter,
                quotechar=quotechar,
                skipinitialspace=True,
            )
            for cells in reader:
                if len(cells) > 1 or "".join(cells).strip():  # blank lines are skipped
                    rows.append((reader.line_num, cells))
                    if len(rows) >= SAMPLE_ROWS:
                        break
    except csv.Error:
        pass  # e.g. a cell beyond the csv module's size limit: judge by the rows before it
    return rows


def _delimiter(text: str, quotechar: str, name: str):
    """The delimiter that splits the header into 2+ cells and the most rows like the header."""
    best = None
    for priority, (delimiter, _) in enumerate(_DELIMITERS):
        rows = _records(text, delimiter, quotechar)
        if not rows or len(rows[0][1]) < 2:
            continue
        width = len(rows[0][1])
        data = rows[1:]
        fit = sum(len(cells) == width for _, cells in data) / len(data) if data else 1.0
        # Above 90% a few broken rows should not let a rarer delimiter win; they are reported.
        score = (min(fit, 0.9), -priority)
        if best is None or score > best[0]:
            best = (score, delimiter, rows)
    if best is None:
        raise _single_column(name)
    _, delimiter, rows = best
    # Names with spaces over one column of numbers look like two columns to whitespace.
    if delimiter == " " and len(rows) > 1 and all(len(cells) == 1 for _, cells in rows[1:]):
        raise _single_column(name)
    return delimiter, rows


def _options(fmt: _Format, header, usecols=None, dtype=None) -> dict:
    """What pandas is told to read a text file written as ``fmt`` says."""
    return dict(
        sep=r"\s+" if fmt.delimiter == " " else fmt.delimiter,
        quotechar=fmt.quotechar,
        decimal=fmt.decimal,
        # The header is parsed here (names cleaned and made unique); pandas skips its line.
        header=header,
        names=_clean_names(fmt.header),
        index_col=False,
        keep_default_na=False,
        na_values=_NA_VALUES,
        skipinitialspace=True,
        skip_blank_lines=True,
        encoding=fmt.encoding,
        engine="c",
        usecols=usecols,
        dtype=dtype,
    )


def _read_csv(path, name, fmt: _Format, limit, cancel, usecols=None, dtype=None) -> pd.DataFrame:
    """The file's rows by pandas, chunk by chunk; parser failures become one sentence."""
    options = _options(fmt, header=0, usecols=usecols, dtype=dtype)
    chunks = []
    try:
        with _open(path, name) as f:
            f.seek(fmt.offset)
            with pd.read_csv(f, chunksize=CHUNK_ROWS, nrows=limit, **options) as reader:
                for chunk in reader:
                    _check(cancel)
                    chunks.append(chunk)
    except (Cancelled, DataError, UnicodeDecodeError):
        raise
    except MemoryError:
        raise _too_large_for_memory(name) from None
    except OSError as exc:
        raise _os_error(exc, name) from None
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
        raise _too_large_for_memory(name) from None


def _parser_error(exc: Exception, name: str, fmt: _Format) -> DataError:
    message = str(exc)
    found = _TOO_MANY_CELLS.search(message)
    if found:
        expected, line, seen = found.groups()
        return _too_many_cells(name, line, seen, expected)
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


def _read_segments(path, name, fmt: _Format, size: int, cancel):
    """The whole file parsed in byte ranges on several threads, and its blank lines.

    pandas parses one chunk at a time on one thread, or a whole file on several but without a
    way to stop it; byte ranges cut at line breaks give both. None when a range fails: a
    quoted cell spanning a range's end leaves that range inside an open quote, and the serial
    reader then reads the file and words any error with the right line number.
    """
    bounds = _segment_bounds(path, name, fmt, size)
    if len(bounds) < 3:
        return None
    workers = max(1, min(_cpus(), len(bounds) - 1, MAX_THREADS))
    pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="read_table")
    futures = [
        pool.submit(_read_segment, path, name, fmt, start, end, start == bounds[0], end == size)
        for start, end in itertools.pairwise(bounds)
    ]
    try:
        pending = set(futures)
        while pending:
            # Asked at each range done, and every 0.1 s while the ranges take longer.
            done, pending = wait(pending, timeout=0.1, return_when=FIRST_COMPLETED)
            _check(cancel)
            if any(future.exception() is not None for future in done):
                return None
        results = [future.result() for future in futures]
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    frames, blanks, first_line = [], [], 1
    for frame, breaks, blank in results:
        frames.append(frame)
        blanks.append(first_line + blank)
        first_line += breaks
    del results
    try:
        frame = pd.concat(frames, ignore_index=True)
    except MemoryError:
        raise _too_large_for_memory(name) from None
    return frame, np.concatenate(blanks)


def _cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _segment_bounds(path, name, fmt: _Format, size: int) -> list[int]:
    """Byte offsets a range apart, each just after a line break, from the start to the end."""
    newline = fmt.newline.encode()
    step = max(1, min(SEGMENT_BYTES, size // 8))
    bounds = [fmt.offset]
    try:
        with _open(path, name) as f:
            position = fmt.offset + step
            while position < size:
                f.seek(position)
                window = f.read(SAMPLE_BYTES)
                while window and newline not in window:
                    position += len(window)
                    window = f.read(SAMPLE_BYTES)
                if not window:
                    break
                bound = position + window.index(newline) + 1
                if bound >= size:
                    break
                bounds.append(bound)
                position = bound + step
    except OSError as exc:
        raise _os_error(exc, name) from None
    bounds.append(size)
    return bounds


def _read_segment(path, name, fmt: _Format, start: int, end: int, first: bool, last: bool):
    """Rows of bytes ``start:end`` (whole lines), their line breaks and blank lines."""
    with _open(path, name) as f:
        f.seek(start)
        data = f.read(end - start)
    breaks, blanks = _scan(data, fmt.newline, last)
    options = _options(fmt, header=0 if first else None)  # only the first range has the header
    if not first and _first_row_width(data, fmt) > len(options["names"]):
        # pandas drops the extra cells of a first row without a word (with index_col=False);
        # the serial reader, reading on, reports the line instead.
        raise ValueError("a row with more cells than the header starts this range")
    frame = pd.read_csv(io.BytesIO(data), **options)
    return frame, breaks, blanks


def _first_row_width(data: bytes, fmt: _Format) -> int:
    mark = fmt.newline.encode()
    start = 0
    while start < len(data):
        end = data.find(mark, start)
        end = len(data) if end < 0 else end
        line = data[start:end].decode(fmt.encoding, errors="replace")
        if line.strip():
            rows = _records(line, fmt.delimiter, fmt.quotechar)
            return len(rows[0][1]) if rows else 0
        start = end + 1
    return 0


def _scan(data: bytes, newline: str, last: bool) -> tuple[int, np.ndarray]:
    """Line breaks in ``data`` (whole lines), and its blank lines counted from 0."""
    # numpy, not a regular expression: it does not hold the GIL, so the other threads parse.
    raw = np.frombuffer(data, dtype=np.uint8)
    ends = np.flatnonzero(raw == ord(newline))
    starts = np.concatenate(([0], ends + 1))[:-1]  # of the lines that end in a break
    blank = ends == starts
    spaces = np.array([ord(c) for c in " \t\r" if c != newline], dtype=np.uint8)
    # A line starting with a space may hold nothing else.
    maybe = np.flatnonzero(~blank & np.isin(raw[np.minimum(starts, len(raw) - 1)], spaces))
    if len(maybe):
        filled = (~np.isin(raw, spaces)).view(np.uint8)
        bounds = np.empty(2 * len(maybe), dtype=np.intp)
        bounds[0::2], bounds[1::2] = starts[maybe], ends[maybe]
        blank[maybe[np.add.reduceat(filled, bounds, dtype=np.int64)[0::2] == 0]] = True
    blanks = np.flatnonzero(blank)
    tail = data[ends[-1] + 1 if len(ends) else 0 :]
    if last and tail and not tail.strip(b" \t\r\n"):
        blanks = np.append(blanks, len(ends))  # a last line of spaces with no line break
    return len(ends), blanks.astype(np.int64)


def _blank_lines(path, name, fmt: _Format, needed, cancel) -> np.ndarray:
    """Line numbers of the blank lines, up to the line holding the ``needed``-th non-blank one.

    Lines are separated by ``\\n``, ``\\r\\n`` or (in files with no ``\\n``) ``\\r``; a line of
    spaces and tabs is blank, as it is to pandas.
    """
    utf16 = fmt.encoding == "utf-16"
    newline = fmt.newline if utf16 else fmt.newline.encode()
    other = "[ \t]*" if fmt.newline == "\r" else "[ \t\r]*"
    pattern = re.escape(fmt.newline) + other + f"(?={re.escape(fmt.newline)})"
    blank = re.compile(pattern if utf16 else pattern.encode())
    whitespace = " \t\r\n" if utf16 else b" \t\r\n"
    # A line break is put in front of the file so that every line, the first one too, follows
    # one: the k-th break (the first is number 0) starts line k + 1.
    buffer = newline
    base = 0  # number of the break at buffer[0]
    blanks: list[int] = []
    block = SCAN_BYTES if needed is None else SAMPLE_BYTES
    try:
        with _open(path, name) as raw:
            raw.seek(fmt.offset)
            source = io.TextIOWrapper(raw, encoding=fmt.encoding, newline="") if utf16 else raw
            while True:
                _check(cancel)
                data = source.read(block)
                if not data:
                    if buffer[1:] and not buffer[1:].strip(whitespace):
                        blanks.append(base + 1)  # a last line of spaces, with no line break
                    break
                buffer += data
                end = buffer.rfind(newline)
                position, breaks = 0, base
                # Matches need the next break, so only those before the last break are sure.
                for match in blank.finditer(buffer, 0, end + 1):
                    breaks += buffer.count(newline, position, match.start())
                    position = match.start()
                    blanks.append(breaks + 1)
                base += buffer.count(newline, 0, end)
                buffer = buffer[end:]
                if needed is not None and base - len(blanks) >= needed:
                    break
                block = min(block * 2, SCAN_BYTES)
    except OSError as exc:
        raise _os_error(exc, name) from None
    except UnicodeDecodeError:
        raise _not_valid_text(name, fmt.encoding_label) from None
    return np.asarray(blanks, dtype=np.int64)


def _line_numbers(blanks: np.ndarray, n: int) -> np.ndarray:
    """The lines of the first ``n`` rows: the non-blank lines after the first non-blank one."""
    header = 1
    for line in blanks:
        if line != header:
            break
        header += 1
    after = blanks[blanks > header]
    lines = np.arange(header + 1, header + 1 + n + len(after), dtype=np.int64)
    if len(after):
        lines = lines[~np.isin(lines, after)]
    return lines[:n]


def _exact_text_columns(path, name, fmt, limit, cancel, frame, column_notes) -> pd.DataFrame:
    """Columns whose typing needs the cells as written, read again as text.

    A column is text in one chunk and numbers in another ("mixed"), or has numbers beyond
    2**53, where float64 may have made different whole numbers (say two 20-digit labels) equal
    ("big"). Both are rare, so the second pass over the file is too.
    """
    flagged = column_notes.pop("mixed", []) + column_notes.pop("big", [])
    if not flagged:
        return frame
    try:
        texts = _read_csv(path, name, fmt, limit, cancel, usecols=flagged, dtype=str)
    except UnicodeDecodeError:  # the same bytes were read once already
        raise _not_valid_text(name, fmt.encoding_label) from None
    texts = texts.iloc[: len(frame)]
    notes = column_notes.setdefault("", [])
    for column in flagged:
        text = _text(texts[column], fmt.decimal, numbers=False)
        if frame[column].dtype.kind != "f":  # mixed
            frame[column] = _text(texts[column], fmt.decimal, numbers=True)
        elif _merges(frame[column], text, fmt.decimal):
            frame[column] = text
            notes.append(
                translate(
                    "data.reading",
                    "column '{column}' holds whole numbers too large to keep apart as numbers; it "
                    "was read as text.",
                ).format(column=column)
            )
    return frame


def _merges(numbers: pd.Series, text: pd.Series, decimal: str) -> bool:
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


# --- Excel and Parquet ------------------------------------------------------------------------


def _require(module: str, message: str) -> None:
    try:
        importlib.import_module(module)
    except ImportError:
        raise DataError(message) from None


def _read_excel(path, name, nrows, cancel) -> Table:
    _require(
        "openpyxl",
        translate("data.reading", "reading .xlsx files needs the openpyxl package: {hint}").format(
            hint=INSTALL_HINT
        ),
    )
    limit = None if nrows is None else nrows + 1
    # Read without a header: the header is the first row with a value (a sheet may start with
    # empty rows), and each row's index is then its spreadsheet row number minus one.
    options = dict(header=None, keep_default_na=False, na_values=_NA_VALUES)
    try:
        with _open(path, name) as f, pd.ExcelFile(f, engine="openpyxl") as book:
            sheet = book.sheet_names[0]
            count = len(book.sheet_names)
            wanted = None if limit is None else limit + 64
            cells = pd.read_excel(book, sheet_name=sheet, nrows=wanted, **options)
            filled = np.flatnonzero(cells.notna().to_numpy().any(axis=1))
            top = int(filled[0]) if len(filled) else 0
            if wanted is not None and len(cells) == wanted and top + 1 + limit > wanted:
                _check(cancel)
                cells = pd.read_excel(book, sheet_name=sheet, nrows=top + 1 + limit, **options)
    except (Cancelled, DataError):
        raise
    except MemoryError:
        raise _too_large_for_memory(name) from None
    except Exception as exc:
        raise DataError(
            translate("data.reading", "{name} could not be read as an Excel workbook.").format(
                name=name
            )
        ) from exc
    _check(cancel)
    if not len(filled):
        raise DataError(
            translate(
                "data.reading", "{name} is empty: its first sheet, '{sheet}', holds no values."
            ).format(name=name, sheet=sheet)
        )
    header = tuple(cells.iloc[top].tolist())
    if len(header) < 2:
        raise _single_column(name)
    rows = cells.iloc[top + 1 :] if limit is None else cells.iloc[top + 1 : top + 1 + limit]
    # Cells are typed in a workbook; without the header row each column takes its own type.
    frame = rows.infer_objects().reset_index(drop=True)
    frame.columns = _clean_names(header)
    notes = []
    if count > 1:
        notes.append(
            translate("data.reading", "read the first of {count} sheets, '{sheet}'.").format(
                count=count, sheet=sheet
            )
        )
    kind = translate("data.reading", "Excel sheet '{sheet}'").format(sheet=sheet)
    return _typed_table(path, name, frame, header, limit, nrows, notes, kind, top + 2)


def _read_parquet(path, name, nrows, cancel) -> Table:
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
        with _open(path, name) as f:
            source = parquet.ParquetFile(f)
            batches, count = [], 0
            size = CHUNK_ROWS if limit is None else min(CHUNK_ROWS, limit)
            for batch in source.iter_batches(batch_size=size):
                _check(cancel)
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
        raise _too_large_for_memory(name) from None
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
        raise _single_column(name)
    frame.columns = _clean_names(header)
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
    frame, column_notes = _tidy_frame(frame, ".", numbers=numbers)
    for column in column_notes.pop("mixed", []) + column_notes.pop("big", []):
        if frame[column].dtype.kind != "f":
            frame[column] = _text(frame[column].astype("str"), ".", numbers=numbers)
    notes = [*notes, *_header_notes(header)]
    _refuse_valueless(frame, header, complete, name)
    return Table(
        frame=frame,
        path=path,
        description=_description(name, frame, complete, [kind]),
        notes=tuple(notes),
        line_numbers=np.arange(first_line, first_line + len(frame), dtype=np.int64),
        complete=complete,
    )


# --- columns ----------------------------------------------------------------------------------


def _name(cell) -> str:
    if cell is None or (isinstance(cell, float) and np.isnan(cell)):
        return ""
    text = str(cell).strip()
    while len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        text = text[1:-1].strip()
    return text


def _clean_names(header) -> list[str]:
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


def _header_notes(header) -> list[str]:
    names = _clean_names(header)
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


def _tidy_frame(frame: pd.DataFrame, decimal: str, numbers: bool):
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
        return _text(column, decimal, numbers), None
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


def _text(column: pd.Series, decimal: str, numbers: bool) -> pd.Series:
    """Text cells stripped, missing markers made missing, and numbers if all cells are."""
    text = column.astype("str").str.strip()
    text = text.mask(text.isin(_NA_VALUES))
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


def _refuse_valueless(frame: pd.DataFrame, header, complete: bool, name: str) -> None:
    if any(series.notna().any() for _, series in frame.items()):
        return
    if not any(_name(cell) for cell in header):
        raise _only_delimiters(name)
    if complete:
        raise DataError(
            translate(
                "data.reading",
                "{name} has column names but no values: every cell is empty or missing.",
            ).format(name=name)
        )


def _description(name: str, frame: pd.DataFrame, complete: bool, details: list[str]) -> str:
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


# --- messages said in several places -----------------------------------------------------------


def _no_file(name: str) -> DataError:
    return DataError(translate("data.reading", "the file {name} does not exist.").format(name=name))


def _folder(name: str) -> DataError:
    return DataError(
        translate("data.reading", "{name} is a folder, not a data file.").format(name=name)
    )


def _not_ordinary(name: str) -> DataError:
    return DataError(
        translate(
            "data.reading", "{name} is not an ordinary file (it is a device, pipe or socket)."
        ).format(name=name)
    )


def _not_valid_text(name: str, encoding: str) -> DataError:
    return DataError(
        translate("data.reading", "{name} is not valid {encoding} text.").format(
            name=name, encoding=encoding
        )
    )


def _no_data_rows(name: str) -> DataError:
    return DataError(
        translate("data.reading", "{name} has a header line but no data rows.").format(name=name)
    )


def _only_delimiters(name: str) -> DataError:
    return DataError(
        translate("data.reading", "{name} holds only delimiters, no values.").format(name=name)
    )


def _single_column(name: str) -> DataError:
    return DataError(
        translate(
            "data.reading",
            "{name} has a single column: a data file needs at least two (features and a target).",
        ).format(name=name)
    )


def _too_many_cells(name: str, line, cells, width) -> DataError:
    return DataError(
        translate(
            "data.reading", "in {name}, line {line} has {cells} cells but the header has {width}."
        ).format(name=name, line=line, cells=cells, width=width)
    )


def _too_large_for_memory(name: str) -> DataError:
    return DataError(
        translate(
            "data.reading", "{name} is too large to read into this computer's memory."
        ).format(name=name)
    )
