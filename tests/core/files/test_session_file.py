"""Session files: exact round trips, and every kind of bad session file refused in words."""

import io
import json
import zipfile
from pathlib import Path

import numpy as np
import pytest

from logreg_gui.core import DataError, DataSettings, LogisticRegressionGD, prepare_data
from logreg_gui.core.data.reading import read_table
from logreg_gui.core.files.session_file import (
    SavedSession,
    load_session,
    save_session,
    split_from_dict,
    split_to_dict,
)
from logreg_gui.core.training.history import RunHistory

DATA = Path(__file__).resolve().parents[2] / "data"


def a_session(split):
    runs = []
    for lr in (0.05, 0.5):
        model = LogisticRegressionGD(learning_rate=lr, epochs=120, random_state=0)
        run = model.start_training(
            split.X_train, split.y_train, split.X_test, split.y_test, keep_weights=True
        )
        history = RunHistory(model.get_params(), label=f"lr {lr}")
        while not run.finished:
            history.append(run.advance())
        history.finish(run.stop_reason, run.message)
        runs.append(history)
    return SavedSession(
        data_settings={"source": "generated", "seed": 0},
        model_settings={"learning_rate": 0.5},
        runs=runs,
        current=1,
        selected=7,
        shown_epoch=60,
    )


def test_a_session_comes_back_exactly(tmp_path):
    split = prepare_data(DataSettings())
    saved = a_session(split)
    path = tmp_path / "work.lrsession"
    save_session(path, saved)
    loaded = load_session(path)
    assert (loaded.current, loaded.selected, loaded.shown_epoch) == (1, 7, 60)
    assert loaded.data_settings == saved.data_settings
    for before, after in zip(saved.runs, loaded.runs):
        assert after.label == before.label and after.message == before.message
        for name in ("objective", "test_accuracy"):
            np.testing.assert_array_equal(after.curves.curve(name)[1], before.curves.curve(name)[1])
        for epoch in (0, 60, 119, 120):
            np.testing.assert_array_equal(
                after.parameters_at(epoch)[0], before.parameters_at(epoch)[0]
            )
        assert after.latest["epoch"] == before.latest["epoch"]
    # No pickle anywhere: every array in the file loads with allow_pickle=False.
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.endswith(".npy"):
                np.load(io.BytesIO(archive.read(name)), allow_pickle=False)


def test_embedded_data_and_text_labels_come_back(tmp_path):
    split = prepare_data(DataSettings(source="iris"))
    saved = a_session(split)
    data = {
        "X_train": split.X_train, "X_test": split.X_test,
        "y_train": split.y_train, "y_test": split.y_test,
        "feature_names": list(split.feature_names), "source": split.source,
    }  # fmt: skip
    path = tmp_path / "with-data.lrsession"
    save_session(path, SavedSession(**{**saved.__dict__, "data": data}))
    loaded = load_session(path)
    np.testing.assert_array_equal(loaded.data["X_test"], split.X_test)
    assert list(loaded.data["y_train"]) == list(split.y_train)


def test_a_split_kept_in_a_session_file_predicts_new_rows_as_the_original(tmp_path, penguins):
    split, _ = penguins
    saved = SavedSession(
        data_settings={}, model_settings={}, runs=[], current=None, selected=0,
        shown_epoch=None, data=split_to_dict(split),
    )  # fmt: skip
    path = tmp_path / "kept.lrsession"
    save_session(path, saved)
    back = split_from_dict(load_session(path).data, path)
    np.testing.assert_array_equal(back.X_train, split.X_train)
    np.testing.assert_array_equal(back.X_test_display, split.X_test_display)
    assert list(back.classes) == list(split.classes) and back.notes == split.notes
    frame = read_table(DATA / "penguins.csv").frame.dropna()
    np.testing.assert_array_equal(
        back.preprocessing.transform(frame), split.preprocessing.transform(frame)
    )
    broken = dict(split_to_dict(split), X_test=split.X_test[:, :2], X_test_display=None)
    with pytest.raises(DataError, match="do not fit together"):
        split_from_dict(broken, path)


def damaged(path, tmp_path, how):
    raw = path.read_bytes()
    bad = tmp_path / f"{how}.lrsession"
    if how == "cut short":
        bad.write_bytes(raw[: len(raw) // 2])
    elif how == "not a zip":
        bad.write_bytes(b"PK\x03\x04garbage" + raw[100:200])
    else:
        with zipfile.ZipFile(path) as source, zipfile.ZipFile(bad, "w") as target:
            for item in source.infolist():
                content = source.read(item.filename)
                if item.filename == "session.json":
                    document = json.loads(content)
                    if how == "newer":
                        document["version"] = 7
                    elif how == "foreign":
                        document["format"] = "something"
                    elif how == "runs":
                        document["current"] = 9
                    content = json.dumps(document)
                elif how == "pickled array" and item.filename.endswith("curves_low.npy"):
                    buffer = io.BytesIO()
                    np.save(buffer, np.array([object()]), allow_pickle=True)
                    content = buffer.getvalue()
                target.writestr(item.filename, content)
    return bad


@pytest.mark.parametrize(
    "how,words",
    [
        ("cut short", "not a session file"),
        ("not a zip", "not a session file"),
        ("newer", "newer logreg-gui"),
        ("foreign", "not a logreg-gui session"),
        ("runs", "damaged"),
        ("pickled array", "damaged"),
    ],
)
def test_bad_session_files_get_one_plain_sentence(tmp_path, how, words):
    split = prepare_data(DataSettings())
    path = tmp_path / "good.lrsession"
    save_session(path, a_session(split))
    with pytest.raises(DataError, match=words) as error:
        load_session(damaged(path, tmp_path, how))
    assert "\n" not in str(error.value)


def test_a_continued_run_keeps_the_epoch_it_continued_from(tmp_path):
    saved = a_session(prepare_data(DataSettings()))
    branch = saved.runs[0].branch(40, saved.runs[0].settings, label="from 40")
    branch.append(None)  # nothing trained yet beyond the copied epochs
    branch.latest = saved.runs[0].latest
    saved.runs.append(branch)
    path = tmp_path / "branch.lrsession"
    save_session(path, saved)
    assert [r.continued_from for r in load_session(path).runs] == [None, None, 40]
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(tmp_path / "bad.lrsession", "w") as bad:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "session.json":
                document = json.loads(content)
                document["runs"][2]["continued_from"] = 10**9  # beyond its last epoch
                content = json.dumps(document)
            bad.writestr(item.filename, content)
    with pytest.raises(DataError, match="damaged"):
        load_session(tmp_path / "bad.lrsession")
