"""The views' tabs, each page in a scroll area of its own.

A page needs a least size to be read (a plot a few hundred pixels high, a table whose numbers
are not cut). When the window is smaller than that — a 1024×768 projector, a zoomed font — the
page scrolls instead of squeezing its parts until they are clipped, and the window's minimum
size stays that of its rows of controls, not that of its largest page.

The scroll areas are invisible to whoever uses the tabs: :meth:`ViewTabs.indexOf`,
:meth:`~ViewTabs.widget`, :meth:`~ViewTabs.currentWidget` and
:meth:`~ViewTabs.setCurrentWidget` speak of the views themselves.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QTabWidget

__all__ = ["ScrolledPage", "ViewTabs"]


class ScrolledPage(QScrollArea):
    """One view in a frameless scroll area that gives it all the room there is, and scrolls
    only when there is less than the view needs. A view with a ``fit_to_width(width)``
    method is told the width there is each time it changes, so that it can lay its parts
    one under the other rather than scroll sideways."""

    def __init__(self, view, parent=None):
        super().__init__(parent)
        self.setObjectName("scrolledPage")
        self.setFrameShape(QFrame.NoFrame)
        self.setWidgetResizable(True)
        self.setWidget(view)
        self.setFocusPolicy(Qt.NoFocus)  # Tab goes to the view's own fields

    def view(self):
        return self.widget()

    def viewportEvent(self, event):
        if event.type() == QEvent.Resize:
            fit = getattr(self.widget(), "fit_to_width", None)
            if fit is not None:
                fit(self.viewport().width())
        return super().viewportEvent(event)


class ViewTabs(QTabWidget):
    """A QTabWidget whose pages scroll when the window is smaller than they need."""

    def addTab(self, view, *args):
        return super().addTab(ScrolledPage(view), *args)

    def insertTab(self, index, view, *args):
        return super().insertTab(index, ScrolledPage(view), *args)

    def page(self, index):
        """The scroll area of tab ``index`` (None when there is none)."""
        return super().widget(index)

    def widget(self, index):
        page = super().widget(index)
        return page.view() if isinstance(page, ScrolledPage) else page

    def currentWidget(self):
        return self.widget(self.currentIndex())

    def indexOf(self, view):
        for index in range(self.count()):
            if self.widget(index) is view or super().widget(index) is view:
                return index
        return -1

    def setCurrentWidget(self, view):
        index = self.indexOf(view)
        if index >= 0:
            self.setCurrentIndex(index)
