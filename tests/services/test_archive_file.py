"""Backups, restore, check and maintain through the services layer, on real archive files."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop_app.core.errors import ArchiveError
from desktop_app.core.item import ARTICLE, ItemData
from desktop_app.services.archive_file import (
    RestoreError,
    back_up,
    check,
    list_backups,
    maintain,
    restore,
)
from desktop_app.storage.db import connection
from desktop_app.storage.db.connection import ReadOnlyArchiveError, open_archive
from desktop_app.storage.db.migrations import SCHEMA_VERSION
from desktop_app.storage.items import all_items, save_item
from desktop_app.storage.search import search_item_ids

WHEN = dt.datetime(2026, 11, 1, tzinfo=dt.UTC)


def titles() -> list[str]:
    return sorted(i.title for i in all_items())


@pytest.fixture
def database(tmp_path: Path) -> Path:
    archive = open_archive(tmp_path / "archive.sqlite")
    save_item(ItemData(ARTICLE, "Kherson ferry resumes", WHEN))
    return archive.path


def test_backups_are_listed_newest_first_with_what_they_hold(database: Path) -> None:
    first = back_up(database)
    save_item(ItemData(ARTICLE, "Second", WHEN))
    second = back_up(database, database.parent / "backups" / "by-hand.sqlite")
    (database.parent / "backups" / "broken.sqlite").write_text("not a database")
    found = list_backups(database)
    by_name = {b.path.name: b for b in found}
    assert by_name[first.name].items == 1 and by_name[second.name].items == 2
    assert by_name[first.name].schema == SCHEMA_VERSION and by_name[first.name].size > 0
    assert not by_name["broken.sqlite"].usable
    assert [b.modified for b in found] == sorted((b.modified for b in found), reverse=True)


def test_restore_puts_the_backup_back_and_keeps_a_safety_copy(database: Path) -> None:
    copy = back_up(database)
    save_item(ItemData(ARTICLE, "Written after the backup", WHEN))
    done = restore(database, copy)
    # The same connection sees the restored content: the file and its locks were kept.
    assert titles() == ["Kherson ferry resumes"]
    assert search_item_ids("ferry") and not search_item_ids("after")
    assert done.backup.items == 1 and done.changes.any
    con = sqlite3.connect(done.safety_copy)
    kept = sorted(r[0] for r in con.execute("SELECT title FROM item"))
    con.close()
    assert kept == ["Kherson ferry resumes", "Written after the backup"]
    assert sqlite3.connect(database).execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_restore_refuses_what_is_not_a_good_backup_and_changes_nothing(
    database: Path, tmp_path: Path
) -> None:
    notes = tmp_path / "notes.sqlite"
    con = sqlite3.connect(notes)
    con.execute("CREATE TABLE note (text TEXT)")
    con.commit()
    con.close()
    garbage = tmp_path / "garbage.sqlite"
    garbage.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    for bad, reason in (
        (notes, "not a Frontline Archive file"),
        (garbage, "cannot restore"),
        (database, "the archive itself"),
        (tmp_path / "missing.sqlite", "no such file"),
    ):
        with pytest.raises(RestoreError, match=reason):
            restore(database, bad)
    assert titles() == ["Kherson ferry resumes"]
    assert not (tmp_path / "backups").exists()  # no safety copy was needed


def test_restore_of_an_older_backup_upgrades_it(database: Path, tmp_path: Path) -> None:
    from peewee import SqliteDatabase

    from desktop_app.storage.db.migrations import migrate

    old = tmp_path / "old.sqlite"
    db = SqliteDatabase(str(old))
    migrate(db, target=2)
    db.execute_sql(
        "INSERT INTO item (kind, title, published_at, created_at, updated_at) "
        "VALUES ('article', 'From schema two', '2024-01-01T00:00:00Z', "
        "'2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z')"
    )
    db.close()
    restore(database, old)
    assert titles() == ["From schema two"]
    version = sqlite3.connect(database).execute("PRAGMA user_version").fetchone()[0]
    assert version == SCHEMA_VERSION


def test_maintain_on_a_read_only_archive_blames_read_only_not_the_index(
    database: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    connection.close_thread_connection()
    monkeypatch.setattr(connection, "_writable", lambda _file: False)
    open_archive(database)
    assert check().ok
    with pytest.raises(ReadOnlyArchiveError, match="the archive is read-only"):
        maintain(database, rebuild_index=True)
    with pytest.raises(ReadOnlyArchiveError):
        restore(database, database.parent / "whatever.sqlite")
    assert not (database.parent / "backups").exists()


def test_back_up_refuses_a_folder_that_does_not_exist(database: Path, tmp_path: Path) -> None:
    with pytest.raises(ArchiveError, match="there is no folder"):
        back_up(database, tmp_path / "nonexistent" / "dir")
    assert not (tmp_path / "nonexistent").exists()


def test_a_server_archive_s_daily_offline_copy_can_be_stopped_and_leaves_nothing(
    pg_server, tmp_path: Path
) -> None:
    """A server archive's daily copy is its offline copy, read row by row from the server:
    stopped as the rows come (the window closing), no copy and no part of one is left."""
    from desktop_app.services.archive_file import CopyCancelledError, daily_backup

    archive = open_archive(pg_server.emptied_archive())
    try:
        save_item(ItemData(ARTICLE, "Kherson ferry resumes", WHEN))
        offline = tmp_path / "offline.sqlite"
        asked: list[int] = []

        def stop_at_once() -> bool:
            asked.append(1)
            return True

        with pytest.raises(CopyCancelledError):
            daily_backup(offline, dt.date(2026, 11, 30), cancelled=stop_at_once)
        assert asked and not list(tmp_path.iterdir())
        # Not stopped, it is made.
        assert daily_backup(offline, dt.date(2026, 11, 30), cancelled=lambda: False) == offline
        con = sqlite3.connect(offline)
        assert con.execute("SELECT title FROM item").fetchall() == [("Kherson ferry resumes",)]
        con.close()
    finally:
        archive.db.close()


def test_the_check_names_every_time_stored_in_a_form_the_program_never_writes(
    database: Path,
) -> None:
    assert check().ok
    con = sqlite3.connect(database)
    con.execute(
        "UPDATE item SET updated_at = '', published_at = '2026-11-01 09:00', "
        "created_at = '2026-02-30T09:00:00Z'"
    )
    con.commit()
    con.close()
    problems = check().problems
    assert problems == [
        "item row 1: published_at '2026-11-01 09:00' is not a time as the archive stores them "
        "(2023-11-25T09:03:00Z)",
        "item row 1: created_at '2026-02-30T09:00:00Z' is not a time as the archive stores "
        "them (2023-11-25T09:03:00Z)",
        "item row 1: updated_at '' is not a time as the archive stores them (2023-11-25T09:03:00Z)",
    ]


def test_the_check_says_each_part_before_it_and_can_be_stopped_between_them(
    database: Path,
) -> None:
    from desktop_app.services.archive_file import CHECK_STAGES, check

    said: list[tuple[int, int, str]] = []
    assert check(step=lambda done, total, stage: said.append((done, total, stage))).ok
    assert said == [(n, len(CHECK_STAGES), stage) for n, stage in enumerate(CHECK_STAGES)]

    class StopError(Exception):
        pass

    def stop_at_the_index(done: int, _total: int, _stage: str) -> None:
        if done == 2:
            raise StopError

    with pytest.raises(StopError):
        check(step=stop_at_the_index)


def _stop_in(stage: str, after: int) -> tuple[Callable[..., None], Callable[[], bool]]:
    """A restore's `step` and `cancelled` that say stop once `stage` has begun and
    `cancelled` has been asked `after` more times in it."""
    now: list[str] = []
    asked = [0]

    def step(_done: int, _total: int, name: str) -> None:
        now.append(name)

    def cancelled() -> bool:
        if now and now[-1] == stage:
            asked[0] += 1
        return asked[0] > after

    return step, cancelled


@pytest.mark.parametrize("stage", ["check", "safety copy", "restore"])
def test_a_restore_stopped_in_any_part_leaves_the_archive_and_its_folder_as_they_were(
    database: Path, monkeypatch: pytest.MonkeyPatch, stage: str
) -> None:
    from desktop_app.services import archive_file
    from desktop_app.services.archive_file import CopyCancelledError
    from desktop_app.storage import backup

    for n in range(200):  # a few hundred pages: copied in several steps
        save_item(ItemData(ARTICLE, f"Later article {n}", WHEN, body="Text. " * 200))
    copy = back_up(database, database.parent / "copy.sqlite")
    for n in range(100):
        save_item(ItemData(ARTICLE, f"After the backup {n}", WHEN, body="More. " * 200))
    monkeypatch.setattr(archive_file, "COPY_STEP_PAGES", 4)  # the restore's own steps
    monkeypatch.setattr(backup, "COPY_STEP_PAGES", 4)  # the safety copy's

    def files() -> list[str]:
        return sorted(p.name for p in database.parent.rglob("*") if p.is_file())

    before, there = titles(), files()
    # Stopped at the first question in the check (it takes milliseconds here), at the
    # third in either copy (in the middle of it: a few pages a step).
    step, cancelled = _stop_in(stage, after=0 if stage == "check" else 2)
    with pytest.raises(CopyCancelledError):
        restore(database, copy, step=step, cancelled=cancelled)
    assert titles() == before
    assert files() == there  # no safety copy left, nor any part of one
    con = sqlite3.connect(database)
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    con.close()
    # Not stopped, the same restore goes through.
    restore(database, copy)
    assert len(titles()) == 201


def test_a_statement_is_interrupted_as_soon_as_the_check_is_cancelled() -> None:
    """SQLite's check of a b-tree is one step of its machine, which no progress handler sees:
    the backup's check is stopped through `interrupt()`, from a thread watching `cancelled`."""
    from desktop_app.services.archive_file import _interrupted_when

    con = sqlite3.connect(":memory:", check_same_thread=False)
    asked: list[int] = []

    def third_time() -> bool:
        asked.append(1)
        return len(asked) >= 3

    endless = (
        "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 200000000) "
        "SELECT count(*) FROM n"
    )
    with (
        pytest.raises(sqlite3.OperationalError, match="interrupted"),
        _interrupted_when(con, third_time),
    ):
        con.execute(endless).fetchone()
    assert len(asked) >= 3
    # Once out, the watch is over: the connection runs statements to their end again.
    assert con.execute("SELECT 1").fetchone() == (1,)
    con.close()


def test_a_restore_that_fails_after_the_copy_keeps_the_safety_copy(
    database: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The backup's content is in, then its upgrade fails: the safety copy is then the only
    copy of the archive as it was, and stays."""
    from desktop_app.services import archive_file

    copy = back_up(database, database.parent / "copy.sqlite")

    def failing_upgrade(_db: object) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(archive_file, "migrate", failing_upgrade)
    with pytest.raises(ArchiveError):
        restore(database, copy, cancelled=lambda: False)
    assert len(list((database.parent / "backups").glob("archive-before-restore-*.sqlite"))) == 1
