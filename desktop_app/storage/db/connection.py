"""Opening the archive: where the file lives, SQLite pragmas, migrations, binding the models.

Before anything is written the file is looked at through a read-only connection: an SQLite
file of another program, or one from a newer release, is refused and left byte for byte as
it was. A file or folder that cannot be written is opened read-only (browse, search,
export); a write there fails with a one-line reason instead of a crash.

Every top-level write transaction begins IMMEDIATE: it takes the write lock first, so a
second writer waits its turn (the busy timeout) instead of failing at once when its read
snapshot is outdated. SQLite's busy, disk-full and read-only errors become `ArchiveError`s
that say what happened.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from peewee import DatabaseError as PeeweeDatabaseError
from peewee import SqliteDatabase

from desktop_app.core import messages as m
from desktop_app.core.errors import ArchiveError
from desktop_app.core.paths import data_dir
from desktop_app.storage import search_terms, sort_keys
from desktop_app.storage.backup import read_only_uri, remove_stale_parts, upgrade_backup
from desktop_app.storage.db import pg_schema
from desktop_app.storage.db.errors import (
    ArchiveBusyError,
    DatabaseOpenError,
    DiskFullError,
    ReadOnlyArchiveError,
    ServerUnreachableError,
)
from desktop_app.storage.db.migrations import (
    SCHEMA_VERSION,
    SchemaTooNewError,
    migrate,
    schema_version,
)
from desktop_app.storage.db.models import database_proxy

if TYPE_CHECKING:
    # psycopg2 is loaded only when a server archive is opened (not for every start).
    from desktop_app.storage.db.postgres import ServerDatabase

ENV_VAR = "FRONTLINE_ARCHIVE_DB"
DEFAULT_FILE_NAME = "archive.sqlite"
# How long a write waits for another program's write to end. The window waits 5 s (a longer
# wait would look like a hang); a command waits 30 s (FRONTLINE_ARCHIVE_WAIT, in seconds),
# since one import into a 2,000-report archive holds the lock for about 2 s and ten may queue.
BUSY_TIMEOUT_MS = 5000
COMMAND_BUSY_TIMEOUT_MS = 30_000
WAIT_ENV_VAR = "FRONTLINE_ARCHIVE_WAIT"

PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "busy_timeout": BUSY_TIMEOUT_MS,
    "synchronous": "normal",
    # KiB. Measured on the 100,000-item archive: 32 MiB made searches 25-40 % slower than
    # SQLite's default 2 MiB (sorts and GROUP BY size their buffers from it); 8 MiB is as
    # fast as the default, and bounded per connection whatever the archive's size.
    "cache_size": -8 * 1024,
}
READ_ONLY_PRAGMAS = {
    "foreign_keys": 1,
    "busy_timeout": BUSY_TIMEOUT_MS,
    "cache_size": -8 * 1024,
    "query_only": 1,
}

# Tables each schema version must hold; a file that lacks them is someone else's.
REQUIRED_TABLES = {
    1: {"item", "item_fts", "report", "report_figure"},
    2: {"report_warning"},
    3: {"item_tag", "report_article", "oryx_loss"},
    4: {"trash"},
    5: set(),  # a column: item.date_estimated
    6: set(),  # the search index keyed in publication order (same table names)
    7: {"source", "source_entry"},
    8: {"report_figure_history"},  # who changed what, row versions
    9: {"search_term", "search_term_todo"},  # the search index's words
    10: set(),  # an index: items by source name
    11: set(),  # indexes: kind, source, starred and unread items newest first
    12: set(),  # an index: the read items newest first
    13: set(),  # an index: items by author
    14: set(),  # triggers: an item's time is one SQLite reads as a time
    15: {"sort_key_todo"},  # sort keys for titles and authors
}
_ADDRESS = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")

SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY, SQLITE_FULL, SQLITE_CANTOPEN = 5, 6, 8, 13, 14


def sqlite_code(exc: BaseException) -> int | None:
    """SQLite's primary result code behind `exc` (peewee wraps sqlite3's errors)."""
    seen: BaseException | None = exc
    for _ in range(4):
        if seen is None:
            return None
        code = getattr(seen, "sqlite_errorcode", None)
        if isinstance(code, int):
            return code & 0xFF
        first = seen.args[0] if seen.args else None
        seen = first if isinstance(first, BaseException) else seen.__context__
    return None


class ArchiveDatabase(SqliteDatabase):
    """peewee's SqliteDatabase with IMMEDIATE transactions and errors a user can read."""

    def __init__(self, database: str, *, archive_path: Path, read_only: bool, **kw: Any) -> None:
        super().__init__(database, **kw)
        from desktop_app.storage.search_filters import FOLD, fold_case

        self.register_function(fold_case, FOLD, 1, deterministic=True)
        self.archive_path = archive_path
        self.read_only = read_only
        self.read_only_reason: str | None = None  # an offline copy says why it is read-only

    def translate(self, exc: BaseException) -> ArchiveError | None:
        code = sqlite_code(exc)
        if code in (SQLITE_BUSY, SQLITE_LOCKED):
            return ArchiveBusyError(m.BUSY)
        if code == SQLITE_FULL:
            return DiskFullError(m.DISK_FULL)
        if code == SQLITE_READONLY:
            return ReadOnlyArchiveError(
                self.read_only_reason or read_only_message(self.archive_path)
            )
        return None

    def _in_transaction(self) -> bool:
        return not self.is_closed() and bool(self.connection().in_transaction)

    def begin(self, lock_type: str | None = None) -> None:
        try:
            super().begin(lock_type or "IMMEDIATE")
        except PeeweeDatabaseError as exc:
            raise self.translate(exc) or exc from exc

    def commit(self) -> None:
        try:
            # The words of the items this transaction wrote join the search's word list in
            # the same transaction, whichever code path wrote them (triggers noted them),
            # and so do their sort keys.
            if not self.read_only:
                sort_keys.catch_up(self)
                search_terms.catch_up(self)
            super().commit()
        except (PeeweeDatabaseError, sqlite3.DatabaseError) as exc:
            raise self.translate(exc) or exc from exc

    def rollback(self) -> None:
        # After a full disk SQLite has already rolled the transaction back itself; a second
        # ROLLBACK would replace the real reason with "no transaction is active".
        if self._in_transaction():
            super().rollback()

    def execute_sql(self, sql: str, params: Any = None) -> Any:
        if sql.startswith("ROLLBACK TO SAVEPOINT") and not self._in_transaction():
            return self.cursor()
        try:
            return super().execute_sql(sql, params)
        except PeeweeDatabaseError as exc:
            raise self.translate(exc) or exc from exc


