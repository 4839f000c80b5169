"""Two-dimensional data sets a person can look at, as in the TensorFlow Playground: two blobs,
moons, circles, XOR and two spirals. Each has the columns x1 and x2, the classes 0 and 1 in
equal numbers, and Gaussian noise of a chosen standard deviation on its coordinates.

A straight boundary separates the blobs and fails on the circles, XOR and the spirals: the
sets show what logistic regression on the raw features can and cannot learn.
"""

from __future__ import annotations

from dataclasses import dataclass
from numbers import Integral, Real

import numpy as np
import pandas as pd

from ..errors import FieldError
from ..i18n import QT_TRANSLATE_NOOP, translate
from ..model.params import Number, problem
from .dataset import Dataset
from .generation import MAX_SAMPLES

__all__ = [
    "MAX_NOISE",
    "MIN_SAMPLES",
    "SHAPES",
    "SHAPE_CONSTRAINTS",
    "SHAPE_LABELS",
    "ShapeSettings",
    "make_shape",
    "shape_noise",
    "shape_problems",
]


@dataclass(frozen=True)
class ShapeSettings:
    """The settings of the two-dimensional sets (the set itself is the data source).

    ``n_samples`` samples in all, split as evenly as they can be between the two classes
    (class 0 has the odd one). ``noise`` is the standard deviation of the Gaussian noise added
    to x1 and x2 — for the blobs, their spread around their centres; None is the set's own
    default (:data:`SHAPES`). ``class_share`` is the share of class 1 (imbalanced classes:
    0.05 makes class 1 rare); None splits evenly. The seed is the data settings' seed.
    """

    n_samples: int = 200
    noise: float | None = None
    class_share: float | None = None

    @property
    def counts(self) -> tuple[int, int]:
        """How many samples of class 0 and of class 1."""
        if self.class_share is None:
            ones = self.n_samples // 2
        else:
            ones = round(self.class_share * self.n_samples)
        return self.n_samples - ones, ones


#: Fewest samples of a set: five of each class, so that both parts of a split hold both.
MIN_SAMPLES = 10
#: Fewest samples of each class: both parts of a split hold both classes.
MIN_PER_CLASS = 4
#: The sets span about −1 to 1; noise beyond ten times that leaves no shape to see.
MAX_NOISE = 10.0

#: The constraints of every setting of :class:`ShapeSettings`.
SHAPE_CONSTRAINTS = {
    "n_samples": [Number(Integral, MIN_SAMPLES, MAX_SAMPLES, closed="both")],
    "noise": [Number(Real, 0, MAX_NOISE, closed="both"), None],
    "class_share": [Number(Real, 0, 1, closed="neither"), None],
}

#: How the settings are named where a person sets them. English, marked for translation:
#: ``translate("data.shapes", SHAPE_LABELS[name])`` where one is shown.
SHAPE_LABELS = {
    "n_samples": QT_TRANSLATE_NOOP("data.shapes", "the number of samples"),
    "noise": QT_TRANSLATE_NOOP("data.shapes", "the noise"),
    "class_share": QT_TRANSLATE_NOOP("data.shapes", "the share of class 1"),
}

#: name -> (what the set is, its default noise). The names are English, marked for
#: translation: ``translate("data.shapes", SHAPES[name][0])`` where one is shown. The noise
#: defaults leave each shape plain to see; with them a straight boundary reaches about 0.5 on
#: the circles, XOR and the spirals and about 1.0 on the blobs.
SHAPES = {
    "blobs": (QT_TRANSLATE_NOOP("data.shapes", "Two blobs (separable)"), 0.4),
    "moons": (QT_TRANSLATE_NOOP("data.shapes", "Moons"), 0.1),
    "circles": (QT_TRANSLATE_NOOP("data.shapes", "Circles"), 0.1),
    "xor": (QT_TRANSLATE_NOOP("data.shapes", "XOR (four quadrants)"), 0.1),
    "spirals": (QT_TRANSLATE_NOOP("data.shapes", "Two spirals"), 0.03),
}

#: Blob centres, class 0 then class 1.
_BLOB_CENTRES = ((-1.0, -1.0), (1.0, 1.0))
#: The inner circle's radius (the outer one's is 1).
_CIRCLE_FACTOR = 0.5
#: XOR's points keep this far from the axes before the noise, so that at noise 0 each
#: quadrant is plain.
_XOR_GAP = 0.1
#: Turns of each spiral, and the radius it starts at (the two must not meet at the centre).
_SPIRAL_TURNS = 2.0
_SPIRAL_START = 0.1


def shape_noise(name: str, settings: ShapeSettings) -> float:
    """The noise the set ``name`` is made with: the one set, or the set's default."""
    return SHAPES[name][1] if settings.noise is None else float(settings.noise)


def shape_problems(settings: ShapeSettings) -> dict[str, str]:
    """Setting name -> plain-words message, for each setting :data:`SHAPE_CONSTRAINTS`
    refuses; empty when the settings can be used."""
    problems = {}
    for name, constraints in SHAPE_CONSTRAINTS.items():
        label = translate("data.shapes", SHAPE_LABELS[name]).capitalize()
        message = problem(constraints, getattr(settings, name), label)
        if message:
            problems[name] = message
    if not problems and min(settings.counts) < MIN_PER_CLASS:
        problems["class_share"] = translate(
            "data.shapes",
            "a share of {share:g} of {n:,} samples leaves {counts} of a class; each needs at "
            "least {least}.",
        ).format(
            share=settings.class_share,
            n=settings.n_samples,
            counts=min(settings.counts),
            least=MIN_PER_CLASS,
        )
    return problems


