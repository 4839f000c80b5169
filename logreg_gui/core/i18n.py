"""Translation of the core's messages, without Qt.

Every message of the core that a person may read (a refused setting, a file that cannot be
read, why training stopped, what a view shows…) goes through :func:`translate`. The core never
imports Qt, so that it stays usable from a notebook, a server or the command line; by default
:func:`translate` returns the English text unchanged, which is what ``logreg-train`` and
``logreg-predict`` print. The window, once its ``QTranslator`` is loaded, installs Qt's
translation function (``QtCore.QCoreApplication.translate``)::

    set_translator(QCoreApplication.translate)

and from then on the core's messages come out in the person's language.

How the texts are found. ``pyside6-lupdate`` reads the source and collects every call spelled
``translate("context", "text")`` whose two arguments are string literals (adjacent literals
are joined, as Python joins them); it cannot see a variable, an f-string or a concatenation.
So a message with values is written with **named** placeholders and formatted after it is
translated, keeping the English format specifications::

    translate("training", "completed all {epochs:,} epochs.").format(epochs=self.epochs)

(named, because a translation may need the values in another order). Each module uses one
context, its own name within the core (``"training"``, ``"data.reading"``…). A message
built from pieces is written as whole sentences, one literal per case (singular and plural,
with and without a clause), so that a translator always sees complete sentences.

Constants. A module-level string (a dict of labels such as ``model.LABELS``) is made when the
module is imported, before any translator is installed: translating it there would freeze
the English. Such literals are marked with :func:`QT_TRANSLATE_NOOP`, which returns the text
unchanged but which ``pyside6-lupdate`` recognises, and are translated where they are used,
with the same context::

    LABELS = {"learning_rate": QT_TRANSLATE_NOOP("model", "the learning rate")}
    ...
    label = translate("model", LABELS["learning_rate"])

Texts kept with data. A run keeps texts — its label, why it stopped, a warning — that are
shown long after they were made, and may be shown in another language (View ▸ Language, a
session file opened elsewhere). Those are kept as a :class:`Phrase`: the English source, its
context and its values, said in the language in use each time ``str()`` is asked::

    Phrase.translate("training", "completed all {epochs:,} epochs.").format(epochs=3000)

(spelled with ``translate`` so that ``pyside6-lupdate`` collects it like any other text).

Not translated: messages about code calling the core wrongly (array shapes, unknown
arguments), the blog's log lines (``epoch:100, loss:…``), JSON keys, column names and the
names of file formats.
"""

from __future__ import annotations

import math
import numbers
import re
import string
from collections.abc import Callable

__all__ = ["QT_TRANSLATE_NOOP", "Joined", "Phrase", "said", "set_translator", "translate"]


def _identity(context: str, text: str) -> str:
    return text


_translator: Callable[[str, str], str] = _identity


def translate(context: str, text: str) -> str:
    """``text`` (English) in the person's language, as the installed translator gives it;
    ``text`` itself when no translator is installed (or it knows no translation)."""
    return _translator(context, text)


