"""The optimum of the training objective and the metrics of the weights shown, computed off
the GUI thread and put into the session."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject, QTimer

from ...core.analysis.evaluation import evaluate_weights
from ...core.analysis.optimum import Optimum, find_optimum
from ...core.analysis.rates import rate_limits
from ...core.model.class_weight import class_weight_key, class_weights_of
from ...core.model.penalty import NO_PENALTY, penalty_of
from ..session import RunState

__all__ = ["AnalysisController"]

#: The L2 strengths whose optimum's size is said when the data are separable.
SEPARATION_ALPHAS = (1e-2, 1e-3, 1e-4)


def _separation(X, y, k, penalty, optimum, cancel, class_weights=None):
    """Separable data without a penalty: ``[(α, ‖w*‖), …]`` of the optimum with an L2
    penalty of each of SEPARATION_ALPHAS (any α > 0 gives one; the smaller α, the larger
    the weights); None otherwise."""
    if penalty.active or optimum is None or optimum.exists:
        return None
    from ...core.model.penalty import Penalty

    sizes = []
    for alpha in SEPARATION_ALPHAS:
        found = find_optimum(
            X, y, k, Penalty("l2", alpha), class_weights=class_weights, cancel=cancel
        )
        if found.exists:
            sizes.append((alpha, float(np.linalg.norm(found.coef))))
    return sizes


#: Painted points are edited one after another: their optimum is sought once they have
#: rested this long (a search started with each edit would slow the next one down).
PAINTED_REST_MS = 150


class AnalysisController(QObject):
    """Keeps ``session.optimum`` and ``session.evaluation`` up to date.

    The optimum is that of the penalty and the class weights the current run uses (before any
    run, those the form shows): a line drawn for a run must refer to the settings that run
    used. Metrics are
    computed when the weights shown settle: at the end of a run, on pause, after a step or a
    scrub — never on every update of a running run.
    """

    def __init__(self, session, jobs, parent=None):
        super().__init__(parent)
        self._session = session
        self._jobs = jobs
        self._preview_penalty = NO_PENALTY
        self._preview_class_weight = None
        self._optimum_key = None
        self._later = QTimer(self, singleShot=True, interval=PAINTED_REST_MS)
        self._later.timeout.connect(self._submit_waiting)
        self._waiting = None  # a search waiting for painted points to rest
        session.dataChanged.connect(self._on_data)
        session.runStarted.connect(self._on_run)
        session.runStateChanged.connect(self._on_settled)
        session.shownChanged.connect(self._on_settled)

    def set_preview_penalty(self, penalty, class_weight=None) -> None:
        """The penalty (a Penalty) and the class weight the form shows; used for the optimum
        while there is no run."""
        self._preview_penalty = penalty
        self._preview_class_weight = class_weight
        if self._session.run is None and penalty is not None:
            self._find_optimum(penalty, class_weight)

    def _on_data(self):
        self._optimum_key = None
        if self._preview_penalty is not None:
            self._find_optimum(self._preview_penalty, self._preview_class_weight)

    def _on_run(self):
        run = self._session.run
        if run is not None:  # a session saved before any run restores none
            self._find_optimum(penalty_of(run.settings), run.settings.get("class_weight"))

    def _find_optimum(self, penalty, class_weight=None):
        session = self._session
        if session.data is None:
            return
        # Penalties of the same strengths (and the same class weights) have the same optimum.
        key = (id(session.data), penalty.strengths, class_weight_key(class_weight))
        if key == self._optimum_key:
            return
        self._optimum_key = key
        X, y, k = session.data.X_train, session.y_train, session.n_classes
        painted = session.data.class_labels is not None
        if painted and len(np.unique(y)) < k:  # a class without a training point yet
            reason = self.tr("No optimum yet: some class has no training point.")
            session.set_optimum(
                Optimum(False, None, None, None, reason), penalty, class_weight=class_weight
            )
            return
        session.set_optimum(None, penalty, class_weight=class_weight)
        job = (X, y, k, session.classes, penalty, class_weight, key)
        self._waiting = None
        if painted:
            self._waiting = job
            self._later.start()
        else:
            self._submit(*job)

    def _submit_waiting(self):
        waiting, self._waiting = self._waiting, None
        if waiting is not None and waiting[-1] == self._optimum_key:
            self._submit(*waiting)

    def _submit(self, X, y, k, classes, penalty, class_weight, key):
        def work(cancel):
            weights = class_weights_of(class_weight, classes, y)
            optimum = find_optimum(X, y, k, penalty, class_weights=weights, cancel=cancel)
            return (
                optimum,
                rate_limits(X, y, k, penalty, optimum, class_weights=weights),
                _separation(X, y, k, penalty, optimum, cancel, weights),
            )

        self._jobs.submit(
            "optimum",
            work,
            on_result=lambda found: self._found(*found, key, penalty, class_weight),
            on_error=lambda error: self._found(None, None, None, key, penalty, class_weight, error),
        )

    def _found(self, optimum, limits, separation, key, penalty, class_weight, error=None):
        if key != self._optimum_key:
            return
        if error is not None:
            from ...core.errors import in_words

            optimum = Optimum(
                False,
                None,
                None,
                None,
                self.tr("The optimum could not be computed."),
                in_words(error),
            )
        self._session.set_optimum(optimum, penalty, limits, class_weight, separation)

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
