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

from ..i18n import translate

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
        return translate("params", "empty")
    if isinstance(constraint, StrOptions):
        return translate("params", "one of {options}").format(
            options=", ".join(sorted(constraint.options))
        )
    if not isinstance(constraint, Interval):
        return str(make_constraint(constraint))
    integral = constraint.type is Integral
    left, right, closed = constraint.left, constraint.right, constraint.closed
    left_in = closed in ("left", "both")
    right_in = closed in ("right", "both")
    lo = None if left is None else _bound(left, integral)
    hi = None if right is None else _bound(right, integral)
    if lo is not None and hi is not None:
        if left_in and right_in:
            text = (
                translate("params", "a whole number from {low} to {high}")
                if integral
                else translate("params", "a number from {low} to {high}")
            )
        elif left_in:
            text = (
                translate("params", "a whole number at least {low} and less than {high}")
                if integral
                else translate("params", "a number at least {low} and less than {high}")
            )
        elif right_in:
            text = (
                translate("params", "a whole number greater than {low} and at most {high}")
                if integral
                else translate("params", "a number greater than {low} and at most {high}")
            )
        else:
            text = (
                translate("params", "a whole number greater than {low} and less than {high}")
                if integral
                else translate("params", "a number greater than {low} and less than {high}")
            )
        return text.format(low=lo, high=hi)
    if lo is not None:
        if left_in:
            text = (
                translate("params", "a whole number of {low} or more")
                if integral
                else translate("params", "a number of {low} or more")
            )
        else:
            text = (
                translate("params", "a whole number greater than {low}")
                if integral
                else translate("params", "a number greater than {low}")
            )
        return text.format(low=lo)
    if hi is not None:
        if right_in:
            text = (
                translate("params", "a whole number of {high} or less")
                if integral
                else translate("params", "a number of {high} or less")
            )
        else:
            text = (
                translate("params", "a whole number less than {high}")
                if integral
                else translate("params", "a number less than {high}")
            )
        return text.format(high=hi)
    return translate("params", "a whole number") if integral else translate("params", "a number")


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
    text = allowed[0] if allowed else ""
    for other in allowed[1:]:
        text = translate("params", "{first} or {second}").format(first=text, second=other)
    if None in constraints:
        message = translate("params", "{label} must be {allowed} (or left empty); {value} is not.")
    else:
        message = translate("params", "{label} must be {allowed}; {value} is not.")
    return message.format(label=label, allowed=text, value=_show(value))


def parse(text, constraints, label):
    """Turn what a person typed into a value allowed by ``constraints``.

    Returns ``(value, problem)``; ``problem`` is None when the value can be used. Empty text
    means None where None is allowed. Whole numbers may be typed as ``1e6`` or ``1,000``.
    """
    text = str(text).strip()
    if not text:
        if None in constraints:
            return None, None
        return None, translate("params", "{label} is empty: type a value.").format(label=label)
    numeric = [c for c in constraints if isinstance(c, Interval)]
    if not numeric:
        return text, problem(constraints, text, label)
    integral = all(c.type is Integral for c in numeric)
    cleaned = text.replace(",", "").replace("_", "")
    try:
        value = float(cleaned)
    except ValueError:
        message = (
            translate("params", "“{text}” is not a whole number.")
            if integral
            else translate("params", "“{text}” is not a number.")
        )
        return None, message.format(text=text)
    if not math.isfinite(value):
        message = translate("params", "{label} must be a finite number, not “{text}”.")
        return None, message.format(label=label, text=text)
    if integral:
        if not value.is_integer():
            message = translate("params", "{label} must be a whole number, not {text}.")
            return None, message.format(label=label, text=text)
        # Exact for plain digits of any length; float only for the 1e6 notation.
        value = int(cleaned) if cleaned.lstrip("+-").isdigit() else int(value)
    return value, problem(constraints, value, label)
