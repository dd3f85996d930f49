"""Search results and their order equal a plain reference, whatever plan the search uses.

The archive's full-text index is keyed in publication order (schema 6) so that a date-ordered
search stops after its first page. The reference here is what search did before: a second
FTS5 index over the same rows keyed by item id, joined to `item` and sorted by the stored
columns. Every query, filter and order below must give the same ids in the same order, the
same first rows, the same timeline days and the same counts.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import functools
import random
import sqlite3
from collections.abc import Iterator
from itertools import groupby
from pathlib import Path

import pytest
from peewee import SqliteDatabase

from desktop_app.core.search_query import Query, parse_query
from desktop_app.storage import facet_index, search, search_terms, search_text
from desktop_app.storage.db.connection import open_archive
from desktop_app.storage.db.migrations import migrate
from desktop_app.storage.db.models import database_proxy
from desktop_app.storage.items import ROW_COLUMNS
from desktop_app.storage.search import (
    _BM25,
    SearchRequest,
    facet_counts,
    first_rows,
    search_days,
    search_ids,
)
from desktop_app.storage.search_filters import filter_conditions
from desktop_app.storage.search_quick import SAMPLE, quick_facets
from desktop_app.ui.archive import facet_counter
from desktop_app.ui.archive.id_lists import read_ids

WORDS = ["drones", "kharkiv", "power", "lines", "kherson", "evacuate", "evacuation", "sumy"]
WORDS += ["grain", "rail", "shelter", "Zaporizhzhia", "café", "odesa", "bridge", "night"]
RARE = ["drongo", "drongos", "dronish", "droop", "evacuee", "evacuees", "cafes", "powerless"]
RARE += ["kharkivska", "kharkivskyi"]
TAGS = ["energy", "drones", "rail", "demo", "air defense"]
SOURCES = ["Kyiv Wire", "Field notes", ""]
TEXTS = [
    "",
    "drones",
    "drones kharkiv",
    "dro",
    "evacuat*",
    '"power lines"',
    '"power lines" -kherson',
    "sumy OR kharkiv",
    "sumy OR kharkiv -rail",
    "-shelter",
    "-drones -night",
    "cafe",
    "kind:brief drones",
    "kind:article",
    "tag:energy",
    "-tag:demo grain",
    "tag:energy tag:rail",
    "is:starred",
    "is:unread night",
    "is:read bridge",
    "from:1950 to:1999",
    "from:2023-11 to:2024-02-15 kharkiv",
    "author:writer drones",
    'author:"writer 3"',
    'source:"kyiv wire" -bridge',
    "source:wire drones",
    "-source:notes night",
    "odesa night grain",
    "zzzz",
    # The last word as a prefix of several words, alone, in a phrase and beside others.
    "kharkiv evac",
    '"power li"*',
    "caf",
]
REQUESTS = [
    SearchRequest(),
    SearchRequest(descending=False),
    SearchRequest(order="relevance"),
    SearchRequest(order="title"),
    SearchRequest(order="author", descending=False),
    SearchRequest(kind="brief"),
    SearchRequest(tags=("energy",), unread_only=True),
    SearchRequest(starred_only=True, order="relevance"),
    SearchRequest(kind="brief", date_from=dt.date(2023, 6, 1), order="relevance"),
    SearchRequest(source="Kyiv Wire", date_from=dt.date(2023, 1, 1)),
    SearchRequest(date_to=dt.date(1999, 12, 31), descending=False),
]


def _stamp(rng: random.Random) -> str:
    """Times that collide often (to the second) and reach back before 1970."""
    pick = rng.random()
    if pick < 0.15:
        return rng.choice(["2023-11-25T09:03:00Z", "1969-12-31T23:59:59Z", "2024-01-01T00:00:00Z"])
    year = 1905 if pick < 0.2 else rng.choice([1950, 1971, 2022, 2023, 2024, 2025])
    when = dt.datetime(year, 1, 1, tzinfo=dt.UTC) + dt.timedelta(seconds=rng.randrange(365 * 86400))
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def _fill(con: sqlite3.Connection, n: int, seed: int) -> None:
    rng = random.Random(seed)
    for i in range(n):
        title = " ".join(rng.choices(WORDS, k=rng.randint(1, 4)))
        if rng.random() < 0.03:  # rare words beside frequent ones of the same beginning
            title += " " + rng.choice(RARE)
        body = " ".join(rng.choices(WORDS, k=rng.randint(0, 30)))
        tags = rng.sample(TAGS, rng.randint(0, 2))
        stamp = _stamp(rng)
        cur = con.execute(
            "INSERT INTO item (kind, title, lead, body, author, published_at, source_name, "
            "tags, is_read, starred, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                rng.choice(["brief", "article"]),
                title,
                rng.choice(["", "night bridge"]),
                body,
                f"Writer {rng.randint(1, 4)}" if rng.random() < 0.8 else "",
                stamp,
                rng.choice(SOURCES),
                ", ".join(tags),
                rng.random() < 0.5,
                rng.random() < 0.2,
                stamp,
                stamp,
            ),
        )
        con.executemany(
            "INSERT INTO item_tag (item_id, tag) VALUES (?, ?)",
            [(cur.lastrowid, t) for t in tags],
        )
        if i % 7 == 0:  # edits and deletes go through the index's update and delete triggers
            con.execute(
                "UPDATE item SET published_at = ?, title = title || ' sumy' WHERE id = ?",
                (_stamp(rng), cur.lastrowid),
            )
        if i % 11 == 0:
            con.execute("DELETE FROM item WHERE id = ?", (max(1, (cur.lastrowid or 1) - 3),))


def _reference_index(con: sqlite3.Connection) -> None:
    """The index as it was before schema 6: keyed by item id."""
    con.execute(
        "CREATE VIRTUAL TABLE ref_fts USING fts5(title, lead, body, author, tags, "
        "content='item', content_rowid='id', tokenize='unicode61 remove_diacritics 2')"
    )
    con.execute("INSERT INTO ref_fts(ref_fts) VALUES ('rebuild')")
    con.commit()


def _reference(
    req: SearchRequest, select: str, *, skip: str = "", join: str = ""
) -> tuple[str, list[object]]:
    """FROM/WHERE of the search the way it was written before: joined by id, filters alike."""
    query = parse_query(req.text)
    match = query.fts_match()
    # The non-text filters are the search's own conditions in their plain form (each item
    # checked: no index key, no list of a few starred or tagged items); the text part is
    # redone here.
    where, params = filter_conditions(
        req, dataclasses.replace(query, excluded=(), clauses=()), skip=skip
    )
    if match is not None:
        where.insert(0, "ref_fts MATCH ?")
        params.insert(0, match)
        frm = "FROM item JOIN ref_fts ON ref_fts.rowid = item.id"
    else:
        frm = "FROM item"
        if query.excluded:
            where.insert(0, "item.id NOT IN (SELECT rowid FROM ref_fts WHERE ref_fts MATCH ?)")
            params.insert(0, query.fts_excluded())
    clause = ("WHERE " + " AND ".join(where)) if where else ""
    return f"SELECT {select} {frm}{join} {clause}", params


def _reference_order(req: SearchRequest, has_match: bool) -> str:
    d = "DESC" if req.descending else "ASC"
    if req.order == "relevance" and has_match:
        return _BM25.replace("item_fts", "ref_fts") + ", item.published_at DESC, item.id DESC"
    if req.order == "title":
        return f"item.title_key {d}, item.id"
    if req.order == "author":
        return f"item.author = '', item.author_key {d}, item.published_at DESC, item.id DESC"
    return f"item.published_at {d}, item.id {d}"


def _counts(
    con: sqlite3.Connection, req: SearchRequest, column: str, skip: str, join: str = ""
) -> dict[str, int]:
    sql, params = _reference(req, f"{column}, count(*)", skip=skip, join=join)
    return dict(con.execute(f"{sql} GROUP BY {column}", params).fetchall())


def _check_all(con: sqlite3.Connection) -> int:
    checked = 0
    # One per archive, as each window's search thread has: its groups are known by the
    # connection's data key, which two fresh connections to two archives share.
    counter = facet_counter.FacetCounter()
    for text in TEXTS:
        for base in REQUESTS:
            req = dataclasses.replace(base, text=text)
            query = parse_query(req.text)
            has_match = query.fts_match() is not None
            sql, params = _reference(req, "item.id")
            order = _reference_order(req, has_match)
            expected = [r[0] for r in con.execute(f"{sql} ORDER BY {order}", params)]
            assert search_ids(req, query) == expected, (text, base)
            assert search.search_count(req, query) == len(expected), (text, base)
            listed = search_text.search_id_text(req, query)  # the window's way, where it applies
            if listed is not None:
                assert list(read_ids(listed)) == expected, (text, base)
            sql, params = _reference(req, ROW_COLUMNS)
            page = con.execute(f"{sql} ORDER BY {order} LIMIT 25", params).fetchall()
            assert [r.id for r in first_rows(req, query, 25)] == [r[0] for r in page]
            if req.order == "date" and req.descending:
                sql, params = _reference(req, "item.id, date(item.published_at, 'localtime')")
                days = con.execute(f"{sql} ORDER BY {order}", params).fetchall()
                # The timeline's headings: each day in the list's order, with its items.
                runs = [(day, len(list(group))) for day, group in groupby(d for _i, d in days)]
                assert search_days(req, query) == runs, text
            if base in (REQUESTS[0], REQUESTS[5], REQUESTS[6], REQUESTS[8]):
                kinds = _counts(con, req, "item.kind", "kind")
                tags = _counts(
                    con, req, "item_tag.tag", "tag", " JOIN item_tag ON item_tag.item_id = item.id"
                )
                sources = _counts(con, req, "item.source_name", "source")
                # By SQL, and from the list's ids for the facets not chosen (the window's
                # search thread: ui/archive/facet_counter.py).
                counted = counter.counts(req, query, expected)
                assert counted is not None
                from_ids = facet_counts(req, query, counted=counted)
                for facets in (facet_counts(req, query), from_ids):
                    assert facets.kinds == kinds, text
                    assert dict(facets.tags) == tags, text
                    assert dict(facets.sources) == {s: n for s, n in sources.items() if s}, text
            _check_quick(con, req, query)
            checked += 1
    return checked


def _check_quick(con: sqlite3.Connection, req: SearchRequest, query: Query) -> None:
    """The counts sent before the full list: exact when not marked as an estimate, the same
    whether read from the first page or by their own query, and never for a chosen facet."""
    newest = first_rows(dataclasses.replace(req, order="date", descending=True), query, SAMPLE)
    quick = quick_facets(req, query)
    assert quick == quick_facets(req, query, newest), req
    if req.kind or query.kind or req.tags or req.source is not None:
        assert quick is None
        return
    if quick is None or quick.estimated:
        assert len(newest) == SAMPLE, req  # only a search with more matches is estimated
        return
    assert quick.kinds == _counts(con, req, "item.kind", "kind"), req
    tags = _counts(con, req, "item_tag.tag", "tag", " JOIN item_tag ON item_tag.item_id = item.id")
    assert dict(quick.tags) == tags, req
    sources = _counts(con, req, "item.source_name", "source")
    assert dict(quick.sources) == {s: n for s, n in sources.items() if s}, req


def test_quick_counts_scale_the_newest_matches_share(tmp_path: Path) -> None:
    """Every third item matches: the estimate is a third of the items, marked as one."""
    archive = open_archive(tmp_path / "a.sqlite")
    con = sqlite3.connect(tmp_path / "a.sqlite")
    start = dt.datetime(1960, 1, 1, tzinfo=dt.UTC)
    for i in range(3000):
        stamp = (start + dt.timedelta(hours=17 * i)).strftime("%Y-%m-%dT%H:%M:%SZ")
        con.execute(
            "INSERT INTO item (kind, title, published_at, tags, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (
                "brief" if i % 2 else "article",
                "drones" if i % 3 == 0 else "rail",
                stamp,
                "energy",
                stamp,
                stamp,
            ),
        )
    con.execute("INSERT INTO item_tag (item_id, tag) SELECT id, 'energy' FROM item")
    con.commit()
    req = SearchRequest("drones")
    query = parse_query(req.text)
    quick = quick_facets(req, query)
    assert quick is not None and quick.estimated
    assert quick.kinds == {"article": 500, "brief": 500}
    assert quick.tags == [("energy", 1000)]
    # Read from the first page (keys computed from its rows) it is the same.
    assert quick_facets(req, query, first_rows(req, query, SAMPLE)) == quick
    # A word left out: the other two thirds, estimated from the newest items without it.
    without, left_out = SearchRequest("-drones"), parse_query("-drones")
    quick = quick_facets(without, left_out)
    assert quick is not None and quick.estimated
    assert quick.kinds == {"article": 1000, "brief": 1000}
    assert quick.tags == [("energy", 2000)]
    assert quick_facets(without, left_out, first_rows(without, left_out, SAMPLE)) == quick
    # Words and a filter, or a word left out and a filter: no estimate (nothing cheap to
    # scale by).
    assert quick_facets(SearchRequest("drones", unread_only=True), query) is None
    assert quick_facets(SearchRequest("-drones", unread_only=True), left_out) is None
    # A few matches: exact, and not marked.
    few = SearchRequest("drones", date_to=dt.date(1960, 3, 1))
    exact = quick_facets(few, parse_query(few.text))
    assert exact is not None and not exact.estimated
    assert sum(exact.kinds.values()) == len(search_ids(few))
    archive.db.close()
    con.close()


@pytest.mark.parametrize("stage", ["prefixes", "all words", "frequent and rare", "fts prefix"])
def test_search_matches_the_id_keyed_reference(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stage: str
) -> None:
    # One archive per stage (in parallel under xdist: together they took half a minute).
    # The counts from the list's ids: read the groups for any search, however few it matches.
    monkeypatch.setattr(facet_counter, "READ_FOR_SHARE", 0)
    archive = open_archive(tmp_path / "a.sqlite")
    con = sqlite3.connect(tmp_path / "a.sqlite")
    _fill(con, 1500, seed=3)
    con.commit()
    _reference_index(con)
    if stage == "prefixes":
        # Written behind the archive's back: prefixes stay prefixes until the words are listed.
        assert search_terms.pending(con)
    else:
        search_terms.catch_up(con)
        con.commit()
    if stage == "all words":
        # Now prefixes are searched as the OR of their words (schema 9), with the same
        # results: all words (as if all were frequent) ...
        monkeypatch.setattr(search_terms, "TERM_COST", 0)
        for text in ("dro", "kharkiv evac", '"power li"*', "caf", "evacuat*"):
            assert search.expansions(parse_query(text), limit=search.PAGE_PARTS), text
    if stage == "frequent and rare":
        # ... then frequent words and rare ones merged.
        monkeypatch.setattr(search_terms, "TERM_COST", 40)
        for text in ("dro", "kharkiv evac", "kharkiv"):
            mixed = search.expansions(parse_query(text), limit=search.PAGE_PARTS) or {}
            parts = [p for alternatives in mixed.values() for p in alternatives]
            assert any(last for _w, last in parts) and not all(last for _w, last in parts), parts
    if stage == "fts prefix":
        # Where a prefix has more words than pay, FTS5's prefix again; still the same.
        monkeypatch.setattr(search_terms, "TERM_COST", 40)
        monkeypatch.setattr(search, "PAGE_PARTS", 1)
        monkeypatch.setattr(search, "ALL_PARTS", 1)
    assert _check_all(con) == len(TEXTS) * len(REQUESTS)
    archive.db.close()
    con.close()


def test_an_archive_upgraded_to_the_publication_keyed_index_searches_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Here the starred and unread items (a fifth and a half) count as few: words among them
    # start from their keys (`facet_index.few_marked`), with the same results.
    monkeypatch.setattr(facet_index, "FEW_MARKED_SHARE", 1.0)
    path = tmp_path / "v5.sqlite"
    db = SqliteDatabase(str(path))
    migrate(db, target=5)
    db.close()
    con = sqlite3.connect(path)
    _fill(con, 600, seed=11)  # through schema 5's triggers, keyed by id
    con.commit()
    archive = open_archive(path)  # upgrades: the index is rebuilt in publication order
    _reference_index(con)
    _check_all(con)
    # The rebuilt index is sound and keyed by (publication time, id).
    con.execute("INSERT INTO item_fts(item_fts, rank) VALUES ('integrity-check', 1)")
    newest = con.execute(
        "SELECT (-rowid) & 1073741823 FROM item_fts WHERE item_fts MATCH 'drones' "
        "ORDER BY rowid LIMIT 1"
    ).fetchone()
    assert (
        newest
        == con.execute(
            "SELECT item.id FROM item JOIN ref_fts ON ref_fts.rowid = item.id "
            "WHERE ref_fts MATCH 'drones' ORDER BY published_at DESC, item.id DESC LIMIT 1"
        ).fetchone()
    )
    archive.db.close()
    con.close()


@contextlib.contextmanager
def _archive_with_reference(path: Path, items: int, seed: int) -> Iterator[sqlite3.Connection]:
    """An archive of `items` made-up items at `path`, open, with the reference index beside
    its own; a plain connection to it."""
    archive = open_archive(path)
    con = sqlite3.connect(path)
    try:
        _fill(con, items, seed=seed)
        con.commit()
        _reference_index(con)
        yield con
    finally:
        archive.db.close()
        con.close()


@pytest.mark.parametrize("looked_up", [0, 1_000_000], ids=["as-a-set", "one-by-one"])
def test_few_starred_or_tagged_items_are_searched_from_their_own_list(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, looked_up: int
) -> None:
    """Every mark and tag here counts as few: a search starts from their items (words: the
    index's keys, looked up one by one or checked as a set; no words: a tag's list of items),
    and finds what the plain conditions find, in the same order."""
    from desktop_app.storage import search_filters

    monkeypatch.setattr(facet_index, "FEW_MARKED_SHARE", 1.0)
    monkeypatch.setattr(search_filters, "LOOKED_UP", looked_up)
    with _archive_with_reference(tmp_path / "a.sqlite", 700, seed=5) as con:
        words = SearchRequest("drones", tags=("energy",))
        sql = search.select_sql(words, parse_query("drones"), "id")
        assert ("+item_fts.rowid IN" in sql[0]) == (looked_up == 0), sql
        assert (
            "item.id IN (SELECT item_id"
            in search.select_sql(SearchRequest(tags=("energy",)), parse_query(""), "item.id")[0]
        )
        assert _check_all(con) == len(TEXTS) * len(REQUESTS)


@pytest.fixture(autouse=True)
def _unbound() -> object:
    yield
    if not database_proxy.is_closed():
        database_proxy.close()


@pytest.mark.parametrize("first_range", [1, 7, 1_000])
def test_words_oldest_first_are_paged_from_the_oldest_items(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, first_range: int
) -> None:
    """Oldest first with words: the matches among the oldest items, in ranges grown until a
    page is found (`search_oldest`), give the reference's page whatever the first range,
    beside any filter; a range past a quarter of the archive leaves it to the plain
    statement."""
    from desktop_app.storage import search_oldest

    monkeypatch.setattr(search_oldest, "FIRST_RANGE", first_range)
    bases = [
        SearchRequest(descending=False),
        SearchRequest(kind="brief", descending=False),
        SearchRequest(tags=("energy",), unread_only=True, descending=False),
        SearchRequest(date_from=dt.date(2023, 6, 1), descending=False),
        SearchRequest(date_to=dt.date(2023, 6, 1), descending=False),
        SearchRequest(
            date_from=dt.date(2023, 1, 1), date_to=dt.date(2023, 9, 30), descending=False
        ),
    ]
    texts = ("drones", "drones kharkiv", "dro", "night -drones", "sumy OR kharkiv", "zzzz")
    with _archive_with_reference(tmp_path / "a.sqlite", 900, seed=11) as con:
        for base in bases:
            for text in texts:
                req = dataclasses.replace(base, text=text)
                query = parse_query(text)
                sql, params = _reference(req, "item.id")
                order = _reference_order(req, True)
                for limit in (1, 25, 200, 2_000):
                    page = con.execute(f"{sql} ORDER BY {order} LIMIT ?", [*params, limit])
                    assert [r.id for r in first_rows(req, query, limit)] == [r[0] for r in page], (
                        text,
                        base,
                        limit,
                    )
                if base.date_from is not None and text == "drones":
                    # Ranges from the first date asked for, not from the archive's oldest
                    # item: the plain statement is not what answered.
                    where = functools.partial(search._where, req, query, expand=search.ALL_PARTS)
                    assert search_oldest.first_page(req, query, 25, where) is not None


def test_no_statement_reads_the_search_index_backwards(tmp_path: Path) -> None:
    """FTS5 (SQLite 3.40) leaves out matches of multi-word queries when asked for its rowids
    in descending order, so no search may ask for them so: every statement the searches
    above send is watched."""
    import re

    sent: list[str] = []
    with _archive_with_reference(tmp_path / "a.sqlite", 300, seed=3) as con:
        database_proxy.connection().set_trace_callback(sent.append)
        _check_all(con)
    backwards = re.compile(r"(item_fts\.)?rowid\s+DESC", re.IGNORECASE)
    assert sent and not [s for s in sent if "item_fts" in s and backwards.search(s)]
