"""The prediction in words and the score's formula with the numbers of one sample — the
binary z = Σ wᵢxᵢ + b with σ(z), and softmax's z_k = Σ wₖᵢxᵢ + b_k — as rich text, the bias
a named term ("0.01454 + 0.5134 (bias)"): on many samples it, not the features, decides."""

from __future__ import annotations

import numpy as np

from ....core.analysis.threshold import logit
from ...style.i18n import translate
from ...style.palette import RIGHT, WRONG, class_text

__all__ = ["bias_term", "score_text", "verdict_text"]


def bias_term(b) -> str:
    """The bias as the named last term of a sum: "+ 0.5134 (bias)", "− 0.5134 (bias)"."""
    name = translate("PredictionPanel", "bias")
    sign = "+" if b >= 0 else "−"
    return f"{sign} {abs(b):.4g} ({name})"


def verdict_text(label, probability, right) -> str:
    """The predicted ``label`` with its ``probability``, marked right or wrong."""
    if right:
        verdict = translate(
            "PredictionPanel",
            "Predicted: <b>{label}</b> (P = {probability:.3f}) "
            "<span style='color:{color}'>✓ right</span>",
        )
    else:
        verdict = translate(
            "PredictionPanel",
            "Predicted: <b>{label}</b> (P = {probability:.3f}) "
            "<span style='color:{color}'>✗ wrong</span>",
        )
    return verdict.format(label=label, probability=probability, color=RIGHT if right else WRONG)


def score_text(explanation, classes, k, threshold=0.5) -> str:
    """The score of ``explanation`` (a SampleExplanation) adding up on screen: two classes,
    z and P(second class) = σ(z) against the decision ``threshold``, and the class it
    decides; softmax, z_k of class ``k`` and the largest scores."""
    e = explanation
    if len(e.scores) == 1:
        total = e.contributions[0].sum()
        second = e.scores[0] > logit(threshold)
        relation = ">" if second else "≤"
        decided = class_text(classes[1 if second else 0])
        return (
            f"z = Σ wᵢxᵢ + b = {total:.4g} {bias_term(e.intercept[0])} = {e.scores[0]:.4g};  "
            f"P({classes[1]}) = σ(z) = {e.probabilities[1]:.4f} {relation} t = {threshold:.3f}"
            f" → {decided}"
        )
    name = class_text(classes[k])
    total = e.contributions[k].sum()
    top = np.argsort(-e.scores, kind="stable")[:3]
    parts = ", ".join(f"z<sub>{class_text(classes[i])}</sub> = {e.scores[i]:.4g}" for i in top)
    formula = (
        f"z<sub>{name}</sub> = Σ wᵢxᵢ + b<sub>{name}</sub> = {total:.4g} "
        f"{bias_term(e.intercept[k])} = {e.scores[k]:.4g}."
    )
    if len(e.scores) > 3:
        scores = translate(
            "PredictionPanel", "Scores: {scores} (the 3 largest of {count}); P = softmax(z)."
        )
    else:
        scores = translate("PredictionPanel", "Scores: {scores}; P = softmax(z).")
    return f"{formula} " + scores.format(scores=parts, count=len(e.scores))
