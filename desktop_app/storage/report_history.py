"""Snapshots of one stored report and their exact restoration: what undo and redo stand on.

A snapshot keeps everything a save or a delete can lose (figures, qualifier, note, source and
the linked articles), so undoing a change puts the report back as it was, in one transaction.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop_app.core.report import LossReport
from desktop_app.storage.models import Item, Report, ReportArticle, database_proxy
from desktop_app.storage.reports import (
    delete_report,
    load_report,
    refresh_warnings,
    report_article_ids,
    save_report,
)


@dataclass(frozen=True)
class ReportSnapshot:
    report: LossReport
    source: str
    article_ids: tuple[int, ...]


def snapshot_report(date: dt.date) -> ReportSnapshot | None:
    """The report stored for `date` with its source and links; None when nothing is stored."""
    report = load_report(date)
    if report is None:
        return None
    row = Report.get(Report.date == date)
    return ReportSnapshot(report, row.source, tuple(report_article_ids(date)))


def restore_report(date: dt.date, snapshot: ReportSnapshot | None) -> None:
    """Make the stored report of `date` exactly `snapshot` (None: no report), in one transaction.

    Links to articles deleted in the meantime are dropped rather than failing the restore.
    """
    with database_proxy.atomic():
        if snapshot is None:
            delete_report(date)
            return
        save_report(snapshot.report, source=snapshot.source, replace=True)
        report_id = Report.get(Report.date == date).id
        ReportArticle.delete().where(ReportArticle.report == report_id).execute()
        alive = [i.id for i in Item.select(Item.id).where(Item.id.in_(snapshot.article_ids))]
        for item_id in snapshot.article_ids:
            if item_id in alive:
                ReportArticle.insert(report=report_id, item=item_id).execute()
        refresh_warnings()


def unlink_article(date: dt.date, item_id: int) -> bool:
    """Remove the link between the report of `date` and an article; False if there was none."""
    with database_proxy.atomic():
        report = Report.get_or_none(Report.date == date)
        if report is None:
            return False
        deleted = (
            ReportArticle.delete()
            .where((ReportArticle.report == report.id) & (ReportArticle.item == item_id))
            .execute()
        )
    return bool(deleted)
