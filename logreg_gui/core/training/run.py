"""The one training loop: gradient descent advanced epoch by epoch, many epochs per call.

The headless trainer, the estimator and the window's worker all drive a
:class:`TrainingRun`. It owns the weights and the optimizer's state and runs the compiled
kernel of :mod:`logreg_gui.core.training.kernels`, which releases the GIL. :meth:`TrainingRun.advance`
trains for a number of epochs or seconds and returns their records as one
:class:`RecordBatch`; :meth:`~TrainingRun.step` and iteration give one
:class:`EpochRecord` at a time, for the blog's log and notebooks.

A run never carries NaN on: an epoch that makes the loss or the weights non-finite, or makes
the loss grow by orders of magnitude, is undone and ends the run with a reason in plain
words. A loss that rises over a window of epochs without exploding, or that swings up and
down every epoch without settling (full-batch runs), is reported as a warning
(:attr:`TrainingRun.warning`) and the run goes on; a run still swinging when it ends says so
in its message. Where they can, the messages suggest a rate at which plain gradient descent
settles on these data (:func:`~logreg_gui.core.model.curvature.suggested_rate`).
"""

from __future__ import annotations

import math
import os
import time

import numpy as np

from ..i18n import Joined, Phrase
from . import kernels as K
from .oscillation import Oscillation
from .records import EpochRecord, RecordBatch, StopReason
from .rising import RisingLoss

__all__ = ["TrainingRun"]

#: The loss growing beyond this multiple of its start (or of log(n_classes), whichever is
#: larger) is divergence, not a rough patch.
DIVERGENCE_FACTOR = 1000.0
#: Seconds one kernel call aims to last: stop, pause and a new learning rate wait at most
#: about this long.
CALL_SECONDS = 0.02
#: Largest buffer of per-epoch weights one call fills.
MAX_WEIGHTS_BYTES = 32 * 2**20
#: Largest buffer of mini-batch permutations generated at once (int32 entries).
MAX_ORDER_ENTRIES = 2**20
#: Up to this many training rows, each batch of records carries the shuffled order of its
#: last epoch (which samples formed which mini-batch, for the step inspector).
MAX_ORDER_ROWS = 200_000
#: Largest ``n·(d + 1)²`` for which a message suggests a rate from the data's curvature
#: (building ``AᵀA`` once, when a message first needs it: at most a fraction of a second);
#: larger data are told to try a tenth of their rate.
MAX_SUGGESTION_WORK = 10_000_000_000
#: Solvers whose rate the curvature bound judges (Adam's steps are not the gradient's).
SUGGESTION_SOLVERS = ("gd", "momentum", "nesterov")


_STATUS_REASON = {
    K.STATUS["completed"]: StopReason.COMPLETED,
    K.STATUS["converged"]: StopReason.CONVERGED,
    K.STATUS["diverged"]: StopReason.DIVERGED,
}


def available_cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def threads_of(n_jobs) -> int:
    """The threads ``n_jobs`` asks for, with scikit-learn's meaning (None: 1; −1: every
    available core, −2 all but one…), at least 1 and at most numba's thread count."""
    import numba

    cores = min(available_cores(), numba.config.NUMBA_NUM_THREADS)
    if n_jobs is None:
        return 1
    n_jobs = int(n_jobs)
    if n_jobs == 0:
        raise ValueError("n_jobs == 0 has no meaning: use None, a positive number or -1.")
    return max(1, min(n_jobs if n_jobs > 0 else cores + 1 + n_jobs, cores))


