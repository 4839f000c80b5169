"""Lesson files: a guided lesson as Markdown — front matter, steps that start at ``## ``, and
in each step at most one ```` ```setup ```` and one ```` ```question ```` block of JSON.

A lesson is read as data, never run: its JSON is parsed by the standard library, every value
is checked against the same constraints the forms and the estimator use, and every size is
bounded. Any problem is said in one plain sentence naming the file and, where it has one,
the step (a :class:`~logreg_gui.core.errors.DataError`).

The format::

    ---
    title: The blog's run, line by line
    language: en
    ---
    An optional introduction.

    ## Data, split and weights
    ```setup
    {"data": {"standardize": false}, "model": {"learning_rate": 0.01}, "epoch": 0,
     "tab": "lossPlot", "point": "trainButton"}
    ```
    Two to four sentences saying what to look at.

    ```question
    {"ask": "…?", "choices": ["…", "…"], "answer": 1, "explain": "…"}
    ```
"""

from __future__ import annotations

import json
import math
import re
import sys
from dataclasses import dataclass
from numbers import Integral, Real
from pathlib import Path

from ..errors import DataError
from ..i18n import translate

__all__ = [
    "LANGUAGES",
    "LESSONS_FOLDER",
    "MAX_CHOICE",
    "MAX_CHOICES",
    "MAX_DEPTH",
    "MAX_FILE_BYTES",
    "MAX_STEPS",
    "MAX_TEXT",
    "MAX_TITLE",
    "MIN_CHOICES",
    "Lesson",
    "Question",
    "Setup",
    "Step",
    "lesson_name",
    "parse_lesson",
    "read_lesson",
    "shipped_lesson",
    "shipped_lessons",
    "shipped_titles",
]

#: The languages a lesson may be written in (those the window speaks).
LANGUAGES = ("en", "zh_CN")
#: Bounds of a lesson file: its size, its steps, and the length of each text it holds.
MAX_FILE_BYTES = 256 * 1024
MAX_STEPS = 40
MAX_TITLE = 120
MAX_TEXT = 2_000
MAX_INTRO = 4_000
MAX_ASK = 500
MAX_EXPLAIN = 2_000
MIN_CHOICES, MAX_CHOICES = 2, 6
MAX_CHOICE = 200
#: How deep a block's JSON may nest (a setup's painted points are five levels deep).
MAX_DEPTH = 8
#: The most epochs a step may go to, and the largest sample number it may choose.
MAX_EPOCH = 100_000_000
MAX_SAMPLE = 2**31 - 1
#: Where the lessons shipped with logreg-gui are: ``resources/lessons/NN-name.LANGUAGE.md``
#: in the source tree (an editable install), else where a wheel installs them
#: (``<prefix>/share/logreg-gui/lessons``, pyproject's data-files).
LESSONS_FOLDER = Path(__file__).resolve().parents[3] / "resources" / "lessons"
if not LESSONS_FOLDER.is_dir():
    LESSONS_FOLDER = Path(sys.prefix) / "share" / "logreg-gui" / "lessons"

#: The names of a view or widget (its objectName) that a step may show or point at.
_OBJECT_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]{0,63}")
_SHIPPED = re.compile(r"(\d+-[a-z0-9-]+)\.([A-Za-z_]+)\.md")
_FENCE = re.compile(r" {0,3}(`{3,})\s*([^`\s]*)\s*")
_SETUP_KEYS = ("data", "model", "epoch", "tab", "point", "sample", "threshold", "blog")
_QUESTION_KEYS = ("ask", "choices", "answer", "explain")
_BLOCKS = ("setup", "question")


@dataclass(frozen=True)
class Question:
    """A question asked before the answer is shown: ``choices[answer]`` is right, and
    ``explain`` says why."""

    ask: str
    choices: tuple[str, ...]
    answer: int
    explain: str


@dataclass(frozen=True)
class Setup:
    """What a step sets before it is read; None leaves a thing as the person has it.

    ``data`` is a whole data settings dict (the step's partial one merged onto the defaults
    and checked: ``settings_from_dict(data)`` makes it); ``model`` the estimator parameters
    the step names, each checked; ``epoch`` the epoch to show (``"end"``: train to the end);
    ``tab`` the objectName of the view to show; ``sample`` the test sample to select;
    ``threshold`` the decision threshold; ``blog`` whether the next runs also run the
    blog's loop as written, beside (View ▸ The blog's code beside).
    """

    data: dict | None = None
    model: dict | None = None
    epoch: int | str | None = None
    tab: str | None = None
    sample: int | None = None
    threshold: float | None = None
    blog: bool | None = None


