"""The counts beside the list, taken from the search's own id list (`storage.facet_index`):
no pass over the matches, the same numbers as SQL, and never a stale number after a write."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from desktop_app.core.item import ARTICLE, BRIEF, ItemData
from desktop_app.core.search_query import parse_query
from desktop_app.storage import facet_index
from desktop_app.storage.db.connection import open_archive
from desktop_app.storage.db.models import database_proxy
from desktop_app.storage.items import save_item, set_tags
from desktop_app.storage.search import SearchRequest, facet_counts, search_ids

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


def _statements() -> list[str]:
    seen: list[str] = []
    database_proxy.connection().set_trace_callback(seen.append)
    return seen


def test_counts_from_the_ids_run_no_query_over_the_matches(archive) -> None:
    req = SearchRequest("drones")
    query = parse_query(req.text)
    ids = search_ids(req, query)
    by_sql = facet_counts(req, query)
    assert facet_counts(req, query, ids=ids) == by_sql  # the first time reads the table
    seen = _statements()
    assert facet_counts(req, query, ids=ids) == by_sql
    database_proxy.connection().set_trace_callback(None)
    assert not [s for s in seen if "COUNT(*)" in s or "group_concat" in s], seen
    assert by_sql.kinds == {"brief": 20, "article": 10}
    assert dict(by_sql.tags) == {"energy": 20, "rail": 10}
    assert dict(by_sql.sources) == {"Feed A": 10, "Paper B": 10}  # no source is not one


def test_a_chosen_facet_is_still_counted_without_its_choice(archive) -> None:
    req = SearchRequest("drones", kind=ARTICLE, tags=("rail",))
    query = parse_query(req.text)
    ids = search_ids(req, query)
    assert ids == []  # articles are the items with no tags
    facets = facet_counts(req, query, ids=ids)
    assert facets == facet_counts(req, query)
    assert facets.kinds == {"brief": 10}  # the kind ignores its own choice, not the tag's
    assert dict(facets.tags) == {"energy": 10}  # the tags ignore theirs


def test_a_write_by_this_or_another_connection_is_counted_at_once(archive, tmp_path: Path) -> None:
    req = SearchRequest("drones")
    query = parse_query(req.text)
    facet_counts(req, query, ids=search_ids(req, query))
    # This connection: other tags on an item the table knows, then a new item.
    set_tags(1, ("bridges",))
    ids = search_ids(req, query)
    assert facet_counts(req, query, ids=ids) == facet_counts(req, query)
    new = _item(99, kind=ARTICLE, source="Paper B", tags=("rail",))
    ids = search_ids(req, query)
    assert new in ids
    assert facet_counts(req, query, ids=ids) == facet_counts(req, query)
    # Another program: a kind and a source changed.
    other = sqlite3.connect(tmp_path / "a.sqlite")
    other.execute("UPDATE item SET kind = 'article', source_name = 'Wire C' WHERE id = 2")
    other.commit()
    other.close()
    facets = facet_counts(req, query, ids=ids)
    assert facets == facet_counts(req, query)
    assert ("Wire C", 1) in facets.sources and ("bridges", 1) in facets.tags


def test_ids_the_table_does_not_know_are_counted_by_sql(archive) -> None:
    req = SearchRequest("drones")
    query = parse_query(req.text)
    ids = search_ids(req, query)
    facet_counts(req, query, ids=ids)
    stale = [*ids, 10_000]  # a list from another moment than the table
    assert facet_counts(req, query, ids=stale) == facet_counts(req, query)


def test_a_narrow_search_does_not_read_the_table_for_itself(archive) -> None:
    conn = database_proxy.connection()
    assert facet_index.current_index(conn, matches=1) is None  # SQL counts 1 match sooner
    index = facet_index.current_index(conn, matches=30)
    assert index is not None
    assert facet_index.current_index(conn, matches=1) is index  # once read, used for all
