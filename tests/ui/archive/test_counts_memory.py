"""The same words and filters in another order (or asked for again) are not counted again
while the archive is unchanged; after any write, by this window or another program, they are."""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.core.item import ARTICLE, BRIEF, ItemData
from desktop_app.services import queries
from desktop_app.storage.db.connection import Archive, open_archive
from desktop_app.storage.db.models import database_proxy
from desktop_app.storage.items import save_item
from desktop_app.storage.search import Facets, SearchRequest
from desktop_app.ui.archive import search_worker
from desktop_app.ui.archive.search_messages import SearchResult
from desktop_app.ui.archive.search_worker import SearchWorker

START = dt.datetime(2024, 5, 1, 8, 0, tzinfo=dt.UTC)


@pytest.fixture
def archive(tmp_path: Path) -> Iterator[Archive]:
    opened = open_archive(tmp_path / "a.sqlite")
    with database_proxy.atomic():
        for n in range(60):
            save_item(
                ItemData(
                    BRIEF if n % 3 else ARTICLE,
                    f"Kherson ferry {n}" if n % 2 else f"Convoy {n}",
                    START + dt.timedelta(hours=n),
                    body="Crews crossed the river at night.",
                    source_name="River desk" if n % 4 else "",
                    tags=("south",) if n % 5 else (),
                )
            )
    yield opened
    opened.db.close()


def _search(qtbot, worker: SearchWorker, req: SearchRequest) -> tuple[list[str], Facets]:
    """The messages of one search in the order they came, and its exact counts."""
    seen: list[str] = []
    exact: list[Facets] = []

    def counts(facets: Facets) -> None:
        seen.append("estimate" if facets.estimated else "counts")
        if not facets.estimated:
            exact.append(facets)

    def finished(_result: SearchResult) -> None:
        seen.append("list")

    worker.countsReady.connect(counts)
    worker.finished.connect(finished)
    try:
        worker.search(req)
        qtbot.waitUntil(lambda: bool(exact) and "list" in seen, timeout=20000)
        assert worker.wait(10000)
    finally:
        worker.countsReady.disconnect(counts)
        worker.finished.disconnect(finished)
    return seen, exact[-1]


def test_another_order_of_the_same_search_is_not_counted_again(
    qtbot, archive: Archive, worker: SearchWorker, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search_worker, "FIRST_PAGE", 10)  # more matches than a first page
    counted: list[str] = []
    real = queries.facet_counts

    def facet_counts(*args: object, **kwargs: object) -> Facets:
        counted.append(threading.current_thread().name)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(queries, "facet_counts", facet_counts)
    newest = SearchRequest("ferry", tags=("south",))
    _seen, first = _search(qtbot, worker, newest)
    assert counted == ["search"]

    # By relevance, oldest first, and newest first again: the counts come first, made before.
    for req in (
        SearchRequest("ferry", tags=("south",), order="relevance"),
        SearchRequest("ferry", tags=("south",), descending=False),
        newest,
    ):
        seen, again = _search(qtbot, worker, req)
        assert seen[0] == "counts" and "estimate" not in seen, req
        assert (again.kinds, again.tags, again.sources) == (first.kinds, first.tags, first.sources)
        # The number of matches comes with them: the label says it before the list is ready.
        assert again.total == sum(first.kinds.values()), req
    assert counted == ["search"]

    # Another program writes (an item of another kind of news): the next search, the same
    # as before, is counted again.
    other = sqlite3.connect(archive.path)
    other.execute(
        "INSERT INTO item (kind, title, body, published_at, created_at, updated_at, tags)"
        " VALUES ('brief', 'Convoy 99', '', '2024-06-01T08:00:00Z',"
        " '2024-06-01T08:00:00Z', '2024-06-01T08:00:00Z', '')"
    )
    other.commit()
    other.close()
    _seen, after = _search(qtbot, worker, newest)
    assert counted == ["search", "search"]
    assert (after.kinds, after.tags) == (first.kinds, first.tags)

    # This window's own write too (another connection than the search thread's).
    save_item(ItemData(ARTICLE, "Ferry 100", START, tags=("south",)))
    _seen, mine = _search(qtbot, worker, newest)
    assert len(counted) == 3 and mine.kinds["article"] == first.kinds["article"] + 1
