"""A few lines saying what the data are: where from, how many samples, features and classes,
whether they were standardised, and what was done to them."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from ..widgets import named

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
        if split.stratified and split.standardized:
            counts = self.tr(
                "{train:,} training and {test:,} test samples (stratified), {features} features, "
                "{classes} classes; standardised on the training part."
            )
        elif split.stratified:
            counts = self.tr(
                "{train:,} training and {test:,} test samples (stratified), {features} features, "
                "{classes} classes; not standardised."
            )
        elif split.standardized:
            counts = self.tr(
                "{train:,} training and {test:,} test samples, {features} features, "
                "{classes} classes; standardised on the training part."
            )
        else:
            counts = self.tr(
                "{train:,} training and {test:,} test samples, {features} features, "
                "{classes} classes; not standardised."
            )
        counts = counts.format(
            train=len(split.y_train),
            test=len(split.y_test),
            features=len(split.feature_names),
            classes=session.n_classes,
        )
        source = self.tr("<b>Data:</b> {source}.").format(source=html.escape(split.source))
        mapped = ""
        pre = split.preprocessing
        if pre is not None and pre.powers is not None:
            made = split.feature_names[len(pre.numeric) : pre.n_numeric_features]
            shown = ", ".join(made[:6]) + (", …" if len(made) > 6 else "")
            mapped = "<br>" + self.tr(
                "Feature map: {count} more features made of the {inputs} numeric columns "
                "({names}). The model stays linear in its features: its boundary is straight "
                "in their space, and curved in the plane of the columns."
            ).format(count=len(made), inputs=len(pre.numeric), names=html.escape(shown))
        self.setText(f"{source}<br>{counts}{mapped}{notes}")
