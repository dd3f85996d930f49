"""Who changed a row last, in the window's words: "last changed by anna at 2026-05-12 14:32".

On a server the role that wrote is known; on a file, which has one user, only the time is
(the name is left out rather than guessed). Nothing is said when the time is not known (a
row written before schema 8 and not changed since).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication


def when_text(when: dt.datetime) -> str:
    """A stored time in the computer's zone, to the minute."""
    return f"{when.astimezone():%Y-%m-%d %H:%M}"


def last_changed(who: str, when: dt.datetime | None) -> str:
    """ "last changed by anna at 2026-05-12 14:32", "last changed at …", or ''."""
    if when is None:
        return ""
    if who:
        return (
            QCoreApplication.translate("Attribution", "last changed by %1 at %2")
            .replace("%1", who)
            .replace("%2", when_text(when))
        )
    return QCoreApplication.translate("Attribution", "last changed at %1").replace(
        "%1", when_text(when)
    )
