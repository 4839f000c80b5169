"""The complexity curve: each point scikit-learn's optimum on the app's own features, the
curve stopping where a map grows too large, the verdict's rule, and cancelling."""

from dataclasses import replace

import numpy as np
import pandas as pd
import pytest
from sklearn.datasets import make_moons
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss

from logreg_gui.core.analysis.complexity import (
    DEGREE,
    FLOOR_L2,
    L2,
    ComplexityCurve,
    CurvePoint,
    degree_curve,
    l2_curve,
    verdict,
)
from logreg_gui.core.data.feature_map import FeatureMap
from logreg_gui.core.data.settings import FILE, DataSettings, prepare_data
from logreg_gui.core.errors import Cancelled


@pytest.fixture(scope="module")
def moons(tmp_path_factory):
    """200 noisy moons in a CSV file: a curved boundary that a degree of 3–5 draws well and
    that a degree of 10 bends around the noise."""
    X, y = make_moons(200, noise=0.3, random_state=0)
    path = tmp_path_factory.mktemp("moons") / "moons.csv"
    pd.DataFrame({"x1": X[:, 0], "x2": X[:, 1], "label": y}).to_csv(path, index=False)
    return DataSettings(source=FILE, path=str(path), target="label")


def sklearn_point(split, l2, class_weight=None):
    """Losses and accuracies of scikit-learn's optimum with C = 1/(l2·n_train)."""
    model = LogisticRegression(
        C=1 / (l2 * len(split.y_train)), tol=1e-12, max_iter=100_000, solver="newton-cholesky",
        class_weight=class_weight,
    ).fit(split.X_train, split.y_train)  # fmt: skip
    out = {}
    for part, X, y in (
        ("train", split.X_train, split.y_train),
        ("test", split.X_test, split.y_test),
    ):
        out[f"{part}_loss"] = log_loss(y, model.predict_proba(X), labels=model.classes_)
        out[f"{part}_accuracy"] = model.score(X, y)
    return out


def assert_point_is_sklearns(point, split, l2, class_weight=None):
    expected = sklearn_point(split, l2, class_weight)
    assert point.n_features == split.X_train.shape[1]
    for name, value in expected.items():
        assert getattr(point, name) == pytest.approx(value, abs=1e-6), name


def test_each_degree_point_is_sklearns_on_the_apps_own_features(moons):
    l2 = 1e-3
    seen = []
    curve = degree_curve(moons, l2, progress=lambda done, total: seen.append((done, total)))
    assert curve.axis == DEGREE and curve.l2 == l2 and curve.stopped_at is None
    assert curve.values("value").tolist() == list(range(1, 11))
    assert seen == [(i, 10) for i in range(11)]
    for point in curve.points:
        map_d = FeatureMap(degree=int(point.value))
        split = prepare_data(replace(moons, feature_map=map_d))
        assert_point_is_sklearns(point, split, l2)
        assert not point.approximate


def test_each_penalty_point_is_sklearns(moons):
    split = prepare_data(replace(moons, feature_map=FeatureMap(degree=6)))
    values = (1e-4, 1e-3, 1e-2, 1e-1, 1.0)
    curve = l2_curve(split, l2_values=values, l2_asked=0.0)
    assert curve.axis == L2 and curve.values("value").tolist() == list(values)
    for point in curve.points:
        assert_point_is_sklearns(point, split, point.value)
    assert list(curve.complexity_order) == [4, 3, 2, 1, 0]  # the most penalised is simplest


def test_weighted_points_are_sklearns_with_the_same_class_weight(moons):
    """Each optimum is the weighted objective's; the losses shown stay unweighted."""
    split = prepare_data(replace(moons, feature_map=FeatureMap(degree=3)))
    weights = {0: 1.0, 1: 4.0}
    curve = l2_curve(split, l2_values=(1e-3, 1e-1), class_weight=weights)
    assert curve.class_weight == weights
    for point in curve.points:
        assert_point_is_sklearns(point, split, point.value, weights)
    plain = l2_curve(split, l2_values=(1e-3,))
    assert plain.points[0].train_loss < curve.points[0].train_loss  # the plain optimum's
    degrees = degree_curve(moons, 1e-2, degrees=[1, 2], class_weight="balanced")
    for point in degrees.points:
        map_d = FeatureMap(degree=int(point.value))
        split = prepare_data(replace(moons, feature_map=map_d))
        assert_point_is_sklearns(point, split, 1e-2, "balanced")


