"""The number fields each parameter form offers, one table per form: the setting a field
edits, the field's objectName, its label and tooltip (English, translated in the form's
context) and the step of its Up and Down keys. The forms are built from these tables; their
constraints, messages and defaults come from the core's settings."""

from __future__ import annotations

from dataclasses import dataclass

from ..style.i18n import QT_TRANSLATE_NOOP

__all__ = ["DATA_FIELDS", "GENERATION_FIELDS", "MODEL_FIELDS", "SHAPE_FIELDS", "NumberSpec"]


@dataclass(frozen=True)
class NumberSpec:
    """One number field of a form: the setting ``key`` it edits, the field's objectName
    ``name``, its ``label`` and ``tooltip`` (English, translated in the form's context) and
    the ``step`` of the Up and Down keys; ``placeholder`` is shown while it is empty."""

    key: str
    name: str
    label: str
    tooltip: str
    step: float | None = None
    placeholder: str = ""


#: The make_classification parameters the data form offers.
GENERATION_FIELDS = (
    NumberSpec(
        "n_samples",
        "nSamplesInput",
        QT_TRANSLATE_NOOP("DataForm", "Samples"),
        QT_TRANSLATE_NOOP(
            "DataForm", "Number of samples make_classification generates (n_samples)."
        ),
        10,
    ),
    NumberSpec(
        "n_features",
        "nFeaturesInput",
        QT_TRANSLATE_NOOP("DataForm", "Features"),
        QT_TRANSLATE_NOOP(
            "DataForm",
            "Number of features of each sample (n_features) = informative + redundant + "
            "repeated + pure noise.",
        ),
        1,
    ),
    NumberSpec(
        "n_informative",
        "nInformativeInput",
        QT_TRANSLATE_NOOP("DataForm", "Informative"),
        QT_TRANSLATE_NOOP("DataForm", "Features that carry the class signal (n_informative)."),
        1,
    ),
    NumberSpec(
        "n_redundant",
        "nRedundantInput",
        QT_TRANSLATE_NOOP("DataForm", "Redundant"),
        QT_TRANSLATE_NOOP(
            "DataForm",
            "Features that are random linear combinations of the informative ones (n_redundant).",
        ),
        1,
    ),
    NumberSpec(
        "n_classes",
        "nClassesInput",
        QT_TRANSLATE_NOOP("DataForm", "Classes"),
        QT_TRANSLATE_NOOP(
            "DataForm",
            "Number of classes (n_classes). Two classes use a sigmoid, more use a softmax.",
        ),
        1,
    ),
    NumberSpec(
        "class_sep",
        "classSepInput",
        QT_TRANSLATE_NOOP("DataForm", "Class separation"),
        QT_TRANSLATE_NOOP(
            "DataForm",
            "Distance between the class clusters (class_sep), > 0: larger is easier to separate.",
        ),
        0.1,
    ),
    NumberSpec(
        "flip_y",
        "flipYInput",
        QT_TRANSLATE_NOOP("DataForm", "Label noise"),
        QT_TRANSLATE_NOOP(
            "DataForm",
            "Label noise (flip_y): the fraction of samples whose class is assigned at random.",
        ),
        0.01,
    ),
)

#: The settings of the two-dimensional sets (blobs, moons, circles, XOR, spirals); ``key``
#: is ``shape_`` and the ShapeSettings field it edits.
SHAPE_FIELDS = (
    NumberSpec(
        "shape_n_samples",
        "shapeSamplesInput",
        QT_TRANSLATE_NOOP("DataForm", "Samples"),
        QT_TRANSLATE_NOOP(
            "DataForm",
            "Number of samples of the two-dimensional set, at least 10: half of them in each "
            "class (class 0 has the odd one).",
        ),
        10,
    ),
    NumberSpec(
        "shape_noise",
        "shapeNoiseInput",
        QT_TRANSLATE_NOOP("DataForm", "Noise"),
        QT_TRANSLATE_NOOP(
            "DataForm",
            "Standard deviation of the Gaussian noise added to x1 and x2, from 0 to 10 (the sets "
            "span about −1 to 1); for the two blobs, their spread around their centres. Empty: "
            "the set's own default.",
        ),
        0.01,
    ),
    NumberSpec(
        "shape_class_share",
        "shapeClassShareInput",
        QT_TRANSLATE_NOOP("DataForm", "Class share"),
        QT_TRANSLATE_NOOP(
            "DataForm",
            "The share of class 1 among the samples, between 0 and 1: 0.05 makes it rare (an "
            "imbalanced set, where accuracy misleads). Empty: half and half.",
        ),
        0.05,
        QT_TRANSLATE_NOOP("DataForm", "balanced"),
    ),
)

