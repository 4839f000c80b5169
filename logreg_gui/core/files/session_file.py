"""Session files: a zip of ``session.json`` and ``.npy`` arrays (read with
``allow_pickle=False``) — the data settings (for a file, its path and a SHA-256 of its
content; the data themselves only when asked), every run with its curves and weights, and
what was selected. Opening one checks the format, the version, the shapes and that every
number is finite; a damaged, foreign or newer file gets one plain message (DataError)."""

from __future__ import annotations

import io
import json
import os
import re
import zipfile
from dataclasses import dataclass

import numpy as np

from ..errors import Cancelled, DataError
from ..i18n import QT_TRANSLATE_NOOP, from_data, to_data, translate
from .checks import (
    A_TEXT,
    Damaged,
    choice,
    estimator_settings,
    estimator_settings_to_json,
    finite_floats,
    float_or_nan,
    integer,
    mapping,
    number,
    numbers_array,
    plainly,
    sequence,
    text,
)
from .document import (
    VERSION,
    check_header,
    data_word,
    file_name,
    finite_array,
    plain,
)
from .storage import open_checked, write_atomically

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
    threshold: float = 0.5


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
        kept = run.kept_texts()  # as data: said in the language of whoever opens the file
        runs.append(
            {
                "label": to_data(kept["label"]),
                "settings": estimator_settings_to_json(run.settings),
                "learning_rates": list(run.learning_rates),
                "stop_reason": run.stop_reason,
                "message": to_data(kept["message"]),
                "warning": to_data(kept["warning"]),
                "latest": None if run.latest is None else dict(run.latest),
                "events": [list(event) for event in run.events],
                "racer": bool(run.racer),
                "continued_from": run.continued_from,
                "blog": bool(run.blog),
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
        "model_settings": None
        if session.model_settings is None
        else estimator_settings_to_json(session.model_settings),
        "file_sha256": session.file_digest,
        "data": data,
        "runs": runs,
        "current": session.current,
        "selected": session.selected,
        "shown_epoch": session.shown_epoch,
        "decision_threshold": session.threshold,
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


#: The largest session file opened.
MAX_SESSION_BYTES = 2 * 2**30
#: What a session's parts may hold once inflated: this many times the file's size, plus
#: the margin (small files compress well), and never more than the most.
INFLATE_FACTOR = 16
INFLATE_MARGIN = 16 * 2**20
MAX_INFLATED = 4 * 2**30
#: A session holds at most this many runs (the window keeps six).
MAX_SESSION_RUNS = 100
#: The largest curve history a run may hold (buckets; the window's runs hold 2¹⁶).
MAX_CURVE_BUCKETS = 2**20
#: Runs' parts as a session file names them.
_RUN_PART = re.compile(r"runs/(\d{1,6})/(curves|weights|log)_(\w{1,32})\.npy")
_DATA_PART = re.compile(r"data/(\w{1,32})\.npy")
_STOPS = (None, "completed", "converged", "diverged", "stopped", "opened")
_EVENTS = ("paused", "resumed", "rate", "warned")


class _Parts:
    """The parts of a session's zip, read in bounded memory: each part's declared size is
    weighed against what is left of the budget before anything is inflated, and only the
    parts a session uses are read. Grouped once by run (linear in the number of runs)."""

    def __init__(self, archive, budget, cancel):
        self.archive, self.budget, self._cancel = archive, budget, cancel
        self.document = None
        self.runs: dict[int, dict[str, dict]] = {}
        self.data: dict[str, zipfile.ZipInfo] = {}
        for info in archive.infolist():
            name = info.filename
            run = _RUN_PART.fullmatch(name)
            data = _DATA_PART.fullmatch(name)
            if name == "session.json":
                self.document = info
            elif run:
                kinds = self.runs.setdefault(int(run[1]), {})
                kinds.setdefault(run[2], {})[run[3]] = info
            elif data:
                self.data[data[1]] = info

    def read(self, info) -> bytes:
        if self._cancel is not None and self._cancel():
            raise Cancelled(translate("persistence", "opening the session was cancelled."))
        if info.file_size > self.budget:
            raise Damaged(QT_TRANSLATE_NOOP("persistence", "the size of a part"))
        self.budget -= info.file_size
        with self.archive.open(info) as part:
            data = part.read(info.file_size + 1)
        if len(data) != info.file_size:
            raise Damaged(QT_TRANSLATE_NOOP("persistence", "the size of a part"))
        return data

    def arrays(self, infos) -> dict:
        """``{key: array}`` of the .npy parts ``infos`` (read without pickle)."""
        what = QT_TRANSLATE_NOOP("persistence", "an array")
        return {key: numbers_array(self.read(info), what) for key, info in infos.items()}


def _event(saved):
    """A run's event as a session file keeps it: ``[epoch, kind, value]``."""
    epoch, kind, value = sequence(saved, limit=3)
    value = None if value is None else number(value, 0)
    return integer(epoch), choice(kind, _EVENTS), value


def _rate_events(learning_rates):
    """The events of a run of a file that kept none: its learning-rate changes."""
    return [[epoch, "rate", rate] for epoch, rate in learning_rates[1:]]


def _latest(saved, shape):
    """The record of a run's last epoch: its epoch, curves and weights (``shape``: that of
    its weights, known from its arrays when it keeps them)."""
    from ..training.history import CURVES

    latest = mapping(saved, QT_TRANSLATE_NOOP("persistence", "the last epoch"))
    coef = finite_floats(latest["coef"], QT_TRANSLATE_NOOP("persistence", "weights"))
    intercept = finite_floats(latest["intercept"], QT_TRANSLATE_NOOP("persistence", "intercepts"))
    if coef.ndim != 2 or intercept.shape != (coef.shape[0],) or (shape and coef.shape != shape):
        raise Damaged(QT_TRANSLATE_NOOP("persistence", "weights"))
    out = {"epoch": integer(latest["epoch"]), "coef": coef, "intercept": intercept}
    for name in CURVES:
        out[name] = float_or_nan(latest.get(name))
    return out


def _kept_text(value):
    """A run's label, message or warning: a text, or a kept text (a Phrase as data, said in
    the language in use) checked by :func:`core.i18n.from_data`."""
    if isinstance(value, str):
        return text(value)
    try:
        return from_data(value)
    except ValueError as error:
        raise Damaged(A_TEXT) from error


def _run(saved, parts, index):
    """One run of a session file, every part of it checked."""
    from ..training.blog_log import LogRecords
    from ..training.history import RunHistory, curves_from_arrays, weights_from_arrays

    saved = mapping(saved, QT_TRANSLATE_NOOP("persistence", "a run"))
    run = RunHistory(
        estimator_settings(saved["settings"]), label=_kept_text(saved.get("label", ""))
    )
    arrays = parts.runs.get(index, {})
    curves = parts.arrays(arrays.get("curves", {}))
    if not 0 < int(np.asarray(curves["meta"])[0]) <= MAX_CURVE_BUCKETS:
        raise Damaged(QT_TRANSLATE_NOOP("persistence", "the curves"))
    run.curves = curves_from_arrays(curves)
    weights = parts.arrays(arrays.get("weights", {}))
    run.weights = weights_from_arrays(weights) if weights else None
    rates = sequence(saved["learning_rates"], limit=10**6)
    run.learning_rates = [(integer(e), number(r, 0)) for e, r in map(sequence, rates)]
    if not run.learning_rates or any(
        a[0] > b[0] for a, b in zip(run.learning_rates, run.learning_rates[1:])
    ):
        raise Damaged(QT_TRANSLATE_NOOP("persistence", "the learning rates"))
    run.stop_reason = choice(saved.get("stop_reason"), _STOPS)
    run.message = _kept_text(saved.get("message", ""))
    run.warning = None if saved.get("warning") is None else _kept_text(saved["warning"])
    log = parts.arrays(arrays.get("log", {}))
    # Files of earlier versions keep no log: it is made from the curves.
    run.log = LogRecords.from_arrays(log) if log else LogRecords.from_curves(run.curves)
    events = saved.get("events", _rate_events(run.learning_rates))
    run.events = [_event(event) for event in sequence(events, limit=10**6)]
    run.racer = saved.get("racer", False) is True
    run.blog = saved.get("blog", False) is True
    continued = saved.get("continued_from")
    run.continued_from = None if continued is None else integer(continued)
    shape = None if run.weights is None else (run.weights.shape[0], run.weights.shape[1] - 1)
    run.latest = None if saved.get("latest") is None else _latest(saved["latest"], shape)
    if run.latest is None and run.curves.size:
        raise Damaged(QT_TRANSLATE_NOOP("persistence", "the last epoch"))
    if run.continued_from is not None and not (
        0 <= run.continued_from <= (run.epoch if run.epoch is not None else 0)
    ):
        raise Damaged(QT_TRANSLATE_NOOP("persistence", "the epoch a run continued from"))
    return run


def _model_settings(values) -> dict:
    """What the model form showed: the estimator's settings, the number type and the
    resets."""
    values = mapping(values or {}, QT_TRANSLATE_NOOP("persistence", "the model settings"))
    out = estimator_settings({k: v for k, v in values.items() if k != "resets"})
    if "resets" in values:
        out["resets"] = integer(values["resets"], 0, 2**31)
    return out


def load_session(path, cancel=None) -> SavedSession:
    """Read a session file; DataError with one plain sentence if it cannot be used.

    Bounded: the file is a regular one of at most ``MAX_SESSION_BYTES``; its parts are
    inflated within ``INFLATE_FACTOR`` times its size (plus a margin); at most
    ``MAX_SESSION_RUNS`` runs; every value is checked before the session is made, and any
    failure is one sentence. ``cancel()`` is asked between parts (Cancelled)."""
    with plainly(path, SESSION_FORMAT), open_checked(path, MAX_SESSION_BYTES) as handle:
        size = os.fstat(handle.fileno()).st_size
        budget = min(MAX_INFLATED, INFLATE_FACTOR * size + INFLATE_MARGIN)
        try:
            archive = zipfile.ZipFile(handle)
        except zipfile.BadZipFile:
            raise DataError(
                translate(
                    "persistence",
                    "{name} is not a session file (it is damaged, cut short, or of another kind).",
                ).format(name=file_name(path))
            ) from None
        parts = _Parts(archive, budget, cancel)
        if parts.document is None:
            raise Damaged(QT_TRANSLATE_NOOP("persistence", "its description (session.json)"))
        document = json.loads(parts.read(parts.document).decode("utf-8"))
        check_header(document, SESSION_FORMAT, path)
        saved_runs = sequence(document["runs"], limit=10**6)
        if len(saved_runs) > MAX_SESSION_RUNS:
            raise DataError(
                translate(
                    "persistence",
                    "{name} holds {count:,} runs; a session holds at most {most}: it is damaged "
                    "or not one of logreg-gui's.",
                ).format(name=file_name(path), count=len(saved_runs), most=MAX_SESSION_RUNS)
            )
        runs = [_run(saved, parts, i) for i, saved in enumerate(saved_runs)]
        current = document.get("current")
        current = None if current is None else integer(current, 0, max(len(runs) - 1, 0))
        if current is not None and not runs:
            raise Damaged(QT_TRANSLATE_NOOP("persistence", "the current run"))
        data = document.get("data")
        if data is not None:
            data = dict(mapping(data, QT_TRANSLATE_NOOP("persistence", "the data")))
            data.update(parts.arrays(parts.data))
            for key in ("X_train", "X_test"):
                data[key] = finite_floats(data[key], QT_TRANSLATE_NOOP("persistence", "the data"))
            for key in ("y_train", "y_test"):
                data[key] = np.asarray(data[key])
                if data[key].dtype.kind not in "biufU" or data[key].ndim != 1:
                    raise Damaged(QT_TRANSLATE_NOOP("persistence", "the data"))
        shown = document.get("shown_epoch")
        digest = document.get("file_sha256")
        if digest is not None and not re.fullmatch(r"[0-9a-f]{64}", text(digest)):
            raise Damaged(QT_TRANSLATE_NOOP("persistence", "the data file's digest"))
        return SavedSession(
            data_settings=dict(
                mapping(
                    document["data_settings"], QT_TRANSLATE_NOOP("persistence", "the data settings")
                )
            ),
            model_settings=_model_settings(document.get("model_settings")),
            runs=runs,
            current=current,
            selected=integer(document.get("selected", 0), 0, 2**31 - 1),
            shown_epoch=None if shown is None else integer(shown),
            file_digest=digest,
            data=data,
            threshold=number(document.get("decision_threshold", 0.5), 0.0, 1.0),
        )