@dataclass(frozen=True)
class Step:
    """One step of a lesson: its title, its Markdown text, what it sets up, the objectName
    of the widget it points at, and its question."""

    title: str
    text: str
    setup: Setup
    point: str | None
    question: Question | None


@dataclass(frozen=True)
class Lesson:
    """A lesson read from a file (``path``; None for one parsed from text)."""

    title: str
    language: str
    intro: str
    steps: tuple[Step, ...]
    path: Path | None


class _Problem(Exception):
    """What is wrong with a lesson, in plain words (translated), and the step it is in."""

    def __init__(self, text: str, step: int | None = None):
        super().__init__(text)
        self.step = step


def read_lesson(path) -> Lesson:
    """The lesson of the file ``path``: a regular UTF-8 file of at most
    :data:`MAX_FILE_BYTES` (looked at before it is read). DataError, in one sentence, for a
    file that is not a lesson this program can show."""
    from ..files.document import file_name
    from ..files.storage import read_bytes

    data = read_bytes(path, MAX_FILE_BYTES)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise DataError(
            translate(
                "lessons",
                "{name} is not UTF-8 text (byte {position:,} is not): save it as UTF-8.",
            ).format(name=file_name(path), position=error.start + 1)
        ) from None
    return parse_lesson(text, path)


def parse_lesson(text: str, path=None) -> Lesson:
    """The lesson written in ``text`` (read from ``path``, if given: it names the file in
    messages). DataError, in one sentence naming the step where there is one, for a text
    that is not a lesson this program can show."""
    from ..files.document import file_name

    name = translate("lessons", "The lesson") if path is None else file_name(path)
    try:
        return _lesson(text, None if path is None else Path(path))
    except _Problem as problem:
        message = _said(name, problem.step, str(problem))
    except RecursionError:
        message = _said(name, None, translate("lessons", "it is nested too deeply."))
    except MemoryError:
        message = _said(name, None, translate("lessons", "it is too large for this memory."))
    except (ValueError, TypeError, KeyError, IndexError, AttributeError, OverflowError):
        # Whatever else a damaged file makes a check raise is still said in a sentence.
        message = _said(name, None, translate("lessons", "it is not a lesson file."))
    raise DataError(message)


def shipped_lessons(language: str = "en") -> list[Path]:
    """The lessons shipped with logreg-gui, in their order, in ``language`` where a lesson
    has a file in it and in English where it has not."""
    if not LESSONS_FOLDER.is_dir():
        return []
    files = {}
    for path in LESSONS_FOLDER.iterdir():
        match = _SHIPPED.fullmatch(path.name)
        if match and path.is_file():
            files[match.group(1), match.group(2)] = path
    names = sorted({name for name, _ in files})
    found = (files.get((name, language)) or files.get((name, "en")) for name in names)
    return [path for path in found if path is not None]


def lesson_name(path) -> str | None:
    """The name of a shipped lesson's file (``01-blog-run`` of ``01-blog-run.zh_CN.md``), the
    same in every language; None for a file of another name."""
    match = _SHIPPED.fullmatch(Path(path).name)
    return match.group(1) if match else None


def shipped_lesson(name, language="en") -> Path | None:
    """The shipped lesson called ``name`` in ``language`` (in English where it has no file
    in it), or None."""
    return next((p for p in shipped_lessons(language) if lesson_name(p) == name), None)


def shipped_titles(language="en") -> list[tuple[str, str, Path]]:
    """``(name, title, path)`` of every shipped lesson that reads, in ``language``, in
    order (a shipped file damaged since is left out: the others stay)."""
    out = []
    for path in shipped_lessons(language):
        try:
            out.append((lesson_name(path), read_lesson(path).title, path))
        except DataError:
            continue
    return out


# Messages ------------------------------------------------------------------------------------
def _said(name: str, step: int | None, problem: str) -> str:
    if step is None:
        message = translate("lessons", "{name}: {problem}").format(name=name, problem=problem)
    else:
        message = translate("lessons", "Step {step} of {name}: {problem}").format(
            step=step, name=name, problem=problem
        )
    return " ".join(message.split())  # one line, whatever a file's value held


