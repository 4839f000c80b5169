"""Cross-validation and the learning curve of the training part, computed off the GUI thread
when a person asks for them (k models trained: never on every change) and put into the
session."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot

from ...core.errors import in_words

__all__ = ["CV", "LEARNING", "PATH", "ValidationController"]

#: What can be computed, and the kind of the background job.
CV, LEARNING, PATH = "cv", "learning", "path"
JOB = "validation"


class ValidationController(QObject):
    """Runs :func:`~logreg_gui.core.analysis.validation.cross_validation` or
    :func:`~logreg_gui.core.analysis.validation.learning_curve_of` as a cancellable job,
    with the session's data and the model settings ``params()`` gives (those of the run
    shown, else the form's); new data drop the results and stop a computation."""

    # (the computation, folds done, folds in all), emitted in the job's thread.
    _progressed = Signal(object, object, object)

    def __init__(self, session, jobs, params, parent=None):
        super().__init__(parent)
        self._session = session
        self._jobs = jobs
        self._params = params
        self._job = None
        self._progressed.connect(self._on_progress)
        session.dataChanged.connect(self._on_data)

    @property
    def running(self) -> bool:
        return self._job is not None

    def estimator(self):
        """The model judged: LogisticRegressionGD with the settings of the run shown (the
        form's before any run); None while the form's settings cannot be used."""
        from ...core.estimator import LogisticRegressionGD

        session = self._session
        if session.run is not None:
            params = dict(session.run.settings)
        else:
            params = self._params()
            if params is None:
                return None
        known = LogisticRegressionGD().get_params()
        return LogisticRegressionGD(**{k: v for k, v in params.items() if k in known})

    @Slot(str, int, int)
    def compute(self, kind, k=5, repeats=1) -> None:
        """Compute ``kind`` (``"cv"`` or ``"learning"``) with ``k`` folds (``repeats``
        times, for cross-validation)."""
        from ...core.analysis.validation import cross_validation, learning_curve_of

        session = self._session
        estimator = self.estimator()
        if session.data is None or estimator is None:
            return
        split, settings = session.data, session.data_settings
        options = dict(
            impute=settings is not None and settings.missing == "impute",
            feature_map=None if settings is None else settings.feature_map,
        )
        seed = session.request.seed or 0
        token = object()

        def progress(done, total):
            self._progressed.emit(token, done, total)

        if kind == CV:

            def work(cancel):
                return cross_validation(split, estimator, k=k, repeats=repeats, seed=seed,
                                        cancel=cancel, progress=progress, **options)  # fmt: skip

        else:

            def work(cancel):
                return learning_curve_of(split, estimator, k=k, seed=seed, **options)

        session.start_validation(kind)
        self._job = token
        self._jobs.submit(
            JOB,
            work,
            on_result=lambda result: self._done(token, kind, result),
            on_error=lambda error: self._failed(token, error),
        )

    @Slot(str)
    def compute_path(self, kind) -> None:
        """The regularisation path of penalty ``kind`` ("l2", "l1" or "elasticnet", with
        the L1 ratio in use) on the training part, and the cross-validated score of each
        of its strengths (5 folds); the session gets ``(path, cv)`` as "path"."""
        from ...core.analysis.path import alpha_grid, path_cv, regularization_path

        session = self._session
        estimator = self.estimator()
        if session.data is None or estimator is None:
            return
        split, settings = session.data, session.data_settings
        ratio = float(estimator.get_params().get("l1_ratio", 0.15))
        seed = session.request.seed or 0
        X, y, k = split.X_train, session.y_train, session.n_classes
        options = dict(
            impute=settings is not None and settings.missing == "impute",
            feature_map=None if settings is None else settings.feature_map,
        )
        token = object()
        alphas = alpha_grid(X, y, k, kind, ratio)

        def work(cancel):
            def progress(done, total):
                self._progressed.emit(token, done, total + len(alphas))

            path = regularization_path(X, y, k, kind, ratio, alphas=alphas, cancel=cancel,
                                       progress=lambda d, t: progress(d, 5 * t))  # fmt: skip
            cv = path_cv(split, kind, ratio, alphas, k=5, seed=seed, cancel=cancel,
                         progress=lambda d, t: progress(len(alphas) + d, t), **options)  # fmt: skip
            return path, cv

        session.start_validation(PATH)
        self._job = token
        self._jobs.submit(
            JOB,
            work,
            on_result=lambda result: self._done(token, PATH, result),
            on_error=lambda error: self._failed(token, error),
        )

    @Slot()
    def cancel(self) -> None:
        """Stop the computation going on (what was computed before stays)."""
        if self._job is None:
            return
        self._job = None
        self._jobs.cancel(JOB)
        self._session.stop_validation(self.tr("The computation was cancelled."))

    @Slot(object, object, object)
    def _on_progress(self, job, done, total):
        if job is self._job:
            self._session.set_validation_progress(done, total)

    def _done(self, job, kind, result):
        if job is self._job:
            self._job = None
            self._session.set_validation(kind, result)

    def _failed(self, job, error):
        if job is self._job:
            self._job = None
            self._session.stop_validation(
                self.tr("It could not be computed: {reason}").format(reason=in_words(error))
            )

    def _on_data(self):
        session = self._session
        note = self.tr("The data changed: press Compute again.") if session.validation else ""
        session.validation = {}
        if self._job is not None:
            self._job = None
            self._jobs.cancel(JOB)
        session.stop_validation(note)
