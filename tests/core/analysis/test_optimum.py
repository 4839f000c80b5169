"""The exact optimum: scikit-learn's, a stationary point of our objective, or honestly none."""

import numpy as np
import pytest
from sklearn.datasets import load_iris, make_blobs, make_classification
from sklearn.linear_model import LogisticRegression

from logreg_gui.core.analysis.optimum import find_optimum, is_separable, objective_value
from logreg_gui.core.model.objective import decision_scores, gradient


@pytest.mark.parametrize("n_classes,l2", [(2, 0.01), (3, 0.1), (2, 0.0)])
def test_optimum_is_sklearns_and_stationary(n_classes, l2):
    X, y = make_classification(
        n_samples=120,
        n_features=5,
        n_informative=3,
        n_redundant=0,
        n_classes=n_classes,
        flip_y=0.2,
        random_state=0,
    )
    opt = find_optimum(X, y, n_classes, l2)
    assert opt.exists
    C = np.inf if l2 == 0 else 1 / (l2 * len(y))
    ref = LogisticRegression(C=C, tol=1e-10, max_iter=10_000).fit(X, y)
    np.testing.assert_allclose(opt.coef, ref.coef_, rtol=1e-4, atol=1e-6)
    assert opt.objective == pytest.approx(
        objective_value(X, y, ref.coef_, ref.intercept_, l2), rel=1e-9
    )
    g, gb = gradient(X, decision_scores(X, opt.coef, opt.intercept), y, opt.coef, l2)
    assert np.abs(g).max() < 1e-5 and np.abs(gb).max() < 1e-5


def test_separable_data_without_l2_have_no_optimum():
    X, y = make_blobs(n_samples=60, centers=[[-5, 0], [5, 0]], random_state=0)
    assert is_separable(X, y, 2).separable
    opt = find_optimum(X, y, 2, 0.0)
    assert not opt.exists and opt.objective is None
    assert "No finite optimum" in opt.message and "Add a penalty" in opt.details
    assert find_optimum(X, y, 2, 0.1).exists


def test_multiclass_separation_is_detected():
    X, y = load_iris(return_X_y=True)
    assert is_separable(X, y, 3).separable  # setosa is separable from the rest
    X3, y3 = make_classification(
        n_samples=150,
        n_features=4,
        n_informative=3,
        n_redundant=0,
        n_classes=3,
        flip_y=0.3,
        random_state=1,
    )
    assert not is_separable(X3, y3, 3).separable


def test_quasi_separation_counts_as_separation():
    # Two classes share one point exactly on the boundary: no strict separation, still no MLE.
    X = np.array([[-2.0], [-1.0], [0.0], [0.0], [1.0], [2.0]])
    y = np.array([0, 0, 0, 1, 1, 1])
    assert is_separable(X, y, 2).separable
    X_overlap = np.array([[-2.0], [1.0], [0.0], [-1.0], [2.0]])
    y_overlap = np.array([0, 0, 1, 1, 1])
    assert not is_separable(X_overlap, y_overlap, 2).separable


def test_a_large_check_is_made_on_a_sample_and_says_so():
    """Too large a linear program (500 classes made it ~50 GB dense): a sample of rows."""
    X, y = make_classification(
        n_samples=3000,
        n_features=20,
        n_informative=12,
        n_classes=10,
        n_clusters_per_class=1,
        flip_y=0.3,
        random_state=0,
    )
    check = is_separable(X, y, 10, max_entries=400_000)
    assert check.rows_checked < 3000
    # A sample that cannot be separated proves the whole cannot: the verdict is final.
    assert not check.separable and check.conclusive

    Xs, ys = make_blobs(n_samples=4000, centers=[[-5, 0], [5, 0]], random_state=0)
    check = is_separable(Xs, ys, 2, max_entries=3000)
    assert check.separable and not check.conclusive and check.rows_checked == 1000
    opt = find_optimum(Xs, ys, 2, 0.0)
    assert not opt.exists


def test_the_search_can_be_cancelled_and_bounded_in_time():
    from logreg_gui.core.errors import Cancelled

    X, y = make_classification(n_samples=500, n_features=8, flip_y=0.2, random_state=0)
    calls = []

    def cancel():
        calls.append(1)
        return len(calls) > 3

    with pytest.raises(Cancelled):
        find_optimum(X, y, 2, 0.01, cancel=cancel)
    assert len(calls) == 4
    quick = find_optimum(X, y, 2, 0.0, max_seconds=0.0)
    assert quick.exists and quick.approximate and "approximate" in quick.message
    full = find_optimum(X, y, 2, 0.0)
    assert not full.approximate and full.objective < quick.objective


