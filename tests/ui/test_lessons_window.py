"""Help ▸ Lessons in the real window: every shipped lesson walked step by step, each step's
state reached and the part it points at framed; bad lesson files said in one sentence."""

import pytest
from PySide6.QtWidgets import QFileDialog, QWidget

from logreg_gui.core import DataError
from logreg_gui.core.data.settings import settings_from_dict
from logreg_gui.core.lessons import read_lesson, shipped_lessons
from logreg_gui.ui.app.lessons import in_sight
from logreg_gui.ui.session import RunState

from .helpers import find, trigger


def reached(window, step):
    """Whether the window shows what ``step``'s setup asks for."""
    setup, session = step.setup, window.session
    if setup.data is not None and session.data_settings != settings_from_dict(setup.data):
        return False
    model = session.request.model or {}
    if any(model.get(k) != v for k, v in (setup.model or {}).items()):
        return False
    if setup.epoch is not None and step.question is None:
        run = session.run
        if run is None:
            return False
        if setup.epoch == "end" and session.state is not RunState.FINISHED:
            return False
        if setup.epoch != "end" and run.epoch != setup.epoch:
            return False
    if setup.sample is not None and session.selected != setup.sample:
        return False
    if setup.blog is not None and window.coordinator.blog_mode != setup.blog:
        return False
    if setup.blog and setup.epoch == "end" and not any(r.blog for r in session.runs):
        return False  # the blog's loop ran beside, as a compared run
    return setup.threshold is None or session.threshold == pytest.approx(setup.threshold)


def walk(qtbot, window, path):
    lesson = window.open_lesson(path)
    guide = window.lessons
    panel = find(window, "lessonPanel")
    for number, step in enumerate(lesson.steps, 1):
        with qtbot.waitSignal(guide.stepReady, timeout=60_000):
            window.lesson_step(number)
        assert reached(window, step), (path.name, number)
        assert f"{number}" in find(window, "lessonStepLabel").text()
        if step.setup.tab:
            shown = window.tabs.currentWidget()
            assert shown.objectName() == step.setup.tab or shown.findChild(
                QWidget, step.setup.tab
            ), (path.name, number)
        if step.point:
            assert guide.highlight.target is window.findChild(QWidget, step.point)
            qtbot.waitUntil(lambda: guide.highlight.isVisible(), timeout=20_000)
            seen = in_sight(guide.highlight.target, window)
            assert not seen.isEmpty(), (path.name, number)  # scrolled into sight
            assert guide.highlight.geometry().contains(seen.center()), (path.name, number)
        if step.question is not None:
            check = find(panel, "lessonCheckButton")
            assert not check.isEnabled()  # an answer first
            wrong = (step.question.answer + 1) % len(step.question.choices)
            find(panel, f"lessonChoice{wrong}").click()
            with qtbot.waitSignal(guide.stepReady, timeout=60_000):
                check.click()
            reveal = find(panel, "lessonReveal").text()
            assert step.question.choices[step.question.answer] in reveal
            assert step.question.explain[:20] in reveal
            if step.setup.epoch is not None:
                assert session_trained(window, step)
    return lesson


def session_trained(window, step):
    run = window.session.run
    if step.setup.epoch == "end":
        return window.session.state is RunState.FINISHED
    return run is not None and run.epoch == step.setup.epoch


@pytest.mark.parametrize("path", shipped_lessons("en"), ids=lambda p: p.name)
def test_every_shipped_lesson_walks_to_its_end_in_the_window(qtbot, window, path):
    lesson = walk(qtbot, window, path)
    find(window, "lessonNextButton").click()  # "Finish" on the last step
    assert window.lessons.where() is None
    assert not window.coordinator.blog_mode  # as the person had it before the lesson
    assert not find(window, "lessonDock").isVisible()
    assert lesson.steps


@pytest.fixture
def chinese(qtbot, monkeypatch):
    from .helpers import window_in

    yield from window_in(qtbot, monkeypatch, "zh_CN")


def test_a_lesson_in_chinese_from_the_help_menu(qtbot, chinese):
    window = chinese
    menu = window.menus.lessons_menu
    menu.aboutToShow.emit()
    first = shipped_lessons("zh_CN")[0]
    action = window.findChild(type(menu.menuAction()), "lesson_" + first.name.split(".")[0])
    assert read_lesson(first).title in action.text()
    action.trigger()
    assert window.lessons.lesson.language == "zh_CN"
    walk(qtbot, window, first)


