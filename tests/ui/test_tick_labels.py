"""No axis draws a tick label over another: on a log scale (0.7, 0.8, 0.9 crowd towards 1)
and at the zoom of a projector, on every tab."""

import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter

from .helpers import find, resize, settle, train_to_end


def overlaps(window):
    """(plot, axis, two labels) drawn over each other, on the axes of the views shown."""
    image = QImage(8, 8, QImage.Format_ARGB32)
    painter = QPainter(image)
    found = []
    try:
        for view in window.findChildren(pg.GraphicsView):
            if not view.isVisible():
                continue
            for item in view.scene().items():
                if not (isinstance(item, pg.AxisItem) and item.isVisible()):
                    continue
                specs = item.generateDrawSpecs(painter)  # what paint() draws
                if specs is None:
                    continue
                labels = [(QRectF(rect), text) for rect, _, text in specs[2]]
                for i, (rect, text) in enumerate(labels):
                    for other, word in labels[i + 1 :]:
                        if rect.intersects(other):
                            found.append((view.objectName(), item.orientation, text, word))
    finally:
        painter.end()
    return found


def test_tick_labels_never_overlap_on_a_log_scale_at_zoom_two(qtbot, window):
    resize(qtbot, window, 1024, 768)
    window.zoom.set(2.0)
    try:
        train_to_end(qtbot, window)
        find(window, "logYInput").setChecked(True)
        settle()
        left = []
        for index in range(window.tabs.count()):
            window.tabs.setCurrentIndex(index)
            settle()
            left += overlaps(window)
        assert left == [], left
    finally:
        window.zoom.reset()


def test_every_legend_inside_a_plot_sits_where_its_curves_leave_most_room(qtbot, window):
    """The ROC's, the precision–recall curve's and the others no view places itself."""
    import numpy as np

    from logreg_gui.ui.style.legend_place import CORNERS, covered

    train_to_end(qtbot, window)
    window.tabs.setCurrentWidget(window.evaluation)
    plots = [window.evaluation.roc.getPlotItem(), window.evaluation.pr.getPlotItem()]
    qtbot.waitUntil(
        lambda: all(p.legend.property("legendCorner") is not None for p in plots), timeout=10_000
    )
    for plot in plots:
        parts = [np.column_stack(item.getData()) for item in plot.listDataItems()]
        points = np.concatenate([p for p in parts if len(p)])
        points = points[np.isfinite(points).all(axis=1)]
        box, size = plot.getViewBox(), plot.legend.boundingRect().size()
        counts = {corner: covered(points, box, size, corner) for corner in CORNERS}
        corner = tuple(plot.legend.property("legendCorner"))
        assert counts[corner] == min(counts.values()), counts
