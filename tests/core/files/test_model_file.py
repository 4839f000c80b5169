"""Model files: exact round trips, and every kind of bad model file refused in words."""

import json
from pathlib import Path

import numpy as np
import pytest

from logreg_gui.core import DataError, DataSettings
from logreg_gui.core.data.reading import read_table
from logreg_gui.core.files.model_file import load_model, model_of, save_model

DATA = Path(__file__).resolve().parents[2] / "data"


def test_a_saved_model_predicts_raw_rows_as_the_trained_one(tmp_path, penguins):
    split, model = penguins
    path = tmp_path / "model.json"
    save_model(path, model_of(split, model.coef_, model.intercept_, training=model.get_params()))
    loaded = load_model(path)
    assert list(loaded.classes) == list(model.classes_)
    # Raw rows of the file, through the saved preprocessing, give the trained model's numbers.
    frame = read_table(DATA / "penguins.csv").frame.dropna()
    expected = model.predict_proba(split.preprocessing.transform(frame))
    np.testing.assert_array_equal(loaded.predict_proba(frame), expected)
    np.testing.assert_array_equal(
        loaded.predict(frame), model.predict(split.preprocessing.transform(frame))
    )
    assert json.loads(path.read_text())["format"] == "logreg-gui model"


def write_model(tmp_path, penguins, change):
    split, model = penguins
    path = tmp_path / "model.json"
    save_model(path, model_of(split, model.coef_, model.intercept_))
    data = json.loads(path.read_text())
    change(data)
    path.write_text(json.dumps(data))
    return path


BAD_MODELS = {
    "foreign": (lambda d: d.update(format="something else"), "is not a logreg-gui model"),
    "newer": (lambda d: d.update(version=99), "saved by a newer logreg-gui"),
    "shape": (lambda d: d.update(coef=[[1.0, 2.0]]), "shape"),
    "infinite": (lambda d: d["intercept"].__setitem__(0, 1e400), "not all finite"),
    "missing part": (lambda d: d.pop("coef"), "missing"),
    "one class": (lambda d: d.update(classes=["a"]), "two distinct classes"),
    "preprocessing": (lambda d: d["preprocessing"].update(scale=[0.0] * 5), "preprocessing"),
}


@pytest.mark.parametrize("kind", BAD_MODELS)
def test_bad_model_files_get_one_plain_sentence(tmp_path, penguins, kind):
    change, words = BAD_MODELS[kind]
    with pytest.raises(DataError, match=words) as error:
        load_model(write_model(tmp_path, penguins, change))
    assert "\n" not in str(error.value)


@pytest.mark.parametrize("content", [b"", b"\x00\x01junk", b'{"format": "logreg-gui mo'])
def test_files_that_are_not_models(tmp_path, content):
    path = tmp_path / "model.json"
    path.write_bytes(content)
    with pytest.raises(DataError, match="not a"):
        load_model(path)
    with pytest.raises(DataError, match="does not exist"):
        load_model(tmp_path / "nothing.json")
    with pytest.raises(DataError, match="not a regular file"):
        load_model(tmp_path)


def test_a_model_remembers_its_data_settings_and_file_digest(tmp_path, penguins):
    import hashlib

    split, model = penguins
    settings = DataSettings(source="file", path=str(DATA / "penguins.csv"))
    path = tmp_path / "model.json"
    save_model(path, model_of(split, model.coef_, model.intercept_, data_settings=settings))
    data = load_model(path).data
    assert data["settings"]["path"] == settings.path and data["settings"]["target"] is None
    assert data["file_sha256"] == hashlib.sha256((DATA / "penguins.csv").read_bytes()).hexdigest()


def test_the_model_files_are_reached_from_the_core_package():
    import logreg_gui.core as core
    from logreg_gui.core.files import model_file

    assert core.load_model is model_file.load_model
    assert core.save_model is model_file.save_model and "SavedModel" in core.__all__
