"""Settings as people type them: one set of constraints, parsed and explained in plain words.

The estimator declares its parameters once, in scikit-learn's ``_parameter_constraints``
(checked by ``_fit_context``); the data settings do the same here. The window's forms and
the command line parse text with :func:`parse` and explain a refusal with :func:`problem`,
from the same constraints, so that the three never disagree about what is allowed.
"""

from __future__ import annotations

import math
from numbers import Integral, Real

import numpy as np
from sklearn.utils._param_validation import Interval, StrOptions, make_constraint

__all__ = [
    "MAX_EPOCHS",
    "Number",
    "describe",
    "parse",
    "problem",
]

#: The most epochs a run may ask for (the window, the CLI and the estimator alike).
MAX_EPOCHS = 100_000_000


class Number(Interval):
    """scikit-learn's :class:`Interval` that also refuses booleans and infinities.

    ``True`` is an int in Python and would pass as ``epochs=1``; an infinite learning rate
    is a float. Neither is a number a person means.
    """

    def is_satisfied_by(self, val):
        if isinstance(val, (bool, np.bool_)):
            return False
        if isinstance(val, Real) and not math.isfinite(val):
            return False
        return super().is_satisfied_by(val)


def _bound(value, integral):
    return f"{value:,}" if integral else f"{value:g}"


def describe(constraint) -> str:
    """What a constraint allows, in plain words ("a whole number from 1 to 100,000,000")."""
    if constraint is None:
        return "empty"
    if isinstance(constraint, StrOptions):
        return "one of " + ", ".join(sorted(constraint.options))
    if not isinstance(constraint, Interval):
        return str(make_constraint(constraint))
    integral = constraint.type is Integral
    noun = "a whole number" if integral else "a number"
    left, right, closed = constraint.left, constraint.right, constraint.closed
    left_in = closed in ("left", "both")
    right_in = closed in ("right", "both")
    lo = None if left is None else _bound(left, integral)
    hi = None if right is None else _bound(right, integral)
    if lo is not None and hi is not None:
        if left_in and right_in:
            return f"{noun} from {lo} to {hi}"
        low = f"at least {lo}" if left_in else f"greater than {lo}"
        high = f"at most {hi}" if right_in else f"less than {hi}"
        return f"{noun} {low} and {high}"
    if lo is not None:
        return f"{noun} of {lo} or more" if left_in else f"{noun} greater than {lo}"
    if hi is not None:
        return f"{noun} of {hi} or less" if right_in else f"{noun} less than {hi}"
    return noun


def _show(value) -> str:
    """A value as a person typed or would read it (never ``np.int64(0)``)."""
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e16:
        return f"{value:g}"
    return repr(value) if isinstance(value, str) else str(value)


def problem(constraints, value, label) -> str | None:
    """Why ``value`` satisfies none of ``constraints`` (a parameter's list), or None.

    ``label`` names the setting as a person sees it ("the learning rate").
    """
    if any(make_constraint(c).is_satisfied_by(value) for c in constraints):
        return None
    allowed = [describe(c) for c in constraints if c is not None]
    text = " or ".join(allowed)
    if None in constraints:
        text += " (or left empty)"
    return f"{label} must be {text}; {_show(value)} is not."


def parse(text, constraints, label):
    """Turn what a person typed into a value allowed by ``constraints``.

    Returns ``(value, problem)``; ``problem`` is None when the value can be used. Empty text
    means None where None is allowed. Whole numbers may be typed as ``1e6`` or ``1,000``.
    """
    text = str(text).strip()
    if not text:
        if None in constraints:
            return None, None
        return None, f"{label} is empty: type a value."
    numeric = [c for c in constraints if isinstance(c, Interval)]
    if not numeric:
        return text, problem(constraints, text, label)
    integral = all(c.type is Integral for c in numeric)
    cleaned = text.replace(",", "").replace("_", "")
    try:
        value = float(cleaned)
    except ValueError:
        noun = "a whole number" if integral else "a number"
        return None, f"“{text}” is not {noun}."
    if not math.isfinite(value):
        return None, f"{label} must be a finite number, not “{text}”."
    if integral:
        if not value.is_integer():
            return None, f"{label} must be a whole number, not {text}."
        # Exact for plain digits of any length; float only for the 1e6 notation.
        value = int(cleaned) if cleaned.lstrip("+-").isdigit() else int(value)
    return value, problem(constraints, value, label)
