"""Compiled epoch kernels: gradient descent on logistic regression, many epochs per call.

One pass over the training rows, in cache-sized blocks, computes the scores, the mean
cross-entropy, the accuracy and the gradient together; the update follows, and the test rows
are scored in the same call. The maths is that of :mod:`logreg_gui.core.model.objective` (the
readable reference, which the tests compare these kernels with); only the order of
summation differs.

Two classes over all the rows (every full-batch epoch, the test rows) take one block of
``BLOCK_ROWS`` rows at a time: its scores in one loop, exp(−|z|) in a flat loop, the losses
and residuals in another (both vectorise: no call, no branch), then its gradient — with up
to ``VECTOR_GRADIENT_UP_TO`` features written in LLVM's vector types (an intrinsic), eight
columns at a time with the accumulators in registers, as numba's loop over a row's few
columns would stay scalar.

Class weights. ``cw`` holds a weight per class index (empty: none). Each sample's
cross-entropy and residual are multiplied by its class's weight, so the objective is
``(1/n)·Σ s_i·ℓ_i + penalty`` and the gradient its gradient; a mini-batch's gradient is
``Σ_batch s_i·∇ℓ_i / batch_size`` (divided by the rows of the batch, not by their weights:
over the shuffled batches of an epoch its expectation is the full-batch gradient, as the
weighted sample updates of scikit-learn's SGD). The weighted rows have their own code: the
unweighted pass is the same as without weights. The loss recorded beside the objective, and
the test loss, stay the plain (unweighted) mean cross-entropy.

Compiled with numba: ``nogil=True`` releases the GIL for a whole call, so the window draws
on one core while training runs on the other; ``cache=True`` keeps the machine code between
runs. Of fastmath, only ``reassoc`` and ``contract`` are on: sums may be vectorised and
fused, but NaN and infinity keep their IEEE meaning, which divergence detection relies on.
``error_model="numpy"`` makes a division by zero give inf/NaN as numpy does (and lets the
loops vectorise) instead of raising.

Layout. The parameters are one array ``P`` of shape ``(k, d + 1)``: ``P[:, :d]`` the
weights, ``P[:, d]`` the intercepts, ``k == 1`` for two classes (sigmoid) and ``k ==
n_classes`` for more (softmax). They are float64 whatever the data's dtype; with float32
data, the dot product of one row is float32, the gradient (a float64 residual times the
float32 features) and every sum over rows float64.

Records lag the weights by one epoch. A call computes the metrics of the current weights in
the same pass as their gradient, emits them as a record, then updates; it ends after an
update, so the record of the last weights is computed by the next call (no second pass per
epoch), or by a call with ``max_updates == 0`` when the caller needs it now (pause, stop).
"""

from __future__ import annotations

import math

import numpy as np
from llvmlite import ir
from llvmlite.binding import llvm_version_info
from numba import njit, prange, types
from numba.core import cgutils
from numba.extending import intrinsic

__all__ = [
    "BLOCK_ROWS",
    "SOLVERS",
    "STATUS",
    "exp_nonpositive",
    "log1p_unit",
    "objective_and_gradient",
    "run_epochs",
    "threads_for",
]

#: Rows per block of the fused pass: a block of 512 rows × 50 float64 features (200 kB)
#: stays in the L2 cache between computing its scores and its gradient.
BLOCK_ROWS = 512
#: Up to this many features, the scores of a block are computed four rows at a time.
FOUR_ROWS_UP_TO = 16

#: Optimizer codes understood by :func:`run_epochs`.
SOLVERS = {"gd": 0, "momentum": 1, "nesterov": 2, "adam": 3}

#: Status codes returned in ``istate[I_STATUS]``.
STATUS = {"running": 0, "completed": 1, "converged": 2, "diverged": 3}

# Indices into the float configuration ``fconfig``: ``F_L2`` the strength of the smooth
# penalty (l2/2)·||W||², ``F_L1`` that of l1·||W||₁ (the proximal step).
F_LR, F_L2, F_MOMENTUM, F_BETA1, F_BETA2, F_EPS, F_TOL, F_DIVERGENCE, F_L1 = range(9)
N_FCONFIG = 9
# Indices into the integer configuration ``iconfig``.
(
    I_SOLVER,
    I_BATCH,
    I_EPOCHS,
    I_NO_CHANGE,
    I_MAX_UPDATES,
    I_MAX_ROWS,
    I_MAX_RECORDS,
    I_SAVE_WEIGHTS,
    I_USE_TOL,
    I_THREADS,
) = range(10)
N_ICONFIG = 10
# Indices into the float state ``fstate``.
S_BEST, S_LIMIT = range(2)
N_FSTATE = 2
# Indices into the integer state ``istate``.
I_EPOCH, I_KNOWN, I_NO_IMPROVE, I_ADAM_T, I_CURSOR, I_ORDER, I_STATUS, I_ADAM_T_SAVED = range(8)
N_ISTATE = 8
# Columns of the per-record metrics.
M_TRAIN_LOSS, M_TRAIN_CORRECT, M_OBJECTIVE, M_TEST_LOSS, M_TEST_CORRECT = range(5)
N_METRICS = 5

JIT = dict(nogil=True, cache=True, fastmath={"reassoc", "contract"}, error_model="numpy")
INLINE = dict(inline="always", fastmath={"reassoc", "contract"}, error_model="numpy")
# The proximal step without fastmath (said explicitly: a callee inherits its caller's flags
# otherwise): a fused multiply-add would leave Nesterov's look-ahead
# of a weight that stays 0, x + μ·v − μ·v, at 1e-19 instead of exactly 0.
JIT_EXACT = dict(nogil=True, cache=True, fastmath=False, error_model="numpy")


@intrinsic
def _bits_as_float(typingctx, bits):
    """The float64 whose bit pattern is the int64 ``bits`` (a register move, vectorisable)."""
    if bits != types.int64:
        return None

    def codegen(context, builder, signature, args):
        return builder.bitcast(args[0], ir.DoubleType())

    return types.float64(types.int64), codegen


#: √2 − 1: above it, log(1 + x) is taken as log 2 + log((1 + x) / 2).
SQRT2_M1 = 0.41421356237309503
LN2 = 0.6931471805599453


@njit(**INLINE)
def _log1p_reduced(x):
    """(numerator, denominator, shift) with log(1 + x) = shift + 2·atanh(numerator /
    denominator) and |numerator / denominator| <= 3 − 2√2 ≈ 0.172, for 0 <= x <= 1:
    x / (2 + x) below √2 − 1, (x − 1) / (3 + x) (the same for (1 + x) / 2) and ln 2 above."""
    big = x > SQRT2_M1
    numerator = x - 1.0 if big else x
    denominator = x + 3.0 if big else x + 2.0
    return numerator, denominator, LN2 if big else 0.0


