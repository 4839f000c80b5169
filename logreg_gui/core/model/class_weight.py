"""Class weights — none, ``"balanced"``, or a weight per class — with scikit-learn's meaning.

Each training sample ``i`` weighs ``s_i = w[y_i]``, its class's weight, and the objective
becomes ``(1/n)·Σ s_i·ℓ_i + alpha·R(W)``: divided by the number of samples ``n``, not by
``Σ s_i``, as in scikit-learn's ``LogisticRegression``, whose optimum it then is with
``C = 1/(alpha·n)`` and the same ``class_weight``. ``"balanced"`` gives class ``c`` the weight
``n / (n_classes · count(c))`` (every class then weighs as much in total, and the weights of
all samples still sum to ``n``); a dict maps class labels, as they are in ``y``, to weights
``> 0``, and classes it does not name weigh 1 (:func:`class_weights_of` uses scikit-learn's
``compute_class_weight``, so labels are looked up as it looks them up).

The weights are those of the training objective only: the metrics (accuracy, balanced
accuracy, the test loss and the losses reported beside the objective) stay unweighted.

In the maths and the kernels the weights are an array by class index, ``class_weights``
(length ``n_classes``), or None for none; per sample, ``class_weights[y]``.
"""

from __future__ import annotations

import math
import re
from numbers import Integral, Real

import numpy as np
from sklearn.utils._param_validation import Options

from ..i18n import translate

__all__ = [
    "BALANCED",
    "ClassWeights",
    "class_weight_key",
    "class_weight_text",
    "class_weight_words",
    "class_weights_of",
    "is_weighted",
    "parse_class_weight",
    "parse_weights",
    "sample_weights",
    "weights_text",
]

#: The class weight that balances the classes (scikit-learn's name).
BALANCED = "balanced"

#: A whole-number label as typed (``0``, ``-1``, ``+2``).
_WHOLE = re.compile(r"[+-]?\d+")


def _is_label(value) -> bool:
    """A class label a class weight may name: a text or a number (never a bool)."""
    if isinstance(value, (bool, np.bool_)):
        return False
    if isinstance(value, str):
        return True
    if isinstance(value, Integral):
        return True
    return isinstance(value, Real) and math.isfinite(value)


