"""The parameters a landscape is drawn over: cells of the augmented array, which exist, the
two shown first, and their path in a history of the weights."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ...i18n import translate

__all__ = ["Parameter", "default_parameters", "parameter_choices", "path_of"]


@dataclass(frozen=True, order=True)
class Parameter:
    """One parameter: cell ``(row, column)`` of the augmented array ``(k, d + 1)``.

    ``column == d`` is the intercept of row ``row``; smaller columns are weights of feature
    ``column``. With two classes ``row`` is always 0.
    """

    row: int
    column: int

    def is_intercept(self, d: int) -> bool:
        """Whether this is an intercept when there are ``d`` features."""
        return self.column == d

    def value(self, coef, intercept) -> float:
        """This parameter's value in ``coef`` (k, d) and ``intercept`` (k,)."""
        if self.column == np.shape(coef)[1]:
            return float(intercept[self.row])
        return float(coef[self.row, self.column])

    def name(self, feature_names: Sequence[str], class_labels: Sequence) -> str:
        """A readable name: ``w[x3]`` and ``b`` for two classes, ``w[x3, class setosa]`` and
        ``b[class setosa]`` for more.

        Parameters
        ----------
        feature_names : sequence of d str
        class_labels : sequence of the n_classes class labels (row ``r`` of a multiclass
            model belongs to ``class_labels[r]``)
        """
        binary = len(class_labels) <= 2
        if self.column == len(feature_names):
            if binary:
                return "b"
            return translate("landscape", "b[class {label}]").format(label=class_labels[self.row])
        feature = feature_names[self.column]
        if binary:
            return f"w[{feature}]"
        return translate("landscape", "w[{feature}, class {label}]").format(
            feature=feature, label=class_labels[self.row]
        )


def parameter_choices(k: int, d: int) -> list[Parameter]:
    """Every parameter of a model with ``k`` score rows and ``d`` features, in the order of
    the augmented array: row 0's weights, then its intercept, then row 1's… (for a combo box).
    """
    return [Parameter(r, j) for r in range(k) for j in range(d + 1)]


def default_parameters(coef, intercept) -> tuple[Parameter, Parameter]:
    """The two parameters to show first: the two weights of largest ``|w|``.

    The pair is returned in the order of :func:`parameter_choices` (not by size), so that the
    axes do not swap when the two weights overtake each other. Ties go to the earlier weight.
    With a single weight (two classes, one feature) the pair is that weight and the intercept.

    Parameters
    ----------
    coef : ndarray of shape (k, d)
    intercept : ndarray of shape (k,)
    """
    coef = np.asarray(coef, dtype=float)
    k, d = coef.shape
    if len(np.asarray(intercept).reshape(-1)) != k:
        raise ValueError(f"intercept must have {k} values, one per row of coef.")
    if k * d == 0:
        raise ValueError("the model has no weights.")
    if k * d == 1:
        return Parameter(0, 0), Parameter(0, d)
    order = np.argsort(-np.abs(coef).reshape(-1), kind="stable")[:2]
    first, second = sorted(int(i) for i in order)
    return Parameter(*divmod(first, d)), Parameter(*divmod(second, d))


def path_of(weights, params: tuple[Parameter, Parameter]) -> np.ndarray:
    """The two parameters' trajectory from a history of augmented parameters.

    Parameters
    ----------
    weights : ndarray of shape (m, k, d + 1), e.g. :meth:`WeightHistory.path`'s parameters
    params : the two parameters

    Returns
    -------
    ndarray of shape (m, 2): column 0 the first parameter, column 1 the second.
    """
    weights = np.asarray(weights, dtype=float)
    if weights.ndim != 3:
        raise ValueError("weights must have shape (m, k, d + 1).")
    p, q = params
    return np.column_stack([weights[:, p.row, p.column], weights[:, q.row, q.column]])
