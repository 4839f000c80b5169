"""Make the README's screenshots from the real window, so that they never go stale.

Run from the repository's root, under a real X server (Xvfb is enough)::

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python resources/screenshots/make.py

For each language (English, then Chinese) it opens the main window at 1280×800 on the
default settings (the seed blog's run: 150 samples × 10 features, learning rate 0.01,
3000 epochs), presses Train, waits for the run to end and saves a grab of the whole window
with the Loss tab (``loss-<lang>.png``) and the Step tab (``step-<lang>.png``); then it
walks the first shipped lesson to its step 5, the gradient (``lesson-<lang>.png``). Each
file written is printed.

The application's settings are neither read nor changed: the window keeps its settings in a
temporary folder of its own, one per language. ``--offscreen`` makes the pictures without a
display, for a quick check of the script only (the offscreen platform has no real fonts):
they go to a temporary folder unless ``--out`` says where.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

#: Where the pictures go, beside this script.
HERE = Path(__file__).resolve().parent
#: The languages shown, in the order made.
LANGUAGES = ("en", "zh_CN")
#: The pictures of one language: the Loss tab, the Step tab, the lesson's gradient step.
KINDS = ("loss", "step", "lesson")
#: Every file this script writes (the README shows them; tests/test_screenshots.py checks).
OUTPUTS = tuple(f"{kind}-{language}.png" for language in LANGUAGES for kind in KINDS)
#: The window's size (its first start on a screen that has room: FIRST_SIZE).
SIZE = (1280, 800)
#: A picture larger than this is scaled down to LARGE_WIDTH pixels wide.
MOST_BYTES = 400 * 1024
LARGE_WIDTH = 1024
#: The lesson's step shown (counted from 1, as the lesson panel counts): the gradient.
LESSON_STEP = 5


def display_refusal(offscreen_allowed: bool) -> str | None:
    """Why pictures cannot be made here, in one sentence, or None."""
    platform = os.environ.get("QT_QPA_PLATFORM", "").split(":")[0].strip()
    if platform == "offscreen" and not offscreen_allowed:
        return (
            "QT_QPA_PLATFORM is offscreen, which has no real fonts: run under a real X server "
            '(xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python '
            "resources/screenshots/make.py), or pass --offscreen for a quick check."
        )
    if platform == "offscreen":
        return None
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        return (
            "No display is available (DISPLAY is not set): run under "
            'xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python '
            "resources/screenshots/make.py."
        )
    from logreg_gui.display import display_problem

    return display_problem() or None


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--offscreen",
        action="store_true",
        help="make them without a display, to check the script (no real fonts)",
    )
    parser.add_argument(
        "--out",
        type=Path,
        help="folder to write to (default: resources/screenshots; with --offscreen a "
        "temporary folder)",
    )
    return parser.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    if args.offscreen:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    refusal = display_refusal(args.offscreen)
    if refusal:
        print(f"make.py: {refusal}", file=sys.stderr)
        return 2
    out = args.out or (
        Path(tempfile.mkdtemp(prefix="logreg-gui-shots-")) if args.offscreen else HERE
    )
    out.mkdir(parents=True, exist_ok=True)
    home = Path(tempfile.mkdtemp(prefix="logreg-gui-shots-home-"))
    # Before Qt starts: every path Qt and the window keep things in is ours.
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
        os.environ[name] = str(home / name.lower())
    os.environ["XDG_RUNTIME_DIR"] = str(home / "runtime")
    (home / "runtime").mkdir(mode=0o700)

    from PySide6.QtWidgets import QApplication, QMessageBox

    app = QApplication(["logreg-gui"])
    app.setOrganizationName("logreg-gui")
    app.setApplicationName("logreg-gui")
    # A dialog would wait for a click that never comes: say it, and carry on.
    for name in ("warning", "critical", "information"):
        setattr(QMessageBox, name, staticmethod(_said_instead(name)))
    failed = False
    try:
        for language in LANGUAGES:
            try:
                for path in _pictures(app, language, out, home / language):
                    print(path)
            except TimeoutError as error:
                print(f"make.py: {language}: {error}", file=sys.stderr)
                failed = True
    finally:
        shutil.rmtree(home, ignore_errors=True)
    return 1 if failed else 0


def _said_instead(kind):
    def said(_parent, title, text, *args, **kwargs):
        from PySide6.QtWidgets import QMessageBox

        print(f"make.py: the window showed a {kind} dialog: {title}: {text}", file=sys.stderr)
        return QMessageBox.Ok

    return said


def _pictures(app, language, out, settings_dir):
    """Make the pictures of ``language`` in ``out``; yield each path written."""
    from PySide6.QtCore import QSettings

    from logreg_gui.core.lessons import shipped_lessons
    from logreg_gui.ui.app.main_window import MainWindow
    from logreg_gui.ui.session import RunState
    from logreg_gui.ui.style import i18n

    # A folder of settings of its own for each language: the first window's run, tab and
    # panels (kept when it closes) are not the second's start.
    settings_dir.mkdir(parents=True)
    os.environ["XDG_CONFIG_HOME"] = str(settings_dir)
    for form in (QSettings.NativeFormat, QSettings.IniFormat):
        QSettings.setPath(form, QSettings.UserScope, str(settings_dir))
    if i18n.install(app, language) != language:
        raise TimeoutError(f"the language {language} could not be installed")
    window = MainWindow()
    try:
        window.resize(*SIZE)
        window.show()
        _wait(lambda: window.session.data is not None, "the data to be made")
        train = window.findChild(object, "trainButton")
        _wait(train.isEnabled, "Train to be enabled")
        train.click()
        _wait(lambda: window.session.state is RunState.FINISHED, "the run to finish", 120)
        _show_tab(window, "lossPlot")
        yield _save(window, out / f"loss-{language}.png")
        _show_tab(window, "stepInspector")
        yield _save(window, out / f"step-{language}.png")
        ready = []
        window.lessons.stepReady.connect(ready.append)
        window.open_lesson(shipped_lessons(language)[0])
        # Walked as a person would, step by step: the earlier steps set the data and train
        # the one epoch whose gradient step 5 shows.
        for number in range(1, LESSON_STEP + 1):
            if number > 1:
                window.lesson_step(number)
            _wait(lambda n=number: n - 1 in ready, f"the lesson's step {number}", 60)
        yield _save(window, out / f"lesson-{language}.png")
    finally:
        window.close()
        window.deleteLater()
        _repaint(0.3)
        i18n.install(app, "en")


def _show_tab(window, name):
    """Show the tab whose view is (or holds) the widget named ``name``."""
    tabs = window.tabs
    for i in range(tabs.count()):
        view = tabs.widget(i)
        if view.objectName() == name or view.findChild(object, name) is not None:
            tabs.setCurrentIndex(i)
            return
    raise TimeoutError(f"no tab holds {name}")


def _save(window, path):
    """A grab of the whole window, repainted first, as a PNG under :data:`MOST_BYTES`."""
    from PySide6.QtCore import Qt

    _repaint(1.0)
    image = window.grab().toImage()
    if not image.save(str(path), "PNG"):
        raise TimeoutError(f"{path} could not be written")
    if path.stat().st_size >= MOST_BYTES and image.width() > LARGE_WIDTH:
        smaller = image.scaledToWidth(LARGE_WIDTH, Qt.SmoothTransformation)
        if not smaller.save(str(path), "PNG"):
            raise TimeoutError(f"{path} could not be written")
    return path


def _repaint(seconds):
    """Let the window lay out and paint what changed (plots draw once shown)."""
    from PySide6.QtCore import QCoreApplication

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        QCoreApplication.sendPostedEvents()
        QCoreApplication.processEvents()


def _wait(condition, what, seconds=30):
    """Run the event loop until ``condition()``; TimeoutError naming ``what`` after
    ``seconds``."""
    from PySide6.QtCore import QCoreApplication, QEventLoop

    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"waited {seconds} s for {what}")
        QCoreApplication.processEvents(QEventLoop.AllEvents, 50)


if __name__ == "__main__":
    sys.exit(main())
