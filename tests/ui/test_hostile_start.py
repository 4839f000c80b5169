"""Hostile files seen from the window: whatever stands where the application keeps its
settings and runs, the start completes with Train enabled and one line saying what could not
be used; a file that fails to open leaves the runs as they were; a full disk leaves the old
file whole; the temporaries of writes cut short go at the next start; exported cells never
run as formulas in a spreadsheet; closing says what it could not keep."""

import csv
import errno
import io
import json
import os
import time
import zipfile

import numpy as np
import pytest
from PySide6.QtCore import Qt, QTimer

from logreg_gui.core import DataError
from logreg_gui.ui.app.main_window import MainWindow
from logreg_gui.ui.app.settings_store import forget_settings, last_session_path

from .helpers import find, train_to_end, type_into


def started(qtbot):
    """A window started as the application starts it (dialogs would block: none may come)."""
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.session.data is not None, timeout=20_000)
    qtbot.waitUntil(lambda: find(window, "trainButton").isEnabled(), timeout=20_000)
    return window


def trained(qtbot, window, epochs="40"):
    type_into(qtbot, find(window, "epochsInput"), epochs)
    train_to_end(qtbot, window)
    return window.session.run


def rewritten(raw, change):
    """The session ``raw`` with each part's content given by ``change(name, content)``."""
    source = zipfile.ZipFile(io.BytesIO(raw))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item.filename, change(item.filename, source.read(item)))
    return out.getvalue()


def infinite_weight(name, content):
    if name != "session.json":
        return content
    document = json.loads(content)
    document["runs"][0]["latest"]["coef"][0][0] = float("inf")
    return json.dumps(document, allow_nan=True).encode()


def resets_of_text(name, content):
    """Everything good but the last setting checked (Reset's count): nothing may be applied
    before the whole file is checked."""
    if name != "session.json":
        return content
    document = json.loads(content)
    document["model_settings"]["resets"] = "x"
    return json.dumps(document).encode()


def terabytes_declared(name, content):
    """An .npy header declaring 8 TB of numbers, followed by 64 bytes."""
    if not name.endswith("curves_low.npy"):
        return content
    header = repr({"descr": "<f8", "fortran_order": False, "shape": (2**40,)}).encode()
    header += b" " * (63 - (10 + len(header)) % 64) + b"\n"
    return b"\x93NUMPY\x01\x00" + len(header).to_bytes(2, "little") + header + bytes(64)


def corrupt_deflate(raw):
    """The first part's compressed bytes overwritten (its header and the directory intact)."""
    info = zipfile.ZipFile(io.BytesIO(raw)).infolist()[0]
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    damaged = bytearray(raw)
    damaged[start : start + 16] = b"\xff" * 16
    return bytes(damaged)


DAMAGE = {
    "nested a hundred thousand deep": lambda raw: rewritten(
        raw, lambda n, c: b"[" * 100_000 + b"]" * 100_000 if n == "session.json" else c
    ),
    "a weight of Infinity": lambda raw: rewritten(raw, infinite_weight),
    "a Reset count of text": lambda raw: rewritten(raw, resets_of_text),
    "a corrupt deflate stream": corrupt_deflate,
    "an array declaring 8 TB": lambda raw: rewritten(raw, terabytes_declared),
}


@pytest.mark.parametrize("how", sorted(DAMAGE))
def test_a_damaged_session_opens_in_no_window_and_changes_nothing(qtbot, window, tmp_path, how):
    run = trained(qtbot, window)
    runs, selected = list(window.session.runs), window.session.selected
    good = tmp_path / "good.lrsession"
    window.save_session(str(good))
    bad = tmp_path / "bad.lrsession"
    bad.write_bytes(DAMAGE[how](good.read_bytes()))
    with pytest.raises(DataError) as refused:
        window.open_session(str(bad))
    assert "\n" not in str(refused.value) and "bad.lrsession" in str(refused.value)
    assert window.session.run is run and window.session.runs == runs
    assert window.session.selected == selected and window.dialogs == []
    assert find(window, "trainButton").isEnabled()


def as_pipe(path):
    os.remove(path)
    os.mkfifo(path)


def as_folder(path):
    os.remove(path)
    os.makedirs(os.path.join(path, "inside"))


