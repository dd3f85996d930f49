"""What the window counts a search's facets against (`storage.facet_index`), and counts it
made itself taking the place of SQL's, for the facets whose counts are the list's."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from desktop_app.core.item import ARTICLE, BRIEF, ItemData
from desktop_app.core.search_query import parse_query
from desktop_app.storage.db.connection import open_archive
from desktop_app.storage.db.models import database_proxy
from desktop_app.storage.facet_index import (
    CountedFacets,
    countable,
    data_key,
    item_id_bound,
    read_groups,
    shared_key,
)
from desktop_app.storage.items import save_item, set_tags
from desktop_app.storage.search import SearchRequest, facet_counts

WHEN = dt.datetime(2024, 5, 1, 12, tzinfo=dt.UTC)


@pytest.fixture
def archive(tmp_path: Path):
    opened = open_archive(tmp_path / "a.sqlite")
    for n in range(6):
        save_item(
            ItemData(
                ARTICLE if n % 3 == 0 else BRIEF,
                f"Drones over district {n}",
                WHEN + dt.timedelta(hours=n),
                tags=(("energy",), ("energy", "rail"), ())[n % 3],
                source_name=("Feed A", "Paper B", "")[n % 3],
            )
        )
    yield opened
    opened.db.close()


def test_the_groups_are_each_values_item_ids(archive) -> None:
    conn = database_proxy.connection()
    assert item_id_bound(conn) == 7  # ids 1-6

    def groups(facet: str) -> dict[str, list[int]]:
        return {k: sorted(map(int, ids.split(","))) for k, ids in read_groups(conn, facet)}

    assert groups("kind") == {"article": [1, 4], "brief": [2, 3, 5, 6]}
    assert groups("source") == {"Feed A": [1, 4], "Paper B": [2, 5], "": [3, 6]}
    assert groups("tag") == {"energy": [1, 2, 4, 5], "rail": [2, 5]}


def test_the_key_moves_with_a_write_of_this_connection(archive) -> None:
    conn = database_proxy.connection()
    before = data_key(conn)
    set_tags(3, ("bridges",))
    assert data_key(conn) != before


def test_the_shared_key_is_the_same_on_every_connection_until_a_commit(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "odd #1 %3f? name.sqlite"  # characters a file URI must escape
    with sqlite3.connect(path) as setup:
        setup.execute("PRAGMA journal_mode=WAL")
        setup.execute("CREATE TABLE t (x)")
    one, two, writer = (sqlite3.connect(path) for _ in range(3))
    try:
        first = shared_key(one)
        assert first is not None and shared_key(two) == first
        writer.execute("INSERT INTO t VALUES (1)")
        writer.commit()
        assert shared_key(two) != first
        assert shared_key(one) == shared_key(two)
    finally:
        for conn in (one, two, writer):
            conn.close()


def test_without_a_file_there_is_no_shared_key() -> None:
    import sqlite3

    assert shared_key(sqlite3.connect(":memory:")) is None


def test_only_facets_without_a_choice_are_countable() -> None:
    def of(req: SearchRequest) -> frozenset[str]:
        return countable(req, parse_query(req.text))

    assert of(SearchRequest("drones")) == {"kind", "tag", "source"}
    assert of(SearchRequest("drones", kind=BRIEF)) == {"tag", "source"}
    assert of(SearchRequest("kind:brief drones")) == {"tag", "source"}
    assert of(SearchRequest("drones", tags=("rail",))) == {"kind", "source"}
    assert of(SearchRequest("tag:rail drones")) == {"kind", "tag", "source"}
    assert of(SearchRequest("drones", source="Feed A")) == {"kind", "tag"}


def test_counts_made_by_the_caller_replace_those_queries_only(archive) -> None:
    req = SearchRequest("drones")
    query = parse_query(req.text)
    by_sql = facet_counts(req, query)
    assert by_sql.kinds == {"brief": 4, "article": 2}
    assert by_sql.tags == [("energy", 4), ("rail", 2)]
    assert by_sql.sources == [("Feed A", 2), ("Paper B", 2)]  # ties by name; "" is no source
    seen: list[str] = []
    database_proxy.connection().set_trace_callback(seen.append)
    try:
        mine = facet_counts(req, query, counted=CountedFacets(kinds={"brief": 9}, tags=[]))
    finally:
        database_proxy.connection().set_trace_callback(None)
    assert mine.kinds == {"brief": 9} and mine.tags == []  # taken as given
    assert mine.sources == by_sql.sources  # asked of SQL
    assert len([s for s in seen if "COUNT(*)" in s]) == 1
