"""The feature map: new features made from the numeric input columns — their squares, their
pairwise products (crosses), their sines, or every product up to a polynomial degree — so
that a model linear in its features draws a curved boundary in the plane of its inputs.

The products are scikit-learn's ``PolynomialFeatures`` (same columns, same order; a test
says so), kept as a matrix of exponents so that a model file can apply them without
scikit-learn's objects (and without pickles). Names are written as people read them:
``x1²``, ``x1·x2``, ``sin(x1)``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ..errors import DataError
from ..i18n import translate

__all__ = [
    "MAX_DEGREE",
    "MAX_EXPANDED",
    "FeatureMap",
    "expand",
    "expanded_count",
    "expanded_names",
    "expansion",
]

#: The highest polynomial degree offered.
MAX_DEGREE = 10
#: The most features a map may make: beyond, training and every view would crawl.
MAX_EXPANDED = 2000

_SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


@dataclass(frozen=True)
class FeatureMap:
    """Which features to make from the numeric inputs x₁ … x_d (text columns are one-hot
    encoded as before, never expanded).

    ``degree`` 1–10: every product of the inputs of total degree up to it (1: the inputs
    alone); ``squares``: xᵢ²; ``crosses``: xᵢ·xⱼ for i < j (both already in a degree ≥ 2);
    ``sin``: sin(xᵢ) of each input. The inputs themselves always stay.
    """

    degree: int = 1
    squares: bool = False
    crosses: bool = False
    sin: bool = False

    @property
    def identity(self) -> bool:
        """True when the map makes no feature beyond the inputs."""
        return self.degree == 1 and not (self.squares or self.crosses or self.sin)


def _polynomial_powers(n_inputs, degree) -> np.ndarray:
    """Exponents of PolynomialFeatures(degree, include_bias=False) of ``n_inputs`` inputs, in
    its order (degree 1 first, then 2, …; within a degree, lexicographic)."""
    rows = []
    for total in range(1, degree + 1):
        for combo in _combinations_with_replacement(n_inputs, total):
            row = [0] * n_inputs
            for i in combo:
                row[i] += 1
            rows.append(row)
    return np.array(rows, dtype=np.int64).reshape(-1, n_inputs)


def _combinations_with_replacement(n, k):
    from itertools import combinations_with_replacement

    return combinations_with_replacement(range(n), k)


def expanded_count(n_inputs, feature_map: FeatureMap) -> int:
    """How many features ``feature_map`` makes of ``n_inputs`` numeric inputs (without
    making them: a map too large is refused before anything is computed)."""
    if n_inputs == 0:
        return 0
    if feature_map.degree > 1:
        count = math.comb(n_inputs + feature_map.degree, feature_map.degree) - 1
        extra_squares = extra_crosses = 0
    else:
        count = n_inputs
        extra_squares = n_inputs if feature_map.squares else 0
        extra_crosses = n_inputs * (n_inputs - 1) // 2 if feature_map.crosses else 0
    return count + extra_squares + extra_crosses + (n_inputs if feature_map.sin else 0)


def expansion(n_inputs, feature_map: FeatureMap) -> tuple[np.ndarray, tuple]:
    """``(powers, sines)`` of ``feature_map`` on ``n_inputs`` inputs: the exponents of each
    product feature (one row per feature, the inputs first) and the inputs whose sine is a
    feature. DataError when it would make more than MAX_EXPANDED features."""
    count = expanded_count(n_inputs, feature_map)
    if count > MAX_EXPANDED:
        raise DataError(
            translate(
                "data.feature_map",
                "this feature map would make {count:,} features of the {inputs} numeric "
                "columns; at most {limit:,} are allowed: lower the degree or choose fewer "
                "expansions.",
            ).format(count=count, inputs=n_inputs, limit=MAX_EXPANDED)
        )
    if feature_map.degree > 1:
        powers = _polynomial_powers(n_inputs, feature_map.degree)
    else:
        rows = list(np.eye(n_inputs, dtype=np.int64))
        if feature_map.squares:
            rows += [2 * row for row in np.eye(n_inputs, dtype=np.int64)]
        if feature_map.crosses:
            for i in range(n_inputs):
                for j in range(i + 1, n_inputs):
                    row = np.zeros(n_inputs, dtype=np.int64)
                    row[[i, j]] = 1
                    rows.append(row)
        powers = np.array(rows, dtype=np.int64).reshape(-1, n_inputs)
    sines = tuple(range(n_inputs)) if feature_map.sin else ()
    return powers, sines


def expand(X, powers, sines=()) -> np.ndarray:
    """The features of inputs ``X`` (n, d): the products ``Π xⱼ^powers[f, j]`` of each row
    of ``powers``, then ``sin(x_i)`` for ``i`` in ``sines``."""
    X = np.asarray(X, dtype=float)
    columns = np.empty((X.shape[0], len(powers) + len(sines)))
    for f, row in enumerate(powers):
        used = np.flatnonzero(row)
        product = np.ones(X.shape[0])
        for j in used:
            product = product * (X[:, j] if row[j] == 1 else X[:, j] ** int(row[j]))
        columns[:, f] = product
    for s, i in enumerate(sines):
        columns[:, len(powers) + s] = np.sin(X[:, i])
    return columns


def expanded_names(names, powers, sines=()) -> tuple[str, ...]:
    """Readable names of the features: ``x1``, ``x1²``, ``x1·x2``, ``x1²·x2``, ``sin(x1)``."""
    out = []
    for row in powers:
        parts = []
        for j in np.flatnonzero(row):
            power = int(row[j])
            parts.append(str(names[j]) + (str(power).translate(_SUPERSCRIPTS) if power > 1 else ""))
        out.append("·".join(parts))
    out += [f"sin({names[i]})" for i in sines]
    return tuple(out)
