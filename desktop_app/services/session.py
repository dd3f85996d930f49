"""Starting a session on an archive: where the user's files live, and a new archive's demo."""

from __future__ import annotations

from desktop_app.core.paths import data_dir, settings_path
from desktop_app.services.changes import EVERYTHING, Changes
from desktop_app.storage.db.connection import Archive

__all__ = ["Archive", "data_dir", "needs_upgrade", "open_archive", "seed_demo", "settings_path"]


def open_archive(target: str | None) -> Archive:
    """Open (creating or upgrading if needed) the archive `target` names, a file or a
    `postgresql://` address (None: $FRONTLINE_ARCHIVE_DB or the user data folder's), and
    bind the models to it (the window at start-up and File ▸ Open archive…)."""
    from desktop_app.storage.db.connection import open_archive as open_

    return open_(target)


def needs_upgrade(target: str | None) -> bool:
    """Whether opening `target` (as `open_archive` takes it) will upgrade an archive file
    of an older release: a backup of it first, then each new step (11 s at a million items).
    False for a server, a new or unwritable file, and anything `open_archive` will refuse."""
    import os

    from desktop_app.core.errors import ArchiveError
    from desktop_app.storage.db import connection, pg_schema
    from desktop_app.storage.db.migrations import SCHEMA_VERSION

    chosen = target if target is not None else os.environ.get(connection.ENV_VAR)
    if pg_schema.is_server_address(chosen):
        return False
    try:
        file = (
            connection.archive_path_from(chosen)
            if chosen is not None
            else connection.default_database_path()
        )
        if not file.is_file() or file.stat().st_size == 0 or not os.access(file, os.W_OK):
            return False
        return 0 < connection.inspect_archive_file(file) < SCHEMA_VERSION
    except (ArchiveError, OSError):
        return False


def seed_demo() -> Changes:
    """Fill a new archive with the bundled demo content, in one transaction."""
    from desktop_app.storage.demo import seed_demo_content

    seed_demo_content()
    return EVERYTHING
