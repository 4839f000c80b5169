"""Where the current run stands: epochs done of its total, its pace and time left, and how
far it is from the optimum of the objective it minimises."""

from __future__ import annotations

import math
import re

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ..session import RunState
from ..style.i18n import translate
from ..widgets import ElidedProgressBar, named

__all__ = ["RunStatus", "duration"]


def duration(seconds) -> str:
    """A time left in words: "42 s", "3 min 05 s", "2 h 10 min"."""
    if not math.isfinite(seconds) or seconds < 0:
        return "?"
    if seconds < 60:
        return translate("RunStatus", "{seconds:.0f} s").format(seconds=seconds)
    if seconds < 3600:
        return translate("RunStatus", "{minutes:.0f} min {seconds:02.0f} s").format(
            minutes=seconds // 60, seconds=seconds % 60
        )
    return translate("RunStatus", "{hours:.0f} h {minutes:02.0f} min").format(
        hours=seconds // 3600, minutes=seconds % 3600 // 60
    )


class RunStatus(QWidget):
    """The progress bar and the optimum line of the current run."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._session = None
        self.progress = named(
            ElidedProgressBar(),
            "epochProgress",
            self.tr("Epochs run of the run's total, the speed of training and the time left."),
        )
        self.progress.setTextVisible(True)
        self._tip = self.progress.toolTip()
        self.optimum_label = named(
            QLabel(),
            "optimumLabel",
            self.tr(
                "How far gradient descent still is from the optimum of the training objective "
                "(the lowest possible value of the curve it minimises, found exactly)."
            ),
        )
        self.optimum_label.setWordWrap(True)
        self.optimum_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.optimum_label)
        layout.addWidget(self.progress)
        self._show_progress()

    def bind(self, session) -> None:
        """Follow ``session``."""
        self._session = session
        for signal in (session.runStateChanged, session.runStarted, session.dataChanged):
            signal.connect(self._refresh)
        session.shownChanged.connect(self._refresh)
        session.optimumChanged.connect(self._show_gap)
        session.rateChanged.connect(self._show_progress)

    @Slot()
    def _refresh(self):
        self._show_progress()
        self._show_gap()

    def _show_progress(self):
        session = self._session
        run = None if session is None else session.run
        if run is None or run.latest is None:
            self.progress.setMaximum(1)
            self.progress.setValue(0)
            self.progress.setFormat(self.tr("no run yet") if run is None else self.tr("starting…"))
            return
        shown = session.shown()
        epoch = shown[0] if shown else 0
        total = max(int(run.settings.get("epochs", 1)), 1)
        self.progress.setMaximum(min(total, 2**31 - 1))
        self.progress.setValue(min(epoch, total, 2**31 - 1))
        if session.shown_epoch is None:
            text = self.tr("epoch {epoch:,} of {total:,}")
        else:
            text = self.tr("epoch {epoch:,} of {total:,} (shown; the run is at {run:,})")
        parts = [text.format(epoch=epoch, total=total, run=run.epoch)]
        if session.state is RunState.RUNNING and session.rate:
            left = (total - run.epoch) / session.rate
            parts.append(
                self.tr("{rate:,.0f} epochs/s — {left} left").format(
                    rate=session.rate, left=duration(left)
                )
            )
        elif session.state is RunState.PAUSED:
            parts.append(self.tr("paused"))
        elif session.state is RunState.FINISHED and run.message:
            # The bar holds one line: how the run ended, up to its explanation (in full in
            # the tooltip, the status bar and the log).
            parts.append(re.split("[:：]", run.message, maxsplit=1)[0].rstrip("."))
        self.progress.setFormat(" — ".join(parts))
        finished = session.state is RunState.FINISHED and run.message
        self.progress.setToolTip(run.message if finished else self._tip)

    @Slot()
    def _show_gap(self):
        session = self._session
        if session is None or session.data is None:
            self.optimum_label.setText("")
            return
        optimum, run = session.optimum, session.run
        if optimum is None:
            self.optimum_label.setText(self.tr("Finding the optimum of the training objective…"))
            self.optimum_label.setToolTip("")
            return
        self.optimum_label.setToolTip(optimum.details)
        text = optimum.message
        shown = session.shown()
        if optimum.exists and shown is not None and session.optimum_is_of(run.settings):
            epoch = shown[0]
            at = run.curves.at(epoch)
            if at is not None:
                value = at["objective"][0]
                text += " " + self.tr(
                    "Gradient descent is at {value:.6g} (epoch {epoch:,}): {gap:.3g} above it."
                ).format(value=value, epoch=epoch, gap=value - optimum.objective)
        self.optimum_label.setText(text)
