"""Class weights in session and model files: they come back as they were (labels that are
numbers stay numbers, texts stay texts), files without them open unweighted, and weights a
file should not hold are refused in one sentence."""

import json
import zipfile

import numpy as np
import pytest

from logreg_gui.core import DataError, DataSettings, LogisticRegressionGD, prepare_data
from logreg_gui.core.files.model_file import load_model, model_of, save_model
from logreg_gui.core.files.session_file import SavedSession, load_session, save_session
from logreg_gui.core.training.history import RunHistory

WEIGHTS = [None, "balanced", {0: 1.0, 1: 10.0}, {"0": 2.0, 1: 0.5}, {"yes": 3.0, -1: 0.25}]


@pytest.fixture(scope="module")
def split():
    return prepare_data(DataSettings())


def a_session(split, class_weight):
    # Trained unweighted: what the file keeps of the settings is what is tested (some of
    # these weights name labels these data do not have).
    model = LogisticRegressionGD(learning_rate=0.5, epochs=30, random_state=0)
    run = model.start_training(split.X_train, split.y_train, keep_weights=True)
    settings = dict(model.get_params(), class_weight=class_weight)
    history = RunHistory(settings, label="weighted")
    while not run.finished:
        history.append(run.advance())
    history.finish(run.stop_reason, run.message)
    return SavedSession(
        data_settings={"source": "generated", "seed": 0},
        model_settings={"learning_rate": 0.5, "class_weight": class_weight},
        runs=[history],
        current=0,
        selected=0,
        shown_epoch=None,
    )


def same(a, b):
    """Equal, and labels of the same types (0 is not "0")."""
    if isinstance(a, dict):
        return a == b and [type(k) for k in a] == [type(k) for k in b]
    return a == b


@pytest.mark.parametrize("class_weight", WEIGHTS)
def test_a_session_keeps_its_class_weights(split, tmp_path, class_weight):
    path = tmp_path / "weighted.lrsession"
    save_session(path, a_session(split, class_weight))
    loaded = load_session(path)
    assert same(loaded.runs[0].settings["class_weight"], class_weight)
    assert same(loaded.model_settings["class_weight"], class_weight)


@pytest.mark.parametrize("class_weight", WEIGHTS)
def test_a_model_keeps_its_class_weights(split, tmp_path, class_weight):
    model = LogisticRegressionGD(epochs=5, random_state=0).fit(split.X_train, split.y_train)
    training = dict(model.get_params(), class_weight=class_weight, epochs_run=5)
    path = tmp_path / "weighted.json"
    save_model(path, model_of(split, model.coef_, model.intercept_, training=training))
    assert same(load_model(path).training["class_weight"], class_weight)
    if isinstance(class_weight, dict):  # pairs, not an object with text keys
        kept = json.loads(path.read_text())["training"]["class_weight"]
        assert kept == [[k, v] for k, v in class_weight.items()]


def test_numpy_labels_are_kept_as_plain_numbers(split, tmp_path):
    model = LogisticRegressionGD(epochs=5, random_state=0).fit(split.X_train, split.y_train)
    weights = {np.int64(0): np.float64(2.0), np.int64(1): 1.0}
    training = dict(model.get_params(), class_weight=weights)
    path = tmp_path / "numpy.json"
    save_model(path, model_of(split, model.coef_, model.intercept_, training=training))
    assert same(load_model(path).training["class_weight"], {0: 2.0, 1: 1.0})


def test_files_without_class_weights_open_unweighted(split, tmp_path):
    path = tmp_path / "earlier.lrsession"
    save_session(path, a_session(split, None))
    with zipfile.ZipFile(path) as archive:
        parts = {item.filename: archive.read(item) for item in archive.infolist()}
    document = json.loads(parts["session.json"])
    for run in document["runs"]:
        del run["settings"]["class_weight"]
    del document["model_settings"]["class_weight"]
    parts["session.json"] = json.dumps(document).encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    loaded = load_session(path)
    assert loaded.runs[0].settings.get("class_weight") is None
    assert LogisticRegressionGD(**loaded.runs[0].settings).class_weight is None


@pytest.mark.parametrize(
    "kept",
    [
        {"0": 1.0, "1": 10.0},  # an object: its keys would all be texts
        [[0, 0.0]],
        [[0, -2.0]],
        [[0, "10"]],
        [[0, None]],
        [[True, 1.0]],
        [[None, 1.0]],
        [[[0], 1.0]],
        [[0, 1.0], [0, 2.0]],
        [[0, 1.0, 2.0]],
        [0, 1.0],
        "even",
        7,
    ],
)
def test_class_weights_a_file_should_not_hold_are_refused_in_one_sentence(split, tmp_path, kept):
    path = tmp_path / "weights.lrsession"
    save_session(path, a_session(split, {0: 1.0, 1: 2.0}))
    with zipfile.ZipFile(path) as archive:
        parts = {item.filename: archive.read(item) for item in archive.infolist()}
    document = json.loads(parts["session.json"])
    document["runs"][0]["settings"]["class_weight"] = kept
    parts["session.json"] = json.dumps(document).encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    with pytest.raises(DataError) as refused:
        load_session(path)
    assert str(refused.value) == (
        "weights.lrsession is damaged: the setting of the class weights is not as it should be."
    )
