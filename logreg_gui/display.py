"""Can Qt open a window here? Asked before Qt tries: Qt aborts the process with a core dump
when it has no display or its platform plugin cannot load, and its message then names the
wrong library. This module says in one line what is missing and how to install it.

No Qt import here: the check must run before anything of Qt's is initialised.
"""

from __future__ import annotations

import ctypes
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

__all__ = ["SYSTEM_PACKAGES", "display_problem", "missing_libraries", "platform_plugin"]

#: The system libraries Qt's platform plugins load on Linux, with the Debian/Ubuntu package
#: of each. Derived from ``ldd`` on PySide6's ``plugins/platforms/libqxcb.so`` (6.8–6.11),
#: leaving out the C runtime and what every Debian system has (libc, libstdc++, zlib, …).
SYSTEM_PACKAGES = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libGLX.so.0": "libglx0",
    "libGLdispatch.so.0": "libglvnd0",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb.so.1": "libxcb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
}

_PLUGIN_FILES = {"xcb": "libqxcb.so", "wayland": "libqwayland.so"}


def platform_plugin(environ=None) -> str:
    """The platform plugin Qt will try first: ``QT_QPA_PLATFORM``, else Wayland in a Wayland
    session, else xcb (X11)."""
    environ = os.environ if environ is None else environ
    chosen = environ.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    if chosen:
        return chosen
    if environ.get("WAYLAND_DISPLAY") and environ.get("XDG_SESSION_TYPE") == "wayland":
        return "wayland"
    return "xcb"


def plugin_path(name) -> Path | None:
    """Where PySide6 keeps the Qt platform plugin ``name`` (None if it is not there)."""
    try:
        import PySide6
    except ImportError:
        return None
    path = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / _PLUGIN_FILES[name]
    return path if path.exists() else None


def missing_libraries(path) -> list[str]:
    """The shared libraries ``path`` needs that the system cannot find (sonames)."""
    ldd = shutil.which("ldd")
    if ldd:
        result = subprocess.run([ldd, str(path)], capture_output=True, text=True, check=False)
        return sorted(set(re.findall(r"^\s*(\S+)\s+=>\s+not found", result.stdout, re.M)))
    try:
        ctypes.CDLL(str(path))
    except OSError as exc:  # names the first missing library only
        found = re.search(r"(\S+\.so[.\d]*): cannot open shared object file", str(exc))
        return [found.group(1)] if found else []
    return []


def display_problem(environ=None) -> str | None:
    """Why Qt could not open a window here, in one line with the fix; None when it can."""
    environ = os.environ if environ is None else environ
    if not sys.platform.startswith("linux"):
        return None
    plugin = platform_plugin(environ)
    if plugin not in _PLUGIN_FILES:
        return None  # offscreen, vnc, …: nothing to check
    if plugin == "xcb" and not environ.get("DISPLAY"):
        return (
            "no display found (DISPLAY and WAYLAND_DISPLAY are unset). Run it in a desktop "
            "session, under xvfb-run, or use the headless trainer logreg-train."
        )
    path = plugin_path(plugin)
    missing = [] if path is None else missing_libraries(path)
    if not missing:
        return None
    packages = sorted({SYSTEM_PACKAGES.get(lib, lib) for lib in missing})
    # Root has no sudo in a container or on a fresh server; anyone else needs it.
    sudo = "" if hasattr(os, "geteuid") and os.geteuid() == 0 else "sudo "
    return (
        f"Qt cannot open a window: the system libraries {', '.join(missing)} are missing. "
        f"On Debian or Ubuntu: {sudo}apt-get install -y {' '.join(packages)}"
    )
