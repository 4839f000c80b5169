"""Lesson files: the shipped lessons read, agree across languages and set up real data and
models; every kind of bad or hostile lesson file is refused in one plain sentence naming
its step, and a huge file is refused before it is read."""

import json
import re
import tracemalloc
import warnings
from pathlib import Path

import pytest
from sklearn.exceptions import ConvergenceWarning

from logreg_gui.core import DataError, DataSettings, LogisticRegressionGD, prepare_data
from logreg_gui.core.data.settings import settings_from_dict
from logreg_gui.core.i18n import set_translator
from logreg_gui.core.lessons import (
    MAX_FILE_BYTES,
    MAX_STEPS,
    Lesson,
    Question,
    Setup,
    lesson_file,
    parse_lesson,
    read_lesson,
    shipped_lessons,
)

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "resources" / "lessons"
ALL_FILES = sorted(FOLDER.glob("*.md"))
UI_SOURCE = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "logreg_gui/ui").rglob("*.py"))

#: Where a sentence ends, in English and in Chinese.
ENDS = {"en": re.compile(r"[.!?](?=\s|$)"), "zh_CN": re.compile(r"[。！？]")}


# The shipped lessons ---------------------------------------------------------------------------
def test_nine_lessons_are_shipped_in_english_and_chinese():
    english, chinese = shipped_lessons("en"), shipped_lessons("zh_CN")
    assert len(english) == len(chinese) == 9
    assert all(path.name.endswith(".en.md") for path in english)
    assert all(path.name.endswith(".zh_CN.md") for path in chinese)
    assert [p.name.split(".")[0] for p in english] == [p.name.split(".")[0] for p in chinese]
    assert english[0].name == "01-blog-run.en.md" and english[-1].name == "09-penalties.en.md"
    assert len(ALL_FILES) == 18


def test_a_language_without_files_falls_back_to_english():
    assert shipped_lessons("fr") == shipped_lessons("en")