def test_three_classes_too():
    settings = DataSettings(source="iris", feature_map=FeatureMap(degree=2))
    curve = degree_curve(settings, 1e-2, degrees=[1, 2, 3])
    for point in curve.points:
        split = prepare_data(replace(settings, feature_map=FeatureMap(degree=int(point.value))))
        assert_point_is_sklearns(point, split, 1e-2)


def test_the_curve_stops_where_a_map_would_exceed_2000_features_and_says_so():
    """The seed's 10 columns: degree 4 makes 1,000 features, degree 5 would make 3,002."""
    curve = degree_curve(DataSettings(), 1e-3)
    assert curve.values("value").tolist() == [1, 2, 3, 4]
    assert curve.values("n_features").tolist() == [10, 65, 285, 1000]
    assert curve.stopped_at == 5
    assert "stops at degree 4" in curve.stopped and "3,002 features" in curve.stopped


def test_without_a_penalty_the_degree_curve_uses_the_floor(moons):
    curve = degree_curve(moons, 0.0, degrees=[1, 8])
    assert curve.l2 == FLOOR_L2 and curve.l2_asked == 0.0
    split = prepare_data(replace(moons, feature_map=FeatureMap(degree=8)))
    assert_point_is_sklearns(curve.points[1], split, FLOOR_L2)


def test_a_high_degree_overfits_and_a_low_one_underfits(moons):
    """On noisy moons the test loss falls to a minimum at a middle degree, then rises while
    the training loss keeps falling: the verdict says overfitting there, and underfitting
    at degree 1, where a straight line fits neither part."""
    curve = degree_curve(moons, 1e-4)
    test, train = curve.values("test_loss"), curve.values("train_loss")
    result = verdict(curve)
    best = int(np.argmin(test))
    assert result.best == best and 2 <= best <= 6
    assert test[-1] > test[best] + 0.05 and train[-1] < train[best]  # risen, while it fell
    assert result.overfitting and result.overfitting[-1] == len(test) - 1
    assert all(i > best for i in result.overfitting)
    assert 0 in result.underfitting and all(i < best for i in result.underfitting)
    assert result.label(len(test) - 1) == "overfitting" and result.label(best) == ""


def point(value, train, test):
    return CurvePoint(value, 1, train, test, 0.9, 0.9, train)


def test_the_verdicts_rule():
    # Degrees: the test loss lowest at degree 3 (0.30, margin 0.03).
    curve = ComplexityCurve(
        DEGREE,
        (
            point(1, 0.50, 0.52),  # both high: underfitting
            point(2, 0.32, 0.34),  # test ≥ 0.30 + 0.03 and train ≥ 0.25 + 0.03: underfitting
            point(3, 0.25, 0.30),  # best
            point(4, 0.22, 0.32),  # within the margin: neither
            point(5, 0.15, 0.40),  # test up by 0.10, training lower: overfitting
            point(6, 0.26, 0.45),  # test up but training higher than at the best: not overfitting
        ),
    )
    result = verdict(curve)
    assert result.best == 2 and result.margin == pytest.approx(0.03)
    assert result.underfitting == (0, 1) and result.overfitting == (4,)
    # The L2 axis runs the other way: large penalties are the simple models.
    penalties = ComplexityCurve(
        L2,
        (point(1e-4, 0.10, 0.60), point(1e-2, 0.25, 0.30), point(1.0, 0.55, 0.56)),
    )
    result = verdict(penalties)
    assert result.best == 1 and result.overfitting == (0,) and result.underfitting == (2,)
    # Ties go to the simpler model; a small minimum still needs a change of 0.02.
    flat = ComplexityCurve(
        DEGREE, (point(1, 0.05, 0.05), point(2, 0.04, 0.05), point(3, 0.01, 0.06))
    )
    result = verdict(flat)
    assert result.best == 0 and result.margin == 0.02 and result.overfitting == ()


def test_cancelling_stops_between_points(moons):
    seen = []
    with pytest.raises(Cancelled):
        degree_curve(
            moons,
            1e-3,
            progress=lambda done, total: seen.append(done),
            cancel=lambda: len(seen) >= 3,
        )
    assert seen == [0, 1, 2]  # no point after the request
    split = prepare_data(moons)
    seen.clear()
    with pytest.raises(Cancelled):
        l2_curve(
            split, progress=lambda done, total: seen.append(done), cancel=lambda: len(seen) >= 2
        )
    assert seen == [0, 1]
