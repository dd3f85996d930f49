"""Opening the archive: where the file lives, SQLite pragmas, migrations, binding the models."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from peewee import DatabaseError as PeeweeDatabaseError
from peewee import SqliteDatabase

from desktop_app import APP_NAME
from desktop_app.core.errors import ArchiveError
from desktop_app.storage.backup import upgrade_backup
from desktop_app.storage.migrations import SCHEMA_VERSION, migrate, schema_version
from desktop_app.storage.models import database_proxy

ENV_VAR = "FRONTLINE_ARCHIVE_DB"
DEFAULT_FILE_NAME = "archive.sqlite"

PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    # Milliseconds: a reader in another thread or process may hold the file briefly.
    "busy_timeout": 5000,
    "synchronous": "normal",
    # KiB. Measured on the 100,000-item archive: 32 MiB made searches 25-40 % slower than
    # SQLite's default 2 MiB (sorts and GROUP BY size their buffers from it); 8 MiB is as
    # fast as the default, and bounded per connection whatever the archive's size.
    "cache_size": -8 * 1024,
}


class DatabaseOpenError(ArchiveError):
    """The archive file cannot be opened (missing folder rights, not a database, ...)."""


def data_dir() -> Path:
    import platformdirs  # only when no path is given (not for the window's first paint)

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_database_path() -> Path:
    """The chosen archive: FRONTLINE_ARCHIVE_DB if set, else the user data folder."""
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    return data_dir() / DEFAULT_FILE_NAME


@dataclass(frozen=True)
class Archive:
    """An open archive: the bound database, its file, and whether this open created it."""

    db: SqliteDatabase
    path: Path
    created: bool


def open_archive(path: Path | str | None = None) -> Archive:
    """Open (creating if needed) and upgrade the archive, and bind the models to it."""
    file = Path(path).expanduser() if path is not None else default_database_path()
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseOpenError(f"cannot create folder {file.parent}: {exc.strerror}") from exc
    if file.exists() and file.is_dir():
        raise DatabaseOpenError(f"{file} is a folder, not an archive file")
    db = SqliteDatabase(str(file), pragmas=PRAGMAS)
    try:
        db.connect(reuse_if_open=True)
        found = schema_version(db)
        if 0 < found < SCHEMA_VERSION:
            # An upgrade cannot be undone by an older release: keep the file as it was.
            upgrade_backup(file, found, dt.date.today())
        old_version = migrate(db)
    except (sqlite3.DatabaseError, PeeweeDatabaseError) as exc:
        db.close()
        raise DatabaseOpenError(f"{file}: not a Frontline Archive database ({exc})") from exc
    except ArchiveError:
        db.close()
        raise
    database_proxy.initialize(db)
    return Archive(db, file, created=old_version == 0)


def open_database(path: Path | str | None = None) -> SqliteDatabase:
    """Like `open_archive`, for callers that need only the database."""
    return open_archive(path).db


def close_thread_connection() -> None:
    """Close this thread's connection to the archive, if it opened one.

    peewee keeps one connection per thread; a worker thread that ends without closing it
    leaves the file open (and its page cache allocated) until the process exits.
    """
    if database_proxy.obj is not None and not database_proxy.is_closed():
        database_proxy.close()
