"""Why what is drawn differs from what the forms describe: new data settings held while a
run is kept, model settings changed since the run shown, an optimizer refused for these
data."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QLabel

from ..style.palette import WRONG
from ..widgets import named

__all__ = ["SettingsNotice"]


class SettingsNotice(QLabel):
    """The session's notices, one per line, in the colour of a warning; hidden when there
    is none."""

    def __init__(self, parent=None):
        super().__init__(parent)
        named(self, "settingsNotice")
        self.setWordWrap(True)
        self.setStyleSheet(f"color: {WRONG};")
        self.hide()

    def bind(self, session) -> None:
        """Follow ``session``'s notices."""
        session.noticeChanged.connect(self._show)
        self._show(session.notice())

    @Slot(str)
    def _show(self, text):
        self.setText(text)
        self.setVisible(bool(text))
