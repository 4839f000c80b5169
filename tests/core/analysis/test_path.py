"""The regularisation path against independent fits: every point is scikit-learn's
LogisticRegression with C = 1/(α·n) and the same penalty; with L1 the strongest strength
leaves every weight at exactly 0 and the weights enter as α falls; the cross-validated
scores are those of independent pipelines on the same folds."""

import numpy as np
import pytest
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss
from sklearn.preprocessing import StandardScaler

from logreg_gui.core import Cancelled, DataSettings, prepare_data
from logreg_gui.core.analysis.path import alpha_grid, path_cv, regularization_path
from logreg_gui.core.analysis.validation import folds_of


@pytest.fixture(scope="module")
def cancer():
    split = prepare_data(DataSettings(source="breast_cancer"))
    y = np.searchsorted(split.classes, split.y_train)
    return split, y


def sklearn_fit(X, y, kind, alpha, l1_ratio=0.15):
    n = len(y)
    options = dict(C=1 / (alpha * n), tol=1e-12, max_iter=100_000)
    if kind == "l2":
        model = LogisticRegression(solver="lbfgs", **options)
    else:
        ratio = 1.0 if kind == "l1" else l1_ratio
        model = LogisticRegression(solver="saga", l1_ratio=ratio, **options)
    return model.fit(X, y)


@pytest.mark.parametrize("kind", ["l2", "l1", "elasticnet"])
def test_each_point_is_an_independent_fit(cancer, kind):
    """scikit-learn's fit to 1e-5 (saga's intercept lags where every weight is 0: there the
    exact answer is known, the log-odds of the class shares), and the optimality conditions
    checked with the reference maths at every point."""
    from logreg_gui.core.model.objective import gradient

    split, y = cancer
    X = split.X_train
    alphas = alpha_grid(X, y, 2, kind, 0.5, points=12)[::3]
    path = regularization_path(X, y, 2, kind, 0.5, alphas=alphas)
    share = y.mean()
    for i, (alpha, coef, intercept) in enumerate(zip(path.alphas, path.coefs, path.intercepts)):
        if i < 3:  # below that, saga needs more than 100,000 epochs to reach 1e-5
            theirs = sklearn_fit(X, y, kind, alpha, 0.5)
            np.testing.assert_allclose(coef, theirs.coef_, atol=1e-5)
            if np.all(coef == 0):
                assert intercept[0] == pytest.approx(np.log(share / (1 - share)), abs=1e-7)
            else:
                np.testing.assert_allclose(intercept, theirs.intercept_, atol=1e-5)
            if kind != "l2":  # the same weights at 0 (saga leaves some at 1e-15)
                assert np.array_equal(np.abs(coef) < 1e-12, np.abs(theirs.coef_) < 1e-12)
        # Optimality: the smooth part's slope balances the L1 part, weight by weight.
        l1 = alpha * (1.0 if kind == "l1" else 0.5 if kind == "elasticnet" else 0.0)
        l2 = alpha * (1.0 if kind == "l2" else 0.5 if kind == "elasticnet" else 0.0)
        g_coef, g_intercept = gradient(X, X @ coef.T + intercept, y, coef, l2)
        assert abs(g_intercept[0]) < 1e-6
        zero = coef == 0
        assert np.all(np.abs(g_coef[zero]) <= l1 + 1e-6)
        np.testing.assert_allclose(g_coef[~zero], -l1 * np.sign(coef[~zero]), atol=1e-6)


def test_l1_weights_enter_one_by_one(cancer):
    split, y = cancer
    path = regularization_path(split.X_train, y, 2, "l1")
    zeros = path.zeros()
    assert zeros[0] == split.X_train.shape[1]  # the strongest: every weight exactly 0
    assert zeros[-1] < zeros[0] // 2
    assert np.all(np.diff(zeros) <= 2)  # never many leave again as α falls
    assert len(path.alphas) == 40 and np.all(np.diff(path.alphas) < 0)


def test_the_path_is_cancellable(cancer):
    split, y = cancer
    seen = []
    with pytest.raises(Cancelled):
        regularization_path(split.X_train, y, 2, "l2", progress=lambda d, t: seen.append(d),
                            cancel=lambda: len(seen) >= 3)  # fmt: skip
    assert seen == [1, 2, 3]


def test_cross_validated_scores_are_independent_pipelines_on_the_same_folds(cancer):
    split, y = cancer
    alphas = np.array([0.1, 0.01])
    cv = path_cv(split, "l2", 0.15, alphas, k=3, seed=0)
    frame = split.preprocessing.frame_of(split.X_train)
    folds = folds_of(split.y_train, 3, 1, 0)
    for i, alpha in enumerate(cv.alphas):
        for f, (train, validation) in enumerate(folds):
            scaler = StandardScaler().fit(frame.iloc[train])
            X_fit, X_val = (
                scaler.transform(frame.iloc[train]),
                scaler.transform(frame.iloc[validation]),
            )
            model = sklearn_fit(X_fit, y[train], "l2", alpha)
            loss = log_loss(y[validation], model.predict_proba(X_val), labels=[0, 1])
            assert cv.log_loss[i, f] == pytest.approx(loss, abs=1e-6)
            assert cv.accuracy[i, f] == pytest.approx(
                np.mean(model.predict(X_val) == y[validation])
            )
    assert cv.best() in (0, 1)