def test_a_separable_sample_leaves_the_search_to_decide(monkeypatch):
    from logreg_gui.core.analysis import optimum

    monkeypatch.setattr(optimum, "MAX_LP_ENTRIES", 300)  # only 100 rows are checked
    Xs, ys = make_blobs(n_samples=2000, centers=[[-5, 0], [5, 0]], random_state=0)
    gone = optimum.find_optimum(Xs, ys, 2, 0.0)
    assert not gone.exists and "it seems" in gone.message and "sample of 100" in gone.details
    X, y = make_classification(
        n_samples=2000, n_features=2, n_redundant=0, flip_y=0.3, random_state=0
    )
    kept = optimum.find_optimum(X, y, 2, 0.0)  # a separable sample, not separable data
    assert kept.exists and not kept.approximate


def standardised(loader):
    from sklearn.preprocessing import StandardScaler

    X, y = loader(return_X_y=True)
    return StandardScaler().fit_transform(X), y


def saga(X, y, penalty):
    """scikit-learn's LogisticRegression(solver="saga") with the same objective:
    C = 1/(alpha·n), l1_ratio 1 for L1 (scikit-learn ≥ 1.8 names the penalty by l1_ratio)."""
    import warnings

    from sklearn.exceptions import ConvergenceWarning

    ratio = 1.0 if penalty.kind == "l1" else penalty.l1_ratio
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        return LogisticRegression(
            solver="saga", C=penalty.C(len(y)), l1_ratio=ratio, tol=1e-12, max_iter=200_000
        ).fit(X, y)


PENALISED = [
    ("breast cancer", "l1", 0.01, None),
    ("breast cancer", "elasticnet", 0.01, 0.5),
    ("breast cancer", "elasticnet", 0.003, 0.7),
    ("iris", "l1", 0.01, None),
    ("iris", "l1", 0.001, None),
    ("iris", "elasticnet", 0.01, 0.5),
]


@pytest.mark.parametrize("data,kind,alpha,ratio", PENALISED)
def test_l1_and_elastic_net_optima_are_sagas_with_the_same_zeros(data, kind, alpha, ratio):
    from sklearn.datasets import load_breast_cancer

    from logreg_gui.core.model.penalty import Penalty

    X, y = standardised(load_breast_cancer if data == "breast cancer" else load_iris)
    penalty = Penalty(kind, alpha, 0.15 if ratio is None else ratio)
    n_classes = len(np.unique(y))
    opt = find_optimum(X, y, n_classes, penalty)
    ref = saga(X, y, penalty)
    assert opt.exists and not opt.approximate
    np.testing.assert_allclose(opt.coef, ref.coef_, rtol=0, atol=1e-5)
    np.testing.assert_allclose(opt.intercept, ref.intercept_, rtol=0, atol=1e-5)
    zeros = opt.coef == 0
    np.testing.assert_array_equal(zeros, ref.coef_ == 0)
    assert zeros.any() and not zeros.all()  # a penalty that chooses
    assert opt.objective == pytest.approx(
        objective_value(X, y, ref.coef_, ref.intercept_, penalty), rel=1e-9, abs=1e-12
    )
    assert f"{int(zeros.sum())} of its {zeros.size} weights are exactly 0" in opt.details
    assert "C = 1/(α·n)" in opt.details


def test_no_penalty_is_penalty_none_and_l2_zero_where_finite():
    from logreg_gui.core.model.penalty import Penalty

    X, y = make_classification(
        n_samples=150, n_features=4, n_informative=3, n_redundant=0, flip_y=0.3, random_state=2
    )
    optima = [find_optimum(X, y, 2, p) for p in (Penalty(None), Penalty("none", 0.3), 0.0)]
    assert all(o.exists for o in optima)
    for other in optima[1:]:
        np.testing.assert_array_equal(other.coef, optima[0].coef)
    ref = LogisticRegression(C=np.inf, tol=1e-10, max_iter=10_000).fit(X, y)
    np.testing.assert_allclose(optima[0].coef, ref.coef_, rtol=1e-4, atol=1e-6)
    assert "no penalty" in optima[0].details


def test_an_l1_penalty_has_an_optimum_on_separable_data():
    from logreg_gui.core.model.penalty import Penalty

    X, y = make_blobs(n_samples=60, centers=[[-5, 0], [5, 0]], random_state=0)
    opt = find_optimum(X, y, 2, Penalty("l1", 0.05))
    assert opt.exists and opt.coef[0, 1] == 0.0  # the second feature does not separate
    assert opt.coef[0, 0] > 0


