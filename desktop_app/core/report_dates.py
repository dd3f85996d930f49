"""The date of the report a news text retells — stated, derived, or honestly unknown.

Rules (the issue on reading real texts):

* the page's own date line wins: a byline date with its time ("January 1, 2024 9:15 AM",
  "8:57 — 2 грудня 2022", "12:38 01.04.2022"), a date alone on its line ("03.04.2022");
* a date in the report's own sentences ("станом на 8 серпня 2026 року", "to January 19, 2024")
  is the report's; "за добу 17 січня" is the day *before* the report;
* a date without a year ("reported on Sept. 28") takes the year of the page's date line, else
  the one year the day of war or the stated totals allow (loss_outline), else none at all;
* dates in captions ("Photo: …"), in other stories' sentences and the invasion date itself are
  never the report's; a date after `today` never is.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass

from desktop_app.core import loss_outline, reference_series
from desktop_app.core.report import WAR_START, day_of_war

_MONTHS: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_UK_MONTHS: dict[str, int] = {
    "січня": 1, "лютого": 2, "березня": 3, "квітня": 4, "травня": 5, "червня": 6,
    "липня": 7, "серпня": 8, "вересня": 9, "жовтня": 10, "листопада": 11, "грудня": 12,
}  # fmt: skip
_EN = (
    r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_UK = "(?P<mon>" + "|".join(_UK_MONTHS) + ")"
_YEAR = r"(?P<y>20[2-3][0-9])(?![0-9])"
# Dates as news writes them, with or without a year.
_DATES = (
    re.compile(rf"\b{_EN}\s+(?P<d>[0-9]{{1,2}})(?:st|nd|rd|th)?(?![0-9])(?:,?\s+{_YEAR})?", re.I),
    re.compile(rf"(?<![0-9])(?P<d>[0-9]{{1,2}})\s+{_EN}(?![^\W_])(?:,?\s+{_YEAR})?", re.I),
    re.compile(
        rf"(?<![0-9])(?P<d>[0-9]{{1,2}})\s+{_UK}(?:\s+{_YEAR}(?:-го|\s+р(?:оку|\.)?)?)?", re.I
    ),
    re.compile(r"(?<![0-9.])(?P<d>[0-3]?[0-9])\.(?P<m>[01]?[0-9])\.(?P<y>20[2-3][0-9])(?![0-9])"),
    re.compile(r"(?<![0-9])(?P<y>20[2-3][0-9])-(?P<m>[01][0-9])-(?P<d>[0-3][0-9])(?![0-9])"),
)
_TIME = re.compile(r"(?<![0-9])[0-2]?[0-9]:[0-5][0-9](?:\s*[AaPp]\.?[Mm]\.?)?")
_CAPTION = re.compile(
    r"photo|фото|image:|illustrative|\(credit|getty|reuters|associated\s+press|ілюстрат",
    re.IGNORECASE,
)
# A sentence of the report itself: it names the General Staff or the losses. "Reported" or
# "said" alone does not make one ("the ISW reported on Dec. 5, 2023 that …").
_REPORT_WORDS = re.compile(
    r"General\s+Staff|Генштаб|Генеральн\w*\s+штаб|Defen[cs]e\s+Ministry|Міноборони"
    r"|as\s+of|losses|\blost\b|casualt|eliminat|destroy|станом\s+на|на\s+ранок|втрат|ліквід"
    r"|знищ",
    re.IGNORECASE,
)
_OTHER_STORY = re.compile(
    r"Zelensk|Зеленськ|Putin|Путін|Mediazona|Медіазона|BBC|updated\s+its\s+statistics"
    r"|оновила\s+свою\s+статистику|вперше|for\s+the\s+first\s+time",
    re.IGNORECASE,
)
_DAY_BEFORE = re.compile(r"за\s+(?:минулу\s+|попередню\s+)?добу,?\s*$", re.IGNORECASE)
_RANGE_START = re.compile(r"(?:\bfrom|(?<![^\W_])(?:з|від))\s*$", re.IGNORECASE)
_DAY_OF_WAR_EN = re.compile(
    r"\bday\s+(?P<n>[0-9]{1,4})\s+of\b|\b(?P<m>[0-9]{1,4})(?:st|nd|rd|th)\s+day\s+of\b", re.I
)
_DAY_OF_WAR_UK = re.compile(r"(?P<n>[0-9]{1,4})\s*-?\s*(?:й|ий|го|му)\s+(?:день|добу|доби)", re.I)
_LAST_YEAR = re.compile(r"(?:February|Feb\.?|лютого)\s+(?:24\s+)?last\s+year|last\s+year", re.I)


@dataclass(frozen=True)
class _Found:
    pos: int
    month: int
    day: int
    year: int | None
    strong: bool  # a date line or the report's own sentence
    shift: int  # +1 for "за добу 17 січня": the report is of the next day
    date_line: bool = False  # the page's own date line (a byline, a date alone on its line)


@dataclass(frozen=True)
class ReportDate:
    date: dt.date | None
    # How a date not written out in full was established, for the user ("found from the
    # figures"); None when the text states it.
    how: str | None = None


def _month(text: str) -> int | None:
    low = text.lower().rstrip(".")
    return _UK_MONTHS.get(low) or _MONTHS.get(low[:3])


# Lines and sentences are looked at within this reach of a date (long one-line texts stay linear).
_REACH = 300


def _line_of(text: str, pos: int) -> str:
    floor, ceiling = max(0, pos - _REACH), min(len(text), pos + _REACH)
    start = text.rfind("\n", floor, pos) + 1 or floor
    end = text.find("\n", pos, ceiling)
    return text[start : ceiling if end == -1 else end]


def _sentence_of(text: str, pos: int) -> str:
    floor, ceiling = max(0, pos - _REACH), min(len(text), pos + _REACH)
    start = max(text.rfind(". ", floor, pos), text.rfind("\n", floor, pos), floor - 1) + 1
    stops = [i for i in (text.find(". ", pos, ceiling), text.find("\n", pos, ceiling)) if i != -1]
    return text[start : min(stops) if stops else ceiling]


def _found_dates(text: str) -> list[_Found]:
    found: list[_Found] = []
    seen: set[int] = set()
    for pattern in _DATES:
        for m in pattern.finditer(text):
            if m.start() in seen:
                continue
            month = int(m.group("m")) if "m" in m.groupdict() and m.group("m") else None
            if month is None and "mon" in m.groupdict():
                month = _month(m.group("mon"))
            if month is None or not 1 <= month <= 12:
                continue
            day = int(m.group("d"))
            year = int(m.group("y")) if m.group("y") else None
            line = _line_of(text, m.start())
            if _CAPTION.search(line):
                continue
            before = text[max(0, m.start() - 40) : m.start()]
            if _RANGE_START.search(before):
                continue  # "from February 24, 2022 to …": the range's end is the report's
            if (month, day) == (2, 24) and year in (None, 2022):
                continue
            rest = line.replace(m.group(0), "", 1)
            date_line = (bool(_TIME.search(line)) and len(line) <= 120) or len(rest.strip()) <= 24
            sentence = _sentence_of(text, m.start())
            report = bool(_REPORT_WORDS.search(sentence)) and not _OTHER_STORY.search(sentence)
            shift = 1 if _DAY_BEFORE.search(before) else 0
            seen.add(m.start())
            found.append(_Found(m.start(), month, day, year, date_line or report, shift, date_line))
    return sorted(found, key=lambda f: f.pos)


def _make(year: int, found: _Found) -> dt.date | None:
    try:
        return dt.date(year, found.month, found.day) + dt.timedelta(days=found.shift)
    except ValueError:
        return None


def _days_of_war(text: str) -> tuple[list[int], list[int]]:
    """Days of war the text names: exact ("day 765 of") and Ukrainian ("114-й день"), which
    count either the report's day or the day before it."""
    exact = [int(m.group("n") or m.group("m")) for m in _DAY_OF_WAR_EN.finditer(text)]
    loose = [int(m.group("n")) for m in _DAY_OF_WAR_UK.finditer(text)]
    return [n for n in exact if 0 < n < 10_000], [n for n in loose if 0 < n < 10_000]