def _blobs(counts, noise, seed):
    from sklearn.datasets import make_blobs

    return make_blobs(
        n_samples=list(counts), centers=_BLOB_CENTRES, cluster_std=noise, random_state=seed
    )


def _moons(counts, noise, seed):
    from sklearn.datasets import make_moons

    return make_moons(n_samples=counts, noise=noise, random_state=seed)


def _circles(counts, noise, seed):
    from sklearn.datasets import make_circles

    # make_circles takes (outer, inner): class 0 is the outer circle.
    return make_circles(n_samples=counts, noise=noise, factor=_CIRCLE_FACTOR, random_state=seed)


def _xor(counts, noise, seed):
    rng = np.random.default_rng(seed)
    X, y = [], []
    for label, count in enumerate(counts):
        # Class 1 where x1 and x2 have the same sign, class 0 where they differ; each class
        # fills its two quadrants in turn.
        first = np.where(np.arange(count) % 2 == 0, 1.0, -1.0)
        second = first if label == 1 else -first
        size = rng.uniform(_XOR_GAP, 1.0, size=(count, 2))
        X.append(size * np.column_stack([first, second]))
        y.append(np.full(count, label))
    return _shuffled(np.concatenate(X), np.concatenate(y), noise, rng)


def _spirals(counts, noise, seed):
    rng = np.random.default_rng(seed)
    X, y = [], []
    for label, count in enumerate(counts):
        along = np.linspace(0.0, 1.0, count)
        radius = _SPIRAL_START + (1.0 - _SPIRAL_START) * along
        angle = 2 * np.pi * _SPIRAL_TURNS * along + np.pi * label  # class 1 half a turn on
        X.append(np.column_stack([radius * np.cos(angle), radius * np.sin(angle)]))
        y.append(np.full(count, label))
    return _shuffled(np.concatenate(X), np.concatenate(y), noise, rng)


def _shuffled(X, y, noise, rng):
    """``X`` with Gaussian noise of standard deviation ``noise``, rows in a random order (as
    scikit-learn's makers return them)."""
    X = X + rng.normal(scale=noise, size=X.shape)
    order = rng.permutation(len(y))
    return X[order], y[order]


_MAKERS = {
    "blobs": _blobs,
    "moons": _moons,
    "circles": _circles,
    "xor": _xor,
    "spirals": _spirals,
}

#: What each set's classes are, and what its noise means; English, marked for translation.
_NOTES = {
    "blobs": QT_TRANSLATE_NOOP(
        "data.shapes",
        "class 0 is the blob around (−1, −1) and class 1 the blob around (1, 1); the noise "
        "{noise:g} is their spread: the standard deviation of x1 and x2 around the centre.",
    ),
    "moons": QT_TRANSLATE_NOOP(
        "data.shapes",
        "class 0 is the upper moon and class 1 the lower one; the noise {noise:g} is the "
        "standard deviation of the Gaussian noise added to x1 and x2.",
    ),
    "circles": QT_TRANSLATE_NOOP(
        "data.shapes",
        "class 0 is the outer circle (radius 1) and class 1 the inner one (radius 0.5); the "
        "noise {noise:g} is the standard deviation of the Gaussian noise added to x1 and x2.",
    ),
    "xor": QT_TRANSLATE_NOOP(
        "data.shapes",
        "class 1 is where x1 and x2 have the same sign and class 0 where they differ; the "
        "noise {noise:g} is the standard deviation of the Gaussian noise added to x1 and x2.",
    ),
    "spirals": QT_TRANSLATE_NOOP(
        "data.shapes",
        "class 0 and class 1 are two spirals of two turns, half a turn apart; the noise "
        "{noise:g} is the standard deviation of the Gaussian noise added to x1 and x2.",
    ),
}


def make_shape(name: str, settings: ShapeSettings | None = None, seed: int | None = 0) -> Dataset:
    """The two-dimensional set ``name`` (one of :data:`SHAPES`), the same for the same
    ``seed``.

    Returns
    -------
    Dataset with the columns x1 and x2 and the classes 0 and 1, class 0 holding
    ``ceil(n_samples / 2)`` samples; its source says how many of each class there are.

    Raises
    ------
    FieldError
        When the settings are out of range; its ``problems`` name the fields.
    """
    if name not in SHAPES:
        raise ValueError(f"unknown two-dimensional set {name!r}; one of {', '.join(SHAPES)}")
    settings = ShapeSettings() if settings is None else settings
    problems = shape_problems(settings)
    if problems:
        raise FieldError(problems)
    noise = shape_noise(name, settings)
    counts = settings.counts
    X, y = _MAKERS[name](counts, noise, seed)
    frame = pd.DataFrame(np.asarray(X, dtype=float), columns=["x1", "x2"])
    source = translate(
        "data.shapes",
        "{shape}: {samples:,} samples, {zeros:,} of class 0 and {ones:,} of class 1, noise "
        "{noise:g}, seed {seed}",
    ).format(
        shape=translate("data.shapes", SHAPES[name][0]),
        samples=settings.n_samples,
        zeros=counts[0],
        ones=counts[1],
        noise=noise,
        seed=seed,
    )
    note = translate("data.shapes", _NOTES[name]).format(noise=noise)
    return Dataset(
        frame=frame,
        y=np.asarray(y, dtype=np.int64),
        target_name="class",
        source=source,
        notes=(note,),
    )
