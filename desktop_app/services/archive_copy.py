"""`frontline-archive copy SOURCE DEST`: a whole archive from a file to a server or back."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from desktop_app.core.errors import ArchiveError
from desktop_app.storage.db.connection import (
    Archive,
    bound_server,
    create_archive_file,
    open_archive,
)
from desktop_app.storage.db.pg_schema import is_server_address
from desktop_app.storage.pg_copy import CopySummary, copy_archive


def _name(target: str) -> str:
    if is_server_address(target):
        from desktop_app.storage.db.postgres import display_address

        return display_address(target)
    return target


def copy(
    source: str,
    destination: str,
    *,
    progress: Callable[[str, int], None] | None = None,
    busy_timeout_ms: int = 30_000,
) -> CopySummary:
    """Copy the archive at `source` (a file or a postgresql:// address) into a new, empty
    archive at `destination`. Nothing is written when anything fails; a destination file
    this copy created is removed again."""
    if not is_server_address(source) and not Path(source).expanduser().is_file():
        raise ArchiveError(f"{source}: there is no such archive file")
    if source == destination:
        raise ArchiveError("the source and the destination are the same archive")
    dest_file = None if is_server_address(destination) else Path(destination).expanduser()
    dest_existed = dest_file is not None and dest_file.exists()
    opened: list[Archive] = []
    try:
        src = open_archive(source, busy_timeout_ms=busy_timeout_ms)
        opened.append(src)
        if src.created:
            raise ArchiveError(f"{_name(source)}: holds no archive yet; nothing to copy")
        dst = open_archive(destination, busy_timeout_ms=busy_timeout_ms)
        opened.append(dst)
        return copy_archive(
            src.db,
            dst.db,
            source_name=_name(source),
            destination_name=_name(destination),
            progress=progress,
        )
    except BaseException:
        for archive in opened:
            archive.db.close()
        opened.clear()
        if dest_file is not None and not dest_existed:
            for end in ("", "-wal", "-shm", "-journal"):
                Path(f"{dest_file}{end}").unlink(missing_ok=True)
        raise
    finally:
        for archive in opened:
            archive.db.close()


def server_to_file(destination: Path, *, cancelled: Callable[[], bool] | None = None) -> Path:
    """A self-contained SQLite copy of the server archive the models are bound to: a backup,
    or the offline copy a laptop reads when the server cannot be reached. Written under a
    temporary name and renamed when complete, so a good name never holds half a copy.
    `cancelled` is asked as the rows come: when it says so, the copy stops
    (`CopyCancelledError`)."""
    from desktop_app.storage.backup import CopyCancelledError

    def rows_read(_table: str, _count: int) -> None:
        if cancelled is not None and cancelled():
            raise CopyCancelledError(f"{destination}: the copy was stopped")

    server = bound_server()
    if server is None:
        raise ArchiveError("no server archive is open")
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(destination.name + ".part")
    for end in ("", "-wal", "-shm", "-journal"):
        Path(f"{partial}{end}").unlink(missing_ok=True)
    target = create_archive_file(partial)
    try:
        copy_archive(
            server,
            target,
            source_name=server.address,
            destination_name=str(destination),
            progress=rows_read,
        )
        target.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        target.execute_sql("PRAGMA journal_mode = DELETE")
    except BaseException:
        target.close()
        for end in ("", "-wal", "-shm", "-journal"):
            Path(f"{partial}{end}").unlink(missing_ok=True)
        raise
    target.close()
    partial.replace(destination)
    return destination
