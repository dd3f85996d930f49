"""A first page with a filter reads its newest items first (schema 11), and dates beside
words bound the search index's key: checked in SQLite's plans and statements, the only
honest place short of a benchmark (docs/BENCHMARKS.md, issue #14 seventh round)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from pathlib import Path

import pytest

from desktop_app.core.search_query import parse_query
from desktop_app.storage import search, search_oldest
from desktop_app.storage.db.connection import open_archive
from desktop_app.storage.db.models import database_proxy
from desktop_app.storage.items import ROW_COLUMNS
from desktop_app.storage.search import SearchRequest, select_sql
from tests.storage.test_search_order import _archive_with_reference


@pytest.fixture
def archive(tmp_path: Path):
    opened = open_archive(tmp_path / "p.sqlite")
    yield opened
    opened.db.close()


def _plan(req: SearchRequest) -> list[str]:
    sql, params = select_sql(req, parse_query(req.text), "item.id")
    rows = database_proxy.connection().execute(f"EXPLAIN QUERY PLAN {sql}", params)
    return [row[3] for row in rows]


@pytest.mark.parametrize(
    ("request_", "index"),
    [
        (SearchRequest(kind="brief", limit=200), "item_kind_published"),
        (SearchRequest("kind:article", limit=200), "item_kind_published"),
        (SearchRequest(source="Kyiv Wire", limit=200), "item_source_published"),
        (SearchRequest(starred_only=True, limit=200), "item_starred_published"),
        (SearchRequest("is:unread", limit=200), "item_unread_published"),
        (SearchRequest("is:read", limit=200), "item_read_published"),  # schema 12
        (SearchRequest(kind="brief", descending=False, limit=200), "item_kind_published"),
    ],
)
def test_a_filtered_first_page_steps_through_an_index_in_date_order(
    archive: object, request_: SearchRequest, index: str
) -> None:
    plan = _plan(request_)
    assert any(index in step for step in plan), plan
    assert not any("TEMP B-TREE" in step for step in plan), plan  # nothing sorted


def test_dates_beside_words_bound_the_index_key(archive: object) -> None:
    req = SearchRequest("drones", date_from=dt.date(2024, 1, 1), date_to=dt.date(2024, 1, 31))
    sql, params = select_sql(req, parse_query(req.text), "item.id")
    assert "item_fts.rowid <= ?" in sql and "item_fts.rowid > ?" in sql
    start = dt.datetime.combine(dt.date(2024, 1, 1), dt.time()).astimezone().timestamp()
    assert -(int(start) << 30) in params
    # Without words the index is not in the statement, and neither is its key.
    plain = SearchRequest(date_from=dt.date(2024, 1, 1))
    assert "item_fts" not in select_sql(plain, parse_query(""), "item.id")[0]


def test_words_among_few_starred_items_start_from_those_items(
    archive: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_app.storage import facet_index

    req = SearchRequest("drones", starred_only=True, limit=200)
    assert any("item_starred_published" in step for step in _plan(req))  # none starred yet
    monkeypatch.setattr(facet_index, "FEW_MARKED", -1)  # as if a great many were
    assert not any("item_starred_published" in step for step in _plan(req))


def test_a_tag_or_source_of_few_items_is_where_its_search_starts(
    archive: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At a million items, 30 tagged ones took 1.8 s for a first page without words (every
    item read newest first, its tags looked up) and 4–6 s with words (docs/BENCHMARKS.md,
    thirteenth round): now the tag's own index gives its items, or their search keys."""
    from desktop_app.storage import facet_index, search_filters

    plain = _plan(SearchRequest(tags=("energy",), limit=200))  # none tagged yet: few
    assert any("item_tag_tag" in step for step in plain), plain
    assert not any("item_published_at" in step for step in plain), plain
    words = SearchRequest("drones", tags=("energy",), limit=200)
    assert any("VIRTUAL TABLE INDEX" in s and ":=" in s for s in _plan(words))  # keys asked
    # By relevance never one by one: bm25 would count each word over the whole index again
    # for every key (30 keys of `in` at a million items: 23 s).
    ranked = SearchRequest("drones", tags=("energy",), order="relevance", limit=200)
    assert "+item_fts.rowid IN" in select_sql(ranked, parse_query("drones"), "item.id")[0]
    assert not any(":=" in step for step in _plan(ranked)), _plan(ranked)
    monkeypatch.setattr(search_filters, "LOOKED_UP", -1)  # too many to look up one by one
    assert not any(":=" in step for step in _plan(words)), _plan(words)
    assert "+item_fts.rowid IN" in select_sql(words, parse_query(words.text), "item.id")[0]
    # The same for a source chosen beside words (2.2–3.3 s for 30 items at a million).
    sourced = SearchRequest("drones", source="Rare Wire", limit=200)
    assert "+item_fts.rowid IN" in select_sql(sourced, parse_query("drones"), "item.id")[0]
    monkeypatch.setattr(search_filters, "LOOKED_UP", 500)
    assert any("VIRTUAL TABLE INDEX" in s and ":=" in s for s in _plan(sourced))
    # A `source:` filter is matched among the sources' names, then their items read
    # (2.8 s at a million items for 30 of them, every item's source matched).
    named = _plan(SearchRequest('source:"rare wire"', limit=200))
    assert any("item_source_published (source_name=?)" in step for step in named), named
    named_words = SearchRequest('drones source:"rare wire"', limit=200)
    assert (
        "+item_fts.rowid IN" not in select_sql(named_words, parse_query(named_words.text), "id")[0]
    )
    assert any("VIRTUAL TABLE INDEX" in s and ":=" in s for s in _plan(named_words))
    # So is an `author:` filter (schema 13), beside words or alone.
    authored = _plan(SearchRequest('author:"nobody"', limit=200))
    assert any("item_author_published (author=?)" in step for step in authored), authored
    authored_words = SearchRequest('drones author:"nobody"', limit=200)
    assert any(":=" in step for step in _plan(authored_words)), _plan(authored_words)
    monkeypatch.setattr(facet_index, "FEW_MARKED", -1)  # as if a great many were tagged
    plain = _plan(SearchRequest(tags=("energy",), limit=200))
    assert any("item_published_at" in step for step in plain), plain  # newest first, checked
    assert "item_fts.rowid IN" not in select_sql(words, parse_query(words.text), "item.id")[0]
    assert "item_fts.rowid IN" not in select_sql(sourced, parse_query("drones"), "item.id")[0]
    named = _plan(SearchRequest('source:"rare wire"', limit=200))
    assert not any("item_source_published" in step for step in named), named
    # The whole list reads every item kept: from the names' index whatever their share
    # (all 1,000,000 of `author:writer`: 1.4 s, reading each item's author took 3.3–16 s).
    whole = _plan(SearchRequest('author:"writer"'))
    assert any("item_author_published (author=?)" in step for step in whole), whole


