"""What every part of a file is checked against before anything is made of it: the type,
the range and the size of each value a file holds, and the one rule that any failure while
reading a file — damage, a foreign kind, a bomb, a bug — is said in one plain sentence.

The checks raise :class:`Damaged` with the part at fault in plain words; the readers turn it
into a DataError naming the file (:func:`plainly`).
"""

from __future__ import annotations

import contextlib
import io
import math
from numbers import Integral, Real

import numpy as np

from ..errors import Cancelled, DataError
from ..i18n import QT_TRANSLATE_NOOP, translate
from .document import file_name

__all__ = [
    "MAX_TEXT",
    "Damaged",
    "choice",
    "class_weight_from_json",
    "class_weight_to_json",
    "estimator_settings",
    "estimator_settings_to_json",
    "finite_floats",
    "float_or_nan",
    "integer",
    "mapping",
    "number",
    "numbers_array",
    "plainly",
    "sequence",
    "text",
]

#: The longest text a file's label, message or name may hold.
MAX_TEXT = 10_000


class Damaged(ValueError):
    """A part of a file that is not what it should be; the message names it (English,
    marked with ``QT_TRANSLATE_NOOP("persistence", …)``: translated when said)."""


#: What the checks name when the caller names nothing more precise.
A_NUMBER = QT_TRANSLATE_NOOP("persistence", "a number")
A_TEXT = QT_TRANSLATE_NOOP("persistence", "a text")
A_CHOICE = QT_TRANSLATE_NOOP("persistence", "a choice")
A_TABLE = QT_TRANSLATE_NOOP("persistence", "a table of values")
A_LIST = QT_TRANSLATE_NOOP("persistence", "a list")


def integer(value, low=0, high=2**53, what=A_NUMBER):
    """``value`` as an int within ``[low, high]`` (no bool, no float, no infinity)."""
    if isinstance(value, bool) or not isinstance(value, Integral) or not low <= value <= high:
        raise Damaged(what)
    return int(value)


def number(value, low=-math.inf, high=math.inf, what=A_NUMBER):
    """``value`` as a finite float within ``[low, high]``."""
    if isinstance(value, bool) or not isinstance(value, Real):
        raise Damaged(what)
    value = float(value)
    if not (math.isfinite(value) and low <= value <= high):
        raise Damaged(what)
    return value


def float_or_nan(value, what=A_NUMBER):
    """A float, NaN for JSON's null (a value a curve did not have)."""
    return math.nan if value is None else number(value, what=what)


def text(value, what=A_TEXT, limit=MAX_TEXT):
    """``value`` as a str of at most ``limit`` characters."""
    if not isinstance(value, str) or len(value) > limit:
        raise Damaged(what)
    return value


def choice(value, options, what=A_CHOICE):
    """``value``, one of ``options``."""
    if not isinstance(value, (str, type(None))) or value not in options:
        raise Damaged(what)
    return value


def mapping(value, what=A_TABLE, limit=10_000):
    """``value`` as a dict with str keys (at most ``limit`` of them)."""
    if not isinstance(value, dict) or len(value) > limit:
        raise Damaged(what)
    if not all(isinstance(key, str) for key in value):
        raise Damaged(what)
    return value


def sequence(value, what=A_LIST, limit=10**7):
    """``value`` as a list of at most ``limit`` items."""
    if not isinstance(value, list) or len(value) > limit:
        raise Damaged(what)
    return value


def finite_floats(array, what=A_NUMBER):
    """A float array (a real-number dtype) whose every value is finite."""
    array = np.asarray(array)
    if array.dtype.kind not in "fiu" or not np.isfinite(array).all():
        raise Damaged(what)
    return array.astype(float, copy=False)


#: What a stored array may hold: booleans, integers and real numbers (never objects, text
#: or anything numpy would need pickle or a parser for).
_ARRAY_KINDS = "biuf"


def numbers_array(data: bytes, what=A_NUMBER) -> np.ndarray:
    """The array of ``.npy`` bytes, its header checked before anything is allocated: a
    dtype of numbers, and a shape whose size is exactly the bytes that follow the header
    (a header declaring terabytes in a few bytes is refused before numpy reserves them)."""
    stream = io.BytesIO(data)
    try:
        version = np.lib.format.read_magic(stream)
        if version == (1, 0):
            shape, _, dtype = np.lib.format.read_array_header_1_0(stream)
        elif version == (2, 0):
            shape, _, dtype = np.lib.format.read_array_header_2_0(stream)
        else:
            raise Damaged(what)
    except (ValueError, TypeError, SyntaxError) as error:
        raise Damaged(what) from error
    if dtype.kind not in _ARRAY_KINDS or dtype.hasobject or len(shape) > 8:
        raise Damaged(what)
    count = math.prod(shape)
    if count * dtype.itemsize != len(data) - stream.tell():
        raise Damaged(what)
    stream.seek(0)
    return np.load(stream, allow_pickle=False)