@njit(**INLINE)
def _atanh2(t):
    """2·atanh(t) for |t| <= 0.172, as its series to t¹⁹ (the next term is below 1e-17 of
    the sum). The series in t² is evaluated by Estrin's scheme, in pairs of terms: its
    steps depend on each other in four rounds instead of nine, so that the vectorised loop
    is not held up by one long chain of multiply-adds."""
    t2 = t * t
    t4 = t2 * t2
    t8 = t4 * t4
    a0 = 1.0 / 3.0 + t2 * (1.0 / 5.0)
    a1 = 1.0 / 7.0 + t2 * (1.0 / 9.0)
    a2 = 1.0 / 11.0 + t2 * (1.0 / 13.0)
    a3 = 1.0 / 15.0 + t2 * (1.0 / 17.0)
    p = (a0 + t4 * a1) + t8 * ((a2 + t4 * a3) + t8 * (1.0 / 19.0))
    return 2.0 * t + 2.0 * t * t2 * p


@njit(**INLINE)
def log1p_unit(x):
    """log(1 + x) for 0 <= x <= 1, vectorisable (libm's log1p is a call that is not).

    ``shift + 2·atanh(t)`` of :func:`_log1p_reduced`, |t| <= 0.172, as a series; relative
    error below 5e-16 and exact in the limit x -> 0, where log1p matters.
    """
    numerator, denominator, shift = _log1p_reduced(x)
    return shift + _atanh2(numerator / denominator)


@njit(**INLINE)
def exp_nonpositive(x):
    """exp(x) for x <= 0, vectorisable: no call, no branch, no conversion to a 64-bit
    integer (which AVX2 lacks).

    Cody–Waite reduction x = k·ln2 + r, |r| <= ln2/2, a degree-13 Taylor polynomial of
    exp(r) and 2^k made from its exponent bits; relative error below 3e-16. The terms from
    r⁴ on are summed by Estrin's scheme (pairs of terms, then pairs of pairs: three
    dependent rounds instead of Horner's ten, so that the vectorised loop is not held up by
    one long chain of multiply-adds), the first four as Horner would, the 1 added last,
    which keeps Horner's accuracy. Below -708 (where exp underflows towards subnormals) it
    returns exp(-708), whose contribution to any loss is below 1e-307.
    """
    x = max(x, -708.0)
    k = np.floor(x * 1.4426950408889634 + 0.5)
    r = x - k * 0.6931471805598903
    r = r - k * 5.497923018708371e-14
    r2 = r * r
    r4 = r2 * r2
    a0 = 1.0 / 24.0 + r * (1.0 / 120.0)
    a1 = 1.0 / 720.0 + r * (1.0 / 5040.0)
    a2 = 1.0 / 40320.0 + r * (1.0 / 362880.0)
    a3 = 1.0 / 3628800.0 + r * (1.0 / 39916800.0)
    a4 = 1.0 / 479001600.0 + r * (1.0 / 6227020800.0)
    high = (a0 + r2 * a1) + r4 * ((a2 + r2 * a3) + r4 * a4)  # Σ r^j / (j + 4)!
    p = 1.0 + (r + r2 * (0.5 + r * (1.0 / 6.0) + r2 * high))
    # -1022 <= k <= 0 fits 32 bits, whose conversion vectorises.
    return p * _bits_as_float((np.int64(np.int32(k)) + 1023) << 52)


@njit(**INLINE)
def _exps(z, m, e):
    """e[r] = exp(−|z[r]|) for r < m: a loop of its own, which vectorises better than one
    with the logarithm beside (fewer registers live)."""
    for r in range(m):
        e[r] = exp_nonpositive(-abs(z[r]))


@njit(**INLINE)
def _binary_loss(s, yr, e):
    """The cross-entropy log(1 + e^s) − y·s of a score ``s`` with label ``yr`` (0.0 or
    1.0), given e = exp(−|s|), without overflow."""
    numerator, denominator, shift = _log1p_reduced(e)
    return shift + _atanh2(numerator / denominator) + (0.0 if s < 0.0 else s) - s * yr


@njit(**JIT)
def _binary_block(z, y, i0, m, e, residuals):
    """Loss and accuracy of scores ``z[:m]`` against labels ``y[i0 : i0 + m]`` (0/1), in
    flat loops that vectorise (``e`` receives exp(−|z|)); with ``residuals``, leaves
    σ(z) − y in ``z``. Returns (sum of cross-entropies, number right)."""
    _exps(z, m, e)
    loss = 0.0
    right = 0
    if residuals:
        for r in range(m):
            s = z[r]
            positive = y[i0 + r] > 0
            yr = 1.0 if positive else 0.0
            loss += _binary_loss(s, yr, e[r])
            right += (s > 0.0) == positive
            z[r] = (e[r] if s < 0.0 else 1.0) / (1.0 + e[r]) - yr  # σ(s) − y
    else:
        for r in range(m):
            s = z[r]
            positive = y[i0 + r] > 0
            loss += _binary_loss(s, 1.0 if positive else 0.0, e[r])
            right += (s > 0.0) == positive
    return loss, right


@njit(**JIT)
def _binary_block_weighted(z, y, i0, m, e, cw):
    """:func:`_binary_block` with class weights ``cw`` (two): returns (sum of
    cross-entropies, their weighted sum, number right) and leaves the weighted residual
    w·(σ(z) − y) in ``z``."""
    _exps(z, m, e)
    loss = 0.0
    weighted = 0.0
    right = 0
    w0 = cw[0]
    w1 = cw[1]
    for r in range(m):
        s = z[r]
        positive = y[i0 + r] > 0
        yr = 1.0 if positive else 0.0
        w = w1 if positive else w0
        term = _binary_loss(s, yr, e[r])
        loss += term
        weighted += w * term
        right += (s > 0.0) == positive
        z[r] = w * ((e[r] if s < 0.0 else 1.0) / (1.0 + e[r]) - yr)
    return loss, weighted, right


@njit(**INLINE)
def _scores(X, i0, m, w, b, z):
    """z[r] = X[i0 + r] · w + b for r < m; with few features four rows at a time (each
    weight loaded once for the four), with many row by row (a row's products then
    vectorise, and the data arrive from memory as one stream)."""
    d = X.shape[1]
    r = 0
    while r + 4 <= m and d <= FOUR_ROWS_UP_TO:
        i = i0 + r
        s0 = X[i, 0] * w[0]
        s1 = X[i + 1, 0] * w[0]
        s2 = X[i + 2, 0] * w[0]
        s3 = X[i + 3, 0] * w[0]
        for j in range(1, d):
            wj = w[j]
            s0 += X[i, j] * wj
            s1 += X[i + 1, j] * wj
            s2 += X[i + 2, j] * wj
            s3 += X[i + 3, j] * wj
        z[r] = s0 + b
        z[r + 1] = s1 + b
        z[r + 2] = s2 + b
        z[r + 3] = s3 + b
        r += 4
    while r < m:
        i = i0 + r
        s = X[i, 0] * w[0]
        for j in range(1, d):
            s += X[i, j] * w[j]
        z[r] = s + b
        r += 1


