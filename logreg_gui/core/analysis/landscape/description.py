"""What a landscape shows, in plain words, for the view."""

from __future__ import annotations

from ...i18n import translate
from .grid import Landscape

__all__ = ["describe"]


def describe(landscape: Landscape, feature_names, class_labels, *, epoch: int | None = None) -> str:
    """What a landscape shows, in plain words, for the view.

    Parameters
    ----------
    landscape : Landscape
    feature_names : sequence of d str
    class_labels : sequence of the class labels
    epoch : int, optional, the epoch whose parameters are held fixed (None: "current")
    """
    p, q = landscape.params
    k, d = landscape.coef.shape
    name_p, name_q = p.name(feature_names, class_labels), q.name(feature_names, class_labels)
    loss = landscape.l2 == 0 and landscape.l1 == 0
    sentences = []
    if k * (d + 1) == 2:
        if loss:
            first = translate(
                "landscape",
                "The training loss J over {first} (horizontal) and {second} (vertical): with a "
                "single feature these are the only two parameters, so this is the whole "
                "landscape.",
            )
        else:
            first = translate(
                "landscape",
                "The objective J (loss plus penalty) over {first} (horizontal) and {second} "
                "(vertical): with a single feature these are the only two parameters, so this is "
                "the whole landscape.",
            )
        sentences.append(first.format(first=name_p, second=name_q))
        sentences.append(translate("landscape", "The path is where gradient descent took them."))
    else:
        others, singular, only_weights = _others(k, d, p, q)
        if epoch is None:
            held = (
                translate("landscape", "its current value")
                if singular
                else translate("landscape", "their current values")
            )
            source = translate("landscape", "the current ones")
        else:
            held = (
                translate("landscape", "its value of epoch {epoch:,}")
                if singular
                else translate("landscape", "their values of epoch {epoch:,}")
            ).format(epoch=epoch)
            source = translate("landscape", "those of epoch {epoch:,}").format(epoch=epoch)
        if loss:
            first = translate(
                "landscape",
                "The training loss J over {first} (horizontal) and {second} (vertical), {others} "
                "held at {held}.",
            )
        else:
            first = translate(
                "landscape",
                "The objective J (loss plus penalty) over {first} (horizontal) and {second} "
                "(vertical), {others} held at {held}.",
            )
        sentences.append(first.format(first=name_p, second=name_q, others=others, held=held))
        two_weights = not (p.is_intercept(d) or q.is_intercept(d))
        if two_weights and only_weights:
            path = translate(
                "landscape",
                "The path is where gradient descent took these two weights; on this slice the "
                "other weights are {source}, so earlier points of the path were on other slices.",
            )
        elif two_weights:
            path = translate(
                "landscape",
                "The path is where gradient descent took these two weights; on this slice the "
                "other parameters are {source}, so earlier points of the path were on other "
                "slices.",
            )
        elif only_weights:
            path = translate(
                "landscape",
                "The path is where gradient descent took these two parameters; on this slice the "
                "other weights are {source}, so earlier points of the path were on other slices.",
            )
        else:
            path = translate(
                "landscape",
                "The path is where gradient descent took these two parameters; on this slice the "
                "other parameters are {source}, so earlier points of the path were on other "
                "slices.",
            )
        sentences.append(path.format(source=source))
    if landscape.weighted:
        sentences.append(
            translate(
                "landscape",
                "Its cross-entropy is weighted by class: each training sample counts its "
                "class's weight, as in the run.",
            )
        )
    if landscape.sampled:
        sentences.append(
            translate(
                "landscape",
                "It is computed on a random sample of {rows:,} of the {total:,} training rows, "
                "so it can differ a little from J on all of them.",
            ).format(rows=landscape.rows_used, total=landscape.n_rows)
        )
    return " ".join(sentences)


# -- internals ---------------------------------------------------------------------------------


def _others(k, d, p, q) -> tuple[str, bool, bool]:
    """The parameters other than ``p`` and ``q`` in words; whether that phrase is singular;
    whether they are all weights."""
    weights_chosen = sum(not s.is_intercept(d) for s in (p, q))
    other_weights, other_intercepts = k * d - weights_chosen, k - (2 - weights_chosen)
    parts = []
    plural = False
    if other_weights:
        if weights_chosen == 0:
            parts.append(translate("landscape", "every weight"))
        elif other_weights == 1:
            parts.append(translate("landscape", "the other weight"))
        else:
            parts.append(translate("landscape", "every other weight"))
    if other_intercepts:
        if k == 1:
            parts.append(translate("landscape", "the intercept"))
        elif weights_chosen == 2:
            parts.append(translate("landscape", "the intercepts"))
            plural = True
        elif other_intercepts == 1:
            parts.append(translate("landscape", "the other intercept"))
        else:
            parts.append(translate("landscape", "the other intercepts"))
            plural = True
    singular = len(parts) == 1 and not plural
    if len(parts) == 2:
        phrase = translate("landscape", "{first} and {second}").format(
            first=parts[0], second=parts[1]
        )
    else:
        phrase = "".join(parts)
    return phrase, singular, not other_intercepts
