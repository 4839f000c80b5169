"""The parameter forms: data and model. Each turns its fields into core settings and shows
every problem next to the field it concerns, in plain words, from the same constraints the
estimator and the command line use.

The number fields are built from the tables of :mod:`.fields`: the setting's name, the
field's objectName, its label, its tooltip and its step. What the forms describe
goes into the session (:func:`connect_forms`); what they should show (an opened session's
settings, a chosen file) comes from the session.
"""

from __future__ import annotations

import math
import os
from numbers import Real
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
    SHAPE_CONSTRAINTS,
    SHAPE_LABELS,
    SHAPES,
    DataSettings,
    GenerationSettings,
    ShapeSettings,
    generation_problems,
)
from ...core.data.painted import PAINTED, TEST, TRAIN, PaintSettings
from ...core.data.shapes import shape_problems
from ...core.estimator import LABELS, SOLVERS, LogisticRegressionGD
from ...core.model.params import Number
from ...core.model.penalty import settings_without_l2
from ..style.i18n import QT_TRANSLATE_NOOP, translate
from ..style.palette import WRONG
from ..widgets import ComboBox, NumberField, WrappedLabel, named
from .feature_map import FeatureMapInput
from .fields import DATA_FIELDS, GENERATION_FIELDS, MODEL_FIELDS, SHAPE_FIELDS

__all__ = ["DataForm", "ModelForm", "connect_forms"]

ERROR_STYLE = f"color: {WRONG};"


class WeightsField(NumberField):
    """Class weights typed as ``label: weight`` pairs (``0: 1, 1: 10``), read and explained
    by the core (:func:`~logreg_gui.core.model.class_weight.parse_weights`); its value is
    the dict of weights."""

    def __init__(self, parent=None):
        super().__init__([], "", None, parent=parent)

    def format(self, value) -> str:
        if not value:
            return ""
        from ...core.model.class_weight import weights_text

        return weights_text(value)

    def parsed(self):
        from ...core.model.class_weight import parse_weights

        return parse_weights(self.text())


class _Field(QWidget):
    """An input with a plain-words error line under it (hidden while there is no error)."""

    def __init__(self, editor, parent=None):
        super().__init__(parent)
        self.editor = editor
        self.error = WrappedLabel()  # as tall as its lines: never cut to two
        self.error.setObjectName(f"{editor.objectName()}Error")
        self.error.setStyleSheet(ERROR_STYLE)
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


class _Rows(QFormLayout):
    """A form's rows, any of which a teacher's preset may withhold: hidden whatever the
    form would show (its own choice is kept, and comes back when the preset lets go)."""

    def __init__(self, parent):
        super().__init__(parent)
        self._shown = {}  # row's field -> whether the form shows it
        self.withheld = frozenset()

    def setRowVisible(self, row, on):
        if isinstance(row, QWidget):
            self._shown[row] = bool(on)
            on = bool(on) and not self._withholds(row)
        super().setRowVisible(row, on)

    def _withholds(self, field) -> bool:
        names = [field.objectName()] + [w.objectName() for w in field.findChildren(QWidget)]
        return any(name in self.withheld for name in names if name)

    def withhold(self, names) -> None:
        self.withheld = frozenset(names)
        for row in range(self.rowCount()):
            item = self.itemAt(row, QFormLayout.FieldRole)
            field = item.widget() if item is not None else None
            if field is not None:
                shown = self._shown.get(field, True) and not self._withholds(field)
                super().setRowVisible(field, shown)