@pytest.mark.parametrize(
    ("request_", "start"),
    [
        (SearchRequest("is:read", kind="brief", limit=200), "item_read_published"),
        (SearchRequest(kind="article", starred_only=True), "item_starred_published"),
        (
            SearchRequest("is:starred", source="Kyiv Wire", limit=200),
            "item_starred_published",
        ),
        (SearchRequest('author:"nobody" kind:article', limit=200), "item_author_published"),
        (SearchRequest(kind="article", tags=("energy",), limit=200), "INTEGER PRIMARY KEY"),
    ],
)
def test_a_filter_of_few_items_beside_a_kind_or_source_is_where_its_search_starts(
    archive: object, request_: SearchRequest, start: str
) -> None:
    """Without statistics SQLite took the kind's (or source's) index and checked each of
    its items (1,000,000 items: the read briefs with none read 1.5 s, articles by an author
    nobody is 1.1 s, articles of a tag of 30 items 90 ms); the few items' own index now."""
    plan = _plan(request_)
    assert start in plan[0], plan


@pytest.mark.parametrize(
    "request_",
    [
        SearchRequest(starred_only=True, unread_only=True, limit=200),
        SearchRequest("is:starred is:unread", kind="brief", limit=200),
        SearchRequest(starred_only=True, unread_only=True),  # the whole list too
    ],
)
def test_a_mark_of_few_items_beside_a_mark_of_many_is_where_its_search_starts(
    archive: object, monkeypatch: pytest.MonkeyPatch, request_: SearchRequest
) -> None:
    """Starred only and unread only, with few starred and every item unread: SQLite took the
    unread items' index and checked each (2.5 s at a million items); the starred ones'
    index now (0.2 ms)."""
    from desktop_app.storage import facet_index

    def few_marked(_conn: object, flag: str) -> int | None:
        return 3 if flag == "starred" else None  # the unread are many

    monkeypatch.setattr(facet_index, "few_marked", few_marked)
    plan = _plan(request_)
    assert "item_starred_published" in plan[0], plan
    sql = select_sql(request_, parse_query(request_.text), "item.id")[0]
    assert "NOT +item.is_read" in sql and "item.starred" in sql and "+item.starred" not in sql


