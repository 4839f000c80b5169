"""Run controls: Train, Pause/Resume, Step, Stop, Reset and the speed of training."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ..session import RunState
from ..widgets import FittingRow, Slider, named

__all__ = ["SPEEDS", "RunControls"]

#: Slider positions, slowest first, in epochs per second; None is as fast as possible.
SPEEDS = (2, 5, 10, 20, 50, 100, 200, 500, 1000, None)


class RunControls(QWidget):
    """Buttons and speed slider; says what the person asked for through signals and shows
    what the session says is possible (:meth:`bind`)."""

    trainRequested = Signal()
    pauseRequested = Signal()
    resumeRequested = Signal()
    stepRequested = Signal()
    stopRequested = Signal()
    resetRequested = Signal()
    raceRequested = Signal()
    speedChanged = Signal(object)  # epochs per second, or None for as fast as possible

    IDLE, RUNNING, PAUSED = "idle", "running", "paused"

    def __init__(self, parent=None):
        super().__init__(parent)

        def button(text, name, tooltip, shortcut=None):
            b = QPushButton(text)
            # As narrow as their words: the window fits a 1024-pixel projector.
            b.setMinimumWidth(b.fontMetrics().horizontalAdvance(text) + 24)
            b.setObjectName(name)
            b.setAccessibleName(name)
            b.setToolTip(tooltip + (f" ({shortcut})" if shortcut else ""))
            if shortcut:
                b.setShortcut(shortcut)
            return b

        self.train = button(
            self.tr("Train"),
            "trainButton",
            self.tr(
                "Start training from new initial weights on the current data: "
                "w ← w − η·∇J(w) every epoch."
            ),
            "Ctrl+Return",
        )
        self.pause = button(
            self.tr("Pause"),
            "pauseButton",
            self.tr("Pause training after the current epoch; press again to resume."),
            "Space",
        )
        self.step = button(
            self.tr("Step"),
            "stepButton",
            self.tr("Run exactly one epoch, then pause (starts a paused run if none is going)."),
            "Ctrl+Right",
        )
        self.stop = button(
            self.tr("Stop"),
            "stopButton",
            self.tr("End the run; the weights stay as they are for inspection."),
            "Esc",
        )
        self.reset = button(
            self.tr("Reset"),
            "resetButton",
            self.tr("Discard the weights and draw new initial ones; the data stay the same."),
        )
        self.race = button(
            self.tr("Race"),
            "raceButton",
            self.tr(
                "Train every optimizer — gradient descent, momentum, Nesterov, Adam and Newton "
                "— from the same initial weights on the same data, side by side on the loss "
                "plot and the landscape."
            ),
        )
        self.slider = named(
            Slider(Qt.Horizontal),
            "speedSlider",
            self.tr(
                "Training speed, from a few epochs per second (to watch gradient descent move) "
                "to as fast as possible."
            ),
        )
        # Kept between starts under the name it had in earlier versions' settings.
        self.slider.setProperty("settingsKey", "speedInput")
        self.slider.setRange(0, len(SPEEDS) - 1)
        self.slider.setValue(len(SPEEDS) - 1)
        self.slider.setPageStep(1)
        self.slider.setMinimumWidth(110)
        self.speed_label = QLabel()
        self.speed_label.setObjectName("speedLabel")
        self.speed_label.setMinimumWidth(
            self.speed_label.fontMetrics().horizontalAdvance("1000 epochs/s ")
        )
        # One row where there is room (presentation mode, a wide window), else two, so that
        # the window fits 1280 pixels with both side panels open.
        row = QWidget()
        buttons = QHBoxLayout(row)
        buttons.setContentsMargins(0, 0, 0, 0)
        for b in (self.train, self.pause, self.step, self.stop, self.reset, self.race):
            buttons.addWidget(b)
        buttons.addStretch(1)
        pace = QWidget()
        speed_row = QHBoxLayout(pace)
        speed_row.setContentsMargins(0, 0, 0, 0)
        speed = QLabel(self.tr("Speed"))
        speed.setBuddy(self.slider)
        speed_row.addWidget(speed)
        speed_row.addWidget(self.slider, 1)
        speed_row.addWidget(self.speed_label)
        self.rows = FittingRow(row, pace)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.rows)

        self._state = self.IDLE
        self._can_train = True
        self.train.clicked.connect(self.trainRequested)
        self.pause.clicked.connect(self._on_pause)
        self.step.clicked.connect(self.stepRequested)
        self.stop.clicked.connect(self.stopRequested)
        self.reset.clicked.connect(self.resetRequested)
        self.race.clicked.connect(self.raceRequested)
        self.slider.valueChanged.connect(self._on_speed)
        self._on_speed(self.slider.value())
        self._update()

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self.rows.fit_to_width(event.size().width())

    def speed(self):
        """Epochs per second chosen, or None for as fast as possible."""
        return SPEEDS[self.slider.value()]

    def _on_speed(self, position):
        speed = SPEEDS[position]
        self.speed_label.setText(
            self.tr("fastest") if speed is None else self.tr("{speed} epochs/s").format(speed=speed)
        )
        self.speedChanged.emit(speed)

    def _on_pause(self):
        if self._state == self.PAUSED:
            self.resumeRequested.emit()
        else:
            self.pauseRequested.emit()

    def bind(self, session) -> None:
        """Follow ``session``: whether a run goes on or is paused, and whether Train can
        start (and why not)."""
        self._session = session
        session.runStateChanged.connect(self._on_state)
        session.whyNotTrainChanged.connect(self._on_why_not_train)
        self._on_why_not_train(session.why_not_train)

    @Slot()
    def _on_state(self):
        self.set_state(_STATES.get(self._session.state, self.IDLE))

    @Slot(str)
    def _on_why_not_train(self, reason):
        self.set_can_train(not reason, reason)

    def set_state(self, state):
        """``"idle"`` (no run going), ``"running"`` or ``"paused"``."""
        self._state = state
        self._update()

    def set_can_train(self, can_train: bool, reason: str = ""):
        """Enable Train and Step only when the data and settings are usable; ``reason`` says why not."""
        self._can_train = can_train
        self.train.setToolTip(
            self.train.toolTip().split("\n")[0]
            + ("\n" + self.tr("Disabled: {reason}").format(reason=reason) if reason else "")
        )
        self._update()

    def _update(self):
        going = self._state != self.IDLE
        self.train.setEnabled(self._can_train)
        self.pause.setEnabled(going)
        self.pause.setText(self.tr("Resume") if self._state == self.PAUSED else self.tr("Pause"))
        self.step.setEnabled(self._can_train and self._state != self.RUNNING)
        self.stop.setEnabled(going)
        self.reset.setEnabled(self._can_train)
        self.race.setEnabled(self._can_train)


_STATES = {RunState.RUNNING: RunControls.RUNNING, RunState.PAUSED: RunControls.PAUSED}
