"""Model and session files: plain JSON and ``.npy`` arrays, never a pickle.

A *model* file is one JSON document: the format's name and version, the classes, the
features, the whole preprocessing (medians, levels, means, scales), the weights, and how the
model was trained and on what data. :func:`load_model` gives a :class:`SavedModel` that
predicts raw rows of a table through that preprocessing.

A *session* file is a zip of ``session.json`` and ``.npy`` arrays (read with
``allow_pickle=False``): the data settings (for a file, its path and a SHA-256 of its
content; the data themselves only when asked), every run with its curves and weights, and
what was selected. Opening either checks the format, the version, the shapes and that every
number is finite; a damaged, foreign or newer file gets one plain message (DataError).
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import io
import json
import math
import os
import zipfile
from dataclasses import dataclass

import numpy as np

from ..errors import DataError
from ..i18n import translate
from ..model.objective import class_probabilities, decision_scores, predicted_indices

__all__ = [
    "MODEL_FORMAT",
    "SESSION_FORMAT",
    "SavedModel",
    "SavedSession",
    "file_digest",
    "load_model",
    "load_session",
    "save_model",
    "save_session",
    "split_from_dict",
    "split_to_dict",
]

MODEL_FORMAT = "logreg-gui model"
SESSION_FORMAT = "logreg-gui session"
VERSION = 1


def _plain(value):
    """JSON-ready: numpy scalars and arrays become Python numbers and lists."""
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def _name(path) -> str:
    return os.path.basename(str(path))


def _check_header(data, kind, path):
    if not isinstance(data, dict) or data.get("format") != kind:
        raise DataError(
            translate("persistence", "{name} is not a {kind} file.").format(
                name=_name(path), kind=kind
            )
        )
    version = data.get("version")
    if not isinstance(version, int):
        raise DataError(
            translate("persistence", "{name} is not a {kind} file (it has no version).").format(
                name=_name(path), kind=kind
            )
        )
    if version > VERSION:
        raise DataError(
            translate(
                "persistence",
                "{name} was saved by a newer logreg-gui (file version {version}, this one reads "
                "up to {supported}): update logreg-gui to open it.",
            ).format(name=_name(path), version=version, supported=VERSION)
        )


def _finite_array(value, shape, what, path):
    """``value`` as an array of finite floats of ``shape`` (None: any); ``what`` names it in a
    message (a plural noun, already translated)."""
    try:
        array = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise DataError(
            translate("persistence", "{name} is damaged: its {what} are not numbers.").format(
                name=_name(path), what=what
            )
        ) from None
    if shape is not None and array.shape != shape:
        raise DataError(
            translate(
                "persistence", "{name} is damaged: its {what} have the shape {shape}, not {wanted}."
            ).format(name=_name(path), what=what, shape=array.shape, wanted=shape)
        )
    if not np.isfinite(array).all():
        raise DataError(
            translate(
                "persistence", "{name} is damaged: its {what} are not all finite numbers."
            ).format(name=_name(path), what=what)
        )
    return array


def _weights():
    return translate("persistence", "weights")


def _intercepts():
    return translate("persistence", "intercepts")


def _data():
    return translate("persistence", "data")


# Models ----------------------------------------------------------------------------------
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
        return _plain(
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
                "training": self.training,
                "data": self.data,
                "metrics": self.metrics,
            }
        )

    @classmethod
    def from_dict(cls, data, path="model") -> SavedModel:
        from ..data.preprocessing import Preprocessing

        _check_header(data, MODEL_FORMAT, path)
        try:
            classes = np.asarray(data["classes"])
            names = tuple(str(n) for n in data["feature_names"])
            coef_raw, intercept_raw = data["coef"], data["intercept"]
            pre = data.get("preprocessing")
        except (KeyError, TypeError):
            raise DataError(
                translate(
                    "persistence", "{name} is damaged: a part of the model is missing."
                ).format(name=_name(path))
            ) from None
        if classes.ndim != 1 or len(classes) < 2 or len(set(classes.tolist())) != len(classes):
            raise DataError(
                translate(
                    "persistence", "{name} is damaged: it needs at least two distinct classes."
                ).format(name=_name(path))
            )
        k = 1 if len(classes) == 2 else len(classes)
        coef = _finite_array(coef_raw, (k, len(names)), _weights(), path)
        intercept = _finite_array(intercept_raw, (k,), _intercepts(), path)
        preprocessing = None if pre is None else Preprocessing.from_dict(pre)
        if preprocessing is not None and preprocessing.feature_names != names:
            raise DataError(
                translate(
                    "persistence", "{name} is damaged: its preprocessing and features differ."
                ).format(name=_name(path))
            )
        threshold = data.get("threshold")
        return cls(
            classes=classes,
            coef=coef,
            intercept=intercept,
            feature_names=names,
            preprocessing=preprocessing,
            target=str(data.get("target", "class")),
            threshold=None if threshold is None else float(threshold),
            training=dict(data.get("training") or {}),
            data=dict(data.get("data") or {}),
            metrics=dict(data.get("metrics") or {}),
        )


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
    _write_atomically(path, text.encode("utf-8"))


def load_model(path) -> SavedModel:
    """Read a model file; DataError with one plain sentence if it cannot be used."""
    raw = _read_bytes(path, 50 * 2**20)
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise DataError(
            translate(
                "persistence", "{name} is not a model file (it is not JSON, or damaged)."
            ).format(name=_name(path))
        ) from None
    return SavedModel.from_dict(data, path)


# Sessions --------------------------------------------------------------------------------
def file_digest(path) -> str:
    """SHA-256 of a file's content (to recognise the same data file later)."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(2**20), b""):
            digest.update(block)
    return digest.hexdigest()


