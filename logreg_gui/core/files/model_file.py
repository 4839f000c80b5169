"""Model files: one JSON document — the format's name and version, the classes, the
features, the whole preprocessing (medians, levels, means, scales), the weights, and how the
model was trained and on what data. :func:`load_model` gives a :class:`SavedModel` that
predicts raw rows of a table through that preprocessing. Never a pickle."""

from __future__ import annotations

import contextlib
import dataclasses
import json
import re
from dataclasses import dataclass

import numpy as np

from ..errors import DataError
from ..i18n import QT_TRANSLATE_NOOP, translate
from ..model.objective import class_probabilities, decision_scores, predicted_indices
from .checks import (
    Damaged,
    estimator_settings,
    estimator_settings_to_json,
    integer,
    mapping,
    number,
    plainly,
    sequence,
    text,
)
from .document import (
    VERSION,
    check_header,
    file_name,
    finite_array,
    intercepts_word,
    plain,
    weights_word,
)
from .storage import file_digest, read_bytes, write_atomically

__all__ = ["MODEL_FORMAT", "SavedModel", "load_model", "model_of", "save_model"]

MODEL_FORMAT = "logreg-gui model"
#: The largest model file opened (a model of 600 features and 100 classes is ~1 MB).
MAX_MODEL_BYTES = 50 * 2**20


@dataclass(frozen=True, eq=False)
class SavedModel:
    """A trained model as a file holds it, able to predict raw rows.

    Attributes
    ----------
    classes : ndarray, the labels, in the order of the probability columns
    coef, intercept : ndarray, shapes (k, d) and (k,), ``k == 1`` for two classes
    feature_names : tuple of str, the model's features (after preprocessing)
    preprocessing : Preprocessing or None (None: rows are already the model's features)
    target : str, the column the model predicts
    threshold : float or None, where a quantity target was cut (class 1 is above it)
    training, data, metrics : dict, how it was trained, on what, and how well
    """

    classes: np.ndarray
    coef: np.ndarray
    intercept: np.ndarray
    feature_names: tuple
    preprocessing: object = None
    target: str = "class"
    threshold: float | None = None
    training: dict = dataclasses.field(default_factory=dict)
    data: dict = dataclasses.field(default_factory=dict)
    metrics: dict = dataclasses.field(default_factory=dict)

    def features(self, rows) -> np.ndarray:
        """The model's features of ``rows``: a DataFrame of the table's columns (through the
        preprocessing) or an array already holding the model's features."""
        if self.preprocessing is not None and hasattr(rows, "columns"):
            return self.preprocessing.transform(rows)
        X = np.asarray(rows, dtype=float)
        if X.ndim != 2 or X.shape[1] != self.coef.shape[1]:
            raise DataError(
                translate(
                    "persistence", "the rows have {values} values each; the model takes {wanted}."
                ).format(values=X.shape[-1], wanted=self.coef.shape[1])
            )
        return X

    def decision_function(self, rows) -> np.ndarray:
        """Scores ``z = W·x + b``, shape (n, k)."""
        return decision_scores(self.features(rows), self.coef, self.intercept)

    def predict_proba(self, rows) -> np.ndarray:
        """Probability of every class, columns as ``classes``."""
        return class_probabilities(self.decision_function(rows))

    def predict(self, rows) -> np.ndarray:
        """The predicted class of every row."""
        return self.classes[predicted_indices(self.decision_function(rows))]

    def to_dict(self) -> dict:
        return plain(
            {
                "format": MODEL_FORMAT,
                "version": VERSION,
                "target": self.target,
                "threshold": self.threshold,
                "classes": list(self.classes),
                "feature_names": list(self.feature_names),
                "preprocessing": None
                if self.preprocessing is None
                else self.preprocessing.to_dict(),
                "coef": self.coef,
                "intercept": self.intercept,
                "training": estimator_settings_to_json(self.training),
                "data": self.data,
                "metrics": self.metrics,
            }
        )

    @classmethod
    def from_dict(cls, data, path="model") -> SavedModel:
        """The model of a file's JSON ``data``, every part checked; DataError naming what
        is wrong."""
        from ..data.preprocessing import Preprocessing

        with plainly(path, MODEL_FORMAT):
            check_header(data, MODEL_FORMAT, path)
            try:
                classes_raw, names_raw = data["classes"], data["feature_names"]
                coef_raw, intercept_raw = data["coef"], data["intercept"]
            except KeyError:
                raise DataError(
                    translate(
                        "persistence", "{name} is damaged: a part of the model is missing."
                    ).format(name=file_name(path))
                ) from None
            labels = sequence(classes_raw, QT_TRANSLATE_NOOP("persistence", "the classes"))
            if not all(isinstance(c, (str, int, float)) for c in labels):
                raise Damaged(QT_TRANSLATE_NOOP("persistence", "the classes"))
            classes = np.asarray(labels)
            if len(classes) < 2 or len(set(classes.tolist())) != len(classes):
                raise DataError(
                    translate(
                        "persistence", "{name} is damaged: it needs at least two distinct classes."
                    ).format(name=file_name(path))
                )
            names = tuple(
                text(n, QT_TRANSLATE_NOOP("persistence", "the feature names"))
                for n in sequence(names_raw, QT_TRANSLATE_NOOP("persistence", "the feature names"))
            )
            k = 1 if len(classes) == 2 else len(classes)
            coef = finite_array(coef_raw, (k, len(names)), weights_word(), path)
            intercept = finite_array(intercept_raw, (k,), intercepts_word(), path)
            pre = data.get("preprocessing")
            preprocessing = None if pre is None else Preprocessing.from_dict(pre)
            if preprocessing is not None and preprocessing.feature_names != names:
                raise DataError(
                    translate(
                        "persistence", "{name} is damaged: its preprocessing and features differ."
                    ).format(name=file_name(path))
                )
            threshold = data.get("threshold")
            return cls(
                classes=classes,
                coef=coef,
                intercept=intercept,
                feature_names=names,
                preprocessing=preprocessing,
                target=text(data.get("target", "class")),
                threshold=None if threshold is None else number(threshold),
                training=_training(data.get("training")),
                data=_origin(data.get("data")),
                metrics={
                    key: number(value)
                    for key, value in mapping(
                        data.get("metrics") or {}, QT_TRANSLATE_NOOP("persistence", "the metrics")
                    ).items()
                },
            )


