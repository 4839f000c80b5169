"""The optimum of the training objective and the metrics of the weights shown, computed off
the GUI thread and put into the session."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject, QTimer

from ...core.analysis.evaluation import evaluate_weights
from ...core.analysis.optimum import Optimum, find_optimum
from ...core.analysis.rates import rate_limits
from ..session import RunState

__all__ = ["AnalysisController"]

#: Painted points are edited one after another: their optimum is sought once they have
#: rested this long (a search started with each edit would slow the next one down).
PAINTED_REST_MS = 150


class AnalysisController(QObject):
    """Keeps ``session.optimum`` and ``session.evaluation`` up to date.

    The optimum is that of the penalty the current run uses (before any run, the one the form
    shows): a line drawn for a run must refer to the settings that run used. Metrics are
    computed when the weights shown settle: at the end of a run, on pause, after a step or a
    scrub — never on every update of a running run.
    """

    def __init__(self, session, jobs, parent=None):
        super().__init__(parent)
        self._session = session
        self._jobs = jobs
        self._preview_l2 = 0.0
        self._optimum_key = None
        self._later = QTimer(self, singleShot=True, interval=PAINTED_REST_MS)
        self._later.timeout.connect(self._submit_waiting)
        self._waiting = None  # a search waiting for painted points to rest
        session.dataChanged.connect(self._on_data)
        session.runStarted.connect(self._on_run)
        session.runStateChanged.connect(self._on_settled)
        session.shownChanged.connect(self._on_settled)

    def set_preview_l2(self, l2) -> None:
        """The penalty the form shows; used for the optimum while there is no run."""
        self._preview_l2 = l2
        if self._session.run is None and l2 is not None:
            self._find_optimum(l2)

    def _on_data(self):
        self._optimum_key = None
        if self._preview_l2 is not None:
            self._find_optimum(self._preview_l2)

    def _on_run(self):
        run = self._session.run
        if run is not None:  # a session saved before any run restores none
            self._find_optimum(float(run.settings.get("l2", 0.0)))

    def _find_optimum(self, l2):
        session = self._session
        if session.data is None:
            return
        key = (id(session.data), l2)
        if key == self._optimum_key:
            return
        self._optimum_key = key
        X, y, k = session.data.X_train, session.y_train, session.n_classes
        painted = session.data.class_labels is not None
        if painted and len(np.unique(y)) < k:  # a class without a training point yet
            reason = self.tr("No optimum yet: some class has no training point.")
            session.set_optimum(Optimum(False, None, None, None, reason), l2)
            return
        session.set_optimum(None, l2)
        self._waiting = None
        if painted:
            self._waiting = (X, y, k, l2, key)
            self._later.start()
        else:
            self._submit(X, y, k, l2, key)

    def _submit_waiting(self):
        waiting, self._waiting = self._waiting, None
        if waiting is not None and waiting[-1] == self._optimum_key:
            self._submit(*waiting)

    def _submit(self, X, y, k, l2, key):
        def work(cancel):
            optimum = find_optimum(X, y, k, l2, cancel=cancel)
            return optimum, rate_limits(X, y, k, l2, optimum)

        self._jobs.submit(
            "optimum",
            work,
            on_result=lambda found: self._found(*found, key),
            on_error=lambda error: self._found(None, None, key, error),
        )

    def _found(self, optimum, limits, key, error=None):
        if key != self._optimum_key:
            return
        if error is not None:
            from ...core.analysis.optimum import Optimum

            optimum = Optimum(
                False, None, None, None, self.tr("The optimum could not be computed."), str(error)
            )
        self._session.set_optimum(optimum, key[1], limits)

    def _on_settled(self):
        """The weights shown settle (a pause, the end, a step, a scrub): their metrics."""
        if self._session.state in (RunState.PAUSED, RunState.FINISHED):
            self._evaluate()

    def _evaluate(self):
        session = self._session
        shown = session.shown()
        if shown is None or session.data is None:
            return
        epoch, coef, intercept = shown
        if session.evaluation is not None and session.evaluation[2] == epoch:
            return
        data, k = session.data, session.n_classes
        y_train, y_test = session.y_train, session.y_test

        def work(cancel):
            train = evaluate_weights(data.X_train, y_train, coef, intercept, k)
            test = None
            if len(y_test):
                test = evaluate_weights(data.X_test, y_test, coef, intercept, k)
            return train, test, epoch

        self._jobs.submit(
            "evaluation",
            work,
            on_result=lambda result: self._session.set_evaluation(*result),
        )
