"""How a text file is written, found from its start: line breaks, delimiter, quote character,
decimal mark and header."""

from __future__ import annotations

import codecs
import csv
import io
import re
from dataclasses import dataclass

from ...errors import DataError
from ...i18n import QT_TRANSLATE_NOOP, translate
from .messages import no_data_rows, only_delimiters, single_column, too_many_cells

#: How much of the start of a text file decides its encoding, delimiter, quotes and decimal mark.
SAMPLE_BYTES = 64 * 1024
#: The sample grows up to this when the first 64 KB hold too few whole lines (very wide files).
MAX_SAMPLE_BYTES = 4 * 1024 * 1024
#: Rows looked at to choose the delimiter.
SAMPLE_ROWS = 200

#: The delimiters tried, in order of preference, and how a file using each is described
#: (English, marked for translation: ``translate("data.reading", description)``).
DELIMITERS = (
    (",", QT_TRANSLATE_NOOP("data.reading", "comma-separated")),
    (";", QT_TRANSLATE_NOOP("data.reading", "semicolon-separated")),
    ("\t", QT_TRANSLATE_NOOP("data.reading", "tab-separated")),
    ("|", QT_TRANSLATE_NOOP("data.reading", "pipe-separated")),
    (" ", QT_TRANSLATE_NOOP("data.reading", "whitespace-separated")),  # runs of spaces and tabs
)
LINE_BREAK = re.compile(r"\r\n|\r|\n")
_COMMA_DECIMAL = re.compile(r"[-+]?\d*,\d+(?:[eE][-+]?\d+)?")
_DOT_DECIMAL = re.compile(r"[-+]?(?:\d+\.\d*|\.\d+)(?:[eE][-+]?\d+)?")


@dataclass(frozen=True)
class Format:
    """How a text file is written, as found from its start."""

    encoding: str  # the codec given to pandas
    encoding_label: str  # for people
    offset: int  # bytes to skip before reading: a UTF-8 byte-order mark
    newline: str  # "\n" (also for "\r\n") or "\r"
    delimiter: str  # " " means runs of whitespace
    quotechar: str
    decimal: str
    header: tuple[str, ...]  # the header's cells as written


def sniff(head, whole, encoding, label, offset, name) -> Format:
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
        raise only_delimiters(name)
    if whole and not data:
        raise no_data_rows(name)
    if data and len(data[0][1]) > width:
        # pandas would take the extra cell of the first row for an index column.
        line, cells = data[0]
        raise too_many_cells(name, line, len(cells), width)
    decimal = "."
    if delimiter != ",":
        cells = [cell.strip() for _, row in data for cell in row]
        if any(map(_COMMA_DECIMAL.fullmatch, cells)) and not any(
            map(_DOT_DECIMAL.fullmatch, cells)
        ):
            decimal = ","
    return Format(
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


def records(text: str, delimiter: str, quotechar: str) -> list[tuple[int, list[str]]]:
    """The first rows of ``text`` split by ``delimiter``, with their line numbers."""
    rows = []
    try:
        if delimiter == " ":
            for number, line in enumerate(LINE_BREAK.split(text), start=1):
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
    for priority, (delimiter, _) in enumerate(DELIMITERS):
        rows = records(text, delimiter, quotechar)
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
        raise single_column(name)
    _, delimiter, rows = best
    # Names with spaces over one column of numbers look like two columns to whitespace.
    if delimiter == " " and len(rows) > 1 and all(len(cells) == 1 for _, cells in rows[1:]):
        raise single_column(name)
    return delimiter, rows
