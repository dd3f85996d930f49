"""The archive file as a whole: back up, list backups, restore one, check, maintain.

Shared by the command line and the window. Nothing here opens the archive's files except
through SQLite; backups are read through read-only connections.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from desktop_app.core import messages as m
from desktop_app.core.errors import ArchiveError
from desktop_app.services.changes import EVERYTHING, Changes
from desktop_app.storage.backup import (
    COPY_STEP_PAGES,
    DAILY_KEEP,
    BackupError,
    CopyCancelledError,
    backup_folder,
    copy_archive,
    is_archive_file,
    read_only_uri,
)
from desktop_app.storage.db.connection import (
    BUSY_TIMEOUT_MS,
    REQUIRED_TABLES,
    ArchiveDatabase,
    bound_database,
    bound_server,
    require_writable,
)
from desktop_app.storage.db.migrations import SCHEMA_VERSION, migrate
from desktop_app.storage.maintenance import (
    CHECK_STAGES,
    Health,
    check_archive,
    compact,
    rebuild_search_index,
)


class RestoreError(ArchiveError):
    """The backup cannot be restored; the archive was not changed."""


def _stamp(now: dt.datetime | None = None) -> str:
    return (now or dt.datetime.now()).strftime("%Y-%m-%dT%H%M%S")


def back_up(database: Path, destination: Path | None = None) -> Path:
    """A consistent copy of the archive. No destination: today's name in the backups folder
    beside the archive; an existing folder: today's name inside it; else that file."""
    name = f"{database.stem}-{dt.date.today().isoformat()}.sqlite"
    if bound_server() is not None:
        # A server archive: an SQLite copy of it (`copy` brings it back to a server).
        from desktop_app.services.archive_copy import server_to_file

        if destination is None:
            return server_to_file(backup_folder(database) / name)
        return server_to_file(destination / name if destination.is_dir() else destination)
    if destination is None:
        return copy_archive(database, backup_folder(database) / name, create_folder=True)
    if destination.is_dir():
        destination = destination / name
    return copy_archive(database, destination, create_folder=False)


@dataclass(frozen=True)
class BackupInfo:
    """What a backup file holds, read without changing it. `problem` when it is unusable."""

    path: Path
    modified: dt.datetime
    size: int
    schema: int = 0
    items: int = 0
    reports: int = 0
    problem: str | None = None

    @property
    def usable(self) -> bool:
        return self.problem is None


# How often `cancelled` is asked while a backup is checked (SQLite's check of a b-tree is
# one step of its virtual machine, which a progress handler does not see; it does see
# `interrupt()`, called from a thread of its own).
CHECK_ASKS_EVERY = 0.05


@contextlib.contextmanager
def _interrupted_when(
    con: sqlite3.Connection, cancelled: Callable[[], bool] | None
) -> Iterator[None]:
    """While inside, `con`'s statement is interrupted as soon as `cancelled` says so."""
    if cancelled is None:
        yield
        return
    done = threading.Event()

    def watch() -> None:
        # Again until the statement is over: an interrupt before it starts is dropped.
        while not done.wait(CHECK_ASKS_EVERY):
            if cancelled():
                con.interrupt()

    watcher = threading.Thread(target=watch, name="backup check watch", daemon=True)
    watcher.start()
    try:
        yield
    finally:
        done.set()
        watcher.join()


