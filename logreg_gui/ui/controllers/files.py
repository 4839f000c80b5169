"""Model, session, prediction and report files of the session — without dialogs: the menus
ask for the path, the automation API (``MainWindow.save_session`` …) passes it.

Every method raises :class:`~logreg_gui.core.DataError` with the plain sentence a dialog
shows; nothing in the session changes before a file has been read and checked whole.
"""

from __future__ import annotations

import os

import numpy as np

from ...core import DataError
from ...core.files.model_file import load_model, model_of, save_model
from ...core.files.session_file import (
    SavedSession,
    load_session,
    session_parts,
    split_from_dict,
    split_to_dict,
    write_session,
)
from ...core.files.storage import file_digest
from ...core.files.tables import write_csv
from ...core.i18n import Phrase
from ..style.i18n import translate

__all__ = ["FilesController", "OpenedModel", "OpenedSession", "SessionSnapshot"]


def _name(path):
    return os.path.basename(str(path))


class OpenedSession:
    """A session file read and checked: its data settings, maybe its data, its runs."""

    def __init__(self, saved: SavedSession, data_settings, split, path):
        self.saved, self.data_settings, self.split, self.path = saved, data_settings, split, path


class SessionSnapshot:
    """A session file's content taken at one moment: its JSON document, its arrays, and
    the data file whose digest it still needs (None when the data are inside or generated)."""

    def __init__(self, document, arrays, digest_of):
        self.document, self.arrays, self.digest_of = document, arrays, digest_of


class OpenedModel:
    """A model file read and checked, with the data settings it was trained on."""

    def __init__(self, model, data_settings, path):
        self.model, self.data_settings, self.path = model, data_settings, path


def _data_settings(values, digest, path, what):
    """DataSettings from a file's ``values``; for a data file, check it is still the same.
    ``what``: ``"model"`` or ``"session"``, the kind of file ``values`` come from."""
    from ...core.data.settings import FILE, settings_from_dict

    settings = settings_from_dict(values)
    if settings.source == FILE:
        if not settings.path or not os.path.isfile(settings.path):
            if what == "model":
                message = translate(
                    "FilesController",
                    "the data file this model was made with, {path}, is not there any more: "
                    "put it back, or save the session with its data kept in the file.",
                )
            else:
                message = translate(
                    "FilesController",
                    "the data file this session was made with, {path}, is not there any more: "
                    "put it back, or save the session with its data kept in the file.",
                )
            raise DataError(message.format(path=settings.path))
        if not digest:
            # Without the digest nothing says that file is the data it was made with: a
            # path in a file may point anywhere.
            if what == "model":
                message = translate(
                    "FilesController",
                    "{name} does not say what its data file {path} held, so that file is not "
                    "read: train the model again on it and save it.",
                )
            else:
                message = translate(
                    "FilesController",
                    "{name} does not say what its data file {path} held, so that file is not "
                    "read: open the data, train again, and save the session with its data "
                    "kept in the file.",
                )
            raise DataError(message.format(name=_name(path), path=settings.path))
        if file_digest(settings.path) != digest:
            if what == "model":
                message = translate(
                    "FilesController",
                    "the data file {name} has changed since the model was saved: the model's "
                    "weights belong to other data.",
                )
            else:
                message = translate(
                    "FilesController",
                    "the data file {name} has changed since the session was saved: the "
                    "session's weights belong to other data.",
                )
            raise DataError(message.format(name=_name(settings.path)))
    return settings


