"""The live loss plot: the objective and the test loss above, train and test accuracy below,
one point per epoch while that fits, min/max envelopes beyond; earlier runs faded beside the
current one; the optimum of the training objective as a dashed line."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt, QTimer, Slot
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ...core.analysis.overfitting import overfitting_in_run
from ...core.model.class_weight import is_weighted
from ...core.model.penalty import NO_PENALTY, penalty_of
from ...core.training.history import CURVES, CurveHistory
from ..style.legend_place import place_legend
from ..style.palette import TEST, TEXT, TRAIN, WRONG, compared_color, style_plot

__all__ = ["LossPlot"]

#: Points per curve the plot holds at most: an update costs the same at 10⁸ epochs as at 10³.
DISPLAY_BUCKETS = 4096


def _pen(color, dashed=False, alpha=255):
    color = pg.mkColor(color)
    color.setAlpha(alpha)
    # 1-pixel pens: Qt's raster engine draws wide pens slowly (48 ms a frame at 2 px, 7 at 1).
    return pg.mkPen(color, width=1, style=Qt.DashLine if dashed else Qt.SolidLine)


class ReadOut(QLabel):
    """The hover read-out: a place of two lines (more if its text needs them at its width),
    so that it wraps rather than being cut at a projector's width or zoom. A read-out shown
    while the pointer moves only ever makes it taller: the plot under it does not jump."""

    def __init__(self, text=""):
        super().__init__(text)
        self.setWordWrap(True)
        self._fit()

    def show_read_out(self, text) -> None:
        self.setText(text)
        self.setToolTip(text)
        self._fit(grow_only=True)

    def _fit(self, grow_only=False):
        need = max(
            2 * self.fontMetrics().lineSpacing() + 6,
            self.heightForWidth(max(self.width(), 50)) + 2,
        )
        if need > self.height() or (not grow_only and need != self.height()):
            self.setFixedHeight(need)

    def resizeEvent(self, event):
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit()

    def changeEvent(self, event):
        super().changeEvent(event)
        if event.type() == QEvent.FontChange:  # a zoom
            self._fit()


class LossPlot(QWidget):
    """Loss and accuracy per epoch, with a legend, hover read-out, log-y and a reference line.

    The current run's curves come from a bounded :class:`CurveHistory`, so a run of millions
    of epochs stays smooth and small; :meth:`bind` connects it to a session.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("lossPlot")
        self.setAccessibleName("lossPlot")
        # Said to screen readers, not as a tooltip: a tooltip would cover the curves on every
        # hover (the read-out below the plot gives the values).
        self.setAccessibleDescription(
            self.tr(
                "The objective gradient descent minimises (train loss, plus the penalty when "
                "there is one) and the test loss after every epoch, and the accuracies below. "
                "Hover to read the values; right-click to export the data or an image."
            )
        )
        self._history = CurveHistory(DISPLAY_BUCKETS)
        self._has_test = False
        self._x_limit = -1
        self._session = None
        self._compared_items = []

        self.graphics = pg.GraphicsLayoutWidget()
        self.graphics.setBackground("w")
        self.loss_plot_item = self.graphics.addPlot(row=0, col=0)
        self.accuracy_plot_item = self.graphics.addPlot(row=1, col=0)
        self.graphics.ci.layout.setRowStretchFactor(0, 3)
        self.graphics.ci.layout.setRowStretchFactor(1, 2)
        # ‖w‖ over the epochs: shown under the others only for separable data without a
        # penalty, where the weights grow without bound as the loss falls towards 0.
        self.norm_plot_item = pg.PlotItem()
        self.norm_plot_item.setLabel("left", self.tr("size ‖w‖"), color=TEXT)
        self.norm_plot_item.setLabel("bottom", self.tr("epoch"), color=TEXT)
        style_plot(self.norm_plot_item)
        self.norm_curve = self.norm_plot_item.plot(pen=_pen(TRAIN))
        self._norms_shown = False
        self.accuracy_plot_item.setXLink(self.loss_plot_item)
        for item, label in (
            (self.loss_plot_item, self.tr("loss (cross-entropy)")),
            (self.accuracy_plot_item, self.tr("accuracy")),
        ):
            item.setLabel("left", label, color=TEXT)
            item.setLabel("bottom", self.tr("epoch"), color=TEXT)
            style_plot(item)
            item.setDownsampling(auto=True, mode="peak")
            item.setClipToView(True)
        self.loss_plot_item.addLegend(offset=(-10, 10), labelTextColor=TEXT)
        self.accuracy_plot_item.addLegend(offset=(-10, -10), labelTextColor=TEXT)
        for item in (self.loss_plot_item, self.accuracy_plot_item):
            item.legend.setProperty("placedByView", True)
        # Each legend goes where the curves are not, looked at a few times a second.
        self.legend_corners = {"loss": (1, 0), "accuracy": (1, 1)}
        self._place_later = QTimer(self, singleShot=True, interval=250)
        self._place_later.timeout.connect(self.place_legends)
        for item in (self.loss_plot_item, self.accuracy_plot_item):
            item.getViewBox().sigRangeChanged.connect(self._place_soon)
        self.accuracy_plot_item.setYRange(0, 1.02, padding=0)
        self.accuracy_plot_item.getViewBox().setLimits(yMin=-0.05, yMax=1.1)

        self.train_loss = self.loss_plot_item.plot(name=self.tr("train loss"), pen=_pen(TRAIN))
        self.test_loss = self.loss_plot_item.plot(
            name=self.tr("test loss"), pen=_pen(TEST, dashed=True)
        )
        self.train_accuracy = self.accuracy_plot_item.plot(
            name=self.tr("train accuracy"), pen=_pen(TRAIN)
        )
        self.test_accuracy = self.accuracy_plot_item.plot(
            name=self.tr("test accuracy"), pen=_pen(TEST, dashed=True)
        )
        self.reference = pg.InfiniteLine(
            angle=0, movable=False, pen=pg.mkPen("#333333", width=1.5, style=Qt.DashLine)
        )
        self.reference_label = ""
        self._reference_value = None
        self._reference_legend = self.loss_plot_item.plot(
            pen=pg.mkPen("#333333", width=1.5, style=Qt.DashLine)
        )
        self.loss_plot_item.legend.removeItem(self._reference_legend)

        # The epoch shown after a step back or a scrub, in both plots.
        self.shown_lines = []
        for item in (self.loss_plot_item, self.accuracy_plot_item):
            line = pg.InfiniteLine(
                angle=90, movable=False, pen=pg.mkPen("#B35900", width=2, style=Qt.DotLine)
            )
            line.hide()
            item.addItem(line, ignoreBounds=True)
            self.shown_lines.append(line)
        self._rate_marks = []
        self.cursor = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen("#888888", width=1))
        self.cursor.hide()
        self.loss_plot_item.addItem(self.cursor, ignoreBounds=True)
        self.hover_label = ReadOut(self.tr("Hover over the plot to read the values of an epoch."))
        self.hover_label.setObjectName("lossHoverLabel")
        self.hover_label.setTextFormat(Qt.RichText)
        self.hover_label.setMinimumWidth(10)
        self.warning_label = QLabel()
        self.warning_label.setObjectName("lossWarning")
        self.warning_label.setAccessibleName("lossWarning")
        self.warning_label.setStyleSheet(f"color: {WRONG};")
        self.warning_label.setWordWrap(True)
        self.warning_label.hide()
        self.log_y = QCheckBox(self.tr("Log scale"))
        self.log_y.setObjectName("logYInput")
        self.log_y.setAccessibleName("logYInput")
        self.log_y.setToolTip(
            self.tr("Show the loss on a logarithmic axis: small late improvements become visible.")
        )
        self.log_y.toggled.connect(self.set_log_y)

        top = QHBoxLayout()
        top.addWidget(self.hover_label, 1)
        top.addWidget(self.log_y)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.warning_label)
        layout.addWidget(self.graphics, 1)
        self._mouse = pg.SignalProxy(
            self.graphics.scene().sigMouseMoved, rateLimit=30, slot=self._on_mouse_moved
        )

    # Session ------------------------------------------------------------------------------
    def bind(self, session) -> None:
        """Follow ``session``: its current run, the compared runs and the optimum."""
        self._session = session
        session.dataChanged.connect(self._on_run_started)
        session.runStarted.connect(self._on_run_started)
        session.runProgressed.connect(self.append_batch)
        session.runsChanged.connect(self._draw_compared)
        session.racersProgressed.connect(self._update_compared)
        session.optimumChanged.connect(self._on_optimum)
        session.runStateChanged.connect(self._on_state)
        session.optimumChanged.connect(self._on_state)  # a crawl is judged against it
        session.shownChanged.connect(self._on_shown)

    @Slot()
    def _on_run_started(self):
        self.clear()
        run = self._session.run
        if run is not None and run.curves.n_epochs:  # a run reopened from a file
            self._history = run.curves.copy(DISPLAY_BUCKETS)
            self._has_test = bool(np.isfinite(self._history.curve("test_loss")[1]).any())
            self._redraw()
        penalty = NO_PENALTY if run is None else penalty_of(run.settings)
        self.set_train_label(self._objective_name(penalty, self._weighted()))
        self.norm_curve.setData([], [])
        self._on_optimum()
        self._on_state()
        self._mark_rates()
        self._on_shown()

    def _weighted(self) -> bool:
        """Whether the current run's loss weighs the samples by their class."""
        run = None if self._session is None else self._session.run
        return run is not None and is_weighted(run.settings.get("class_weight"))

    def _objective_name(self, penalty, weighted) -> str:
        """The name of the objective drawn: the train loss (weighted, with class weights),
        plus the penalty when there is one."""
        if weighted:
            labels = {
                "l2": self.tr("weighted train loss + L2 penalty"),
                "l1": self.tr("weighted train loss + L1 penalty"),
                "elasticnet": self.tr("weighted train loss + elastic-net penalty"),
            }
            return labels[penalty.kind] if penalty.active else self.tr("weighted train loss")
        labels = {
            "l2": self.tr("train loss + L2 penalty"),
            "l1": self.tr("train loss + L1 penalty"),
            "elasticnet": self.tr("train loss + elastic-net penalty"),
        }
        return labels[penalty.kind] if penalty.active else self.tr("train loss")

    @Slot()
    def _on_shown(self):
        epoch = self._session.shown_epoch
        for line in self.shown_lines:
            line.setVisible(epoch is not None)
            if epoch is not None:
                line.setValue(epoch)

    def _mark_rates(self):
        """A labelled tick where the learning rate was changed during the run."""
        run = self._session.run
        changes = [] if run is None else list(run.learning_rates[1:])
        if changes == [(m.value(), m.rate) for m in self._rate_marks]:
            return
        for mark in self._rate_marks:
            self.loss_plot_item.removeItem(mark)
        self._rate_marks = []
        for epoch, rate in changes:
            mark = pg.InfiniteLine(
                pos=epoch,
                angle=90,
                movable=False,
                pen=pg.mkPen("#555555", width=1, style=Qt.DashDotLine),
                label=f"lr {rate:g}",
                labelOpts={"position": 0.9, "color": TEXT, "fill": (255, 255, 255, 200)},
            )
            mark.rate = rate
            self.loss_plot_item.addItem(mark, ignoreBounds=True)
            self._rate_marks.append(mark)

    @Slot()
    def _on_state(self):
        self._show_norms()
        warning = self.warning()
        self.warning_label.setText(f"⚠ {warning[0].upper()}{warning[1:]}" if warning else "")
        self.warning_label.setVisible(bool(warning))

    def warning(self) -> str:
        """What the plot warns of, in words ("" when nothing), the first that applies: the
        run's own warning (a rising or swinging loss: then the test loss says nothing about
        the model); overfitting, during or after the run (the test loss risen clearly past
        its minimum while the training loss fell:
        :func:`~logreg_gui.core.analysis.overfitting.overfitting_in_run`); or — once the run
        has completed — that it crawled: its loss still falling steadily, far from the
        optimum for the epochs it had (a larger rate would only overfit sooner when it
        overfits)."""
        session = self._session
        run = None if session is None else session.run
        if run is None:
            return ""
        if run.warning:
            return run.warning
        return self._overfitting() or self._crawled(run) or self._separated(run) or ""

    def separated(self) -> bool:
        """True when the run has no penalty and its data can be separated: its weights grow
        without bound (the ‖w‖ plot is then shown)."""
        session = self._session
        run = None if session is None else session.run
        optimum = None if session is None else session.optimum
        return (
            run is not None
            and run.weights is not None
            and optimum is not None
            and not optimum.exists
            and not penalty_of(run.settings).active
        )

    def norms(self):
        """``(epochs, ‖w‖)`` of the epochs whose weights the run kept (the intercept left
        out)."""
        run = None if self._session is None else self._session.run
        if run is None or run.weights is None:
            return np.empty(0), np.empty(0)
        epochs, params = run.weights.path()
        return epochs, np.sqrt(np.sum(params[:, :, :-1] ** 2, axis=(1, 2)))

    def _show_norms(self):
        shown = self.separated()
        if shown != self._norms_shown:
            if shown:
                self.graphics.addItem(self.norm_plot_item, row=2, col=0)
                self.norm_plot_item.setXLink(self.loss_plot_item)
            else:
                self.graphics.removeItem(self.norm_plot_item)
            self._norms_shown = shown
        if shown:
            self.norm_curve.setData(*self.norms())

    def _separated(self, run):
        if not self.separated():
            return None
        epochs, norms = self.norms()
        if len(epochs) < 2:
            return None
        text = self.tr(
            "no finite optimum: the classes can be separated, so without a penalty the loss "
            "falls towards 0 only as the weights grow without bound — ‖w‖ went from {first:.3g} "
            "(epoch {start:,}) to {last:.3g} (epoch {end:,}) and would go on growing."
        ).format(first=norms[0], start=int(epochs[0]), last=norms[-1], end=int(epochs[-1]))
        sizes = self._session.separation or []
        if sizes:
            text += " " + self.tr(
                "Any L2 penalty α > 0 gives a finite optimum; the smaller α, the larger its "
                "weights: {sizes}."
            ).format(
                sizes=", ".join(
                    self.tr("α = {alpha:g}: ‖w*‖ = {size:.3g}").format(alpha=a, size=s)
                    for a, s in sizes
                )
            )
        return text

    def _overfitting(self):
        h = self._history
        if not self._has_test or h.n_epochs < 3:
            return None
        epochs, train = h.curve("train_loss")
        test = h.curve("test_loss")[1]
        if h.width > 1:  # each bucket's minimum and maximum: judge its middle
            epochs = epochs[0::2]
            train = 0.5 * (train[0::2] + train[1::2])
            test = 0.5 * (test[0::2] + test[1::2])
        found = overfitting_in_run(epochs, train, test)
        if found is None:
            return None
        if penalty_of(self._session.run.settings).active:
            text = self.tr(
                "overfitting: since epoch {epoch:,} the test loss rose from {test_from:.4g} to "
                "{test_to:.4g} while the training loss (without the penalty) fell from "
                "{train_from:.4g} to {train_to:.4g}. The model is fitting the noise of the "
                "training samples; fewer epochs, a stronger penalty or fewer features would "
                "generalise better."
            )
        else:
            text = self.tr(
                "overfitting: since epoch {epoch:,} the test loss rose from {test_from:.4g} to "
                "{test_to:.4g} while the training loss fell from {train_from:.4g} to "
                "{train_to:.4g}. The model is fitting the noise of the training samples; fewer "
                "epochs, a penalty (L2, L1 or elastic net) or fewer features would generalise "
                "better."
            )
        return text.format(
            epoch=found.since,
            test_from=found.test_from,
            test_to=found.test_to,
            train_from=found.train_from,
            train_to=found.train_to,
        )

    def _crawled(self, run):
        from ...core.analysis.rates import crawl_estimate

        session, optimum = self._session, self._session.optimum
        settings = run.settings
        if (
            run.stop_reason != "completed"
            or settings.get("solver") == "newton"
            or optimum is None
            or not optimum.exists
            or not session.optimum_is_of(settings)
        ):
            return None
        epochs, values = run.curves.curve("objective")
        needed = crawl_estimate(epochs, values, optimum.objective, int(settings["epochs"]))
        if needed is None:
            return None
        rate = run.learning_rates[-1][1]
        text = self.tr(
            "the loss still falls steadily, but at this pace it would need about {needed:,} "
            "epochs, not {epochs:,}, to come within 0.1% of its optimum: the learning rate "
            "{rate:g} is small for these data."
        ).format(needed=needed, epochs=int(settings["epochs"]), rate=rate)
        limits = session.rate_limits
        if limits is not None and limits.suggested and limits.suggested > rate:
            text += " " + self.tr("Try {suggested:g}.").format(suggested=limits.suggested)
        return text

    @Slot()
    def _on_optimum(self):
        session = self._session
        optimum, run = session.optimum, session.run
        if (
            optimum is None
            or not optimum.exists
            or (run is not None and not session.optimum_is_of(run.settings))
        ):
            self.set_reference_loss(None)
            return
        if optimum.weighted:
            label = (
                self.tr("optimum of the weighted training objective ≈ {value:.4g}")
                if optimum.approximate
                else self.tr("optimum of the weighted training objective {value:.4g}")
            )
        else:
            label = (
                self.tr("optimum of the training objective ≈ {value:.4g}")
                if optimum.approximate
                else self.tr("optimum of the training objective {value:.4g}")
            )
        self.set_reference_loss(optimum.objective, label.format(value=optimum.objective))

    @Slot()
    def _draw_compared(self):
        for item in self._compared_items:
            self.loss_plot_item.removeItem(item)
        self._compared_items = []
        if self._session is None:
            return
        for i, run in self._session.visible_runs():
            color = compared_color(i)
            item = self.loss_plot_item.plot(pen=_pen(color, alpha=150), name=run.label)
            item.setZValue(-1)
            item.run = run
            self._compared_items.append(item)
        self._update_compared()

    @Slot()
    def _update_compared(self):
        """New points of the compared runs (racing the current one)."""
        for item in self._compared_items:
            item.setData(*item.run.curves.curve("objective"))
        if self._compared_items:
            last = max((item.run.curves.last or 0) for item in self._compared_items)
            if last > self._x_limit:
                self._x_limit = max(10, int(last * 1.25))
                first = min((item.run.curves.first or 0) for item in self._compared_items)
                for plot in (self.loss_plot_item, self.accuracy_plot_item):
                    plot.setXRange(first, self._x_limit, padding=0.02)

    # Data ---------------------------------------------------------------------------------
    def clear(self) -> None:
        """Remove every point of the current run (a new run); keeps log-y and compared runs."""
        self._history = CurveHistory(DISPLAY_BUCKETS)
        self._has_test = False
        for curve in (self.train_loss, self.test_loss, self.train_accuracy, self.test_accuracy):
            curve.setData([], [])
        self._x_limit = -1
        self.loss_plot_item.enableAutoRange(y=True)
        self.cursor.hide()
        self.hover_label.setText(self.tr("Hover over the plot to read the values of an epoch."))

    @Slot(object)
    def append_batch(self, batch) -> None:
        """Add a :class:`~logreg_gui.core.RecordBatch` of the current run."""
        self._history.append(batch.epochs, {name: getattr(batch, name) for name in CURVES})
        self._has_test = self._has_test or bool(np.isfinite(batch.test_loss).any())
        self._redraw()
        if self._session is not None and self._session.run is not None:
            self._on_state()
            self._mark_rates()

    def append(self, epochs, train_loss, test_loss, train_accuracy, test_accuracy) -> None:
        """Add consecutive epochs (``train_loss`` is drawn as the objective)."""
        values = dict(
            train_loss=train_loss,
            objective=train_loss,
            test_loss=test_loss,
            train_accuracy=train_accuracy,
            test_accuracy=test_accuracy,
        )
        self._history.append(epochs, values)
        self._has_test = self._has_test or bool(np.isfinite(test_loss).any())
        self._redraw()

    @Slot()
    def _place_soon(self, *_):
        if not self._place_later.isActive():  # at most every 250 ms while a run goes on
            self._place_later.start()

    def place_legends(self) -> None:
        """Move each legend to the corner its curves leave most free."""
        for key, item in (("loss", self.loss_plot_item), ("accuracy", self.accuracy_plot_item)):
            self.legend_corners[key] = place_legend(item, item.legend, self.legend_corners[key])

    def _redraw(self):
        h = self._history
        # The epoch axis grows in steps of a quarter: laid out again a few times per run, not
        # on every update (each layout of pyqtgraph's axes costs milliseconds).
        if h.last is not None and h.last > self._x_limit:
            self._x_limit = max(10, int(h.last * 1.25))
            for item in (self.loss_plot_item, self.accuracy_plot_item):
                item.setXRange(h.first, self._x_limit, padding=0.02)
        self.train_loss.setData(*h.curve("objective"))
        self.train_accuracy.setData(*h.curve("train_accuracy"))
        if self._has_test:
            self.test_loss.setData(*h.curve("test_loss"))
            self.test_accuracy.setData(*h.curve("test_accuracy"))
        self._place_soon()

    def set_train_label(self, text: str) -> None:
        """Legend name of the train-loss curve."""
        self.loss_plot_item.legend.getLabel(self.train_loss).setText(text)

    def set_reference_loss(self, value, label: str = "") -> None:
        """A dashed horizontal line at ``value`` (the optimum); None removes it."""
        legend = self.loss_plot_item.legend
        if self._reference_value is not None:
            self.loss_plot_item.removeItem(self.reference)
            legend.removeItem(self._reference_legend)
        self._reference_value = value
        self.reference_label = label
        if value is None:
            return
        self.reference.setValue(np.log10(value) if self.log_y.isChecked() and value > 0 else value)
        self.loss_plot_item.addItem(self.reference)
        legend.addItem(self._reference_legend, label)

    def set_log_y(self, on: bool) -> None:
        """Logarithmic loss axis on or off."""
        if self.log_y.isChecked() != on:
            self.log_y.setChecked(on)  # comes back here through toggled
            return
        self.loss_plot_item.setLogMode(y=on)
        if self._reference_value is not None:
            self.set_reference_loss(self._reference_value, self.reference_label)

    def data(self) -> dict:
        """The plotted values of the current run (exact while each epoch has its own point):
        epochs, train_loss (the objective drawn), test_loss, train_accuracy, test_accuracy."""
        x, _ = self._history.curve("objective")
        out = {"epochs": x.astype(np.int64)}
        out["train_loss"] = self._history.curve("objective")[1]
        for name in ("test_loss", "train_accuracy", "test_accuracy"):
            out[name] = self._history.curve(name)[1]
        return out

    def compared_curves(self) -> list:
        """The loss curves of the compared runs drawn (one per run shown)."""
        return list(self._compared_items)

    def rate_marks(self) -> list:
        """The marks of the learning-rate changes of the current run (vertical lines at the
        epochs where a new rate took over, labelled with it)."""
        return list(self._rate_marks)

    # Hover --------------------------------------------------------------------------------
    @Slot(object)
    def _on_mouse_moved(self, event):
        position = event[0]
        if self._history.n_epochs == 0:
            return
        for item in (self.loss_plot_item, self.accuracy_plot_item):
            if item.sceneBoundingRect().contains(position):
                self.show_epoch_at(item.getViewBox().mapSceneToView(position).x())
                return

    def show_epoch_at(self, x) -> int:
        """Read out the epoch nearest ``x`` (data coordinates); returns that epoch."""
        h = self._history
        epoch = int(np.clip(round(x), h.first, h.last))
        v = h.at(epoch)
        a, b = v["epochs"]

        def value(name, digits):
            low, high = v[name]
            if low == high:
                return f"{low:.{digits}f}"
            return f"{low:.{digits}f}–{high:.{digits}f}"

        where = (
            self.tr("epoch {first:,}") if a == b else self.tr("epochs {first:,}–{last:,}")
        ).format(first=a, last=b)
        train = (
            self.tr("weighted train loss {loss}, accuracy {accuracy}")
            if self._weighted()
            else self.tr("train loss {loss}, accuracy {accuracy}")
        )
        text = (
            f"<b>{where}</b> — <span style='color:{TRAIN}'>"
            + train.format(loss=value("objective", 5), accuracy=value("train_accuracy", 3))
            + "</span>"
        )
        if np.isfinite(v["test_loss"][0]):
            text += (
                f" — <span style='color:{TEST}'>"
                + self.tr("test loss {loss}, accuracy {accuracy}").format(
                    loss=value("test_loss", 5), accuracy=value("test_accuracy", 3)
                )
                + "</span>"
            )
        self.hover_label.show_read_out(text)
        self.cursor.setValue(epoch)
        self.cursor.show()
        return epoch
