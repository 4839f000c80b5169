"""The loss plot names overfitting: raise the degree, train long enough with a rate that
gets there, and the warning says since which epoch the test loss rose while the training
loss fell — never on the seed's default run, and never over the run's own warning."""

import numpy as np
import pytest

from .helpers import find, train_to_end, type_into


def with_degree_2(qtbot, window):
    """The seed's 10 columns at degree 2: 65 features for 105 training samples."""
    find(window, "degreeInput").setCurrentIndex(1)
    qtbot.waitUntil(
        lambda: window.session.data is not None and window.session.data.X_train.shape[1] == 65,
        timeout=20_000,
    )


def test_the_default_run_of_the_seed_is_not_called_overfitting(qtbot, window):
    train_to_end(qtbot, window)  # lr 0.01, 3,000 epochs: the test loss still falls
    assert window.session.run.settings["learning_rate"] == 0.01
    assert window.session.run.epoch == 3000
    assert "overfitting" not in window.loss_plot.warning()


def test_a_run_that_overfits_is_said_so_with_its_numbers(qtbot, window):
    with_degree_2(qtbot, window)
    type_into(qtbot, find(window, "learningRateInput"), "1")
    train_to_end(qtbot, window)
    warning = window.loss_plot.warning()
    assert warning.startswith("overfitting: since epoch "), warning
    data = window.loss_plot.data()
    lowest = int(np.argmin(data["test_loss"]))
    epoch = int(warning.split("since epoch ")[1].split(" ")[0].replace(",", ""))
    assert abs(epoch - data["epochs"][lowest]) <= 60  # the minimum, smoothed over 2 %
    test_from, test_to = (float(v) for v in warning.split("test loss rose from ")[1]
                          .split(" while")[0].split(" to "))  # fmt: skip
    assert test_from == pytest.approx(data["test_loss"][lowest], rel=0.02)
    assert test_to > 1.1 * test_from
    shown = find(window, "lossWarning")
    assert shown.isVisible() and "Overfitting: since epoch" in shown.text()


def overfitting_batches(start, stop, warning=None):
    """Records of a run whose test loss bottoms out at epoch 1,000 and climbs after it."""
    from logreg_gui.core.training.records import RecordBatch

    e = np.arange(start, stop)
    train = 0.5 * np.exp(-e / 800) + 0.05
    test = np.where(e < 1000, 0.6 - 3e-4 * e, 0.3 + 1e-4 * (e - 1000))
    accuracy = np.full(len(e), 0.9)
    return RecordBatch(e, train, accuracy, train, test, accuracy, np.zeros((1, 2)), np.zeros(1),
                       warning=warning, warning_epoch=None if warning is None else stop - 1)  # fmt: skip


def test_during_the_run_and_under_the_runs_own_warning(qtbot):
    """The plot says overfitting while the run goes on, once the rise is clear; the run's
    own warning (here a rising loss), once raised, is what it says instead."""
    from logreg_gui.ui.session import Session
    from logreg_gui.ui.views.loss_plot import LossPlot

    session, plot = Session(), LossPlot()
    qtbot.addWidget(plot)
    plot.bind(session)
    session.start_run({"learning_rate": 0.1, "epochs": 5000, "penalty": None, "solver": "gd"})
    session.append(overfitting_batches(0, 1100))
    assert plot.warning() == ""  # risen by 0.01 only: within the margin
    session.append(overfitting_batches(1100, 2000))
    assert plot.warning().startswith("overfitting: since epoch 1,0")
    assert "rose from 0.3" in plot.warning() and "to 0.39" in plot.warning()
    session.append(overfitting_batches(2000, 2100, warning="the loss is rising: …"))
    assert plot.warning() == "the loss is rising: …"
    # With a penalty the training loss compared is the cross-entropy alone, and says so.
    session.start_run(
        {"learning_rate": 0.1, "epochs": 5000, "penalty": "l2", "alpha": 0.01, "solver": "gd"}
    )
    session.append(overfitting_batches(0, 2000))
    assert "the training loss (without the penalty) fell" in plot.warning()
