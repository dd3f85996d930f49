"""Aggregations the Charts tab shows: period sums, normalisation, records and milestones.

Pure functions over SeriesPoints (no Qt, no numpy) so they can be property-tested and reused
by an export or the command line; the chart adapter turns their results into arrays.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from desktop_app.core.series import SeriesPoint

WEEK, MONTH, YEAR = "week", "month", "year"
PERIODS: tuple[str, ...] = (WEEK, MONTH, YEAR)


@dataclass(frozen=True)
class PeriodSum:
    """The losses of one calendar period: the sum of its derivable daily changes."""

    start: dt.date
    end: dt.date  # last day of the period (inclusive)
    total: int
    # Days of the period whose change could be derived; fewer than the period's length means
    # the sum covers only part of it (a gap, or the start/end of the data).
    days: int


@dataclass(frozen=True)
class Milestone:
    """The first report on which a category's total reached `threshold`."""

    threshold: int
    date: dt.date
    total: int


def period_start(date: dt.date, period: str) -> dt.date:
    """First day of the calendar week (Monday), month or year holding `date`."""
    if period == WEEK:
        return date - dt.timedelta(days=date.weekday())
    if period == MONTH:
        return date.replace(day=1)
    if period == YEAR:
        return date.replace(month=1, day=1)
    raise ValueError(f"unknown period: {period!r}")


def period_end(start: dt.date, period: str) -> dt.date:
    """Last day of the period beginning on `start`."""
    if period == WEEK:
        return start + dt.timedelta(days=6)
    if period == MONTH:
        following = (
            start.replace(year=start.year + 1, month=1)
            if start.month == 12
            else (start.replace(month=start.month + 1))
        )
        return following - dt.timedelta(days=1)
    if period == YEAR:
        return start.replace(month=12, day=31)
    raise ValueError(f"unknown period: {period!r}")


def period_sums(points: Sequence[SeriesPoint], period: str) -> list[PeriodSum]:
    """Sums of the derived daily changes per week, month or year, oldest first.

    Derived changes, not stated ones: their sum over a run of consecutive days equals the
    difference of the totals, so the bars agree with the cumulative line. Changes across a gap
    are unknown per day and are left out (the `days` field says how much was covered).
    """
    sums: dict[dt.date, list[int]] = {}
    for p in points:
        if p.derived_change is None:
            continue
        entry = sums.setdefault(period_start(p.date, period), [0, 0])
        entry[0] += p.derived_change
        entry[1] += 1
    return [
        PeriodSum(start, period_end(start, period), total, days)
        for start, (total, days) in sorted(sums.items())
    ]


def daily_changes(points: Sequence[SeriesPoint]) -> list[int | None]:
    """The derived change of each point (None where it cannot be derived)."""
    return [p.derived_change for p in points]


def normalise(values: Sequence[float | None], start: int = 0) -> list[float | None]:
    """Values as an index: 100 at the first usable value at or after position `start`.

    A zero or missing base cannot be scaled, so the base is the first non-zero value; the
    values before `start` are scaled by the same base (the curve stays one curve). All None
    when no base exists.
    """
    base = next((v for v in values[max(start, 0) :] if v is not None and v != 0), None)
    if base is None:
        return [None] * len(values)
    return [None if v is None else v * 100.0 / base for v in values]


def records(points: Sequence[SeriesPoint], count: int = 5) -> list[SeriesPoint]:
    """The `count` days with the largest derived change, largest first (earlier date first
    among equals). Stated changes are not ranked: a typo in a post must not become a record."""
    ranked = [p for p in points if p.derived_change is not None]
    ranked.sort(key=lambda p: (-(p.derived_change or 0), p.date))
    return ranked[:count]


def milestone_step(latest_total: int) -> int:
    """A round step giving at most 15 milestones up to `latest_total`: 1, 2 or 5 × 10^k.

    It gives every 100,000 personnel (about 1.4 million) and every 1,000 tanks (about 12,000).
    """
    step = 1
    while True:
        for factor in (1, 2, 5):
            if latest_total // (step * factor) <= 15:
                return step * factor
        step *= 10


def milestones(points: Sequence[SeriesPoint], step: int) -> list[Milestone]:
    """Each multiple of `step` the total reached, with the first report that reached it.

    Totals can fall (official corrections); a threshold counts once, on the first crossing.
    A jump over several thresholds in one report gives each of them that report's date.
    """
    if step < 1:
        raise ValueError("step must be at least 1")
    out: list[Milestone] = []
    reached = 0
    for p in sorted(points, key=lambda q: q.date):
        while p.total >= (reached + 1) * step:
            reached += 1
            out.append(Milestone(reached * step, p.date, p.total))
    return out
