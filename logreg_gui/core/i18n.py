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

Not translated: messages about code calling the core wrongly (array shapes, unknown
arguments), the blog's log lines (``epoch:100, loss:…``), JSON keys, column names and the
names of file formats.
"""

from __future__ import annotations

from collections.abc import Callable

__all__ = ["QT_TRANSLATE_NOOP", "set_translator", "translate"]


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
