"""Input widgets that never change a value by accident and never change what was typed.

A scroll wheel passing over a form must scroll the form, not the value under the pointer:
combo boxes and sliders here take the wheel only when they have the keyboard focus (given
by a click or Tab). Numbers are typed into :class:`NumberField`, which keeps the text as
typed and says what is wrong with it, where a spin box would silently turn "1e9" into 19.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QWheelEvent
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QSlider, QSpinBox

__all__ = [
    "ComboBox",
    "DrawnWhenShown",
    "NumberField",
    "Slider",
    "SpinBox",
    "WrappedLabel",
    "named",
]


def named(widget, name, tooltip=None):
    """Give ``widget`` an objectName, the same accessibleName and, if given, a tooltip."""
    widget.setObjectName(name)
    widget.setAccessibleName(name)
    if tooltip is not None:
        widget.setToolTip(tooltip)
    return widget


class DrawnWhenShown:
    """Mixed into a view that draws only while it is shown: a hidden tab costs nothing.

    :meth:`when_shown` calls a drawing method now if the view is visible; otherwise it notes
    it, and the notes are drawn, oldest first, once the view is shown (or when
    :meth:`draw_pending` is called, for an export of a hidden view). A drawing noted again
    moves to the end: what depends on another drawing is noted after it.
    """

    def when_shown(self, draw) -> None:
        """``draw()`` now if the view is visible (or pending drawings are being made), else
        when it is shown."""
        if self.isVisible() or getattr(self, "_drawing_pending", False):
            draw()
            return
        pending = self.__dict__.setdefault("_pending_draws", {})
        pending.pop(draw, None)
        pending[draw] = None

    def draws_pending(self) -> bool:
        """True while something waits to be drawn."""
        return bool(self.__dict__.get("_pending_draws"))

    def draw_pending(self) -> None:
        """Make the drawings noted while hidden, now."""
        self._drawing_pending = True
        try:
            while self.__dict__.get("_pending_draws"):
                pending = self._pending_draws
                draw = next(iter(pending))
                del pending[draw]
                draw()
        finally:
            self._drawing_pending = False

    def showEvent(self, event):
        super().showEvent(event)
        self.draw_pending()


class WrappedLabel(QLabel):
    """A word-wrapped label as tall as its lines at the width it gets (a wrapped QLabel in
    a form layout is otherwise given the height of a wider guess, and its last lines are
    cut)."""

    def __init__(self, text="", parent=None):
        super().__init__(text, parent)
        self.setWordWrap(True)

    def setText(self, text) -> None:
        super().setText(text)
        self._fit()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self):
        height = self.heightForWidth(max(self.width(), 1))
        if height > 0 and height != self.minimumHeight():
            self.setMinimumHeight(height)


class _WheelWithFocus:
    """Takes the wheel only with the keyboard focus (the form scrolls instead)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.setFocusPolicy(Qt.StrongFocus)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()


class ComboBox(_WheelWithFocus, QComboBox):
    """A combo box that ignores the wheel unless it has the focus."""


class SpinBox(_WheelWithFocus, QSpinBox):
    """A spin box that ignores the wheel unless it has the focus."""


class Slider(_WheelWithFocus, QSlider):
    """A slider that ignores the wheel unless it has the focus."""

    def __init__(self, orientation=Qt.Horizontal, parent=None):
        super().__init__(orientation, parent)


class NumberField(QLineEdit):
    """A typed number, checked against the project's constraints for the setting.

    The text stays as typed; :meth:`problem` says in words why it cannot be used (shown next
    to the field by the form). ``committed`` is emitted when the person finishes an edit
    (Enter or leaving the field) with a usable, changed value — typing "100" must not apply
    1, then 10, then 100. Up and Down step the value by ``step``.

    Signals
    -------
    committed(object) : the new value
    """

    committed = Signal(object)

    def __init__(self, constraints, label, value, *, step=None, parent=None):
        super().__init__(parent)
        self._constraints = constraints
        self._label = label
        self._step = step
        self._committed = value
        self.setText(self.format(value))
        self.editingFinished.connect(self._commit)

    def format(self, value) -> str:
        """The text for ``value``."""
        if value is None:
            return ""
        if isinstance(value, float):
            return f"{value:g}"
        return str(value)

    def parsed(self):
        """``(value, problem)`` of the current text."""
        from ..core.model.params import parse  # scikit-learn's: imported once the window shows

        return parse(self.text(), self._constraints, self._label)

    def value(self):
        """The value typed, or None while it has a problem (or is empty where allowed)."""
        value, problem = self.parsed()
        return None if problem else value

    def problem(self) -> str | None:
        """Why the text cannot be used, in plain words; None when it can."""
        return self.parsed()[1]

    def set_value(self, value) -> None:
        """Show ``value`` (as if typed and committed, without emitting ``committed``)."""
        self._committed = value
        self.setText(self.format(value))

    def _commit(self):
        value, problem = self.parsed()
        if problem is None and value != self._committed:
            self._committed = value
            self.committed.emit(value)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._step and event.key() in (Qt.Key_Up, Qt.Key_Down):
            value = self.value()
            if value is not None:
                step = self._step if event.key() == Qt.Key_Up else -self._step
                from ..core.model.params import parse

                new, problem = parse(str(value + step), self._constraints, self._label)
                if problem is None:
                    self.setText(self.format(new))
                    self._commit()
            event.accept()
            return
        super().keyPressEvent(event)
