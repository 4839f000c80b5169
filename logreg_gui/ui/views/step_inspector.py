"""The step inspector: one epoch of gradient descent with its real numbers, in the blog's
order — forward pass, loss, gradient, update — and the blog's names beside the maths."""

from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import in_words
from ...core.model.objective import class_probabilities, decision_scores
from ...core.model.penalty import penalty_of
from ..session import RunState
from ..style.i18n import QT_TRANSLATE_NOOP, translate
from ..style.palette import TEXT, class_colors, class_text, style_plot
from ..widgets import ComboBox, DrawnWhenShown, RowsTall, WrappedLabel, named

__all__ = ["StepInspector"]

#: Bars drawn in the gradient plot (the largest |∇| first beyond this).
MAX_BARS = 40
#: Why the update is not −η·∇J for these solvers (translated where shown).
SOLVER_NOTES = {
    "momentum": QT_TRANSLATE_NOOP(
        "StepInspector",
        "Momentum also carries the earlier gradients: v ← μ·v + ∇J, θ ← θ − η·v, "
        "so the update is not −η·∇J of this epoch alone.",
    ),
    "nesterov": QT_TRANSLATE_NOOP(
        "StepInspector",
        "Nesterov momentum takes the gradient a step ahead and carries the earlier "
        "ones, so the update is not −η·∇J of this epoch alone.",
    ),
    "adam": QT_TRANSLATE_NOOP(
        "StepInspector",
        "Adam divides each weight's step by a running size of its gradients: the update "
        "is not −η·∇J; each weight moves by about η in the direction of its recent gradients.",
    ),
    "newton": QT_TRANSLATE_NOOP(
        "StepInspector",
        "Newton's method steps by −H⁻¹·∇J (the Hessian H is the curvature of J), "
        "not −η·∇J, and halves the step until J decreases.",
    ),
}


def _g(value, digits=4):
    return f"{value:.{digits}g}" if np.isfinite(value) else "—"