#: Lanes of the vectors of :func:`_gradient_by_vectors` (LLVM splits them to the machine's
#: width: two AVX2 registers of float64, one AVX-512 register).
LANES = 8
#: Up to this many features, a block's gradient is taken by :func:`_gradient_by_vectors`.
VECTOR_GRADIENT_UP_TO = 24
#: Up to this many features, a block's scores are taken by :func:`_scores_by_vectors` (with
#: float64 data, from ``LANES`` on: fewer gain nothing over the scalar loop).
VECTOR_SCORES_UP_TO = 24


def _masked_load_name(lanes, element):
    """The name of LLVM's masked load intrinsic for ``lanes`` × ``element`` ("f64"/"f32"):
    its pointer is opaque from LLVM 15 on, typed before."""
    if llvm_version_info[0] >= 15:
        return f"llvm.masked.load.v{lanes}{element}.p0"
    return f"llvm.masked.load.v{lanes}{element}.p0v{lanes}{element}"


def _broadcast(builder, value, vector_type):
    """``value`` in every lane of a ``vector_type``."""
    i32 = ir.IntType(32)
    lanes = ir.Constant(ir.VectorType(i32, vector_type.count), [0] * vector_type.count)
    v = builder.insert_element(ir.Constant(vector_type, ir.Undefined), value, ir.Constant(i32, 0))
    return builder.shuffle_vector(v, ir.Constant(vector_type, ir.Undefined), lanes)


def _row_loader(context, builder, xa, x_dtype):
    """``load(row, j0, mask=None)``: X[row, j0 : j0 + LANES] as a vector of X's type (``xa``,
    C-ordered); with ``mask``, only its lanes, by a masked load (nothing is read past the
    row's end)."""
    i32 = ir.IntType(32)
    single = x_dtype == types.float32
    size = 4 if single else 8
    vx = ir.VectorType(context.get_value_type(x_dtype), LANES)
    pointer = ir.PointerType(ir.IntType(8)) if llvm_version_info[0] >= 15 else vx.as_pointer()
    masked_load = cgutils.get_or_insert_function(
        builder.module,
        ir.FunctionType(vx, [pointer, i32, ir.VectorType(ir.IntType(1), LANES), vx]),
        _masked_load_name(LANES, "f32" if single else "f64"),
    )
    d = builder.extract_value(xa.shape, 1)

    def load(row, j0, mask=None):
        address = cgutils.gep(builder, xa.data, builder.add(builder.mul(row, d), j0))
        if mask is None:
            return builder.load(builder.bitcast(address, vx.as_pointer()), align=size)
        zero = ir.Constant(vx, [0.0] * LANES)
        return builder.call(
            masked_load, [builder.bitcast(address, pointer), ir.Constant(i32, size), mask, zero]
        )

    return load


@intrinsic
def _gradient_by_vectors(typingctx, X, i0, m, res, Gb):
    """Gb[j] = Σ_{r<m} res[r]·X[i0 + r, j] for every column j, written in LLVM's vector
    types (numba's loops leave a row's few columns scalar): eight columns at a time, four
    rows' accumulators kept in registers over the block, the last columns by a masked load
    (nothing read past a row's end). ``Gb`` must have room for d rounded up to 8."""
    if not (
        isinstance(X, types.Array)
        and X.ndim == 2
        and X.layout == "C"
        and X.dtype in (types.float64, types.float32)
        and isinstance(res, types.Array)
        and res.dtype == types.float64
        and isinstance(Gb, types.Array)
        and Gb.dtype == types.float64
    ):
        return None

    def codegen(context, builder, signature, args):
        x_type, _, _, res_type, g_type = signature.args
        xa = context.make_array(x_type)(context, builder, args[0])
        ra = context.make_array(res_type)(context, builder, args[3])
        ga = context.make_array(g_type)(context, builder, args[4])
        i0, m = args[1], args[2]
        i64 = ir.IntType(64)
        single = x_type.dtype == types.float32
        vd = ir.VectorType(ir.DoubleType(), LANES)
        vi = ir.VectorType(i64, LANES)
        zero = ir.Constant(vd, [0.0] * LANES)
        fma = cgutils.get_or_insert_function(
            builder.module, ir.FunctionType(vd, [vd] * 3), f"llvm.fma.v{LANES}f64"
        )
        load_x = _row_loader(context, builder, xa, x_type.dtype)
        d = builder.extract_value(xa.shape, 1)
        m4 = builder.and_(m, ir.Constant(i64, -4))
        accumulators = [cgutils.alloca_once(builder, vd) for _ in range(4)]

        def columns(j0, mask):
            """Gb[j0 : j0 + 8] (the lanes of ``mask`` only, when given)."""

            def load(row):
                v = load_x(row, j0, mask)
                return builder.fpext(v, vd) if single else v

            def add_row(r, accumulator):
                v = load(builder.add(i0, r))
                weight = _broadcast(builder, builder.load(cgutils.gep(builder, ra.data, r)), vd)
                total = builder.call(fma, [weight, v, builder.load(accumulator)])
                builder.store(total, accumulator)

            for accumulator in accumulators:
                builder.store(zero, accumulator)
            four = ir.Constant(i64, 4)
            with cgutils.for_range_slice(builder, ir.Constant(i64, 0), m4, four) as (r, _):
                for u in range(4):
                    add_row(builder.add(r, ir.Constant(i64, u)), accumulators[u])
            with cgutils.for_range_slice(builder, m4, m, ir.Constant(i64, 1)) as (r, _):
                add_row(r, accumulators[0])
            a, b, c, e = (builder.load(x) for x in accumulators)
            total = builder.fadd(builder.fadd(a, b), builder.fadd(c, e))
            target = cgutils.gep(builder, ga.data, j0)
            builder.store(total, builder.bitcast(target, vd.as_pointer()), align=8)

        lanes = ir.Constant(i64, LANES)
        full = builder.sdiv(d, lanes)
        with cgutils.for_range(builder, full) as loop:
            columns(builder.mul(loop.index, lanes), None)
        j_last = builder.mul(full, lanes)
        left = builder.sub(d, j_last)
        with builder.if_then(builder.icmp_signed(">", left, ir.Constant(i64, 0))):
            lane = ir.Constant(vi, list(range(LANES)))
            columns(j_last, builder.icmp_signed("<", lane, _broadcast(builder, left, vi)))
        return context.get_dummy_value()

    return types.none(X, types.int64, types.int64, res, Gb), codegen


