"""A text file read whole or as a preview: its start looked at, its rows parsed, their line
numbers found, the columns tidied and described."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ...errors import DataError
from ...i18n import translate
from .delimited import read_csv
from .encoding import decode, detect_encoding, refuse_binary
from .files import open_file, os_error
from .line_numbers import blank_lines, row_lines
from .messages import no_data_rows, not_valid_text
from .segments import read_segments
from .sniffing import DELIMITERS, LINE_BREAK, MAX_SAMPLE_BYTES, SAMPLE_BYTES, sniff
from .spreadsheets import read_excel, read_parquet
from .table import Table, describe
from .tidying import header_notes, merges, refuse_valueless, tidy_frame, tidy_text


def read_text(path, name, size, nrows, cancel) -> Table:
    """A delimited text file (or a Parquet or Excel file by its first bytes) as a Table."""
    with open_file(path, name) as f:
        try:
            head = f.read(SAMPLE_BYTES)
            if head.startswith(b"PAR1"):
                return read_parquet(path, name, nrows, cancel)
            if head.startswith(b"PK\x03\x04") and b"xl/" in head:
                return read_excel(path, name, nrows, cancel)
            encoding, label, offset = detect_encoding(head)
            text, encoding, label = decode(head[offset:], len(head) >= size, encoding, label, name)
            refuse_binary(text, name)
            if not text.strip() and len(head) >= size:
                raise DataError(
                    translate("data.reading", "{name} is empty: it holds only blank lines.").format(
                        name=name
                    )
                )
            if len(LINE_BREAK.findall(text)) < 20 and len(head) < size:
                # Very wide files: the sample needs whole lines to see the delimiter.
                head += f.read(MAX_SAMPLE_BYTES - len(head))
        except OSError as exc:
            raise os_error(exc, name) from None
    whole = len(head) >= size
    notes = []
    if encoding == "latin-1":
        notes.append(translate("data.reading", "read as Latin-1: the file is not valid UTF-8."))
    fmt = sniff(head, whole, encoding, label, offset, name)
    limit = None if nrows is None else nrows + 1  # one more row tells whether the file has more

    def rows(fmt):
        if limit is None:
            segmented = read_segments(path, name, fmt, size, cancel)
            if segmented is not None:
                return segmented
        return read_csv(path, name, fmt, limit, cancel), None

    try:
        frame, blanks = rows(fmt)
    except UnicodeDecodeError:
        if fmt.encoding != "utf-8":
            raise not_valid_text(name, fmt.encoding_label) from None
        # Valid UTF-8 in its first 64 KB but not further on: Latin-1 reads any byte.
        notes.insert(0, translate("data.reading", "read as Latin-1: the file is not valid UTF-8."))
        fmt = sniff(head, whole, "latin-1", "Latin-1", offset, name)
        try:
            frame, blanks = rows(fmt)
        except UnicodeDecodeError:  # Latin-1 decodes every byte; only a failing parser gets here
            raise DataError(
                translate(
                    "data.reading", "{name} is not a text file in an encoding this program reads."
                ).format(name=name)
            ) from None
    if frame.empty:
        raise no_data_rows(name)
    complete = limit is None or len(frame) < limit
    if not complete:
        frame = frame.iloc[:nrows]

    if blanks is None:
        blanks = blank_lines(path, name, fmt, None if complete else len(frame) + 1, cancel)
    line_numbers = row_lines(blanks, len(frame))
    skipped = len(blanks) if complete else int(np.count_nonzero(blanks < line_numbers[-1]))
    if skipped:
        if skipped == 1:
            note = translate("data.reading", "{count} blank line skipped.")
        else:
            note = translate("data.reading", "{count} blank lines skipped.")
        notes.append(note.format(count=skipped))

    frame, column_notes = tidy_frame(frame, fmt.decimal, numbers=True)
    frame = _exact_text_columns(path, name, fmt, limit, cancel, frame, column_notes)
    notes.extend(header_notes(fmt.header))
    notes.extend(column_notes.pop("", []))
    refuse_valueless(frame, fmt.header, complete, name)

    details = [translate("data.reading", dict(DELIMITERS)[fmt.delimiter])]
    if fmt.decimal == ",":
        details.append(translate("data.reading", "decimal comma"))
    details.append(fmt.encoding_label)
    return Table(
        frame=frame,
        path=path,
        description=describe(name, frame, complete, details),
        notes=tuple(notes),
        line_numbers=line_numbers,
        complete=complete,
    )


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
        texts = read_csv(path, name, fmt, limit, cancel, usecols=flagged, dtype=str)
    except UnicodeDecodeError:  # the same bytes were read once already
        raise not_valid_text(name, fmt.encoding_label) from None
    texts = texts.iloc[: len(frame)]
    notes = column_notes.setdefault("", [])
    for column in flagged:
        text = tidy_text(texts[column], fmt.decimal, numbers=False)
        if frame[column].dtype.kind != "f":  # mixed
            frame[column] = tidy_text(texts[column], fmt.decimal, numbers=True)
        elif merges(frame[column], text, fmt.decimal):
            frame[column] = text
            notes.append(
                translate(
                    "data.reading",
                    "column '{column}' holds whole numbers too large to keep apart as numbers; it "
                    "was read as text.",
                ).format(column=column)
            )
    return frame
