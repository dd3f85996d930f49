"""Small facts about the open archive that the window asks from its worker threads."""

from __future__ import annotations

from pathlib import Path

from desktop_app.storage.backup import ARCHIVE_SUFFIXES, is_archive_file
from desktop_app.storage.db.models import database_proxy
from desktop_app.storage.db.pg_schema import is_server

__all__ = [
    "ARCHIVE_SUFFIXES",
    "archive_path",
    "close_connection",
    "data_version",
    "is_archive_file",
]


def data_version() -> int:
    """SQLite's `data_version` on this thread's connection: it moves when another connection
    (another program, or another thread of ours) commits, and never for this connection's own
    commits. On a server: the count of other connections' committed writes, told by NOTIFY
    (schema 8), so other users' changes reach the same refresh a second or two later."""
    if is_server(database_proxy):
        from desktop_app.storage.db.postgres import others_writes

        return others_writes()
    row = database_proxy.execute_sql("PRAGMA data_version").fetchone()
    return int(row[0])


def close_connection() -> None:
    """Close this thread's connection to the archive, if it opened one."""
    if database_proxy.obj is not None and not database_proxy.is_closed():
        database_proxy.close()


def archive_path() -> Path | None:
    """The file of the archive the models are bound to (read from the binding, not the file)."""
    database = database_proxy.obj
    name = getattr(database, "database", None) if database is not None else None
    if not isinstance(name, str) or not name or name == ":memory:" or name.startswith("file:"):
        return None
    return Path(name)