class FilesController:
    """Reads and writes the files of a :class:`~logreg_gui.ui.session.Session`."""

    def __init__(self, session):
        self._session = session

    # Models ------------------------------------------------------------------------------
    def current_model(self):
        """The model of the weights shown (a SavedModel); DataError if there is none."""
        session = self._session
        shown = session.shown()
        if shown is None:
            raise DataError(
                translate("FilesController", "there is no trained model yet: press Train first.")
            )
        epoch, coef, intercept = shown
        run = session.run
        metrics = {}
        if session.evaluation is not None and session.evaluation[2] == epoch:
            train, test, _ = session.evaluation
            metrics = {"train_accuracy": train.accuracy, "train_loss": train.log_loss}
            if test is not None:
                metrics.update(test_accuracy=test.accuracy, test_loss=test.log_loss)
        training = dict(run.settings, epochs_run=int(epoch), stop_reason=run.stop_reason)
        training["learning_rates"] = [list(change) for change in run.learning_rates]
        return model_of(
            session.data, coef, intercept, training, metrics, data_settings=session.data_settings
        )

    def save_model(self, path) -> None:
        """Write the model of the weights shown to ``path`` (JSON)."""
        model = self.current_model()
        save_model(path, model)

    @staticmethod
    def read_model(path) -> OpenedModel:
        """Read the model file ``path`` and the settings of the data it was trained on."""
        model = load_model(path)
        values = model.data.get("settings")
        if not values:
            raise DataError(
                translate(
                    "FilesController",
                    "{name} does not say which data it was trained on, so it cannot be shown "
                    "here; use it with logreg-predict.",
                ).format(name=_name(path))
            )
        settings = _data_settings(values, model.data.get("file_sha256"), path, "model")
        return OpenedModel(model, settings, path)

    @staticmethod
    def check_model(opened: OpenedModel, split) -> None:
        """DataError unless ``split`` (its data made again) fits the model."""
        model = opened.model
        if tuple(split.feature_names) != tuple(model.feature_names) or not np.array_equal(
            np.asarray(split.classes).astype(str), model.classes.astype(str)
        ):
            raise DataError(
                translate(
                    "FilesController",
                    "the data made again for {name} differ from those it was trained on (other "
                    "features or classes).",
                ).format(name=_name(opened.path))
            )

    def show_model(self, opened: OpenedModel) -> None:
        """Make ``opened``'s weights the current run (the session has its data)."""
        from ...core.model.penalty import penalty_of
        from ...core.training.run import TrainingRun

        session, model = self._session, opened.model
        data = session.data
        self.check_model(opened, data)
        settings = {k: v for k, v in model.training.items() if k != "learning_rates"}
        epoch = int(settings.pop("epochs_run", 0))
        settings.pop("stop_reason", None)
        penalty = penalty_of(settings)
        run = TrainingRun(
            data.X_train,
            session.y_train,
            model.coef,
            model.intercept,
            learning_rate=float(settings.get("learning_rate", 0.01)),
            epochs=0,
            l2=penalty.l2,
            l1=penalty.l1,
            X_test=data.X_test,
            y_test=session.y_test,
            keep_weights=True,
            class_weights=session.class_weights_of(settings),
        )
        batch = run.flush()  # the record of these weights: losses and accuracies
        batch.epochs[:] = epoch
        history = session.start_run(settings)
        name = _name(opened.path)
        history.label = Phrase.translate("FilesController", "opened: {name}").format(name=name)
        session.append(batch)
        session.finish_run(
            "opened",
            Phrase.translate(
                "FilesController", "opened from {name}: the weights after epoch {epoch:,}."
            ).format(name=name, epoch=epoch),
        )

    # Sessions ----------------------------------------------------------------------------
    def session_snapshot(self, *, model_settings=None, keep_data=False) -> SessionSnapshot:
        """What a session file of the session holds, taken now — data settings, runs,
        selection, and the data themselves when ``keep_data`` — cheaply, so that training
        goes on while :meth:`write_snapshot` writes it. DataError before any data."""
        from ...core.data.settings import FILE, PAINTED

        session = self._session
        if session.data is None:
            raise DataError(
                translate("FilesController", "there are no data yet to save a session of.")
            )
        settings = session.data_settings
        # Painted points are whole in their settings: the data are made again from them.
        keep_data = keep_data and settings.source != PAINTED
        saved = self._saved(model_settings, split_to_dict(session.data) if keep_data else None)
        document, arrays = session_parts(saved)
        digest_of = settings.path if settings.source == FILE and not keep_data else None
        return SessionSnapshot(document, arrays, digest_of)

    def session_in_memory(self, *, model_settings=None) -> OpenedSession:
        """The session as an opened session file would give it, without a file: its data,
        runs (the same histories), selection, epoch shown and threshold, taken now (the
        window is built again around them in another language, at once)."""
        session = self._session
        saved = self._saved(model_settings, None)
        return OpenedSession(saved, session.data_settings, session.data, None)

    def _saved(self, model_settings, data) -> SavedSession:
        """What a session file of the session holds: its runs with records (the current one
        last), selection, epoch shown, threshold, settings, and ``data`` (a split's dict, or
        None)."""
        from ...core.data.settings import settings_to_dict

        session = self._session
        runs = [*session.runs] + ([session.run] if session.run is not None else [])
        runs = [run for run in runs if run.latest is not None]
        current = len(runs) - 1 if session.run is not None and session.run.latest else None
        return SavedSession(
            data_settings=settings_to_dict(session.data_settings),
            model_settings=dict(model_settings or {}),
            runs=runs,
            current=current,
            selected=int(session.selected),
            shown_epoch=session.shown_epoch,
            data=data,
            threshold=session.threshold,
        )

    @staticmethod
    def write_snapshot(path, snapshot: SessionSnapshot) -> None:
        """Write ``snapshot`` to ``path`` (slow: the data file's digest, compressing; any
        thread). DataError with the sentence a dialog shows."""
        document = snapshot.document
        if snapshot.digest_of is not None:
            try:
                document = dict(document, file_sha256=file_digest(snapshot.digest_of))
            except OSError as exc:
                raise DataError(
                    translate(
                        "FilesController",
                        "the data file {name} cannot be read ({reason}): save the session with "
                        "its data kept in the file.",
                    ).format(name=_name(snapshot.digest_of), reason=exc.strerror)
                ) from None
        write_session(path, document, snapshot.arrays)

    def save_session(self, path, *, model_settings=None, keep_data=False) -> None:
        """Write the session to ``path`` now, in this thread (see :meth:`session_snapshot`)."""
        snapshot = self.session_snapshot(model_settings=model_settings, keep_data=keep_data)
        self.write_snapshot(path, snapshot)

    @staticmethod
    def read_session(path, cancel=None) -> OpenedSession:
        """Read and check the session file ``path`` (its data file too, when not kept); in
        any thread (``cancel()`` may stop it)."""
        saved = load_session(path, cancel=cancel)
        split = None
        if saved.data is not None:
            from ...core.data.settings import settings_from_dict

            settings = settings_from_dict(saved.data_settings)
            split = split_from_dict(saved.data, path)
        else:
            settings = _data_settings(saved.data_settings, saved.file_digest, path, "session")
        return OpenedSession(saved, settings, split, path)

    @staticmethod
    def check_session(opened: OpenedSession, split) -> None:
        """DataError unless the runs of ``opened`` fit the data ``split``."""
        d, k = len(split.feature_names), len(split.classes)
        k = 1 if k == 2 else k
        for run in opened.saved.runs:
            shapes = [np.shape(run.latest["coef"]) if run.latest is not None else (k, d)]
            if run.weights is not None:
                rows, columns = run.weights.shape  # weights and the intercept
                shapes.append((rows, columns - 1))
            if any(shape != (k, d) for shape in shapes):
                raise DataError(
                    translate(
                        "FilesController",
                        "{name} does not fit its data: its weights are not of the shape "
                        "{shape} the data need.",
                    ).format(name=_name(opened.path), shape=(k, d))
                )
        if len(split.y_test) and not 0 <= opened.saved.selected < len(split.y_test):
            raise DataError(
                translate(
                    "FilesController", "{name} selects a test sample its data do not have."
                ).format(name=_name(opened.path))
            )

    def restore_session(self, opened: OpenedSession) -> None:
        """Put ``opened``'s runs and selection into the session (which has its data)."""
        self.check_session(opened, self._session.data)
        saved = opened.saved
        self._session.restore(saved.runs, saved.current, saved.selected, saved.shown_epoch)
        self._session.set_threshold(saved.threshold)

    # Exports -----------------------------------------------------------------------------
    def export_predictions(self, path) -> int:
        """Write the test samples with their true class, predicted class and every class's
        probability (by the weights shown) as CSV; returns the number of rows."""
        from ...core.analysis.evaluation import predictions_frame

        session = self._session
        shown = session.shown()
        if shown is None:
            raise DataError(
                translate("FilesController", "there is no trained model yet: press Train first.")
            )
        _, coef, intercept = shown
        frame = predictions_frame(session.data, coef, intercept, session.threshold)
        write_csv(path, list(frame.columns), frame.itertuples(index=False))
        return len(frame)
