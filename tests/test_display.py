"""logreg-gui checks that Qt can open a window before Qt tries (it would abort)."""

import subprocess
from pathlib import Path

import pytest

from logreg_gui import app, display

LDD_OUTPUT = """\
\tlinux-vdso.so.1 (0x00007ffd)
\tlibGL.so.1 => /lib/x86_64-linux-gnu/libGL.so.1 (0x00007f4a)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-util.so.1 => /lib/x86_64-linux-gnu/libxcb-util.so.1 (0x00007f4a)
\tlibxcb-keysyms.so.1 => not found
\tlibxcb-icccm.so.4 => not found
"""


def test_the_plugin_qt_will_try():
    assert display.platform_plugin({}) == "xcb"
    assert display.platform_plugin({"QT_QPA_PLATFORM": "offscreen"}) == "offscreen"
    assert display.platform_plugin({"QT_QPA_PLATFORM": "wayland;xcb"}) == "wayland"
    wayland = {"WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland"}
    assert display.platform_plugin(wayland) == "wayland"


def test_missing_libraries_are_read_from_ldd(monkeypatch, tmp_path):
    def fake_run(args, **kwargs):
        return subprocess.CompletedProcess(args, 0, stdout=LDD_OUTPUT, stderr="")

    monkeypatch.setattr(display.subprocess, "run", fake_run)
    monkeypatch.setattr(display.shutil, "which", lambda name: "/usr/bin/ldd")
    assert display.missing_libraries(tmp_path / "libqxcb.so") == [
        "libxcb-icccm.so.4",
        "libxcb-keysyms.so.1",
    ]


def test_no_display_and_missing_libraries_are_said_in_one_line(monkeypatch):
    assert "no display found" in display.display_problem({})
    assert display.display_problem({"QT_QPA_PLATFORM": "offscreen"}) is None
    monkeypatch.setattr(
        display, "missing_libraries", lambda path: ["libxcb-icccm.so.4", "libxcb-keysyms.so.1"]
    )
    problem = display.display_problem({"DISPLAY": ":0"})
    assert "libxcb-icccm.so.4, libxcb-keysyms.so.1 are missing" in problem
    command = "apt-get install -y libxcb-icccm4 libxcb-keysyms1"
    for uid, said in ((0, f"Ubuntu: {command}"), (1000, f"Ubuntu: sudo {command}")):
        monkeypatch.setattr(display.os, "geteuid", lambda uid=uid: uid)
        assert display.display_problem({"DISPLAY": ":0"}).endswith(said)
    monkeypatch.setattr(display, "missing_libraries", lambda path: [])
    assert display.display_problem({"DISPLAY": ":0"}) is None


def test_logreg_gui_exits_2_with_one_line_instead_of_qts_abort(monkeypatch, capsys):
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.setattr(display, "missing_libraries", lambda path: ["libxcb-icccm.so.4"])
    assert app.main([]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("logreg-gui: Qt cannot open a window")
    assert "libxcb-icccm4" in err


def test_every_library_the_plugin_needs_has_a_package_named():
    """The table (and the README's list) covers what ldd lists for the installed plugin."""
    path = display.plugin_path("xcb")
    if path is None or display.shutil.which("ldd") is None:
        pytest.skip("no xcb plugin or no ldd here")
    out = subprocess.run(["ldd", str(path)], capture_output=True, text=True).stdout
    needed = {line.split()[0] for line in out.splitlines() if "=>" in line}
    base = {"libc.so.6", "libm.so.6", "libstdc++.so.6", "libgcc_s.so.1", "libpthread.so.0"}
    system = {lib for lib in needed if "Qt6" not in lib and lib not in base}
    ours = {lib for lib in system if "xcb" in lib or "xkb" in lib or "X11" in lib}
    assert ours <= set(display.SYSTEM_PACKAGES), ours - set(display.SYSTEM_PACKAGES)
    readme = (__import__("pathlib").Path(__file__).parent.parent / "README.md").read_text()
    for package in {display.SYSTEM_PACKAGES[lib] for lib in ours}:
        assert package in readme, package


def test_the_readme_s_install_lines_work_as_root():
    """Where a person is root (a container, a fresh server) there is no sudo: the README's
    apt lines run as they are, and say what to add otherwise."""
    readme = (Path(__file__).parent.parent / "README.md").read_text()
    lines = [line.strip("` ") for line in readme.splitlines() if "apt-get install" in line]
    assert lines
    for line in lines:
        assert not line.startswith("sudo") and "sudo" not in line.split("apt-get")[0], line
    assert readme.count("put `sudo`") + readme.count("with `sudo` before it") >= 2
