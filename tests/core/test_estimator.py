"""LogisticRegressionGD against scikit-learn's optimum, the blog's run, and sklearn conventions."""

import warnings

import numpy as np
import pytest
from sklearn.datasets import load_breast_cancer, load_iris, make_classification
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler
from sklearn.utils.estimator_checks import parametrize_with_checks

from logreg_gui.core import DataSettings, LogisticRegressionGD, prepare_data


def smoothness(X, l2, n_classes):
    """Lipschitz constant of the gradient: λ_max(XᵀX/n)·c + l2, c = 1/4 (sigmoid) or 1/2 (softmax);
    gradient descent with learning rate 1/L converges. The column of ones stands for the intercept."""
    Xb = np.column_stack([X, np.ones(len(X))])
    lam = np.linalg.eigvalsh(Xb.T @ Xb / len(X))[-1]
    return lam * (0.25 if n_classes == 2 else 0.5) + l2


@pytest.mark.parametrize("loader,l2", [(load_breast_cancer, 0.01), (load_iris, 0.05)])
def test_reaches_scikit_learns_optimum(loader, l2):
    X, y = loader(return_X_y=True)
    X = StandardScaler().fit_transform(X)
    n_classes = len(np.unique(y))
    lr = 1.0 / smoothness(X, l2, n_classes)
    ours = LogisticRegressionGD(
        learning_rate=lr, epochs=200_000, penalty="l2", alpha=l2, init="zeros", tol=1e-13
    ).fit(X, y)
    ref = LogisticRegression(C=1.0 / (l2 * len(X)), tol=1e-12, max_iter=100_000).fit(X, y)
    rel = np.linalg.norm(ours.coef_ - ref.coef_) / np.linalg.norm(ref.coef_)
    assert rel < 1e-3
    assert np.linalg.norm(ours.intercept_ - ref.intercept_) / max(
        np.linalg.norm(ref.intercept_), 1e-12
    ) < 1e-3 or np.allclose(ours.intercept_, ref.intercept_, atol=1e-4)
    np.testing.assert_allclose(ours.predict_proba(X), ref.predict_proba(X), atol=1e-4)
    assert ours.stop_reason_ == "converged"


def test_the_blogs_default_run_reaches_its_accuracy():
    """make_classification(150, 10), 30 % test, lr 0.01, 3000 epochs, normal init: the blog
    reports 0.87 train accuracy. Averaged over seeds, as the blog's data were unseeded."""
    train, test = [], []
    for seed in range(8):
        split = prepare_data(DataSettings(seed=seed))
        model = LogisticRegressionGD(random_state=seed).fit(split.X_train, split.y_train)
        train.append(model.score(split.X_train, split.y_train))
        test.append(model.score(split.X_test, split.y_test))
        assert model.loss_curve_[-1] < model.loss_curve_[0]
        assert model.n_iter_ == 3000 and len(model.loss_curve_) == 3000
    assert np.mean(train) >= 0.85
    assert np.mean(test) >= 0.8


def test_full_batch_equals_batch_size_n_and_minibatches_follow_their_order():
    X, y = make_classification(n_samples=60, n_features=4, random_state=0)
    full = LogisticRegressionGD(epochs=50, random_state=1).fit(X, y)
    same = LogisticRegressionGD(epochs=50, batch_size=60, random_state=1).fit(X, y)
    np.testing.assert_allclose(full.coef_, same.coef_, rtol=1e-12)

    # Two epochs of batches of 25 done by hand with the same random streams: the initial
    # weights from random_state, the shuffles from a Generator seeded by it.
    from logreg_gui.core.model.objective import decision_scores, gradient

    model = LogisticRegressionGD(epochs=2, batch_size=25, learning_rate=0.1, random_state=3).fit(
        X, y
    )
    rs = np.random.RandomState(3)
    coef, intercept = rs.standard_normal((1, 4)), np.zeros(1)
    shuffle = np.random.default_rng(rs.randint(2**32))
    for _ in range(2):
        order = shuffle.permutation(60)
        for start in range(0, 60, 25):  # 25, 25, 10: ceil(60 / 25) = 3 updates an epoch
            idx = order[start : start + 25]
            g, gb = gradient(X[idx], decision_scores(X[idx], coef, intercept), y[idx], coef, 0.0)
            coef, intercept = coef - 0.1 * g, intercept - 0.1 * gb
    np.testing.assert_allclose(model.coef_, coef, rtol=1e-12)
    np.testing.assert_allclose(model.intercept_, intercept, rtol=1e-12)


