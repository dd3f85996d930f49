"""The window's frame is on screen before the archive is opened or its modules imported."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from desktop_app.ui.app.main_window import MainWindow

# What must not be imported before the frame's first paint: the database layer, the use
# cases that reach it, and the window's own features.
HEAVY = ("peewee", "desktop_app.storage", "desktop_app.services.session", "desktop_app.ui.archive")

# Runs the program as the installed `frontline-archive` does, and reports at the first paint
# and at the first paint of the window opened on the archive.
_CHILD = r"""
import sys
from desktop_app.app import main
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

HEAVY = {heavy!r}
seen = []

class Watch(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            loaded = sorted(n for n in sys.modules if n.startswith(HEAVY))
            if not seen:
                seen.append("frame")
                print("frame", obj.opened, loaded[:3], flush=True)
            elif obj.opened and len(seen) == 1:
                seen.append("window")
                driver = "psycopg2" in sys.modules  # a file archive needs no server driver
                print("window", obj.archive_view.isVisible(), driver, flush=True)
                QTimer.singleShot(0, QApplication.instance().quit)
        return False

watch = Watch()
_exec = QApplication.exec

def exec_watched(*_self):
    for widget in QApplication.topLevelWidgets():
        widget.installEventFilter(watch)
    return _exec()

QApplication.exec = exec_watched
sys.exit(main(["--database", sys.argv[1]]))
"""


def run_child(code: str, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`python -c code args…` offscreen, with its data and settings under `home`."""
    env = dict(os.environ, XDG_DATA_HOME=str(home), XDG_CONFIG_HOME=str(home))
    env["QT_QPA_PLATFORM"] = "offscreen"
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )


def _run(archive: Path, home: Path) -> subprocess.CompletedProcess[str]:
    return run_child(_CHILD.replace("{heavy!r}", repr(HEAVY)), home, str(archive))


def _crash_log(home: Path) -> str:
    """What the program's log holds: a native crash's stacks go there (app.enable_crash_log)."""
    return "".join(log.read_text(errors="replace") for log in home.rglob("*.log"))


def test_the_frame_paints_before_the_archive_is_opened(tmp_path: Path) -> None:
    done = _run(tmp_path / "new.sqlite", tmp_path / "home")
    lines = done.stdout.splitlines()
    assert done.returncode == 0, done.stderr + _crash_log(tmp_path / "home")
    # At the first paint nothing of the database or the window's features is loaded yet.
    assert lines[0] == "frame False []", done.stdout
    # Then the same window, on the archive (a new one: created, with its demo content).
    assert lines[1] == "window True False", done.stdout
    assert (tmp_path / "new.sqlite").stat().st_size > 0


def test_the_frame_module_imports_no_database_or_feature(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "import desktop_app.ui.app.startup\n"
        f"print(sorted(n for n in sys.modules if n.startswith({HEAVY!r})))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.strip() == "[]"


def test_a_frame_closed_before_its_archive_opened_closes_quietly(qtbot, tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    frame = MainWindow(settings, frame_only=True)
    qtbot.addWidget(frame)
    with qtbot.waitSignal(frame.framePainted):
        frame.show()
    assert not frame.opened
    assert frame.close()  # nothing to save, no lanes to stop
    assert settings.value("window/geometry") is None


def test_the_frame_takes_the_remembered_size(qtbot, tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    first = MainWindow(settings, frame_only=True)
    qtbot.addWidget(first)
    first.resize(700, 500)
    first.show()
    qtbot.waitExposed(first)
    settings.setValue("window/geometry", first.saveGeometry())
    frame = MainWindow(settings, frame_only=True)
    qtbot.addWidget(frame)
    assert (frame.width(), frame.height()) == (700, 500)


# Ends the event loop without closing the window (as exit() does, unlike quit()) while a write
# is still running on the window's lane, then lists the threads left running.
_QUIT_CHILD = r"""
import sys, threading, time
from desktop_app.app import main
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

_exec = QApplication.exec

def exec_then_quit(*_self):
    def quit_during_a_write():
        window = next(w for w in QApplication.topLevelWidgets() if getattr(w, "opened", False))
        window.runner.write("slow", lambda: time.sleep(0.5))
        QApplication.exit(0)  # unlike quit(), closes no window

    def when_open():
        if any(getattr(w, "opened", False) for w in QApplication.topLevelWidgets()):
            quit_during_a_write()
        else:
            QTimer.singleShot(20, when_open)

    QTimer.singleShot(0, when_open)
    return _exec()

QApplication.exec = exec_then_quit
code = main(["--database", sys.argv[1]])
print(sorted(t.name for t in threading.enumerate() if t is not threading.main_thread()))
sys.exit(code)
"""


def test_an_event_loop_ended_without_a_close_stops_the_worker_threads(tmp_path: Path) -> None:
    done = run_child(_QUIT_CHILD, tmp_path, str(tmp_path / "new.sqlite"))
    assert done.returncode == 0, done.stderr + _crash_log(tmp_path)
    # No lane or search thread is left to report to objects Python is tearing down.
    assert done.stdout.strip().splitlines()[-1] == "[]", done.stdout


# Opens each tab (so that the Losses chart and the Charts tab's plots are built), waits for
# the window to settle, then ends the program the way named: the window's close button, or
# File ▸ Quit.
_CLOSE_CHILD = r"""
import sys
from desktop_app.app import main
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

how = sys.argv[2]
_exec = QApplication.exec

def exec_then_close(*_self):
    def end(window):
        if how == "close":
            window.close()
        else:
            quit = [a for a in window.findChildren(QAction) if a.text() == "&Quit"]
            quit[0].trigger()

    def when_open():
        opened = [w for w in QApplication.topLevelWidgets() if getattr(w, "opened", False)]
        window = opened[0] if opened else None
        if window is None:
            QTimer.singleShot(20, when_open)
            return
        for i in range(window.tabs.count()):
            window.tabs.setCurrentIndex(i)
            QApplication.processEvents()
        window.charts_tab.ensure_view().oryx  # built when first chosen
        QApplication.processEvents()
        print("plots", len(window.findChildren(pg.GraphicsView)), flush=True)
        QTimer.singleShot(1500, lambda: end(window))

    QTimer.singleShot(0, when_open)
    return _exec()

import pyqtgraph as pg
from PySide6.QtGui import QAction
QApplication.exec = exec_then_close
sys.exit(main(["--database", sys.argv[1]]))
"""


@pytest.mark.parametrize("how", ["close", "quit"])
def test_the_program_ends_cleanly_once_its_charts_are_built(tmp_path: Path, how: str) -> None:
    done = run_child(_CLOSE_CHILD, tmp_path, str(tmp_path / "new.sqlite"), how)
    log = _crash_log(tmp_path)
    # Deleting the windows at the event loop's end crashed here (SIGSEGV, -11).
    assert done.returncode == 0, done.stderr + log
    assert "Fatal Python error" not in log
    # The Losses chart and the Charts tab's two plots existed when the program ended.
    assert int(done.stdout.split()[-1]) >= 3, done.stdout
