"""LogisticRegressionGD: logistic regression fitted by gradient descent, with scikit-learn's
estimator conventions."""

from __future__ import annotations

import warnings
from numbers import Integral, Real
from typing import ClassVar

import numpy as np
from joblib import effective_n_jobs
from sklearn.base import BaseEstimator, ClassifierMixin, _fit_context
from sklearn.exceptions import ConvergenceWarning
from sklearn.utils import check_random_state
from sklearn.utils._param_validation import StrOptions
from sklearn.utils.multiclass import check_classification_targets
from sklearn.utils.validation import check_consistent_length, check_is_fitted, validate_data

from .i18n import QT_TRANSLATE_NOOP, translate
from .model.class_weight import BALANCED, ClassWeights, class_weights_of
from .model.objective import class_probabilities, decision_scores, predicted_indices
from .model.params import MAX_EPOCHS, Number
from .model.penalty import DEFAULT_ALPHA, DEFAULT_L1_RATIO, Penalty, as_penalty
from .training.records import StopReason
from .training.run import TrainingRun

__all__ = ["LABELS", "SOLVERS", "LogisticRegressionGD", "initial_weights"]

#: The optimizers, in the order a person meets them.
SOLVERS = ("gd", "momentum", "nesterov", "adam", "newton")

#: How each parameter is named where a person sets it (messages of the form and the CLI).
#: English; marked for translation: ``translate("model", LABELS[name])`` where it is shown.
LABELS = {
    "learning_rate": QT_TRANSLATE_NOOP("model", "the learning rate"),
    "epochs": QT_TRANSLATE_NOOP("model", "epochs"),
    "batch_size": QT_TRANSLATE_NOOP("model", "the batch size"),
    "penalty": QT_TRANSLATE_NOOP("model", "the penalty"),
    "alpha": QT_TRANSLATE_NOOP("model", "the penalty strength α"),
    "l1_ratio": QT_TRANSLATE_NOOP("model", "the L1 ratio"),
    "class_weight": QT_TRANSLATE_NOOP("model", "the class weights"),
    "l2": QT_TRANSLATE_NOOP("model", "the L2 penalty"),
    "init": QT_TRANSLATE_NOOP("model", "the initial weights"),
    "tol": "tol",
    "n_iter_no_change": QT_TRANSLATE_NOOP("model", "the epochs without improvement"),
    "solver": QT_TRANSLATE_NOOP("model", "the optimizer"),
    "momentum": QT_TRANSLATE_NOOP("model", "the momentum"),
    "dtype": QT_TRANSLATE_NOOP("model", "the number type"),
}


def initial_weights(rng, init, k, d):
    """``(coef, intercept)`` a run starts from: ``coef`` of shape (k, d) drawn from the
    standard normal by ``rng`` (a RandomState, the seed's ``np.random.randn``) for
    ``init="normal"``, zeros for ``"zeros"``; the intercept always zero."""
    if init == "normal":
        return rng.standard_normal((k, d)), np.zeros(k)
    return np.zeros((k, d)), np.zeros(k)


def _dtype_for(dtype):
    """What ``validate_data`` converts to: float32 kept as float32 unless told otherwise."""
    if dtype is None:
        return [np.float64, np.float32]
    return np.float32 if dtype == "float32" else np.float64


