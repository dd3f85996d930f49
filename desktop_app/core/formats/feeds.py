"""RSS 2.0 and Atom files saved from news sites: each entry becomes an article or a brief.

feedparser reads both dialects and their dates; plain RSS 2.0 and Atom files, the common
case and the big one, go through a faster lxml reader (feed_fast) that yields the same entry
fields, and feedparser takes whatever that reader does not know. Entry HTML is untrusted: it
is sanitised (core.sanitize) and its plain text kept for search. An entry whose text carries
a loss report yields that report too, linked to the entry's item by the importer.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from desktop_app.core.errors import ImportFormatError, NoReportError
from desktop_app.core.formats.feed_fast import read_fast
from desktop_app.core.item import (
    ARTICLE,
    BRIEF,
    KINDS,
    ItemData,
    published_at_problem,
    split_tags,
)
from desktop_app.core.report import LossReport
from desktop_app.core.report_parser import parse_report
from desktop_app.core.sanitize import html_to_text, sanitize_html
from desktop_app.core.validation import report_date_problem

# A brief is one short paragraph; anything longer without full content is an article's teaser.
BRIEF_MAX_CHARS = 400
# Past these sizes a field is not news but a broken or hostile file.
MAX_TITLE_CHARS = 2_000
MAX_TEXT_CHARS = 2_000_000
_MARKUP = re.compile(r"<[a-zA-Z/!]|&[#a-zA-Z0-9]+;")
# Text with none of these characters comes out of nh3 unchanged (a property test checks it),
# so plain-text content skips the sanitiser: 1.6 s per 100,000 entries.
_NEEDS_SANITIZING = re.compile("[<>&\x00\r\xa0\ufeff]")
_REPORT_HINT = re.compile(r"combat losses|has lost|бойові втрати|втрати противника", re.IGNORECASE)


@dataclass
class FeedContent:
    items: list[ItemData] = field(default_factory=list)
    reports: list[LossReport] = field(default_factory=list)
    # (index into items, report date): the entry that published the report.
    links: list[tuple[int, dt.date]] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def _plain(value: str) -> str:
    return html_to_text(value) if _MARKUP.search(value) else " ".join(value.split())


def sanitized(markup: str) -> str:
    """sanitize_html(markup), without calling nh3 when the text cannot change."""
    return sanitize_html(markup) if _NEEDS_SANITIZING.search(markup) else markup


def _time(entry: Any) -> dt.datetime | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if parsed is None:
        return None
    # feedparser normalises to UTC and returns a struct_time; timegm reads it as UTC.
    try:
        return dt.datetime.fromtimestamp(calendar.timegm(parsed), dt.UTC)
    except (OverflowError, ValueError, OSError):
        # Past the calendar's ends: the earliest time, which the bounds check refuses.
        return dt.datetime.min.replace(tzinfo=dt.UTC)


def _check_size(value: str, limit: int, *, record: str, name: str) -> None:
    if len(value) > limit:
        raise ImportFormatError(
            f"{len(value):,} characters is too long (at most {limit:,})",
            record=record,
            field=name,
        )


def _entry(entry: Any, index: int, source_name: str, as_kind: str | None) -> ItemData | None:
    title_raw = str(entry.get("title") or "")
    record = f"entry {index + 1}"
    _check_size(title_raw, MAX_TITLE_CHARS, record=record, name="title")
    summary_raw = str(entry.get("summary") or "")
    _check_size(summary_raw, MAX_TEXT_CHARS, record=record, name="summary")
    contents = entry.get("content") or []
    content_raw = "".join(str(c.get("value") or "") for c in contents)
    _check_size(content_raw, MAX_TEXT_CHARS, record=record, name="content")
    title = _plain(title_raw)
    summary = _plain(summary_raw)
    if not title and not summary and not content_raw.strip():
        return None
    if title:
        record = f"entry {index + 1} ({title[:60]})"
    published = _time(entry)
    if published is None:
        raise ImportFormatError("no publication time", record=record, field="pubDate")
    problem = published_at_problem(published)
    if problem is not None:
        raise ImportFormatError(problem, record=record, field="pubDate")
    if not title:
        # Some feeds (Telegram mirrors) give no titles: the text's first line serves.
        title = summary.split("\n")[0][:200]
    if content_raw.strip():
        body_html = sanitized(content_raw)
        body, lead = html_to_text(body_html), summary
    else:
        body_html = sanitize_html(summary_raw) if _MARKUP.search(summary_raw) else ""
        body, lead = summary, ""
    if as_kind is not None:
        kind = as_kind
    elif (not content_raw.strip() and len(summary) < BRIEF_MAX_CHARS) or title.endswith("."):
        kind = BRIEF
    else:
        kind = ARTICLE
    link = str(entry.get("link") or "").strip() or None
    tags = split_tags(",".join(str(t.get("term") or "") for t in entry.get("tags") or []))
    return ItemData(
        kind=kind,
        title=title,
        published_at=published,
        body=body,
        lead=lead,
        author=str(entry.get("author") or "").strip(),
        source_name=source_name,
        source_url=link,
        tags=tags,
        body_html=body_html,
    )


def _report_in(item: ItemData) -> LossReport | None:
    text = f"{item.title}\n{item.lead}\n{item.body}"
    if not _REPORT_HINT.search(text):
        return None
    try:
        report = parse_report(text, today=item.published_at.date())
    except NoReportError:
        return None
    # A report with no readable date cannot be placed; the item still imports.
    return report if report.date is not None else None


def _syntax_error(parsed: Any) -> ImportFormatError | None:
    exc = parsed.get("bozo_exception")
    if not parsed.get("bozo") or exc is None:
        return None
    # A wrong encoding declaration is recovered from; broken XML (a truncated file) is not.
    if type(exc).__name__ in ("CharacterEncodingOverride", "NonXMLContentType"):
        return None
    line = getattr(exc, "getLineNumber", lambda: None)()
    where = f"line {line}" if line else None
    message = getattr(exc, "getMessage", lambda: str(exc))()
    return ImportFormatError(f"malformed feed: {message}", record=where)


def parse_entries(data: bytes, source: str = "", *, fast: bool = True) -> tuple[str, list[Any]]:
    """The feed's title and its entries as feedparser gives them (or as feed_fast does)."""
    fast_feed = read_fast(data) if fast else None
    if fast_feed is not None:
        return fast_feed.title, fast_feed.entries
    import feedparser  # ~60 ms to import; only feeds it cannot read fast need it

    parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    error = _syntax_error(parsed)
    if error is not None:
        raise error.with_file(source) if source else error
    if not parsed.get("version"):
        raise ImportFormatError("not an RSS or Atom feed", file=source or None)
    return str(parsed.feed.get("title") or ""), list(parsed.entries)


def read_feed(
    data: bytes, *, source: str = "", as_kind: str | None = None, fast: bool = True
) -> FeedContent:
    """Every entry of an RSS or Atom file; a malformed file raises, naming the line.

    `fast=False` reads with feedparser only (the reference the fast reader is tested against).
    """
    if as_kind is not None and as_kind not in KINDS:
        raise ValueError(f"as_kind must be one of {KINDS}")
    title, entries = parse_entries(data, source, fast=fast)
    source_name = _plain(title)
    out = FeedContent()
    for index, entry in enumerate(entries):
        try:
            item = _entry(entry, index, source_name, as_kind)
        except ImportFormatError as exc:
            raise exc.with_file(source) if source else exc from None
        if item is None:
            out.skipped.append(f"entry {index + 1}: no title and no text")
            continue
        out.items.append(item)
        report = _report_in(item)
        if report is not None and report.date is not None:
            problem = report_date_problem(report.date)
            if problem is not None:
                # The entry itself is news worth keeping; only its report cannot be placed.
                out.skipped.append(f"entry {index + 1}: its loss report was not stored: {problem}")
                continue
            out.reports.append(report)
            out.links.append((len(out.items) - 1, report.date))
    return out