def read_only_message(path: Path) -> str:
    return m.render(m.READ_ONLY_FILE, path=path)


def default_database_path() -> Path:
    """The chosen archive: FRONTLINE_ARCHIVE_DB if set, else the user data folder."""
    env = os.environ.get(ENV_VAR)
    if env:
        return archive_path_from(env)
    return data_dir() / DEFAULT_FILE_NAME


def archive_path_from(text: str | Path) -> Path:
    """The file a `--database` value names; addresses (servers) are refused here: a
    `postgresql://` address is opened by `open_archive`, any other scheme is unknown."""
    if isinstance(text, str) and _ADDRESS.match(text):
        if pg_schema.is_server_address(text):
            raise DatabaseOpenError(f"{text}: an archive on a server, not a file")
        raise DatabaseOpenError(
            f"{text}: database servers other than PostgreSQL (postgresql://…) are not "
            "supported; give the path of an archive file or a postgresql:// address"
        )
    return Path(text).expanduser()


@dataclass(frozen=True)
class Archive:
    """An open archive: the bound database, its file, whether this open created it, and
    whether it could only be opened for reading."""

    db: ArchiveDatabase | ServerDatabase
    path: Path  # a server archive: its local offline copy
    created: bool
    read_only: bool = False
    server: str | None = None  # a server archive's address, without a password
    # The server could not be reached: `db` is its offline copy, read-only, from this time.
    offline_since: dt.datetime | None = None
    # A server archive's address as given (with its options; kept in memory, never stored):
    # what the window reconnects to when the server returns, or reopens with.
    url: str | None = field(default=None, repr=False)


def _writable(file: Path) -> bool:
    # access() consults permissions and read-only mounts without opening anything.
    return os.access(file, os.W_OK) and os.access(file.parent, os.W_OK)


