"""The search index's words kept beside it (schema 9), and prefixes searched as their words.

The word list must hold every word the index holds, spelt as the index spells it, whichever
path wrote the items; a prefix searched as the OR of its words must find the same items in the
same order as FTS5's own prefix.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from peewee import SqliteDatabase

from desktop_app.core.item import ItemData
from desktop_app.core.search_query import parse_query
from desktop_app.storage import search, search_terms
from desktop_app.storage.db.connection import open_archive
from desktop_app.storage.db.migrations import migrate
from desktop_app.storage.db.models import database_proxy
from desktop_app.storage.item_import import import_items
from desktop_app.storage.items import save_item, set_tags
from desktop_app.storage.maintenance import rebuild_search_index

WORDS = ["Київ", "КИЇВСЬКИЙ", "Café", "ÉCOLE", "straße", "Ærø", "kharkiv", "Kharkivska"]
WORDS += ["Dnipró", "T-90", "snake_case", "ﬁre", "ΣΊΣΥΦΟΣ", "naïve", "İzmir", "nº5"]


def _index_words(con: sqlite3.Connection) -> set[str]:
    con.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.v USING fts5vocab(main, item_fts, row)")
    return {r[0] for r in con.execute("SELECT term FROM temp.v")}


def _listed(con: sqlite3.Connection) -> set[str]:
    return {r[0] for r in con.execute("SELECT term FROM search_term")}


def _item(title: str, body: str = "", *, day: int = 1, url: str | None = None) -> ItemData:
    when = dt.datetime(2024, 1, day, 12, tzinfo=dt.UTC)
    return ItemData("brief", title, when, body=body, source_url=url)


def test_every_path_that_writes_items_keeps_the_word_list_complete(tmp_path: Path) -> None:
    archive = open_archive(tmp_path / "a.sqlite")
    con = sqlite3.connect(tmp_path / "a.sqlite")
    assert _listed(con) == set()
    first = save_item(_item(" ".join(WORDS[:8]), "drones over Sumy"))
    import_items([_item(w, f"body {i}", day=1 + i % 20) for i, w in enumerate(WORDS[8:])])
    assert _listed(con) == _index_words(con)
    assert "киів" in _listed(con) or "київ" in _listed(con)  # spelt as the index spells it
    # Edits: new text, new tags; the words they brought are listed once committed.
    save_item(_item("Odesa harbour", "grain corridor"), first)
    set_tags(first, ["air defence"])
    listed = _listed(con)
    assert _index_words(con) <= listed
    assert {"odesa", "corridor", "defence"} <= listed
    # Words of the old text may stay (harmless: an OR with them finds nothing more).
    assert "sumy" in listed and "sumy" not in _index_words(con)
    assert con.execute("SELECT count(*) FROM search_term_todo").fetchone()[0] == 0
    archive.db.close()
    con.close()


def test_items_written_behind_the_archives_back_are_noted_and_caught_up(tmp_path: Path) -> None:
    open_archive(tmp_path / "a.sqlite").db.close()
    con = sqlite3.connect(tmp_path / "a.sqlite")
    con.execute(
        "INSERT INTO item (kind, title, published_at, created_at, updated_at) "
        "VALUES ('brief', 'Pokrovsk checkpoint', '2024-01-01T00:00:00Z', '', '')"
    )
    con.commit()
    assert search_terms.pending(con)
    # Until caught up, a prefix is searched as FTS5's prefix: nothing is lost.
    open_archive(tmp_path / "a.sqlite", busy_timeout_ms=1000)  # opening catches up
    assert not search_terms.pending(con)
    assert {"pokrovsk", "checkpoint"} <= _listed(con)
    database_proxy.close()
    con.close()


@pytest.fixture
def every_word(monkeypatch: pytest.MonkeyPatch) -> None:
    """Plan as if every word were frequent: prefixes become the OR of all their words (a
    small archive's words are all rare, and their prefixes would stay as they are)."""
    monkeypatch.setattr(search_terms, "TERM_COST", 0)


def test_a_pending_note_stops_the_expansion(tmp_path: Path, every_word: None) -> None:
    archive = open_archive(tmp_path / "a.sqlite")
    save_item(_item("kharkiv kharkivska"))
    query = parse_query("kharki")
    assert search.expansions(query, limit=10) == {
        query.clauses[0][0]: [(("kharkiv",), False), (("kharkivska",), False)]
    }
    con = sqlite3.connect(tmp_path / "a.sqlite")
    con.execute(
        "INSERT INTO item (kind, title, published_at, created_at, updated_at) "
        "VALUES ('brief', 'kharkivskyi', '2024-01-02T00:00:00Z', '', '')"
    )
    con.commit()
    assert search.expansions(query, limit=10) is None
    assert search.search_item_ids("kharki") == [2, 1]  # the prefix itself finds the new one
    assert search.expansions(query, limit=1) is None
    archive.db.close()
    con.close()


@pytest.mark.parametrize(
    "typed", ["київ", "КИЇВС", "caf", "ECO", "stra", "ærø", "dnipro", '"t 9"*']
)
def test_a_prefix_as_its_words_finds_what_the_prefix_finds(
    tmp_path: Path, typed: str, every_word: None
) -> None:
    archive = open_archive(tmp_path / "a.sqlite")
    import_items(
        [_item(f"{w} {WORDS[(i * 5) % len(WORDS)]}", day=1 + i) for i, w in enumerate(WORDS)]
    )
    query = parse_query(typed)
    expanded = search.expansions(query, limit=100)
    plain = query.fts_match()
    assert plain is not None and expanded is not None
    con = database_proxy.connection()
    sql = "SELECT rowid FROM item_fts WHERE item_fts MATCH ? ORDER BY rowid"
    got = con.execute(sql, (query.fts_match(expanded),)).fetchall()
    assert got == con.execute(sql, (plain,)).fetchall()
    assert got
    archive.db.close()


def test_the_upgrade_lists_the_words_already_indexed(tmp_path: Path) -> None:
    path = tmp_path / "v8.sqlite"
    db = SqliteDatabase(str(path))
    migrate(db, target=8)
    db.close()
    con = sqlite3.connect(path)
    for i, word in enumerate(WORDS):
        con.execute(
            "INSERT INTO item (kind, title, body, published_at, created_at, updated_at) "
            "VALUES ('brief', ?, 'night shift', ?, '', '')",
            (word, f"2024-01-{1 + i:02d}T00:00:00Z"),
        )
    con.commit()
    archive = open_archive(path)
    assert _listed(con) == _index_words(con)
    assert not search_terms.pending(con)
    archive.db.close()
    con.close()


def test_a_prefix_plan_reads_frequent_words_alone_and_merges_rare_ones(tmp_path: Path) -> None:
    archive = open_archive(tmp_path / "a.sqlite")
    con = database_proxy.connection()
    con.executemany(
        "INSERT INTO search_term (term, docs) VALUES (?, ?)",
        [("in", 900_000), ("inspect", 40_000), ("ink", 12), ("inky", 3), ("inn", 5)]
        + [(f"inter{i:03d}", 2) for i in range(400)]
        + [("international", 30_000), ("io", 1_000_000)],
    )
    con.commit()
    # The frequent words alone; 'ink' and 'inky' cost less merged than as two lookups, and
    # so do the rare 'inter…' words, in groups, beside the frequent one among them.
    rare = [(f"inter{d}", True) for d in range(4)]
    assert search_terms.plan_prefix(con, "in") == [
        ("in", False),
        ("ink", True),
        ("inn", False),
        ("inspect", False),
        *rare,
        ("international", False),
    ]
    assert search_terms.plan_prefix(con, "inte") == [*rare, ("international", False)]
    # Only rare words (or none, or one): the prefix as it is, or the word.
    assert search_terms.plan_prefix(con, "ink") is None
    assert search_terms.plan_prefix(con, "zz") is None
    assert search_terms.plan_prefix(con, "insp") == [("inspect", False)]
    archive.db.close()


def test_rebuilding_the_index_makes_the_word_list_again(tmp_path: Path) -> None:
    archive = open_archive(tmp_path / "a.sqlite")
    item = save_item(_item("Sumy shelters"))
    save_item(_item("Odesa harbour"), item)
    con = database_proxy.connection()
    assert "sumy" in _listed(con)  # a stale word, harmless
    rebuild_search_index()
    assert _listed(con) == _index_words(con) == {"odesa", "harbour"}
    archive.db.close()


def test_fold_spells_typed_text_as_the_index_does() -> None:
    tokenize = "unicode61 remove_diacritics 2"
    assert search_terms.fold("Café T-90", tokenize) == ["cafe", "t", "90"]
    assert search_terms.fold("snake_case", tokenize) == ["snake", "case"]
    assert search_terms.fold("", tokenize) == []


@pytest.fixture(autouse=True)
def _unbound() -> object:
    yield
    if not database_proxy.is_closed():
        database_proxy.close()
