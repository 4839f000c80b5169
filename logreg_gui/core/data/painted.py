"""Painted data: points a person places by hand on the plane of two numeric columns (as in
Orange's Paint Data), each with its class and its part — training or test.

The points live in the data settings (:class:`PaintSettings`), so that a session file, the
runs kept for the next start and a model file carry them as they carry every other setting,
and they are checked as strictly when read. The split is the points' own: no random split,
so that painting a training point never moves a test point; the preprocessing is fitted on
the training points, as for any data.

Data of two numeric columns (a two-dimensional set, or a file of two numeric columns) become
painted data point for point (:func:`paint_from_split`): the same values, classes and parts,
in the same order, so that the model sees exactly the same numbers.
"""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass, replace
from numbers import Integral, Real

import numpy as np
import pandas as pd

from ..errors import DataError
from ..i18n import translate
from .split import SplitData

__all__ = [
    "CANVAS_EXTENT",
    "MAX_PAINTED",
    "MAX_PAINTED_CLASSES",
    "PAINTED",
    "TEST",
    "TRAIN",
    "PaintSettings",
    "add_point",
    "empty_canvas",
    "move_point",
    "paint_from_split",
    "paint_problem",
    "removal_problem",
    "remove_point",
    "split_painted",
    "training_rows",
]

#: The data source of painted points.
PAINTED = "painted"
#: The parts a point may belong to.
TRAIN, TEST = "train", "test"
#: The most points painted data may hold: every edit makes the data again (a few
#: milliseconds at this size, so an edit is in before the next click) and a session file
#: keeps them as JSON.
MAX_PAINTED = 5_000
#: The most classes a person may paint.
MAX_PAINTED_CLASSES = 100
#: The plane of an empty canvas (and the least of any canvas): x1 and x2 from −1 to 1.
CANVAS_EXTENT = ((-1.0, 1.0), (-1.0, 1.0))


@dataclass(frozen=True)
class PaintSettings:
    """Painted points and what they are.

    ``points``: rows ``(x1, x2, class, part)`` in order — the two columns' values in their own
    units, the class (one of ``classes``) and the part, ``"train"`` or ``"test"``.
    ``columns``: the names of the two columns; ``target``: the name of the class column;
    ``classes``: the classes a point may have (all numbers or all texts), offered to paint
    even when no point has them yet.
    """

    points: tuple = ()
    columns: tuple = ("x1", "x2")
    target: str = "class"
    classes: tuple = (0, 1)

    def counts(self, part) -> dict:
        """class -> how many points of ``part`` have it (every class of :attr:`classes`)."""
        counts = dict.fromkeys(self.classes, 0)
        for row in self.points:
            if row[3] == part:
                counts[row[2]] += 1
        return counts


def _is_number(value) -> bool:
    return (
        isinstance(value, Real)
        and not isinstance(value, bool)
        and (isinstance(value, Integral) or math.isfinite(value))
    )


def _label_kind(value):
    """ "text", "number", or None for a value that cannot be a class."""
    if isinstance(value, str):
        return "text" if 0 < len(value) <= 1000 else None
    return "number" if _is_number(value) else None


def paint_problem(paint) -> str | None:
    """What makes ``paint`` (a PaintSettings read from a file, or made by code) unusable, in
    words; None when it can be used. Every point: two finite numbers, one of the classes, a
    part; at most :data:`MAX_PAINTED` points."""
    if not isinstance(paint, PaintSettings):
        return translate("data.painted", "the painted points are not painted points")
    columns, classes, points = paint.columns, paint.classes, paint.points
    if (
        not isinstance(columns, tuple)
        or len(columns) != 2
        or not all(isinstance(c, str) and 0 < len(c) <= 1000 for c in columns)
        or columns[0] == columns[1]
        or not isinstance(paint.target, str)
        or not 0 < len(paint.target) <= 1000
        or paint.target in columns
    ):
        return translate(
            "data.painted", "the painted points need two different column names and a class name"
        )
    kinds = {_label_kind(c) for c in classes} if isinstance(classes, tuple) else {None}
    if (
        None in kinds
        or len(kinds) != 1
        or not 2 <= len(classes) <= MAX_PAINTED_CLASSES
        or len(set(classes)) != len(classes)
    ):
        return translate(
            "data.painted",
            "the classes of painted points are 2 to {most} different numbers or texts",
        ).format(most=MAX_PAINTED_CLASSES)
    if not isinstance(points, tuple):
        return translate("data.painted", "the painted points are not a list of points")
    if len(points) > MAX_PAINTED:
        return translate(
            "data.painted", "there are {count:,} painted points; at most {most:,} are allowed"
        ).format(count=len(points), most=MAX_PAINTED)
    known = set(classes)
    for number, row in enumerate(points, 1):
        if (
            not isinstance(row, tuple)
            or len(row) != 4
            or not (_is_number(row[0]) and _is_number(row[1]))
            or not (abs(float(row[0])) < 1e300 and abs(float(row[1])) < 1e300)
            or _label_kind(row[2]) not in kinds
            or row[2] not in known
            or row[3] not in (TRAIN, TEST)
        ):
            return translate(
                "data.painted",
                "painted point {number} is not two finite numbers, one of the classes and "
                "“train” or “test”",
            ).format(number=number)
    return None


