"""A text file's encoding, from its first bytes: UTF-8 or UTF-16 by their byte-order marks,
UTF-8 without one, Latin-1 when that does not decode; and the refusal of files that are not
text at all."""

from __future__ import annotations

import codecs
import re

from ...errors import DataError
from ...i18n import translate
from .messages import not_valid_text

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def detect_encoding(head: bytes) -> tuple[str, str, int]:
    """Codec, label and byte-order-mark length from the first bytes."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8", "UTF-8", len(codecs.BOM_UTF8)
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # The "utf-16" codec reads the mark, picks the byte order and drops it.
        return "utf-16", "UTF-16", 0
    return "utf-8", "UTF-8", 0


def decode(raw: bytes, whole: bool, encoding: str, label: str, name: str):
    """The text of ``raw``, and the encoding that decodes it (Latin-1 when UTF-8 does not)."""
    # Incremental: the sample may end in the middle of a character.
    try:
        return codecs.getincrementaldecoder(encoding)().decode(raw, final=whole), encoding, label
    except UnicodeDecodeError:
        if encoding != "utf-8":
            raise not_valid_text(name, label) from None
    return raw.decode("latin-1"), "latin-1", "Latin-1"


def refuse_binary(text: str, name: str) -> None:
    """Refuse ``name`` when its decoded start ``text`` is not text: NUL or many controls."""
    # Text never holds NUL; a few stray control characters are tolerated, many are not text.
    if "\x00" in text or len(_CONTROL.findall(text)) > max(8, len(text) // 100):
        raise DataError(
            translate("data.reading", "{name} does not look like a text data file.").format(
                name=name
            )
        )
