"""A few lines saying what the data are: where from, how many samples, features and classes,
whether they were standardised, and what was done to them."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from .widgets import named

__all__ = ["DataSummary"]


class DataSummary(QLabel):
    """Describes the session's data; listens to the session only."""

    def __init__(self, parent=None):
        super().__init__(parent)
        named(self, "dataSummary")
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextSelectableByMouse)

    def bind(self, session) -> None:
        self._session = session
        session.dataChanged.connect(self._on_data)

    def _on_data(self):
        split, session = self._session.data, self._session
        notes = "".join(f"<br>• {html.escape(n)}" for n in split.notes)
        scaled = "standardised on the training part" if split.standardized else "not standardised"
        self.setText(
            f"<b>Data:</b> {html.escape(split.source)}.<br>{len(split.y_train):,} training and "
            f"{len(split.y_test):,} test samples{' (stratified)' if split.stratified else ''}, "
            f"{len(split.feature_names)} features, {session.n_classes} classes; "
            f"{scaled}.{notes}"
        )