def _is_weight(value) -> bool:
    """A class's weight: a finite number greater than 0 (never a bool)."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, Real):
        return False
    return math.isfinite(value) and value > 0


class ClassWeights(Options):
    """scikit-learn's parameter constraint for a dict of class labels to weights ``> 0``
    (the labels texts or numbers; NaN, infinities, 0, negative weights and bools refused).

    An :class:`Options` of dicts only because scikit-learn's validation accepts its own
    kinds of constraint alone; which dicts it allows is said here.
    """

    def __init__(self):
        super().__init__(dict, set())

    def is_satisfied_by(self, val):
        return isinstance(val, dict) and all(
            _is_label(key) and _is_weight(weight) for key, weight in val.items()
        )

    def __str__(self):
        return "a dict of class labels to weights > 0"


def is_weighted(class_weight) -> bool:
    """True when ``class_weight`` weighs the samples (``"balanced"`` or a non-empty dict);
    None and an empty dict weigh every sample 1."""
    return class_weight is not None and not (isinstance(class_weight, dict) and not class_weight)


def class_weights_of(class_weight, classes, y_index) -> np.ndarray | None:
    """The weight of each class, in the order of ``classes``, or None when ``class_weight``
    weighs nothing (:func:`is_weighted`).

    Parameters
    ----------
    class_weight : None, ``"balanced"`` or dict
        As the estimator's parameter.
    classes : ndarray of shape (n_classes,)
        The class labels, sorted (``np.unique`` of the training labels).
    y_index : ndarray of shape (n_samples,)
        The training labels as class indices into ``classes`` (``"balanced"`` counts them).

    Returns
    -------
    ndarray of shape (n_classes,), float64, or None

    Raises
    ------
    ValueError
        In one sentence, when scikit-learn's ``compute_class_weight`` refuses the dict: it
        leaves classes unnamed and names labels that are not classes.
    """
    if not is_weighted(class_weight):
        return None
    from sklearn.utils.class_weight import compute_class_weight

    classes = np.asarray(classes)
    y_index = np.asarray(y_index)
    if class_weight == BALANCED:
        counts = np.bincount(y_index, minlength=len(classes))
        if np.any(counts == 0):
            missing = classes[counts == 0].tolist()
            raise ValueError(
                translate(
                    "class_weight",
                    "balanced class weights need training samples of every class; there are "
                    "none of {labels}.",
                ).format(labels=", ".join(map(str, missing)))
            )
    try:
        weights = compute_class_weight(class_weight, classes=classes, y=classes[y_index])
    except ValueError:
        raise ValueError(
            translate(
                "class_weight",
                "the class weights {weights} name labels that are not classes of these data "
                "({classes}): name the classes as they are in the data (a class not named "
                "weighs 1).",
            ).format(
                weights=weights_text(class_weight),
                classes=", ".join(map(str, classes.tolist())),
            )
        ) from None
    return np.asarray(weights, dtype=np.float64)


def sample_weights(class_weights, y_index) -> np.ndarray | None:
    """The weight of each sample, ``class_weights[y_index]`` (None for None)."""
    if class_weights is None:
        return None
    return np.asarray(class_weights, dtype=np.float64)[np.asarray(y_index)]


def _label_text(label) -> str:
    """A label as typed: a text that would read as a number (or has spaces at its ends) in
    quotes, so that :func:`parse_weights` reads it back as the text it is."""
    if isinstance(label, np.generic):
        label = label.item()
    if isinstance(label, str):
        if _WHOLE.fullmatch(label.strip()) or label != label.strip() or not label:
            return f"'{label}'"
        return label
    if isinstance(label, float) and label.is_integer():
        return f"{label:g}"
    return str(label)


def weights_text(weights) -> str:
    """A dict of class weights as a person types it: ``"0: 1, 1: 10"``."""
    return ", ".join(f"{_label_text(k)}: {float(v):g}" for k, v in weights.items())


def class_weight_text(class_weight) -> str:
    """``class_weight`` as the command line takes it: ``"none"``, ``"balanced"`` or
    ``"0: 1, 1: 10"``."""
    if not is_weighted(class_weight):
        return "none"
    if class_weight == BALANCED:
        return BALANCED
    return weights_text(class_weight)


def class_weight_words(class_weight) -> str:
    """The class weights in a few words ("balanced class weights", "class weights 0: 1,
    1: 10", "no class weights")."""
    if not is_weighted(class_weight):
        return translate("class_weight", "no class weights")
    if class_weight == BALANCED:
        return translate("class_weight", "balanced class weights")
    return translate("class_weight", "class weights {weights}").format(
        weights=weights_text(class_weight)
    )


def class_weight_key(class_weight):
    """A hashable value equal for class weights that weigh the same (None for none)."""
    if not is_weighted(class_weight):
        return None
    if class_weight == BALANCED:
        return BALANCED
    items = (
        (type(k).__name__ if isinstance(k, str) else "number", _label_text(k), float(v))
        for k, v in class_weight.items()
    )
    return tuple(sorted(items))


def _label_of(text):
    """The label a person typed: a whole number as an int (scikit-learn looks up the
    classes ``0``, ``1``… by their int), anything else as text (quotes removed)."""
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        return text[1:-1]
    if _WHOLE.fullmatch(text):
        return int(text)
    return text


def parse_weights(text):
    """Weights per class as typed, ``"0: 1, 1: 10"`` (``label: weight`` pairs separated by
    commas). Returns ``(dict, problem)``; ``problem`` is None when the weights can be used
    (then the dict holds them), a plain sentence otherwise."""
    text = str(text).strip()
    if not text:
        return None, translate(
            "class_weight", "type the class weights as label: weight pairs, e.g. 0: 1, 1: 10."
        )
    weights = {}
    for part in text.split(","):
        if ":" not in part:
            return None, translate(
                "class_weight",
                "“{part}” is not a label and its weight: type label: weight pairs, e.g. 0: 1, "
                "1: 10.",
            ).format(part=part.strip())
        label_text, weight_text = part.rsplit(":", 1)
        label = _label_of(label_text)
        if label == "":
            return None, translate(
                "class_weight",
                "“{part}” is not a label and its weight: type label: weight pairs, e.g. 0: 1, "
                "1: 10.",
            ).format(part=part.strip())
        try:
            weight = float(weight_text.strip().replace("_", ""))
        except ValueError:
            weight = math.nan
        if not _is_weight(weight):
            return None, translate(
                "class_weight",
                "the weight of class {label} must be a number greater than 0, not “{text}”.",
            ).format(label=label, text=weight_text.strip())
        if label in weights:
            return None, translate("class_weight", "class {label} is given two weights.").format(
                label=label
            )
        weights[label] = weight
    return weights, None


def parse_class_weight(text):
    """Class weights as the command line takes them: ``none`` (or nothing), ``balanced``, or
    ``label: weight`` pairs (``"0:1,1:10"``). Returns ``(value, problem)`` as
    :func:`parse_weights`."""
    typed = str(text).strip()
    if typed.lower() in ("", "none"):
        return None, None
    if typed.lower() == BALANCED:
        return BALANCED, None
    return parse_weights(typed)