def split_to_dict(split) -> dict:
    """``split`` (SplitData) as arrays and plain values, to keep the data in a session file."""
    return {
        "X_train": split.X_train,
        "X_test": split.X_test,
        "y_train": np.asarray(split.y_train),
        "y_test": np.asarray(split.y_test),
        "X_test_display": split.X_test_display,
        "feature_names": list(split.feature_names),
        "target_name": split.target_name,
        "source": split.source,
        "preprocessing": None if split.preprocessing is None else split.preprocessing.to_dict(),
        "stratified": bool(split.stratified),
        "notes": list(split.notes),
        "threshold": split.threshold,
    }


def split_from_dict(data, path="session"):
    """The inverse of :func:`split_to_dict`; DataError if the parts do not fit together."""
    from ..data.preprocessing import Preprocessing
    from ..data.split import SplitData

    try:
        X_train = _finite_array(
            data["X_train"], None, translate("persistence", "training data"), path
        )
        X_test = _finite_array(data["X_test"], None, translate("persistence", "test data"), path)
        y_train, y_test = np.asarray(data["y_train"]), np.asarray(data["y_test"])
        names = tuple(str(n) for n in data["feature_names"])
        display = data.get("X_test_display")
        if display is not None:
            display = _finite_array(display, X_test.shape, _data(), path)
        pre = data.get("preprocessing")
        threshold = data.get("threshold")
        split = SplitData(
            X_train=X_train,
            X_test=X_test,
            y_train=y_train,
            y_test=y_test,
            feature_names=names,
            target_name=str(data.get("target_name", "class")),
            source=str(
                data.get("source", translate("persistence", "data kept in the session file"))
            ),
            preprocessing=None if pre is None else Preprocessing.from_dict(pre),
            stratified=bool(data.get("stratified", False)),
            notes=tuple(str(n) for n in data.get("notes", ())),
            X_test_display=display,
            threshold=None if threshold is None else float(threshold),
        )
    except (KeyError, TypeError, ValueError):
        raise DataError(
            translate("persistence", "{name} is damaged: the data it keeps are incomplete.").format(
                name=_name(path)
            )
        ) from None
    d = len(names)
    if (
        X_train.ndim != 2
        or X_train.shape[1] != d
        or X_test.ndim != 2
        or X_test.shape[1] != d
        or y_train.shape != (len(X_train),)
        or y_test.shape != (len(X_test),)
        or len(np.unique(y_train)) < 2
    ):
        raise DataError(
            translate(
                "persistence", "{name} is damaged: the data it keeps do not fit together."
            ).format(name=_name(path))
        )
    return split