class LogisticRegressionGD(ClassifierMixin, BaseEstimator):
    """Logistic regression trained by (mini-batch) gradient descent.

    Minimises ``mean cross-entropy + alpha * R(coef)`` (the intercept is not penalised), with
    the penalties named as scikit-learn's ``SGDClassifier`` names them: ``R = ½‖coef‖²``
    (``"l2"``), ``‖coef‖₁`` (``"l1"``), ``l1_ratio·‖coef‖₁ + (1 − l1_ratio)/2·‖coef‖²``
    (``"elasticnet"``), or none. Its optimum is scikit-learn's
    ``LogisticRegression(C=1 / (alpha * n_samples))`` with the same penalty and
    ``l1_ratio``. The L1 part is applied by the proximal step: after each update (each
    mini-batch's), every weight is soft-thresholded, ``w ← sign(w)·max(|w| − η·alpha·r, 0)``
    (``r`` = 1 for ``"l1"``, ``l1_ratio`` for the elastic net), so weights become exactly 0;
    momentum and Nesterov take their proximal forms, Adam thresholds each weight by its own
    step size. Two classes use a sigmoid on one score, as in the seed blog; more classes use
    a softmax.

    With ``class_weight`` each sample weighs its class's weight ``s_i`` in the cross-entropy,
    ``(1/n)·Σ s_i·ℓ_i`` (divided by n, not by Σ s_i), as in scikit-learn's
    ``LogisticRegression``, whose optimum it then is with the same ``class_weight`` and
    ``C = 1/(alpha·n)``. A mini-batch's gradient is ``Σ_batch s_i·∇ℓ_i / batch_size``: over
    an epoch's shuffled batches its expectation is the full-batch gradient, as with the
    weighted sample updates of ``SGDClassifier``. ``loss_curve_`` is the weighted objective;
    the metrics (``score``, and the train and test losses the runs record beside it) stay
    unweighted.

    Parameters
    ----------
    learning_rate : float, default=0.01
        Step size of every update, > 0.
    epochs : int, default=3000
        Maximum number of passes over the training data, 1 to ``MAX_EPOCHS``.
    batch_size : int or None, default=None
        None: full batch, one update per epoch. An int: shuffled mini-batches of that size.
    penalty : {"l2", "l1", "elasticnet"} or None, default=None
        The penalty (None or ``"none"``: none, the objective is the mean cross-entropy).
    alpha : float, default=0.0001
        Strength of the penalty, >= 0 (used only with a penalty).
    l1_ratio : float, default=0.15
        The elastic net's share of L1, in [0, 1] (0: L2 alone, 1: L1 alone); used only with
        ``penalty="elasticnet"``.
    class_weight : dict, "balanced" or None, default=None
        Weights of the classes in the loss, with scikit-learn's meaning: None, every sample
        weighs 1; ``"balanced"``, class c weighs ``n_samples / (n_classes · count(c))`` in
        the training labels; a dict ``{label: weight > 0}`` of labels as in ``y`` (classes
        it does not name weigh 1). Computed in ``fit`` and ``start_training`` with
        scikit-learn's ``compute_class_weight``.
    init : {"normal", "zeros"}, default="normal"
        Initial weights: standard normal (the seed's ``np.random.randn``) or zeros. The
        intercept always starts at zero.
    tol : float or None, default=None
        Early stopping as in ``MLPClassifier``: stop once the objective has not improved by
        at least ``tol`` on its best value for more than ``n_iter_no_change`` consecutive
        epochs. None: run all epochs.
    n_iter_no_change : int, default=10
        Epochs without an improvement of ``tol`` tolerated before stopping.
    solver : {"gd", "momentum", "nesterov", "adam", "newton"}, default="gd"
        The update rule: plain gradient descent (the blog's), heavy-ball momentum, Nesterov's
        momentum, Adam (``beta1=0.9, beta2=0.999, epsilon=1e-8``), or Newton's method (one
        step with the exact Hessian per epoch, halved until the objective decreases; ignores
        the learning rate and the batch size; refused above
        :data:`~logreg_gui.core.training.newton.MAX_NEWTON_PARAMETERS` parameters, and
        with ``"l1"`` or ``"elasticnet"``, whose objective is not smooth).
    momentum : float, default=0.9
        Momentum of the ``"momentum"`` and ``"nesterov"`` solvers, in [0, 1).
    dtype : {"float32", "float64"} or None, default=None
        The number type the data are trained in. None: float32 input stays float32 (no
        copy), anything else becomes float64. The weights are float64 either way.
    random_state : int, RandomState instance or None, default=None
        Seeds the initial weights and the mini-batch shuffling.
    n_jobs : int or None, default=None
        Threads of a full-batch epoch of two classes, with scikit-learn's meaning: None is 1
        (unless inside ``joblib.parallel_config(n_jobs=...)``), −1 every core this process
        may use, −2 all but one. The weights are the same to the last bit whatever the
        number; mini-batches and three or more classes use one thread. ``logreg-train``
        uses every core (``--n-jobs``); the window one, leaving the others to drawing and
        its other work.
    l2 : float or None, default=None
        Deprecated, the parameter of earlier versions: ``l2=x > 0`` trains as
        ``penalty="l2", alpha=x``, ``l2=0`` without a penalty (a FutureWarning says so); it
        cannot be combined with a ``penalty``. ``get_params`` and ``clone`` keep it as given
        (with ``penalty`` and ``alpha`` as given too): the penalty is resolved in ``fit``.

    Attributes
    ----------
    classes_ : ndarray of shape (n_classes,)
    coef_ : ndarray of shape (1, n_features) for two classes, (n_classes, n_features) otherwise
    intercept_ : ndarray of shape (1,) or (n_classes,)
    n_iter_ : int, epochs run
    loss_curve_ : list of float, the objective after each epoch run
    best_loss_ : float, the lowest objective reached (with ``tol`` set)
    stop_reason_ : str, why ``fit`` ended, one of ``StopReason``'s values (None for a run
        started with ``start_training``: see its ``stop_reason``)
    n_features_in_ : int
    feature_names_in_ : ndarray, when X had string column names
    """

    _parameter_constraints: ClassVar[dict] = {
        "learning_rate": [Number(Real, 0, None, closed="neither")],
        "epochs": [Number(Integral, 1, MAX_EPOCHS, closed="both")],
        "batch_size": [Number(Integral, 1, None, closed="left"), None],
        "penalty": [StrOptions({"l2", "l1", "elasticnet", "none"}), None],
        "alpha": [Number(Real, 0, None, closed="left")],
        "l1_ratio": [Number(Real, 0, 1, closed="both")],
        "class_weight": [ClassWeights(), StrOptions({BALANCED}), None],
        "init": [StrOptions({"normal", "zeros"})],
        "tol": [Number(Real, 0, None, closed="left"), None],
        "n_iter_no_change": [Number(Integral, 1, None, closed="left")],
        "solver": [StrOptions(set(SOLVERS))],
        "momentum": [Number(Real, 0, 1, closed="left")],
        "dtype": [StrOptions({"float32", "float64"}), None],
        "random_state": ["random_state"],
        "n_jobs": [Integral, None],
        "l2": [Number(Real, 0, None, closed="left"), None],
    }

    def __init__(
        self,
        learning_rate=0.01,
        epochs=3000,
        batch_size=None,
        penalty=None,
        alpha=DEFAULT_ALPHA,
        l1_ratio=DEFAULT_L1_RATIO,
        class_weight=None,
        init="normal",
        tol=None,
        n_iter_no_change=10,
        solver="gd",
        momentum=0.9,
        dtype=None,
        random_state=None,
        n_jobs=None,
        l2=None,
    ):
        self.learning_rate = learning_rate
        self.epochs = epochs
        self.batch_size = batch_size
        self.penalty = penalty
        self.alpha = alpha
        self.l1_ratio = l1_ratio
        self.class_weight = class_weight
        self.init = init
        self.tol = tol
        self.n_iter_no_change = n_iter_no_change
        self.solver = solver
        self.momentum = momentum
        self.dtype = dtype
        self.random_state = random_state
        self.n_jobs = n_jobs
        self.l2 = l2

    def _penalty(self) -> Penalty:
        """The penalty to train with, from ``penalty``, ``alpha`` and ``l1_ratio``, or from
        the deprecated ``l2``."""
        if self.l2 is None:
            return Penalty(self.penalty, self.alpha, self.l1_ratio)
        if self.penalty not in (None, "none"):
            raise ValueError(
                translate(
                    "model",
                    "give the penalty as penalty and alpha, or as the older l2, not both "
                    "(penalty={penalty!r}, l2={l2!r}).",
                ).format(penalty=self.penalty, l2=self.l2)
            )
        warnings.warn(
            f"l2 is deprecated: use penalty='l2', alpha={self.l2!r} (l2=0: penalty=None).",
            FutureWarning,
            stacklevel=3,
        )
        return as_penalty(self.l2)

    @_fit_context(prefer_skip_nested_validation=True)
    def fit(self, X, y):
        """Fit the model to ``X`` (n_samples, n_features) and labels ``y``; returns self."""
        run = self._start(X, y)
        while not run.finished:
            run.advance(max_seconds=1.0)
        self.stop_reason_ = run.stop_reason
        if run.stop_reason == StopReason.DIVERGED:
            warnings.warn(f"LogisticRegressionGD {run.message}", ConvergenceWarning, stacklevel=2)
        elif run.warning:
            warnings.warn(f"LogisticRegressionGD: {run.warning}", ConvergenceWarning, stacklevel=2)
        elif self.tol is not None and run.stop_reason == StopReason.COMPLETED:
            warnings.warn(
                translate(
                    "model",
                    "LogisticRegressionGD did not converge to tol={tol:g} in {epochs} epochs; "
                    "increase epochs or the learning rate.",
                ).format(tol=self.tol, epochs=self.epochs),
                ConvergenceWarning,
                stacklevel=2,
            )
        return self

    def start_training(
        self,
        X,
        y,
        X_test=None,
        y_test=None,
        *,
        keep_curve=True,
        keep_weights=False,
        coef_init=None,
        intercept_init=None,
        start_epoch=0,
    ) -> TrainingRun:
        """Validate the parameters and the data, initialise the weights and return the run
        that trains them.

        The returned :class:`~logreg_gui.core.training.run.TrainingRun` is advanced by the caller
        (``run.advance()``, ``run.step()`` or iteration); as it goes it updates ``coef_``,
        ``intercept_`` and ``n_iter_`` of this estimator (and ``loss_curve_``, unless
        ``keep_curve`` is False: a long run in the window keeps its own bounded history), so
        the estimator can predict with the latest weights at any point. ``X_test, y_test``
        are scored after every epoch and never trained on; test labels outside the training
        classes are refused. ``keep_weights``: every batch of records carries each epoch's
        weights. ``coef_init``, ``intercept_init``: start from these weights instead of
        drawing them (as scikit-learn's ``SGDClassifier.fit``); ``start_epoch``: number
        the records on from this epoch (a run continued from an earlier run's epoch; it
        runs until ``epochs``).
        """
        self._validate_params()
        return self._start(
            X,
            y,
            X_test,
            y_test,
            keep_curve=keep_curve,
            keep_weights=keep_weights,
            coef_init=coef_init,
            intercept_init=intercept_init,
            start_epoch=start_epoch,
        )

    def _start(
        self,
        X,
        y,
        X_test=None,
        y_test=None,
        *,
        keep_curve=True,
        keep_weights=False,
        coef_init=None,
        intercept_init=None,
        start_epoch=0,
    ):
        dtype = _dtype_for(self.dtype)
        X, y = validate_data(self, X, y, dtype=dtype, order="C")
        check_classification_targets(y)
        self.classes_, y_index = np.unique(y, return_inverse=True)
        n_classes = len(self.classes_)
        if n_classes < 2:
            raise ValueError(
                translate(
                    "model",
                    "LogisticRegressionGD needs samples of at least 2 classes; got 1 class: "
                    "{label!r}.",
                ).format(label=self.classes_[:1].tolist()[0])  # 0, not np.int64(0)
            )
        if (X_test is None) != (y_test is None):
            raise ValueError("give both X_test and y_test, or neither.")
        y_test_index = None
        if X_test is not None:
            X_test = validate_data(self, X_test, reset=False, dtype=X.dtype, order="C")
            check_consistent_length(X_test, y_test)
            y_test_index = self._encode(y_test)
        penalty = self._penalty()
        class_weights = class_weights_of(self.class_weight, self.classes_, y_index)
        rng = check_random_state(self.random_state)
        k = 1 if n_classes == 2 else n_classes
        coef, intercept = initial_weights(rng, self.init, k, X.shape[1])
        if coef_init is not None or intercept_init is not None:
            coef, intercept = self._initial(coef_init, intercept_init, coef, intercept)
        if not 0 <= int(start_epoch) <= int(self.epochs):
            raise ValueError(
                f"start_epoch must be between 0 and epochs ({self.epochs}); got {start_epoch}."
            )
        self.coef_, self.intercept_ = coef, intercept
        self.n_iter_ = 0
        self.loss_curve_ = []
        self.stop_reason_ = None
        self._keep_curve = keep_curve
        run = TrainingRun(
            X,
            y_index,
            coef,
            intercept,
            learning_rate=float(self.learning_rate),
            epochs=int(self.epochs),
            batch_size=None if self.batch_size is None else int(self.batch_size),
            l2=penalty.l2,
            l1=penalty.l1,
            tol=None if self.tol is None else float(self.tol),
            n_iter_no_change=int(self.n_iter_no_change),
            solver=self.solver,
            momentum=float(self.momentum),
            # The shuffling draws from the same generator as the initial weights, so that
            # one seed reproduces a whole run.
            rng=np.random.default_rng(rng.randint(2**32)),
            X_test=X_test,
            y_test=y_test_index,
            keep_weights=keep_weights,
            on_batch=self._follow,
            start_epoch=int(start_epoch),
            class_weights=class_weights,
            n_jobs=effective_n_jobs(self.n_jobs),
        )
        self._run = run
        return run

    @staticmethod
    def _initial(coef_init, intercept_init, coef, intercept):
        """The given initial weights, checked against the shapes the data need."""
        if coef_init is not None:
            given = np.asarray(coef_init, dtype=np.float64)
            if given.shape != coef.shape or not np.isfinite(given).all():
                raise ValueError(
                    f"coef_init must be finite numbers of shape {coef.shape}; got {given.shape}."
                )
            coef = given.copy()
        if intercept_init is not None:
            given = np.asarray(intercept_init, dtype=np.float64).reshape(-1)
            if given.shape != intercept.shape or not np.isfinite(given).all():
                raise ValueError(
                    f"intercept_init must be finite numbers of shape {intercept.shape}; "
                    f"got {given.shape}."
                )
            intercept = given.copy()
        return coef, intercept

    def _follow(self, batch):
        self.coef_, self.intercept_ = batch.coef, batch.intercept
        self.n_iter_ = int(batch.epochs[-1])
        if self._keep_curve:
            # As in scikit-learn, one value per epoch run: the initial state is not one.
            self.loss_curve_.extend(batch.objective[batch.epochs > 0].tolist())
        if self.tol is not None:
            self.best_loss_ = self._run.best_objective

    def _encode(self, y):
        """Class indices of labels ``y``; refuses labels the model was not trained on."""
        y = np.asarray(y)
        index = np.searchsorted(self.classes_, y)
        index = np.clip(index, 0, len(self.classes_) - 1)
        unknown = self.classes_[index] != y
        if np.any(unknown):
            raise ValueError(
                translate(
                    "model", "labels {labels!r} are not among the training classes {classes!r}."
                ).format(
                    labels=sorted(set(np.asarray(y)[unknown].tolist())),
                    classes=self.classes_.tolist(),
                )
            )
        return index

    def _scores(self, X):
        check_is_fitted(self)
        X = validate_data(self, X, reset=False, dtype=_dtype_for(self.dtype))
        return decision_scores(X, self.coef_, self.intercept_)

    def decision_function(self, X):
        """Scores ``X @ coef_.T + intercept_``: shape (n_samples,) for two classes (the
        log-odds of ``classes_[1]``), (n_samples, n_classes) otherwise."""
        scores = self._scores(X)
        return scores[:, 0] if scores.shape[1] == 1 else scores

    def predict_proba(self, X):
        """Probability of each class, shape (n_samples, n_classes), columns as ``classes_``."""
        return class_probabilities(self._scores(X))

    def predict_log_proba(self, X):
        """Natural log of :meth:`predict_proba`."""
        with np.errstate(divide="ignore"):
            return np.log(self.predict_proba(X))

    def predict(self, X):
        """Predicted class label of each sample (``score > 0`` for two classes, the largest
        score otherwise: the same rule as the training's accuracy)."""
        index = predicted_indices(self._scores(X))
        return self.classes_[index]

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.classifier_tags.multi_class = True
        return tags