def test_minibatch_sgd_gets_near_the_optimum_and_is_reproducible():
    X, y = load_breast_cancer(return_X_y=True)
    X = StandardScaler().fit_transform(X)
    a = LogisticRegressionGD(
        learning_rate=0.05, epochs=300, batch_size=32, penalty="l2", alpha=0.01, random_state=0
    ).fit(X, y)
    b = LogisticRegressionGD(
        learning_rate=0.05, epochs=300, batch_size=32, penalty="l2", alpha=0.01, random_state=0
    ).fit(X, y)
    c = LogisticRegressionGD(
        learning_rate=0.05, epochs=300, batch_size=32, penalty="l2", alpha=0.01, random_state=1
    ).fit(X, y)
    np.testing.assert_array_equal(a.coef_, b.coef_)
    assert not np.array_equal(a.coef_, c.coef_)
    ref = LogisticRegression(C=1 / (0.01 * len(X)), tol=1e-10, max_iter=10_000).fit(X, y)
    # Constant-step SGD hovers near the optimum: its objective is within 1 % of the best.
    from logreg_gui.core.model.objective import cross_entropy, decision_scores, penalty

    def objective(coef, intercept):
        return cross_entropy(decision_scores(X, coef, intercept), y) + penalty(coef, 0.01)

    best = objective(ref.coef_, ref.intercept_)
    assert best <= objective(a.coef_, a.intercept_) < 1.01 * best


def test_tol_stops_as_mlpclassifier_and_never_on_a_rising_epoch_alone():
    """Mini-batches of 8 at learning rate 0.5: the loss goes up and down. The old rule
    ("the last epoch improved by less than tol") stopped at once on an epoch that raised the
    loss; scikit-learn's rule waits for n_iter_no_change epochs without a real improvement."""
    split = prepare_data(DataSettings())
    model = LogisticRegressionGD(
        learning_rate=0.5, batch_size=8, tol=1e-5, n_iter_no_change=5, random_state=0
    ).fit(split.X_train, split.y_train)
    assert model.stop_reason_ == "converged"
    curve = np.asarray(model.loss_curve_)
    assert len(curve) == model.n_iter_
    # The last 6 epochs did not beat the best before them by tol; an earlier one did.
    best_before = np.min(curve[:-6])
    assert np.all(curve[-6:] > best_before - 1e-5)
    initial = (
        LogisticRegressionGD(learning_rate=0.5, batch_size=8, random_state=0)
        .start_training(split.X_train, split.y_train)
        .record()
        .objective
    )
    assert model.best_loss_ == min(initial, curve.min())
    with pytest.warns(ConvergenceWarning, match="did not converge"):
        LogisticRegressionGD(epochs=5, tol=1e-12, random_state=0).fit(split.X_train, split.y_train)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert (
            LogisticRegressionGD(epochs=40, random_state=0)
            .fit(split.X_train, split.y_train)
            .n_iter_
            == 40
        )


@pytest.mark.parametrize("labels", [["no", "yes"], [-1, 1], [3, 7, 9]])
def test_any_labels_come_back_as_given(labels):
    X, y = make_classification(
        n_samples=90,
        n_features=4,
        n_informative=3,
        n_redundant=0,
        n_classes=len(labels),
        random_state=0,
    )
    index = y
    y = np.asarray(labels)[index]
    model = LogisticRegressionGD(learning_rate=0.5, epochs=300, random_state=0).fit(X, y)
    plain = LogisticRegressionGD(learning_rate=0.5, epochs=300, random_state=0).fit(X, index)
    assert list(model.classes_) == sorted(labels)
    # The same model as with labels 0..K-1 (labels are sorted like their indices here).
    np.testing.assert_array_equal(model.predict(X), np.asarray(labels)[plain.predict(X)])
    np.testing.assert_allclose(model.coef_, plain.coef_)
    assert model.coef_.shape == ((1, 4) if len(labels) == 2 else (3, 4))
    assert model.score(X, y) == plain.score(X, index) > 0.6
    np.testing.assert_allclose(model.predict_proba(X).sum(axis=1), 1)
    decision = model.decision_function(X)
    assert decision.shape == ((90,) if len(labels) == 2 else (90, 3))


