"""What a person asks for — Train, Step, Reset, open or save a file — carried out across the
forms and the controllers.

The forms say what is wanted, the controllers act on the session; the coordinator connects
the two and says in words what happened (``message`` for the status bar, ``problem`` for a
dialog). It shows no dialog itself: the menus ask for paths, and the window's automation API
(``MainWindow.open_session(path)`` …) calls the same methods, which raise DataError with the
sentence the dialog would show.
"""

from __future__ import annotations

import contextlib
import os

from PySide6.QtCore import QObject, Signal, Slot

from ...core.errors import DataError
from ..inputs.run_controls import RunControls
from ..session import RunState
from .analysis import AnalysisController
from .data import DataController
from .files import FilesController
from .training import TrainingController

#: The runs of last time are kept at close when their history is at most this large (the
#: file is compressed: ~0.1 s of writing at this size; a window closes within a second)...
KEEP_BYTES = 2 * 2**20
#: ... and their data file (checked by its digest when reopened) at most this large.
KEEP_FILE_BYTES = 64 * 2**20


def _file_size(path) -> float:
    try:
        return os.path.getsize(path)
    except (OSError, TypeError):
        return float("inf")


__all__ = ["Coordinator"]


class Coordinator(QObject):
    """Carries out the person's requests.

    Signals
    -------
    message(str) : what happened, for the status bar
    problem(str, str) : a title and a plain-words text for a dialog
    noticeChanged(str) : why what is drawn differs from what the forms say ("" if it does not)
    previewReady(object, dict) : the first rows of a data file were read (a Table and the
        earlier choice of columns): the window lets the person choose the columns
    """

    message = Signal(str)
    problem = Signal(str, str)
    noticeChanged = Signal(str)
    previewReady = Signal(object, dict)

    def __init__(self, session, jobs, data_form, model_form, controls, parent=None):
        super().__init__(parent)
        self.session, self.jobs = session, jobs
        self.data_form, self.model_form, self.controls = data_form, model_form, controls
        self.data = DataController(session, jobs, self)
        self.training = TrainingController(session, self)
        self.analysis = AnalysisController(session, jobs, self)
        self.files = FilesController(session)
        self.resets = 0  # Reset draws new initial weights: seed + resets
        self.quiet = False  # True: problems go to the caller (automation API), not a dialog
        self._after_failure = None  # what to do if the data being made fail
        self.engine_ready = True
        self._notices = {"data": "", "model": "", "solver": ""}
        self._failure_title = self.tr("The data cannot be used")
        self._note = ""
        # The forms write what they describe into the session; it is read there.
        session.requestChanged.connect(self._on_request)
        model_form.learningRateCommitted.connect(self.training.set_learning_rate)
        model_form.epochsCommitted.connect(self.training.set_epochs)
        controls.trainRequested.connect(self.train)
        controls.pauseRequested.connect(self.training.pause)
        controls.resumeRequested.connect(self.resume)
        controls.stepRequested.connect(self.step)
        controls.stopRequested.connect(self.training.stop)
        controls.resetRequested.connect(self.reset)
        controls.raceRequested.connect(self.race)
        controls.speedChanged.connect(self.training.set_speed)
        self.training.set_speed(controls.speed())
        self.data.busyChanged.connect(self._on_busy)
        self.data.failed.connect(self._on_data_failed)
        self.data.heldChanged.connect(lambda text: self._show_notice("data", text))
        self.training.failed.connect(lambda text: self._fail(self.tr("Training failed"), text))
        session.dataChanged.connect(self._on_data)
        session.runStateChanged.connect(self._on_run_state)
        session.runStarted.connect(self._compare_settings)
        session.dataChanged.connect(self._compare_settings)

    def warm_up_engine(self) -> None:
        """Compile (or load) the training kernel in the background; a run asked for
        meanwhile says it waits for it."""

        def warm_up(cancel):
            from ...core.training.run import warm_up

            warm_up()

        self.engine_ready = False
        self.jobs.submit("engine", warm_up, on_result=lambda _: setattr(self, "engine_ready", True))

    def start(self, note="", last_session=None) -> None:
        """Make the data the forms describe (the window is complete); ``note``: something
        to say with the first data (what the settings of last time could not restore).
        ``last_session``: a session file of the runs of last time, reopened instead when it
        exists; if it cannot be, the forms' data are made and a dialog says why."""
        self._note = note
        if last_session is not None and os.path.exists(last_session):
            self._failure_title = self.tr("The runs of last time cannot be restored")
            try:
                self._after_failure = lambda: self.data.request(self.session.request.data)
                self.open_session(last_session, said=self.tr("The runs of last time are back."))
                self.update_can_train()
                return
            except DataError as error:
                self._after_failure = None
                lost = self.tr("The runs of last time cannot be restored: {reason}")
                self._note = f"{note} {lost.format(reason=error)}".strip()
                self._failure_title = self.tr("The data cannot be used")
        self.data.request(self.session.request.data)
        self.update_can_train()

    def keep_last_session(self, path) -> None:
        """At close: keep the runs in ``path`` for the next start, when that is quick (a
        history of at most ``KEEP_BYTES``; data made again from their settings, a file's
        checked by its digest only up to ``KEEP_FILE_BYTES``). Otherwise, or without runs,
        nothing is kept, and nothing is ever said: closing must not wait or fail."""
        from ...core.data.settings import FILE

        session = self.session
        runs = [r for r in (*session.runs, session.run) if r is not None and r.latest is not None]
        size = sum(r.used_nbytes() for r in runs)
        settings = session.data_settings
        quick = (
            runs
            and size <= KEEP_BYTES
            and settings is not None
            and (settings.source != FILE or _file_size(settings.path) <= KEEP_FILE_BYTES)
        )
        with contextlib.suppress(OSError):
            os.remove(path)
        if quick:
            with contextlib.suppress(DataError, OSError, ValueError):
                os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
                self.files.save_session(path, model_settings=self.form_settings())

    # Data ---------------------------------------------------------------------------------
    @Slot(str)
    def _on_request(self, kind):
        if kind == "data":
            self._on_data_form()
        elif kind == "model":
            self._on_model_form()
        else:
            self.update_can_train()

    def _on_data_form(self):
        self.data.request(self.session.request.data)
        self.update_can_train()

    @Slot()
    def _on_data(self):
        self._after_failure = None
        note, self._note = self._note, ""
        self.update_can_train()
        reason = self.why_not_train()
        ready = (
            self.tr("Data ready; Train waits: {reason}").format(reason=reason)
            if reason
            else self.tr("Data ready: press Train.")
        )
        self.message.emit(f"{note} {ready}".strip())

    @Slot(bool)
    def _on_busy(self, busy):
        if busy:
            self.message.emit(self.tr("Preparing the data…"))
        self.update_can_train()

    @Slot(str)
    def _on_data_failed(self, message):
        kept = self.tr("The previous data stay loaded.") if self.session.data is not None else ""
        title, self._failure_title = self._failure_title, self.tr("The data cannot be used")
        self._fail(title, f"{message}\n\n{kept}".strip())
        after, self._after_failure = self._after_failure, None
        if after is not None:  # the runs of last time could not be restored: start afresh
            after()
        self.update_can_train()

    def _fail(self, title, text):
        self.message.emit(f"{title}: {text}".replace("\n\n", " "))
        if not self.quiet:
            self.problem.emit(title, text)

    def preview_file(self, path, **choice) -> None:
        """Read the first rows of ``path`` in the background; ``previewReady`` follows."""
        from ...core.data.reading import read_table

        self.message.emit(
            self.tr("Reading the first rows of {name}…").format(name=os.path.basename(path))
        )
        self.jobs.submit(
            "preview",
            lambda cancel: read_table(path, nrows=200, cancel=cancel),
            on_result=lambda table: self.previewReady.emit(table, choice),
            on_error=lambda error: self._on_data_failed(str(error)),
        )

    def open_data(
        self, path, target=None, *, threshold=None, missing="drop", include=(), exclude=()
    ) -> None:
        """Use the data file ``path``: reads its first rows now (raising DataError with the
        message the dialog would show), then makes the data in the background. ``target``
        None guesses it."""
        from ...core.data.columns import describe_columns, guess_target
        from ...core.data.reading import read_table

        table = read_table(path, nrows=200)
        target = guess_target(table.frame) if target is None else target
        describe_columns(table.frame, target, include=include, exclude=exclude)
        choice = dict(
            target=target, threshold=threshold, missing=missing, include=include, exclude=exclude
        )
        self.data_form.set_file(table.path, choice)

    # Training -----------------------------------------------------------------------------
    def params(self) -> dict | None:
        """The estimator's parameters the forms describe (None while a field has a problem)."""
        request = self.session.request
        if request.model is None:
            return None
        seed = request.seed or 0
        return dict(request.model, random_state=seed + self.resets, dtype=request.dtype)

    def why_not_train(self) -> str:
        """Why a run cannot start now, in words ("" when it can)."""
        if self.session.request.problems:
            return self.tr("fix the settings marked in red.")
        if self.session.data is None or self.data.busy:
            return self.tr("the data are being prepared.")
        return self._newton_refused()

    def _newton_refused(self):
        params, data = self.session.request.model, self.session.data
        if params is None or params["solver"] != "newton" or data is None:
            return ""
        from ...core.training.newton import newton_problem

        return newton_problem(len(data.feature_names), self.session.n_classes) or ""

    @Slot()
    def update_can_train(self):
        reason = self.why_not_train()
        self.controls.set_can_train(not reason, reason)
        self._show_notice("solver", self._newton_refused())

    @Slot()
    def train(self):
        """Start a new run from new initial weights (on the data the form describes)."""
        self._start(paused=False)

    @Slot()
    def step(self):
        """One epoch, then pause; starts a paused run when none is going, and continues
        from the epoch shown after a step back."""
        if self.training.active and self.session.shown_epoch is None:
            self.training.step()
        else:
            self._start(paused=True, steps=1)

    @Slot()
    def resume(self):
        """Resume the paused run (from the epoch shown, after a step back)."""
        if self.session.shown_epoch is None:
            self.training.resume()
        else:
            self._start(paused=False)

    @Slot()
    def step_back(self):
        """Show the epoch before the one shown (pausing a running run first)."""
        run = self.session.run
        if run is None or run.latest is None:
            return
        self.training.pause()
        shown = run.epoch if self.session.shown_epoch is None else self.session.shown_epoch
        first = run.curves.first or 0
        if shown > first:
            self.session.show_epoch(shown - 1)

    def _continue_from(self):
        """The epoch a new run continues from (a step back), or None for new weights."""
        run, epoch = self.session.run, self.session.shown_epoch
        if run is None or run.latest is None or epoch is None:
            return None
        return epoch

    def _start(self, paused, steps=0, initial=None):
        if self.why_not_train():
            return
        if not self.engine_ready:
            self.message.emit(
                self.tr(
                    "Preparing the training engine: it is compiled once after installing, which "
                    "takes a few seconds; training starts as soon as it is ready."
                )
            )
        from_epoch = self._continue_from() if initial is None else None
        params = self.params()
        if from_epoch is not None:  # the same run's seed: same shuffles, stated in its label
            params["random_state"] = self.session.run.settings.get("random_state")
        self.training.discard()

        def begin():
            self.training.start(
                params, paused=paused, steps=steps, from_epoch=from_epoch, initial=initial
            )

        if from_epoch is not None or not self.data.apply_held(then=begin):
            begin()

    @Slot(object, object)
    def start_from(self, coef, intercept):
        """A new run, paused at its start, from the weights ``coef``, ``intercept`` (a
        point clicked on the loss landscape): Step or Resume then train from there."""
        self._start(paused=True, initial=(coef, intercept))
        self.message.emit(
            self.tr(
                "A new run starts from the point clicked: press Step to see its first epoch, "
                "or Resume."
            )
        )

    @Slot()
    def race(self):
        """Every optimizer from the same initial weights, side by side; the one the form
        chose first (the current run), Newton's method only where it is offered."""
        if self.why_not_train():
            return
        from ...core.estimator import SOLVERS
        from ...core.training.newton import newton_problem

        params = self.params()
        self.training.discard()

        def begin():
            data = self.session.data
            solvers = [params["solver"]] + [s for s in SOLVERS if s != params["solver"]]
            if newton_problem(len(data.feature_names), self.session.n_classes):
                solvers.remove("newton")
            self.training.start_race([dict(params, solver=s) for s in solvers], solvers)
            self.message.emit(
                self.tr("Racing {solvers} from the same initial weights (seed {seed}).").format(
                    solvers=", ".join(solvers), seed=params["random_state"]
                )
            )

        if not self.data.apply_held(then=begin):
            begin()

    @Slot()
    def reset(self):
        """Stop, forget the weights and draw new initial ones on the same data."""
        self.training.discard()
        self.session.clear_run()
        self.resets += 1
        self.data.apply_held()
        seed = (self.session.request.seed or 0) + self.resets
        self.message.emit(
            self.tr("Reset: the next run starts from new weights (seed {seed}).").format(seed=seed)
        )

    def _on_model_form(self):
        self.update_can_train()
        params = self.session.request.model
        if params is not None:
            self.analysis.set_preview_l2(params["l2"])
        self._compare_settings()

    @Slot()
    def _compare_settings(self):
        """Say so when the form no longer describes the run shown."""
        params, run = self.session.request.model, self.session.run
        live = ("learning_rate", "epochs")  # these reach the run going on
        changed = (
            params is not None
            and run is not None
            and any(params[k] != run.settings.get(k) for k in params if k not in live)
        )
        self._show_notice(
            "model",
            self.tr(
                "Settings changed — Train to apply: what is drawn is of the run shown, with the "
                "settings it used."
            )
            if changed
            else "",
        )

    def _show_notice(self, kind, text):
        self._notices[kind] = text
        self.noticeChanged.emit("\n".join(t for t in self._notices.values() if t))

    @Slot()
    def _on_run_state(self):
        state, run = self.session.state, self.session.run
        self.controls.set_state(
            {RunState.RUNNING: RunControls.RUNNING, RunState.PAUSED: RunControls.PAUSED}.get(
                state, RunControls.IDLE
            )
        )
        if state == RunState.RUNNING:
            self.message.emit(self.tr("Training…"))
        elif state == RunState.PAUSED:
            self.message.emit(
                self.tr(
                    "Paused: Step runs one epoch; the learning rate may be changed (press Enter)."
                )
            )
        elif state == RunState.FINISHED and run is not None:
            text = self.tr("Training {message}").format(message=run.message)
            self.message.emit(text)
            if run.stop_reason == "diverged":
                self.problem.emit(self.tr("Training diverged"), text)

    # Files --------------------------------------------------------------------------------
    def form_settings(self) -> dict:
        """What the model form shows (to put back when a session is opened)."""
        request = self.session.request
        return dict(request.model or {}, dtype=request.dtype, resets=self.resets)

    def save_session(self, path, *, keep_data=False) -> None:
        """Save the session to ``path`` (the data themselves too with ``keep_data``)."""
        self.files.save_session(path, model_settings=self.form_settings(), keep_data=keep_data)
        self.message.emit(self.tr("Session saved to {path}.").format(path=path))

    def save_model(self, path) -> None:
        """Save the model of the weights shown to ``path``."""
        self.files.save_model(path)
        epoch = self.session.shown()[0]
        self.message.emit(
            self.tr("Model (the weights after epoch {epoch:,}) saved to {path}.").format(
                epoch=epoch, path=path
            )
        )

    def open_session(self, path, *, said=None) -> None:
        """Open the session file ``path``: read and checked now (DataError), its data made
        in the background if they are not in the file, then its runs shown (and ``said``,
        or that the session is open, in the status bar)."""
        opened = self.files.read_session(path)
        settings = opened.saved.model_settings

        def restore():
            self.files.restore_session(opened)
            self.resets = int(settings.get("resets", 0))
            self._show_settings(opened.data_settings, settings or self._run_settings())
            self.message.emit(
                said or self.tr("Session {name} opened.").format(name=os.path.basename(str(path)))
            )

        check = lambda split: self.files.check_session(opened, split)  # noqa: E731
        self._load("session", opened.data_settings, restore, check, opened.split)

    def open_model(self, path) -> None:
        """Open the model file ``path``: its data are made again (if other than those
        loaded), then its weights become the current run. Raises DataError at once for a
        file that cannot be used."""
        opened = self.files.read_model(path)

        def show():
            self.files.show_model(opened)
            self._show_settings(opened.data_settings, opened.model.training)
            self.message.emit(self.session.run.message.capitalize())

        check = lambda split: self.files.check_model(opened, split)  # noqa: E731
        self._load("model", opened.data_settings, show, check)

    def _load(self, what, settings, then, check, split=None):
        """Data for ``settings`` (``check`` may refuse them), then ``then()``. What can be
        checked now raises DataError before anything changes."""
        same = split is None and settings == self.session.data_settings and not self.data.busy
        if same or split is not None:
            check(self.session.data if same else split)
        self.training.discard()
        if same:
            then()
            return
        self.message.emit(self.tr("Preparing the data…"))
        self._failure_title = (
            self.tr("The session cannot be opened")
            if what == "session"
            else self.tr("The model cannot be opened")
        )

        def done():
            self._failure_title = self.tr("The data cannot be used")
            then()

        self.data.load(settings, then=done, split=split, check=None if split else check)

    def _run_settings(self):
        return {} if self.session.run is None else dict(self.session.run.settings)

    def _show_settings(self, data_settings, model_settings):
        self.data_form.set_settings(data_settings, dtype=model_settings.get("dtype"))
        self.model_form.set_params(model_settings)

    def export_predictions(self, path) -> None:
        """The test samples' predictions by the weights shown, as CSV."""
        rows = self.files.export_predictions(path)
        self.message.emit(
            self.tr("{rows:,} predictions written to {path}.").format(rows=rows, path=path)
        )
