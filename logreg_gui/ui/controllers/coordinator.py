"""What a person asks for — Train, Step, Reset, open or save a file — carried out across the
controllers, from what the session says the forms describe.

The forms write what they describe into the session (its ``request``); the coordinator
reads it there, acts through the controllers, and says in words what happened (``message``
for the status bar, ``problem`` for a dialog). It touches no widget: what the forms should
show (an opened session's settings, a chosen file) goes to the session, which the forms
follow. It shows no dialog itself: the menus ask for paths, and the window's automation API
(``MainWindow.open_session(path)`` …) calls the same methods, which raise DataError with the
sentence the dialog would show.
"""

from __future__ import annotations

import os
from dataclasses import replace

import numpy as np
from PySide6.QtCore import QObject, Signal, Slot

from ...core.errors import DataError, in_words
from ...core.i18n import Phrase
from ...core.model.penalty import penalty_of
from ..runtime.jobs import Turns
from ..session import RunState
from ..style.i18n import QT_TRANSLATE_NOOP, translate
from .analysis import AnalysisController
from .complexity import ComplexityController
from .data import DataController, DataRequest
from .files import FilesController
from .paint import PaintController
from .training import LIVE_SETTINGS, TrainingController
from .validation import ValidationController

#: The runs of last time are kept at close when their history is at most this large (the
#: file is compressed: ~0.1 s of writing at this size; a window closes within a second)...
KEEP_BYTES = 2 * 2**20
#: ... and their data file (checked by its digest when reopened) at most this large.
KEEP_FILE_BYTES = 64 * 2**20


