"""`copy`: a whole archive from an SQLite file to a PostgreSQL server and back, nothing lost."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from desktop_app.core.errors import ArchiveError
from desktop_app.core.item import ARTICLE, BRIEF, ItemData
from desktop_app.core.report import Figure, LossReport
from desktop_app.services.archive_copy import copy
from desktop_app.storage.db.connection import open_database
from desktop_app.storage.items import delete_item, save_item, set_read, set_starred
from desktop_app.storage.oryx import OryxRow, replace_oryx
from desktop_app.storage.reports import link_article, save_report
from desktop_app.storage.search import search_item_ids
from desktop_app.storage.trash import trash_item
from tests.archive_dump import dump_archive

AT = dt.datetime(2024, 5, 12, 9, 30, tzinfo=dt.UTC)
# The backends' own bookkeeping: SQLite's search index and its word list, made again from the
# rows by each copy (stale words of deleted items stay in the original's list, not a copy's).
_OWN = ("item_fts", "sqlite_", "search_term")


def fill(path: Path) -> None:
    db = open_database(path)
    first = save_item(ItemData(ARTICLE, "Дрони над Харковом", AT, body="Атака «шахедів»."))
    save_item(ItemData(BRIEF, "Gone soon", AT, body="deleted, so its id is never reused"))
    kept = save_item(
        ItemData(
            BRIEF,
            "Port of Odesa keeps working",
            AT + dt.timedelta(hours=1),
            lead="Grain ships",
            author="Kovalchuk",
            source_name="Kyiv Independent",
            source_url="https://example.org/odesa",
            tags=("energy", "ports"),
            date_estimated=True,
        )
    )
    set_read(first)
    set_starred(kept)
    save_report(
        LossReport(dt.date(2024, 5, 12), {"tanks": Figure(7500, 12), "personnel": Figure(10, -1)}),
        source="manual",
    )
    save_report(LossReport(dt.date(2024, 5, 13), {"tanks": Figure(7499, None)}))
    link_article(dt.date(2024, 5, 12), first)
    replace_oryx([OryxRow("tanks", "Tanks", "T-72B3", "UVZ", 3)])
    gone = save_item(ItemData(BRIEF, "Deleted to the Trash", AT))
    trash_item(gone)
    delete_item(gone)
    delete_item(first + 1)  # "Gone soon": its id stays used
    db.close()


def tables(path: Path) -> dict[str, list[tuple[object, ...]]]:
    dump = dump_archive(path)["tables"]
    return {name: rows for name, rows in dump.items() if not name.startswith(_OWN)}


def sequences(path: Path) -> list[tuple[object, ...]]:
    import sqlite3

    con = sqlite3.connect(path)
    try:
        return sorted(con.execute("SELECT name, seq FROM sqlite_sequence").fetchall())
    finally:
        con.close()


def test_a_file_copied_to_a_server_and_back_is_the_same_archive(tmp_path: Path, pg_url: str):
    first, back = tmp_path / "first.sqlite", tmp_path / "back.sqlite"
    fill(first)
    there = copy(str(first), pg_url)
    assert there.rows["item"] == 2 and there.rows["trash"] == 1 and there.rows["report_figure"] == 3
    again = copy(pg_url, str(back))
    assert again.rows == there.rows
    assert tables(back) == tables(first)  # every row of every table, ids included
    assert sequences(back) == sequences(first)  # the deleted items' ids stay used
    # Each backend built its own search index from the copied rows.
    db = open_database(pg_url)
    on_server = search_item_ids("харков")
    db.close()
    db = open_database(back)
    assert search_item_ids("харков") == on_server != []
    assert search_item_ids("харк") == on_server  # a prefix, as the OR of its listed words
    db.close()
    con = sqlite3.connect(back)
    con.execute("CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, item_fts, row)")
    indexed = con.execute("SELECT term, doc FROM temp.v").fetchall()
    assert con.execute("SELECT term, docs FROM search_term").fetchall() == indexed
    con.close()


def test_a_destination_holding_an_archive_is_refused_unchanged(tmp_path: Path, pg_url: str):
    first = tmp_path / "first.sqlite"
    fill(first)
    copy(str(first), pg_url)
    other = tmp_path / "other.sqlite"
    db = open_database(other)
    save_item(ItemData(ARTICLE, "Mine", AT))
    db.close()
    before = dump_archive(other)
    with pytest.raises(ArchiveError, match="already holds an archive"):
        copy(pg_url, str(other))
    assert dump_archive(other) == before
    with pytest.raises(ArchiveError, match="already holds an archive"):
        copy(str(other), pg_url)


def test_a_missing_source_is_named_and_nothing_is_created(tmp_path: Path) -> None:
    with pytest.raises(ArchiveError, match="no such archive file"):
        copy(str(tmp_path / "none.sqlite"), str(tmp_path / "dest.sqlite"))
    assert list(tmp_path.iterdir()) == []


def test_a_server_s_rows_are_read_through_a_cursor_of_its_own(
    tmp_path: Path, pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A plain psycopg2 cursor holds the whole result: copying a million items off a server
    would hold them all. The rows come through a server-side cursor, a batch at a time."""
    from desktop_app.storage import pg_copy
    from desktop_app.storage.db import pg_schema

    first = tmp_path / "first.sqlite"
    fill(first)
    copy(str(first), pg_url)
    monkeypatch.setattr(pg_copy, "_BATCH", 1)
    db = open_database(pg_url)
    try:
        with pg_schema.read_snapshot(db):
            rows = pg_copy._rows(db, "item", ["id", "title"])
            first_row = next(rows)
            open_cursors = db.execute_sql("SELECT name FROM pg_cursors").fetchall()
            assert open_cursors == [("frontline_copy_item",)]
            assert [first_row, *rows] == [
                (1, "Дрони над Харковом"),
                (3, "Port of Odesa keeps working"),
            ]
            assert db.execute_sql("SELECT name FROM pg_cursors").fetchall() == []
    finally:
        db.close()