#: The split's settings, for any source.
DATA_FIELDS = (
    NumberSpec(
        "test_size",
        "testSizeInput",
        QT_TRANSLATE_NOOP("DataForm", "Test size"),
        QT_TRANSLATE_NOOP(
            "DataForm",
            "Fraction of the samples held out for testing (test_size); the model never "
            "trains on them.",
        ),
        0.05,
    ),
    NumberSpec(
        "seed",
        "seedInput",
        QT_TRANSLATE_NOOP("DataForm", "Random seed"),
        QT_TRANSLATE_NOOP(
            "DataForm",
            "Random seed for generating and splitting the data and for the initial weights: "
            "the same seed gives the same run.",
        ),
        1,
    ),
)

#: The estimator's number parameters the model form offers.
MODEL_FIELDS = (
    NumberSpec(
        "learning_rate",
        "learningRateInput",
        QT_TRANSLATE_NOOP("ModelForm", "Learning rate"),
        QT_TRANSLATE_NOOP(
            "ModelForm",
            "Learning rate η (lr in the blog) of gradient descent: each epoch "
            "θ ← θ − η·∇J(θ), with J = mean cross-entropy + the penalty. Too large "
            "overshoots; too small crawls. Applies to a run going on when you press Enter.",
        ),
    ),
    NumberSpec(
        "epochs",
        "epochsInput",
        QT_TRANSLATE_NOOP("ModelForm", "Epochs"),
        QT_TRANSLATE_NOOP(
            "ModelForm",
            "Number of epochs (passes over the training data), up to 100,000,000. Full "
            "batch: one update per epoch. You may type 1e6.",
        ),
        100,
    ),
    NumberSpec(
        "batch_size",
        "batchSizeInput",
        QT_TRANSLATE_NOOP("ModelForm", "Batch size"),
        QT_TRANSLATE_NOOP(
            "ModelForm",
            "Mini-batch size: the training data are shuffled every epoch and the weights "
            "updated after each batch of this many samples. Empty: full batch, one update "
            "per epoch.",
        ),
        placeholder=QT_TRANSLATE_NOOP("ModelForm", "full batch"),
    ),
    NumberSpec(
        "alpha",
        "alphaInput",
        QT_TRANSLATE_NOOP("ModelForm", "Strength α"),
        QT_TRANSLATE_NOOP(
            "ModelForm",
            "Strength α of the penalty (alpha, as in scikit-learn's SGDClassifier): the loss "
            "becomes mean cross-entropy + α·R(w), the intercept not penalised; equals "
            "scikit-learn's LogisticRegression(C = 1/(α·n)) with the same penalty.",
        ),
    ),
    NumberSpec(
        "l1_ratio",
        "l1RatioInput",
        QT_TRANSLATE_NOOP("ModelForm", "L1 ratio"),
        QT_TRANSLATE_NOOP(
            "ModelForm",
            "The elastic net's mix (l1_ratio), from 0 to 1: R(w) = l1_ratio·‖w‖₁ + "
            "(1 − l1_ratio)/2·‖w‖². 0 is L2 alone, 1 is L1 alone.",
        ),
        0.05,
    ),
    NumberSpec(
        "tol",
        "tolInput",
        QT_TRANSLATE_NOOP("ModelForm", "Stop at tol"),
        QT_TRANSLATE_NOOP(
            "ModelForm",
            "Early stopping: stop once the loss has not improved by at least tol on its best "
            "for more than the given number of epochs (as scikit-learn's MLPClassifier). "
            "Empty: always run all epochs.",
        ),
        placeholder=QT_TRANSLATE_NOOP("ModelForm", "none"),
    ),
    NumberSpec(
        "n_iter_no_change",
        "nIterNoChangeInput",
        QT_TRANSLATE_NOOP("ModelForm", "…after epochs"),
        QT_TRANSLATE_NOOP(
            "ModelForm", "Epochs without an improvement of tol tolerated before stopping early."
        ),
        1,
    ),
)
