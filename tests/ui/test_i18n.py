"""Chinese: the translation is complete, compiled from its source, and the window speaks it."""

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMenu

from logreg_gui.ui.style import i18n

from .helpers import find, type_into, window_in

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "logreg_gui_zh_CN.ts"
FIELD = re.compile(r"\{[^{}]*\}")


def chinese(text) -> bool:
    return re.search(r"[\u4e00-\u9fff]", text) is not None


def messages():
    """(context, source, translation or None) of every message the source still has."""
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type")
            if kind in ("obsolete", "vanished"):
                continue
            done = kind != "unfinished" and bool(translation.text)
            yield name, message.findtext("source"), translation.text if done else None


def test_the_compiled_translation_matches_its_source_and_the_code():
    """Every marked string of the code is in the .ts, and the shipped .qm is compiled from it."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "resources" / "translations" / "update.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert (i18n.translations_dir() / "logreg_gui_zh_CN.qm").stat().st_size > 10_000


def test_every_translated_string_is_one_the_translation_tool_can_see():
    """lupdate collects ``translate("context", "text")``, ``QT_TRANSLATE_NOOP(…)`` and
    ``self.tr("text")`` only when they are written out as literals: a context held in a
    variable, or an f-string, is never collected and stays English for ever. (Translating
    a variable is fine when its text was marked where it was written.)"""
    import ast

    unseen = []
    for path in sorted((ROOT / "logreg_gui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            args = node.args
            if name == "QT_TRANSLATE_NOOP":
                bad = not all(isinstance(a, ast.Constant) for a in args[:2])
            elif name == "translate" and len(args) >= 2:
                text, context = args[1], args[0]
                literal_text = isinstance(text, ast.Constant)
                bad = isinstance(text, ast.JoinedStr) or (
                    literal_text and not isinstance(context, ast.Constant)
                )
            elif name == "tr" and isinstance(func, ast.Attribute):
                bad = isinstance(args[0], ast.JoinedStr)
            else:
                continue
            if bad:
                unseen.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert unseen == [], unseen


def test_at_least_95_percent_of_the_strings_are_translated_with_their_fields_intact():
    found = list(messages())
    assert len(found) > 400
    done = [m for m in found if m[2] is not None]
    assert len(done) / len(found) >= 0.95, [m[:2] for m in found if m[2] is None][:20]
    for context, source, translation in done:
        # A translation that names other fields would raise KeyError when formatted.
        assert sorted(FIELD.findall(source)) == sorted(FIELD.findall(translation)), (
            context,
            source,
            translation,
        )
        # Words of English are translated; a name (Adam, ROC AUC, scikit-learn) may stay.
        words = re.search(r"[a-z]{4}", FIELD.sub("", source))
        assert chinese(translation) or not words or source == translation, (source, translation)


def test_the_blog_s_terms_are_the_words_used():
    translations = " ".join(t for _, _, t in messages() if t)
    for term in ("学习率", "梯度", "损失", "准确率", "训练集", "测试集", "逻辑回归"):
        assert term in translations, term


@pytest.fixture
def chinese_window(qtbot, monkeypatch):
    yield from window_in(qtbot, monkeypatch, "zh_CN")


def test_the_window_speaks_chinese(qtbot, chinese_window):
    window = chinese_window
    assert find(window, "trainButton").text() == "训练"
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert all(chinese(t) for t in titles), titles
    for plot in (window.loss_plot.loss_plot_item, window.loss_plot.accuracy_plot_item):
        for side in ("left", "bottom"):
            label = plot.getAxis(side).labelText
            assert chinese(label), label
    menus = [a.text() for a in window.menuBar().actions()]
    assert all(chinese(t) for t in menus), menus
    # A message of the core, formatted with its values, in Chinese.
    type_into(qtbot, find(window, "learningRateInput"), "-1")
    error = find(window, "learningRateInputError").text()
    assert chinese(error) and "-1" in error, error
    assert not find(window, "trainButton").isEnabled()


def test_english_is_back_after_chinese(qtbot, window):
    assert find(window, "trainButton").text() == "Train"
    assert window.tabs.tabText(0) == "Loss"


def test_the_language_chosen_is_kept():
    i18n.set_language("zh_CN")
    assert i18n.chosen_language() == "zh_CN" and i18n.language_in_use() == "zh_CN"
    i18n.set_language("en")
    assert i18n.language_in_use() == "en"
    with pytest.raises(ValueError):
        i18n.set_language("xx")


def visible_texts(window):
    """Every text a person can see or point at in ``window`` as it is now: widgets' texts,
    titles, tooltips and placeholders, tab and combo-box entries, and the plots' axis
    titles, labels and texts."""
    import pyqtgraph as pg
    from PySide6.QtWidgets import QComboBox, QTabBar, QWidget

    found = [window.windowTitle()]
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window) or isinstance(widget, QMenu):
            continue
        for name in ("text", "title", "toolTip", "placeholderText", "windowTitle"):
            getter = getattr(widget, name, None)
            if callable(getter):
                try:
                    value = getter()
                except TypeError:
                    continue
                if isinstance(value, str) and value:
                    found.append(value)
        if isinstance(widget, QTabBar):
            found += [widget.tabText(i) for i in range(widget.count())]
        if isinstance(widget, QComboBox):
            found += [widget.itemText(i) for i in range(widget.count())]
    for view in window.findChildren(pg.GraphicsView):
        if not view.isVisibleTo(window):
            continue
        for item in view.scene().items():
            if isinstance(item, pg.AxisItem):
                found.append(item.labelText)
            elif isinstance(item, pg.LabelItem):
                found.append(item.text)
            elif isinstance(item, pg.TextItem):
                found.append(item.toPlainText())
    found += [a.text() for a in window.menuBar().actions()]
    return [t for t in found if t]


def english_words():
    """Words of the English texts that the translation says otherwise — names that stay as
    they are in Chinese (Adam, softmax, float64, the blog's code) are not among them."""
    kept = " ".join(t for _, _, t in messages() if t).lower()
    words = set()
    for _, source, translation in messages():
        if translation and translation != source:
            words.update(re.findall(r"\b[a-z]{4,}\b", FIELD.sub("", source).lower()))
    return {w for w in words if not re.search(rf"\b{w}\b", kept)}


def in_every_tab(window, look):
    from .helpers import settle

    shown = window.tabs.currentIndex()
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        settle()
        look(window.tabs.tabText(index))
    window.tabs.setCurrentIndex(shown)


def test_the_language_switches_at_once_with_runs_present(qtbot, window):
    """View ▸ Language: the whole window speaks the language chosen at once — its runs
    too, named and explained in it — and the work stays: runs, weights, selection, the tab
    and the panels. Back in English, not one Chinese character is left (the languages'
    own names in the menu aside)."""
    import glob
    import tempfile

    import numpy as np

    from .helpers import train_to_end

    train_to_end(qtbot, window)
    type_into(qtbot, find(window, "learningRateInput"), "0.5")
    train_to_end(qtbot, window)
    window.session.select_sample(5)
    window.tabs.setCurrentIndex(4)
    runs = len(window.session.runs)
    coef = np.array(window.session.run.latest["coef"])
    panels = (window.settings_dock.width(), window.prediction_dock.width())
    data = window.session.data
    assert window.session.run.label == "run 2: lr 0.5"
    back = lambda: window.session.data is not None and len(window.session.runs) == runs  # noqa: E731
    english = english_words()
    seen = [
        t for t in visible_texts(window) if set(re.findall(r"\b[a-z]{4,}\b", t.lower())) & english
    ]
    assert len(seen) > 100  # what the look below would find in the English window
    try:
        find(window, "language_zh_CN").trigger()
        qtbot.waitUntil(back, timeout=30_000)
        assert find(window, "trainButton").text() == "训练"
        run = window.session.run
        assert run.label == "运行 2: lr 0.5" and run.message == "完成了全部 3,000 轮。"
        assert window.session.runs[0].label.startswith("运行 1")
        np.testing.assert_array_equal(run.latest["coef"], coef)
        assert window.session.data is data  # handed over in memory: nothing written or read
        assert window.session.selected == 5 and window.tabs.currentIndex() == 4
        qtbot.waitUntil(
            lambda: (window.settings_dock.width(), window.prediction_dock.width()) == panels
        )
        assert chinese(window.statusBar().currentMessage())
        left = []

        def no_english(tab):
            for text in visible_texts(window):
                words = set(re.findall(r"\b[a-z]{4,}\b", text.lower()))
                if not chinese(text) and words & english:
                    left.append((tab, text))

        in_every_tab(window, no_english)
        assert left == [], left
        assert not glob.glob(f"{tempfile.gettempdir()}/logreg-gui-language-*")

        find(window, "language_en").trigger()
        qtbot.waitUntil(back, timeout=30_000)
        assert window.session.run.label == "run 2: lr 0.5"
        assert find(window, "trainButton").text() == "Train"
        left = []
        names = {"中文（简体）", "System / 系统"}
        in_every_tab(
            window,
            lambda tab: left.extend(
                (tab, t) for t in visible_texts(window) if chinese(t) and t not in names
            ),
        )
        assert left == [], left
    finally:
        i18n.install(QApplication.instance(), "en")
        i18n.set_language("system")


def test_every_menu_entry_and_file_dialog_speaks_chinese(qtbot, chinese_window, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    window = chinese_window
    names = {"English", "System / 系统", "中文（简体）"}  # the languages, each in its own words
    for menu in window.menuBar().findChildren(QMenu):
        for action in menu.actions():
            text = action.text()
            if text and not action.isSeparator() and text not in names:
                assert chinese(text), text
    asked = []

    def ask(parent, caption, directory="", filters="", *args, **kwargs):
        asked.append((caption, filters))
        return "", ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", ask)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", ask)
    for name in (
        "openDataAction", "saveSessionAction", "saveSessionWithDataAction", "openSessionAction",
        "saveModelAction",
        "openModelAction", "exportPredictionsAction", "exportImageAction", "exportReportAction",
    ):  # fmt: skip
        find(window, name).trigger()
    assert len(asked) == 9
    for caption, filters in asked:
        assert chinese(caption), caption
        assert chinese(filters), filters


def test_qts_own_file_dialog_speaks_chinese(qtbot, chinese_window):
    from PySide6.QtWidgets import QAbstractButton, QFileDialog, QLabel

    dialog = QFileDialog(chinese_window, "x")
    dialog.setOption(QFileDialog.DontUseNativeDialog, True)
    dialog.setAcceptMode(QFileDialog.AcceptSave)
    qtbot.addWidget(dialog)
    texts = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
    texts += [b.text() or b.toolTip() for b in dialog.findChildren(QAbstractButton)]
    texts = [t for t in texts if t]
    assert len(texts) >= 6, texts
    assert all(chinese(t) for t in texts), texts  # "Look in:" was English (Qt's own gap)


def test_a_run_going_on_when_the_language_changes_stops_where_it_is(qtbot, window):
    """The run's epochs until the switch stay; the status bar says where it stopped, in the
    new language; and the window closes cleanly afterwards (the fixture closes it)."""
    from PySide6.QtCore import Qt

    from logreg_gui.ui.session import RunState

    find(window, "speedSlider").setValue(2)  # slow: the run is still going at the switch
    qtbot.mouseClick(find(window, "trainButton"), Qt.LeftButton)
    qtbot.waitUntil(lambda: (window.session.run.epoch or 0) >= 2, timeout=20_000)
    try:
        find(window, "language_zh_CN").trigger()
        qtbot.waitUntil(
            lambda: window.session.run is not None and window.session.run.latest is not None,
            timeout=30_000,
        )
        run = window.session.run
        assert window.session.state is RunState.FINISHED and run.stop_reason == "stopped"
        assert run.message == "已停止。"  # the Stop button's words, in Chinese
        said = window.statusBar().currentMessage()
        assert f"第 {run.epoch:,} 轮停止" in said, said
        assert find(window, "trainButton").isEnabled()
    finally:
        i18n.install(QApplication.instance(), "en")
        i18n.set_language("system")
