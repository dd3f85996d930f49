"""`make bench`: time the archive at scale and print each figure beside its baseline.

Figures are medians of several runs on this machine; compare rows within one run.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import resource
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.benchmarks.generate import RARE_ITEMS, RARE_SOURCE, RARE_TAG, add_rare, build
from tests.benchmarks.timing import median_ms, paired_ms

DATA = Path(os.environ.get("BENCH_DIR", "bench-data"))
# How many items the generated archive holds (`make bench-1m`: 1,000,000, built once in a
# cache folder outside the repository).
ITEMS = int(os.environ.get("BENCH_ITEMS", "100000"))
# Queries from selective to broad on the generated text, each timed newest first and by
# relevance: "kupiansk 57 silos" matches ~8 % of items, "power lines" without kherson ~23 %,
# "drones kharkiv" ~38 %, the prefix "evacuat" ~71 %, "in" every item (counted at 10,000,
# 100,000 and 1,000,000 items alike).
# Runs per figure (medians): fewer at a million items, where a broad search by relevance
# takes seconds.
RUNS = 7 if ITEMS <= 100_000 else 3
QUERIES = ("kupiansk 57 silos", "drones kharkiv", '"power lines" -kherson', "evacuat", "in")
if os.environ.get("BENCH_QUERIES"):  # e.g. BENCH_QUERIES="in|evacuat": only these
    QUERIES = tuple(os.environ["BENCH_QUERIES"].split("|"))

# A child process that shows a window and prints once its first paint has happened; the
# parent times from starting the process to that line, the same way for both windows: the
# same bare QApplication, the same show() and the same paint detection (an event filter on
# the top-level window). Ours opens the archive before Qt starts, as `desktop_app.app` does.
_PAINT_CHILD = r"""
import os, sys
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if sys.argv[1] == "main":
    from desktop_app.storage.db.connection import open_database
    open_database(sys.argv[2])