#: What a file's class weights are named when they are not what they should be.
THE_CLASS_WEIGHTS = QT_TRANSLATE_NOOP("persistence", "the setting of the class weights")
#: The most classes a file's class weights name.
MAX_CLASS_WEIGHTS = 10_000


def class_weight_to_json(value):
    """The estimator's ``class_weight`` as a file keeps it: None and ``"balanced"`` as they
    are, a dict as a list of ``[label, weight]`` pairs — JSON's objects have text keys only,
    and a label may be a number (``0``) or a text (``"0"``), which must stay apart."""
    if isinstance(value, dict):
        return [[_plain_label(label), float(weight)] for label, weight in value.items()]
    return value


def _plain_label(label):
    return label.item() if isinstance(label, np.generic) else label


def class_weight_from_json(value):
    """The inverse of :func:`class_weight_to_json`, checked strictly: None, ``"balanced"``,
    or a list of distinct labels (texts, whole numbers or finite numbers, never bools) with
    weights that are finite numbers greater than 0."""
    if value is None or value == "balanced":
        return value
    pairs = sequence(value, THE_CLASS_WEIGHTS, limit=MAX_CLASS_WEIGHTS)
    out = {}
    for pair in pairs:
        label, weight = _pair(pair)
        if label in out:
            raise Damaged(THE_CLASS_WEIGHTS)
        out[label] = weight
    return out


def _pair(pair):
    if not isinstance(pair, list) or len(pair) != 2:
        raise Damaged(THE_CLASS_WEIGHTS)
    label, weight = pair
    if isinstance(label, bool) or not isinstance(label, (str, int, float)):
        raise Damaged(THE_CLASS_WEIGHTS)
    if isinstance(label, str):
        text(label, THE_CLASS_WEIGHTS)
    elif isinstance(label, float) and not math.isfinite(label):
        raise Damaged(THE_CLASS_WEIGHTS)
    weight = number(weight, what=THE_CLASS_WEIGHTS)
    if not weight > 0:
        raise Damaged(THE_CLASS_WEIGHTS)
    return label, weight


def estimator_settings_to_json(settings) -> dict:
    """Estimator settings (a run's, the form's, a model's training) ready for a file's JSON:
    the class weights as :func:`class_weight_to_json` keeps them."""
    out = dict(settings)
    if "class_weight" in out:
        out["class_weight"] = class_weight_to_json(out["class_weight"])
    return out


def estimator_settings(values) -> dict:
    """A run's or the form's estimator settings, each checked against the estimator's own
    constraints; settings this version does not know are left out. The ``l2`` of files of
    earlier versions becomes ``penalty`` and ``alpha`` (``l2 = x > 0``: ``"l2"``, ``x``;
    ``l2 = 0``: no penalty). The class weights are read from their file form
    (:func:`class_weight_from_json`); files of earlier versions have none (None)."""
    from ..estimator import LogisticRegressionGD
    from ..model.params import problem
    from ..model.penalty import settings_without_l2

    constraints = LogisticRegressionGD._parameter_constraints
    out = {}
    for key, value in mapping(values, QT_TRANSLATE_NOOP("persistence", "the settings")).items():
        if key in constraints:
            if key == "random_state":
                value = None if value is None else integer(value, 0, 2**32)
            elif key == "class_weight":
                value = class_weight_from_json(value)
                if problem(constraints[key], value, key) is not None:
                    raise Damaged(THE_CLASS_WEIGHTS)
            elif problem(constraints[key], value, key) is not None:
                raise Damaged(QT_TRANSLATE_NOOP("persistence", "the settings"))
            out[key] = value
    return settings_without_l2(out)


@contextlib.contextmanager
def plainly(path, kind):
    """Reading ``path`` (a ``kind`` file: "model", "session"): whatever goes wrong inside
    is said in one plain sentence (DataError) naming the file, never a traceback."""
    name = file_name(path)
    try:
        yield
    except (DataError, Cancelled):
        raise
    except Damaged as damage:
        raise DataError(
            translate("persistence", "{name} is damaged: {part} is not as it should be.").format(
                name=name, part=translate("persistence", str(damage))
            )
        ) from None
    except MemoryError:
        raise DataError(
            translate(
                "persistence", "{name} is too large to open in this computer's memory."
            ).format(name=name)
        ) from None
    except RecursionError:
        raise DataError(
            translate(
                "persistence", "{name} is damaged: it is nested too deeply to be a {kind} file."
            ).format(name=name, kind=kind)
        ) from None
    except Exception:  # anything else a damaged file can make a library raise
        raise DataError(
            translate(
                "persistence",
                "{name} is not a {kind} file that can be opened (it is damaged, cut short, "
                "or of another kind).",
            ).format(name=name, kind=kind)
        ) from None