#: What a background job of each kind that failed could not do, for the status bar.
JOB_FAILURES = {
    "engine": QT_TRANSLATE_NOOP("Coordinator", "The training engine could not be prepared"),
    "evaluation": QT_TRANSLATE_NOOP("Coordinator", "The metrics could not be computed"),
}


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
    previewReady(object, dict) : the first rows of a data file were read (a Table and the
        earlier choice of columns): the window lets the person choose the columns
    sessionSaved(str) : a session file was written whole to this path
    loadingChanged(bool) : a file is being opened or data are being made (what the Cancel
        button stops: :meth:`cancel_loading`)
    """

    message = Signal(str)
    problem = Signal(str, str)
    previewReady = Signal(object, dict)
    sessionSaved = Signal(str)
    loadingChanged = Signal(bool)

    def __init__(self, session, jobs, parent=None):
        super().__init__(parent)
        self.session, self.jobs = session, jobs
        self.data = DataController(session, jobs, self)
        self.training = TrainingController(session, self)
        self.analysis = AnalysisController(session, jobs, self)
        self.complexity = ComplexityController(session, jobs, self)
        self.validation = ValidationController(session, jobs, self.params, self)
        self.files = FilesController(session)
        self.paint = PaintController(self)
        self.resets = 0  # Reset draws new initial weights: seed + resets
        self.blog_mode = False  # Train also runs the blog's loop as written, beside
        self.engine_ready = True
        self._writes = Turns()  # saves land in the order they were asked for
        self.saving: list = []  # the save jobs not yet done
        self.loading = False  # a file being opened or data being made
        self._stop_opening = None  # how to stop the file being opened, if any
        session.requestChanged.connect(self._on_request)
        session.runStateChanged.connect(self._on_run_state)
        session.runStarted.connect(self._compare_settings)
        session.dataChanged.connect(self._compare_settings)
        self.data.busyChanged.connect(self._on_busy)
        self.data.loaded.connect(self._on_loaded)
        self.data.failed.connect(self._on_data_failed)
        self.training.failed.connect(self._on_training_failed)
        jobs.failed.connect(self._on_job_failed)
        jobs.delivered.connect(self._on_delivered)

    def warm_up_engine(self) -> None:
        """Compile (or load) the training kernel in the background; a run asked for
        meanwhile says it waits for it."""

        def warm_up(cancel):
            from ...core.training.warm_up import warm_up

            warm_up()

        self.engine_ready = False
        self.jobs.submit("engine", warm_up, on_result=self._on_engine_ready)

    def _on_engine_ready(self, _result):
        self.engine_ready = True

    def start(self, note="", last_session=None, said=None) -> None:
        """Make the data the forms describe (the window is complete); ``note``: something
        to say with the first data (what the settings of last time could not restore).
        ``last_session``: a session file of the runs of last time, reopened instead when it
        exists (``said`` then, or that the runs are back); if it cannot be, the forms' data
        are made and a dialog says why."""
        if last_session is not None and os.path.exists(last_session):
            # Whatever the file holds, the start goes on: a failure is one line with the
            # first data, made from what the forms describe.
            lost = self.tr("The runs of last time cannot be restored")

            def afresh(reason):
                self._make_described(f"{note} {lost}: {reason}".strip())

            self.open_session(
                last_session,
                said=said or self.tr("The runs of last time are back."),
                failure_title=lost,
                on_failure=afresh,
                quiet=True,
            )
            self.update_can_train()
            return
        self._make_described(note)

    def _make_described(self, note=""):
        """Make the data the forms describe now (nothing while they have a problem)."""
        settings = self.session.request.data
        if settings is None:
            self.data.request(None)
        else:
            self.data.load(DataRequest(settings, note=note))
        self.update_can_train()

    def keep_last_session(self, path) -> str | None:
        """At close: keep the runs in ``path`` (where nothing stands: the caller removed
        what did) for the next start, when that is quick (a history of at most
        ``KEEP_BYTES``; data made again from their settings, a file's checked by its digest
        only up to ``KEEP_FILE_BYTES``). Otherwise, or without runs, nothing is kept —
        except painted points, which are kept even without a run (they are nowhere else).
        Returns why they could not be written, in words (None when they were, or need not
        be): closing must not wait or fail."""
        from ...core.data.settings import FILE, PAINTED

        session = self.session
        runs = [r for r in (*session.runs, session.run) if r is not None and r.latest is not None]
        size = sum(r.used_nbytes() for r in runs)
        settings = session.data_settings
        painted = settings is not None and settings.source == PAINTED
        quick = (
            (runs or painted)
            and size <= KEEP_BYTES
            and settings is not None
            and (settings.source != FILE or _file_size(settings.path) <= KEEP_FILE_BYTES)
        )
        if not quick:
            return None
        try:
            os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
            self.files.save_session(path, model_settings=self.form_settings())
        except (DataError, OSError, ValueError) as error:
            return in_words(error)
        return None

    # What the forms describe --------------------------------------------------------------
    @Slot(str)
    def _on_request(self, kind):
        if kind == "data":
            self.data.request(self.session.request.data)
        elif kind == "model":
            params = self.session.request.model
            if params is not None:
                self.training.apply_live(params)
                self.analysis.set_preview_penalty(penalty_of(params), params.get("class_weight"))
            self._compare_settings()
        self.update_can_train()

    @Slot()
    def _compare_settings(self):
        """Say so when the form no longer describes the run shown."""
        params, run = self.session.request.model, self.session.run
        changed = (
            params is not None
            and run is not None
            and any(params[k] != run.settings.get(k) for k in params if k not in LIVE_SETTINGS)
        )
        self.session.set_notice(
            "model",
            self.tr(
                "Settings changed — Train to apply: what is drawn is of the run shown, with the "
                "settings it used."
            )
            if changed
            else "",
        )

    # Data ---------------------------------------------------------------------------------
    @Slot(object)
    def _on_loaded(self, request):
        self.update_can_train()
        reason = self.why_not_train()
        ready = (
            self.tr("Data ready; Train waits: {reason}").format(reason=reason)
            if reason
            else self.tr("Data ready: press Train.")
        )
        self.message.emit(f"{request.note} {ready}".strip())

    @Slot(bool)
    def _on_busy(self, busy):
        if busy:
            self.message.emit(self.tr("Preparing the data…"))
        self.update_can_train()
        self._update_loading()

    @Slot(object)
    def _on_delivered(self, job):
        if job.kind == "open":
            self._update_loading()

    def _update_loading(self):
        loading = self.data.busy or self.jobs.pending("open")
        if loading != self.loading:
            self.loading = loading
            self.loadingChanged.emit(loading)

    def cancel_loading(self) -> None:
        """Stop opening a file and making data (the Cancel button): the data, runs and
        settings loaded before stay."""
        stop, self._stop_opening = self._stop_opening, None
        self.data.cancel()
        if stop is not None:
            stop()  # the runs of last time, cancelled: the forms' data are made instead
        self._update_loading()

    @Slot(object, str)
    def _on_data_failed(self, request, message):
        kept = self.tr("The previous data stay loaded.") if self.session.data is not None else ""
        title = request.failure_title or self.tr("The data cannot be used")
        self._report(title, f"{message}\n\n{kept}".strip(), quiet=request.quiet)
        if request.on_failure is not None:
            request.on_failure(message)
        self.update_can_train()

    @Slot(str)
    def _on_training_failed(self, message):
        self._report(self.tr("Training failed"), message)

    @Slot(str, object)
    def _on_job_failed(self, kind, error):
        """A background job without a failure handler of its own failed: say so."""
        what = JOB_FAILURES.get(kind, QT_TRANSLATE_NOOP("Coordinator", "A computation failed"))
        self.message.emit(f"{translate('Coordinator', what)}: {in_words(error)}")

    def _report(self, title, text, quiet=False):
        self.message.emit(f"{title}: {text}".replace("\n\n", " "))
        if not quiet:
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
            on_error=lambda error: self._report(
                self.tr("The data cannot be used"), in_words(error)
            ),
        )

    def open_data(
        self, path, target=None, *, threshold=None, missing="drop", include=(), exclude=(),
        quiet=False,
    ) -> DataRequest | None:  # fmt: skip
        """Use the data file ``path``: reads its first rows now (raising DataError with the
        message the dialog would show), then the data form shows it and its data are made
        in the background (held while a run exists). ``target`` None guesses it. Returns
        the request of the data being made (None if none are); with ``quiet``, a later
        failure is reported only by the data controller's ``failed``."""
        from ...core.data.columns import describe_columns, guess_target
        from ...core.data.reading import read_table

        table = read_table(path, nrows=200)
        target = guess_target(table.frame) if target is None else target
        describe_columns(table.frame, target, include=include, exclude=exclude)
        choice = dict(
            target=target, threshold=threshold, missing=missing, include=include, exclude=exclude
        )
        self.session.choose_file(table.path, choice)
        wanted = self.data.wanted
        if wanted is not None and quiet:
            # A file opened from a script: made now (nothing to debounce), failures returned.
            wanted = DataRequest(wanted.settings, quiet=True)
            self.data.load(wanted)
        return wanted

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
        unpainted = self._classes_without_points()
        if len(unpainted) == 1:
            return self.tr(
                "paint a training point of each class first (class {label} has none yet)."
            ).format(label=unpainted[0])
        if unpainted:
            return self.tr(
                "paint a training point of each class first (classes {labels} have none yet)."
            ).format(labels=", ".join(map(str, unpainted)))
        return self._class_weight_refused() or self._newton_refused()

    def _class_weight_refused(self):
        """Why the class weights the form shows cannot weigh these data ("" when they can)."""
        params, session = self.session.request.model, self.session
        if params is None or session.data is None:
            return ""
        from ...core.model.class_weight import class_weights_of

        try:
            class_weights_of(params.get("class_weight"), session.classes, session.y_train)
        except ValueError as error:
            return str(error)
        return ""

    def _classes_without_points(self):
        """The classes without a training point: only painted points can have them (their
        classes are given, not found in the training part)."""
        session = self.session
        if session.data is None or session.data.class_labels is None:
            return []
        present = set(np.unique(session.y_train).tolist())
        return [c for i, c in enumerate(session.classes.tolist()) if i not in present]

    def _newton_refused(self):
        params, data = self.session.request.model, self.session.data
        if params is None or params["solver"] != "newton" or data is None:
            return ""
        from ...core.training.newton import newton_problem

        l1 = penalty_of(params).l1
        return newton_problem(len(data.feature_names), self.session.n_classes, l1) or ""

    @Slot()
    def update_can_train(self):
        self.session.set_why_not_train(self.why_not_train())
        self.session.set_notice("solver", self._newton_refused())

    @Slot()
    def train(self):
        """Start a new run from new initial weights (on the data the form describes)."""
        self._start(paused=False)

    def train_to(self, epoch) -> None:
        """A new run from new initial weights, paused once it has trained ``epoch`` epochs
        (0: paused at its start), as pressing Step that many times would."""
        self._start(paused=True, steps=int(epoch))

    @Slot()
    def step(self):
        """One epoch, then pause; starts a paused run when none is going, and continues
        from the epoch shown after a step back."""
        if self.training.active and self.session.shown_epoch is None:
            self.training.step()
        else:
            self._start(paused=True, steps=1)

    @Slot()
    def pause(self):
        """Pause the run going on after its current epoch."""
        self.training.pause()

    @Slot()
    def resume(self):
        """Resume the paused run (from the epoch shown, after a step back)."""
        if self.session.shown_epoch is None:
            self.training.resume()
        else:
            self._start(paused=False)

    @Slot()
    def stop(self):
        """End the run going on; its weights stay for inspection."""
        self.training.stop()

    @Slot(object)
    def set_speed(self, epochs_per_second):
        """Pace of training in epochs per second (None: as fast as possible)."""
        self.training.set_speed(epochs_per_second)

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

    def _start(self, paused, steps=0, initial=None, params=None):
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
        params = self.params() if params is None else dict(params)
        if from_epoch is not None:  # the same run's seed: same shuffles, stated in its label
            params["random_state"] = self.session.run.settings.get("random_state")
        blog = self.blog_mode and from_epoch is None and initial is None
        self.training.discard()

        def begin():
            if blog and self.session.n_classes != 2:  # the data are made by now
                self.message.emit(
                    self.tr(
                        "The blog's code knows two classes only; these data have {count}: the "
                        "run starts without it."
                    ).format(count=self.session.n_classes)
                )
            elif blog:
                names = [params["solver"], Phrase.translate("Session", "the blog's code")]
                self.training.start_blog(params, names, paused=paused, steps=steps)
                return
            self.training.start(
                params, paused=paused, steps=steps, from_epoch=from_epoch, initial=initial
            )

        if from_epoch is not None or not self.data.apply_held(then=begin):
            begin()

    @Slot(str, float)
    def choose_penalty(self, kind, alpha) -> None:
        """Set the model form's penalty to ``kind`` with strength ``alpha`` (a strength
        clicked on the regularisation path); the next run uses it."""
        model = self.session.request.model
        if model is None or self.session.data_settings is None:
            return
        self.session.load_settings(
            self.session.data_settings, {**model, "penalty": kind, "alpha": float(alpha)}
        )
        self.message.emit(
            self.tr("The penalty is now {kind} with α = {alpha:.4g}: press Train.").format(
                kind=kind.upper() if kind != "elasticnet" else self.tr("elastic net"),
                alpha=alpha,
            )
        )

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

    def carry_on(self, coef, intercept, params, *, running) -> str:
        """A new run from the weights ``coef``, ``intercept`` with the estimator ``params``
        (a run going on on changed data: painted points), running if ``running``, else
        paused at its start. Returns why it cannot start, in words ("" when it started)."""
        reason = self.why_not_train()
        if reason:
            return reason
        self._start(paused=not running, initial=(coef, intercept), params=params)
        return ""

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
            l1 = penalty_of(params).l1
            if newton_problem(len(data.feature_names), self.session.n_classes, l1):
                solvers.remove("newton")
            self.training.start_race([dict(params, solver=s) for s in solvers], solvers)
            self.message.emit(
                self.tr("Racing {solvers} from the same initial weights (seed {seed}).").format(
                    solvers=", ".join(solvers), seed=params["random_state"]
                )
            )

        if not self.data.apply_held(then=begin):
            begin()

    def set_blog_mode(self, on) -> None:
        """Whether Train and Step also run the seed blog's loop as written, beside the
        correct run from the same initial weights (from the next run on)."""
        on = bool(on)
        if on == self.blog_mode:
            return
        self.blog_mode = on
        self.message.emit(
            self.tr(
                "Blog mode: the next run also runs the blog's code as written (its gradient "
                "divided by the number of features, no standardisation), beside the correct "
                "one from the same weights. Press Train."
            )
            if on
            else self.tr("Blog mode is off: the next run is the correct one alone.")
        )

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

    @Slot()
    def _on_run_state(self):
        state, run = self.session.state, self.session.run
        if state is RunState.RUNNING:
            self.message.emit(self.tr("Training…"))
        elif state is RunState.PAUSED:
            self.message.emit(
                self.tr(
                    "Paused: Step runs one epoch; the learning rate may be changed (press Enter)."
                )
            )
        elif state is RunState.FINISHED and run is not None:
            text = self.tr("Training {message}").format(message=run.message)
            self.message.emit(text)
            if run.stop_reason == "diverged":
                self.problem.emit(self.tr("Training diverged"), text)

    # Files --------------------------------------------------------------------------------
    def form_settings(self) -> dict:
        """What the model form shows (to put back when a session is opened)."""
        request = self.session.request
        return dict(request.model or {}, dtype=request.dtype, resets=self.resets)

    def save_session(self, path, *, keep_data=False, quiet=False):
        """Save the session to ``path`` (the data themselves too with ``keep_data``): what
        it holds is taken now (DataError at once if it cannot be), and written in the
        background while training goes on. Returns the save's Job; a failure is said in a
        dialog (only in the status bar with ``quiet``), success in the status bar."""
        snapshot = self.files.session_snapshot(
            model_settings=self.form_settings(), keep_data=keep_data
        )
        turn = self._writes.ticket()

        def work(cancel):
            with self._writes.turn(turn):
                self.files.write_snapshot(path, snapshot)

        def done(error=None):
            self.saving.remove(job)
            if error is None:
                self.message.emit(self.tr("Session saved to {path}.").format(path=path))
                self.sessionSaved.emit(str(path))
            else:
                self._report(self.tr("The session cannot be saved"), in_words(error), quiet)

        self.message.emit(self.tr("Saving the session to {path}…").format(path=path))
        job = self.jobs.submit(f"save-{turn}", work, on_result=lambda _: done(), on_error=done)
        self.saving.append(job)
        return job

    def save_model(self, path) -> None:
        """Save the model of the weights shown to ``path``."""
        self.files.save_model(path)
        epoch = self.session.shown()[0]
        self.message.emit(
            self.tr("Model (the weights after epoch {epoch:,}) saved to {path}.").format(
                epoch=epoch, path=path
            )
        )

    def open_session(
        self, path, *, said=None, failure_title="", on_failure=None, quiet=False, quiet_data=None
    ):
        """Open the session file ``path``: read and checked in the background (its data
        file's digest too), then its data made (or taken from the file), then its runs
        shown (and ``said``, or that the session is open, in the status bar). Nothing
        changes before all of it is read and checked. Returns the reading Job; a failure
        is said in a dialog (in the status bar only with ``quiet``; a failure of its data
        with ``quiet_data``, which is ``quiet`` unless given), then ``on_failure(reason)``."""
        title = failure_title or self.tr("The session cannot be opened")

        def read(cancel):
            return self.files.read_session(path, cancel=cancel)

        def opened(session_file):
            name = os.path.basename(str(path))
            return self._session_request(
                session_file,
                said or self.tr("Session {name} opened.").format(name=name),
                title,
                on_failure,
                quiet if quiet_data is None else quiet_data,
            )

        return self._open(path, read, opened, title, on_failure, quiet)

    def _session_request(self, session_file, said, title, on_failure, quiet) -> DataRequest:
        """The data of an opened session, then its runs, selection and settings shown."""
        settings = session_file.saved.model_settings

        def restore():
            self.files.restore_session(session_file)
            self.resets = settings.get("resets", 0)
            self._show_settings(session_file.data_settings, settings or self._run_settings())
            self.message.emit(said)

        return DataRequest(
            session_file.data_settings,
            split=session_file.split,
            check=lambda split: self.files.check_session(session_file, split),
            then=restore,
            failure_title=title,
            on_failure=on_failure,
            quiet=quiet,
        )

    def reopen(self, session_file, said) -> None:
        """The work of a window built again (a language switch), from memory: its data as
        they were, then its runs, selection and settings; ``said`` once they are back."""
        request = self._session_request(
            session_file, said, self.tr("The work cannot be restored"), None, True
        )
        try:
            self._load(request)
        except DataError as error:
            self._report(self.tr("The work cannot be restored"), in_words(error), True)
            self._make_described()
        self._update_loading()
        self.update_can_train()

    def open_model(self, path, *, quiet=False, quiet_data=None):
        """Open the model file ``path``: read and checked in the background, its data made
        again (if other than those loaded), then its weights become the current run.
        Returns the reading Job; a failure is said as :meth:`open_session` says it."""
        title = self.tr("The model cannot be opened")

        def opened(model_file):
            def show():
                self.files.show_model(model_file)
                self._show_settings(model_file.data_settings, model_file.model.training)
                self.message.emit(self.session.run.message.capitalize())

            return DataRequest(
                model_file.data_settings,
                check=lambda split: self.files.check_model(model_file, split),
                then=show,
                failure_title=title,
                quiet=quiet if quiet_data is None else quiet_data,
            )

        return self._open(path, lambda cancel: self.files.read_model(path), opened, title, None,
                          quiet)  # fmt: skip

    def _open(self, path, read, opened, title, on_failure, quiet):
        """Read a file with ``read(cancel)`` in the background, then load the DataRequest
        ``opened(result)`` makes of it; a failure of either is said under ``title``."""

        name = os.path.basename(str(path))

        def failed(error):
            self._report(title, in_words(error), quiet)
            if on_failure is not None:
                on_failure(in_words(error))

        def done(result):
            try:
                self._load(opened(result))
            except DataError as error:
                failed(error)

        def stop():
            self.jobs.cancel("open")
            self.message.emit(
                self.tr("Opening {name} was cancelled; everything stays as it was.").format(
                    name=name
                )
            )
            if on_failure is not None:
                on_failure(self.tr("opening it was cancelled."))

        def ended(then):
            def end(value):
                if self._stop_opening is stop:
                    self._stop_opening = None
                then(value)

            return end

        self.message.emit(self.tr("Opening {name}…").format(name=name))
        self._stop_opening = stop
        job = self.jobs.submit("open", read, on_result=ended(done), on_error=ended(failed))
        self._update_loading()
        return job

    def _load(self, request: DataRequest) -> DataRequest | None:
        """The data of ``request``, then its ``then()``. What can be checked now raises
        DataError before anything changes."""
        same = (
            request.split is None
            and request.settings == self.session.data_settings
            and not self.data.busy
        )
        if same or request.split is not None:
            request.check(self.session.data if same else request.split)
        self.training.discard()
        if same:
            request.then()
            return None
        if request.split is not None:
            request = replace(request, check=None)  # checked above
        self.message.emit(self.tr("Preparing the data…"))
        self.data.load(request)
        return request

    def _run_settings(self):
        return {} if self.session.run is None else dict(self.session.run.settings)

    def _show_settings(self, data_settings, model_settings):
        self.session.load_settings(data_settings, model_settings)

    def export_predictions(self, path) -> None:
        """The test samples' predictions by the weights shown, as CSV."""
        rows = self.files.export_predictions(path)
        self.message.emit(
            self.tr("{rows:,} predictions written to {path}.").format(rows=rows, path=path)
        )
