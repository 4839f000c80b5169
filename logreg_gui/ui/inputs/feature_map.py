"""The feature map of the Data form (``featureMapInput``): a polynomial degree and the squares,
crosses and sines of the numeric columns, made before they are standardised."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QGridLayout, QWidget

from ...core.data import FeatureMap
from ...core.data.feature_map import MAX_DEGREE, MAX_EXPANDED
from ..widgets import ComboBox, named

__all__ = ["FeatureMapInput"]


class FeatureMapInput(QWidget):
    """A degree (1–10) and check boxes for x², xᵢ·xⱼ and sin x.

    Signals
    -------
    changed : the map changed
    """

    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        named(
            self,
            "featureMapInput",
            self.tr(
                "The feature map: more features made of the numeric columns before training. "
                "The model stays linear in its features, so a straight boundary in the space "
                "of x, x², x·y … is curved in the plane of the columns. At most {limit:,} "
                "features."
            ).format(limit=MAX_EXPANDED),
        )
        self.degree = named(
            ComboBox(),
            "degreeInput",
            self.tr(
                "Polynomial degree: every product of the numeric columns up to this degree "
                "(scikit-learn's PolynomialFeatures); 1 keeps the columns as they are."
            ),
        )
        for degree in range(1, MAX_DEGREE + 1):
            self.degree.addItem(self.tr("degree {degree}").format(degree=degree))
        self.squares = named(
            QCheckBox("x²"), "squaresInput", self.tr("Add the square xᵢ² of each numeric column.")
        )
        self.crosses = named(
            QCheckBox("xᵢ·xⱼ"),
            "crossesInput",
            self.tr("Add the product xᵢ·xⱼ of each pair of numeric columns (their cross)."),
        )
        self.sin = named(
            QCheckBox("sin x"), "sinInput", self.tr("Add sin(xᵢ) of each numeric column.")
        )
        # Two rows of two: the settings panel stays as narrow as its other fields.
        self.degree.setSizeAdjustPolicy(ComboBox.AdjustToContents)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(2)
        grid.addWidget(self.degree, 0, 0)
        grid.addWidget(self.squares, 0, 1)
        grid.addWidget(self.crosses, 1, 0)
        grid.addWidget(self.sin, 1, 1)
        grid.setColumnStretch(2, 1)
        self.degree.currentIndexChanged.connect(self._on_change)
        for box in (self.squares, self.crosses, self.sin):
            box.toggled.connect(self._on_change)

    def value(self) -> FeatureMap:
        return FeatureMap(
            degree=self.degree.currentIndex() + 1,
            squares=self.squares.isChecked(),
            crosses=self.crosses.isChecked(),
            sin=self.sin.isChecked(),
        )

    def set_value(self, feature_map: FeatureMap, *, quiet=False) -> None:
        """Show ``feature_map``: one ``changed``, none when ``quiet``."""
        widgets = (self.degree, self.squares, self.crosses, self.sin)
        for widget in widgets:
            widget.blockSignals(True)
        try:
            self.degree.setCurrentIndex(feature_map.degree - 1)
            self.squares.setChecked(feature_map.squares)
            self.crosses.setChecked(feature_map.crosses)
            self.sin.setChecked(feature_map.sin)
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        self._enable()
        if not quiet:
            self.changed.emit()

    def _on_change(self, *_):
        self._enable()
        self.changed.emit()

    def _enable(self):
        # A degree of 2 or more holds every square and cross already: the boxes say so.
        above = self.degree.currentIndex() > 0
        for box in (self.squares, self.crosses):
            box.setEnabled(not above)
