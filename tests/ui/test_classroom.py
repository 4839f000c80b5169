"""The window in front of a class: one colour per class in every view, axes a learner reads
right, tables and panels that fit 1024×768 and 1280×800, hovering that moves nothing, the
softmax formula adding up on screen, the keyboard, zoom for a projector."""

import re

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPointF, QSettings, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QDockWidget

from .helpers import find, resize, settle, train_to_end, type_into

FEATURES = {"iris": 4, "wine": 13, "breast_cancer": 30}


def choose_dataset(qtbot, window, name):
    """Choose a dataset shipped with scikit-learn in the Data form, as a person does."""
    combo = find(window, "dataSourceInput")
    combo.setCurrentIndex(combo.findData(name))
    qtbot.waitUntil(
        lambda: (
            window.session.data is not None
            and window.session.data.X_train.shape[1] == FEATURES[name]
        ),
        timeout=20_000,
    )


def rgb(color) -> str:
    return QColor(color).name()


def brush_rgb(brush) -> str:
    return pg.mkBrush(brush).color().name()


def legend_class_colours(window) -> list[str]:
    """The colour of each class in the boundary view's legend (the reference)."""
    return window.boundary.legend_colours()


def all_axes(window):
    for view in window.findChildren(pg.GraphicsView):
        for item in view.scene().items():
            if isinstance(item, pg.AxisItem):
                yield item


@pytest.fixture
def iris_trained(qtbot, window):
    choose_dataset(qtbot, window, "iris")
    type_into(qtbot, find(window, "epochsInput"), "300")
    type_into(qtbot, find(window, "learningRateInput"), "0.1")
    train_to_end(qtbot, window)
    return window


def test_a_class_has_one_colour_in_every_view(qtbot, iris_trained):
    window = iris_trained
    window.tabs.setCurrentWidget(window.boundary)
    qtbot.waitUntil(lambda: len(window.boundary.legend_colours()) == 3, timeout=10_000)
    reference = legend_class_colours(window)
    assert len(set(reference)) == 3, reference
    names = [str(c) for c in window.session.data.classes]
    # Probability bars: each class's bar in that class's colour, whatever the order shown.
    panel = window.prediction
    bars = panel.probability_bars.opts
    by_row = dict(zip(bars["y"], (brush_rgb(b) for b in bars["brushes"])))
    ticks = panel.probability_labels()
    assert len(ticks) == 3
    for row, label in ticks:
        assert by_row[row] == reference[names.index(label)], label
    # ROC: one curve per class in its colour (the diagonal is grey).
    window.tabs.setCurrentWidget(window.evaluation)

    def curves():
        return [c for c in window.evaluation.roc.listDataItems() if c.name()]

    qtbot.waitUntil(lambda: len(curves()) == 3, timeout=10_000)
    curves = curves()
    assert len(curves) == 3
    for curve in curves:
        name = curve.name().split(":")[0]
        assert rgb(curve.opts["pen"].color()) == reference[names.index(name)], name
    # The confusion matrix's headers in the class colours (darkened for contrast).
    confusion = window.evaluation.confusion
    for j in range(3):
        header = confusion.horizontalHeaderItem(j).foreground().color()
        assert header.name() == QColor(reference[j]).darker(130).name()
    # Weights: one series per softmax class, in its colour (the intercept's bar paler).
    for bar, colour in zip(window.weights.bars(), reference, strict=True):
        assert {brush_rgb(b) for b in bar.opts["brushes"][1:]} == {colour}
    # Contributions to z of the class shown: pushing towards it in its colour, away in grey.
    from logreg_gui.ui.style.palette import NEUTRAL

    k = panel.contributions_class()
    opts = panel.contribution_bars.opts
    signed = np.where(opts["x0"] < 0, -1, 1) * opts["width"]
    for value, brush in zip(signed, opts["brushes"]):
        assert brush_rgb(brush) == (reference[k] if value >= 0 else QColor(NEUTRAL).name())
    assert len(panel.shown_contributions()) == 4


def test_binary_contributions_are_coloured_by_the_class_they_push_towards(qtbot, window):
    type_into(qtbot, find(window, "epochsInput"), "200")
    train_to_end(qtbot, window)
    window.tabs.setCurrentWidget(window.boundary)
    qtbot.waitUntil(lambda: len(window.boundary.legend_colours()) == 2, timeout=10_000)
    reference = legend_class_colours(window)
    panel = window.prediction
    row = panel.shown_contributions()
    opts = panel.contribution_bars.opts
    signed = np.where(opts["x0"] < 0, -1, 1) * opts["width"]
    assert (signed > 0).any() and (signed < 0).any()
    for value, brush in zip(signed, opts["brushes"]):
        assert brush_rgb(brush) == reference[1 if value >= 0 else 0]
    caption = find(window, "contributionCaption").text()
    assert "class 1" in caption and "class 0" in caption
    assert len(row) == 10
    # The weights chart says the same: a weight in the colour of the class it pushes towards.
    window.tabs.setCurrentWidget(window.weights)  # drawn as it is shown
    bar = window.weights.bars()[0].opts
    assert (bar["width"] > 0).any() and (bar["width"] < 0).any()
    for value, brush in zip(bar["width"][1:], bar["brushes"][1:]):
        assert brush_rgb(brush) == reference[1 if value >= 0 else 0]


