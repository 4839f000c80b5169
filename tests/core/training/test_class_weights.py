"""Class weights in training: the kernel's weighted loss and gradient are the reference
maths' (and the gradient that of the loss, by finite differences); full-batch gradient
descent and Newton's method reach scikit-learn's weighted optimum; mini-batches lower the
weighted objective; weights of 1 are no weights; and on imbalanced data balanced weights
find more of the rare class."""

import numpy as np
import pytest
from sklearn.datasets import load_breast_cancer, load_iris, make_classification
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import balanced_accuracy_score, recall_score
from sklearn.preprocessing import StandardScaler

from logreg_gui.core import DataSettings, LogisticRegressionGD, prepare_data
from logreg_gui.core.analysis.optimum import find_optimum, objective_value
from logreg_gui.core.data.generation import GenerationSettings
from logreg_gui.core.model.class_weight import class_weights_of, sample_weights
from logreg_gui.core.model.curvature import lipschitz_constant
from logreg_gui.core.model.objective import cross_entropy, decision_scores, gradient, penalty
from logreg_gui.core.model.penalty import Penalty
from logreg_gui.core.training import kernels as K
from logreg_gui.core.training.records import RecordBatch
from logreg_gui.core.training.run import TrainingRun

from .reference import reference_run


def problem(n_classes, dtype=np.float64, n=150, d=6, seed=1):
    X, y = make_classification(
        n_samples=n, n_features=d, n_informative=4, n_classes=n_classes, random_state=seed
    )
    X = X.astype(dtype)
    split = int(0.7 * n)
    k = 1 if n_classes == 2 else n_classes
    coef = np.random.default_rng(seed).standard_normal((k, d))
    return X[:split], y[:split], X[split:], y[split:], coef, np.zeros(k)


def run_all(run, chunk=None):
    batches = []
    while not run.finished:
        batches.append(run.advance(max_epochs=chunk))
    return RecordBatch.concatenate(batches)


def relative(a, b):
    a, b = np.asarray(a, float), np.asarray(b, float)
    return np.max(np.abs(a - b)) / max(np.max(np.abs(b)), 1e-300)


def standardised(loader):
    X, y = loader(return_X_y=True)
    return StandardScaler().fit_transform(X), y


#: Uneven weights of up to three classes.
WEIGHTS = np.array([0.4, 3.0, 1.7])


@pytest.mark.parametrize("solver", ["gd", "momentum", "nesterov", "adam"])
@pytest.mark.parametrize("batch_size", [None, 7])
@pytest.mark.parametrize(
    "n_classes,l2,l1", [(2, 0.0, 0.0), (2, 0.05, 0.0), (3, 0.05, 0.0), (2, 0.02, 0.1)]
)
def test_the_weighted_kernel_equals_the_reference(solver, batch_size, n_classes, l2, l1):
    X, y, Xt, yt, coef, intercept = problem(n_classes)
    weights = WEIGHTS[:n_classes]
    settings = dict(
        learning_rate=0.05, epochs=30, batch_size=batch_size, l2=l2, l1=l1, solver=solver
    )
    ref = reference_run(
        X, y, coef, intercept, rng=np.random.default_rng(3), X_test=Xt, y_test=yt,
        class_weights=weights, **settings,
    )  # fmt: skip
    run = TrainingRun(
        X, y, coef, intercept, rng=np.random.default_rng(3), X_test=Xt, y_test=yt,
        keep_weights=True, class_weights=weights, **settings,
    )  # fmt: skip
    got = run_all(run, chunk=4)
    # With an L1 part a weight a rounding away from its threshold may stay or go, and
    # momentum carries the difference on: looser than without the proximal step. With
    # mini-batches of 7 and momentum, a difference of one rounding (2e-16) at the first
    # epoch grows to ~1e-8 by the 30th, whichever exp the kernel rounds with (1.3e-8 and
    # 1.7e-8 measured); every other case with L1 stays below 2e-9.
    tol = 1e-12
    if l1:
        tol = 1e-7 if batch_size and solver == "momentum" else 1e-8
    # The objective is weighted; the train and test losses beside it are not.
    for name in ("train_loss", "objective", "test_loss"):
        assert relative(getattr(got, name), [r[name] for r in ref]) < tol, name
    assert relative(got.weights[:, :, :-1], [r["coef"] for r in ref]) < tol
    assert relative(got.weights[:, :, -1], [r["intercept"] for r in ref]) < tol
    np.testing.assert_array_equal(got.train_accuracy, [r["train_accuracy"] for r in ref])
    assert not np.allclose(got.objective, got.train_loss + penalty(coef, l2, l1))


