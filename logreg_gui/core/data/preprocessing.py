"""Turning a table's feature columns into the numbers the model sees, fitted on the training
part only.

The fitting is scikit-learn's, what a ``ColumnTransformer`` would fit, one pipeline per part
(the numeric columns as one float array, without the transformer's copies of the table):
``SimpleImputer`` (when missing cells are imputed), the feature map on the numeric columns
(squares, crosses, sines or a polynomial degree: :mod:`.feature_map`), ``StandardScaler`` on
the numeric features and ``OneHotEncoder`` on the text ones (dropping the first level as the
reference, so that each weight reads as "this level against the reference"); feature names
come from ``get_feature_names_out``. What was
fitted is then kept as plain numbers and labels (:class:`Preprocessing`) and applied by one
small numpy function: the same in the window, in ``logreg-predict`` and in a model file, which
stores it as JSON (never a pickle). The tests check that it equals scikit-learn's transform.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..errors import DataError
from ..i18n import translate

__all__ = ["Preprocessing", "numbers_of"]


def _combine(feature, category):
    return f"{feature}={category}"


@dataclass(frozen=True, eq=False)
class Preprocessing:
    """A fitted transform from a table's columns to model features.

    Attributes
    ----------
    numeric : tuple of str, the numeric columns, in order
    categorical : tuple of str, the text columns, in order
    numeric_fill : ndarray or None, the training median of each numeric column (imputation)
    mean, scale : ndarray or None, the standardisation of each numeric feature
    levels : tuple of tuples, per text column the levels that get a column of their own
    references : tuple, per text column the reference level (no column: all zeros)
    categorical_fill : tuple or None, the training's most frequent level of each text column
    feature_names : tuple of str, the model's features: the numeric features, then
        ``column=level`` for each level of each text column
    powers, sines : the feature map (None: the numeric columns are the numeric features):
        the exponents of each product of the numeric columns, and the columns whose sine is
        a feature (:func:`~.feature_map.expand`)
    """

    numeric: tuple
    categorical: tuple
    numeric_fill: np.ndarray | None
    mean: np.ndarray | None
    scale: np.ndarray | None
    levels: tuple
    references: tuple
    categorical_fill: tuple | None
    feature_names: tuple
    powers: np.ndarray | None = None
    sines: tuple = ()

    @property
    def n_numeric_features(self) -> int:
        """How many features the numeric columns make (they come first)."""
        if self.powers is None:
            return len(self.numeric)
        return len(self.powers) + len(self.sines)

    @property
    def columns(self) -> tuple:
        """Every table column the transform reads."""
        return (*self.numeric, *self.categorical)

    # Fitting -----------------------------------------------------------------------------
    @classmethod
    def fit(cls, frame, numeric, categorical, *, impute=False, standardize=True, feature_map=None):
        """Fit on the training rows ``frame``; ``numeric`` and ``categorical`` name the
        columns to use; ``feature_map`` (a FeatureMap, None for none) makes more features of
        the numeric ones, standardised after. Raises DataError for a column that cannot be
        standardised, or a map that would make too many features."""
        numeric, categorical = tuple(numeric), tuple(categorical)
        return cls.fit_columns(
            numbers_of(frame, numeric),
            frame[list(categorical)] if categorical else None,
            numeric,
            categorical,
            impute=impute,
            standardize=standardize,
            feature_map=feature_map,
        )

    @classmethod
    def fit_columns(
        cls, numbers, texts, numeric, categorical, *, impute=False, standardize=True,
        feature_map=None,
    ):  # fmt: skip
        """:meth:`fit` on the numeric columns' cells as one float64 array ``numbers`` (rows ×
        ``numeric``, in their own units; None without numeric columns; not changed) and the
        text columns as the frame ``texts`` (None without text columns).

        Each part is fitted by its own scikit-learn pipeline, as a ``ColumnTransformer``
        would fit it, without the transformer's copies of the whole table."""
        from sklearn.pipeline import Pipeline

        numeric, categorical = tuple(numeric), tuple(categorical)
        if feature_map is not None and not feature_map.identity and numeric:
            return cls._fit_mapped(numbers, texts, numeric, categorical, impute, standardize,
                                   feature_map)  # fmt: skip
        if not numeric and not categorical:
            raise DataError(
                translate("data.preprocessing", "no columns are left to use as features.")
            )
        numeric_fill = mean = scale = None
        names = list(numeric)
        if numeric:
            _check_finite(numbers, numeric)
            from sklearn.impute import SimpleImputer
            from sklearn.preprocessing import StandardScaler

            parts = [("impute", SimpleImputer(strategy="median"))] if impute else []
            if standardize:
                parts.append(("scale", StandardScaler()))
            if parts:
                with warnings.catch_warnings(), np.errstate(all="ignore"):
                    warnings.simplefilter("ignore")  # judged below, in words
                    steps = dict(Pipeline(parts).fit(numbers).steps)
                if "impute" in steps:
                    numeric_fill = steps["impute"].statistics_.astype(float)
                if "scale" in steps:
                    mean, scale = steps["scale"].mean_.copy(), steps["scale"].scale_.copy()
        levels, references, categorical_fill = (), (), None
        if categorical:
            from sklearn.impute import SimpleImputer
            from sklearn.preprocessing import OneHotEncoder

            parts = [("impute", SimpleImputer(strategy="most_frequent"))] if impute else []
            encoder = OneHotEncoder(
                drop="first",
                handle_unknown="ignore",
                sparse_output=False,
                feature_name_combiner=_combine,
            )
            pipeline = Pipeline([*parts, ("onehot", encoder)])
            text = texts[list(categorical)].astype(object)
            with warnings.catch_warnings(), np.errstate(all="ignore"):
                warnings.simplefilter("ignore")
                pipeline.fit(text.where(text.notna(), np.nan))
            if impute:
                categorical_fill = tuple(pipeline.named_steps["impute"].statistics_.tolist())
            levels = tuple(tuple(c.tolist())[1:] for c in encoder.categories_)
            references = tuple(c[0] for c in encoder.categories_)
            names += [str(n) for n in pipeline.get_feature_names_out(list(categorical))]
        if mean is not None:
            bad = ~(np.isfinite(mean) & np.isfinite(scale) & (scale > 0))
            if bad.any():
                column = numeric[int(np.argmax(bad))]
                raise DataError(
                    translate(
                        "data.preprocessing",
                        "the column {column!r} has values too large to standardise (their "
                        "squares overflow): rescale it, or leave it out.",
                    ).format(column=column)
                )
        return cls(
            numeric,
            categorical,
            numeric_fill,
            mean,
            scale,
            levels,
            tuple(references),
            categorical_fill,
            tuple(str(n) for n in names),
        )

    @classmethod
    def _fit_mapped(cls, numbers, texts, numeric, categorical, impute, standardize, feature_map):
        """:meth:`fit_columns` with a feature map: the columns imputed and encoded as without
        one, then the numeric ones expanded and the expanded features standardised."""
        from dataclasses import replace

        from .feature_map import expand, expanded_names, expansion

        powers, sines = expansion(len(numeric), feature_map)
        plain = cls.fit_columns(
            numbers, texts, numeric, categorical, impute=impute, standardize=False
        )
        raw = plain._numeric_features(np.array(numbers, dtype=float), scaled=False)
        with np.errstate(all="ignore"):
            features = expand(raw, powers, sines)
        names = expanded_names(numeric, powers, sines)
        mean = scale = None
        if standardize:
            from sklearn.preprocessing import StandardScaler

            with warnings.catch_warnings(), np.errstate(all="ignore"):
                warnings.simplefilter("ignore")
                scaler = StandardScaler().fit(features)
            mean, scale = scaler.mean_.copy(), scaler.scale_.copy()
            bad = ~(np.isfinite(mean) & np.isfinite(scale) & (scale > 0))
            if bad.any():
                raise DataError(
                    translate(
                        "data.preprocessing",
                        "the feature {feature!r} of the feature map has values too large to "
                        "standardise: lower the degree, or rescale the columns.",
                    ).format(feature=names[int(np.argmax(bad))])
                )
        return replace(
            plain,
            mean=mean,
            scale=scale,
            feature_names=names + plain.feature_names[len(numeric) :],
            powers=powers,
            sines=sines,
        )

    # Applying ----------------------------------------------------------------------------
    def transform(self, frame, *, scaled=True) -> np.ndarray:
        """The model's features for the rows of ``frame`` (float64, one column per
        ``feature_names``). ``scaled=False``: numeric columns in their own units (for
        display). Missing cells become the training fill values when imputing; otherwise
        they must not be there."""
        missing = [c for c in self.columns if c not in frame.columns]
        if missing:
            if len(missing) > 1:
                message = translate(
                    "data.preprocessing",
                    "the data lack the columns {columns} the model was trained with.",
                )
            else:
                message = translate(
                    "data.preprocessing",
                    "the data lack the column {columns} the model was trained with.",
                )
            raise DataError(message.format(columns=", ".join(map(repr, missing))))
        return self.transform_columns(
            numbers_of(frame, self.numeric), frame, scaled=scaled, n=len(frame)
        )

    def transform_columns(self, numbers, texts, *, scaled=True, n=None) -> np.ndarray:
        """:meth:`transform` of the numeric columns' cells ``numbers`` (a float64 array, rows
        × ``numeric``, in their own units, which it overwrites: imputed and scaled in place)
        and the frame ``texts`` holding the text columns; ``n`` the number of rows, when
        there are neither."""
        blocks = []
        if self.numeric:
            blocks.append(self._numeric_features(numbers, scaled=scaled))
            n = len(numbers)
        elif n is None:
            n = len(texts)
        for i, column in enumerate(self.categorical):
            values = texts[column].astype(object).to_numpy()
            if self.categorical_fill is not None:
                values = np.where(pd.isna(values), self.categorical_fill[i], values)
            block = np.zeros((n, len(self.levels[i])))
            for j, level in enumerate(self.levels[i]):
                block[:, j] = values == level
            blocks.append(block)
        return np.hstack(blocks) if len(blocks) > 1 else blocks[0]

    def _numeric_features(self, X, *, scaled) -> np.ndarray:
        """The numeric features of the numeric columns' cells ``X`` (float64, changed in
        place where the features are the columns)."""
        if self.numeric_fill is not None:
            gaps = np.isnan(X)
            X[gaps] = np.broadcast_to(self.numeric_fill, X.shape)[gaps]
        if self.powers is not None:
            from .feature_map import expand

            with np.errstate(all="ignore"):  # too large: judged by whoever uses them
                X = expand(X, self.powers, self.sines)
        if scaled and self.mean is not None:
            X -= self.mean
            X /= self.scale
        return X

    def frame_of(self, X) -> pd.DataFrame:
        """The table rows the features ``X`` were made of: the numeric columns in their own
        units (as imputed) and each text column's level (its reference where no level's
        column is set) — what :meth:`transform` makes ``X`` of again. Cross-validation
        refits the preprocessing on each fold from these."""
        X = np.asarray(X, dtype=float)
        columns = {}
        raw = self.unscale(X)
        for i, column in enumerate(self.numeric):
            columns[column] = raw[:, i]
        start = self.n_numeric_features
        for i, column in enumerate(self.categorical):
            block = X[:, start : start + len(self.levels[i])]
            start += len(self.levels[i])
            levels = np.array([self.references[i], *self.levels[i]], dtype=object)
            chosen = np.where(block.max(axis=1, initial=0) > 0.5, block.argmax(axis=1) + 1, 0)
            columns[column] = levels[chosen] if len(X) else levels[:0]
        return pd.DataFrame(columns, columns=list(self.columns))

    def unscale(self, X) -> np.ndarray:
        """Features ``X`` with the numeric columns back in their own units."""
        X = np.array(X, dtype=float, copy=True)
        if self.mean is not None and self.numeric:
            k = self.n_numeric_features
            X[:, :k] = X[:, :k] * self.scale + self.mean
        return X

    # Saving ------------------------------------------------------------------------------
    def to_dict(self) -> dict:
        """Plain JSON values."""

        def listed(a):
            return None if a is None else [float(v) for v in a]

        return {
            "numeric": list(self.numeric),
            "categorical": list(self.categorical),
            "numeric_fill": listed(self.numeric_fill),
            "mean": listed(self.mean),
            "scale": listed(self.scale),
            "levels": [[_plain(v) for v in levels] for levels in self.levels],
            "references": [_plain(v) for v in self.references],
            "categorical_fill": None
            if self.categorical_fill is None
            else [_plain(v) for v in self.categorical_fill],
            "feature_names": list(self.feature_names),
            "powers": None if self.powers is None else self.powers.tolist(),
            "sines": list(self.sines),
        }

    @classmethod
    def from_dict(cls, data) -> Preprocessing:
        """The inverse of :meth:`to_dict`; raises DataError for inconsistent numbers."""
        try:
            numeric = tuple(str(c) for c in data["numeric"])
            categorical = tuple(str(c) for c in data["categorical"])

            powers, sines = _expansion_from(data, len(numeric))
            n_numeric = len(numeric) if powers is None else len(powers) + len(sines)

            def array(key, size=None):
                size = len(numeric) if size is None else size
                value = data.get(key)
                if value is None:
                    return None
                out = np.asarray(value, dtype=float)
                if out.shape != (size,) or not np.isfinite(out).all():
                    raise ValueError(key)
                return out

            levels = tuple(tuple(v) for v in data["levels"])
            references = tuple(data["references"])
            fill = data.get("categorical_fill")
            names = tuple(str(n) for n in data["feature_names"])
            scale = array("scale", n_numeric)
            if len(levels) != len(categorical) or len(references) != len(categorical):
                raise ValueError("levels")
            if len(names) != n_numeric + sum(len(v) for v in levels):
                raise ValueError("feature_names")
            if scale is not None and not (scale > 0).all():
                raise ValueError("scale")
            return cls(
                numeric,
                categorical,
                array("numeric_fill"),
                array("mean", n_numeric),
                scale,
                levels,
                references,
                None if fill is None else tuple(fill),
                names,
                powers,
                sines,
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise DataError(
                translate(
                    "data.preprocessing",
                    "the preprocessing in the file is incomplete or broken ({error}).",
                ).format(error=exc)
            ) from None


def _expansion_from(data, n_inputs):
    """``(powers, sines)`` of a saved preprocessing (None, () for a file without a feature
    map), checked: whole exponents, one column per numeric input, at most MAX_EXPANDED
    features; ValueError otherwise."""
    from .feature_map import MAX_DEGREE, MAX_EXPANDED

    saved = data.get("powers")
    sines = tuple(data.get("sines") or ())
    if saved is None:
        if sines:
            raise ValueError("sines")
        return None, ()
    if not isinstance(saved, list) or len(saved) + len(sines) > MAX_EXPANDED:
        raise ValueError("powers")
    powers = np.asarray(saved)
    if (
        powers.ndim != 2
        or powers.shape[1] != n_inputs
        or powers.dtype.kind not in "iu"
        or (powers < 0).any()
        or (powers.sum(axis=1) > MAX_DEGREE).any()
        or (powers.sum(axis=1) == 0).any()
    ):
        raise ValueError("powers")
    if not all(isinstance(i, int) and 0 <= i < n_inputs for i in sines):
        raise ValueError("sines")
    return powers.astype(np.int64), sines


def _plain(value):
    return value.item() if isinstance(value, np.generic) else value


def numbers_of(frame, numeric, *parts) -> np.ndarray | tuple | None:
    """The cells of the numeric columns ``numeric`` of ``frame`` as new float64 arrays, rows
    × columns, in C order: all its rows as one array, or with ``parts`` (arrays of row
    positions) a tuple of one array per part, its rows in that order. None without numeric
    columns."""
    if not numeric:
        return None
    # A table of float columns is one block in pandas, stored column by column: its array is
    # a view in Fortran order (the cells are never changed through it: the arrays returned
    # are always new). For parts it is put in C order once and each part gathered from that
    # (np.take of a Fortran array would make its own C copy for each part).
    X = frame[list(numeric)].to_numpy(dtype=float, na_value=np.nan)
    if not parts:
        return np.array(X, order="C")
    X = np.ascontiguousarray(X)
    return tuple(np.take(X, rows, axis=0) for rows in parts)


def _check_finite(numbers, numeric):
    infinite = np.isinf(numbers).any(axis=0)
    if infinite.any():
        column = numeric[int(np.argmax(infinite))]
        raise DataError(
            translate(
                "data.preprocessing",
                "the column {column!r} holds infinite values: fix them in the file, or leave "
                "the column out.",
            ).format(column=column)
        )