def _shown(value) -> str:
    """A value of a file as a message shows it: short, quoted, on one line."""
    if isinstance(value, str):
        return repr(value[:40] + ("…" if len(value) > 40 else ""))
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = type(value).__name__
    return text if len(text) <= 40 else text[:40] + "…"


def _too_long(what: str, length: int, limit: int) -> _Problem:
    return _Problem(
        translate(
            "lessons", "{what} is {length:,} characters long; it may be at most {limit:,}."
        ).format(what=what, length=length, limit=limit)
    )


# The file ------------------------------------------------------------------------------------
def _lesson(text: str, path: Path | None) -> Lesson:
    if len(text) > MAX_FILE_BYTES:
        raise _Problem(
            translate("lessons", "it is larger than {limit} KiB, the most a lesson may be.").format(
                limit=MAX_FILE_BYTES // 1024
            )
        )
    lines = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    title, language, start = _front_matter(lines)
    intro, parts = _parts(lines, start)
    if len(intro) > MAX_INTRO:
        raise _too_long(translate("lessons", "its introduction"), len(intro), MAX_INTRO)
    if not parts:
        raise _Problem(
            translate("lessons", "it has no steps: each step begins with a line '## its title'.")
        )
    steps = []
    for number, part in enumerate(parts, 1):
        try:
            steps.append(_step(part))
        except _Problem as problem:
            problem.step = number
            raise
    return Lesson(title, language, intro, tuple(steps), path)


def _front_matter(lines: list[str]) -> tuple[str, str, int]:
    """The title and language of the front matter, and the line after it."""
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None or lines[first].strip() != "---":
        raise _Problem(
            translate(
                "lessons",
                "it does not begin with its front matter: a line '---', the lines 'title: …' "
                "and 'language: …', and a line '---'.",
            )
        )
    end = next((i for i in range(first + 1, len(lines)) if lines[i].strip() == "---"), None)
    if end is None:
        raise _Problem(translate("lessons", "its front matter is not closed by a line '---'."))
    values = {}
    for line in lines[first + 1 : end]:
        if not line.strip():
            continue
        key, colon, value = line.partition(":")
        key, value = key.strip(), value.strip()
        if not colon:
            raise _Problem(
                translate(
                    "lessons", "the line {line} of its front matter is not 'key: value'."
                ).format(line=_shown(line.strip()))
            )
        if key not in ("title", "language"):
            raise _Problem(
                translate(
                    "lessons",
                    "its front matter has an unknown key {key}; it may have title and language.",
                ).format(key=_shown(key))
            )
        if key in values:
            raise _Problem(
                translate("lessons", "its front matter gives the {key} twice.").format(key=key)
            )
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1].strip()
        values[key] = value
    title = values.get("title", "")
    if not title:
        raise _Problem(translate("lessons", "its front matter has no 'title: …'."))
    if len(title) > MAX_TITLE:
        raise _too_long(translate("lessons", "its title"), len(title), MAX_TITLE)
    language = values.get("language", "")
    if language not in LANGUAGES:
        if not language:
            raise _Problem(translate("lessons", "its front matter has no 'language: …'."))
        raise _Problem(
            translate("lessons", "its language {language} is not one of {languages}.").format(
                language=_shown(language), languages=", ".join(LANGUAGES)
            )
        )
    return title, language, end + 1


@dataclass
class _Part:
    """A step as written: its title, its lines of text and its blocks (kind, lines, line)."""

    title: str
    lines: list
    blocks: list


