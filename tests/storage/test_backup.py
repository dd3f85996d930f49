"""Backups of the archive: consistent copies made while it is open, a week of daily ones."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

import pytest

from desktop_app.core.item import ARTICLE, ItemData
from desktop_app.storage.backup import (
    BackupError,
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


def test_daily_backup_once_a_day_and_a_week_kept(archive_file: Path) -> None:
    made = [daily_backup(archive_file, DAY - dt.timedelta(days=n)) for n in range(9, -1, -1)]
    assert all(p is not None for p in made)
    assert daily_backup(archive_file, DAY) is None  # today's exists: nothing new
    kept = daily_backups(archive_file)
    assert [p.name for p in kept] == [
        f"archive-{(DAY - dt.timedelta(days=n)).isoformat()}.sqlite" for n in range(6, -1, -1)
    ]
    assert titles(kept[-1]) == ["Kherson ferry resumes"]


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
