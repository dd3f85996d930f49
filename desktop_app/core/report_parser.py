"""Read a General Staff daily loss report out of text a person pasted or typed.

Two families of text are understood (FORMATS.md, section 2):

* **Official posts** of the General Staff, in English or Ukrainian: a header naming the period
  ("from 24.02 to 10.08", "з 24.02.22 по 08.08.26") and then ``label ‒ total (+change)``
  items, either run together in one paragraph or one a line, possibly with Telegram emoji
  bullets. Every ``label <dash> number`` pair is an item; a label that names no known
  category makes the item *unparsed* instead of being dropped silently. Read here.
* **News prose** of any outlet, English or Ukrainian ("Russia has lost 360,010 troops ... has
  also lost 5,983 tanks, ...", "за добу ... втратила 1 280 військових"), often inside a whole
  pasted or saved web page (read as its visible text). Read by news_reader.

Both readers run on every text: the official items come first and the prose fills in the
categories they lack. The date comes from the header, else from report_dates (stated, derived
and said so, or unknown). The result keeps what the source says: stated changes (and changes
stated without a total, apart), the personnel qualifier, the sentence naming the direction of
the greatest losses, and for each figure the words it was read from. A text of several dated
days (minfin-style lists) gives one report per day (`parse_reports`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from desktop_app.core import messages as msg
from desktop_app.core.errors import NoReportError
from desktop_app.core.news_reader import (
    CHANGE,
    TOTAL,
    Mention,
    NewsReading,
    read_news,
)
from desktop_app.core.number_words import DIGITS, parse_digits
from desktop_app.core.page.visible import looks_like_html, visible_text
from desktop_app.core.report import WAR_START, Figure, LossReport
from desktop_app.core.report_dates import ReportDate, find_report_date
from desktop_app.core.report_text import Reading, collapse, lookup_label, normalise

__all__ = ["parse_report", "parse_reports"]

# --------------------------------------------------------------------------------------------
# Official posts.
# --------------------------------------------------------------------------------------------

# The period header. Without a year the post is from 2022 (the year was added in 2023).
_HEADER = re.compile(
    r"(?<![^\W\d_])(?:from|з|із|від)\s+24\.02(?:\.(?:20)?22)?\s*(?:to|till|until|по|до|[‒–—-])\s*"
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
# "(+1 – за останню добу)", "(+43 per day)": words after a change that say it is the day's.
_DAY_WORDS = (
    r"(?:[-–—]?\s*(?:за\s+(?:останню\s+|минулу\s+)?добу|per\s+day|over\s+the\s+(?:past|last)\s+day)"
    r"\s*)?"
)

_VALUE = re.compile(
    rf"\s*(?P<pre>(?:(?:{_ABOUT}|{_MORE}|{_FILLER})(?![^\W_])\.?\s*|~\s*)*)"
    # What is left after a number ("10.5", "1.45") is not a count; refuse it rather than read 10.
    rf"(?P<total>{DIGITS})(?![.'’][0-9])"
    # A letter glued to the number ("2l7", "3O3") makes it unreadable, unless it starts a
    # unit ("1832од"): the item is then listed as not understood rather than read as 2 or 3.
    rf"(?!(?!(?:{_UNIT})(?![^\W_]))[^\W\d_])"
    # The change: "(+3)", or a bare "+3" / "−3" (a plain hyphen there is a dash, not a sign).
    rf"(?:\s*\(\s*(?P<sign>[{_SIGNS}]?)\s*(?P<change>{DIGITS})\s*{_DAY_WORDS}\)"
    rf"|\s*(?P<bare_sign>[+−])\s*(?P<bare_change>{DIGITS})(?![.'’][0-9]))?"
    rf"(?:\s*(?:{_UNIT})(?![^\W_])\.?)*"
    # "близько 169890 осіб (+720)": the change after the unit.
    rf"(?:\s*\(\s*(?P<late_sign>[+−])\s*(?P<late_change>{DIGITS})\s*{_DAY_WORDS}\))?",
    re.IGNORECASE,
)
_ABOUT_RE = re.compile(rf"(?<![^\W_])(?:{_ABOUT})(?![^\W_])|~", re.IGNORECASE)
_MORE_RE = re.compile(rf"(?<![^\W_])(?:{_MORE})(?![^\W_])", re.IGNORECASE)

_REST_OF_ITEM = re.compile(r"[^,;\n]{0,80}")
_LABEL_PUNCT = frozenset(" \n/-'’ʼ")
_LABEL_MAX = 80
# A label may carry a remark in brackets: "Кораблі (катери) — 18".
_LABEL_WALK = _LABEL_PUNCT | frozenset("()")
_LEADING_CONJUNCTION = re.compile(r"^(?:and|та|і|й)\s+", re.IGNORECASE)
# Unknown labels longer than this are ordinary prose with a dash in it, not a report item.
_UNKNOWN_LABEL_MAX_WORDS = 6

_NOTE_ANCHOR = re.compile(
    r"(?:greatest|biggest|largest|heaviest)\s+losses|найбільш(?:их|і)\s+втрат", re.IGNORECASE
)
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")
_NOTE_LEAD = re.compile(r"^[^\w\"«“(]+")
_BLANK_LINE = re.compile(r"\n[ \t\r]*\n")
# A direction sentence is short; text further away than this is not part of it.
_NOTE_REACH = 300


def _clean_label(raw: str) -> str:
    label = collapse(raw).strip("".join(_LABEL_PUNCT))
    return _LEADING_CONJUNCTION.sub("", label)


def _label_before(text: str, end: int, floor: int) -> tuple[int, str | None, str]:
    """Walk back from a dash over the label; return its start, category key and cleaned text.

    The walk stops at ``floor``, the end of the previous item (which includes its unit words).
    The label may be wrapped over two lines ("спеціальна\\nтехніка"), so the walk crosses
    newlines; when the whole run names nothing, its last line alone is tried, which drops a
    heading or a stray word left on the line before.
    """
    start = end
    limit = max(floor, end - _LABEL_MAX)
    while start > limit and (text[start - 1].isalpha() or text[start - 1] in _LABEL_WALK):
        start -= 1
    raw = text[start:end]
    label = _clean_label(raw)
    key = lookup_label(label) if label else None
    if key is None and "\n" in raw:
        cut = raw.rindex("\n") + 1
        start += cut
        label = _clean_label(raw[cut:])
        key = lookup_label(label) if label else None
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


def _read_official(text: str) -> Reading:
    reading = Reading()
    consumed = 0
    for dash in _DASH.finditer(text):
        if dash.start() < consumed:
            continue
        start, key, label = _label_before(text, dash.start(), consumed)
        if not label:
            continue
        value = _VALUE.match(text, dash.end())
        if value is None:
            if key is not None:
                # A category named with something unreadable after it ("tanks ‒ n/a").
                tail = _REST_OF_ITEM.match(text, dash.end())
                stop = tail.end() if tail else dash.end()
                reading.unparsed.append(collapse(text[start:stop]))
            continue
        consumed = value.end()
        source = collapse(text[start : value.end()])
        if key is None:
            if len(label.split()) <= _UNKNOWN_LABEL_MAX_WORDS:
                reading.unparsed.append(source)
            continue
        figure = Figure(
            parse_digits(value.group("total")),
            _signed(
                value.group("sign") or value.group("bare_sign") or value.group("late_sign"),
                value.group("change") or value.group("bare_change") or value.group("late_change"),
            ),
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
        return None, collapse(header.group(0))
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
    # Nor does it cross a paragraph's end: a copied page puts captions ("Video of the day",
    # a photo credit) between the list and the sentence.
    for paragraph_end in _BLANK_LINE.finditer(text, start, anchor.start()):
        start = paragraph_end.end()
    stop = _SENTENCE_END.search(text, anchor.end(), anchor.end() + _NOTE_REACH)
    end = stop.end() if stop else line_end
    blank = text.find("\n\n", anchor.end(), end)
    if blank != -1:
        end = blank
    sentence = _NOTE_LEAD.sub("", collapse(text[start:end]))
    return sentence or None


# --------------------------------------------------------------------------------------------
# Entry point.
# --------------------------------------------------------------------------------------------

# The reason of a NoReportError quotes at most this much of an unreadable item.
_REASON_EXAMPLE_MAX = 60
# "Sept. 22": the full stop of an abbreviated month is not a sentence's end (same length kept).
_MONTH_DOT = re.compile(r"\b(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.", re.IGNORECASE)
# A line that is only a date ("03.04.2022") starts a day's block in lists of several days.
_DAY_LINE = re.compile(r"^[ \t]*[0-3]?[0-9]\.[01]?[0-9]\.20[2-3][0-9][ \t]*$", re.MULTILINE)
_MIN_BLOCK_ITEMS = 3


def parse_report(text: str, *, today: dt.date | None = None) -> LossReport:
    """Read one loss report from ``text`` (the first day's, when it holds several).

    ``today`` bounds the date: a report is never dated after it (the clock when None).
    Raises :class:`NoReportError` with a one-line reason when no loss figures are found.
    """
    return parse_reports(text, today=today)[0]


def parse_reports(text: str, *, today: dt.date | None = None) -> list[LossReport]:
    """Every day's report in ``text``: one, or one per dated block of a multi-day list."""
    if looks_like_html(text):
        text = visible_text(text)
    clean = normalise(text)
    if not clean.strip():
        raise NoReportError(msg.render(msg.EMPTY_TEXT))
    reports: list[LossReport] = []
    for block in _day_blocks(clean):
        try:
            reports.append(_parse_one(block, today or dt.date.today()))
        except NoReportError:
            if not reports and block is _day_blocks(clean)[-1]:
                raise
    if not reports:
        return [_parse_one(clean, today or dt.date.today())]
    return reports


def _day_blocks(text: str) -> list[str]:
    starts = [m.start() for m in _DAY_LINE.finditer(text)]
    if len(starts) < 2:
        return [text]
    bounds = [*starts[1:], len(text)]
    blocks = [text[a:b] for a, b in zip(starts, bounds, strict=True)]
    if any(len(_DASH.findall(block)) < _MIN_BLOCK_ITEMS for block in blocks):
        return [text]
    return blocks


def _parse_one(clean: str, today: dt.date) -> LossReport:
    clean = _MONTH_DOT.sub(lambda m: m.group(1) + " ", clean)
    official = _read_official(clean)
    header_date, bad_header = _official_date(clean)
    # The official header states the date; a future one is kept so that checks name it.
    hint = header_date or find_report_date(clean, today=today, totals={}).date
    news = read_news(clean, hint)
    figures, changes_only, sources, qualifier = _assemble(official, news)
    found = ReportDate(hint)
    if header_date is None:
        totals = {k: f.total for k, f in figures.items()}
        found = find_report_date(clean, today=today, totals=totals, changes=changes_only)
        if found.date != hint:
            news = read_news(clean, found.date)
            figures, changes_only, sources, qualifier = _assemble(official, news)
    date = found.date
    if not figures and not changes_only:
        unreadable = official.unparsed
        if unreadable:
            example = unreadable[0]
            if len(example) > _REASON_EXAMPLE_MAX:
                example = example[: _REASON_EXAMPLE_MAX - 1] + "…"
            raise NoReportError(msg.render(msg.NO_CATEGORY, text=example))
        raise NoReportError(msg.render(msg.NO_FIGURES))
    unparsed = ([bad_header] if bad_header else []) + list(official.unparsed)
    use_official = len(official.figures) >= len(news.keys())
    return LossReport(
        date=date,
        figures=figures,
        qualifier=qualifier,
        note=_note(clean, official.item_ends) if use_official and official.figures else None,
        unparsed=_unique(unparsed if official.figures else news.unparsed),
        changes_only=changes_only,
        sources=sources,
        date_note=found.how,
    )


def _assemble(
    official: Reading, news: NewsReading
) -> tuple[dict[str, Figure], dict[str, int], dict[str, str], str | None]:
    """Official items first; what only the prose states fills the other categories."""
    figures = dict(official.figures)
    sources = dict(official.sources)
    qualifier = official.qualifier
    changes_only: dict[str, int] = {}
    best: dict[tuple[str, str], Mention] = {}
    for mention in news.mentions:
        slot = (mention.key, mention.role)
        known = best.get(slot)
        if known is None or mention.score > known.score:
            best[slot] = mention
    text = news.text
    for key in dict.fromkeys(m.key for m in news.mentions):
        if key in figures:
            continue
        total = best.get((key, TOTAL))
        change = best.get((key, CHANGE))
        change_value = change.value if change else None
        if (
            total is not None
            and total.change is not None
            and (change is None or change.score <= total.score)
        ):
            change_value = total.change
        words = [collapse(text[m.start : m.end]) for m in (total, change) if m is not None]
        if total is not None:
            figures[key] = Figure(total.value, change_value)
            if key == "personnel" and qualifier is None:
                qualifier = total.qualifier
        elif change_value is not None:
            changes_only[key] = change_value
        sources[key] = " … ".join(dict.fromkeys(words))
    return figures, changes_only, sources, qualifier


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(item for item in items if item))