def test_float32_data_train_with_weights_as_float64_does():
    X, y, _, _, coef, intercept = problem(2, np.float32)
    settings = dict(learning_rate=0.1, epochs=20, class_weights=WEIGHTS[:2])
    ref = reference_run(X.astype(np.float64), y, coef, intercept, **settings)
    got = run_all(TrainingRun(X, y, coef, intercept, keep_weights=True, **settings))
    assert relative(got.objective, [r["objective"] for r in ref]) < 1e-5
    assert relative(got.weights[:, :, :-1], [r["coef"] for r in ref]) < 1e-5


@pytest.mark.parametrize("n_classes", [2, 3])
def test_the_compiled_weighted_objective_and_gradient_are_the_reference_maths(n_classes):
    X, y, _, _, coef, _ = problem(n_classes)
    k = coef.shape[0]
    P = np.column_stack([coef, np.linspace(-0.5, 0.5, k)])
    weights = WEIGHTS[:n_classes]
    s = sample_weights(weights, y)
    l2 = 0.03
    G = np.empty_like(P)
    value = K.objective_and_gradient(X, y.astype(np.int64), P, l2, G, weights)

    def J(Q):
        scores = decision_scores(X, Q[:, :-1], Q[:, -1])
        return cross_entropy(scores, y, s) + penalty(Q[:, :-1], l2)

    scores = decision_scores(X, P[:, :-1], P[:, -1])
    gW, gb = gradient(X, scores, y, P[:, :-1], l2, s)
    assert value == pytest.approx(J(P), rel=1e-13)
    # The weighted loss is (1/n)·Σ s_i·ℓ_i, divided by n and not by Σ s_i.
    losses = np.array([cross_entropy(scores[i : i + 1], y[i : i + 1]) for i in range(len(y))])
    assert value == pytest.approx(np.sum(s * losses) / len(y) + penalty(P[:, :-1], l2), rel=1e-12)
    np.testing.assert_allclose(G, np.column_stack([gW, gb]), rtol=1e-12, atol=1e-15)
    # The reference gradient is the gradient of the reference loss: central differences.
    h = 1e-6
    numeric = np.empty_like(P)
    for index in np.ndindex(P.shape):
        E = np.zeros_like(P)
        E[index] = h
        numeric[index] = (J(P + E) - J(P - E)) / (2 * h)
    np.testing.assert_allclose(G, numeric, rtol=1e-6, atol=1e-8)


@pytest.mark.parametrize("n_classes,batch_size", [(2, None), (3, None), (2, 7), (3, 7)])
def test_weights_of_one_are_no_weights(n_classes, batch_size):
    """Weights of one leave the weights the same to the last bit (w·(σ − y) is σ − y exactly
    when w is 1, and the gradient's code is shared); the recorded losses are sums the compiler
    vectorises in each loop its own way (``reassoc``), so they agree to rounding: on one
    machine to the bit, on another (CI) by a few units in the last place."""
    X, y, Xt, yt, coef, intercept = problem(n_classes)
    settings = dict(learning_rate=0.1, epochs=25, batch_size=batch_size, l2=0.01)
    plain = run_all(
        TrainingRun(X, y, coef, intercept, rng=np.random.default_rng(0), X_test=Xt,
                    y_test=yt, **settings)
    )  # fmt: skip
    ones = run_all(
        TrainingRun(X, y, coef, intercept, rng=np.random.default_rng(0), X_test=Xt,
                    y_test=yt, class_weights=np.ones(n_classes), **settings)
    )  # fmt: skip
    np.testing.assert_array_equal(ones.coef, plain.coef)
    for name in ("epochs", "train_accuracy", "test_accuracy", "test_loss"):
        np.testing.assert_array_equal(getattr(ones, name), getattr(plain, name))
    for name in ("train_loss", "objective"):
        np.testing.assert_allclose(getattr(ones, name), getattr(plain, name), rtol=1e-14, atol=0)
    assert set(RecordBatch.COLUMNS) == {
        "epochs", "train_accuracy", "test_accuracy", "test_loss", "train_loss", "objective"
    }  # fmt: skip


def reference_weighted(X, y, class_weight, alpha):
    """scikit-learn's LogisticRegression with the same weights: C = 1/(alpha·n) (no
    penalty for alpha None), Newton–Cholesky to 1e-14."""
    C = np.inf if alpha is None else 1.0 / (alpha * len(y))
    return LogisticRegression(
        C=C, class_weight=class_weight, solver="newton-cholesky", tol=1e-14, max_iter=1000
    ).fit(X, y)


