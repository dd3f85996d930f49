"""Read a General Staff daily loss report out of text a person pasted or typed.

Two families of text are understood (FORMATS.md, section 2):

* **Official posts** of the General Staff, in English or Ukrainian: a header naming the period
  ("from 24.02 to 10.08", "з 24.02.22 по 08.08.26") and then ``label ‒ total (+change)``
  items, either run together in one paragraph or one a line, possibly with Telegram emoji
  bullets. Every ``label <dash> number`` pair is an item; a label that names no known
  category makes the item *unparsed* instead of being dropped silently. Read here.
* **News prose** in the Kyiv Independent's style ("Russia has lost 360,010 troops ... has
  also lost 5,983 tanks, ..."), often inside a whole pasted web page. Read by report_prose.

Both readers run on every text; the one that recognises more categories decides. The result
keeps what the source says: stated changes, the personnel qualifier, and (for official posts)
the sentence naming the direction of the greatest losses.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from desktop_app.core.errors import NoReportError
from desktop_app.core.number_words import DIGITS, parse_digits
from desktop_app.core.report import WAR_START, Figure, LossReport
from desktop_app.core.report_prose import read_prose
from desktop_app.core.report_text import Reading, collapse, lookup_label, normalise

__all__ = ["parse_report"]

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
    # What is left after a number ("10.5", "1.45") is not a count; refuse it rather than read 10.
    rf"(?P<total>{DIGITS})(?![.'’][0-9])"
    # A letter glued to the number ("2l7", "3O3") makes it unreadable, unless it starts a
    # unit ("1832од"): the item is then listed as not understood rather than read as 2 or 3.
    rf"(?!(?!(?:{_UNIT})(?![^\W_]))[^\W\d_])"
    # The change: "(+3)", or a bare "+3" / "−3" (a plain hyphen there is a dash, not a sign).
    rf"(?:\s*\(\s*(?P<sign>[{_SIGNS}]?)\s*(?P<change>{DIGITS})\s*\)"
    rf"|\s*(?P<bare_sign>[+−])\s*(?P<bare_change>{DIGITS})(?![.'’][0-9]))?"
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
    while start > limit and (text[start - 1].isalpha() or text[start - 1] in _LABEL_PUNCT):
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
                value.group("sign") or value.group("bare_sign"),
                value.group("change") or value.group("bare_change"),
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


def parse_report(text: str, *, today: dt.date | None = None) -> LossReport:
    """Read one loss report from ``text``.

    ``today`` only settles the year of a prose date given without one when the page has no
    date line either; when it is None and such a guess is needed, the clock is read.
    Raises :class:`NoReportError` with a one-line reason when no loss figures are found.
    """
    clean = normalise(text)
    if not clean.strip():
        raise NoReportError("the text is empty")

    official = _read_official(clean)
    prose_reading = read_prose(clean)
    prose = prose_reading.reading

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
            date=prose_reading.date(today),
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


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(item for item in items if item))
