"""The search thread's own counts of a list of ids (`ui/archive/facet_counter.py`): SQL's
numbers, never a stale one after a write, and SQL's counts where they are cheaper or the
list's ids are not the ones counted."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from desktop_app.core.item import ARTICLE, BRIEF, ItemData
from desktop_app.core.search_query import parse_query
from desktop_app.services import queries
from desktop_app.storage.db.connection import open_archive
from desktop_app.storage.items import save_item, set_tags
from desktop_app.storage.search import SearchRequest, facet_counts, search_ids
from desktop_app.ui.archive import facet_counter
from desktop_app.ui.archive.facet_counter import FacetCounter

WHEN = dt.datetime(2024, 5, 1, 12, tzinfo=dt.UTC)


def _item(n: int, *, kind: str = BRIEF, source: str = "Feed A", tags: tuple[str, ...] = ()) -> int:
    return save_item(
        ItemData(kind, f"Drones over district {n}", WHEN + dt.timedelta(hours=n),
                 tags=tags, source_name=source)
    )  # fmt: skip


@pytest.fixture
def archive(tmp_path: Path):
    opened = open_archive(tmp_path / "a.sqlite")
    for n in range(30):
        _item(
            n,
            kind=ARTICLE if n % 3 == 0 else BRIEF,
            source=("Feed A", "Paper B", "")[n % 3],
            tags=(("energy",), ("energy", "rail"), ())[n % 3],
        )
    yield opened
    opened.db.close()


def _both(counter: FacetCounter, req: SearchRequest) -> tuple[object, object]:
    query = parse_query(req.text)
    ids = search_ids(req, query)
    counted = counter.counts(req, query, ids)
    assert counted is not None
    return facet_counts(req, query, counted=counted), facet_counts(req, query)


def test_the_lists_counts_equal_sqls(archive) -> None:
    counter = FacetCounter()
    mine, by_sql = _both(counter, SearchRequest("drones"))
    assert mine == by_sql
    assert by_sql.kinds == {"brief": 20, "article": 10}  # type: ignore[attr-defined]
    assert by_sql.tags == [("energy", 20), ("rail", 10)]  # type: ignore[attr-defined]
    assert by_sql.sources == [("Feed A", 10), ("Paper B", 10)]  # type: ignore[attr-defined]


def test_a_chosen_facet_is_left_to_sql(archive) -> None:
    counter = FacetCounter()
    _both(counter, SearchRequest("drones"))  # the groups read
    req = SearchRequest("drones", kind=ARTICLE, tags=("rail",))
    query = parse_query(req.text)
    assert search_ids(req, query) == []  # articles are the items without tags
    counted = counter.counts(req, query, [])
    assert counted is not None
    assert counted.kinds is None and counted.tags is None and counted.sources == []
    facets = facet_counts(req, query, counted=counted)
    assert facets == facet_counts(req, query)
    assert facets.kinds == {"brief": 10}  # the kind without its choice, with the tag's


def test_a_write_by_this_or_another_connection_is_counted_at_once(archive, tmp_path: Path) -> None:
    counter = FacetCounter()
    req = SearchRequest("drones")
    _both(counter, req)
    set_tags(1, ("bridges",))  # this connection: an item the groups know
    mine, by_sql = _both(counter, req)
    assert mine == by_sql and ("bridges", 1) in by_sql.tags  # type: ignore[attr-defined]
    new = _item(99, kind=ARTICLE, source="Wire C", tags=("rail",))  # a new item
    mine, by_sql = _both(counter, req)
    assert mine == by_sql and ("Wire C", 1) in by_sql.sources  # type: ignore[attr-defined]
    other = sqlite3.connect(tmp_path / "a.sqlite")  # another program
    other.execute("UPDATE item SET kind = 'article', source_name = 'Wire D' WHERE id = ?", (new,))
    other.commit()
    other.close()
    mine, by_sql = _both(counter, req)
    assert mine == by_sql and ("Wire D", 1) in by_sql.sources  # type: ignore[attr-defined]


def test_ids_the_groups_do_not_know_are_counted_by_sql(archive) -> None:
    counter = FacetCounter()
    req = SearchRequest("drones")
    query = parse_query(req.text)
    ids = search_ids(req, query)
    assert counter.counts(req, query, ids) is not None
    assert counter.counts(req, query, [*ids, 10_000]) is None  # a list of another moment


@pytest.fixture
def read(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The facets whose groups are read from the archive, in turn (the real reads)."""
    facets: list[str] = []
    real = queries.facet_groups

    def counting(facet: str) -> object:
        facets.append(facet)
        return real(facet)

    monkeypatch.setattr(queries, "facet_groups", counting)
    return facets


