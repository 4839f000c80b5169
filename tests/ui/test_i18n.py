"""Chinese: the translation is complete, compiled from its source, and the window speaks it."""

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMenu

from logreg_gui.ui.style import i18n

from .helpers import find, type_into

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
    app = QApplication.instance()
    assert i18n.install(app, "zh_CN") == "zh_CN"
    from PySide6.QtWidgets import QMessageBox

    from logreg_gui.ui.app.main_window import MainWindow

    for name in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name, lambda *a, **k: QMessageBox.Ok)
    try:
        w = MainWindow()
        qtbot.addWidget(w)
        w.show()
        qtbot.waitUntil(lambda: w.session.data is not None, timeout=20_000)
        yield w
        w.close()
    finally:
        i18n.install(app, "en")


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


def test_the_language_chosen_applies_from_the_next_start():
    i18n.set_language("zh_CN")
    assert i18n.chosen_language() == "zh_CN" and i18n.language_in_use() == "zh_CN"
    i18n.set_language("en")
    assert i18n.language_in_use() == "en"
    with pytest.raises(ValueError):
        i18n.set_language("xx")


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
