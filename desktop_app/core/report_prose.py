"""Read a loss report from news prose in the Kyiv Independent's style, or in Ukrainian.

"Russia has lost 360,010 troops in Ukraine since ..., the General Staff reported on Jan. 1.
This number includes 780 casualties ... over the past day. ... Russia has also lost 5,983
tanks, ..., and one submarine." Such text usually comes with the rest of a web page around it
(bylines, captions, related links, other briefs with their own numbers), so only counts in
lists that follow the verb "lost" are read, and among those the report's own sentences win
over headlines, related links and unrelated briefs.

Ukrainian news words it the same way: "Загальні втрати ... становлять близько 1 456 610 осіб,
з них 1 190 — за минулу добу. Також ворог втратив 12 251 танк, ..." — the verb, the list
and the date ("по 8 серпня 2026 року") have Ukrainian forms beside the English ones.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from desktop_app.core.number_words import COUNT, DIGITS, parse_count
from desktop_app.core.report import WAR_START, Figure
from desktop_app.core.report_text import Reading, alias_at, collapse

_MONTHS: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
# Abbreviated months lose their full stop first, so sentence checks do not stop at "Jan."
_MONTH_DOT = re.compile(r"\b(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.", re.IGNORECASE)
# Ukrainian months as dates write them (the genitive: "8 серпня").
_UK_MONTHS: dict[str, int] = {
    "січня": 1, "лютого": 2, "березня": 3, "квітня": 4, "травня": 5, "червня": 6,
    "липня": 7, "серпня": 8, "вересня": 9, "жовтня": 10, "листопада": 11, "грудня": 12,
}  # fmt: skip
_UK_MONTH = "(?P<mon>" + "|".join(_UK_MONTHS) + ")"
_REPORTED_ON_UK = re.compile(
    rf"(?<![^\W\d_])(?:станом\s+на|по|на)\s+(?P<d>[0-9]{{1,2}})\s+{_UK_MONTH}"
    r"(?:\s+(?P<y>[0-9]{4})(?![0-9]))?",
    re.IGNORECASE,
)
_FULL_DATE_UK = re.compile(
    rf"(?<![0-9])(?P<d>[0-9]{{1,2}})\s+{_UK_MONTH}\s+(?P<y>[0-9]{{4}})(?![0-9])"
    r"(?:\s+р(?:оку|\.))?(?P<time>,?\s+(?:о\s+)?[0-9]{1,2}:[0-9]{2})?",
    re.IGNORECASE,
)
_REPORTED_ON = re.compile(
    rf"\b(?:reported|said|stated|as\s+of)\s+(?:on\s+)?(?:[A-Z][a-z]+day,?\s+)?{_MONTH}"
    r"\s+(?P<d>[0-9]{1,2})(?:st|nd|rd|th)?(?![0-9])(?:,?\s+(?P<y>[0-9]{4})(?![0-9]))?",
    re.IGNORECASE,
)
# How far before the report's first list its "reported on <date>" may stand (in characters).
_REPORTED_ON_REACH = 300
# The article's own date line, "January 1, 2024 9:15 AM".
_FULL_DATE = re.compile(
    rf"\b{_MONTH}\s+(?P<d>[0-9]{{1,2}}),?\s+(?P<y>[0-9]{{4}})(?![0-9])"
    r"(?P<time>,?\s+(?:at\s+)?[0-9]{1,2}:[0-9]{2}(?:\s*[AaPp]\.?[Mm]\.?)?)?",
    re.IGNORECASE,
)

# "lost", and the Ukrainian "втратив/втратила/втратили" and "становлять/склали" (the total
# losses "amount to ...").
_LOST = re.compile(
    r"\blost\b|(?<![^\W\d_])(?:втратив|втратил[аи]|становлять|становили|склали|сягнули)"
    r"(?![^\W\d_])",
    re.IGNORECASE,
)
_PROSE_QUALIFIER = re.compile(
    r"(?:(?P<about>about|around|approximately|roughly|nearly|almost|близько|приблизно|майже"
    r"|орієнтовно)|(?P<more>more\s+than|over|понад|більше\s+ніж|більш\s+ніж))\s+",
    re.IGNORECASE,
)
_PROSE_COUNT = re.compile(
    rf"(?P<count>{COUNT}|an?\b)\s+(?:(?:pieces?|units?|items?)\s+of\s+|одиниц[ьія]\s+)?",
    re.IGNORECASE,
)
_SPACE_RUN = re.compile(r"\s*")
_AND = r"(?:and|і|та|й)"
_PROSE_SEPARATOR = re.compile(rf"\s*[,;]\s*(?:{_AND}\s+)?|\s+{_AND}\s+", re.IGNORECASE)
# An unreadable item: a count, or digits run together with letters ("2l7"), then words.
_PROSE_JUNK_ITEM = re.compile(r"[0-9](?:[^\W_]|[.,'’](?=[0-9]))*\s+[^\W\d_][^,;.\n]{0,80}")
_CASUALTIES = re.compile(
    rf"(?P<count>{COUNT})\s+casualties\b[^.!?]{{0,120}}?\b(?:past|last)\s+(?:day|24\s+hours)\b"
    # "з них 1 190 — за минулу добу" / "за останню добу — 1 190 осіб"
    rf"|з\s+них\s+(?P<uk_count>{DIGITS})\s*(?:ос(?:іб|оби))?\s*[‒–—-]?\s*"
    r"за\s+(?:минулу|останню)\s+добу"
    rf"|за\s+(?:минулу|останню)\s+добу\s*[‒–—:-]?\s*(?:ще\s+)?(?P<uk_day>{DIGITS})\s*"
    r"(?:ос(?:іб|оби)|військових|окупантів)",
    re.IGNORECASE,
)
# Words that mark a list as the report's own sentence rather than a headline or a link.
_REPORT_HEAD = re.compile(
    r"(?:\balso\s*$)|\b(?:according\s+to|reported|reports|said)\b[^.!?]*$"
    r"|(?<![^\W\d_])(?:також|за\s+даними|повідомили|повідомляє|повідомив|загальні\s+втрати"
    r"|Генштаб\w*|Генеральн\w+\s+штаб\w*)(?![^\W\d_])[^.!?]*$",
    re.IGNORECASE,
)
# How far the "has also lost" sentence may follow the troops sentence (in characters).
_REPORT_SENTENCE_GAP = 600
_REPORT_TAIL = re.compile(
    r"[^.!?]{0,40}?(?:\bsince\b|(?<![^\W\d_])з\s+(?:початку|24\s+лютого)(?![^\W\d_]))",
    re.IGNORECASE,
)


@dataclass
class _ProseList:
    """One list of "<count> <category>" items after "lost"."""

    start: int
    end: int
    items: list[tuple[str, Figure, str | None, str]]  # key, figure, qualifier, source text
    junk: list[str]  # items naming no known category
    own_sentence: bool  # in the report's own wording, not a headline or a link


def _prose_item(text: str, pos: int) -> tuple[str, Figure, str | None, int] | None:
    qualifier: str | None = None
    qual = _PROSE_QUALIFIER.match(text, pos)
    if qual:
        qualifier = "about" if qual.group("about") else "more than"
        pos = qual.end()
    count = _PROSE_COUNT.match(text, pos)
    if count is None:
        return None
    key, end = alias_at(text, count.end())
    if key is None:
        return None
    word = count.group("count")
    total = 1 if word.lower() in ("a", "an") else parse_count(word)
    return key, Figure(total), qualifier, end


def _prose_list(text: str, anchor: re.Match[str]) -> _ProseList:
    items: list[tuple[str, Figure, str | None, str]] = []
    junk: list[tuple[str, int]] = []  # with the number of items read before it
    pos = anchor.end()
    while True:
        space = _SPACE_RUN.match(text, pos)
        pos = space.end() if space else pos
        item = _prose_item(text, pos)
        if item is None:
            # One unreadable item inside a list is shown; two in a row mean the list is over.
            after_item = bool(items) and (not junk or junk[-1][1] < len(items))
            stray = _PROSE_JUNK_ITEM.match(text, pos) if after_item else None
            if stray is None:
                break
            junk.append((collapse(stray.group(0)), len(items)))
            pos = stray.end()
        else:
            key, figure, qualifier, end = item
            items.append((key, figure, qualifier, collapse(text[pos:end])))
            pos = end
        separator = _PROSE_SEPARATOR.match(text, pos)
        if separator is None:
            break
        pos = separator.end()
    end = pos
    head = text[max(0, anchor.start() - 200) : anchor.start()]
    own = bool(_REPORT_HEAD.search(head) or _REPORT_TAIL.match(text, end))
    return _ProseList(anchor.start(), end, items, [text for text, _ in junk], own)


@dataclass
class ProseReading:
    """Figures read from prose, and what is needed to date them if they are used."""

    reading: Reading
    text: str  # the text as read (abbreviated months without their full stop)
    report_start: int | None  # where the report's first list starts

    def date(self, today: dt.date | None) -> dt.date | None:
        """The report date; ``today`` only settles a missing year when the page has no date."""
        return _prose_date(self.text, self.report_start, today)


def read_prose(text: str) -> ProseReading:
    """Figures from the "lost ..." lists of normalised text (see report_text.normalise)."""
    text = _MONTH_DOT.sub(r"\1", text)
    lists: list[_ProseList] = []
    read_up_to = 0
    for anchor in _LOST.finditer(text):
        if anchor.start() < read_up_to:
            continue  # inside a list already read
        found = _prose_list(text, anchor)
        read_up_to = found.end
        if found.items:
            lists.append(found)
    own = [found for found in lists if found.own_sentence]
    # The report proper is its troops sentence plus, close behind it, at most one "has also
    # lost" sentence; "also lost" in briefs elsewhere on the page must not add to it.
    core = next((i for i, found in enumerate(own) if found.items[0][0] == "personnel"), None)
    if core is None:
        chosen = own or lists
    else:
        chosen = own[core : core + 1]
        after = own[core + 1 : core + 2]
        if after and after[0].start - own[core].end <= _REPORT_SENTENCE_GAP:
            chosen += after
    reading = Reading()
    for found in chosen:
        for key, figure, qualifier, source in found.items:
            reading.add(key, figure, qualifier, source)
        reading.unparsed.extend(found.junk)
    personnel = reading.figures.get("personnel")
    if personnel is not None:
        casualties = _CASUALTIES.search(text)
        if casualties:
            count = (
                casualties.group("count")
                or casualties.group("uk_count")
                or (casualties.group("uk_day"))
            )
            change = parse_count(count)
            reading.figures["personnel"] = Figure(personnel.total, change)
    return ProseReading(reading, text, chosen[0].start if chosen else None)


def _month_date(month: str, day: int, year: int) -> dt.date | None:
    number = _UK_MONTHS.get(month.lower()) or _MONTHS.get(month[:3].lower())
    if number is None:
        return None
    try:
        return dt.date(year, number, day)
    except ValueError:
        return None


def _in_order(*patterns: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """Matches of several patterns (English and Ukrainian forms) in the order they appear."""
    return sorted((m for p in patterns for m in p.finditer(text)), key=lambda m: m.start())


def _page_date(text: str) -> dt.date | None:
    """The article's own date: a date with a time after it, else any date but 24 Feb 2022.

    The invasion date is skipped in the fallback because the reports name it in every text
    ("since ... Feb. 24, 2022").
    """
    fallback: dt.date | None = None
    for match in _in_order(_FULL_DATE, _FULL_DATE_UK, text=text):
        date = _month_date(match.group("mon"), int(match.group("d")), int(match.group("y")))
        if date is None:
            continue
        if match.group("time"):
            return date
        if fallback is None and date != WAR_START:
            fallback = date
    return fallback


def _prose_date(text: str, report_start: int | None, today: dt.date | None) -> dt.date | None:
    # Other briefs on the page have their own "said on Dec. 31"; the one in or just before the
    # report's sentences is meant.
    reported: re.Match[str] | None = None
    for match in _in_order(_REPORTED_ON, _REPORTED_ON_UK, text=text):
        if reported is None:
            reported = match
        if report_start is not None and match.start() >= report_start - _REPORTED_ON_REACH:
            reported = match
            break
    page = _page_date(text)
    if reported is None:
        return page
    month, day = reported.group("mon"), int(reported.group("d"))
    if reported.group("y"):
        return _month_date(month, day, int(reported.group("y")))
    # The report is never later than the page that carries it (or than today). Going back
    # up to eight years also finds the last 29 February.
    reference = page or today or dt.date.today()
    for year in range(reference.year, reference.year - 8, -1):
        date = _month_date(month, day, year)
        if date is not None and date <= reference:
            return date
    return None