def inspect_archive_file(file: Path) -> int:
    """The schema version of an existing archive file, looked at read-only.

    Refuses a file that is not an SQLite database, one that holds another program's tables,
    and one from a newer release; none of them is changed.
    """
    try:
        con = sqlite3.connect(read_only_uri(file), uri=True, isolation_level=None)
        try:
            # One snapshot for both: another program creating the archive commits a step's
            # tables and its version together, and between two reads this one saw version
            # 0 beside the first step's tables (and refused the file as another program's).
            con.execute("BEGIN")
            version = int(con.execute("PRAGMA user_version").fetchone()[0])
            names = {
                str(r[0])
                for r in con.execute(
                    "SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
                )
            }
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        if exc.sqlite_errorcode & 0xFF in (SQLITE_READONLY, SQLITE_CANTOPEN):
            raise DatabaseOpenError(
                f"{file}: cannot be read here ({exc}); its folder cannot be written and SQLite "
                "needs to create its -shm index beside it"
            ) from exc
        raise DatabaseOpenError(f"{file}: not a Frontline Archive database ({exc})") from exc
    if version > SCHEMA_VERSION:
        raise SchemaTooNewError(
            f"{file}: this archive has schema version {version}; this release knows up to "
            f"{SCHEMA_VERSION}. Update Frontline Archive to open it."
        )
    required = set().union(*(REQUIRED_TABLES[v] for v in range(1, version + 1)))
    if (version == 0 and names) or not required <= names:
        shown = ", ".join(sorted(names)[:5]) + (", …" if len(names) > 5 else "")
        raise DatabaseOpenError(
            f"{file}: not a Frontline Archive database (an SQLite file of another program, "
            f"holding {shown}); it was left unchanged"
        )
    return version


def command_busy_timeout_ms() -> int:
    """The command line's wait for another writer: FRONTLINE_ARCHIVE_WAIT seconds, or 30 s."""
    text = os.environ.get(WAIT_ENV_VAR, "")
    try:
        seconds = float(text) if text else COMMAND_BUSY_TIMEOUT_MS / 1000
    except ValueError:
        raise DatabaseOpenError(f"{WAIT_ENV_VAR}={text!r}: give a number of seconds") from None
    return max(0, min(int(seconds * 1000), 24 * 3600 * 1000))


def _connect(file: Path, read_only: bool, busy_timeout_ms: int) -> ArchiveDatabase:
    if read_only:
        return ArchiveDatabase(
            read_only_uri(file),
            uri=True,
            pragmas={**READ_ONLY_PRAGMAS, "busy_timeout": busy_timeout_ms},
            archive_path=file,
            read_only=True,
        )
    return ArchiveDatabase(
        str(file),
        pragmas={**PRAGMAS, "busy_timeout": busy_timeout_ms},
        archive_path=file,
        read_only=False,
    )


def create_archive_file(file: Path) -> ArchiveDatabase:
    """A new archive file at the current schema, not bound to the models (a copy's target)."""
    db = _connect(file, False, BUSY_TIMEOUT_MS)
    db.connect()
    with db.atomic():
        migrate(db)
    return db


def _upgrade(db: ArchiveDatabase, file: Path) -> int:
    """Create or upgrade the schema; returns the version found. Under the write lock, so two
    programs opening a new archive at once do not both create it."""
    with db.atomic():
        old_version = schema_version(db)
        if 0 < old_version < SCHEMA_VERSION:
            # An upgrade cannot be undone by an older release: keep the file as it was.
            upgrade_backup(file, old_version, dt.date.today())
        migrate(db)  # each step a savepoint inside this transaction
    return old_version


def open_archive(
    path: Path | str | None = None, *, busy_timeout_ms: int = BUSY_TIMEOUT_MS
) -> Archive:
    """Open (creating if needed) and upgrade the archive, and bind the models to it."""
    chosen = path if path is not None else os.environ.get(ENV_VAR)
    if pg_schema.is_server_address(chosen):
        return _open_server(str(chosen), busy_timeout_ms)
    file = archive_path_from(path) if path is not None else default_database_path()
    if file.is_dir():
        raise DatabaseOpenError(f"{file} is a folder, not an archive file")
    existing = file.is_file() and file.stat().st_size > 0
    found = inspect_archive_file(file) if existing else 0
    read_only = existing and not _writable(file)
    if read_only and found < SCHEMA_VERSION:
        raise DatabaseOpenError(
            f"{file}: this archive needs an upgrade to schema {SCHEMA_VERSION}, but it is "
            "read-only; copy it to a folder you can write to and open the copy"
        )
    if not existing:
        try:
            file.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseOpenError(f"cannot create folder {file.parent}: {exc.strerror}") from exc
    db = _connect(file, read_only, busy_timeout_ms)
    try:
        db.connect(reuse_if_open=True)
        old_version = schema_version(db)
        if not read_only and old_version < SCHEMA_VERSION:
            old_version = _upgrade(db, file)
    except (sqlite3.DatabaseError, PeeweeDatabaseError) as exc:
        db.close()
        raise DatabaseOpenError(f"{file}: not a Frontline Archive database ({exc})") from exc
    except ArchiveError:
        db.close()
        raise
    if not read_only:
        remove_stale_parts(file)
        if search_terms.pending(db) or sort_keys.pending(db):
            # Items written by a plain sqlite3 connection (no commit of ours) since: the
            # commit adds their words and keys.
            with db.atomic():
                pass
    database_proxy.initialize(db)
    return Archive(db, file, created=old_version == 0, read_only=read_only)


