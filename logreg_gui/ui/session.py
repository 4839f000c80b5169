"""The session model: the data, the runs and what is selected — the one place the window's
state lives. Controllers change it; views listen to its signals and never call each other.

It is a QObject because its signals are how views listen (queued safely across threads and
waited on in tests), but what it holds are core objects without Qt — ``SplitData``,
``RunHistory``, ``Optimum``, ``Evaluation`` — so a session can be saved, reopened and
computed on from a notebook (``logreg_gui.core.files``).

Data flow: form → settings → controller → core → batches → ``Session`` → views. A click in a
view (a test sample, an epoch on the scrubber) goes to the session, and every view hears it
from there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from enum import Enum

import numpy as np
from PySide6.QtCore import QObject, Signal

from ..core.i18n import Joined, Phrase
from ..core.training.history import RunHistory

__all__ = ["MAX_COMPARED", "PaintRequest", "Request", "RunState", "Session"]

#: Earlier runs kept on the loss plot for comparison.
MAX_COMPARED = 5


class RunState(Enum):
    """What the current run is doing."""

    NONE = "none"  # no run (no weights)
    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"

    @property
    def going(self) -> bool:
        """True while the run trains or is paused (it can go on)."""
        return self in (RunState.RUNNING, RunState.PAUSED)


@dataclass(frozen=True)
class Request:
    """What the forms describe now — the next data and run — as opposed to what the data
    and the current run were made with (``Session.data_settings``, ``run.settings``).

    data : DataSettings, or None while a data field has a problem
    model : the estimator's keyword arguments, or None while a model field has a problem
    seed : int or None, the data form's seed (also the seed of the initial weights)
    dtype : "float64" or "float32"
    problems : field name -> plain-words problem, of both forms
    """

    data: object = None
    model: dict | None = None
    seed: int | None = 0
    dtype: str = "float64"
    problems: dict = field(default_factory=dict)


@dataclass(frozen=True)
class PaintRequest:
    """An edit of painted points asked for in a view (a click, a drag, a button).

    kind : ``"mode"`` (painting ``on`` or off), ``"add"`` (a training point of class
        ``label`` at ``position``), ``"move"`` (training point ``index`` to ``position``),
        ``"remove"`` (training point ``index``), ``"undo"``, ``"redo"``, or ``"clear"`` (a new,
        empty canvas)
    index : the training point's index (its row in the training part)
    position : ``(x1, x2)`` in the columns' own units
    label : the class of a point added
    on : painting on (True) or off, for ``"mode"``
    """

    kind: str
    index: int | None = None
    position: tuple | None = None
    label: object = None
    on: bool = True


def _number_of(run):
    """ "run 3" of the run labelled "run 3: lr 0.1" (kept as data when it was made here)."""
    kept = run.kept_texts()["label"]
    if isinstance(kept, Phrase) and "number" in kept.values:
        if kept.text.startswith("race"):
            number = Phrase.translate("Session", "race {number}")
        else:
            number = Phrase.translate("Session", "run {number}")
        return number.format(number=kept.values["number"])
    # A label read from an earlier file: a translation may use a full-width colon.
    return re.split("[:：]", run.label, maxsplit=1)[0]


class Session(QObject):
    """Data, runs, history and selection of one session.

    Signals
    -------
    dataChanged : new data (every view starts afresh; runs of other data are dropped)
    runStarted : a new current run (the previous one joins the compared runs)
    runProgressed(RecordBatch) : records appended to the current run
    runStateChanged : the current run's state, settings, message or warning changed
    runsChanged : the compared runs changed, or which of them are shown
    racersProgressed : records arrived for the compared runs racing the current one
    shownChanged : the weights shown changed (new records, a scrub, a reset)
    selectionChanged(int) : the test sample shown
    optimumChanged : the optimum of the training objective (or why there is none), and the
        learning rates gradient descent can use with it (``rate_limits``)
    evaluationChanged : the metrics of the weights shown
    requestChanged(str) : the forms changed what they describe: ``"data"`` or ``"model"``
        (a committed change), or ``"validity"`` (typing, which only changes the problems)
    settingsLoaded(object, dict) : settings for the forms to show (a session or a model
        opened): DataSettings and the model's (estimator parameters and ``dtype``)
    fileChosen(str, dict) : a data file for the data form, with its choice of columns
        (target, threshold, missing, include, exclude)
    rateChanged(object) : epochs per second of the run going on (None while it does not run)
    whyNotTrainChanged(str) : why Train cannot start now ("" when it can)
    noticeChanged(str) : why what is drawn differs from what the forms say ("" if it does not)
    thresholdChanged(float) : the decision threshold on P(1) of two classes moved (every
        prediction, metric and boundary shown follows it; the estimator's own ``predict``
        stays at 0.5)
    complexityChanged : a complexity curve arrived or was dropped, or its computation
        started, progressed or stopped (``complexity``, ``complexity_running``,
        ``complexity_progress``, ``complexity_note``)
    validationChanged : cross-validation or the learning curve arrived, started, progressed
        or stopped (``validation``, ``validation_running``, ``validation_progress``,
        ``validation_note``)
    paintRequested(PaintRequest) : a view asks to paint (the coordinator carries it out)
    paintChanged : painting turned on or off, or what can be undone or redone changed
    """

    dataChanged = Signal()
    runStarted = Signal()
    runProgressed = Signal(object)
    runStateChanged = Signal()
    runsChanged = Signal()
    racersProgressed = Signal()
    shownChanged = Signal()
    selectionChanged = Signal(int)
    optimumChanged = Signal()
    evaluationChanged = Signal()
    requestChanged = Signal(str)
    settingsLoaded = Signal(object, dict)
    fileChosen = Signal(str, dict)
    rateChanged = Signal(object)
    whyNotTrainChanged = Signal(str)
    noticeChanged = Signal(str)
    thresholdChanged = Signal(float)
    complexityChanged = Signal()
    validationChanged = Signal()
    paintRequested = Signal(object)
    paintChanged = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.data = None  # SplitData
        self.data_settings = None  # the DataSettings that made them
        self.classes = np.array([])
        self.y_train = self.y_test = np.array([], dtype=int)  # class indices
        self.run: RunHistory | None = None
        self.state = RunState.NONE
        self.runs: list[RunHistory] = []
        self.racers: list[RunHistory] = []  # compared runs racing the current one
        self.selected = 0
        self.shown_epoch: int | None = None  # None: the latest epoch
        self.optimum = None
        self.optimum_penalty = None
        self.optimum_class_weight = None  # the class weights of the optimum's objective
        self.rate_limits = None  # RateLimits of plain gradient descent on the data, or None
        self.separation = None  # separable data: [(α, ‖w*‖)] of small L2 penalties
        self.evaluation = None  # (train Evaluation, test Evaluation or None, epoch)
        self._run_count = 0
        self.request = Request()
        self.rate = None  # epochs per second of the run going on
        self.why_not_train = ""
        self._notices: dict[str, str] = {}
        self.threshold = 0.5  # two classes: class 1 when P(1) > threshold
        self.complexity: dict = {}  # axis ("degree" or "l2") -> its latest ComplexityCurve
        self.complexity_running = None  # the axis whose curve is being computed, or None
        self.complexity_progress = (0, 0)  # (optima done, optima in all) while it runs
        self.complexity_note = ""  # why the last computation gave no curve, in words
        # Cross-validation ("cv") and the learning curve ("learning") of the training part.
        self.validation: dict = {}  # kind -> its latest result
        self.validation_running = None  # the kind being computed, or None
        self.validation_progress = (0, 0)  # (folds done, folds in all) while it runs
        self.validation_note = ""  # why the last computation gave nothing, in words
        self.painting = False  # points are painted in the boundary view
        self.can_undo = self.can_redo = False  # a paint edit to undo, to redo

    # What the forms describe --------------------------------------------------------------
    def set_request(self, kind, **changes) -> None:
        """The forms write what they describe: ``changes`` of :class:`Request`'s fields;
        ``kind`` says what changed (see ``requestChanged``)."""
        self.request = replace(self.request, **changes)
        self.requestChanged.emit(kind)

    def load_settings(self, data_settings, model_settings) -> None:
        """Settings for the forms to show (``settingsLoaded``); they write them back into
        :attr:`request` as if typed."""
        self.settingsLoaded.emit(data_settings, dict(model_settings))

    def choose_file(self, path, choice) -> None:
        """A data file (and its ``choice`` of columns) for the data form (``fileChosen``)."""
        self.fileChosen.emit(str(path), dict(choice))

    def set_why_not_train(self, reason) -> None:
        """Why Train cannot start now, in words ("" when it can)."""
        if reason != self.why_not_train:
            self.why_not_train = reason
            self.whyNotTrainChanged.emit(reason)

    def set_notice(self, kind, text) -> None:
        """Say (or, with "", stop saying) why what is drawn differs from what the forms
        describe; one text per ``kind`` (``"data"``, ``"model"``, ``"solver"``)."""
        if self._notices.get(kind, "") != text:
            self._notices[kind] = text
            self.noticeChanged.emit(self.notice())

    def notice(self) -> str:
        """Every notice, one per line ("" when there is none)."""
        return "\n".join(text for text in self._notices.values() if text)

    # Data ---------------------------------------------------------------------------------
    def set_data(self, split, settings=None, *, same_numbers=False) -> None:
        """Use new data; forgets every run (they were trained on other data).

        ``same_numbers``: the data are the ones already in, made from other settings, with
        exactly the same numbers (data turned into painted points): the runs stay, as
        they trained on exactly these numbers, and so does what is selected."""
        if same_numbers and self.data is not None:
            self.data, self.data_settings = split, settings
            self.dataChanged.emit()
            self.shownChanged.emit()
            return
        self.data, self.data_settings = split, settings
        self.classes = split.classes
        self.y_train = np.searchsorted(self.classes, split.y_train)
        self.y_test = np.searchsorted(self.classes, split.y_test)
        self.run, self.runs, self.state = None, [], RunState.NONE
        self.racers = []
        self.selected = 0
        self.shown_epoch = None
        self.optimum = self.optimum_penalty = self.rate_limits = None
        self.optimum_class_weight = None
        self.evaluation = None
        self.dataChanged.emit()
        self.runsChanged.emit()
        self.runStateChanged.emit()
        self.selectionChanged.emit(0)
        self.shownChanged.emit()

    @property
    def n_classes(self) -> int:
        return len(self.classes)

    # Runs ---------------------------------------------------------------------------------
    def start_run(self, settings, *, from_epoch=None) -> RunHistory:
        """A new current run with the estimator ``settings`` it uses; the previous run, if it
        has records, is kept for comparison. ``from_epoch``: the new run continues the
        previous one from the weights of that epoch (its history up to there is copied;
        the previous run stays whole among the compared runs)."""
        previous = self.run
        if previous is not None and previous.latest is not None:
            self.runs.append(previous)
            del self.runs[:-MAX_COMPARED]
        self.racers = []
        self._run_count += 1
        label = self._label(settings, previous)
        if from_epoch is not None and previous is not None:
            label = Phrase.translate("Session", "{label} (from epoch {epoch:,} of {run})").format(
                label=label, epoch=from_epoch, run=_number_of(previous)
            )
            self.run = previous.branch(from_epoch, settings, label=label)
        else:
            self.run = RunHistory(settings, label=label)
        self.state = RunState.RUNNING
        self.shown_epoch = None
        self.evaluation = None
        self.runsChanged.emit()
        self.runStarted.emit()
        self.runStateChanged.emit()
        self.evaluationChanged.emit()
        return self.run

    def _label(self, settings, previous):
        """The run's name: its number and what differs from the previous run, kept as
        data (a Phrase), so that it is said in the language of the moment it is shown."""
        names = {  # the blog's lr and the maths' L2 stay as they are
            "learning_rate": "lr",
            "batch_size": Phrase.translate("Session", "batch"),
            "penalty": Phrase.translate("Session", "penalty"),
            "alpha": "α",
            "l1_ratio": "l1_ratio",
            "class_weight": Phrase.translate("Session", "class weights"),
            "solver": "",
            "init": Phrase.translate("Session", "init"),
            "momentum": Phrase.translate("Session", "momentum"),
            "epochs": Phrase.translate("Session", "epochs"),
        }
        if previous is None:
            changed = ["learning_rate", "solver"]
        else:
            changed = [k for k in names if settings.get(k) != previous.settings.get(k)]
            changed = changed or ["learning_rate"]
        parts = []
        for key in changed:
            value = settings.get(key)
            if key == "batch_size" and value is None:
                value = Phrase.translate("Session", "full")
            elif key in ("penalty", "class_weight") and value is None:
                value = Phrase.translate("Session", "none")
            elif key == "class_weight" and value == "balanced":
                value = Phrase.translate("Session", "balanced")
            elif key == "class_weight" and isinstance(value, dict):
                from ..core.model.class_weight import weights_text

                value = weights_text(value)
            text = f"{value:g}" if isinstance(value, float) else value
            parts.append(Joined(" ", names[key], text) if names[key] else text)
        return Phrase.translate("Session", "run {number}: {settings}").format(
            number=self._run_count, settings=Joined(", ", *parts)
        )

    def start_race(self, settings_list, names) -> list[RunHistory]:
        """Runs racing each other from the same initial weights: the first becomes the
        current run, the others compared runs that grow with it (``racersProgressed``)."""
        if self.run is not None and self.run.latest is not None:
            self.runs.append(self.run)
        self._run_count += 1
        histories = [
            RunHistory(
                settings,
                label=Phrase.translate("Session", "race {number}: {solver}").format(
                    number=self._run_count, solver=name
                ),
            )
            for settings, name in zip(settings_list, names)
        ]
        for racer in histories[1:]:
            racer.racer = True
        self.runs.extend(histories[1:])
        del self.runs[: -max(MAX_COMPARED, len(histories) - 1)]
        self.racers = histories[1:]
        self.run = histories[0]
        self.state = RunState.RUNNING
        self.shown_epoch = None
        self.evaluation = None
        self.runsChanged.emit()
        self.runStarted.emit()
        self.runStateChanged.emit()
        self.evaluationChanged.emit()
        return histories

    def append(self, batch) -> None:
        """Records of the current run arrived (a RaceBatch: of every runner of a race)."""
        if self.run is None or batch is None or not len(batch):
            return
        if hasattr(batch, "batches"):  # a race: the first runner is the current run
            for racer, part in zip(self.racers, batch.batches[1:]):
                if part is not None and len(part):
                    racer.append(part)
            self.racersProgressed.emit()
            batch = batch.batches[0]
            if batch is None or not len(batch):
                return
        self.run.append(batch)
        self.runProgressed.emit(batch)
        if self.shown_epoch is None:
            self.shownChanged.emit()

    def set_state(self, state, *, epoch=None) -> None:
        """The current run runs, pauses or has ended; a pause and a resumption are noted
        in the run's events, for its log, at ``epoch`` (default: its last epoch)."""
        if state != self.state:
            self.state = state
            if self.run is not None and state in (RunState.PAUSED, RunState.RUNNING):
                kind = "paused" if state is RunState.PAUSED else "resumed"
                at = self.run.epoch if epoch is None else epoch
                self.run.note_event(at or 0, kind)
            self.runStateChanged.emit()

    def update_run_settings(self, **changes) -> None:
        """The current run's settings changed while it goes on (more epochs asked for)."""
        run = self.run
        if run is None or all(run.settings.get(k) == v for k, v in changes.items()):
            return
        run.settings.update(changes)
        self.runStateChanged.emit()

    def set_rate(self, rate) -> None:
        """Epochs per second of the run going on (None: it does not run now)."""
        if rate != self.rate:
            self.rate = rate
            self.rateChanged.emit(rate)

    def finish_run(self, reason, message) -> None:
        """The current run ended, for ``reason`` (a StopReason value), said in ``message``."""
        if self.run is not None:
            self.run.finish(reason, message)
        self.state = RunState.FINISHED
        self.runStateChanged.emit()

    def clear_run(self) -> None:
        """No weights any more (Reset); compared runs stay."""
        if self.run is not None and self.run.latest is not None:
            self.runs.append(self.run)
            del self.runs[:-MAX_COMPARED]
            self.runsChanged.emit()
        self.run, self.state, self.shown_epoch, self.evaluation = None, RunState.NONE, None, None
        self.racers = []
        self.runStateChanged.emit()
        self.shownChanged.emit()
        self.evaluationChanged.emit()

    def restore(self, runs, current, selected=0, shown_epoch=None) -> None:
        """Runs read from a session file: ``runs[current]`` becomes the current run (ended),
        the others are compared with it."""
        current = len(runs) - 1 if current is None else current
        self.run = runs[current] if runs else None
        self.runs = [r for i, r in enumerate(runs) if i != current][-MAX_COMPARED:]
        self.racers = []
        self.state = RunState.FINISHED if self.run is not None else RunState.NONE
        self.evaluation = None
        self.shown_epoch = None
        self.runsChanged.emit()
        self.runStarted.emit()
        self.runStateChanged.emit()
        self.selected = -1
        self.select_sample(selected)
        self.show_epoch(shown_epoch)
        self.shownChanged.emit()

    def clear_compared(self) -> None:
        """Forget the earlier runs."""
        self.runs = []
        self.runsChanged.emit()

    def set_run_visible(self, run, visible) -> None:
        """Show or hide a compared run on the plots (kept on the run itself)."""
        if run.visible != bool(visible):
            run.visible = bool(visible)
            self.runsChanged.emit()

    def visible_runs(self) -> list:
        """``(index, run)`` of the compared runs shown (index: their colour)."""
        return [(i, r) for i, r in enumerate(self.runs) if r.visible]

    # Painting ----------------------------------------------------------------------------------
    def request_paint(self, kind, **values) -> None:
        """A view asks to paint: a :class:`PaintRequest` of ``kind`` and ``values``
        (``paintRequested``)."""
        self.paintRequested.emit(PaintRequest(kind, **values))

    def set_painting(self, painting, can_undo=False, can_redo=False) -> None:
        """Painting is on or off, and whether an edit can be undone or redone."""
        state = (bool(painting), bool(can_undo), bool(can_redo))
        if state != (self.painting, self.can_undo, self.can_redo):
            self.painting, self.can_undo, self.can_redo = state
            self.paintChanged.emit()

    # What is shown ---------------------------------------------------------------------------
    def select_sample(self, index) -> None:
        """Show test sample ``index`` in every view."""
        if self.data is None or not len(self.y_test):
            return
        index = int(np.clip(index, 0, len(self.y_test) - 1))
        if index != self.selected:
            self.selected = index
            self.selectionChanged.emit(index)

    def show_epoch(self, epoch) -> None:
        """Show the state of ``epoch`` of the current run (None: the latest). Past the
        epochs whose weights were all kept, the nearest kept epoch before it is shown."""
        run = self.run
        if epoch is not None and run is not None and run.latest is not None:
            epoch = int(epoch)
            if epoch >= run.epoch:
                epoch = None
            elif run.parameters_at(epoch) is None:
                kept = None if run.weights is None else run.weights.kept_at_or_before(epoch)
                epoch = kept
        elif epoch is not None:
            epoch = None
        if epoch != self.shown_epoch:
            self.shown_epoch = epoch
            self.shownChanged.emit()

    def shown(self):
        """``(epoch, coef, intercept)`` of the weights shown, or None without a run."""
        if self.run is None or self.run.latest is None:
            return None
        epoch = self.run.epoch if self.shown_epoch is None else self.shown_epoch
        coef, intercept = self.run.parameters_at(epoch)
        return epoch, coef, intercept

    def set_threshold(self, threshold) -> None:
        """Decide class 1 when P(1) > ``threshold`` (two classes; in [0, 1])."""
        threshold = min(max(float(threshold), 0.0), 1.0)
        if threshold != self.threshold:
            self.threshold = threshold
            self.thresholdChanged.emit(threshold)

    def predicted(self, scores):
        """The class index predicted for each row of ``scores`` (n, k) at the threshold."""
        from ..core.analysis.threshold import predicted_at

        return predicted_at(scores, self.threshold)

    # Analysis --------------------------------------------------------------------------------
    def set_optimum(
        self, optimum, penalty, rate_limits=None, class_weight=None, separation=None
    ) -> None:
        """The optimum of the training objective with ``penalty`` (a Penalty; the optimum
        None: unknown yet) and ``class_weight`` (the estimator's), the learning rates of
        gradient descent with it (RateLimits, or None) and, for separable data without a
        penalty, ``[(α, ‖w*‖), …]`` of the optimum with small L2 penalties (None otherwise)."""
        self.optimum, self.optimum_penalty, self.rate_limits = optimum, penalty, rate_limits
        self.optimum_class_weight = class_weight
        self.separation = separation
        self.optimumChanged.emit()

    def optimum_is_of(self, settings) -> bool:
        """Whether the optimum known is that of the objective of run settings ``settings``
        (the same penalty strengths and the same class weights)."""
        from ..core.model.class_weight import class_weight_key
        from ..core.model.penalty import penalty_of

        found = self.optimum_penalty
        return (
            found is not None
            and found.strengths == penalty_of(settings).strengths
            and class_weight_key(self.optimum_class_weight)
            == class_weight_key(settings.get("class_weight"))
        )

    def class_weights_of(self, settings):
        """The weight of each class of the data (by class index) that run settings
        ``settings`` give, or None: unweighted, or weights that name no class of these data
        (such a run cannot start)."""
        from ..core.model.class_weight import class_weights_of

        try:
            return class_weights_of(settings.get("class_weight"), self.classes, self.y_train)
        except ValueError:
            return None

    def penalty_in_use(self):
        """The Penalty of the current run; before any run, the one the form shows."""
        from ..core.model.penalty import penalty_of

        if self.run is not None:
            return penalty_of(self.run.settings)
        return penalty_of(self.request.model or {})

    def class_weight_in_use(self):
        """The class weight (the estimator's parameter) of the current run; before any run,
        the one the form shows."""
        settings = self.run.settings if self.run is not None else self.request.model or {}
        return settings.get("class_weight")

    def l2_in_use(self) -> float:
        """The strength of the L2 part of the penalty in use (the complexity curve's axis):
        that of the current run; before any run, the one the form shows."""
        return self.penalty_in_use().l2

    def start_complexity(self, axis) -> None:
        """The complexity curve against ``axis`` is being computed."""
        self.complexity_running, self.complexity_progress = axis, (0, 0)
        self.complexity_note = ""
        self.complexityChanged.emit()

    def set_complexity_progress(self, done, total) -> None:
        """``done`` of the ``total`` optima of the curve being computed are found."""
        self.complexity_progress = (int(done), int(total))
        self.complexityChanged.emit()

    def set_complexity(self, curve) -> None:
        """A complexity curve (a :class:`~logreg_gui.core.analysis.complexity.ComplexityCurve`)
        was computed: it becomes the curve of its axis."""
        self.complexity[curve.axis] = curve
        self.complexity_running, self.complexity_note = None, ""
        self.complexityChanged.emit()

    def stop_complexity(self, note) -> None:
        """The computation ended without a curve (cancelled, or failed), said in ``note``."""
        self.complexity_running, self.complexity_note = None, note
        self.complexityChanged.emit()

    def start_validation(self, kind) -> None:
        """Cross-validation (``"cv"``) or the learning curve (``"learning"``) is being
        computed."""
        self.validation_running, self.validation_progress = kind, (0, 0)
        self.validation_note = ""
        self.validationChanged.emit()

    def set_validation_progress(self, done, total) -> None:
        self.validation_progress = (int(done), int(total))
        self.validationChanged.emit()

    def set_validation(self, kind, result) -> None:
        """The result of ``kind`` (a CrossValidation or a LearningCurve), for the data."""
        self.validation[kind] = result
        self.validation_running, self.validation_note = None, ""
        self.validationChanged.emit()

    def stop_validation(self, note) -> None:
        """The computation ended without a result; ``note`` says why."""
        self.validation_running, self.validation_note = None, note
        self.validationChanged.emit()

    def drop_complexity(self, axis, note="") -> None:
        """Forget the curve of ``axis`` (it is of other data), saying why in ``note``."""
        if self.complexity.pop(axis, None) is not None or note:
            self.complexity_note = note or self.complexity_note
            self.complexityChanged.emit()

    def set_evaluation(self, train, test, epoch) -> None:
        """Metrics of the weights of ``epoch`` on the training and test parts."""
        self.evaluation = (train, test, epoch)
        self.evaluationChanged.emit()
