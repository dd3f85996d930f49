"""The official daily series the program carries, and dating an undated report from it."""

from __future__ import annotations

import datetime as dt
import itertools

from desktop_app.core.reference_series import date_from_official_series, official_days
from desktop_app.core.report import Figure, LossReport

D = dt.date(2024, 5, 1)


def day(offset: int, **totals: int) -> LossReport:
    return LossReport(D + dt.timedelta(days=offset), {k: Figure(v) for k, v in totals.items()})


SERIES = [
    day(0, tanks=7400, personnel=471000),
    day(1, tanks=7410, personnel=472100),
    day(2, tanks=7410, personnel=473000),  # tanks unchanged for two days
    day(3, tanks=7421, personnel=474200),
    day(4, tanks=7430, personnel=475100),  # the series' last day
]


def stated(changes: dict[str, int] | None = None, **totals: int) -> LossReport:
    return LossReport(None, {k: Figure(v) for k, v in totals.items()}, changes_only=changes or {})


def test_one_matching_day_dates_a_report_and_anything_else_leaves_it_unknown() -> None:
    assert date_from_official_series(stated(personnel=472100), SERIES) == D + dt.timedelta(1)
    assert date_from_official_series(stated(tanks=7421, personnel=474200), SERIES) == (
        D + dt.timedelta(3)
    )
    # Two days hold these totals: which one the text meant is not known.
    assert date_from_official_series(stated(tanks=7410), SERIES) is None
    # Totals of no day, or of two different days at once.
    assert date_from_official_series(stated(tanks=7405), SERIES) is None
    assert date_from_official_series(stated(tanks=7400, personnel=472100), SERIES) is None
    # A stated change must be the day's change too (derived from the day before).
    assert date_from_official_series(stated({"tanks": 10}, personnel=472100), SERIES) is not None
    assert date_from_official_series(stated({"tanks": 3}, personnel=472100), SERIES) is None


def test_the_series_last_day_and_changes_alone_date_nothing() -> None:
    # The totals of the last day may have held on the days after it, which the series lacks.
    assert date_from_official_series(stated(tanks=7430, personnel=475100), SERIES) is None
    # Changes alone recur over four years of days: never dated from this series.
    assert date_from_official_series(stated({"personnel": 1200, "tanks": 11}), SERIES) is None
    # A report whose text gave its date is left as it is.
    assert date_from_official_series(SERIES[1], SERIES) is None


def test_the_carried_series_covers_the_war_day_by_day_with_growing_totals() -> None:
    days = official_days()
    assert days[0].date == dt.date(2022, 2, 25) and days[-1].date == dt.date(2026, 8, 8)
    dates = [d.date for d in days if d.date is not None]
    assert all((b - a).days == 1 for a, b in itertools.pairwise(dates))
    # Public figures of the General Staff's report of 25 Feb 2022: 2,800 troops, 80 tanks.
    assert days[0].figures["personnel"].total == 2800 and days[0].figures["tanks"].total == 80
    personnel = [d.figures["personnel"].total for d in days]
    assert personnel == sorted(personnel)
    # The official figures of 25 Nov 2023 (the day 640 report) date a text stating them.
    assert date_from_official_series(stated(tanks=5502, personnel=323760)) == dt.date(2023, 11, 25)