def training_rows(paint) -> np.ndarray:
    """The rows of ``paint.points`` in the training part, in order: training point ``i``
    (the ``i``-th training row the model sees) is ``paint.points[training_rows(paint)[i]]``."""
    return np.array([i for i, row in enumerate(paint.points) if row[3] == TRAIN], dtype=int)


def _row_of(paint, index):
    rows = training_rows(paint)
    if not 0 <= int(index) < len(rows):
        raise DataError(
            translate("data.painted", "there is no training point {index}.").format(index=index)
        )
    return int(rows[int(index)])


def _plain(value):
    return value.item() if isinstance(value, np.generic) else value


def add_point(paint, x1, x2, label) -> PaintSettings:
    """``paint`` with a training point of class ``label`` at ``(x1, x2)`` after the others."""
    label = _plain(label)
    if label not in paint.classes:
        raise DataError(
            translate("data.painted", "{label} is not one of the classes painted.").format(
                label=label
            )
        )
    if len(paint.points) >= MAX_PAINTED:
        raise DataError(
            translate(
                "data.painted", "painted data hold at most {most:,} points: delete some first."
            ).format(most=MAX_PAINTED)
        )
    point = (_coordinate(x1), _coordinate(x2), label, TRAIN)
    return replace(paint, points=(*paint.points, point))


def move_point(paint, index, x1, x2) -> PaintSettings:
    """``paint`` with training point ``index`` moved to ``(x1, x2)`` (its place in the order
    and its class kept)."""
    row = _row_of(paint, index)
    points = list(paint.points)
    _, _, label, part = points[row]
    points[row] = (_coordinate(x1), _coordinate(x2), label, part)
    return replace(paint, points=tuple(points))


def removal_problem(paint, index) -> str | None:
    """Why training point ``index`` may not be deleted (None when it may): the last training
    point of a class the test part still holds — the model could never learn that class, and
    test points are never painted."""
    row = _row_of(paint, index)
    label = paint.points[row][2]
    if paint.counts(TRAIN)[label] == 1 and paint.counts(TEST)[label] > 0:
        return translate(
            "data.painted",
            "it is the last training point of class {label}, and the test part holds {count:,} "
            "of that class: the model could never learn it.",
        ).format(label=label, count=paint.counts(TEST)[label])
    return None


def remove_point(paint, index) -> PaintSettings:
    """``paint`` without training point ``index``; DataError when :func:`removal_problem`
    says why it may not go."""
    problem = removal_problem(paint, index)
    if problem:
        raise DataError(problem)
    row = _row_of(paint, index)
    return replace(paint, points=paint.points[:row] + paint.points[row + 1 :])


def empty_canvas(paint=None) -> PaintSettings:
    """No point at all, the columns, class name and classes of ``paint`` kept (None: x1,
    x2, and the classes 0 and 1)."""
    return PaintSettings() if paint is None else replace(paint, points=())


def _coordinate(value) -> float:
    value = float(value)
    if not math.isfinite(value) or abs(value) >= 1e300:
        raise DataError(translate("data.painted", "a point must lie at finite coordinates."))
    return value