def _open_server(url: str, busy_timeout_ms: int) -> Archive:
    from desktop_app.storage.db import postgres

    try:
        db, found, read_only = postgres.open_server(
            url, data_folder=data_dir(), busy_timeout_ms=busy_timeout_ms
        )
    except ServerUnreachableError:
        offline = open_offline_copy(url)
        if offline is None:
            raise
        return offline
    database_proxy.initialize(db)
    return Archive(
        db,
        db.archive_path,
        created=found == 0,
        read_only=read_only,
        server=db.address,
        url=url,
    )


def open_offline_copy(url: str) -> Archive | None:
    """The local copy of the server archive at `url`, read-only, when there is one at the
    current schema (the window refreshes it each time it opens the server archive)."""
    from desktop_app.storage.db import postgres

    file = postgres.offline_copy_path(url, data_dir())
    try:
        if not file.is_file() or inspect_archive_file(file) != SCHEMA_VERSION:
            return None
    except ArchiveError:
        return None
    since = dt.datetime.fromtimestamp(file.stat().st_mtime)
    address = postgres.display_address(url)
    db = _connect(file, True, BUSY_TIMEOUT_MS)
    db.read_only_reason = (
        f"{address} cannot be reached; this is its offline copy from "
        f"{since:%Y-%m-%d %H:%M}, read-only; nothing was changed"
    )
    database_proxy.initialize(db)
    return Archive(
        db, file, created=False, read_only=True, server=address, offline_since=since, url=url
    )


def open_existing_for_reading(path: Path | str | None = None) -> Archive | None:
    """The archive, opened read-only, when it exists at the current schema; None otherwise.

    For commands that only consult an archive if there is one (`parse` dating a text from the
    stored series): nothing is created, upgraded or cleaned up.
    """
    chosen = path if path is not None else os.environ.get(ENV_VAR)
    if pg_schema.is_server_address(chosen):
        try:
            return _open_server(str(chosen), BUSY_TIMEOUT_MS)
        except ArchiveError:
            return None
    file = archive_path_from(path) if path is not None else default_database_path()
    if not file.is_file() or file.stat().st_size == 0:
        return None
    try:
        if inspect_archive_file(file) != SCHEMA_VERSION:
            return None
    except ArchiveError:
        return None
    db = _connect(file, True, BUSY_TIMEOUT_MS)
    database_proxy.initialize(db)
    return Archive(db, file, created=False, read_only=True)


def open_database(path: Path | str | None = None) -> ArchiveDatabase | ServerDatabase:
    """Like `open_archive`, for callers that need only the database."""
    return open_archive(path).db


def bound_database() -> ArchiveDatabase | None:
    """The archive file the models are bound to in this process, if any (None for a server)."""
    db = database_proxy.obj
    return db if isinstance(db, ArchiveDatabase) else None


def bound_server() -> ServerDatabase | None:
    """The server archive the models are bound to, if any."""
    db = database_proxy.obj
    return db if getattr(db, "server", False) is True else None


def require_writable() -> None:
    """Raise the read-only error before a write starts (e.g. before taking a backup)."""
    server = bound_server()
    if server is not None and server.read_only:
        raise ReadOnlyArchiveError(server.read_only_message())
    db = bound_database()
    if db is not None and db.read_only:
        raise ReadOnlyArchiveError(db.read_only_reason or read_only_message(db.archive_path))


def close_thread_connection() -> None:
    """Close this thread's connection to the archive, if it opened one.

    peewee keeps one connection per thread; a worker thread that ends without closing it
    leaves the file open (and its page cache allocated) until the process exits.
    """
    if database_proxy.obj is not None and not database_proxy.is_closed():
        database_proxy.close()
