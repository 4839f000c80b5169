"""A settings file of any content never stops a start: each value that does not fit what it
goes to is reset, named in one line, and the window starts on its defaults otherwise."""

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from logreg_gui.ui.app.main_window import MainWindow

from .helpers import find

#: Settings files a person might have: written by an older version, by hand, or cut short.
BAD = {
    "a slider position past any int": (
        '[forms]\nvalues="{\\"speedInput\\": 1000000000000}"\n',
        ["speedInput"],
    ),
    "a tab past any int": ("[window]\ntab=99999999999\n", ["window/tab"]),
    "a tab the window does not have": ("[window]\ntab=12\n", ["window/tab"]),
    "a negative tab": ("[window]\ntab=-3\n", ["window/tab"]),
    "a combo choice that is not offered": (
        '[forms]\nvalues="{\\"optimizerInput\\": \\"sgd-2000\\", \\"initInput\\": 99}"\n',
        ["optimizerInput", "initInput"],
    ),
    "a check box that holds a number": (
        '[forms]\nvalues="{\\"standardizeInput\\": 7}"\n',
        ["standardizeInput"],
    ),
    "a field holding a megabyte": (
        '[forms]\nvalues="{\\"epochsInput\\": \\"' + "9" * 5000 + '\\"}"\n',
        ["epochsInput"],
    ),
    "forms that are not a dictionary": ('[forms]\nvalues="[1, 2, 3]"\n', ["forms/values"]),
    "forms nested ten thousand deep": (
        "[forms]\nvalues=" + "[" * 10_000 + "]" * 10_000 + "\n",
        ["forms/values"],
    ),
    "forms that are not JSON": ("[forms]\nvalues={oops\n", ["forms/values"]),
    "a data file whose target is a list": (
        '[forms]\ndataFile="{\\"path\\": \\"x.csv\\", \\"choice\\": {\\"target\\": [1]}}"\n',
        ["forms/dataFile"],
    ),
    "a zoom of infinity": ("[ui]\nzoom=1e999\n", ["ui/zoom"]),
    "a zoom of NaN": ("[ui]\nzoom=nan\n", ["ui/zoom"]),
    "a language nobody speaks": ("[ui]\nlanguage=klingon\n", ["ui/language"]),
    "a layout that is text": ("[window]\ndocks=hello\n", ["window/docks"]),
    "recent files that are a number": ("[files]\nrecent=42\n", ["files/recent"]),
}


def start(qtbot, monkeypatch, text):
    """Write ``text`` as the settings file, then start the window as a person would."""
    path = QSettings().fileName()
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)
    QSettings().sync()  # the store reads the file again
    dialogs = []
    for name in ("warning", "critical", "information"):
        monkeypatch.setattr(
            QMessageBox, name, lambda *a, **k: dialogs.append(a[1:3]) or QMessageBox.Ok
        )
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.session.data is not None, timeout=20_000)
    return window, dialogs


@pytest.mark.parametrize("case", sorted(BAD))
def test_a_bad_kept_value_is_named_and_the_start_completes(qtbot, monkeypatch, case):
    text, names = BAD[case]
    window, dialogs = start(qtbot, monkeypatch, text)
    assert dialogs == []
    qtbot.waitUntil(lambda: find(window, "trainButton").isEnabled(), timeout=20_000)
    message = window.statusBar().currentMessage()
    assert "did not fit" in message and "Data ready" in message, message
    for name in names:
        assert name in message, (name, message)
    window.close()
    # Forgotten: the next start meets it no more (the window kept its own values instead).
    kept = Path(QSettings().fileName()).read_text(encoding="utf-8")
    again, dialogs = start(qtbot, monkeypatch, kept)
    assert "did not fit" not in again.statusBar().currentMessage()
    again.close()


def test_good_values_next_to_a_bad_one_still_come_back(qtbot, monkeypatch):
    text = (
        '[forms]\nvalues="{\\"speedSlider\\": 5, \\"speedInput\\": 3, \\"epochsInput\\": '
        '\\"1e4\\", \\"learningRateInput\\": \\"x\\"}"\n[window]\ntab=99999999999\n'
    )
    window, _ = start(qtbot, monkeypatch, text)
    assert find(window, "speedSlider").value() == 3  # kept under its earlier name
    assert find(window, "epochsInput").text() == "1e4"
    # A typed text is kept as typed, and said wrong next to its field.
    assert find(window, "learningRateInput").text() == "x"
    assert find(window, "learningRateInputError").isVisible()
    assert window.tabs.currentIndex() == 0
    assert "window/tab" in window.statusBar().currentMessage()
    window.close()


@pytest.mark.parametrize(
    "kept,penalty,alpha",
    [("0.25", "l2", "0.25"), ("0", "none", None), ("", "none", None), ("-1", "l2", "-1")],
)
def test_an_earlier_versions_l2_field_comes_back_as_the_penalty(
    qtbot, monkeypatch, kept, penalty, alpha
):
    # As the version with one L2 field (l2Input) wrote its form values.
    text = f'[forms]\nvalues="{{\\"l2Input\\": \\"{kept}\\", \\"epochsInput\\": \\"200\\"}}"\n'
    window, dialogs = start(qtbot, monkeypatch, text)
    assert dialogs == []
    assert window.findChild(object, "l2Input") is None
    assert find(window, "penaltyInput").currentData() == penalty
    assert find(window, "epochsInput").text() == "200"
    if alpha is not None:
        assert find(window, "alphaInput").text() == alpha
    if kept == "-1":  # said wrong next to its field, as before
        assert find(window, "alphaInputError").isVisible()
    else:
        qtbot.waitUntil(lambda: window.session.request.model is not None, timeout=10_000)
        model = window.session.request.model
        assert model["penalty"] == (None if penalty == "none" else penalty)
        if alpha is not None:
            assert model["alpha"] == float(alpha)
    assert "did not fit" not in window.statusBar().currentMessage()
    window.close()