def paint_from_split(split) -> PaintSettings:
    """The points of ``split`` (data of exactly two numeric columns) as painted points: the
    training samples then the test samples, in the order the model sees them, at their own
    values, with their classes and parts. DataError for other data, or too many samples."""
    pre = split.preprocessing
    if pre is None or len(pre.numeric) != 2 or len(pre.categorical) != 0:
        raise DataError(
            translate(
                "data.painted",
                "points can be painted only on data of exactly two numeric columns.",
            )
        )
    n = len(split.y_train) + len(split.y_test)
    if n > MAX_PAINTED:
        raise DataError(
            translate(
                "data.painted",
                "these data hold {count:,} samples; points can be painted on at most {most:,}.",
            ).format(count=n, most=MAX_PAINTED)
        )
    train = split.train_inputs
    if train is None:  # data kept in an older session file: the standardisation undone
        train = pre.unscale(split.X_train)[:, :2]
    test = split.X_test_display
    test = pre.unscale(split.X_test)[:, :2] if test is None else test[:, :2]
    points = [
        (float(x1), float(x2), _plain(label), part)
        for X, y, part in ((train, split.y_train, TRAIN), (test, split.y_test, TEST))
        for (x1, x2), label in zip(np.asarray(X, dtype=float), y)
    ]
    classes = tuple(_plain(c) for c in split.classes)
    return PaintSettings(
        points=tuple(points),
        columns=tuple(str(c) for c in pre.numeric),
        target=str(split.target_name),
        classes=classes,
    )


def _description(paint, n_train, n_test):
    if n_train == 0 and n_test == 0:
        return translate("data.painted", "Painted points: an empty canvas")
    shares = ", ".join(
        translate("data.painted", "{count:,} of class {label}").format(count=count, label=label)
        for label, count in paint.counts(TRAIN).items()
        if count
    )
    if n_train == 0:
        return translate(
            "data.painted", "Painted points: none in the training part, {test:,} in the test part"
        ).format(test=n_test)
    return translate(
        "data.painted",
        "Painted points: {train:,} in the training part ({shares}), {test:,} in the test part",
    ).format(train=n_train, shares=shares, test=n_test)


def split_painted(paint, standardize=True, feature_map=None) -> SplitData:
    """The train and test parts of painted points, as the model sees them: the parts the
    points have (no random split), the preprocessing fitted on the training points.

    The classes are those of ``paint`` (``SplitData.classes``), painted yet or not, so that
    each keeps its colour while a canvas is being painted; unlike other data, a class may
    have no training point yet (training waits until each has one).
    With no training point at all, the features are the columns' own values (nothing to
    standardise on yet). DataError for a class whose points are all test points.
    """
    from .preprocessing import Preprocessing

    problem = paint_problem(paint)
    if problem:
        raise DataError(problem + ".")
    points = paint.points
    X = np.array([(row[0], row[1]) for row in points], dtype=float).reshape(-1, 2)
    classes = np.asarray(paint.classes)
    index = {label: i for i, label in enumerate(paint.classes)}
    y = classes[np.array([index[row[2]] for row in points], dtype=int)]
    train = np.array([row[3] == TRAIN for row in points], dtype=bool)
    columns = list(paint.columns)
    frame = pd.DataFrame(X, columns=columns)
    train_frame, test_frame = frame[train], frame[~train]
    y_train, y_test = y[train], y[~train]
    unseen = sorted(set(y_test.tolist()) - set(y_train.tolist()), key=str)
    if unseen:
        raise DataError(
            translate(
                "data.painted",
                "class {classes} has test points but no training point: the model could never "
                "learn it.",
            ).format(classes=", ".join(map(str, unseen)))
        )
    n_train, n_test = int(train.sum()), int((~train).sum())
    notes = [
        translate(
            "data.painted",
            "the parts are those of the points: filled points train the model, hollow ones "
            "test it (no random split); points are painted in the training part only.",
        )
    ]
    if n_train:
        fit_frame, scaled = train_frame, standardize
    else:
        # Nothing to fit on: the columns are taken as they are (one row at the origin fixes
        # the feature map's names and nothing else).
        fit_frame, scaled = pd.DataFrame(np.zeros((1, 2)), columns=columns), False
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        preprocessing = Preprocessing.fit(
            fit_frame, tuple(columns), (), standardize=scaled, feature_map=feature_map
        )
        X_train = preprocessing.transform(train_frame)
        X_test = preprocessing.transform(test_frame)
        display = preprocessing.transform(test_frame, scaled=False)
    for part in (X_train, X_test):
        bad = ~np.isfinite(part).all(axis=0)
        if bad.any():
            raise DataError(
                translate(
                    "data.painted",
                    "the feature {feature!r} of painted points is not a finite number: paint "
                    "nearer the origin or lower the degree.",
                ).format(feature=preprocessing.feature_names[int(np.argmax(bad))])
            )
    return SplitData(
        X_train=X_train,
        X_test=X_test,
        y_train=y_train,
        y_test=y_test,
        feature_names=preprocessing.feature_names,
        target_name=paint.target,
        source=_description(paint, n_train, n_test),
        preprocessing=preprocessing,
        stratified=False,
        notes=tuple(notes),
        X_test_display=display,
        train_inputs=X[train],
        class_labels=classes,
    )