@dataclass(frozen=True, eq=False)
class SavedSession:
    """What a session file holds: settings, runs, selection, and maybe the data.

    ``runs`` are RunHistory objects (the current one last); ``data`` is a dict of arrays
    (X_train, X_test, y_train, y_test) and a description, or None when the data are to be
    made again from ``data_settings``.
    """

    data_settings: dict
    model_settings: dict
    runs: list
    current: int | None
    selected: int
    shown_epoch: int | None
    file_digest: str | None = None
    data: dict | None = None


def _npy(array) -> bytes:
    buffer = io.BytesIO()
    np.save(buffer, np.ascontiguousarray(array), allow_pickle=False)
    return buffer.getvalue()


def save_session(path, session: SavedSession) -> None:
    """Write ``session`` as a zip of JSON and .npy files (written whole or not at all)."""
    from ..training.history import curves_to_arrays, weights_to_arrays

    buffer = io.BytesIO()
    runs = []
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for i, run in enumerate(session.runs):
            runs.append(
                {
                    "label": run.label,
                    "settings": run.settings,
                    "learning_rates": run.learning_rates,
                    "stop_reason": run.stop_reason,
                    "message": run.message,
                    "warning": run.warning,
                    "latest": run.latest,
                }
            )
            for key, array in curves_to_arrays(run.curves).items():
                archive.writestr(f"runs/{i}/curves_{key}.npy", _npy(array))
            if run.weights is not None:
                for key, array in weights_to_arrays(run.weights).items():
                    archive.writestr(f"runs/{i}/weights_{key}.npy", _npy(array))
        data = None
        if session.data is not None:
            data = {k: v for k, v in session.data.items() if not isinstance(v, np.ndarray)}
            for key, value in session.data.items():
                if isinstance(value, np.ndarray):
                    if value.dtype.kind in "OU":
                        # Text labels go as JSON, not as object arrays (which need pickle).
                        data[key] = value.astype(str).tolist()
                    else:
                        archive.writestr(f"data/{key}.npy", _npy(value))
        document = {
            "format": SESSION_FORMAT,
            "version": VERSION,
            "data_settings": session.data_settings,
            "model_settings": session.model_settings,
            "file_sha256": session.file_digest,
            "data": data,
            "runs": runs,
            "current": session.current,
            "selected": session.selected,
            "shown_epoch": session.shown_epoch,
        }
        text = json.dumps(_plain(document), indent=1, ensure_ascii=False, allow_nan=False)
        archive.writestr("session.json", text)
    _write_atomically(path, buffer.getvalue())