@intrinsic
def _scores_by_vectors(typingctx, X, i0, m, w, b, z):
    """z[r] = X[i0 + r] · w + b for r < m, in LLVM's vector types: four rows at a time, each
    row's products eight columns a vector (the last columns by a masked load), summed
    across the vector at the end; in the data's type, as :func:`_scores`. ``w`` (of the
    data's type) must have room for d rounded up to 8, the room beyond d holding zeros."""
    if not (
        isinstance(X, types.Array)
        and X.ndim == 2
        and X.layout == "C"
        and X.dtype in (types.float64, types.float32)
        and isinstance(w, types.Array)
        and w.dtype == X.dtype
        and isinstance(z, types.Array)
        and z.dtype == types.float64
    ):
        return None

    def codegen(context, builder, signature, args):
        x_type, _, _, w_type, _, z_type = signature.args
        xa = context.make_array(x_type)(context, builder, args[0])
        wa = context.make_array(w_type)(context, builder, args[3])
        za = context.make_array(z_type)(context, builder, args[5])
        i0, m, b = args[1], args[2], args[4]
        i32, i64 = ir.IntType(32), ir.IntType(64)
        single = x_type.dtype == types.float32
        size = 4 if single else 8
        element = context.get_value_type(x_type.dtype)
        vx = ir.VectorType(element, LANES)
        vi = ir.VectorType(i64, LANES)
        zero = ir.Constant(vx, [0.0] * LANES)
        kind = "f32" if single else "f64"
        fma = cgutils.get_or_insert_function(
            builder.module, ir.FunctionType(vx, [vx] * 3), f"llvm.fma.v{LANES}{kind}"
        )
        reduce_add = cgutils.get_or_insert_function(
            builder.module,
            ir.FunctionType(element, [element, vx]),
            f"llvm.vector.reduce.fadd.v{LANES}{kind}",
        )
        row_x = _row_loader(context, builder, xa, x_type.dtype)
        d = builder.extract_value(xa.shape, 1)
        lanes = ir.Constant(i64, LANES)
        full = builder.sdiv(d, lanes)
        j_last = builder.mul(full, lanes)
        left = builder.sub(d, j_last)
        has_left = builder.icmp_signed(">", left, ir.Constant(i64, 0))
        v_left = _broadcast(builder, left, vi)
        mask = builder.icmp_signed("<", ir.Constant(vi, list(range(LANES))), v_left)
        m4 = builder.and_(m, ir.Constant(i64, -4))
        accumulators = [cgutils.alloca_once(builder, vx) for _ in range(4)]

        def load_w(j0):
            address = cgutils.gep(builder, wa.data, j0)
            return builder.load(builder.bitcast(address, vx.as_pointer()), align=size)

        def load_x(row, j0, masked):
            return row_x(row, j0, mask if masked else None)

        def rows(r, count):
            """Scores of rows r … r + count − 1 of the block."""
            for u in range(count):
                builder.store(zero, accumulators[u])
            row = [builder.add(i0, builder.add(r, ir.Constant(i64, u))) for u in range(count)]
            with cgutils.for_range(builder, full) as loop:
                j0 = builder.mul(loop.index, lanes)
                wv = load_w(j0)
                for u in range(count):
                    total = builder.call(
                        fma, [load_x(row[u], j0, False), wv, builder.load(accumulators[u])]
                    )
                    builder.store(total, accumulators[u])
            with builder.if_then(has_left):
                wv = load_w(j_last)
                for u in range(count):
                    total = builder.call(
                        fma, [load_x(row[u], j_last, True), wv, builder.load(accumulators[u])]
                    )
                    builder.store(total, accumulators[u])
            if count == 4:
                # The four sums at once: three rounds of pairing lanes, 12 operations.
                a0, a1, a2, a3 = (builder.load(x) for x in accumulators)

                def pair(x, y, low, high):
                    return builder.fadd(
                        builder.shuffle_vector(x, y, ir.Constant(ir.VectorType(i32, 8), low)),
                        builder.shuffle_vector(x, y, ir.Constant(ir.VectorType(i32, 8), high)),
                    )

                halves = ([0, 1, 2, 3, 8, 9, 10, 11], [4, 5, 6, 7, 12, 13, 14, 15])
                quarters = ([0, 1, 4, 5, 8, 9, 12, 13], [2, 3, 6, 7, 10, 11, 14, 15])
                a01 = pair(a0, a1, *halves)  # row 0 in lanes 0–3, row 1 in 4–7
                a23 = pair(a2, a3, *halves)
                q = pair(a01, a23, *quarters)  # rows 0, 1, 2, 3 in lanes 0–1, 2–3, 4–5, 6–7
                sums = builder.fadd(
                    builder.shuffle_vector(q, q, ir.Constant(ir.VectorType(i32, 4), [0, 2, 4, 6])),
                    builder.shuffle_vector(q, q, ir.Constant(ir.VectorType(i32, 4), [1, 3, 5, 7])),
                )
                d4 = ir.VectorType(ir.DoubleType(), 4)
                if single:
                    sums = builder.fpext(sums, d4)
                bv = _broadcast(builder, b, d4)
                target = cgutils.gep(builder, za.data, r)
                builder.store(
                    builder.fadd(sums, bv), builder.bitcast(target, d4.as_pointer()), align=8
                )
            else:
                s = builder.call(
                    reduce_add,
                    [ir.Constant(element, 0.0), builder.load(accumulators[0])],
                    fastmath=("reassoc",),
                )
                if single:
                    s = builder.fpext(s, ir.DoubleType())
                builder.store(builder.fadd(s, b), cgutils.gep(builder, za.data, r))

        with cgutils.for_range_slice(builder, ir.Constant(i64, 0), m4, ir.Constant(i64, 4)) as (
            r,
            _,
        ):
            rows(r, 4)
        with cgutils.for_range_slice(builder, m4, m, ir.Constant(i64, 1)) as (r, _):
            rows(r, 1)
        return context.get_dummy_value()

    return types.none(X, types.int64, types.int64, w, types.float64, z), codegen


@njit(**INLINE)
def _add_gradient(X, i0, m, res, Gb):
    """Gb[j] = Σ_r res[r] · X[i0 + r, j] over r < m, four rows at a time so that the
    accumulator is loaded and stored once per four rows; returns Σ_r res[r]."""
    d = X.shape[1]
    for j in range(d):
        Gb[j] = 0.0
    bias = 0.0
    r = 0
    while r + 4 <= m:
        i = i0 + r
        ra, rb, rc, rd = res[r], res[r + 1], res[r + 2], res[r + 3]
        bias += (ra + rb) + (rc + rd)
        for j in range(d):
            Gb[j] += ra * X[i, j] + rb * X[i + 1, j] + rc * X[i + 2, j] + rd * X[i + 3, j]
        r += 4
    while r < m:
        i = i0 + r
        bias += res[r]
        for j in range(d):
            Gb[j] += res[r] * X[i, j]
        r += 1
    return bias


