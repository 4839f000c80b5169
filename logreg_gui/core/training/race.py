"""Several optimizers trained side by side, from the same initial weights on the same data, in
step with each other: a race.

A :class:`Race` drives one :class:`~logreg_gui.core.training.run.TrainingRun` per optimizer and
keeps them at the same epoch (the slowest per epoch sets the pace), so that their curves grow
together. It offers the methods a training loop uses (``advance``, ``flush``, ``stop``,
``finished``, ``learning_rate``, ``epochs``), so the window's worker drives a race as it
drives one run; its batches are :class:`RaceBatch` es, one record batch per runner.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from ..i18n import Joined, Phrase
from .records import RecordBatch, StopReason
from .run import CALL_SECONDS

__all__ = ["Race", "RaceBatch"]


@dataclass(frozen=True, eq=False)
class RaceBatch:
    """The records of every runner since the last batch (None for a runner with none)."""

    batches: tuple

    def __len__(self) -> int:
        return sum(len(b) for b in self.batches if b is not None)

    @property
    def warning(self):
        return next((b.warning for b in self.batches if b is not None and b.warning), None)

    @classmethod
    def concatenate(cls, races) -> RaceBatch | None:
        """One batch of consecutive race batches (None for none)."""
        races = [r for r in races if r is not None]
        if not races:
            return None
        return cls(
            tuple(
                RecordBatch.concatenate([r.batches[i] for r in races])
                for i in range(len(races[0].batches))
            )
        )


class Race:
    """Runs ``runs`` (TrainingRuns, same data, same initial weights) in step.

    ``names`` say which optimizer each runner is (for its message).
    """

    def __init__(self, runs, names):
        self.runs = list(runs)
        self.names = list(names)

    # What a training loop reads and sets ----------------------------------------------
    @property
    def finished(self) -> bool:
        return all(run.finished for run in self.runs)

    @property
    def epoch(self) -> int:
        """The epoch of the runner furthest behind (still running)."""
        going = [run.epoch for run in self.runs if not run.finished]
        return min(going) if going else max(run.epoch for run in self.runs)

    @property
    def learning_rate(self) -> float:
        return self.runs[0].learning_rate

    @learning_rate.setter
    def learning_rate(self, value):
        for run in self.runs:
            run.learning_rate = value

    @property
    def epochs(self) -> int:
        return self.runs[0].epochs

    @epochs.setter
    def epochs(self, value):
        for run in self.runs:
            run.epochs = value

    @property
    def stop_reason(self):
        if not self.finished:
            return None
        reasons = {run.stop_reason for run in self.runs}
        return StopReason.STOPPED if StopReason.STOPPED in reasons else StopReason.COMPLETED

    @property
    def message(self) -> str:
        """How each runner ended, one after the other, in the language in use."""
        return str(self.kept_message)

    @property
    def kept_message(self) -> Joined:
        """How each runner ended, as data (said in the language of the moment)."""
        return Joined(
            "; ",
            *(
                Phrase.translate("race", "{name} {message}").format(
                    name=name, message=run.kept_message
                )
                if run.kept_message
                else Phrase.translate("race", "{name} is running").format(name=name)
                for name, run in zip(self.names, self.runs)
            ),
        )

    # Training ----------------------------------------------------------------------------
    def advance(self, max_epochs=None, max_seconds=None) -> RaceBatch | None:
        """Advance every runner to the same epoch: at most ``max_epochs`` epochs, about
        ``max_seconds`` seconds (one kernel call's worth with neither)."""
        going = [run for run in self.runs if not run.finished]
        if not going:
            return None
        target = min(run.epoch for run in going)
        began = time.perf_counter()
        budget = CALL_SECONDS if max_seconds is None else max_seconds
        out = [None] * len(self.runs)
        # The runner furthest behind goes first, for its share of the time; the others then
        # catch up with it (never beyond), so the epochs stay in step.
        leader = min(going, key=lambda run: run.epoch)
        i = self.runs.index(leader)
        share = max(budget / len(going), 1e-3)
        out[i] = leader.advance(max_epochs=max_epochs, max_seconds=share)
        target = max(target, leader.epoch)
        for j, run in enumerate(self.runs):
            if run is leader or run.finished:
                continue
            behind = target - run.epoch
            if behind > 0:
                out[j] = run.advance(max_epochs=behind)
            if max_seconds is not None and time.perf_counter() - began > 4 * budget:
                break
        return RaceBatch(tuple(out))

    def flush(self) -> RaceBatch:
        """The record of every runner's current weights not produced yet."""
        return RaceBatch(tuple(run.flush() for run in self.runs))

    def stop(self) -> RaceBatch:
        """End every runner; their weights stay."""
        return RaceBatch(tuple(run.stop() for run in self.runs))