def load_session(path) -> SavedSession:
    """Read a session file; DataError with one plain sentence if it cannot be used."""
    from ..training.history import RunHistory, curves_from_arrays, weights_from_arrays

    raw = _read_bytes(path, 4 * 2**30)
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
        names = set(archive.namelist())
        document = json.loads(archive.read("session.json").decode("utf-8"))
    except (zipfile.BadZipFile, KeyError, UnicodeDecodeError, json.JSONDecodeError, EOFError):
        raise DataError(
            translate(
                "persistence",
                "{name} is not a session file (it is damaged, cut short, or of another kind).",
            ).format(name=_name(path))
        ) from None
    _check_header(document, SESSION_FORMAT, path)

    def arrays(prefix):
        out = {}
        for name in names:
            if name.startswith(prefix) and name.endswith(".npy"):
                try:
                    out[name[len(prefix) : -4]] = np.load(
                        io.BytesIO(archive.read(name)), allow_pickle=False
                    )
                except (ValueError, OSError, zipfile.BadZipFile):
                    raise DataError(
                        translate(
                            "persistence", "{name} is damaged: {part} cannot be read."
                        ).format(name=_name(path), part=name)
                    ) from None
        return out

    try:
        runs = []
        for i, saved in enumerate(document["runs"]):
            run = RunHistory(saved["settings"], label=saved.get("label", ""))
            curves = arrays(f"runs/{i}/curves_")
            run.curves = curves_from_arrays(curves)
            weights = arrays(f"runs/{i}/weights_")
            run.weights = weights_from_arrays(weights) if weights else None
            run.learning_rates = [(int(e), float(r)) for e, r in saved["learning_rates"]]
            run.stop_reason, run.message = saved.get("stop_reason"), saved.get("message", "")
            run.warning = saved.get("warning")
            latest = saved.get("latest")
            if latest is not None:
                coef = _finite_array(latest["coef"], None, _weights(), path)
                intercept = _finite_array(latest["intercept"], None, _intercepts(), path)
                if coef.ndim != 2 or intercept.shape != (coef.shape[0],):
                    raise ValueError("weights")
                latest = dict(latest, coef=coef, intercept=intercept, epoch=int(latest["epoch"]))
                for key, value in latest.items():
                    if value is None:  # NaN is written as null (JSON has no NaN)
                        latest[key] = float("nan")
            run.latest = latest
            runs.append(run)
        current = document.get("current")
        if current is not None and not 0 <= int(current) < len(runs):
            raise ValueError("current")
        data = document.get("data")
        if data is not None:
            data = dict(data)
            data.update(arrays("data/"))
            for key in ("X_train", "X_test"):
                data[key] = _finite_array(data[key], None, _data(), path)
            for key in ("y_train", "y_test"):
                data[key] = np.asarray(data[key])
        shown = document.get("shown_epoch")
        return SavedSession(
            data_settings=dict(document["data_settings"]),
            model_settings=dict(document.get("model_settings") or {}),
            runs=runs,
            current=None if current is None else int(current),
            selected=int(document.get("selected", 0)),
            shown_epoch=None if shown is None else int(shown),
            file_digest=document.get("file_sha256"),
            data=data,
        )
    except DataError:
        raise
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        raise DataError(
            translate(
                "persistence", "{name} is damaged: its runs cannot be read ({error})."
            ).format(name=_name(path), error=exc)
        ) from None


# Files -----------------------------------------------------------------------------------
def _read_bytes(path, limit) -> bytes:
    name = _name(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise DataError(
            translate("persistence", "the file {name} does not exist.").format(name=name)
        ) from None
    except OSError as exc:
        raise DataError(_unreadable(name, exc)) from None
    import stat

    if not stat.S_ISREG(info.st_mode):
        raise DataError(translate("persistence", "{name} is not a regular file.").format(name=name))
    if info.st_size > limit:
        raise DataError(
            translate("persistence", "{name} is too large to be a logreg-gui file.").format(
                name=name
            )
        )
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as exc:
        raise DataError(_unreadable(name, exc)) from None


def _unreadable(name, exc: OSError) -> str:
    return translate("persistence", "the file {name} cannot be read: {reason}.").format(
        name=name, reason=exc.strerror
    )


def _write_atomically(path, content: bytes) -> None:
    """Write the whole file or nothing: a failure never leaves half a file behind."""
    path = os.fspath(path)
    temporary = f"{path}.part"
    try:
        with open(temporary, "wb") as handle:
            handle.write(content)
        os.replace(temporary, path)
    except OSError as exc:
        if os.path.exists(temporary):
            os.remove(temporary)
        raise DataError(
            translate("persistence", "{name} cannot be written: {reason}.").format(
                name=_name(path), reason=exc.strerror
            )
        ) from None
