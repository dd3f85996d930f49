"""Pages of rows are read beside a running search, not behind it."""

from __future__ import annotations

import threading

import pytest

from desktop_app.services import queries
from desktop_app.storage.search import SearchRequest
from desktop_app.ui.archive.search_worker import SearchWorker


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

    monkeypatch.setattr(queries, "search_ids", slow_ids)
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
