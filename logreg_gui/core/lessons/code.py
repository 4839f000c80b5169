"""A run as code a person takes home: a runnable ``.py`` script or a Jupyter notebook that
trains the same model on the same data with numpy, in the seed blog's names (``theta``,
``bias``, ``lr``, ``forward``, ``loss``, ``calc_gradient``), prints the blog's log, explains
one test sample, and ends with scikit-learn's ``LogisticRegression`` on the same data.

The script reproduces the window's run number for number (float64: to about 1e-12): the same
data (made by scikit-learn with the same settings and seed, or prepared by logreg-gui's own
data code where scikit-learn has no maker for them), the same stratified split and
standardisation, the same initial weights (drawn from the run's seed, or written out), the
same learning rates from the epochs they were set, the same mini-batch shuffles, penalties,
class weights and optimizer. Its maths is :mod:`~logreg_gui.core.model.objective` written
out: the sigmoid and the loss computed from the scores without overflow, and the gradient
divided by the number of samples (the blog divides by the number of features).
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass, field

import numpy as np

from ..data.settings import FILE, GENERATED, DataSettings, settings_to_dict
from ..errors import DataError
from ..i18n import translate
from ..model.penalty import penalty_of

__all__ = [
    "CODE_SUFFIXES",
    "RunCode",
    "notebook_text",
    "python_code",
    "run_code",
    "write_code",
]

#: The kinds of file the code is written as, by suffix.
CODE_SUFFIXES = (".py", ".ipynb")
#: Data sources scikit-learn makes or ships itself: the script makes them with it.
_SKLEARN_SHAPES = ("blobs", "moons", "circles")
_BUILTIN_LOADERS = {"breast_cancer": "load_breast_cancer", "iris": "load_iris", "wine": "load_wine"}


@dataclass(frozen=True)
class RunCode:
    """What the code reproduces: one run on one set of data.

    ``settings``: the estimator's parameters the run used (``RunHistory.settings``);
    ``learning_rates``: ``(epoch, rate)`` pairs, the rate used from that epoch on;
    ``last_epoch``: where the run ended (the script stops there); ``log_every``: a log line
    every this many epochs; ``sample``: the test sample explained at the end (None: none);
    ``start``: ``(epoch, coef, intercept)`` when the run did not start from weights drawn
    from its seed at epoch 0 (continued from an earlier run's epoch, or from a point chosen
    on the loss landscape): the script starts there, with these weights written out.
    ``stratified``: whether the split was stratified (as the data say).
    """

    data: DataSettings
    settings: dict
    learning_rates: tuple = ()
    last_epoch: int = 0
    log_every: int = 100
    sample: int | None = None
    start: tuple | None = None
    stratified: bool = True
    class_weights: tuple | None = None
    n_classes: int = 2
    n_features: int = 0
    notes: tuple = field(default=())


def _number(value) -> str:
    """A float as Python reads it back exactly."""
    value = float(value)
    if math.isinf(value):
        return "np.inf" if value > 0 else "-np.inf"
    return repr(value)


def _array(values) -> str:
    """An array literal that reads back exactly."""
    values = np.asarray(values, dtype=np.float64)
    if values.ndim == 1:
        return "np.array([" + ", ".join(_number(v) for v in values) + "])"
    rows = ",\n    ".join("[" + ", ".join(_number(v) for v in row) + "]" for row in values)
    return "np.array([\n    " + rows + ",\n])"


def _plain_data(data: DataSettings) -> bool:
    """Whether scikit-learn alone makes these data (else logreg-gui's data code does)."""
    if not data.feature_map.identity:
        return False
    return (
        data.source == GENERATED
        or data.source in _BUILTIN_LOADERS
        or (data.source in _SKLEARN_SHAPES)
    )


def _data_section(code: RunCode) -> tuple[str, str]:
    data = code.data
    lines = [
        "import numpy as np",
        "from sklearn.model_selection import train_test_split",
    ]
    if _plain_data(data):
        if data.standardize:
            lines.append("from sklearn.preprocessing import StandardScaler")
        lines.append("")
        if data.source == GENERATED:
            g = data.generation
            kwargs = {
                "n_samples": g.n_samples,
                "n_features": g.n_features,
                "n_informative": g.n_informative,
                "n_redundant": g.n_redundant,
                "n_repeated": g.n_repeated,
                "n_classes": g.n_classes,
                "n_clusters_per_class": g.n_clusters_per_class,
                "weights": None if g.weights is None else list(g.weights),
                "flip_y": g.flip_y,
                "class_sep": g.class_sep,
                "hypercube": g.hypercube,
                "shift": g.shift,
                "scale": g.scale,
                "random_state": data.seed,
            }
            arguments = ", ".join(f"{k}={v!r}" for k, v in kwargs.items())
            lines += [
                "from sklearn.datasets import make_classification",
                "",
                "# 1. Data: the blog's make_classification, with every setting and the seed",
                f"X, y = make_classification({arguments})",
            ]
        elif data.source in _BUILTIN_LOADERS:
            loader = _BUILTIN_LOADERS[data.source]
            lines += [
                f"from sklearn.datasets import {loader}",
                "",
                "# 1. Data: a set shipped with scikit-learn; the classes are named",
                f"bunch = {loader}()",
                "X = np.asarray(bunch.data, dtype=float)",
                "y = np.asarray(bunch.target_names)[bunch.target]",
            ]
        else:
            from ..data.shapes import shape_noise

            counts = list(data.shape.counts)
            noise = shape_noise(data.source, data.shape)
            if data.source == "blobs":
                from ..data.shapes import _BLOB_CENTRES as centres

                call = (
                    f"make_blobs(n_samples={counts!r}, centers={[list(c) for c in centres]!r}, "
                    f"cluster_std={noise!r}, random_state={data.seed!r})"
                )
            elif data.source == "moons":
                call = f"make_moons(n_samples={tuple(counts)!r}, noise={noise!r}, random_state={data.seed!r})"
            else:
                from ..data.shapes import _CIRCLE_FACTOR as factor

                call = (
                    f"make_circles(n_samples={tuple(counts)!r}, noise={noise!r}, "
                    f"factor={factor!r}, random_state={data.seed!r})"
                )
            maker = call.split("(")[0]
            lines += [
                f"from sklearn.datasets import {maker}",
                "",
                f"# 1. Data: scikit-learn's {maker}, two features x1 and x2",
                f"X, y = {call}",
            ]
        stratify = "y" if code.stratified else "None"
        lines += [
            "",
            "# Split (30 % test in the blog) before anything learns from the data: the test",
            "# part stays unseen, or its score would flatter the model (data leakage).",
            "X_train, X_test, y_train, y_test = train_test_split(",
            f"    X, y, test_size={data.test_size!r}, random_state={data.seed!r}, stratify={stratify}",
            ")",
        ]
        if data.standardize:
            lines += [
                "# Standardise with the training part's mean and deviation only.",
                "scaler = StandardScaler().fit(X_train)",
                "X_train, X_test = scaler.transform(X_train), scaler.transform(X_test)",
            ]
    else:
        settings = settings_to_dict(data)
        why = {
            FILE: "a data file, with the columns chosen in the window",
            "painted": "points painted in the window",
        }.get(data.source, "data logreg-gui makes itself")
        if not data.feature_map.identity:
            why += ", with more features made of the numeric ones"
        lines += [
            "from logreg_gui.core.data.settings import prepare_data, settings_from_dict",
            "",
            f"# 1. Data: {why}. They are read, split and standardised by logreg-gui's own",
            "# data code (pip install logreg-gui), exactly as the window prepared them.",
            f"data = prepare_data(settings_from_dict({settings!r}))",
            "X_train, X_test, y_train, y_test = data.X_train, data.X_test, data.y_train, data.y_test",
        ]
    if code.settings.get("dtype") == "float32":
        lines += [
            "# The run trained in float32 (the weights stay float64): numbers agree to ~1e-5.",
            "X_train, X_test = X_train.astype(np.float32), X_test.astype(np.float32)",
        ]
    lines += [
        "",
        "# The classes, sorted, and each label as its class's index 0, 1, …",
        "classes, y_train = np.unique(y_train, return_inverse=True)",
        "y_test = np.searchsorted(classes, y_test)",
        "print(X_train.shape, X_test.shape)",
    ]
    return "Data and split", "\n".join(lines)


def _weights_section(code: RunCode) -> tuple[str, str]:
    s = code.settings
    k = 1 if code.n_classes == 2 else code.n_classes
    seed = s.get("random_state")
    lines = [
        "# 2. Parameters: one weight per feature (a row per class beyond two), a bias",
        f"rng = np.random.RandomState({seed!r})  # the run's seed: the same draw as the window's",
    ]
    if s.get("init", "normal") == "normal":
        lines.append(
            f"theta = rng.standard_normal(({k}, X_train.shape[1]))  # the blog's np.random.randn"
        )
    else:
        lines.append(f"theta = np.zeros(({k}, X_train.shape[1]))")
    lines.append(f"bias = np.zeros({k})")
    start_epoch = 0
    if code.start is not None:
        start_epoch, coef, intercept = code.start
        lines += [
            f"# This run started from other weights at epoch {start_epoch:,} (continued from an",
            "# earlier run, or a point chosen on the loss landscape): those weights, exactly.",
            f"theta = {_array(np.atleast_2d(coef))}",
            f"bias = {_array(np.reshape(intercept, -1))}",
        ]
    lines.append(
        "# Mini-batches are shuffled by a generator seeded from the same draw."
        if s.get("batch_size")
        else "# The generator also seeds the mini-batch shuffles (this run uses full batches)."
    )
    lines.append("shuffle = np.random.default_rng(rng.randint(2**32))")
    rates = list(code.learning_rates) or [(0, s.get("learning_rate", 0.01))]
    lines += ["", "# Hyperparameters", f"lr = {_number(rates[0][1])}  # learning rate"]
    later = {int(e): float(r) for e, r in rates[1:]}
    if later:
        text = ", ".join(f"{e}: {_number(r)}" for e, r in later.items())
        lines.append(f"lr_from_epoch = {{{text}}}  # the rate was changed during the run")
    lines.append(f"epochs = {int(code.last_epoch)}")
    if code.last_epoch != s.get("epochs"):
        lines.append(
            f"# (the run asked for {int(s.get('epochs', 0)):,} epochs and ended at epoch "
            f"{int(code.last_epoch):,})"
        )
    lines.append(f"start_epoch = {start_epoch}")
    lines.append(f"log_every = {int(code.log_every)}")
    batch = s.get("batch_size") if s.get("solver") != "newton" else None
    lines.append(f"batch_size = {batch!r}  # None: the whole training set each step")
    penalty = penalty_of(s)
    lines.append(f"l2 = {_number(penalty.l2)}  # strength of (l2/2)·‖theta‖²")
    lines.append(f"l1 = {_number(penalty.l1)}  # strength of l1·‖theta‖₁ (a soft-threshold step)")
    if code.class_weights is not None:
        lines.append(
            f"class_weights = {_array(code.class_weights)}  # the weight of each class's samples"
        )
    else:
        lines.append("class_weights = None")
    solver = s.get("solver", "gd")
    lines.append(f"solver = {solver!r}")
    if solver in ("momentum", "nesterov"):
        lines.append(f"mu = {_number(s.get('momentum', 0.9))}  # momentum")
    if solver == "adam":
        lines.append("beta1, beta2, eps = 0.9, 0.999, 1e-8")
    if s.get("tol") is not None:
        lines += [
            f"tol = {_number(s['tol'])}  # stop once the objective has not improved by tol",
            f"n_iter_no_change = {int(s.get('n_iter_no_change', 10))}  # for this many epochs",
        ]
    return "Weights, bias and hyperparameters", "\n".join(lines)


def _model_section(code: RunCode) -> tuple[str, str]:
    if code.n_classes == 2:
        lines = [
            "# 3. The model: forward pass, loss, gradient",
            "def sigmoid(z):",
            "    # 1/(1+exp(-z)) without overflow: exp(-log(1+exp(-z))) for every z",
            "    return np.exp(-np.logaddexp(0.0, -z))",
            "",
            "",
            "def scores(X, theta, bias):",
            "    # z = X·thetaᵀ + bias: one score per sample (the blog's np.dot(theta, X.T), turned)",
            "    return X @ theta.T + bias",
            "",
            "",
            "def forward(X, theta, bias):",
            "    return sigmoid(scores(X, theta, bias))  # y_hat: P(class 1) of each sample",
            "",
            "",
            "def loss(y, z):",
            "    # -y·log(y_hat) - (1-y)·log(1-y_hat), computed from z (no +1e-8 needed)",
            "    return np.logaddexp(0.0, z[:, 0]) - y * z[:, 0]",
            "",
            "",
            "def predict(z):",
            "    return (z[:, 0] > 0).astype(int)  # class 1 when y_hat > 0.5",
            "",
            "",
            "def residual(y, z):",
            "    return sigmoid(z) - y[:, None]  # y_hat - y",
        ]
    else:
        lines = [
            "# 3. The model: forward pass (softmax over the classes), loss, gradient",
            "def scores(X, theta, bias):",
            "    return X @ theta.T + bias  # one score per sample and class",
            "",
            "",
            "def log_softmax(z):",
            "    top = z.max(axis=1, keepdims=True)",
            "    return z - top - np.log(np.exp(z - top).sum(axis=1, keepdims=True))",
            "",
            "",
            "def forward(X, theta, bias):",
            "    return np.exp(log_softmax(scores(X, theta, bias)))  # P(each class)",
            "",
            "",
            "def loss(y, z):",
            "    return -log_softmax(z)[np.arange(len(y)), y]  # -log P(true class)",
            "",
            "",
            "def predict(z):",
            "    return np.argmax(z, axis=1)",
            "",
            "",
            "def residual(y, z):",
            "    r = np.exp(log_softmax(z))",
            "    r[np.arange(len(y)), y] -= 1.0  # P - one-hot truth",
            "    return r",
        ]
    lines += [
        "",
        "",
        "def calc_gradient(X, y, z, theta):",
        "    r = residual(y, z)",
        "    if class_weights is not None:",
        "        r = r * class_weights[y][:, None]",
        "    m = X.shape[0]  # the number of SAMPLES (the blog divides by the features)",
        "    delta_theta = r.T @ X / m + l2 * theta",
        "    delta_bias = r.mean(axis=0)",
        "    return delta_theta, delta_bias",
        "",
        "",
        "def objective(X, y, theta, bias):",
        "    z = scores(X, theta, bias)",
        "    each = loss(y, z)",
        "    if class_weights is not None:",
        "        each = each * class_weights[y]",
        "    return each.mean() + 0.5 * l2 * np.sum(theta * theta) + l1 * np.sum(np.abs(theta))",
        "",
        "",
        "def soft_threshold(v, t):",
        "    return np.sign(v) * np.maximum(np.abs(v) - t, 0.0)",
    ]
    return "The model", "\n".join(lines)


_UPDATES = {
    "gd": [
        "    theta = theta - lr * delta_theta",
        "    bias = bias - lr * delta_bias",
        "    if l1:",
        "        theta = soft_threshold(theta, lr * l1)",
    ],
    "momentum": [
        "    if l1:",
        "        z_theta = soft_threshold(theta + mu * v_theta - lr * delta_theta, lr * l1)",
        "        z_bias = bias + mu * v_bias - lr * delta_bias",
        "        v_theta, v_bias = z_theta - theta, z_bias - bias",
        "        theta, bias = z_theta, z_bias",
        "    else:",
        "        v_theta = mu * v_theta - lr * delta_theta",
        "        v_bias = mu * v_bias - lr * delta_bias",
        "        theta, bias = theta + v_theta, bias + v_bias",
    ],
    "nesterov": [
        "    # theta and bias are the look-ahead point x + mu·v",
        "    if l1:",
        "        x_theta = soft_threshold(theta - lr * delta_theta, lr * l1)",
        "        x_bias = bias - lr * delta_bias",
        "        v_theta = x_theta - (theta - mu * v_theta)",
        "        v_bias = x_bias - (bias - mu * v_bias)",
        "        theta, bias = x_theta + mu * v_theta, x_bias + mu * v_bias",
        "    else:",
        "        v_theta = mu * v_theta - lr * delta_theta",
        "        v_bias = mu * v_bias - lr * delta_bias",
        "        theta = theta + mu * v_theta - lr * delta_theta",
        "        bias = bias + mu * v_bias - lr * delta_bias",
    ],
    "newton": [
        "    # Newton's method: one step along -H⁻¹·gradient, with the exact Hessian H of the",
        "    # objective, halved until the objective goes down enough (Armijo's rule).",
        "    n, d = X.shape",
        "    k, m = theta.shape[0], d + 1",
        "    g = np.column_stack([delta_theta, delta_bias]).ravel()",
        "    if not np.any(g):",
        "        return",
        "    A = np.column_stack([X, np.ones(n)])  # the bias is the weight of a column of ones",
        "    s = np.ones(n) if class_weights is None else class_weights[y]",
        "    if k == 1:",
        "        B = A * np.sqrt(s * sigmoid(z[:, 0]) * sigmoid(-z[:, 0]) / n)[:, None]",
        "        H = B.T @ B  # Aᵀ·diag(p(1-p))·A / n",
        "    else:",
        "        p = np.exp(log_softmax(z))",
        "        M = (p[:, :, None] * A[:, None, :]).reshape(n, k * m) * np.sqrt(s / n)[:, None]",
        "        H = -(M.T @ M)  # block (a, b): -Aᵀ·diag(p_a·p_b)·A / n",
        "        q = 1.0 - p  # 1 - p of the largest p as the sum of the others (no lost digits)",
        "        top, rows = np.argmax(p, axis=1), np.arange(n)",
        "        others = p.copy()",
        "        others[rows, top] = 0.0",
        "        q[rows, top] = others.sum(axis=1)",
        "        for a in range(k):",
        "            B = A * np.sqrt(s * p[:, a] * q[:, a] / n)[:, None]",
        "            H[a * m : (a + 1) * m, a * m : (a + 1) * m] = B.T @ B",
        "    penalised = np.arange(k * m) % m != m - 1  # the weights, not the biases",
        "    H[penalised, penalised] += l2",
        "    if k > 1:",
        "        # Adding one vector to every class changes no probability: H is singular along",
        "        # those directions. Make it invertible there, where the step is 0.",
        "        G = g.reshape(k, m).copy()",
        "        shared = slice(None) if l2 == 0 else slice(m - 1, m)",
        "        G[:, shared] -= G[:, shared].mean(axis=0)",
        "        g = G.ravel()",
        "        c = H.diagonal().max() if H.diagonal().max() > 0 else 1.0",
        "        for j in range(m)[shared]:",
        "            H[j::m, j::m] += c / k",
        "    try:",
        "        L = np.linalg.cholesky(H)",
        "        pivots = L.diagonal() ** 2",
        "        well = pivots.min() > pivots.max() * k * m * np.finfo(float).eps",
        "    except np.linalg.LinAlgError:",
        "        well = False",
        "    if well:",
        "        D = np.linalg.solve(L.T, np.linalg.solve(L, -g))",
        "    else:  # singular: the smallest step that solves H·D = -g",
        "        D = np.linalg.lstsq(H, -g, rcond=None)[0]",
        "    slope = g @ D",
        "    if not slope < 0:",
        "        return",
        "    before = objective(X, y, theta, bias)",
        "    P, D = np.column_stack([theta, bias]), D.reshape(k, m)",
        "    step = 1.0",
        "    for _ in range(60):",
        "        trial = P + step * D",
        "        with np.errstate(over='ignore', invalid='ignore'):",
        "            value = objective(X, y, trial[:, :-1], trial[:, -1])",
        "        if np.isfinite(value) and value <= before + 1e-4 * step * slope:",
        "            if value < before:",
        "                theta, bias = trial[:, :-1].copy(), trial[:, -1].copy()",
        "            break",
        "        step *= 0.5",
    ],
    "adam": [
        "    t += 1",
        "    step = lr * np.sqrt(1 - beta2**t) / (1 - beta1**t)",
        "    m_theta = beta1 * m_theta + (1 - beta1) * delta_theta",
        "    m_bias = beta1 * m_bias + (1 - beta1) * delta_bias",
        "    s_theta = beta2 * s_theta + (1 - beta2) * delta_theta * delta_theta",
        "    s_bias = beta2 * s_bias + (1 - beta2) * delta_bias * delta_bias",
        "    theta = theta - step * m_theta / (np.sqrt(s_theta) + eps)",
        "    bias = bias - step * m_bias / (np.sqrt(s_bias) + eps)",
        "    if l1:",
        "        theta = soft_threshold(theta, step * l1 / (np.sqrt(s_theta) + eps))",
    ],
}


def _training_section(code: RunCode) -> tuple[str, str]:
    s = code.settings
    solver = s.get("solver", "gd")
    tol = s.get("tol") is not None
    lines = [
        "# 4. Training: forward, loss, gradient, update — and the blog's log",
        "def log_line(epoch):",
        "    z = scores(X_train, theta, bias)",
        "    line = 'epoch:%d, loss:%.6f, acc:%.4f' % (",
        "        epoch, loss(y_train, z).mean(), np.mean(predict(z) == y_train))",
        "    if len(X_test):",
        "        zt = scores(X_test, theta, bias)",
        "        line += ', test_loss:%.6f, test_acc:%.4f' % (",
        "            loss(y_test, zt).mean(), np.mean(predict(zt) == y_test))",
        "    return line",
        "",
        "",
        "def update(X, y):",
        "    global theta, bias, v_theta, v_bias, m_theta, m_bias, s_theta, s_bias, t",
        "    z = scores(X, theta, bias)  # forward",
        "    delta_theta, delta_bias = calc_gradient(X, y, z, theta)  # gradient",
        *_UPDATES[solver],
        "",
        "",
        "# The optimizer's memory (momentum's velocity, Adam's moments), empty at the start",
        "v_theta, v_bias = np.zeros_like(theta), np.zeros_like(bias)",
        "m_theta, m_bias = np.zeros_like(theta), np.zeros_like(bias)",
        "s_theta, s_bias = np.zeros_like(theta), np.zeros_like(bias)",
        "t = 0",
        "n = X_train.shape[0]",
    ]
    if tol:
        lines += ["best, no_improvement = np.inf, 0"]
    lines += [
        "for i in range(start_epoch, epochs + 1):",
        "    if i % log_every == 0 or i == epochs:",
        "        print(log_line(i))",
    ]
    if tol:
        lines += [
            "    now = objective(X_train, y_train, theta, bias)",
            "    no_improvement = no_improvement + 1 if now > best - tol else 0",
            "    best = min(best, now)",
            "    if no_improvement > n_iter_no_change:",
            "        if i % log_every and i != epochs:",
            "            print(log_line(i))",
            "        print('stopped at epoch %d: no improvement of tol for %d epochs' % (i, n_iter_no_change))",
            "        break",
        ]
    lines += [
        "    if i == epochs:",
        "        break",
    ]
    if code.learning_rates[1:]:
        lines.append("    lr = lr_from_epoch.get(i, lr)")
    lines += [
        "    if batch_size is None or batch_size >= n:",
        "        update(X_train, y_train)",
        "    else:",
        "        order = shuffle.permutation(n)",
        "        for first in range(0, n, batch_size):",
        "            rows = order[first : first + batch_size]",
        "            update(X_train[rows], y_train[rows])",
        "",
        "print('theta =', theta.tolist())",
        "print('bias =', bias.tolist())",
    ]
    return "Training", "\n".join(lines)


def _sample_section(code: RunCode) -> tuple[str, str] | None:
    if code.sample is None:
        return None
    i = int(code.sample)
    lines = [
        f"# 5. One test sample explained: sample {i} of the test part",
        f"x = X_test[{i}]",
        "z = scores(x[None, :], theta, bias)",
        "p = forward(x[None, :], theta, bias)[0]",
    ]
    if code.n_classes == 2:
        lines += [
            "print('z = bias + Σ theta·x =', float(z[0, 0]))",
            "print('contributions theta·x:', (theta[0] * x).round(4).tolist())",
            "print('P(class %s) = %.6f' % (classes[1], p[0]))",
        ]
    else:
        lines += ["print('P of each class:', dict(zip(classes.tolist(), p.round(6).tolist())))"]
    lines.append(f"print('predicted:', classes[predict(z)[0]], '— true:', classes[y_test[{i}]])")
    return "One prediction", "\n".join(lines)


def _sklearn_section(code: RunCode) -> tuple[str, str]:
    s = code.settings
    penalty = penalty_of(s)
    lines = [
        "# 6. The same model in scikit-learn: LogisticRegression finds the optimum of the same",
        "# objective directly (C = 1/(alpha·n) for a penalty of strength alpha).",
        "from sklearn.linear_model import LogisticRegression",
        "",
    ]
    kwargs = []
    if penalty.kind is None:
        kwargs.append("C=np.inf")
    else:
        kwargs.append(f"C=1.0 / ({_number(penalty.alpha)} * len(X_train))")
    extra = ""
    if penalty.kind in ("l1", "elasticnet"):
        ratio = 1.0 if penalty.kind == "l1" else penalty.l1_ratio
        kwargs += [f"l1_ratio={_number(ratio)}", "solver='saga'"]
        lines += [
            "import sklearn",
            "",
            "old = tuple(int(p) for p in sklearn.__version__.split('.')[:2]) < (1, 8)",
        ]
        extra = ", **({'penalty': 'elasticnet'} if old else {})"
    if code.class_weights is not None:
        kwargs.append("class_weight=dict(enumerate(class_weights))")
    kwargs.append("max_iter=10000")
    lines += [
        f"reference = LogisticRegression({', '.join(kwargs)}{extra}).fit(X_train, y_train)",
        "ours = objective(X_train, y_train, theta, bias)",
        "theirs = objective(X_train, y_train, reference.coef_, reference.intercept_)",
        "same = np.mean(predict(scores(X_test, theta, bias)) == reference.predict(X_test))"
        " if len(X_test) else 1.0",
        "print('objective: this loop %.6f, scikit-learn %.6f' % (ours, theirs))",
        "print('they predict the same class for %.1f %% of the test samples' % (100 * same))",
        "if ours - theirs < 1e-3 and same >= 0.95:",
        "    print('They agree: gradient descent reached scikit-learn\\'s optimum.')",
        "else:",
        "    print('Not there yet: more epochs (or a better learning rate) close the gap.')",
    ]
    return "scikit-learn", "\n".join(lines)


def _sections(code: RunCode) -> list[tuple[str, str]]:
    parts = [
        _data_section(code),
        _weights_section(code),
        _model_section(code),
        _training_section(code),
        _sample_section(code),
        _sklearn_section(code),
    ]
    return [part for part in parts if part is not None]


def _header(code: RunCode) -> str:
    return (
        "Logistic regression by gradient descent, written out in numpy as the seed blog\n"
        "writes it (its names: theta, bias, lr, forward, loss, calc_gradient), exported by\n"
        "logreg-gui: the same data, split, initial weights and loop as the window's run,\n"
        "so it prints the same log lines and ends with the same weights."
    )


def python_code(code: RunCode) -> str:
    """The run as a Python script (cells marked ``# %%``, as editors run them)."""
    _check(code)
    parts = [f'"""{_header(code)}\n"""\n']
    for title, body in _sections(code):
        parts.append(f"# %% {title}\n{body}\n")
    return "\n".join(parts)


def notebook_text(code: RunCode) -> str:
    """The run as a Jupyter notebook (nbformat 4), as JSON text."""
    import nbformat
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

    _check(code)
    cells = [new_markdown_cell("# " + _header(code).replace("\n", " "))]
    for title, body in _sections(code):
        cells.append(new_markdown_cell(f"## {title}"))
        cells.append(new_code_cell(body))
    book = new_notebook(cells=cells)
    book.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nbformat.validate(book)
    return nbformat.writes(book)


def _check(code: RunCode) -> None:
    solver = code.settings.get("solver", "gd")
    if solver not in _UPDATES:
        raise DataError(
            translate(
                "lessons",
                "runs of the {solver} solver cannot be written as code yet; export a run of "
                "gradient descent, momentum, Nesterov, Adam or Newton's method.",
            ).format(solver=solver)
        )


def write_code(path, code: RunCode) -> None:
    """Write the run's code to ``path``: a script for ``.py``, a notebook for ``.ipynb``
    (atomically). Raises DataError for another suffix or a failed write."""
    from ..files.storage import write_atomically

    suffix = os.path.splitext(str(path))[1].lower()
    if suffix == ".py":
        text = python_code(code)
    elif suffix == ".ipynb":
        text = notebook_text(code)
    else:
        raise DataError(
            translate(
                "lessons", "code is written as a .py script or an .ipynb notebook, not “{suffix}”."
            ).format(suffix=suffix or os.path.basename(str(path)))
        )
    write_atomically(path, text.encode("utf-8"))


def run_code(data_settings, data, run, *, log_every=100, sample=None) -> RunCode:
    """What reproduces ``run`` (a RunHistory with records) on ``data`` (the SplitData
    ``data_settings`` made), logged every ``log_every`` epochs, explaining test ``sample``."""
    from ..model.class_weight import class_weights_of

    if run is None or run.latest is None:
        raise DataError(translate("lessons", "there is no run yet to write as code: train first."))
    if run.blog:
        raise DataError(
            translate(
                "lessons",
                "this run is the blog's own code, which the blog prints in full; choose the "
                "correct run to export it.",
            )
        )
    if data_settings is None:
        raise DataError(
            translate(
                "lessons", "the settings that made these data are not known; make them again."
            )
        )
    settings = dict(run.settings)
    classes = np.asarray(data.classes)
    y_index = np.searchsorted(classes, data.y_train)
    n_classes = len(classes)
    weights = class_weights_of(settings.get("class_weight"), classes, y_index)
    k = 1 if n_classes == 2 else n_classes
    d = data.X_train.shape[1]
    first = run.continued_from or 0
    kept = run.parameters_at(first)
    start = None
    if first:
        if kept is None:
            raise DataError(
                translate(
                    "lessons",
                    "the weights this run started from are no longer kept, so it cannot be "
                    "written as code; train it again from the start.",
                )
            )
        start = (first, np.array(kept[0]), np.array(kept[1]))
    elif kept is not None:
        from sklearn.utils import check_random_state

        from ..estimator import initial_weights

        rng = check_random_state(settings.get("random_state"))
        coef, intercept = initial_weights(rng, settings.get("init", "normal"), k, d)
        if not (np.array_equal(kept[0], coef) and np.array_equal(kept[1], intercept)):
            start = (0, np.array(kept[0]), np.array(kept[1]))
    rates = [(e, r) for e, r in run.learning_rates if e > first]
    before = [r for e, r in run.learning_rates if e <= first]
    rates = [(first, before[-1] if before else settings.get("learning_rate")), *rates]
    if sample is not None and not 0 <= int(sample) < len(data.X_test):
        sample = None
    return RunCode(
        data=data_settings,
        settings=settings,
        learning_rates=tuple(rates),
        last_epoch=int(run.epoch),
        log_every=max(1, int(log_every)),
        sample=None if sample is None else int(sample),
        start=start,
        stratified=bool(getattr(data, "stratified", True)),
        class_weights=None if weights is None else tuple(float(w) for w in weights),
        n_classes=n_classes,
        n_features=d,
    )
