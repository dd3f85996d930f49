"""Loss reports in the database: reading them back as core objects, saving, importing.

Every write is one transaction and refreshes the stored warnings, so what the window and
`check` show always matches the figures.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from peewee import chunked

from desktop_app.core.report import Figure, LossReport, day_of_war
from desktop_app.core.report_merge import combine_notes
from desktop_app.core.series import SeriesPoint, derive_series
from desktop_app.core.validation import WARNING, Problem, compare_with_previous
from desktop_app.storage.db.errors import StoredValueError
from desktop_app.storage.db.models import (
    Report,
    ReportArticle,
    ReportFigure,
    ReportWarning,
    database_proxy,
    utc_now,
)
from desktop_app.storage.report_batches import add_reports, update_report, write_figure_rows
from desktop_app.storage.report_columns import SeriesRow, date_value, figure_columns
from desktop_app.storage.stored_values import check_categories, check_figure_rows, stored_day

_T = TypeVar("_T")


@dataclass
class ImportSummary:
    added: list[dt.date] = field(default_factory=list)
    updated: list[dt.date] = field(default_factory=list)
    unchanged: list[dt.date] = field(default_factory=list)

    def merge(self, other: ImportSummary) -> None:
        self.added += other.added
        self.updated += other.updated
        self.unchanged += other.unchanged

    def line(self) -> str:
        return (
            f"{len(self.added)} added, {len(self.updated)} updated, {len(self.unchanged)} unchanged"
        )


def _stored_report(report: Report) -> LossReport:
    """`report` with its figures, each checked as `load_all_reports` checks them."""
    rows = database_proxy.execute_sql(
        "SELECT report_id, category, total, change FROM report_figure"
        f" WHERE report_id = {int(report.id)} ORDER BY id"
    ).fetchall()
    check_figure_rows(rows)
    return LossReport(
        date=report.date,
        figures={category: Figure(total, change) for _r, category, total, change in rows},
        qualifier=report.qualifier,
        note=report.note,
    )


def _slot(cls: type, name: str) -> Callable[[object, object], None]:
    setter: Callable[[object, object], None] = getattr(cls, name).__set__
    return setter


def load_all_reports() -> list[LossReport]:
    """Every stored report, oldest first; two plain queries whatever the archive's size.

    Plain cursors: peewee's row conversion costs 10× the query at 30,000 figures, and its
    date conversion (strptime) 5× the rest of the reports' query.
    """
    # Figure(total, change) runs the dataclass's __init__ (a frozen one sets each field
    # through object.__setattr__): 1.8 µs a figure, most of the load. The values come from
    # the table as the model stored them, so the slots are filled directly (0.3 µs).
    new, set_total, set_change = object.__new__, _slot(Figure, "total"), _slot(Figure, "change")
    figures: dict[int, dict[str, Figure]] = {}
    rows = database_proxy.execute_sql(
        "SELECT report_id, category, total, change FROM report_figure"
    ).fetchall()  # (a third less than stepping the cursor row by row)
    check_figure_rows(rows)  # another program's 'many' is said, never passed on
    last: int | None = None
    of_report: dict[str, Figure] = {}
    for report_id, category, total, change in rows:
        if report_id != last:  # a report's figures are mostly stored together
            last = report_id
            of_report = figures.setdefault(report_id, {})
        figure = new(Figure)
        set_total(figure, total)
        set_change(figure, change)
        of_report[category] = figure
    reports = database_proxy.execute_sql(
        "SELECT id, date, qualifier, note FROM report ORDER BY date"
    ).fetchall()
    try:
        return [
            LossReport.stored(stored_day(date, rid), figures.get(rid, {}), qualifier, note)
            for rid, date, qualifier, note in reports
        ]
    except ValueError as exc:
        if isinstance(exc, StoredValueError):
            raise
        for rid, of_report in figures.items():  # a category another program wrote
            check_categories(rid, list(of_report))
        raise


def load_report(date: dt.date) -> LossReport | None:
    report = Report.get_or_none(Report.date == date)
    if report is None:
        return None
    return _named(date, lambda: _stored_report(report))


def previous_report(date: dt.date) -> LossReport | None:
    """The newest report stored before `date` (not necessarily the day before)."""
    report = Report.select().where(Report.date < date).order_by(Report.date.desc()).first()
    if report is None:
        return None
    return _named(report.date, lambda: _stored_report(report))


def _named(date: dt.date | None, read: Callable[[], _T]) -> _T:
    """`read()`, a value another program stored in a foreign form said with the report's date."""
    try:
        return read()
    except StoredValueError:
        raise
    except ValueError as exc:  # LossReport refused a category another program wrote
        raise StoredValueError(f"Report {date}: {exc}" if date else str(exc)) from None


def count_reports() -> int:
    return int(Report.select().count())


def report_dates() -> list[dt.date]:
    """Every report's date, oldest first (plain SQL: a model row per date cost 8× the read)."""
    rows = database_proxy.execute_sql("SELECT date FROM report ORDER BY date").fetchall()
    return [date_value(date) for (date,) in rows]


