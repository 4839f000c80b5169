"""Training with a penalty: proximal gradient descent reaches the L1 optimum (scikit-learn's
saga's) with its exact zeros; mini-batches and momentum lower the objective; no penalty is
the same run however it is said; Newton's method refuses the L1 part in one sentence."""

import warnings

import numpy as np
import pytest
from sklearn.datasets import load_breast_cancer, load_iris
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

from logreg_gui.core import DataSettings, LogisticRegressionGD, prepare_data
from logreg_gui.core.analysis.optimum import objective_value
from logreg_gui.core.model.penalty import Penalty


def standardised(loader):
    X, y = loader(return_X_y=True)
    return StandardScaler().fit_transform(X), y


def saga(X, y, penalty):
    ratio = 1.0 if penalty.kind == "l1" else penalty.l1_ratio
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        return LogisticRegression(
            solver="saga", C=penalty.C(len(y)), l1_ratio=ratio, tol=1e-12, max_iter=200_000
        ).fit(X, y)


@pytest.mark.parametrize(
    "loader,penalty,solver,rate,epochs",
    [
        (load_breast_cancer, Penalty("l1", 0.01), "gd", 0.5, 40_000),
        (load_iris, Penalty("elasticnet", 0.01, 0.5), "gd", 0.5, 40_000),
        (load_breast_cancer, Penalty("elasticnet", 0.01, 0.5), "nesterov", 0.1, 5_000),
    ],
)
def test_a_long_proximal_run_reaches_sagas_optimum_with_its_zeros(
    loader, penalty, solver, rate, epochs
):
    X, y = standardised(loader)
    ref = saga(X, y, penalty)
    model = LogisticRegressionGD(
        learning_rate=rate, epochs=epochs, solver=solver, init="zeros", **penalty.settings()
    ).fit(X, y)
    np.testing.assert_allclose(model.coef_, ref.coef_, rtol=0, atol=1e-5)
    np.testing.assert_allclose(model.intercept_, ref.intercept_, rtol=0, atol=1e-5)
    np.testing.assert_array_equal(model.coef_ == 0, ref.coef_ == 0)
    assert (model.coef_ == 0).any()
    # Its curve is the objective with the penalty.
    assert model.loss_curve_[-1] == pytest.approx(
        objective_value(X, y, model.coef_, model.intercept_, penalty), rel=1e-12
    )


@pytest.mark.parametrize("solver", ["gd", "momentum", "nesterov", "adam"])
@pytest.mark.parametrize("kind", ["l1", "elasticnet"])
def test_mini_batch_and_momentum_proximal_runs_lower_the_objective(solver, kind):
    X, y = standardised(load_breast_cancer)
    penalty = Penalty(kind, 0.01, 0.5)
    rate = 0.01 if solver == "adam" else 0.05
    model = LogisticRegressionGD(
        learning_rate=rate, epochs=200, batch_size=32, solver=solver, random_state=0,
        **penalty.settings(),
    )  # fmt: skip
    run = model.start_training(X, y)
    start = run.record().objective  # the random initial weights'
    while not run.finished:
        run.advance()
    curve = np.asarray(model.loss_curve_)
    assert curve[-1] < 0.1 * start and curve[-1] < curve[0]
    # Near the optimum, as mini-batches settle: within a few per cent of it.
    from logreg_gui.core.analysis.optimum import find_optimum

    best = find_optimum(X, y, 2, penalty).objective
    assert best <= curve.min() < 1.05 * best


def test_no_penalty_is_the_same_run_however_it_is_said():
    split = prepare_data(DataSettings())
    runs = []
    for params in ({}, {"penalty": None}, {"penalty": "none", "alpha": 5.0}, {"l2": 0.0}):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", FutureWarning)  # l2 is the deprecated name
            model = LogisticRegressionGD(epochs=50, random_state=0, **params)
            runs.append(model.fit(split.X_train, split.y_train))
    for other in runs[1:]:
        assert other.loss_curve_ == runs[0].loss_curve_
        np.testing.assert_array_equal(other.coef_, runs[0].coef_)


def test_l2_of_the_earlier_version_is_penalty_l2():
    split = prepare_data(DataSettings())
    with pytest.warns(FutureWarning, match="use penalty='l2', alpha=0.1"):
        old = LogisticRegressionGD(epochs=50, random_state=0, l2=0.1).fit(
            split.X_train, split.y_train
        )
    new = LogisticRegressionGD(epochs=50, random_state=0, penalty="l2", alpha=0.1).fit(
        split.X_train, split.y_train
    )
    assert old.loss_curve_ == new.loss_curve_
    with pytest.raises(ValueError, match="not both"):
        LogisticRegressionGD(penalty="l1", l2=0.1).fit(split.X_train, split.y_train)


@pytest.mark.parametrize("kind", ["l1", "elasticnet"])
def test_newton_refuses_an_l1_part_in_one_sentence(kind):
    split = prepare_data(DataSettings())
    model = LogisticRegressionGD(solver="newton", penalty=kind, alpha=0.01)
    with pytest.raises(ValueError) as refused:
        model.fit(split.X_train, split.y_train)
    text = str(refused.value)
    assert text.startswith("Newton's method needs a smooth objective") and text.count(".") == 1
    # L2 stays Newton's.
    LogisticRegressionGD(solver="newton", penalty="l2", alpha=0.01, epochs=5).fit(
        split.X_train, split.y_train
    )
