"""Benchmark: how long the process of ``logreg-gui`` lives on after its window has closed.

Run on demand:  .venv/bin/python tests/benchmarks/bench_quit.py [runs]

Starts the application as ``logreg-gui`` does (``logreg_gui.app.main``, offscreen), trains
the seed's data for a moment (so that a run, its history and the background jobs exist and
the runs are kept at close), closes the window as File ▸ Quit does, and measures from the
moment the window is gone (``close()`` returned) to the end of the process. Prints every
run and the range; the target is at most 1 s.
"""

import os
import subprocess
import sys
import tempfile
import textwrap
import time

CHILD = textwrap.dedent(
    """
    import os, sys, time
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QTimer
    import logreg_gui.app as app
    import logreg_gui.ui.app.main_window as main_window

    made = main_window.MainWindow.__init__

    def watched(self, *args, **kwargs):
        made(self, *args, **kwargs)

        def poll():
            coordinator = getattr(self, "coordinator", None)
            if coordinator is not None and self.session.data is not None:
                if self.session.run is None and coordinator.engine_ready:
                    coordinator.train()
                elif self.session.run is not None and (self.session.run.epoch or 0) > 500:
                    self.close()
                    print(f"closed {time.time():.6f}", flush=True)
                    return
            QTimer.singleShot(20, poll)

        QTimer.singleShot(20, poll)

    main_window.MainWindow.__init__ = watched
    sys.exit(app.main([]))
    """
)


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    lived = []
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, XDG_CONFIG_HOME=home)
        for _ in range(runs):
            child = subprocess.Popen(
                [sys.executable, "-c", CHILD],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                env=env,
            )
            closed = None
            for line in child.stdout:
                if line.startswith("closed"):
                    closed = float(line.split()[1])
            child.wait()
            ended = time.time()
            if closed is None or child.returncode != 0:
                raise SystemExit(f"the child failed ({child.returncode}): {child.stderr.read()}")
            lived.append(ended - closed)
            print(f"process ended {lived[-1]:.3f} s after the window closed")
    print(f"range over {runs} runs: {min(lived):.3f}–{max(lived):.3f} s (target: at most 1 s)")


if __name__ == "__main__":
    main()
