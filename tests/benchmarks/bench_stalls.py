"""Where the GUI thread waits: the real program driven through what a user does.

Run as ``python -m tests.benchmarks.bench_stalls`` (`make bench` and `make bench-1m` run it)
on a copy of the archive `python -m tests.benchmarks` built (BENCH_DIR, BENCH_ITEMS; the
steps write marks and tags, so the cached archive is not touched). The program is started
through its entry point (`desktop_app.app.main`) in this process; a 2 ms timer on the GUI
thread notes every gap between two of its ticks. Each step (keys on the list, a search
typed, a filter, the timeline, the tabs, the Trash, another program's write) is followed by
a wait until the window is idle, and prints its longest gap and how many were over 40 ms.
The floor: the longest gap while the same window stands idle for as long.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import (
    QElapsedTimer,
    QEventLoop,
    QItemSelection,
    QItemSelectionModel,
    QPoint,
    Qt,
    QTimer,
)
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QMenu, QMessageBox

DATA = Path(os.environ.get("BENCH_DIR", "bench-data"))
ITEMS = int(os.environ.get("BENCH_ITEMS", "100000"))
GAP_MS = 40  # a gap longer than this is counted (2-3 frames)

# A second program's write: a brief every 2 s, as another window or a script would.
_WRITER = r"""
import sqlite3, sys, time
con = sqlite3.connect(sys.argv[1], timeout=30)
now = "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"
for n in range(5):
    con.execute(
        "INSERT INTO item (kind, title, body, published_at, created_at, updated_at) "
        f"VALUES ('brief', ?, 'Crews worked overnight.', {now}, {now}, {now})",
        (f"Another program's brief {n}",),
    )
    con.commit()
    time.sleep(2)
"""


class Watch:
    """Every gap between two ticks of a 2 ms timer on the GUI thread, by step."""

    def __init__(self, app: QApplication) -> None:
        self.app = app
        self.clock = QElapsedTimer()
        self.clock.start()
        self.last = 0
        self.gaps: list[int] = []
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self._tick)
        self.timer.start(2)

    def _tick(self) -> None:
        now = self.clock.elapsed()
        self.gaps.append(now - self.last)
        self.last = now

    def reset(self) -> None:
        self.last = self.clock.elapsed()
        self.gaps = []

    def pump(self, ms: int) -> None:
        end = time.monotonic() + ms / 1000
        while time.monotonic() < end:
            self.app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)

    def until(self, done: Callable[[], bool], seconds: float) -> None:
        end = time.monotonic() + seconds
        while not done() and time.monotonic() < end:
            self.app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)


def _answer_dialogs(app: QApplication) -> None:
    """Yes to a question (Delete, Mark all), the typed tags to the tags dialog."""
    from PySide6.QtWidgets import QInputDialog

    for box in app.topLevelWidgets():  # offscreen, a dialog is shown but never made active
        if not box.isVisible():
            continue
        if isinstance(box, QMessageBox) and box.button(QMessageBox.StandardButton.Yes):
            box.button(QMessageBox.StandardButton.Yes).click()
        elif isinstance(box, QInputDialog):
            box.setTextValue("drones, -energy")
            box.accept()


def _steps(window: object, watch: Watch, archive: Path) -> list[tuple[str, Callable[[], object]]]:
    from desktop_app.ui.archive.archive_actions import set_timeline

    view = window.archive_view  # type: ignore[attr-defined]
    table, filters = view.table, view.filters
    ctrl = Qt.KeyboardModifier.ControlModifier

    none = Qt.KeyboardModifier.NoModifier

    def key(widget: Any, code: Qt.Key, mods: Qt.KeyboardModifier = none) -> Callable[[], None]:
        def press() -> None:
            widget.setFocus()
            QTest.keyClick(widget, code, mods)

        return press

    def typed(text: str) -> Callable[[], None]:
        def run() -> None:
            view.search_edit.setFocus()
            for char in text:
                QTest.keyClick(view.search_edit, char)
                watch.pump(120)

        return run

    def first_rows(count: int) -> Callable[[], None]:
        """A click on the first row, then Shift with a click `count` rows below."""

        def run() -> None:
            table.setFocus()
            view.select_item(view.model.item_id(0))
            watch.pump(100)
            model, flags = table.model(), QItemSelectionModel.SelectionFlag
            chosen = QItemSelection(model.index(0, 0), model.index(count - 1, 0))
            table.selectionModel().select(chosen, flags.Select | flags.Rows)

        return run

    def another_program() -> None:
        writer = subprocess.Popen([sys.executable, "-c", _WRITER, str(archive)])
        watch.until(lambda: writer.poll() is not None, 60)
        watch.pump(2000)

    def trash() -> None:
        window.backups.trash_action.trigger()  # type: ignore[attr-defined]
        watch.pump(1500)
        for dialog in window.findChildren(QDialog):  # type: ignore[attr-defined]
            dialog.close()

    def new_report() -> None:
        """File ▸ New report… (the Losses tab again, then the dialog's first build), closed."""
        window.new_report_action.trigger()  # type: ignore[attr-defined]
        watch.pump(1000)
        for dialog in window.findChildren(QDialog):  # type: ignore[attr-defined]
            dialog.close()

    def menu() -> None:
        table.customContextMenuRequested.emit(QPoint(40, 30))
        watch.pump(300)
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMenu) and widget.isVisible():
                widget.close()

    def moves() -> None:
        key(table, Qt.Key.Key_End)()
        QTest.keyClick(table, Qt.Key.Key_Home)
        for _ in range(20):
            QTest.keyClick(table, Qt.Key.Key_PageDown)

    def marks() -> None:
        table.setFocus()
        for code in [Qt.Key.Key_J] * 5 + [Qt.Key.Key_Space, Qt.Key.Key_S]:
            QTest.keyClick(table, code)

    def on_and_off(on: Callable[[], object], off: Callable[[], object]) -> Callable[[], None]:
        def run() -> None:
            on()
            watch.until(lambda: view.idle, 60)
            off()

        return run

    def timeline() -> None:
        set_timeline(view, True)
        watch.until(lambda: view.idle, 60)
        key(view.timeline, Qt.Key.Key_End)()
        QTest.keyClick(view.timeline, Qt.Key.Key_A, ctrl)

    def tab(index: int) -> Callable[[], None]:
        return lambda: window.tabs.setCurrentIndex(index)  # type: ignore[attr-defined]

    header = table.horizontalHeader()
    unread, kinds = filters.unread_check, view.kind_combo
    return [
        ("type 'drones kharkiv'", typed("drones kharkiv")),
        ("clear the search", view.search_edit.clear),
        ("sort by title (a heading's click)", lambda: header.sectionClicked.emit(2)),
        ("sort by date again", lambda: header.sectionClicked.emit(1)),
        ("End, Home, PageDown ×20 in the list", moves),
        ("Ctrl+A over every row", key(table, Qt.Key.Key_A, ctrl)),
        ("the list's menu with every row chosen", menu),
        ("Space with every row chosen (refused)", key(table, Qt.Key.Key_Space)),
        ("x typed into the list", key(table, Qt.Key.Key_X)),
        ("j ×5, Space, s on one item", marks),
        ("choose 1,000 rows with Shift", first_rows(1000)),
        ("t on them (tags)", key(table, Qt.Key.Key_T)),
        ("Ctrl+Z of the tags", key(table, Qt.Key.Key_Z, ctrl)),
        ("Delete them (Trash)", key(table, Qt.Key.Key_Delete)),
        ("Ctrl+Z of the delete", key(table, Qt.Key.Key_Z, ctrl)),
        ("unread only, then off", on_and_off(lambda: unread.setChecked(True), unread.toggle)),
        (
            "briefs only, then all",
            on_and_off(lambda: kinds.setCurrentIndex(2), lambda: kinds.setCurrentIndex(0)),
        ),
        ("the timeline, End, Ctrl+A", timeline),
        ("the table again", lambda: set_timeline(view, False)),
        ("the Losses tab, first shown", tab(1)),
        ("the Charts tab, first shown", tab(2)),
        ("the Archive tab", tab(0)),
        ("New report…, first opened, then closed", new_report),
        ("the Archive tab again", tab(0)),
        ("Edit ▸ Trash…", trash),
        ("another program writes 5 briefs, 2 s apart", another_program),
    ]


