"""Judging settings honestly: k-fold cross-validation and learning curves of the training
part, with the preprocessing (imputation, feature map, standardisation, one-hot encoding)
fitted inside each fold — the seed blog's own warning about data leakage (数据泄露): a scaler
fitted on rows it is then judged on has seen them.

Everything is scikit-learn's ``cross_validate`` and ``learning_curve`` on a ``Pipeline`` of
the project's preprocessing (:class:`PreparedFeatures`) and estimator, on the table rows the
training part was made of (:meth:`Preprocessing.frame_of`); folds are stratified and seeded.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin

from ..data.preprocessing import Preprocessing
from ..errors import Cancelled, DataError
from ..i18n import translate

__all__ = [
    "CV_SCORES",
    "CrossValidation",
    "LearningCurve",
    "PreparedFeatures",
    "cross_validation",
    "folds_of",
    "learning_curve_of",
    "pipeline_of",
]

#: The scores of a fold: scikit-learn's scorer names, by the key results use.
CV_SCORES = {
    "accuracy": "accuracy",
    "balanced_accuracy": "balanced_accuracy",
    "log_loss": "neg_log_loss",
    "roc_auc": "roc_auc",
}


class PreparedFeatures(TransformerMixin, BaseEstimator):
    """The project's preprocessing as a scikit-learn transformer: fitted on the rows it is
    given (a pandas frame of the table's columns), applied by :class:`Preprocessing`."""

    def __init__(self, numeric=(), categorical=(), impute=False, standardize=True,
                 feature_map=None):  # fmt: skip
        self.numeric = numeric
        self.categorical = categorical
        self.impute = impute
        self.standardize = standardize
        self.feature_map = feature_map

    def fit(self, X, y=None):
        self.preprocessing_ = Preprocessing.fit(
            X,
            self.numeric,
            self.categorical,
            impute=self.impute,
            standardize=self.standardize,
            feature_map=self.feature_map,
        )
        return self

    def transform(self, X):
        return self.preprocessing_.transform(X)


def pipeline_of(preprocessing: Preprocessing, estimator, *, impute=False, feature_map=None):
    """A Pipeline that prepares the table rows as ``preprocessing`` was prepared (fitted
    anew on whatever rows it is fitted on) and then fits a clone of ``estimator`` (the
    project's LogisticRegressionGD with the run's settings)."""
    from sklearn.base import clone
    from sklearn.pipeline import Pipeline

    step = PreparedFeatures(
        preprocessing.numeric,
        preprocessing.categorical,
        impute=impute,
        standardize=preprocessing.mean is not None,
        feature_map=feature_map,
    )
    return Pipeline([("prepare", step), ("model", clone(estimator))])


def folds_of(y, k, repeats=1, seed=0) -> list:
    """The ``(train, validation)`` row indices of stratified k-fold (repeated), seeded."""
    from sklearn.model_selection import RepeatedStratifiedKFold, StratifiedKFold

    y = np.asarray(y)
    smallest = int(np.min(np.unique(y, return_counts=True)[1]))
    if k < 2 or smallest < k:
        raise DataError(
            translate(
                "validation",
                "{k}-fold cross-validation needs at least {k} training samples of every "
                "class; the smallest class has {smallest}.",
            ).format(k=k, smallest=smallest)
        )
    if repeats > 1:
        splitter = RepeatedStratifiedKFold(n_splits=k, n_repeats=repeats, random_state=seed)
    else:
        splitter = StratifiedKFold(n_splits=k, shuffle=True, random_state=seed)
    return list(splitter.split(np.zeros(len(y)), y))


@dataclass(frozen=True, eq=False)
class CrossValidation:
    """The scores of each fold (``scores[name]``, one per fold, validation) and of the
    training rows of each fold (``train_scores``), for the names of :data:`CV_SCORES`
    (log-loss positive: lower is better; ROC AUC one-vs-rest for more classes)."""

    k: int
    repeats: int
    scores: dict
    train_scores: dict

    def mean(self, name) -> float:
        return float(np.mean(self.scores[name]))

    def sd(self, name) -> float:
        return float(np.std(self.scores[name], ddof=1)) if len(self.scores[name]) > 1 else 0.0


def _scoring(n_classes):
    scoring = dict(CV_SCORES)
    if n_classes > 2:
        scoring["roc_auc"] = "roc_auc_ovr"
    return scoring


def cross_validation(split, estimator, *, k=5, repeats=1, seed=0, impute=False, feature_map=None,
                     cancel=None, progress=None) -> CrossValidation:  # fmt: skip
    """k-fold stratified cross-validation of ``estimator`` (unfitted) on the training
    part of ``split`` (SplitData), its preprocessing refitted in each fold. One fold at a
    time, ``cancel()`` checked between folds (Cancelled), ``progress(done, total)`` after
    each."""
    from sklearn.model_selection import cross_validate

    frame = split.preprocessing.frame_of(split.X_train)
    y = np.asarray(split.y_train)
    folds = folds_of(y, k, repeats, seed)
    pipeline = pipeline_of(split.preprocessing, estimator, impute=impute, feature_map=feature_map)
    scoring = _scoring(len(np.unique(y)))
    scores = {name: [] for name in scoring}
    train_scores = {name: [] for name in scoring}
    for done, fold in enumerate(folds):
        if cancel is not None and cancel():
            raise Cancelled(translate("validation", "cross-validation was cancelled."))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            result = cross_validate(
                pipeline, frame, y, cv=[fold], scoring=scoring, return_train_score=True,
                error_score="raise",
            )  # fmt: skip
        for name in scoring:
            sign = -1.0 if name == "log_loss" else 1.0
            scores[name].append(sign * float(result[f"test_{name}"][0]))
            train_scores[name].append(sign * float(result[f"train_{name}"][0]))
        if progress is not None:
            progress(done + 1, len(folds))
    return CrossValidation(
        k,
        repeats,
        {n: np.array(v) for n, v in scores.items()},
        {n: np.array(v) for n, v in train_scores.items()},
    )


@dataclass(frozen=True, eq=False)
class LearningCurve:
    """Training and validation scores (rows: sizes, columns: folds) against the number of
    training rows used, and the name of the score."""

    sizes: np.ndarray
    train: np.ndarray
    validation: np.ndarray
    score: str


def learning_curve_of(split, estimator, *, sizes=None, k=5, seed=0, score="accuracy",
                      impute=False, feature_map=None) -> LearningCurve:  # fmt: skip
    """scikit-learn's ``learning_curve`` of ``estimator`` (unfitted) on the training
    part of ``split``, the preprocessing refitted on each subset; ``sizes`` fractions of a
    fold's training rows (default 8 from 10% to 100%)."""
    from sklearn.model_selection import learning_curve

    frame = split.preprocessing.frame_of(split.X_train)
    y = np.asarray(split.y_train)
    folds = folds_of(y, k, 1, seed)
    sizes = np.linspace(0.1, 1.0, 8) if sizes is None else np.asarray(sizes)
    pipeline = pipeline_of(split.preprocessing, estimator, impute=impute, feature_map=feature_map)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        used, train, validation = learning_curve(
            pipeline, frame, y, train_sizes=sizes, cv=folds, scoring=CV_SCORES[score],
            shuffle=True, random_state=seed, error_score=np.nan,
        )  # fmt: skip
    sign = -1.0 if score == "log_loss" else 1.0
    return LearningCurve(np.asarray(used), sign * train, sign * validation, score)
