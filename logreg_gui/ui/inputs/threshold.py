"""The decision threshold of two classes: a slider from 0 to 1, the threshold in words, and
buttons that move it to the threshold with the best F1 or balanced accuracy on the training
part. It writes the session's threshold; every view follows the session."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QToolButton, QWidget

from ..style.palette import class_text
from ..widgets import Slider, named

__all__ = ["STEPS", "ThresholdControl"]

#: Slider positions: the threshold in steps of 1/STEPS.
STEPS = 1000


def _button(text):
    """A button as narrow as its words (the row shares the width of the run controls)."""
    button = QToolButton()
    button.setText(text)
    button.setToolButtonStyle(Qt.ToolButtonTextOnly)
    return button


def _least_width(widget) -> int:
    """The narrowest ``widget`` is laid out: its minimum width, or its minimum size hint."""
    return max(widget.minimumWidth(), widget.minimumSizeHint().width())


class ThresholdControl(QWidget):
    """The decision threshold t: class 1 when P(1) > t (two classes only)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("thresholdControl")
        self._session = None
        self.caption = named(QLabel(), "thresholdCaption")
        self.slider = named(
            Slider(Qt.Horizontal),
            "thresholdSlider",
            self.tr(
                "The decision threshold t: a sample is predicted as the second class when its "
                "probability is above t. Every view follows it; training does not change it."
            ),
        )
        self.slider.setMinimumWidth(self.slider.fontMetrics().horizontalAdvance("0" * 12))
        self.slider.setRange(0, STEPS)
        self.slider.setSingleStep(STEPS // 100)
        self.slider.setPageStep(STEPS // 20)
        self.slider.setValue(STEPS // 2)
        self.value = named(QLabel("0.500"), "thresholdValue")
        self.value.setMinimumWidth(self.value.fontMetrics().horizontalAdvance("0.0000") + 4)
        self.best_f1 = named(
            _button(self.tr("Best F1")),
            "bestF1Button",
            self.tr(
                "Move the threshold to where F1 is highest on the training samples (never on the "
                "test samples: they judge the choice)."
            ),
        )
        self.best_balanced = named(
            _button(self.tr("Best balanced")),
            "bestBalancedButton",
            self.tr(
                "Move the threshold to where the balanced accuracy (the mean of the two classes' "
                "recalls) is highest on the training samples."
            ),
        )
        self.half = named(
            _button(self.tr("0.5")),
            "thresholdHalfButton",
            self.tr("Back to 0.5, the threshold of predict()."),
        )
        # One row under the run controls, seen beside every tab: as wide as they are. Where
        # that row does not fit (a narrow window, a zoomed font) the buttons go under the
        # slider instead of squeezing it (:meth:`resizeEvent`).
        self._buttons = QWidget()
        buttons = QHBoxLayout(self._buttons)
        buttons.setContentsMargins(0, 0, 0, 0)
        for button in (self.best_f1, self.best_balanced, self.half):
            buttons.addWidget(button)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.addWidget(self.caption, 0, 0)
        self._grid.addWidget(self.slider, 0, 1)
        self._grid.addWidget(self.value, 0, 2)
        self._grid.setColumnStretch(1, 1)
        self._wrapped = None
        self._arrange(False)
        self.slider.valueChanged.connect(self._on_slider)
        self.best_f1.clicked.connect(lambda: self.move_to_best("f1"))
        self.best_balanced.clicked.connect(lambda: self.move_to_best("balanced_accuracy"))
        self.half.clicked.connect(lambda: self._set(0.5))

    def wrapped(self) -> bool:
        """Whether the buttons are under the slider (the row is too narrow for one line)."""
        return bool(self._wrapped)

    def _one_row_width(self) -> int:
        spacing = max(self._grid.horizontalSpacing(), 0)
        fixed = sum(_least_width(w) for w in (self.caption, self.slider, self.value))
        return fixed + self._buttons.sizeHint().width() + 3 * spacing  # buttons not elided

    def _arrange(self, wrapped) -> None:
        if wrapped == self._wrapped:
            return
        self._wrapped = wrapped
        self._grid.removeWidget(self._buttons)
        if wrapped:
            self._grid.addWidget(self._buttons, 1, 0, 1, 3, Qt.AlignRight)
        else:
            self._grid.addWidget(self._buttons, 0, 3)
        self.updateGeometry()

    def minimumSizeHint(self):  # the narrower arrangement: the window may be that narrow
        hint = super().minimumSizeHint()
        first = sum(_least_width(w) for w in (self.caption, self.slider, self.value)) + 2 * max(
            self._grid.horizontalSpacing(), 0
        )
        hint.setWidth(max(first, self._buttons.minimumSizeHint().width()))
        return hint

    def resizeEvent(self, event):
        self._arrange(event.size().width() < self._one_row_width())
        super().resizeEvent(event)

    def _rearrange(self):
        """Again for a caption of another length (two classes or more)."""
        self._arrange(self.width() < self._one_row_width())

    def bind(self, session) -> None:
        """Write and follow ``session``'s threshold; apply to its data's classes."""
        self._session = session
        session.thresholdChanged.connect(self._show)
        session.dataChanged.connect(self._on_data)
        session.shownChanged.connect(self._on_shown)
        self._on_data()

    def threshold(self) -> float:
        return 0.5 if self._session is None else self._session.threshold

    def move_to_best(self, criterion) -> float | None:
        """Move the threshold to the one with the best ``criterion`` ("f1" or
        "balanced_accuracy") on the training part, at the weights shown; returns it (None
        without weights or with more than two classes)."""
        from ...core.analysis.threshold import best_threshold
        from ...core.model.objective import decision_scores

        session = self._session
        shown = None if session is None else session.shown()
        if shown is None or session.n_classes != 2:
            return None
        _, coef, intercept = shown
        scores = decision_scores(session.data.X_train, coef, intercept)
        best = best_threshold(session.y_train, scores, criterion)
        self._set(best)
        return best

    def _set(self, threshold):
        if self._session is not None:
            self._session.set_threshold(threshold)

    @Slot(int)
    def _on_slider(self, position):
        # A drag or a key: the session's threshold. A threshold set elsewhere moves the
        # slider with its signals blocked (it does not come back here rounded).
        self._set(position / STEPS)

    @Slot(float)
    def _show(self, threshold):
        self.slider.blockSignals(True)
        self.slider.setValue(round(threshold * STEPS))
        self.slider.blockSignals(False)
        self.value.setText(f"{threshold:.3f}")
        self._describe()

    def _on_data(self):
        self._show(self.threshold())
        self._on_shown()

    def _on_shown(self):
        session = self._session
        two = session is not None and session.n_classes == 2
        trained = two and session.shown() is not None
        self.slider.setEnabled(two)
        for button in (self.best_f1, self.best_balanced):
            button.setEnabled(trained)
        self.half.setEnabled(two)

    def _describe(self):
        """The caption: short (one row), the rule in full in its tooltip."""
        session = self._session
        if session is not None and session.data is not None and session.n_classes != 2:
            self.caption.setText(self.tr("Threshold: two classes only"))
            rule = self.tr(
                "Decision threshold: with {count} classes the class of highest probability "
                "is predicted; a threshold applies to two classes only."
            ).format(count=session.n_classes)
        else:
            self.caption.setText(self.tr("Threshold t"))
            name = (
                class_text(session.classes[1])
                if session is not None and session.data is not None
                else self.tr("the second class")
            )
            rule = self.tr("Decision threshold t: {name} when P({name}) > t").format(name=name)
        self.caption.setToolTip(rule)
        self.value.setToolTip(rule)
        self._rearrange()
