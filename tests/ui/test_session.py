"""The session model holds the window's state in the open, and the coordinator acts on what
the session says the forms describe: one path for every edit, no widget needed."""

import gc

import pytest

from logreg_gui.core import DataSettings
from logreg_gui.core.training.history import RunHistory
from logreg_gui.ui.session import RunState, Session


@pytest.fixture
def session(qtbot):
    return Session()


def test_a_new_run_is_never_hidden_by_one_hidden_before_it(session):
    """Hiding kept ``id(run)``: a new run could reuse a dropped run's id and start hidden.
    Visibility now lives on the run."""
    hidden_ids = set()
    for _ in range(200):
        run = RunHistory({"learning_rate": 0.1})
        session.runs = [run]
        session.set_run_visible(run, False)
        hidden_ids.add(id(run))
        session.clear_compared()
        del run
        gc.collect()
        fresh = RunHistory({"learning_rate": 0.2})
        session.runs = [fresh]
        assert session.visible_runs() == [(0, fresh)]
        if id(fresh) in hidden_ids:
            break  # the case the old code got wrong happened, and is right now
    session.set_run_visible(fresh, False)
    assert session.visible_runs() == [] and not fresh.visible


def test_changing_visibility_says_so_once(qtbot, session):
    run = RunHistory({})
    session.runs = [run]
    with qtbot.waitSignal(session.runsChanged, timeout=1_000):
        session.set_run_visible(run, False)
    with qtbot.assertNotEmitted(session.runsChanged):
        session.set_run_visible(run, False)  # no change, no signal


def test_the_run_state_is_an_enum_that_says_whether_a_run_goes_on(session):
    assert session.state is RunState.NONE
    assert RunState.RUNNING.going and RunState.PAUSED.going
    assert not RunState.FINISHED.going and not RunState.NONE.going


def test_a_change_of_the_run_s_settings_is_announced(qtbot, session):
    session.start_run({"learning_rate": 0.01, "epochs": 3000})
    with qtbot.waitSignal(session.runStateChanged, timeout=1_000):
        session.update_run_settings(epochs=5000)
    assert session.run.settings["epochs"] == 5000
    with qtbot.assertNotEmitted(session.runStateChanged):
        session.update_run_settings(epochs=5000)


def test_notices_add_up_and_clear(qtbot, session):
    with qtbot.waitSignal(session.noticeChanged, timeout=1_000) as said:
        session.set_notice("data", "held")
    assert said.args == ["held"]
    session.set_notice("model", "changed")
    assert session.notice() == "held\nchanged"
    session.set_notice("data", "")
    assert session.notice() == "changed"


def test_the_coordinator_works_from_the_session_alone(qtbot):
    """No form, no button: what the forms would write goes into the session's request, and
    Train, a live learning rate and new data follow from there."""
    from logreg_gui.core import LogisticRegressionGD
    from logreg_gui.ui.controllers.coordinator import Coordinator
    from logreg_gui.ui.runtime.jobs import Jobs

    session, jobs = Session(), Jobs()
    coordinator = Coordinator(session, jobs)
    params = LogisticRegressionGD(epochs=10_000_000).get_params()
    params.pop("random_state"), params.pop("dtype")
    session.set_request("validity", data=DataSettings(), model=params, seed=0)
    coordinator.start()
    qtbot.waitUntil(lambda: session.data is not None, timeout=20_000)
    assert session.why_not_train == ""
    coordinator.train()
    qtbot.waitUntil(
        lambda: session.run is not None and (session.run.epoch or 0) > 3, timeout=20_000
    )
    # A committed edit of a live setting reaches the run going on, through the request.
    session.set_request("model", model=dict(params, learning_rate=0.5))
    qtbot.waitUntil(lambda: session.run.learning_rates[-1][1] == 0.5, timeout=10_000)
    assert session.notice() == ""  # the learning rate applies: nothing to say
    # Another setting waits for the next Train, and the session says why.
    session.set_request("model", model=dict(params, learning_rate=0.5, penalty="l2", alpha=0.1))
    assert "Train to apply" in session.notice()
    # New data are held while the run exists, said, and made on Train.
    session.set_request("data", data=DataSettings(seed=3))
    assert coordinator.data.held == DataSettings(seed=3) and "run is kept" in session.notice()
    coordinator.train()
    qtbot.waitUntil(lambda: session.data_settings == DataSettings(seed=3), timeout=20_000)
    qtbot.waitUntil(lambda: session.state is RunState.RUNNING, timeout=20_000)
    assert session.run.settings["penalty"] == "l2" and session.run.settings["alpha"] == 0.1
    coordinator.training.shutdown()
    jobs.shutdown()
