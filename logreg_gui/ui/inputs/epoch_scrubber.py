"""Going back in a run: Step back one epoch, or drag to any epoch whose weights were kept;
every view then shows that epoch, and Train, Step or Resume continue from it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from ..widgets import ElidedLabel, Slider, named

__all__ = ["EpochScrubber"]

#: The slider's range is an int: runs longer than this are scrubbed in coarser steps.
SLIDER_STEPS = 2**30


class EpochScrubber(QWidget):
    """The epoch shown: a Step back button, a slider over the run's epochs, a Latest button.

    Signals
    -------
    stepBackRequested : Step back pressed (the coordinator pauses a running run first)
    """

    stepBackRequested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._session = None
        self._first = self._last = 0
        self.back = named(
            QPushButton(self.tr("◀ Step back")),
            "stepBackButton",
            self.tr(
                "Show the epoch before the one shown (pauses training). Every view shows that "
                "epoch; Train, Step or Resume then continue from its weights, and the run as it "
                "was stays on the loss plot for comparison. (Ctrl+Left)"
            ),
        )
        self.back.setShortcut("Ctrl+Left")
        self.slider = named(
            Slider(Qt.Horizontal),
            "epochScrubber",
            self.tr(
                "Drag to show any earlier epoch of the run (every view follows). At the right "
                "end the views follow training again."
            ),
        )
        self.slider.setRange(0, 0)
        self.label = named(ElidedLabel(), "epochShownLabel")
        self.latest = named(
            QPushButton(self.tr("Latest")),
            "latestEpochButton",
            self.tr("Show the latest epoch again."),
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.back)
        layout.addWidget(self.slider, 1)
        layout.addWidget(self.label)
        layout.addWidget(self.latest)
        self.back.clicked.connect(self.stepBackRequested)
        self.latest.clicked.connect(lambda: self._session and self._session.show_epoch(None))
        self.slider.valueChanged.connect(self._on_slider)
        self._update()

    def bind(self, session) -> None:
        """Follow ``session``'s current run and the epoch it shows."""
        self._session = session
        for signal in (session.runStarted, session.runStateChanged, session.shownChanged):
            signal.connect(self._update)
        session.runProgressed.connect(self._update)

    def _scale(self):
        return max(1, -(-(self._last - self._first) // SLIDER_STEPS))

    @Slot()
    def _update(self, *_):
        session = self._session
        run = None if session is None else session.run
        has = run is not None and run.latest is not None
        for widget in (self.back, self.slider, self.latest):
            widget.setEnabled(has)
        if not has:
            self.label.setText(self.tr("no run yet"))
            self._set_slider(0, 0, 0)
            return
        self._first, self._last = run.curves.first or 0, run.epoch
        shown = run.epoch if session.shown_epoch is None else session.shown_epoch
        scale = self._scale()
        self._set_slider(0, (self._last - self._first) // scale, (shown - self._first) // scale)
        self.back.setEnabled(shown > self._first)
        self.latest.setEnabled(session.shown_epoch is not None)
        self.label.setText(
            (
                self.tr("epoch {epoch:,} (latest)")
                if session.shown_epoch is None
                else self.tr("epoch {epoch:,} (shown)")
            ).format(epoch=shown)
        )

    def _set_slider(self, low, high, value):
        self.slider.blockSignals(True)
        self.slider.setRange(low, high)
        self.slider.setValue(value)
        self.slider.blockSignals(False)

    @Slot(int)
    def _on_slider(self, value):
        if self._session is None:
            return
        epoch = self._first + value * self._scale()
        self._session.show_epoch(None if epoch >= self._last else epoch)
