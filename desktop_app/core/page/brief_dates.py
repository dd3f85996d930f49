"""Dating briefs that carry only a time of day.

A page lists its briefs newest first, so a time later than the one above it belongs to the
day before. Under a day heading a brief has that heading's date, as stated. Otherwise the
newest brief's day (the anchor) is found from the dates the briefs mention: news is published
on the day of the event or the day after ("attacked … on Dec. 24" at 2:17 AM is Dec. 25);
without any, the page's own date is the anchor. Such dates are estimated and marked so, and no
brief is ever dated in the future. Times are Kyiv's; the results are UTC.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from desktop_app.core.page.dates import EN_MONTH, UK_MONTH, kyiv_now, kyiv_to_utc, month_number
from desktop_app.core.page.text_page import BriefText

_DAY = dt.timedelta(days=1)
# "on Dec. 24", "December 24, 2023", "24 грудня"; not "since Feb. 24" (the invasion's start).
_MENTION = re.compile(
    rf"(?<!since )(?<!Since )\b(?P<month>{EN_MONTH})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b"
    rf"(?:,\s*(?P<year>\d{{4}}))?"
    rf"|\b(?P<uk_day>\d{{1,2}})\s+(?P<uk_month>{UK_MONTH})(?:\s+(?P<uk_year>\d{{4}}))?",
)
_INVASION = dt.date(2022, 2, 24)
# Before this time of day, a brief naming a date more likely tells of the day before: little of
# the day has passed yet (see `_anchor`).
_SMALL_HOURS_END = dt.time(6)


@dataclass(frozen=True)
class BriefDate:
    published_at: dt.datetime  # UTC
    estimated: bool


def _resolve(month: int, day: int, year: int | None, ref: dt.date) -> dt.date | None:
    """The date meant; without a year, the one nearest `ref`."""
    years = [year] if year is not None else [ref.year - 1, ref.year, ref.year + 1]
    found = []
    for y in years:
        try:
            found.append(dt.date(y, month, day))
        except ValueError:
            continue
    if not found:
        return None
    return min(found, key=lambda d: abs((d - ref).days))


def mentioned_dates(text: str, ref: dt.date) -> list[dt.date]:
    """The dates a brief's text names, years settled near `ref`; the invasion's start left out."""
    dates = []
    for match in _MENTION.finditer(text):
        if match.group("month"):
            month = month_number(match.group("month"))
            day, year = match.group("day"), match.group("year")
        else:
            month = month_number(match.group("uk_month"))
            day, year = match.group("uk_day"), match.group("uk_year")
        if month is None:
            continue
        date = _resolve(month, int(day), int(year) if year else None, ref)
        if date is not None and date != _INVASION:
            dates.append(date)
    return dates


def _offsets(briefs: Sequence[BriefText]) -> list[tuple[int, int]]:
    """(index, days before the newest) of every brief without a day heading."""
    found: list[tuple[int, int]] = []
    days, previous = 0, None
    for index, brief in enumerate(briefs):
        if brief.heading is not None:
            continue
        if previous is not None and brief.time > previous:
            days += 1  # later than the one above it: the day before
        found.append((index, days))
        previous = brief.time
    return found


def _anchor(
    briefs: Sequence[BriefText],
    offsets: list[tuple[int, int]],
    ref: dt.date,
    page_date: dt.date | None,
    local_now: dt.datetime,
) -> dt.date:
    """The newest brief's day, by the votes of the dates the briefs mention."""
    votes: dict[dt.date, float] = {}
    for index, days in offsets:
        brief = briefs[index]
        # Told the same day or the next: in the small hours the next day is the likelier.
        next_day_first = brief.time < _SMALL_HOURS_END
        for event in mentioned_dates(f"{brief.title} {brief.text}", ref):
            for delta in (0, 1):
                weight = 1.0 if (delta == 1) == next_day_first else 0.9
                anchor = event + dt.timedelta(days=delta + days)
                votes[anchor] = votes.get(anchor, 0.0) + weight
    top = briefs[offsets[0][0]].time
    # The page's column shows what was new when it was copied: not before the page's date,
    # and never after the clock.
    fitting = {
        a: v
        for a, v in votes.items()
        if (page_date is None or a >= page_date) and dt.datetime.combine(a, top) <= local_now
    }
    if not fitting:
        return ref
    return max(fitting, key=lambda a: (fitting[a], -abs((a - ref).days)))


def date_briefs(
    briefs: Sequence[BriefText], *, page_date: dt.date | None, now: dt.datetime | None = None
) -> list[BriefDate]:
    """A date for every brief, in order: stated by a day heading, else estimated."""
    local_now = kyiv_now(now)
    dated: dict[int, BriefDate] = {}
    for index, brief in enumerate(briefs):
        if brief.heading is not None:
            dated[index] = BriefDate(kyiv_to_utc(brief.heading, brief.time), estimated=False)
    offsets = _offsets(briefs)
    if offsets:
        ref = page_date or local_now.date()
        anchor = _anchor(briefs, offsets, ref, page_date, local_now)
        top = briefs[offsets[0][0]].time
        while dt.datetime.combine(anchor, top) > local_now:
            anchor -= _DAY  # a time still to come today was yesterday's
        for index, days in offsets:
            day = anchor - dt.timedelta(days=days)
            dated[index] = BriefDate(kyiv_to_utc(day, briefs[index].time), estimated=True)
    return [dated[i] for i in range(len(briefs))]