def _parts(lines: list[str], start: int) -> tuple[str, list[_Part]]:
    """The introduction and the steps' parts of the lines after the front matter. A line
    '## ' inside a fenced block (an example of code) does not begin a step."""
    intro: list[str] = []
    parts: list[_Part] = []
    fence = None  # (backticks, kind, its first line's number, its lines)
    for number, line in enumerate(lines[start:], start + 1):
        if fence is not None:
            ticks, kind, opened, content = fence
            stripped = line.strip()
            if stripped and set(stripped) == {"`"} and len(stripped) >= len(ticks):
                fence = None
                if kind in _BLOCKS:
                    parts[-1].blocks.append((kind, content, opened))
                    continue
            if kind not in _BLOCKS:
                (parts[-1].lines if parts else intro).append(line)
            else:
                content.append(line)
            continue
        match = _FENCE.fullmatch(line)
        if match:
            kind = match.group(2)
            if kind in _BLOCKS and not parts:
                raise _Problem(
                    translate(
                        "lessons",
                        "a ```{kind} block (line {line}) comes before the first step ('## …').",
                    ).format(kind=kind, line=number)
                )
            fence = (match.group(1), kind, number, [])
            if kind not in _BLOCKS:
                (parts[-1].lines if parts else intro).append(line)
            continue
        if line.startswith("##") and (len(line) == 2 or line[2] in " \t"):
            if len(parts) == MAX_STEPS:
                raise _Problem(
                    translate(
                        "lessons", "it has more than {limit} steps, the most a lesson may have."
                    ).format(limit=MAX_STEPS)
                )
            parts.append(_Part(line[2:].strip(), [], []))
            continue
        (parts[-1].lines if parts else intro).append(line)
    if fence is not None:
        problem = _Problem(
            translate(
                "lessons", "its ```{kind} block (line {line}) is not closed by a line ```."
            ).format(kind=fence[1] or "", line=fence[2])
        )
        problem.step = len(parts) or None
        raise problem
    return "\n".join(intro).strip(), parts


# A step --------------------------------------------------------------------------------------
def _step(part: _Part) -> Step:
    if not part.title:
        raise _Problem(translate("lessons", "it has no title after its '##'."))
    if len(part.title) > MAX_TITLE:
        raise _too_long(translate("lessons", "its title"), len(part.title), MAX_TITLE)
    blocks = {}
    for kind, content, line in part.blocks:
        if kind in blocks:
            raise _Problem(
                translate("lessons", "it has two ```{kind} blocks; a step may have one.").format(
                    kind=kind
                )
            )
        blocks[kind] = _json(content, kind, line)
    text = "\n".join(part.lines).strip()
    if not text:
        raise _Problem(translate("lessons", "it has no text: say below its title what to look at."))
    if len(text) > MAX_TEXT:
        raise _too_long(translate("lessons", "its text"), len(text), MAX_TEXT)
    setup, point = _setup(blocks["setup"]) if "setup" in blocks else (Setup(), None)
    question = _question(blocks["question"]) if "question" in blocks else None
    return Step(part.title, text, setup, point, question)


class _NotFinite(ValueError):
    pass


class _Twice(ValueError):
    def __init__(self, key):
        super().__init__(key)
        self.key = key


def _refuse_constant(name):
    raise _NotFinite(name)


def _finite_float(text):
    value = float(text)
    if not math.isfinite(value):
        raise _NotFinite(text)
    return value


def _object(pairs):
    out = {}
    for key, value in pairs:
        if key in out:
            raise _Twice(key)
        out[key] = value
    return out


def _depth(source: str) -> int:
    """How deep the arrays and objects of JSON ``source`` nest (strings skipped), counted
    before the parser, which recurses, sees it."""
    depth = deepest = 0
    inside = escaped = False
    for char in source:
        if inside:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                inside = False
        elif char == '"':
            inside = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest


def _json(content: list[str], kind: str, line: int):
    source = "\n".join(content)
    if _depth(source) > MAX_DEPTH:
        raise _Problem(
            translate("lessons", "its ```{kind} block nests deeper than {limit} levels.").format(
                kind=kind, limit=MAX_DEPTH
            )
        )
    try:
        return json.loads(
            source,
            parse_constant=_refuse_constant,
            parse_float=_finite_float,
            object_pairs_hook=_object,
        )
    except _NotFinite:
        raise _Problem(
            translate(
                "lessons",
                "its ```{kind} block holds NaN or an infinity, which a lesson may not use.",
            ).format(kind=kind)
        ) from None
    except _Twice as twice:
        raise _Problem(
            translate("lessons", "its ```{kind} block gives {key} twice.").format(
                kind=kind, key=_shown(twice.key)
            )
        ) from None
    except json.JSONDecodeError as error:
        raise _Problem(
            translate(
                "lessons", "its ```{kind} block is not valid JSON (line {line} of the file)."
            ).format(kind=kind, line=line + error.lineno)
        ) from None
    except (ValueError, RecursionError):  # a number of thousands of digits, a deep nesting
        raise _Problem(
            translate("lessons", "its ```{kind} block is not valid JSON.").format(kind=kind)
        ) from None


