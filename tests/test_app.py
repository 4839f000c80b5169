"""The end of ``logreg-gui``: a background job still inside native code never makes the
process abort while it tears down."""

import subprocess
import sys
import textwrap


def test_leaving_with_a_job_still_running_ends_at_once_with_the_code():
    script = textwrap.dedent(
        """
        import threading, time
        from logreg_gui.app import _leave
        assert _leave(0) == 0  # nothing running: an ordinary return
        threading.Thread(target=time.sleep, args=(60,), name="job-optimum", daemon=True).start()
        _leave(3)
        print("not reached")
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 3, done.stderr
    assert "not reached" not in done.stdout
