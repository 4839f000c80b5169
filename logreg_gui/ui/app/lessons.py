"""Guided lessons in the real window (Help ▸ Lessons, ``logreg-gui --lesson FILE``).

A :class:`LessonGuide` walks a lesson (:mod:`logreg_gui.core.lessons`) step by step: each
step sets up its state through the window's own paths — the forms (its data and model
settings, as if typed), Train or Step (to its epoch), the session (its sample, its
threshold), the tabs — and points at the part of the window to look at with a visible
frame (:class:`Highlight`). A step with a question waits for the person's answer before it
trains: predict, then see.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QDockWidget, QScrollArea, QStackedWidget, QTabWidget, QWidget

from ...core.errors import DataError
from ..session import RunState
from ..views.lesson_panel import LessonPanel
from ..widgets import DockTitle
from .presets import apply_settings, show_tab

__all__ = ["Highlight", "LessonGuide"]

#: How long a step waits for the data or the part it points at (then it says so), in ms.
PATIENCE_MS = 30_000


def _scroll_to(widget):
    """Scroll every scroll area holding ``widget`` so that it is in sight."""
    parent = widget.parentWidget()
    while parent is not None:
        page = parent.widget() if isinstance(parent, QScrollArea) else None
        if page is not None and page.isAncestorOf(widget):
            parent.ensureWidgetVisible(widget, 20, 20)
        parent = parent.parentWidget()


def in_sight(widget, window) -> QRect:
    """The part of ``widget`` not cut off by the scroll areas and panels holding it, in
    ``window``'s coordinates (empty when none is, or when it is in a floating panel)."""
    if widget.window() is not window:
        return QRect()
    rect = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        rect = rect.intersected(QRect(parent.mapTo(window, QPoint(0, 0)), parent.size()))
        parent = parent.parentWidget()
    return rect.intersected(window.rect())


def _show_pages_of(widget):
    """Show, in every tab widget or stack holding ``widget``, the page that holds it."""
    child, parent = widget, widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QStackedWidget):
            holder = parent.parentWidget()
            if isinstance(holder, QTabWidget):
                index = QTabWidget.indexOf(holder, child)  # the page itself, not its view
                if index >= 0 and holder.currentIndex() != index:
                    holder.setCurrentIndex(index)
            elif parent.currentWidget() is not child:
                parent.setCurrentWidget(child)
        child, parent = parent, parent.parentWidget()


class Highlight(QWidget):
    """A frame drawn over the window around one of its widgets (``target``), following it as
    it moves; it never takes a click."""

    def __init__(self, window):
        super().__init__(window)
        self.setObjectName("lessonHighlight")
        self.setAttribute(Qt.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WA_NoSystemBackground)
        self.target = None
        self.reveal = None  # called to scroll the target into sight while it is out of it
        self._tries = 0
        self._timer = QTimer(self, interval=150)
        self._timer.timeout.connect(self.follow)
        self.hide()

    def point_at(self, widget, reveal=None) -> None:
        """Frame ``widget`` (None: nothing); ``reveal(widget)`` scrolls it into sight
        while it is out of sight (a page laid out late, a panel scrolled away)."""
        self.target, self.reveal, self._tries = widget, reveal, 0
        if widget is None:
            self._timer.stop()
            self.hide()
            return
        self._timer.start()
        self.follow()

    def follow(self) -> None:
        widget, window = self.target, self.parentWidget()
        try:
            visible = widget is not None and widget.isVisible()
        except RuntimeError:  # deleted
            visible, self.target = False, None
        if not visible:
            self.hide()
            return
        seen = in_sight(widget, window)
        partly = seen.height() < min(widget.height(), 24)
        if partly and self.reveal is not None and self._tries < 20:  # then the person scrolls
            self._tries += 1
            self.reveal(widget)
            seen = in_sight(widget, window)
        if seen.isEmpty():
            self.hide()
            return
        margin = 4
        self.setGeometry(seen.adjusted(-margin, -margin, margin, margin).intersected(window.rect()))
        self.show()
        self.raise_()

    def paintEvent(self, event):
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing)
        pen = QPen(QColor(230, 120, 0), 3)
        painter.setPen(pen)
        painter.drawRoundedRect(self.rect().adjusted(2, 2, -2, -2), 6, 6)


