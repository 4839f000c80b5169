"""The test samples in a table with their true label and predicted class, and feature names
cut to fit a chart's axis."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QAbstractTableModel, Qt

from ....core.analysis.threshold import predicted_at
from ....core.model.objective import class_probabilities, decision_scores
from ...style.i18n import QT_TRANSLATE_NOOP, translate
from ...style.palette import RIGHT, WRONG

__all__ = ["NAME_CHARS", "TestSamplesModel", "elide"]

#: Feature names longer than this are cut on the chart's axis (in full in the table).
NAME_CHARS = 18


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
        self.threshold = 0.5  # two classes: the second when its P is above it
        self._pages = {}

    def reset(self, y, classes, X=None):
        """The samples ``X`` with labels ``y`` among ``classes``, no predictions yet."""
        self.beginResetModel()
        self.y, self.classes, self.X = np.asarray(y), np.asarray(classes), X
        self.weights = None
        self._pages = {}
        self.endResetModel()

    def set_weights(self, coef, intercept, threshold=None):
        """Predict with ``coef``, ``intercept`` (None: no model), two classes at decision
        ``threshold`` (None: the one in use)."""
        self.weights = None if coef is None else (coef, intercept)
        if threshold is not None:
            self.threshold = float(threshold)
        self._pages = {}
        if len(self.y):
            self.dataChanged.emit(self.index(0, 2), self.index(len(self.y) - 1, 3))

    def prediction(self, row):
        """(predicted class index, its probability) of test sample ``row``."""
        page = row // self.PAGE
        if page not in self._pages:
            rows = slice(page * self.PAGE, (page + 1) * self.PAGE)
            scores = decision_scores(self.X[rows], *self.weights)
            predicted = predicted_at(scores, self.threshold)
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
