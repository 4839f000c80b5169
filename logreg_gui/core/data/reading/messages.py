"""The refusals said in several places, each one plain-words sentence naming the file."""

from __future__ import annotations

from ...errors import DataError
from ...i18n import translate


def no_file(name: str) -> DataError:
    """``name`` does not exist."""
    return DataError(translate("data.reading", "the file {name} does not exist.").format(name=name))


def folder(name: str) -> DataError:
    """``name`` is a folder."""
    return DataError(
        translate("data.reading", "{name} is a folder, not a data file.").format(name=name)
    )


def not_ordinary(name: str) -> DataError:
    """``name`` is a device, pipe or socket."""
    return DataError(
        translate(
            "data.reading", "{name} is not an ordinary file (it is a device, pipe or socket)."
        ).format(name=name)
    )


def not_valid_text(name: str, encoding: str) -> DataError:
    """``name`` does not decode as ``encoding`` (a label for people)."""
    return DataError(
        translate("data.reading", "{name} is not valid {encoding} text.").format(
            name=name, encoding=encoding
        )
    )


def no_data_rows(name: str) -> DataError:
    """``name`` has a header line and nothing under it."""
    return DataError(
        translate("data.reading", "{name} has a header line but no data rows.").format(name=name)
    )


def only_delimiters(name: str) -> DataError:
    """``name`` has delimiters but no values."""
    return DataError(
        translate("data.reading", "{name} holds only delimiters, no values.").format(name=name)
    )


def single_column(name: str) -> DataError:
    """``name`` has one column, too few for features and a target."""
    return DataError(
        translate(
            "data.reading",
            "{name} has a single column: a data file needs at least two (features and a target).",
        ).format(name=name)
    )


def too_many_cells(name: str, line, cells, width) -> DataError:
    """Line ``line`` of ``name`` has ``cells`` cells where the header has ``width``."""
    return DataError(
        translate(
            "data.reading", "in {name}, line {line} has {cells} cells but the header has {width}."
        ).format(name=name, line=line, cells=cells, width=width)
    )


def too_large_for_memory(name: str) -> DataError:
    """Reading ``name`` ran out of memory."""
    return DataError(
        translate(
            "data.reading", "{name} is too large to read into this computer's memory."
        ).format(name=name)
    )
