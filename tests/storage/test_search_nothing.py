"""A search that asks only for what it also excludes (`Query.finds_nothing`) is answered
without reading the index. Checked against FTS5 itself on texts chosen to trip the claim:
cases, word parts, joined words, accents, phrases."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import random
import sqlite3
from pathlib import Path

from desktop_app.core.item import BRIEF, ItemData
from desktop_app.core.search_query import parse_query
from desktop_app.storage.db.connection import open_archive
from desktop_app.storage.db.models import database_proxy
from desktop_app.storage.items import save_item
from desktop_app.storage.search import SearchRequest, first_rows, match_count, search_ids

TITLES = [
    "Power returns to the city",
    "POWERLESS nights in Sumy",
    "power_lines down near Kharkiv",
    "Power lines repaired",
    "lines of power stretch east",
    "Powér cut, café closed",
    "Cafe reopens after the pow wow",
    "powder and rail at the depot",
    "T-90 seen near Sumy",
    "t_90 column, power out",
    "air power lines",
    "Kharkiv's night",
]
# Words and phrases to ask for and to exclude, prefixes among them.
PARTS = [
    "power",
    "Power",
    "pow",
    "pow*",
    "powe*",
    "powerless",
    '"power lines"',
    '"lines power"',
    "lines",
    "café",
    "cafe",
    "caf*",
    "t_90",
    "T-90",
    "t",
    "sumy",
    "kharkiv",
    "khar*",
    "night",
]


def _found(con: sqlite3.Connection, text: str) -> int:
    """How many items FTS5 itself finds for the query's words less its excluded ones."""
    query = parse_query(text, typing=False)
    asked = dataclasses.replace(query, excluded=()).fts_match()
    assert asked is not None
    left_out = query.fts_excluded()
    match = f"({asked}) NOT ({left_out})" if left_out else asked
    sql = "SELECT count(*) FROM item_fts WHERE item_fts MATCH ?"
    return int(con.execute(sql, (match,)).fetchone()[0])


def test_what_finds_nothing_is_what_fts5_finds_nothing_for(tmp_path: Path) -> None:
    archive = open_archive(tmp_path / "a.sqlite")
    start = dt.datetime(2024, 5, 1, tzinfo=dt.UTC)
    with database_proxy.atomic():
        for n, title in enumerate(TITLES):
            save_item(ItemData(BRIEF, title, start + dt.timedelta(hours=n)))
    con = sqlite3.connect(tmp_path / "a.sqlite")
    rng = random.Random(11)
    texts = [f"{a} -{b}" for a, b in itertools.product(PARTS, repeat=2)]
    texts += [f"{a} OR {b} -{c} -{d}" for a, b, c, d in (rng.sample(PARTS, 4) for _ in range(300))]
    claimed = 0
    for text in texts:
        query = parse_query(text, typing=False)
        if query.finds_nothing():
            claimed += 1
            assert _found(con, text) == 0, text
            req = SearchRequest(text + " ")  # typed with a space: no prefix added
            assert search_ids(req) == [] and first_rows(req, query, 40) == [], text
            assert match_count(req, query) in (0, None), text
    assert claimed >= 40  # the claim is made, not only never wrong
    con.close()
    archive.db.close()


def test_a_search_for_an_excluded_word_reads_nothing(tmp_path: Path) -> None:
    """The first page of `power -power` (or of a filter and its negation) sends nothing;
    its whole list asks FTS5 for the empty phrase, and for the word no more."""
    archive = open_archive(tmp_path / "a.sqlite")
    save_item(ItemData(BRIEF, "power", dt.datetime(2024, 5, 1, tzinfo=dt.UTC), tags=("grid",)))
    sent: list[str] = []
    database_proxy.connection().set_trace_callback(sent.append)
    for text in ("power -power ", "-rail tag:grid -tag:grid"):
        req = SearchRequest(text)
        assert first_rows(req, parse_query(req.text), 40) == [], text
    assert not sent, sent
    assert search_ids(SearchRequest("power -power ")) == []
    database_proxy.connection().set_trace_callback(None)
    assert any("MATCH '\"\"'" in s for s in sent), sent
    assert not any("power" in s for s in sent), sent
    archive.db.close()


def test_a_filter_and_its_negation_are_what_sqlite_finds_nothing_for(tmp_path: Path) -> None:
    """A filter and its negation: the first page is empty without a statement, and the
    whole list, from SQLite's own statement (beside words, the empty phrase), is empty
    too, though the filter alone keeps an item."""
    archive = open_archive(tmp_path / "a.sqlite")
    at = dt.datetime(2024, 5, 1, tzinfo=dt.UTC)
    save_item(ItemData(BRIEF, "power", at, tags=("grid",), source_name="Kyiv Wire", author="Ann"))
    save_item(ItemData(BRIEF, "rail", at, tags=("rail",), author="Bo"))
    for positive in ("tag:grid", 'source:"kyiv wire"', "author:ann"):
        negative = "-" + positive
        assert search_ids(SearchRequest(positive)) != [], positive
        for text in (
            f"{positive} {negative}",
            f"power {negative} {positive}",
            f"-rail {positive} {negative}",
        ):
            req = SearchRequest(text)
            assert parse_query(text).finds_nothing(), text
            assert first_rows(req, parse_query(text), 40) == [] == search_ids(req), text
    archive.db.close()
