"""Pages of rows are read beside a running search, not behind it."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest

from desktop_app.services import queries
from desktop_app.storage.search import SearchRequest
from desktop_app.ui.archive.search_worker import SearchWorker


def run_until_stopped(running: Callable[[], int], outcome: list[str] | None = None) -> None:
    """A statement on this thread's connection that only an interrupt (or `running` raising)
    ends; `running` is called from inside it at every step. What ended it goes to `outcome`."""
    from desktop_app.storage.db.models import database_proxy

    connection = database_proxy.connection()
    connection.create_function("running", 0, running)
    try:
        connection.execute(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) "
            "SELECT count(running()) FROM n"
        ).fetchone()
    except Exception as exc:
        if outcome is not None:
            outcome.append(str(exc))
        raise


class PausedStatement:
    """Stands in for one of the search's reads: it says `between` and waits for `go_on`
    before starting a statement that only an interrupt ends (what ended it: `outcome`)."""

    def __init__(self, result: object) -> None:
        self.between, self.go_on = threading.Event(), threading.Event()
        self.give_up = threading.Event()
        self.outcome: list[str] = []
        self.result = result

    def _running(self) -> int:
        if self.give_up.is_set():  # the test is over: end the statement however it went
            raise ValueError("left running")
        return 1

    def __call__(self, req: SearchRequest, query: object) -> object:
        self.between.set()
        self.go_on.wait(10)  # the newer search is asked for here, with nothing to interrupt
        run_until_stopped(self._running, self.outcome)
        return self.result

    def release(self) -> None:
        self.give_up.set()
        self.go_on.set()


def test_a_page_of_rows_arrives_while_a_long_search_runs(
    qtbot, archive_db: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A broad search on a large archive spends seconds on its full list and counts; the
    # list scrolled meanwhile must still get its rows.
    release = threading.Event()
    started = threading.Event()

    def slow_ids(*_args: object) -> list[int]:
        started.set()
        release.wait(10)
        return []

    monkeypatch.setattr(queries, "search_id_array", slow_ids)
    worker = SearchWorker()
    try:
        worker.search(SearchRequest("", limit=5))  # a limit: the full list is always read
        assert started.wait(5)
        got: list[object] = []
        with qtbot.waitSignal(worker.relay.done, timeout=3000):
            worker.call(lambda: "rows", got.append)
        qtbot.waitUntil(lambda: got == ["rows"], timeout=3000)
        assert not release.is_set()  # ... while the search still waited
    finally:
        release.set()
        worker.wait()
        worker.shutdown()


def test_a_newer_search_stops_the_query_of_the_one_it_replaces(
    qtbot, archive_db: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A broad search's full list and counts take seconds at a million items: typing on
    # must not wait for them. Here the first search's full list is a query that would run
    # for minutes; the second search is answered at once.

    real_ids = queries.search_ids
    outcome: list[str] = []
    started = threading.Event()

    def endless_ids(req: SearchRequest, query: object) -> list[int]:
        if req.text != "endless":
            return real_ids(req, query)  # type: ignore[arg-type]
        # Says "started" from inside the running statement: an interrupt between two
        # statements stops nothing.
        run_until_stopped(lambda: started.set() or 1, outcome)
        return []

    monkeypatch.setattr(queries, "search_id_array", endless_ids)
    worker = SearchWorker()
    failed: list[str] = []
    worker.failed.connect(failed.append)
    try:
        worker.search(SearchRequest("endless", limit=5))
        assert started.wait(5)
        with qtbot.waitSignal(worker.finished, timeout=5000) as answer:
            worker.search(SearchRequest("other", limit=5))
        assert answer.args[0].request.text == "other"
        assert outcome == ["interrupted"]
        assert failed == []  # the stopped search is not an error to show
    finally:
        worker.wait()
        worker.shutdown()


def test_the_quick_counts_wait_until_the_first_page_is_shown(
    qtbot, archive_db: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The counts are mostly Python: run beside the GUI thread, they held the GIL while it
    # took and painted the first page (15-25 ms each at a million items).
    import time

    from desktop_app.ui.archive import search_worker

    monkeypatch.setattr(search_worker, "FIRST_PAGE_HANDOFF_S", 5.0)
    shown: list[bool] = []
    counted_after_shown: list[bool] = []
    real_quick = queries.quick_facets

    def quick(*args: object, **kwargs: object) -> object:
        counted_after_shown.append(bool(shown))
        return real_quick(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(queries, "quick_facets", quick)
    worker = SearchWorker()
    worker.firstRows.connect(lambda _first: shown.append(True))
    try:
        with qtbot.waitSignal(worker.finished, timeout=10000):
            worker.search(SearchRequest("anything"))
            time.sleep(0.3)  # the GUI thread is busy: the page waits to be taken
        assert shown == [True]
        assert counted_after_shown == [True]
    finally:
        worker.wait()
        worker.shutdown()


def test_the_exact_counts_are_taken_from_the_lists_ids(
    qtbot, archive_db: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Counting the ids the list already holds, not SQL over every match: ~60 ms instead of
    # 3.5-16 s for a broad search at a million items (ui/archive/facet_counter.py).
    import datetime as dt

    from desktop_app.core.item import BRIEF, ItemData
    from desktop_app.storage.items import save_item

    when = dt.datetime(2024, 5, 1, tzinfo=dt.UTC)
    for n in range(5):
        save_item(ItemData(BRIEF, f"Drones {n}", when + dt.timedelta(hours=n)))
    given: list[object] = []
    real_counts = queries.facet_counts

    def counts(*args: object, **kwargs: object) -> object:
        given.append(kwargs.get("counted"))
        return real_counts(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(queries, "quick_facets", lambda *_a, **_k: None)  # no estimate
    monkeypatch.setattr(queries, "facet_counts", counts)
    worker = SearchWorker()
    shown: list[object] = []
    worker.countsReady.connect(shown.append)
    try:
        with qtbot.waitSignal(worker.countsReady, timeout=10000):
            worker.search(SearchRequest("drones"))
        assert given == [queries.CountedFacets(kinds={"brief": 5}, tags=[], sources=[])]
        assert shown[0].kinds == {"brief": 5}  # type: ignore[attr-defined]
    finally:
        worker.wait()
        worker.shutdown()


def test_a_newer_search_stops_the_count_of_the_one_it_replaces(
    qtbot, archive_db: object, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    # The number of matches is counted on the rows thread beside the full list: at a
    # million items a broad word's count reads the whole index. A newer search stops it
    # (an interrupt, not an error to log), rather than share the cores with it.
    import functools

    from desktop_app.core.search_query import parse_query

    real_count = queries.match_count
    outcome: list[str] = []
    started, give_up = threading.Event(), threading.Event()

    def running() -> int:
        started.set()
        if give_up.is_set():
            raise RuntimeError("left running")
        return 1

    def endless_count(req: SearchRequest, query: object) -> int | None:
        if req.text != "endless":
            return real_count(req, query)  # type: ignore[arg-type]
        run_until_stopped(running, outcome)
        return 0

    monkeypatch.setattr(queries, "match_count", endless_count)
    worker = SearchWorker()
    try:
        req = SearchRequest("endless")
        worker.generation += 1  # a search whose exact counts have not come yet
        generation = worker.generation
        count = functools.partial(
            worker._count_matches, req, parse_query(req.text), None, generation
        )
        worker._start(count, "rows")  # as `_search` starts it beside a list read as text
        assert started.wait(5)
        worker.search(SearchRequest("other"))
        qtbot.waitUntil(lambda: bool(outcome), timeout=5000)
        assert outcome == ["interrupted"]
        assert worker.wait(10000)
        assert not [r for r in caplog.records if r.levelname == "ERROR"]
    finally:
        give_up.set()
        worker.wait()
        worker.shutdown()


def test_a_worker_shut_down_starts_no_thread_again(qtbot, archive_db: object) -> None:
    worker = SearchWorker()
    got: list[object] = []
    worker.call(lambda: "rows", got.append)
    qtbot.waitUntil(lambda: got == ["rows"], timeout=3000)
    worker.shutdown()
    # A closing window may still ask (a late paint): nothing runs, no thread is left alive
    # to outlive the program's clean-up, and waiting for the worker does not hang.
    worker.search(SearchRequest("", limit=5))
    worker.call(lambda: "late", got.append)
    qtbot.wait(100)
    assert got == ["rows"] and worker._threads == {} and not worker.busy
    assert worker.wait(1000)


def test_shutdown_stops_a_running_search_rather_than_wait_for_it(
    qtbot, archive_db: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Closing the window while a search runs (a first page by relevance ranks for seconds
    at a million items): its statement is stopped, and every thread of the worker ends."""

    started, give_up = threading.Event(), threading.Event()

    def running() -> int:
        started.set()
        if give_up.is_set():  # the test is over: end the statement however it went
            raise ValueError("given up")
        return 1

    def endless_ids(req: SearchRequest, query: object) -> list[int]:
        run_until_stopped(running)
        return []

    monkeypatch.setattr(queries, "search_id_array", endless_ids)
    worker = SearchWorker()
    try:
        worker.search(SearchRequest("endless", limit=5))
        assert started.wait(5)
        threads = list(worker._threads.values())
        worker.shutdown()
        assert threads and not any(thread.is_alive() for thread in threads)
    finally:
        give_up.set()