def _setup(value) -> tuple[Setup, str | None]:
    if not isinstance(value, dict):
        raise _Problem(translate("lessons", "its ```setup block is not a JSON object ({…})."))
    for key in value:
        if key not in _SETUP_KEYS:
            raise _Problem(
                translate(
                    "lessons", "its setup has an unknown key {key}; it may have {keys}."
                ).format(key=_shown(key), keys=", ".join(_SETUP_KEYS))
            )
    model = _model(value["model"]) if "model" in value else None
    return Setup(
        data=_data(value["data"]) if "data" in value else None,
        model=model,
        epoch=_epoch(value["epoch"], model) if "epoch" in value else None,
        tab=_name(value["tab"], "tab") if "tab" in value else None,
        sample=_sample(value["sample"]) if "sample" in value else None,
        threshold=_threshold(value["threshold"]) if "threshold" in value else None,
        blog=_blog(value["blog"]) if "blog" in value else None,
    ), (_name(value["point"], "point") if "point" in value else None)


def _blog(value) -> bool:
    if not isinstance(value, bool):
        raise _Problem(
            translate("lessons", "its blog must be true or false; {value} is not.").format(
                value=_shown(value)
            )
        )
    return value


def _data(value) -> dict:
    """The whole data settings of a step's partial ones, checked as a form checks them."""
    from ..data.builtin import BUILTIN_DATASETS
    from ..data.generation import generation_problems
    from ..data.painted import PAINTED
    from ..data.settings import (
        FILE,
        GENERATED,
        DataSettings,
        settings_from_dict,
        settings_to_dict,
    )
    from ..data.shapes import SHAPES, shape_problems

    if not isinstance(value, dict):
        raise _Problem(translate("lessons", "its data setting is not a JSON object ({…})."))
    source = value.get("source", GENERATED)
    sources = (GENERATED, *BUILTIN_DATASETS, *SHAPES, PAINTED)
    if source == FILE:
        # A lesson from anywhere must not make the window open a file of the person's.
        raise _Problem(
            translate(
                "lessons",
                "its data come from a file, which a lesson may not open; it may use {sources}.",
            ).format(sources=", ".join(sources))
        )
    if not isinstance(source, str) or source not in sources:
        raise _Problem(
            translate("lessons", "its data source {source} is not one of {sources}.").format(
                source=_shown(source), sources=", ".join(sources)
            )
        )
    merged = _merged(settings_to_dict(DataSettings()), value)
    why = _data_problem(merged)
    if why is not None:
        raise _Problem(why)
    try:
        settings = settings_from_dict(merged)
    except DataError as error:
        raise _Problem(str(error)) from None
    if settings.source == GENERATED:
        problems = generation_problems(settings.generation)
    elif settings.source in SHAPES:
        problems = shape_problems(settings.shape)
    else:
        problems = {}
    if problems:
        raise _Problem(_lowered(next(iter(problems.values()))))
    return settings_to_dict(settings)


def _data_problem(merged: dict) -> str | None:
    """What is wrong with the split, the generation or the shape of ``merged`` data settings,
    said as the data form says it (:func:`settings_from_dict` names only the field)."""
    from ..data.generation import GenerationSettings, generation_problems
    from ..data.shapes import ShapeSettings, shape_problems
    from ..data.split import DATA_CONSTRAINTS, DATA_LABELS
    from ..model.params import problem

    for name, constraints in DATA_CONSTRAINTS.items():
        why = problem(constraints, merged.get(name), translate("data.split", DATA_LABELS[name]))
        if why is not None:
            return why
    try:  # a setting these do not know is named by settings_from_dict
        problems = {
            **generation_problems(GenerationSettings(**merged["generation"])),
            **shape_problems(ShapeSettings(**merged["shape"])),
        }
    except (TypeError, ValueError, OverflowError):
        return None
    return _lowered(next(iter(problems.values()))) if problems else None


def _lowered(message: str) -> str:
    """A form's message ("The number of samples must…") within a sentence."""
    if len(message) > 1 and message[0].isupper() and message[1].islower():
        return message[0].lower() + message[1:]
    return message


