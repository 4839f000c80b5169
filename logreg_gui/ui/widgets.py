"""Input widgets that never change a value by accident and never change what was typed.

A scroll wheel passing over a form must scroll the form, not the value under the pointer:
combo boxes and sliders here take the wheel only when they have the keyboard focus (given
by a click or Tab). Numbers are typed into :class:`NumberField`, which keeps the text as
typed and says what is wrong with it, where a spin box would silently turn "1e9" into 19.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QWheelEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QLabel,
    QLineEdit,
    QProgressBar,
    QSizePolicy,
    QSlider,
    QSpinBox,
    QStyle,
    QStyleOptionComboBox,
    QWidget,
)

__all__ = [
    "ComboBox",
    "DockTitle",
    "DrawnWhenShown",
    "ElidedLabel",
    "ElidedProgressBar",
    "FittingRow",
    "NumberField",
    "RowsTall",
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
        # Never taller than its lines (a page's spare height is not a blank band around it).
        policy = self.sizePolicy()
        policy.setVerticalPolicy(QSizePolicy.Maximum)
        self.setSizePolicy(policy)

    def setText(self, text) -> None:
        super().setText(text)
        self._fit()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.FontChange:  # zoomed: as many lines, taller
            self._fit()

    def sizeHint(self) -> QSize:
        """As tall as its lines at the width it has (not at Qt's guess of a width)."""
        hint = super().sizeHint()
        if self.width() > 1:
            hint.setHeight(max(self.heightForWidth(self.width()), 1))
        return hint

    def _fit(self):
        height = self.heightForWidth(max(self.width(), 1))
        if height > 0 and height != self.minimumHeight():
            self.setMinimumHeight(height)
            self.updateGeometry()


def _with_full_text(tip, full, shown) -> str:
    """The tooltip of a widget whose text ``full`` is shown as ``shown``: the full text first
    when it is cut, then the widget's own tooltip ``tip``."""
    if shown == full or not full:
        return tip
    return f"{full}\n\n{tip}" if tip else full


class ElidedLabel(QLabel):
    """A one-line label that, short of room, ends its text with "…" and gives the whole text
    in its tooltip (before its own), instead of being cut. Its least width is that of a few
    characters; it asks for its whole text."""

    def __init__(self, text="", parent=None):
        super().__init__(parent)
        self._full, self._tip = "", ""
        self.setText(text)

    def setText(self, text) -> None:
        self._full = text
        self._elide()
        self.updateGeometry()

    def full_text(self) -> str:
        """The whole text (what :meth:`text` shows may end in "…")."""
        return self._full

    def setToolTip(self, tip) -> None:
        self._tip = tip
        self._elide()

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        margins = self.contentsMargins()
        width = self.fontMetrics().horizontalAdvance(self._full) + margins.left() + margins.right()
        return QSize(max(hint.width(), width + 2), hint.height())

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(
            min(hint.width(), self.fontMetrics().horizontalAdvance("mmmm…")), hint.height()
        )

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._elide()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.FontChange:
            self._elide()
            self.updateGeometry()

    def _elide(self):
        room = self.contentsRect().width()
        shown = self.fontMetrics().elidedText(self._full, Qt.ElideRight, max(room, 1))
        super().setText(shown)
        super().setToolTip(_with_full_text(self._tip, self._full, shown))


class ElidedProgressBar(QProgressBar):
    """A progress bar whose text, short of room, ends with "…" on one line (the style would
    wrap it and cut both lines), the whole text in the tooltip before its own."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._tip = ""

    def setToolTip(self, tip) -> None:
        self._tip = tip
        super().setToolTip(_with_full_text(tip, super().text(), self.text()))

    def full_text(self) -> str:
        return super().text()

    def text(self) -> str:
        full = super().text()
        return self.fontMetrics().elidedText(full, Qt.ElideRight, max(self.width() - 12, 1))

    def setFormat(self, text) -> None:
        super().setFormat(text)
        self.setToolTip(self._tip)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.setToolTip(self._tip)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.FontChange:
            self.setToolTip(self._tip)


class FittingRow(QWidget):
    """Widgets side by side when the width given (:meth:`fit_to_width`) holds them all at
    their least widths, one under the other otherwise (a projector, a zoom) — instead of
    being cut or making their page scroll sideways."""

    def __init__(self, *widgets, parent=None):
        super().__init__(parent)
        self._widgets, self._width = widgets, None
        self._refit_timer = QTimer(self, singleShot=True, interval=0)
        self._refit_timer.timeout.connect(self._refit)
        self._layout = QBoxLayout(QBoxLayout.LeftToRight, self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        for widget in widgets:
            self._layout.addWidget(widget, 1)

    def beside(self) -> bool:
        """Whether the widgets are side by side."""
        return self._layout.direction() == QBoxLayout.LeftToRight

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.FontChange and self._width is not None:  # a zoom
            self._refit_timer.start()  # once every widget has the new font

    def _refit(self):
        self.fit_to_width(self._width)

    def minimumSizeHint(self) -> QSize:
        """As narrow as the widgets one under the other: the room may be that narrow."""
        hint = super().minimumSizeHint()
        least = max(max(w.minimumWidth(), w.minimumSizeHint().width()) for w in self._widgets)
        return QSize(least, hint.height())

    def fit_to_width(self, width) -> None:
        """Side by side if ``width`` holds the widgets at the widths they ask for."""
        self._width = width
        spacing = max(self._layout.spacing(), 0) * (len(self._widgets) - 1)
        need = spacing + sum(max(w.minimumWidth(), w.sizeHint().width()) for w in self._widgets)
        self._layout.setDirection(
            QBoxLayout.LeftToRight if width >= need else QBoxLayout.TopToBottom
        )


class RowsTall(QObject):
    """Keeps a bar chart ``plot`` tall enough for its rows of labels: each row at least a
    line of its font (at every zoom), plus ``extra`` lines for its axis, never under
    ``least`` pixels. :meth:`set_rows` gives the number of rows drawn."""

    def __init__(self, plot, least, extra=3, *, fixed=False):
        super().__init__(plot)
        self._plot, self._least, self._extra, self._rows = plot, least, extra, 0
        self._fixed = fixed  # the plot's height is set (not only its least)
        plot.installEventFilter(self)
        self._fit()

    def set_rows(self, rows, extra=None) -> None:
        """``rows`` of labels (and ``extra`` lines for the axis and a legend, if given)."""
        self._rows = int(rows)
        if extra is not None:
            self._extra = extra
        self._fit()

    def eventFilter(self, watched, event):
        if event.type() == QEvent.FontChange:
            self._fit()
        return False

    def _fit(self):
        line = self._plot.fontMetrics().height()
        height = max(self._least, round((self._rows + self._extra) * line))
        if self._fixed:
            self._plot.setFixedHeight(height)
        else:
            self._plot.setMinimumHeight(height)


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
    """A combo box that ignores the wheel unless it has the focus; when its choice is wider
    than the box (Qt then cuts it), the whole choice is in its tooltip, before its own (set
    each time the box is drawn: a new choice, size or font is drawn, however it came)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._tip = ""

    def setToolTip(self, tip) -> None:
        self._tip = tip
        self._show_whole()

    def choice_is_cut(self) -> bool:
        """Whether the choice shown is wider than the room the box gives it."""
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        room = self.style().subControlRect(
            QStyle.CC_ComboBox, option, QStyle.SC_ComboBoxEditField, self
        )
        if not option.currentIcon.isNull():
            room.setLeft(room.left() + self.iconSize().width() + 4)
        return self.fontMetrics().horizontalAdvance(self.currentText()) > room.width()

    def paintEvent(self, event) -> None:
        self._show_whole()
        super().paintEvent(event)

    def _show_whole(self):
        text = self.currentText()
        shown = text + "…" if self.choice_is_cut() else text
        super().setToolTip(_with_full_text(self._tip, text, shown))


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


class DockTitle(QWidget):
    """A panel's title bar drawn with the application's font, so that it grows with the
    window's zoom (the title bar the style draws keeps the platform's title font on X11):
    the title, and buttons to float (or dock again) and, for a panel that may be closed, to
    close it. Dragging and double-clicking it move and float the panel as usual."""

    def __init__(self, dock):
        super().__init__(dock)
        from PySide6.QtWidgets import QHBoxLayout, QToolButton

        self.setObjectName(f"{dock.objectName()}Title")
        self._dock = dock
        self.label = ElidedLabel(dock.windowTitle())
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 2, 2, 2)
        row.setSpacing(2)
        row.addWidget(self.label, 1)
        style = self.style()
        self.float_button = QToolButton()
        self.float_button.setObjectName(f"{dock.objectName()}FloatButton")
        self.float_button.setAutoRaise(True)
        self.float_button.setIcon(style.standardIcon(QStyle.SP_TitleBarNormalButton))
        self.float_button.clicked.connect(lambda: dock.setFloating(not dock.isFloating()))
        row.addWidget(self.float_button)
        self.close_button = QToolButton()
        self.close_button.setObjectName(f"{dock.objectName()}CloseButton")
        self.close_button.setAutoRaise(True)
        self.close_button.setIcon(style.standardIcon(QStyle.SP_TitleBarCloseButton))
        self.close_button.clicked.connect(dock.close)
        row.addWidget(self.close_button)
        self._features()
        dock.featuresChanged.connect(self._features)
        dock.windowTitleChanged.connect(self.label.setText)
        self.float_button.setToolTip(self.tr("Float this panel, or dock it again"))
        self.close_button.setToolTip(self.tr("Close this panel"))

    def _features(self, *_):
        from PySide6.QtWidgets import QDockWidget

        features = self._dock.features()
        self.float_button.setVisible(bool(features & QDockWidget.DockWidgetFloatable))
        self.close_button.setVisible(bool(features & QDockWidget.DockWidgetClosable))

    def mousePressEvent(self, event):
        event.ignore()  # the panel moves, as when its own title bar is dragged

    def mouseDoubleClickEvent(self, event):
        event.ignore()