def _drive(archive: Path, report: list[tuple[str, float, int, int]]) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    watch = Watch(app)
    answers = QTimer(app)  # kept by the application: this function returns at once
    answers.timeout.connect(lambda: _answer_dialogs(app))
    answers.start(50)

    def run() -> None:
        windows = [w for w in app.topLevelWidgets() if getattr(w, "opened", False)]
        if not windows or windows[0].archive_view.model.rowCount() == 0:  # type: ignore[attr-defined]
            QTimer.singleShot(50, run)
            return
        window = windows[0]
        view = window.archive_view  # type: ignore[attr-defined]

        def settle() -> None:
            watch.pump(100)
            watch.until(lambda: window.runner.idle and view.idle, 120)  # type: ignore[attr-defined]
            watch.pump(300)

        settle()
        watch.pump(3000)  # the warm-up's imports and reads, 1.5 s after start-up
        window.activateWindow()
        watch.until(lambda: app.activeWindow() is window, 10)
        watch.reset()
        watch.pump(3000)
        report.append(("idle window (the floor)", 3.0, max(watch.gaps, default=0), 0))
        print(f"The GUI thread's gaps at {ITEMS:,} items (a 2 ms timer; over {GAP_MS} ms counted)")
        print(f"{'step':52s} {'time':>7s} {'longest gap':>12s} {'gaps > 40 ms':>13s}")
        print(_row(*report[-1]), flush=True)
        for label, step in _steps(window, watch, archive):
            watch.reset()
            start = time.perf_counter()
            step()
            settle()
            gaps = watch.gaps
            over = sum(1 for g in gaps if g > GAP_MS)
            report.append((label, time.perf_counter() - start, max(gaps, default=0), over))
            print(_row(*report[-1]), flush=True)
        window.close()

    QTimer.singleShot(0, run)


def main() -> int:
    cached = DATA / ("bench.sqlite" if ITEMS == 100_000 else f"bench-{ITEMS}.sqlite")
    if not cached.exists():
        print(f"{cached} is missing: `python -m tests.benchmarks` builds it", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as folder:
        archive = Path(folder) / "archive.sqlite"
        shutil.copyfile(cached, archive)
        sqlite3.connect(archive).close()
        os.environ.setdefault("XDG_CONFIG_HOME", folder)
        os.environ.setdefault("XDG_DATA_HOME", folder)
        from desktop_app.app import main as program

        app = QApplication.instance() or QApplication([sys.argv[0]])
        report: list[tuple[str, float, int, int]] = []
        _drive(archive, report)
        code = program(["--database", str(archive)])
        del app
    return code


def _row(label: str, seconds: float, longest: int, over: int) -> str:
    return f"{label:52s} {seconds:6.2f}s {longest:9d} ms {over:13d}"


if __name__ == "__main__":
    sys.exit(main())
