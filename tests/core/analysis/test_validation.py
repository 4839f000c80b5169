"""Cross-validation, learning curves and calibration against scikit-learn: the same folds
give the same scores as ``cross_validate`` on an independent pipeline (the scaler fitted in
each fold, never on its validation rows), the learning curve is ``learning_curve``'s, and
the reliability diagram is ``calibration_curve``'s."""

import numpy as np
import pandas as pd
import pytest
from sklearn.calibration import calibration_curve
from sklearn.metrics import brier_score_loss
from sklearn.model_selection import cross_validate, learning_curve
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, PolynomialFeatures, StandardScaler

from logreg_gui.core import DataError, DataSettings, FeatureMap, LogisticRegressionGD, prepare_data
from logreg_gui.core.analysis.calibration import calibration
from logreg_gui.core.analysis.validation import (
    cross_validation,
    folds_of,
    learning_curve_of,
)

PARAMS = dict(learning_rate=0.5, epochs=200, random_state=0)


def test_the_table_rows_are_recovered_from_the_features():
    split = prepare_data(DataSettings(feature_map=FeatureMap(squares=True)))
    frame = split.preprocessing.frame_of(split.X_train)
    assert list(frame.columns) == list(split.preprocessing.numeric)
    np.testing.assert_allclose(split.preprocessing.transform(frame), split.X_train, atol=1e-9)


def test_text_columns_are_recovered_as_their_levels(tmp_path):
    from logreg_gui.core.data.preprocessing import Preprocessing

    frame = pd.DataFrame({"a": [1.0, 2, 3, 4, 5, 6], "c": list("xyzxyz")})
    pre = Preprocessing.fit(frame, ["a"], ["c"])
    back = pre.frame_of(pre.transform(frame))
    assert back["c"].tolist() == list("xyzxyz")
    np.testing.assert_allclose(back["a"], frame["a"])


@pytest.mark.parametrize("source", ["generated", "iris"])
def test_cross_validation_scores_are_cross_validate_s_on_the_same_folds(source):
    settings = DataSettings() if source == "generated" else DataSettings(source=source)
    split = prepare_data(settings)
    estimator = LogisticRegressionGD(**PARAMS)
    result = cross_validation(split, estimator, k=4, seed=3)
    frame = split.preprocessing.frame_of(split.X_train)
    y = split.y_train
    folds = folds_of(y, 4, 1, 3)
    multi = len(np.unique(y)) > 2
    scoring = [
        "accuracy",
        "balanced_accuracy",
        "neg_log_loss",
        "roc_auc_ovr" if multi else "roc_auc",
    ]
    independent = make_pipeline(StandardScaler(), LogisticRegressionGD(**PARAMS))
    theirs = cross_validate(independent, frame.to_numpy(), y, cv=folds, scoring=scoring)
    np.testing.assert_allclose(result.scores["accuracy"], theirs["test_accuracy"])
    np.testing.assert_allclose(result.scores["balanced_accuracy"], theirs["test_balanced_accuracy"])
    np.testing.assert_allclose(result.scores["log_loss"], -theirs["test_neg_log_loss"], rtol=1e-9)
    auc = theirs["test_roc_auc_ovr" if multi else "test_roc_auc"]
    np.testing.assert_allclose(result.scores["roc_auc"], auc)
    assert len(result.scores["accuracy"]) == 4
    assert result.mean("accuracy") == pytest.approx(np.mean(theirs["test_accuracy"]))


def test_the_feature_map_is_fitted_inside_each_fold_too():
    split = prepare_data(DataSettings(feature_map=FeatureMap(degree=2)))
    result = cross_validation(split, LogisticRegressionGD(**PARAMS), k=3, seed=0,
                              feature_map=FeatureMap(degree=2))  # fmt: skip
    frame = split.preprocessing.frame_of(split.X_train)
    independent = make_pipeline(PolynomialFeatures(2, include_bias=False), StandardScaler(),
                                LogisticRegressionGD(**PARAMS))  # fmt: skip
    theirs = cross_validate(independent, frame.to_numpy(), split.y_train,
                            cv=folds_of(split.y_train, 3, 1, 0), scoring="neg_log_loss")  # fmt: skip
    np.testing.assert_allclose(result.scores["log_loss"], -theirs["test_score"], rtol=1e-8)


