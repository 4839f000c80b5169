"""The window's automation API, for tests and scripts: what the File menu does, without a
dialog. Each call does what its menu entry does and raises the plain-words error
(``DataError``) the entry's dialog would show. Opening a file may make its data again in the
background: with ``wait=True`` the call returns once they are made and raises what would
have come later too (a session whose weights do not fit its data), without a dialog;
without, it returns at once and a later problem is shown as the menu shows it.
"""

from __future__ import annotations

from PySide6.QtCore import QEventLoop

from ...core.errors import DataError
from ..style.i18n import translate
from .exports import export_view, report_images

__all__ = ["WindowAutomation"]


class WindowAutomation:
    """Mixed into :class:`~logreg_gui.ui.app.main_window.MainWindow`, which has the
    ``coordinator``, the ``tabs`` and the views these methods use."""

    def open_data(self, path, target=None, *, wait=False, **choice):
        """Use the data file ``path`` (see Coordinator.open_data); raises DataError."""
        self._opened(lambda: self.coordinator.open_data(path, target, **choice), wait)

    def preview_file(self, path, **choice):
        """Read the first rows of ``path``, then let the person choose the columns."""
        self.coordinator.preview_file(path, **choice)

    def save_session(self, path, *, keep_data=False):
        self.coordinator.save_session(path, keep_data=keep_data)

    def open_session(self, path, *, wait=False):
        self._opened(lambda: self.coordinator.open_session(path), wait)

    def save_model(self, path):
        self.coordinator.save_model(path)

    def open_model(self, path, *, wait=False):
        self._opened(lambda: self.coordinator.open_model(path), wait)

    def export_predictions(self, path):
        self.coordinator.export_predictions(path)

    def export_image(self, path, view=None):
        """A picture of ``view`` (default: the tab shown) as PNG or SVG (by the suffix)."""
        page = self.tabs.currentWidget()
        view = (
            (self.loss_plot if page.isAncestorOf(self.loss_plot) else page)
            if view is None
            else view
        )
        export_view(view, path)
        self.statusBar().showMessage(
            translate("MainWindow", "Image saved to {path}.").format(path=path)
        )

    def export_report(self, path):
        """One HTML page of the session, with the loss and boundary plots in it."""
        self.coordinator.files.export_report(path, **report_images(self.loss_plot, self.boundary))
        self.statusBar().showMessage(
            translate("MainWindow", "Report written to {path}.").format(path=path)
        )

    def _opened(self, start, wait):
        """``start()``; with ``wait``, also wait for the data it makes and raise their
        problem as DataError (the coordinator keeps its dialog for the menus)."""
        if not wait:
            start()
            return
        data, coordinator, problems = self.coordinator.data, self.coordinator, []
        loop = QEventLoop()

        def failed(message):
            problems.append(message)
            loop.quit()

        def settled(busy):
            if not busy:
                loop.quit()

        data.failed.connect(failed)
        data.busyChanged.connect(settled)
        coordinator.quiet = True
        try:
            start()
            if data.busy:
                loop.exec()
        finally:
            data.failed.disconnect(failed)
            data.busyChanged.disconnect(settled)
            coordinator.quiet = False
        if problems:
            raise DataError(problems[0])