def weighted_cases():
    """Binary and three-class data, standardised datasets and noisy generated ones."""
    from sklearn.datasets import load_breast_cancer

    noisy2 = make_classification(
        n_samples=300, n_features=5, n_informative=3, n_redundant=0, weights=[0.85],
        flip_y=0.15, random_state=0,
    )  # fmt: skip
    noisy3 = make_classification(
        n_samples=300, n_features=5, n_informative=3, n_redundant=0, n_classes=3,
        flip_y=0.2, random_state=0,
    )  # fmt: skip
    return {
        "breast cancer": standardised(load_breast_cancer),
        "iris": standardised(load_iris),
        "noisy, two classes": noisy2,
        "noisy, three classes": noisy3,
    }


@pytest.mark.parametrize(
    "data,class_weight,alpha",
    [
        ("breast cancer", "balanced", 0.01),
        ("breast cancer", {0: 1.0, 1: 5.0}, 0.01),
        ("iris", {0: 3.0}, 0.01),  # iris's classes are even: "balanced" weighs them 1
        ("iris", {1: 0.3, 2: 2.0}, 0.001),
        ("noisy, two classes", "balanced", None),
        ("noisy, two classes", {1: 5.0}, None),
        ("noisy, three classes", {0: 2.0, 1: 0.5, 2: 1.0}, None),
        ("noisy, three classes", "balanced", 0.01),
    ],
)
def test_the_weighted_optimum_is_sklearns_with_the_same_class_weight(data, class_weight, alpha):
    """(1/n)·Σ s_i·ℓ_i + alpha·R is scikit-learn's LogisticRegression(class_weight=…,
    C = 1/(alpha·n)), without a penalty C = inf, where the optimum is finite."""
    from logreg_gui.core.model.class_weight import class_weights_of
    from logreg_gui.core.model.penalty import NO_PENALTY, Penalty

    X, y = weighted_cases()[data]
    classes, y_index = np.unique(y, return_inverse=True)
    weights = class_weights_of(class_weight, classes, y_index)
    penalty = NO_PENALTY if alpha is None else Penalty("l2", alpha)
    opt = find_optimum(X, y_index, len(classes), penalty, class_weights=weights)
    assert opt.exists and not opt.approximate and opt.weighted
    ref = LogisticRegression(
        C=penalty.C(len(y)), class_weight=class_weight, solver="newton-cholesky", tol=1e-14,
        max_iter=1000,
    ).fit(X, y)  # fmt: skip
    np.testing.assert_allclose(opt.coef, ref.coef_, rtol=0, atol=1e-6)
    np.testing.assert_allclose(opt.intercept, ref.intercept_, rtol=0, atol=1e-6)
    assert opt.objective == pytest.approx(
        objective_value(X, y_index, ref.coef_, ref.intercept_, penalty, weights), rel=1e-10
    )
    # Not the unweighted optimum: the weights moved it.
    plain = find_optimum(X, y_index, len(classes), penalty)
    assert np.abs(plain.coef - opt.coef).max() > 1e-3
    assert "weighted" in opt.message and "weighted" not in plain.message
    assert "the classes, in order, weigh" in opt.details


def test_weights_leave_a_separable_set_without_a_finite_optimum():
    X, y = make_blobs(n_samples=60, centers=[[-5, 0], [5, 0]], random_state=0)
    opt = find_optimum(X, y, 2, 0.0, class_weights=np.array([1.0, 9.0]))
    assert not opt.exists and "No finite optimum" in opt.message


def test_an_l1_weighted_optimum_is_sagas():
    from sklearn.datasets import load_breast_cancer

    from logreg_gui.core.model.class_weight import class_weights_of
    from logreg_gui.core.model.penalty import Penalty

    X, y = standardised(load_breast_cancer)
    penalty = Penalty("l1", 0.01)
    weights = class_weights_of("balanced", np.array([0, 1]), y)
    opt = find_optimum(X, y, 2, penalty, class_weights=weights)
    import warnings

    from sklearn.exceptions import ConvergenceWarning

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        ref = LogisticRegression(
            solver="saga", C=penalty.C(len(y)), l1_ratio=1.0, class_weight="balanced",
            tol=1e-12, max_iter=200_000,
        ).fit(X, y)  # fmt: skip
    np.testing.assert_allclose(opt.coef, ref.coef_, rtol=0, atol=1e-5)
    np.testing.assert_array_equal(opt.coef == 0, ref.coef_ == 0)
    assert "weights are exactly 0" in opt.details
