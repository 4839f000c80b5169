"""Guard against PySide6 6.12.0's abort after a few thousand signal emits on Python 3.11
(QT-NOTES: `Fatal Python error: bool_dealloc`). Runs in a subprocess so a crash fails this
test instead of killing the whole run."""

import subprocess
import sys
import textwrap


def test_ten_thousand_cross_thread_emits_do_not_crash():
    code = textwrap.dedent(
        """
        import os, sys
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot

        class Emitter(QObject):
            value = Signal(object)
            flag = Signal(bool)
            done = Signal()

            @Slot()
            def run(self):
                for i in range(10_000):
                    self.value.emit(i)
                    self.flag.emit(i % 2 == 0)
                self.done.emit()

        class Receiver(QObject):
            def __init__(self):
                super().__init__()
                self.count = 0

            @Slot(object)
            def on_value(self, i):
                self.count += 1

        app = QCoreApplication(sys.argv)
        emitter, receiver, thread = Emitter(), Receiver(), QThread()
        emitter.moveToThread(thread)
        emitter.value.connect(receiver.on_value)
        thread.started.connect(emitter.run)
        emitter.done.connect(thread.quit)
        thread.start()
        while not thread.wait(10):
            app.processEvents()
        app.processEvents()
        print(receiver.count)
        """
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip() == "10000"
