"""The mouse wheel over a plot, and a way back to the plot as drawn.

Over a plot the wheel scrolls the page around it, as it does over the rest of the page: a
plot takes the wheel (to zoom) only once it has been clicked — until the pointer leaves it —
or while Ctrl is held. Combo boxes and sliders follow the same rule
(:mod:`logreg_gui.ui.widgets`). Every plot the mouse can zoom or move has a small
"Reset view" button in its bottom-left corner (where the axes meet, never over the data or
the tick labels): it puts back what the mouse changed — the range the view drew, or the
automatic range it followed. The tooltip of such a plot states the rule.

:func:`install` does this for every plot of a window; the views know nothing of it.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QRectF, QSize, Qt, QTimer, Slot
from PySide6.QtGui import QFont, QFontMetrics, QWheelEvent
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QToolButton, QToolTip

from ..style.i18n import QT_TRANSLATE_NOOP, translate

__all__ = ["PlotWheel", "install", "rule"]

_EVENTS = frozenset(
    (
        QEvent.Wheel,
        QEvent.MouseButtonPress,
        QEvent.MouseMove,
        QEvent.Leave,
        QEvent.Hide,
        QEvent.ToolTip,
        QEvent.Resize,
        QEvent.Show,
        QEvent.FontChange,
    )
)
#: The button's text and font size (of the window's), the first that fits the corner of the
#: plot: words, smaller words, then a sign.
_WORDS = QT_TRANSLATE_NOOP("PlotWheel", "Reset\nview")
_TEXTS = ((_WORDS, 1.0), (_WORDS, 0.85), ("↺", 1.0))


def rule() -> str:
    """The rule, in words, added to the tooltip of every plot the mouse can zoom."""
    return translate(
        "PlotWheel",
        "The mouse wheel scrolls the page. To zoom this plot with the wheel, click it first "
        "(until the pointer leaves it) or hold Ctrl; drag to move it. “Reset view” (bottom "
        "left) shows it as drawn again.",
    )


def install(window) -> list[PlotWheel]:
    """Give every plot of ``window`` (every pyqtgraph view under it, docks included) the
    rule and its reset button; returns them."""
    return [
        PlotWheel(view)
        for view in window.findChildren(pg.GraphicsView)
        if view.findChild(PlotWheel) is None
    ]


def _state(box):
    """Per axis: (range, automatic range) of a ViewBox — what "Reset view" puts back."""
    ranges, auto = box.viewRange(), box.autoRangeEnabled()
    return [(tuple(ranges[axis]), auto[axis]) for axis in (0, 1)]


class PlotWheel(QObject):
    """The wheel rule and the "Reset view" button of one pyqtgraph ``view``.

    The view's ViewBoxes are watched for ranges the mouse changes: the state before the
    first change of an axis is kept until "Reset view" puts it back, or until the view
    itself sets that axis again (its new range is then the one to go back to).
    """

    def __init__(self, view):
        super().__init__(view)
        self.setObjectName("plotWheel")
        self._view, self._viewport = view, view.viewport()
        self._armed = False  # clicked, and the pointer has not left since
        self._boxes = []
        self._home = {}  # ViewBox → per axis: the state to put back, or None
        self._before = {}  # ViewBox → its state before the mouse event being delivered
        self._undo = {}  # ViewBox → its home before its last range change
        self.button = QToolButton(view)
        self.button.setObjectName("resetViewButton")
        self.button.setAccessibleName(translate("PlotWheel", "Reset view"))
        self.button.setToolTip(
            translate(
                "PlotWheel",
                "Reset view: show this plot as drawn again, undoing what the mouse wheel "
                "and dragging changed. (The wheel zooms the plot only after a click on it, "
                "or with Ctrl held.)",
            )
        )
        self.button.setFocusPolicy(Qt.TabFocus)
        self.button.setEnabled(False)
        self.button.hide()
        self.button.clicked.connect(self.reset)
        self._layout_later = QTimer(self, singleShot=True, interval=0)
        self._layout_later.timeout.connect(self._place)
        for watched in (view, self._viewport, self.button):  # the button: for the wheel
            watched.installEventFilter(self)
        self._place()

    # What a test or a person can ask -----------------------------------------------------
    def armed(self) -> bool:
        """True while the plot takes the wheel without Ctrl (it was clicked, and the pointer
        has not left it since)."""
        return self._armed

    def moved(self) -> bool:
        """True when the mouse changed the view and "Reset view" can put it back."""
        return any(any(home) for home in self._home.values())

    def movable(self) -> bool:
        """True when the mouse can zoom or move some part of the plot."""
        return any(
            box.scene() is self._view.scene() and box.isVisible() and any(box.mouseEnabled())
            for box in self._boxes
        )

    @Slot()
    def reset(self) -> None:
        """Put back every range the mouse changed."""
        for box, home in list(self._home.items()):
            fixed = {
                name: state[0]
                for name, state in zip(("xRange", "yRange"), home)
                if state is not None and not state[1]
            }
            if fixed:
                box.setRange(padding=0, **fixed)
            for axis, state in enumerate(home):
                if state is not None and state[1]:
                    box.enableAutoRange(axis=axis, enable=state[1])
            self._home[box] = [None, None]
        self._undo.clear()
        self.button.setEnabled(False)

    # Events -------------------------------------------------------------------------------
    def eventFilter(self, watched, event) -> bool:
        # Only identity tests before the event is known to matter: the view's children are
        # sent events while the view is being deleted.
        kind = event.type()
        if kind not in _EVENTS:
            return False
        if kind == QEvent.Wheel:
            return self._wheel(watched, event)
        if watched is self._viewport:
            if kind == QEvent.MouseButtonPress:
                self._armed = True
                self._remember_before()
            elif kind == QEvent.MouseMove and event.buttons() != Qt.NoButton:
                self._remember_before()
            elif kind in (QEvent.Leave, QEvent.Hide):
                self._armed = False
        elif watched is self._view:
            if kind == QEvent.ToolTip:
                return self._tooltip(event)
            if kind in (QEvent.Resize, QEvent.Show, QEvent.FontChange):
                self._layout_later.start()  # (a font: the classroom zoom)
        return False

    def _wheel(self, watched, event) -> bool:
        """Let the plot have the wheel when it is armed or Ctrl is held; otherwise (and for
        whatever reaches the view itself, around the plot) the page scrolls."""
        takes = (self._armed or bool(event.modifiers() & Qt.ControlModifier)) and self.movable()
        if watched is self._viewport and takes:
            self._remember_before()
            return False
        self._to_page(event)
        return True

    def _to_page(self, event):
        """Give the wheel to the nearest scrolling ancestor (nothing scrolls without one)."""
        page = self._view.parentWidget()
        while page is not None and not (
            isinstance(page, QAbstractScrollArea) and not isinstance(page, pg.GraphicsView)
        ):
            page = page.parentWidget()
        if page is None:
            event.ignore()
            return
        target = page.viewport()
        wheel = QWheelEvent(
            target.mapFromGlobal(event.globalPosition()),
            event.globalPosition(),
            event.pixelDelta(),
            event.angleDelta(),
            event.buttons(),
            event.modifiers(),
            event.phase(),
            event.inverted(),
            event.source(),
        )
        QApplication.sendEvent(target, wheel)
        event.setAccepted(wheel.isAccepted())

    def _tooltip(self, event) -> bool:
        """The view's tooltip (it may change as the pointer moves) and the rule. Items of
        the plot with tooltips of their own have shown theirs before this is asked."""
        if not self.movable():
            return False
        text = self._view.toolTip()
        text = f"{text}\n\n{rule()}" if text else rule()
        QToolTip.showText(event.globalPos(), text, self._view)
        return True

    # Ranges -------------------------------------------------------------------------------
    def _remember_before(self):
        self._before = {box: _state(box) for box in self._boxes}

    def _watch_boxes(self):
        scene = self._view.scene()
        for item in scene.items():
            if isinstance(item, pg.ViewBox) and item not in self._home:
                self._boxes.append(item)
                self._home[item] = [None, None]
                item.sigRangeChanged.connect(self._range_changed)
                item.sigRangeChangedManually.connect(self._changed_by_mouse)
                item.sigStateChanged.connect(self._state_changed)
                item.geometryChanged.connect(self._layout_later.start)
                item.visibleChanged.connect(self._layout_later.start)
                if isinstance(item.parentItem(), pg.PlotItem):
                    item.parentItem().geometryChanged.connect(self._layout_later.start)

    @Slot(object, object, object)
    def _range_changed(self, box, _ranges, changed):
        # The view (or a linked view) set these axes: their range is now the one to go back
        # to. When the mouse made the change, _changed_by_mouse comes next and undoes this.
        home = self._home.setdefault(box, [None, None])
        self._undo[box] = list(home)
        for axis in (0, 1):
            if changed[axis]:
                home[axis] = None
        self.button.setEnabled(self.moved())

    @Slot(object)
    def _state_changed(self, _box):
        # Emitted on every change of range too: only a change of what the mouse may do
        # (the ViewBox's menu can turn it on or off) moves or shows the button.
        if self.movable() != self.button.isVisibleTo(self._view):
            self._layout_later.start()

    @Slot(object)
    def _changed_by_mouse(self, mask):
        box = self.sender()
        if box not in self._home:
            return
        home = self._home[box] = self._undo.pop(box, self._home[box])
        before, now = self._before.get(box), _state(box)
        for axis in (0, 1):
            if mask[axis] and home[axis] is None and before and before[axis] != now[axis]:
                home[axis] = before[axis]
        self.button.setEnabled(self.moved())

    # The button ----------------------------------------------------------------------------
    @Slot()
    def _place(self):
        """The button in the corner where the axes of the lowest plot the mouse can move
        meet, with the first text that fits there; hidden when nothing can be moved."""
        self._watch_boxes()
        scene = self._view.scene()
        plots = [
            box.parentItem()
            for box in self._boxes
            if box.scene() is scene
            and box.isVisible()
            and any(box.mouseEnabled())
            and isinstance(box.parentItem(), pg.PlotItem)
        ]
        if not plots:
            self.button.hide()
            return
        plot = max(
            plots, key=lambda p: (p.sceneBoundingRect().bottom(), -p.sceneBoundingRect().left())
        )
        outer, inner = plot.sceneBoundingRect(), plot.getViewBox().sceneBoundingRect()
        corner = QRectF(outer.left(), inner.bottom(), inner.left() - outer.left(), 0)
        corner.setBottom(outer.bottom())
        corner = self._view.mapFromScene(corner).boundingRect()
        corner.translate(self._viewport.pos())
        size = self._fit(corner.size())
        self.button.resize(size)
        offset = QPoint(
            max(0, (corner.width() - size.width()) // 2),
            max(0, (corner.height() - size.height()) // 2),
        )
        self.button.move(corner.topLeft() + offset)
        self.button.show()
        self.button.raise_()

    def _fit(self, room):
        """Give the button the first of its texts (and font sizes) that fits in ``room``;
        returns its size."""
        base = self._view.font()  # the application's, classroom zoom included
        for text, scale in _TEXTS:
            font = QFont(base)
            if scale != 1.0 and base.pointSizeF() > 0:
                font.setPointSizeF(base.pointSizeF() * scale)
            text = translate("PlotWheel", text)
            size = QFontMetrics(font).boundingRect(QRect(), Qt.AlignCenter, text).size()
            size += QSize(8, 6)
            if size.width() <= room.width() and size.height() <= room.height():
                break
        if self.button.font() != font:
            self.button.setFont(font)
        self.button.setText(text)
        return size
