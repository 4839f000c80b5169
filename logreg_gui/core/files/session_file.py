"""Session files: a zip of ``session.json`` and ``.npy`` arrays (read with
``allow_pickle=False``) — the data settings (for a file, its path and a SHA-256 of its
content; the data themselves only when asked), every run with its curves and weights, and
what was selected. Opening one checks the format, the version, the shapes and that every
number is finite; a damaged, foreign or newer file gets one plain message (DataError)."""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import dataclass

import numpy as np

from ..errors import DataError
from ..i18n import translate
from .document import (
    VERSION,
    check_header,
    data_word,
    file_name,
    finite_array,
    intercepts_word,
    plain,
    weights_word,
)
from .storage import read_bytes, write_atomically

__all__ = [
    "SESSION_FORMAT",
    "SavedSession",
    "load_session",
    "save_session",
    "session_parts",
    "split_from_dict",
    "split_to_dict",
    "write_session",
]

SESSION_FORMAT = "logreg-gui session"


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
        X_train = finite_array(
            data["X_train"], None, translate("persistence", "training data"), path
        )
        X_test = finite_array(data["X_test"], None, translate("persistence", "test data"), path)
        y_train, y_test = np.asarray(data["y_train"]), np.asarray(data["y_test"])
        names = tuple(str(n) for n in data["feature_names"])
        display = data.get("X_test_display")
        if display is not None:
            display = finite_array(display, X_test.shape, data_word(), path)
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
                name=file_name(path)
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
            ).format(name=file_name(path))
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


def session_parts(session: SavedSession) -> tuple[dict, dict]:
    """What the file of ``session`` holds, taken now: its JSON document and its arrays by
    member name. Cheap (copies of the histories' arrays), so that the runs may go on
    changing while :func:`write_session` writes them elsewhere."""
    from ..training.history import curves_to_arrays, weights_to_arrays

    runs, arrays = [], {}
    for i, run in enumerate(session.runs):
        runs.append(
            {
                "label": run.label,
                "settings": dict(run.settings),
                "learning_rates": list(run.learning_rates),
                "stop_reason": run.stop_reason,
                "message": run.message,
                "warning": run.warning,
                "latest": None if run.latest is None else dict(run.latest),
                "events": [list(event) for event in run.events],
                "racer": bool(run.racer),
            }
        )
        for key, array in run.log.to_arrays().items():
            arrays[f"runs/{i}/log_{key}.npy"] = array
        for key, array in curves_to_arrays(run.curves).items():
            arrays[f"runs/{i}/curves_{key}.npy"] = array
        if run.weights is not None:
            for key, array in weights_to_arrays(run.weights).items():
                arrays[f"runs/{i}/weights_{key}.npy"] = array
    data = None
    if session.data is not None:
        data = {k: v for k, v in session.data.items() if not isinstance(v, np.ndarray)}
        for key, value in session.data.items():
            if isinstance(value, np.ndarray):
                if value.dtype.kind in "OU":
                    # Text labels go as JSON, not as object arrays (which need pickle).
                    data[key] = value.astype(str).tolist()
                else:
                    arrays[f"data/{key}.npy"] = value  # the data are never changed
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
    return document, arrays


def write_session(path, document, arrays) -> None:
    """Write a session file of ``document`` and ``arrays`` (what :func:`session_parts`
    took), whole or not at all. Compressing is the slow part: any thread may do it."""
    text = json.dumps(plain(document), indent=1, ensure_ascii=False, allow_nan=False)

    def write(handle):
        with zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for name, array in arrays.items():
                archive.writestr(name, _npy(array))
            archive.writestr("session.json", text)

    write_atomically(path, write)


def save_session(path, session: SavedSession) -> None:
    """Write ``session`` as a zip of JSON and .npy files (written whole or not at all)."""
    write_session(path, *session_parts(session))


def _event(saved):
    """A run's event as a session file keeps it: ``[epoch, kind, value]``."""
    epoch, kind, value = saved
    if kind not in ("paused", "resumed", "rate"):
        raise ValueError("event")
    return int(epoch), kind, None if value is None else float(value)


def _rate_events(run):
    """The events of a run of a file that kept none: its learning-rate changes."""
    return [[epoch, "rate", rate] for epoch, rate in run.learning_rates[1:]]


def load_session(path) -> SavedSession:
    """Read a session file; DataError with one plain sentence if it cannot be used."""
    from ..training.blog_log import LogRecords
    from ..training.history import RunHistory, curves_from_arrays, weights_from_arrays

    raw = read_bytes(path, 4 * 2**30)
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
        names = set(archive.namelist())
        document = json.loads(archive.read("session.json").decode("utf-8"))
    except (zipfile.BadZipFile, KeyError, UnicodeDecodeError, json.JSONDecodeError, EOFError):
        raise DataError(
            translate(
                "persistence",
                "{name} is not a session file (it is damaged, cut short, or of another kind).",
            ).format(name=file_name(path))
        ) from None
    check_header(document, SESSION_FORMAT, path)

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
                        ).format(name=file_name(path), part=name)
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
            log = arrays(f"runs/{i}/log_")
            # Files of earlier versions keep no log: it is made from the curves.
            run.log = LogRecords.from_arrays(log) if log else LogRecords.from_curves(run.curves)
            run.events = [_event(event) for event in saved.get("events", _rate_events(run))]
            run.racer = bool(saved.get("racer", False))
            latest = saved.get("latest")
            if latest is not None:
                coef = finite_array(latest["coef"], None, weights_word(), path)
                intercept = finite_array(latest["intercept"], None, intercepts_word(), path)
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
                data[key] = finite_array(data[key], None, data_word(), path)
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
            ).format(name=file_name(path), error=exc)
        ) from None
