"""The learning rate judged in words, in the window: the rates gradient descent can use on
the data under the learning-rate field, a swinging loss said by the plot, the log and the
run's end, and a crawling one said with its estimate — on the seed's data, whose largest
stable rate (≈ 9.84) lies between the swinging 10 and the settling 0.5."""

import pytest

from logreg_gui.core.analysis.optimum import find_optimum
from logreg_gui.core.analysis.rates import rate_limits

from .helpers import find, train_to_end, type_into


@pytest.fixture
def limits(qtbot, window):
    qtbot.waitUntil(lambda: window.session.rate_limits is not None, timeout=20_000)
    session = window.session
    X, y = session.data.X_train, session.y_train
    expected = rate_limits(X, y, 2, 0.0, find_optimum(X, y, 2, 0.0))
    assert session.rate_limits.stable == pytest.approx(expected.stable, rel=1e-6)
    assert session.rate_limits.safe == pytest.approx(expected.safe, rel=1e-12)
    return session.rate_limits


def hint(window):
    return find(window, "learningRateHint").text()


def test_the_rates_of_these_data_are_said_under_the_learning_rate(qtbot, window, limits):
    assert f"settles below a rate of {limits.stable:.3g}" in hint(window)
    assert f"below {limits.safe:.3g} every step lowers the loss" in hint(window)
    type_into(qtbot, find(window, "learningRateInput"), "10")
    assert "above 9.84" in hint(window) and "Try 1." in hint(window)
    find(window, "optimizerInput").setCurrentIndex(3)  # Adam: these rates are not its own
    assert not find(window, "learningRateHint").isVisible()


def test_a_swinging_loss_is_said_by_the_plot_the_log_and_the_end(qtbot, window, limits):
    type_into(qtbot, find(window, "learningRateInput"), "10")
    train_to_end(qtbot, window)
    run = window.session.run
    assert window.loss_plot.warning().startswith("the loss swings between")
    shown = find(window, "lossWarning")
    assert shown.isVisible() and "The loss swings between" in shown.text()
    assert run.message.startswith("completed all 3,000 epochs, oscillating")
    lines = window.log.lines()
    said = [i for i, line in enumerate(lines) if "⚠ at epoch" in line]
    assert len(said) == 1
    epoch = next(e for e, kind, _ in run.events if kind == "warned")
    assert f"⚠ at epoch {epoch:,}: the loss swings between" in lines[said[0]]
    # Between the printed epochs around it (a line every 100 epochs by default).
    before, after = lines[said[0] - 1], lines[said[0] + 1]
    assert before.startswith(f"epoch:{epoch // 100 * 100},")
    assert after.startswith(f"epoch:{(epoch // 100 + 1) * 100},")
    assert "oscillating" in lines[-1]


def test_a_crawling_rate_is_said_with_its_estimate(qtbot, window, limits):
    type_into(qtbot, find(window, "learningRateInput"), "0.01")
    train_to_end(qtbot, window)
    warning = window.loss_plot.warning()
    assert "at this pace it would need about" in warning and "not 3,000" in warning
    assert "the learning rate 0.01 is small for these data. Try 1." in warning


def test_a_good_rate_is_neither_warned_nor_said_to_crawl(qtbot, window, limits):
    type_into(qtbot, find(window, "learningRateInput"), "0.5")
    train_to_end(qtbot, window)
    assert window.loss_plot.warning() == ""
    assert window.session.run.message == "completed all 3,000 epochs."
    assert "above" not in hint(window)
