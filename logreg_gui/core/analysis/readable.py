"""Weights a person can read: each weight as an odds ratio, in the data's own units and in
sentences, and the features whose weights share one effect because they move together.

The model learns on standardised numbers, so the weight ``w`` of a numeric feature is what
+1 standard deviation adds to the score ``z``, and ``e^w`` what it multiplies the odds by.
Undoing the standardisation ``x' = (x − μ)/σ`` gives the weights of the raw rows:
``w/σ`` per unit of the data and the intercept ``b − Σ w μ/σ``. One-hot columns stay as they
are: each is already "this level instead of the column's reference level", which has no
column of its own.

Softmax (more than two classes) has one score ``z_k`` per class, and only the differences of
the classes' weights are determined. +1 of a feature multiplies ``e^(z_k)`` (class k's
numerator in the softmax) by ``e^(w_k)``, and so the odds ``P(k)/P(j)`` of class k against
class j by ``e^(w_k − w_j)``, the ratio of the two classes' factors. The sentences here say
what a weight does to ``e^z`` of its class; :func:`softmax_odds_note` says the rest once.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..i18n import translate

__all__ = [
    "CORRELATION_LIMIT",
    "FeatureBaseline",
    "carry_weights",
    "contribution_sentence",
    "correlated_groups",
    "correlated_pairs",
    "correlation_note",
    "describe_features",
    "from_own_units",
    "in_own_units",
    "intercept_sentence",
    "odds_ratios",
    "others_sentence",
    "own_intercept_sentence",
    "softmax_odds_note",
    "weight_sentences",
]

#: Features whose correlation on the training part is beyond this share their weights' effect.
CORRELATION_LIMIT = 0.9
#: Rows of the training part summed at once for the correlations (bounds the memory used).
_CHUNK = 8192


def odds_ratios(coef) -> np.ndarray:
    """``e^w`` of every weight: what +1 of the feature (as the model sees it) multiplies the
    odds by (for softmax, ``e^(z_k)`` of the weight's class). Overflows to ``inf`` beyond
    ``w ≈ 709``, without a warning."""
    with np.errstate(over="ignore"):
        return np.exp(np.asarray(coef, dtype=float))


def in_own_units(coef, intercept, preprocessing):
    """The weights of rows in the data's own units, the standardisation undone.

    ``z = Σ w (x − μ)/σ + b = Σ (w/σ) x + (b − Σ w μ/σ)`` for the numeric features; one-hot
    columns are unchanged. Without a standardisation (``preprocessing`` None, or fitted with
    ``standardize=False``) the weights are returned as they are.

    Parameters
    ----------
    coef : array of shape (k, n_features), the weights of the standardised features
    intercept : array of shape (k,)
    preprocessing : Preprocessing or None, what made the features

    Returns
    -------
    coef_own : ndarray of shape (k, n_features)
    intercept_own : ndarray of shape (k,), such that
        ``decision_scores(raw, coef_own, intercept_own) == decision_scores(standardised,
        coef, intercept)`` for the same rows
    """
    coef = np.array(coef, dtype=float, copy=True, ndmin=2)
    intercept = np.array(intercept, dtype=float, copy=True).reshape(-1)
    if preprocessing is None or preprocessing.mean is None or not preprocessing.numeric:
        return coef, intercept
    m = preprocessing.n_numeric_features
    w = coef[:, :m]
    intercept -= w @ (preprocessing.mean / preprocessing.scale)
    coef[:, :m] = w / preprocessing.scale
    return coef, intercept


def from_own_units(coef_own, intercept_own, preprocessing):
    """The inverse of :func:`in_own_units`: the weights of the standardised features that
    score every row as ``coef_own``, ``intercept_own`` score it in the data's own units.

    ``x = σ x' + μ`` gives ``Σ w_own x + b_own = Σ (w_own σ) x' + (b_own + Σ w_own μ)``.
    """
    coef = np.array(coef_own, dtype=float, copy=True, ndmin=2)
    intercept = np.array(intercept_own, dtype=float, copy=True).reshape(-1)
    if preprocessing is None or preprocessing.mean is None or not preprocessing.numeric:
        return coef, intercept
    m = preprocessing.n_numeric_features
    w = coef[:, :m]
    intercept += w @ preprocessing.mean
    coef[:, :m] = w * preprocessing.scale
    return coef, intercept


def carry_weights(coef, intercept, before, after):
    """Weights for the preprocessing ``after`` that score every raw row as ``coef``,
    ``intercept`` scored it through ``before`` (data changed, and the standardisation
    fitted again): through the data's own units, ``w_own = w/σ_before``,
    ``b_own = b − Σ w μ_before/σ_before``, then :func:`from_own_units` with ``after``.

    Both must make the same features of the same columns (the same feature map); ValueError
    otherwise.
    """
    names = (tuple(before.feature_names), tuple(after.feature_names))
    same = (
        names[0] == names[1]
        and tuple(before.numeric) == tuple(after.numeric)
        and tuple(before.categorical) == tuple(after.categorical)
        and before.levels == after.levels
    )
    if not same:
        raise ValueError("the two preprocessings make different features")
    return from_own_units(*in_own_units(coef, intercept, before), after)


@dataclass(frozen=True)
class FeatureBaseline:
    """What one model feature is, so that a step of it can be said in words.

    ``kind`` is ``"number"`` (a numeric column: ``mean`` and ``scale`` when standardised,
    else None) or ``"level"`` (the one-hot column of ``level`` of the text ``column``, read
    against the column's ``reference`` level). ``name`` is the model's feature name.
    """

    name: str
    column: str
    kind: str = "number"
    level: object = None
    reference: object = None
    mean: float | None = None
    scale: float | None = None

    @property
    def standardised(self) -> bool:
        """True for a number the model sees as standard deviations from its training mean."""
        return self.scale is not None


def describe_features(feature_names, preprocessing) -> tuple[FeatureBaseline, ...]:
    """One :class:`FeatureBaseline` per name of ``feature_names``, from ``preprocessing``
    (None, or one that does not make these features: every feature a plain number)."""
    names = tuple(str(n) for n in feature_names)
    if preprocessing is None or tuple(preprocessing.feature_names) != names:
        return tuple(FeatureBaseline(name, name) for name in names)
    out = []
    # The numeric features: the numeric columns, or what a feature map made of them.
    numeric = preprocessing.numeric if preprocessing.powers is None else names
    for i in range(preprocessing.n_numeric_features):
        column = numeric[i]
        scaled = preprocessing.mean is not None
        out.append(
            FeatureBaseline(
                names[i],
                str(column),
                mean=float(preprocessing.mean[i]) if scaled else None,
                scale=float(preprocessing.scale[i]) if scaled else None,
            )
        )
    for column, levels, reference in zip(
        preprocessing.categorical, preprocessing.levels, preprocessing.references
    ):
        for level in levels:
            out.append(FeatureBaseline(names[len(out)], str(column), "level", level, reference))
    return tuple(out)


def _ratio(value) -> float:
    return float(odds_ratios(value))


# Sentences ---------------------------------------------------------------------------------
def weight_sentences(feature: FeatureBaseline, w, target, *, softmax=False) -> list[str]:
    """What a step of ``feature`` does to the score and the odds, one sentence per step: +1
    standard deviation and +1 in its own units for a standardised number, +1 for a plain
    number, the level instead of its reference level for a text column.

    ``w`` is the weight as the model has it (of the standardised feature); ``target`` names
    the class whose odds (binary: the second class) or, with ``softmax``, whose ``e^z`` the
    sentences are about.
    """
    w = float(w)
    values = {"feature": feature.name, "target": target, "w": w, "ratio": _ratio(w)}
    if feature.kind == "level":
        if softmax:
            text = translate(
                "analysis.readable",
                "{column} = {level} instead of its reference level {reference} adds w = {w:.4g} "
                "to z of {target}: it multiplies e^z of {target} by e^w = {ratio:.3g}.",
            )
        else:
            text = translate(
                "analysis.readable",
                "{column} = {level} instead of its reference level {reference} adds w = {w:.4g} "
                "to z: it multiplies the odds of {target} by e^w = {ratio:.3g}.",
            )
        values.update(column=feature.column, level=feature.level, reference=feature.reference)
        return [text.format(**values)]
    if not feature.standardised:
        if softmax:
            text = translate(
                "analysis.readable",
                "+1 of {feature} adds w = {w:.4g} to z of {target}: it multiplies e^z of "
                "{target} by e^w = {ratio:.3g}.",
            )
        else:
            text = translate(
                "analysis.readable",
                "+1 of {feature} adds w = {w:.4g} to z: it multiplies the odds of {target} by "
                "e^w = {ratio:.3g}.",
            )
        return [text.format(**values)]
    own = w / feature.scale
    if softmax:
        first = translate(
            "analysis.readable",
            "+1 standard deviation of {feature} ({scale:.4g} in its own units) adds w = {w:.4g} "
            "to z of {target}: it multiplies e^z of {target} by e^w = {ratio:.3g}.",
        )
        second = translate(
            "analysis.readable",
            "+1 of {feature} in its own units adds w/σ = {own:.4g} to z of {target}: it "
            "multiplies e^z of {target} by {own_ratio:.3g}.",
        )
    else:
        first = translate(
            "analysis.readable",
            "+1 standard deviation of {feature} ({scale:.4g} in its own units) adds w = {w:.4g} "
            "to z: it multiplies the odds of {target} by e^w = {ratio:.3g}.",
        )
        second = translate(
            "analysis.readable",
            "+1 of {feature} in its own units adds w/σ = {own:.4g} to z: it multiplies the "
            "odds of {target} by {own_ratio:.3g}.",
        )
    values.update(scale=feature.scale, own=own, own_ratio=_ratio(own))
    return [first.format(**values), second.format(**values)]


def intercept_sentence(b, target, *, standardised, levels=False, softmax=False) -> str:
    """What the intercept ``b`` is: the score where every feature is 0 as the model sees it
    (numbers at their training mean when ``standardised``, else at 0; text columns at their
    reference level when there are ``levels``), and the odds of ``target`` there."""
    b = float(b)
    if standardised and levels:
        if softmax:
            text = translate(
                "analysis.readable",
                "With every number at its training mean and every text column at its reference "
                "level, z of {target} = b = {b:.4g}: e^z of {target} is e^b = {ratio:.3g}.",
            )
        else:
            text = translate(
                "analysis.readable",
                "With every number at its training mean and every text column at its reference "
                "level, z = b = {b:.4g}: the odds of {target} are e^b = {ratio:.3g}.",
            )
    elif standardised:
        if softmax:
            text = translate(
                "analysis.readable",
                "With every feature at its training mean, z of {target} = b = {b:.4g}: e^z of "
                "{target} is e^b = {ratio:.3g}.",
            )
        else:
            text = translate(
                "analysis.readable",
                "With every feature at its training mean, z = b = {b:.4g}: the odds of "
                "{target} are e^b = {ratio:.3g}.",
            )
    elif levels:
        if softmax:
            text = translate(
                "analysis.readable",
                "With every number at 0 and every text column at its reference level, z of "
                "{target} = b = {b:.4g}: e^z of {target} is e^b = {ratio:.3g}.",
            )
        else:
            text = translate(
                "analysis.readable",
                "With every number at 0 and every text column at its reference level, z = b = "
                "{b:.4g}: the odds of {target} are e^b = {ratio:.3g}.",
            )
    elif softmax:
        text = translate(
            "analysis.readable",
            "With every feature at 0, z of {target} = b = {b:.4g}: e^z of {target} is e^b = "
            "{ratio:.3g}.",
        )
    else:
        text = translate(
            "analysis.readable",
            "With every feature at 0, z = b = {b:.4g}: the odds of {target} are e^b = {ratio:.3g}.",
        )
    return text.format(b=b, target=target, ratio=_ratio(b))


def own_intercept_sentence(b_own) -> str:
    """What the intercept in own units (:func:`in_own_units`) is."""
    return translate(
        "analysis.readable",
        "In the data's own units the intercept is {b:.4g}: the score z of a sample whose numbers "
        "are all 0 (often far from the data).",
    ).format(b=float(b_own))


def contribution_sentence(feature: FeatureBaseline, value, target, *, softmax=False) -> str:
    """What one sample's contribution ``value = wᵢxᵢ`` of ``feature`` does to the odds of
    ``target`` (with ``softmax``, to ``e^z`` of ``target``), against the feature at 0 as the
    model sees it: a standardised number at its training mean, a level at its reference."""
    value = float(value)
    values = {"feature": feature.name, "target": target, "value": value, "ratio": _ratio(value)}
    if feature.kind == "level":
        values.update(column=feature.column, reference=feature.reference)
        if softmax:
            text = translate(
                "analysis.readable",
                "{feature}: wᵢxᵢ = {value:.4g} multiplies e^z of {target} by e^(wᵢxᵢ) = "
                "{ratio:.3g}, against {column} at its reference level {reference}.",
            )
        else:
            text = translate(
                "analysis.readable",
                "{feature}: wᵢxᵢ = {value:.4g} multiplies the odds of {target} by e^(wᵢxᵢ) = "
                "{ratio:.3g}, against {column} at its reference level {reference}.",
            )
    elif feature.standardised:
        if softmax:
            text = translate(
                "analysis.readable",
                "{feature}: wᵢxᵢ = {value:.4g} multiplies e^z of {target} by e^(wᵢxᵢ) = "
                "{ratio:.3g}, against {feature} at its training mean.",
            )
        else:
            text = translate(
                "analysis.readable",
                "{feature}: wᵢxᵢ = {value:.4g} multiplies the odds of {target} by e^(wᵢxᵢ) = "
                "{ratio:.3g}, against {feature} at its training mean.",
            )
    elif softmax:
        text = translate(
            "analysis.readable",
            "{feature}: wᵢxᵢ = {value:.4g} multiplies e^z of {target} by e^(wᵢxᵢ) = {ratio:.3g}, "
            "against {feature} at 0.",
        )
    else:
        text = translate(
            "analysis.readable",
            "{feature}: wᵢxᵢ = {value:.4g} multiplies the odds of {target} by e^(wᵢxᵢ) = "
            "{ratio:.3g}, against {feature} at 0.",
        )
    return text.format(**values)


def others_sentence(count, value, target, *, softmax=False) -> str:
    """The same as :func:`contribution_sentence` for ``count`` features summed in one bar."""
    if softmax:
        text = translate(
            "analysis.readable",
            "The {count} other features together: Σ wᵢxᵢ = {value:.4g} multiplies e^z of {target} "
            "by {ratio:.3g}.",
        )
    else:
        text = translate(
            "analysis.readable",
            "The {count} other features together: Σ wᵢxᵢ = {value:.4g} multiplies the odds of "
            "{target} by {ratio:.3g}.",
        )
    return text.format(count=count, value=float(value), target=target, ratio=_ratio(value))


def softmax_odds_note() -> str:
    """How softmax's factors ``e^w`` become odds between two classes."""
    return translate(
        "analysis.readable",
        "With softmax, the odds of class k against class j multiply by e^(w_k − w_j): the "
        "ratio of the two classes' factors.",
    )


# Features that move together ---------------------------------------------------------------
def correlated_pairs(X_train, feature_names, limit=CORRELATION_LIMIT) -> list:
    """The pairs of features whose Pearson correlation on ``X_train`` is beyond ``limit``.

    Constant columns (no spread) are left out. The covariance is summed over blocks of rows,
    so that no copy of a large training part is made.

    Returns
    -------
    list of ``(name_i, name_j, r)`` with ``i < j`` in feature order and ``|r| > limit``
    """
    X = np.asarray(X_train, dtype=float)
    names = [str(n) for n in feature_names]
    n, d = X.shape
    if n < 2 or d < 2:
        return []
    mean = X.mean(axis=0)
    cov = np.zeros((d, d))
    for start in range(0, n, _CHUNK):
        block = X[start : start + _CHUNK] - mean
        cov += block.T @ block
    spread = np.sqrt(np.diag(cov))
    # A column whose spread is rounding noise of its size is constant.
    varies = spread > 1e-12 * np.sqrt(n) * np.maximum(np.abs(mean), 1.0)
    with np.errstate(all="ignore"):
        r = cov / np.outer(spread, spread)
    pairs = []
    for i, j in zip(*np.triu_indices(d, k=1)):
        if varies[i] and varies[j] and abs(r[i, j]) > limit:
            pairs.append((names[i], names[j], float(np.clip(r[i, j], -1.0, 1.0))))
    return pairs


def correlated_groups(pairs, feature_names) -> list:
    """The features of ``pairs`` joined into groups that move together (a feature correlated
    with one of a group joins it).

    Returns
    -------
    list of ``(names, r)``: the names in feature order and ``r`` of the group's most
    correlated pair; groups in the order of their first feature
    """
    order = {str(name): i for i, name in enumerate(feature_names)}
    parent = {}

    def root(name):
        while parent.setdefault(name, name) != name:
            name = parent[name]
        return name

    for a, b, _ in pairs:
        parent[root(a)] = root(b)
    groups = {}
    for a, b, r in pairs:
        names, strongest = groups.get(root(a), (set(), 0.0))
        groups[root(a)] = (names | {a, b}, r if abs(r) > abs(strongest) else strongest)
    out = [
        (tuple(sorted(names, key=lambda n: (order.get(n, len(order)), n))), r)
        for names, r in groups.values()
    ]
    return sorted(out, key=lambda group: order.get(group[0][0], len(order)))


def _r_text(r) -> str:
    """A correlation with two decimals, more where two would round it to ±1."""
    return f"{r:.2f}" if abs(round(r, 2)) < 1 else f"{r:.4f}"


def _listed(names) -> str:
    if len(names) == 2:
        return translate("analysis.readable", "{first} and {second}").format(
            first=names[0], second=names[1]
        )
    return translate("analysis.readable", "{names} and {last}").format(
        names=", ".join(names[:-1]), last=names[-1]
    )


def correlation_note(pairs, feature_names, limit=CORRELATION_LIMIT, *, rows=None, total=None):
    """A plain note naming the features that move together (``pairs`` of
    :func:`correlated_pairs` with ``limit``) and why their weights are read together; ""
    without pairs. ``rows`` of ``total`` training rows: the correlations were measured on
    that many rows drawn at random (the note says so)."""
    note = _correlation_note(pairs, feature_names, limit)
    if note and rows is not None and total is not None and rows < total:
        note += "\n" + translate(
            "analysis.readable",
            "(Measured on {rows:,} of the {total:,} training rows, drawn at random.)",
        ).format(rows=rows, total=total)
    return note


def _correlation_note(pairs, feature_names, limit):
    groups = correlated_groups(pairs, feature_names)
    if not groups:
        return ""
    if len(groups) == 1:
        names, r = groups[0]
        if len(names) > 2:
            text = translate(
                "analysis.readable",
                "{names} move together (|r| up to {r} on the training part): their weights "
                "share one effect, so read them together.",
            )
            r = abs(r)
        elif r > 0:
            text = translate(
                "analysis.readable",
                "{names} move together (r = {r} on the training part): their weights share "
                "one effect, so read them together.",
            )
        else:
            text = translate(
                "analysis.readable",
                "{names} move in opposite directions (r = {r} on the training part): their "
                "weights share one effect, so read them together.",
            )
        return text.format(names=_listed(names), r=_r_text(r))
    lines = [
        translate(
            "analysis.readable",
            "These features move together on the training part (|r| > {limit:g}): the weights "
            "of a group share one effect, so read them together.",
        ).format(limit=limit)
    ]
    for names, r in groups:
        if len(names) > 2:
            item = translate("analysis.readable", "• {names} (|r| up to {r})").format(
                names=_listed(names), r=_r_text(abs(r))
            )
        else:
            item = translate("analysis.readable", "• {names} (r = {r})").format(
                names=_listed(names), r=_r_text(r)
            )
        lines.append(item)
    return "\n".join(lines)
