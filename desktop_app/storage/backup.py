"""Copies of the archive file: one a day kept for a week (a day without writes adds none),
one before each schema upgrade, and one wherever the user asks.

Copies are made with SQLite's online backup, which reads a consistent snapshot even while the
window writes (WAL) — a plain file copy could catch a half-written page. A copy is written
beside its destination and renamed into place, so a crash never leaves a truncated backup
under a good name; a `.part` left by a killed copy is removed at the next start.

Nothing here opens the archive's own files except through SQLite: `is_archive_file` tells
them apart with `os.stat`, which does not open a file.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import re
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

from desktop_app.core import messages as m
from desktop_app.core.errors import ArchiveError

DAILY_KEEP = 7
# How much older than its copy's start the archive's last write must be for that copy to
# hold it for certain (`daily_backup`).
WRITTEN_MARGIN_NS = 2_000_000_000
# Pages copied per step (16 MiB at 4 KiB pages, a quarter to half a second): between steps
# a copy can be cancelled.
COPY_STEP_PAGES = 4096
SQLITE_FULL = 13
# A `.part` untouched this long belongs to a copy that was killed (a running copy writes
# pages continuously), so the next start may delete it.
STALE_PART_SECONDS = 15 * 60
ARCHIVE_SUFFIXES = ("", "-wal", "-shm", "-journal")


class BackupError(ArchiveError):
    """A copy could not be written (disk full, folder not writable, source unreadable)."""


class CopyCancelledError(BackupError):
    """The copy was stopped before it was complete (the window closed); nothing was kept."""


def backup_folder(database: Path) -> Path:
    """Where the automatic copies of `database` go: a `backups` folder beside it."""
    return database.parent / "backups"


def archive_files(database: Path) -> list[Path]:
    """The archive and the journal files SQLite keeps beside it."""
    return [database.with_name(database.name + suffix) for suffix in ARCHIVE_SUFFIXES]


def is_archive_file(path: Path, database: Path) -> bool:
    """Whether `path` is the archive or one of its journals, by name or by inode.

    Uses only `os.stat` and path arithmetic: nothing is opened, so SQLite's locks on the
    archive are never disturbed (closing any descriptor of a file drops a process's locks).
    """
    try:
        names = {p.resolve() for p in archive_files(database)}
        if Path(path).resolve() in names:
            return True
        target = os.stat(path)
    except (OSError, RuntimeError):
        return False
    for candidate in archive_files(database):
        try:
            found = os.stat(candidate)
        except OSError:
            continue
        if (found.st_dev, found.st_ino) == (target.st_dev, target.st_ino):
            return True
    return False


def read_only_uri(path: Path) -> str:
    """An SQLite URI that reads `path` without writing anything beside it when it can.

    In a folder that cannot be written SQLite cannot create the WAL index, so a file with
    no pending WAL is opened as immutable (nobody can be writing it there either).
    """
    uri = f"{path.resolve().as_uri()}?mode=ro"
    wal = path.with_name(path.name + "-wal")
    folder_writable = os.access(path.parent, os.W_OK)
    try:
        pending = wal.stat().st_size > 0
    except OSError:
        pending = False
    if not folder_writable and not pending:
        uri += "&immutable=1"
    return uri


# What SQLite may keep beside a copy it was writing when killed.
_SIDE_FILES = ("-journal", "-wal", "-shm")


def remove_stale_parts(database: Path, *, now: float | None = None) -> list[Path]:
    """Delete the `.part` files that killed copies left beside the archive or its backups,
    with the journal, WAL or shared-memory file SQLite kept beside a copy it was writing."""
    now = time.time() if now is None else now
    removed = []
    for folder in (database.parent, backup_folder(database)):
        try:
            candidates = [
                *folder.glob("*.sqlite.part"),
                *(p for end in _SIDE_FILES for p in folder.glob(f"*.sqlite.part{end}")),
            ]
        except OSError:
            continue
        for part in candidates:
            with contextlib.suppress(OSError):
                if now - part.stat().st_mtime > STALE_PART_SECONDS:
                    part.unlink()
                    removed.append(part)
    return removed


def copy_archive(
    database: Path,
    destination: Path,
    *,
    create_folder: bool = True,
    cancelled: Callable[[], bool] | None = None,
) -> Path:
    """Write a consistent copy of `database` to `destination`; returns `destination`.

    Without `create_folder` the destination's folder must exist: a folder the user typed
    wrong is an error, not a new tree of folders. The pages are copied `COPY_STEP_PAGES` at
    a time within one read transaction, so the copy is the archive as it was when it began
    whatever other connections write meanwhile (a copy in steps without one starts again
    after each of their commits), and `cancelled` is asked between steps: when it says so,
    `CopyCancelledError` is raised and nothing is left behind.
    """
    if not database.is_file():
        raise BackupError(f"{database}: {m.NOTHING_TO_BACK_UP}")
    if is_archive_file(destination, database):
        raise BackupError(f"{destination}: {m.BACKUP_OVER_ARCHIVE}")
    if not create_folder and not destination.parent.is_dir():
        raise BackupError(f"{destination}: " + m.render(m.NO_FOLDER, folder=destination.parent))
    partial = destination.with_name(destination.name + ".part")
    try:
        if create_folder:
            destination.parent.mkdir(parents=True, exist_ok=True)
        partial.unlink(missing_ok=True)
        source = sqlite3.connect(read_only_uri(database), uri=True, isolation_level=None)
        try:
            target = sqlite3.connect(partial)
            try:
                source.execute("BEGIN")  # one snapshot for every step
                source.execute("SELECT count(*) FROM sqlite_master").fetchone()

                def step_done(_status: int, _remaining: int, _total: int) -> None:
                    if cancelled is not None and cancelled():
                        raise CopyCancelledError(f"{destination}: the copy was stopped")

                step_done(0, 0, 0)
                source.backup(target, pages=COPY_STEP_PAGES, progress=step_done, sleep=0)
                # A self-contained file: no -wal beside it for a user to forget when copying.
                target.execute("PRAGMA journal_mode = DELETE")
            finally:
                target.close()
        finally:
            source.close()
        os.replace(partial, destination)
    except (OSError, sqlite3.Error, CopyCancelledError) as exc:
        _discard(partial)
        # SQLite's journal, WAL and shared memory of the half-written copy go with it.
        for end in _SIDE_FILES:
            _discard(partial.with_name(partial.name + end))
        if isinstance(exc, CopyCancelledError):
            raise
        reason = exc.strerror if isinstance(exc, OSError) else str(exc)
        if _disk_full(exc):
            reason = m.DISK_IS_FULL
        raise BackupError(
            f"{destination}: " + m.render(m.BACKUP_NOT_WRITTEN, reason=reason)
        ) from exc
    return destination


def _disk_full(exc: BaseException) -> bool:
    if isinstance(exc, OSError):
        return exc.errno == errno.ENOSPC
    return getattr(exc, "sqlite_errorcode", 0) & 0xFF == SQLITE_FULL


def _discard(path: Path) -> None:
    # When the folder itself is what failed, there is nothing to clean.
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)


def _daily_name(database: Path, day: dt.date) -> str:
    return f"{database.stem}-{day.isoformat()}.sqlite"


def daily_backups(database: Path, folder: Path | None = None) -> list[Path]:
    """The automatic daily copies of `database`, oldest first."""
    folder = folder or backup_folder(database)
    pattern = re.compile(re.escape(database.stem) + r"-(\d{4}-\d{2}-\d{2})\.sqlite")
    if not folder.is_dir():
        return []
    found = [
        (m.group(1), p)
        for p in folder.iterdir()
        if (m := pattern.fullmatch(p.name)) is not None and p.is_file()
    ]
    return [p for _, p in sorted(found)]


def _written_at(database: Path) -> int:
    """When the archive's content last changed on disk (ns): the file, or a write-ahead log
    with something in it (SQLite makes an empty one whenever the archive is opened)."""
    written = database.stat().st_mtime_ns
    with contextlib.suppress(OSError):
        wal = database.with_name(database.name + "-wal").stat()
        if wal.st_size > 0:
            written = max(written, wal.st_mtime_ns)
    return written


def unchanged_since(database: Path, copy: Path) -> bool:
    """Whether nothing was written to the archive since `copy` of it began (a daily copy's
    time is set to when it began: a write during the copy is not in it). File times: an
    archive on a network share whose clock is behind could look older than it is."""
    try:
        return _written_at(database) <= copy.stat().st_mtime_ns
    except OSError:
        return False


def daily_backup(
    database: Path,
    today: dt.date,
    *,
    keep: int = DAILY_KEEP,
    folder: Path | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Path | None:
    """Today's copy, unless there is one already or nothing was written since the newest
    one (it would be the same again: 1.9 GB at a million items); then only the newest
    `keep` are kept (0: no daily copies, and none is deleted).

    Returns the new copy, or None when none was made. Copies made by hand elsewhere, and
    the ones taken before schema upgrades, are never deleted. `cancelled`: `copy_archive`'s.
    """
    folder = folder or backup_folder(database)
    target = folder / _daily_name(database, today)
    made = daily_backups(database, folder)
    if keep <= 0 or target.exists() or (made and unchanged_since(database, made[-1])):
        return None
    # Before the copy's snapshot, less a margin: file times come from a coarser clock (a
    # kernel tick; 2 s on FAT), and a write just before the copy must count as newer.
    began = time.time_ns() - WRITTEN_MARGIN_NS
    copy_archive(database, target, create_folder=True, cancelled=cancelled)
    os.utime(target, ns=(began, began))
    for old in daily_backups(database, folder)[:-keep]:
        old.unlink(missing_ok=True)
    return target


def upgrade_backup(database: Path, old_version: int, today: dt.date) -> Path:
    """The copy taken before upgrading a file of schema `old_version`; kept until deleted."""
    name = f"{database.stem}-schema-{old_version}-{today.isoformat()}.sqlite"
    return copy_archive(database, backup_folder(database) / name, create_folder=True)
