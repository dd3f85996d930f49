"""The recent archives (File ▸ Open archive…), remembered in the settings without passwords.

Apart from the dialog's module so that the window's start, which notes the archive it opens,
does not load the dialog (and the team services behind it) before its first paint.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

RECENT_KEY = "archive/recent"
RECENT_LIMIT = 8


def recent_archives(settings: QSettings) -> list[str]:
    value = settings.value(RECENT_KEY, [])
    items = [value] if isinstance(value, str) else list(value) if isinstance(value, list) else []
    return [str(v) for v in items if str(v)]


def remember_archive(settings: QSettings, target: str) -> None:
    """Put `target` first among the recent archives (a server address without password)."""
    from desktop_app.services.team import without_password

    kept = without_password(target)
    recent = [kept] + [r for r in recent_archives(settings) if r != kept]
    settings.setValue(RECENT_KEY, recent[:RECENT_LIMIT])
