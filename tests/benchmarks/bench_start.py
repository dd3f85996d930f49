"""Start-up the way a user starts the program: `frontline-archive --database FILE`.

The child runs what the installed `frontline-archive` script runs (`desktop_app.app:main`),
with one addition made before anything of ours is imported: when the application's event
loop starts, an event filter is put on it that prints "painted" at the main window's first
paint and "rows" at the first paint after the list's first rows arrived, then quits. The
floor is a bare PySide6 window started, shown and detected the same way.

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

state = {"painted": False, "rows": False, "shown": False}

class Watch(QObject):
    def eventFilter(self, obj, event):
        if event.type() != QEvent.Type.Paint or not isinstance(obj, QWidget):
            return False
        window = obj.window()
        if not state["painted"] and (isinstance(window, QMainWindow) or sys.argv[1] == "empty"):
            state["painted"] = True
            print("painted", flush=True)
            if sys.argv[1] == "empty":
                QTimer.singleShot(0, QApplication.instance().quit)
            else:
                window.archive_view.firstRowsShown.connect(lambda: state.update(shown=True))
                if window.archive_view.model.rowCount():
                    state["shown"] = True
        elif state["shown"] and not state["rows"]:
            state["rows"] = True
            print("rows", flush=True)
            QTimer.singleShot(0, QApplication.instance().quit)
        return False

watch = Watch()
_exec = QApplication.exec

def exec_watched(*_self):
    QApplication.instance().installEventFilter(watch)
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


def entry_start_ms(which: str, path: Path, runs: int = 5) -> tuple[float, float | None]:
    """Median process start → first paint, and → first rows painted (ours only)."""
    from tests.benchmarks.__main__ import compile_sources

    compile_sources()
    paints: list[float] = []
    rows: list[float] = []
    with tempfile.TemporaryDirectory() as home:
        # The window's settings, log and daily backups go to a throw-away data folder.
        env = dict(os.environ, XDG_DATA_HOME=home, XDG_CONFIG_HOME=home)
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        for _ in range(runs):
            t0 = time.perf_counter()
            proc = subprocess.Popen(
                [sys.executable, "-c", _ENTRY_CHILD, which, str(path)],
                stdout=subprocess.PIPE,
                text=True,
                env=env,
            )
            assert proc.stdout is not None
            line = proc.stdout.readline()
            paints.append((time.perf_counter() - t0) * 1000)
            assert line.strip() == "painted", line
            if which != "empty":
                line = proc.stdout.readline()
                rows.append((time.perf_counter() - t0) * 1000)
                assert line.strip() == "rows", line
            proc.wait(60)
    return statistics.median(paints), statistics.median(rows) if rows else None


def main() -> int:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("bench-data/bench.sqlite")
    empty, _ = entry_start_ms("empty", path)
    paint, rows = entry_start_ms("main", path)
    assert rows is not None
    print(f"start via desktop_app.app:main, {path.name}")
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