class LessonGuide(QObject):
    """Walks a lesson in ``window`` (a MainWindow with its coordinator).

    Signals
    -------
    stepShown(int) : the step (from 0) is shown and its setup asked for
    stepReady(int) : its state is reached (data made, trained to its epoch, sample chosen)
    """

    stepShown = Signal(int)
    stepReady = Signal(int)

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.lesson = None
        self.index = -1
        self.answers = {}  # step index -> the choice given
        self._blog_before = False
        self.highlight = Highlight(window)
        self.panel = None
        self.dock = None
        self._waiting = None  # what the step waits for: (index, what is left to do)
        self._timer = QTimer(self, interval=50)
        self._timer.timeout.connect(self._carry_on)
        self._waited = 0

    # Opening and walking ----------------------------------------------------------------
    def open(self, lesson) -> None:
        """Show ``lesson`` (a core Lesson) at its first step."""
        if self.lesson is None:  # blog mode as the person had it, for when the lesson ends
            self._blog_before = self.window.coordinator.blog_mode
        self.lesson, self.answers = lesson, {}
        self._ensure_panel()
        self.dock.show()
        self.dock.raise_()
        self.go(0)

    def go(self, index) -> None:
        """Show step ``index`` (from 0) and set up its state."""
        if self.lesson is None:
            raise DataError(self.tr("no lesson is open: open one first (Help ▸ Lessons)."))
        count = len(self.lesson.steps)
        if not 0 <= int(index) < count:
            raise DataError(
                self.tr("this lesson has steps 1 to {count}; there is no step {number}.").format(
                    count=count, number=int(index) + 1
                )
            )
        self.index = int(index)
        step = self.lesson.steps[self.index]
        self.panel.show_step(self.lesson.title, self.index, count, step)
        self.highlight.point_at(None)
        self._setup(step.setup, train=step.question is None)
        self.stepShown.emit(self.index)

    def answer(self, choice) -> bool:
        """The person's answer to the step's question: shown right or wrong with why, then
        the step's training runs. Returns whether it was right."""
        step = self.lesson.steps[self.index] if self.lesson else None
        if step is None or step.question is None:
            raise DataError(self.tr("this step asks no question."))
        question = step.question
        if not 0 <= int(choice) < len(question.choices):
            raise DataError(
                self.tr("choose one of the answers 1 to {count}.").format(
                    count=len(question.choices)
                )
            )
        self.answers[self.index] = int(choice)
        self.panel.show_answer(int(choice), question.answer, question.explain)
        # The answer in sight once laid out (the panel may be short on a projector).
        QTimer.singleShot(0, self, lambda: self._scroll.ensureWidgetVisible(self.panel.reveal))
        if step.setup.epoch is not None:
            self._train()
        else:
            self.stepReady.emit(self.index)
        return int(choice) == question.answer

    def close(self) -> None:
        """End the lesson: the panel folds away, the frame goes; the window stays as it is."""
        self._timer.stop()
        self._waiting = None
        self.highlight.point_at(None)
        if self.lesson is not None and self.window.coordinator.blog_mode != self._blog_before:
            self.window.set_blog_mode(self._blog_before)
        self.lesson, self.index = None, -1
        if self.dock is not None:
            self.dock.hide()

    def where(self):
        """``(lesson, step index)`` shown, or None."""
        return None if self.lesson is None else (self.lesson, self.index)

    # The panel ------------------------------------------------------------------------------
    def _ensure_panel(self):
        if self.dock is not None:
            return
        window = self.window
        self.panel = LessonPanel()
        scroll = self._scroll = QScrollArea()
        scroll.setWidget(self.panel)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.dock = QDockWidget(self.tr("Lesson"), window)
        self.dock.setObjectName("lessonDock")
        self.dock.setWidget(scroll)
        self.dock.setFeatures(
            QDockWidget.DockWidgetMovable
            | QDockWidget.DockWidgetFloatable
            | QDockWidget.DockWidgetClosable
        )
        self.dock.setTitleBarWidget(DockTitle(self.dock))
        window.addDockWidget(Qt.RightDockWidgetArea, self.dock)
        prediction = window.prediction_dock
        if not prediction.isFloating() and window.dockWidgetArea(prediction) == (
            Qt.RightDockWidgetArea
        ):
            window.splitDockWidget(self.dock, prediction, Qt.Vertical)
            # The step and its question read whole; the prediction scrolls below it.
            height = max(window.height() - 200, 300)
            window.resizeDocks(
                [self.dock, prediction], [height * 3 // 5, height * 2 // 5], Qt.Vertical
            )
        self.dock.visibilityChanged.connect(self._dock_visible)
        self.panel.backRequested.connect(lambda: self.go(self.index - 1))
        self.panel.nextRequested.connect(self._next)
        self.panel.closeRequested.connect(self.close)
        self.panel.answered.connect(self.answer)

    def _dock_visible(self, visible):
        if not visible and self.dock is not None and not self.dock.isVisible():
            # Closed by its title bar's button (not merely tabbed away).
            QTimer.singleShot(0, self._closed_by_person)

    def _closed_by_person(self):
        dock = self.dock
        hidden = dock is not None and not dock.isVisible() and not self.window.isMinimized()
        if hidden and self.lesson is not None:
            self.close()

    def _next(self):
        if self.index + 1 < len(self.lesson.steps):
            self.go(self.index + 1)
        else:
            self.close()
            self.window.statusBar().showMessage(self.tr("Lesson finished. Well done!"))

    # Setting a step up ----------------------------------------------------------------------
    def _setup(self, setup, *, train):
        """Set ``setup`` up; its training only with ``train`` (a question's step trains once
        answered: :meth:`_train`)."""
        show_tab(self.window.tabs, setup.tab)
        if setup.blog is not None:
            self.window.set_blog_mode(setup.blog)
        changed = self._apply_settings(setup)
        todo = ["data"] if changed else []
        if train and setup.epoch is not None:
            todo.append("train")
        todo += ["select", "point"]
        self._start_waiting(todo)

    def _train(self):
        self._start_waiting(["data", "train", "select", "point"])

    def _start_waiting(self, todo):
        self._waiting = (self.index, list(todo))
        self._waited = 0
        self._carry_on()
        if self._waiting is not None:
            self._timer.start()

    def _apply_settings(self, setup) -> bool:
        """The step's data and model settings into the forms, as if typed; True when the
        data change. A lesson's first step starts from the model's defaults, so that what an
        earlier lesson (or the person) chose — a penalty, an optimizer — does not change
        what this one shows."""
        base = None
        if self.index == 0:
            from ...core.estimator import LogisticRegressionGD

            base = LogisticRegressionGD().get_params()
            for key in ("random_state", "dtype", "l2", "n_jobs"):
                base.pop(key, None)
        return apply_settings(self.window, setup.data, setup.model, base=base)

    def _carry_on(self):
        """Do what the step still waits for, as far as the window allows now."""
        if self._waiting is None:
            self._timer.stop()
            return
        index, todo = self._waiting
        if index != self.index or self.lesson is None:
            self._waiting = None
            self._timer.stop()
            return
        setup = self.lesson.steps[index].setup
        window, session = self.window, self.window.session
        c = window.coordinator
        while todo:
            what = todo[0]
            if what == "data":
                wanted = session.request.data
                if c.data.busy or (wanted is not None and wanted != session.data_settings):
                    if c.data.held is not None:
                        c.data.apply_held()
                    return self._wait_more()
            elif what == "train":
                if c.why_not_train():
                    return self._wait_more()
                if setup.epoch == "end":
                    c.train()
                else:
                    c.train_to(int(setup.epoch))
                todo[1:1] = ["trained"]
            elif what == "trained":
                run = session.run
                target = None if setup.epoch == "end" else int(setup.epoch)
                done = run is not None and (
                    session.state is RunState.FINISHED
                    or (target is not None and run.epoch is not None and run.epoch >= target)
                    or (target == 0 and run.epoch == 0)
                )
                if not done:
                    return self._wait_more()
            elif what == "select":
                if session.data is not None:
                    if setup.sample is not None and setup.sample < len(session.y_test):
                        session.select_sample(setup.sample)
                    if setup.threshold is not None and session.n_classes == 2:
                        session.set_threshold(float(setup.threshold))
            elif what == "point" and not self._point(self.lesson.steps[index].point):
                return self._wait_more()
            todo.pop(0)
        self._waiting = None
        self._timer.stop()
        self.stepReady.emit(index)

    def _wait_more(self):
        self._waited += self._timer.interval()
        if self._waited > PATIENCE_MS:
            self._timer.stop()
            self._waiting = None
            self.window.statusBar().showMessage(
                self.tr("The lesson's step could not be set up: {reason}").format(
                    reason=self.window.session.why_not_train or self.tr("it took too long.")
                )
            )

    def _point(self, name) -> bool:
        """Frame the part named ``name`` (showing its tab, panel or page first); False
        while it is not there yet."""
        if not name:
            self.highlight.point_at(None)
            return True
        window = self.window
        widget = window.findChild(QWidget, name)
        if widget is None:
            return False
        tabs = window.tabs
        for i in range(tabs.count()):
            view = tabs.widget(i)
            if view is not None and view.isAncestorOf(widget) and tabs.currentIndex() != i:
                tabs.setCurrentIndex(i)
        _show_pages_of(widget)  # a page of a view's own tabs (the evaluation's pages)
        for dock in (window.settings_dock, window.prediction_dock):
            if dock.isAncestorOf(widget) and not dock.isVisible():
                dock.show()
            if dock.isAncestorOf(widget):
                dock.raise_()
        _scroll_to(widget)
        self.highlight.point_at(widget, reveal=_scroll_to)
        return True
