"""The train/test split, with the preprocessing fitted on the training part only (no
statistic of the test part leaks into training: the seed's data-leakage point)."""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from ..errors import DataError, FieldError
from ..params import problem
from .dataset import Dataset
from .preprocessing import Preprocessing

__all__ = ["DATA_CONSTRAINTS", "DATA_LABELS", "MAX_SEED", "SplitData", "split_dataset"]

MAX_SEED = 2**32 - 1


def _constraints():
    from numbers import Integral, Real

    from ..params import Number

    return {
        "test_size": [Number(Real, 0, 1, closed="neither")],
        "seed": [Number(Integral, 0, MAX_SEED, closed="both")],
    }


#: Constraints of the split settings.
DATA_CONSTRAINTS = _constraints()
DATA_LABELS = {"test_size": "the test size", "seed": "the seed"}


@dataclass(frozen=True, eq=False)
class SplitData:
    """Train and test parts of a :class:`Dataset`, as the model sees them.

    ``X_train``/``X_test`` are the model's features (``feature_names``): numeric columns
    standardised with the training part's mean and deviation (when asked), text columns
    one-hot encoded with the training part's levels — by ``preprocessing``, which applies to
    new rows the same way. ``X_test_display`` holds the test features in their own units.
    ``threshold`` is the value a quantity target was cut at (None for real classes).
    """

    X_train: np.ndarray
    X_test: np.ndarray
    y_train: np.ndarray
    y_test: np.ndarray
    feature_names: tuple[str, ...]
    target_name: str
    source: str
    preprocessing: Preprocessing | None = None
    stratified: bool = False
    notes: tuple[str, ...] = field(default=())
    X_test_display: np.ndarray | None = None
    threshold: float | None = None

    @cached_property
    def classes(self) -> np.ndarray:
        """Sorted distinct labels of the training part (the model's classes)."""
        return np.unique(self.y_train)

    @property
    def standardized(self) -> bool:
        """True when the numeric features were standardised."""
        return self.preprocessing is not None and self.preprocessing.mean is not None


def split_dataset(
    dataset: Dataset, test_size=0.3, random_state=0, standardize=True, impute=False
) -> SplitData:
    """Split into train and test parts, stratified by class where every class allows it, and
    fit the preprocessing on the training part.

    Raises
    ------
    FieldError
        ``test_size`` outside (0, 1) or leaving an empty part.
    DataError
        The training part would hold fewer than two classes, a class would only be in the test
        part, or a column cannot be used as numbers.
    """
    from sklearn.model_selection import train_test_split

    message = problem(DATA_CONSTRAINTS["test_size"], test_size, "The test size")
    if message:
        raise FieldError({"test_size": message})
    n = len(dataset.y)
    n_test = math.ceil(test_size * n)
    if n_test < 1 or n - n_test < 1:
        raise FieldError(
            {"test_size": f"a test size of {test_size:g} leaves an empty part of the {n} samples."}
        )
    y = dataset.y
    notes = list(dataset.notes)
    quantity = dataset.threshold is not None
    # A quantity is stratified by its halves, so that both parts hold both classes.
    strata = y > np.median(y) if quantity else y
    classes, counts = np.unique(strata, return_counts=True)
    if len(classes) < 2:
        raise DataError("the data hold only one class; logistic regression needs at least two.")
    stratified = counts.min() >= 2 and n_test >= len(classes) and n - n_test >= len(classes)
    if not stratified:
        notes.append("the split is not stratified: some class has too few samples for it.")
    train, test = train_test_split(
        np.arange(n),
        test_size=test_size,
        random_state=random_state,
        stratify=strata if stratified else None,
    )
    # The rows keep train_test_split's shuffled order, as scikit-learn's own split returns
    # them (the seed's run, sample by sample).
    y_train, y_test = y[train], y[test]
    threshold = None
    if quantity:
        threshold = (
            float(np.median(y_train)) if dataset.threshold == "median" else float(dataset.threshold)
        )
        how = "the training median" if dataset.threshold == "median" else "the threshold chosen"
        notes.append(
            f"the target {dataset.target_name!r} is a quantity, cut into two classes at {threshold:g} "
            f"({how}): class 1 is {dataset.target_name} > {threshold:g}, class 0 is "
            f"{dataset.target_name} ≤ {threshold:g}."
        )
        y_train = (y_train > threshold).astype(np.int64)
        y_test = (y_test > threshold).astype(np.int64)
    if len(np.unique(y_train)) < 2:
        raise DataError(
            "the training part holds only one class; use a smaller test size or more data."
        )
    unseen = np.setdiff1d(np.unique(y_test), np.unique(y_train))
    if len(unseen):
        raise DataError(
            f"class {', '.join(map(repr, unseen.tolist()))} has too few samples: all of them fell "
            "in the test part, so the model could never learn it. Use a smaller test size or more data."
        )
    frame = dataset.frame
    train_frame, test_frame = frame.iloc[train], frame.iloc[test]
    preprocessing = Preprocessing.fit(
        train_frame, dataset.numeric, dataset.categorical, impute=impute, standardize=standardize
    )
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        X_train = preprocessing.transform(train_frame)
        display = preprocessing.transform(test_frame, scaled=False)
        X_test = preprocessing.transform(test_frame)
    for X in (X_train, X_test):
        bad = ~np.isfinite(X).all(axis=0)
        if bad.any():
            column = preprocessing.feature_names[int(np.argmax(bad))]
            raise DataError(
                f"the feature {column!r} is not a finite number once prepared: its values are "
                "too large; rescale the column or leave it out."
            )
    for i, column in enumerate(preprocessing.categorical):
        known = {*preprocessing.levels[i], preprocessing.references[i]}
        unknown = set(test_frame[column].dropna().astype(object)) - known
        if unknown:
            notes.append(
                f"the test part has values of {column!r} the training part has not "
                f"({', '.join(map(str, sorted(map(str, unknown))[:3]))}): they count as its "
                "reference level."
            )
    return SplitData(
        X_train=X_train,
        X_test=X_test,
        y_train=y_train,
        y_test=y_test,
        feature_names=preprocessing.feature_names,
        target_name=dataset.target_name,
        source=dataset.source,
        preprocessing=preprocessing,
        stratified=stratified,
        notes=tuple(notes),
        X_test_display=display,
        threshold=threshold,
    )
