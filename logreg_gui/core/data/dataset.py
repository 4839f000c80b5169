"""A table of features and labels before any split, from a generator, a shipped dataset or a
file a person brings."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..errors import DataError
from ..i18n import translate
from .columns import FEATURE, TEXT, describe_columns, is_quantity

__all__ = ["Dataset", "dataset_from_table", "line_list"]


@dataclass(frozen=True, eq=False)
class Dataset:
    """Features and labels, before any split.

    Attributes
    ----------
    frame : pandas.DataFrame, the feature columns (numbers, and text to be one-hot encoded)
    y : ndarray of shape (n_samples,), labels (numbers or text), or the values of a quantity
        to be cut at ``threshold``
    target_name : str
    source : str, a one-line description of where the data came from
    notes : tuple of str, what loading did (dropped rows, left-out columns…), in plain words
    threshold : None, a number or "median": the target is a quantity, and the classes are
        "above the threshold" (1) and "at or below" (0); "median" is the training median
    line_numbers : ndarray or None, the file line of each row (for messages)
    categorical : tuple of str, the text columns of ``frame``
    """

    frame: pd.DataFrame
    y: np.ndarray
    target_name: str = "class"
    source: str = ""
    notes: tuple[str, ...] = ()
    threshold: object = None
    line_numbers: np.ndarray | None = None
    categorical: tuple[str, ...] = field(default=())

    @property
    def feature_names(self) -> tuple[str, ...]:
        """The columns used as features (before one-hot encoding)."""
        return tuple(str(c) for c in self.frame.columns)

    @property
    def numeric(self) -> tuple[str, ...]:
        return tuple(c for c in self.frame.columns if c not in self.categorical)


def line_list(lines, limit=5) -> str:
    """``"lines 5, 9, 12, …"`` for the first few of ``lines``."""
    lines = [int(n) for n in lines]
    shown = ", ".join(str(n) for n in lines[:limit])
    if len(lines) == 1:
        text = translate("data.dataset", "line {numbers}")
    elif len(lines) > limit:
        text = translate("data.dataset", "lines {numbers}, …")
    else:
        text = translate("data.dataset", "lines {numbers}")
    return text.format(numbers=shown)


def _labels(values):
    """Class labels as a person wrote them: whole numbers stay numbers while they fit int64
    exactly (1e19 and 2e19 must never become the same label), everything else is text."""
    if pd.api.types.is_numeric_dtype(values.dtype) and not pd.api.types.is_bool_dtype(values.dtype):
        numbers = values.to_numpy()
        if pd.api.types.is_integer_dtype(values.dtype):
            if numbers.dtype.kind == "u" and numbers.max(initial=0) > np.iinfo(np.int64).max:
                return values.astype(str).to_numpy()
            return numbers.astype(np.int64)
        whole = np.all(numbers == np.round(numbers))
        if whole and np.all(np.abs(numbers) < 2**53):
            return numbers.astype(np.int64)
        return values.astype(str).to_numpy() if whole else numbers.astype(float)
    return values.astype(str).to_numpy()


def dataset_from_table(
    table, target, *, threshold=None, missing="drop", include=(), exclude=()
) -> Dataset:
    """Features and labels of a :class:`~logreg_gui.core.data.reading.Table`, every step said
    in ``notes``.

    ``threshold``: cut a quantity target into two classes (a number, or "median" for the
    training median). ``missing``: "drop" the rows with missing cells, or "impute" them
    (later, from the training part). ``include`` / ``exclude``: columns whose role the person
    chose.
    """
    frame = table.frame
    name = table.path.rsplit("/", 1)[-1]
    columns = describe_columns(frame, target, include=include, exclude=exclude)
    notes = list(table.notes)
    used = [c.name for c in columns if c.role == FEATURE]
    for c in columns:
        if c.role == "excluded":
            notes.append(
                translate("data.dataset", "left out column {column!r}: {reason}.").format(
                    column=c.name, reason=c.reason
                )
            )
    if not used:
        raise DataError(
            translate(
                "data.dataset", "{name} has no column left to use as a feature besides the target."
            ).format(name=name)
        )
    categorical = tuple(c.name for c in columns if c.role == FEATURE and c.kind == TEXT)
    lines = table.line_numbers
    n = len(frame)
    y_series = frame[target]
    drop = y_series.isna().to_numpy().copy()
    if drop.any():
        notes.append(
            translate(
                "data.dataset", "dropped {dropped} of {rows} rows without a target value ({lines})."
            ).format(dropped=int(drop.sum()), rows=n, lines=line_list(lines[drop]))
        )
    if missing == "drop":
        gaps = frame[used].isna().to_numpy().any(axis=1) & ~drop
        if gaps.any():
            notes.append(
                translate(
                    "data.dataset",
                    "dropped {dropped} of {rows} rows with missing cells ({lines}); choose to "
                    "impute them to keep these rows.",
                ).format(dropped=int(gaps.sum()), rows=n, lines=line_list(lines[gaps]))
            )
        drop |= gaps
    elif missing == "impute":
        gaps = int(frame[used].isna().to_numpy().sum())
        if gaps:
            notes.append(
                translate(
                    "data.dataset",
                    "{cells} missing cells are filled with the training part's median (numbers) "
                    "or most frequent value (texts).",
                ).format(cells=gaps)
            )
    else:
        raise DataError(
            translate(
                "data.dataset", "missing cells are dropped or imputed, not {missing!r}."
            ).format(missing=missing)
        )
    keep = ~drop
    if keep.sum() < 2:
        raise DataError(
            translate("data.dataset", "{name} has fewer than 2 usable rows.").format(name=name)
        )
    y_kept = y_series[keep]
    if is_quantity(y_kept):
        if threshold is None:
            raise DataError(
                translate(
                    "data.dataset",
                    "the target {target!r} is a quantity ({values} different values), not "
                    "classes: choose another column, or cut it into two classes at a threshold "
                    "(for example the median).",
                ).format(target=target, values=y_kept.nunique())
            )
        y = y_kept.to_numpy(dtype=float)
    else:
        if threshold is not None:
            notes.append(
                translate(
                    "data.dataset",
                    "the target {target!r} already holds classes: no threshold is used.",
                ).format(target=target)
            )
            threshold = None
        y = _labels(y_kept)
    for column in categorical:
        levels = frame[column][keep].nunique()
        notes.append(
            translate(
                "data.dataset",
                "one-hot encoded text column {column!r} ({levels} values): one column per value "
                "but the first, the reference level.",
            ).format(column=column, levels=levels)
        )
    # Every row kept (the usual case): the columns as they are, not copied.
    features = frame[used] if keep.all() else frame.loc[keep, used]
    if not features.index.equals(pd.RangeIndex(len(features))):
        features = features.reset_index(drop=True)
    return Dataset(
        frame=features,
        y=y,
        target_name=str(target),
        source=table.description,
        notes=tuple(notes),
        threshold=threshold,
        line_numbers=lines[keep],
        categorical=categorical,
    )