class _Form(QGroupBox):
    """Fields with their error lines; ``changed`` on every committed edit, ``validity`` on
    every keystroke (so that Train reflects what is typed before it is committed)."""

    changed = Signal()
    validity = Signal()

    def __init__(self, title, parent=None):
        super().__init__(title, parent)
        self.fields: dict[str, _Field] = {}
        self._layout = _Rows(self)
        self._layout.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self._layout.setRowWrapPolicy(QFormLayout.DontWrapRows)

    def withhold(self, names) -> None:
        """Hide the rows holding the parts named ``names`` (a teacher's preset), whatever
        the form would show; an empty list shows them again as the form has them."""
        self._layout.withhold(names)

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

    def _add_numbers(self, specs, constraints, labels, defaults):
        """A number field per spec, with its constraints, the label its messages use and
        its default (``constraints``, ``labels`` and ``defaults`` by the spec's key; the
        labels already translated). The fields become attributes named by their keys."""
        context = type(self).__name__
        rows = []
        for spec in specs:
            editor = named(
                NumberField(
                    constraints[spec.key], labels[spec.key], defaults[spec.key], step=spec.step
                ),
                spec.name,
                translate(context, spec.tooltip),
            )
            if spec.placeholder:
                editor.setPlaceholderText(translate(context, spec.placeholder))
            setattr(self, spec.key, editor)
            rows.append(self._add(translate(context, spec.label), spec.key, editor))
        return rows

    def _on_typing(self, _text=None):
        self.validate()
        self.validity.emit()

    def _on_change(self, *_):
        self.validate()
        self.changed.emit()

    def _number_problems(self, specs) -> dict[str, str]:
        return {s.key: p for s in specs if (p := getattr(self, s.key).problem())}

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


