"""A whole list handed over as text (`storage.search_lists`, `search.search_id_text`): the
same ids in the same order as the statement read row by row, whatever the parts, years and
ties; and only where one index holds the list in order."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
import sqlite3
from itertools import chain
from pathlib import Path

import pytest

from desktop_app.core.search_query import parse_query
from desktop_app.storage import search_lists
from desktop_app.storage.db.connection import open_archive
from desktop_app.storage.db.models import database_proxy
from desktop_app.storage.search import SearchRequest, select_sql
from desktop_app.storage.search_lists import ID_MASK, ListText
from desktop_app.storage.search_text import search_id_text

WORDS = ["drones", "kharkiv", "rail", "grain", "night", "bridge", "sumy"]
# Year ends and starts, one second shared by several items, before 1970: where a part or a
# year could cut the order.
STAMPS = [
    "2022-12-31T23:59:59Z",
    "2023-01-01T00:00:00Z",
    "2023-01-01T00:00:00Z",
    "2024-02-29T12:00:00Z",
    "1969-12-31T23:59:59Z",
    "1970-01-01T00:00:00Z",
    "1905-06-01T08:00:00Z",
    "2026-11-30T23:00:00Z",
]
TEXTS = ["", "drones", "drones kharkiv", "dro", "rail -night", "sumy OR grain", "zzz"]


@pytest.fixture
def archive(tmp_path: Path):
    opened = open_archive(tmp_path / "a.sqlite")
    con = sqlite3.connect(tmp_path / "a.sqlite")
    rng = random.Random(7)
    for _ in range(400):
        stamp = rng.choice(STAMPS)
        if rng.random() < 0.5:
            when = dt.datetime(2019, 1, 1) + dt.timedelta(hours=rng.randrange(8 * 365 * 24))
            stamp = when.strftime("%Y-%m-%dT%H:00:00Z")
        con.execute(
            "INSERT INTO item (kind, title, published_at, created_at, updated_at) "
            "VALUES ('brief', ?, ?, ?, ?)",
            (" ".join(rng.choices(WORDS, k=rng.randint(1, 3))), stamp, stamp, stamp),
        )
    con.commit()
    con.close()
    yield opened
    opened.db.close()


def _ids(listed: ListText) -> list[int]:
    """The list the parts say, read plainly (the window reads them with numpy)."""
    ids: list[int] = []
    for text in listed.parts:
        numbers = [int(n) for n in text.split(",")]
        ids += [(-k) & ID_MASK for k in sorted(numbers)] if listed.keys else numbers
    return ids if listed.descending else ids[::-1]


def _row_by_row(req: SearchRequest) -> list[int]:
    sql, params = select_sql(req, parse_query(req.text), "item.id")
    return list(chain.from_iterable(database_proxy.connection().execute(sql, params)))


@pytest.mark.parametrize("times", [False, True])
def test_the_parts_give_the_list_the_statement_gives_row_by_row(
    archive: object, times: bool
) -> None:
    for text in TEXTS:
        for descending in (True, False):
            req = SearchRequest(text, descending=descending)
            listed = search_id_text(req, parse_query(text), times=times)
            assert listed is not None and listed.keys == (times and bool(text))
            expected = _row_by_row(req)
            assert _ids(listed) == expected, (text, descending)
            assert expected or text == "zzz"


def test_excluded_words_alone_are_every_year_less_its_matches(archive: object) -> None:
    """`-rail`: every item, a year a part, less the year's matches, read from the stretch of
    the index its keys span (the stamps sit on year ends and before 1970)."""
    for text in ("-rail", "-kharkiv -sumy", "-dro", "-zzz", "-drones -grain -night -bridge"):
        for descending in (True, False):
            req = SearchRequest(text, descending=descending)
            listed = search_id_text(req, parse_query(text), times=True)
            assert listed is not None and not listed.keys, text
            assert _ids(listed) == _row_by_row(req), (text, descending)


def test_by_relevance_the_ranked_list_is_the_statements(archive: object) -> None:
    """Best first by bm25 and ties by the search key, as SQLite orders the statement; a
    prefix is ranked as one phrase; without words, by date."""
    for text in [*TEXTS, "kharkiv dro", "sumy OR grain -night"]:
        for descending in (True, False):
            req = SearchRequest(text, order="relevance", descending=descending)
            listed = search_id_text(req, parse_query(text))
            assert listed is not None and not listed.keys, text
            expected = _row_by_row(req)
            assert _ids(listed) == expected, (text, descending)
            assert expected or text == "zzz"
    assert (
        search_id_text(SearchRequest("drones", order="relevance", limit=5), parse_query("drones"))
        is None
    )


DATES = [
    (dt.date(2023, 1, 1), None),
    (None, dt.date(2022, 12, 31)),
    (dt.date(1969, 12, 31), dt.date(1970, 1, 1)),
    (dt.date(1970, 1, 1), dt.date(2024, 2, 29)),
    (dt.date(2024, 2, 29), dt.date(2024, 2, 29)),
    (dt.date(2030, 1, 1), None),
]


@pytest.mark.parametrize("order", ["date", "relevance"])
def test_words_between_dates_are_a_stretch_of_the_index(archive: object, order: str) -> None:
    """Words from, to or between dates: the keys the dates bound, read from the index
    alone, are the items the statement keeps by their times (year ends, a day of leap year,
    either side of 1970, and nothing at all)."""
    for text in ("drones", "drones kharkiv", "dro", "rail -night", "sumy OR grain", "zzz"):
        for date_from, date_to in DATES:
            for descending, times in ((True, False), (False, False), (True, True)):
                req = SearchRequest(
                    text, date_from=date_from, date_to=date_to, order=order, descending=descending
                )
                listed = search_id_text(req, parse_query(text), times=times)
                assert listed is not None, req
                assert _ids(listed) == _row_by_row(req), req


def test_a_part_of_words_holds_ids_or_keys_in_the_index_order() -> None:
    """Without `times`, the ids come in the order SQLite feeds `group_concat` (the keys'),
    nothing sorted after: items whose ids run against their times show it."""
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE item_fts USING fts5(title)")
    # Item 1 is the newest, item 3 the oldest; ties in time go to the higher id first.
    for item_id, time in ((1, 300), (2, 100), (3, 50), (4, 100)):
        conn.execute(
            "INSERT INTO item_fts (rowid, title) VALUES (?, 'drones')",
            (-(time * 2**30 + item_id),),
        )
    assert list(search_lists.matching_parts(conn, '"drones"')) == ["1,4,2,3"]
    keys = list(search_lists.matching_parts(conn, '"drones"', keys=True))
    assert [(-int(k)) & ID_MASK for k in keys[0].split(",")] == [1, 4, 2, 3]


def test_everything_comes_as_ids_a_year_a_part(archive: object) -> None:
    listed = search_id_text(SearchRequest(), parse_query(""), times=True)
    assert listed is not None and not listed.keys
    years = {s[:4] for s in STAMPS} | {str(y) for y in range(2019, 2027)}
    assert 1 < len(list(listed.parts)) <= len(years)


def test_only_where_one_index_holds_the_list_in_order(archive: object) -> None:
    words = SearchRequest("drones")
    for req in (
        dataclasses.replace(words, starred_only=True),
        dataclasses.replace(words, kind="brief"),
        dataclasses.replace(words, date_from=dt.date(2023, 1, 1), kind="brief"),
        dataclasses.replace(words, date_from=dt.date(2023, 1, 1), order="title"),
        SearchRequest("-rail", date_from=dt.date(2023, 1, 1)),  # dates beside no words
        dataclasses.replace(words, order="title"),
        dataclasses.replace(words, limit=5),
        SearchRequest("-rail", order="title"),
        SearchRequest("-rail", kind="brief"),
        SearchRequest("kind:brief drones"),
    ):
        assert search_id_text(req, parse_query(req.text)) is None, req


def test_the_statements_join_the_ids_in_sqlite(archive: object) -> None:
    statements: list[str] = []
    conn = database_proxy.connection()
    conn.set_trace_callback(statements.append)
    try:
        for text in ("", "drones kharkiv"):
            listed = search_id_text(SearchRequest(text), parse_query(text))
            assert listed is not None
            assert _ids(listed)
            reads = [s for s in statements if "FROM item" in s and "max(published_at)" not in s]
            assert reads and all(s.startswith("SELECT group_concat(") for s in reads)
            statements.clear()
    finally:
        conn.set_trace_callback(None)


def test_an_empty_archive_and_one_item(tmp_path: Path) -> None:
    opened = open_archive(tmp_path / "e.sqlite")
    conn = database_proxy.connection()
    assert list(search_lists.all_parts(conn)) == []
    assert list(search_lists.matching_parts(conn, '"drones"')) == []
    conn.execute(
        "INSERT INTO item (kind, title, published_at, created_at, updated_at) "
        "VALUES ('brief', 'drones', '2024-03-01T00:00:00Z', '', '')"
    )
    assert list(search_lists.all_parts(conn)) == ["1"]
    listed = search_id_text(SearchRequest("drones"), parse_query("drones"))
    assert listed is not None and _ids(listed) == [1]
    opened.db.close()