class TrainingRun:
    """Gradient descent on ``mean cross-entropy + (l2/2)·||W||² + l1·||W||₁`` from given
    initial weights (the L1 part by a proximal step, soft-thresholding, after each update);
    with class weights, on the weighted mean cross-entropy ``(1/n)·Σ s_i·ℓ_i``.

    Parameters
    ----------
    X : ndarray of shape (n_samples, n_features), float32 or float64, finite
    y : ndarray of shape (n_samples,) of class indices ``0 .. n_classes - 1``
    coef, intercept : initial weights, shapes (k, d) and (k,); ``k == 1`` for two classes
    learning_rate, epochs, batch_size, tol, n_iter_no_change, solver : as in
        :class:`~logreg_gui.core.estimator.LogisticRegressionGD`
    l2, l1 : strengths of the smooth and the L1 part of the penalty
        (:class:`~logreg_gui.core.model.penalty.Penalty` gives them of a penalty as set)
    momentum, beta1, beta2, epsilon : constants of the momentum, Nesterov and Adam solvers
    rng : numpy Generator shuffling the mini-batches (one ``rng.permutation(n)`` per epoch)
    X_test, y_test : optional held-out data scored after every epoch (never trained on)
    keep_weights : whether each batch carries every epoch's weights (``RecordBatch.weights``)
    on_batch : called with every batch produced (the estimator follows the run this way)
    start_epoch : the number of the initial state (a run continued from the weights of an
        earlier run's epoch); it runs on until ``epochs``. The optimizer's own state
        (momentum, Adam's moments) starts afresh.
    class_weights : ndarray of shape (n_classes,) or None
        The weight of each class (by class index, > 0;
        :func:`~logreg_gui.core.model.class_weight.class_weights_of` gives them of a
        ``class_weight`` as set): each sample weighs its class's weight in the objective and
        its gradient, ``(1/n)·Σ s_i·ℓ_i``; a mini-batch's gradient is
        ``Σ_batch s_i·∇ℓ_i / batch_size``. The records' train and test losses stay the
        plain mean cross-entropy; their objective is the weighted one. None: no weights.
    n_jobs : int or None, default None
        Threads of a full-batch epoch of two classes (its training pass and its test rows),
        with scikit-learn's meaning: None or 1 one thread, −1 every core this process may
        use, −2 all but one, and so on. A pass takes no more threads than its rows make
        worth starting (:func:`~logreg_gui.core.training.kernels.threads_for`; smaller
        data: one thread). The blocks' sums are added in the one-thread order: the weights are the same to the last bit
        whatever the number. Mini-batches and three or more classes use one thread.

    Notes
    -----
    ``learning_rate`` and ``epochs`` may be changed between calls; they take effect from the
    next epoch. Records lag the weights by one epoch: :meth:`advance` returns the records
    computed so far, and the record of the last epoch it ran comes with the next call or at
    once with :meth:`flush` (``step`` and iteration flush for you). ``epoch``, ``coef`` and
    ``intercept`` always describe the last record.
    """

    def __init__(
        self,
        X,
        y,
        coef,
        intercept,
        *,
        learning_rate,
        epochs,
        batch_size=None,
        l2=0.0,
        l1=0.0,
        tol=None,
        n_iter_no_change=10,
        solver="gd",
        momentum=0.9,
        beta1=0.9,
        beta2=0.999,
        epsilon=1e-8,
        rng=None,
        X_test=None,
        y_test=None,
        keep_weights=False,
        on_batch=None,
        start_epoch=0,
        class_weights=None,
        n_jobs=None,
    ):
        self.X = np.ascontiguousarray(X)
        if self.X.dtype not in (np.float32, np.float64):
            self.X = self.X.astype(np.float64)
        self.y = np.ascontiguousarray(y, dtype=np.int64)
        n, d = self.X.shape
        if X_test is not None and len(X_test):
            self.X_test = np.ascontiguousarray(X_test, dtype=self.X.dtype)
            self.y_test = np.ascontiguousarray(y_test, dtype=np.int64)
        else:
            self.X_test = np.empty((0, d), self.X.dtype)
            self.y_test = np.empty(0, np.int64)
        coef = np.asarray(coef, dtype=np.float64)
        k = coef.shape[0]
        self.n_classes = 2 if k == 1 else k
        self.class_weights = None
        self._cw = np.empty(0)
        if class_weights is not None:
            cw = np.array(class_weights, dtype=np.float64).reshape(-1)
            if cw.shape != (self.n_classes,) or not np.all(np.isfinite(cw) & (cw > 0)):
                raise ValueError(
                    f"class_weights must be {self.n_classes} finite numbers > 0; got {cw!r}."
                )
            self.class_weights = cw
            self._cw = cw
        self._P = np.empty((k, d + 1))
        self._P[:, :d] = coef
        self._P[:, d] = np.asarray(intercept, dtype=np.float64).reshape(k)
        self._V = np.zeros_like(self._P)
        self._M = np.zeros_like(self._P)
        self._S = np.zeros_like(self._P)
        self._saved = np.stack([self._P, self._V, self._M, self._S])
        self.learning_rate = float(learning_rate)
        self.epochs = int(epochs)
        self.batch_size = None if batch_size is None else int(batch_size)
        self.l2 = float(l2)
        self.l1 = float(l1)
        self.tol = None if tol is None else float(tol)
        self.n_iter_no_change = int(n_iter_no_change)
        if solver not in (*K.SOLVERS, "newton"):
            raise ValueError(
                f"unknown solver {solver!r}: use one of {', '.join(K.SOLVERS)} or newton."
            )
        if solver == "newton":
            from .newton import newton_problem

            refused = newton_problem(d, self.n_classes, self.l1)
            if refused:
                raise ValueError(refused)
        self.solver = solver
        self.rng = rng if rng is not None else np.random.default_rng()
        self.keep_weights = bool(keep_weights)
        self._on_batch = on_batch
        self._fconfig = np.zeros(K.N_FCONFIG)
        self._fconfig[K.F_MOMENTUM] = momentum
        self._fconfig[K.F_BETA1] = beta1
        self._fconfig[K.F_BETA2] = beta2
        self._fconfig[K.F_EPS] = epsilon
        self._fconfig[K.F_DIVERGENCE] = DIVERGENCE_FACTOR
        self._iconfig = np.zeros(K.N_ICONFIG, np.int64)
        self.n_jobs = n_jobs
        self._iconfig[K.I_THREADS] = threads_of(n_jobs)
        self._fstate = np.array([math.inf, math.nan])
        self._istate = np.zeros(K.N_ISTATE, np.int64)
        self._orders = np.empty((0, n), np.int32)
        self._newton = None  # Newton's method's state, made on its first step
        self.start_epoch = int(start_epoch)
        self._istate[K.I_EPOCH] = self.start_epoch
        self._recorded = -1  # epoch of the last record produced
        self._last_objective = math.nan
        self._first_objective = math.nan
        self._seconds_per_row = 2e-9 * (d + 1) * k  # a first guess, then measured
        self._calls = 0
        self._rising = RisingLoss(start=self.start_epoch)
        self._swings = Oscillation(start=self.start_epoch)
        self._suggestion = None  # the suggested rate, computed when a message first needs it
        self._last_batch: RecordBatch | None = None
        self._rate_used = None
        self._rate_changes = []
        self.stop_reason: str | None = None
        #: Why the run ended and a warning it raised, kept as data (``core.i18n.Phrase``) to
        #: be said in the language of the moment they are shown ("" and None until then);
        #: :attr:`message` and :attr:`warning` say them now.
        self.kept_message: Phrase | Joined | str = ""
        self.kept_warning: Phrase | None = None

    # ------------------------------------------------------------------------- state
    @property
    def message(self) -> str:
        """Why the run ended, in the language in use ("" while it goes on)."""
        return str(self.kept_message)

    @property
    def warning(self) -> str | None:
        """The warning the run raised (a rising or swinging loss), in the language in use."""
        return None if self.kept_warning is None else str(self.kept_warning)

    @property
    def finished(self) -> bool:
        """True once the run has ended (see ``stop_reason`` and ``message``)."""
        return self.stop_reason is not None

    @property
    def epoch(self) -> int:
        """The epoch of the last record (0 before any, the initial state)."""
        return self._recorded if self._recorded >= 0 else self.start_epoch

    @property
    def mid_epoch(self) -> bool:
        """True while the last call stopped between two mini-batches of an epoch (the next
        call, or :meth:`flush`, rewinds to the epoch's start)."""
        return bool(self._istate[K.I_CURSOR])

    @property
    def best_objective(self) -> float:
        """The lowest objective recorded so far (followed when ``tol`` is set; inf before)."""
        return float(self._fstate[K.S_BEST])

    def _last_parameters(self):
        known = self._istate[K.I_KNOWN] and self._istate[K.I_CURSOR] == 0
        return self._P if known else self._saved[0]

    @property
    def coef(self) -> np.ndarray:
        """Weights (k, d) of the last record (a copy)."""
        return self._last_parameters()[:, :-1].copy()

    @property
    def intercept(self) -> np.ndarray:
        """Intercepts (k,) of the last record (a copy)."""
        return self._last_parameters()[:, -1].copy()

    # ----------------------------------------------------------------------- driving
    def advance(self, max_epochs=None, max_seconds=None) -> RecordBatch | None:
        """Train for at most ``max_epochs`` epochs and ``max_seconds`` seconds; returns the
        records computed, or None.

        With neither limit it makes one kernel call of about ``CALL_SECONDS``. It stops early
        when the run ends (all epochs, early stopping, divergence). The record of the last
        epoch run arrives with the next call or :meth:`flush`.
        """
        return self._advance(max_epochs, max_seconds, self.keep_weights)

    def flush(self) -> RecordBatch | None:
        """The record of the current weights, if not produced yet (also rewinds a mini-batch
        epoch interrupted half-way, which the next call then runs again from its start)."""
        known = self._istate[K.I_KNOWN] and self._istate[K.I_CURSOR] == 0
        if self.finished or (known and self._recorded >= 0):
            return None
        batch, _ = self._call(0, CALL_SECONDS, self.keep_weights)
        return self._deliver([batch])

    def record(self) -> EpochRecord | None:
        """The record of the current state (computed now if need be); None only for a run
        that diverged before its first record (the loss was infinite from the start)."""
        self.flush()
        return None if self._last_batch is None else self._last_batch.record()

    def step(self) -> EpochRecord | None:
        """Run one epoch and return its record, or None if the run has ended."""
        if self.finished:
            return None
        before = self._recorded
        self.advance(max_epochs=1)
        self.flush()
        if self._recorded <= before:
            return None
        return self._last_batch.record()

    def __iter__(self):
        """Yield the record of every remaining epoch until the run ends or is stopped (the
        initial state, epoch 0, is :meth:`record`)."""
        while not self.finished:
            batch = self._advance(None, 0.1, keep=True)
            if batch is None:
                continue
            for i in range(len(batch)):
                if batch.epochs[i] > 0:
                    yield batch.record(i)

    def stop(self) -> RecordBatch | None:
        """End the run at the caller's request; returns the record of the final weights if it
        was not produced yet. The weights stay as they are."""
        batch = None
        if not self.finished:
            batch = self.flush()
            message = Phrase.translate("training", "stopped after {epochs:,} epochs.")
            self._finish(StopReason.STOPPED, message.format(epochs=self.epoch))
        return batch

    # ----------------------------------------------------------------------- internals
    def _advance(self, max_epochs, max_seconds, keep):
        if self.finished:
            return None
        began = time.perf_counter()
        budget = math.inf if max_epochs is None else int(max_epochs)
        batches = []
        while budget > 0 and not self.finished:
            seconds = CALL_SECONDS
            if max_seconds is not None:
                left = max_seconds - (time.perf_counter() - began)
                if left <= 0 and batches:
                    break
                seconds = min(seconds, max(left, 0.0))
            batch, ran = self._call(budget, seconds, keep)
            batches.append(batch)
            budget -= ran
            if max_epochs is None and max_seconds is None:
                break
        return self._deliver(batches)

    def _plan(self, max_updates, seconds, keep):
        """How much one kernel call may do: updates, rows of mini-batch updates, records."""
        n = self.X.shape[0]
        n_test = self.X_test.shape[0]
        full = self.batch_size is None or self.batch_size >= n
        # Rows visited per epoch: scoring train and test, plus the updates of mini-batches.
        visits = n + n_test + (0 if full else n)
        per_epoch = max(self._seconds_per_row * visits, 1e-7)
        updates = int(max(1, min(max_updates, seconds / per_epoch, 2**40)))
        if full:
            rows = 2**62
        else:
            rows = int(max(self.batch_size, seconds / self._seconds_per_row - (n + n_test)))
        k, d1 = self._P.shape
        records = updates + 1
        if keep:
            records = min(records, max(2, MAX_WEIGHTS_BYTES // (8 * k * d1)))
        return updates, rows, records, full

    def _ensure_orders(self, epochs_needed):
        """Mini-batch permutations for the epochs the next call may run, drawn in sequence
        from the run's generator (the same stream as one ``rng.permutation(n)`` per epoch)."""
        n = self.X.shape[0]
        start = self._istate[K.I_ORDER]
        available = self._orders.shape[0] - start
        if available >= epochs_needed:
            return
        # The last order used stays (its epoch's record may not have been delivered yet).
        used = min(start, 1)
        keep = self._orders[start - used :]
        count = int(max(1, min(epochs_needed - available, MAX_ORDER_ENTRIES // max(n, 1))))
        fresh = np.tile(np.arange(n, dtype=np.int32), (count, 1))
        self.rng.permuted(fresh, axis=1, out=fresh)
        self._orders = np.concatenate([keep, fresh]) if len(keep) else fresh
        self._istate[K.I_ORDER] = used

    def _call(self, max_updates, seconds, keep):
        if self.solver == "newton":
            return self._newton_call(max_updates, seconds, keep)
        updates, rows, records, full = self._plan(max_updates, seconds, keep)
        if max_updates <= 0:
            updates, records = 0, 1
        if not full and updates > 0:
            self._ensure_orders(updates)
            updates = min(updates, self._orders.shape[0] - self._istate[K.I_ORDER])
        k, d1 = self._P.shape
        fc, ic = self._fconfig, self._iconfig
        fc[K.F_LR] = self.learning_rate
        fc[K.F_L2] = self.l2
        fc[K.F_L1] = self.l1
        fc[K.F_TOL] = 0.0 if self.tol is None else self.tol
        ic[K.I_SOLVER] = K.SOLVERS[self.solver]
        ic[K.I_BATCH] = 0 if full else self.batch_size
        ic[K.I_EPOCHS] = self.epochs
        ic[K.I_NO_CHANGE] = self.n_iter_no_change
        ic[K.I_MAX_UPDATES] = updates
        ic[K.I_MAX_ROWS] = rows
        ic[K.I_MAX_RECORDS] = records
        ic[K.I_SAVE_WEIGHTS] = int(keep)
        ic[K.I_USE_TOL] = int(self.tol is not None)
        out_epochs = np.empty(records, np.int64)
        out_metrics = np.empty((records, K.N_METRICS))
        out_P = np.empty((records if keep else 0, k, d1))
        epoch_before = int(self._istate[K.I_EPOCH])
        if updates > 0 and self.learning_rate != self._rate_used:
            # Steps leaving this epoch on use the new rate (a mid-epoch call is the same epoch).
            self._rate_changes.append((epoch_before, self.learning_rate))
            self._rate_used = self.learning_rate
        began = time.perf_counter()
        count = K.run_epochs(
            self.X,
            self.y,
            self.X_test,
            self.y_test,
            self._P,
            self._V,
            self._M,
            self._S,
            self._saved,
            self._orders,
            fc,
            ic,
            self._fstate,
            self._istate,
            out_epochs,
            out_metrics,
            out_P,
            self._cw,
        )
        elapsed = time.perf_counter() - began
        ran = int(self._istate[K.I_EPOCH]) - epoch_before
        self._measure(elapsed, count, max(ran, 0), full)
        batch = None
        if count:
            weights = out_P[:count] if keep else None
            batch = self._batch(out_epochs[:count], out_metrics[:count], weights)
        status = int(self._istate[K.I_STATUS])
        if status in _STATUS_REASON:
            self._end(_STATUS_REASON[status])
        return batch, max(ran, 0)

    def _newton_call(self, max_updates, seconds, keep):
        """Newton's method, one step per epoch, in numpy (the kernel does first-order
        methods): each step's record is made at once, so nothing lags."""
        from ..model.objective import cross_entropy, decision_scores, penalty, predicted_indices
        from .newton import NewtonStepper, at_optimum

        if self._newton is None:
            self._newton = NewtonStepper(
                self.X, self.y, self._P, self.l2, self.n_classes, self._sample_weights()
            )
        stepper = self._newton

        def metrics():
            row = np.full(K.N_METRICS, np.nan)
            row[K.M_OBJECTIVE] = stepper.objective
            if self.class_weights is None:
                row[K.M_TRAIN_LOSS] = stepper.objective - penalty(self._P[:, :-1], self.l2)
            else:  # the plain mean cross-entropy, beside the weighted objective
                row[K.M_TRAIN_LOSS] = cross_entropy(stepper.scores, self.y)
            row[K.M_TRAIN_CORRECT] = np.sum(predicted_indices(stepper.scores) == self.y)
            if len(self.y_test):
                test = decision_scores(self.X_test, self._P[:, :-1], self._P[:, -1])
                row[K.M_TEST_LOSS] = cross_entropy(test, self.y_test)
                row[K.M_TEST_CORRECT] = np.sum(predicted_indices(test) == self.y_test)
            return row

        epochs, rows, weights = [], [], []

        def record():
            epochs.append(int(self._istate[K.I_EPOCH]))
            rows.append(metrics())
            if keep:
                weights.append(self._P.copy())

        if not self._istate[K.I_KNOWN]:
            record()
            self._istate[K.I_KNOWN] = 1
        began, ran = time.perf_counter(), 0
        while ran < max_updates and int(self._istate[K.I_EPOCH]) < self.epochs:
            if ran and time.perf_counter() - began > seconds:
                break
            details = stepper.step()
            self._P[:] = stepper.P
            self._istate[K.I_EPOCH] += 1
            ran += 1
            record()
            if at_optimum(details):
                self._istate[K.I_STATUS] = K.STATUS["converged"]
                break
        if int(self._istate[K.I_EPOCH]) >= self.epochs and not self._istate[K.I_STATUS]:
            self._istate[K.I_STATUS] = K.STATUS["completed"]
        batch = None
        if epochs:
            out_P = np.array(weights) if keep else None
            batch = self._batch(np.array(epochs, np.int64), np.array(rows), out_P)
        status = int(self._istate[K.I_STATUS])
        if status in _STATUS_REASON:
            self._end(_STATUS_REASON[status])
        return batch, ran

    def _sample_weights(self):
        """Each training sample's weight, its class's (None without class weights)."""
        return None if self.class_weights is None else self.class_weights[self.y]

    def _measure(self, elapsed, records, ran, full):
        self._calls += 1
        if self._calls == 1:
            return  # the first call also loads (or compiles) the kernel: not the pace
        n = self.X.shape[0]
        visits = records * (n + self.X_test.shape[0]) + (0 if full else ran * n)
        if visits > 0 and elapsed > 0:
            # Follow the machine's pace, smoothed: other work may slow one call down, and
            # the next call measures again.
            self._seconds_per_row = 0.5 * self._seconds_per_row + 0.5 * elapsed / visits

    def _batch(self, epochs, metrics, weights):
        n, n_test = self.X.shape[0], self.X_test.shape[0]
        test_loss = metrics[:, K.M_TEST_LOSS].copy()
        test_accuracy = (
            metrics[:, K.M_TEST_CORRECT] / n_test if n_test else np.full_like(test_loss, np.nan)
        )
        last = self._last_parameters()
        objective = metrics[:, K.M_OBJECTIVE].copy()
        if self._recorded < 0:
            self._first_objective = float(objective[0])
        self._recorded = int(epochs[-1])
        self._last_objective = float(objective[-1])
        warning = warned_at = None
        rising = self._rising.update(epochs, objective)
        swing = None
        if self._watches_swings():
            swing = self._swings.update(epochs, objective)
        if self.kept_warning is None:
            # One warning a run: whichever was recognised at the earlier epoch.
            if swing is not None and (rising is None or swing.seen <= rising[1]):
                warning = self.kept_warning = self._swing_message(swing)
                warned_at = int(swing.seen)
            elif rising is not None:
                warning = self.kept_warning = self._rising_message(*rising)
                warned_at = int(rising[1])
        return RecordBatch(
            epochs=epochs.copy(),
            train_loss=metrics[:, K.M_TRAIN_LOSS].copy(),
            train_accuracy=metrics[:, K.M_TRAIN_CORRECT] / n,
            objective=objective,
            test_loss=test_loss,
            test_accuracy=test_accuracy,
            coef=last[:, :-1].copy(),
            intercept=last[:, -1].copy(),
            weights=None if weights is None else weights.copy(),
            learning_rate=self.learning_rate,
            rate_changes=self._take_rate_changes(),
            warning=warning,
            warning_epoch=warned_at,
            order=self._order_of(int(epochs[-1])),
        )

    def _order_of(self, epoch):
        """The shuffled order mini-batch ``epoch`` used, if still at hand (None for full
        batch, for the initial state and above ``MAX_ORDER_ROWS`` rows)."""
        full = self.batch_size is None or self.batch_size >= self.X.shape[0]
        # Rows of ``_orders`` are used one per epoch; ``I_ORDER`` is the next one.
        row = int(self._istate[K.I_ORDER]) - 1 - (int(self._istate[K.I_EPOCH]) - epoch)
        if full or epoch <= self.start_epoch or self.X.shape[0] > MAX_ORDER_ROWS:
            return None
        return self._orders[row].copy() if 0 <= row < len(self._orders) else None

    def _take_rate_changes(self):
        changes, self._rate_changes = tuple(self._rate_changes), []
        return changes

    def _deliver(self, batches):
        batch = RecordBatch.concatenate(batches)
        if batch is not None:
            self._last_batch = batch
            if self._on_batch is not None:
                self._on_batch(batch)
        return batch

    def _watches_swings(self):
        """Swings are looked for in full-batch runs of a first-order method: the noise of
        mini-batches goes up and down too, and Newton's steps never raise the loss."""
        full = self.batch_size is None or self.batch_size >= self.X.shape[0]
        return full and self.solver != "newton"

    def _smaller_rate(self):
        """The rate a too-large-rate message suggests: the data's
        :func:`~logreg_gui.core.model.curvature.suggested_rate` for a full-batch run of
        gradient descent or momentum, when below the rate in use; a tenth of it otherwise."""
        lr = self.learning_rate
        if self._suggestion is None:
            n, d = self.X.shape
            self._suggestion = math.nan
            full = self.batch_size is None or self.batch_size >= n
            if (
                full
                and self.solver in SUGGESTION_SOLVERS
                and n * (d + 1) ** 2 <= MAX_SUGGESTION_WORK
            ):
                from ..model.curvature import suggested_rate

                suggestion = suggested_rate(self.X, self.n_classes, self.l2, self._sample_weights())
                self._suggestion = math.nan if suggestion is None else suggestion
        return self._suggestion if self._suggestion < lr else lr / 10

    def _swing_message(self, swing):
        low, high = _distinct(swing.low, swing.high)
        return Phrase.translate(
            "training",
            "the loss swings between {low} and {high} every epoch (since epoch {first:,}): "
            "the learning rate {rate:g} is too large to settle; try {smaller:g}.",
        ).format(
            low=low,
            high=high,
            first=swing.first,
            rate=self.learning_rate,
            smaller=self._smaller_rate(),
        )

    def _rising_message(self, first, last, mean, best, best_epoch):
        return Phrase.translate(
            "training",
            "the loss is rising: over epochs {first:,}–{last:,} it averaged {mean:.4g}, well "
            "above its best of {best:.4g} (epoch {best_epoch:,}). The steps overshoot: the "
            "learning rate {rate:g} is likely too large; try {smaller:g}.",
        ).format(
            first=first,
            last=last,
            mean=mean,
            best=best,
            best_epoch=best_epoch,
            rate=self.learning_rate,
            smaller=self._smaller_rate(),
        )

    def _end(self, reason):
        lr = self.learning_rate
        swinging = self._swings.swinging if self._watches_swings() else None
        if reason == StopReason.COMPLETED and swinging is not None:
            low, high = _distinct(swinging.low, swinging.high)
            message = Phrase.translate(
                "training",
                "completed all {epochs:,} epochs, oscillating: the loss still swings between "
                "{low} and {high} every epoch; the learning rate {rate:g} is too large to "
                "settle. Try {smaller:g}.",
            ).format(epochs=self.epochs, low=low, high=high, rate=lr, smaller=self._smaller_rate())
        elif reason == StopReason.COMPLETED:
            message = Phrase.translate("training", "completed all {epochs:,} epochs.").format(
                epochs=self.epochs
            )
        elif reason == StopReason.CONVERGED and self.solver == "newton":
            message = Phrase.translate(
                "training",
                "converged after {steps:,} Newton steps: the objective no longer decreases "
                "beyond rounding; it is at its optimum, {objective:.10g}.",
            ).format(steps=self.epoch, objective=self._last_objective)
        elif reason == StopReason.CONVERGED:
            message = Phrase.translate(
                "training",
                "converged after {epochs:,} epochs: the last {window} epochs did not improve "
                "the loss by at least tol = {tol:g} over its best, {best:.6g}.",
            ).format(
                epochs=self.epoch,
                window=self.n_iter_no_change + 1,
                tol=self.tol,
                best=self._fstate[K.S_BEST],
            )
            if swinging is not None:
                low, high = _distinct(swinging.low, swinging.high)
                message = Joined(
                    " ",
                    message,
                    Phrase.translate(
                        "training",
                        "Yet it was oscillating, not settled: the loss swings between {low} and "
                        "{high} every epoch; the learning rate {rate:g} is too large to settle. Try "
                        "{smaller:g}.",
                    ).format(low=low, high=high, rate=lr, smaller=self._smaller_rate()),
                )
        elif self._recorded < 0:
            message = Phrase.translate(
                "training",
                "diverged at once: the loss is infinite at the initial weights, because the "
                "features are too large. Standardise the features.",
            )
        else:
            message = Phrase.translate(
                "training",
                "diverged at epoch {epoch:,}: with learning rate {rate:g} the loss exploded "
                "(from {start:.4g} at the start to more than {factor:g} times that, or to "
                "infinity). The weights of epoch {kept:,} are kept. Use a smaller learning "
                "rate, e.g. {smaller:g}.",
            ).format(
                epoch=self.epoch + 1,
                rate=lr,
                start=self._first_objective,
                factor=DIVERGENCE_FACTOR,
                kept=self.epoch,
                smaller=self._smaller_rate(),
            )
        self._finish(reason, message)

    def _finish(self, reason, message):
        self.stop_reason = reason
        self.kept_message = message


def _distinct(low, high):
    """``low`` and ``high`` written with four significant digits (0.2360, not 0.236), or as
    many more as it takes for them to differ."""

    def written(value, digits):
        text = f"{value:#.{digits}g}"
        return text[:-1] if text.endswith(".") else text

    for digits in range(4, 18):
        a, b = written(low, digits), written(high, digits)
        if a != b:
            break
    return a, b
