"""Dates and times as news pages write them: "January 1, 2024 9:15 AM", "Dec. 24", "3:53 PM",
"1 січня 2024", "01.01.2024 09:15". Pages give Kyiv local time (Europe/Kyiv); values here stay
local and naive until `kyiv_to_utc` gives them a zone.
"""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

_EN_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
# Ukrainian month names in the genitive, as dates are written ("1 січня 2024").
_UK_MONTHS = {
    "січня": 1,
    "лютого": 2,
    "березня": 3,
    "квітня": 4,
    "травня": 5,
    "червня": 6,
    "липня": 7,
    "серпня": 8,
    "вересня": 9,
    "жовтня": 10,
    "листопада": 11,
    "грудня": 12,
}
EN_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
UK_MONTH = "(?:" + "|".join(_UK_MONTHS) + ")"
TIME = r"(?P<hour>[012]?\d):(?P<minute>[0-5]\d)(?:\s*(?P<half>[AaPp])\.?\s?[Mm]\.?)?"
# A full date with its year, in the forms news pages print.
DATE = (
    rf"(?:(?P<en_month>{EN_MONTH})\s+(?P<en_day>\d{{1,2}}),?\s+(?P<en_year>\d{{4}})"
    rf"|(?P<dm_day>\d{{1,2}})\s+(?P<dm_month>{EN_MONTH}|{UK_MONTH})\s+(?P<dm_year>\d{{4}})"
    r"(?:\s*(?:року|р\.))?"
    r"|(?P<dot_day>\d{1,2})\.(?P<dot_month>\d{1,2})\.(?P<dot_year>\d{4})"
    r"|(?P<iso_year>\d{4})-(?P<iso_month>\d{2})-(?P<iso_day>\d{2}))"
)
_TIME_ONLY = re.compile(rf"^\s*{TIME}\s*$")


def kyiv() -> dt.tzinfo:
    try:
        return ZoneInfo("Europe/Kyiv")
    except ZoneInfoNotFoundError:  # a system without tz data: Kyiv's winter offset
        return dt.timezone(dt.timedelta(hours=2))


def kyiv_to_utc(day: dt.date, time: dt.time) -> dt.datetime:
    """A Kyiv wall-clock time as UTC (the zone's rules of that day, summer time included)."""
    return dt.datetime.combine(day, time, kyiv()).astimezone(dt.UTC)


def kyiv_now(now: dt.datetime | None = None) -> dt.datetime:
    """`now` (default: the clock) as Kyiv local time, without its zone."""
    when = now or dt.datetime.now(dt.UTC)
    return when.astimezone(kyiv()).replace(tzinfo=None)


def month_number(word: str) -> int | None:
    word = word.lower().rstrip(".")
    if word in _UK_MONTHS:
        return _UK_MONTHS[word]
    return _EN_MONTHS.get(word[:3]) if word[:3] in _EN_MONTHS else None


def date_of(match: re.Match[str]) -> dt.date | None:
    """The date a match of DATE names; None for an impossible one (Feb. 30)."""
    groups = match.groupdict()
    try:
        if groups.get("en_month"):
            month = month_number(groups["en_month"])
            return dt.date(int(groups["en_year"]), month or 0, int(groups["en_day"]))
        if groups.get("dm_month"):
            month = month_number(groups["dm_month"])
            return dt.date(int(groups["dm_year"]), month or 0, int(groups["dm_day"]))
        if groups.get("dot_year"):
            return dt.date(
                int(groups["dot_year"]), int(groups["dot_month"]), int(groups["dot_day"])
            )
        if groups.get("iso_year"):
            return dt.date(
                int(groups["iso_year"]), int(groups["iso_month"]), int(groups["iso_day"])
            )
    except ValueError:
        return None
    return None


def time_of(match: re.Match[str]) -> dt.time | None:
    """The time a match of TIME names (12-hour with AM/PM, or 24-hour); None if impossible."""
    hour, minute = int(match.group("hour")), int(match.group("minute"))
    half = match.group("half")
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half.lower() == "p" else 0)
    if hour > 23:
        return None
    return dt.time(hour, minute)


def time_line(line: str) -> dt.time | None:
    """The time when the whole line is one ("3:53 PM", "15:53"), else None."""
    match = _TIME_ONLY.match(line)
    return time_of(match) if match else None
