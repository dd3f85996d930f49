"""Snapshots of one stored report and their exact restoration: what undo and redo stand on.

A snapshot keeps everything a save or a delete can lose (figures, qualifier, note, source and
the linked articles), so undoing a change puts the report back as it was, in one transaction.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from peewee import chunked

from desktop_app.core.report import LossReport, day_of_war
from desktop_app.storage.db.models import (
    Item,
    Report,
    ReportArticle,
    ReportFigure,
    database_proxy,
    utc_now,
)
from desktop_app.storage.report_batches import add_reports, write_figure_rows
from desktop_app.storage.reports import (
    load_all_reports,
    load_report,
    refresh_warnings,
    report_article_ids,
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


def snapshot_all_reports() -> dict[dt.date, ReportSnapshot]:
    """Every stored report with its source and links, in three queries."""
    sources = dict(Report.select(Report.date, Report.source).tuples())
    links: dict[dt.date, list[int]] = defaultdict(list)
    query = (
        ReportArticle.select(Report.date, ReportArticle.item)
        .join(Report)
        .order_by(ReportArticle.id)
        .tuples()
    )
    for date, item_id in query:
        links[date].append(item_id)
    return {
        r.date: ReportSnapshot(r, sources[r.date], tuple(links.get(r.date, ())))
        for r in load_all_reports()
        if r.date is not None
    }


def restore_reports(snapshots: Mapping[dt.date, ReportSnapshot | None]) -> None:
    """Make each date's stored report exactly its snapshot (None: no report), in one
    transaction; warnings are left to the caller, who may restore many dates at once.

    Links to articles deleted in the meantime are dropped rather than failing the restore.
    """
    with database_proxy.atomic():
        for batch in chunked(list(snapshots), 500):
            # Figures, warnings and links go with their report (ON DELETE CASCADE).
            Report.delete().where(Report.date.in_(batch)).execute()
        linked = sorted({i for s in snapshots.values() if s for i in s.article_ids})
        alive: set[int] = set()
        for ids in chunked(linked, 500):
            alive.update(i for (i,) in Item.select(Item.id).where(Item.id.in_(ids)).tuples())
        kept = sorted(
            ((date, snap) for date, snap in snapshots.items() if snap is not None),
            key=lambda pair: pair[0],
        )
        # In batches (an import's undo restores every date it changed: 1,626 for a dataset).
        ids = add_reports(
            [
                (date, day_of_war(date), s.report.qualifier, s.report.note, s.source)
                for date, s in kept
            ],
            utc_now(),
        )
        write_figure_rows([(ids[date], dict(s.report.figures)) for date, s in kept])
        links = [(ids[date], i) for date, s in kept for i in s.article_ids if i in alive]
        for batch in chunked(links, 400):
            ReportArticle.insert_many(
                batch, fields=[ReportArticle.report, ReportArticle.item]
            ).execute()


def restore_report(date: dt.date, snapshot: ReportSnapshot | None) -> None:
    """Make the stored report of `date` exactly `snapshot` (None: no report), in one transaction.

    A report stored on both sides keeps its row (`_restore_in_place`). The Trash is not
    touched here: `storage.trash.restore_report` keeps it in step.
    """
    with database_proxy.atomic():
        row = Report.get_or_none(Report.date == date)
        if row is None or snapshot is None:
            restore_reports({date: snapshot})
        else:
            _restore_in_place(int(row.id), snapshot)
        refresh_warnings()


def _restore_in_place(report_id: int, snapshot: ReportSnapshot) -> None:
    """Make the stored report `report_id` its snapshot as an edit would: the row stays (its
    id and first-stored time), its version moves on, and the figures' history records only
    the figures that differ. (Deleting and adding it again, as `restore_reports` does, gave
    an undone edit its first version back, so an edit opened at the undone version was
    later saved over a newer one unawares, and listed every figure as removed and added.)"""
    report = snapshot.report
    Report.update(
        qualifier=report.qualifier, note=report.note, source=snapshot.source, updated_at=utc_now()
    ).where(Report.id == report_id).execute()
    ReportFigure.delete().where(
        (ReportFigure.report == report_id) & ReportFigure.category.not_in(list(report.figures))
    ).execute()
    write_figure_rows([(report_id, dict(report.figures))])
    ReportArticle.delete().where(ReportArticle.report == report_id).execute()
    alive = {i for (i,) in Item.select(Item.id).where(Item.id.in_(snapshot.article_ids)).tuples()}
    links = [(report_id, i) for i in snapshot.article_ids if i in alive]
    if links:
        ReportArticle.insert_many(
            links, fields=[ReportArticle.report, ReportArticle.item]
        ).execute()


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
