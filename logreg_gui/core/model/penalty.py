"""The penalties — none, L2, L1 and elastic net — named as scikit-learn's ``SGDClassifier``
names them, and their maths.

The objective is ``mean cross-entropy + alpha·R(W)`` (the intercepts never penalised), with

* ``R = ½‖W‖²`` for ``"l2"``,
* ``R = ‖W‖₁`` for ``"l1"``,
* ``R = l1_ratio·‖W‖₁ + (1 − l1_ratio)/2·‖W‖²`` for ``"elasticnet"``,

which is scikit-learn's ``LogisticRegression(C = 1/(alpha·n))`` objective divided by
``C·n``. The training and the analyses work with two strengths: ``l2``, that of the smooth
part ``(l2/2)·‖W‖²`` (through the gradient), and ``l1``, that of ``l1·‖W‖₁`` (through the
proximal step, soft-thresholding, after each update). :class:`Penalty` turns the one into the
other.

Settings of earlier versions name one parameter, ``l2``: ``l2 = x > 0`` is ``penalty="l2",
alpha=x``, ``l2 = 0`` no penalty (:func:`settings_without_l2`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..i18n import translate

__all__ = [
    "DEFAULT_ALPHA",
    "DEFAULT_L1_RATIO",
    "NO_PENALTY",
    "PENALTIES",
    "Penalty",
    "as_penalty",
    "penalty_of",
    "settings_without_l2",
    "soft_threshold",
]

#: The penalties, in the order a person meets them (None: none).
PENALTIES = (None, "l2", "l1", "elasticnet")
#: The strength used when a penalty is chosen and none is given (SGDClassifier's).
DEFAULT_ALPHA = 0.0001
#: The share of L1 in an elastic net when none is given (SGDClassifier's).
DEFAULT_L1_RATIO = 0.15


@dataclass(frozen=True)
class Penalty:
    """A penalty as a person sets it: ``kind`` (None, ``"l2"``, ``"l1"`` or
    ``"elasticnet"``; ``"none"`` is read as None), strength ``alpha`` and ``l1_ratio`` (used
    by the elastic net only)."""

    kind: str | None = None
    alpha: float = DEFAULT_ALPHA
    l1_ratio: float = DEFAULT_L1_RATIO

    def __post_init__(self):
        if self.kind == "none":
            object.__setattr__(self, "kind", None)
        if self.kind not in PENALTIES:
            raise ValueError(f"unknown penalty {self.kind!r}: use None, l2, l1 or elasticnet.")
        object.__setattr__(self, "alpha", float(self.alpha))
        object.__setattr__(self, "l1_ratio", float(self.l1_ratio))

    @property
    def l2(self) -> float:
        """Strength of the smooth part ``(l2/2)·‖W‖²``."""
        if self.kind == "l2":
            return self.alpha
        if self.kind == "elasticnet":
            return self.alpha * (1.0 - self.l1_ratio)
        return 0.0

    @property
    def l1(self) -> float:
        """Strength of ``l1·‖W‖₁`` (applied by the proximal step)."""
        if self.kind == "l1":
            return self.alpha
        if self.kind == "elasticnet":
            return self.alpha * self.l1_ratio
        return 0.0

    @property
    def strengths(self) -> tuple[float, float]:
        """``(l2, l1)``: two penalties with the same strengths have the same objective (and
        optimum), however they are set."""
        return (self.l2, self.l1)

    @property
    def active(self) -> bool:
        """True when the objective has a penalty term at all."""
        return self.l2 > 0 or self.l1 > 0

    def value(self, coef) -> float:
        """``alpha·R(coef)``: the penalty's term of the objective."""
        coef = np.asarray(coef, dtype=float)
        total = 0.0
        if self.l2:
            total += 0.5 * self.l2 * float(np.sum(coef * coef))
        if self.l1:
            total += self.l1 * float(np.sum(np.abs(coef)))
        return total

    def C(self, n_samples) -> float:
        """scikit-learn's ``C`` for the same optimum on ``n_samples`` rows (inf without a
        penalty)."""
        return np.inf if not self.active else 1.0 / (self.alpha * n_samples)

    def settings(self) -> dict:
        """The estimator's parameters for this penalty."""
        return {"penalty": self.kind, "alpha": self.alpha, "l1_ratio": self.l1_ratio}

    def words(self) -> str:
        """The penalty in a few words ("L1, α = 0.01")."""
        if not self.active:
            return translate("penalty", "no penalty")
        if self.kind == "l2":
            return translate("penalty", "L2, α = {alpha:g}").format(alpha=self.alpha)
        if self.kind == "l1":
            return translate("penalty", "L1, α = {alpha:g}").format(alpha=self.alpha)
        return translate("penalty", "elastic net, α = {alpha:g}, l1_ratio = {ratio:g}").format(
            alpha=self.alpha, ratio=self.l1_ratio
        )

    def formula(self) -> str:
        """The penalty's term as written in the objective (" + (α/2)·‖w‖²"; "" for none)."""
        if not self.active:
            return ""
        return {
            "l2": " + (α/2)·‖w‖²",
            "l1": " + α·‖w‖₁",
            "elasticnet": " + α·(r·‖w‖₁ + (1 − r)/2·‖w‖²)",
        }[self.kind]


#: No penalty at all.
NO_PENALTY = Penalty()


def as_penalty(value) -> Penalty:
    """``value`` as a :class:`Penalty`: a Penalty as it is, a number as the strength of an
    L2 penalty (0: none), None as none."""
    if isinstance(value, Penalty):
        return value
    if value is None:
        return NO_PENALTY
    value = float(value)
    return Penalty("l2", value) if value > 0 else NO_PENALTY


def settings_without_l2(settings) -> dict:
    """Estimator settings with an earlier version's ``l2`` turned into ``penalty`` and
    ``alpha`` (``l2 = x > 0``: ``penalty="l2", alpha=x``; ``l2 = 0``: no penalty). Settings
    that already name a penalty keep it, and the ``l2`` is dropped."""
    out = dict(settings)
    if "l2" not in out:
        return out
    l2 = out.pop("l2")
    if "penalty" in out or l2 is None:
        return out
    if float(l2) > 0:
        out["penalty"], out["alpha"] = "l2", float(l2)
    else:
        out["penalty"] = None
    return out


def penalty_of(settings) -> Penalty:
    """The :class:`Penalty` of estimator settings (a run's, the form's, a file's), those of
    an earlier version with ``l2`` included."""
    settings = settings_without_l2(settings or {})
    return Penalty(
        settings.get("penalty"),
        settings.get("alpha", DEFAULT_ALPHA),
        settings.get("l1_ratio", DEFAULT_L1_RATIO),
    )


def soft_threshold(values, threshold):
    """The proximal step of ``threshold·‖·‖₁``: ``sign(v)·max(|v| − threshold, 0)``, exact
    zeros where ``|v| <= threshold``."""
    values = np.asarray(values, dtype=float)
    return np.sign(values) * np.maximum(np.abs(values) - threshold, 0.0)
