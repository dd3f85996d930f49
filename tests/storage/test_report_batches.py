"""An import writes its reports and figures in batches; what it stores is what saving the same
reports one at a time stores: the reports, their figures and every figure's history row, on
both backends, across several batches, with new and already stored dates mixed."""

from __future__ import annotations

import datetime as dt
from typing import Any

from desktop_app.core.report import Figure, LossReport
from desktop_app.storage.db.models import (
    Report,
    ReportFigure,
    ReportFigureHistory,
    database_proxy,
)
from desktop_app.storage.reports import PROGRESS_EVERY, import_reports, save_report

START = dt.date(2023, 1, 1)
DAYS = 2 * PROGRESS_EVERY + 37  # three batches, the last one partial


def incoming(day: int) -> LossReport:
    figures = {"tanks": Figure(3_000 + 3 * day, 3 if day else None)}
    if day % 3:
        figures["aircraft"] = Figure(300 + day // 3, None)
    if day % 7 == 0:
        figures["drones"] = Figure(10_000 + day, 40)
    note = "from the daily post" if day % 5 == 0 else None
    return LossReport(START + dt.timedelta(days=day), figures, note=note)


def stored_earlier(day: int) -> LossReport:
    """What the archive had of a day before the import: its tanks (on odd days without their
    change), without the other categories."""
    tanks = incoming(day).figures["tanks"]
    stored = Figure(tanks.total, None if day % 2 else tanks.change)
    return LossReport(START + dt.timedelta(days=day), {"tanks": stored})


def state() -> tuple[list[Any], list[Any], list[Any]]:
    reports = sorted(
        (r.date, r.day, r.qualifier, r.note, r.source, r.changed_by) for r in Report.select()
    )
    figures = sorted(
        (f.report.date, f.category, f.total, f.change)
        for f in ReportFigure.select(ReportFigure, Report).join(Report)
    )
    history = sorted(
        (
            (h.date, h.category, h.old_total, h.old_change, h.total, h.change)
            for h in ReportFigureHistory.select()
        ),
        key=lambda h: (h[0], h[1], *(-1 if v is None else v for v in h[2:])),
    )
    return reports, figures, history


ALREADY = range(0, DAYS, 11)


def versions() -> dict[dt.date, int]:
    return {r.date: r.row_version for r in Report.select()}


def stored_by(batched: bool) -> tuple[list[Any], list[Any], list[Any]]:
    with database_proxy.atomic():
        Report.delete().execute()
        ReportFigureHistory.delete().execute()
    for day in ALREADY:
        save_report(stored_earlier(day), source="petroivaniuk-json")
    reports = [incoming(day) for day in reversed(range(DAYS))]
    if batched:
        done: list[int] = []
        summary = import_reports(reports, source="petroivaniuk-json", progress=done.append)
        assert done == [PROGRESS_EVERY, 2 * PROGRESS_EVERY]
        assert len(summary.added) == DAYS - len(ALREADY)
        assert sorted(summary.updated + summary.unchanged) == [
            START + dt.timedelta(days=d) for d in ALREADY
        ]
        assert summary.updated and summary.unchanged
    else:
        for report in reports:
            save_report(report, source="petroivaniuk-json", replace=False)
    return state()


def test_an_import_in_batches_stores_what_saving_one_by_one_stores(archive_db: Any) -> None:
    one_by_one = stored_by(batched=False)
    reports, figures, history = stored_by(batched=True)
    assert (reports, figures, history) == one_by_one
    assert [r[0] for r in reports] == [START + dt.timedelta(days=d) for d in range(DAYS)]
    assert figures == sorted(
        (START + dt.timedelta(days=d), k, f.total, f.change)
        for d in range(DAYS)
        for k, f in incoming(d).figures.items()
    )
    # One history row a figure saying it was added, and one for each stored tanks figure
    # that the import gave its change.
    given = [h for h in history if h[2] is not None]
    assert len(history) - len(given) == len(figures)
    assert given and all(h[2] == h[4] and h[3] is None and h[5] == 3 for h in given)
    # A report added by the import moved once with each of its figures, as one saved alone.
    added = {START + dt.timedelta(days=d): d for d in range(DAYS) if d not in ALREADY}
    assert {d: v for d, v in versions().items() if d in added} == {
        d: 1 + len(incoming(day).figures) for d, day in added.items()
    }
    assert [r[1] for r in reports] == [(r[0] - dt.date(2022, 2, 24)).days + 1 for r in reports]
    assert {r[0] for r in reports if r[3]} == {
        START + dt.timedelta(days=d) for d in range(DAYS) if d % 5 == 0
    }
