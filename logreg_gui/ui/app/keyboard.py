"""The keyboard: a tab order that follows the window (settings → run controls → views →
prediction panel), Ctrl+1… for the views, and the list Help ▸ Keyboard shortcuts shows."""

from __future__ import annotations

import html
import itertools

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from ..style.i18n import translate

__all__ = ["focus_order", "shortcuts", "shortcuts_html", "tab_shortcuts"]


def shortcuts(n_tabs) -> list[tuple[str, str]]:
    """``(keys, what they do)`` of every shortcut, in the order a person meets them."""
    native = QKeySequence.SequenceFormat.NativeText

    def keys(sequence):
        return QKeySequence(sequence).toString(native)

    return [
        (keys("Ctrl+Return"), translate("keyboard", "Train: a new run from new initial weights")),
        (keys("Space"), translate("keyboard", "Pause or resume training")),
        (keys("Ctrl+Right"), translate("keyboard", "Step: one epoch, then pause")),
        (keys("Ctrl+Left"), translate("keyboard", "Step back one epoch")),
        (keys("Esc"), translate("keyboard", "Stop training")),
        (
            f"{keys('Ctrl+1')} … {keys(f'Ctrl+{n_tabs}')}",
            translate("keyboard", "Show view 1 … {n}").format(n=n_tabs),
        ),
        (keys("Ctrl+O"), translate("keyboard", "Open a data file")),
        (keys("Ctrl+S"), translate("keyboard", "Save the session")),
        (keys("Ctrl+Shift+O"), translate("keyboard", "Open a session")),
        (keys("Ctrl+E"), translate("keyboard", "Export the view shown as an image")),
        (keys("Ctrl+="), translate("keyboard", "Zoom in (larger text and lines)")),
        (keys("Ctrl+-"), translate("keyboard", "Zoom out")),
        (keys("Ctrl+0"), translate("keyboard", "Zoom back to normal")),
        (keys("F5"), translate("keyboard", "Presentation: the views take the window, or back")),
        (keys("Ctrl+Q"), translate("keyboard", "Quit")),
        (f"{keys('Tab')} / {keys('Shift+Tab')}", translate("keyboard", "Next / previous control")),
    ]


def shortcuts_html(n_tabs) -> str:
    """The shortcuts as an HTML table (the Help dialog)."""
    rows = "".join(
        f"<tr><td style='padding-right:16px'><b>{html.escape(k)}</b></td>"
        f"<td>{html.escape(v)}</td></tr>"
        for k, v in shortcuts(n_tabs)
    )
    return f"<table>{rows}</table>"


def tab_shortcuts(window) -> list[QShortcut]:
    """Ctrl+1, Ctrl+2, … show the window's views."""
    made = []
    for i in range(min(window.tabs.count(), 9)):
        shortcut = QShortcut(QKeySequence(f"Ctrl+{i + 1}"), window)
        shortcut.activated.connect(lambda i=i: window.tabs.setCurrentIndex(i))
        made.append(shortcut)
    return made


def _focusable(root) -> list[QWidget]:
    # Only widgets of the root's own window: a combo box's popup list is a window of its own.
    window = root.window()
    widgets = [root, *root.findChildren(QWidget)]
    return [w for w in widgets if w.focusPolicy() & Qt.TabFocus and w.window() is window]


def focus_order(*roots) -> list[QWidget]:
    """Chain Tab through the focusable widgets under ``roots``, in that order; returns the
    chain."""
    chain = []
    for root in roots:
        chain += [w for w in _focusable(root) if w not in chain]
    for first, second in itertools.pairwise(chain):
        QWidget.setTabOrder(first, second)
    return chain