def _merged(base: dict, given: dict) -> dict:
    """``base`` with ``given`` put over it, tables merged key by key."""
    out = dict(base)
    for key, value in given.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merged(out[key], value)
        else:
            out[key] = value
    return out


def _model(value) -> dict:
    from ..estimator import LABELS, LogisticRegressionGD
    from ..model.params import problem

    if not isinstance(value, dict):
        raise _Problem(translate("lessons", "its model setting is not a JSON object ({…})."))
    constraints = LogisticRegressionGD._parameter_constraints
    for name, given in value.items():
        if name not in constraints:
            raise _Problem(
                translate(
                    "lessons", "its model setting {name} is not a parameter of the model ({names})."
                ).format(name=_shown(name), names=", ".join(constraints))
            )
        label = translate("model", LABELS[name]) if name in LABELS else name
        why = problem(constraints[name], given, label)
        if why is not None:
            raise _Problem(why)
    return dict(value)


def _whole(value, low, high) -> bool:
    return isinstance(value, Integral) and not isinstance(value, bool) and low <= value <= high


def _epoch(value, model: dict | None):
    if value == "end":
        return value
    if not _whole(value, 0, MAX_EPOCH):
        raise _Problem(
            translate(
                "lessons",
                'its epoch must be a whole number of 0 or more, or "end"; {value} is not.',
            ).format(value=_shown(value))
        )
    epochs = (model or {}).get("epochs")
    if epochs is not None and value > epochs:
        raise _Problem(
            translate(
                "lessons", "its epoch {epoch:,} is beyond the {epochs:,} epochs it trains."
            ).format(epoch=value, epochs=epochs)
        )
    return int(value)


def _name(value, key: str) -> str:
    if not isinstance(value, str) or not _OBJECT_NAME.fullmatch(value):
        raise _Problem(
            translate(
                "lessons",
                "its {key} must be the name of a part of the window (letters, digits and _, "
                "a letter first); {value} is not.",
            ).format(key=key, value=_shown(value))
        )
    return value


def _sample(value) -> int:
    if not _whole(value, 0, MAX_SAMPLE):
        raise _Problem(
            translate(
                "lessons", "its sample must be a whole number of 0 or more; {value} is not."
            ).format(value=_shown(value))
        )
    return int(value)


def _threshold(value) -> float:
    if isinstance(value, bool) or not isinstance(value, Real) or not 0 <= value <= 1:
        raise _Problem(
            translate(
                "lessons", "its threshold must be a number from 0 to 1; {value} is not."
            ).format(value=_shown(value))
        )
    return float(value)


def _question(value) -> Question:
    if not isinstance(value, dict):
        raise _Problem(translate("lessons", "its ```question block is not a JSON object ({…})."))
    for key in value:
        if key not in _QUESTION_KEYS:
            raise _Problem(
                translate(
                    "lessons", "its question has an unknown key {key}; it may have {keys}."
                ).format(key=_shown(key), keys=", ".join(_QUESTION_KEYS))
            )
    for key in _QUESTION_KEYS:
        if key not in value:
            raise _Problem(translate("lessons", "its question has no '{key}'.").format(key=key))
    ask = _words(value["ask"], "ask", MAX_ASK)
    choices = value["choices"]
    if not isinstance(choices, list) or not MIN_CHOICES <= len(choices) <= MAX_CHOICES:
        raise _Problem(
            translate(
                "lessons",
                "its question must have from {low} to {high} choices in a list; {value} is not.",
            ).format(low=MIN_CHOICES, high=MAX_CHOICES, value=_shown(choices))
        )
    choices = tuple(_words(choice, "choice", MAX_CHOICE) for choice in choices)
    answer = value["answer"]
    if not _whole(answer, 0, len(choices) - 1):
        raise _Problem(
            translate(
                "lessons",
                "its question's answer must be the number of a choice, from 0 (the first) to "
                "{last}; {value} is not.",
            ).format(last=len(choices) - 1, value=_shown(answer))
        )
    explain = _words(value["explain"], "explain", MAX_EXPLAIN)
    return Question(ask, choices, int(answer), explain)


def _words(value, key: str, limit: int) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _Problem(
            translate("lessons", "its question's {key} must be a text that is not empty.").format(
                key=key
            )
        )
    if len(value) > limit:
        raise _too_long(
            translate("lessons", "its question's {key}").format(key=key), len(value), limit
        )
    return value.strip()
