"""The complexity curve: how well the best model of each complexity fits the training part
and the test part — against the polynomial degree of the feature map, or against the L2
penalty — and where it underfits or overfits.

Each point is the exact optimum of the training objective ``mean cross-entropy +
(l2/2)·||coef||²`` (:func:`~logreg_gui.core.analysis.optimum.find_optimum`), i.e.
scikit-learn's ``LogisticRegression(C=1/(l2·n_train))`` on the same features, and the curve
holds, for it, the mean cross-entropy on the training and on the test part — both *without*
the penalty, so that they can be compared — and both accuracies (the most probable class).
The penalised training objective is kept too (``train_objective``). With class weights
(``class_weight``, as the estimator's) each optimum is that of the weighted objective, and
the losses reported stay the plain mean cross-entropy.

Against the degree, each degree's data are made by the app's own
:func:`~logreg_gui.core.data.settings.prepare_data` with the feature map of that degree (the
other expansions chosen are kept), so each point is the model a person would get by choosing
that degree. The curve stops before the first degree whose map would make more than
:data:`~logreg_gui.core.data.feature_map.MAX_EXPANDED` features, and says so.

L2 = 0 has no finite optimum once the classes can be separated, which a high degree soon
allows: the degree curve then uses :data:`FLOOR_L2` instead (``ComplexityCurve.l2`` is the
penalty used, ``l2_asked`` the one asked for).

The verdict (:func:`verdict`) in the order of complexity (degree up, L2 down), with ``m`` the
margin (:func:`margin`: 10 % of the lowest test loss, at least 0.02):

* the *best* point is the one of lowest test loss;
* a more complex point **overfits** when its test loss is above that minimum by at least
  ``m`` while its training loss is below the best point's (the model fits the training part
  better and the test part worse: the train–test gap has grown by more than ``m``);
* a less complex point **underfits** when its test loss is above the minimum by at least
  ``m`` and its training loss is above the best point's by at least ``m`` too (both losses
  high: the model cannot even fit the training part).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from ..data.feature_map import MAX_DEGREE, MAX_EXPANDED, expanded_count
from ..errors import Cancelled, DataError
from ..i18n import translate
from ..model.class_weight import class_weights_of, sample_weights
from ..model.objective import cross_entropy, decision_scores, penalty, predicted_indices
from .optimum import find_optimum

__all__ = [
    "DEGREE",
    "FLOOR_L2",
    "L2",
    "L2_GRID",
    "ComplexityCurve",
    "CurvePoint",
    "Verdict",
    "curve_point",
    "degree_curve",
    "l2_curve",
    "margin",
    "verdict",
]

#: The two axes of a curve.
DEGREE = "degree"
L2 = "l2"
#: The penalties of the L2 curve: 10⁻⁵ … 10¹, two a decade.
L2_GRID = tuple(float(v) for v in np.logspace(-5, 1, 13))
#: The penalty of a degree curve asked for with L2 = 0 (whose optimum does not exist once a
#: degree separates the classes): weak enough for a high degree to overfit.
FLOOR_L2 = 1e-4
#: The verdict's margin: this fraction of the lowest test loss, and at least MARGIN_ABS.
MARGIN_REL = 0.1
MARGIN_ABS = 0.02


@dataclass(frozen=True)
class CurvePoint:
    """One point of a complexity curve: the optimum at one degree or one penalty.

    ``value``: the degree or the L2; ``n_features``: the model's features there;
    ``train_loss``/``test_loss``: mean cross-entropy on each part at the optimum, without
    the penalty; ``train_objective``: the training loss plus the penalty (what the optimum
    minimises); accuracies with the most probable class; ``approximate``: the search stopped
    short of its tolerance.
    """

    value: float
    n_features: int
    train_loss: float
    test_loss: float
    train_accuracy: float
    test_accuracy: float
    train_objective: float
    approximate: bool = False


@dataclass(frozen=True, eq=False)
class ComplexityCurve:
    """A complexity curve.

    ``axis``: :data:`DEGREE` or :data:`L2`; ``points`` in the order of the axis (degree up,
    L2 up). ``l2``: the penalty used on the degree axis (None on the L2 axis);
    ``l2_asked``: the penalty asked for. ``settings``: the DataSettings the degree varied in
    (None on the L2 axis); ``stopped_at``: the first degree not computed because its map is
    too large (None when none), said in ``stopped``. ``n_train``/``n_test``: rows.
    ``class_weight``: the class weights of the objective (None: unweighted).
    """

    axis: str
    points: tuple
    l2: float | None = None
    l2_asked: float | None = None
    settings: object = None
    stopped_at: int | None = None
    stopped: str = ""
    n_train: int = 0
    n_test: int = 0
    class_weight: object = None

    def values(self, name) -> np.ndarray:
        """One field of every point (``"value"``, ``"train_loss"``, …) as an array."""
        return np.array([getattr(p, name) for p in self.points], dtype=float)

    @property
    def complexity_order(self) -> np.ndarray:
        """Indices of the points from the simplest model to the most complex (degree up,
        L2 down)."""
        order = np.arange(len(self.points))
        return order if self.axis == DEGREE else order[::-1]


def curve_point(
    X_train, y_train, X_test, y_test, n_classes, l2, value, *, cancel=None, class_weights=None
):
    """The :class:`CurvePoint` of the optimum with penalty ``l2`` on these data (class
    indices ``y``; ``class_weights`` by class index, or None). DataError when the objective
    has no finite optimum (only with l2 = 0)."""
    optimum = find_optimum(
        X_train, y_train, n_classes, l2, class_weights=class_weights, cancel=cancel
    )
    if not optimum.exists:
        raise DataError(optimum.message)
    coef, intercept = optimum.coef, optimum.intercept
    train_scores = decision_scores(X_train, coef, intercept)
    train_loss = cross_entropy(train_scores, y_train)
    if len(y_test):
        test_scores = decision_scores(X_test, coef, intercept)
        test_loss = cross_entropy(test_scores, y_test)
        test_accuracy = float(np.mean(predicted_indices(test_scores) == y_test))
    else:
        test_loss = test_accuracy = float("nan")
    return CurvePoint(
        value=value,
        n_features=int(X_train.shape[1]),
        train_loss=train_loss,
        test_loss=test_loss,
        train_accuracy=float(np.mean(predicted_indices(train_scores) == y_train)),
        test_accuracy=test_accuracy,
        train_objective=cross_entropy(train_scores, y_train, sample_weights(class_weights, y_train))
        + penalty(coef, l2),
        approximate=optimum.approximate,
    )


def _point_of(split, l2, value, cancel, class_weight=None):
    """The point of a SplitData (labels turned into class indices)."""
    y_train = np.searchsorted(split.classes, split.y_train)
    y_test = np.searchsorted(split.classes, split.y_test)
    k = len(split.classes)
    weights = class_weights_of(class_weight, split.classes, y_train)
    return curve_point(
        split.X_train, y_train, split.X_test, y_test, k, l2, value, cancel=cancel,
        class_weights=weights,
    )  # fmt: skip


def _check(cancel):
    if cancel is not None and cancel():
        raise Cancelled(translate("analysis.complexity", "the complexity curve was cancelled."))


def degree_curve(
    settings, l2, *, degrees=None, cancel=None, progress=None, class_weight=None
) -> ComplexityCurve:
    """The curve against the polynomial degree of ``settings``' feature map (a
    DataSettings), each degree's data made by ``prepare_data``, with penalty ``l2``
    (:data:`FLOOR_L2` when 0) and the estimator's ``class_weight``.

    ``degrees``: the degrees to try, increasing (default 1 … 10); the curve stops before the
    first one whose map would exceed MAX_EXPANDED features. ``cancel()`` is checked between
    points and inside each search (Cancelled); ``progress(done, total)`` is called after the
    data are first made and after each point.
    """
    from ..data.settings import prepare_data

    degrees = list(range(1, MAX_DEGREE + 1) if degrees is None else degrees)
    used = float(l2) if l2 > 0 else FLOOR_L2
    feature_map = settings.feature_map
    first_map = replace(feature_map, degree=degrees[0])
    first = prepare_data(replace(settings, feature_map=first_map), cancel=cancel)
    numeric = len(first.preprocessing.numeric) if first.preprocessing is not None else 0
    if numeric == 0:
        raise DataError(
            translate(
                "analysis.complexity",
                "these data have no numeric columns: the polynomial degree changes nothing.",
            )
        )
    stopped_at, stopped = None, ""
    for d in degrees:
        count = expanded_count(numeric, replace(feature_map, degree=d))
        if count > MAX_EXPANDED:
            stopped_at = d
            stopped = translate(
                "analysis.complexity",
                "The curve stops at degree {last}: degree {degree} would make {count:,} features "
                "of the {inputs} numeric columns, more than the {limit:,} allowed.",
            ).format(last=d - 1, degree=d, count=count, inputs=numeric, limit=MAX_EXPANDED)
            degrees = degrees[: degrees.index(d)]
            break
    total = len(degrees)
    if progress is not None:
        progress(0, total)
    points = []
    split = first
    for i, d in enumerate(degrees):
        _check(cancel)
        if i > 0:
            map_d = replace(feature_map, degree=d)
            try:
                split = prepare_data(replace(settings, feature_map=map_d), cancel=cancel)
            except DataError as error:  # e.g. a power too large for floating point
                stopped_at = d
                stopped = translate(
                    "analysis.complexity",
                    "The curve stops at degree {last}: at degree {degree}, {reason}",
                ).format(last=d - 1, degree=d, reason=error)
                break
        points.append(_point_of(split, used, float(d), cancel, class_weight))
        if progress is not None:
            progress(i + 1, total)
    return ComplexityCurve(
        axis=DEGREE,
        points=tuple(points),
        l2=used,
        l2_asked=float(l2),
        settings=settings,
        stopped_at=stopped_at,
        stopped=stopped,
        n_train=len(first.y_train),
        n_test=len(first.y_test),
        class_weight=class_weight,
    )


def l2_curve(
    split, *, l2_values=L2_GRID, l2_asked=None, cancel=None, progress=None, class_weight=None
):
    """The curve against the penalty, on the features of ``split`` (a SplitData) as they
    are: one optimum per value of ``l2_values`` (positive, increasing). ``cancel``,
    ``progress`` and ``class_weight`` as in :func:`degree_curve`."""
    values = [float(v) for v in l2_values]
    if progress is not None:
        progress(0, len(values))
    points = []
    for i, l2 in enumerate(values):
        _check(cancel)
        points.append(_point_of(split, l2, l2, cancel, class_weight))
        if progress is not None:
            progress(i + 1, len(values))
    return ComplexityCurve(
        axis=L2,
        points=tuple(points),
        l2_asked=None if l2_asked is None else float(l2_asked),
        n_train=len(split.y_train),
        n_test=len(split.y_test),
        class_weight=class_weight,
    )


@dataclass(frozen=True)
class Verdict:
    """Where a curve underfits and overfits (indices of its points, in the axis's order),
    its best point (lowest test loss) and the margin used. None of them without a test
    part (``best`` is then None)."""

    best: int | None
    underfitting: tuple
    overfitting: tuple
    margin: float

    def label(self, index) -> str:
        """``"underfitting"``, ``"overfitting"`` or ``""`` for point ``index`` (untranslated
        keys)."""
        if index in self.underfitting:
            return "underfitting"
        if index in self.overfitting:
            return "overfitting"
        return ""


def margin(lowest_test_loss) -> float:
    """By how much a loss must differ to count: 10 % of the lowest test loss, at least 0.02."""
    return max(MARGIN_REL * float(lowest_test_loss), MARGIN_ABS)


def verdict(curve: ComplexityCurve) -> Verdict:
    """Where ``curve`` underfits and overfits, by the rule of this module's docstring."""
    test = curve.values("test_loss")
    train = curve.values("train_loss")
    if not len(test) or not np.isfinite(test).any():
        return Verdict(None, (), (), 0.0)
    order = curve.complexity_order
    ranked = test[order]
    position = int(np.nanargmin(ranked))  # the simplest of equally good points
    best = int(order[position])
    m = margin(test[best])
    worse = test >= test[best] + m
    under = [int(i) for i in order[:position] if worse[i] and train[i] >= train[best] + m]
    over = [int(i) for i in order[position + 1 :] if worse[i] and train[i] < train[best]]
    return Verdict(best, tuple(sorted(under)), tuple(sorted(over)), m)
