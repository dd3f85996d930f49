"""The first page of excluded words (`-drones`): from the newest items' range, or each of
the search's first candidates looked up (`storage.search_excluded`), always the page of the
plain reference (`test_search_order`), whatever the ranges and counts tried."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from pathlib import Path

import pytest

from desktop_app.core.item import BRIEF, ItemData
from desktop_app.core.search_query import parse_query
from desktop_app.storage import search, search_excluded, search_terms
from desktop_app.storage.db.connection import open_archive
from desktop_app.storage.db.models import database_proxy
from desktop_app.storage.items import save_item
from desktop_app.storage.search import SearchRequest, first_rows
from tests.storage.test_search_order import (  # _unbound: the same autouse fixture
    _archive_with_reference,
    _reference,
    _reference_order,
    _unbound,  # noqa: F401
)


@pytest.mark.parametrize("first_range", [1, 7, 1_000])
@pytest.mark.parametrize("newest", [True, False], ids=["newest", "oldest"])
def test_excluded_words_alone_are_paged_from_the_newest_or_oldest_items(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, first_range: int, newest: bool
) -> None:
    """`-drones` newest (or oldest) first: the newest (oldest) items checked against the
    matches among them, in ranges grown until a page is kept (`search_excluded`), the
    reference's page whatever the first range; a search that keeps too few falls back to
    the plain statement."""
    monkeypatch.setattr(search_excluded, "FIRST_RANGE", first_range)
    texts = ("-drones", "-drones -night", "-evacuat*", "-zzzz", "-kharkiv -sumy -power")
    with _archive_with_reference(tmp_path / "a.sqlite", 900, seed=9) as con:
        for text in texts:
            req, query = SearchRequest(text, descending=newest), parse_query(text)
            sql, params = _reference(req, "item.id")
            order = _reference_order(req, False)
            for limit in (1, 25, 200, 2_000):
                page = con.execute(f"{sql} ORDER BY {order} LIMIT ?", [*params, limit])
                assert [r.id for r in first_rows(req, query, limit)] == [r[0] for r in page]


BESIDE = [
    SearchRequest(kind="brief"),
    SearchRequest(tags=("energy",)),
    SearchRequest(tags=("energy",), unread_only=True, descending=False),
    SearchRequest(date_from=dt.date(2023, 1, 1), date_to=dt.date(2024, 6, 30)),
    SearchRequest(date_from=dt.date(2023, 1, 1), date_to=dt.date(2024, 6, 30), descending=False),
    SearchRequest(date_to=dt.date(2022, 12, 31), kind="article"),
    SearchRequest(starred_only=True, descending=False),
    SearchRequest(source="Kyiv Wire", order="relevance"),
]


@pytest.mark.parametrize(("most", "first_range"), [(1, 1), (40, 7), (5_000, 1_000), (5_000, 3)])
def test_excluded_words_beside_filters_check_a_range_or_the_first_candidates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, most: int, first_range: int
) -> None:
    """Excluded words beside filters: by date, ranges of the newest (oldest) items from the
    dates' bound, checked against the matches among them; else, or when the range grows
    too large, the first items the search without them gives, each looked up, until a page
    is kept (or too many would be: the plain statement); the reference's page for every
    limit."""
    monkeypatch.setattr(search_excluded, "MOST_CHECKED", most)
    monkeypatch.setattr(search_excluded, "FIRST_RANGE", first_range)
    monkeypatch.setattr(search_excluded, "MOST_BESIDE", 60)
    texts = ("-drones", "-drones -night", "-evacuat*", "-zzzz", "-kharkiv kind:article")
    with _archive_with_reference(tmp_path / "a.sqlite", 900, seed=13) as con:
        search_terms.catch_up(database_proxy.connection())  # prefixes as their words
        for base in BESIDE:
            for text in texts:
                req, query = dataclasses.replace(base, text=text), parse_query(text)
                sql, params = _reference(req, "item.id")
                order = _reference_order(req, False)
                for limit in (1, 25, 200, 2_000):
                    page = con.execute(f"{sql} ORDER BY {order} LIMIT ?", [*params, limit])
                    found = [r.id for r in first_rows(req, query, limit)]
                    assert found == [r[0] for r in page], (text, base, limit)
                # The number: the filters' items less those among the words' matches.
                every = con.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()[0]
                assert search.search_count(req, query) == every, (text, base)


def test_candidates_are_looked_up_rather_than_every_match_read(tmp_path: Path) -> None:
    """The checked candidates answer a first page (not the plain statement), and a prefix
    whose words are not all listed yet is left to the plain statement: looked up as a
    prefix, each item would read all of the prefix's words."""
    with _archive_with_reference(tmp_path / "a.sqlite", 400, seed=2):
        conn = database_proxy.connection()
        search_terms.catch_up(conn)  # the word list of the items written beside the program
        for text in ("-drones", "-evacuat*"):
            req, query = SearchRequest(text, kind="brief"), parse_query(text)
            without = functools.partial(search._without_excluded, req, query)
            assert (
                search_excluded.first_page(req, query, 25, without, search._excluded_text(query))
                is not None
            ), text
            # Fewer kept than asked for: every candidate was checked, and that is the page.
            few = search_excluded.first_page(
                req, query, 2_000, without, search._excluded_text(query)
            )
            assert few is not None and 0 < len(few) < 200, text
        conn.execute("INSERT INTO search_term_todo (item_id) SELECT id FROM item LIMIT 1")
        assert search_terms.pending(conn)
        query = parse_query("-evacuat*")
        assert search._without_excluded(SearchRequest("-evacuat*"), query, 25) is None
        assert search._without_excluded(SearchRequest("-drones"), parse_query("-drones"), 25)


def test_a_word_every_item_has_is_counted_not_read_item_by_item(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`-in` when every item has "in": every candidate would be looked up, then every item
    checked against every match (seconds at a million items); the count of the word's
    matches says at once that nothing is left. One item without it is still found."""
    monkeypatch.setattr(search_excluded, "FIRST_RANGE", 7)  # ranges that give up, as at 1M
    archive = open_archive(tmp_path / "a.sqlite")
    start = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    with database_proxy.atomic():
        for n in range(300):
            save_item(ItemData(BRIEF, f"shelling in sector {n}", start + dt.timedelta(hours=n)))
    sent: list[str] = []
    conn = database_proxy.connection()
    conn.set_trace_callback(sent.append)
    for req in (
        SearchRequest("-in"),
        SearchRequest("-in", descending=False),
        SearchRequest("-in", kind="brief"),  # whatever the filters
        SearchRequest("-in", order="title"),
    ):
        assert first_rows(req, parse_query(req.text), 40) == [], req
    conn.set_trace_callback(None)
    plain = [s for s in sent if "NOT IN (SELECT" in s and "INDEXED BY" not in s]
    assert not plain  # the plain statement never ran

    lone = save_item(ItemData(BRIEF, "shelling at the edge", start - dt.timedelta(days=1)))
    for req in (SearchRequest("-in"), SearchRequest("-in", kind="brief")):
        assert [r.id for r in first_rows(req, parse_query(req.text), 40)] == [lone], req
    article = SearchRequest("-in", kind="article")
    assert first_rows(article, parse_query(article.text), 40) == []
    archive.db.close()