def inspect_backup(
    path: Path, *, full_check: bool = False, cancelled: Callable[[], bool] | None = None
) -> BackupInfo:
    """Schema, counts and (with `full_check`) SQLite's integrity check of a backup file.
    `cancelled` is asked while the check runs (a minute for a million items): when it says
    so, `CopyCancelledError`."""
    try:
        stat = path.stat()
    except OSError as exc:
        raise RestoreError(f"{path}: {exc.strerror}") from None
    modified = dt.datetime.fromtimestamp(stat.st_mtime)
    base = {"path": path, "modified": modified, "size": stat.st_size}
    try:
        con = sqlite3.connect(read_only_uri(path), uri=True, check_same_thread=False)
        try:
            schema = int(con.execute("PRAGMA user_version").fetchone()[0])
            names = {str(r[0]) for r in con.execute("SELECT name FROM sqlite_master")}
            if not 1 <= schema <= SCHEMA_VERSION:
                reason = (
                    f"schema version {schema} is newer than this release"
                    if schema > SCHEMA_VERSION
                    else "not a Frontline Archive file"
                )
                return BackupInfo(**base, schema=schema, problem=reason)  # type: ignore[arg-type]
            required = set().union(*(REQUIRED_TABLES[v] for v in range(1, schema + 1)))
            if not required <= names:
                problem = "not a Frontline Archive file"
                return BackupInfo(**base, schema=schema, problem=problem)  # type: ignore[arg-type]
            if full_check:
                with _interrupted_when(con, cancelled):
                    rows = [r[0] for r in con.execute("PRAGMA integrity_check").fetchall()]
                if cancelled is not None and cancelled():  # a check too short to interrupt
                    raise sqlite3.OperationalError("interrupted")
                if rows != ["ok"]:
                    problem = f"damaged: {rows[0]}"
                    return BackupInfo(**base, schema=schema, problem=problem)  # type: ignore[arg-type]
            items = int(con.execute("SELECT count(*) FROM item").fetchone()[0])
            reports = int(con.execute("SELECT count(*) FROM report").fetchone()[0])
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        if cancelled is not None and cancelled():
            raise CopyCancelledError(f"{path}: the check was stopped") from exc
        return BackupInfo(**base, problem=f"not a database ({exc})")  # type: ignore[arg-type]
    return BackupInfo(**base, schema=schema, items=items, reports=reports)  # type: ignore[arg-type]


def list_backups(database: Path) -> list[BackupInfo]:
    """The copies in the backups folder beside `database`, newest first."""
    folder = backup_folder(database)
    if not folder.is_dir():
        return []
    found = [
        inspect_backup(p)
        for p in folder.glob("*.sqlite")
        if p.is_file() and not is_archive_file(p, database)
    ]
    return sorted(found, key=lambda b: (b.modified, b.path.name), reverse=True)


@dataclass(frozen=True)
class Restored:
    backup: BackupInfo
    safety_copy: Path
    changes: Changes = EVERYTHING


# What `restore` tells its `step` before each part (at 1,000,000 items: 40 s, 7 s, 7 s).
RESTORE_STAGES = ("check", "safety copy", "restore")


