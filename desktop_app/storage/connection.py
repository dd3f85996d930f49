"""Opening the archive: where the file lives, SQLite pragmas, migrations, binding the models."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import platformdirs
from peewee import DatabaseError as PeeweeDatabaseError
from peewee import SqliteDatabase

from desktop_app import APP_NAME
from desktop_app.core.errors import ArchiveError
from desktop_app.storage.migrations import migrate
from desktop_app.storage.models import database_proxy

ENV_VAR = "FRONTLINE_ARCHIVE_DB"
DEFAULT_FILE_NAME = "archive.sqlite"

PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    # Milliseconds: a reader in another thread or process may hold the file briefly.
    "busy_timeout": 5000,
    "synchronous": "normal",
    "cache_size": -32 * 1024,
}


class DatabaseOpenError(ArchiveError):
    """The archive file cannot be opened (missing folder rights, not a database, ...)."""


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_database_path() -> Path:
    """The chosen archive: FRONTLINE_ARCHIVE_DB if set, else the user data folder."""
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    return data_dir() / DEFAULT_FILE_NAME


def open_database(path: Path | str | None = None) -> SqliteDatabase:
    """Open (creating if needed) and upgrade the archive, and bind the models to it."""
    file = Path(path).expanduser() if path is not None else default_database_path()
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseOpenError(f"cannot create folder {file.parent}: {exc.strerror}") from exc
    if not sqlite3.sqlite_version_info >= (3, 35):
        raise DatabaseOpenError(f"SQLite {sqlite3.sqlite_version} is too old; 3.35+ is needed")
    db = SqliteDatabase(str(file), pragmas=PRAGMAS)
    try:
        db.connect(reuse_if_open=True)
        migrate(db)
    except (sqlite3.DatabaseError, PeeweeDatabaseError) as exc:
        db.close()
        raise DatabaseOpenError(f"{file}: not a Frontline Archive database ({exc})") from exc
    except ArchiveError:
        db.close()
        raise
    database_proxy.initialize(db)
    return db
