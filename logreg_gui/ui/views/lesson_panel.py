"""A lesson's step beside the window: where it is in the lesson, what to look at and why, and
a question to answer before the window shows the answer (predict, then see).

The panel knows nothing of the window: the lesson guide (:mod:`logreg_gui.ui.app.lessons`)
tells it what to show, and hears from it what the person asks (back, next, an answer,
close).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ..widgets import WrappedLabel, named

__all__ = ["LessonPanel"]


class _Choice(QWidget):
    """A radio button whose text wraps (a plain one is as wide as its whole text, and
    would widen the panel beyond a projector's screen); clicking the text chooses it."""

    def __init__(self, text, name):
        super().__init__()
        self.button = named(QRadioButton(), name)
        self.button.setAccessibleName(text)
        self.label = WrappedLabel(text)
        self.label.setTextFormat(Qt.PlainText)
        self.text = text
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.button, 0, Qt.AlignTop)
        row.addWidget(self.label, 1)

    def mousePressEvent(self, event):
        if self.button.isEnabled():
            self.button.click()
        super().mousePressEvent(event)

    def setEnabled(self, on):
        self.button.setEnabled(on)
        self.label.setEnabled(on)


class LessonPanel(QWidget):
    """One step of a lesson (objectName ``lessonPanel``).

    Signals
    -------
    backRequested, nextRequested, closeRequested
    answered(int) : the index of the choice the person checked
    """

    backRequested = Signal()
    nextRequested = Signal()
    closeRequested = Signal()
    answered = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        named(self, "lessonPanel")
        self.title = named(WrappedLabel(), "lessonTitle")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.where = named(WrappedLabel(), "lessonStepLabel")
        self.text = named(WrappedLabel(), "lessonText")
        self.text.setTextFormat(Qt.MarkdownText)
        self.text.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.question = named(QGroupBox(), "lessonQuestion")
        column = QVBoxLayout(self.question)
        self.ask = named(WrappedLabel(), "lessonAsk")
        column.addWidget(self.ask)
        self.choices = QButtonGroup(self)
        self._rows = []
        self._choice_box = QVBoxLayout()
        column.addLayout(self._choice_box)
        self.check = named(
            QPushButton(self.tr("Check my answer")),
            "lessonCheckButton",
            self.tr("Say what you expect first: then the window shows what happens."),
        )
        self.check.setEnabled(False)
        self.check.clicked.connect(self._check)
        self.choices.idToggled.connect(lambda *_: self.check.setEnabled(self._chosen() >= 0))
        column.addWidget(self.check)
        self.reveal = named(WrappedLabel(), "lessonReveal")
        self.reveal.setTextFormat(Qt.MarkdownText)
        column.addWidget(self.reveal)
        self.back = named(QPushButton(self.tr("◀ Back")), "lessonBackButton")
        self.next = named(QPushButton(self.tr("Next ▶")), "lessonNextButton")
        self.close_button = named(
            QPushButton(self.tr("End the lesson")),
            "lessonCloseButton",
            self.tr("Close the lesson; the window stays as it is."),
        )
        self.back.clicked.connect(self.backRequested)
        self.next.clicked.connect(self.nextRequested)
        self.close_button.clicked.connect(self.closeRequested)
        row = QHBoxLayout()
        row.addWidget(self.back)
        row.addWidget(self.next)
        layout = QVBoxLayout(self)
        for widget in (self.title, self.where, self.text, self.question):
            layout.addWidget(widget)
        layout.addLayout(row)
        layout.addWidget(self.close_button)
        layout.addStretch(1)

    def show_step(self, title, index, count, step) -> None:
        """Step ``index`` (from 0) of ``count`` of the lesson ``title``: a
        :class:`~logreg_gui.core.lessons.Step`."""
        self.title.setText(title)
        self.where.setText(
            self.tr("Step {number} of {count}: {title}").format(
                number=index + 1, count=count, title=step.title
            )
        )
        self.text.setText(step.text)
        self.back.setEnabled(index > 0)
        self.next.setText(self.tr("Next ▶") if index + 1 < count else self.tr("Finish"))
        for button in self.choices.buttons():
            self.choices.removeButton(button)
        for row in self._rows:
            row.setParent(None)  # out of the panel at once (nothing finds it by name)
            row.deleteLater()
        self._rows = []
        self.reveal.setText("")
        question = step.question
        self.question.setVisible(question is not None)
        if question is None:
            return
        self.question.setTitle(self.tr("Predict, then see"))
        self.ask.setText(question.ask)
        for i, choice in enumerate(question.choices):
            row = _Choice(choice, f"lessonChoice{i}")
            self.choices.addButton(row.button, i)
            self._choice_box.addWidget(row)
            self._rows.append(row)
        self.check.setEnabled(False)
        self.check.show()

    def show_answer(self, chosen, right, explain) -> None:
        """The answer to the question: whether the choice ``chosen`` was ``right`` (the
        index of the right one), and why."""
        verdict = (
            self.tr("✓ Right.")
            if chosen == right
            else self.tr("✗ Not quite: the answer is “{answer}”.").format(
                answer=self._rows[right].text
            )
        )
        self.reveal.setText(f"**{verdict}** {explain}")
        for row in self._rows:
            row.setEnabled(False)
        self.check.hide()

    def _chosen(self) -> int:
        return self.choices.checkedId()

    def _check(self):
        chosen = self._chosen()
        if chosen >= 0:
            self.answered.emit(chosen)
