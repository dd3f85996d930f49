"""Where the user's files live: the data folder (the default archive, settings, log, backups).

Kept apart from the storage layer so that the window can find its settings and log before
the database modules are imported (they load after the window's first paint).
"""

from __future__ import annotations

from pathlib import Path

from desktop_app import APP_NAME


def data_dir() -> Path:
    """The user data folder, e.g. ~/.local/share/frontline-archive (not created here)."""
    import platformdirs  # only when no path is given (not for the window's first paint)

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def settings_path() -> Path:
    """The window's settings file, beside the archive's default place."""
    return data_dir() / "settings.ini"
