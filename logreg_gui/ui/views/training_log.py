"""The blog's printed log, in the window: ``epoch:100, loss:…, acc:…`` every N epochs (the
same lines ``logreg-train`` prints), with the runs, learning-rate changes, pauses and how
each run ended.

The log is made from the runs the session holds — their log records, events and ends —
never kept as text of its own: the same runs give the same lines, while they train, after
"A line every" changes, and when a saved session is opened again. While a run trains, only
its new part is written; everything is written again when the runs change.
"""

from __future__ import annotations

import math
import re

from PySide6.QtCore import QEvent, Slot
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from ..widgets import FittingRow, SpinBox, named

__all__ = ["TrainingLog"]

#: Lines kept (the oldest go first): a run of 10⁸ epochs logged every 100 would be 10⁶.
MAX_LINES = 20_000


def _words(label) -> list[str]:
    """The comma-separated parts of a run's label, after its name ("run 1: lr 0.01, gd")."""
    settings = re.split("[:：]", label, maxsplit=1)[-1]
    return [part.strip() for part in re.split("[,，]", settings)]


class TrainingLog(QWidget):
    """A read-only, copyable text of the runs; listens to the session only."""

    def __init__(self, parent=None):
        super().__init__(parent)
        named(self, "trainingLogView")
        self._session = None
        self._run = None  # the run whose new part is written as it comes
        self._lines_written = None  # its last epoch whose line (if any) is written
        self._events_written = 0  # how many of its events are written
        self._stride = 1  # its records' stride when written
        self.text = named(
            QPlainTextEdit(),
            "trainingLog",
            self.tr(
                "The blog's log: the train loss and accuracy (and the test ones) every N epochs; "
                "select and copy freely."
            ),
        )
        self.text.setReadOnly(True)
        self.text.setMaximumBlockCount(MAX_LINES)
        self._fit_font()
        self.every = named(
            SpinBox(),
            "logEveryInput",
            self.tr("A line every this many epochs (the blog prints every 100)."),
        )
        self.every.setRange(1, 100_000_000)
        self.every.setValue(100)
        self.every.setGroupSeparatorShown(True)
        self.clear_button = named(
            QPushButton(self.tr("Clear")),
            "clearLogButton",
            self.tr(
                "Empty the log shown; it is written again from the runs when they change or "
                "when “A line every” changes."
            ),
        )
        self.clear_button.clicked.connect(self.text.clear)
        every = QWidget()
        row = QHBoxLayout(every)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(self.tr("A line every")))
        row.addWidget(self.every)
        row.addWidget(QLabel(self.tr("epochs")))
        row.addStretch(1)
        self.top = FittingRow(every, self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.top)
        layout.addWidget(self.text, 1)
        self.every.valueChanged.connect(self._rewrite)

    def fit_to_width(self, width) -> None:
        """The Clear button beside the interval, or under it with less room (a zoom)."""
        self.top.fit_to_width(width - 8)

    @property
    def interval(self) -> int:
        return self.every.value()

    def lines(self) -> list[str]:
        """Every line shown."""
        return self.text.toPlainText().splitlines()

    def _fit_font(self):
        """The log's fixed-width font, as large as the window's (it follows the zoom)."""
        font = QFontDatabase.systemFont(QFontDatabase.FixedFont)
        if self.font().pointSizeF() > 0:
            font.setPointSizeF(self.font().pointSizeF())
        self.text.setFont(font)

    def changeEvent(self, event):
        super().changeEvent(event)
        if event.type() == QEvent.FontChange:  # a zoom
            self._fit_font()

    def bind(self, session) -> None:
        self._session = session
        for signal in (session.runStarted, session.runsChanged, session.dataChanged):
            signal.connect(self._rewrite)
        session.runProgressed.connect(self._on_progress)
        session.runStateChanged.connect(self._on_progress)

    # The lines of a run ----------------------------------------------------------------------
    def _logged_runs(self):
        """The runs whose log is shown, oldest first (not those that only raced the current
        one)."""
        session = self._session
        runs = [*session.runs] + ([session.run] if session.run is not None else [])
        return [run for run in runs if not run.racer]

    def _items(self, run, *, header=True, lines_after=None, events_from=0, upto=math.inf):
        """The lines of ``run`` in order, and how many of its events they hold: its header,
        the epoch lines after ``lines_after`` up to ``upto``, its events from the
        ``events_from``-th on (each half an epoch after the epoch it happened at) up to
        ``upto``, and — with ``upto`` infinite, for a run that has ended — its last epoch's
        line when "a line every" skipped it and how it ended."""
        every = self.interval
        items = []
        if header:
            settings = run.settings
            # What the run's label does not say already ("run 1: lr 0.01, gd" names both).
            details = [
                part
                for part in (
                    str(settings.get("solver", "gd")),
                    f"lr {settings.get('learning_rate'):g}",
                )
                if part not in _words(run.label)
            ]
            details.append(self.tr("{epochs:,} epochs").format(epochs=settings.get("epochs")))
            text = self.tr("{label} — {details}").format(
                label=run.label, details=", ".join(details)
            )
            items.append((-math.inf, self._note(text)))
        last_line = None if upto == math.inf else math.floor(max(upto, -1.0))
        epochs, _ = run.log.rows(every, lines_after, last_line)
        items += zip(epochs.tolist(), run.log.lines(every, lines_after, last_line))
        events = 0
        for epoch, kind, value in run.events[events_from:]:
            if epoch + 0.5 > upto:
                break  # it waits for the lines before it; those after it wait too
            events += 1
            if kind == "warned" and not run.warning:
                continue
            items.append((epoch + 0.5, self._event(run, epoch, kind, value)))
        if run.stop_reason is not None and upto == math.inf:
            last = run.log.last_epoch
            if last is not None and last % every:
                items.append((last + 0.75, run.log.last_line()))
            ended = self.tr("training {message}").format(message=run.message)
            items.append((math.inf, self._note(ended)))
        items.sort(key=lambda item: item[0])  # stable: events keep their order
        return [text for _, text in items], events

    def _event(self, run, epoch, kind, value):
        if kind == "rate":
            text = self.tr("learning rate {rate:g} from epoch {epoch:,} on").format(
                rate=value, epoch=epoch
            )
        elif kind == "paused":
            text = self.tr("paused at epoch {epoch:,}").format(epoch=epoch)
        elif kind == "warned":
            text = self.tr("⚠ at epoch {epoch:,}: {warning}").format(
                epoch=epoch, warning=run.warning or ""
            )
        else:
            text = self.tr("resumed at epoch {epoch:,}").format(epoch=epoch)
        return self._note(text)

    @staticmethod
    def _note(text):
        """A line of the window's own (not the blog's): ``── text ──``."""
        return f"── {text} ──"

    # Writing ---------------------------------------------------------------------------------
    @Slot()
    def _rewrite(self, *_):
        """Write the whole log again, from the runs the session holds."""
        self.text.clear()
        self._run = None
        if self._session is None:
            return
        lines = []
        for run in self._logged_runs():
            going = run is self._session.run and run.stop_reason is None
            upto = self._upto(run) if going else math.inf
            written, events = self._items(run, upto=upto)
            lines += written
            if going:
                self._run, self._stride = run, run.log.stride
                self._lines_written, self._events_written = run.log.last_epoch, events
        self._write(lines[-MAX_LINES:])

    @Slot()
    def _on_progress(self, *_):
        """The current run went on (or paused, or ended): write its new part."""
        run = self._session.run
        if run is None or run.racer or (run.stop_reason is not None and self._run is None):
            return  # nothing of it to write, or all written
        if run is not self._run or run.log.stride != self._stride:
            self._rewrite()  # a new run, or its records kept fewer epochs: all again
            return
        ended = run.stop_reason is not None
        lines, events = self._items(
            run,
            header=False,
            lines_after=self._lines_written,
            events_from=self._events_written,
            upto=math.inf if ended else self._upto(run),
        )
        self._write(lines)
        self._lines_written = run.log.last_epoch
        self._events_written += events
        if ended:
            self._run = None

    @staticmethod
    def _upto(run):
        """How far a run going on can be written: up to its last epoch recorded and what
        happened after it (events before its first record wait for it)."""
        return -math.inf if run.log.last_epoch is None else run.log.last_epoch + 0.5

    def _write(self, lines):
        if lines:
            self.text.appendPlainText("\n".join(lines))
