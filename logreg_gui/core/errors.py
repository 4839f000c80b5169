"""Errors whose message is meant for a person: plain words, naming what to fix."""

from __future__ import annotations

from .i18n import translate

__all__ = ["Cancelled", "DataError", "FieldError", "in_words"]


class DataError(ValueError):
    """Data that cannot be used, with a message in plain words (shown as is to a person)."""


class FieldError(DataError):
    """One or more settings that cannot be used together or at all.

    ``problems`` maps each field name (the settings' attribute name, e.g. ``"n_informative"``)
    to a plain-words message, so a form can show each message next to its field.
    """

    def __init__(self, problems: dict[str, str]):
        self.problems = dict(problems)
        # Several fields often share one message (a combination); say it once.
        super().__init__(" ".join(dict.fromkeys(self.problems.values())))


class Cancelled(Exception):
    """Work stopped because the person (or a newer request) no longer wants its result."""


def in_words(error: BaseException) -> str:
    """What went wrong, for a person: the message of an error meant for one (a DataError,
    ValueError or OSError says it), or one sentence naming an unexpected one."""
    if isinstance(error, (DataError, ValueError, OSError)):
        return str(error)
    if isinstance(error, Cancelled):
        return str(error) or translate("errors", "it was cancelled.")
    if isinstance(error, MemoryError):
        return translate("errors", "there is not enough memory for this.")
    return translate("errors", "unexpected problem ({kind}: {error}).").format(
        kind=type(error).__name__, error=error
    )
