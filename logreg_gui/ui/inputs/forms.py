"""The parameter forms: data and model. Each turns its fields into core settings and shows
every problem next to the field it concerns, in plain words, from the same constraints the
estimator and the command line use."""

from __future__ import annotations

import math
import os
from typing import ClassVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.data import (
    BUILTIN_DATASETS,
    DATA_CONSTRAINTS,
    DATA_LABELS,
    FILE,
    GENERATED,
    GENERATION_CONSTRAINTS,
    GENERATION_LABELS,
    DataSettings,
    GenerationSettings,
    generation_problems,
)
from ...core.estimator import LABELS, SOLVERS, LogisticRegressionGD
from ..style.i18n import QT_TRANSLATE_NOOP, translate
from ..style.palette import WRONG
from ..widgets import ComboBox, NumberField, named

__all__ = ["DataForm", "ModelForm"]

ERROR_STYLE = f"color: {WRONG};"


class _Field(QWidget):
    """An input with a plain-words error line under it (hidden while there is no error)."""

    def __init__(self, editor, parent=None):
        super().__init__(parent)
        self.editor = editor
        self.error = QLabel()
        self.error.setObjectName(f"{editor.objectName()}Error")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(editor)
        layout.addWidget(self.error)

    def set_error(self, message: str | None):
        """Show ``message`` under the field, or hide the error line for None."""
        self.error.setText(message or "")
        self.error.setVisible(bool(message))
        self.editor.setProperty("invalid", bool(message))
        self.editor.setStyleSheet(f"border: 1px solid {WRONG};" if message else "")


class _Form(QGroupBox):
    """Fields with their error lines; ``changed`` on every committed edit, ``validity`` on
    every keystroke (so that Train reflects what is typed before it is committed)."""

    changed = Signal()
    validity = Signal()

    def __init__(self, title, parent=None):
        super().__init__(title, parent)
        self.fields: dict[str, _Field] = {}
        self._layout = QFormLayout(self)
        self._layout.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self._layout.setRowWrapPolicy(QFormLayout.DontWrapRows)

    def _add(self, label, key, editor):
        field = _Field(editor)
        self.fields[key] = field
        self._layout.addRow(label, field)
        if isinstance(editor, NumberField):
            editor.textEdited.connect(self._on_typing)
            editor.committed.connect(self._on_change)
        elif isinstance(editor, ComboBox):
            editor.currentIndexChanged.connect(self._on_change)
        return field

    def _on_typing(self, _text=None):
        self.validate()
        self.validity.emit()

    def _on_change(self, *_):
        self.validate()
        self.changed.emit()

    def problems(self) -> dict[str, str]:
        """Field name -> plain-words problem, for the fields in use."""
        raise NotImplementedError

    def validate(self) -> bool:
        """Show every problem next to its field; True when there is none."""
        problems = self.problems()
        for key, field in self.fields.items():
            field.set_error(problems.get(key))
        return not problems

    def _show(self, values) -> None:
        """Put ``values`` (field attribute -> value) into the fields without a signal per
        field; then ``changed`` once."""
        editors = [getattr(self, key) for key in values]
        for editor in editors:
            editor.blockSignals(True)
        try:
            for key, value in values.items():
                editor = getattr(self, key)
                if isinstance(editor, NumberField):
                    editor.set_value(value)
                elif isinstance(editor, ComboBox):
                    index = editor.findData(value)
                    if index >= 0:
                        editor.setCurrentIndex(index)
                else:
                    editor.setChecked(bool(value))
        finally:
            for editor in editors:
                editor.blockSignals(False)
        self.validate()
        self.validity.emit()
        self.changed.emit()


def _number(name, key, constraints, label, value, tooltip, step=None):
    return named(NumberField(constraints, label, value, step=step), name, tooltip)


