"""The official daily series the program carries, and dating an undated report from it."""

from __future__ import annotations

import datetime as dt
import itertools
import random

from desktop_app.core.reference_series import (
    date_from_official_series,
    day_of_changes,
    official_days,
)
from desktop_app.core.report import Figure, LossReport

D = dt.date(2024, 5, 1)


def day(offset: int, **totals: int) -> LossReport:
    return LossReport(D + dt.timedelta(days=offset), {k: Figure(v) for k, v in totals.items()})


SERIES = [
    day(0, tanks=7400, personnel=471000, ships=28),
    day(1, tanks=7410, personnel=472100, ships=28),
    day(2, tanks=7410, personnel=473000, ships=28),  # tanks unchanged for two days
    day(3, tanks=7421, personnel=474200, ships=28),
    day(4, tanks=7430, personnel=475100, ships=28),  # the series' last day
]


def stated(changes: dict[str, int] | None = None, **totals: int) -> LossReport:
    return LossReport(None, {k: Figure(v) for k, v in totals.items()}, changes_only=changes or {})


def dated(report: LossReport, series: list[LossReport] | None = None) -> dt.date | None:
    found = date_from_official_series(report, SERIES if series is None else series)
    return None if found is None else found[0]


def test_one_matching_day_dates_a_report_and_anything_else_leaves_it_unknown() -> None:
    assert dated(stated(personnel=472100)) == D + dt.timedelta(1)
    assert dated(stated(tanks=7421, personnel=474200)) == D + dt.timedelta(3)
    # Two days hold these totals: which one the text meant is not known.
    assert dated(stated(tanks=7410)) is None
    # Totals of no day, or of two different days at once.
    assert dated(stated(tanks=7405)) is None
    assert dated(stated(tanks=7400, personnel=472100)) is None
    # A stated change must be the day's change too (derived from the day before).
    assert dated(stated({"tanks": 10}, personnel=472100)) == D + dt.timedelta(1)
    assert dated(stated({"tanks": 3}, personnel=472100)) is None
    # A report whose text gave its date is left as it is.
    assert date_from_official_series(SERIES[1], SERIES) is None


def test_nothing_is_dated_that_may_lie_beyond_the_series_end() -> None:
    # The last day's totals may have held on the days after it, which the series lacks.
    assert dated(stated(tanks=7430, personnel=475100)) is None
    # 28 ships held to the end: the text may be later; the change cannot tell which day.
    assert dated(stated({"tanks": 11}, ships=28)) is None
    # A total that grew later shows the text is older than the end: then the change dates it.
    assert dated(stated({"tanks": 11}, ships=28, personnel=474200)) == D + dt.timedelta(3)
    # Changes alone: a day is dated only if no other day is likely to share them by chance.
    assert dated(stated({"tanks": 11, "personnel": 1200})) is None


def test_changes_alone_date_a_day_when_a_coincidence_is_unlikely() -> None:
    rng = random.Random(3)
    totals = {"personnel": 0, "tanks": 0, "artillery": 0, "drones": 0, "air_defense": 0}
    series = []
    for n in range(1000):
        for key in totals:
            totals[key] += rng.randint(0, 1200 if key == "personnel" else 40)
        series.append(day(n, **totals))
    i = 500
    changes = {k: series[i].figures[k].total - series[i - 1].figures[k].total for k in totals}
    assert dated(stated(changes), series) == series[i].date
    # One change alone is too common to date anything.
    assert dated(stated({"air_defense": changes["air_defense"]}), series) is None


def test_one_figure_may_differ_when_six_others_match_one_day() -> None:
    full = {"personnel": 474200, "tanks": 7421, "artillery": 9000, "mlrs": 1100, "aircraft": 360}
    series = [
        LossReport(d.date, {**d.figures, **{k: Figure(v + i) for k, v in full.items()}})
        for i, d in enumerate(SERIES)
    ]
    text = {k: v + 2 for k, v in full.items()}  # the figures of the third day
    assert date_from_official_series(stated(**text, ships=28), series) == (
        D + dt.timedelta(2),
        None,
    )
    typo = {**text, "tanks": 7000}  # one misread figure, five others match: not enough
    assert date_from_official_series(stated(**typo, ships=28), series) is None
    six = stated({"air_defense": 0}, **typo, ships=28)
    series = [LossReport(d.date, {**d.figures, "air_defense": Figure(300)}) for d in series]
    # The figure that differs is named as the series has it: the third day's 7,423 tanks.
    assert date_from_official_series(six, series) == (D + dt.timedelta(2), "tanks 7423")


def test_texts_from_after_the_series_end_are_never_dated() -> None:
    """The carried series cut at three days, and texts from the days after each cut stating
    random sets of totals, of changes and of both: none may be dated."""
    days = official_days()
    rng = random.Random(11)
    for cut in (700, 1100, 1400):
        series = list(days[:cut])
        for j in rng.sample(range(cut, len(days)), 60):
            today, before = days[j].figures, days[j - 1].figures
            keys = [k for k in today if k in before]
            change = {k: today[k].total - before[k].total for k in keys}
            pick = rng.sample(keys, rng.randint(1, len(keys)))
            half = pick[: len(pick) // 2]
            for report in (
                stated({k: change[k] for k in pick}),
                stated(**{k: today[k].total for k in pick}),
                stated(
                    {k: change[k] for k in pick if k not in half},
                    **{k: today[k].total for k in half},
                ),
            ):
                assert dated(report, series) is None, (days[j].date, report)


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
    assert date_from_official_series(stated(tanks=5502, personnel=323760)) == (
        dt.date(2023, 11, 25),
        None,
    )


def test_a_day_and_month_with_daily_changes_take_the_one_year_they_fit_never_another() -> None:
    """Texts of random days stating random sets of their derived changes, with the same day
    and month of the other years as candidates: never dated when the true year is missing
    from the candidates (as for a year the series lacks), never to another day when it is
    there."""
    days = official_days()
    rng = random.Random(21)
    dated = 0
    for _ in range(300):
        i = rng.randrange(1, len(days) - 1)
        day_, before = days[i].figures, days[i - 1].figures
        keys = [k for k in day_ if k in before]
        pick = rng.sample(keys, rng.randint(1, min(len(keys), 8)))
        changes = {k: day_[k].total - before[k].total for k in pick}
        when = days[i].date
        assert when is not None
        others = []
        for year in range(2022, 2027):
            if year != when.year and (when.month, when.day) != (2, 29):
                other = when.replace(year=year)
                if dt.date(2022, 2, 24) < other <= dt.date(2026, 12, 2):
                    others.append(other)
        assert day_of_changes(others, changes) is None, (when, changes)
        found = day_of_changes([*others, when], changes)
        assert found in (None, when), (when, changes, found)
        dated += found == when
    assert dated > 100  # most sets of several changes do date their day (measured: 182)
