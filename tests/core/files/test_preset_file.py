"""Teacher's presets: exact round trips, data files beside the preset, and bad presets
refused in one sentence."""

import json

import pytest

from logreg_gui.core import DataError
from logreg_gui.core.data.settings import DataSettings, settings_to_dict
from logreg_gui.core.files.preset_file import Preset, read_preset, write_preset


def test_a_preset_comes_back_as_it_was_saved(tmp_path):
    preset = Preset(
        title="Moons, class 3B",
        data=settings_to_dict(DataSettings(source="moons", seed=4, test_size=0.25)),
        model={"learning_rate": 0.5, "epochs": 200, "class_weight": {0: 2.0, 1: 1.0}},
        tab="boundaryView",
        hidden=("raceButton", "penaltyInput"),
        locked=("learningRateInput",),
        lesson="04-learning-rate",
    )
    path = tmp_path / "class.lrpreset"
    write_preset(path, preset)
    back = read_preset(path)
    assert back.title == preset.title and back.data == preset.data
    assert back.model == preset.model
    assert (back.tab, back.hidden, back.locked) == (preset.tab, preset.hidden, preset.locked)
    assert back.shipped_lesson() == "04-learning-rate" and back.lesson_path() is None


def test_a_data_file_and_a_lesson_handed_out_beside_the_preset_are_found_there(tmp_path):
    folder = tmp_path / "handout"
    folder.mkdir()
    (folder / "marks.csv").write_text("a,b,passed\n1,2,0\n3,4,1\n")
    data = settings_to_dict(DataSettings(source="file", path=str(folder / "marks.csv")))
    write_preset(folder / "class.lrpreset", Preset(data=data, lesson="mine.md"))
    written = json.loads((folder / "class.lrpreset").read_text())
    assert written["data"]["path"] == "marks.csv"  # relative: the folder may move
    moved = tmp_path / "elsewhere"
    (folder).rename(moved)
    back = read_preset(moved / "class.lrpreset")
    assert back.data["path"] == str((moved / "marks.csv").resolve())
    assert back.lesson_path() == (moved / "mine.md").resolve()


def header(**values):
    return {"format": "logreg-gui preset", "version": 1, **values}


BAD = {
    "not JSON": (b"{nope", "not a preset file"),
    "not UTF-8": (b"\xff\xfe{}", "not a preset file"),
    "a model file": (json.dumps({"format": "logreg-gui model", "version": 1}), "not a"),
    "newer": (json.dumps(header(version=99)), "newer logreg-gui"),
    "unknown key": (json.dumps(header(script="rm -rf /")), "does not know: script"),
    "NaN": (b'{"format": "logreg-gui preset", "version": 1, "model": {"alpha": NaN}}', "not"),
    "bad learning rate": (json.dumps(header(model={"learning_rate": -1})), "damaged"),
    "bad data source": (json.dumps(header(data={"source": "nowhere"})), "data settings"),
    "bad test size": (json.dumps(header(data={"test_size": 2})), "data settings"),
    "tab not a name": (json.dumps(header(tab="../../etc")), "damaged"),
    "hidden not a list": (json.dumps(header(hidden="raceButton")), "damaged"),
    "hidden names bad": (json.dumps(header(hidden=["ok", "not ok!"])), "damaged"),
    "too many hidden": (json.dumps(header(hidden=[f"x{i}" for i in range(500)])), "damaged"),
    "lesson a program": (json.dumps(header(lesson="/bin/sh")), "damaged"),
    "title a number": (json.dumps(header(title=3)), "damaged"),
    "deep": (
        b'{"format": "logreg-gui preset", "version": 1, "data": ' + b"[" * 100_000,
        "nested too deeply",
    ),
}


@pytest.mark.parametrize("how", list(BAD))
def test_bad_presets_are_one_sentence(tmp_path, how):
    content, words = BAD[how]
    path = tmp_path / "bad.lrpreset"
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    with pytest.raises(DataError) as refused:
        read_preset(path)
    message = str(refused.value)
    assert words in message and "\n" not in message and "bad.lrpreset" in message


def test_a_huge_file_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "huge.lrpreset"
    with open(path, "wb") as handle:
        handle.truncate(2**30)
    with pytest.raises(DataError, match=r"huge\.lrpreset"):
        read_preset(path)