@njit(**JIT)
def _binary_block_pass(X, y, i0, m, w, b, z, e, Gb, cw, with_gradient):
    """The rows ``i0 : i0 + m`` of a two-class pass at weights ``w`` (in the data's dtype)
    and intercept ``b``: the block's scores in one loop, its losses and residuals in flat
    loops (vectorised), then its gradient into ``Gb``. Returns (sum of cross-entropies,
    their weighted sum, number right, the gradient's intercept part)."""
    d = X.shape[1]
    if d <= VECTOR_SCORES_UP_TO and (d >= LANES or X.itemsize == 4):
        _scores_by_vectors(X, i0, m, w, b, z)
    else:
        _scores(X, i0, m, w, b, z)
    if cw.shape[0] > 0:
        loss, weighted, right = _binary_block_weighted(z, y, i0, m, e, cw)
    else:
        loss, right = _binary_block(z, y, i0, m, e, with_gradient)
        weighted = loss
    bias = 0.0
    if with_gradient:
        if d <= VECTOR_GRADIENT_UP_TO:
            _gradient_by_vectors(X, i0, m, z, Gb)
            for r in range(m):
                bias += z[r]
        else:
            bias = _add_gradient(X, i0, m, z, Gb)
    return loss, weighted, right, bias


@njit(**JIT)
def _weights_in(wc, P, d):
    """The weights of ``P`` (two classes) into ``wc[0]``, in the data's dtype, its padding 0."""
    for j in range(d):
        wc[0, j] = P[0, j]
    for j in range(d, wc.shape[1]):
        wc[0, j] = 0.0


@njit(**JIT)
def _binary_full_pass(X, y, P, G, Z, W, Gb, wc, cw):
    """:func:`_pass` for two classes over all the rows, block by block
    (:func:`_binary_block_pass`), the blocks' sums added in their order."""
    n, d = X.shape
    with_gradient = G.shape[0] > 0
    _weights_in(wc, P, d)
    if with_gradient:
        for j in range(d + 1):
            G[0, j] = 0.0
    loss = 0.0
    weighted_loss = 0.0
    right = 0
    B = Z.shape[1]
    for i0 in range(0, n, B):
        m = min(i0 + B, n) - i0
        block_loss, block_weighted, block_right, bias = _binary_block_pass(
            X, y, i0, m, wc[0], P[0, d], Z[0], W[1], Gb, cw, with_gradient
        )
        loss += block_loss
        weighted_loss += block_weighted
        right += block_right
        if with_gradient:
            for j in range(d):
                G[0, j] += Gb[j]
            G[0, d] += bias
    return loss, weighted_loss, right


@njit(**JIT)
def _full_pass(X, y, P, G, Z, W, Gb, wc, cw, threads):
    """The pass over all the rows of two classes on at most ``threads`` threads:
    :func:`_binary_full_pass_threads` on :func:`threads_for` threads when that is more than
    one, else :func:`_binary_full_pass` (the same result)."""
    threads = threads_for(X.shape[0], X.shape[1], threads)
    if threads > 1:
        return _binary_full_pass_threads(X, y, P, G, cw, threads)
    return _binary_full_pass(X, y, P, G, Z, W, Gb, wc, cw)


#: A threaded pass gives each thread at least this many blocks of rows,
MIN_BLOCKS_PER_THREAD = 4
#: and at least this much work, counted as rows × (features + ROW_WORK): fewer, and starting
#: the other threads costs more than it saves. Measured on 2 cores (bench_engine.py's data,
#: 70 % of the rows in the pass), two threads' epoch ÷ one thread's: 1e4×10 1.47, 2e4×10
#: 1.33, 4e4×10 0.94, 8e4×10 0.75; 1e4×50 0.92, 2e4×50 0.77.
MIN_WORK_PER_THREAD = 200_000
#: A row's own work (its exponential, logarithm and residual) in features' worth: one
#: thread's epoch at 1e4×10 and 1e4×50 is ~(2.8 + 0.26·d) ns a row.
ROW_WORK = 11


