"""Starting a session on an archive: where the user's files live, and a new archive's demo."""

from __future__ import annotations

from pathlib import Path

from desktop_app.services.changes import EVERYTHING, Changes
from desktop_app.storage.db.connection import Archive, data_dir

__all__ = ["Archive", "data_dir", "open_archive", "seed_demo", "settings_path"]


def open_archive(target: str) -> Archive:
    """Open (creating or upgrading if needed) the archive `target` names, a file or a
    `postgresql://` address, and bind the models to it (the window's File ▸ Open archive…)."""
    from desktop_app.storage.db.connection import open_archive as open_

    return open_(target)


def settings_path() -> Path:
    """The window's settings file, beside the archive's default place."""
    return data_dir() / "settings.ini"


def seed_demo() -> Changes:
    """Fill a new archive with the bundled demo content, in one transaction."""
    from desktop_app.storage.demo import seed_demo_content

    seed_demo_content()
    return EVERYTHING
