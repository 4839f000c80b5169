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
    assert "No finite optimum" in opt.message and "L2" in opt.details
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