@njit(**JIT)
def threads_for(rows, d, threads):
    """How many of ``threads`` threads a full pass over ``rows`` rows of ``d`` features takes:
    each at least ``MIN_BLOCKS_PER_THREAD`` blocks and ``MIN_WORK_PER_THREAD`` work, and one
    at least."""
    blocks = (rows + BLOCK_ROWS - 1) // BLOCK_ROWS
    by_work = rows * (d + ROW_WORK) // MIN_WORK_PER_THREAD
    return max(1, min(threads, blocks // MIN_BLOCKS_PER_THREAD, by_work))


@njit(parallel=True, **JIT)
def _binary_full_pass_threads(X, y, P, G, cw, threads):
    """:func:`_binary_full_pass` on ``threads`` threads, each over a run of whole blocks.
    Each block's sums are kept and added afterwards in the blocks' order, exactly as the
    one-thread pass adds them: the weights come out the same to the last bit, however
    many threads."""
    n, d = X.shape
    B = BLOCK_ROWS
    blocks = (n + B - 1) // B
    with_gradient = G.shape[0] > 0
    sums = np.empty((blocks, d + 4))  # per block: the gradient, its intercept, the losses
    right = np.empty(blocks, np.int64)
    # Each thread's work arrays, made here: numba hoists an allocation out of a prange loop,
    # which would give every thread the same array.
    Z = np.empty((threads, B))
    e = np.empty((threads, B))
    Gb = np.empty((threads, d + LANES))
    wc = np.empty((threads, 1, d + LANES), X.dtype)
    for t in prange(threads):
        _weights_in(wc[t], P, d)
        for block in range(t * blocks // threads, (t + 1) * blocks // threads):
            i0 = block * B
            m = min(i0 + B, n) - i0
            block_loss, block_weighted, block_right, bias = _binary_block_pass(
                X, y, i0, m, wc[t, 0], P[0, d], Z[t], e[t], Gb[t], cw, with_gradient
            )
            for j in range(d):
                sums[block, j] = Gb[t, j]
            sums[block, d] = bias
            sums[block, d + 1] = block_loss
            sums[block, d + 2] = block_weighted
            right[block] = block_right
    return _add_blocks(sums, right, G, d, with_gradient)


@njit(**JIT_EXACT)
def _add_blocks(sums, right, G, d, with_gradient):
    """The blocks' sums added in their order (no reassociation: as the one-thread pass)."""
    if with_gradient:
        for j in range(d + 1):
            G[0, j] = 0.0
    loss = 0.0
    weighted_loss = 0.0
    total_right = 0
    for block in range(sums.shape[0]):
        loss += sums[block, d + 1]
        weighted_loss += sums[block, d + 2]
        total_right += right[block]
        if with_gradient:
            for j in range(d):
                G[0, j] += sums[block, j]
            G[0, d] += sums[block, d]
    return loss, weighted_loss, total_right


@njit(**JIT)
def _pass(X, y, P, rows, G, Z, W, Gb, wc, cw):
    """One pass over ``X[rows]`` (all rows when ``rows`` is empty) at parameters ``P``.

    Returns (sum of cross-entropies, their sum weighted by the class weights ``cw``, number
    right); without weights (``cw`` empty) the weighted sum is the sum. When ``G`` has rows
    (an empty ``G`` asks for no gradient), it receives the sum over the rows of the gradient
    of the (weighted) cross-entropy (not yet divided by the number of rows, without the L2
    term).

    Work arrays: ``Z`` (k, B) the scores, then residuals, of a block of B rows, class by
    class so that each class's column is contiguous; ``W`` (2, B) for two classes, the
    labels of a block of chosen rows and exp(−|z|); ``Gb`` (d + LANES,) a block's gradient;
    ``wc`` (k, d) the weights in the data's dtype. Two classes over all the rows go to
    :func:`_binary_full_pass`.
    """
    n_all, d = X.shape
    k = P.shape[0]
    with_gradient = G.shape[0] > 0
    indexed = rows.shape[0] > 0
    weighted = cw.shape[0] > 0
    n = rows.shape[0] if indexed else n_all
    if k == 1 and not indexed:
        return _binary_full_pass(X, y, P, G, Z, W, Gb, wc, cw)
    for c in range(k):
        for j in range(d):
            wc[c, j] = P[c, j]
    if with_gradient:
        for c in range(k):
            for j in range(d + 1):
                G[c, j] = 0.0
    loss = 0.0
    weighted_loss = 0.0
    right = 0
    B = Z.shape[1]
    for i0 in range(0, n, B):
        i1 = min(i0 + B, n)
        m = i1 - i0
        # Scores of the block.
        for r in range(m):
            i = rows[i0 + r] if indexed else i0 + r
            for c in range(k):
                s = X[i, 0] * wc[c, 0]
                for j in range(1, d):
                    s += X[i, j] * wc[c, j]
                Z[c, r] = s + P[c, d]
        # Loss, accuracy and residuals.
        if k == 1 and weighted:
            labels = W[0]
            for r in range(m):
                labels[r] = y[rows[i0 + r] if indexed else i0 + r]
            block_loss, block_weighted, block_right = _binary_block_weighted(
                Z[0], labels, 0, m, W[1], cw
            )
            loss += block_loss
            weighted_loss += block_weighted
            right += block_right
        elif k == 1:
            labels = W[0]
            for r in range(m):
                labels[r] = y[rows[i0 + r] if indexed else i0 + r]
            block_loss, block_right = _binary_block(Z[0], labels, 0, m, W[1], with_gradient)
            loss += block_loss
            right += block_right
        else:
            for r in range(m):
                yr = y[rows[i0 + r] if indexed else i0 + r]
                # -log softmax(z)_y = log Σ exp(z_c − top) − (z_y − top)
                top = Z[0, r]
                best = 0
                for c in range(1, k):
                    if Z[c, r] > top:  # ties go to the lower index, as np.argmax
                        top = Z[c, r]
                        best = c
                zy = Z[yr, r] - top
                total = 0.0
                for c in range(k):
                    v = math.exp(Z[c, r] - top)
                    Z[c, r] = v
                    total += v
                term = math.log(total) - zy
                loss += term
                right += best == yr
                inv = 1.0 / total
                if weighted:
                    sr = cw[yr]
                    weighted_loss += sr * term
                    inv *= sr
                    for c in range(k):
                        Z[c, r] *= inv
                    Z[yr, r] -= sr
                else:
                    for c in range(k):
                        Z[c, r] *= inv
                    Z[yr, r] -= 1.0
        if not with_gradient:
            continue
        # Gradient of the block: Σ_r residual_r · x_r, four rows at a time so that the
        # accumulator is loaded and stored once per four rows.
        for c in range(k):
            res = Z[c]
            for j in range(d):
                Gb[j] = 0.0
            bias = 0.0
            r = 0
            while r + 4 <= m:
                i_a = rows[i0 + r] if indexed else i0 + r
                i_b = rows[i0 + r + 1] if indexed else i0 + r + 1
                i_c = rows[i0 + r + 2] if indexed else i0 + r + 2
                i_d = rows[i0 + r + 3] if indexed else i0 + r + 3
                ra, rb, rc, rd = res[r], res[r + 1], res[r + 2], res[r + 3]
                bias += (ra + rb) + (rc + rd)
                for j in range(d):
                    Gb[j] += ra * X[i_a, j] + rb * X[i_b, j] + rc * X[i_c, j] + rd * X[i_d, j]
                r += 4
            while r < m:
                i = rows[i0 + r] if indexed else i0 + r
                bias += res[r]
                for j in range(d):
                    Gb[j] += res[r] * X[i, j]
                r += 1
            for j in range(d):
                G[c, j] += Gb[j]
            G[c, d] += bias
    return loss, (weighted_loss if weighted else loss), right


@njit(**JIT)
def _penalty(P, l2, l1):
    """(l2 / 2)·||W||² + l1·||W||₁, the intercepts not penalised."""
    if l2 == 0.0 and l1 == 0.0:
        return 0.0
    k, d1 = P.shape
    squares = 0.0
    sizes = 0.0
    for c in range(k):
        for j in range(d1 - 1):
            squares += P[c, j] * P[c, j]
            sizes += abs(P[c, j])
    return 0.5 * l2 * squares + l1 * sizes


@njit(inline="always", fastmath=False, error_model="numpy")
def _shrink(v, t):
    """Soft-thresholding, the proximal step of t·|v|: v moved t towards 0, exactly 0 where
    it would cross it."""
    if v > t:
        return v - t
    if v < -t:
        return v + t
    return 0.0


@njit(**JIT)
def _all_finite(P):
    k, d1 = P.shape
    for c in range(k):
        for j in range(d1):
            if not math.isfinite(P[c, j]):
                return False
    return True


@njit(**JIT)
def _update(P, G, V, M, S, fconfig, istate, solver):
    """One step of the optimizer with gradient ``G`` (L2 term included)."""
    lr = fconfig[F_LR]
    k, d1 = P.shape
    if solver == 0:  # gradient descent, as in the blog: θ ← θ − η·∇J
        for c in range(k):
            for j in range(d1):
                P[c, j] -= lr * G[c, j]
    elif solver == 1 or solver == 2:  # momentum / Nesterov (scikit-learn's SGD form)
        mu = fconfig[F_MOMENTUM]
        for c in range(k):
            for j in range(d1):
                V[c, j] = mu * V[c, j] - lr * G[c, j]
                if solver == 1:
                    P[c, j] += V[c, j]
                else:
                    P[c, j] += mu * V[c, j] - lr * G[c, j]
    else:  # Adam (scikit-learn's form, with bias correction in the step size)
        b1 = fconfig[F_BETA1]
        b2 = fconfig[F_BETA2]
        eps = fconfig[F_EPS]
        istate[I_ADAM_T] += 1
        t = istate[I_ADAM_T]
        step = lr * math.sqrt(1.0 - b2**t) / (1.0 - b1**t)
        for c in range(k):
            for j in range(d1):
                g = G[c, j]
                M[c, j] = b1 * M[c, j] + (1.0 - b1) * g
                S[c, j] = b2 * S[c, j] + (1.0 - b2) * g * g
                P[c, j] -= step * M[c, j] / (math.sqrt(S[c, j]) + eps)


@njit(**JIT_EXACT)
def _proximal_update(P, G, V, M, S, fconfig, istate, solver):
    """One step of the optimizer with gradient ``G`` of the smooth part, followed by the
    proximal step of ``l1·||W||₁`` (``fconfig[F_L1] > 0``) on the weights, never the
    intercepts: soft-thresholding by η·l1 — for momentum and Nesterov in their proximal
    forms, for Adam by each weight's own step size. Apart from :func:`_update`, whose code
    (and so its speed and its rounding) stays that of the runs without L1."""
    lr = fconfig[F_LR]
    l1 = fconfig[F_L1]
    th = lr * l1
    k, d1 = P.shape
    d = d1 - 1
    if solver == 0:  # proximal gradient (ISTA): θ ← prox(θ − η·∇J)
        for c in range(k):
            for j in range(d1):
                P[c, j] -= lr * G[c, j]
            for j in range(d):
                P[c, j] = _shrink(P[c, j], th)
    elif solver == 1:
        # Proximal heavy ball (iPiano): θ ← prox(θ − η·∇J + μ·v), v ← the step made; without
        # the prox, scikit-learn's form of :func:`_update`.
        mu = fconfig[F_MOMENTUM]
        for c in range(k):
            for j in range(d1):
                old = P[c, j]
                z = old + mu * V[c, j] - lr * G[c, j]
                if j < d:
                    z = _shrink(z, th)
                V[c, j] = z - old
                P[c, j] = z
    elif solver == 2:
        # Proximal Nesterov (FISTA with a constant μ): P holds the look-ahead point
        # y = x + μ·v; x ← prox(y − η·∇J(y)), v ← x − x_before, y ← x + μ·v. A weight that
        # stays 0 has v = 0, so y is exactly 0 there too.
        mu = fconfig[F_MOMENTUM]
        for c in range(k):
            for j in range(d1):
                before = P[c, j] - mu * V[c, j]
                x = P[c, j] - lr * G[c, j]
                if j < d:
                    x = _shrink(x, th)
                V[c, j] = x - before
                P[c, j] = x + mu * V[c, j]
    else:  # Adam's step, then the prox in Adam's own metric
        _update(P, G, V, M, S, fconfig, istate, solver)
        b1 = fconfig[F_BETA1]
        b2 = fconfig[F_BETA2]
        eps = fconfig[F_EPS]
        t = istate[I_ADAM_T]
        step = lr * math.sqrt(1.0 - b2**t) / (1.0 - b1**t)
        for c in range(k):
            for j in range(d):
                P[c, j] = _shrink(P[c, j], step * l1 / (math.sqrt(S[c, j]) + eps))


@njit(**JIT)
def _copy(dst, src):
    """dst[:, :] = src, as a loop (numba compiles slice assignment slowly)."""
    for c in range(src.shape[0]):
        for j in range(src.shape[1]):
            dst[c, j] = src[c, j]


@njit(**JIT)
def _save(P, V, M, S, saved, istate):
    """Remember the parameters and optimizer state of this epoch boundary."""
    _copy(saved[0], P)
    _copy(saved[1], V)
    _copy(saved[2], M)
    _copy(saved[3], S)
    istate[I_ADAM_T_SAVED] = istate[I_ADAM_T]


@njit(**JIT)
def _restore(P, V, M, S, saved, istate):
    """Return to the parameters and optimizer state of the last epoch boundary."""
    _copy(P, saved[0])
    _copy(V, saved[1])
    _copy(M, saved[2])
    _copy(S, saved[3])
    istate[I_ADAM_T] = istate[I_ADAM_T_SAVED]
    istate[I_CURSOR] = 0
    istate[I_KNOWN] = 1


@njit(**JIT)
def _add_penalty_gradient(G, P, l2, scale):
    """G ← G·scale + l2·W (the intercepts unpenalised)."""
    k, d1 = P.shape
    for c in range(k):
        for j in range(d1):
            G[c, j] *= scale
        if l2 != 0.0:
            for j in range(d1 - 1):
                G[c, j] += l2 * P[c, j]


@njit(**JIT)
def run_epochs(
    X,
    y,
    Xt,
    yt,
    P,
    V,
    M,
    S,
    saved,
    orders,
    fconfig,
    iconfig,
    fstate,
    istate,
    out_epochs,
    out_metrics,
    out_P,
    cw,
):
    """Advance training; returns the number of records written.

    Parameters
    ----------
    X, Xt : training and test rows (n, d) and (n_test, d), float32 or float64, C-contiguous
    y, yt : class indices, int64
    P : (k, d + 1) float64 parameters
    V, M, S : (k, d + 1) float64 optimizer state (velocity; Adam's moments)
    saved : (4, k, d + 1) float64, ``P, V, M, S`` at the last epoch boundary: what a
        divergence, a pause or a stop in the middle of an epoch returns to
    orders : (E, n) int32 permutations of the rows for the next mini-batch epochs, used
        from ``istate[I_ORDER]`` on (ignored for full batch)
    fconfig, iconfig : configuration (see the ``F_*`` and ``I_*`` indices);
        ``iconfig[I_THREADS]`` threads share a full-batch pass of two classes (its training
        rows, then its test rows), its blocks' sums added in the one-thread order
    fstate, istate : state carried from call to call, updated in place
    out_epochs, out_metrics, out_P : per-record outputs; ``out_P`` may have length 0 when
        the weights of each record are not wanted
    cw : (n_classes,) float64 class weights, or empty for none: the objective and the
        gradients are weighted (the recorded train and test losses are not)

    The call ends when ``iconfig[I_MAX_UPDATES]`` updates, ``iconfig[I_MAX_ROWS]`` rows of
    mini-batch updates or ``iconfig[I_MAX_RECORDS]`` records are done, when the mini-batch
    permutations run out, or when the run ends (``istate[I_STATUS]`` then says why).
    With ``max_updates == 0`` it only computes (and records, unless already recorded) the
    metrics of the current parameters; in the middle of a mini-batch epoch it first returns
    to the epoch's start (the epoch is then run again, with the same permutation, on the
    next call), so that the parameters always match the last record.
    """
    n, d = X.shape
    k = P.shape[0]
    n_test = Xt.shape[0]
    solver = iconfig[I_SOLVER]
    batch = iconfig[I_BATCH]
    full_batch = batch <= 0 or batch >= n
    max_updates = iconfig[I_MAX_UPDATES]
    max_rows = iconfig[I_MAX_ROWS]
    max_records = min(iconfig[I_MAX_RECORDS], out_epochs.shape[0])
    save_weights = iconfig[I_SAVE_WEIGHTS] != 0 and out_P.shape[0] >= max_records
    l2 = fconfig[F_L2]
    l1 = fconfig[F_L1]
    threads = max(iconfig[I_THREADS], 1)
    G = np.zeros((k, d + 1))
    Z = np.empty((k, BLOCK_ROWS))
    W = np.empty((2, BLOCK_ROWS))
    Gb = np.empty(d + LANES)
    wc = np.empty((k, d + LANES), X.dtype)
    no_rows = np.empty(0, np.int32)
    no_weights = np.empty(0)
    no_gradient = np.empty((0, d + 1))
    records = 0
    updates = 0
    rows_done = 0
    istate[I_STATUS] = 0
    if max_updates <= 0 and istate[I_CURSOR] > 0:
        _restore(P, V, M, S, saved, istate)
    while True:
        epoch = istate[I_EPOCH]
        if istate[I_CURSOR] == 0:
            # At an epoch boundary: the metrics of the current parameters (and, for full
            # batch, their gradient in the same pass).
            gradient = G if full_batch and max_updates > 0 else no_gradient
            if k == 1:
                loss, weighted_loss, right = _full_pass(
                    X, y, P, gradient, Z, W, Gb, wc, cw, threads
                )
            else:
                loss, weighted_loss, right = _pass(X, y, P, no_rows, gradient, Z, W, Gb, wc, cw)
            objective = weighted_loss / n + _penalty(P, l2, l1)
            limit = fstate[S_LIMIT]
            if math.isnan(limit):
                # Growing by orders of magnitude over the start counts as diverging.
                limit = fconfig[F_DIVERGENCE] * max(objective, math.log(max(k, 2)))
                fstate[S_LIMIT] = limit
            if not (math.isfinite(objective) and objective <= limit and _all_finite(P)):
                # The last epoch made things infinite or exploded: undo it and end.
                _restore(P, V, M, S, saved, istate)
                istate[I_EPOCH] = max(epoch - 1, 0)
                istate[I_KNOWN] = 1
                istate[I_STATUS] = 3
                return records
            if istate[I_KNOWN] == 0:
                if records >= max_records:
                    return records
                test_loss = np.nan
                test_right = 0
                if n_test > 0:
                    if k == 1:
                        test_loss, _, test_right = _full_pass(
                            Xt, yt, P, no_gradient, Z, W, Gb, wc, no_weights, threads
                        )
                    else:
                        test_loss, _, test_right = _pass(
                            Xt, yt, P, no_rows, no_gradient, Z, W, Gb, wc, no_weights
                        )
                    test_loss /= n_test
                out_epochs[records] = epoch
                out_metrics[records, M_TRAIN_LOSS] = loss / n
                out_metrics[records, M_TRAIN_CORRECT] = right
                out_metrics[records, M_OBJECTIVE] = objective
                out_metrics[records, M_TEST_LOSS] = test_loss
                out_metrics[records, M_TEST_CORRECT] = test_right
                if save_weights:
                    _copy(out_P[records], P)
                records += 1
                istate[I_KNOWN] = 1
                # Early stopping as scikit-learn's MLPClassifier: count epochs that do not
                # improve on the best objective so far by at least tol.
                if iconfig[I_USE_TOL] != 0:
                    if objective > fstate[S_BEST] - fconfig[F_TOL]:
                        istate[I_NO_IMPROVE] += 1
                    else:
                        istate[I_NO_IMPROVE] = 0
                    if objective < fstate[S_BEST]:
                        fstate[S_BEST] = objective
                    if istate[I_NO_IMPROVE] > iconfig[I_NO_CHANGE]:
                        istate[I_STATUS] = 2
                        return records
            if epoch >= iconfig[I_EPOCHS]:
                istate[I_STATUS] = 1
                return records
            if max_updates <= updates:
                return records
            _save(P, V, M, S, saved, istate)
            if full_batch:
                _add_penalty_gradient(G, P, l2, 1.0 / n)
                if l1 > 0.0:
                    _proximal_update(P, G, V, M, S, fconfig, istate, solver)
                else:
                    _update(P, G, V, M, S, fconfig, istate, solver)
                istate[I_EPOCH] = epoch + 1
                istate[I_KNOWN] = 0
                updates += 1
                rows_done += n
                if updates >= max_updates or rows_done >= max_rows or records >= max_records:
                    return records
                continue
            if istate[I_ORDER] >= orders.shape[0]:
                return records  # the caller must supply more permutations
        # Mini-batch updates from the cursor on, until the epoch ends or the budget is spent.
        order = orders[istate[I_ORDER]]
        cursor = istate[I_CURSOR]
        while cursor < n:
            stop = min(cursor + batch, n)
            rows = order[cursor:stop]
            _pass(X, y, P, rows, G, Z, W, Gb, wc, cw)
            _add_penalty_gradient(G, P, l2, 1.0 / (stop - cursor))
            if l1 > 0.0:
                _proximal_update(P, G, V, M, S, fconfig, istate, solver)
            else:
                _update(P, G, V, M, S, fconfig, istate, solver)
            rows_done += stop - cursor
            cursor = stop
            if rows_done >= max_rows and cursor < n:
                istate[I_CURSOR] = cursor
                return records
        istate[I_CURSOR] = 0
        istate[I_ORDER] += 1
        istate[I_EPOCH] = epoch + 1
        istate[I_KNOWN] = 0
        updates += 1
        if updates >= max_updates or rows_done >= max_rows or records >= max_records:
            return records


@njit(**JIT)
def objective_and_gradient(X, y, P, l2, G, cw):
    """The smooth objective ``mean cross-entropy + (l2/2)·||W||²`` at parameters ``P`` and
    its gradient (written into ``G``), in one pass over the rows without the GIL (an L1
    part, not differentiable, is the caller's). ``cw``: class weights by class index (the
    cross-entropy is then the weighted ``(1/n)·Σ s_i·ℓ_i``), or empty for none."""
    n, d = X.shape
    k = P.shape[0]
    Z = np.empty((k, BLOCK_ROWS))
    W = np.empty((2, BLOCK_ROWS))
    Gb = np.empty(d + LANES)
    wc = np.empty((k, d + LANES), X.dtype)
    _, weighted_loss, _ = _pass(X, y, P, np.empty(0, np.int32), G, Z, W, Gb, wc, cw)
    _add_penalty_gradient(G, P, l2, 1.0 / n)
    return weighted_loss / n + _penalty(P, l2, 0.0)
