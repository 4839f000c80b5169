"""The blog's log and the records it is made from: exact values, bounded memory, the same
lines whenever they are made."""

import numpy as np
import pytest

from logreg_gui.core import DataSettings, LogisticRegressionGD, prepare_data
from logreg_gui.core.training.blog_log import LogRecords, log_line, log_lines
from logreg_gui.core.training.history import RunHistory


def values(epochs):
    e = np.asarray(epochs, dtype=float)
    return np.column_stack([1 / (e + 1), e / (e + 1), 2 / (e + 2), np.full(len(e), np.nan)])


def test_the_records_keep_every_epoch_while_they_fit_then_every_tenth():
    records = LogRecords(capacity=100)
    records.append(np.arange(0, 60), values(range(0, 60)))
    assert records.stride == 1 and list(records.epochs()) == list(range(60))
    records.append(np.arange(60, 345), values(range(60, 345)))
    assert records.stride == 10 and list(records.epochs()) == list(range(0, 345, 10))
    assert records.last_epoch == 344  # the last one is always kept
    records.append(np.arange(345, 2001), values(range(345, 2001)))
    assert records.stride == 100 and records.size <= 100
    epochs, kept = records.rows(100)
    np.testing.assert_array_equal(epochs, np.arange(0, 2001, 100))
    np.testing.assert_array_equal(kept, values(epochs))  # exact, not averaged
    np.testing.assert_array_equal(records.rows(300, after=900, upto=1500)[0], [1200, 1500])


def test_a_run_s_log_is_the_lines_logreg_train_prints():
    split = prepare_data(DataSettings())
    model = LogisticRegressionGD(epochs=450, random_state=0)
    run = model.start_training(split.X_train, split.y_train, split.X_test, split.y_test)
    history, printed = RunHistory(model.get_params()), []
    while not run.finished:
        batch = run.advance()
        if batch is not None:
            history.append(batch)
            printed += log_lines(batch, 100)
    assert history.log.lines(100) == printed
    assert history.log.last_line().startswith("epoch:450, loss:")


def test_records_go_to_arrays_and_back_and_truncate_as_a_run_is_branched():
    records = LogRecords(capacity=50)
    records.append(np.arange(0, 120), values(range(120)))
    again = LogRecords.from_arrays(records.to_arrays())
    assert again.lines(10) == records.lines(10) and again.last_line() == records.last_line()
    records.truncate(55)
    assert records.epochs()[-1] == 50 and records.last_epoch is None  # 55 was not kept
    records.append(np.arange(56, 70), values(range(56, 70)))
    assert records.lines(10)[-1].startswith("epoch:60") and records.last_epoch == 69


@pytest.mark.parametrize(
    "change",
    [
        lambda a: a.update(values=np.ones((3, 5))),
        lambda a: a.update(meta=np.array([10, 0, 0, -1])),
        lambda a: a.update(last=np.ones(2)),
    ],
)
def test_inconsistent_arrays_are_refused(change):
    records = LogRecords()
    records.append(np.arange(5), values(range(5)))
    arrays = records.to_arrays()
    change(arrays)
    with pytest.raises(ValueError):
        LogRecords.from_arrays(arrays)


def test_the_line_format_is_the_blog_s():
    assert log_line(100, 0.2841059, 0.88571) == "epoch:100, loss:0.284106, acc:0.8857"
    assert log_line(5, 1, 0.5, 0.25, 0.75) == (
        "epoch:5, loss:1.000000, acc:0.5000, test_loss:0.250000, test_acc:0.7500"
    )
