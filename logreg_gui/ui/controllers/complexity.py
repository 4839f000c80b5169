"""The complexity curve, computed off the GUI thread when a person asks for it and put into
the session (a few optima: never on every change)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject, Signal, Slot

from ...core.errors import in_words

__all__ = ["ComplexityController"]

#: The kind of its background job (a new request cancels the one before).
JOB = "complexity"


def _without_degree(settings):
    """``settings`` with the degree of their feature map set aside: what a degree curve is of."""
    return replace(settings, feature_map=replace(settings.feature_map, degree=1))


class ComplexityController(QObject):
    """Runs :func:`~logreg_gui.core.analysis.complexity.degree_curve` or
    :func:`~logreg_gui.core.analysis.complexity.l2_curve` as a cancellable job, with the
    session's data and the L2 in use, and keeps the session's curves those of its data.

    A degree curve stays valid when only the degree of the data changes (that is how a person
    walks along it); any other change of the data drops both curves, and stops a computation
    for the data before.
    """

    # (the computation, optima done, optima in all), emitted in the job's thread: queued to
    # the slot, a bound method of this object of the GUI thread.
    _progressed = Signal(object, object, object)

    def __init__(self, session, jobs, parent=None):
        super().__init__(parent)
        self._session = session
        self._jobs = jobs
        self._job = None  # the computation going on (a token), or None
        self._settings = None  # the data settings of the job running
        self._progressed.connect(self._on_progress)
        session.dataChanged.connect(self._on_data)

    @Slot(str)
    def compute(self, axis) -> None:
        """Compute the curve against ``axis`` (``"degree"`` or ``"l2"``) for the data and
        the L2 in use; the session follows it (``complexityChanged``)."""
        from ...core.analysis.complexity import DEGREE, degree_curve, l2_curve

        session = self._session
        if session.data is None:
            return
        l2 = session.l2_in_use()
        class_weight = session.class_weight_in_use()
        settings, split = session.data_settings, session.data
        token = object()  # this computation, known to its progress and its result

        def progress(done, total):
            self._progressed.emit(token, done, total)

        if axis == DEGREE:

            def work(cancel):
                return degree_curve(
                    settings, l2, cancel=cancel, progress=progress, class_weight=class_weight
                )

        else:

            def work(cancel):
                return l2_curve(
                    split, l2_asked=l2, cancel=cancel, progress=progress, class_weight=class_weight
                )

        session.start_complexity(axis)
        self._settings, self._job = settings, token
        self._jobs.submit(
            JOB,
            work,
            on_result=lambda curve: self._done(token, curve),
            on_error=lambda error: self._failed(token, error),
        )

    @Slot()
    def cancel(self) -> None:
        """Stop the computation going on, if any (the curves computed before stay)."""
        if self._job is None:
            return
        self._job = None
        self._jobs.cancel(JOB)
        self._session.stop_complexity(self.tr("The computation was cancelled."))

    @property
    def running(self) -> bool:
        """True while a curve is being computed."""
        return self._job is not None

    @Slot(object, object, object)
    def _on_progress(self, job, done, total):
        if job is self._job:
            self._session.set_complexity_progress(done, total)

    def _done(self, job, curve):
        if job is self._job:
            self._job = None
            self._session.set_complexity(curve)

    def _failed(self, job, error):
        if job is self._job:
            self._job = None
            self._session.stop_complexity(
                self.tr("The complexity curve could not be computed: {reason}").format(
                    reason=in_words(error)
                )
            )

    def _on_data(self):
        from ...core.analysis.complexity import DEGREE, L2

        session = self._session
        new = session.data_settings
        note = self.tr("The data changed: press Compute for their curve.")
        degree_curve = session.complexity.get(DEGREE)
        if degree_curve is not None and not self._same_but_degree(degree_curve.settings, new):
            session.drop_complexity(DEGREE, note)
        if session.complexity.get(L2) is not None:
            session.drop_complexity(L2, note)  # of other features, or other rows
        if self._job is not None:
            keeps = session.complexity_running == DEGREE and self._same_but_degree(
                self._settings, new
            )
            if not keeps:
                self._job = None
                self._jobs.cancel(JOB)
                session.stop_complexity(note)

    @staticmethod
    def _same_but_degree(old, new):
        if old is None or new is None:
            return False
        return _without_degree(old) == _without_degree(new)
