"""Every optimizer lowers the objective on the seed's data; Newton's method reaches
scikit-learn's optimum of the same objective in a handful of steps; a race keeps its runners
in step from the same initial weights."""

import numpy as np
import pytest
from sklearn.datasets import load_breast_cancer
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

from logreg_gui.core import DataSettings, LogisticRegressionGD, prepare_data
from logreg_gui.core.estimator import SOLVERS
from logreg_gui.core.model.objective import cross_entropy, decision_scores, penalty
from logreg_gui.core.model.penalty import Penalty
from logreg_gui.core.training.race import Race


def objective(X, y, coef, intercept, l2):
    return cross_entropy(decision_scores(X, coef, intercept), y) + penalty(coef, l2)


@pytest.mark.parametrize("solver", SOLVERS)
def test_every_optimizer_lowers_the_objective_on_the_seed_data(solver):
    split = prepare_data(DataSettings())
    model = LogisticRegressionGD(
        solver=solver, epochs=300, penalty="l2", alpha=0.01, random_state=0
    )
    run = model.start_training(split.X_train, split.y_train)
    start = run.record().objective
    for _ in run:
        pass
    y = np.searchsorted(model.classes_, split.y_train)
    end = objective(split.X_train, y, model.coef_, model.intercept_, 0.01)
    assert end < start
    assert end == pytest.approx(run.record().objective, rel=1e-12)


def test_newton_reaches_scikit_learn_s_optimum_in_at_most_15_steps():
    X, y = load_breast_cancer(return_X_y=True)
    X = StandardScaler().fit_transform(X)
    l2 = 1e-3
    reference = LogisticRegression(C=1 / (l2 * len(y)), tol=1e-12, max_iter=10_000).fit(X, y)
    best = objective(X, y, reference.coef_, reference.intercept_, l2)
    model = LogisticRegressionGD(
        solver="newton", **Penalty("l2", l2).settings(), epochs=100, random_state=0
    ).fit(X, y)
    assert model.n_iter_ <= 15 and model.stop_reason_ == "converged"
    reached = objective(X, y, model.coef_, model.intercept_, l2)
    assert abs(reached - best) / best <= 1e-8


def test_newton_is_refused_with_a_sentence_above_its_limit():
    rng = np.random.default_rng(0)
    X, y = rng.standard_normal((50, 700)), np.arange(50) % 2
    with pytest.raises(ValueError, match="Newton's method solves a 701 × 701 system"):
        LogisticRegressionGD(solver="newton", epochs=2).fit(X, y)


def test_a_race_keeps_its_runners_in_step_from_the_same_weights():
    split = prepare_data(DataSettings())
    runs = [
        LogisticRegressionGD(solver=s, epochs=200, random_state=4).start_training(
            split.X_train, split.y_train, keep_weights=True
        )
        for s in ("gd", "adam", "newton")
    ]
    race = Race(runs, ["gd", "adam", "newton"])
    first = race.flush()
    starts = [b.weights[0] for b in first.batches]
    np.testing.assert_array_equal(starts[0], starts[1])
    np.testing.assert_array_equal(starts[0], starts[2])
    while not race.finished:
        batch = race.advance(max_seconds=0.01)
        going = [run.epoch for run in runs if not run.finished]
        assert max(going, default=0) - min(going, default=0) <= 1  # records lag by one
        assert batch is not None
    assert [run.stop_reason for run in runs] == ["completed", "completed", "converged"]
    assert race.stop_reason == "completed" and "newton converged" in race.message
