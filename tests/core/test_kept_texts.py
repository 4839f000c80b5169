"""Texts kept with a run (its label, why it stopped, a warning) are data, said in the
language in use each time they are shown — and a file's kept texts are checked before use.

The translations come from the shipped ``.ts`` file, read here with the standard library (no
Qt), so that "in Chinese" means what a person would read in the Chinese window."""

import math
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import numpy as np
import pytest

from logreg_gui.core import DataSettings, LogisticRegressionGD, prepare_data
from logreg_gui.core.files.session_file import SavedSession, load_session, save_session
from logreg_gui.core.i18n import Joined, Phrase, from_data, set_translator, to_data
from logreg_gui.core.training.history import RunHistory

TS = Path(__file__).resolve().parents[2] / "resources" / "translations" / "logreg_gui_zh_CN.ts"


@pytest.fixture(scope="module")
def chinese_texts():
    texts = {}
    for context in ElementTree.parse(TS).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            texts[name, message.findtext("source")] = message.findtext("translation")
    return texts


@pytest.fixture
def in_chinese(chinese_texts):
    """Switches the core's texts to Chinese for the test's `with` block."""

    class Switch:
        def __enter__(self):
            set_translator(lambda context, text: chinese_texts.get((context, text)) or text)

        def __exit__(self, *exc):
            set_translator(None)

    yield Switch()
    set_translator(None)


@pytest.fixture(scope="module")
def split():
    return prepare_data(DataSettings())


def finished_run(split, **params):
    model = LogisticRegressionGD(random_state=0, **params)
    run = model.start_training(split.X_train, split.y_train, split.X_test, split.y_test)
    history = RunHistory(
        model.get_params(),
        label=Phrase.translate("Session", "run {number}: {settings}").format(
            number=3, settings=Joined(", ", Joined(" ", "lr", f"{params['learning_rate']:g}"), "gd")
        ),
    )
    while not run.finished:
        history.append(run.advance())
    history.finish(run.stop_reason, run.kept_message)
    return run, history


def test_a_phrase_is_said_in_the_language_in_use(in_chinese):
    phrase = Phrase.translate("training", "completed all {epochs:,} epochs.").format(epochs=3000)
    assert str(phrase) == "completed all 3,000 epochs."
    with in_chinese:
        assert str(phrase) == "完成了全部 3,000 轮。"
    assert f"[{phrase}]" == "[completed all 3,000 epochs.]"


def test_a_runs_message_warning_and_label_follow_the_language(split, in_chinese):
    """Made in English, shown in Chinese after the switch — and back — with the numbers of the
    run itself (the same run's warning, as the English one says it)."""
    run, history = finished_run(split, learning_rate=1000.0, epochs=300)
    assert history.message == "completed all 300 epochs."
    assert history.warning.startswith("the loss is rising: over epochs 1–50")
    assert history.label == "run 3: lr 1000, gd"
    with in_chinese:
        assert history.message == "完成了全部 300 轮。" == run.message
        assert history.warning.startswith("损失在上升：第 1–50 轮的平均值为")
        assert "学习率 1000 很可能过大；试试 1。" in history.warning
        assert history.label.startswith("运行 3") and history.label.endswith("lr 1000, gd")
    assert history.message == "completed all 300 epochs." == run.message


def test_kept_texts_round_trip_as_json_with_numpy_numbers_and_infinities():
    phrase = Phrase.translate("training", "{a} {b:.3g} {c:,} {d}").format(
        a=Phrase.translate("Session", "none"),
        b=np.float32(0.5),
        c=np.int64(12_000),
        d=Joined(" / ", math.inf, -math.inf, "x"),
    )
    data = to_data(phrase)
    assert type(data["values"]["c"]) is int and data["values"]["d"]["joined"][0] == {
        "number": "inf"
    }
    back = from_data(data)
    assert str(back) == "none 0.5 12,000 inf / -inf / x"
    assert from_data(to_data(back)) == back
    assert from_data("plain text") == "plain text" and from_data(None) is None


@pytest.mark.parametrize(
    "data",
    [
        {"context": "training", "text": "{x.__class__}", "values": {"x": 1}},
        {"context": "training", "text": "{x[0]}", "values": {"x": "ab"}},
        {"context": "training", "text": "{x!r}", "values": {"x": 1}},
        {"context": "training", "text": "{0}", "values": {"0": 1}},
        {"context": "training", "text": "{x:>999999999}", "values": {"x": 1}},
        {"context": "training", "text": "{x:d}", "values": {"x": "not a number"}},
        {"context": "training", "text": "{x:.3g}", "values": {"x": None}},
        {"context": "training", "text": "{missing}", "values": {}},
        {"context": "training", "text": "{x", "values": {"x": 1}},
        {"context": "training", "text": "x" * 5000, "values": {}},
        {"context": "training", "text": "{x}", "values": {"x": {"number": "1e999"}}},
        {"context": "training", "text": "t", "values": {f"v{i}": i for i in range(40)}},
        {"context": "training", "text": "t", "values": [], "extra": 1},
        {"context": "a context with spaces", "text": "t", "values": {}},
        {"context": 7, "text": "t", "values": {}},
        {"joined": ["a"] * 100, "separator": " "},
        {"joined": ["a"], "separator": " " * 100},
        [1, 2],
    ],
)
def test_a_kept_text_that_this_program_could_not_have_written_is_refused(data):
    with pytest.raises(ValueError):
        from_data(data)


def test_nesting_is_bounded():
    data = "end"
    for _ in range(50):
        data = {"context": "training", "text": "{x}", "values": {"x": data}}
    with pytest.raises(ValueError):
        from_data(data)


def test_a_session_saved_in_one_language_opens_in_the_other(tmp_path, split, in_chinese):
    """The file keeps the source and the values, not the words of the window that saved
    it: saved in English, opened in the Chinese window, the run speaks Chinese."""
    _, history = finished_run(split, learning_rate=1000.0, epochs=200)
    saved = SavedSession(
        data_settings={"source": "generated", "seed": 0},
        model_settings={"learning_rate": 1000.0},
        runs=[history],
        current=0,
        selected=0,
        shown_epoch=None,
    )
    path = tmp_path / "work.lrsession"
    save_session(path, saved)
    with in_chinese:
        loaded = load_session(path).runs[0]
        assert loaded.message == "完成了全部 200 轮。"
        assert loaded.warning.startswith("损失在上升：")
        assert loaded.label.startswith("运行 3")
    assert loaded.kept_texts() == history.kept_texts()
    assert (loaded.message, loaded.warning, loaded.label) == (
        history.message,
        history.warning,
        history.label,
    )
