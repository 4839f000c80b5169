"""Painting points in the boundary view: the edits the views ask for (the session's
``paintRequested``) carried out on painted data, what can be undone and redone, and the
run going on from its weights on the changed data.

Why the run goes on rather than starting again: a person painting wants to see what one
more point does to the boundary the model has now, as in Distill's draggable points; new
random weights would hide that behind a fresh start. The data's standardisation is fitted
again on the new training part, so the weights are carried through the data's own units
(:func:`~logreg_gui.core.analysis.readable.carry_weights`): the decision function on raw
inputs is exactly the same just after the edit, and training goes on from there — a new run
(its loss is of other data, so its curve starts again), running if the run was running,
else paused at those weights. When the weights cannot be carried (a class left without a
training point, other classes), the run stops and the status line says why.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject, Slot

from ...core.analysis.boundary import input_plane
from ...core.analysis.readable import carry_weights
from ...core.data.painted import (
    PAINTED,
    TEST,
    add_point,
    empty_canvas,
    move_point,
    paint_from_split,
    removal_problem,
    remove_point,
)
from ...core.data.settings import painted_settings, prepare_data
from ...core.errors import DataError, in_words
from ...core.files.tables import write_csv
from ..session import RunState
from .data import DataRequest

__all__ = ["MAX_UNDO", "PaintController"]

#: Edits kept to undo.
MAX_UNDO = 200
#: How long an edit waits for the run it ends to let go of the GIL.
WAIT_FOR_RUN_MS = 200


def _same_numbers(a, b) -> bool:
    """True when the split data ``a`` and ``b`` are the same numbers and classes."""
    return (
        tuple(a.feature_names) == tuple(b.feature_names)
        and all(
            np.array_equal(getattr(a, key), getattr(b, key))
            for key in ("X_train", "X_test", "y_train", "y_test")
        )
        and np.array_equal(a.classes, b.classes)
    )


class PaintController(QObject):
    """Carries out paint requests on the coordinator's session, data and training.

    Each edit makes the painted data in the GUI thread — at most MAX_PAINTED points, a few
    milliseconds — and puts them into the session at once, so that every edit is in before
    the next click is read and the training points' indices a view sends always refer to
    the data it shows. What happened is said on the coordinator's ``message``.
    """

    def __init__(self, coordinator):
        super().__init__(coordinator)
        self._coordinator = coordinator
        self._session = coordinator.session
        self._undo: list = []  # PaintSettings before each edit
        self._redo: list = []
        self._applied = None  # the PaintSettings this controller put in last
        self._session.paintRequested.connect(self._on_request)
        self._session.dataChanged.connect(self._on_data)

    # What there is -----------------------------------------------------------------------
    def painted(self) -> bool:
        """True when the session's data are painted points."""
        settings = self._session.data_settings
        return self._session.data is not None and getattr(settings, "source", None) == PAINTED

    def points(self):
        """The painted points of the session (PaintSettings), or None for other data."""
        return self._session.data_settings.paint if self.painted() else None

    def why_not_paint(self) -> str:
        """Why points cannot be painted on the session's data ("" when they can)."""
        data = self._session.data
        if data is None or self._coordinator.data.busy:
            return self.tr("the data are being prepared.")
        if input_plane(data.preprocessing) is None:
            return self.tr(
                "points are painted on data of exactly two numeric columns (a two-dimensional "
                "set, or a file of two numeric columns)."
            )
        return ""

    # Requests ----------------------------------------------------------------------------
    @Slot(object)
    def _on_request(self, request):
        kind = request.kind
        if kind == "mode":
            self.set_painting(request.on)
        elif kind == "add":
            self.add(*request.position, request.label)
        elif kind == "move":
            self.move(request.index, *request.position)
        elif kind == "remove":
            self.remove(request.index)
        elif kind == "undo":
            self.undo()
        elif kind == "redo":
            self.redo()
        elif kind == "clear":
            self.new_canvas()

    def set_painting(self, on) -> bool:
        """Turn painting on (the data become painted points, point for point: the same
        numbers, the runs kept) or off. Returns whether painting is as asked."""
        session = self._session
        if not on:
            self._publish(False)
            return True
        reason = self.why_not_paint()
        if not reason and not self.painted():
            reason = self._convert()
        if reason:
            self._publish(False)
            self._say(self.tr("Points cannot be painted: {reason}").format(reason=reason))
            return False
        self._publish(True)
        counts = session.data_settings.paint.counts(TEST)
        tested = sum(counts.values())
        text = self.tr(
            "Painting training points: click the plot to add one of the class chosen, drag one "
            "to move it, right-click one to delete it."
        )
        if tested:
            text += " " + self.tr(
                "The {count:,} test points (hollow) stay as they are: they judge the model."
            ).format(count=tested)
        self._say(text)
        return True

    def _convert(self) -> str:
        """Turn the session's data into painted points; why not in words ("" if done)."""
        session = self._session
        try:
            paint = paint_from_split(session.data)
            settings = painted_settings(session.data_settings, paint)
            split = prepare_data(settings)
        except DataError as error:
            return in_words(error)
        if _same_numbers(session.data, split):
            self._put(settings, split, same_numbers=True)
        else:  # data kept by an older session file: the same points, up to rounding
            self._apply(paint, "", record=False)
        return ""

    def add(self, x1, x2, label) -> bool:
        """Add a training point of class ``label`` at ``(x1, x2)`` (the columns' own
        units). Returns whether it was added."""
        paint = self._ensure_painted()
        if paint is None:
            return False
        try:
            changed = add_point(paint, x1, x2, label)
        except DataError as error:
            return self._refuse(error)
        said = self.tr("A training point of class {label} was added at ({x1:.3g}, {x2:.3g}).")
        return self._apply(changed, said.format(label=label, x1=float(x1), x2=float(x2)))

    def move(self, index, x1, x2) -> bool:
        """Move training point ``index`` to ``(x1, x2)``. Returns whether it moved."""
        paint = self._ensure_painted()
        if paint is None:
            return False
        try:
            changed = move_point(paint, index, x1, x2)
        except DataError as error:
            return self._refuse(error)
        said = self.tr("Training point {index} was moved to ({x1:.3g}, {x2:.3g}).")
        return self._apply(changed, said.format(index=index, x1=float(x1), x2=float(x2)))

    def remove(self, index) -> bool:
        """Delete training point ``index``. Returns whether it was deleted."""
        paint = self._ensure_painted()
        if paint is None:
            return False
        try:
            problem = removal_problem(paint, index)
            if problem:
                self._say(self.tr("This point cannot be deleted: {reason}").format(reason=problem))
                return False
            changed = remove_point(paint, index)
        except DataError as error:
            return self._refuse(error)
        said = self.tr("Training point {index} was deleted.").format(index=index)
        return self._apply(changed, said)

    def new_canvas(self) -> bool:
        """Start again from no point at all (the classes and the columns' names kept on
        painted data; x1, x2 and the classes 0 and 1 otherwise). Returns whether it did."""
        paint = self.points()
        if paint is None and self._session.data is not None:
            try:
                paint = paint_from_split(self._session.data)
            except DataError:
                paint = None
        return self._apply(
            empty_canvas(paint),
            self.tr("A new, empty canvas: paint training points of each class, then press Train."),
            painting=True,
        )

    def undo(self) -> bool:
        """Undo the last edit (the points as they were before it)."""
        if not self._undo or not self.painted():
            return False
        before = self._undo.pop()
        self._redo.append(self.points())
        return self._apply(before, self.tr("Undone: the points are as they were."), record=False)

    def redo(self) -> bool:
        """Redo the edit undone last."""
        if not self._redo or not self.painted():
            return False
        after = self._redo.pop()
        self._undo.append(self.points())
        return self._apply(after, self.tr("Redone."), record=False)

    def export(self, path) -> int:
        """Write the points (painted, or the two-column data's own) as CSV: the two columns,
        the class and the part, one row a point; returns the number of rows. DataError with
        the sentence a dialog shows."""
        paint = self.points()
        if paint is None:
            if self._session.data is None:
                raise DataError(self.tr("there are no points to export."))
            paint = paint_from_split(self._session.data)
        taken = {*paint.columns, paint.target}
        part = next(n for n in ("part", "painted part", "painted_part_") if n not in taken)
        write_csv(path, [*paint.columns, paint.target, part], paint.points)
        self._say(
            self.tr("{count:,} points written to {path}.").format(
                count=len(paint.points), path=path
            )
        )
        return len(paint.points)

    # Carrying out --------------------------------------------------------------------------
    def _ensure_painted(self):
        """The painted points, painting turned on first if it was off."""
        ready = self._session.painting and self.painted()
        if not ready and not self.set_painting(True):
            return None
        return self.points()

    def _apply(self, paint, said, *, record=True, painting=None, carry=True) -> bool:
        """Put the data of the points ``paint`` in (an edit recorded for undo when
        ``record``), then the run goes on from its weights if it can (and ``carry``)."""
        session = self._session
        settings = painted_settings(session.data_settings, paint)
        try:
            split = prepare_data(settings)
        except DataError as error:
            return self._refuse(error)
        running = session.state is RunState.RUNNING
        carried = self._carried(split, running) if carry else None
        if record and self.painted():
            self._undo.append(self.points())
            del self._undo[:-MAX_UNDO]
            self._redo.clear()
        on = session.painting if painting is None else painting
        self._put(settings, split, then=lambda: self._go_on(carried, said), painting=on)
        return True

    def _put(self, settings, split, then=None, *, same_numbers=False, painting=True):
        coordinator = self._coordinator
        if not same_numbers:
            # The run ends with its data; waiting the end of its last chunk of epochs (20 ms)
            # lets the edit be drawn without the worker holding the GIL meanwhile.
            coordinator.training.discard(wait_ms=WAIT_FOR_RUN_MS)
        self._applied = settings.paint

        def done():
            # The data form shows the painted points (its settings are then the session's):
            # it follows their edits by itself, and is told when it showed other data.
            if self._session.request.data != settings:
                self._session.load_settings(settings, {})
            self._publish(painting)
            if then is not None:
                then()

        coordinator.data.load(
            DataRequest(settings, split=split, then=done, same_numbers=same_numbers)
        )

    def _carried(self, split, running):
        """``(coef, intercept, params, running)`` to go on from on ``split`` (the run
        ``running`` before the edit), a reason in words why the run cannot go on, or None
        without a run."""
        session = self._session
        shown = session.shown()
        if shown is None or session.data is None:
            return None
        _, coef, intercept = shown
        before = [str(c) for c in session.classes]
        after = [str(c) for c in split.classes]
        if before != after:
            return self.tr("its weights are those of the classes {before}, not {after}.").format(
                before=", ".join(before), after=", ".join(after)
            )
        missing = [c for c in split.classes.tolist() if not np.any(split.y_train == c)]
        if len(missing) == len(split.classes):
            return self.tr("no training point is left.")
        if len(missing) == 1:
            return self.tr("class {label} has no training point left.").format(label=missing[0])
        if missing:
            return self.tr("classes {labels} have no training point left.").format(
                labels=", ".join(map(str, missing))
            )
        try:
            coef, intercept = carry_weights(
                coef, intercept, session.data.preprocessing, split.preprocessing
            )
        except ValueError:
            return self.tr("the data's features changed.")
        params = dict(self._coordinator.params() or {})
        params.update({k: v for k, v in session.run.settings.items() if k in params})
        return coef, intercept, params, running

    def _go_on(self, carried, said):
        if carried is None:
            self._say(said)
            return
        if isinstance(carried, str):
            self._say(
                f"{said} "
                + self.tr("The run cannot go on: {reason} Press Train to start a new one.").format(
                    reason=carried
                )
            )
            return
        coef, intercept, params, running = carried
        refused = self._coordinator.carry_on(coef, intercept, params, running=running)
        if refused:
            text = self.tr("The run cannot go on: {reason}").format(reason=refused)
        elif running:
            text = self.tr(
                "The run goes on from its weights on the changed data (a new run: its loss is "
                "of other data)."
            )
        else:
            text = self.tr(
                "The run waits, paused, at its weights on the changed data: press Resume or "
                "Step to train on."
            )
        self._say(f"{said} {text}".strip())

    def _refuse(self, error) -> bool:
        self._say(self.tr("The points cannot be painted: {reason}").format(reason=in_words(error)))
        return False

    def _say(self, text):
        if text:
            self._coordinator.message.emit(text)

    def _publish(self, painting):
        self._session.set_painting(painting and self.painted(), bool(self._undo), bool(self._redo))

    @Slot()
    def _on_data(self):
        """New data: other than painted points, painting ends and nothing is left to undo;
        painted points this controller did not put in start a history of their own."""
        paint = self.points()
        if paint is None:
            self._undo.clear()
            self._redo.clear()
            self._applied = None
            self._publish(False)
        elif paint != self._applied:
            self._undo.clear()
            self._redo.clear()
            self._applied = paint
            self._publish(self._session.painting)