def find_report_date(
    text: str,
    *,
    today: dt.date,
    totals: Mapping[str, int],
    changes: Mapping[str, int] | None = None,
) -> ReportDate:
    """The report's date in `text`, or an unknown one; never after `today`. `changes`: the
    daily changes the text states without their totals."""
    found = [f for f in _found_dates(text) if f.strong]
    exact_days, loose_days = _days_of_war(text)
    # A full date in the report's own sentences ("станом на 8 серпня 2026 року").
    for f in found:
        if f.year is not None and not f.date_line:
            date = _make(f.year, f)
            if date is not None and WAR_START < date <= today:
                return ReportDate(date)
    page: dt.date | None = None
    for f in found:
        if f.year is not None and f.date_line:
            date = _make(f.year, f)
            if date is not None and WAR_START < date <= today:
                page = date
                break
    # A date without its year ("reported on Dec. 31"): the page's date line settles the year
    # (a report is never after the page that carries it); else the day of war or the figures.
    for f in found:
        if f.year is not None:
            continue
        if page is not None:
            near = [
                d
                for y in (page.year, page.year - 1)
                if (d := _make(y, f)) is not None and 0 <= (page - d).days <= 31
            ]
            if near:
                return ReportDate(near[0], "year from the page's date")
            continue
        resolved = _resolve_year(f, text, today, totals, exact_days + loose_days, [], changes)
        if resolved.date is not None:
            return resolved
    if page is not None:
        return ReportDate(page)
    if exact_days:
        date = WAR_START + dt.timedelta(days=exact_days[0] - 1)
        if date <= today:
            return ReportDate(date, "from the day of the war the text names")
    return ReportDate(None)


def _resolve_year(
    f: _Found,
    text: str,
    today: dt.date,
    totals: Mapping[str, int],
    days: list[int],
    page_years: list[int],
    changes: Mapping[str, int] | None = None,
) -> ReportDate:
    candidates = [
        d for y in range(WAR_START.year, today.year + 1) if (d := _make(y, f)) is not None
    ]
    candidates = [d for d in candidates if WAR_START < d <= today]
    if days:
        by_day = [d for d in candidates if any(day_of_war(d) - n in (0, 1) for n in days)]
        if len(by_day) == 1:
            return ReportDate(by_day[0], "year from the day of the war the text names")
    if _LAST_YEAR.search(text):
        # "since ... Feb. 24 last year": the text was written in 2023.
        by_phrase = [d for d in candidates if d.year == WAR_START.year + 1]
        if len(by_phrase) == 1:
            return ReportDate(by_phrase[0], "year from “last year” in the text")
    if totals:
        years = loss_outline.years_matching(f.month, f.day, totals, today)
        by_figures = [d for d in candidates if d.year in years]
        if len(by_figures) == 1:
            return ReportDate(by_figures[0], "year found from the figures")
    if changes:
        # "On 3 December … 930 troops, four tanks": the one year whose day had these changes
        # in the official series the program carries.
        by_changes = reference_series.day_of_changes(candidates, changes)
        if by_changes is not None:
            return ReportDate(by_changes, "year found from the figures")
    if page_years:
        by_page = [d for d in candidates if d.year in page_years]
        if len(by_page) == 1:
            return ReportDate(by_page[0], "year from the page's date")
    return ReportDate(None)
