"""The evaluation view: metrics on train and test, the confusion matrix, the ROC curves and,
for two classes, the precision–recall curve, with the decision threshold's point on both."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..style.i18n import QT_TRANSLATE_NOOP, translate
from ..style.palette import RIGHT, TEXT, WRONG, class_colors, class_text, style_plot
from ..widgets import ComboBox, WrappedLabel

__all__ = ["EvaluationView"]

#: (key of the Evaluation, row name, its formula); the texts translated where shown.
METRICS = [
    (
        "accuracy",
        QT_TRANSLATE_NOOP("EvaluationView", "Accuracy"),
        QT_TRANSLATE_NOOP(
            "EvaluationView", "Fraction of samples predicted right: (TP + TN) / all."
        ),
    ),
    (
        "balanced_accuracy",
        QT_TRANSLATE_NOOP("EvaluationView", "Balanced accuracy"),
        QT_TRANSLATE_NOOP(
            "EvaluationView",
            "The mean of every class's recall: always predicting the largest class scores "
            "1 / (number of classes), however rare the others are.",
        ),
    ),
    (
        "precision",
        QT_TRANSLATE_NOOP("EvaluationView", "Precision"),
        QT_TRANSLATE_NOOP(
            "EvaluationView",
            "Of the samples predicted as a class, the fraction that truly are: TP / (TP + FP).",
        ),
    ),
    (
        "recall",
        QT_TRANSLATE_NOOP("EvaluationView", "Recall"),
        QT_TRANSLATE_NOOP(
            "EvaluationView", "Of the samples of a class, the fraction found: TP / (TP + FN)."
        ),
    ),
    (
        "f1",
        QT_TRANSLATE_NOOP("EvaluationView", "F1"),
        QT_TRANSLATE_NOOP(
            "EvaluationView", "Harmonic mean of precision and recall: 2·P·R / (P + R)."
        ),
    ),
    (
        "log_loss",
        QT_TRANSLATE_NOOP("EvaluationView", "Log-loss"),
        QT_TRANSLATE_NOOP(
            "EvaluationView",
            "Mean cross-entropy −(1/n) Σ log p(true class): the loss gradient descent "
            "minimises (without the penalty).",
        ),
    ),
    (
        "macro_auc",
        QT_TRANSLATE_NOOP("EvaluationView", "ROC AUC"),
        QT_TRANSLATE_NOOP(
            "EvaluationView",
            "Area under the ROC curve: the chance that a random positive sample scores above a "
            "random negative one (one-vs-rest, macro average, for more than two classes).",
        ),
    ),
]


#: The confusion matrix is drawn up to this many classes; beyond, its largest errors are listed.
MAX_CONFUSION_CLASSES = 20
MAX_CONFUSIONS_LISTED = 25
#: An accuracy at most this far above always predicting the largest class is said to be no
#: better than it (the accuracy paradox of imbalanced classes).
PARADOX_POINTS = 0.05
#: ROC curves are drawn up to this many classes.
MAX_ROC_CLASSES = 10


class EvaluationView(QWidget):
    """How good the model is on the training and the test samples."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("evaluationView")
        self.setAccessibleName("evaluationView")
        self._classes = []
        self._evaluations = {}
        self._session = None

        self.caption = WrappedLabel(self.tr("Train a model to see how good it is."))
        self.caption.setObjectName("evaluationCaption")
        self.caption.setWordWrap(True)
        self.metrics = QTableWidget(len(METRICS), 2)
        self.metrics.setObjectName("metricsTable")
        self.metrics.setHorizontalHeaderLabels([self.tr("train"), self.tr("test")])
        self.metrics.setVerticalHeaderLabels(
            [translate("EvaluationView", label) for _, label, _ in METRICS]
        )
        for row, (_, _, tip) in enumerate(METRICS):
            self.metrics.verticalHeaderItem(row).setToolTip(translate("EvaluationView", tip))
        self.metrics.setEditTriggers(QTableWidget.NoEditTriggers)
        self.metrics.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self._metrics_tip = self.tr(
            "Metrics computed with sklearn.metrics; hover a row name for its formula."
        )
        self.metrics.setToolTip(self._metrics_tip)
        self.which = ComboBox()
        self.which.setObjectName("evaluationSetInput")
        self.which.setAccessibleName("evaluationSetInput")
        self.which.setToolTip(
            self.tr("Show the confusion matrix and ROC curves of the test or the training samples.")
        )
        self.which.addItem(self.tr("test samples"), "test")
        self.which.addItem(self.tr("training samples"), "train")
        self.confusion = QTableWidget(0, 0)
        self.confusion.setObjectName("confusionTable")
        self.confusion.setToolTip(
            self.tr(
                "Confusion matrix: row = true class, column = predicted class; counts, and each "
                "row's recall. Shading: the fraction of the row."
            )
        )
        self.confusion.setEditTriggers(QTableWidget.NoEditTriggers)
        self.confusion.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.confusion.setTabKeyNavigation(False)
        self.metrics.setTabKeyNavigation(False)
        self.roc = pg.PlotWidget(background="w")
        self.roc.setObjectName("rocPlot")
        self.roc.setToolTip(
            self.tr(
                "ROC curve: true-positive rate against false-positive rate as the decision "
                "threshold moves; the diagonal is guessing."
            )
        )
        self.roc.setLabel("bottom", self.tr("false-positive rate"))
        self.roc.setLabel("left", self.tr("true-positive rate"))
        self.roc.setXRange(0, 1)
        self.roc.setYRange(0, 1)
        self.roc.setMouseEnabled(False, False)
        style_plot(self.roc)
        self.roc.setMinimumSize(160, 160)
        # Bottom right: below the diagonal, where ROC curves do not go.
        self.roc.addLegend(offset=(-10, -10), labelTextColor=TEXT, brush="#FFFFFFD0")
        self.pr = pg.PlotWidget(background="w")
        self.pr.setObjectName("prCurve")
        self.pr.setAccessibleName("prCurve")
        self.pr.setToolTip(
            self.tr(
                "Precision–recall curve of two classes: as the threshold falls, recall grows "
                "and precision usually drops. The dot is the threshold in use; the dashed line "
                "is the share of positives (what guessing achieves)."
            )
        )
        self.pr.setLabel("bottom", self.tr("recall"))
        self.pr.setLabel("left", self.tr("precision"))
        self.pr.setXRange(0, 1)
        self.pr.setYRange(0, 1.02)
        self.pr.setMouseEnabled(False, False)
        style_plot(self.pr)
        self.pr.setMinimumSize(160, 160)
        self.pr.addLegend(offset=(10, -10), labelTextColor=TEXT, brush="#FFFFFFD0")

        self.metrics.setMinimumHeight(
            self.metrics.horizontalHeader().sizeHint().height()
            + len(METRICS) * self.metrics.verticalHeader().defaultSectionSize()
            + 4
        )
        matrix = QWidget()
        matrix_layout = QVBoxLayout(matrix)
        matrix_layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Confusion matrix and ROC of")))
        row.addWidget(self.which, 1)
        matrix_layout.addLayout(row)
        matrix_layout.addWidget(self.confusion, 1)
        top = self._top = QSplitter(Qt.Horizontal)
        top.addWidget(self.metrics)
        top.addWidget(matrix)
        top.setChildrenCollapsible(False)
        curves = QSplitter(Qt.Horizontal)
        curves.addWidget(self.roc)
        curves.addWidget(self.pr)
        curves.setChildrenCollapsible(False)
        splitter = QSplitter(Qt.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(curves)
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        metrics_page = QWidget()
        page = QVBoxLayout(metrics_page)
        page.setContentsMargins(0, 4, 0, 0)
        page.addWidget(self.caption)
        page.addWidget(splitter, 1)
        # Pages: this model's metrics first; the window adds more (the complexity curve).
        self._width = None  # the width the page has (fit_to_width)
        self.pages = QTabWidget()
        self.pages.setObjectName("evaluationPages")
        self.pages.setDocumentMode(True)
        self.pages.addTab(metrics_page, self.tr("This model"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.pages)
        self.which.currentIndexChanged.connect(self._draw_selected)

    def add_page(self, widget, title) -> None:
        """Another page of how good the model is (``widget``, under the tab ``title``)."""
        self.pages.addTab(widget, title)

    def bind(self, session) -> None:
        """Follow ``session``: its classes and the evaluation of the weights it shows."""
        self._session = session
        session.dataChanged.connect(lambda: self.set_classes(session.classes))
        session.evaluationChanged.connect(self._on_evaluation)
        session.thresholdChanged.connect(self._on_threshold)

    def _on_evaluation(self):
        evaluation = self._session.evaluation
        if evaluation is None:
            self.clear()
        else:
            self.set_evaluations(*evaluation)

    def _on_threshold(self, _threshold=None):
        if self._session.evaluation is not None:
            self.set_evaluations(*self._session.evaluation)

    def threshold(self) -> float:
        return 0.5 if self._session is None else self._session.threshold

    def set_classes(self, classes) -> None:
        """Class labels for the headers."""
        self._classes = [str(c) for c in classes]
        self.clear()

    def clear(self) -> None:
        """No evaluation yet."""
        self._evaluations = {}
        self.metrics.setToolTip(self._metrics_tip)
        for r in range(self.metrics.rowCount()):
            for c in range(2):
                self.metrics.setItem(r, c, QTableWidgetItem("—"))
        self._fit_metrics()
        self.confusion.clear()
        self.confusion.setRowCount(0)
        self.confusion.setColumnCount(0)
        self.roc.clear()
        self.pr.clear()
        self.pr.setVisible(len(self._classes) == 2)
        self.caption.setText(
            self.tr(
                "Train a model to see how good it is (refreshed when training ends, pauses or "
                "steps)."
            )
        )

    def _fit_metrics(self) -> None:
        """The metrics table is never narrower than its row names and whole numbers: a value
        cut to "0.8…" would mislead (the page scrolls instead)."""
        table = self.metrics
        metrics = table.fontMetrics()
        texts = ["0.0000", self.tr("train"), self.tr("test")] + [
            table.item(r, c).text()
            for r in range(table.rowCount())
            for c in range(table.columnCount())
            if table.item(r, c) is not None
        ]
        column = max(metrics.horizontalAdvance(t) for t in texts) + 16
        table.setMinimumWidth(
            table.verticalHeader().sizeHint().width()
            + table.columnCount() * column
            + 2 * table.frameWidth()
            + 2
        )
        # Every row in sight, at every zoom: the page scrolls, never the table (its last
        # values behind a scroll bar went unseen on a projector).
        rows = table.verticalHeader()
        rows.resizeSections(QHeaderView.ResizeToContents)
        table.setMinimumHeight(
            table.horizontalHeader().sizeHint().height()
            + sum(rows.sectionSize(r) for r in range(table.rowCount()))
            + 2 * table.frameWidth()
            + 2
        )

    def changeEvent(self, event):
        super().changeEvent(event)
        if event.type() == QEvent.FontChange:  # a zoom
            self._fit_metrics()
            self.fit_to_width(self._width)

    def fit_to_width(self, width) -> None:
        """With less than ``width`` for the metrics beside the confusion matrix (a projector,
        a zoom), the matrix goes under the metrics instead of the page scrolling sideways."""
        self._width = width
        top = self._top
        parts = (top.widget(i) for i in range(top.count()))
        beside = sum(max(w.minimumWidth(), w.minimumSizeHint().width()) for w in parts)
        need = beside + top.handleWidth() + 16  # the page's margins
        top.setOrientation(Qt.Horizontal if width is None or width >= need else Qt.Vertical)

    def set_evaluations(self, train, test=None, epoch=None) -> None:
        """Show ``train`` and ``test`` Evaluations (test may be None), at the session's
        decision threshold."""
        t = self.threshold()
        train, test = (None if ev is None else ev.at(t) for ev in (train, test))
        self._evaluations = {"train": train, "test": test}
        self.metrics.setToolTip(
            self.tr(
                "Metrics computed with sklearn.metrics, unweighted: every sample counts 1, "
                "although the training loss weighs the samples by their class (class weights). "
                "Hover a row name for its formula."
            )
            if self._weighted()
            else self._metrics_tip
        )
        for col, ev in enumerate((train, test)):
            for row, (key, _, _) in enumerate(METRICS):
                value = None if ev is None else getattr(ev, key)
                text = "—" if value is None or not np.isfinite(value) else f"{value:.4f}"
                self.metrics.setItem(row, col, QTableWidgetItem(text))
        self._fit_metrics()
        if epoch is None:
            model = self.tr("Model: {train} training and {test} test samples.")
        else:
            model = self.tr(
                "Model after epoch {epoch:,}: {train} training and {test} test samples."
            )
        if len(self._classes) == 2:
            averaging = self.tr(
                "Precision, recall and F1 are of class “{name}”, predicted when P({name}) > "
                "t = {threshold:.3f}."
            )
        else:
            averaging = self.tr("Precision, recall and F1 are macro averages over the classes.")
        self.caption.setText(
            model.format(
                epoch=epoch, train=train.n_samples, test=0 if test is None else test.n_samples
            )
            + " "
            + averaging.format(
                name=self._classes[1] if len(self._classes) == 2 else "", threshold=self.threshold()
            )
            + self._paradox(test if test is not None else train)
        )
        self._draw_selected()

    def _weighted(self) -> bool:
        """Whether the run evaluated was trained with class weights."""
        from ...core.model.class_weight import is_weighted

        run = None if self._session is None else self._session.run
        return run is not None and is_weighted(run.settings.get("class_weight"))

    def _paradox(self, ev) -> str:
        """The accuracy paradox, when it shows: an accuracy within a few points of always
        predicting the largest class."""
        if ev is None or not np.isfinite(ev.majority) or ev.majority < 0.6:
            return ""
        if ev.accuracy - ev.majority > PARADOX_POINTS:
            return ""
        return " " + self.tr(
            "Beware the accuracy: always predicting the largest class would score {majority:.3f} "
            "here, and the model scores {accuracy:.3f}. On imbalanced classes read the balanced "
            "accuracy ({balanced:.3f}), the recall of each class and the precision–recall "
            "curve."
        ).format(majority=ev.majority, accuracy=ev.accuracy, balanced=ev.balanced_accuracy)

    def paradox_note(self) -> str:
        """The accuracy paradox note shown ("" when none)."""
        test = self._evaluations.get("test") or self._evaluations.get("train")
        return self._paradox(test).strip()

    def _draw_selected(self, _index=None):
        ev = self._evaluations.get(self.which.currentData())
        if ev is None:
            ev = self._evaluations.get("train")
        if ev is None:
            return
        k = len(self._classes)
        self.confusion.clear()
        if k <= MAX_CONFUSION_CLASSES:
            self._draw_confusion(ev, k)
        else:
            self._draw_confusions_list(ev)
        self.roc.clear()
        self.roc.plot([0, 1], [0, 1], pen=pg.mkPen("#999999", style=Qt.DashLine))
        colors = class_colors(k)
        names = [self._classes[1]] if k == 2 else self._classes
        curves = list(zip(ev.roc, ev.auc, names, colors[1:] if k == 2 else colors))
        if k > MAX_ROC_CLASSES:
            # One curve per class would be an unreadable bundle: the macro AUC says it.
            self.roc.setTitle(
                self.tr("{count} classes: one-vs-rest AUC, macro average {auc:.3f}").format(
                    count=k, auc=ev.macro_auc
                ),
                color=TEXT,
            )
            return
        self.roc.setTitle(None)
        self._draw_pr(ev, colors[1] if k == 2 else None)
        for (fpr, tpr), auc, name, color in curves:
            if len(fpr):
                self.roc.plot(
                    fpr,
                    tpr,
                    pen=pg.mkPen(color, width=2),
                    name=self.tr("{name}: AUC {auc:.3f}").format(name=class_text(name), auc=auc),
                )
            else:
                self.roc.plot(
                    [], [], name=self.tr("{name}: no samples, no curve").format(name=name)
                )

    def _draw_pr(self, ev, color):
        """Two classes: the precision–recall curve, and the threshold's point on it and on
        the ROC curve."""
        self.pr.clear()
        self.pr.setVisible(color is not None)
        point = ev.operating_point()
        if color is None or point is None:
            return
        positives = ev.counts.positives / max(ev.counts.n, 1)
        self.pr.plot([0, 1], [positives, positives], pen=pg.mkPen("#999999", style=Qt.DashLine))
        if ev.pr is not None:
            precision, recall = ev.pr
            self.pr.plot(
                recall,
                precision,
                pen=pg.mkPen(color, width=2),
                name=self.tr("average precision {ap:.3f}").format(ap=ev.average_precision),
            )
        label = self.tr("t = {threshold:.3f}").format(threshold=ev.threshold)
        for plot, x, y in (
            (self.roc, point["fpr"], point["tpr"]),
            (self.pr, point["recall"], point["precision"]),
        ):
            if np.isfinite(x) and np.isfinite(y):
                plot.plot(
                    [x],
                    [y],
                    pen=None,
                    symbol="o",
                    symbolSize=11,
                    symbolBrush=TEXT,
                    symbolPen=pg.mkPen("w", width=2),
                    name=label,
                )

    def operating_points(self) -> dict:
        """The threshold's point as drawn: ``{"roc": (fpr, tpr), "pr": (recall,
        precision)}`` (empty when none is drawn), for tests."""
        out = {}
        for key, plot in (("roc", self.roc), ("pr", self.pr)):
            for item in plot.listDataItems():
                x, y = item.getData()
                if item.opts.get("symbol") == "o" and len(x) == 1:
                    out[key] = (float(x[0]), float(y[0]))
        return out

    def _draw_confusion(self, ev, k):
        self.confusion.setRowCount(k)
        self.confusion.setColumnCount(k + 1)
        colors = class_colors(k)
        for j, name in enumerate(self._classes):
            # The class in its colour, as in every view; the full name, never clipped.
            for header, setter in (
                (
                    self.tr("predicted\n{name}").format(name=class_text(name)),
                    self.confusion.setHorizontalHeaderItem,
                ),
                (
                    self.tr("true {name}").format(name=class_text(name)),
                    self.confusion.setVerticalHeaderItem,
                ),
            ):
                item = QTableWidgetItem(header)
                item.setForeground(colors[j].darker(130))
                item.setToolTip(header.replace("\n", " "))
                setter(j, item)
        self.confusion.setHorizontalHeaderItem(k, QTableWidgetItem(self.tr("recall")))
        for i in range(k):
            total = ev.confusion[i].sum()
            for j in range(k):
                item = QTableWidgetItem(str(int(ev.confusion[i, j])))
                item.setTextAlignment(Qt.AlignCenter)
                share = ev.confusion[i, j] / total if total else 0.0
                base = QColor(RIGHT if i == j else WRONG)
                base.setAlphaF(0.1 + 0.5 * share if ev.confusion[i, j] else 0.0)
                item.setBackground(base)
                self.confusion.setItem(i, j, item)
            recall = ev.recall_per_class[i]
            self.confusion.setItem(
                i, k, QTableWidgetItem("—" if not np.isfinite(recall) else f"{recall:.3f}")
            )

    def _draw_confusions_list(self, ev):
        """Too many classes for a matrix: the most frequent confusions, largest first."""
        wrong = ev.confusion.copy()
        np.fill_diagonal(wrong, 0)
        order = np.argsort(-wrong, axis=None, kind="stable")[:MAX_CONFUSIONS_LISTED]
        pairs = [np.unravel_index(i, wrong.shape) for i in order if wrong.flat[i] > 0]
        self.confusion.setRowCount(len(pairs))
        self.confusion.setColumnCount(3)
        self.confusion.setHorizontalHeaderLabels(
            [self.tr("true class"), self.tr("predicted as"), self.tr("samples")]
        )
        self.confusion.setVerticalHeaderLabels([str(i + 1) for i in range(len(pairs))])
        for row, (i, j) in enumerate(pairs):
            for col, text in enumerate((self._classes[i], self._classes[j], str(int(wrong[i, j])))):
                self.confusion.setItem(row, col, QTableWidgetItem(text))

    def shown_values(self) -> dict:
        """The numbers shown, for tests: per set, each metric, the AUCs and the confusion matrix."""
        out = {}
        for key, ev in self._evaluations.items():
            if ev is None:
                continue
            col = 0 if key == "train" else 1
            shown = {
                name: float(self.metrics.item(row, col).text())
                if self.metrics.item(row, col).text() != "—"
                else float("nan")
                for row, (name, _, _) in enumerate(METRICS)
            }
            shown["auc"] = list(ev.auc)
            out[key] = shown
        selected = (
            self.which.currentData() if self._evaluations.get(self.which.currentData()) else "train"
        )
        k = self.confusion.rowCount()
        if selected in out and k == len(self._classes):
            out[selected]["confusion"] = np.array(
                [[int(self.confusion.item(i, j).text()) for j in range(k)] for i in range(k)]
            )
        return out