@pytest.mark.parametrize("how", [*sorted(DAMAGE), "a pipe", "a folder"])
def test_runs_of_last_time_damaged_in_any_way_leave_a_start_that_completes(qtbot, window, how):
    trained(qtbot, window)
    window.close()
    kept = last_session_path()
    if how == "a pipe":
        as_pipe(kept)
    elif how == "a folder":
        as_folder(kept)
    else:
        with open(kept, "rb") as handle:
            raw = handle.read()
        with open(kept, "wb") as handle:
            handle.write(DAMAGE[how](raw))
    again = started(qtbot)  # no dialog may come: the patched ones would record it
    assert again.session.run is None and again.session.runs == []
    message = again.statusBar().currentMessage()
    assert "The runs of last time cannot be restored" in message, message
    assert "Data ready" in message and window.dialogs == []
    again.close()  # and the next start keeps nothing broken
    assert not os.path.isdir(kept) or how == "a folder"


def test_reset_settings_removes_whatever_stands_where_the_runs_are_kept(window):
    window.close()
    kept = last_session_path()
    os.makedirs(os.path.join(kept, "a", "b"))
    forget_settings()  # what logreg-gui --reset-settings does before the window opens
    assert not os.path.exists(kept)


def settings_path(tmp_path):
    """The settings file of this test's application (see conftest), found without Qt: Qt
    would read it."""
    return tmp_path / "config" / "logreg-gui-tests" / "logreg-gui-tests.ini"


@pytest.mark.parametrize("how", ["a pipe", "2 GB"])
def test_a_settings_file_that_cannot_be_read_is_moved_aside_and_the_start_completes(
    qtbot, monkeypatch, tmp_path, how
):
    path = settings_path(tmp_path)
    path.parent.mkdir(parents=True)
    if how == "a pipe":
        os.mkfifo(path)  # Qt would wait for a writer forever
    else:
        with open(path, "wb") as handle:  # sparse: no disk used
            handle.truncate(2 * 2**30)
    window = started(qtbot)
    message = window.statusBar().currentMessage()
    aside = f"{path}.unusable"
    assert f"The settings file {path} could not be read" in message, message
    assert aside in message and os.path.exists(aside)
    what = "it is not a regular file" if how == "a pipe" else "it is far too large"
    assert what in message
    window.close()
    assert path.is_file() and path.stat().st_size < 100_000  # settings kept again


