"""The window's automation API, for tests and scripts: what the File menu does, without a
dialog. Each call does what its menu entry does and raises the plain-words error
(``DataError``) the entry's dialog would show. Opening a file may make its data again in the
background: with ``wait=True`` the call returns once they are made and raises what would
have come later too (a session whose weights do not fit its data), without a dialog;
without, it returns at once and a later problem is shown as the menu shows it.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QEventLoop, QTimer

from ...core.errors import DataError, in_words
from ...core.files.storage import write_atomically
from ..style.i18n import translate
from .exports import export_view, report_images
from .report import report_html

__all__ = ["WindowAutomation", "wait_for_data", "wait_for_job"]


def wait_for_job(jobs, job) -> None:
    """Run the event loop until ``job`` (of ``jobs``) has handed over its result or failure."""
    if job.delivered:
        return
    loop = QEventLoop()

    def delivered(done):
        if done is job:
            loop.quit()

    jobs.delivered.connect(delivered)
    try:
        if not job.delivered:
            loop.exec()
    finally:
        jobs.delivered.disconnect(delivered)


def wait_for_data(data, request) -> str | None:
    """Run the event loop until the data of ``request`` (a DataRequest of the controller
    ``data``) are in or refused; returns the refusal in words, or None."""
    refused = []
    loop = QEventLoop()

    def loaded(done):
        if done is request:
            loop.quit()

    def failed(done, message):
        if done is request:
            refused.append(message)
            loop.quit()

    def settled(busy):
        if not busy and data.wanted is not request:  # cancelled, or made by a newer one
            loop.quit()

    data.loaded.connect(loaded)
    data.failed.connect(failed)
    data.busyChanged.connect(settled)
    try:
        if data.wanted is request:
            loop.exec()
    finally:
        data.loaded.disconnect(loaded)
        data.failed.disconnect(failed)
        data.busyChanged.disconnect(settled)
    return refused[0] if refused else None


class WindowAutomation:
    """Mixed into :class:`~logreg_gui.ui.app.main_window.MainWindow`, which has the
    ``coordinator``, the ``session``, the ``tabs`` and the views these methods use."""

    def open_data(self, path, target=None, *, wait=False, **choice):
        """Use the data file ``path`` (see Coordinator.open_data); raises DataError."""
        self._opened(
            lambda quiet: self.coordinator.open_data(path, target, quiet=quiet, **choice), wait
        )

    def preview_file(self, path, **choice):
        """Read the first rows of ``path``, then let the person choose the columns."""
        self.coordinator.preview_file(path, **choice)

    def save_session(self, path, *, keep_data=False, wait=True):
        """Save the session to ``path`` (its data inside with ``keep_data``). It is written
        in the background; with ``wait`` the call returns once it is written, and raises
        DataError if it could not be."""
        job = self.coordinator.save_session(path, keep_data=keep_data, quiet=wait)
        if wait:
            wait_for_job(self.jobs, job)
            if job.error is not None:
                raise DataError(in_words(job.error))

    def open_session(self, path, *, wait=False):
        """Open the session file ``path`` (read and checked in the background, the window
        staying responsive); raises DataError if it cannot be read."""
        self._read(lambda: self.coordinator.open_session(path, quiet=True, quiet_data=wait), wait)

    def save_model(self, path):
        self.coordinator.save_model(path)

    def open_model(self, path, *, wait=False):
        """Open the model file ``path``, as :meth:`open_session`; raises DataError."""
        self._read(lambda: self.coordinator.open_model(path, quiet=True, quiet_data=wait), wait)

    def export_predictions(self, path):
        self.coordinator.export_predictions(path)

    def export_painted(self, path) -> int:
        """The points of data of two numeric columns (painted, or as they would be painted)
        as CSV: the two columns, the class and the part; returns how many rows."""
        return self.coordinator.paint.export(path)

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
        if self.session.data is None:
            raise DataError(translate("FilesController", "there are no data yet to report on."))
        text = report_html(self.session, **report_images(self.loss_plot, self.boundary))
        write_atomically(path, text.encode("utf-8"))
        self.statusBar().showMessage(
            translate("MainWindow", "Report written to {path}.").format(path=path)
        )

    def export_code(self, path):
        """The current run as code that reproduces it: a numpy script for ``.py``, a Jupyter
        notebook for ``.ipynb`` (by the suffix); raises DataError (no run yet, a run that
        cannot be written, another suffix, a failed write)."""
        from ...core.lessons.code import run_code, write_code

        session = self.session
        if session.data is None or session.run is None:
            raise DataError(
                translate("lessons", "there is no run yet to write as code: train first.")
            )
        code = run_code(
            session.data_settings,
            session.data,
            session.run,
            log_every=self.log.interval,
            sample=session.selected if session.selected >= 0 else None,
        )
        write_code(path, code)
        self.statusBar().showMessage(
            translate("MainWindow", "The run written as code to {path}.").format(path=path)
        )

    def open_lesson(self, path):
        """Open the lesson file ``path`` at its first step (Help ▸ Lessons); raises
        DataError, in one sentence, for a file that is not a good lesson (the lesson
        already open, if any, stays)."""
        from ...core.lessons import read_lesson

        lesson = read_lesson(path)
        if self.coordinator.loading:  # the session of last time: the lesson comes after it
            self.coordinator.cancel_loading()
        self.lessons.open(lesson)
        return lesson

    def lesson_step(self, number):
        """Show step ``number`` of the open lesson, counted from 1 as the panel counts
        them, and set up its state; raises DataError without a lesson or such a step."""
        self.lessons.go(int(number) - 1)

    def answer_lesson(self, choice):
        """Answer the question of the step shown with choice ``choice`` (counted from 1);
        returns whether it was right. Then the step trains, as it does for a person."""
        return self.lessons.answer(int(choice) - 1)

    def close_lesson(self):
        self.lessons.close()

    def open_preset(self, path):
        """Open the teacher's preset ``path`` (File ▸ Open preset…): its data and model
        settings into the forms, its tab shown, its controls hidden or locked, its lesson
        started. Raises DataError in one sentence for a bad file (nothing changes then)."""
        from ...core.files.preset_file import read_preset
        from ...core.lessons import read_lesson, shipped_lesson
        from ..style.i18n import speaking
        from .presets import apply_settings, show_tab

        preset = read_preset(path)
        lesson = None
        if preset.shipped_lesson():
            found = shipped_lesson(preset.lesson, speaking())
            if found is None:
                raise DataError(
                    translate(
                        "MainWindow", "the preset starts the lesson {name}, which is not shipped."
                    ).format(name=preset.lesson)
                )
            lesson = read_lesson(found)
        elif preset.lesson_path() is not None:
            lesson = read_lesson(preset.lesson_path())
        if self.coordinator.loading:  # the session of last time: the preset comes after it
            self.coordinator.cancel_loading()
        changed = apply_settings(self, preset.data, preset.model)
        show_tab(self.tabs, preset.tab)
        unknown = self.preset_controls.set(preset.hidden, preset.locked)
        self.preset = preset
        if lesson is not None:
            self.lessons.open(lesson)
        said = translate("MainWindow", "Preset “{title}” opened.").format(
            title=preset.title or os.path.basename(str(path))
        )
        if preset.hidden or preset.locked:
            said += " " + translate(
                "MainWindow",
                "{hidden} controls hidden, {locked} locked (View ▸ Show every control).",
            ).format(hidden=len(preset.hidden), locked=len(preset.locked))
        if unknown:
            said += " " + translate(
                "MainWindow", "This window has no part named {names}: left alone."
            ).format(names=", ".join(unknown))
        self.statusBar().showMessage(said)
        if changed:  # said again once its data are in ("Data ready" would hide it)
            session = self.session

            def again():
                session.dataChanged.disconnect(again)
                QTimer.singleShot(0, self, lambda: self.statusBar().showMessage(said))

            session.dataChanged.connect(again)
        return preset

    def save_preset(self, path, *, title="", hidden=(), locked=(), lesson=None):
        """Save the forms' data and model settings and the tab shown as a teacher's preset,
        with the controls ``hidden`` and ``locked`` (names) and the ``lesson`` to start (a
        shipped lesson's name, a lesson file, or None); raises DataError."""
        from dataclasses import replace

        from ...core.data.settings import settings_to_dict
        from ...core.files.preset_file import Preset, read_preset, write_preset
        from .presets import tab_key

        request = self.session.request
        data = request.data or self.session.data_settings
        preset = Preset(
            title=str(title),
            data=None if data is None else settings_to_dict(data),
            model=dict(request.model or {}),
            tab=tab_key(self.tabs, self.tabs.currentIndex()) or None,
            hidden=tuple(hidden),
            locked=tuple(locked),
            lesson=None if lesson is None else str(lesson),
        )
        write_preset(path, preset)
        read_preset(path)  # what was written opens again: checked now, not in class
        self.statusBar().showMessage(
            translate("MainWindow", "Preset saved to {path}.").format(path=path)
        )
        return replace(preset, path=str(path))

    def show_every_control(self):
        """Let go of the preset's hidden and locked controls (View ▸ Show every control)."""
        self.preset_controls.release()
        self.preset = None

    def _read(self, start, wait):
        """``start()``, which reads a file in a background Job: wait for it (the event loop
        runs) and raise its failure as DataError; with ``wait``, also wait for the data it
        makes and raise their problem (else that is said as the menu says it)."""
        job = start()
        wait_for_job(self.jobs, job)
        if job.error is not None:
            raise DataError(in_words(job.error))
        request = self.coordinator.data.wanted  # the data the file asked for, if made
        if wait and request is not None:
            problem = wait_for_data(self.coordinator.data, request)
            if problem:
                raise DataError(problem)

    def _opened(self, start, wait):
        """``start(quiet)``, which returns the request of the data it makes (or None); with
        ``wait``, wait for them and raise their problem as DataError instead of a dialog."""
        request = start(wait)
        if wait and request is not None:
            problem = wait_for_data(self.coordinator.data, request)
            if problem:
                raise DataError(problem)