def set_translator(function: Callable[[str, str], str] | None) -> None:
    """Install ``function(context, text) -> str`` as the translator of the core's messages
    (the window installs ``QCoreApplication.translate``); None restores English."""
    global _translator
    _translator = _identity if function is None else function


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for translation in ``context`` without translating it now: for strings
    made at import time, translated later with ``translate(context, text)``. (Named as Qt's
    macro, the name ``pyside6-lupdate`` looks for.)"""
    return text


#: Bounds of a kept text read from a file: its source, its values and how deep they nest.
MAX_PHRASE_TEXT = 4_000
MAX_PHRASE_VALUES = 32
MAX_PHRASE_DEPTH = 6
#: The format specifications a kept text may use (those of the texts this program makes):
#: a small width at most, so that a file cannot ask for a string of a billion spaces.
_SPEC = re.compile(r"[<>=^]?[+\- ]?#?0?\d{0,2}[,_]?(\.\d{1,2})?[bdeEfFgGnosxX%]?")
_NAME = re.compile(r"[A-Za-z_][A-Za-z_0-9]{0,40}")


class Phrase:
    """A text kept as data — its English source, its context and the values it shows — said
    in the language in use whenever it is shown (``str(phrase)``). Immutable.

    >>> str(Phrase.translate("training", "completed all {epochs:,} epochs.").format(epochs=3000))
    'completed all 3,000 epochs.'
    """

    __slots__ = ("context", "text", "values")

    def __init__(self, context: str, text: str, values: dict | None = None):
        self.context, self.text = context, text
        self.values = dict(values or {})

    @classmethod
    def translate(cls, context: str, text: str) -> Phrase:
        """The text ``text`` of ``context``, to be said later (values: :meth:`format`)."""
        return cls(context, text)

    def format(self, **values) -> Phrase:
        """The same text with ``values`` for its named placeholders."""
        return Phrase(self.context, self.text, {**self.values, **values})

    def __str__(self) -> str:
        values = {
            k: str(v) if isinstance(v, (Phrase, Joined)) else v for k, v in self.values.items()
        }
        try:
            return translate(self.context, self.text).format(**values)
        except (KeyError, IndexError, ValueError):  # a faulty translation: the English
            return self.text.format(**values)

    def __format__(self, spec) -> str:
        return format(str(self), spec)

    def __eq__(self, other):
        return isinstance(other, Phrase) and (self.context, self.text, self.values) == (
            other.context,
            other.text,
            other.values,
        )

    def __hash__(self):
        return hash((self.context, self.text))

    def __repr__(self):
        return f"Phrase({self.context!r}, {self.text!r}, {self.values!r})"

    def to_data(self) -> dict:
        """As JSON: ``{"context", "text", "values"}`` (values nested the same way)."""
        return {
            "context": self.context,
            "text": self.text,
            "values": {k: to_data(v) for k, v in self.values.items()},
        }


class Joined:
    """Kept texts (or plain ones) said one after the other with ``separator`` between."""

    __slots__ = ("parts", "separator")

    def __init__(self, separator: str, *parts):
        self.separator, self.parts = separator, tuple(parts)

    def __str__(self) -> str:
        return self.separator.join(str(part) for part in self.parts)

    def __format__(self, spec) -> str:
        return format(str(self), spec)

    def __eq__(self, other):
        return isinstance(other, Joined) and (self.separator, self.parts) == (
            other.separator,
            other.parts,
        )

    def __hash__(self):
        return hash(self.parts)

    def __repr__(self):
        return f"Joined({self.separator!r}, *{self.parts!r})"

    def to_data(self) -> dict:
        return {"joined": [to_data(p) for p in self.parts], "separator": self.separator}


def said(value):
    """``value`` as the text a person reads now: a :class:`Phrase` or :class:`Joined` in the
    language in use; a str (or None) as it is."""
    return str(value) if isinstance(value, (Phrase, Joined)) else value


def to_data(value):
    """A kept text (or a str, a number, None) as JSON. Numbers become Python's (numpy's
    scalars too); a number that is not finite, which JSON cannot hold, ``{"number": "inf"}``."""
    if isinstance(value, (Phrase, Joined)):
        return value.to_data()
    if isinstance(value, numbers.Integral):
        return bool(value) if isinstance(value, bool) else int(value)
    if isinstance(value, numbers.Real):
        value = float(value)
        return value if math.isfinite(value) else {"number": repr(value)}
    return value


def from_data(data, depth=0):
    """A kept text from its JSON (:func:`to_data`): a str stays a str; a Phrase or Joined is
    rebuilt after checking that it is one this program could have written — bounded sizes,
    named placeholders only (no attribute or index lookups) and plain format specifications.
    Raises ValueError otherwise."""
    if data is None or isinstance(data, (str, int, float)):
        if isinstance(data, str) and len(data) > MAX_PHRASE_TEXT:
            raise ValueError("text too long")
        return data
    if not isinstance(data, dict) or depth >= MAX_PHRASE_DEPTH:
        raise ValueError("not a kept text")
    if set(data) == {"number"}:
        if data["number"] not in ("inf", "-inf", "nan"):
            raise ValueError("not a kept text")
        return float(data["number"])
    if set(data) == {"joined", "separator"}:
        parts, separator = data["joined"], data["separator"]
        if not isinstance(parts, list) or len(parts) > MAX_PHRASE_VALUES:
            raise ValueError("not a kept text")
        if not isinstance(separator, str) or len(separator) > 8:
            raise ValueError("not a kept text")
        return Joined(separator, *(from_data(p, depth + 1) for p in parts))
    if set(data) != {"context", "text", "values"}:
        raise ValueError("not a kept text")
    context, text, values = data["context"], data["text"], data["values"]
    if not isinstance(context, str) or not _NAME.fullmatch(context.replace(".", "_")):
        raise ValueError("not a kept text")
    if not isinstance(text, str) or len(text) > MAX_PHRASE_TEXT:
        raise ValueError("not a kept text")
    if not isinstance(values, dict) or len(values) > MAX_PHRASE_VALUES:
        raise ValueError("not a kept text")
    try:
        fields = list(string.Formatter().parse(text))
    except ValueError as error:
        raise ValueError("not a kept text") from error
    for _, name, spec, conversion in fields:
        if name is None:
            continue
        if not _NAME.fullmatch(name) or name not in values or conversion:
            raise ValueError("not a kept text")
        if spec and not _SPEC.fullmatch(spec):
            raise ValueError("not a kept text")
    kept = {}
    for key, value in values.items():
        if not isinstance(key, str) or not _NAME.fullmatch(key):
            raise ValueError("not a kept text")
        kept[key] = from_data(value, depth + 1)
    phrase = Phrase(context, text, kept)
    try:  # values that its specifications cannot format: refused here, not when shown
        str(phrase)
    except (TypeError, ValueError) as error:
        raise ValueError("not a kept text") from error
    return phrase
