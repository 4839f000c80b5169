"""Session and model files of the version with one ``l2`` parameter open, its ``l2`` read as
the penalty: ``l2 = x > 0`` is ``penalty="l2", alpha=x``, ``l2 = 0`` no penalty."""

import json
import zipfile

import numpy as np
import pytest

from logreg_gui.core import DataSettings, LogisticRegressionGD, prepare_data
from logreg_gui.core.files.model_file import load_model, model_of, save_model
from logreg_gui.core.files.session_file import SavedSession, load_session, save_session
from logreg_gui.core.model.penalty import Penalty, penalty_of
from logreg_gui.core.training.history import RunHistory

#: What the previous version's LogisticRegressionGD.get_params() held (l2 a float, no penalty).
EARLIER_PARAMS = {
    "batch_size": None,
    "dtype": None,
    "epochs": 60,
    "init": "normal",
    "l2": 0.0,
    "learning_rate": 0.5,
    "momentum": 0.9,
    "n_iter_no_change": 10,
    "random_state": 0,
    "solver": "gd",
    "tol": None,
}


@pytest.fixture(scope="module")
def split():
    return prepare_data(DataSettings())


def earlier_settings(l2):
    return dict(EARLIER_PARAMS, l2=l2)


def as_earlier_version_wrote(path, l2):
    """Rewrite the session file ``path`` with the settings the previous version wrote: every
    run's settings and the form's as its estimator's parameters, with ``l2``."""
    with zipfile.ZipFile(path) as archive:
        parts = {item.filename: archive.read(item) for item in archive.infolist()}
    document = json.loads(parts["session.json"])
    for run in document["runs"]:
        run["settings"] = earlier_settings(l2)
    document["model_settings"] = {**earlier_settings(l2), "resets": 1}
    document["model_settings"].pop("random_state")
    parts["session.json"] = json.dumps(document).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)


@pytest.mark.parametrize("l2,penalty", [(0.1, Penalty("l2", 0.1)), (0.0, Penalty())])
def test_a_session_of_the_earlier_version_opens_with_its_penalty(split, tmp_path, l2, penalty):
    # The run trained as the earlier version trained it: l2 = x is penalty="l2", alpha=x.
    model = LogisticRegressionGD(epochs=60, learning_rate=0.5, random_state=0, **penalty.settings())
    run = model.start_training(
        split.X_train, split.y_train, split.X_test, split.y_test, keep_weights=True
    )
    history = RunHistory(earlier_settings(l2), label="run 1")
    while not run.finished:
        history.append(run.advance())
    history.finish(run.stop_reason, run.message)
    path = tmp_path / "earlier.lrsession"
    save_session(
        path,
        SavedSession(
            data_settings={"source": "generated", "seed": 0},
            model_settings=earlier_settings(l2),
            runs=[history],
            current=0,
            selected=0,
            shown_epoch=None,
        ),
    )
    as_earlier_version_wrote(path, l2)
    with zipfile.ZipFile(path) as archive:
        written = json.loads(archive.read("session.json"))
    assert written["runs"][0]["settings"]["l2"] == l2 and "penalty" not in written["model_settings"]

    loaded = load_session(path)
    for settings in (loaded.runs[0].settings, loaded.model_settings):
        assert "l2" not in settings
        assert penalty_of(settings) == penalty
        assert settings["penalty"] == penalty.kind
    assert loaded.model_settings["resets"] == 1
    # Its objective curve is that of its penalty: the weights give it back.
    epochs, objective = loaded.runs[0].curves.curve("objective")
    coef, intercept = loaded.runs[0].parameters_at(int(epochs[-1]))
    from logreg_gui.core.analysis.optimum import objective_value

    y = np.searchsorted(model.classes_, split.y_train)
    assert objective[-1] == pytest.approx(
        objective_value(split.X_train, y, coef, intercept, penalty), rel=1e-9
    )
    # The settings train again as they did.
    again = LogisticRegressionGD(**loaded.runs[0].settings)
    assert again.get_params()["penalty"] == penalty.kind
    again.fit(split.X_train, split.y_train)
    np.testing.assert_allclose(again.coef_, model.coef_, rtol=1e-12)


@pytest.mark.parametrize("l2,penalty", [(0.05, Penalty("l2", 0.05)), (0, Penalty())])
def test_a_model_file_of_the_earlier_version_opens_with_its_penalty(split, tmp_path, l2, penalty):
    model = LogisticRegressionGD(epochs=60, random_state=0, **penalty.settings()).fit(
        split.X_train, split.y_train
    )
    path = tmp_path / "earlier.json"
    save_model(path, model_of(split, model.coef_, model.intercept_, training={}))
    data = json.loads(path.read_text())
    # As the previous version wrote it: its estimator's parameters, epochs run, stop reason.
    data["training"] = dict(earlier_settings(l2), epochs_run=60, stop_reason="completed")
    path.write_text(json.dumps(data))

    loaded = load_model(path)
    assert "l2" not in loaded.training
    assert penalty_of(loaded.training) == penalty and loaded.training["epochs_run"] == 60
    np.testing.assert_array_equal(loaded.coef, model.coef_)


def test_a_file_naming_both_keeps_its_penalty(split, tmp_path):
    """Settings with a penalty and an l2 (none written so, but a hand edit may) keep the
    penalty: the l2 is the older name and is dropped."""
    from logreg_gui.core.files.checks import estimator_settings

    settings = estimator_settings({"penalty": "l1", "alpha": 0.01, "l2": 0.5})
    assert settings == {"penalty": "l1", "alpha": 0.01}
