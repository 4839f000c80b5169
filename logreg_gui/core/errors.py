"""Errors whose message is meant for a person: plain words, naming what to fix."""

from __future__ import annotations

__all__ = ["Cancelled", "DataError", "FieldError"]


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
