"""What the Sources panel says of a source: its status (one word, or in full) and the
details line below the list, with its times said relative to `now`."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from desktop_app.ui.common.i18n import localized_line
from desktop_app.ui.sources.updater import ago_text

if TYPE_CHECKING:
    from desktop_app.services.subscriptions import SourceInfo


def status_text(info: SourceInfo) -> str:
    """The full status: why a source fails, in the words of the failure."""
    if info.gone:
        return QCoreApplication.translate("Sources", "gone: the server retired this address")
    if info.last_error:
        return localized_line(info.last_error)
    if info.succeeded_at is None:
        return QCoreApplication.translate("Sources", "not updated yet")
    return QCoreApplication.translate("Sources", "OK")


def status_word(info: SourceInfo) -> str:
    """The status column's one word (the details line below the list says the rest)."""
    if info.gone:
        return QCoreApplication.translate("Sources", "gone")
    if info.last_error:
        return QCoreApplication.translate("Sources", "failing")
    if info.succeeded_at is None:
        return QCoreApplication.translate("Sources", "new")
    return QCoreApplication.translate("Sources", "OK")


def utc_now() -> dt.datetime:
    """The clock the panel says its times by, unless told another (`SourcesPanel.now`)."""
    return dt.datetime.now(dt.UTC)


def details_text(info: SourceInfo, now: dt.datetime | None = None) -> str:
    now = now or utc_now()
    lines = [info.url]
    if info.checked_at is not None:
        lines.append(
            QCoreApplication.translate("Sources", "Last asked: %1").replace(
                "%1", ago_text(info.checked_at, now)
            )
        )
    if info.gone or info.last_error:
        lines.append(status_text(info))
    if info.retry_after is not None and info.retry_after > now:
        lines.append(
            QCoreApplication.translate("Sources", "Not asked again before %1").replace(
                "%1", info.retry_after.astimezone().strftime("%Y-%m-%d %H:%M")
            )
        )
    return "\n".join(lines)
