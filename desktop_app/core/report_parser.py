"""Read a General Staff daily loss report out of text a person pasted or typed.

Two families of text are understood (FORMATS.md, section 2):

* **Official posts** of the General Staff, in English or Ukrainian: a header naming the period
  ("from 24.02 to 10.08", "з 24.02.22 по 08.08.26") and then ``label ‒ total (+change)``
  items, either run together in one paragraph or one a line, possibly with Telegram emoji
  bullets. Here every ``label <dash> number`` pair is an item; a label that names no known
  category makes the item *unparsed* instead of silently dropping it.
* **News prose** in the Kyiv Independent's style: "Russia has lost 360,010 troops ...",
  "... has also lost 5,983 tanks, ..., and one submarine." Such text usually comes with the
  rest of a web page around it (bylines, captions, other briefs with their own numbers), so
  only counts in lists that follow the verb "lost" are read, and among those the ones in the
  report's own sentences win over headlines, related links and unrelated briefs.

Both readers run on every text; the one that recognises more categories decides. The result
keeps what the source says: stated changes, the personnel qualifier, and (for official posts)
the sentence naming the direction of the greatest losses.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from desktop_app.core.errors import NoReportError
from desktop_app.core.number_words import COUNT, DIGITS, parse_count, parse_digits
from desktop_app.core.report import WAR_START, Figure, LossReport

__all__ = ["parse_report"]

# --------------------------------------------------------------------------------------------
# Category names. One table serves both readers: official labels are matched whole, prose
# nouns are matched where a list item's count ends. Singular forms are accepted because prose
# says "one submarine"; the Ukrainian forms cover the genitive of the posts and the nominative
# people type themselves.
# --------------------------------------------------------------------------------------------

_ALIAS_TABLE: tuple[tuple[str, str], ...] = (
    (r"personnel|troops|soldiers|servicemen", "personnel"),
    (r"особов(?:ого|ий)\s+склад(?:у)?", "personnel"),
    (r"tanks?", "tanks"),
    (r"танк(?:ів|и)", "tanks"),
    (r"APVs?|AFVs?|ББМ", "armored_vehicles"),
    (r"armou?red\s+(?:combat|fighting|personnel)\s+vehicles?", "armored_vehicles"),
    (r"бойов(?:их|і)\s+броньован(?:их|і)\s+машин(?:и)?", "armored_vehicles"),
    (r"artillery(?:\s+(?:systems?|pieces?))?", "artillery"),
    (r"артилерійськ(?:их|і)\s+систем(?:и)?", "artillery"),
    (r"MLRS|multiple[-\s]+(?:launch\s+)?rocket\s+(?:launch(?:er)?\s+)?systems?", "mlrs"),
    (r"РСЗВ", "mlrs"),
    (r"anti[-\s]*aircraft\s+warfare(?:\s+systems?)?", "air_defense"),
    (r"(?:air\s+defen[cs]e|anti[-\s]*aircraft)\s+systems?", "air_defense"),
    (r"(?:засоби|засобів)\s+ППО|ППО", "air_defense"),
    (r"aircraft|(?:air|war)?planes?", "aircraft"),
    (r"літак(?:ів|и)", "aircraft"),
    (r"helicopters?", "helicopters"),
    (r"гелікоптер(?:ів|и)|вертольот(?:ів|и)", "helicopters"),
    (r"UAVs?(?:\s+(?:of\s+)?(?:the\s+)?operational[-\s]+tactical\s+level)?", "drones"),
    (r"(?:operational[-\s]+tactical(?:\s+level)?\s+)?(?:drones?|UAVs)", "drones"),
    (r"unmanned\s+aerial\s+vehicles?", "drones"),
    (r"БПЛА(?:\s+оперативно[-\s]+тактичного\s+рівня)?", "drones"),
    (r"cruise\s+missiles?", "cruise_missiles"),
    (r"крилат(?:і|их)\s+ракет(?:и)?", "cruise_missiles"),
    (r"(?:war)?ships?\s*(?:/|and)\s*(?:boats?|cutters?)|boats?\s*/\s*cutters?", "ships"),
    (r"(?:war)?ships|boats", "ships"),
    (r"корабл(?:і|ів)\s*/\s*катер(?:и|ів)|корабл(?:і|ів)|катери", "ships"),
    (r"submarines?", "submarines"),
    (r"підводн(?:і|их)\s+чов(?:ни|нів)", "submarines"),
    (r"vehicles\s+and\s+fuel\s+tanks", "vehicles_fuel_tanks"),
    (r"автомобільн(?:ої|а)\s+техні(?:ки|ка)\s+(?:та|і)\s+автоцистерн(?:и)?", "vehicles_fuel_tanks"),
    (r"special\s+(?:military\s+)?equipment", "special_equipment"),
    (r"спеціальн(?:а|ої)\s+техні(?:ка|ки)", "special_equipment"),
    (r"ground\s+robotic\s+systems?", "ground_robots"),
    (r"наземн(?:і|их)\s+роботизован(?:і|их)\s+комплекс(?:и|ів)", "ground_robots"),
    (r"(?:mobile\s+)?SRBM\s+(?:systems?|launchers?)", "srbm_launchers"),
    (r"(?:пусков(?:і|их)\s+установ(?:ки|ок)\s+)?ОТРК\s*/\s*ТРК", "srbm_launchers"),
    # Until 30 Apr 2022 vehicles and fuel tanks were counted apart; only the bare names mean
    # the legacy categories (the merged name above is longer and wins in prose).
    (r"(?:military\s+)?vehicles", "military_vehicles"),
    (r"автомобільн(?:ої|а)\s+техні(?:ки|ка)", "military_vehicles"),
    (r"fuel\s+tanks", "fuel_tanks"),
    (r"цистерн(?:и)?\s+з\s+ПММ", "fuel_tanks"),
)

_ALIASES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    # The lookahead keeps "tanks" from matching the start of a longer word in prose.
    (re.compile(rf"(?:{source})(?![^\W_])", re.IGNORECASE), key)
    for source, key in _ALIAS_TABLE
)

# --------------------------------------------------------------------------------------------
# Text clean-up. Pasted text carries no-break and thin spaces (also inside numbers), odd line
# breaks, zero-width characters and decomposed Cyrillic letters.
# --------------------------------------------------------------------------------------------

_SPACE_CHARS = (
    "\t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u202f\u205f\u3000"
)
_NEWLINE_CHARS = "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_INVISIBLE_CHARS = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_TRANSLATION: dict[int, str | None] = {
    **{ord(c): " " for c in _SPACE_CHARS},
    **{ord(c): "\n" for c in _NEWLINE_CHARS},
    **{ord(c): None for c in _INVISIBLE_CHARS},
}


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    return text.replace("\r\n", "\n").replace("\r", "\n").translate(_TRANSLATION)


def _collapse(text: str) -> str:
    return " ".join(text.split())


# --------------------------------------------------------------------------------------------
# Official posts.
# --------------------------------------------------------------------------------------------

# The period header. Without a year the post is from 2022 (the year was added in 2023).
_HEADER = re.compile(
    r"(?<![^\W\d_])(?:from|з|із)\s+24\.02(?:\.(?:20)?22)?\s*(?:to|till|until|по|до|[‒–—-])\s*"
    r"(?P<d>[0-9]{1,2})\.(?P<m>[0-9]{1,2})(?:\.(?P<y>[0-9]{4}(?![0-9])|[0-9]{2}(?![0-9])))?",
    re.IGNORECASE,
)

# What separates a label from its value. A hyphen only counts with a space on one side or a
# digit after it, so "operational-tactical" and "Anti-aircraft" stay whole words.
_DASH = re.compile(r"[‒–—―−:]|(?<=\s)-|-(?=[\s0-9])")

_ABOUT = r"about|approximately|approx|around|близько|приблизно|орієнтовно"
_MORE = r"more\s+than|over|понад|більше(?:\s+ніж)?|більш\s+ніж"
_FILLER = r"ліквідовано|liquidated|killed"
_UNIT = (
    r"од|одиниць|осіб|особи|чол|ліквідовано|persons?|people|were\s+liquidated|liquidated"
    r"|units?|pcs"
)
_SIGNS = "+-−–‒—"

_VALUE = re.compile(
    rf"\s*(?P<pre>(?:(?:{_ABOUT}|{_MORE}|{_FILLER})(?![^\W_])\.?\s*|~\s*)*)"
    rf"(?P<total>{DIGITS})"
    rf"(?:\s*\(\s*(?P<sign>[{_SIGNS}]?)\s*(?P<change>{DIGITS})\s*\))?"
    rf"(?:\s*(?:{_UNIT})(?![^\W_])\.?)*",
    re.IGNORECASE,
)
_ABOUT_RE = re.compile(rf"(?<![^\W_])(?:{_ABOUT})(?![^\W_])|~", re.IGNORECASE)
_MORE_RE = re.compile(rf"(?<![^\W_])(?:{_MORE})(?![^\W_])", re.IGNORECASE)

_REST_OF_ITEM = re.compile(r"[^,;\n]{0,80}")
_LABEL_PUNCT = frozenset(" \n/-'’ʼ")
_LABEL_MAX = 80
_LEADING_CONJUNCTION = re.compile(r"^(?:and|та|і|й)\s+", re.IGNORECASE)
# Unknown labels longer than this are ordinary prose with a dash in it, not a report item.
_UNKNOWN_LABEL_MAX_WORDS = 6

_NOTE_ANCHOR = re.compile(
    r"(?:greatest|biggest|largest|heaviest)\s+losses|найбільш(?:их|і)\s+втрат", re.IGNORECASE
)
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")
_NOTE_LEAD = re.compile(r"^[^\w\"«“(]+")
# A direction sentence is short; text further away than this is not part of it.
_NOTE_REACH = 300


@dataclass
class _Reading:
    """What one reader found: figures, qualifier, unparsed pieces and where items ended."""

    figures: dict[str, Figure] = field(default_factory=dict)
    qualifier: str | None = None
    unparsed: list[str] = field(default_factory=list)
    item_ends: list[int] = field(default_factory=list)

    def add(self, key: str, figure: Figure, qualifier: str | None, source: str) -> None:
        known = self.figures.get(key)
        if known is None:
            self.figures[key] = figure
            if key == "personnel":
                self.qualifier = qualifier
        elif known != figure:
            # The same category twice with different numbers: keep the first, show the other.
            self.unparsed.append(source)


def _lookup_label(label: str) -> str | None:
    for pattern, key in _ALIASES:
        if pattern.fullmatch(label):
            return key
    return None


def _clean_label(raw: str) -> str:
    label = _collapse(raw).strip("".join(_LABEL_PUNCT))
    return _LEADING_CONJUNCTION.sub("", label)


def _label_before(text: str, end: int) -> tuple[int, str | None, str]:
    """Walk back from a dash over the label; return its start, category key and cleaned text.

    The label may be wrapped over two lines ("спеціальна\\nтехніка"), so the walk crosses
    newlines; when the whole run names nothing, its last line alone is tried, which drops a
    unit or a heading left on the line before.
    """
    start = end
    limit = max(0, end - _LABEL_MAX)
    while start > limit and (text[start - 1].isalpha() or text[start - 1] in _LABEL_PUNCT):
        start -= 1
    raw = text[start:end]
    label = _clean_label(raw)
    key = _lookup_label(label) if label else None
    if key is None and "\n" in raw:
        cut = raw.rindex("\n") + 1
        start += cut
        label = _clean_label(raw[cut:])
        key = _lookup_label(label) if label else None
    return start, key, label


def _signed(sign: str | None, digits: str | None) -> int | None:
    if digits is None:
        return None
    value = parse_digits(digits)
    return -value if sign and sign != "+" else value


def _qualifier(pre: str) -> str | None:
    if _MORE_RE.search(pre):
        return "more than"
    if _ABOUT_RE.search(pre):
        return "about"
    return None


def _read_official(text: str) -> _Reading:
    reading = _Reading()
    consumed = 0
    for dash in _DASH.finditer(text):
        if dash.start() < consumed:
            continue
        start, key, label = _label_before(text, dash.start())
        if not label:
            continue
        value = _VALUE.match(text, dash.end())
        if value is None:
            if key is not None:
                # A category named with something unreadable after it ("tanks ‒ n/a").
                tail = _REST_OF_ITEM.match(text, dash.end())
                stop = tail.end() if tail else dash.end()
                reading.unparsed.append(_collapse(text[start:stop]))
            continue
        consumed = value.end()
        source = _collapse(text[start : value.end()])
        if key is None:
            if len(label.split()) <= _UNKNOWN_LABEL_MAX_WORDS:
                reading.unparsed.append(source)
            continue
        figure = Figure(
            parse_digits(value.group("total")),
            _signed(value.group("sign"), value.group("change")),
        )
        reading.add(key, figure, _qualifier(value.group("pre")), source)
        reading.item_ends.append(value.end())
    return reading


def _official_date(text: str) -> tuple[dt.date | None, str | None]:
    """The report date from the period header, and the header itself when it is unreadable."""
    header = _HEADER.search(text)
    if header is None:
        return None, None
    day, month, year_text = int(header.group("d")), int(header.group("m")), header.group("y")
    if year_text is None:
        year = 2022
    elif len(year_text) == 2:
        year = 2000 + int(year_text)
    else:
        year = int(year_text)
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None, _collapse(header.group(0))
    if year_text is None and date < WAR_START:
        # A yearless date before the invasion can only be early the next year.
        date = date.replace(year=2023)
    return date, None


def _note(text: str, item_ends: Iterable[int]) -> str | None:
    """The sentence naming the direction of the greatest losses, as written."""
    anchor = _NOTE_ANCHOR.search(text)
    if anchor is None:
        return None
    # The sentence is usually wrapped with the rest of the paragraph, so it is bounded by full
    # stops and by the report items before it, not by line breaks. Without a full stop near by
    # (pasted text that lost its punctuation) the anchor's own line is taken instead.
    line_start = text.rfind("\n", 0, anchor.start()) + 1
    line_end = text.find("\n", anchor.end())
    line_end = len(text) if line_end == -1 else line_end
    start = 0
    reach = max(0, anchor.start() - _NOTE_REACH)
    for full_stop in _SENTENCE_END.finditer(text, reach, anchor.start()):
        start = full_stop.end()
    start = max([start, *(e for e in item_ends if e <= anchor.start())])
    if anchor.start() - start > _NOTE_REACH:
        start = line_start
    stop = _SENTENCE_END.search(text, anchor.end(), anchor.end() + _NOTE_REACH)
    end = stop.end() if stop else line_end
    blank = text.find("\n\n", anchor.end(), end)
    if blank != -1:
        end = blank
    sentence = _NOTE_LEAD.sub("", _collapse(text[start:end]))
    return sentence or None


# --------------------------------------------------------------------------------------------
# News prose.
# --------------------------------------------------------------------------------------------

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
_REPORTED_ON = re.compile(
    rf"\b(?:reported|said|stated|as\s+of)\s+(?:on\s+)?(?:[A-Z][a-z]+day,?\s+)?{_MONTH}"
    r"\s+(?P<d>[0-9]{1,2})(?:st|nd|rd|th)?(?![0-9])(?:,?\s+(?P<y>[0-9]{4})(?![0-9]))?",
    re.IGNORECASE,
)
# The article's own date line, "January 1, 2024 9:15 AM".
_FULL_DATE = re.compile(
    rf"\b{_MONTH}\s+(?P<d>[0-9]{{1,2}}),?\s+(?P<y>[0-9]{{4}})(?![0-9])"
    r"(?P<time>,?\s+(?:at\s+)?[0-9]{1,2}:[0-9]{2}(?:\s*[AaPp]\.?[Mm]\.?)?)?",
    re.IGNORECASE,
)

_LOST = re.compile(r"\blost\b", re.IGNORECASE)
_PROSE_QUALIFIER = re.compile(
    r"(?:(?P<about>about|around|approximately|roughly|nearly|almost)|(?P<more>more\s+than|over))"
    r"\s+",
    re.IGNORECASE,
)
_PROSE_COUNT = re.compile(
    rf"(?P<count>{COUNT}|an?\b)\s+(?:(?:pieces?|units?|items?)\s+of\s+)?", re.IGNORECASE
)
_SPACE_RUN = re.compile(r"\s*")
_PROSE_SEPARATOR = re.compile(r"\s*[,;]\s*(?:and\s+)?|\s+and\s+", re.IGNORECASE)
_PROSE_JUNK_ITEM = re.compile(rf"(?:{DIGITS})\s+[^\W\d_][^,;.\n]{{0,80}}")
_CASUALTIES = re.compile(
    rf"(?P<count>{COUNT})\s+casualties\b[^.!?]{{0,120}}?\b(?:past|last)\s+(?:day|24\s+hours)\b",
    re.IGNORECASE,
)
# Words that mark a list as the report's own sentence rather than a headline or a link.
_REPORT_HEAD = re.compile(
    r"(?:\balso\s*$)|\b(?:according\s+to|reported|reports|said)\b[^.!?]*$", re.IGNORECASE
)
# How far the "has also lost" sentence may follow the troops sentence (in characters).
_REPORT_SENTENCE_GAP = 600
_REPORT_TAIL = re.compile(r"[^.!?]{0,40}?\bsince\b", re.IGNORECASE)


@dataclass
class _ProseList:
    start: int
    end: int
    items: list[tuple[str, Figure, str | None, str]]
    junk: list[str]
    own_sentence: bool


def _prose_alias(text: str, pos: int) -> tuple[str | None, int]:
    """The category named at ``pos`` (longest name wins) and where the name ends."""
    best_key: str | None = None
    best_end = pos
    for pattern, key in _ALIASES:
        match = pattern.match(text, pos)
        if match and match.end() > best_end:
            best_key, best_end = key, match.end()
    return best_key, best_end


def _prose_item(text: str, pos: int) -> tuple[str, Figure, str | None, int] | None:
    qualifier: str | None = None
    qual = _PROSE_QUALIFIER.match(text, pos)
    if qual:
        qualifier = "about" if qual.group("about") else "more than"
        pos = qual.end()
    count = _PROSE_COUNT.match(text, pos)
    if count is None:
        return None
    key, end = _prose_alias(text, count.end())
    if key is None:
        return None
    word = count.group("count")
    total = 1 if word.lower() in ("a", "an") else parse_count(word)
    return key, Figure(total), qualifier, end


def _prose_list(text: str, anchor: re.Match[str]) -> _ProseList:
    items: list[tuple[str, Figure, str | None, str]] = []
    junk: list[str] = []
    pos = anchor.end()
    while True:
        space = _SPACE_RUN.match(text, pos)
        pos = space.end() if space else pos
        item = _prose_item(text, pos)
        if item is None:
            stray = _PROSE_JUNK_ITEM.match(text, pos) if items else None
            if stray is None:
                break
            junk.append(_collapse(stray.group(0)))
            pos = stray.end()
        else:
            key, figure, qualifier, end = item
            items.append((key, figure, qualifier, _collapse(text[pos:end])))
            pos = end
        separator = _PROSE_SEPARATOR.match(text, pos)
        if separator is None:
            break
        pos = separator.end()
    end = pos
    head = text[max(0, anchor.start() - 200) : anchor.start()]
    own = bool(_REPORT_HEAD.search(head) or _REPORT_TAIL.match(text, end))
    return _ProseList(anchor.start(), end, items, junk, own)


def _read_prose(text: str) -> tuple[_Reading, int | None]:
    """Figures from "lost ..." lists; also where the report sentences start (for the date)."""
    lists = [found for m in _LOST.finditer(text) if (found := _prose_list(text, m)).items]
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
    reading = _Reading()
    for found in chosen:
        for key, figure, qualifier, source in found.items:
            reading.add(key, figure, qualifier, source)
        reading.unparsed.extend(found.junk)
    personnel = reading.figures.get("personnel")
    if personnel is not None:
        casualties = _CASUALTIES.search(text)
        if casualties:
            change = parse_count(casualties.group("count"))
            reading.figures["personnel"] = Figure(personnel.total, change)
    return reading, (chosen[0].start if chosen else None)


def _month_date(month: str, day: int, year: int) -> dt.date | None:
    try:
        return dt.date(year, _MONTHS[month[:3].lower()], day)
    except ValueError:
        return None


def _page_date(text: str) -> dt.date | None:
    """The article's own date: a date with a time after it, else any date but 24 Feb 2022.

    The invasion date is skipped in the fallback because the reports name it in every text
    ("since ... Feb. 24, 2022").
    """
    fallback: dt.date | None = None
    for match in _FULL_DATE.finditer(text):
        date = _month_date(match.group("mon"), int(match.group("d")), int(match.group("y")))
        if date is None:
            continue
        if match.group("time"):
            return date
        if fallback is None and date != WAR_START:
            fallback = date
    return fallback


def _prose_date(text: str, report_start: int | None, today: dt.date | None) -> dt.date | None:
    reported = None
    for match in _REPORTED_ON.finditer(text):
        if reported is None:
            reported = match
        if report_start is not None and match.start() >= report_start - 300:
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


# --------------------------------------------------------------------------------------------
# Entry point.
# --------------------------------------------------------------------------------------------


def parse_report(text: str, *, today: dt.date | None = None) -> LossReport:
    """Read one loss report from ``text``.

    ``today`` only settles the year of a prose date given without one when the page has no
    date line either; when it is None and such a guess is needed, the clock is read.
    Raises :class:`NoReportError` with a one-line reason when no loss figures are found.
    """
    clean = _normalise(text)
    if not clean.strip():
        raise NoReportError("the text is empty")

    official = _read_official(clean)
    prose_text = _MONTH_DOT.sub(r"\1", clean)
    prose, report_start = _read_prose(prose_text)

    if official.figures and len(official.figures) >= len(prose.figures):
        date, bad_header = _official_date(clean)
        unparsed = ([bad_header] if bad_header else []) + official.unparsed
        return LossReport(
            date=date,
            figures=official.figures,
            qualifier=official.qualifier,
            note=_note(clean, official.item_ends),
            unparsed=_unique(unparsed),
        )
    if prose.figures:
        return LossReport(
            date=_prose_date(prose_text, report_start, today),
            figures=prose.figures,
            qualifier=prose.qualifier,
            unparsed=_unique(prose.unparsed),
        )
    unreadable = official.unparsed or prose.unparsed
    if unreadable:
        example = unreadable[0]
        if len(example) > _REASON_EXAMPLE_MAX:
            example = example[: _REASON_EXAMPLE_MAX - 1] + "…"
        raise NoReportError(f"no known loss category in the text (could not read: {example})")
    raise NoReportError("no loss figures found in the text")


_REASON_EXAMPLE_MAX = 60


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(item for item in items if item))