def test_a_negated_source_or_author_of_few_items_starts_from_the_other_names(
    archive: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`-source:benchmark` where 30 items of 1,000,000 come from elsewhere: every item's
    (or match's) source was checked, 1.3–5.6 s; now the names that are not like it are
    listed from the names' index and their items read, or their keys looked up."""
    from desktop_app.storage import facet_index

    alone = _plan(SearchRequest('-source:"kyiv wire"', limit=200))
    assert any("item_source_published (source_name=?)" in step for step in alone), alone
    beside = _plan(SearchRequest('-author:"writer" kind:brief', limit=200))
    assert "item_author_published (author=?)" in beside[0], beside
    words = _plan(SearchRequest('drones -source:"kyiv wire"', limit=200))
    assert any(":=" in step for step in words), words
    monkeypatch.setattr(facet_index, "FEW_MARKED", -1)  # as if a great many were
    alone = _plan(SearchRequest('-source:"kyiv wire"', limit=200))
    assert not any("item_source_published" in step for step in alone), alone


def test_by_relevance_the_filters_are_a_set_of_keys(archive: object) -> None:
    """bm25 scores every match anyway: the filtered items' keys are read once from the
    filters' indexes, and `item` only for the page (at a million items, `kupiansk` among the
    briefs: 2.1 s reading each match's item; docs/BENCHMARKS.md, thirteenth round)."""
    for req in (
        SearchRequest("drones", kind="brief", order="relevance", limit=200),
        SearchRequest("drones tag:energy is:unread", order="relevance", limit=200),
        SearchRequest("drones", kind="brief", date_to=dt.date(2024, 1, 1), order="relevance"),
    ):
        sql = select_sql(req, parse_query(req.text), "item.title")[0]
        assert "+item_fts.rowid IN (SELECT" in sql, req
        assert "FROM (SELECT item_fts.rowid AS search_key" in sql, req
    # Dates alone are their bounds on the key, exactly: no set of keys then.
    dated = SearchRequest("drones", date_from=dt.date(2024, 1, 1), order="relevance")
    sql = select_sql(dated, parse_query("drones"), "item.id")[0]
    assert "item_fts.rowid <= ?" in sql and "IN (SELECT" not in sql, sql
    # `author:` is not read into the set (a LIKE over every item): each match's item is
    # checked, as by date, unless few items have such an author (their keys as a set then).
    author = SearchRequest("drones author:writer", order="relevance", limit=200)
    sql = select_sql(author, parse_query(author.text), "item.title")[0]
    assert "FROM (SELECT item_fts.rowid AS search_key" not in sql, sql
    assert "+item_fts.rowid IN" in sql, sql  # none has it yet: few


TEXTS = ("drones shelters -tag:energy", "drones", "sumy OR kharkiv -rail", "evacuat*")
BESIDE = [
    SearchRequest(
        kind="brief", date_from=dt.date(2023, 3, 1), date_to=dt.date(2023, 3, 31), descending=False
    ),
    SearchRequest(kind="brief", date_from=dt.date(2023, 3, 1), date_to=dt.date(2023, 3, 31)),
    SearchRequest(kind="article", descending=False),
    SearchRequest(kind="brief", date_from=dt.date(2024, 1, 1), descending=False),
    SearchRequest(source="Kyiv Wire", order="title"),
    SearchRequest(unread_only=True, order="author", descending=False),
]


def _outer(sql: str, params: list[object]) -> str:
    plan = database_proxy.connection().execute(f"EXPLAIN QUERY PLAN {sql}", params)
    return str(next(iter(plan))[3])


def test_the_search_index_is_the_outer_loop_beside_any_filter(tmp_path: Path) -> None:
    """The search index is joined to `item` on an expression of its rowid, which FTS5 cannot
    look up: with `item` as the outer loop, the whole text query ran again for each item a
    filter's index gave (words beside a kind and a month, oldest first: over 20 s at
    1,000,000 items, 0.26 s with the index outside). This small archive got that plan too
    before the statements said which table comes first."""
    with _archive_with_reference(tmp_path / "a.sqlite", 900, seed=1):
        for base in BESIDE:
            for text in TEXTS:
                req, query = dataclasses.replace(base, text=text, limit=200), parse_query(text)
                sql, params = search.select_sql(req, query, ROW_COLUMNS)
                assert "item_fts" in _outer(sql, params), (text, base)
                where = functools.partial(search._where, req, query, expand=search.ALL_PARTS)
                conditions, args, match = where()
                assert match is not None
                sql, params = search_oldest._statement(match, conditions, args, -(1 << 60))
                assert "item_fts" in _outer(sql, [*params, 200]), (text, base)


def test_excluded_words_beside_items_looked_up_by_key_are_a_lookup_of_their_own(
    archive: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    """FTS5 answers `drones NOT in` at one key by reading drones' matches on until one is
    not in's: every one of them when every item has "in" (2.8 s for a tag's 30 items at a
    million items). Beside keys looked up one by one, the excluded words are looked up on
    their own (4.9 ms); read as a set, or by relevance, the NOT stays in the MATCH text."""
    from desktop_app.storage import search_filters

    for req in (
        SearchRequest("drones -in", tags=("energy",), limit=200),  # none tagged yet: few
        SearchRequest("drones -in -kherson", source="Rare Wire", limit=200),
        SearchRequest("drones -in", tags=("energy",), descending=False, limit=200),
    ):
        sql, params = select_sql(req, parse_query(req.text), "item.id")
        assert "item_fts.rowid IN (" in sql and "left_out.item_fts MATCH ?" in sql, req
        assert params[0] == '"drones"' and "NOT" not in params[0], params
        assert any(p in ('"in"', '"in" OR "kherson"') for p in params), params
    words = SearchRequest("drones -in", limit=200)  # no keys: FTS5's own NOT, read in order
    assert select_sql(words, parse_query(words.text), "item.id")[1][0] == '("drones") NOT ("in")'
    ranked = SearchRequest("drones -in", tags=("energy",), order="relevance", limit=200)
    assert "left_out" not in select_sql(ranked, parse_query(ranked.text), "item.id")[0]
    monkeypatch.setattr(search_filters, "LOOKED_UP", -1)  # too many to look up one by one
    many = SearchRequest("drones -in", tags=("energy",), limit=200)
    assert "left_out" not in select_sql(many, parse_query(many.text), "item.id")[0]
