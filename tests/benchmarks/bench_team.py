"""A team on one server archive under load: concurrent writers editing the same few items and
reports through the services (optimistic versions), readers searching meanwhile.

Run as `python -m tests.benchmarks.bench_team [WRITERS EDITS READERS]` (default 10 500 20):
starts a PostgreSQL server the way the tests do (or uses FRONTLINE_TEST_PG), fills an archive
with 2,000 items and 30 reports, then lets every writer make its edits (each a read of the
row and a save with the version it read; a conflict is counted and the edit tried again)
while the readers search. Each edit adds one to a counter in the row, so the end state
proves that nothing was lost: every counter equals the saves that succeeded on it.
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import sys
import threading
import time
from dataclasses import dataclass, field, replace
from typing import Any

WORDS = ("drones", "kharkiv", "energy", "ports", "grain", "дрони", "харків", "air defense")
AT = dt.datetime(2024, 5, 12, 9, 30, tzinfo=dt.UTC)
DAY = dt.date(2024, 5, 1)


@dataclass
class Load:
    saves: int = 0
    conflicts: int = 0
    busy: int = 0
    errors: list[str] = field(default_factory=list)
    save_ms: list[float] = field(default_factory=list)
    search_ms: list[float] = field(default_factory=list)
    searches: int = 0
    seconds: float = 0.0
    lost: int = 0
    lock: Any = field(default_factory=threading.Lock, repr=False)

    def __getstate__(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if k != "lock"}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state, lock=threading.Lock())

    def summary(self) -> str:
        def p(values: list[float], q: float) -> float:
            return statistics.quantiles(values, n=100)[int(q) - 1] if len(values) > 1 else 0.0

        return (
            f"{self.saves:,} edits saved in {self.seconds:.1f} s "
            f"({self.saves / max(self.seconds, 1e-9):.0f}/s), {self.conflicts:,} conflicts "
            f"reported and retried, {self.busy} busy, {len(self.errors)} errors, "
            f"{self.lost} lost; save p50 {p(self.save_ms, 50):.1f} ms, p95 "
            f"{p(self.save_ms, 95):.1f} ms; {self.searches:,} searches, p50 "
            f"{p(self.search_ms, 50):.1f} ms, p95 {p(self.search_ms, 95):.1f} ms"
        )


def seed(items: int = 2000, hot: int = 20, reports: int = 30) -> list[int]:
    """Items to search (and `hot` ones with a counter to edit) and reports with one figure."""
    from desktop_app.core.item import ARTICLE, ItemData
    from desktop_app.core.report import Figure, LossReport
    from desktop_app.services import reports as report_service
    from desktop_app.storage.db.models import database_proxy
    from desktop_app.storage.item_import import import_items

    rng = random.Random(7)
    data = [
        ItemData(
            ARTICLE,
            f"{rng.choice(WORDS)} {rng.choice(WORDS)} report {i}",
            AT - dt.timedelta(minutes=i),
            body=" ".join(rng.choice(WORDS) for _ in range(40)),
        )
        for i in range(items)
    ]
    with database_proxy.atomic():
        import_items(data)
    hot_ids = [
        int(r[0])
        for r in database_proxy.execute_sql(
            "SELECT id FROM item ORDER BY id LIMIT ?", (hot,)
        ).fetchall()
    ]
    with database_proxy.atomic():
        for i in hot_ids:
            database_proxy.execute_sql("UPDATE item SET lead = '0' WHERE id = ?", (i,))
    for d in range(reports):
        report_service.save_report(
            LossReport(DAY + dt.timedelta(days=d), {"personnel": Figure(0, None)})
        )
    return hot_ids


def _edit_item(item_id: int, load: Load) -> bool:
    from desktop_app.services import items as item_service
    from desktop_app.storage.items import get_item
    from desktop_app.storage.versions import ConflictError, item_stamp

    stamp, stored = item_stamp(item_id), get_item(item_id)
    assert stamp is not None and stored is not None
    data = replace(stored.data, lead=str(int(stored.data.lead) + 1))
    try:
        item_service.save_item(data, item_id, expected_version=stamp.version)
    except ConflictError:
        with load.lock:
            load.conflicts += 1
        return False
    return True


def _edit_report(day: dt.date, load: Load) -> bool:
    from desktop_app.core.report import Figure, LossReport
    from desktop_app.services import reports as report_service
    from desktop_app.storage.reports import load_report
    from desktop_app.storage.versions import ConflictError, report_stamp

    stamp, stored = report_stamp(day), load_report(day)
    assert stamp is not None and stored is not None
    total = stored.figures["personnel"].total + 1
    try:
        report_service.save_report(
            LossReport(day, {"personnel": Figure(total, None)}), expected_version=stamp.version
        )
    except ConflictError:
        with load.lock:
            load.conflicts += 1
        return False
    return True


def _writer(rng: random.Random, edits: int, hot: list[int], reports: int, load: Load) -> None:
    from desktop_app.storage.db.connection import close_thread_connection
    from desktop_app.storage.db.errors import ArchiveBusyError

    try:
        done = 0
        while done < edits:
            start = time.perf_counter()
            try:
                if rng.random() < 0.8:
                    saved = _edit_item(rng.choice(hot), load)
                else:
                    saved = _edit_report(DAY + dt.timedelta(days=rng.randrange(reports)), load)
            except ArchiveBusyError:
                with load.lock:
                    load.busy += 1
                continue
            if saved:
                done += 1
                with load.lock:
                    load.saves += 1
                    load.save_ms.append((time.perf_counter() - start) * 1000)
    except Exception as exc:  # counted and shown: the bench must finish
        with load.lock:
            load.errors.append(repr(exc))
    finally:
        close_thread_connection()


def _reader(rng: random.Random, stop: threading.Event, load: Load) -> None:
    from desktop_app.storage.db.connection import close_thread_connection
    from desktop_app.storage.search import SearchRequest, first_rows, parse_query

    try:
        while not stop.is_set():
            text = rng.choice(WORDS)
            start = time.perf_counter()
            first_rows(SearchRequest(text), parse_query(text), 200)
            with load.lock:
                load.searches += 1
                load.search_ms.append((time.perf_counter() - start) * 1000)
    except Exception as exc:  # counted and shown: the bench must finish
        with load.lock:
            load.errors.append(repr(exc))
    finally:
        close_thread_connection()


def _writer_process(url: str, seed_: int, edits: int, hot: list[int], reports: int) -> Load:
    from desktop_app.storage.db.connection import open_archive

    archive = open_archive(url, busy_timeout_ms=60_000)
    load = Load()
    _writer(random.Random(seed_), edits, hot, reports, load)
    archive.db.close()
    return load


def _reader_process(url: str, seed_: int, stop: Any) -> Load:
    from desktop_app.storage.db.connection import open_archive

    archive = open_archive(url, busy_timeout_ms=60_000)
    load = Load()
    watcher = threading.Event()
    thread = threading.Thread(target=_reader, args=(random.Random(seed_), watcher, load))
    thread.start()
    stop.wait()
    watcher.set()
    thread.join()
    archive.db.close()
    return load


def run_load(url: str, writers: int, edits: int, readers: int, reports: int = 30) -> Load:
    """Open the archive at `url`, seed it, run the writers and readers, each a process of its
    own (as each member's program is); then check the counters."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from desktop_app.storage.db.connection import open_archive
    from desktop_app.storage.reports import load_report

    archive = open_archive(url, busy_timeout_ms=60_000)
    hot = seed(reports=reports)
    archive.db.close()
    load = Load()
    context = multiprocessing.get_context("spawn")
    with (
        context.Manager() as manager,
        ProcessPoolExecutor(writers + readers, mp_context=context) as pool,
    ):
        stop = manager.Event()
        searching = [pool.submit(_reader_process, url, 100 + n, stop) for n in range(readers)]
        start = time.perf_counter()
        writing = [
            pool.submit(_writer_process, url, n, edits, hot, reports) for n in range(writers)
        ]
        parts = [f.result() for f in writing]
        load.seconds = time.perf_counter() - start
        stop.set()
        parts += [f.result() for f in searching]
    for part in parts:
        load.saves += part.saves
        load.conflicts += part.conflicts
        load.busy += part.busy
        load.errors += part.errors
        load.save_ms += part.save_ms
        load.search_ms += part.search_ms
        load.searches += part.searches
    # Nothing lost: the counters add up to the saves that succeeded.
    archive = open_archive(url)
    counted = archive.db.execute_sql(
        "SELECT coalesce(sum(CAST(lead AS INTEGER)), 0) FROM item WHERE lead <> ''"
    ).fetchone()[0]
    counted += sum(
        load_report(DAY + dt.timedelta(days=d)).figures["personnel"].total  # type: ignore[union-attr]
        for d in range(reports)
    )
    load.lost = load.saves - int(counted)
    archive.db.close()
    return load


def run_threads(url: str, writers: int, edits: int, readers: int, reports: int = 30) -> Load:
    """The same load in one process, each writer and reader a thread with its own connection
    (the test suite's small version: no process start-up to pay for)."""
    from desktop_app.storage.db.connection import open_archive
    from desktop_app.storage.reports import load_report

    archive = open_archive(url, busy_timeout_ms=60_000)
    hot = seed(reports=reports)
    load = Load()
    stop = threading.Event()
    searching = [
        threading.Thread(target=_reader, args=(random.Random(100 + n), stop, load))
        for n in range(readers)
    ]
    writing = [
        threading.Thread(target=_writer, args=(random.Random(n), edits, hot, reports, load))
        for n in range(writers)
    ]
    start = time.perf_counter()
    for thread in searching + writing:
        thread.start()
    for thread in writing:
        thread.join()
    load.seconds = time.perf_counter() - start
    stop.set()
    for thread in searching:
        thread.join()
    counted = archive.db.execute_sql(
        "SELECT coalesce(sum(CAST(lead AS INTEGER)), 0) FROM item WHERE lead <> ''"
    ).fetchone()[0]
    counted += sum(
        load_report(DAY + dt.timedelta(days=d)).figures["personnel"].total  # type: ignore[union-attr]
        for d in range(reports)
    )
    load.lost = load.saves - int(counted)
    archive.db.close()
    return load


def main(argv: list[str]) -> int:
    from tests.pg_server import start_server

    writers, edits, readers = (int(a) for a in argv) if argv else (10, 500, 20)
    server = start_server()
    try:
        load = run_load(server.new_database(), writers, edits, readers)
    finally:
        server.stop()
    print(f"{writers} writers x {edits} edits, {readers} readers searching:")
    print(load.summary())
    for error in load.errors[:5]:
        print("error:", error)
    return 0 if load.lost == 0 and not load.errors else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
