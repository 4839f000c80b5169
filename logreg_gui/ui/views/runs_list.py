"""The runs on the loss plot: the current one and the earlier ones kept for comparison, each
named by what differed ("lr 0.1"), each with its colour; tick to show or hide, or clear."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..style.palette import TRAIN, compared_color
from ..widgets import named

__all__ = ["RunsList"]


class RunsList(QWidget):
    """Listens to the session; ticking a run shows or hides it through the session."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._session = None
        self.list = named(
            QListWidget(),
            "runsList",
            self.tr(
                "Every Train keeps the run before on the loss plot, faded, named by what "
                "differed. Untick a run to hide it."
            ),
        )
        self.list.setMaximumHeight(4 * 20 + 8)
        self.clear_button = named(
            QPushButton(self.tr("Clear earlier runs")),
            "clearRunsButton",
            self.tr("Forget the earlier runs (the current one stays)."),
        )
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Runs on the plot")))
        top.addStretch(1)
        top.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.list)
        self.list.itemChanged.connect(self._on_item)
        self.clear_button.clicked.connect(lambda: self._session and self._session.clear_compared())

    def bind(self, session) -> None:
        self._session = session
        for signal in (session.runsChanged, session.runStarted, session.dataChanged):
            signal.connect(self._fill)

    @Slot()
    def _fill(self):
        session = self._session
        self.list.blockSignals(True)
        self.list.clear()
        if session.run is not None:
            item = QListWidgetItem(self.tr("{label} (current)").format(label=session.run.label))
            font = QFont(item.font())
            font.setBold(True)
            item.setFont(font)
            item.setForeground(QBrush(QColor(TRAIN)))
            item.setFlags(Qt.ItemIsEnabled)
            self.list.addItem(item)
        for i, run in reversed(list(enumerate(session.runs))):
            item = QListWidgetItem(f"■ {run.label}")
            item.setForeground(QBrush(QColor(compared_color(i)).darker(130)))
            item.setFlags(Qt.ItemIsEnabled | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Checked if run.visible else Qt.Unchecked)
            item.setData(Qt.UserRole, i)
            self.list.addItem(item)
        self.list.blockSignals(False)
        self.clear_button.setEnabled(bool(session.runs))

    @Slot(QListWidgetItem)
    def _on_item(self, item):
        index = item.data(Qt.UserRole)
        if index is None or not 0 <= index < len(self._session.runs):
            return
        run, visible = self._session.runs[index], item.checkState() == Qt.Checked
        # After this signal: the list is rebuilt when the session says the runs changed.
        QTimer.singleShot(0, lambda: self._session.set_run_visible(run, visible))