class DataForm(_Form):
    """Where the data come from and how they are split.

    Signals
    -------
    changed : a field changed (the window remakes the data when :meth:`settings` is valid)
    validity : what is typed became usable or unusable
    fileRequested : the person pressed “Choose…”; the window opens the file dialog
    reviewRequested : the person pressed “Columns…”; the window shows the file's preview
    """

    fileRequested = Signal()
    reviewRequested = Signal()

    #: (label, value) of each source, in English; :meth:`source_label` gives a label in the
    #: language in use.
    SOURCES: ClassVar[list] = [
        (QT_TRANSLATE_NOOP("DataForm", "Generated (make_classification)"), GENERATED),
        *[
            (description.split(" (")[0] + " — scikit-learn", name)
            for name, (_, description) in BUILTIN_DATASETS.items()
        ],
        (QT_TRANSLATE_NOOP("DataForm", "File…"), FILE),
    ]

    def __init__(self, parent=None):
        super().__init__(self.tr("Data"), parent)
        d = GenerationSettings()
        g, gl = GENERATION_CONSTRAINTS, GENERATION_LABELS
        self.source = named(
            ComboBox(),
            "dataSourceInput",
            self.tr(
                "Where the data come from: generated by scikit-learn's make_classification, a "
                "dataset shipped with scikit-learn, or a file of yours."
            ),
        )
        for label, value in self.SOURCES:
            self.source.addItem(self.source_label(label, value), value)
        # Long source names must not widen the whole settings panel.
        self.source.setSizeAdjustPolicy(ComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.source.setMinimumContentsLength(10)
        self.file_path = None
        self.file_choice = {}  # target, threshold, missing, include, exclude
        self.file_label = named(QLabel(self.tr("no file chosen")), "filePathLabel")
        self.file_label.setWordWrap(True)
        self.choose_file = named(
            QPushButton(self.tr("Choose…")),
            "chooseFileButton",
            self.tr(
                "Open a data file: CSV, TSV or whitespace-separated text with a header row, "
                "Excel .xlsx or Parquet."
            ),
        )
        self.file_target = named(QLabel(), "fileTargetLabel")
        self.file_target.setWordWrap(True)
        self.review_file = named(
            QPushButton(self.tr("Columns…")),
            "reviewFileButton",
            self.tr("See the file's columns again, choose the target and which columns to use."),
        )

        def gen(name, key, tip, step=1):
            label = translate("data.generation", gl[key])
            return _number(name, key, g[key], label, getattr(d, key), tip, step)

        self.n_samples = gen(
            "nSamplesInput",
            "n_samples",
            self.tr("Number of samples make_classification generates (n_samples)."),
            10,
        )
        self.n_features = gen(
            "nFeaturesInput",
            "n_features",
            self.tr(
                "Number of features of each sample (n_features) = informative + redundant + "
                "repeated + pure noise."
            ),
        )
        self.n_informative = gen(
            "nInformativeInput",
            "n_informative",
            self.tr("Features that carry the class signal (n_informative)."),
        )
        self.n_redundant = gen(
            "nRedundantInput",
            "n_redundant",
            self.tr(
                "Features that are random linear combinations of the informative ones "
                "(n_redundant)."
            ),
        )
        self.n_classes = gen(
            "nClassesInput",
            "n_classes",
            self.tr(
                "Number of classes (n_classes). Two classes use a sigmoid, more use a softmax."
            ),
        )
        self.class_sep = gen(
            "classSepInput",
            "class_sep",
            self.tr(
                "Distance between the class clusters (class_sep), > 0: larger is easier to "
                "separate."
            ),
            0.1,
        )
        self.flip_y = gen(
            "flipYInput",
            "flip_y",
            self.tr(
                "Label noise (flip_y): the fraction of samples whose class is assigned at random."
            ),
            0.01,
        )
        self.test_size = _number(
            "testSizeInput",
            "test_size",
            DATA_CONSTRAINTS["test_size"],
            translate("data.split", DATA_LABELS["test_size"]),
            0.3,
            self.tr(
                "Fraction of the samples held out for testing (test_size); the model never "
                "trains on them."
            ),
            0.05,
        )
        self.seed = _number(
            "seedInput",
            "seed",
            DATA_CONSTRAINTS["seed"],
            translate("data.split", DATA_LABELS["seed"]),
            0,
            self.tr(
                "Random seed for generating and splitting the data and for the initial weights: "
                "the same seed gives the same run."
            ),
            1,
        )
        self.standardize = named(
            QCheckBox(self.tr("Standardise features")),
            "standardizeInput",
            self.tr(
                "Scale every feature to mean 0 and variance 1: x' = (x − mean) / std, with mean "
                "and std of the training part only (no leak from the test part)."
            ),
        )
        self.standardize.setChecked(True)
        self.dtype = named(
            ComboBox(),
            "dtypeInput",
            self.tr(
                "The number type the data are trained in: float64 (exact to 16 digits) or "
                "float32 (half the memory, faster on large data; the weights stay float64)."
            ),
        )
        self.dtype.addItem("float64", "float64")
        self.dtype.addItem(self.tr("float32 (half the memory)"), "float32")
        self.dtype.setSizeAdjustPolicy(ComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.dtype.setMinimumContentsLength(10)

        file_row = QWidget()
        row = QHBoxLayout(file_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.file_label, 1)
        row.addWidget(self.choose_file)
        target_row = QWidget()
        row = QHBoxLayout(target_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.file_target, 1)
        row.addWidget(self.review_file)

        self._add(self.tr("Source"), "source", self.source)
        self._file_rows = [
            self._add(self.tr("File"), "file_path", file_row),
            self._add(self.tr("Target"), "target", target_row),
        ]
        self._generated_rows = [
            self._add(self.tr("Samples"), "n_samples", self.n_samples),
            self._add(self.tr("Features"), "n_features", self.n_features),
            self._add(self.tr("Informative"), "n_informative", self.n_informative),
            self._add(self.tr("Redundant"), "n_redundant", self.n_redundant),
            self._add(self.tr("Classes"), "n_classes", self.n_classes),
            self._add(self.tr("Class separation"), "class_sep", self.class_sep),
            self._add(self.tr("Label noise"), "flip_y", self.flip_y),
        ]
        self._add(self.tr("Test size"), "test_size", self.test_size)
        self._add(self.tr("Random seed"), "seed", self.seed)
        self._add(self.tr("Number type"), "dtype", self.dtype)
        self._layout.addRow("", self.standardize)
        self.standardize.toggled.connect(self._on_change)
        self.source.currentIndexChanged.connect(self._on_source)
        self.choose_file.clicked.connect(self.fileRequested)
        self.review_file.clicked.connect(self.reviewRequested)
        self._on_source()

    def source_label(self, label, value) -> str:
        """The label of the source ``value`` (``label``: its English one in :data:`SOURCES`)
        in the language in use."""
        if value in BUILTIN_DATASETS:
            description = translate("data.builtin", BUILTIN_DATASETS[value][1])
            name = description.split(" (")[0].split("（")[0].strip()
            return self.tr("{dataset} — scikit-learn").format(dataset=name)
        return translate("DataForm", label)

    def _on_source(self, *_):
        source = self.source.currentData()
        for field in self._generated_rows:
            self._layout.setRowVisible(field, source == GENERATED)
        for field in self._file_rows:
            self._layout.setRowVisible(field, source == FILE)
        self.validate()

    def set_file(self, path, choice):
        """Use the file at ``path`` with ``choice`` (target, threshold, missing, include,
        exclude: what the preview returns)."""
        self.file_path = path
        self.file_choice = dict(choice)
        self.file_label.setText(os.path.basename(path))
        self.file_label.setToolTip(path)
        threshold, target = choice.get("threshold"), choice["target"]
        if threshold is None:
            text = f"{target}"
        elif threshold == "median":
            text = self.tr("{target} cut at the training median").format(target=target)
        else:
            text = self.tr("{target} cut at {threshold:g}").format(
                target=target, threshold=threshold
            )
        left_out = len(choice.get("exclude", ()))
        if left_out == 1:
            text += "; " + self.tr("{count} column left out by choice").format(count=left_out)
        elif left_out:
            text += "; " + self.tr("{count} columns left out by choice").format(count=left_out)
        self.file_target.setText(text)
        self.source.blockSignals(True)
        self.select_source(FILE)
        self.source.blockSignals(False)
        self._on_source()
        self.changed.emit()

    def set_settings(self, settings: DataSettings, dtype=None) -> None:
        """Show ``settings`` (and the number type ``dtype``) in the form, as if typed."""
        if settings.source == FILE:
            self.file_path = settings.path
            self.file_choice = {
                key: getattr(settings, key)
                for key in ("target", "threshold", "missing", "include", "exclude")
            }
            self.blockSignals(True)  # one ``changed`` at the end
            try:
                self.set_file(settings.path, self.file_choice)
            finally:
                self.blockSignals(False)
        g = settings.generation
        values = {
            "source": settings.source,
            **{
                key: getattr(g, key)
                for key in (
                    "n_samples",
                    "n_features",
                    "n_informative",
                    "n_redundant",
                    "n_classes",
                    "class_sep",
                    "flip_y",
                )
            },
            "test_size": settings.test_size,
            "seed": settings.seed,
            "standardize": settings.standardize,
        }
        if dtype is not None:
            values["dtype"] = dtype
        self._show(values)
        self._on_source()

    def select_source(self, source):
        """Choose a data source by its value (``"generated"``, a dataset name or ``"file"``)."""
        self.source.setCurrentIndex(self.source.findData(source))

    def _values(self):
        keys = (
            "n_samples",
            "n_features",
            "n_informative",
            "n_redundant",
            "n_classes",
            "class_sep",
            "flip_y",
        )
        return {key: getattr(self, key).parsed() for key in keys}

    def problems(self) -> dict[str, str]:
        source = self.source.currentData()
        problems = {}
        for key in ("test_size", "seed"):
            problem = getattr(self, key).problem()
            if problem:
                problems[key] = problem
        if source == GENERATED:
            values = self._values()
            problems.update({k: p for k, (_, p) in values.items() if p})
            if not problems:
                settings = GenerationSettings(
                    **{k: v for k, (v, _) in values.items()}, random_state=self.seed.value()
                )
                problems.update(generation_problems(settings))
            n, test = values["n_samples"][0], self.test_size.value()
            if "test_size" not in problems and n is not None and test is not None:
                n_test = math.ceil(test * n)  # as split_dataset counts it
                if n - n_test < 2 or n_test < 1:
                    problems["test_size"] = self.tr(
                        "a test size of {test:g} leaves too few of the {n} samples to train on."
                    ).format(test=test, n=n)
        elif source == FILE and not self.file_path:
            problems["file_path"] = self.tr("choose a data file.")
        return problems

    def settings(self) -> DataSettings | None:
        """The data settings, or None while a field has a problem."""
        if self.problems():
            return None
        source = self.source.currentData()
        generation = GenerationSettings()
        if source == GENERATED:
            values = {k: v for k, (v, _) in self._values().items()}
            generation = GenerationSettings(**values, random_state=self.seed.value())
        return DataSettings(
            source=source,
            generation=generation,
            **(dict(path=self.file_path, **self.file_choice) if source == FILE else {}),
            test_size=self.test_size.value(),
            seed=self.seed.value(),
            standardize=self.standardize.isChecked(),
        )

    def dtype_choice(self) -> str:
        """``"float64"`` or ``"float32"``."""
        return self.dtype.currentData()


class ModelForm(_Form):
    """The model's hyper-parameters, as LogisticRegressionGD's keyword arguments.

    Signals
    -------
    changed : a field changed (committed)
    validity : what is typed became usable or unusable
    learningRateCommitted(float) : a new learning rate, to apply to the run going on
    epochsCommitted(int) : a new number of epochs, to apply to the run going on
    """

    learningRateCommitted = Signal(object)
    epochsCommitted = Signal(object)

    def __init__(self, parent=None):
        super().__init__(self.tr("Model"), parent)
        c = LogisticRegressionGD._parameter_constraints

        def label(key):
            return translate("model", LABELS[key])

        self.learning_rate = _number(
            "learningRateInput",
            "learning_rate",
            c["learning_rate"],
            label("learning_rate").capitalize(),
            0.01,
            self.tr(
                "Learning rate η (lr in the blog) of gradient descent: each epoch "
                "θ ← θ − η·∇J(θ), with J = mean cross-entropy + (λ/2)·‖θ‖². Too large "
                "overshoots; too small crawls. Applies to a run going on when you press Enter."
            ),
        )
        self.epochs = _number(
            "epochsInput",
            "epochs",
            c["epochs"],
            label("epochs").capitalize(),
            3000,
            self.tr(
                "Number of epochs (passes over the training data), up to 100,000,000. Full "
                "batch: one update per epoch. You may type 1e6."
            ),
            100,
        )
        self.batch_size = _number(
            "batchSizeInput",
            "batch_size",
            c["batch_size"],
            label("batch_size").capitalize(),
            None,
            self.tr(
                "Mini-batch size: the training data are shuffled every epoch and the weights "
                "updated after each batch of this many samples. Empty: full batch, one update "
                "per epoch."
            ),
        )
        self.batch_size.setPlaceholderText(self.tr("full batch"))
        self.l2 = _number(
            "l2Input",
            "l2",
            c["l2"],
            label("l2").capitalize(),
            0.0,
            self.tr(
                "L2 penalty λ: the loss becomes mean cross-entropy + (λ/2)·‖w‖² (the intercept "
                "is not penalised); equals scikit-learn's LogisticRegression(C = 1/(λ·n))."
            ),
        )
        self.init = named(
            ComboBox(),
            "initInput",
            self.tr(
                "Initial weights: standard normal random numbers (as in the blog: "
                "np.random.randn) or all zeros. The intercept starts at 0."
            ),
        )
        self.init.addItem(self.tr("Random normal"), "normal")
        self.init.addItem(self.tr("Zeros"), "zeros")
        self.solver = named(
            ComboBox(),
            "optimizerInput",
            self.tr(
                "The update rule: gradient descent as in the blog, momentum, Nesterov momentum, "
                "Adam, or Newton's method (one step with the exact curvature per epoch: a "
                "handful of epochs reach the optimum; it ignores the learning rate and the batch "
                "size and is offered up to 600 parameters)."
            ),
        )
        labels = (
            self.tr("Gradient descent"),
            self.tr("Momentum"),
            self.tr("Nesterov"),
            self.tr("Adam"),
            self.tr("Newton (exact Hessian)"),
        )
        for text, value in zip(labels, SOLVERS):
            self.solver.addItem(text, value)
        self.solver.setSizeAdjustPolicy(ComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.solver.setMinimumContentsLength(10)
        self.tol = _number(
            "tolInput",
            "tol",
            c["tol"],
            label("tol"),
            None,
            self.tr(
                "Early stopping: stop once the loss has not improved by at least tol on its best "
                "for more than the given number of epochs (as scikit-learn's MLPClassifier). "
                "Empty: always run all epochs."
            ),
        )
        self.tol.setPlaceholderText(self.tr("none"))
        self.n_iter_no_change = _number(
            "nIterNoChangeInput",
            "n_iter_no_change",
            c["n_iter_no_change"],
            label("n_iter_no_change").capitalize(),
            10,
            self.tr("Epochs without an improvement of tol tolerated before stopping early."),
            1,
        )
        self._add(self.tr("Learning rate"), "learning_rate", self.learning_rate)
        self._add(self.tr("Epochs"), "epochs", self.epochs)
        self._add(self.tr("Batch size"), "batch_size", self.batch_size)
        self._add(self.tr("L2 penalty"), "l2", self.l2)
        self._add(self.tr("Optimizer"), "solver", self.solver)
        self._add(self.tr("Initial weights"), "init", self.init)
        self._add(self.tr("Stop at tol"), "tol", self.tol)
        self._add(self.tr("…after epochs"), "n_iter_no_change", self.n_iter_no_change)
        self.learning_rate.committed.connect(self.learningRateCommitted)
        self.epochs.committed.connect(self.epochsCommitted)

    def set_params(self, params) -> None:
        """Show the estimator parameters ``params`` (those the form has) in the form."""
        keys = (
            "learning_rate",
            "epochs",
            "batch_size",
            "l2",
            "init",
            "solver",
            "tol",
            "n_iter_no_change",
        )
        self._show({key: params[key] for key in keys if key in params})

    def problems(self) -> dict[str, str]:
        problems = {}
        for key in ("learning_rate", "epochs", "batch_size", "l2", "tol", "n_iter_no_change"):
            problem = getattr(self, key).problem()
            if problem:
                problems[key] = problem
        return problems

    def params(self) -> dict | None:
        """LogisticRegressionGD keyword arguments (without random_state and dtype), or None
        while a field has a problem."""
        if self.problems():
            return None
        return dict(
            learning_rate=self.learning_rate.value(),
            epochs=self.epochs.value(),
            batch_size=self.batch_size.value(),
            l2=self.l2.value(),
            init=self.init.currentData(),
            solver=self.solver.currentData(),
            tol=self.tol.value(),
            n_iter_no_change=self.n_iter_no_change.value(),
        )


def write_into(session, data_form, model_form) -> None:
    """The forms write what they describe into ``session.request`` whenever it changes
    (the coordinator, and anything else, reads it there, never from the widgets)."""

    def write(kind):
        session.set_request(
            kind,
            data=data_form.settings(),
            model=model_form.params(),
            seed=data_form.seed.value(),
            dtype=data_form.dtype_choice(),
            problems={**data_form.problems(), **model_form.problems()},
        )

    for form, kind in ((data_form, "data"), (model_form, "model")):
        form.changed.connect(lambda kind=kind: write(kind))
        form.validity.connect(lambda: write("validity"))
    write("validity")