from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
class Watch(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print("painted", flush=True)
            QTimer.singleShot(0, app.quit)
        return False
if sys.argv[1] == "empty":
    w = QWidget()
else:
    from desktop_app.ui.app.main_window import MainWindow
    w = MainWindow(QSettings(sys.argv[3], QSettings.Format.IniFormat))
w.resize(1280, 800)
watch = Watch()
w.installEventFilter(watch)
w.show()
app.exec()
"""


def compile_sources() -> None:
    """Write our modules' bytecode, as installing the package does.

    With PYTHONDONTWRITEBYTECODE set (as on the machine these figures come from) every start
    would otherwise compile our ~35 modules from source (~28 ms), a cost no installed copy
    pays; the empty window imports nothing of ours, so only our side would carry it.
    """
    import compileall

    import desktop_app

    compileall.compile_dir(Path(desktop_app.__file__).parent, quiet=1)


def first_paint_ms(which: str, path: Path) -> float:
    """Process start to the "painted" line; the child's exit is not counted."""
    compile_sources()
    times = []
    for _ in range(5):
        t0 = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-c", _PAINT_CHILD, which, str(path), str(DATA / "paint.ini")],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert proc.stdout is not None
        line = proc.stdout.readline()
        times.append((time.perf_counter() - t0) * 1000)
        proc.wait()
        assert line.strip() == "painted", line
    return statistics.median(times)


class BenchContext:
    """The little of a window the archive view asks for (ui.common.context.WindowContext)."""

    def __init__(self, *, quiet: bool = False) -> None:
        from PySide6.QtCore import QSettings
        from PySide6.QtGui import QUndoStack
        from PySide6.QtWidgets import QWidget

        from desktop_app.ui.common.operations import OperationRunner

        self.runner = OperationRunner(poll_ms=0)
        self.undo_stack = QUndoStack()
        self.settings = QSettings()
        self.database_path: Path | None = None
        self.read_only = False
        self._widget = QWidget()
        self.quiet = quiet

    def widget(self) -> object:
        return self._widget

    def status(self, text: str) -> None:
        if not self.quiet:
            print(text)

    def show_message(self, kind: str, text: str) -> None:
        print(f"{kind}: {text}")

    def open_report(self, date: object) -> bool:
        return False

    def open_item(self, item_id: int) -> None:
        pass


def print_rows(rows: list[tuple[str, float, str, float]]) -> None:
    width = max(len(r[0]) for r in rows)
    print(f"{'measure':<{width}}  {'ms':>8}   {'baseline':<30} {'ms':>8}  ratio")
    for name, ours, base_name, base in rows:
        if base != base:  # NaN: a floor of its own, with no baseline beside it
            print(f"{name:<{width}}  {ours:8.1f}")
            continue
        print(f"{name:<{width}}  {ours:8.1f}   {base_name:<30} {base:8.1f}  {ours / base:5.2f}×")
    sys.stdout.flush()


def main() -> int:
    DATA.mkdir(exist_ok=True)
    path = DATA / ("bench.sqlite" if ITEMS == 100_000 else f"bench-{ITEMS}.sqlite")
    if not path.exists() or "--rebuild" in sys.argv:
        t0 = time.perf_counter()
        build(path, items=ITEMS)
        print(f"built {path} in {time.perf_counter() - t0:.1f} s")
    t0 = time.perf_counter()
    from desktop_app.storage.db.connection import open_archive

    open_archive(path).db.close()  # an archive built by an older release is upgraded once
    add_rare(path)
    print(f"opened {path} in {time.perf_counter() - t0:.1f} s")

    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    from desktop_app.core.search_query import parse_query
    from desktop_app.storage.db.connection import open_database
    from desktop_app.storage.items import ROW_COLUMNS
    from desktop_app.storage.reports import load_all_reports
    from desktop_app.storage.search import Facets, SearchRequest, select_sql
    from desktop_app.storage.search_quick import SAMPLE
    from desktop_app.storage.search_text import search_id_text
    from desktop_app.ui.archive.archive_model import TITLE_COL
    from desktop_app.ui.archive.archive_view import ArchiveView
    from desktop_app.ui.archive.id_lists import read_ids
    from desktop_app.ui.archive.search_worker import FIRST_PAGE
    from desktop_app.ui.common.garbage import GuiThreadCollector

    app = QApplication.instance() or QApplication([])
    open_database(path)
    raw = sqlite3.connect(path)
    rows: list[tuple[str, float, str, float]] = []

    view = ArchiveView(BenchContext())
    view.resize(1280, 800)
    view.show()
    app.processEvents()
    # As in the window: the cycle collector runs on the GUI thread, not in whichever thread
    # allocates when it falls due (a pass holds the GIL throughout).
    collector = GuiThreadCollector(view)
    collector.freeze()

    def wait_for(signal: object) -> None:
        """Run the event loop until `signal` fires, as the idle window would (no busy spin
        holding the GIL while the worker thread runs the query)."""
        loop = QEventLoop()
        signal.connect(loop.quit)  # type: ignore[attr-defined]
        loop.exec()
        signal.disconnect(loop.quit)  # type: ignore[attr-defined]

    def first_rows(req: SearchRequest) -> None:
        """From asking to the list's first screen of rows painted: the view paints them
        before it says `firstRowsShown` (their snippets follow from the rows thread)."""
        view.worker.search(req)
        wait_for(view.firstRowsShown)
        model = view.model
        shown = [model.data(model.index(r, TITLE_COL)) for r in range(min(40, model.rowCount()))]
        assert None not in shown  # the first screen's rows came with the page, none missing

    def full_list(req: SearchRequest) -> None:
        """From asking to the whole id list in the model (the count under the list)."""
        view.worker.search(req)
        wait_for(view.searchFinished)

    shown_facets: list[Facets] = []
    view.worker.countsReady.connect(shown_facets.append)

    def counts(req: SearchRequest) -> None:
        """From asking to the first counts beside the list shown (an estimate, or exact when
        the search has few matches)."""
        shown_facets.clear()
        view.worker.search(req)
        wait_for(view.countsShown)

    def exact_total(req: SearchRequest) -> None:
        """From asking to the exact number of matches shown under the list (counted in the
        index before the full list, or with the list)."""
        loop = QEventLoop()
        finished: list[bool] = []

        def check() -> None:
            # After the view's own slot (connected first) has shown what arrived.
            if finished or any(f.total is not None for f in shown_facets):
                loop.quit()

        def on_finished() -> None:
            finished.append(True)
            check()

        view.worker.countsReady.connect(check)
        view.searchFinished.connect(on_finished)
        shown_facets.clear()
        view.worker.search(req)
        loop.exec()
        view.worker.countsReady.disconnect(check)
        view.searchFinished.disconnect(on_finished)

    def exact_counts(req: SearchRequest) -> None:
        """From asking to the exact counts shown (after the whole list)."""
        shown_facets.clear()
        view.worker.search(req)
        while not shown_facets or shown_facets[-1].estimated:
            wait_for(view.countsShown)

    def settle() -> None:
        """Until every answer is handled and painted: the window idle, as before a keystroke."""
        for _ in range(200):
            t0 = time.perf_counter()
            app.processEvents()
            if not view.worker.busy and time.perf_counter() - t0 < 0.002:
                return
            time.sleep(0.005)

    def timed(fn: Callable[[SearchRequest], None], req: SearchRequest, runs: int = RUNS) -> float:
        times = []
        for _ in range(runs):
            # Each run a search typed afresh: the counts the runs before made are not kept
            # (`counts_memory`; what keeping them brings is the row after a change of order).
            view.worker.forget_counts()
            t0 = time.perf_counter()
            fn(req)
            times.append((time.perf_counter() - t0) * 1000)
            # What follows (the rest of the list, the counts) is not timed here, and is shown
            # before the next run starts, as a user types into a window that has shown its
            # last result: handled inside the next run's time, a million stale ids were
            # dropped and the list repainted (35-45 ms at 1M) while the next search ran.
            view.worker.wait(600_000)  # the exact counts of `in` take ~20 s at 1M
            settle()
        return statistics.median(times)

    from desktop_app.storage import search

    def as_typed(text: str, order: str) -> tuple[str, list[object]]:
        """The first page's statement with the last word as FTS5's own prefix, as before
        the word list (schema 9)."""
        page, every = search.PAGE_PARTS, search.ALL_PARTS
        search.PAGE_PARTS = search.ALL_PARTS = 0
        try:
            req = SearchRequest(text, order=order, limit=FIRST_PAGE)
            return select_sql(req, parse_query(text), ROW_COLUMNS)
        finally:
            search.PAGE_PARTS, search.ALL_PARTS = page, every

    # As the window opens: the whole archive listed, and counted (which reads the groups
    # the exact counts of any later search are made from: `ui/archive/facet_counter.py`).
    view.worker.search(SearchRequest())
    view.worker.wait(600_000)
    settle()

    for text in QUERIES:
        query = parse_query(text)
        # What the statements below search for: a prefix as the OR of its words where that
        # pays (`storage.search.expansions`), as ours does.
        match = query.fts_match(search.expansions(query, limit=search.PAGE_PARTS))
        all_match = query.fts_match(search.expansions(query, limit=search.ALL_PARTS))
        matches = raw.execute(
            "SELECT count(*) FROM item_fts WHERE item_fts MATCH ?", (match,)
        ).fetchone()[0]
        for order in ("date", "relevance"):
            req = SearchRequest(text, order=order)
            # The first floor is the very statement our first page runs (same columns, WHERE,
            # ORDER BY and LIMIT) through sqlite3; the second, the least any plan can do for
            # newest first: the index's own rowids in order, nothing else read.
            first_sql, first_params = select_sql(
                SearchRequest(text, order=order, limit=FIRST_PAGE), query, ROW_COLUMNS
            )
            assert "item_fts MATCH ?" in first_sql

            def raw_first(sql: str = first_sql, params: list[object] = first_params) -> object:
                return raw.execute(sql, params).fetchall()

            label = (
                f"{text!r} ({matches:,} matches), {'newest first' if order == 'date' else order}"
            )
            rows.append(
                (
                    f"search {label} → first rows shown [≤ 50]",
                    timed(first_rows, req),
                    f"same statement, raw, LIMIT {FIRST_PAGE}",
                    median_ms(raw_first, RUNS),
                )
            )
            typed_sql, typed_params = as_typed(text, order)
            if order == "date" and typed_params != first_params:
                rows.append(
                    (
                        "  … before: the last word as FTS5's prefix (raw, same LIMIT)",
                        median_ms(lambda q=typed_sql, p=typed_params: raw.execute(q, p).fetchall()),
                        "",
                        float("nan"),
                    )
                )
        # Any statement that ranks with bm25, even over one row, first counts every match of
        # each phrase for its idf (FTS5's xQueryPhrase): the least a ranked page can cost.
        one = raw.execute("SELECT rowid FROM item_fts WHERE item_fts MATCH ? LIMIT 1", (match,))
        first_key = (one.fetchone() or (0,))[0]
        rows.append(
            (
                "  … bm25 of one match alone (its idf counts every match; raw)",
                median_ms(
                    lambda m=match, k=first_key: raw.execute(
                        f"SELECT {search._BM25} FROM item_fts WHERE item_fts MATCH ? AND rowid = ?",
                        (m, k),
                    ).fetchall()
                ),
                "",
                float("nan"),
            )
        )
        rows.append(
            (
                f"  … index rowids alone, newest first, LIMIT {FIRST_PAGE}",
                median_ms(
                    lambda m=match: raw.execute(
                        "SELECT rowid FROM item_fts WHERE item_fts MATCH ? "
                        "ORDER BY rowid LIMIT ?",  # ascending rowids are newest first
                        (m, FIRST_PAGE),
                    ).fetchall()
                ),
                "",
                float("nan"),
            )
        )
        req = SearchRequest(text)
        all_sql, all_params = select_sql(req, query, "item.id")
        rows.append(
            (
                f"search {text!r} → whole id list",
                timed(full_list, req),
                "same statement, raw, all ids",
                median_ms(lambda q=all_sql, p=all_params: raw.execute(q, p).fetchall(), RUNS),
            )
        )
        count_floor = median_ms(
            lambda m=all_match: raw.execute(
                "SELECT count(*) FROM item_fts WHERE item_fts MATCH ?", (m,)
            ).fetchone(),
            RUNS,
        )
        rows.append(
            (
                f"search {text!r} → counts shown (≈ from the newest {SAMPLE} if more) [≤ 300]",
                timed(counts, req),
                "raw COUNT(*) of the matches",
                count_floor,
            )
        )
        rows.append(
            (
                f"search {text!r} → number of matches shown (exact) [≤ 300]",
                timed(exact_total, req),
                "raw COUNT(*) of the matches",
                count_floor,
            )
        )
        rows.append(
            (
                f"search {text!r} → exact counts shown (after the whole list)",
                # Once at a million items: tens of seconds for a broad search.
                timed(exact_counts, req, RUNS if ITEMS <= 100_000 else 1),
                "raw COUNT(*) of the matches",
                count_floor,
            )
        )
        rows.append(
            (
                f"search {text!r} by relevance → counts shown (≈ if many) [≤ 300]",
                # Before the first ranked page where that is slow (sixteenth round).
                timed(counts, SearchRequest(text, order="relevance")),
                "raw COUNT(*) of the matches",
                count_floor,
            )
        )
        rows.append(
            (
                f"search {text!r} by relevance → exact counts shown [≤ 300]",
                # From the list by date on the counts thread where the ranked list is slow
                # (`SearchWorker._count_early`), else with the ranked list.
                timed(exact_counts, SearchRequest(text, order="relevance")),
                "raw COUNT(*) of the matches",
                count_floor,
            )
        )

        switch_times: list[float] = []

        def switched(
            req: SearchRequest, text: str = text, times: list[float] = switch_times
        ) -> None:
            """Newest first, then the same by relevance: only the second is timed."""
            exact_counts(SearchRequest(text))
            view.worker.wait(600_000)
            settle()
            t0 = time.perf_counter()
            exact_counts(req)
            times.append((time.perf_counter() - t0) * 1000)

        timed(switched, SearchRequest(text, order="relevance"))
        rows.append(
            (
                f"search {text!r} newest first, then by relevance → exact counts shown",
                statistics.median(switch_times),
                "raw COUNT(*) of the matches",
                count_floor,
            )
        )

    def timeline(req: SearchRequest) -> None:
        """From asking to the timeline's list and its day headings (View ▸ Timeline)."""
        view.worker.search(req, timeline=True)
        wait_for(view.worker.finished)

    for text in ("", QUERIES[1] if len(QUERIES) > 1 else QUERIES[0]):
        req = SearchRequest(text)
        sql, params = select_sql(req, parse_query(text), "item.id")
        day_sql = sql.replace(
            "SELECT item.id", "SELECT item.id, date(item.published_at, 'localtime')"
        )
        if "FROM item_fts" in sql and "JOIN item" not in sql:  # words alone: join for the day
            day_sql = (
                "SELECT item.id, date(item.published_at, 'localtime') FROM item_fts JOIN item "
                "ON item.id = ((-item_fts.rowid) & 1073741823) WHERE item_fts MATCH ? "
                "ORDER BY item_fts.rowid"
            )
        rows.append(
            (
                f"timeline {repr(text) if text else 'of everything'} → list and day headings",
                timed(timeline, req),
                "raw ids with their local day",
                median_ms(lambda q=day_sql, p=params: raw.execute(q, p).fetchall(), RUNS),
            )
        )

    def page_row(label: str, req: SearchRequest, base: str) -> tuple[str, float, str, float]:
        """The first rows shown, beside `select_sql`'s statement for the page run raw."""
        sql, params = select_sql(replace(req, limit=FIRST_PAGE), parse_query(req.text), ROW_COLUMNS)
        return (
            f"{label} → first rows shown [≤ 50]",
            timed(first_rows, req),
            f"{base}, raw, LIMIT {FIRST_PAGE}",
            median_ms(lambda: raw.execute(sql, params).fetchall()),
        )

    # A filter beside the words, or alone: the first rows through the filter's own index
    # (schema 11) or the search index's key (dates, few starred items).
    word = QUERIES[1] if len(QUERIES) > 1 else QUERIES[0]
    for label, req in (
        ("briefs only", SearchRequest(kind="brief")),
        ("starred only", SearchRequest(starred_only=True)),
        # Few starred beside every item unread: the starred ones' index (fifteenth round).
        ("starred and unread only", SearchRequest(starred_only=True, unread_only=True)),
        (f"{word!r}, starred only", SearchRequest(word, starred_only=True)),
        (
            f"{word!r}, January 2024",
            SearchRequest(word, date_from=dt.date(2024, 1, 1), date_to=dt.date(2024, 1, 31)),
        ),
        # A tag or source of few items: the search starts from them (thirteenth round).
        (f"a tag of {RARE_ITEMS} items", SearchRequest(tags=(RARE_TAG,))),
        (f"{word!r}, a tag of {RARE_ITEMS} items", SearchRequest(word, tags=(RARE_TAG,))),
        (f"'in', a tag of {RARE_ITEMS} items", SearchRequest("in", tags=(RARE_TAG,))),
        (f"{word!r}, a source of {RARE_ITEMS} items", SearchRequest(word, source=RARE_SOURCE)),
        # By relevance beside a filter: the filtered items' keys as a set (thirteenth round).
        (
            f"{word!r} among briefs, by relevance",
            SearchRequest(word, kind="brief", order="relevance"),
        ),
    ):
        rows.append(page_row(label, req, "same statement"))

    # First pages that no longer run the plain statement (fourteenth round): words oldest
    # first (ranges of the oldest items), excluded words beside a filter (the first
    # candidates, each looked up); the baseline is that plain statement.
    replaced = {f"{w!r}, oldest first": SearchRequest(w, descending=False) for w in (word, "in")}
    replaced |= {
        "'-drones' among briefs": SearchRequest("-drones", kind="brief"),
        f"'-drones', a tag of {RARE_ITEMS} items": SearchRequest("-drones", tags=(RARE_TAG,)),
        "'-drones', oldest first": SearchRequest("-drones", descending=False),
    }
    for label, req in replaced.items():
        rows.append(page_row(label, req, "plain statement (before)"))

    # A word left out, nothing else: the exact number of items without it (every item less
    # the word's matches, before the whole list; fifteenth round), beside the plain count.
    without = SearchRequest("-drones")
    without_sql, without_params = select_sql(without, parse_query(without.text), "count(*)")
    rows.append(
        (
            "'-drones' → number of matches shown (exact) [≤ 300]",
            timed(exact_total, without),
            "raw COUNT(*) of the plain statement",
            median_ms(lambda: raw.execute(without_sql, without_params).fetchall()),
        )
    )

    # Words among a chosen kind: the whole list and the exact counts (the search thread
    # narrows the words' list with the counts' groups, read once and kept).
    briefs = SearchRequest(word, kind="brief")
    brief_sql, brief_params = select_sql(briefs, parse_query(word), "item.id")
    raw_briefs = median_ms(
        lambda q=brief_sql, p=brief_params: raw.execute(q, p).fetchall(),
        1 if ITEMS > 100_000 else RUNS,
    )
    for label, fn in (("whole id list", full_list), ("exact counts shown", exact_counts)):
        rows.append(
            (
                f"{word!r} among briefs → {label}",
                timed(fn, briefs),
                "same filter, raw SQL, all ids",
                raw_briefs,
            )
        )

    # Words between dates: the list is a stretch of the index, read as text (fifteenth
    # round); the statement reads every match's item to check its time.
    dated = SearchRequest(word, date_from=dt.date(2023, 1, 1))
    dated_sql, dated_params = select_sql(dated, parse_query(word), "item.id")
    rows.append(
        (
            f"{word!r} from 2023 on → whole id list",
            timed(full_list, dated),
            "same filter, raw SQL, all ids",
            median_ms(
                lambda q=dated_sql, p=dated_params: raw.execute(q, p).fetchall(),
                1 if ITEMS > 100_000 else RUNS,
            ),
        )
    )

    def all_ids_as_read() -> object:
        listed = search_id_text(SearchRequest(), parse_query(""))
        assert listed is not None
        return read_ids(listed)

    rows.append(
        (
            f"all {ITEMS:,} ids, newest first (read as the search thread reads them)",
            median_ms(all_ids_as_read),
            "raw SELECT id ORDER BY",
            median_ms(
                lambda: raw.execute(
                    "SELECT id FROM item ORDER BY published_at DESC, id DESC"
                ).fetchall()
            ),
        )
    )
    view.worker.shutdown()
    # With the searches' threads gone (a count left running held the interpreter lock for
    # part of the load, 1.46–2.01× in earlier rounds), in turns with its floor, 15 of each.
    reports_ms, raw_ms = paired_ms(
        load_all_reports, lambda: raw.execute("SELECT * FROM report_figure").fetchall(), 15
    )
    rows.append(("load 2,000 reports [≤ 1.5×]", reports_ms, "raw SELECT of figures", raw_ms))
    collector.stop()
    # The searches' figures first: the children below take minutes at a million items.
    print(f"{ITEMS:,} items, {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}")
    print("[target] in ms, or as a ratio to the baseline; medians of", RUNS, "runs")
    print_rows(rows)
    rows = []
    scroll = json.loads(
        subprocess.run(
            [sys.executable, "-m", "tests.benchmarks.bench_scroll", str(path)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.splitlines()[-1]
    )

    rows.append(
        (
            f"main window built whole, then shown: first paint, {ITEMS:,} items",
            first_paint_ms("main", path),
            "empty PySide6 window",
            first_paint_ms("empty", path),
        )
    )
    from tests.benchmarks.bench_start import paired_start_ms

    empty, paint, shown = paired_start_ms(path)
    rows.append(
        ("start via frontline-archive → first paint [≤ 1.5×]", paint, "empty PySide6 window", empty)
    )
    rows.append(
        (
            "start via frontline-archive → first rows [≤ 2.5×]",
            shown,
            "empty PySide6 window",
            empty,
        )
    )

    print_rows(rows)
    print(
        f"scrolling {scroll['rows']:,} rows (own process): {scroll['jumps']} jumps, the GUI thread "
        f"busy per jump median {scroll['blocked_median']:.1f} ms, worst "
        f"{scroll['blocked_worst']:.1f} ms [≤ 16] (a bare QTableView over a minimal Python model"
        f", same jumps: median {scroll['floor_blocked_median']:.1f} ms, worst "
        f"{scroll['floor_blocked_worst']:.1f} ms; its CPU time median {scroll['cpu_median']:.1f}"
        f" ms, worst {scroll['cpu_worst']:.1f} ms); until the new page's rows are painted median "
        f"{scroll['median']:.1f} ms, 95th percentile {scroll['p95']:.1f} ms, worst "
        f"{scroll['worst']:.1f} ms; scrollToBottom {scroll['bottom']:.1f} ms"
    )
    print(f"peak memory (ru_maxrss) of that process: {scroll['peak_mib']:.0f} MiB [≤ 250]")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of this process (incl. the raw baselines): {peak:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