def report_article_ids(date: dt.date) -> list[int]:
    """The articles and briefs linked to the report of `date`, oldest link first."""
    query = (
        ReportArticle.select(ReportArticle.item)
        .join(Report)
        .where(Report.date == date)
        .order_by(ReportArticle.id)
    )
    return [link.item_id for link in query]


def all_report_articles() -> dict[dt.date, list[tuple[int, str]]]:
    """Every report's linked articles and briefs as (id, title), oldest link first; one query."""
    rows = database_proxy.execute_sql(
        "SELECT r.date, i.id, i.title FROM report_article ra"
        " JOIN report r ON r.id = ra.report_id JOIN item i ON i.id = ra.item_id"
        " ORDER BY r.date, ra.id"
    )
    found: dict[dt.date, list[tuple[int, str]]] = defaultdict(list)
    for date, item_id, title in rows:
        found[date_value(date)].append((item_id, title))
    return dict(found)


def link_article(date: dt.date, item_id: int) -> bool:
    """Link an article to the report of `date`; False when it was linked already."""
    report = Report.get_or_none(Report.date == date)
    if report is None:
        raise ValueError(f"no report stored for {date.isoformat()}")
    with database_proxy.atomic():
        # Checked first: SQLite's last row id survives an ignored insert, so it cannot tell.
        exists = (
            ReportArticle.select()
            .where((ReportArticle.report == report.id) & (ReportArticle.item == item_id))
            .exists()
        )
        if not exists:
            ReportArticle.insert(report=report.id, item=item_id).execute()
    return not exists


def with_derived_changes(report: LossReport, previous: LossReport | None) -> LossReport:
    """The report with each missing change derived from the previous day's total."""
    if report.date is None or previous is None or previous.date is None:
        return report
    if (report.date - previous.date).days != 1:
        return report
    figures = {}
    for key, fig in report.figures.items():
        before = previous.figures.get(key)
        change = fig.change
        if change is None and before is not None:
            change = fig.total - before.total
        figures[key] = Figure(fig.total, change)
    return LossReport(report.date, figures, report.qualifier, report.note)


def category_series(key: str) -> list[SeriesPoint]:
    """One category's totals over time with stated and derived changes."""
    rows = (
        ReportFigure.select(Report.date, ReportFigure.total, ReportFigure.change)
        .join(Report)
        .where(ReportFigure.category == key)
        .order_by(Report.date)
        .tuples()
    )
    return derive_series((d, t, c) for d, t, c in rows)


def all_category_rows() -> dict[str, list[SeriesRow]]:
    """Every category's series, with changes derived as `derive_series` does (only across
    consecutive days), from one read of the figures (`figure_columns`)."""
    columns = figure_columns()
    return {key: columns.rows(key) for key in columns.totals}


def all_category_series() -> dict[str, list[SeriesPoint]]:
    """Every category's series (as `category_series`), in one query."""
    return {key: [SeriesPoint(*row) for row in rows] for key, rows in all_category_rows().items()}


def stored_warnings(date: dt.date) -> list[Problem]:
    query = ReportWarning.select().join(Report).where(Report.date == date)
    return [Problem(WARNING, w.kind, w.message, date, w.category) for w in query]


def all_stored_warnings() -> list[Problem]:
    query = (
        ReportWarning.select(ReportWarning, Report.date)
        .join(Report)
        .order_by(Report.date, ReportWarning.category)
    )
    return [Problem(WARNING, w.kind, w.message, w.report.date, w.category) for w in query]


def refresh_warnings() -> int:
    """Recompute the stored warnings of every report from its predecessor. Returns the count.

    A full pass costs a few tens of milliseconds at 2,000 reports and cannot miss the knock-on
    effect an edit has on the next day's report.
    """
    reports = load_all_reports()
    ids = dict(Report.select(Report.date, Report.id).tuples())
    rows = []
    for prev, cur in itertools.pairwise(reports):
        for p in compare_with_previous(cur, prev):
            rows.append(
                {
                    "report": ids[cur.date],
                    "category": p.category,
                    "kind": p.kind,
                    "message": p.message,
                }
            )
    with database_proxy.atomic():
        ReportWarning.delete().execute()
        for batch in chunked(rows, 200):
            ReportWarning.insert_many(batch).execute()
    return len(rows)


def write_figures(report_id: int, figures: dict[str, Figure]) -> None:
    write_figure_rows([(report_id, figures)])


def save_report(
    report: LossReport,
    *,
    source: str = "manual",
    article_id: int | None = None,
    replace: bool = True,
) -> int:
    """Store one report in one transaction; returns its id.

    With `replace`, the stored figures become exactly the report's (an edit); otherwise the
    report's figures are merged into what is stored for that date.
    """
    if report.date is None:
        raise ValueError("a report needs a date to be saved")
    with database_proxy.atomic():
        row = Report.get_or_none(Report.date == report.date)
        if row is None:
            row = Report.create(
                date=report.date,
                day=day_of_war(report.date),
                qualifier=report.qualifier,
                note=report.note,
                source=source,
            )
        else:
            row.qualifier = report.qualifier
            row.note = report.note
            row.source = source
            row.updated_at = utc_now()
            row.save()
            if replace:
                # Only the categories the report no longer states: the others are updated
                # in place below, so a figure's history shows a change, not a delete and an add.
                ReportFigure.delete().where(
                    (ReportFigure.report == row.id)
                    & ReportFigure.category.not_in(list(report.figures))
                ).execute()
        write_figures(row.id, dict(report.figures))
        if article_id is not None:
            ReportArticle.insert(report=row.id, item=article_id).on_conflict_ignore().execute()
        refresh_warnings()
    return int(row.id)


