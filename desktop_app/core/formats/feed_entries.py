"""One feed entry (as feedparser or feed_fast gives it) as an article or brief.

An odd entry never refuses its feed: without a time it takes the feed's own date (else the
time the file was read) and is marked estimated; without a title it gets one from its text;
with nothing to show it is left out, and the caller lists it. Text the feed marks as plain
(Atom `type="text"`, an RSS title that is not HTML) stays text: "the <details> element"
keeps its word.
"""

from __future__ import annotations

import calendar
import datetime as dt
import html
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

from desktop_app.core import messages as msg
from desktop_app.core.errors import ImportFormatError
from desktop_app.core.item import ARTICLE, BRIEF, ItemData, published_at_problem, split_tags
from desktop_app.core.sanitize import html_to_text, sanitize_html

# A brief is one short paragraph under a headline; longer text is an article (or its teaser).
BRIEF_MAX_CHARS = 400
# A title longer than this is not a headline but a paragraph.
HEADLINE_MAX_CHARS = 300
# Past these sizes a field is not news but a broken or hostile file.
MAX_TITLE_CHARS = 2_000
MAX_TEXT_CHARS = 2_000_000
# A title made from an untitled entry's text: its first sentence, at most this long.
DERIVED_TITLE_CHARS = 120
_MARKUP = re.compile(r"<[a-zA-Z/!]|&[#a-zA-Z0-9]+;")
# Text with none of these characters comes out of nh3 unchanged (a property test checks it),
# so plain-text content skips the sanitiser: 1.6 s per 100,000 entries.
_NEEDS_SANITIZING = re.compile("[<>&\x00\r\xa0\ufeff]")
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s")
_ALT = re.compile(r"""<img\b[^>]*?\balt\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
_YEAR = re.compile(r"(?<![0-9])([0-9]{4,})(?![0-9])")
PLAIN = "text/plain"


def plain(value: str) -> str:
    """The plain text of markup (or of text that may hold some)."""
    return html_to_text(value) if _MARKUP.search(value) else " ".join(value.split())


def sanitized(markup: str) -> str:
    """sanitize_html(markup), without calling nh3 when the text cannot change."""
    return sanitize_html(markup) if _NEEDS_SANITIZING.search(markup) else markup


def _detail_type(entry: Any, key: str) -> str:
    detail = entry.get(f"{key}_detail") or {}
    return str(detail.get("type") or "text/html")


def _text_of(value: str, kind: str) -> str:
    return " ".join(value.split()) if kind == PLAIN else plain(value)


def struct_time_utc(parsed: Any) -> dt.datetime | None:
    """feedparser's UTC struct_time as an aware datetime; None past the calendar's ends."""
    try:
        return dt.datetime.fromtimestamp(calendar.timegm(parsed), dt.UTC)
    except (OverflowError, ValueError, OSError):
        return None


@dataclass(frozen=True)
class EntryTime:
    when: dt.datetime | None
    # The date as the feed wrote it ("" when it gave none).
    raw: str
    # A zone name no reader knows ("XYZ"): the time was read as UTC, a guess.
    unknown_zone: str = ""
    # A date without a time of day ("2024-03-03", even "2024"): its 00:00 UTC is a guess.
    no_time: bool = False


# An RFC 822 time's zone name, as in "Mon, 04 Mar 2024 10:00:00 EEST".
_ZONE_NAME = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?\s+([A-Za-z]{1,5})$")
# The names feedparser reads right (its rfc822 table); any other it reads as UTC.
_FEEDPARSER_ZONES = frozenset(
    [
        "ut",
        "gmt",
        "utc",
        "z",
        "adt",
        "ast",
        "at",
        "edt",
        "est",
        "et",
        "cdt",
        "cst",
        "ct",
        "mdt",
        "mst",
        "mt",
        "pdt",
        "pst",
        "pt",
        "a",
        "n",
        "m",
        "y",
        "met",
        "mest",
    ]
)
_TIME_OF_DAY = re.compile(r"\d:\d\d|T\d{4}")
# Zones of the feeds this archive follows that feedparser does not know: hours east of UTC.
_MORE_ZONES = {"eet": 2, "eest": 3, "msk": 3, "cet": 1, "cest": 2, "wet": 0, "west": 1, "bst": 1}


def entry_time(entry: Any) -> EntryTime:
    # `in` first: feedparser warns when asked for an `updated` it does not have.
    published = str(entry["published"] if "published" in entry else "").strip()  # noqa: SIM401
    updated = str(entry["updated"] or "").strip() if "updated" in entry else ""
    raw = published or updated
    for key, written in (("published_parsed", published), ("updated_parsed", updated)):
        parsed = entry[key] if key in entry else None  # noqa: SIM401
        if parsed is not None:
            return _in_its_zone(struct_time_utc(parsed), written or raw or "(unreadable)")
    return EntryTime(None, raw)


def _in_its_zone(when: dt.datetime | None, raw: str) -> EntryTime:
    """feedparser reads a zone name it does not know ("EEST") as UTC: 10:00 EEST stored as
    10:00Z, three hours late. A zone of ours is applied; another one makes the time a guess."""
    if when is not None and not _TIME_OF_DAY.search(raw):
        return EntryTime(when, raw, no_time=True)
    zone = _ZONE_NAME.search(raw)
    name = zone.group(1).lower() if zone is not None else "z"
    if when is None or name in _FEEDPARSER_ZONES:
        return EntryTime(when, raw)
    if name in _MORE_ZONES:
        return EntryTime(when - dt.timedelta(hours=_MORE_ZONES[name]), raw)
    return EntryTime(when, raw, unknown_zone=zone.group(1) if zone is not None else "")


def impossible_year(raw: str) -> bool:
    """A date that names a year no news item can have (0001, 9999, 10000)."""
    years = [int(y) for y in _YEAR.findall(raw)]
    return any(not 1900 <= y <= 2100 for y in years if y >= 1000) and not any(
        1900 <= y <= 2100 for y in years
    )


def derive_title(text: str) -> str:
    """An untitled entry's title: the first sentence of its text, cut on a word."""
    first = text.strip().split("\n")[0]
    first = _SENTENCE_END.split(first, maxsplit=1)[0]
    if len(first) <= DERIVED_TITLE_CHARS:
        return first
    cut = first[:DERIVED_TITLE_CHARS].rsplit(" ", 1)[0] or first[:DERIVED_TITLE_CHARS]
    return cut.rstrip(",;:—–- ") + "…"


def _image_text(markup: str) -> str:
    for match in _ALT.finditer(markup):
        alt = " ".join(html.unescape(match.group(1) or match.group(2) or "").split())
        if alt:
            return alt
    return ""


def _check_size(value: str, limit: int, *, record: str, name: str) -> None:
    if len(value) > limit:
        raise ImportFormatError(
            msg.render(msg.TOO_LONG, length=len(value), limit=limit), record=record, field=name
        )


@dataclass(frozen=True)
class EntryText:
    title: str
    lead: str
    body: str
    body_html: str
    full_content: bool


def entry_text(entry: Any, record: str) -> EntryText | None:
    """The entry's title and text (None: nothing to show)."""
    title_raw = str(entry.get("title") or "")
    _check_size(title_raw, MAX_TITLE_CHARS, record=record, name="title")
    summary_raw = str(entry.get("summary") or "")
    _check_size(summary_raw, MAX_TEXT_CHARS, record=record, name="summary")
    contents = entry.get("content") or []
    content_raw = "".join(str(c.get("value") or "") for c in contents)
    _check_size(content_raw, MAX_TEXT_CHARS, record=record, name="content")
    content_type = str(contents[0].get("type") or "text/html") if contents else "text/html"
    summary_type = _detail_type(entry, "summary")
    if not entry.get("summary_detail") and contents and summary_raw == contents[0].get("value"):
        summary_type = content_type  # feedparser's copy of the content, without its type
    title = _text_of(title_raw, _detail_type(entry, "title"))
    summary = _text_of(summary_raw, summary_type)
    if content_raw.strip():
        if content_type == PLAIN:
            body_html, body = "", " ".join(content_raw.split())
        else:
            body_html = sanitized(content_raw)
            body = html_to_text(body_html)
        lead = summary if summary != body else ""
        # Full content says more than the summary; a copy of it (wire feeds) is none.
        full = bool(lead) or len(body) >= BRIEF_MAX_CHARS
    else:
        markup = summary_type != PLAIN and _MARKUP.search(summary_raw)
        body_html = sanitize_html(summary_raw) if markup else ""
        body, lead, full = summary, "", False
    if not title:
        text = body or summary
        title = derive_title(text) if text else _image_text(content_raw or summary_raw)
    if not title and not body:
        return None
    return EntryText(title, lead, body, body_html, full)


def choose_kind(text: EntryText, as_kind: str | None) -> str:
    """Brief: a headline over one short paragraph and no full content; else an article."""
    if as_kind is not None:
        return as_kind
    if text.title.endswith(".") and len(text.title) <= HEADLINE_MAX_CHARS:
        return BRIEF
    longest = max(len(text.body), len(text.lead))
    short = not text.full_content and longest < BRIEF_MAX_CHARS
    return BRIEF if short and len(text.title) <= HEADLINE_MAX_CHARS else ARTICLE


def build_item(
    entry: Any,
    text: EntryText,
    when: dt.datetime,
    *,
    estimated: bool,
    source_name: str,
    as_kind: str | None,
    base: str = "",
) -> ItemData:
    """The item (load.read_import_file checks it as the archive will, before any write).

    A relative link ("/news/1") is read against `base`, the address the feed came from: as
    given it opens nothing, and two sites' "/news/1" would be taken for one story."""
    link = str(entry.get("link") or "").strip() or None
    if link is not None and base and not urlsplit(link).scheme:
        link = urljoin(base, link)
    tags = split_tags(",".join(str(t.get("term") or "") for t in entry.get("tags") or []))
    return ItemData(
        kind=choose_kind(text, as_kind),
        title=text.title,
        published_at=when,
        body=text.body,
        lead=text.lead,
        author=str(entry.get("author") or "").strip(),
        source_name=source_name,
        source_url=link,
        tags=tags,
        body_html=text.body_html,
        date_estimated=estimated,
    )


def time_problem(when: dt.datetime | None, raw: str) -> str | None:
    """Why an entry's stated time cannot be stored (None when it can)."""
    # (Only when the year read is not the year written: the common case costs nothing.)
    if (when is None or str(when.year) not in raw) and impossible_year(raw):
        # feedparser reads "10000-01-01" as 1 Nov 2010: the year the feed wrote decides.
        late = any(int(y) > 2100 for y in _YEAR.findall(raw))
        return msg.render(msg.DATE_TOO_LATE if late else msg.DATE_TOO_EARLY, value=repr(raw))
    if when is None:
        return None
    problem = published_at_problem(when)
    if problem is None:
        return None
    return f"date {raw!r}: {problem}" if raw and raw != "(unreadable)" else problem