@pytest.mark.parametrize(
    "params,name",
    [
        (dict(learning_rate=0), "learning_rate"),
        (dict(learning_rate=-1), "learning_rate"),
        (dict(learning_rate=float("nan")), "learning_rate"),
        (dict(learning_rate=float("inf")), "learning_rate"),
        (dict(learning_rate=True), "learning_rate"),
        (dict(epochs=0), "epochs"),
        (dict(epochs=2.5), "epochs"),
        (dict(epochs=True), "epochs"),
        (dict(epochs=10**12), "epochs"),
        (dict(batch_size=0), "batch_size"),
        (dict(l2=-0.1), "l2"),
        (dict(penalty="l3"), "penalty"),
        (dict(penalty="l1", alpha=-0.1), "alpha"),
        (dict(alpha=float("inf")), "alpha"),
        (dict(penalty="elasticnet", l1_ratio=1.5), "l1_ratio"),
        (dict(l1_ratio=True), "l1_ratio"),
        (dict(init="foo"), "init"),
        (dict(tol=-1), "tol"),
        (dict(tol=float("nan")), "tol"),
        (dict(n_iter_no_change=0), "n_iter_no_change"),
        (dict(solver="sgd"), "solver"),
        (dict(momentum=1.0), "momentum"),
        (dict(dtype="float16"), "dtype"),
    ],
)
def test_bad_parameters_are_named(params, name):
    X, y = make_classification(n_samples=20, random_state=0)
    with pytest.raises(ValueError, match=f"'{name}' parameter"):
        LogisticRegressionGD(**params).fit(X, y)
    with pytest.raises(ValueError, match=f"'{name}' parameter"):
        LogisticRegressionGD(**params).start_training(X, y)


def test_a_test_set_needs_its_labels():
    X, y = make_classification(n_samples=20, random_state=0)
    with pytest.raises(ValueError, match="give both X_test and y_test"):
        LogisticRegressionGD().start_training(X, y, X[:5])
    with pytest.raises(ValueError, match="inconsistent numbers of samples"):
        LogisticRegressionGD().start_training(X, y, X[:5], y[:4])


@pytest.mark.parametrize(
    "given,dtype,expected,copied",
    [
        (np.float32, None, np.float32, False),
        (np.float64, None, np.float64, False),
        (np.int64, None, np.float64, True),
        (np.float64, "float32", np.float32, True),
        (np.float32, "float64", np.float64, True),
    ],
)
def test_dtype_keeps_float32_without_a_copy(given, dtype, expected, copied):
    X, y = make_classification(n_samples=40, n_features=3, n_redundant=0, random_state=0)
    X = np.ascontiguousarray((X * 10).astype(given))
    model = LogisticRegressionGD(epochs=20, dtype=dtype, random_state=0)
    run = model.start_training(X, y)
    assert run.X.dtype == expected
    assert np.shares_memory(run.X, X) != copied
    for _ in run:
        pass
    reference = LogisticRegressionGD(epochs=20, random_state=0).fit(X.astype(expected), y)
    np.testing.assert_allclose(model.coef_, reference.coef_, rtol=1e-12)
    assert model.coef_.dtype == np.float64