def delete_report(date: dt.date) -> bool:
    """Delete the report of `date` for good (figures, warnings and links go with it).

    Deleting into the Trash is `storage.trash.delete_report`, which builds on this."""
    with database_proxy.atomic():
        delete_figures_first(Report.date == date)
        deleted = Report.delete().where(Report.date == date).execute()
        refresh_warnings()
    return bool(deleted)


def delete_figures_first(reports: Any) -> None:
    """Delete the figures of the reports `reports` selects, before the reports themselves: the
    figures' history names each by its report's date, which a figure deleted with its report
    (ON DELETE CASCADE) no longer finds, so the deletion was kept without a date and Figure
    history never showed it."""
    ReportFigure.delete().where(
        ReportFigure.report.in_(Report.select(Report.id).where(reports))
    ).execute()


def import_changes(
    stored: LossReport, incoming: LossReport
) -> tuple[dict[str, Figure], str | None, str | None] | None:
    """What changes when an imported report is merged into `stored`; None when nothing does.

    A source that states no change (None) never erases a change another source stated, and
    notes from different sources accumulate instead of replacing each other.
    """
    changed: dict[str, Figure] = {}
    for key, fig in incoming.figures.items():
        old = stored.figures.get(key)
        kept = old.change if old is not None else None
        new = Figure(fig.total, fig.change if fig.change is not None else kept)
        if old != new:
            changed[key] = new
    qualifier = incoming.qualifier if incoming.qualifier is not None else stored.qualifier
    note = combine_notes(stored.note, incoming.note)
    if not changed and qualifier == stored.qualifier and note == stored.note:
        return None
    return changed, qualifier, note


def merge_by_date(reports: Sequence[LossReport]) -> dict[dt.date, LossReport]:
    """One report per date: reports of the same day within one input are merged first (a
    dataset's personnel file and its equipment file describe the same day)."""
    incoming: dict[dt.date, LossReport] = {}
    for rep in reports:
        if rep.date is None:
            raise ValueError("an imported report has no date")
        prior = incoming.get(rep.date)
        if prior is None:
            incoming[rep.date] = rep
            continue
        merged = import_changes(prior, rep)
        if merged is not None:
            figs, qualifier, note = merged
            incoming[rep.date] = LossReport(rep.date, {**prior.figures, **figs}, qualifier, note)
    return incoming


# How many dates are written between two progress calls (about 30 ms of work).
PROGRESS_EVERY = 100


def import_reports(
    reports: Sequence[LossReport],
    *,
    source: str,
    sources: Mapping[dt.date, str] | None = None,
    progress: Callable[[int], None] | None = None,
) -> ImportSummary:
    """Merge many reports into the archive in one transaction; the same input twice is a no-op.

    `sources` gives the source of particular dates (what the program's own export says of
    each report); a report it adds or changes takes that source, so a report entered by
    hand stays 'manual' through an export and an import.

    `progress(dates_done)` is called every PROGRESS_EVERY dates; raising there (a cancel)
    rolls the whole import back.
    """
    incoming = merge_by_date(reports)

    summary = ImportSummary()
    with database_proxy.atomic():
        stored_rows = {r.date: r for r in Report.select(Report.id, Report.date, Report.source)}
        stored = {r.date: r for r in load_all_reports()}
        now = utc_now()
        # New reports and everyone's figures are written a hundred dates at a time.
        new: list[tuple[dt.date, int, str | None, str | None, str]] = []
        figures: list[tuple[int, dict[str, Figure]]] = []

        def flush() -> None:
            ids = add_reports(new, now)
            figures.extend((ids[date], dict(incoming[date].figures)) for date, *_ in new)
            write_figure_rows(figures)
            new.clear()
            figures.clear()

        for done, date in enumerate(sorted(incoming)):
            if done and done % PROGRESS_EVERY == 0:
                flush()
                if progress is not None:
                    progress(done)
            rep = incoming[date]
            row = stored_rows.get(date)
            stated = (sources or {}).get(date)
            if row is None:
                new.append((date, day_of_war(date), rep.qualifier, rep.note, stated or source))
                summary.added.append(date)
                continue
            merged = import_changes(stored[date], rep)
            if merged is None:
                summary.unchanged.append(date)
                continue
            figs, qualifier, note = merged
            update_report(row.id, qualifier, note, stated or row.source, now)
            figures.append((row.id, figs))
            summary.updated.append(date)
        flush()
        if summary.added or summary.updated:
            refresh_warnings()
    return summary