@pytest.mark.parametrize("class_weight", ["balanced", {0: 1.0, 1: 8.0}])
def test_a_long_gradient_descent_run_reaches_sklearns_weighted_optimum(class_weight):
    X, y = standardised(load_breast_cancer)
    ref = reference_weighted(X, y, class_weight, 0.01)
    classes, y_index = np.unique(y, return_inverse=True)
    weights = class_weights_of(class_weight, classes, y_index)
    # The weights change the curvature: 1/L of the weighted objective always settles.
    rate = 1.0 / lipschitz_constant(X, 2, 0.01, sample_weights(weights, y_index))
    model = LogisticRegressionGD(
        learning_rate=rate, epochs=40_000, penalty="l2", alpha=0.01, class_weight=class_weight,
        init="zeros",
    ).fit(X, y)  # fmt: skip
    np.testing.assert_allclose(model.coef_, ref.coef_, rtol=0, atol=1e-6)
    np.testing.assert_allclose(model.intercept_, ref.intercept_, rtol=0, atol=1e-6)
    # Its curve is the weighted objective.
    value = objective_value(X, y_index, model.coef_, model.intercept_, Penalty("l2", 0.01), weights)
    assert model.loss_curve_[-1] == pytest.approx(value, rel=1e-12)


@pytest.mark.parametrize(
    "loader,class_weight", [(load_breast_cancer, "balanced"), (load_iris, {0: 3.0, 2: 0.5})]
)
def test_newton_with_weights_reaches_sklearns_weighted_optimum(loader, class_weight):
    X, y = standardised(loader)
    ref = reference_weighted(X, y, class_weight, 0.01)
    model = LogisticRegressionGD(
        solver="newton", epochs=50, penalty="l2", alpha=0.01, class_weight=class_weight
    ).fit(X, y)
    assert model.stop_reason_ == "converged" and model.n_iter_ < 20
    np.testing.assert_allclose(model.coef_, ref.coef_, rtol=0, atol=1e-6)
    np.testing.assert_allclose(model.intercept_, ref.intercept_, rtol=0, atol=1e-6)


@pytest.mark.parametrize("solver", ["gd", "momentum", "adam"])
def test_mini_batch_runs_lower_the_weighted_objective(solver):
    X, y = standardised(load_breast_cancer)
    penalty_ = Penalty("l2", 0.01)
    model = LogisticRegressionGD(
        learning_rate=0.01 if solver == "adam" else 0.05, epochs=150, batch_size=32,
        solver=solver, penalty="l2", alpha=0.01, class_weight={0: 4.0}, random_state=0,
    )  # fmt: skip
    run = model.start_training(X, y)
    start = run.record().objective
    while not run.finished:
        run.advance()
    curve = np.asarray(model.loss_curve_)
    assert curve[-1] < 0.1 * start
    weights = class_weights_of({0: 4.0}, np.array([0, 1]), y)
    best = find_optimum(X, y, 2, penalty_, class_weights=weights).objective
    # Near the weighted optimum, as mini-batches settle; and below the unweighted
    # objective's optimum would not be the point: the weighted one is what they approach.
    assert best <= curve.min() < 1.05 * best
    plain_best = find_optimum(X, y, 2, penalty_).objective
    assert abs(curve.min() - plain_best) > 0.05 * plain_best


def test_balanced_weights_find_more_of_a_rare_class():
    """95 % against 5 %: without weights the model mostly answers the common class; with
    balanced weights it finds more of the rare one, and its balanced accuracy rises."""
    split = prepare_data(
        DataSettings(
            generation=GenerationSettings(
                n_samples=2000, n_features=6, n_informative=3, weights=(0.95,), flip_y=0.02,
                class_sep=0.7, random_state=0,
            ),
            seed=0,
        )
    )  # fmt: skip
    assert np.mean(split.y_train == 1) < 0.07
    results = {}
    for class_weight in (None, "balanced"):
        model = LogisticRegressionGD(
            solver="newton", epochs=50, penalty="l2", alpha=1e-3, class_weight=class_weight
        ).fit(split.X_train, split.y_train)
        predicted = model.predict(split.X_test)
        results[class_weight] = (
            recall_score(split.y_test, predicted, pos_label=1),
            balanced_accuracy_score(split.y_test, predicted),
        )
    (recall_plain, balanced_plain), (recall_weighted, balanced_weighted) = results.values()
    assert recall_weighted > recall_plain + 0.2
    assert balanced_weighted > balanced_plain + 0.05


def test_class_weights_are_checked_by_the_run():
    X, y, _, _, coef, intercept = problem(2)
    for bad in (np.array([1.0]), np.array([1.0, 0.0]), np.array([1.0, np.nan])):
        with pytest.raises(ValueError, match="class_weights"):
            TrainingRun(X, y, coef, intercept, learning_rate=0.1, epochs=2, class_weights=bad)
