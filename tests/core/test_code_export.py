"""A run written as code: the exported script and notebook, run on their own, print the
run's own log lines and end with its weights (float64: to 1e-10)."""

import json

import numpy as np
import pytest

from logreg_gui.core.data.feature_map import FeatureMap
from logreg_gui.core.data.generation import GenerationSettings
from logreg_gui.core.data.settings import DataSettings, prepare_data
from logreg_gui.core.errors import DataError
from logreg_gui.core.estimator import LogisticRegressionGD
from logreg_gui.core.lessons.code import notebook_text, python_code, run_code, write_code
from logreg_gui.core.training.history import RunHistory

from ..exported_code import final_weights, logged, run_script

BLOG = DataSettings(generation=GenerationSettings(n_samples=150, n_features=10), standardize=False)


def train(data_settings, params, *, rate_change=None, from_epoch=None, initial=None):
    """A run as the window makes one: the estimator's run, its batches in a RunHistory."""
    data = prepare_data(data_settings)
    params = dict(params)
    params.setdefault("random_state", 0)
    history = RunHistory(params)

    def drive(run, history, until=None):
        history.append(run.flush())
        while not run.finished:
            if until is not None and run.epoch >= until:
                break
            history.append(run.advance(max_epochs=7))
            history.append(run.flush())
            if rate_change and run.epoch >= rate_change[0] and run.learning_rate != rate_change[1]:
                run.learning_rate = rate_change[1]
        history.append(run.flush())

    start = {}
    if initial is not None:
        start = dict(coef_init=initial[0], intercept_init=initial[1])
    estimator = LogisticRegressionGD(**params)
    run = estimator.start_training(
        data.X_train, data.y_train, data.X_test, data.y_test, keep_weights=True, **start
    )
    drive(run, history)
    if from_epoch is not None:
        coef, intercept = history.parameters_at(from_epoch)
        changed = dict(params, learning_rate=params["learning_rate"] * 2)
        branch = history.branch(from_epoch, changed)
        run = LogisticRegressionGD(**changed).start_training(
            data.X_train, data.y_train, data.X_test, data.y_test, keep_weights=True,
            coef_init=coef, intercept_init=intercept, start_epoch=from_epoch,
        )  # fmt: skip
        drive(run, branch)
        history = branch
    return data, history


CASES = {
    "the blog's run": (BLOG, dict(learning_rate=0.01, epochs=3000), {}),
    "standardised, mini-batches, momentum, l2": (
        DataSettings(generation=GenerationSettings(n_samples=200, n_features=5), seed=3),
        dict(
            learning_rate=0.05,
            epochs=40,
            batch_size=16,
            solver="momentum",
            penalty="l2",
            alpha=0.01,
        ),
        {},
    ),
    "wine, three classes, adam, elastic net, balanced": (
        DataSettings(source="wine"),
        dict(
            learning_rate=0.01,
            epochs=150,
            solver="adam",
            penalty="elasticnet",
            alpha=0.01,
            class_weight="balanced",
            batch_size=32,
        ),
        {},
    ),
    "moons, nesterov with l1, a rate changed, tol": (
        DataSettings(source="moons", seed=2),
        dict(
            learning_rate=0.1,
            epochs=400,
            solver="nesterov",
            penalty="l1",
            alpha=0.001,
            tol=1e-5,
            n_iter_no_change=5,
        ),
        dict(rate_change=(20, 0.3)),
    ),
    "circles with squares (logreg-gui's data code), zeros": (
        DataSettings(source="circles", feature_map=FeatureMap(squares=True)),
        dict(learning_rate=0.5, epochs=200, init="zeros"),
        {},
    ),
    "Newton's method, an L2 penalty": (
        DataSettings(source="breast_cancer"),
        dict(learning_rate=0.01, epochs=12, solver="newton", penalty="l2", alpha=0.01),
        {},
    ),
    "Newton's method on three classes, balanced, no penalty": (
        DataSettings(source="wine"),
        dict(learning_rate=0.01, epochs=12, solver="newton", class_weight="balanced"),
        {},
    ),
    "breast cancer continued from epoch 30": (
        DataSettings(source="breast_cancer", test_size=0.25),
        dict(learning_rate=0.05, epochs=90),
        dict(from_epoch=30),
    ),
    "blobs from chosen weights": (
        DataSettings(source="blobs"),
        dict(learning_rate=0.2, epochs=60),
        dict(initial=(np.array([[3.0, -2.0]]), np.array([0.5]))),
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_the_exported_script_prints_the_run_s_log_and_ends_with_its_weights(case, tmp_path):
    data_settings, params, how = CASES[case]
    data, history = train(data_settings, params, **how)
    code = run_code(data_settings, data, history, log_every=25, sample=3)
    path = tmp_path / "run.py"
    write_code(path, code)
    stdout = run_script(path)
    first = history.continued_from or 0
    expected = history.log.lines(25, after=first - 1)
    if history.epoch % 25:  # the log's last word is always there, as the window shows it
        expected.append(history.log.last_line())
    assert logged(stdout) == expected
    theta, bias = final_weights(stdout)
    np.testing.assert_allclose(theta, history.latest["coef"], rtol=0, atol=1e-10)
    np.testing.assert_allclose(bias, history.latest["intercept"], rtol=0, atol=1e-10)
    assert "predicted:" in stdout
    assert "objective: this loop" in stdout


def test_the_notebook_s_cells_run_in_order_and_print_the_same(tmp_path):
    data_settings, params, _ = CASES["the blog's run"]
    data, history = train(data_settings, params)
    code = run_code(data_settings, data, history, log_every=100, sample=0)
    book = json.loads(notebook_text(code))
    assert book["nbformat"] == 4
    cells = [c for c in book["cells"] if c["cell_type"] == "code"]
    script = "\n\n".join("".join(c["source"]) for c in cells)
    path = tmp_path / "cells.py"
    path.write_text(script, encoding="utf-8")
    stdout = run_script(path)
    assert logged(stdout) == history.log.lines(100)
    theta, _ = final_weights(stdout)
    np.testing.assert_allclose(theta, history.latest["coef"], rtol=0, atol=1e-10)
    # The blog's names are the ones the learner reads.
    for name in ("theta", "bias", "lr", "def forward", "def loss", "def calc_gradient"):
        assert name in script


def test_the_blog_s_gradient_bug_is_not_in_the_code():
    data, history = train(BLOG, dict(learning_rate=0.01, epochs=10))
    text = python_code(run_code(BLOG, data, history))
    assert "/ m" in text and "X.shape[0]" in text  # divided by the samples


def test_other_suffixes_are_refused_in_one_sentence(tmp_path):
    data, history = train(BLOG, dict(learning_rate=0.01, epochs=3))
    with pytest.raises(DataError, match=r"\.txt"):
        write_code(tmp_path / "run.txt", run_code(BLOG, data, history))
    assert not (tmp_path / "run.txt").exists()
