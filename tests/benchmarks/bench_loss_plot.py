"""Benchmark: the loss plot with 10^3 to 10^6 epochs, with and without pyqtgraph's downsampling.

Run on demand:  .venv/bin/python tests/benchmarks/bench_loss_plot.py
Prints the time of one append (500 epochs) + redraw at each size, and the ratio to the
same plot drawn without downsampling and clip-to-view.
"""

import os
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
from PySide6.QtWidgets import QApplication

from logreg_gui.ui.views.loss_plot import LossPlot


def frame_times(plot, app, sizes, batch=500):
    n, out = 0, {}
    for size in sizes:
        while n < size - batch:  # fill quickly in large chunks
            e = np.arange(n, min(n + 100_000, size - batch), dtype=float)
            plot.append(e, 1 / (e + 1), 1 / (e + 2), np.full(len(e), 0.8), np.full(len(e), 0.7))
            n += len(e)
        times = []
        for _ in range(5):
            e = np.arange(n, n + batch, dtype=float)
            n += batch
            began = time.perf_counter()
            plot.append(e, 1 / (e + 1), 1 / (e + 2), np.full(batch, 0.8), np.full(batch, 0.7))
            plot.graphics.repaint()
            app.processEvents()
            times.append(time.perf_counter() - began)
        out[size] = float(np.median(times))
    return out


def main():
    app = QApplication.instance() or QApplication([])
    sizes = (1_000, 100_000, 1_000_000)
    fast = LossPlot()
    fast.resize(900, 600)
    fast.show()
    slow = LossPlot()
    slow.resize(900, 600)
    slow.show()
    for item in (slow.loss_plot_item, slow.accuracy_plot_item):
        item.setDownsampling(auto=False, ds=1)
        item.setClipToView(False)
    a, b = frame_times(fast, app, sizes), frame_times(slow, app, sizes)
    for size in sizes:
        print(
            f"{size:>9,} epochs: append+redraw {a[size] * 1000:6.1f} ms with downsampling, "
            f"{b[size] * 1000:7.1f} ms without ({b[size] / a[size]:.1f}x)"
        )


if __name__ == "__main__":
    main()
