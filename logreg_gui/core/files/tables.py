"""Tables written as CSV (predictions, from the window and from ``logreg-predict``): whole
or not at all, and safe to open in a spreadsheet — a text cell that a spreadsheet would run
as a formula (``=HYPERLINK(…)``, ``+cmd|…``, ``@SUM(…)``) is written with a ``'`` before it,
as OWASP recommends against CSV injection; numbers stay numbers."""

from __future__ import annotations

import csv
import io

from .storage import write_atomically

__all__ = ["safe_cell", "write_csv"]

#: What a spreadsheet takes as the start of a formula.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """``value`` as a CSV cell a spreadsheet shows and never runs."""
    if not isinstance(value, str) or not value.startswith(_FORMULA_STARTS):
        return value
    try:
        float(value)  # "-1.5" is a number, not a formula
    except ValueError:
        return "'" + value
    return value


def write_csv(path, header, rows) -> None:
    """Write ``header`` and ``rows`` (sequences of cells) to ``path`` as CSV (UTF-8), whole
    or not at all; DataError if it cannot be written."""

    def write(handle):
        text = io.TextIOWrapper(handle, encoding="utf-8", newline="")
        writer = csv.writer(text)
        writer.writerow([safe_cell(cell) for cell in header])
        for row in rows:
            writer.writerow([safe_cell(cell) for cell in row])
        text.flush()
        text.detach()  # the handle stays open for write_atomically to flush and close

    write_atomically(path, write)
