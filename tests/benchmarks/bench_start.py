"""Start-up the way a user starts the program: `frontline-archive --database FILE`.

The child runs what the installed `frontline-archive` script runs (`desktop_app.app:main`),
with one addition made before anything of ours is imported: when the application's event
loop starts, an event filter is put on the shown window that prints "painted" at its first
paint (our frame, painted before the archive is opened) and "rows" at the list's first
paint after its first rows arrived, then quits. The floor is a bare PySide6 window started,
shown and detected the same way. Rounds 1-7 put the filter on the whole application
(`watch="app"`, still printed for comparison), which taxed the program it measured.

    python -m tests.benchmarks.bench_start [ARCHIVE]
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

_ENTRY_CHILD = r"""
import os, sys
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if sys.argv[1] != "empty":
    # What the installed script does first; PySide6 comes after it, as when a user starts it.
    from desktop_app.app import main
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

state = {"painted": False, "rows": False, "shown": False, "watching": False}
EMPTY = sys.argv[1] == "empty"
APP_WIDE = sys.argv[3] == "app"

class Watch(QObject):
    def eventFilter(self, obj, event):
        if event.type() != QEvent.Type.Paint or not isinstance(obj, QWidget):
            return False
        window = obj.window()
        if not state["painted"] and (isinstance(window, QMainWindow) or EMPTY):
            # The window's frame: it paints before the archive is opened in it.
            state["painted"] = True
            print("painted", flush=True)
            if EMPTY:
                QTimer.singleShot(0, QApplication.instance().quit)
                return False
        if not state["watching"] and getattr(window, "opened", True):
            # The window on the archive, at its first paint: its list may have rows already.
            state["watching"] = True
            view = window.archive_view
            view.firstRowsShown.connect(lambda: state.update(shown=True))
            if view.model.rowCount():
                state["shown"] = True
            if not APP_WIDE:
                view.table.viewport().installEventFilter(self)
        elif state["shown"] and not state["rows"]:
            state["rows"] = True
            print("rows", flush=True)
            QTimer.singleShot(0, QApplication.instance().quit)
        return False

watch = Watch()
_exec = QApplication.exec

def exec_watched(*_self):
    if APP_WIDE:
        # Every event of every object through this filter: each new kind of widget the
        # window makes is then handed to Python, which costs the watched program time.
        QApplication.instance().installEventFilter(watch)
    else:
        # Only the shown windows' own paints (and, once open, the list's).
        for widget in QApplication.topLevelWidgets():
            widget.installEventFilter(watch)
    return _exec()

QApplication.exec = exec_watched
if sys.argv[1] == "empty":
    app = QApplication([])
    w = QWidget()
    w.resize(1280, 800)
    w.show()
    sys.exit(app.exec())
sys.exit(main(["--database", sys.argv[2]]))
"""


def _start_once(which: str, path: Path, watch: str, env: dict[str, str]) -> tuple[float, float]:
    """Process start → first paint, and → first rows painted (0 for the bare window)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", _ENTRY_CHILD, which, str(path), watch],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    paint = (time.perf_counter() - t0) * 1000
    assert line.strip() == "painted", line
    rows = 0.0
    if which != "empty":
        line = proc.stdout.readline()
        rows = (time.perf_counter() - t0) * 1000
        assert line.strip() == "rows", line
    proc.wait(60)
    return paint, rows


def paired_start_ms(
    path: Path, runs: int = 7, *, watch: str = "window"
) -> tuple[float, float, float]:
    """Medians of (bare window's first paint, ours, our first rows), started in turns (bare,
    ours, bare, ours…) so that both see the machine in the same state.

    `watch`: "window" watches the shown window's paints (and the list's, once the archive
    is open); "app" puts the watch on the whole application, as rounds 1-7 did, which
    slows the watched program (each event of each object goes through Python).
    """
    from tests.benchmarks.__main__ import compile_sources

    compile_sources()
    empty: list[float] = []
    paints: list[float] = []
    rows: list[float] = []
    with tempfile.TemporaryDirectory() as home:
        # The window's settings, log and daily backups go to a throw-away data folder.
        env = dict(os.environ, XDG_DATA_HOME=home, XDG_CONFIG_HOME=home)
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        _start_once("main", path, watch, env)  # the first start writes the settings file
        for _ in range(runs):
            empty.append(_start_once("empty", path, watch, env)[0])
            paint, shown = _start_once("main", path, watch, env)
            paints.append(paint)
            rows.append(shown)
    return statistics.median(empty), statistics.median(paints), statistics.median(rows)


def main() -> int:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("bench-data/bench.sqlite")
    print(f"start via desktop_app.app:main, {path.name}")
    for watch in ("window", "app"):
        empty, paint, rows = paired_start_ms(path, watch=watch)
        print(f"  paints watched: {'the window and its list' if watch == 'window' else 'app-wide'}")
        print(
            f"  first paint      {paint:7.1f} ms   bare PySide6 window {empty:7.1f} ms  "
            f"{paint / empty:5.2f}× (target ≤ 1.5×)"
        )
        print(
            f"  first rows shown {rows:7.1f} ms   bare PySide6 window {empty:7.1f} ms  "
            f"{rows / empty:5.2f}× (target ≤ 2.5×)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