def test_no_axis_uses_an_si_prefix(qtbot, window):
    choose_dataset(qtbot, window, "breast_cancer")
    type_into(qtbot, find(window, "epochsInput"), "50")
    train_to_end(qtbot, window)
    for tab in range(window.tabs.count()):
        window.tabs.setCurrentIndex(tab)
        settle()
    axes = list(all_axes(window))
    assert len(axes) > 10
    for axis in axes:
        assert not axis.autoSIPrefix, axis.labelText
        assert "(x" not in axis.labelString(), axis.labelString()


def visible_rows(table):
    return table.viewport().height() // table.verticalHeader().defaultSectionSize()


def test_the_panel_tables_show_eight_rows_at_1280x800(qtbot, window):
    resize(qtbot, window, 1280, 800)
    tables = find(window, "predictionTables")
    for name in ("featuresTable", "testSamplesTable"):
        table = find(window, name)
        tables.setCurrentWidget(table)
        settle()
        assert visible_rows(table) >= 8, (name, table.viewport().height())


def test_the_window_fits_a_1024x768_projector(qtbot, window):
    hint = window.minimumSizeHint()
    assert hint.width() <= 1024 and hint.height() <= 740, hint
    resize(qtbot, window, 1024, 768)
    assert window.width() <= 1024 and window.height() <= 768
    assert find(window, "trainButton").isVisible()


def test_hovering_the_plots_changes_no_panel_width(qtbot, window):
    resize(qtbot, window, 1280, 800)
    train_to_end(qtbot, window)
    settle()
    docks = window.findChildren(QDockWidget)
    before = [d.width() for d in docks]
    minimum = window.minimumSizeHint().width()
    for plot in (window.loss_plot.loss_plot_item, window.loss_plot.accuracy_plot_item):
        rect = plot.sceneBoundingRect()
        for fraction in (0.2, 0.5, 0.8):
            before_text = window.loss_plot.hover_label.text()
            plot.scene().sigMouseMoved.emit(
                QPointF(rect.left() + fraction * rect.width(), rect.center().y())
            )
            qtbot.waitUntil(
                lambda before_text=before_text: window.loss_plot.hover_label.text() != before_text,
                timeout=5_000,
            )
            settle()
    assert [d.width() for d in docks] == before
    assert window.minimumSizeHint().width() == minimum
    assert not window.loss_plot.toolTip()


def test_the_softmax_formula_adds_up_on_screen(qtbot, iris_trained):
    window = iris_trained
    panel = window.prediction
    e = panel.current_explanation()
    text = find(window, "scoreLabel").text()
    k = panel.contributions_class()
    number = r"(-?\d+(?:\.\d+)?(?:e[+-]?\d+)?)"
    # The bias is a named term: "… = 0.01454 + 0.5134 (bias) = …", its sign the operator.
    numbers = re.search(rf"= {number} ([+−]) {number} \(bias\) = {number}", text)
    assert numbers, text
    total, sign, size, score = numbers.groups()
    total, score = float(total), float(score)
    intercept = float(size) if sign == "+" else -float(size)
    # Each number as shown (4 significant digits) and the sum adding up.
    assert total == pytest.approx(e.contributions[k].sum(), rel=1e-3, abs=1e-4)
    assert intercept == pytest.approx(e.intercept[k], rel=1e-3, abs=1e-4)
    assert score == pytest.approx(e.scores[k], rel=1e-3, abs=1e-4)
    assert total + intercept == pytest.approx(score, rel=2e-3, abs=2e-4)
    name = str(window.session.data.classes[k])
    assert f"b<sub>{name}</sub>" in text
    assert name in find(window, "contributionCaption").text()


def test_tab_reaches_the_run_controls_and_the_views_and_ctrl_digits_switch_views(qtbot, window):
    window.activateWindow()
    last_field = find(window, "nIterNoChangeInput")
    last_field.setFocus()
    seen = []
    for _ in range(12):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Tab)
        seen.append(QApplication.focusWidget())
    names = [w.objectName() for w in seen if w is not None]
    assert "trainButton" in names, names
    assert window.tabs.tabBar() in seen, names
    assert names.index("trainButton") < seen.index(window.tabs.tabBar())
    for n in (3, 1):
        qtbot.keyClick(window, getattr(Qt, f"Key_{n}"), Qt.ControlModifier)
        assert window.tabs.currentIndex() == n - 1


