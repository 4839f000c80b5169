"""The preview of a data file: its first rows, what each column is and what will happen to it,
and the choice of the target — before anything is trained."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.data.columns import (
    DATE,
    EMPTY,
    EXCLUDED,
    FEATURE,
    NUMBER,
    ROW_ID,
    TARGET,
    TEXT,
    describe_columns,
    guess_target,
    is_quantity,
)
from ...core.errors import DataError
from ..style.i18n import QT_TRANSLATE_NOOP, translate
from ..style.palette import WRONG
from ..widgets import ComboBox, NumberField, named

__all__ = ["FilePreview"]

#: How each kind of column is called in the table (translated where shown).
KINDS = {
    NUMBER: QT_TRANSLATE_NOOP("FilePreview", "number"),
    TEXT: QT_TRANSLATE_NOOP("FilePreview", "text"),
    DATE: QT_TRANSLATE_NOOP("FilePreview", "date"),
    ROW_ID: QT_TRANSLATE_NOOP("FilePreview", "row id"),
    EMPTY: QT_TRANSLATE_NOOP("FilePreview", "empty"),
}


class _Rows(QAbstractTableModel):
    """The first rows of a DataFrame, as text."""

    def __init__(self, frame, parent=None):
        super().__init__(parent)
        self._frame = frame

    def rowCount(self, parent=None):
        return 0 if parent is not None and parent.isValid() else len(self._frame)

    def columnCount(self, parent=None):
        return 0 if parent is not None and parent.isValid() else self._frame.shape[1]

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if role == Qt.DisplayRole:
            value = self._frame.iat[index.row(), index.column()]
            return "" if value is None or value != value else str(value)  # NaN shows empty
        return None

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role != Qt.DisplayRole:
            return None
        if orientation == Qt.Horizontal:
            return str(self._frame.columns[section])
        return str(section + 1)


class FilePreview(QDialog):
    """Shows a file's first rows and columns; the person picks the target, a threshold for a
    quantity target, what to do with missing cells, and which columns to use.

    ``table`` is a preview :class:`~logreg_gui.core.data.reading.Table` (its first rows);
    :meth:`choice` gives the choices as DataSettings fields.

    Signals
    -------
    changed : a choice changed (the column table is redrawn)
    """

    changed = Signal()

    def __init__(self, table, *, target=None, include=(), exclude=(), parent=None):
        super().__init__(parent)
        self.setObjectName("filePreview")
        self.setWindowTitle(self.tr("Open {name}").format(name=table.path.rsplit("/", 1)[-1]))
        self._frame = table.frame
        self._include, self._exclude = set(include), set(exclude)
        self.description = named(QLabel(table.description), "previewDescription")
        self.description.setWordWrap(True)
        notes = " ".join(table.notes)
        self.notes = QLabel(notes)
        self.notes.setWordWrap(True)
        self.notes.setVisible(bool(notes))

        self.target = named(
            ComboBox(), "previewTargetInput", self.tr("The column holding the classes to predict.")
        )
        self.target.addItems([str(c) for c in self._frame.columns])
        self.target.setCurrentText(str(target if target is not None else guess_target(self._frame)))
        self.threshold = named(
            NumberField([_threshold_constraint(), None], self.tr("the threshold"), None),
            "previewThresholdInput",
            self.tr(
                "The target is a quantity: class 1 is above this value, class 0 at or below it. "
                "Empty: the training part's median."
            ),
        )
        self.threshold.setPlaceholderText(self.tr("median of the training part"))
        self.threshold_label = QLabel(self.tr("Threshold"))
        self.missing = named(
            ComboBox(),
            "previewMissingInput",
            self.tr(
                "Rows with missing cells: drop them, or fill each missing cell with the training "
                "part's median (numbers) or most frequent value (texts)."
            ),
        )
        self.missing.addItem(self.tr("Drop rows with missing cells"), "drop")
        self.missing.addItem(self.tr("Fill them from the training part"), "impute")
        self.problem = named(QLabel(), "previewProblem")
        self.problem.setStyleSheet(f"color: {WRONG};")
        self.problem.setWordWrap(True)

        self.columns = named(QTableWidget(0, 5), "previewColumns")
        self.columns.setHorizontalHeaderLabels(
            [
                self.tr("column"),
                self.tr("kind"),
                self.tr("distinct"),
                self.tr("missing"),
                self.tr("use"),
            ]
        )
        self.columns.verticalHeader().hide()
        self.columns.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.columns.horizontalHeader().setSectionResizeMode(4, QHeaderView.Stretch)
        self.columns.setToolTip(
            self.tr(
                "What each column is and what will happen to it; change a column's use in the "
                "last column."
            )
        )
        self.rows = named(QTableView(), "previewRows")
        self.rows.setModel(_Rows(self._frame.head(200), self))
        self.rows.setToolTip(self.tr("The first rows of the file, as read."))

        choices = QWidget()
        form = QFormLayout(choices)
        form.addRow(self.tr("Target column"), self.target)
        form.addRow(self.threshold_label, self.threshold)
        form.addRow(self.tr("Missing cells"), self.missing)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.ok = buttons.button(QDialogButtonBox.Ok)
        self.ok.setText(self.tr("Use these data"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        splitter = QSplitter(Qt.Vertical)
        splitter.addWidget(self.columns)
        splitter.addWidget(self.rows)
        layout = QVBoxLayout(self)
        layout.addWidget(self.description)
        layout.addWidget(self.notes)
        layout.addWidget(choices)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(900, 640)

        self.target.currentIndexChanged.connect(self._refresh)
        self.threshold.textChanged.connect(self._refresh)
        self._refresh()

    def _refresh(self, *_):
        target = self.target.currentText()
        try:
            described = describe_columns(
                self._frame, target, include=self._include, exclude=self._exclude
            )
        except DataError as error:
            self.problem.setText(str(error))
            self.ok.setEnabled(False)
            return
        quantity = is_quantity(self._frame[target].dropna())
        self.threshold.setVisible(quantity)
        self.threshold_label.setVisible(quantity)
        self.columns.setRowCount(len(described))
        for row, column in enumerate(described):
            if column.role == TARGET:
                use = (
                    self.tr("target: the classes to predict (cut at the threshold)")
                    if quantity
                    else self.tr("target: the classes to predict")
                )
            elif column.role == FEATURE:
                use = (
                    self.tr("feature — {reason}").format(reason=column.reason)
                    if column.reason
                    else self.tr("feature")
                )
            else:
                use = self.tr("left out — {reason}").format(reason=column.reason)
            kind = (
                translate("FilePreview", KINDS[column.kind])
                if column.kind in KINDS
                else column.kind
            )
            cells = (
                column.name,
                kind,
                "—" if column.distinct is None else f"{column.distinct:,}",
                f"{column.missing:,}",
            )
            for col, text in enumerate(cells):
                self.columns.setItem(row, col, QTableWidgetItem(str(text)))
            if column.role == TARGET:
                self.columns.setItem(row, 4, QTableWidgetItem(use))
                continue
            box = ComboBox()
            box.addItem(use if column.role == FEATURE else self.tr("use as a feature"), FEATURE)
            box.addItem(use if column.role == EXCLUDED else self.tr("leave out"), EXCLUDED)
            box.setCurrentIndex(0 if column.role == FEATURE else 1)
            box.currentIndexChanged.connect(lambda _i, b=box, n=column.name: self._role(n, b))
            self.columns.setCellWidget(row, 4, box)
        self.columns.resizeColumnsToContents()
        problem = self.threshold.problem() if quantity else None
        features = [c for c in described if c.role == FEATURE]
        if not features:
            problem = self.tr("choose at least one column to use as a feature.")
        self.problem.setText(problem or "")
        self.ok.setEnabled(problem is None)
        self.changed.emit()

    def _role(self, name, box):
        self._include.discard(name)
        self._exclude.discard(name)
        (self._include if box.currentData() == FEATURE else self._exclude).add(name)
        self._refresh()

    def choice(self) -> dict:
        """The choices as DataSettings fields: target, threshold, missing, include, exclude."""
        target = self.target.currentText()
        threshold = None
        if is_quantity(self._frame[target].dropna()):
            value = self.threshold.value()
            threshold = "median" if value is None else value
        return dict(
            target=target,
            threshold=threshold,
            missing=self.missing.currentData(),
            include=tuple(sorted(self._include)),
            exclude=tuple(sorted(self._exclude)),
        )


def _threshold_constraint():
    from numbers import Real

    from ...core.model.params import Number

    return Number(Real, None, None, closed="neither")