class DataForm(_Form):
    """Where the data come from and how they are split.

    Signals
    -------
    changed : a field changed (the window remakes the data when :meth:`settings` is valid)
    validity : what is typed became usable or unusable
    fileRequested : the person pressed “Choose…”; the window opens the file dialog
    reviewRequested(str, dict) : the person pressed “Columns…” for the file in use (its path
        and choice of columns); the window shows the file's preview
    """

    fileRequested = Signal()
    reviewRequested = Signal(str, dict)

    #: (label, value) of each source, in English; :meth:`source_label` gives a label in the
    #: language in use.
    SOURCES: ClassVar[list] = [
        (QT_TRANSLATE_NOOP("DataForm", "Generated (make_classification)"), GENERATED),
        *[(description + " — 2-D", name) for name, (description, _) in SHAPES.items()],
        (QT_TRANSLATE_NOOP("DataForm", "Painted points — 2-D"), PAINTED),
        *[
            (description.split(" (")[0] + " — scikit-learn", name)
            for name, (_, description) in BUILTIN_DATASETS.items()
        ],
        (QT_TRANSLATE_NOOP("DataForm", "File…"), FILE),
    ]

    def __init__(self, parent=None):
        super().__init__(self.tr("Data"), parent)
        self.source = named(
            ComboBox(),
            "dataSourceInput",
            self.tr(
                "Where the data come from: generated by scikit-learn's make_classification, a "
                "two-dimensional set with columns x1 and x2 (two blobs, moons, circles, XOR or "
                "two spirals: a straight boundary separates only the blobs), points painted "
                "in the Boundary tab, a dataset shipped with scikit-learn, or a file of yours."
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
        self.paint = PaintSettings()  # the painted points, for the source "painted"
        self.painted_label = named(
            WrappedLabel(),
            "paintedPointsLabel",
            self.tr(
                "Points are painted in the Boundary tab (Paint): a click adds a training point, "
                "a drag moves one, a right-click deletes one."
            ),
        )
        self.file_target = named(QLabel(), "fileTargetLabel")
        self.file_target.setWordWrap(True)
        self.review_file = named(
            QPushButton(self.tr("Columns…")),
            "reviewFileButton",
            self.tr("See the file's columns again, choose the target and which columns to use."),
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

        self._add(self.tr("Source"), "source", self.source)
        self._file_rows = [
            self._add(self.tr("File"), "file_path", _row(self.file_label, self.choose_file)),
            self._add(self.tr("Target"), "target", _row(self.file_target, self.review_file)),
        ]
        generation, split = GenerationSettings(), DataSettings()
        self._generated_rows = self._add_numbers(
            GENERATION_FIELDS,
            GENERATION_CONSTRAINTS,
            {k: translate("data.generation", label) for k, label in GENERATION_LABELS.items()},
            {s.key: getattr(generation, s.key) for s in GENERATION_FIELDS},
        )
        # make_classification's class weights, as the share of its last class.
        self.class_share = named(
            NumberField(SHARE_CONSTRAINTS, self.tr("the share of the last class"), None, step=0.05),
            "classShareInput",
            self.tr(
                "The share of the last class among the samples, between 0 and 1 (the other "
                "classes share the rest evenly): 0.05 makes it rare — an imbalanced set, where "
                "accuracy misleads. Empty: balanced classes."
            ),
        )
        self.class_share.setPlaceholderText(self.tr("balanced"))
        self._generated_rows.append(
            self._add(self.tr("Class share"), "class_share", self.class_share)
        )
        shape = ShapeSettings()
        self._shape_rows = self._add_numbers(
            SHAPE_FIELDS,
            {s.key: SHAPE_CONSTRAINTS[_shape_field(s)] for s in SHAPE_FIELDS},
            {s.key: translate("data.shapes", SHAPE_LABELS[_shape_field(s)]) for s in SHAPE_FIELDS},
            {s.key: getattr(shape, _shape_field(s)) for s in SHAPE_FIELDS},
        )
        self._painted_row = self._add(self.tr("Points"), "paint", self.painted_label)
        self._split_rows = self._add_numbers(
            DATA_FIELDS,
            DATA_CONSTRAINTS,
            {k: translate("data.split", label) for k, label in DATA_LABELS.items()},
            {s.key: getattr(split, s.key) for s in DATA_FIELDS},
        )
        self._add(self.tr("Number type"), "dtype", self.dtype)
        self._layout.addRow("", self.standardize)
        self.standardize.toggled.connect(self._on_change)
        self.feature_map = FeatureMapInput()
        self._add(self.tr("Feature map"), "feature_map", self.feature_map)
        self.feature_map.changed.connect(self._on_change)
        self.source.currentIndexChanged.connect(self._on_source)
        self.choose_file.clicked.connect(self.fileRequested)
        self.review_file.clicked.connect(self._on_review)
        self._on_source()

    def _on_review(self):
        if self.file_path:
            self.reviewRequested.emit(self.file_path, dict(self.file_choice))

    def source_label(self, label, value) -> str:
        """The label of the source ``value`` (``label``: its English one in :data:`SOURCES`)
        in the language in use."""
        if value in BUILTIN_DATASETS:
            description = translate("data.builtin", BUILTIN_DATASETS[value][1])
            name = description.split(" (")[0].split("（")[0].strip()
            return self.tr("{dataset} — scikit-learn").format(dataset=name)
        if value in SHAPES:
            shape = translate("data.shapes", SHAPES[value][0])
            return self.tr("{shape} — 2-D").format(shape=shape)
        return translate("DataForm", label)

    def _on_source(self, *_):
        source = self.source.currentData()
        for field in self._generated_rows:
            self._layout.setRowVisible(field, source == GENERATED)
        for field in self._shape_rows:
            self._layout.setRowVisible(field, source in SHAPES)
        if source in SHAPES:
            self.shape_noise.setPlaceholderText(
                self.tr("default {noise:g}").format(noise=SHAPES[source][1])
            )
        for field in self._file_rows:
            self._layout.setRowVisible(field, source == FILE)
        self._layout.setRowVisible(self._painted_row, source == PAINTED)
        # Painted points have the parts they were painted in: no test size to choose.
        self._layout.setRowVisible(self.fields["test_size"], source != PAINTED)
        self._show_points()
        self.validate()

    def _show_points(self):
        train, test = self.paint.counts(TRAIN), self.paint.counts(TEST)
        if not self.paint.points:
            text = self.tr("none yet: an empty canvas. Paint them in the Boundary tab.")
        else:
            shares = ", ".join(
                self.tr("class {label}: {train:,} training, {test:,} test").format(
                    label=label, train=train[label], test=test[label]
                )
                for label in self.paint.classes
            )
            text = self.tr("{shares}. Paint them in the Boundary tab.").format(shares=shares)
        self.painted_label.setText(text)

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
            choice = {
                key: getattr(settings, key)
                for key in ("target", "threshold", "missing", "include", "exclude")
            }
            self.blockSignals(True)  # one ``changed`` at the end
            try:
                self.set_file(settings.path, choice)
            finally:
                self.blockSignals(False)
        values = {
            "source": settings.source,
            **{s.key: getattr(settings.generation, s.key) for s in GENERATION_FIELDS},
            "class_share": _last_share(settings.generation.weights),
            **{s.key: getattr(settings.shape, _shape_field(s)) for s in SHAPE_FIELDS},
            **{s.key: getattr(settings, s.key) for s in DATA_FIELDS},
            "standardize": settings.standardize,
        }
        if dtype is not None:
            values["dtype"] = dtype
        if settings.source == PAINTED:
            self.paint = settings.paint
        self.feature_map.set_value(settings.feature_map, quiet=True)  # _show says it
        self._show(values)
        self._on_source()

    def follow_points(self, settings) -> bool:
        """Take the painted points of ``settings`` (the session's data settings, points
        just edited in the boundary view) while the form shows painted points, without a
        ``changed``: the data are already made. True when taken."""
        painted = getattr(settings, "source", None) == PAINTED
        if not painted or self.source.currentData() != PAINTED or settings.paint == self.paint:
            return False
        self.paint = settings.paint
        self._show_points()
        return True

    def select_source(self, source):
        """Choose a data source by its value (``"generated"``, a dataset or set name,
        ``"painted"`` or ``"file"``)."""
        self.source.setCurrentIndex(self.source.findData(source))

    def _generation(self):
        """``{key: (value, problem)}`` of the generation fields."""
        return {s.key: getattr(self, s.key).parsed() for s in GENERATION_FIELDS}

    def problems(self) -> dict[str, str]:
        source = self.source.currentData()
        problems = self._number_problems(DATA_FIELDS)
        if source == PAINTED:
            problems.pop("test_size", None)  # not used: the points have their parts
        if source == GENERATED:
            values = self._generation()
            problems.update({k: p for k, (_, p) in values.items() if p})
            share, share_problem = self.class_share.parsed()
            if share_problem:
                problems["class_share"] = share_problem
            if not problems:
                settings = GenerationSettings(
                    **{k: v for k, (v, _) in values.items()},
                    weights=_weights(values["n_classes"][0], share),
                    random_state=self.seed.value(),
                )
                problems.update(generation_problems(settings))
            self._judge_test_size(values["n_samples"][0], problems)
        elif source in SHAPES:
            problems.update(self._number_problems(SHAPE_FIELDS))
            if not problems:
                shape = ShapeSettings(
                    **{_shape_field(s): getattr(self, s.key).value() for s in SHAPE_FIELDS}
                )
                problems.update({f"shape_{k}": p for k, p in shape_problems(shape).items()})
            self._judge_test_size(self.shape_n_samples.value(), problems)
        elif source == FILE and not self.file_path:
            problems["file_path"] = self.tr("choose a data file.")
        return problems

    def _judge_test_size(self, n, problems):
        """Add to ``problems`` a test size that leaves too few of ``n`` samples to train on."""
        test = self.test_size.value()
        if "test_size" not in problems and n is not None and test is not None:
            n_test = math.ceil(test * n)  # as split_dataset counts it
            if n - n_test < 2 or n_test < 1:
                problems["test_size"] = self.tr(
                    "a test size of {test:g} leaves too few of the {n} samples to train on."
                ).format(test=test, n=n)

    def settings(self) -> DataSettings | None:
        """The data settings, or None while a field has a problem."""
        if self.problems():
            return None
        source = self.source.currentData()
        generation, shape = GenerationSettings(), ShapeSettings()
        if source == GENERATED:
            values = {k: v for k, (v, _) in self._generation().items()}
            weights = _weights(values["n_classes"], self.class_share.value())
            generation = GenerationSettings(
                **values, weights=weights, random_state=self.seed.value()
            )
        elif source in SHAPES:
            shape = ShapeSettings(
                **{_shape_field(s): getattr(self, s.key).value() for s in SHAPE_FIELDS}
            )
        return DataSettings(
            source=source,
            generation=generation,
            **(dict(path=self.file_path, **self.file_choice) if source == FILE else {}),
            **{s.key: getattr(self, s.key).value() for s in DATA_FIELDS},
            standardize=self.standardize.isChecked(),
            feature_map=self.feature_map.value(),
            shape=shape,
            paint=self.paint if source == PAINTED else PaintSettings(),
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
    """

    def __init__(self, parent=None):
        super().__init__(self.tr("Model"), parent)
        constraints = LogisticRegressionGD._parameter_constraints
        labels = {key: translate("model", text).capitalize() for key, text in LABELS.items()}
        labels["tol"] = LABELS["tol"]  # a name, as scikit-learn writes it
        defaults = LogisticRegressionGD().get_params()
        self._defaults = defaults
        self._add_numbers(MODEL_FIELDS[:3], constraints, labels, defaults)
        self.penalty = named(
            ComboBox(),
            "penaltyInput",
            self.tr(
                "The penalty added to the loss, as scikit-learn's SGDClassifier names them: "
                "none; L2, α/2·‖w‖², which shrinks every weight; L1, α·‖w‖₁, which sets weights "
                "to exactly 0 (a proximal step after each update: soft-thresholding); elastic "
                "net, a mix of the two. The intercept is never penalised."
            ),
        )
        penalties = (
            (self.tr("None"), "none"),
            ("L2", "l2"),
            ("L1", "l1"),
            (self.tr("Elastic net"), "elasticnet"),
        )
        for text, value in penalties:
            self.penalty.addItem(text, value)
        self._add(self.tr("Penalty"), "penalty", self.penalty)
        # The strength and the mix sit under the penalty; the optimizer and the initial
        # weights between them and early stopping.
        self._add_numbers(MODEL_FIELDS[3:5], constraints, labels, defaults)
        self.penalty.currentIndexChanged.connect(self._show_penalty_fields)
        # The class weights, after the penalty: the other part of what the loss is.
        self.class_weight = named(
            ComboBox(),
            "classWeightInput",
            self.tr(
                "How much each class counts in the loss (scikit-learn's class_weight): none, "
                "every sample counts 1; balanced, class c counts n / (classes × count of c), "
                "so that a rare class weighs as much in total as a common one; per class, "
                "weights you type. The loss becomes (1/n)·Σ weight·cross-entropy; the "
                "metrics (accuracy, balanced accuracy, the test loss) stay unweighted."
            ),
        )
        for text, value in (
            (self.tr("None"), "none"),
            (self.tr("Balanced"), "balanced"),
            (self.tr("Per class"), "per_class"),
        ):
            self.class_weight.addItem(text, value)
        self._add(self.tr("Class weights"), "class_weight", self.class_weight)
        self.class_weights = named(
            WeightsField(),
            "perClassWeightInput",
            self.tr(
                "The weight of each class, as label: weight pairs separated by commas, e.g. "
                "0: 1, 1: 10 — labels as in the data, weights greater than 0; a class not named "
                "weighs 1."
            ),
        )
        self.class_weights.setPlaceholderText(self.tr("e.g. 0: 1, 1: 10"))
        self._add(self.tr("Weights per class"), "class_weights", self.class_weights)
        self.class_weight.currentIndexChanged.connect(self._show_penalty_fields)
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
        names = (
            self.tr("Gradient descent"),
            self.tr("Momentum"),
            self.tr("Nesterov"),
            self.tr("Adam"),
            self.tr("Newton (exact Hessian)"),
        )
        for text, value in zip(names, SOLVERS):
            self.solver.addItem(text, value)
        self.solver.setSizeAdjustPolicy(ComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.solver.setMinimumContentsLength(10)
        self._add(self.tr("Optimizer"), "solver", self.solver)
        self._add(self.tr("Initial weights"), "init", self.init)
        self._add_numbers(MODEL_FIELDS[5:], constraints, labels, defaults)
        self._show_penalty_fields()
        # Under the learning rate: the rates gradient descent can use on these data.
        self._limits = None
        self.rate_hint = named(WrappedLabel(), "learningRateHint")
        self.rate_hint.hide()
        self.fields["learning_rate"].layout().addWidget(self.rate_hint)
        self.learning_rate.textEdited.connect(self._judge_rate)
        self.solver.currentIndexChanged.connect(self._judge_rate)
        self.batch_size.textEdited.connect(self._judge_rate)

    def _in_use(self, key) -> bool:
        """Whether the field of setting ``key`` counts with the penalty and the class weights
        chosen: the strength with any penalty, the L1 ratio with the elastic net only, the
        weights per class when the class weights are per class."""
        kind = self.penalty.currentData()
        if key == "alpha":
            return kind != "none"
        if key == "l1_ratio":
            return kind == "elasticnet"
        if key == "class_weights":
            return self.class_weight.currentData() == "per_class"
        return True

    def _show_penalty_fields(self, *_):
        for key in ("alpha", "l1_ratio", "class_weights"):
            self._layout.setRowVisible(self.fields[key], self._in_use(key))

    def set_rate_limits(self, limits) -> None:
        """The learning rates of plain gradient descent on the data (RateLimits, or None
        while unknown), said under the learning rate and weighed against the rate typed."""
        self._limits = limits
        self._judge_rate()

    def _judge_rate(self, *_):
        limits = self._limits
        plain = self.solver.currentData() == "gd" and self.batch_size.value() is None
        if limits is None or not plain:
            self.rate_hint.hide()
            return
        rate = None if self.learning_rate.problem() else self.learning_rate.value()
        if limits.stable is None:
            text = self.tr(
                "Gradient descent on these data: every step lowers the loss below a rate of "
                "{safe:.3g}; with no finite optimum (separable classes) there is no largest "
                "rate that settles."
            ).format(safe=limits.safe)
        else:
            text = self.tr(
                "Gradient descent on these data settles below a rate of {stable:.3g} (2 / the "
                "largest curvature at the optimum); below {safe:.3g} every step lowers the loss."
            ).format(stable=limits.stable, safe=limits.safe)
        warn = rate is not None and limits.stable is not None and rate >= limits.stable
        if warn:
            text = self.tr(
                "A rate of {rate:g} is above {stable:.3g}, the largest at which gradient descent "
                "settles on these data: the loss will swing or explode. Try {suggested:g}."
            ).format(
                rate=rate,
                stable=limits.stable,
                suggested=limits.suggested or float(f"{limits.stable / 2:.1g}"),
            )
        self.rate_hint.setText(text)
        self.rate_hint.setStyleSheet(ERROR_STYLE if warn else "")
        self.rate_hint.show()

    def set_params(self, params) -> None:
        """Show the estimator parameters ``params`` (those the form has) in the form; the
        ``l2`` of an earlier version's settings as its penalty."""
        params = settings_without_l2(params)
        if "penalty" in params and params["penalty"] is None:
            params["penalty"] = "none"
        if "class_weight" in params:
            weight = params.pop("class_weight")
            if isinstance(weight, dict) and weight:
                params["class_weight"], params["class_weights"] = "per_class", weight
            else:
                params["class_weight"] = "balanced" if weight == "balanced" else "none"
        keys = [s.key for s in MODEL_FIELDS] + ["penalty", "class_weight", "class_weights"]
        keys += ["init", "solver"]
        self._show({key: params[key] for key in keys if key in params})
        self._show_penalty_fields()

    def problems(self) -> dict[str, str]:
        problems = self._number_problems([s for s in MODEL_FIELDS if self._in_use(s.key)])
        if self._in_use("class_weights") and (problem := self.class_weights.problem()):
            problems["class_weights"] = problem
        return problems

    def class_weight_value(self):
        """The estimator's ``class_weight`` the form describes: None, ``"balanced"`` or the
        dict of weights per class (None while those have a problem)."""
        choice = self.class_weight.currentData()
        if choice == "per_class":
            return self.class_weights.value()
        return "balanced" if choice == "balanced" else None

    def params(self) -> dict | None:
        """LogisticRegressionGD keyword arguments (without random_state and dtype), or None
        while a field in use has a problem (a field the penalty does not use gives its
        value, or its default while it has a problem)."""
        if self.problems():
            return None
        values = {}
        for spec in MODEL_FIELDS:
            field = getattr(self, spec.key)
            usable = self._in_use(spec.key) or not field.problem()
            values[spec.key] = field.value() if usable else self._defaults[spec.key]
        kind = self.penalty.currentData()
        return dict(
            values,
            penalty=None if kind == "none" else kind,
            class_weight=self.class_weight_value(),
            init=self.init.currentData(),
            solver=self.solver.currentData(),
        )


def _shape_field(spec):
    """The ShapeSettings field a spec of :data:`SHAPE_FIELDS` edits."""
    return spec.key.removeprefix("shape_")


#: The share of a class: strictly between 0 and 1, or None for balanced classes.
SHARE_CONSTRAINTS = [Number(Real, 0, 1, closed="neither"), None]


def _weights(n_classes, share):
    """make_classification's ``weights`` giving the last of ``n_classes`` classes ``share``
    of the samples and the others the rest evenly (None: balanced)."""
    if share is None or n_classes is None or n_classes < 2:
        return None
    return tuple([(1.0 - share) / (n_classes - 1)] * (n_classes - 1))


def _last_share(weights):
    """The share of the last class that make_classification's ``weights`` leave."""
    if not weights:
        return None
    return max(0.0, 1.0 - float(sum(weights)))


def _row(*widgets):
    """Widgets side by side, the first taking the spare width."""
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    for i, widget in enumerate(widgets):
        layout.addWidget(widget, 1 if i == 0 else 0)
    return row


def connect_forms(session, data_form, model_form) -> None:
    """The forms write what they describe into ``session.request`` whenever it changes (the
    coordinator, and anything else, reads it there, never from the widgets), and show the
    settings the session hands them (an opened session or model, a chosen file) and the
    painted points it has (edited in the boundary view)."""

    def write(kind):
        session.set_request(
            kind,
            data=data_form.settings(),
            model=model_form.params(),
            seed=data_form.seed.value(),
            dtype=data_form.dtype_choice(),
            problems={**data_form.problems(), **model_form.problems()},
        )

    def load(data_settings, model_settings):
        data_form.set_settings(data_settings, dtype=model_settings.get("dtype"))
        model_form.set_params(model_settings)

    for form, kind in ((data_form, "data"), (model_form, "model")):
        form.changed.connect(lambda kind=kind: write(kind))
        form.validity.connect(lambda: write("validity"))

    def follow_points():
        if data_form.follow_points(session.data_settings):
            write("validity")

    session.settingsLoaded.connect(load)
    session.dataChanged.connect(follow_points)
    session.fileChosen.connect(data_form.set_file)
    session.optimumChanged.connect(lambda: model_form.set_rate_limits(session.rate_limits))
    write("validity")