def test_a_lesson_missing_in_a_language_is_shown_in_english(tmp_path, monkeypatch):
    for name in ("01-a.en.md", "01-a.zh_CN.md", "02-b.en.md", "notes.txt", "03-c.md"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    monkeypatch.setattr(lesson_file, "LESSONS_FOLDER", tmp_path)
    assert [p.name for p in shipped_lessons("zh_CN")] == ["01-a.zh_CN.md", "02-b.en.md"]
    assert [p.name for p in shipped_lessons("en")] == ["01-a.en.md", "02-b.en.md"]


@pytest.mark.parametrize("path", ALL_FILES, ids=lambda p: p.name)
def test_every_shipped_lesson_reads_and_is_a_lesson_of_four_to_eight_steps(path):
    lesson = read_lesson(path)
    assert isinstance(lesson, Lesson) and lesson.path == path
    assert lesson.language == path.name.split(".")[1]
    assert lesson.title and lesson.intro
    assert 4 <= len(lesson.steps) <= 8
    assert any(step.question is not None for step in lesson.steps)
    for step in lesson.steps:
        sentences = len(ENDS[lesson.language].findall(step.text))
        assert 2 <= sentences <= 4, (step.title, step.text)
        if step.question is not None:
            assert step.question.ask and step.question.explain
            assert 0 <= step.question.answer < len(step.question.choices)


def pairs():
    return [
        pytest.param(read_lesson(en), read_lesson(zh), id=en.name.split(".")[0])
        for en, zh in zip(shipped_lessons("en"), shipped_lessons("zh_CN"), strict=True)
    ]


@pytest.mark.parametrize(("english", "chinese"), pairs())
def test_english_and_chinese_lessons_differ_only_in_their_words(english, chinese):
    assert len(english.steps) == len(chinese.steps)
    for en, zh in zip(english.steps, chinese.steps, strict=True):
        assert en.setup == zh.setup and en.point == zh.point
        assert (en.question is None) == (zh.question is None)
        if en.question is not None:
            assert en.question.answer == zh.question.answer
            assert len(en.question.choices) == len(zh.question.choices)
        assert en.text != zh.text
    # The Chinese ones are Chinese: the blog's terms are there.
    words = " ".join(step.text for step in chinese.steps)
    assert re.search(r"[\u4e00-\u9fff]", words)


def test_the_chinese_lessons_use_the_blogs_terms():
    text = " ".join(path.read_text(encoding="utf-8") for path in shipped_lessons("zh_CN"))
    for term in (
        "学习率",
        "损失",
        "梯度",
        "权重",
        "偏置",
        "标准化",
        "数据泄露",
        "测试集",
        "训练集",
    ):
        assert term in text, term
    assert "前向传播" in text and "阈值" in text


def shipped_steps():
    return [step for path in ALL_FILES for step in read_lesson(path).steps]


def test_every_tab_and_point_names_a_part_of_the_window():
    names = {step.point for step in shipped_steps()} | {s.setup.tab for s in shipped_steps()}
    names.discard(None)
    assert names
    for name in names:
        assert f'"{name}"' in UI_SOURCE, name


def test_every_setup_makes_real_data_and_a_model_that_trains():
    data = {json.dumps(s.setup.data, sort_keys=True, default=list) for s in shipped_steps()}
    data.discard("null")
    assert len(data) >= 4
    splits = []
    for text in data:
        settings = settings_from_dict(json.loads(text))
        assert isinstance(settings, DataSettings)
        splits.append(prepare_data(settings))
    models = [s.setup.model for s in shipped_steps() if s.setup.model is not None]
    assert {m["learning_rate"] for m in models} >= {0.0001, 0.01, 1, 50}
    split = splits[0]
    for model in models:
        estimator = LogisticRegressionGD(**model)
        assert estimator.get_params()["learning_rate"] == model["learning_rate"]
        # The estimator's own validation (at fit) accepts them; one epoch is enough to tell
        # (a learning rate of 50 may warn that one epoch made the loss rise: that is the point).
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            LogisticRegressionGD(**{**model, "epochs": 1}).fit(split.X_train, split.y_train)


def test_the_first_lesson_runs_the_blogs_settings():
    first = read_lesson(shipped_lessons("en")[0]).steps[0].setup
    settings = settings_from_dict(first.data)
    assert settings.generation.n_samples == 150 and settings.generation.n_features == 10
    assert (settings.seed, settings.test_size, settings.standardize) == (0, 0.3, False)
    assert first.model == {"learning_rate": 0.01, "epochs": 3000}


# The format ------------------------------------------------------------------------------------
FRONT = "---\ntitle: A lesson\nlanguage: en\n---\n"


def step(setup=None, question=None, text="Look at the plot. It moves.", title="A step"):
    lines = [f"## {title}"]
    if setup is not None:
        block = setup if isinstance(setup, str) else json.dumps(setup)
        lines += ["```setup", block, "```"]
    lines.append(text)
    if question is not None:
        block = question if isinstance(question, str) else json.dumps(question)
        lines += ["```question", block, "```"]
    return "\n".join(lines) + "\n"


QUESTION = {"ask": "Up or down?", "choices": ["Up", "Down"], "answer": 1, "explain": "Down."}

EXAMPLE = """---
title: The blog's run, line by line
language: en
---
Optional intro paragraph(s).

## Data, split and weights
```setup
{"data": {"source": "generated", "generation": {"n_samples": 150, "n_features": 10},
  "seed": 0, "standardize": false},
 "model": {"learning_rate": 0.01, "epochs": 3000}, "epoch": 0, "tab": "lossPlot",
 "point": "trainButton"}
```
Two to four sentences of Markdown prose explaining what to look at.

```question
{"ask": "After 100 epochs, will the loss be above or below 0.5?", "choices": ["Above", "Below"],
 "answer": 1, "explain": "It falls fast at first."}
```

## Forward
```python
## a comment in an example, not a step
z = np.dot(theta, X.T) + bias
```
The score, then the sigmoid.
"""


def test_the_example_of_the_format_reads_as_it_says():
    lesson = parse_lesson(EXAMPLE)
    assert (lesson.title, lesson.language, lesson.path) == (
        "The blog's run, line by line",
        "en",
        None,
    )
    assert lesson.intro == "Optional intro paragraph(s)."
    first, second = lesson.steps
    assert first.title == "Data, split and weights"
    assert first.text == "Two to four sentences of Markdown prose explaining what to look at."
    assert first.point == "trainButton"
    assert first.setup.model == {"learning_rate": 0.01, "epochs": 3000}
    assert (first.setup.epoch, first.setup.tab, first.setup.sample) == (0, "lossPlot", None)
    # The step's data are the defaults with its own settings over them.
    settings = settings_from_dict(first.setup.data)
    assert settings.standardize is False and settings.test_size == 0.3
    assert settings.generation.n_informative == 2
    assert first.question == Question(
        "After 100 epochs, will the loss be above or below 0.5?",
        ("Above", "Below"),
        1,
        "It falls fast at first.",
    )
    assert second.setup == Setup() and second.point is None and second.question is None
    assert second.text.startswith("```python\n## a comment") and "sigmoid" in second.text


def test_quoted_values_a_byte_order_mark_and_windows_line_ends_are_read():
    text = '\ufeff---\r\ntitle: "Quoted"\r\nlanguage: zh_CN\r\n---\r\n## 一步\r\n看这里。\r\n'
    lesson = parse_lesson(text)
    assert (lesson.title, lesson.language, lesson.steps[0].text) == ("Quoted", "zh_CN", "看这里。")


def test_a_setup_sets_the_epoch_sample_and_threshold():
    setup = {"epoch": "end", "sample": 3, "threshold": 1, "tab": "sigmoidView"}
    lesson = parse_lesson(FRONT + step(setup))
    assert lesson.steps[0].setup == Setup(epoch="end", sample=3, threshold=1.0, tab="sigmoidView")


def nested(depth):
    return '{"data": {"paint": ' + "[" * depth + "]" * depth + "}}"


#: (case, file content, the step named in the message or None, a piece of the message)
BAD = [
    ("no front matter", step(), None, "front matter"),
    ("front matter not closed", "---\ntitle: A\nlanguage: en\n" + step(), None, "not closed"),
    ("no title", "---\nlanguage: en\n---\n" + step(), None, "no 'title"),
    ("unknown language", "---\ntitle: A\nlanguage: fr\n---\n" + step(), None, "'fr'"),
    ("unknown front key", "---\ntitle: A\nlanguage: en\nauthor: B\n---\n", None, "'author'"),
    ("title too long", f"---\ntitle: {'a' * 121}\nlanguage: en\n---\n" + step(), None, "121"),
    ("no steps", FRONT + "Only an introduction.\n", None, "no steps"),
    ("too many steps", FRONT + step() * (MAX_STEPS + 1), None, "more than 40 steps"),
    ("setup before a step", FRONT + "```setup\n{}\n```\n" + step(), None, "before the first"),
    ("unknown setup key", FRONT + step({"colour": "red"}), 1, "unknown key 'colour'"),
    ("bad JSON", FRONT + step() + step('{"epoch": 3,}'), 2, "not valid JSON (line"),
    ("NaN", FRONT + step('{"threshold": NaN}'), 1, "NaN"),
    ("infinity", FRONT + step('{"model": {"alpha": 1e999}}'), 1, "infinity"),
    ("a number of 5000 digits", FRONT + step('{"sample": ' + "1" * 5000 + "}"), 1, "JSON"),
    (
        "learning rate -1",
        FRONT + step() * 2 + step({"model": {"learning_rate": -1}}),
        3,
        "the learning rate must be a number greater than 0; -1 is not.",
    ),
    ("unknown model setting", FRONT + step({"model": {"optimiser": "gd"}}), 1, "'optimiser'"),
    ("epochs 0", FRONT + step({"model": {"epochs": 0}}), 1, "epochs must be"),
    ("unknown data source", FRONT + step({"data": {"source": "mars"}}), 1, "'mars'"),
    ("a file's data", FRONT + step({"data": {"source": "file", "path": "/etc/x"}}), 1, "file"),
    (
        "too few samples",
        FRONT + step({"data": {"generation": {"n_samples": 1}}}),
        1,
        "the number of samples must be",
    ),
    ("test size 1", FRONT + step({"data": {"test_size": 1}}), 1, "the test size must be"),
    (
        "bad shape noise",
        FRONT + step({"data": {"source": "moons", "shape": {"noise": -1}}}),
        1,
        "-1 is not",
    ),
    ("bad combination", FRONT + step({"data": {"generation": {"n_features": 3}}}), 1, "4"),
    ("unknown data field", FRONT + step({"data": {"colour": 1}}), 1, "colour"),
    ("negative epoch", FRONT + step({"epoch": -1}), 1, "-1 is not"),
    ("epoch as text", FRONT + step({"epoch": "later"}), 1, "'later'"),
    ("epoch beyond", FRONT + step({"model": {"epochs": 10}, "epoch": 11}), 1, "beyond"),
    ("tab not a name", FRONT + step({"tab": "a b"}), 1, "'a b'"),
    ("point with a newline", FRONT + step({"point": "x\ny"}), 1, "point"),
    ("sample true", FRONT + step({"sample": True}), 1, "true is not"),
    ("threshold 1.5", FRONT + step({"threshold": 1.5}), 1, "1.5 is not"),
    ("setup a list", FRONT + step("[1, 2]"), 1, "not a JSON object"),
    ("a key twice", FRONT + step('{"epoch": 1, "epoch": 2}'), 1, "'epoch' twice"),
    ("deep nesting", FRONT + step(nested(9)), 1, "deeper than 8"),
    ("deeper nesting", FRONT + step(nested(100_000)), 1, "deeper than 8"),
    ("answer out of range", FRONT + step(question={**QUESTION, "answer": 2}), 1, "to 1; 2"),
    ("answer a bool", FRONT + step(question={**QUESTION, "answer": True}), 1, "answer"),
    ("one choice", FRONT + step(question={**QUESTION, "choices": ["Up"]}), 1, "from 2 to 6"),
    ("seven choices", FRONT + step(question={**QUESTION, "choices": ["a"] * 7}), 1, "2 to 6"),
    ("long choice", FRONT + step(question={**QUESTION, "choices": ["a" * 201, "b"]}), 1, "201"),
    (
        "no explanation",
        FRONT + step(question={k: v for k, v in QUESTION.items() if k != "explain"}),
        1,
        "no 'explain'",
    ),
    ("unknown question key", FRONT + step(question={**QUESTION, "hint": "x"}), 1, "'hint'"),
    ("empty step text", FRONT + step() + step(text="   "), 2, "no text"),
    ("step text too long", FRONT + step(text="a" * 2001), 1, "2,001"),
    ("no step title", FRONT + "##\nSome text.\n", 1, "no title"),
    (
        "two setup blocks",
        FRONT + step({"epoch": 1}) + "```setup\n{}\n```\n",
        1,
        "two ```setup blocks",
    ),
    ("setup not closed", FRONT + step() + "## B\n```setup\n{}\n", 2, "not closed"),
]


@pytest.mark.parametrize(
    ("content", "where", "words"), [b[1:] for b in BAD], ids=[b[0] for b in BAD]
)
def test_a_bad_lesson_is_refused_in_one_sentence_naming_its_step(tmp_path, content, where, words):
    path = tmp_path / "lesson.md"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        read_lesson(path)
    message = str(caught.value)
    assert words in message
    assert_one_sentence(message)
    if where is None:
        assert message.startswith("lesson.md")
    else:
        assert message.startswith(f"Step {where} of lesson.md: ")


def assert_one_sentence(message):
    assert "\n" not in message and "Traceback" not in message
    assert message.endswith(".")
    assert not re.search(r"[.!?]\s+[A-Z]", message), message  # no second sentence
    assert len(message) < 400


def test_the_cases_cover_what_is_asked():
    assert len(BAD) >= 15


def test_a_file_that_is_not_utf8_is_refused_in_a_sentence(tmp_path):
    path = tmp_path / "lesson.md"
    path.write_bytes(FRONT.encode() + "## Étape\nRegardez.\n".encode("latin-1"))
    with pytest.raises(DataError, match=r"^lesson\.md is not UTF-8 text .*save it as UTF-8\.$"):
        read_lesson(path)


def test_a_file_over_the_limit_is_refused(tmp_path):
    path = tmp_path / "lesson.md"
    path.write_text(FRONT + step() + "a" * MAX_FILE_BYTES, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        read_lesson(path)
    assert "too large" in str(caught.value)
    assert_one_sentence(str(caught.value))
    with pytest.raises(DataError, match="larger than 256 KiB"):
        parse_lesson(FRONT + step() + "a" * MAX_FILE_BYTES)


def test_a_huge_file_is_refused_without_being_read(tmp_path):
    path = tmp_path / "huge.md"
    with open(path, "wb") as handle:
        handle.write(FRONT.encode())
        handle.truncate(2**30)  # a sparse gibibyte: no disk used, but read whole it is 1 GiB
    tracemalloc.start()
    try:
        with pytest.raises(DataError, match=r"huge\.md is too large"):
            read_lesson(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 2**20


def test_a_folder_or_a_missing_file_is_refused_in_a_sentence(tmp_path):
    for path in (tmp_path, tmp_path / "missing.md"):
        with pytest.raises(DataError) as caught:
            read_lesson(path)
        assert_one_sentence(str(caught.value))


def test_a_lesson_parsed_from_text_is_named_as_such():
    with pytest.raises(DataError, match=r"^Step 1 of The lesson: .*unknown key 'x'"):
        parse_lesson(FRONT + step({"x": 1}))


def test_messages_are_said_in_the_language_in_use():
    chinese = {"Step {step} of {name}: {problem}": "第 {step} 步（{name}）：{problem}"}
    set_translator(lambda context, text: chinese.get(text, text) if context == "lessons" else text)
    try:
        with pytest.raises(DataError, match=r"^第 2 步（The lesson）："):
            parse_lesson(FRONT + step() + step({"epoch": -1}))
    finally:
        set_translator(None)