def restore(
    database: Path,
    backup: Path,
    *,
    step: Callable[[int, int, str], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Restored:
    """Replace the archive's content by a backup's, keeping a safety copy of it first.

    The backup is checked (an archive, not from a newer release, SQLite's integrity check)
    before anything is written. The content is copied with SQLite's backup API into the
    live file, in one transaction: the file, its locks and other programs' connections stay
    valid, and a kill midway leaves the archive as it was. An older backup is then upgraded.

    `step(done, total, stage)` is called before each of `RESTORE_STAGES` (it may raise to
    stop); `cancelled` is asked within them. Stopped (`CopyCancelledError`), the archive is
    as it was and the safety copy is deleted again.
    """

    def stage(done: int) -> None:
        if step is not None:
            step(done, len(RESTORE_STAGES), RESTORE_STAGES[done])

    require_writable()
    server = bound_server()
    if server is not None:
        raise RestoreError(
            f"{server.address} is a team's archive on a server: restore does not replace it. "
            "Copy the backup into a new database (frontline-archive copy BACKUP "
            "postgresql://…/new) and point everyone at it; the archive was not changed"
        )
    if is_archive_file(backup, database):
        raise RestoreError(f"{backup}: {m.RESTORE_ITSELF}")
    if not backup.is_file():
        raise RestoreError(f"{backup}: {m.NO_SUCH_FILE}")
    stage(0)
    info = inspect_backup(backup, full_check=True, cancelled=cancelled)
    if info.problem:
        raise RestoreError(f"{backup}: " + m.render(m.CANNOT_RESTORE, reason=info.problem))
    stage(1)
    name = f"{database.stem}-before-restore-{_stamp()}.sqlite"
    safety = copy_archive(
        database, backup_folder(database) / name, create_folder=True, cancelled=cancelled
    )
    try:
        stage(2)
    except BaseException:
        safety.unlink(missing_ok=True)  # stopped before the archive was touched
        raise
    try:
        _copy_into(database, backup, cancelled)
    except CopyCancelledError:
        # Rolled back whole: the archive is as it was, and its copy is not needed. (Any
        # other failure keeps it: an upgrade of the restored content may be what failed.)
        safety.unlink(missing_ok=True)
        raise
    return Restored(info, safety)


def _copy_into(database: Path, backup: Path, cancelled: Callable[[], bool] | None) -> None:
    """The backup's pages into the live archive, in steps that hold its write lock from the
    first to the last (readers see the archive as it was until the end; a stop rolls back)."""

    def step_done(_status: int, _remaining: int, _total: int) -> None:
        if cancelled is not None and cancelled():
            raise CopyCancelledError(f"{backup}: the restore was stopped")

    live = bound_database()
    wait = live.execute_sql("PRAGMA busy_timeout").fetchone()[0] if live else BUSY_TIMEOUT_MS
    target = ArchiveDatabase(str(database), archive_path=database, read_only=False)
    try:
        target.connect()
        target.execute_sql(f"PRAGMA busy_timeout = {int(wait)}")
        # Wait for any other writer here (the backup API itself would retry forever).
        with target.atomic():
            pass
        source = sqlite3.connect(read_only_uri(backup), uri=True)
        try:
            # Steps of the backup API retry while another writer holds the file (asking
            # `cancelled` each time), a quarter of a second apart.
            source.backup(target.connection(), pages=COPY_STEP_PAGES, progress=step_done)
        finally:
            source.close()
        migrate(target)
    except sqlite3.DatabaseError as exc:
        translated = target.translate(exc)
        raise translated or RestoreError(
            f"{backup}: cannot restore ({exc}); the archive was not changed"
        ) from exc
    finally:
        target.close()


@dataclass
class Maintained:
    backup: Path | None = None
    rebuilt: bool = False
    compacted: tuple[int, int] | None = None
    health: Health = field(default_factory=Health)


def check(step: Callable[[int, int, str], None] | None = None) -> Health:
    """SQLite's integrity check and the search index's, without changing anything.
    `step(done, total, stage)` before each part (`check_archive`'s)."""
    db = bound_database()
    return check_archive(read_only=db is not None and db.read_only, step=step)


def maintain(
    database: Path, *, rebuild_index: bool = False, compact_file: bool = False
) -> Maintained:
    """Optionally rebuild the search index and compact the file (a backup first), then check."""
    done = Maintained()
    if (rebuild_index or compact_file) and bound_server() is not None:
        require_writable()  # the server keeps its own backups: no file copy first
    elif rebuild_index or compact_file:
        require_writable()
        # Both rewrite much of the file: keep it as it was first.
        name = f"{database.stem}-before-maintenance-{dt.date.today().isoformat()}.sqlite"
        try:
            done.backup = copy_archive(database, backup_folder(database) / name, create_folder=True)
        except BackupError as exc:
            raise ArchiveError(f"{exc}; nothing was changed") from exc
    if rebuild_index:
        rebuild_search_index()
        done.rebuilt = True
    if compact_file:
        done.compacted = compact()
    done.health = check()
    return done


def daily_backup(
    database: Path,
    today: dt.date,
    *,
    keep: int = DAILY_KEEP,
    cancelled: Callable[[], bool] | None = None,
) -> Path | None:
    """Today's automatic copy in `backups/` beside the archive (None if it exists already,
    nothing was written since the newest, or `keep` is 0); the newest `keep` are kept.
    `cancelled` is asked as the copy goes: when it says so, the copy stops
    (`CopyCancelledError`) and nothing of it is kept."""
    from desktop_app.storage.backup import daily_backup as make

    if bound_server() is not None:
        # A server archive: its offline copy (`database`) is brought up to date instead.
        from desktop_app.services.archive_copy import server_to_file

        return server_to_file(database, cancelled=cancelled)
    return make(database, today, keep=keep, cancelled=cancelled)


__all__ = [
    "CHECK_STAGES",
    "RESTORE_STAGES",
    "BackupInfo",
    "CopyCancelledError",
    "Health",
    "Maintained",
    "RestoreError",
    "Restored",
    "back_up",
    "check",
    "daily_backup",
    "inspect_backup",
    "list_backups",
    "maintain",
    "restore",
]
