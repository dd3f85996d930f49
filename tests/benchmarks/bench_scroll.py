"""Scrolling the whole list, and the memory that takes, in a process of its own.

The archive view of the window (the same widgets, search thread and row thread) shows every
item newest first; the list is then scrolled from top to bottom, a jump every 40 screens and
each step painted once its rows have arrived. Its own process, so the peak memory is the
list's and not the benchmark's (whose baselines fetch every id through sqlite3).

    python -m tests.benchmarks.bench_scroll ARCHIVE
"""

from __future__ import annotations

import contextlib
import json
import os
import resource
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def bare_table_floor(app: object, rows: int, size: object, jump: int) -> list[float]:
    """The same jumps in a bare QTableView of the same size over the least a Python model can
    be (a text per cell, computed when asked): what any PySide list pays per jump."""
    from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
    from PySide6.QtWidgets import QTableView

    class Bare(QAbstractTableModel):
        def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
            return 0 if parent.isValid() else rows

        def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
            return 0 if parent.isValid() else 6

        def data(
            self,
            index: QModelIndex | QPersistentModelIndex,
            role: int = Qt.ItemDataRole.DisplayRole,
        ) -> object:
            if role == Qt.ItemDataRole.DisplayRole:
                return f"row {index.row()} column {index.column()}"
            return None

    table = QTableView()
    model = Bare()
    table.setModel(model)
    table.resize(size)  # type: ignore[call-overload]
    table.show()
    app.processEvents()  # type: ignore[attr-defined]
    bar = table.verticalScrollBar()
    blocked = []
    for value in range(0, bar.maximum() + 1, max(1, jump)):
        t0 = time.perf_counter()
        bar.setValue(value)
        table.viewport().repaint()
        blocked.append((time.perf_counter() - t0) * 1000)
        app.processEvents()  # type: ignore[attr-defined]
    table.close()
    return blocked


def own_peak_mib() -> float:
    """This process's peak resident memory, in MiB. On Linux from /proc (VmHWM), which
    starts afresh at exec: `ru_maxrss` keeps the parent's peak across the fork and exec of
    a subprocess, so a benchmark started from a 311 MiB parent reported 311 MiB whatever it
    used itself."""
    with contextlib.suppress(OSError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    from desktop_app.storage.db.connection import open_database
    from desktop_app.ui.archive.archive_view import ArchiveView
    from desktop_app.ui.common.garbage import GuiThreadCollector
    from tests.benchmarks.__main__ import BenchContext

    app = QApplication([])
    open_database(Path(sys.argv[1]))
    view = ArchiveView(BenchContext(quiet=True))
    view.resize(1280, 800)
    view.show()
    app.processEvents()
    # As the window does (`MainWindow`): the cycle collector runs on the GUI thread between
    # events, and what start-up made is kept out of its passes. Left to Python, a full pass
    # over the whole heap fell inside a jump now and then (64 ms of the GUI thread's CPU).
    collector = GuiThreadCollector(view)
    collector.freeze()

    def settle() -> None:
        """Until the rows asked for have arrived from the row thread and been painted."""
        while not view.idle:
            app.processEvents()
            time.sleep(0.0005)  # let the worker threads take the GIL
        app.processEvents()

    loop = QEventLoop()
    view.searchFinished.connect(loop.quit)
    view.reload()
    loop.exec()
    view.worker.wait(600_000)  # the counts too: the list is scrolled once they are in
    settle()
    table = view.table
    bar = table.verticalScrollBar()
    page = max(1, bar.pageStep())
    steps: list[float] = []
    blocked: list[float] = []
    # The GUI thread's own CPU time per jump: on a shared machine the wall time above also
    # counts the waits for a CPU slot.
    cpu: list[float] = []
    for value in range(0, bar.maximum() + 1, page * 40):  # ~every 40th screen
        t0 = time.perf_counter()
        c0 = time.thread_time()
        bar.setValue(value)
        table.viewport().repaint()
        blocked.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.thread_time() - c0) * 1000)
        settle()
        table.viewport().repaint()
        steps.append((time.perf_counter() - t0) * 1000)
    t0 = time.perf_counter()
    table.scrollToBottom()
    table.viewport().repaint()
    settle()
    table.viewport().repaint()
    bottom = (time.perf_counter() - t0) * 1000
    peak = own_peak_mib()
    floor = bare_table_floor(app, view.model.rowCount(), view.size(), bar.pageStep() * 40)
    print(
        json.dumps(
            {
                "rows": view.model.rowCount(),
                "jumps": len(steps),
                "median": statistics.median(steps),
                "worst": max(steps),
                "p95": sorted(steps)[int(len(steps) * 0.95)],
                "blocked_median": statistics.median(blocked),
                "blocked_worst": max(blocked),
                "cpu_median": statistics.median(cpu),
                "cpu_worst": max(cpu),
                "bottom": bottom,
                "peak_mib": peak,
                "floor_blocked_median": statistics.median(floor),
                "floor_blocked_worst": max(floor),
            }
        )
    )
    view.worker.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
