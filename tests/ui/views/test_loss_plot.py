"""LossPlot: every appended epoch plotted in order, hover read-out, log-y, reference line."""

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from logreg_gui.ui.views.loss_plot import LossPlot


@pytest.fixture
def plot(qtbot):
    p = LossPlot()
    qtbot.addWidget(p)
    p.resize(800, 500)
    p.show()
    qtbot.waitExposed(p)
    return p


def batch(start, stop, with_test=True):
    e = np.arange(start, stop)
    nan = np.full(len(e), np.nan)
    return (
        e,
        1.0 / (e + 1),
        0.5 / (e + 1) if with_test else nan,
        np.linspace(0.5, 0.9, len(e)),
        np.full(len(e), 0.8) if with_test else nan,
    )


def test_every_epoch_is_plotted_while_it_fits(plot):
    for start in range(0, 4000, 700):
        plot.append(*batch(start, min(start + 700, 4000)))
    data = plot.data()
    np.testing.assert_array_equal(data["epochs"], np.arange(4000))
    np.testing.assert_allclose(data["train_loss"], 1.0 / (np.arange(4000) + 1))
    x, y = plot.train_loss.getOriginalDataset()
    np.testing.assert_array_equal(x, np.arange(4000))
    np.testing.assert_allclose(y, data["train_loss"])
    plot.clear()
    assert len(plot.data()["epochs"]) == 0


def test_a_long_run_holds_a_bounded_envelope_that_hides_no_spike(plot):
    """10⁶ epochs: the plot holds at most 2 × 4096 points, each bucket's min and max, so an
    update costs the same as at 10³ epochs and a one-epoch spike still shows."""
    for start in range(0, 10**6, 50_000):
        e, train, test, acc, tacc = batch(start, start + 50_000)
        if start <= 777_777 < start + 50_000:
            train = train.copy()
            train[777_777 - start] = 9.0
        plot.append(e, train, test, acc, tacc)
    x, y = plot.train_loss.getOriginalDataset()
    assert len(x) <= 2 * 4096
    assert y.max() == 9.0 and x[np.argmax(y)] == pytest.approx(777_777, abs=256)
    assert x[0] >= 0 and x[-1] <= 10**6 - 1
    plot.show_epoch_at(777_777)  # the read-out names the bucket's epochs and its range
    assert "epochs 77" in plot.hover_label.text() and "9.00000" in plot.hover_label.text()


def test_without_a_test_set_the_test_curves_stay_empty(plot):
    plot.append(*batch(0, 50, with_test=False))
    x, _ = plot.test_loss.getOriginalDataset()
    assert x is None or len(x) == 0


def test_hover_reads_out_the_nearest_epoch(qtbot, plot):
    plot.append(*batch(0, 200))
    assert plot.show_epoch_at(41.3) == 41
    assert "epoch 41" in plot.hover_label.text()
    assert f"{1 / 42:.5f}" in plot.hover_label.text()
    # Through the real mouse path: the pointer moved over epoch 120 of the loss plot.
    plot.loss_plot_item.getViewBox().setRange(xRange=(0, 199), yRange=(0, 1), padding=0)
    QApplication.processEvents()  # the view's transform follows its new range
    scene_pos = plot.loss_plot_item.getViewBox().mapViewToScene(QPointF(120, 0.5))
    viewport = plot.graphics.viewport()
    at = QPointF(plot.graphics.mapFromScene(scene_pos))
    move = QMouseEvent(
        QEvent.MouseMove, at, viewport.mapToGlobal(at), Qt.NoButton, Qt.NoButton, Qt.NoModifier
    )
    QApplication.sendEvent(viewport, move)
    qtbot.waitUntil(lambda: "epoch 120" in plot.hover_label.text(), timeout=5_000)


def test_log_y_and_the_reference_line(plot):
    plot.append(*batch(0, 100))
    plot.set_reference_loss(0.25, "optimum 0.25")
    assert plot.reference.value() == pytest.approx(0.25)
    plot.log_y.setChecked(True)
    assert plot.loss_plot_item.ctrl.logYCheck.isChecked()
    assert plot.reference.value() == pytest.approx(np.log10(0.25))
    plot.set_reference_loss(None)
    assert plot.reference not in plot.loss_plot_item.items
