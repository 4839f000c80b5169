"""The end of ``logreg-gui``: once the window has closed the process ends at once with its
code — what it wrote is on disk, and a background job still inside native code never makes
it abort while it tears down."""

import subprocess
import sys
import textwrap

import pytest


@pytest.mark.parametrize("job", [False, True])
def test_leaving_ends_the_process_at_once_with_the_code(tmp_path, job):
    script = textwrap.dedent(
        f"""
        import os, threading
        os.environ["XDG_CONFIG_HOME"] = {str(tmp_path)!r}
        from PySide6.QtCore import QCoreApplication, QSettings
        from logreg_gui.app import _leave
        QCoreApplication.setOrganizationName("leave")
        QCoreApplication.setApplicationName("leave")
        QSettings().setValue("ui/zoom", 1.5)
        if {job}:
            threading.Thread(
                target=threading.Event().wait, args=(60,), name="job-optimum", daemon=True
            ).start()
        print("leaving", flush=True)
        _leave(3)
        print("not reached")
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 3, done.stderr
    assert done.stdout.split() == ["leaving"]
    kept = list(tmp_path.rglob("leave.conf"))
    assert kept and "zoom=1.5" in kept[0].read_text()  # the settings written before leaving