def test_one_class_and_non_finite_input_are_refused():
    with pytest.raises(ValueError, match="at least 2 classes"):
        LogisticRegressionGD().fit(np.ones((5, 2)), np.zeros(5))
    # The label as a person writes it, not numpy's repr.
    with pytest.raises(ValueError, match=r"got 1 class: 0\.$") as refused:
        LogisticRegressionGD().fit(np.ones((5, 2)), np.zeros(5, dtype=int))
    assert "np.int64" not in str(refused.value)
    X = np.ones((4, 2))
    X[0, 0] = np.inf
    with pytest.raises(ValueError, match="infinity"):
        LogisticRegressionGD().fit(X, [0, 1, 0, 1])


@parametrize_with_checks(
    [
        LogisticRegressionGD(learning_rate=0.5, epochs=200, random_state=0),
        LogisticRegressionGD(
            learning_rate=0.5,
            epochs=200,
            random_state=0,
            penalty="elasticnet",
            alpha=0.01,
            l1_ratio=0.5,
        ),
        LogisticRegressionGD(
            learning_rate=0.5,
            epochs=200,
            random_state=0,
            penalty="l2",
            alpha=0.01,
            class_weight="balanced",
        ),
    ],
)
def test_scikit_learn_estimator_checks(estimator, check):
    check(estimator)


def test_the_penalty_parameters_and_the_older_l2_in_get_params_and_clone():
    from sklearn.base import clone

    model = LogisticRegressionGD(penalty="l1", alpha=0.02)
    params = model.get_params()
    assert (params["penalty"], params["alpha"], params["l1_ratio"], params["l2"]) == (
        "l1",
        0.02,
        0.15,
        None,
    )
    # The older l2 is kept as given, with penalty and alpha as given: fit resolves it.
    older = clone(LogisticRegressionGD(l2=0.3))
    assert older.get_params()["l2"] == 0.3 and older.get_params()["penalty"] is None
    assert LogisticRegressionGD().get_params()["penalty"] is None  # no penalty by default


@pytest.mark.parametrize(
    "bad", [{0: 0.0}, {0: -1.0}, {0: float("nan")}, {1: float("inf")}, {0: True}, "even", 3, [1, 2]]
)
def test_class_weights_are_checked_as_scikit_learn_checks_parameters(bad):
    X, y = make_classification(n_samples=40, random_state=0)
    with pytest.raises(ValueError, match="class_weight"):
        LogisticRegressionGD(class_weight=bad, epochs=2).fit(X, y)


def test_class_weights_naming_no_class_are_refused_in_one_sentence():
    X, y = make_classification(n_samples=40, random_state=0)
    with pytest.raises(ValueError) as refused:
        LogisticRegressionGD(class_weight={"a": 2.0}, epochs=2).fit(X, y)
    assert "not classes of these data (0, 1)" in str(refused.value)


def test_class_weight_in_get_params_and_clone():
    from sklearn.base import clone

    weights = {0: 1.0, 1: 10.0}
    model = clone(LogisticRegressionGD(class_weight=weights))
    assert model.get_params()["class_weight"] == weights
    assert LogisticRegressionGD().get_params()["class_weight"] is None


def test_balanced_is_the_dict_of_its_counts():
    """As scikit-learn's own check for linear classifiers: non-contiguous labels, balanced
    weights equal to their dict, n / (n_classes · count)."""
    X = np.array([[-1.0, -1.0], [-1.0, 0], [-0.8, -1.0], [1.0, 1.0], [1.0, 0.0]])
    y = np.array([1, 1, 1, -1, -1])
    settings = dict(solver="newton", epochs=30, penalty="l2", alpha=0.1)
    balanced = LogisticRegressionGD(class_weight="balanced", **settings).fit(X, y)
    manual = LogisticRegressionGD(class_weight={1: 5 / 6, -1: 5 / 4}, **settings).fit(X, y)
    # The same objective; n / (k · count) and 5/6 may differ in their last bit, and Newton
    # stops on its tolerance, so the two runs agree to that tolerance, not to the last bit
    # (a fresh machine gave 1.8e-8 apart).
    np.testing.assert_allclose(balanced.coef_, manual.coef_, rtol=1e-6)
    np.testing.assert_allclose(balanced.intercept_, manual.intercept_, rtol=1e-6, atol=1e-9)
