from __future__ import annotations

import datetime as dt
import os
import sqlite3
import time
from pathlib import Path

import pytest
from peewee import SqliteDatabase

from desktop_app.core.item import ARTICLE, ItemData
from desktop_app.storage.backup import is_archive_file
from desktop_app.storage.db import connection
from desktop_app.storage.db.connection import (
    ArchiveBusyError,
    DatabaseOpenError,
    DiskFullError,
    ReadOnlyArchiveError,
    default_database_path,
    open_archive,
    require_writable,
)
from desktop_app.storage.db.migrations import SCHEMA_VERSION, SchemaTooNewError, migrate
from desktop_app.storage.items import all_items, count_items, save_item
from desktop_app.storage.maintenance import check_archive
from desktop_app.storage.search import search_item_ids


def test_new_archive_uses_wal_foreign_keys_and_current_schema(tmp_path: Path) -> None:
    archive = open_archive(tmp_path / "a.sqlite")
    db = archive.db
    assert archive.created
    assert db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute_sql("PRAGMA busy_timeout").fetchone()[0] == 5000
    assert db.execute_sql("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    db.close()
    again = open_archive(tmp_path / "a.sqlite")
    assert not again.created
    again.db.close()


def test_environment_variable_chooses_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FRONTLINE_ARCHIVE_DB", str(tmp_path / "env.sqlite"))
    assert default_database_path() == tmp_path / "env.sqlite"
    monkeypatch.delenv("FRONTLINE_ARCHIVE_DB")
    assert default_database_path().name == "archive.sqlite"
    assert "frontline-archive" in str(default_database_path())


def test_a_file_that_is_not_a_database_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_bytes(b"these are my notes, not a database" * 100)
    before = path.read_bytes()
    with pytest.raises(DatabaseOpenError, match="not a Frontline Archive database"):
        open_archive(path)
    assert path.read_bytes() == before


def test_an_archive_from_a_newer_release_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite"
    con = sqlite3.connect(path)
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    con.close()
    with pytest.raises(SchemaTooNewError, match="Update Frontline Archive"):
        open_archive(path)


# --- refusing what is not an archive, before anything is written ---------------------------


def test_another_programs_sqlite_file_is_refused_byte_for_byte_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.sqlite"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE bookmark (url TEXT, title TEXT)")
    con.execute("INSERT INTO bookmark VALUES ('https://example.org', 'Example')")
    con.execute("PRAGMA user_version = 3")
    con.commit()
    con.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseOpenError, match=r"another program.*bookmark.*left unchanged"):
        open_archive(path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bookmarks.sqlite"]


def test_an_empty_sqlite_file_becomes_an_archive(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite"
    sqlite3.connect(path).close()  # zero bytes, as SQLite leaves a new file
    archive = open_archive(path)
    assert archive.created and not archive.read_only
    archive.db.close()


def test_a_database_server_address_is_refused_and_no_file_is_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(DatabaseOpenError, match=r"other than PostgreSQL.*are not supported"):
        open_archive("mysql://user@host/db")
    # A PostgreSQL address is a server archive: one that cannot be reached is said so.
    with pytest.raises(DatabaseOpenError, match="cannot be reached"):
        open_archive(f"postgresql://user@/db?host={tmp_path}&connect_timeout=2")
    assert list(tmp_path.iterdir()) == []


# --- writers: IMMEDIATE transactions and readable errors ------------------------------------


def test_a_write_waits_for_the_lock_first_and_says_another_program_is_writing(
    tmp_path: Path,
) -> None:
    archive = open_archive(tmp_path / "a.sqlite")
    archive.db.execute_sql("PRAGMA busy_timeout = 50")
    other = sqlite3.connect(archive.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        # The lock is asked for when the transaction begins, before anything is read.
        with (
            pytest.raises(ArchiveBusyError, match=r"another program is writing.*try again"),
            archive.db.atomic(),
        ):
            pytest.fail("the transaction began without the write lock")
    finally:
        other.execute("ROLLBACK")
        other.close()
    save_item(ItemData(ARTICLE, "After the lock", dt.datetime(2026, 1, 1, tzinfo=dt.UTC)))
    assert count_items() == 1
    archive.db.close()


def test_a_full_disk_says_so_and_changes_nothing(tmp_path: Path) -> None:
    archive = open_archive(tmp_path / "a.sqlite")
    save_item(ItemData(ARTICLE, "Kept", dt.datetime(2026, 1, 1, tzinfo=dt.UTC)))
    pages = archive.db.execute_sql("PRAGMA page_count").fetchone()[0]
    # SQLite reports SQLITE_FULL when the file may not grow: the same path as a full disk.
    archive.db.execute_sql(f"PRAGMA max_page_count = {pages}")
    body = "long text " * 20_000
    with (
        pytest.raises(DiskFullError, match=r"^the disk is full; nothing was changed$"),
        archive.db.atomic(),
    ):
        for n in range(5):
            save_item(
                ItemData(ARTICLE, f"Big {n}", dt.datetime(2026, 1, 2, tzinfo=dt.UTC), body=body)
            )
    assert [i.title for i in all_items()] == ["Kept"]
    archive.db.close()


# --- read-only archives ---------------------------------------------------------------------


def test_an_archive_that_cannot_be_written_opens_read_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.sqlite"
    archive = open_archive(path)
    save_item(ItemData(ARTICLE, "Kherson ferry", dt.datetime(2026, 1, 1, tzinfo=dt.UTC)))
    archive.db.close()
    before = path.read_bytes()
    # As on a read-only medium (os.access says no; as root chmod would not).
    monkeypatch.setattr(connection, "_writable", lambda _file: False)
    ro = open_archive(path)
    assert ro.read_only and ro.db.read_only
    assert [i.title for i in all_items()] == ["Kherson ferry"]
    assert search_item_ids("ferry")
    with pytest.raises(ReadOnlyArchiveError, match="the archive is read-only"):
        save_item(ItemData(ARTICLE, "Refused", dt.datetime(2026, 1, 2, tzinfo=dt.UTC)))
    with pytest.raises(ReadOnlyArchiveError):
        require_writable()
    assert check_archive(read_only=True).ok  # not blamed on the search index
    ro.db.close()
    assert path.read_bytes() == before


def test_a_read_only_archive_of_an_older_schema_is_refused_not_upgraded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.sqlite"
    old = SqliteDatabase(str(path))
    migrate(old, target=1)
    old.close()
    monkeypatch.setattr(connection, "_writable", lambda _file: False)
    with pytest.raises(DatabaseOpenError, match=r"needs an upgrade.*read-only"):
        open_archive(path)


# --- the archive's own files, and what killed copies left --------------------------------


def test_stale_part_files_are_removed_at_the_next_start(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite"
    open_archive(path).db.close()
    folder = tmp_path / "backups"
    folder.mkdir()
    killed = folder / "a-2026-11-01.sqlite.part"
    # A copy killed while writing pages leaves SQLite's rollback journal beside it.
    journal = folder / "a-2026-11-01.sqlite.part-journal"
    # One killed while switching the copy out of WAL mode leaves its -wal and -shm.
    shm = folder / "a-2026-10-31.sqlite.part-shm"
    running = folder / "a-2026-11-02.sqlite.part"
    mine = folder / "notes.part"
    for part in (killed, journal, shm, running, mine):
        part.write_bytes(b"x" * 1000)
    hour_ago = time.time() - 3600
    for old in (killed, journal, shm, mine):
        os.utime(old, (hour_ago, hour_ago))
    open_archive(path).db.close()
    assert not killed.exists() and not journal.exists() and not shm.exists()
    assert running.exists() and mine.exists()  # a copy under way; not a copy of ours


def test_is_archive_file_knows_the_archive_by_name_and_by_inode(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite"
    open_archive(path).db.close()
    link = tmp_path / "elsewhere.sqlite"
    os.link(path, link)
    other = tmp_path / "b.sqlite"
    other.write_bytes(b"")
    assert is_archive_file(path, path)
    assert is_archive_file(link, path)
    assert is_archive_file(tmp_path / "a.sqlite-wal", path)  # even before it exists
    assert is_archive_file(tmp_path / "sub" / ".." / "a.sqlite", path)
    assert not is_archive_file(other, path)


def test_every_schema_version_names_the_tables_it_brings() -> None:
    # An archive is recognised by the tables its version must hold; a migration that adds a
    # version without saying which tables it brings would make every archive unreadable.
    from desktop_app.storage.db.connection import REQUIRED_TABLES
    from desktop_app.storage.db.migrations import SCHEMA_VERSION

    assert set(REQUIRED_TABLES) == set(range(1, SCHEMA_VERSION + 1))


def test_the_lost_digits_check_names_the_text_formats_by_their_registered_names() -> None:
    # report_checks names them as strings so that the import formats load lazily.
    from desktop_app.core.formats.detect import FEED, HTML_PAGE, PAGE_TEXT, REPORT_TEXT
    from desktop_app.storage.report_checks import _TEXT_FORMATS

    assert frozenset({REPORT_TEXT, FEED, PAGE_TEXT, HTML_PAGE}) == _TEXT_FORMATS


def test_an_archive_being_created_meanwhile_is_not_taken_for_another_programs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Two commands started together on a new archive: one creates it while the other looks
    # at the file. Its version and its tables are read in one snapshot, so a step committed
    # between the two reads (the first step's tables with version 1) is not seen half.
    path = tmp_path / "new.sqlite"
    creator = sqlite3.connect(path, isolation_level=None)
    creator.execute("PRAGMA journal_mode = WAL")
    real_connect = sqlite3.connect

    def connect(*args: object, **kwargs: object) -> sqlite3.Connection:
        con = real_connect(*args, **kwargs)  # type: ignore[arg-type]

        def between(statement: str) -> None:
            if statement.startswith("SELECT name FROM sqlite_master"):
                creator.execute("BEGIN")
                creator.execute("CREATE TABLE item (id INTEGER PRIMARY KEY)")
                creator.execute("PRAGMA user_version = 1")
                creator.execute("COMMIT")

        con.set_trace_callback(between)
        return con

    monkeypatch.setattr(connection.sqlite3, "connect", connect)
    assert connection.inspect_archive_file(path) == 0  # as it was when the look began
    creator.close()
