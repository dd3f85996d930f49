"""Writing loss reports: the window's and the command line's use cases, one transaction each.

Each returns what changed, so a caller can refresh its views; the undo snapshots
(`storage.report_history`) are taken by the caller around these when it keeps a stack.
"""

from __future__ import annotations

import datetime as dt

from desktop_app.core import reference_series
from desktop_app.core.report import LossReport
from desktop_app.services.changes import NOTHING, Changes
from desktop_app.storage import report_history, reports, trash, versions
from desktop_app.storage.db.models import database_proxy
from desktop_app.storage.report_history import ReportSnapshot

MANUAL = "manual"


def _changed(date: dt.date, *, trash: bool = False) -> Changes:
    return Changes(reports=True, trash=trash, report_dates=frozenset({date}))


def save_report(
    report: LossReport,
    *,
    replace: bool = True,
    source: str = MANUAL,
    article_id: int | None = None,
    expected_version: int | None = None,
    expected_row: int | None = None,
) -> Changes:
    """Store a report. `replace`: the stored figures become exactly these (an edit, or
    Replace); otherwise they are merged in, keeping stored figures this report does not
    state (Merge). `article_id` links the article that published it. An edit opened at
    `expected_version` of row `expected_row` is refused (ConflictError) when someone changed
    the report since, or deleted it and entered another for its date."""
    if report.date is None:
        raise ValueError("a report needs a date to be saved")
    with database_proxy.atomic():
        # Someone else's save since the dialog opened: say so instead of overwriting it.
        versions.expect_report(report.date, expected_version, expected_row)
        reports.save_report(report, source=source, article_id=article_id, replace=replace)
    return _changed(report.date)


def delete_report(date: dt.date) -> Changes:
    """Delete the report of `date`; it goes to the Trash whole (figures, note, links)."""
    with database_proxy.atomic():
        deleted = trash.delete_report(date)
    return _changed(date, trash=True) if deleted else NOTHING


def link_article(date: dt.date, item_id: int) -> Changes:
    """Link an article or brief to the stored report of `date` (ValueError if none)."""
    with database_proxy.atomic():
        added = reports.link_article(date, item_id)
    return _changed(date) if added else NOTHING


def unlink_article(date: dt.date, item_id: int) -> Changes:
    with database_proxy.atomic():
        removed = report_history.unlink_article(date, item_id)
    return _changed(date) if removed else NOTHING


def restore_report(date: dt.date, snapshot: ReportSnapshot | None) -> Changes:
    """Make the report of `date` exactly `snapshot` (undo and redo). A report that goes is
    kept in the Trash; one that comes back leaves it."""
    with database_proxy.atomic():
        trash.restore_report(date, snapshot)
    return _changed(date, trash=True)


FOUND_IN_ARCHIVE = "date found from the figures in the archive"
FOUND_IN_REFERENCE = reference_series.FOUND_IN_REFERENCE


def date_from_archive(report: LossReport) -> LossReport:
    """Date a parsed report whose text gives no date, from the archive's stored series.

    Totals only grow, so the totals a text states match one stored day (or a run of days with
    the same totals); stated changes match one day's change (stated, or derived from the day
    before). Only a single matching day dates the report, and the note says how; otherwise the
    report comes back unchanged (its date stays unknown).
    """
    import dataclasses

    if report.date is not None or not (report.figures or report.changes_only):
        return report
    matches = reference_series.matching_days(report, reports.load_all_reports())
    if len(matches) != 1:
        return report
    return dataclasses.replace(report, date=matches[0], date_note=FOUND_IN_ARCHIVE)


def date_from_reference(report: LossReport) -> LossReport:
    """Date a parsed report whose text gives no date from the official series the program
    carries (`core.reference_series`: one day its figures establish); else unchanged."""
    return reference_series.dated_from_official_series(report)


def establish_date(report: LossReport) -> LossReport:
    """Date an undated report from its figures: the archive's series first (the user's own
    reports), then the official one the program carries. Unchanged when neither settles it."""
    dated = date_from_archive(report)
    return dated if dated.date is not None else date_from_reference(report)
