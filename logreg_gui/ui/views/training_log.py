"""The blog's printed log, in the window: ``epoch:100, loss:…, acc:…`` every N epochs (the
same lines ``logreg-train`` prints), with the runs, learning-rate changes, pauses and how
each run ended."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from ..session import RunState
from ..widgets import SpinBox, named

__all__ = ["TrainingLog"]

#: Lines kept (the oldest go first): a run of 10⁸ epochs logged every 100 would be 10⁶.
MAX_LINES = 20_000


class TrainingLog(QWidget):
    """A read-only, copyable text of the runs; listens to the session only."""

    def __init__(self, parent=None):
        super().__init__(parent)
        named(self, "trainingLogView")
        self._session = None
        self._run = None
        self._rates = 0
        self._state = RunState.NONE
        self._last_batch = None
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
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.FixedFont))
        self.every = named(
            SpinBox(),
            "logEveryInput",
            self.tr("A line every this many epochs (the blog prints every 100)."),
        )
        self.every.setRange(1, 100_000_000)
        self.every.setValue(100)
        self.every.setGroupSeparatorShown(True)
        self.clear_button = named(
            QPushButton(self.tr("Clear")), "clearLogButton", self.tr("Empty the log.")
        )
        self.clear_button.clicked.connect(self.text.clear)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("A line every")))
        top.addWidget(self.every)
        top.addWidget(QLabel(self.tr("epochs")))
        top.addStretch(1)
        top.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.text, 1)

    @property
    def interval(self) -> int:
        return self.every.value()

    def lines(self) -> list[str]:
        """Every line shown."""
        return self.text.toPlainText().splitlines()

    def bind(self, session) -> None:
        self._session = session
        session.runStarted.connect(self._on_run)
        session.runProgressed.connect(self._on_progress)
        session.runStateChanged.connect(self._on_state)

    def _say(self, text):
        self.text.appendPlainText(text)

    def _note(self, text):
        """A line of the window's own (not the blog's): ``── text ──``."""
        self._say(f"── {text} ──")

    @Slot()
    def _on_run(self):
        run = self._session.run
        self._run, self._rates, self._last_batch = run, 1, None
        self._state = self._session.state
        if run is None:
            return
        settings = run.settings
        self._note(
            self.tr("{label} — {solver}, lr {learning_rate:g}, {epochs:,} epochs").format(
                label=run.label,
                solver=settings.get("solver", "gd"),
                learning_rate=settings.get("learning_rate"),
                epochs=settings.get("epochs"),
            )
        )

    @Slot(object)
    def _on_progress(self, batch):
        run = self._session.run
        if run is not self._run:
            return
        for epoch, rate in run.learning_rates[self._rates :]:
            self._note(
                self.tr("learning rate {rate:g} from epoch {epoch:,} on").format(
                    rate=rate, epoch=epoch
                )
            )
        self._rates = len(run.learning_rates)
        from ...core.training.blog_log import log_lines

        lines = log_lines(batch, self.interval)
        if lines:
            self.text.appendPlainText("\n".join(lines))
        self._last_batch = batch

    @Slot()
    def _on_state(self):
        session = self._session
        run, state = session.run, session.state
        if run is not self._run or state == self._state:
            self._state = state
            return
        self._state = state
        if run is None:
            return
        if state == RunState.PAUSED:
            self._note(self.tr("paused at epoch {epoch:,}").format(epoch=run.epoch or 0))
        elif state == RunState.RUNNING:
            self._note(self.tr("resumed at epoch {epoch:,}").format(epoch=run.epoch or 0))
        elif state == RunState.FINISHED:
            from ...core.training.blog_log import final_log_line

            final = final_log_line(self._last_batch, self.interval)
            if final is not None:
                self._say(final)
            self._note(self.tr("training {message}").format(message=run.message))