class StepInspector(DrawnWhenShown, QWidget):
    """Listens to the session; shows the epoch shown (after a Step: the epoch just done)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        named(self, "stepInspector")
        self._session = self._jobs = None
        self._explanation = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._compute)

        self.title = named(WrappedLabel(), "stepTitle")
        self.title.setWordWrap(True)
        self.class_input = named(
            ComboBox(),
            "stepClassInput",
            self.tr("The class whose weights' gradient and update are shown."),
        )
        self.class_input.hide()
        self.class_input.currentIndexChanged.connect(lambda _: self._show())
        self.forward = named(WrappedLabel(), "stepForward")
        self.forward.setWordWrap(True)
        self.forward.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.gradient_title = WrappedLabel()
        self.gradient_title.setWordWrap(True)
        self.graphics = pg.GraphicsLayoutWidget()
        named(self.graphics, "gradientPlot")
        self._tall = RowsTall(self.graphics, 0, extra=6, fixed=True)  # title, legend, axis
        self.graphics.setBackground("w")
        self.graphics.setToolTip(
            self.tr(
                "One bar per weight: ∂J/∂θᵢ at the weights before the epoch. Gradient descent "
                "moves each weight against its bar: a long bar means a large step."
            )
        )
        self.plot = self.graphics.addPlot(row=1, col=0)
        self.plot.getViewBox().invertY(True)
        self.plot.getViewBox().setMouseEnabled(x=True, y=False)
        self.plot.showGrid(x=True, y=False, alpha=0.2)
        self.plot.setLabel("bottom", self.tr("gradient ∂J/∂θᵢ (delta_theta)"), color=TEXT)
        style_plot(self.plot)
        self.plot.getAxis("left").setStyle(textFillLimits=[(0, 1.0)], hideOverlappingLabels=False)
        self.plot.addItem(pg.InfiniteLine(pos=0.0, angle=90, pen=pg.mkPen(TEXT, width=1)))
        self.data_bars = pg.BarGraphItem(x0=[], y=[], height=0.7, width=[])
        self.penalty_bars = pg.BarGraphItem(x0=[], y=[], height=0.7, width=[])
        self.plot.addItem(self.data_bars)
        self.plot.addItem(self.penalty_bars)
        # The legend above the bars, never over them.
        self.legend = pg.LegendItem(labelTextColor=TEXT, colCount=2)
        self.graphics.addItem(self.legend, row=0, col=0)
        self.blog_note = named(WrappedLabel(), "blogNote")
        self.blog_note.setWordWrap(True)
        self.blog_note.setStyleSheet("background: #F3F0E6; padding: 6px;")
        self.update_title = WrappedLabel()
        self.update_title.setWordWrap(True)
        self.proximal = named(WrappedLabel(), "stepProximal")
        self.proximal.setWordWrap(True)
        self.proximal.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.proximal.hide()
        self.table = named(QTableWidget(0, 6), "stepTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("parameter"),
                self.tr("before θ (theta)"),
                "∇ (delta_theta)",
                "−η·∇",
                self.tr("after θ"),
                self.tr("Δθ = after − before"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().hide()
        # Sized to the contents when the rows are made, not on every change of a cell.
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.Interactive)
        self.table.setMinimumHeight(8 * 24 + 30)
        self.check = named(WrappedLabel(), "stepCheck")
        self.check.setWordWrap(True)
        self.batches = named(WrappedLabel(), "batchLabel")
        self.batches.setWordWrap(True)
        self.batches.setTextInteractionFlags(Qt.TextSelectableByMouse)

        body = QWidget()
        column = QVBoxLayout(body)
        for widget in (
            self.title,
            self.class_input,
            self.forward,
            self.gradient_title,
            self.graphics,
            self.blog_note,
            self.update_title,
            self.proximal,
            self.table,
            self.check,
            self.batches,
        ):
            column.addWidget(widget)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.NoFrame)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(scroll)
        self._show()

    # Session --------------------------------------------------------------------------------
    def bind(self, session, jobs) -> None:
        """Follow ``session``; compute off the GUI thread with ``jobs``."""
        self._session, self._jobs = session, jobs
        session.dataChanged.connect(self._on_data)
        for signal in (session.shownChanged, session.runStateChanged):
            signal.connect(self._request)
        session.selectionChanged.connect(self._request)

    def _on_data(self):
        classes = self._session.classes
        self.class_input.blockSignals(True)
        self.class_input.clear()
        self.class_input.addItems([class_text(c) for c in classes])
        self.class_input.blockSignals(False)
        self.class_input.setVisible(len(classes) > 2)
        self._explanation = None
        self._request()

    @Slot()
    def _request(self, *_):
        self.when_shown(self._schedule)

    def _schedule(self):
        # While training runs, at most twice a second; otherwise at once.
        running = self._session.state is RunState.RUNNING
        if not (running and self._timer.isActive()):
            self._timer.start(500 if running else 0)

    def _compute(self):
        from ...core.analysis.step import explain_step

        session = self._session
        shown, run = session.shown(), session.run
        if shown is None or session.data is None:
            self._explanation = None
            self._show()
            return
        epoch, coef, intercept = shown
        before = run.parameters_at(epoch - 1) if epoch > (run.curves.first or 0) else None
        if before is None:
            self._explanation = (epoch, None)
            self._show()
            return
        data, y = session.data, session.y_train
        sample = None
        if len(session.y_test):
            i = session.selected
            sample = (data.X_test[i], int(session.y_test[i]))
        settings = dict(run.settings)
        penalty = penalty_of(settings)
        rate = _rate_at(run.learning_rates, epoch)
        class_weights = session.class_weights_of(settings)

        def work(cancel):
            return explain_step(
                data.X_train,
                y,
                before,
                (coef, intercept),
                epoch=epoch,
                learning_rate=rate,
                l2=penalty.l2,
                l1=penalty.l1,
                solver=settings.get("solver", "gd"),
                batch_size=settings.get("batch_size"),
                order=run.orders.get(epoch),
                sample=sample,
                class_weights=class_weights,
            )

        self._jobs.submit("step", work, on_result=self._computed, on_error=self._failed)

    def _computed(self, explanation):
        self._explanation = explanation
        self._show()

    def explanation(self):
        """The step explained now (a :class:`~logreg_gui.core.analysis.step.StepExplanation`),
        or None while none is."""
        e = self._explanation
        return None if e is None or isinstance(e, tuple) else e

    def _failed(self, error):
        self._explanation = None
        self._clear()
        self.title.setText(
            self.tr("This step could not be taken apart: {reason}").format(reason=in_words(error))
        )

    # Drawing --------------------------------------------------------------------------------
    def _show(self):
        e = self._explanation
        session = self._session
        if session is None or session.data is None or e is None:
            self.title.setText(
                self.tr(
                    "<b>Step inspector</b>: press <b>Step</b> to run one epoch of gradient "
                    "descent and see each line of the loop with its numbers."
                )
            )
            self._clear()
            return
        if isinstance(e, tuple):
            epoch = e[0]
            first = session.run.curves.first or 0
            text = (
                self.tr(
                    "<b>Epoch {epoch:,}</b> is the initial state: press <b>Step</b> to run the "
                    "first epoch."
                )
                if epoch <= first
                else self.tr(
                    "<b>Epoch {epoch:,}</b>: the weights of epoch {previous:,} were not kept "
                    "(a long run keeps every epoch's weights only lately), so this step cannot be "
                    "taken apart. Step back to a recent epoch."
                )
            )
            self.title.setText(text.format(epoch=epoch, previous=epoch - 1))
            self._clear()
            return
        self._draw(e)

    def _clear(self):
        for widget in (self.forward, self.gradient_title, self.update_title, self.check):
            widget.setText("")
        self.batches.setText("")
        self.proximal.setText("")
        self.proximal.hide()
        self.blog_note.hide()
        self.graphics.hide()
        self.table.setRowCount(0)

    def _draw(self, e):
        session = self._session
        data = session.data
        names = list(map(str, data.feature_names))
        classes = session.classes
        k = e.coef_before.shape[0]
        row = 0 if k == 1 else max(self.class_input.currentIndex(), 0)
        n, d = e.n_rows, len(names)
        full = (
            session.run.settings.get("batch_size") in (None,)
            or (session.run.settings.get("batch_size") or n) >= n
        )
        solver = {
            "gd": self.tr("gradient descent"),
            "momentum": self.tr("momentum"),
            "nesterov": self.tr("Nesterov"),
        }.get(e.solver, e.solver.capitalize())
        batch = (
            self.tr("full batch")
            if full
            else self.tr("mini-batches of {size}").format(size=session.run.settings["batch_size"])
        )
        penalty = penalty_of(session.run.settings)
        title = (
            self.tr(
                "<b>Epoch {epoch:,}</b>: from the weights of epoch {previous:,} to those of "
                "epoch {epoch:,} — {solver}, η (lr) = {rate:g}, {batch}, {n:,} training samples, "
                "penalty {penalty}."
            )
            if penalty.active
            else self.tr(
                "<b>Epoch {epoch:,}</b>: from the weights of epoch {previous:,} to those of "
                "epoch {epoch:,} — {solver}, η (lr) = {rate:g}, {batch}, {n:,} training samples."
            )
        )
        title = title.format(
            epoch=e.epoch,
            previous=e.epoch - 1,
            solver=solver,
            rate=e.learning_rate,
            batch=batch,
            n=n,
            penalty=html.escape(penalty.words()),
        )
        if e.weighted:
            weights = ", ".join(
                f"{class_text(c)}: {w:.4g}" for c, w in zip(classes, e.class_weights)
            )
            title += " " + self.tr(
                "The loss is weighted by class ({weights}): each sample counts its class's "
                "weight s."
            ).format(weights=html.escape(weights))
        self.title.setText(title)
        # 1 and 2: forward pass and loss.
        target = class_text(classes[1]) if k == 1 else class_text(classes[row])
        lines = [
            self.tr(
                "<b>1. Forward pass</b> — z = θ·x + b, ŷ = σ(z) "
                "<span style='color:#555'>(blog: <code>z = np.dot(theta, X.T) + bias</code>; "
                "<code>y_hat = sigmoid(z)</code>)</span>"
            )
        ]
        if e.sample is not None:
            s = e.sample
            p = s["probabilities"]
            truth = class_text(classes[s["label"]])
            z = s["z"][0] if k == 1 else s["z"][row]
            sample = (
                self.tr(
                    "Test sample {index} (the one selected), with the weights before this epoch "
                    "(after epoch {previous:,}): z = {z} → ŷ = {what} = {p}; its true class is "
                    "{truth}, so its loss is −log P({truth}) = {loss}."
                )
                if s["loss"] is not None
                else self.tr(
                    "Test sample {index} (the one selected), with the weights before this epoch "
                    "(after epoch {previous:,}): z = {z} → ŷ = {what} = {p}; its true class is "
                    "{truth}."
                )
            )
            lines.append(
                sample.format(
                    index=session.selected,
                    previous=e.epoch - 1,
                    z=_g(z),
                    what="P(" + target + ")",
                    p=_g(p[1] if k == 1 else p[row]),
                    truth=html.escape(truth),
                    loss=_g(s["loss"]) if s["loss"] is not None else "",
                )
            )
            # The update's result: what the prediction panel shows for this epoch.
            scores = decision_scores(s["x"][None, :], e.coef_after, e.intercept_after)
            p_after = class_probabilities(scores)[0]
            lines.append(
                self.tr(
                    "With the weights after epoch {epoch:,} (this update's result, as the "
                    "prediction panel shows them): z = {z} → ŷ = {what} = {p}."
                ).format(
                    epoch=e.epoch,
                    z=_g(scores[0, 0] if k == 1 else scores[0, row]),
                    what="P(" + target + ")",
                    p=_g(p_after[1] if k == 1 else p_after[row]),
                )
            )
        mean = e.mean_probabilities[1] if k == 1 else e.mean_probabilities[row]
        lines.append(
            self.tr(
                "Over the {n:,} training samples: mean ŷ = {mean}; {accuracy:.1%} classified right."
            ).format(n=n, mean=_g(mean), accuracy=e.accuracy_before)
        )
        loss_line = (
            self.tr(
                "<b>2. Loss</b> — J(θ) = weighted mean cross-entropy (1/m)·Σ sᵢ·ℓᵢ{penalty}, sᵢ "
                "the weight of sample i's class <span style='color:#555'>(blog, unweighted: "
                "<code>loss = -np.mean(y*np.log(y_hat) + (1-y)*np.log(1-y_hat))</code>)</span>"
            )
            if e.weighted
            else self.tr(
                "<b>2. Loss</b> — J(θ) = mean cross-entropy{penalty} "
                "<span style='color:#555'>(blog: <code>loss = -np.mean(y*np.log(y_hat) + "
                "(1-y)*np.log(1-y_hat))</code>)</span>"
            )
        )
        lines.append(loss_line.format(penalty=penalty.formula().replace("w", "θ")))
        if penalty.active and e.weighted:
            objective = self.tr(
                "J = {objective:.6g} at the weights before the epoch (weighted cross-entropy "
                "{loss:.6g} + penalty {penalty:.4g})."
            )
        elif penalty.active:
            objective = self.tr(
                "J = {objective:.6g} at the weights before the epoch (cross-entropy {loss:.6g} "
                "+ penalty {penalty:.4g})."
            )
        else:
            objective = self.tr("J = {objective:.6g} at the weights before the epoch.")
        lines.append(
            objective.format(
                objective=e.objective_before,
                loss=e.loss_before,
                penalty=e.objective_before - e.loss_before,
            )
        )
        self.forward.setText("<br>".join(lines))
        # 3: the gradient.
        if e.weighted:
            gradient = (
                self.tr(
                    "<b>3. Gradient</b> — ∇θ = s·(ŷ − y)·X / m, ∇b = mean(s·(ŷ − y)){penalty} "
                    "with m = the number of samples and s each sample's class weight "
                    "<span style='color:#555'>(blog: <code>delta_theta</code>, "
                    "<code>delta_bias</code>)</span>"
                )
                if k == 1
                else self.tr(
                    "<b>3. Gradient</b> — ∇θ = s·(ŷ − y)·X / m, ∇b = mean(s·(ŷ − y)){penalty} "
                    "with m = the number of samples and s each sample's class weight "
                    "<span style='color:#555'>(blog: <code>delta_theta</code>, "
                    "<code>delta_bias</code>)</span> — the weights of {name}"
                )
            )
        else:
            gradient = (
                self.tr(
                    "<b>3. Gradient</b> — ∇θ = (ŷ − y)·X / m, ∇b = mean(ŷ − y){penalty} with m = "
                    "the number of samples <span style='color:#555'>(blog: "
                    "<code>delta_theta</code>, <code>delta_bias</code>)</span>"
                )
                if k == 1
                else self.tr(
                    "<b>3. Gradient</b> — ∇θ = (ŷ − y)·X / m, ∇b = mean(ŷ − y){penalty} with m = "
                    "the number of samples <span style='color:#555'>(blog: "
                    "<code>delta_theta</code>, <code>delta_bias</code>)</span> — the weights of "
                    "{name}"
                )
            )
        self.gradient_title.setText(
            gradient.format(penalty=_SMOOTH_GRADIENT[penalty.kind], name=html.escape(target))
        )
        grad = np.r_[e.grad_coef[row], e.grad_intercept[row]]
        pen = np.r_[e.penalty_grad[row], 0.0]
        self._draw_gradient(names, grad - pen, pen, k, row, penalty.kind, e.weighted)
        self.blog_note.setText(self._blog_note(n, d))
        self.blog_note.show()
        # 4: the update.
        self.update_title.setText(
            self.tr(
                "<b>4. Update</b> — θ ← θ − η·∇θ, b ← b − η·∇b "
                "<span style='color:#555'>(blog: <code>theta = theta - lr * delta_theta</code>; "
                "<code>bias = bias - lr * delta_bias</code>)</span>"
            )
        )
        before = np.r_[e.coef_before[row], e.intercept_before[row]]
        after = np.r_[e.coef_after[row], e.intercept_after[row]]
        step = -e.learning_rate * grad
        change = after - before
        self._fill_table([*names, self.tr("b (bias)")], (before, grad, step, after, change))
        self.proximal.setText(self._proximal_text(e, penalty, full, row) if e.l1 else "")
        self.proximal.setVisible(bool(e.l1))
        self.check.setText(self._check_text(e, full))
        self.batches.setText(self._batches_text(e, full, session))

    def _fill_table(self, labels, columns):
        """The table's texts, its items made once per size and only re-labelled after: a
        new item per cell, with columns sized to their contents, costs ~1 ms a cell."""
        table = self.table
        table.setUpdatesEnabled(False)
        try:
            fresh = table.rowCount() != len(labels)
            if fresh:
                table.setRowCount(len(labels))
                for i in range(len(labels)):
                    for c in range(table.columnCount()):
                        item = QTableWidgetItem()
                        if c:
                            item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                        table.setItem(i, c, item)
            for i, label in enumerate(labels):
                table.item(i, 0).setText(label)
                for c, values in enumerate(columns, start=1):
                    table.item(i, c).setText(f"{values[i]:.6g}")
            if fresh:
                table.resizeColumnsToContents()
        finally:
            table.setUpdatesEnabled(True)

    def _proximal_text(self, e, penalty, full, row):
        """Step 5, the proximal step of the L1 part: its rule, its threshold η·α·r and what
        it did to the weights shown."""
        strength = "η·α" if penalty.kind == "l1" else "η·α·r"
        lines = [
            self.tr(
                "<b>5. Proximal step</b> (the L1 part of the penalty) — after the update every "
                "weight moves {strength} = {threshold:.4g} towards 0, and stops at exactly 0 if it "
                "would cross it: θ ← sign(θ)·max(|θ| − {strength}, 0); the bias is not penalised "
                "<span style='color:#555'>(in numpy: <code>theta = np.sign(theta) * "
                "np.maximum(np.abs(theta) - {code}, 0)</code>)</span>"
            ).format(
                strength=strength,
                threshold=e.threshold,
                code="lr * alpha" if penalty.kind == "l1" else "lr * alpha * l1_ratio",
            )
        ]
        zeros, count = int(np.sum(e.coef_after[row] == 0)), e.coef_after.shape[1]
        if e.proximal_coef is not None:
            stepped = e.coef_before[row] - e.learning_rate * e.grad_coef[row]
            zeroed = int(np.sum((stepped != 0) & (e.coef_after[row] == 0)))
            lines.append(
                self.tr(
                    "This epoch it moved the weights by up to {largest:.4g} and set {zeroed:,} "
                    "of them to exactly 0 that the update had left non-zero; after it {zeros:,} "
                    "of the {count:,} weights are exactly 0."
                ).format(
                    largest=float(np.abs(e.proximal_coef[row]).max(initial=0.0)),
                    zeroed=zeroed,
                    zeros=zeros,
                    count=count,
                )
            )
        else:
            lines.append(
                self.tr(
                    "It follows every update (every mini-batch's); after this epoch {zeros:,} of "
                    "the {count:,} weights are exactly 0."
                ).format(zeros=zeros, count=count)
            )
        return "<br>".join(lines)

    def _draw_gradient(self, names, data_part, penalty_part, k, row, kind=None, weighted=False):
        total = data_part + penalty_part
        order = np.arange(len(total))
        legend = (
            self.tr("from the data: s·(ŷ − y)·x / m")
            if weighted
            else self.tr("from the data: (ŷ − y)·x / m")
        )
        if len(total) > MAX_BARS:
            order = np.argsort(-np.abs(total))[:MAX_BARS]
            legend = (
                self.tr("from the data: s·(ŷ − y)·x / m (the {shown} largest of {count})")
                if weighted
                else self.tr("from the data: (ŷ − y)·x / m (the {shown} largest of {count})")
            )
            legend = legend.format(shown=MAX_BARS, count=len(total))
        labels = [*names, self.tr("b (bias)")]
        y = np.arange(len(order), dtype=float)
        color = class_colors(max(2, k))[1 if k == 1 else row]
        pale = QColor(color)
        pale.setAlpha(110)
        self.data_bars.setOpts(
            x0=np.zeros(len(order)), y=y, height=0.7, width=data_part[order],
            brush=pg.mkBrush(color), pen=pg.mkPen(QColor(color).darker(150)),
        )  # fmt: skip
        self.penalty_bars.setOpts(
            x0=data_part[order], y=y, height=0.7, width=penalty_part[order],
            brush=pg.mkBrush(pale), pen=pg.mkPen(QColor(color).darker(150), style=Qt.DashLine),
        )  # fmt: skip
        self.legend.clear()
        self.legend.addItem(self.data_bars, legend)
        if np.any(penalty_part):
            text = (
                self.tr("from the penalty's L2 part: α·(1 − r)·θ")
                if kind == "elasticnet"
                else self.tr("from the L2 penalty: α·θ")
            )
            self.legend.addItem(self.penalty_bars, text)
        self.plot.getAxis("left").setTicks(
            [[(float(i), labels[j]) for i, j in enumerate(order)], []]
        )
        self.plot.setYRange(-0.6, len(order) - 0.4, padding=0)
        self._tall.set_rows(len(order))  # a line of text for each bar's name, at any zoom
        self.graphics.show()

    @staticmethod
    def _blog_note(n, d):
        ratio = n / d
        if ratio >= 1:
            gradient = translate(
                "StepInspector",
                "Its gradient is <code>np.dot(X.T, (y_hat - y)) / X.shape[1]</code>: it divides "
                "by the number of <i>features</i> ({d}) instead of the number of <i>samples</i> "
                "({n:,}), so each of its steps is {ratio:.3g}× longer than its learning rate "
                "says, and a learning rate that works there does not carry over to other data.",
            ).format(d=d, n=n, ratio=ratio)
        else:
            gradient = translate(
                "StepInspector",
                "Its gradient is <code>np.dot(X.T, (y_hat - y)) / X.shape[1]</code>: it divides "
                "by the number of <i>features</i> ({d}) instead of the number of <i>samples</i> "
                "({n:,}), so each of its steps is {ratio:.3g}× shorter than its learning rate "
                "says, and a learning rate that works there does not carry over to other data.",
            ).format(d=d, n=n, ratio=1 / ratio)
        return " ".join(
            (
                translate("StepInspector", "<b>What the blog does differently.</b>"),
                gradient,
                translate(
                    "StepInspector",
                    "Its sigmoid <code>1/(1+np.exp(-z))</code> overflows for z below about −709 "
                    "(a warning, then log(0) in the loss); here σ and the loss are computed "
                    "without overflow.",
                ),
            )
        )

    @staticmethod
    def _check_text(e, full):
        if e.expected_coef is None:
            if e.solver in SOLVER_NOTES:
                return translate("StepInspector", SOLVER_NOTES[e.solver])
            return translate(
                "StepInspector",
                "The shuffled order of this epoch's mini-batches is not kept any more (only the "
                "latest epochs' are), so its updates cannot be replayed; Δθ is the sum of them.",
            )
        gap = e.max_mismatch
        if full and e.proximal_coef is not None:
            return translate(
                "StepInspector",
                "Check: Δθ = θ after − θ before equals −η·∇ followed by the proximal step for "
                "every weight and the bias (largest difference {gap:.1g}: rounding).",
            ).format(gap=gap)
        if full:
            return translate(
                "StepInspector",
                "Check: Δθ = θ after − θ before equals −η·∇ for every weight and the bias "
                "(largest difference {gap:.1g}: rounding).",
            ).format(gap=gap)
        return translate(
            "StepInspector",
            "Check: this epoch made {count} updates, one per mini-batch; replaying "
            "them from θ before gives θ after (largest difference {gap:.1g}). The −η·∇ column "
            "is one full-batch step, for comparison: the mini-batch steps add up to Δθ.",
        ).format(count=len(e.batches), gap=gap)

    @staticmethod
    def _batches_text(e, full, session):
        if full or not e.batches:
            return ""
        parts = []
        for i, b in enumerate(e.batches[:3]):
            rows = ", ".join(map(str, b.rows[:12])) + (", …" if len(b.rows) > 12 else "")
            parts.append(
                translate(
                    "StepInspector",
                    "batch {number} ({count} samples, loss {loss:.4g}): rows {rows}",
                ).format(number=i + 1, count=len(b.rows), loss=b.loss, rows=rows)
            )
        if len(e.batches) > 3:
            parts.append(
                translate("StepInspector", "… {count} more batches").format(
                    count=len(e.batches) - 3
                )
            )
        return translate(
            "StepInspector",
            "<b>The mini-batches of this epoch</b> (training rows, shuffled anew every epoch): "
            "{batches}.",
        ).format(batches="; ".join(parts))


#: The smooth penalty's term of the gradient, by penalty (the L1 part has none: it is the
#: proximal step's).
_SMOOTH_GRADIENT = {None: "", "l2": " + α·θ", "l1": "", "elasticnet": " + α·(1 − r)·θ"}


def _rate_at(learning_rates, epoch):
    """The learning rate the step into ``epoch`` used (changes apply from their epoch)."""
    rate = learning_rates[0][1]
    for start, value in learning_rates:
        if start <= epoch - 1:
            rate = value
    return rate