def test_a_bad_lesson_file_is_one_sentence_and_the_open_lesson_stays(
    qtbot, window, tmp_path, monkeypatch
):
    good = shipped_lessons("en")[1]
    window.open_lesson(good)
    bad = tmp_path / "bad.md"
    bad.write_text('---\ntitle: x\nlanguage: en\n---\n## One\n```setup\n{"tab": 3}\n```\nText.\n')
    with pytest.raises(DataError) as refused:
        window.open_lesson(bad)
    assert "\n" not in str(refused.value) and "bad.md" in str(refused.value)
    assert window.lessons.lesson.title == read_lesson(good).title
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    trigger(window, "openLessonAction")
    assert window.dialogs and "bad.md" in window.dialogs[-1][1]
    with pytest.raises(DataError):
        window.lesson_step(99)


def test_a_teacher_s_own_lesson_opens_from_the_command_line(qtbot, tmp_path):
    from logreg_gui.ui.app.main_window import MainWindow

    own = tmp_path / "mine.md"
    own.write_text(
        "---\ntitle: My class\nlanguage: en\n---\n"
        "## Moons\n```setup\n"
        '{"data": {"source": "moons"}, "model": {"epochs": 50}, "epoch": 50, '
        '"tab": "boundaryView", "point": "trainButton"}\n```\n'
        "A straight line cannot split two moons. Look at the boundary.\n"
    )
    w = MainWindow()
    qtbot.addWidget(w)
    w.open_lesson_at_start(str(own))
    w.show()
    qtbot.waitUntil(lambda: w.lessons.where() is not None, timeout=20_000)
    qtbot.waitUntil(lambda: w.session.run is not None and w.session.run.epoch == 50, timeout=60_000)
    assert w.session.data_settings.source == "moons"
    w.close()
    from logreg_gui.app import parse_args

    assert parse_args(["--lesson", str(own)])[0].lesson == str(own)


def test_a_lesson_follows_the_language_switched_to_at_the_step_it_was(qtbot, window):
    window.open_lesson(shipped_lessons("en")[0])
    with qtbot.waitSignal(window.lessons.stepReady, timeout=60_000):
        window.lesson_step(3)
    try:
        assert window.switch_language("zh_CN")
        qtbot.waitUntil(lambda: window.lessons.where() is not None, timeout=20_000)
        lesson, index = window.lessons.where()
        assert lesson.language == "zh_CN" and index == 2
        assert lesson.title in find(window, "lessonTitle").text()
        assert find(window, "lessonDock").isVisible()
    finally:
        window.switch_language("en")  # once the data of the switch are in, if not yet
    qtbot.waitUntil(
        lambda: window.lessons.where() is not None and window.lessons.where()[0].language == "en",
        timeout=30_000,
    )
    assert window.lessons.where()[1] == 2


def test_a_lesson_starts_from_the_model_s_defaults_not_an_earlier_choice(qtbot, window):
    from .helpers import choose_penalty

    choose_penalty(qtbot, window, "l1", alpha="0.03")
    assert window.session.request.model["penalty"] == "l1"
    window.open_lesson(shipped_lessons("en")[0])
    qtbot.waitUntil(lambda: window.session.request.model["penalty"] in (None, "none"))
    assert window.session.request.model["learning_rate"] == 0.01


def test_a_part_on_a_page_of_a_view_s_own_tabs_is_shown_and_framed(qtbot, window, tmp_path):
    own = tmp_path / "path.md"
    own.write_text(
        "---\ntitle: Path\nlanguage: en\n---\n"
        '## The path\n```setup\n{"tab": "evaluationView", "point": "pathComputeButton"}\n```\n'
        "Press Compute to see every weight against the strength of the penalty.\n"
    )
    with qtbot.waitSignal(window.lessons.stepReady, timeout=30_000):
        window.open_lesson(own)
    button = find(window, "pathComputeButton")
    qtbot.waitUntil(button.isVisible, timeout=10_000)
    assert window.lessons.highlight.target is button
    assert find(window, "evaluationPages").currentWidget().isAncestorOf(button)
