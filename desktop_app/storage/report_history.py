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
from desktop_app.storage.report_batches import add_reports, update_report, write_figure_rows
from desktop_app.storage.reports import (
    delete_figures_first,
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

    A report stored now and in its snapshot keeps its row, as an edit would: its id and
    first-stored time stay, its version moves on, and the figures' history records only the
    figures that differ. (Deleted and added again, an undone edit or import got its first
    version back, so an edit opened at that version was later saved over a newer one
    unawares, and every figure was listed as removed and added.) Links to articles deleted
    in the meantime are dropped rather than failing the restore.
    """
    with database_proxy.atomic():
        stored: dict[dt.date, int] = {}
        for batch in chunked(list(snapshots), 500):
            query = Report.select(Report.date, Report.id).where(Report.date.in_(batch))
            stored.update((date, int(i)) for date, i in query.tuples())
        gone = [d for d, snap in snapshots.items() if snap is None and d in stored]
        for batch in chunked(gone, 500):
            # Warnings and links go with their report (ON DELETE CASCADE).
            delete_figures_first(Report.date.in_(batch))
            Report.delete().where(Report.date.in_(batch)).execute()
        kept = sorted(
            ((date, snap) for date, snap in snapshots.items() if snap is not None),
            key=lambda pair: pair[0],
        )
        now = utc_now()
        ids = {d: stored[d] for d, _s in kept if d in stored}
        for date, snap in kept:
            if date in ids:
                report = snap.report
                update_report(ids[date], report.qualifier, report.note, snap.source, now)
                ReportFigure.delete().where(
                    (ReportFigure.report == ids[date])
                    & ReportFigure.category.not_in(list(report.figures))
                ).execute()
        for batch in chunked(list(ids.values()), 500):
            ReportArticle.delete().where(ReportArticle.report.in_(batch)).execute()
        # In batches (an import's undo restores every date it changed: 1,626 for a dataset).
        ids.update(
            add_reports(
                [
                    (date, day_of_war(date), s.report.qualifier, s.report.note, s.source)
                    for date, s in kept
                    if date not in stored
                ],
                now,
            )
        )
        write_figure_rows([(ids[date], dict(s.report.figures)) for date, s in kept])
        linked = sorted({i for _d, s in kept for i in s.article_ids})
        alive: set[int] = set()
        for part in chunked(linked, 500):
            alive.update(i for (i,) in Item.select(Item.id).where(Item.id.in_(part)).tuples())
        links = [(ids[date], i) for date, s in kept for i in s.article_ids if i in alive]
        for batch in chunked(links, 400):
            ReportArticle.insert_many(
                batch, fields=[ReportArticle.report, ReportArticle.item]
            ).execute()


def restore_report(date: dt.date, snapshot: ReportSnapshot | None) -> None:
    """Make the stored report of `date` exactly `snapshot` (None: no report), in one transaction.

    The Trash is not touched here: `storage.trash.restore_report` keeps it in step.
    """
    with database_proxy.atomic():
        restore_reports({date: snapshot})
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
