"""The live loss plot: train and test loss above, train and test accuracy below, one point per
epoch, fast for runs of millions of epochs."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

__all__ = ["LossPlot"]

TRAIN_COLOR = "#0072B2"
TEST_COLOR = "#D55E00"
KEYS = ("epochs", "train_loss", "test_loss", "train_accuracy", "test_accuracy")


class _Buffers:
    """Growing numpy columns (capacity doubling): appends are amortised O(1) and the plot
    gets views of the filled part, never a copy per update."""

    def __init__(self, capacity=1024):
        self.size = 0
        self.columns = {key: np.empty(capacity) for key in KEYS}

    def append(self, values):
        m = len(values["epochs"])
        capacity = len(self.columns["epochs"])
        if self.size + m > capacity:
            new = max(2 * capacity, self.size + m)
            for key, column in self.columns.items():
                grown = np.empty(new)
                grown[: self.size] = column[: self.size]
                self.columns[key] = grown
        for key in KEYS:
            self.columns[key][self.size : self.size + m] = values[key]
        self.size += m

    def view(self, key):
        return self.columns[key][: self.size]


class LossPlot(QWidget):
    """Loss and accuracy per epoch, with a legend, hover read-out, log-y and a reference line.

    Curves are persistent PlotDataItems updated with ``setData`` from growing buffers, with
    peak downsampling and clip-to-view, so 10^6 epochs stay smooth.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("lossPlot")
        self.setAccessibleName("lossPlot")
        self.setToolTip(
            "Loss (mean cross-entropy) and accuracy after every epoch, on the training and the test samples. Hover to read the values; right-click to export the data or an image."
        )
        self._buffers = _Buffers()
        self._has_test = False

        self.graphics = pg.GraphicsLayoutWidget()
        self.graphics.setBackground("w")
        self.loss_plot_item = self.graphics.addPlot(row=0, col=0)
        self.accuracy_plot_item = self.graphics.addPlot(row=1, col=0)
        self.graphics.ci.layout.setRowStretchFactor(0, 3)
        self.graphics.ci.layout.setRowStretchFactor(1, 2)
        self.accuracy_plot_item.setXLink(self.loss_plot_item)
        for item, label in (
            (self.loss_plot_item, "loss (cross-entropy)"),
            (self.accuracy_plot_item, "accuracy"),
        ):
            # No grid and 1-pixel pens: Qt's raster engine draws wide pens and pyqtgraph's
            # translucent grid slowly (measured: 48 ms a frame with both, 7 ms without).
            item.setLabel("left", label)
            item.setLabel("bottom", "epoch")
            item.setDownsampling(auto=True, mode="peak")
            item.setClipToView(True)
            # Loss falls and accuracy rises: legends in the corners the curves leave free.
            item.addLegend(offset=(-10, 10) if item is self.loss_plot_item else (-10, -10))
        self.accuracy_plot_item.setYRange(0, 1.02, padding=0)
        self.accuracy_plot_item.getViewBox().setLimits(yMin=-0.05, yMax=1.1)

        def pen(color, dashed=False):
            return pg.mkPen(color, width=1, style=Qt.DashLine if dashed else Qt.SolidLine)

        self.train_loss = self.loss_plot_item.plot(name="train loss", pen=pen(TRAIN_COLOR))
        self.test_loss = self.loss_plot_item.plot(name="test loss", pen=pen(TEST_COLOR))
        self.train_accuracy = self.accuracy_plot_item.plot(
            name="train accuracy", pen=pen(TRAIN_COLOR)
        )
        self.test_accuracy = self.accuracy_plot_item.plot(name="test accuracy", pen=pen(TEST_COLOR))
        self.reference = pg.InfiniteLine(
            angle=0, movable=False, pen=pg.mkPen("#333333", width=1.5, style=Qt.DashLine)
        )
        self.reference_label = ""
        self._reference_value = None
        self._reference_legend = self.loss_plot_item.plot(
            pen=pg.mkPen("#333333", width=1.5, style=Qt.DashLine)
        )
        self.loss_plot_item.legend.removeItem(self._reference_legend)

        self.cursor = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen("#888888", width=1))
        self.cursor.hide()
        self.loss_plot_item.addItem(self.cursor, ignoreBounds=True)
        self.hover_label = QLabel("Hover over the plot to read the values of an epoch.")
        self.hover_label.setObjectName("lossHoverLabel")
        self.hover_label.setTextFormat(Qt.RichText)
        self.log_y = QCheckBox("Log scale")
        self.log_y.setObjectName("logYInput")
        self.log_y.setAccessibleName("logYInput")
        self.log_y.setToolTip(
            "Show the loss on a logarithmic axis: small late improvements become visible."
        )
        self.log_y.toggled.connect(self.set_log_y)

        top = QHBoxLayout()
        top.addWidget(self.hover_label, 1)
        top.addWidget(self.log_y)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.graphics, 1)
        self._mouse = pg.SignalProxy(
            self.graphics.scene().sigMouseMoved, rateLimit=30, slot=self._on_mouse_moved
        )

    def clear(self) -> None:
        """Remove every point (a new run); keeps log-y and the reference line."""
        self._buffers = _Buffers()
        self._has_test = False
        for curve in (self.train_loss, self.test_loss, self.train_accuracy, self.test_accuracy):
            curve.setData([], [])
        for item in (self.loss_plot_item, self.accuracy_plot_item):
            item.enableAutoRange(x=True)
        self.loss_plot_item.enableAutoRange(y=True)
        self.cursor.hide()

    def append(self, epochs, train_loss, test_loss, train_accuracy, test_accuracy) -> None:
        """Add consecutive epochs; test values may be NaN when there is no test set."""
        self._buffers.append(
            dict(
                epochs=epochs,
                train_loss=train_loss,
                test_loss=test_loss,
                train_accuracy=train_accuracy,
                test_accuracy=test_accuracy,
            )
        )
        self._has_test = self._has_test or bool(np.isfinite(test_loss).any())
        x = self._buffers.view("epochs")
        self.train_loss.setData(x, self._buffers.view("train_loss"))
        self.train_accuracy.setData(x, self._buffers.view("train_accuracy"))
        if self._has_test:
            self.test_loss.setData(x, self._buffers.view("test_loss"))
            self.test_accuracy.setData(x, self._buffers.view("test_accuracy"))

    def set_train_label(self, text: str) -> None:
        """Legend name of the train-loss curve."""
        self.loss_plot_item.legend.getLabel(self.train_loss).setText(text)

    def set_reference_loss(self, value, label: str = "") -> None:
        """A dashed horizontal line at ``value`` (e.g. the best possible loss); None removes it."""
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
        """Copies of the plotted values: epochs, train_loss, test_loss, train_accuracy, test_accuracy."""
        out = {key: self._buffers.view(key).copy() for key in KEYS}
        out["epochs"] = out["epochs"].astype(np.int64)
        return out

    @Slot(object)
    def _on_mouse_moved(self, event):
        position = event[0]
        if self._buffers.size == 0:
            return
        for item in (self.loss_plot_item, self.accuracy_plot_item):
            if item.sceneBoundingRect().contains(position):
                self.show_epoch_at(item.getViewBox().mapSceneToView(position).x())
                return

    def show_epoch_at(self, x) -> int:
        """Read out the epoch nearest ``x`` (data coordinates); returns that epoch."""
        epochs = self._buffers.view("epochs")
        i = int(np.clip(np.searchsorted(epochs, x), 0, len(epochs) - 1))
        if i > 0 and abs(epochs[i - 1] - x) < abs(epochs[i] - x):
            i -= 1
        v = {key: self._buffers.view(key)[i] for key in KEYS}
        text = (
            f"<b>epoch {int(v['epochs']):,}</b> — "
            f"<span style='color:{TRAIN_COLOR}'>train loss {v['train_loss']:.5f}, accuracy {v['train_accuracy']:.3f}</span>"
        )
        if np.isfinite(v["test_loss"]):
            text += f" — <span style='color:{TEST_COLOR}'>test loss {v['test_loss']:.5f}, accuracy {v['test_accuracy']:.3f}</span>"
        self.hover_label.setText(text)
        self.cursor.setValue(v["epochs"])
        self.cursor.show()
        return int(v["epochs"])