def test_a_narrow_search_does_not_read_the_groups_for_itself(archive, read: list[str]) -> None:
    counter = FacetCounter()
    narrow = SearchRequest('"district 7"')
    query = parse_query(narrow.text)
    assert counter.counts(narrow, query, search_ids(narrow, query)) is None  # SQL: sooner
    assert read == []
    _both(counter, SearchRequest("drones"))  # 30 of 30: read
    assert read == ["kind", "source", "tag"]  # one facet at a time
    mine, by_sql = _both(counter, narrow)  # once read, used for all
    assert mine == by_sql and len(read) == 3
    assert facet_counter.READ_FOR_SHARE == 0.25


def test_an_item_added_while_the_groups_are_read_is_left_for_the_next_read(
    archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Another program adds an item between the largest id and the groups being read.
    real_bound = queries.item_id_bound
    monkeypatch.setattr(queries, "item_id_bound", lambda: real_bound() - 1)
    counter = FacetCounter()
    req = SearchRequest("drones")
    query = parse_query(req.text)
    ids = search_ids(req, query)
    assert counter.counts(req, query, ids) is None  # the newest id is unknown: SQL counts
    assert counter.counts(req, query, ids[1:]) is not None  # the rest is counted


@pytest.fixture
def two_threads(archive):
    """The search worker's two lanes: threads with a connection each, closed after."""
    from concurrent.futures import ThreadPoolExecutor

    search_thread, counts_thread = ThreadPoolExecutor(1), ThreadPoolExecutor(1)
    yield search_thread, counts_thread
    for lane in (search_thread, counts_thread):
        lane.submit(queries.close_connection).result()
        lane.shutdown()


def test_groups_read_on_one_thread_are_not_taken_as_current_on_another(two_threads) -> None:
    # The search worker's search and counts threads share one counter, each through its own
    # connection, and each connection numbers SQLite's data_version on its own: the counts
    # thread's key after a write can equal the one the search thread read the groups under
    # before it. Tag counts by relevance then missed that write.
    counter = FacetCounter()
    req = SearchRequest("drones")
    query = parse_query(req.text)
    ids = search_ids(req, query)
    search_thread, counts_thread = two_threads
    for lane in (search_thread, counts_thread):  # both connections open, same moment
        assert lane.submit(queries.facet_key).result() is not None
    set_tags(1, ("bridges",))
    assert search_thread.submit(counter.counts, req, query, ids).result() is not None
    set_tags(2, ("ferries",))
    counted = counts_thread.submit(counter.counts, req, query, ids).result()
    assert counted is not None
    assert facet_counts(req, query, counted=counted) == facet_counts(req, query)
    assert ("ferries", 1) in facet_counts(req, query, counted=counted).tags


def test_groups_read_on_one_thread_serve_the_other_until_something_is_written(
    two_threads, read: list[str]
) -> None:
    # Reading the groups takes seconds at a million items: a search by date (search thread)
    # after one by relevance (counts thread) must not read them again when nothing changed.
    counter = FacetCounter()
    req = SearchRequest("drones")
    query = parse_query(req.text)
    ids = search_ids(req, query)
    search_thread, counts_thread = two_threads
    assert counts_thread.submit(counter.counts, req, query, ids).result() is not None
    assert search_thread.submit(counter.counts, req, query, ids).result() is not None
    assert len(read) == 3  # read once, by the first thread
    set_tags(3, ("pontoons",))  # by the main thread's connection: a commit
    counted = search_thread.submit(counter.counts, req, query, ids).result()
    assert len(read) == 6 and counted is not None
    assert ("pontoons", 1) in facet_counts(req, query, counted=counted).tags
