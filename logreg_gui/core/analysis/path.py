"""The regularisation path: every weight of the exact optimum against the strength α of the
penalty (L2, L1 or elastic net), from a penalty so strong that the weights are (nearly) 0
down to one a ten-thousandth of it — L1's weights entering one by one, L2's all growing
together — and beside it the cross-validated score of each strength.

Each point is the exact optimum (:func:`~.optimum.find_optimum`), warm-started from the
point before (strong to weak), as scikit-learn's ``warm_start`` does. The cross-validated
scores refit the preprocessing inside each fold from the table rows (no leakage).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..errors import Cancelled
from ..i18n import translate
from ..model.objective import cross_entropy, decision_scores
from ..model.penalty import Penalty
from .optimum import find_optimum

__all__ = ["PATH_POINTS", "PathCV", "RegularizationPath", "alpha_grid", "path_cv",
           "regularization_path"]  # fmt: skip

#: Strengths on a path.
PATH_POINTS = 40
#: The path spans this many decades of α.
DECADES = 4.0


@dataclass(frozen=True, eq=False)
class RegularizationPath:
    """``alphas`` (m,) from strong to weak, and at each the optimum's ``coefs`` (m, k, d)
    and ``intercepts`` (m, k); ``kind`` and ``l1_ratio`` of the penalty."""

    kind: str
    l1_ratio: float
    alphas: np.ndarray
    coefs: np.ndarray
    intercepts: np.ndarray

    def zeros(self) -> np.ndarray:
        """How many weights are exactly 0 at each strength."""
        return np.sum(self.coefs == 0, axis=(1, 2))


@dataclass(frozen=True, eq=False)
class PathCV:
    """Validation log-loss and accuracy of each strength, per fold (m, folds)."""

    alphas: np.ndarray
    log_loss: np.ndarray
    accuracy: np.ndarray

    def best(self) -> int:
        """The index of the strength with the lowest mean validation log-loss."""
        return int(np.argmin(np.mean(self.log_loss, axis=1)))


def _check(cancel, what):
    if cancel is not None and cancel():
        raise Cancelled(what)


def alpha_grid(X, y, n_classes, kind, l1_ratio=0.15, points=PATH_POINTS) -> np.ndarray:
    """Strengths from strong to weak, log-spaced over DECADES decades. The strongest is
    where an L1 part sets every weight to 0 (the largest slope of the loss at zero weights
    over the L1 share); L2 alone starts ten times above that slope, where the weights are
    small."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    k = 1 if n_classes == 2 else n_classes
    # The loss's slope at zero weights and the intercepts' optimum (the class shares).
    shares = np.bincount(y, minlength=n_classes) / len(y)
    residual = (shares[1] - (y == 1))[:, None] if k == 1 else shares[None, :] - np.eye(n_classes)[y]
    slope = float(np.max(np.abs(residual.T @ X / len(y))))
    slope = slope if slope > 0 else 1.0
    l1_share = 1.0 if kind == "l1" else (l1_ratio if kind == "elasticnet" else 0.0)
    # A little above the slope: every weight is exactly 0 there, not at its edge.
    strongest = 1.05 * slope / l1_share if l1_share > 0.01 else 10.0 * slope / 0.01
    if kind == "l2":
        strongest = 10.0 * slope
    return strongest * np.logspace(0.0, -DECADES, points)


def regularization_path(X, y, n_classes, kind="l1", l1_ratio=0.15, *, alphas=None,
                        cancel=None, progress=None) -> RegularizationPath:  # fmt: skip
    """The exact optimum at every strength of ``alphas`` (default :func:`alpha_grid`), on
    training data ``X`` with class indices ``y``, warm-started from the stronger one."""
    alphas = alpha_grid(X, y, n_classes, kind, l1_ratio) if alphas is None else alphas
    alphas = np.sort(np.asarray(alphas, dtype=float))[::-1]
    coefs, intercepts = [], []
    start = None
    for i, alpha in enumerate(alphas):
        _check(cancel, translate("path", "the regularisation path was cancelled."))
        optimum = find_optimum(X, y, n_classes, Penalty(kind, alpha, l1_ratio), cancel=cancel,
                               start=start)  # fmt: skip
        coefs.append(optimum.coef)
        intercepts.append(optimum.intercept)
        start = (optimum.coef, optimum.intercept)
        if progress is not None:
            progress(i + 1, len(alphas))
    return RegularizationPath(kind, float(l1_ratio), alphas, np.array(coefs), np.array(intercepts))


def path_cv(split, kind, l1_ratio, alphas, *, k=5, seed=0, impute=False, feature_map=None,
            cancel=None, progress=None) -> PathCV:  # fmt: skip
    """The validation log-loss and accuracy of the exact optimum at each strength, in each
    of ``k`` stratified folds of the training part of ``split`` (SplitData), the
    preprocessing refitted on each fold's training rows."""
    from ..data.preprocessing import Preprocessing
    from .validation import folds_of

    pre = split.preprocessing
    frame = pre.frame_of(split.X_train)
    labels = np.asarray(split.y_train)
    classes = np.unique(labels)
    y = np.searchsorted(classes, labels)
    n_classes = len(classes)
    folds = folds_of(labels, k, 1, seed)
    alphas = np.sort(np.asarray(alphas, dtype=float))[::-1]
    losses = np.empty((len(alphas), len(folds)))
    accuracies = np.empty_like(losses)
    done, total = 0, len(alphas) * len(folds)
    for f, (train, validation) in enumerate(folds):
        fitted = Preprocessing.fit(
            frame.iloc[train], pre.numeric, pre.categorical, impute=impute,
            standardize=pre.mean is not None, feature_map=feature_map,
        )  # fmt: skip
        X_fit, X_val = fitted.transform(frame.iloc[train]), fitted.transform(frame.iloc[validation])
        start = None
        for i, alpha in enumerate(alphas):
            _check(cancel, translate("path", "the regularisation path was cancelled."))
            optimum = find_optimum(X_fit, y[train], n_classes, Penalty(kind, alpha, l1_ratio),
                                   cancel=cancel, start=start)  # fmt: skip
            start = (optimum.coef, optimum.intercept)
            scores = decision_scores(X_val, optimum.coef, optimum.intercept)
            losses[i, f] = cross_entropy(scores, y[validation])
            if scores.shape[1] == 1:
                predicted = (scores[:, 0] > 0).astype(int)
            else:
                predicted = np.argmax(scores, axis=1)
            accuracies[i, f] = float(np.mean(predicted == y[validation]))
            done += 1
            if progress is not None:
                progress(done, total)
    return PathCV(alphas, losses, accuracies)
