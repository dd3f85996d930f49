"""Who changed an item or a report last, its version, and the history of a report's figures
(schema 8): what keeps several people on one archive from overwriting each other unawares.

An editor notes a row's version when it opens it; saving with that version checks, in the
save's own transaction, that nobody changed the row meanwhile, and otherwise raises
`ConflictError` naming who changed it and when, with nothing written.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop_app.core import messages as m
from desktop_app.core.errors import ArchiveError
from desktop_app.storage.db.models import Item, Report, ReportFigureHistory


@dataclass(frozen=True)
class Stamp:
    """A row's version and who changed its content last, when ('' and None: not known, as
    in a file written before schema 8 or by its only user)."""

    version: int
    changed_by: str = ""
    changed_at: dt.datetime | None = None
    # A report's row: a report deleted and entered again for its date starts at version 1
    # again, so the version alone cannot tell it from the one an editor opened.
    row_id: int = 0

    def describe(self) -> str:
        who = self.changed_by or m.ANOTHER_PROGRAM
        if self.changed_at is None:
            return who
        return m.render(m.WHO_AT, name=who, time=f"{self.changed_at.astimezone():%Y-%m-%d %H:%M}")


@dataclass(frozen=True)
class FigureChange:
    """One change of one figure of a report: before and after (None: not there)."""

    category: str
    old_total: int | None
    old_change: int | None
    total: int | None
    change: int | None
    changed_by: str
    changed_at: dt.datetime


class ConflictError(ArchiveError):
    """The row was changed (or deleted) by someone else since it was opened; nothing was
    written. `theirs` is its stamp now (None: deleted)."""

    def __init__(self, message: str, *, theirs: Stamp | None) -> None:
        super().__init__(message)
        self.theirs = theirs


def item_stamp(item_id: int) -> Stamp | None:
    row = (
        Item.select(Item.row_version, Item.changed_by, Item.changed_at, Item.updated_at)
        .where(Item.id == item_id)
        .first()
    )
    if row is None:
        return None
    return Stamp(int(row.row_version), row.changed_by or "", row.changed_at or row.updated_at)


def report_stamp(date: dt.date) -> Stamp | None:
    row = (
        Report.select(
            Report.id, Report.row_version, Report.changed_by, Report.changed_at, Report.updated_at
        )
        .where(Report.date == date)
        .first()
    )
    if row is None:
        return None
    return Stamp(
        int(row.row_version), row.changed_by or "", row.changed_at or row.updated_at, int(row.id)
    )


def expect_item(item_id: int, version: int | None, title: str = "") -> None:
    """Raise ConflictError unless item `item_id` still has `version` (None: no check)."""
    if version is None:
        return
    now = item_stamp(item_id)
    shown = m.render(m.QUOTED, title=title) if title else m.render(m.ITEM_NUMBER, id=item_id)
    if now is None:
        raise ConflictError(m.render(m.DELETED_MEANWHILE, what=shown), theirs=None)
    if now.version != version:
        raise ConflictError(
            m.render(m.CHANGED_MEANWHILE, what=shown, who=now.describe()), theirs=now
        )


def expect_report(date: dt.date, version: int | None, row_id: int | None = None) -> None:
    """Raise ConflictError unless the report of `date` still has `version` (None: no check;
    0: the report must not exist yet, as when a new one is entered) and, given, is still the
    row `row_id` (not one deleted and entered again since, which starts at version 1)."""
    if version is None:
        return
    now = report_stamp(date)
    if version == 0 and now is None:
        return
    shown = m.render(m.REPORT_OF, date=date.isoformat())
    if now is None:
        raise ConflictError(m.render(m.DELETED_MEANWHILE, what=shown), theirs=None)
    if version and row_id and now.row_id != row_id:
        raise ConflictError(
            m.render(m.REENTERED_MEANWHILE, what=shown, who=now.describe()), theirs=now
        )
    if now.version != version:
        template = m.ENTERED_MEANWHILE if version == 0 else m.CHANGED_MEANWHILE
        raise ConflictError(m.render(template, what=shown, who=now.describe()), theirs=now)


def figure_history(date: dt.date) -> list[FigureChange]:
    """Every recorded change of the figures of the report of `date`, oldest first."""
    rows = (
        ReportFigureHistory.select()
        .where(ReportFigureHistory.date == date)
        .order_by(ReportFigureHistory.id)
    )
    return [
        FigureChange(
            r.category, r.old_total, r.old_change, r.total, r.change, r.changed_by, r.changed_at
        )
        for r in rows
    ]
