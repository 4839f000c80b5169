"""Turning a table's feature columns into the numbers the model sees, fitted on the training
part only.

The fitting is scikit-learn's: a ``ColumnTransformer`` with ``SimpleImputer`` (when missing
cells are imputed), the feature map on the numeric columns (squares, crosses, sines or a
polynomial degree: :mod:`.feature_map`), ``StandardScaler`` on the numeric features and
``OneHotEncoder`` on the
text ones (dropping the first level as the reference, so that each weight reads as "this
level against the reference"); feature names come from ``get_feature_names_out``. What was
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

__all__ = ["Preprocessing"]


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
        if feature_map is not None and not feature_map.identity and numeric:
            return cls._fit_mapped(frame, tuple(numeric), tuple(categorical), impute,
                                   standardize, feature_map)  # fmt: skip
        from sklearn.compose import ColumnTransformer
        from sklearn.impute import SimpleImputer
        from sklearn.pipeline import Pipeline
        from sklearn.preprocessing import OneHotEncoder, StandardScaler

        numeric, categorical = tuple(numeric), tuple(categorical)
        _check_finite(frame, numeric)
        steps = []
        if numeric:
            parts = [("impute", SimpleImputer(strategy="median"))] if impute else []
            if standardize:
                parts.append(("scale", StandardScaler()))
            steps.append(("numbers", Pipeline(parts) if parts else "passthrough", list(numeric)))
        if categorical:
            parts = [("impute", SimpleImputer(strategy="most_frequent"))] if impute else []
            parts.append(
                (
                    "onehot",
                    OneHotEncoder(
                        drop="first",
                        handle_unknown="ignore",
                        sparse_output=False,
                        feature_name_combiner=_combine,
                    ),
                )
            )
            steps.append(("texts", Pipeline(parts), list(categorical)))
        if not steps:
            raise DataError(
                translate("data.preprocessing", "no columns are left to use as features.")
            )
        transformer = ColumnTransformer(steps, verbose_feature_names_out=False)
        text = frame[list(categorical)].astype(object) if categorical else None
        fit_frame = (
            frame[list(numeric)].astype(float) if numeric else pd.DataFrame(index=frame.index)
        )
        if text is not None:
            fit_frame = pd.concat([fit_frame, text.where(text.notna(), np.nan)], axis=1)
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")  # judged below, in words, not as library warnings
            transformer.fit(fit_frame)
        numeric_fill = mean = scale = None
        levels, references, categorical_fill = (), (), None
        for name, fitted, _ in transformer.transformers_:
            if name == "numbers" and hasattr(fitted, "steps"):
                steps_ = dict(fitted.steps)
                if "impute" in steps_:
                    numeric_fill = steps_["impute"].statistics_.astype(float)
                if "scale" in steps_:
                    mean, scale = steps_["scale"].mean_.copy(), steps_["scale"].scale_.copy()
            elif name == "texts":
                steps_ = dict(fitted.steps)
                encoder = steps_["onehot"]
                if "impute" in steps_:
                    categorical_fill = tuple(steps_["impute"].statistics_.tolist())
                levels = tuple(tuple(c.tolist())[1:] for c in encoder.categories_)
                references = tuple(c[0] for c in encoder.categories_)
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
            tuple(str(n) for n in transformer.get_feature_names_out()),
        )

    @classmethod
    def _fit_mapped(cls, frame, numeric, categorical, impute, standardize, feature_map):
        """:meth:`fit` with a feature map: the columns imputed and encoded as without one,
        then the numeric ones expanded and the expanded features standardised."""
        from dataclasses import replace

        from .feature_map import expand, expanded_names, expansion

        powers, sines = expansion(len(numeric), feature_map)
        plain = cls.fit(frame, numeric, categorical, impute=impute, standardize=False)
        raw = plain.transform(frame)[:, : len(numeric)]
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
        n = len(frame)
        blocks = []
        if self.numeric:
            X = frame[list(self.numeric)].to_numpy(dtype=float, copy=True)
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
            blocks.append(X)
        for i, column in enumerate(self.categorical):
            values = frame[column].astype(object).to_numpy()
            if self.categorical_fill is not None:
                values = np.where(pd.isna(values), self.categorical_fill[i], values)
            block = np.zeros((n, len(self.levels[i])))
            for j, level in enumerate(self.levels[i]):
                block[:, j] = values == level
            blocks.append(block)
        return np.hstack(blocks) if len(blocks) > 1 else blocks[0]

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


def _check_finite(frame, numeric):
    for column in numeric:
        values = frame[column].to_numpy(dtype=float)
        if np.isinf(values).any():
            raise DataError(
                translate(
                    "data.preprocessing",
                    "the column {column!r} holds infinite values: fix them in the file, or leave "
                    "the column out.",
                ).format(column=column)
            )