def _training(values) -> dict:
    """How a model was trained: the estimator's settings, and how far and how it ended."""
    values = mapping(values or {}, QT_TRANSLATE_NOOP("persistence", "how it was trained"))
    out = estimator_settings(values)
    if "epochs_run" in values:
        out["epochs_run"] = integer(values["epochs_run"])
    if values.get("stop_reason") is not None:
        out["stop_reason"] = text(values["stop_reason"], limit=32)
    if "learning_rates" in values:
        rates = sequence(values["learning_rates"], limit=10**6)
        out["learning_rates"] = [[integer(e), number(r, 0)] for e, r in map(sequence, rates)]
    return out


def _origin(values) -> dict:
    """What a model was trained on: the data settings (checked when the data are made
    again), their file's digest, and words about them."""
    values = mapping(values or {}, QT_TRANSLATE_NOOP("persistence", "what it was trained on"))
    out = {}
    if values.get("settings") is not None:
        out["settings"] = mapping(values["settings"])
    digest = values.get("file_sha256")
    if digest is not None:
        if not re.fullmatch(r"[0-9a-f]{64}", text(digest)):
            raise Damaged(QT_TRANSLATE_NOOP("persistence", "the data file's digest"))
        out["file_sha256"] = digest
    if "source" in values:
        out["source"] = text(values["source"])
    for key in ("n_train", "n_test"):
        if key in values:
            out[key] = integer(values[key])
    if "notes" in values:
        out["notes"] = [text(note) for note in sequence(values["notes"], limit=1000)]
    return out


def model_of(split, coef, intercept, training=None, metrics=None, data_settings=None) -> SavedModel:
    """The model with weights ``coef``, ``intercept`` trained on ``split`` (SplitData);
    ``data_settings`` (DataSettings), when given, are kept so that the data can be made again
    (with a digest of a data file's content)."""
    data = {
        "source": split.source,
        "n_train": len(split.y_train),
        "n_test": len(split.y_test),
        "notes": list(split.notes),
    }
    if data_settings is not None:
        from ..data.settings import FILE, settings_to_dict

        data["settings"] = settings_to_dict(data_settings)
        if data_settings.source == FILE and data_settings.path:
            with contextlib.suppress(OSError):  # unreadable now: no digest, nothing else lost
                data["file_sha256"] = file_digest(data_settings.path)
    return SavedModel(
        classes=split.classes,
        coef=np.asarray(coef, float),
        intercept=np.asarray(intercept, float),
        feature_names=tuple(split.feature_names),
        preprocessing=split.preprocessing,
        target=split.target_name,
        threshold=split.threshold,
        training=dict(training or {}),
        data=data,
        metrics=dict(metrics or {}),
    )


def save_model(path, model: SavedModel) -> None:
    """Write ``model`` as one JSON document (written whole or not at all)."""
    text = json.dumps(model.to_dict(), indent=1, ensure_ascii=False, allow_nan=False)
    write_atomically(path, text.encode("utf-8"))


def load_model(path) -> SavedModel:
    """Read a model file (a regular file of at most ``MAX_MODEL_BYTES``); DataError with
    one plain sentence if it cannot be used."""
    raw = read_bytes(path, MAX_MODEL_BYTES)
    try:
        data = json.loads(raw.decode("utf-8"))
    except RecursionError:
        raise DataError(
            translate(
                "persistence", "{name} is damaged: it is nested too deeply to be a {kind} file."
            ).format(name=file_name(path), kind=MODEL_FORMAT)
        ) from None
    except (UnicodeDecodeError, ValueError):
        raise DataError(
            translate(
                "persistence", "{name} is not a model file (it is not JSON, or damaged)."
            ).format(name=file_name(path))
        ) from None
    return SavedModel.from_dict(data, path)
