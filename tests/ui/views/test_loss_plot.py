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


def curve_points_under(legend, item):
    """How many of ``item``'s points (mapped to the scene, as drawn) lie under ``legend``."""
    box = item.getViewBox()
    x, y = item.getData()
    area = legend.sceneBoundingRect()
    return sum(area.contains(box.mapViewToScene(QPointF(a, b))) for a, b in zip(x, y))


def test_each_legend_leaves_the_corner_its_curves_pass_through(qtbot, plot):
    """The loss legend starts top right. A dashed line along the top of the loss plot (here
    at 1.9) and a loss that starts low cover every corner but the bottom right: the legend
    moves there, and stays while nothing covers it; neither legend covers a curve."""
    e = np.arange(0, 400)
    rising = np.linspace(0.2, 2.0, len(e))
    low = np.full(len(e), 0.1)
    plot.append(e, rising, rising * 0.9, low, low)
    plot.set_reference_loss(1.9, "a line along the top")
    box = plot.loss_plot_item.getViewBox()
    qtbot.waitUntil(lambda: box.viewRange()[1][1] >= 2.0)  # the axes follow the data
    plot.place_legends()  # what its timer does a few times a second
    assert plot.legend_corners["loss"] == (1, 1)  # the only corner left free
    loss_legend = plot.loss_plot_item.legend
    accuracy_legend = plot.accuracy_plot_item.legend
    for legend, item in ((loss_legend, plot.train_loss), (accuracy_legend, plot.train_accuracy)):
        qtbot.waitUntil(lambda lg=legend, it=item: curve_points_under(lg, it) == 0)
    line = plot.reference.value()
    (x0, x1), _ = box.viewRange()
    for x in np.linspace(x0, x1, 50):  # the dashed line is nowhere under the legend
        assert not loss_legend.sceneBoundingRect().contains(box.mapViewToScene(QPointF(x, line)))
    corners = dict(plot.legend_corners)
    more = np.arange(400, 420)
    plot.append(more, np.full(20, 2.0), np.full(20, 1.8), np.full(20, 0.98), np.full(20, 0.98))
    plot.place_legends()
    assert plot.legend_corners == corners  # no jump while nothing is covered
