"""`make bench`: time the archive at scale and print each figure beside its baseline.

Figures are medians of several runs on this machine; compare rows within one run.
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.benchmarks.generate import build

DATA = Path(os.environ.get("BENCH_DIR", "bench-data"))


def median_ms(fn: Callable[[], object], runs: int = 7) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def main() -> int:
    DATA.mkdir(exist_ok=True)
    path = DATA / "bench.sqlite"
    if not path.exists() or "--rebuild" in sys.argv:
        t0 = time.perf_counter()
        build(path)
        print(f"built {path} in {time.perf_counter() - t0:.1f} s")

    from PySide6.QtWidgets import QApplication, QWidget

    from desktop_app.core.search_query import fts5_query
    from desktop_app.storage.connection import open_database
    from desktop_app.storage.items import search_item_ids
    from desktop_app.storage.reports import load_all_reports

    app = QApplication.instance() or QApplication([])
    open_database(path)
    raw = sqlite3.connect(path)
    query = "drones kharkiv"
    match = fts5_query(query)

    def raw_search() -> object:
        return raw.execute(
            "SELECT item.id FROM item JOIN item_fts ON item_fts.rowid = item.id "
            "WHERE item_fts MATCH ? ORDER BY item.published_at DESC", (match,)).fetchall()

    rows = [
        ("search 'drones kharkiv' → ids (ours)", median_ms(lambda: search_item_ids(query)),
         "raw FTS5 via sqlite3", median_ms(raw_search)),
        ("all 100k ids, newest first (ours)", median_ms(lambda: search_item_ids("")),
         "raw SELECT id ORDER BY", median_ms(lambda: raw.execute(
             "SELECT id FROM item ORDER BY published_at DESC, id DESC").fetchall())),
        ("load 2,000 reports (ours)", median_ms(load_all_reports, 3),
         "raw SELECT of figures", median_ms(lambda: raw.execute(
             "SELECT * FROM report_figure").fetchall(), 3)),
    ]

    def empty_window() -> None:
        w = QWidget()
        w.resize(1280, 800)
        w.show()
        w.grab()
        w.close()

    def main_window() -> None:
        from PySide6.QtCore import QSettings

        from desktop_app.ui.main_window import MainWindow

        w = MainWindow(QSettings(str(DATA / "bench.ini"), QSettings.Format.IniFormat))
        w.show()
        w.grab()
        w.close()

    rows.append(("main window first paint, 100k items", median_ms(main_window, 3),
                 "empty PySide6 window", median_ms(empty_window, 3)))
    width = max(len(r[0]) for r in rows)
    print(f"{'measure':<{width}}  {'ms':>8}   {'baseline':<30} {'ms':>8}  ratio")
    for name, ours, base_name, base in rows:
        print(f"{name:<{width}}  {ours:8.1f}   {base_name:<30} {base:8.1f}  {ours / base:5.2f}×")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
