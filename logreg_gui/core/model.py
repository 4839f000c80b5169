"""LogisticRegressionGD: logistic regression fitted by plain gradient descent, with
scikit-learn's estimator conventions."""

from __future__ import annotations

import numbers
import warnings

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.exceptions import ConvergenceWarning
from sklearn.utils import check_random_state, check_scalar
from sklearn.utils.multiclass import check_classification_targets
from sklearn.utils.validation import check_is_fitted, validate_data

from .objective import class_probabilities, decision_scores, predicted_indices
from .training import StopReason, TrainingRun

__all__ = ["LogisticRegressionGD"]


class LogisticRegressionGD(ClassifierMixin, BaseEstimator):
    """Logistic regression trained by (mini-batch) gradient descent.

    Minimises ``mean cross-entropy + (l2 / 2) * ||coef||²`` (the intercept is not penalised),
    whose optimum is scikit-learn's ``LogisticRegression(C=1 / (l2 * n_samples))``. Two
    classes use a sigmoid on one score, as in the seed blog; more classes use a softmax.

    Parameters
    ----------
    learning_rate : float, default=0.01
        Step size of every update, > 0.
    epochs : int, default=3000
        Maximum number of passes over the training data, >= 1.
    batch_size : int or None, default=None
        None: full batch, one update per epoch. An int: shuffled mini-batches of that size.
    l2 : float, default=0.0
        Strength of the L2 penalty, >= 0.
    init : {"normal", "zeros"}, default="normal"
        Initial weights: standard normal (the seed's ``np.random.randn``) or zeros. The
        intercept always starts at zero.
    tol : float or None, default=None
        Stop when an epoch improves the objective by less than ``tol``. None: run all epochs.
    random_state : int, RandomState instance or None, default=None
        Seeds the initial weights and the mini-batch shuffling.

    Attributes
    ----------
    classes_ : ndarray of shape (n_classes,)
    coef_ : ndarray of shape (1, n_features) for two classes, (n_classes, n_features) otherwise
    intercept_ : ndarray of shape (1,) or (n_classes,)
    n_iter_ : int, epochs run
    loss_curve_ : list of float, the objective after each epoch
    stop_reason_ : str, why ``fit`` ended, one of ``StopReason``'s values (None for a run
        started with ``start_training``: see its ``stop_reason``)
    n_features_in_ : int
    feature_names_in_ : ndarray, when X had string column names
    """

    def __init__(
        self,
        learning_rate=0.01,
        epochs=3000,
        batch_size=None,
        l2=0.0,
        init="normal",
        tol=None,
        random_state=None,
    ):
        self.learning_rate = learning_rate
        self.epochs = epochs
        self.batch_size = batch_size
        self.l2 = l2
        self.init = init
        self.tol = tol
        self.random_state = random_state

    def fit(self, X, y):
        """Fit the model to ``X`` (n_samples, n_features) and labels ``y``; returns self."""
        run = self.start_training(X, y)
        for _ in run:
            pass
        self.stop_reason_ = run.stop_reason
        if run.stop_reason == StopReason.DIVERGED:
            warnings.warn(
                f"LogisticRegressionGD {run.message} The last finite weights are kept.",
                ConvergenceWarning,
                stacklevel=2,
            )
        elif self.tol is not None and run.stop_reason == StopReason.COMPLETED:
            warnings.warn(
                f"LogisticRegressionGD did not converge to tol={self.tol:g} in {self.epochs} "
                "epochs; increase epochs or the learning rate.",
                ConvergenceWarning,
                stacklevel=2,
            )
        return self

    def start_training(self, X, y, X_test=None, y_test=None) -> TrainingRun:
        """Validate the data, initialise the weights and return the run that trains them.

        The returned :class:`~logreg_gui.core.training.TrainingRun` is advanced by the caller
        (``run.step()`` or iteration); after every epoch it updates ``coef_``,
        ``intercept_``, ``n_iter_`` and ``loss_curve_`` of this estimator, so the estimator
        can predict with the current weights at any point. ``X_test, y_test`` are evaluated
        after every epoch and never trained on; test labels outside the training classes are
        refused.
        """
        self._check_params()
        X, y = validate_data(self, X, y, dtype=np.float64)
        check_classification_targets(y)
        self.classes_, y_index = np.unique(y, return_inverse=True)
        n_classes = len(self.classes_)
        if n_classes < 2:
            raise ValueError(
                "LogisticRegressionGD needs samples of at least 2 classes; got 1 class: "
                f"{self.classes_[0]!r}."
            )
        if X_test is not None:
            X_test = validate_data(self, X_test, reset=False, dtype=np.float64)
            y_test_index = self._encode(y_test)
        else:
            y_test_index = None
        rng = check_random_state(self.random_state)
        k = 1 if n_classes == 2 else n_classes
        if self.init == "normal":
            coef = rng.standard_normal((k, X.shape[1]))
        else:
            coef = np.zeros((k, X.shape[1]))
        intercept = np.zeros(k)
        self.coef_, self.intercept_ = coef, intercept
        self.n_iter_ = 0
        self.loss_curve_ = []
        self.stop_reason_ = None
        return TrainingRun(
            X,
            y_index,
            coef,
            intercept,
            learning_rate=float(self.learning_rate),
            epochs=int(self.epochs),
            batch_size=None if self.batch_size is None else int(self.batch_size),
            l2=float(self.l2),
            tol=None if self.tol is None else float(self.tol),
            rng=rng,
            X_test=X_test,
            y_test=y_test_index,
            on_epoch=self._record_epoch,
        )

    def _record_epoch(self, record):
        self.coef_, self.intercept_ = record.coef, record.intercept
        self.n_iter_ = record.epoch
        self.loss_curve_.append(record.objective)

    def _check_params(self):
        check_scalar(
            self.learning_rate,
            "learning_rate",
            numbers.Real,
            min_val=0,
            include_boundaries="neither",
        )
        if not np.isfinite(self.learning_rate):
            raise ValueError(f"learning_rate must be finite, got {self.learning_rate!r}.")
        check_scalar(self.epochs, "epochs", numbers.Integral, min_val=1)
        if self.batch_size is not None:
            check_scalar(self.batch_size, "batch_size", numbers.Integral, min_val=1)
        check_scalar(self.l2, "l2", numbers.Real, min_val=0)
        if not np.isfinite(self.l2):
            raise ValueError(f"l2 must be finite, got {self.l2!r}.")
        if self.init not in ("normal", "zeros"):
            raise ValueError(f"init must be 'normal' or 'zeros', got {self.init!r}.")
        if self.tol is not None:
            check_scalar(self.tol, "tol", numbers.Real, min_val=0)

    def _encode(self, y):
        """Class indices of labels ``y``; refuses labels the model was not trained on."""
        y = np.asarray(y)
        index = np.searchsorted(self.classes_, y)
        index = np.clip(index, 0, len(self.classes_) - 1)
        unknown = self.classes_[index] != y
        if np.any(unknown):
            raise ValueError(
                f"labels {sorted(set(np.asarray(y)[unknown].tolist()))!r} are not among the "
                f"training classes {self.classes_.tolist()!r}."
            )
        return index

    def decision_function(self, X):
        """Scores ``X @ coef_.T + intercept_``: shape (n_samples,) for two classes (the
        log-odds of ``classes_[1]``), (n_samples, n_classes) otherwise."""
        check_is_fitted(self)
        X = validate_data(self, X, reset=False, dtype=np.float64)
        scores = decision_scores(X, self.coef_, self.intercept_)
        return scores[:, 0] if scores.shape[1] == 1 else scores

    def predict_proba(self, X):
        """Probability of each class, shape (n_samples, n_classes), columns as ``classes_``."""
        check_is_fitted(self)
        X = validate_data(self, X, reset=False, dtype=np.float64)
        return class_probabilities(decision_scores(X, self.coef_, self.intercept_))

    def predict_log_proba(self, X):
        """Natural log of :meth:`predict_proba`."""
        with np.errstate(divide="ignore"):
            return np.log(self.predict_proba(X))

    def predict(self, X):
        """Predicted class label of each sample."""
        check_is_fitted(self)
        X = validate_data(self, X, reset=False, dtype=np.float64)
        return self.classes_[predicted_indices(decision_scores(X, self.coef_, self.intercept_))]

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.classifier_tags.multi_class = True
        return tags
