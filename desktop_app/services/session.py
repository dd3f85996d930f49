"""Starting a session on an archive: where the user's files live, and a new archive's demo."""

from __future__ import annotations

from desktop_app.core.paths import data_dir, settings_path
from desktop_app.services.changes import EVERYTHING, Changes
from desktop_app.storage.db.connection import Archive

__all__ = ["Archive", "data_dir", "open_archive", "seed_demo", "settings_path"]


def open_archive(target: str | None) -> Archive:
    """Open (creating or upgrading if needed) the archive `target` names, a file or a
    `postgresql://` address (None: $FRONTLINE_ARCHIVE_DB or the user data folder's), and
    bind the models to it (the window at start-up and File ▸ Open archive…)."""
    from desktop_app.storage.db.connection import open_archive as open_

    return open_(target)


def seed_demo() -> Changes:
    """Fill a new archive with the bundled demo content, in one transaction."""
    from desktop_app.storage.demo import seed_demo_content

    seed_demo_content()
    return EVERYTHING
