"""Backups of the archive: consistent copies made while it is open, a week of daily ones."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

import pytest

from desktop_app.core.item import ARTICLE, ItemData
from desktop_app.storage import backup
from desktop_app.storage.backup import (
    BackupError,
    CopyCancelledError,
    copy_archive,
    daily_backup,
    daily_backups,
)
from desktop_app.storage.db.connection import open_archive
from desktop_app.storage.items import save_item
from desktop_app.storage.search import search_item_ids

DAY = dt.date(2026, 11, 26)


def titles(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return sorted(r[0] for r in con.execute("SELECT title FROM item"))
    finally:
        con.close()


@pytest.fixture
def archive_file(tmp_path: Path) -> Path:
    archive = open_archive(tmp_path / "archive.sqlite")
    save_item(
        ItemData(
            ARTICLE,
            "Kherson ferry resumes",
            dt.datetime(2026, 11, 1, tzinfo=dt.UTC),
            body="Crossings restarted at dawn.",
        )
    )
    return archive.path


def test_a_copy_holds_what_was_committed_while_the_archive_stays_open(
    archive_file: Path, tmp_path: Path
) -> None:
    # Still open, in WAL mode: the newest rows may be only in the -wal file.
    save_item(ItemData(ARTICLE, "Second article", dt.datetime(2026, 11, 2, tzinfo=dt.UTC)))
    copy = copy_archive(archive_file, tmp_path / "elsewhere" / "copy.sqlite")
    assert titles(copy) == ["Kherson ferry resumes", "Second article"]
    # The copy is one self-contained file that opens as an archive, search included.
    assert not copy.with_name("copy.sqlite-wal").exists()
    open_archive(copy)
    assert len(search_item_ids("ferry")) == 1
    assert not list(copy.parent.glob("*.part"))


def _many_items(path: Path, n: int) -> None:
    """`n` items with bodies long enough to fill some hundred pages, written by a second
    connection as another program would."""
    con = sqlite3.connect(path)
    con.executemany(
        "INSERT INTO item (kind, title, body, published_at, created_at, updated_at) "
        "VALUES ('brief', ?, ?, '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z', "
        "'2026-11-01T00:00:00Z')",
        [(f"Item {i}", "Shelling reported overnight. " * 40) for i in range(n)],
    )
    con.commit()
    con.close()


def test_a_copy_in_steps_is_the_archive_as_it_was_when_it_began(
    archive_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another program writes between the copy's steps: the copy is still the archive at the
    moment the copy began, whole and sound."""
    _many_items(archive_file, 300)
    monkeypatch.setattr(backup, "COPY_STEP_PAGES", 8)
    before = titles(archive_file)
    steps = []
    writer = sqlite3.connect(archive_file)

    def between_steps() -> bool:
        steps.append(len(steps))
        if len(steps) <= 3:
            writer.execute(
                "INSERT INTO item (kind, title, published_at, created_at, updated_at) VALUES "
                "('brief', ?, '2026-11-03T00:00:00Z', '2026-11-03T00:00:00Z', "
                "'2026-11-03T00:00:00Z')",
                (f"Written during the copy {len(steps)}",),
            )
            writer.commit()
        return False

    copy = copy_archive(archive_file, tmp_path / "copy.sqlite", cancelled=between_steps)
    writer.close()
    assert len(steps) > 10  # in steps, asked between each
    assert titles(copy) == before
    assert len(titles(archive_file)) == len(before) + 3
    con = sqlite3.connect(copy)
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    con.close()


