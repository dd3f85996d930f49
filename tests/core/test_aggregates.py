"""The Charts tab's aggregations: period sums, normalisation, records, milestones.

Run long with ``HYPOTHESIS_PROFILE=ci``.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.core.aggregates import (
    MONTH,
    PERIODS,
    WEEK,
    YEAR,
    Milestone,
    milestone_step,
    milestones,
    normalise,
    period_end,
    period_start,
    period_sums,
    records,
)
from desktop_app.core.series import derive_series

D = dt.date(2023, 12, 29)  # a Friday, three days before a new year


def series(totals: list[int | None], start: dt.date = D):
    return derive_series(
        (start + dt.timedelta(days=i), t, None) for i, t in enumerate(totals) if t is not None
    )


def test_milestone_dates_are_exact_for_a_known_series() -> None:
    pts = series([950, 990, 1_004, 1_990, 2_050, 1_998, 2_020, 3_100])
    assert milestones(pts, 1_000) == [
        Milestone(1_000, D + dt.timedelta(2), 1_004),
        Milestone(2_000, D + dt.timedelta(4), 2_050),  # the fall to 1,998 does not re-cross
        Milestone(3_000, D + dt.timedelta(7), 3_100),
    ]


def test_a_jump_over_two_thresholds_dates_both_on_that_day() -> None:
    pts = series([90, 310])
    assert [(m.threshold, m.date) for m in milestones(pts, 100)] == [
        (100, D + dt.timedelta(1)),
        (200, D + dt.timedelta(1)),
        (300, D + dt.timedelta(1)),
    ]


def test_milestone_steps_match_what_analysts_count() -> None:
    assert milestone_step(1_456_610) == 100_000  # personnel
    assert milestone_step(12_251) == 1_000  # tanks
    assert milestone_step(35) == 5  # ships
    assert milestone_step(0) == 1


def test_weekly_sums_follow_calendar_weeks_and_skip_gaps() -> None:
    # Fri 29 Dec … Thu 4 Jan; no report on Tue 2 Jan, so neither 2 nor 3 Jan has a change.
    pts = series([100, 103, 110, 111, None, 118, 121])
    sums = period_sums(pts, WEEK)
    assert [(s.start, s.total, s.days) for s in sums] == [
        (dt.date(2023, 12, 25), 10, 2),  # Sat +3, Sun +7
        (dt.date(2024, 1, 1), 1 + 3, 2),  # Mon +1, (Tue missing, Wed after a gap), Thu +3
    ]


def test_monthly_and_yearly_sums_split_at_the_new_year() -> None:
    pts = series([100, 103, 110, 111])
    assert [(s.start, s.end, s.total) for s in period_sums(pts, MONTH)] == [
        (dt.date(2023, 12, 1), dt.date(2023, 12, 31), 10),
        (dt.date(2024, 1, 1), dt.date(2024, 1, 31), 1),
    ]
    assert [(s.start, s.total) for s in period_sums(pts, YEAR)] == [
        (dt.date(2023, 1, 1), 10),
        (dt.date(2024, 1, 1), 1),
    ]


def test_normalisation_starts_at_100() -> None:
    assert normalise([50, 100, 150]) == [100.0, 200.0, 300.0]
    assert normalise([0, None, 40, 80], start=1) == [0.0, None, 100.0, 200.0]
    assert normalise([None, 0]) == [None, None]


def test_records_rank_derived_changes_largest_first() -> None:
    pts = series([10, 30, 31, 51, 40])
    assert [(p.date, p.derived_change) for p in records(pts, 3)] == [
        (D + dt.timedelta(1), 20),
        (D + dt.timedelta(3), 20),
        (D + dt.timedelta(2), 1),
    ]


def test_unknown_period_is_refused() -> None:
    with pytest.raises(ValueError):
        period_start(D, "fortnight")
    with pytest.raises(ValueError):
        milestones([], 0)


totals_with_gaps = st.lists(st.one_of(st.none(), st.integers(0, 10**6)), min_size=1, max_size=120)


@given(
    totals_with_gaps, st.sampled_from(PERIODS), st.dates(dt.date(2022, 2, 24), dt.date(2030, 1, 1))
)
def test_period_sums_add_up_to_the_derived_changes(totals, period, start) -> None:
    pts = series(totals, start)
    sums = period_sums(pts, period)
    assert sum(s.total for s in sums) == sum(p.derived_change or 0 for p in pts)
    assert sum(s.days for s in sums) == sum(p.derived_change is not None for p in pts)
    for s in sums:
        assert period_start(s.start, period) == s.start <= s.end == period_end(s.start, period)
        assert period_start(s.end, period) == s.start
    assert [s.start for s in sums] == sorted({s.start for s in sums})


@given(
    st.integers(1, 10**5).flatmap(
        lambda step: st.tuples(
            st.just(step), st.lists(st.integers(0, 40 * step), min_size=1, max_size=200)
        )
    )
)
def test_each_milestone_is_the_first_crossing(drawn) -> None:
    step, totals = drawn
    pts = series(totals)
    found = milestones(pts, step)
    assert [m.threshold for m in found] == [step * (i + 1) for i in range(len(found))]
    assert len(found) == max(totals) // step
    for m in found:
        first = next(p for p in pts if p.total >= m.threshold)
        assert (m.date, m.total) == (first.date, first.total)


@given(
    st.lists(st.one_of(st.none(), st.integers(-(10**6), 10**6)), max_size=80), st.integers(0, 90)
)
def test_normalised_base_is_100(values, start) -> None:
    out = normalise(values, start)
    assert len(out) == len(values)
    base = next((i for i, v in enumerate(values) if i >= start and v), None)
    if base is None:
        assert all(v is None for v in out)
    else:
        assert out[base] == pytest.approx(100.0)
        assert [v is None for v in out] == [v is None for v in values]


@given(st.integers(0, 10**9))
def test_milestone_step_gives_at_most_15_milestones(latest) -> None:
    step = milestone_step(latest)
    assert latest // step <= 15
    assert str(step).strip("0") in {"1", "2", "5"}