def full_disk(monkeypatch):
    """Every flush to disk fails as on a full disk."""

    def fsync(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", fsync)


EXPORTS = {
    "predictions.csv": lambda window, path: window.export_predictions(path),
    "boundary.png": lambda window, path: window.export_image(path, window.boundary),
    "loss.svg": lambda window, path: window.export_image(path, window.loss_plot),
    "report.html": lambda window, path: window.export_report(path),
    "session.lrsession": lambda window, path: window.save_session(path),
    "model.json": lambda window, path: window.save_model(path),
}


@pytest.mark.parametrize("name", sorted(EXPORTS))
def test_a_full_disk_leaves_the_old_file_whole_and_nothing_beside_it(
    qtbot, window, tmp_path, monkeypatch, name
):
    trained(qtbot, window)
    folder = tmp_path / "out"
    folder.mkdir()
    path = folder / name
    EXPORTS[name](window, str(path))
    before = path.read_bytes()
    assert before
    window.session.select_sample(3)  # the next file would differ
    full_disk(monkeypatch)
    with pytest.raises(DataError, match="cannot be written: No space left on device"):
        EXPORTS[name](window, str(path))
    assert path.read_bytes() == before
    assert [p.name for p in folder.iterdir()] == [name]  # no half-written temporary
    assert find(window, "trainButton").isEnabled()


def test_temporaries_of_writes_cut_short_are_removed_at_the_next_start(qtbot, window):
    trained(qtbot, window)
    window.close()
    folder = os.path.dirname(last_session_path())
    stale = os.path.join(folder, ".last-session.lrsession.k2j4h5g6.part")
    young = os.path.join(folder, ".last-session.lrsession.a1b2c3d4.part")  # a write going on
    theirs = os.path.join(folder, "notes.part")  # not one of ours
    for made in (stale, young, theirs):
        with open(made, "wb") as handle:
            handle.write(b"half a session")
    hours_ago = time.time() - 2 * 3600
    os.utime(stale, (hours_ago, hours_ago))
    os.utime(theirs, (hours_ago, hours_ago))
    again = started(qtbot)
    qtbot.waitUntil(lambda: not os.path.exists(stale), timeout=20_000)
    assert os.path.exists(young) and os.path.exists(theirs)
    again.close()


def test_exported_text_cells_never_run_as_formulas_in_a_spreadsheet(qtbot, window, tmp_path):
    rng = np.random.default_rng(0)
    x = rng.normal(size=(60, 2))
    labels = np.where(x[:, 0] + x[:, 1] > 0, '=HYPERLINK("http://x","click")', "@SUM(A1)")
    data = tmp_path / "formulas.csv"
    with open(data, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["=cmd|' /C calc'!A0", "-width", "label"])
        writer.writerows(zip(x[:, 0], x[:, 1], labels, strict=True))
    window.open_data(str(data), target="label", wait=True)
    trained(qtbot, window)
    out = tmp_path / "predictions.csv"
    window.export_predictions(str(out))
    with open(out, newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    header, body = rows[0], rows[1:]
    assert "'=cmd|' /C calc'!A0" in header and "'-width" in header
    assert 'P(=HYPERLINK("http://x","click"))' in header  # text that starts with "P"
    true = header.index("true label")
    assert {row[true] for row in body} <= {'\'=HYPERLINK("http://x","click")', "'@SUM(A1)"}
    assert len({row[true] for row in body}) == 2
    for row in body:  # numbers stay numbers, negative ones too
        float(row[header.index("'-width")])
        assert all(float(row[j]) >= 0 for j, h in enumerate(header) if h.startswith("P("))
    assert any(row[header.index("'-width")].startswith("-") for row in body)


def test_closing_says_when_the_runs_cannot_be_kept(qtbot, window, monkeypatch):
    trained(qtbot, window)
    full_disk(monkeypatch)
    window.close()
    title, text = window.dialogs[-1]
    assert title == "Not everything could be kept"
    assert "The runs could not be kept for the next start" in text
    assert "No space left on device" in text
    assert not os.path.exists(last_session_path())  # nothing half-written to trip on


class SlowDisk:
    """Sessions read as from a very slow disk: the reader waits in its thread until
    :meth:`release`, then looks whether it was asked to stop (as the reader does between
    parts) and stops."""

    def __init__(self, monkeypatch):
        import threading

        from logreg_gui.ui.controllers import files

        self.reading, self.released = threading.Event(), threading.Event()
        self.stopped, self.was_cancelled = threading.Event(), None
        monkeypatch.setattr(files, "load_session", self.load_session)

    def load_session(self, path, cancel=None):
        from logreg_gui.core.errors import Cancelled

        self.reading.set()
        self.released.wait(10)
        self.was_cancelled = cancel()
        self.stopped.set()
        raise Cancelled()

    def release(self):
        self.released.set()
        assert self.stopped.wait(10)
        return self.was_cancelled


def test_opening_a_file_shows_a_cancel_button_that_stops_it_and_changes_nothing(
    qtbot, window, tmp_path, monkeypatch
):
    run = trained(qtbot, window)
    path = tmp_path / "slow.lrsession"
    window.save_session(str(path))
    disk = SlowDisk(monkeypatch)
    cancel = find(window, "cancelLoadButton")
    window.coordinator.open_session(str(path))  # as File ▸ Open session does
    qtbot.waitUntil(disk.reading.is_set, timeout=10_000)
    assert cancel.isVisible()
    assert "Opening slow.lrsession…" in window.statusBar().currentMessage()
    qtbot.mouseClick(cancel, Qt.LeftButton)
    assert disk.release() is True  # the reading was asked to stop
    assert not cancel.isVisible() and window.dialogs == []
    message = window.statusBar().currentMessage()
    assert "Opening slow.lrsession was cancelled; everything stays as it was." in message
    assert window.session.run is run and find(window, "trainButton").isEnabled()
    # A script waiting on the same is told in one sentence.
    disk = SlowDisk(monkeypatch)
    QTimer.singleShot(0, cancel.click)
    with pytest.raises(DataError, match=r"^it was cancelled\.$"):
        window.open_session(str(path))
    assert disk.release() is True and window.session.run is run


def test_runs_of_last_time_too_slow_to_open_can_be_cancelled_for_a_fresh_start(
    qtbot, window, monkeypatch
):
    trained(qtbot, window)
    window.close()
    disk = SlowDisk(monkeypatch)
    again = MainWindow()
    qtbot.addWidget(again)
    again.show()
    qtbot.waitUntil(disk.reading.is_set, timeout=10_000)
    cancel = find(again, "cancelLoadButton")
    qtbot.waitUntil(cancel.isVisible, timeout=10_000)
    qtbot.mouseClick(cancel, Qt.LeftButton)
    assert disk.release() is True
    qtbot.waitUntil(lambda: again.session.data is not None, timeout=20_000)
    qtbot.waitUntil(lambda: find(again, "trainButton").isEnabled(), timeout=20_000)
    message = again.statusBar().currentMessage()
    assert "The runs of last time cannot be restored: opening it was cancelled." in message
    assert again.session.runs == [] and window.dialogs == []
    again.close()
