"""The prediction panel: one test sample, its features, its score z = w·x + b, the probability
of each class and the contribution wᵢ·xᵢ of each feature — why the model decides as it does.

The panel lays out and binds to the session; its parts are each in a module: ``samples`` (the
test samples' table model), ``formula`` (the verdict and the score's text), ``probabilities``
and ``contributions`` (the two bar charts)."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QModelIndex, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ....core.analysis.explanation import explain_sample
from ....core.analysis.threshold import predicted_at
from ...widgets import WrappedLabel, named
from .contributions import ContributionBars
from .formula import score_text, verdict_text
from .probabilities import ProbabilityBars
from .samples import TestSamplesModel

__all__ = ["PredictionPanel"]


class PredictionPanel(QWidget):
    """Inspect the model's prediction for one test sample, live while training runs.

    Bound to a session (:meth:`bind`), it shows the session's data, the weights it shows and
    the test sample it has selected; choosing a sample here selects it in the session.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self._epoch = None  # whose weights explain the sample
        self.setObjectName("predictionPanel")
        self.setAccessibleName("predictionPanel")
        self.setToolTip(self.tr("Why the model predicts what it predicts for one test sample."))
        self._X = self._X_display = None
        self._y = None
        self._names: tuple[str, ...] = ()
        self._classes = np.array([])
        self._coef = self._intercept = None
        self._explanation = None
        self._index = 0
        self._rng = np.random.default_rng()
        self._session = None

        self.index_input = named(
            QSpinBox(), "sampleIndexInput", self.tr("Index of the test sample to inspect.")
        )
        self.index_input.setKeyboardTracking(False)
        self.random_button = named(
            QPushButton(self.tr("Random")),
            "randomSampleButton",
            self.tr(
                "Pick a random test sample, as the blog does with np.random.randint(len(X_test))."
            ),
        )
        self.truth_label = QLabel()
        self.truth_label.setObjectName("trueLabel")
        self.verdict_label = QLabel()
        self.verdict_label.setObjectName("predictedLabel")
        self.verdict_label.setTextFormat(Qt.RichText)
        self.score_label = WrappedLabel()
        self.score_label.setObjectName("scoreLabel")
        self.score_label.setWordWrap(True)
        self.score_label.setToolTip(
            self.tr(
                "The linear score z = Σ wᵢxᵢ + b; two classes: P(second class) = σ(z) = "
                "1/(1+e^(−z)); more: softmax P(k) = e^(z_k) / Σ_j e^(z_j)."
            )
        )
        self.score_label.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self._probabilities = ProbabilityBars()
        self.probability_plot = self._probabilities.plot
        self.probability_bars = self._probabilities.bars
        self._contributions = ContributionBars()
        self.contribution_class = self._contributions.class_input
        self.contribution_all = self._contributions.all_input
        self.contribution_plot = self._contributions.plot
        self.contribution_bars = self._contributions.bars
        self.contribution_bias_bar = self._contributions.bias_bar
        self.contribution_caption = self._contributions.caption

        self.features_table = QTableWidget(0, 3)
        self.features_table.setObjectName("featuresTable")
        self.features_table.setToolTip(
            self.tr(
                "The sample's feature values: in the data's own units and as the model sees "
                "them (standardised)."
            )
        )
        self.features_table.setHorizontalHeaderLabels(
            [self.tr("feature"), self.tr("value"), self.tr("scaled x")]
        )
        self.features_table.verticalHeader().hide()
        self.features_table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.features_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        for column in (1, 2):  # numbers are shown whole ("-0.03…" would mislead)
            self.features_table.horizontalHeader().setSectionResizeMode(
                column, QHeaderView.ResizeToContents
            )
        self.features_table.setTabKeyNavigation(False)

        self.samples_model = TestSamplesModel(self)
        self.samples_table = named(
            QTableView(),
            "testSamplesTable",
            self.tr("All test samples; click a row to inspect it."),
        )
        self.samples_table.setModel(self.samples_model)
        self.samples_table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.samples_table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.samples_table.verticalHeader().hide()
        self.samples_table.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.samples_table.setTabKeyNavigation(False)
        rows = 4 * self.samples_table.verticalHeader().defaultSectionSize()
        header = self.samples_table.horizontalHeader().sizeHint().height()
        for table in (self.features_table, self.samples_table):
            # Four rows at the least (a 768-pixel projector); the splitter gives the tables
            # eight or more from 800 pixels up.
            table.setMinimumHeight(header + rows + 4)
        self.tables = named(QTabWidget(), "predictionTables")
        self.tables.addTab(self.features_table, self.tr("This sample's features"))
        self.tables.addTab(self.samples_table, self.tr("All test samples"))

        chooser = QHBoxLayout()
        chooser.addWidget(QLabel(self.tr("Test sample")))
        chooser.addWidget(self.index_input, 1)
        chooser.addWidget(self.random_button)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(chooser)
        top_layout.addWidget(self.truth_label)
        top_layout.addWidget(self.verdict_label)
        top_layout.addWidget(self.score_label)
        top_layout.addWidget(self.probability_plot, 1)
        middle = self._contributions.widget
        self._top, self._middle = top, middle
        splitter = QSplitter(Qt.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(middle)
        splitter.addWidget(self.tables)
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)
        self.setMinimumWidth(240)
        self._splitter = splitter

        self.index_input.valueChanged.connect(self.select_sample)
        self.random_button.clicked.connect(self._on_random)
        self.samples_table.selectionModel().currentRowChanged.connect(self._on_row)
        self.contribution_class.currentIndexChanged.connect(self._on_contribution_options)
        self.contribution_all.toggled.connect(self._on_contribution_options)
        self.clear()

    def showEvent(self, event):
        super().showEvent(event)
        if not getattr(self, "_sized", False):
            self._sized = True
            self._share_height()

    def resizeEvent(self, event):
        super().resizeEvent(event)
        if getattr(self, "_sized", False) and event.oldSize().height() != event.size().height():
            self._share_height()

    def _share_height(self):
        """Eight table rows (and the tab bar) where the height allows; the rest to the plots,
        two parts for the probabilities to three for the contributions."""
        total = sum(self._splitter.sizes())
        row = self.samples_table.verticalHeader().defaultSectionSize()
        header = self.samples_table.horizontalHeader().sizeHint().height()
        wanted = header + 8 * row + self.tables.tabBar().sizeHint().height() + 12
        tables = max(self.tables.minimumSizeHint().height(), min(wanted, int(total * 0.45)))
        rest = max(total - tables, 0)
        # The top part as tall as its wrapped text and its bars need (one bar per class), so
        # that the formula is never cut off; the contributions get the rest.
        need = self._top_need()
        top = min(max(need, rest * 2 // 5), rest - self._middle.minimumSizeHint().height())
        self._splitter.setSizes([top, rest - top, tables])

    def _top_need(self) -> int:
        """The height the top part's wrapped text and bars need at the panel's width."""
        return self._top.layout().totalHeightForWidth(max(self._splitter.width(), 1))

    def _fit_top(self):
        """Give the top part what its text now needs (the formula may have grown a line),
        taken from the contributions; never more than they can spare."""
        if not getattr(self, "_sized", False):
            return
        top, middle, tables = self._splitter.sizes()
        need = self._top_need()
        spare = middle - self._middle.minimumSizeHint().height()
        grow = min(need - top, spare)
        if grow > 0:
            self._splitter.setSizes([top + grow, middle - grow, tables])

    # Data -----------------------------------------------------------------------------------
    def set_samples(self, X, y, feature_names, classes, X_display=None, preprocessing=None) -> None:
        """Show the test samples ``X`` (as the model sees them) with labels ``y``;
        ``preprocessing`` (what made the features, or None) says what a feature at 0 is."""
        self._X = np.asarray(X, dtype=float)
        self._X_display = self._X if X_display is None else np.asarray(X_display, dtype=float)
        self._y = np.asarray(y)
        self._names = tuple(feature_names)
        self._classes = np.asarray(classes)
        self._coef = self._intercept = None
        self.samples_model.reset(self._y, self._classes, self._X)
        self._contributions.reset(self._names, self._classes, preprocessing)
        self.features_table.setRowCount(len(self._names))
        for row, name in enumerate(self._names):
            item = QTableWidgetItem(name)
            item.setToolTip(name)
            self.features_table.setItem(row, 0, item)
            self.features_table.setItem(row, 1, QTableWidgetItem())
            self.features_table.setItem(row, 2, QTableWidgetItem())
        self._probabilities.set_classes(self._classes)
        self.setEnabled(len(self._y) > 0)
        self.index_input.blockSignals(True)
        self.index_input.setRange(0, max(len(self._y) - 1, 0))
        self.index_input.setValue(0)
        self.index_input.blockSignals(False)
        self._index = -1
        self._show_sample(0 if self._session is None else self._session.selected)

    def clear(self) -> None:
        """No data at all."""
        self._X = self._X_display = self._y = None
        self._coef = self._intercept = None
        self._explanation = None
        self.samples_model.reset([], [])
        self.features_table.setRowCount(0)
        self.truth_label.setText(self.tr("No data."))
        self.verdict_label.setText("")
        self.score_label.setText("")
        self._probabilities.show([])
        self._contributions.clear()
        self.setEnabled(False)

    def set_weights(self, coef, intercept) -> None:
        """Explain the current sample with these weights (cheap: called live)."""
        self._coef = np.asarray(coef, dtype=float)
        self._intercept = np.asarray(intercept, dtype=float)
        if self._X is None or not len(self._X):
            return
        if self._coef.shape[1] != self._X.shape[1]:
            self.clear_weights()
            return
        self.samples_model.set_weights(self._coef, self._intercept, self.threshold())
        self._explain()

    def clear_weights(self) -> None:
        """No model yet: the sample and its true label only."""
        self._coef = self._intercept = None
        self.samples_model.set_weights(None, None)
        self._explain()

    # Session --------------------------------------------------------------------------------
    def bind(self, session) -> None:
        """Follow ``session``: its data, the weights it shows, the sample it selects."""
        self._session = session
        session.dataChanged.connect(self._on_data)
        session.shownChanged.connect(self._on_shown)
        session.selectionChanged.connect(self._show_sample)
        session.thresholdChanged.connect(self._on_threshold)

    def threshold(self) -> float:
        """The decision threshold of two classes (the session's)."""
        return 0.5 if self._session is None else self._session.threshold

    @Slot(float)
    def _on_threshold(self, threshold):
        self.samples_model.set_weights(
            *(self.samples_model.weights or (None, None)), threshold=threshold
        )
        self._explain()

    def predicted_index(self) -> int | None:
        """The class index predicted for the shown sample at the threshold (None without
        weights)."""
        e = self._explanation
        if e is None:
            return None
        return int(predicted_at(e.scores[None, :], self.threshold())[0])

    @Slot()
    def _on_data(self):
        split = self._session.data
        self.set_samples(
            split.X_test,
            split.y_test,
            split.feature_names,
            self._session.classes,
            split.X_test_display,
            split.preprocessing,
        )

    @Slot()
    def _on_shown(self):
        shown = self._session.shown()
        if shown is None:
            self._epoch = None
            self.clear_weights()
        else:
            self._epoch = shown[0]
            self.set_weights(shown[1], shown[2])

    def weights_epoch(self) -> int | None:
        """The epoch whose weights explain the sample (after that epoch's update; None when
        the weights were given directly)."""
        return self._epoch

    # Selection --------------------------------------------------------------------------------
    @Slot(int)
    def select_sample(self, index) -> None:
        """The person chose test sample ``index`` (selected in the session when bound)."""
        if self._session is not None:
            self._session.select_sample(index)
        else:
            self._show_sample(index)

    @Slot(int)
    def _show_sample(self, index) -> None:
        """Show test sample ``index``."""
        if self._y is None or not len(self._y):
            return
        index = int(np.clip(index, 0, len(self._y) - 1))
        if index == self._index:
            return
        self._index = index
        self.index_input.blockSignals(True)
        self.index_input.setValue(index)
        self.index_input.blockSignals(False)
        selection = self.samples_table.selectionModel()
        selection.blockSignals(True)
        self.samples_table.selectRow(index)
        selection.setCurrentIndex(
            self.samples_model.index(index, 0), selection.SelectionFlag.NoUpdate
        )
        selection.blockSignals(False)
        self.samples_table.scrollTo(self.samples_model.index(index, 0))
        for row in range(len(self._names)):
            self.features_table.item(row, 1).setText(f"{self._X_display[index, row]:.4g}")
            self.features_table.item(row, 2).setText(f"{self._X[index, row]:+.3f}")
        self._explain()

    def current_index(self) -> int:
        """Index of the test sample shown."""
        return self._index

    def current_explanation(self):
        """The core's SampleExplanation of the shown sample, or None without weights."""
        return self._explanation

    def probability_labels(self) -> list:
        """``(row, class label)`` of each probability bar, as the axis names them."""
        return self._probabilities.labels()

    def shown_probabilities(self) -> np.ndarray:
        """The numbers behind the probability bars, top bar first (empty without weights)."""
        return self._probabilities.shown()

    def shown_contributions(self) -> np.ndarray:
        """The numbers behind the contribution bars, in feature order (empty without weights)."""
        return self._contributions.shown()

    def shown_bias(self) -> float | None:
        """The number behind the bias's bar: b of the score the contributions add up to
        (None without weights)."""
        return self._contributions.shown_bias()

    def contribution_rows(self) -> list:
        """Every contribution bar drawn, top down, the bias last, as
        ``(row, label, value, factor, sentence)``: ``factor`` is the text beside the bar
        ("×0.28", e^value) and ``sentence`` what hovering the bar says."""
        return self._contributions.rows()

    def contributions_class(self) -> int | None:
        """The index of the class whose score the contributions add up to: for softmax the
        class chosen (the predicted one by default), for two classes the second (z is its
        score, σ(z) its probability); None without weights."""
        e = self._explanation
        if e is None:
            return None
        if len(e.scores) == 1:
            return 1
        return self._contributions.chosen_class(e.predicted_index)

    @Slot()
    def _on_random(self):
        n = 0 if self._y is None else len(self._y)
        if n > 1:
            # A different sample than the current one, uniformly.
            index = int(self._rng.integers(n - 1))
            self.select_sample(index + (index >= self._index))

    @Slot(QModelIndex, QModelIndex)
    def _on_row(self, current, _previous):
        if current.isValid():
            self.select_sample(current.row())

    # Drawing ----------------------------------------------------------------------------------
    def _explain(self):
        if self._y is None or self._index < 0:
            return
        truth = self._y[self._index]
        self.truth_label.setText(self.tr("True label: <b>{label}</b>").format(label=truth))
        if self._coef is None:
            self._explanation = None
            self.verdict_label.setText(self.tr("Not trained yet: press Train or Step."))
            self.score_label.setText("")
            self._probabilities.show([])
            self._contributions.clear()
            return
        e = explain_sample(self._X[self._index], self._coef, self._intercept)
        self._explanation = e
        index = self.predicted_index()
        predicted = self._classes[index]
        self.verdict_label.setText(
            verdict_text(predicted, e.probabilities[index], predicted == truth)
        )
        self._show_score()
        self._probabilities.show(e.probabilities)
        self._contributions.show(e, self.contributions_class())

    @Slot()
    def _on_contribution_options(self, _value=None):
        """Another class or all features: the bars and, for softmax, the formula follow."""
        e = self._explanation
        if e is not None:
            self._contributions.show(e, self.contributions_class())
            if len(e.scores) > 1:
                self._show_score()

    def _show_score(self):
        """The score adding up on screen, for the class the contributions add up to."""
        text = score_text(
            self._explanation, self._classes, self.contributions_class(), self.threshold()
        )
        if self._epoch is not None:
            text = self.tr("Weights after epoch {epoch:,}:").format(epoch=self._epoch) + " " + text
        self.score_label.setText(text)
        self._fit_top()
