"""The train/test split, with the preprocessing fitted on the training part only (no
statistic of the test part leaks into training: the seed's data-leakage point)."""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from ..errors import DataError, FieldError
from ..i18n import QT_TRANSLATE_NOOP, translate
from ..model.params import problem
from .dataset import Dataset
from .preprocessing import Preprocessing, numbers_of

__all__ = [
    "DATA_CONSTRAINTS",
    "DATA_LABELS",
    "MAX_SEED",
    "SplitData",
    "split_dataset",
    "split_rows",
]

MAX_SEED = 2**32 - 1


def _constraints():
    from numbers import Integral, Real

    from ..model.params import Number

    return {
        "test_size": [Number(Real, 0, 1, closed="neither")],
        "seed": [Number(Integral, 0, MAX_SEED, closed="both")],
    }


#: Constraints of the split settings.
DATA_CONSTRAINTS = _constraints()
#: How the split settings are named where a person sets them. English, marked for
#: translation: ``translate("data.split", DATA_LABELS[name])`` where one is shown.
DATA_LABELS = {
    "test_size": QT_TRANSLATE_NOOP("data.split", "the test size"),
    "seed": QT_TRANSLATE_NOOP("data.split", "the seed"),
}


@dataclass(frozen=True, eq=False)
class SplitData:
    """Train and test parts of a :class:`Dataset`, as the model sees them.

    ``X_train``/``X_test`` are the model's features (``feature_names``): numeric columns
    standardised with the training part's mean and deviation (when asked), text columns
    one-hot encoded with the training part's levels — by ``preprocessing``, which applies to
    new rows the same way. ``X_test_display`` holds the test features in their own units.
    ``threshold`` is the value a quantity target was cut at (None for real classes).
    ``train_inputs`` holds, for data of exactly two numeric columns (and no text column),
    the training rows' two columns in their own units, exactly as read (what painting
    starts from); None for other data. ``class_labels``: the classes when they are given
    rather than found in the training part (painted data: every class a point may have,
    painted yet or not); None for other data.
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
    train_inputs: np.ndarray | None = None
    class_labels: np.ndarray | None = None

    @cached_property
    def classes(self) -> np.ndarray:
        """Sorted distinct labels of the training part (the model's classes); for data
        whose classes are given (``class_labels``), those, sorted."""
        if self.class_labels is not None:
            return np.unique(self.class_labels)
        return np.unique(self.y_train)

    @property
    def standardized(self) -> bool:
        """True when the numeric features were standardised."""
        return self.preprocessing is not None and self.preprocessing.mean is not None


def split_rows(n, test_size, random_state, strata=None) -> tuple[np.ndarray, np.ndarray]:
    """The positions of the training and the test rows of ``n`` rows: the same arrays as
    ``train_test_split(np.arange(n), test_size=test_size, random_state=random_state,
    stratify=strata)``, drawn with the same random numbers.

    Stratified, scikit-learn gathers each class's rows in a Python list, one number object a
    row (its split of a million rows took 0.23–0.31 s here, this one 0.06–0.08 s); here
    they are joined as arrays. Its count of each class's training and test rows is its own
    function's, so that ties are broken as it breaks them; where that function is not found
    (it is not public), the split is scikit-learn's own. ``strata`` must allow the split
    (every class two rows or more, both parts at least one row per class), as
    :func:`split_dataset` checks before it asks; scikit-learn would refuse it otherwise.
    """
    from sklearn.model_selection import train_test_split
    from sklearn.utils import check_random_state

    try:
        from sklearn.utils.extmath import _approximate_mode
    except ImportError:  # pragma: no cover - scikit-learn moved it: its own split
        _approximate_mode = None
    if strata is None or _approximate_mode is None:
        return tuple(
            train_test_split(
                np.arange(n), test_size=test_size, random_state=random_state, stratify=strata
            )
        )
    # StratifiedShuffleSplit's draws, in its order (the tests compare the two).
    n_test = math.ceil(test_size * n)
    n_train = n - n_test
    _, y_indices, class_counts = np.unique(strata, return_inverse=True, return_counts=True)
    class_indices = np.split(
        np.argsort(y_indices.ravel(), kind="stable"), np.cumsum(class_counts)[:-1]
    )
    rng = check_random_state(random_state)
    n_i = _approximate_mode(class_counts, n_train, rng)
    t_i = _approximate_mode(class_counts - n_i, n_test, rng)
    train, test = [], []
    for i, rows in enumerate(class_indices):
        permuted = rows.take(rng.permutation(class_counts[i]), mode="clip")
        train.append(permuted[: n_i[i]])
        test.append(permuted[n_i[i] : n_i[i] + t_i[i]])
    return rng.permutation(np.concatenate(train)), rng.permutation(np.concatenate(test))


def split_dataset(
    dataset: Dataset,
    test_size=0.3,
    random_state=0,
    standardize=True,
    impute=False,
    feature_map=None,
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
    label = translate("data.split", "The test size")
    message = problem(DATA_CONSTRAINTS["test_size"], test_size, label)
    if message:
        raise FieldError({"test_size": message})
    n = len(dataset.y)
    n_test = math.ceil(test_size * n)
    if n_test < 1 or n - n_test < 1:
        message = translate(
            "data.split", "a test size of {test_size:g} leaves an empty part of the {n} samples."
        )
        raise FieldError({"test_size": message.format(test_size=test_size, n=n)})
    y = dataset.y
    notes = list(dataset.notes)
    quantity = dataset.threshold is not None
    # A quantity is stratified by its halves, so that both parts hold both classes.
    strata = y > np.median(y) if quantity else y
    classes, counts = np.unique(strata, return_counts=True)
    if len(classes) < 2:
        raise DataError(
            translate(
                "data.split",
                "the data hold only one class; logistic regression needs at least two.",
            )
        )
    stratified = counts.min() >= 2 and n_test >= len(classes) and n - n_test >= len(classes)
    if not stratified:
        notes.append(
            translate(
                "data.split", "the split is not stratified: some class has too few samples for it."
            )
        )
    train, test = split_rows(n, test_size, random_state, strata if stratified else None)
    # The rows keep train_test_split's shuffled order, as scikit-learn's own split returns
    # them (the seed's run, sample by sample).
    y_train, y_test = y[train], y[test]
    threshold = None
    if quantity:
        threshold = (
            float(np.median(y_train)) if dataset.threshold == "median" else float(dataset.threshold)
        )
        if dataset.threshold == "median":
            note = translate(
                "data.split",
                "the target {target!r} is a quantity, cut into two classes at {threshold:g} (the "
                "training median): class 1 is {target} > {threshold:g}, class 0 is {target} ≤ "
                "{threshold:g}.",
            )
        else:
            note = translate(
                "data.split",
                "the target {target!r} is a quantity, cut into two classes at {threshold:g} (the "
                "threshold chosen): class 1 is {target} > {threshold:g}, class 0 is {target} ≤ "
                "{threshold:g}.",
            )
        notes.append(note.format(target=dataset.target_name, threshold=threshold))
        y_train = (y_train > threshold).astype(np.int64)
        y_test = (y_test > threshold).astype(np.int64)
    if len(np.unique(y_train)) < 2:
        raise DataError(
            translate(
                "data.split",
                "the training part holds only one class; use a smaller test size or more data.",
            )
        )
    unseen = np.setdiff1d(np.unique(y_test), np.unique(y_train))
    if len(unseen):
        raise DataError(
            translate(
                "data.split",
                "class {classes} has too few samples: all of them fell in the test part, so the "
                "model could never learn it. Use a smaller test size or more data.",
            ).format(classes=", ".join(map(repr, unseen.tolist())))
        )
    frame, numeric, categorical = dataset.frame, dataset.numeric, dataset.categorical
    # The numeric columns gathered row by row into arrays of their own (which the transform
    # then scales in place); the table itself is never copied whole.
    train_numbers, test_numbers = numbers_of(frame, numeric, train, test) or (None, None)
    texts = frame[list(categorical)] if categorical else None
    train_texts = texts.iloc[train] if categorical else None
    test_texts = texts.iloc[test] if categorical else None
    preprocessing = Preprocessing.fit_columns(
        train_numbers,
        train_texts,
        numeric,
        categorical,
        impute=impute,
        standardize=standardize,
        feature_map=feature_map,
    )
    inputs = None
    if len(preprocessing.numeric) == 2 and not preprocessing.categorical:
        # The columns as the model reads them (imputed cells filled), before any map.
        inputs = train_numbers.copy()
        if preprocessing.numeric_fill is not None:
            gaps = np.isnan(inputs)
            inputs[gaps] = np.broadcast_to(preprocessing.numeric_fill, inputs.shape)[gaps]
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        X_train = preprocessing.transform_columns(train_numbers, train_texts, n=len(train))
        display = preprocessing.transform_columns(
            None if test_numbers is None else test_numbers.copy(),
            test_texts,
            scaled=False,
            n=len(test),
        )
        X_test = preprocessing.transform_columns(test_numbers, test_texts, n=len(test))
    for X in (X_train, X_test):
        bad = ~np.isfinite(X).all(axis=0)
        if bad.any():
            column = preprocessing.feature_names[int(np.argmax(bad))]
            raise DataError(
                translate(
                    "data.split",
                    "the feature {column!r} is not a finite number once prepared: its values are "
                    "too large; rescale the column or leave it out.",
                ).format(column=column)
            )
    for i, column in enumerate(preprocessing.categorical):
        known = {*preprocessing.levels[i], preprocessing.references[i]}
        unknown = set(test_texts[column].dropna().astype(object)) - known
        if unknown:
            notes.append(
                translate(
                    "data.split",
                    "the test part has values of {column!r} the training part has not "
                    "({values}): they count as its reference level.",
                ).format(column=column, values=", ".join(map(str, sorted(map(str, unknown))[:3])))
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
        train_inputs=inputs,
    )
