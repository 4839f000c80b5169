"""A teacher's preset (``*.lrpreset``): one small JSON document that sets a class up — the data
and model settings, the tab shown, the controls hidden or locked for the class, and a lesson
to start — handed out and opened by double-click or ``logreg-gui FILE``.

Read like every other file: bounded, checked value by value, any problem one sentence
(DataError); never code. A data file or a lesson file it names by a relative path is found
beside the preset.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import DataError
from ..i18n import QT_TRANSLATE_NOOP, translate
from .checks import Damaged, estimator_settings, mapping, plainly, sequence, text
from .document import VERSION, check_header, file_name
from .storage import read_bytes, write_atomically

__all__ = [
    "MAX_PRESET_BYTES",
    "PRESET_FORMAT",
    "PRESET_SUFFIX",
    "Preset",
    "read_preset",
    "write_preset",
]

PRESET_FORMAT = "logreg-gui preset"
PRESET_SUFFIX = ".lrpreset"
#: A preset is settings and names: a few KiB. Larger is not a preset.
MAX_PRESET_BYTES = 256 * 1024
#: Controls a preset may hide or lock (each list).
MAX_CONTROLS = 200
#: The name of a part of the window: an objectName.
_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]{0,99}")
#: A shipped lesson by its name ("01-blog-run"), or a lesson file (a path ending in .md).
_SHIPPED = re.compile(r"[0-9]{2}-[a-z0-9-]{1,60}")


@dataclass(frozen=True)
class Preset:
    """What a preset sets up.

    ``data``: the data settings (a DataSettings as a dict, every field); ``model``: the
    estimator's settings to show in the model form (those given); ``tab``: the name of the
    view (or a part of it) to show; ``hidden``, ``locked``: names of the window's controls
    hidden or locked (read-only) for the class; ``lesson``: a shipped lesson's name or a
    lesson file (relative paths are beside the preset), None for none; ``title``: how the
    window names it.
    """

    title: str = ""
    data: dict | None = None
    model: dict = field(default_factory=dict)
    tab: str | None = None
    hidden: tuple = ()
    locked: tuple = ()
    lesson: str | None = None
    path: str | None = None

    def lesson_path(self) -> Path | None:
        """The lesson to start: a shipped one by its name (in ``language`` where there is
        one), or the file named, beside the preset when relative."""
        if self.lesson is None:
            return None
        if _SHIPPED.fullmatch(self.lesson):
            return None  # a shipped lesson: found by its name where languages are known
        path = Path(self.lesson).expanduser()
        if not path.is_absolute() and self.path is not None:
            path = Path(self.path).resolve().parent / path
        return path

    def shipped_lesson(self) -> str | None:
        """The name of the shipped lesson to start, or None."""
        return self.lesson if self.lesson and _SHIPPED.fullmatch(self.lesson) else None


def _names(values, what) -> tuple:
    names = tuple(text(v, what, 100) for v in sequence(values, what, MAX_CONTROLS))
    if not all(_NAME.fullmatch(name) for name in names):
        raise Damaged(what)
    return tuple(dict.fromkeys(names))


def preset_from_dict(document, path) -> Preset:
    """The preset of a JSON document read from ``path``; DataError in one sentence."""
    from ..data.settings import DataSettings, settings_from_dict, settings_to_dict

    check_header(document, PRESET_FORMAT, path)
    with plainly(path, PRESET_FORMAT):
        known = {"format", "version", "title", "data", "model", "tab", "hidden", "locked"}
        known.add("lesson")
        unknown = sorted(set(document) - known)
        if unknown:
            raise DataError(
                translate(
                    "persistence", "{name} has a setting this logreg-gui does not know: {key}."
                ).format(name=file_name(path), key=unknown[0])
            )
        title = text(document.get("title", ""), QT_TRANSLATE_NOOP("persistence", "the title"), 200)
        data = None
        if document.get("data") is not None:
            given = mapping(document["data"], QT_TRANSLATE_NOOP("persistence", "the data"), 100)
            merged = {**settings_to_dict(DataSettings()), **given}
            if merged.get("source") == "file" and isinstance(merged.get("path"), str):
                found = Path(merged["path"]).expanduser()
                if not found.is_absolute():  # a data file handed out beside the preset
                    merged["path"] = str(Path(path).resolve().parent / found)
            try:
                data = settings_to_dict(settings_from_dict(merged))
            except DataError as error:
                raise DataError(
                    translate("persistence", "{name}: {problem}").format(
                        name=file_name(path), problem=error
                    )
                ) from None
        model = estimator_settings(document.get("model") or {})
        model.pop("random_state", None)  # the data's seed decides it, as in the form
        tab = document.get("tab")
        if tab is not None:
            tab = text(tab, QT_TRANSLATE_NOOP("persistence", "the tab"), 100)
            if not _NAME.fullmatch(tab):
                raise Damaged(QT_TRANSLATE_NOOP("persistence", "the tab"))
        hidden = _names(
            document.get("hidden", []), QT_TRANSLATE_NOOP("persistence", "the hidden controls")
        )
        locked = _names(
            document.get("locked", []), QT_TRANSLATE_NOOP("persistence", "the locked controls")
        )
        lesson = document.get("lesson")
        if lesson is not None:
            lesson = text(lesson, QT_TRANSLATE_NOOP("persistence", "the lesson"), 1000)
            if not (_SHIPPED.fullmatch(lesson) or lesson.lower().endswith(".md")):
                raise Damaged(QT_TRANSLATE_NOOP("persistence", "the lesson"))
    return Preset(
        title=title,
        data=data,
        model=model,
        tab=tab,
        hidden=hidden,
        locked=locked,
        lesson=lesson,
        path=str(path),
    )


def read_preset(path) -> Preset:
    """Read a preset file (a regular file of at most :data:`MAX_PRESET_BYTES`); DataError
    with one plain sentence if it cannot be used."""
    raw = read_bytes(path, MAX_PRESET_BYTES)

    def refuse(constant):
        raise ValueError(constant)

    try:
        document = json.loads(raw.decode("utf-8"), parse_constant=refuse)
    except RecursionError:
        raise DataError(
            translate(
                "persistence", "{name} is damaged: it is nested too deeply to be a {kind} file."
            ).format(name=file_name(path), kind=PRESET_FORMAT)
        ) from None
    except (UnicodeDecodeError, ValueError):
        raise DataError(
            translate(
                "persistence", "{name} is not a preset file (it is not JSON, or damaged)."
            ).format(name=file_name(path))
        ) from None
    return preset_from_dict(document, path)


def preset_to_dict(preset: Preset, path=None) -> dict:
    """The JSON document of ``preset``; a data file beside ``path`` is named relatively."""
    document = {"format": PRESET_FORMAT, "version": VERSION, "title": preset.title}
    if preset.data is not None:
        data = dict(preset.data)
        if data.get("source") == "file" and data.get("path") and path is not None:
            folder = os.path.dirname(os.path.abspath(str(path)))
            relative = os.path.relpath(os.path.abspath(data["path"]), folder)
            if not relative.startswith(".."):
                data["path"] = relative
        document["data"] = data
    from .checks import estimator_settings_to_json

    document["model"] = estimator_settings_to_json(preset.model)
    document["tab"] = preset.tab
    document["hidden"] = list(preset.hidden)
    document["locked"] = list(preset.locked)
    document["lesson"] = preset.lesson
    return document


def write_preset(path, preset: Preset) -> None:
    """Write ``preset`` to ``path`` (whole or not at all)."""
    text_ = json.dumps(preset_to_dict(preset, path), indent=1, ensure_ascii=False, allow_nan=False)
    write_atomically(path, text_.encode("utf-8"))
