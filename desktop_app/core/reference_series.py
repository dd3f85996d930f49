"""The General Staff's daily totals the program carries, and dating a report from a series.

A text that gives no date can still be dated by its figures: cumulative totals only grow, so
the totals a text states match one day of the official series (or a run of days with the same
totals, which dates nothing). The archive's stored reports are asked first (services.reports);
when they do not settle it, the series below does: every day of the war from 25 Feb 2022 to
8 Aug 2026 as public figures (`desktop_app/resources/reference/`, rebuilt by
`python -m tools.reference_series`). Never a guess: only a single matching day counts.
"""

from __future__ import annotations

import datetime as dt
import functools
import gzip
from collections.abc import Sequence
from importlib import resources

from desktop_app.core.report import LossReport

FOUND_IN_REFERENCE = "date found from the General Staff's figures the program carries"


@functools.cache
def official_days() -> tuple[LossReport, ...]:
    """The carried series, oldest first (read once, ~30 ms)."""
    # The file format's reader only when a text needs dating, never at start-up.
    from desktop_app.core.formats.frontline_csv import read_reports_csv

    packed = resources.files("desktop_app") / "resources" / "reference"
    text = gzip.decompress((packed / "general_staff_daily.csv.gz").read_bytes()).decode("utf-8")
    return tuple(sorted(read_reports_csv(text), key=lambda day: day.date or dt.date.min))


def matching_days(report: LossReport, series: Sequence[LossReport]) -> list[dt.date]:
    """The days of `series` (oldest first) whose totals are every total `report` states and
    whose changes (stated, or derived from the day before) are every change it states alone."""
    days: list[dt.date] = []
    previous: LossReport | None = None
    for day in series:
        if day.date is not None and _matches(report, day, previous):
            days.append(day.date)
        previous = day
    return days


def _matches(report: LossReport, day: LossReport, previous: LossReport | None) -> bool:
    for key, figure in report.figures.items():
        held = day.figures.get(key)
        if held is None or held.total != figure.total:
            return False
    for key, change in report.changes_only.items():
        held = day.figures.get(key)
        if held is None:
            return False
        derived = None
        if previous is not None and key in previous.figures:
            derived = held.total - previous.figures[key].total
        if change not in (held.change, derived):
            return False
    return True


def date_from_official_series(
    report: LossReport, series: Sequence[LossReport] | None = None
) -> dt.date | None:
    """The one day of the official series (the carried one unless given) that `report`'s
    stated totals match, or None.

    Stricter than the archive's own series, because this one ends (8 Aug 2026) while texts go
    on: a report must state at least one total (daily changes alone recur across four years of
    days), and a match on the series' last day dates nothing (the same totals may have held on
    the days after it, which the series does not know).
    """
    if report.date is not None or not report.figures:
        return None
    days = official_days() if series is None else series
    found = matching_days(report, days)
    if len(found) != 1 or found[0] == days[-1].date:
        return None
    return found[0]