def test_help_lists_the_shortcuts_and_menus_show_theirs(window):
    from logreg_gui.ui.app.keyboard import shortcuts

    listed = shortcuts(window.tabs.count())
    keys = " ".join(k for k, _ in listed)
    assert "Ctrl+Return" in keys.replace("⌘", "Ctrl") or "Ctrl+Enter" in keys
    assert len(listed) >= 12
    # Menu entries show their shortcuts next to them (Qt draws an action's shortcut).
    menu_actions = [
        action for menu in window.menuBar().actions() for action in menu.menu().actions()
    ]
    texts = {a.shortcut().toString() for a in menu_actions if not a.shortcut().isEmpty()}
    assert {"Ctrl+O", "Ctrl+S", "Ctrl+0"} <= texts, texts


def test_zoom_scales_text_and_lines_and_is_remembered(qtbot, window):
    app = QApplication.instance()
    before = app.font().pointSizeF()
    axis = window.loss_plot.loss_plot_item.getAxis("bottom")
    try:
        window.zoom.zoom_in()
        window.zoom.zoom_in()
        assert window.zoom.factor == 1.25
        assert app.font().pointSizeF() == pytest.approx(before * 1.25)
        assert axis.labelStyle["font-size"].endswith("pt")
        assert float(axis.labelStyle["font-size"][:-2]) > 10
        assert float(QSettings().value("ui/zoom")) == 1.25
        from logreg_gui.ui.app.zoom import Zoom

        assert Zoom().factor == 1.25  # the next window starts zoomed
        assert window.minimumSizeHint().width() <= 1280
    finally:
        window.zoom.reset()
    assert app.font().pointSizeF() == pytest.approx(before)


def test_new_data_at_a_zoom_draws_its_points_at_that_zoom_once(qtbot, window):
    """The points of new data are made at pyqtgraph's size and zoomed once their data have
    come; a later change of data zooms the new ones and leaves the zoomed alone (not 1.5²)."""
    window.tabs.setCurrentWidget(window.boundary)
    settle()
    base = {item: item.opts["size"] for item in window.boundary.point_items()}
    assert sorted(set(base.values())) == [8, 9]  # training and test points
    try:
        window.zoom.set(1.5)
        for name in ("iris", "wine"):
            choose_dataset(qtbot, window, name)
            qtbot.waitUntil(
                lambda: (
                    {item.opts["size"] for item in window.boundary.point_items()} == {12.0, 13.5}
                ),
                timeout=10_000,
            )
            window.zoom.apply(window)  # again, as after every change of data: no change
            assert {item.opts["size"] for item in window.boundary.point_items()} == {12.0, 13.5}
    finally:
        window.zoom.reset()
    qtbot.waitUntil(
        lambda: {item.opts["size"] for item in window.boundary.point_items()} == {8, 9},
        timeout=10_000,
    )


def test_no_empty_legend_box_is_drawn(qtbot, window):
    train_to_end(qtbot, window)
    for tab in range(window.tabs.count()):
        window.tabs.setCurrentIndex(tab)
        settle()
    for view in window.findChildren(pg.GraphicsView):
        for item in view.scene().items():
            if isinstance(item, pg.LegendItem) and item.isVisible():
                assert item.items, f"an empty legend shows in {view.parent().objectName()}"


def test_the_plane_shows_the_full_model_s_prediction_of_every_point(qtbot, iris_trained):
    """The background is a slice; the rings and crosses say what the model really predicts."""
    from logreg_gui.core.model.objective import decision_scores, predicted_indices

    window = iris_trained
    window.tabs.setCurrentWidget(window.boundary)
    qtbot.waitUntil(lambda: len(window.boundary.predicted_outlines()[0]) > 0, timeout=10_000)
    data = window.session.data
    coef, intercept = window.session.shown()[1:3]
    index, outline = window.boundary.predicted_outlines()
    truth = predicted_indices(decision_scores(data.X_test[index], coef, intercept))
    np.testing.assert_array_equal(outline, truth)
    assert sorted(index) == list(range(len(data.y_test)))  # every test sample is ringed
    # One cross per sample drawn that the model gets wrong, train and test.
    classes = np.asarray(data.classes)
    wrong = sum(
        int(np.sum(classes[predicted_indices(decision_scores(X, coef, intercept))] != y))
        for X, y in ((data.X_train, data.y_train), (data.X_test, data.y_test))
    )
    assert wrong > 0
    assert len(window.boundary.wrong_marks.data) == wrong
    from PySide6.QtWidgets import QLabel

    text = " ".join(label.text() for label in window.boundary.findChildren(QLabel))
    assert "slice through the training mean" in text
