"""Separation shown: on separable data without a penalty the loss plot draws ‖w‖ against the
epochs — growing while the loss falls — says why, and gives the size of the optimum of a few
small L2 penalties (any α > 0 gives one); with a penalty none of it shows."""

import numpy as np

from logreg_gui.core.analysis.optimum import find_optimum
from logreg_gui.core.model.penalty import Penalty

from .helpers import find, train_to_end


def blobs(qtbot, window):
    combo = find(window, "dataSourceInput")
    combo.setCurrentIndex(combo.findData("blobs"))
    qtbot.waitUntil(
        lambda: window.session.data is not None and window.session.data_settings.source == "blobs",
        timeout=20_000,
    )


def test_weights_growing_without_bound_are_drawn_and_said(qtbot, window):
    blobs(qtbot, window)
    train_to_end(qtbot, window)
    qtbot.waitUntil(lambda: window.session.separation is not None, timeout=30_000)
    plot = window.loss_plot
    assert plot.separated()
    epochs, norms = plot.norms()
    kept, params = window.session.run.weights.path()
    np.testing.assert_array_equal(epochs, kept)
    np.testing.assert_allclose(norms, np.linalg.norm(params[:, 0, :-1], axis=1))
    assert norms[-1] > norms[len(norms) // 2] > norms[0]  # still growing
    said = plot.warning()
    assert said.startswith("no finite optimum: the classes can be separated")
    X, y = window.session.data.X_train, window.session.y_train
    for alpha in (1e-2, 1e-3):
        size = np.linalg.norm(find_optimum(X, y, 2, Penalty("l2", alpha)).coef)
        assert f"α = {alpha:g}: ‖w*‖ = {size:.3g}" in said
    sizes = [s for _, s in window.session.separation]
    assert sizes == sorted(sizes)  # the smaller α, the larger the weights


def test_with_a_penalty_the_weights_settle_and_nothing_is_said(qtbot, window):
    blobs(qtbot, window)
    find(window, "penaltyInput").setCurrentIndex(find(window, "penaltyInput").findData("l2"))
    train_to_end(qtbot, window)
    qtbot.waitUntil(lambda: window.session.optimum is not None, timeout=30_000)
    assert window.session.optimum.exists
    assert not window.loss_plot.separated()
    assert "no finite optimum" not in window.loss_plot.warning()
    assert window.session.separation is None