def test_a_search_replaced_between_two_of_its_statements_stops_at_the_next(
    qtbot, archive_db: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The newer search comes while the older one runs no statement: SQLite drops that
    interrupt when the next statement starts, which must stop by itself rather than run on
    (the whole list of a broad word takes seconds at a million items)."""
    paused = PausedStatement([])
    real_ids = queries.search_id_array

    def ids(req: SearchRequest, query: object) -> object:
        if req.text != "older":
            return real_ids(req, query)  # type: ignore[arg-type]
        return paused(req, query)

    monkeypatch.setattr(queries, "search_id_array", ids)
    worker = SearchWorker()
    try:
        worker.search(SearchRequest("older", limit=5))
        assert paused.between.wait(5)
        worker.search(SearchRequest("newer", limit=5))
        paused.go_on.set()
        qtbot.waitUntil(lambda: bool(paused.outcome), timeout=5000)
        assert paused.outcome == ["interrupted"]
    finally:
        paused.release()
        worker.wait()
        worker.shutdown()


def test_a_count_replaced_between_two_of_its_statements_stops_at_the_next(
    qtbot, archive_db: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The same on the rows thread, where the number of matches is counted beside the list.
    import functools

    from desktop_app.core.search_query import parse_query

    paused = PausedStatement(0)
    monkeypatch.setattr(queries, "match_count", paused)
    worker = SearchWorker()
    try:
        req = SearchRequest("older")
        worker.generation += 1
        count = functools.partial(
            worker._count_matches, req, parse_query(req.text), None, worker.generation
        )
        worker._start(count, "rows")
        assert paused.between.wait(5)
        worker.search(SearchRequest("newer"))
        paused.go_on.set()
        qtbot.waitUntil(lambda: bool(paused.outcome), timeout=5000)
        assert paused.outcome == ["interrupted"]
    finally:
        paused.release()
        worker.wait()
        worker.shutdown()
