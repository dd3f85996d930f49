"""Copies of the archive file: one a day kept for a week, one before each schema upgrade, and
one wherever the user asks.

Copies are made with SQLite's online backup, which reads a consistent snapshot even while the
window writes (WAL) — a plain file copy could catch a half-written page. A copy is written
beside its destination and renamed into place, so a crash never leaves a truncated backup
under a good name.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import sqlite3
from pathlib import Path

from desktop_app.core.errors import ArchiveError

DAILY_KEEP = 7


class BackupError(ArchiveError):
    """A copy could not be written (disk full, folder not writable, source unreadable)."""


def backup_folder(database: Path) -> Path:
    """Where the automatic copies of `database` go: a `backups` folder beside it."""
    return database.parent / "backups"


def copy_archive(database: Path, destination: Path) -> Path:
    """Write a consistent copy of `database` to `destination`; returns `destination`."""
    if not database.is_file():
        raise BackupError(f"{database}: no archive file to back up")
    if destination.resolve() == database.resolve():
        raise BackupError(f"{destination}: a backup cannot replace the archive itself")
    partial = destination.with_name(destination.name + ".part")
    try:
        destination.parent.mkdir(parents=True, exist_ok=True)
        partial.unlink(missing_ok=True)
        source = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True)
        try:
            target = sqlite3.connect(partial)
            try:
                source.backup(target)
                # A self-contained file: no -wal beside it for a user to forget when copying.
                target.execute("PRAGMA journal_mode = DELETE")
            finally:
                target.close()
        finally:
            source.close()
        os.replace(partial, destination)
    except (OSError, sqlite3.Error) as exc:
        _discard(partial)
        reason = exc.strerror if isinstance(exc, OSError) else str(exc)
        raise BackupError(f"{destination}: cannot write the backup ({reason})") from exc
    return destination


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


def daily_backup(
    database: Path, today: dt.date, *, keep: int = DAILY_KEEP, folder: Path | None = None
) -> Path | None:
    """Today's copy, unless there is one already; then only the newest `keep` are kept.

    Returns the new copy, or None when today's existed. Copies made by hand elsewhere, and
    the ones taken before schema upgrades, are never deleted.
    """
    folder = folder or backup_folder(database)
    target = folder / _daily_name(database, today)
    if target.exists():
        return None
    copy_archive(database, target)
    for old in daily_backups(database, folder)[:-keep]:
        old.unlink(missing_ok=True)
    return target


def upgrade_backup(database: Path, old_version: int, today: dt.date) -> Path:
    """The copy taken before upgrading a file of schema `old_version`; kept until deleted."""
    name = f"{database.stem}-schema-{old_version}-{today.isoformat()}.sqlite"
    return copy_archive(database, backup_folder(database) / name)