def test_repeated_folds_and_a_class_too_small_for_them():
    split = prepare_data(DataSettings())
    result = cross_validation(split, LogisticRegressionGD(**PARAMS), k=3, repeats=2, seed=0)
    assert len(result.scores["accuracy"]) == 6 and result.sd("accuracy") >= 0
    with pytest.raises(DataError, match="at least 200 training samples of every class"):
        folds_of(split.y_train, 200)


def test_cancelling_stops_between_folds():
    from logreg_gui.core import Cancelled

    split = prepare_data(DataSettings())
    seen = []
    with pytest.raises(Cancelled):
        cross_validation(split, LogisticRegressionGD(**PARAMS), k=5,
                         progress=lambda done, total: seen.append(done),
                         cancel=lambda: len(seen) >= 2)  # fmt: skip
    assert seen == [1, 2]


def test_the_learning_curve_is_scikit_learn_s():
    split = prepare_data(DataSettings(source="breast_cancer"))
    ours = learning_curve_of(split, LogisticRegressionGD(**PARAMS), k=3, seed=1)
    frame = split.preprocessing.frame_of(split.X_train)
    folds = folds_of(split.y_train, 3, 1, 1)
    independent = make_pipeline(StandardScaler(), LogisticRegressionGD(**PARAMS))
    sizes, train, validation = learning_curve(
        independent, frame.to_numpy(), split.y_train, train_sizes=np.linspace(0.1, 1, 8),
        cv=folds, scoring="accuracy", shuffle=True, random_state=1,
    )  # fmt: skip
    np.testing.assert_array_equal(ours.sizes, sizes)
    np.testing.assert_allclose(ours.train, train)
    np.testing.assert_allclose(ours.validation, validation)


@pytest.mark.parametrize("strategy", ["uniform", "quantile"])
def test_the_reliability_diagram_is_calibration_curve_s(strategy):
    rng = np.random.default_rng(0)
    p = rng.uniform(size=500)
    y = (rng.uniform(size=500) < p**1.5).astype(int)
    ours = calibration(y, p, n_bins=8, strategy=strategy)
    observed, predicted = calibration_curve(y, p, n_bins=8, strategy=strategy)
    np.testing.assert_allclose(ours.observed, observed)
    np.testing.assert_allclose(ours.predicted, predicted)
    assert ours.counts.sum() == 500 and len(ours.counts) == len(observed)
    assert ours.brier == pytest.approx(brier_score_loss(y, p))


def test_one_hot_columns_are_refitted_in_each_fold(tmp_path):
    rng = np.random.default_rng(0)
    n = 120
    frame = pd.DataFrame({"a": rng.normal(size=n), "c": rng.choice(list("pqr"), size=n)})
    y = ((frame["a"] + (frame["c"] == "q")) > 0.3).astype(int)
    path = tmp_path / "t.csv"
    frame.assign(y=y).to_csv(path, index=False)
    split = prepare_data(DataSettings(source="file", path=str(path), target="y"))
    result = cross_validation(split, LogisticRegressionGD(**PARAMS), k=3, seed=0)
    raw = split.preprocessing.frame_of(split.X_train)
    from sklearn.compose import make_column_transformer

    independent = make_pipeline(
        make_column_transformer(
            (StandardScaler(), ["a"]),
            (OneHotEncoder(drop="first", handle_unknown="ignore", sparse_output=False), ["c"]),
        ),
        LogisticRegressionGD(**PARAMS),
    )
    theirs = cross_validate(independent, raw, split.y_train,
                            cv=folds_of(split.y_train, 3, 1, 0), scoring="accuracy")  # fmt: skip
    np.testing.assert_allclose(result.scores["accuracy"], theirs["test_score"])
