"""The prediction panel: one test sample, its features, its score z = w·x + b, the probability
of each class and the contribution wᵢ·xᵢ of each feature — why the model decides as it does."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
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
from ....core.model.objective import class_probabilities, decision_scores, predicted_indices
from ...style.i18n import QT_TRANSLATE_NOOP, translate
from ...style.palette import NEUTRAL, RIGHT, TEXT, WRONG, class_colors, class_text, style_plot
from ...widgets import ComboBox, named

__all__ = ["PredictionPanel"]

#: Feature contributions drawn by default: the largest |wᵢ·xᵢ|, the others summed in one bar.
TOP_BARS = 10
#: Feature names longer than this are cut on the chart's axis (in full in the table).
NAME_CHARS = 18
#: With more classes than this, the panel shows the most probable ones.
MAX_CLASSES_SHOWN = 10


def elide(name, limit=NAME_CHARS) -> str:
    """``name`` cut in the middle to ``limit`` characters ("nonflavan…_phenols")."""
    name = str(name)
    if len(name) <= limit:
        return name
    head = (limit - 1) // 2
    return name[:head] + "…" + name[len(name) - (limit - 1 - head) :]


class TestSamplesModel(QAbstractTableModel):
    """The test samples with their true label and, once there are weights, the prediction.

    Predictions are computed for the rows the table asks for, a page at a time and cached
    until the weights change: a live update costs what is on screen, not the whole test
    part (300,000 rows would hold the window for tens of milliseconds every update).
    """

    HEADERS = (
        "#",
        QT_TRANSLATE_NOOP("TestSamplesModel", "true"),
        QT_TRANSLATE_NOOP("TestSamplesModel", "predicted"),
        "P",
    )
    PAGE = 256

    def __init__(self, parent=None):
        super().__init__(parent)
        self.y = np.array([])
        self.classes = np.array([])
        self.X = None
        self.weights = None
        self._pages = {}

    def reset(self, y, classes, X=None):
        self.beginResetModel()
        self.y, self.classes, self.X = np.asarray(y), np.asarray(classes), X
        self.weights = None
        self._pages = {}
        self.endResetModel()

    def set_weights(self, coef, intercept):
        """Predict with ``coef``, ``intercept`` (None: no model)."""
        self.weights = None if coef is None else (coef, intercept)
        self._pages = {}
        if len(self.y):
            self.dataChanged.emit(self.index(0, 2), self.index(len(self.y) - 1, 3))

    def prediction(self, row):
        """(predicted class index, its probability) of test sample ``row``."""
        page = row // self.PAGE
        if page not in self._pages:
            rows = slice(page * self.PAGE, (page + 1) * self.PAGE)
            scores = decision_scores(self.X[rows], *self.weights)
            predicted = predicted_indices(scores)
            probability = class_probabilities(scores)[np.arange(len(predicted)), predicted]
            self._pages[page] = (predicted, probability)
        predicted, probability = self._pages[page]
        return int(predicted[row % self.PAGE]), float(probability[row % self.PAGE])

    def rowCount(self, parent=None):
        return 0 if parent is not None and parent.isValid() else len(self.y)

    def columnCount(self, parent=None):
        return 0 if parent is not None and parent.isValid() else 4

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return translate("TestSamplesModel", self.HEADERS[section])
        return None

    def data(self, index, role=Qt.DisplayRole):
        row, col = index.row(), index.column()
        if role == Qt.DisplayRole:
            if col == 0:
                return str(row)
            if col == 1:
                return str(self.y[row])
            if self.weights is None:
                return "—"
            predicted, probability = self.prediction(row)
            return str(self.classes[predicted]) if col == 2 else f"{probability:.3f}"
        if role == Qt.ForegroundRole and col == 2 and self.weights is not None:
            right = self.classes[self.prediction(row)[0]] == self.y[row]
            return pg.mkColor(RIGHT if right else WRONG)
        return None


class PredictionPanel(QWidget):
    """Inspect the model's prediction for one test sample, live while training runs.

    Bound to a session (:meth:`bind`), it shows the session's data, the weights it shows and
    the test sample it has selected; choosing a sample here selects it in the session.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
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
        self._shown_contributions = np.array([])
        self._shown_probabilities = np.array([])
        self._contribution_limit = 0.0
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
        self.score_label = QLabel()
        self.score_label.setObjectName("scoreLabel")
        self.score_label.setWordWrap(True)
        self.score_label.setToolTip(
            self.tr(
                "The linear score z = Σ wᵢxᵢ + b; two classes: P(second class) = σ(z) = "
                "1/(1+e^(−z)); more: softmax P(k) = e^(z_k) / Σ_j e^(z_j)."
            )
        )
        self.score_label.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.probability_plot = pg.PlotWidget(background="w")
        self.probability_plot.setObjectName("probabilityPlot")
        self.probability_plot.setAccessibleDescription(
            self.tr("The predicted probability of each class.")
        )
        style_plot(self.probability_plot)
        self.probability_plot.setMouseEnabled(False, False)
        self.probability_plot.hideButtons()
        self.probability_plot.setXRange(0, 1, padding=0.02)
        self.probability_plot.setLabel("bottom", self.tr("probability"))
        self.probability_bars = pg.BarGraphItem(x0=[], y=[], height=0.6, width=[], brushes=[])
        self.probability_plot.addItem(self.probability_bars)
        self._probability_texts = []

        self.contribution_class = named(
            ComboBox(),
            "contributionClassInput",
            self.tr("For softmax: the class whose score z_k the contributions add up to."),
        )
        self.contribution_plot = pg.PlotWidget(background="w")
        self.contribution_plot.setObjectName("contributionPlot")
        self.contribution_plot.setAccessibleDescription(
            self.tr(
                "Each feature's contribution wᵢ·xᵢ to the score z, coloured by the class it "
                "pushes towards."
            )
        )
        style_plot(self.contribution_plot)
        self.contribution_all = named(
            QCheckBox(self.tr("all features")),
            "contributionAllInput",
            self.tr(
                "Draw every feature's contribution (by default the {count} largest, the others "
                "summed in one bar)."
            ).format(count=TOP_BARS),
        )
        self.contribution_plot.setMouseEnabled(False, False)
        self.contribution_plot.hideButtons()
        self.contribution_plot.setLabel("bottom", self.tr("contribution wᵢ·xᵢ to z"))
        self.contribution_plot.addItem(pg.InfiniteLine(pos=0, angle=90, pen=pg.mkPen(TEXT)))
        self.contribution_bars = pg.BarGraphItem(x0=[], y=[], height=0.7, width=[], brushes=[])
        self.contribution_plot.addItem(self.contribution_bars)
        self.contribution_caption = QLabel()
        self.contribution_caption.setObjectName("contributionCaption")
        self.contribution_caption.setWordWrap(True)

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
        contribution_head = QHBoxLayout()
        contribution_head.addWidget(self.contribution_caption, 1)
        contribution_options = QVBoxLayout()
        contribution_options.addWidget(self.contribution_class)
        contribution_options.addWidget(self.contribution_all)
        contribution_head.addLayout(contribution_options)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(chooser)
        top_layout.addWidget(self.truth_label)
        top_layout.addWidget(self.verdict_label)
        top_layout.addWidget(self.score_label)
        top_layout.addWidget(self.probability_plot, 1)
        middle = QWidget()
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.addLayout(contribution_head)
        middle_layout.addWidget(self.contribution_plot, 1)
        self.probability_plot.setMinimumHeight(80)
        self.contribution_plot.setMinimumHeight(130)
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
        self.contribution_class.currentIndexChanged.connect(self._draw_contributions)
        self.contribution_all.toggled.connect(self._draw_contributions)
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
    def set_samples(self, X, y, feature_names, classes, X_display=None) -> None:
        """Show the test samples ``X`` (as the model sees them) with labels ``y``."""
        self._X = np.asarray(X, dtype=float)
        self._X_display = self._X if X_display is None else np.asarray(X_display, dtype=float)
        self._y = np.asarray(y)
        self._names = tuple(feature_names)
        self._classes = np.asarray(classes)
        self._coef = self._intercept = None
        self.samples_model.reset(self._y, self._classes, self._X)
        self.contribution_class.blockSignals(True)
        self.contribution_class.clear()
        self.contribution_class.addItem(self.tr("predicted class"))
        self.contribution_class.addItems([class_text(c) for c in self._classes])
        self.contribution_class.blockSignals(False)
        self.features_table.setRowCount(len(self._names))
        for row, name in enumerate(self._names):
            item = QTableWidgetItem(name)
            item.setToolTip(name)
            self.features_table.setItem(row, 0, item)
            self.features_table.setItem(row, 1, QTableWidgetItem())
            self.features_table.setItem(row, 2, QTableWidgetItem())
        shown = min(len(self._classes), MAX_CLASSES_SHOWN)
        self.probability_plot.setMinimumHeight(50 + 18 * max(shown, 2))
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
        self._set_probability_bars([])
        self.contribution_bars.setOpts(x0=[], y=[], width=[], brushes=[])
        self.contribution_caption.setText("")
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
        self.samples_model.set_weights(self._coef, self._intercept)
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

    @Slot()
    def _on_data(self):
        split = self._session.data
        self.set_samples(
            split.X_test,
            split.y_test,
            split.feature_names,
            self._session.classes,
            split.X_test_display,
        )

    @Slot()
    def _on_shown(self):
        shown = self._session.shown()
        if shown is None:
            self.clear_weights()
        else:
            self.set_weights(shown[1], shown[2])

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

    def shown_probabilities(self) -> np.ndarray:
        """The numbers behind the probability bars, top bar first (empty without weights)."""
        return self._shown_probabilities.copy()

    def shown_contributions(self) -> np.ndarray:
        """The numbers behind the contribution bars, in feature order (empty without weights)."""
        return self._shown_contributions.copy()

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
            self._set_probability_bars([])
            self._shown_contributions = np.array([])
            self.contribution_bars.setOpts(x0=[], y=[], width=[], brushes=[])
            self.contribution_caption.setText("")
            return
        e = explain_sample(self._X[self._index], self._coef, self._intercept)
        self._explanation = e
        predicted = self._classes[e.predicted_index]
        right = predicted == truth
        verdict = (
            self.tr(
                "Predicted: <b>{label}</b> (P = {probability:.3f}) "
                "<span style='color:{color}'>✓ right</span>"
            )
            if right
            else self.tr(
                "Predicted: <b>{label}</b> (P = {probability:.3f}) "
                "<span style='color:{color}'>✗ wrong</span>"
            )
        )
        self.verdict_label.setText(
            verdict.format(
                label=predicted,
                probability=e.probabilities[e.predicted_index],
                color=RIGHT if right else WRONG,
            )
        )
        if len(e.scores) == 1:
            total = e.contributions[0].sum()
            self.score_label.setText(
                f"z = Σ wᵢxᵢ + b = {total:.4g} + ({e.intercept[0]:.4g}) = {e.scores[0]:.4g};  "
                f"P({self._classes[1]}) = σ(z) = {e.probabilities[1]:.4f}"
            )
            self._fit_top()
        else:
            self._multiclass_formula()
        self._set_probability_bars(e.probabilities)
        self._draw_contributions()

    def _chosen_class(self):
        """The class whose score the contributions add up to (softmax)."""
        choice = self.contribution_class.currentIndex()
        e = self._explanation
        return e.predicted_index if choice <= 0 else choice - 1

    def _multiclass_formula(self):
        """z_k = Σ wₖᵢxᵢ + b_k for the class shown, adding up on screen, and the top scores."""
        e = self._explanation
        k = self._chosen_class()
        name = class_text(self._classes[k])
        total = e.contributions[k].sum()
        top = np.argsort(-e.scores, kind="stable")[:3]
        parts = ", ".join(
            f"z<sub>{class_text(self._classes[i])}</sub> = {e.scores[i]:.4g}" for i in top
        )
        formula = (
            f"z<sub>{name}</sub> = Σ wᵢxᵢ + b<sub>{name}</sub> = {total:.4g} + "
            f"({e.intercept[k]:.4g}) = {e.scores[k]:.4g}."
        )
        if len(e.scores) > 3:
            scores = self.tr("Scores: {scores} (the 3 largest of {count}); P = softmax(z).")
        else:
            scores = self.tr("Scores: {scores}; P = softmax(z).")
        self.score_label.setText(f"{formula} " + scores.format(scores=parts, count=len(e.scores)))
        self._fit_top()

    def _set_probability_bars(self, probabilities):
        """A bar per class, in the class's colour; with many classes the most probable few."""
        probabilities = np.asarray(probabilities, dtype=float)
        k = len(probabilities)
        if k > MAX_CLASSES_SHOWN:
            order = np.argsort(-probabilities, kind="stable")[:MAX_CLASSES_SHOWN]
            self.probability_plot.setTitle(
                self.tr("the {shown} most probable of {count} classes").format(
                    shown=MAX_CLASSES_SHOWN, count=k
                ),
                color=TEXT,
            )
        else:
            order = np.arange(k)
            self.probability_plot.setTitle(None)
        n = len(order)
        if len(self._probability_texts) != n:  # the classes changed: new labels, else reuse
            for text in self._probability_texts:
                self.probability_plot.removeItem(text)
            self._probability_texts = [pg.TextItem(color=TEXT, anchor=(0, 0.5)) for _ in range(n)]
            for text in self._probability_texts:
                self.probability_plot.addItem(text)
            self.probability_plot.setYRange(-0.6, max(n, 1) - 0.4, padding=0)
        rows = np.arange(n)[::-1]  # the first shown at the top
        self.probability_plot.getAxis("left").setTicks(
            [[(r, elide(class_text(self._classes[i]))) for r, i in zip(rows, order)]] if n else [[]]
        )
        colors = class_colors(len(self._classes)) if len(self._classes) else []
        self.probability_bars.setOpts(
            x0=np.zeros(n),
            y=rows,
            width=probabilities[order],
            height=0.6,
            brushes=[pg.mkBrush(colors[i]) for i in order],
        )
        self._shown_probabilities = probabilities[order]
        for text, row, p in zip(self._probability_texts, rows, probabilities[order]):
            text.setText(f"{p:.3f}")
            text.setPos(min(p, 0.8) + 0.01, row)

    @Slot()
    def _draw_contributions(self, _index=None):
        e = self._explanation
        if e is None:
            return
        colors = class_colors(max(len(self._classes), 2))
        if e.contributions.shape[0] == 1:
            row = e.contributions[0]
            self.contribution_class.hide()
            positive, negative = colors[1], colors[0]
            self.contribution_caption.setText(
                self.tr(
                    "Contributions wᵢ·xᵢ to z: a bar in the colour of “{second}” pushes towards "
                    "it, one in the colour of “{first}” towards that class."
                ).format(second=class_text(self._classes[1]), first=class_text(self._classes[0]))
            )
        else:
            self.contribution_class.show()
            k = self._chosen_class()
            row = e.contributions[k]
            positive, negative = colors[k], QColor(NEUTRAL)
            self.contribution_caption.setText(
                self.tr(
                    "Contributions wᵢ·xᵢ to z of “{name}”: in its colour they push towards it, "
                    "grey ones away from it."
                ).format(name=class_text(self._classes[k]))
            )
            self._multiclass_formula()
        self._shown_contributions = row
        names = [elide(n) for n in self._names]
        order = np.arange(len(row))
        others = None
        if len(row) > TOP_BARS and not self.contribution_all.isChecked():
            order = np.sort(np.argsort(-np.abs(row), kind="stable")[:TOP_BARS])
            rest = np.setdiff1d(np.arange(len(row)), order)
            others = float(row[rest].sum())
            names_others = self.tr("{count} others (sum)").format(count=len(rest))
        values = row[order]
        labels = [names[i] for i in order]
        if others is not None:
            values = np.append(values, others)
            labels.append(names_others)
        positions = np.arange(len(values))[::-1]  # first feature at the top
        brushes = [pg.mkBrush(positive if v >= 0 else negative) for v in values]
        self.contribution_bars.setOpts(
            x0=np.minimum(values, 0), y=positions, width=np.abs(values), height=0.7, brushes=brushes
        )
        self.contribution_plot.getAxis("left").setTicks(
            [[(float(p), label) for p, label in zip(positions, labels)]]
        )
        self.contribution_plot.setYRange(-0.6, len(values) - 0.4, padding=0)
        limit = max(float(np.abs(values).max()) if len(values) else 1.0, 1e-9)
        # A range that only changes when the bars outgrow it or shrink well inside it: the
        # axis is not laid out again on every live update, and the bars do not jump.
        low = self._contribution_limit
        if not (0.5 * low <= limit <= low):
            self._contribution_limit = limit * 1.25
            self.contribution_plot.setXRange(
                -self._contribution_limit, self._contribution_limit, padding=0
            )