def test_a_cancelled_copy_stops_between_steps_and_leaves_nothing(
    archive_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _many_items(archive_file, 300)
    monkeypatch.setattr(backup, "COPY_STEP_PAGES", 8)
    asked: list[int] = []

    def after_two_steps() -> bool:
        asked.append(1)
        return len(asked) > 2

    with pytest.raises(CopyCancelledError):
        daily_backup(archive_file, DAY, cancelled=after_two_steps)
    assert len(asked) == 3  # stopped at once, not at the end
    folder = archive_file.parent / "backups"
    assert daily_backups(archive_file) == []
    assert not [p.name for p in folder.iterdir()]  # no .part, no journal beside it
    # The next try makes the copy.
    made = daily_backup(archive_file, DAY)
    assert made is not None and titles(made) == titles(archive_file)


def _written(path: Path, title: str) -> None:
    con = sqlite3.connect(path)
    con.execute(
        "INSERT INTO item (kind, title, published_at, created_at, updated_at) VALUES "
        "('brief', ?, '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z')",
        (title,),
    )
    con.commit()
    con.close()


def _made_on(path: Path, day: dt.date) -> Path | None:
    _written(path, f"Written on {day}")
    return daily_backup(path, day)


def test_daily_backup_once_a_day_and_a_week_kept(archive_file: Path) -> None:
    made = [_made_on(archive_file, DAY - dt.timedelta(days=n)) for n in range(9, -1, -1)]
    assert all(p is not None for p in made)
    assert daily_backup(archive_file, DAY) is None  # today's exists: nothing new
    kept = daily_backups(archive_file)
    assert [p.name for p in kept] == [
        f"archive-{(DAY - dt.timedelta(days=n)).isoformat()}.sqlite" for n in range(6, -1, -1)
    ]
    assert titles(kept[-1])[0] == "Kherson ferry resumes" and len(titles(kept[-1])) == 11


def _aged(path: Path, seconds: float) -> None:
    """The archive's files as if last written `seconds` ago."""
    for file in backup.archive_files(path):
        if file.exists():
            when = file.stat().st_mtime - seconds
            os.utime(file, (when, when))


def test_a_day_without_writes_adds_no_daily_copy(archive_file: Path) -> None:
    # At a million items each copy is 1.9 GB: a day that wrote nothing would copy the same.
    first = daily_backup(archive_file, DAY - dt.timedelta(days=2))
    assert first is not None
    _aged(archive_file, 60)  # written a minute before that copy began
    assert daily_backup(archive_file, DAY - dt.timedelta(days=1)) is None
    assert daily_backups(archive_file) == [first]
    _written(archive_file, "A write the next day")  # the -wal file has it
    later = daily_backup(archive_file, DAY)
    assert later is not None and "A write the next day" in titles(later)


def test_a_write_during_a_copy_counts_as_newer_than_it(
    archive_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The copy holds the archive as it was when it began: a write while it runs is not in
    # it, so the next day's copy must be made although the write is older than its end.
    _many_items(archive_file, 300)
    monkeypatch.setattr(backup, "COPY_STEP_PAGES", 8)
    _aged(archive_file, 60)
    written: list[str] = []

    def write_once() -> bool:
        if not written:
            _written(archive_file, "Written while the copy ran")
            written.append("yes")
        return False

    first = daily_backup(archive_file, DAY - dt.timedelta(days=1), cancelled=write_once)
    assert first is not None and written
    assert "Written while the copy ran" not in titles(first)
    later = daily_backup(archive_file, DAY)
    assert later is not None and "Written while the copy ran" in titles(later)


def test_daily_copies_turned_off_make_none_and_delete_none(archive_file: Path) -> None:
    kept = _made_on(archive_file, DAY - dt.timedelta(days=1))
    assert _made_on(archive_file, DAY) is not None
    _written(archive_file, "another")
    assert daily_backup(archive_file, DAY + dt.timedelta(days=1), keep=0) is None
    assert kept in daily_backups(archive_file) and len(daily_backups(archive_file)) == 2


def test_pruning_leaves_other_files_in_the_backup_folder_alone(archive_file: Path) -> None:
    folder = archive_file.parent / "backups"
    folder.mkdir()
    mine = [
        folder / "archive-schema-2-2025-01-01.sqlite",
        folder / "notes.txt",
        folder / "other-2020-01-01.sqlite",
    ]
    for path in mine:
        path.write_text("keep me")
    for n in range(10):
        _written(archive_file, f"day {n}")
        daily_backup(archive_file, DAY - dt.timedelta(days=n), keep=2)
    assert len(daily_backups(archive_file)) == 2
    assert all(p.read_text() == "keep me" for p in mine)


def test_an_unwritable_destination_is_a_clear_error_and_leaves_nothing(
    archive_file: Path, tmp_path: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(BackupError, match="cannot write the backup"):
        copy_archive(archive_file, blocker / "copy.sqlite")
    with pytest.raises(BackupError, match="cannot replace the archive itself"):
        copy_archive(archive_file, archive_file)
    with pytest.raises(BackupError, match="no archive file"):
        copy_archive(tmp_path / "missing.sqlite", tmp_path / "copy.sqlite")
    assert titles(archive_file) == ["Kherson ferry resumes"]


def test_a_copy_into_a_folder_that_does_not_exist_is_refused_when_asked(
    archive_file: Path, tmp_path: Path
) -> None:
    missing = tmp_path / "nonexistent" / "dir"
    with pytest.raises(BackupError, match="there is no folder"):
        copy_archive(archive_file, missing / "copy.sqlite", create_folder=False)
    assert not (tmp_path / "nonexistent").exists()


def test_a_backup_never_lands_on_the_archive_or_its_journal(
    archive_file: Path, tmp_path: Path
) -> None:
    link = tmp_path / "same-file.sqlite"
    os.link(archive_file, link)
    for target in (link, archive_file.with_name("archive.sqlite-wal")):
        with pytest.raises(BackupError, match="cannot replace the archive itself"):
            copy_archive(archive_file, target)
    assert titles(archive_file) == ["Kherson ferry resumes"]
