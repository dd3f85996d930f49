"""Briefs carry only a time: their dates come from the page's timeline, marked estimated."""

from __future__ import annotations

import datetime as dt

from desktop_app.core.page.brief_dates import date_briefs, mentioned_dates
from desktop_app.core.page.text_page import BriefText, split_page
from tests.core.page.samples import DATED_BRIEFS, PAGE

LATER = dt.datetime(2024, 6, 1, tzinfo=dt.UTC)


def _utc(y: int, m: int, d: int, hh: int, mm: int) -> dt.datetime:
    return dt.datetime(y, m, d, hh, mm, tzinfo=dt.UTC)


def test_a_time_later_than_the_one_above_belongs_to_the_day_before() -> None:
    briefs = split_page(PAGE).briefs
    # The second brief names March 15; Kyiv is UTC+2 in March (summer time starts on the 31st).
    dates = date_briefs(briefs, page_date=dt.date(2024, 3, 14), now=LATER)
    assert [d.published_at for d in dates] == [
        _utc(2024, 3, 15, 13, 53),
        _utc(2024, 3, 15, 7, 8),
        _utc(2024, 3, 14, 23, 36),  # 1:36 AM on the 15th, Kyiv
        _utc(2024, 3, 14, 21, 47),  # 11:47 PM is later than 1:36 AM: the 14th
    ]
    assert all(d.estimated for d in dates)


def test_without_mentioned_dates_the_page_date_anchors_the_newest_brief() -> None:
    briefs = [BriefText(dt.time(18, 0), "A.", ""), BriefText(dt.time(19, 0), "B.", "")]
    dates = date_briefs(briefs, page_date=dt.date(2023, 8, 2), now=LATER)
    # Summer: Kyiv is UTC+3.
    assert [d.published_at for d in dates] == [_utc(2023, 8, 2, 15, 0), _utc(2023, 8, 1, 16, 0)]


def test_a_date_mentioned_in_the_small_hours_was_the_day_before() -> None:
    briefs = split_page(DATED_BRIEFS).briefs
    # Copied on Dec. 28: no page date. "attacked ... on Dec. 24" at 2:17 AM is the 25th.
    now = dt.datetime(2023, 12, 28, 12, tzinfo=dt.UTC)
    dates = date_briefs(briefs, page_date=None, now=now)
    assert [d.published_at.date() for d in dates] == [
        dt.date(2023, 12, 25),
        dt.date(2023, 12, 25),
        dt.date(2023, 12, 24),
    ]
    assert dates[1].published_at == _utc(2023, 12, 25, 0, 17)
    assert all(d.estimated for d in dates)


def test_mentions_outvote_the_page_date_but_never_go_before_it() -> None:
    briefs = split_page(DATED_BRIEFS).briefs
    dates = date_briefs(briefs, page_date=dt.date(2023, 12, 20), now=LATER)
    assert dates[0].published_at.date() == dt.date(2023, 12, 25)
    # A page dated after every mention: the page's date wins (the column is never older).
    dates = date_briefs(briefs, page_date=dt.date(2023, 12, 27), now=LATER)
    assert dates[0].published_at.date() == dt.date(2023, 12, 27)


def test_the_day_every_mentioned_date_agrees_on_wins() -> None:
    briefs = [
        # Told on the 23rd or the 24th ...
        BriefText(dt.time(11, 5), "Dormitory in Dnipro hit on Dec. 23.", ""),
        # ... and, the same day, in the small hours: the 24th or (likelier alone) the 25th.
        BriefText(dt.time(2, 17), "Depot attacked on Dec. 24.", ""),
    ]
    dates = date_briefs(briefs, page_date=None, now=dt.datetime(2023, 12, 28, tzinfo=dt.UTC))
    assert [d.published_at.date() for d in dates] == [dt.date(2023, 12, 24)] * 2


def test_no_brief_is_ever_dated_in_the_future() -> None:
    briefs = [BriefText(dt.time(23, 30), "Late.", ""), BriefText(dt.time(8, 0), "Early.", "")]
    # 14:00 in Kyiv on Aug. 2 (UTC+3): 11:30 PM has not come yet today.
    now = dt.datetime(2023, 8, 2, 11, tzinfo=dt.UTC)
    dates = date_briefs(briefs, page_date=dt.date(2023, 8, 2), now=now)
    assert dates[0].published_at == _utc(2023, 8, 1, 20, 30)
    assert all(d.published_at <= now for d in dates)


def test_briefs_under_a_day_heading_are_dated_as_stated() -> None:
    briefs = [
        BriefText(dt.time(9, 0), "Stated.", "", heading=dt.date(2023, 11, 25)),
        BriefText(dt.time(10, 0), "Also stated.", "", heading=dt.date(2023, 11, 24)),
    ]
    dates = date_briefs(briefs, page_date=None, now=LATER)
    assert [d.published_at for d in dates] == [_utc(2023, 11, 25, 7, 0), _utc(2023, 11, 24, 8, 0)]
    assert not any(d.estimated for d in dates)


def test_mentioned_dates_skip_the_invasion_and_settle_years_near_the_page() -> None:
    ref = dt.date(2024, 1, 2)
    text = "since Feb. 24, 2022; struck on Dec. 31 and on 1 січня; attacked Feb. 24, 2022"
    assert mentioned_dates(text, ref) == [dt.date(2023, 12, 31), dt.date(2024, 1, 1)]
