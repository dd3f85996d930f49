from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.core.series import derive_series, moving_average

D = dt.date(2024, 1, 1)


def test_derived_change_is_the_difference_of_consecutive_totals() -> None:
    pts = derive_series(
        [(D + dt.timedelta(1), 110, 10), (D, 100, None), (D + dt.timedelta(2), 108, 5)]
    )
    assert [(p.total, p.derived_change, p.stated_change) for p in pts] == [
        (100, None, None),
        (110, 10, 10),
        (108, -2, 5),
    ]
    assert [p.disagrees for p in pts] == [False, False, True]
    assert [p.change for p in pts] == [None, 10, 5]  # the stated change wins for display


def test_no_change_is_derived_across_a_gap() -> None:
    pts = derive_series([(D, 100, None), (D + dt.timedelta(3), 130, None)])
    assert pts[1].derived_change is None
    assert pts[1].previous_date == D


def test_moving_average() -> None:
    assert moving_average([1, 2, 3, None, 5, 6], 2) == [None, 1.5, 2.5, None, None, 5.5]
    with pytest.raises(ValueError):
        moving_average([1], 0)


@given(st.lists(st.integers(0, 10**6), min_size=1, max_size=60))
def test_derived_changes_add_up_to_the_total_rise(totals: list[int]) -> None:
    pts = derive_series((D + dt.timedelta(i), t, None) for i, t in enumerate(totals))
    assert sum(p.derived_change or 0 for p in pts) == totals[-1] - totals[0]
