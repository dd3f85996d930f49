"""RSS 2.0 and Atom files saved from news sites: each entry becomes an article or a brief.

feedparser reads both dialects and their dates; plain RSS 2.0 and Atom files, the common
case and the big one, go through a faster lxml reader (feed_fast) that yields the same entry
fields, and feedparser takes whatever that reader does not know. Entry HTML is untrusted: it
is sanitised (core.sanitize) and its plain text kept for search. An entry whose text carries
a loss report yields that report too, linked to the entry's item by the importer.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from desktop_app.core import messages as msg
from desktop_app.core.errors import ImportFormatError, NoReportError
from desktop_app.core.formats.feed_entries import (
    build_item,
    entry_text,
    entry_time,
    plain,
    struct_time_utc,
    time_problem,
)
from desktop_app.core.formats.feed_fast import read_fast
from desktop_app.core.formats.feed_input import prepare_feed
from desktop_app.core.item import KINDS, ItemData, published_at_problem
from desktop_app.core.report import LossReport
from desktop_app.core.report_parser import parse_report
from desktop_app.core.validation import report_date_problem

_REPORT_HINT = re.compile(r"combat losses|has lost|бойові втрати|втрати противника", re.IGNORECASE)
# Entries whose estimated dates are named one by one in the summary; past that, counted.
SHOWN_ESTIMATES = 20


@dataclass
class FeedContent:
    items: list[ItemData] = field(default_factory=list)
    reports: list[LossReport] = field(default_factory=list)
    # (index into items, report date): the entry that published the report.
    links: list[tuple[int, dt.date]] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    # What was repaired or guessed in the file (its encoding, XML errors), for the summary.
    notes: list[str] = field(default_factory=list)
    # "entry 3 (title): the feed's date" for every entry whose time was estimated.
    estimated: list[str] = field(default_factory=list)
    # Each item's entry id (guid) as the feed gave it ("" when none), index-aligned.
    ids: list[str] = field(default_factory=list)


@dataclass
class ParsedFeed:
    title: str
    entries: list[Any]
    # The feed's own date, UTC (None when it states none that can be used).
    date: dt.datetime | None = None
    notes: list[str] = field(default_factory=list)


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


def _feed_date(feed: Mapping[str, Any]) -> dt.datetime | None:
    for key in ("published_parsed", "updated_parsed"):
        parsed = feed.get(key) if key in feed else None
        when = struct_time_utc(parsed) if parsed is not None else None
        if when is not None and published_at_problem(when) is None:
            return when
    return None


def parse_feed(data: bytes, source: str = "", *, fast: bool = True) -> ParsedFeed:
    """The feed's title, date and entries as feedparser gives them (or as feed_fast does).

    The bytes go through feed_input first: decoded right, entities repaired, a truncated
    file refused naming the line.
    """
    from desktop_app.core.feed_discovery import is_json_feed

    if is_json_feed(data):
        return _parse_json_feed(data, source)
    prepared = prepare_feed(data, source=source)
    fast_feed = read_fast(prepared.data) if fast and prepared.well_formed else None
    if fast_feed is not None:
        return ParsedFeed(
            fast_feed.title, fast_feed.entries, _feed_date(fast_feed.__dict__), prepared.notes
        )
    import feedparser  # ~60 ms to import; only feeds it cannot read fast need it

    parsed = feedparser.parse(prepared.data, sanitize_html=False, resolve_relative_uris=False)
    if not parsed.get("version") and not parsed.entries and not parsed.feed:
        raise ImportFormatError(msg.NOT_A_FEED, file=source or None)
    feed = parsed.feed
    return ParsedFeed(
        str(feed.get("title") or ""),
        list(parsed.entries),
        _feed_date(feed),
        prepared.notes,
    )


def _parse_json_feed(data: bytes, source: str) -> ParsedFeed:
    """A JSON Feed (jsonfeed.org), read into the same entry fields as RSS and Atom."""
    from desktop_app.core.formats.json_feed import read_json_feed

    title, entries = read_json_feed(data, source=source)
    return ParsedFeed(title, entries)


def parse_entries(data: bytes, source: str = "", *, fast: bool = True) -> tuple[str, list[Any]]:
    """The feed's title and its entries (parse_feed without the date)."""
    parsed = parse_feed(data, source, fast=fast)
    return parsed.title, parsed.entries


def _label(index: int, title: str) -> str:
    return f"entry {index + 1} ({title[:60]})" if title else f"entry {index + 1}"


def _distinct_links(items: list[ItemData], ids: list[str]) -> None:
    """Entries that share a link but are not the same entry (a live blog's updates) each get
    a link of their own: the oldest keeps it, the others get a fragment from their id (or
    from their title and time). Exact repeats are left for the importer to count once."""
    groups: dict[str, list[int]] = {}
    for n, item in enumerate(items):
        if item.source_url:
            groups.setdefault(item.source_url, []).append(n)
    for link, members in groups.items():
        distinct: dict[tuple[str, dt.datetime, str], int] = {}
        for n in members:
            item = items[n]
            distinct.setdefault((item.title, item.published_at, item.body), n)
        if len(distinct) < 2:
            continue
        order = sorted(distinct.values(), key=lambda n: (items[n].published_at, n))
        used = {link}
        for n in order[1:]:
            new = _own_link(link, items[n], ids[n], used)
            used.add(new)
            key = (items[n].title, items[n].published_at, items[n].body)
            for m in members:
                if (items[m].title, items[m].published_at, items[m].body) == key:
                    items[m] = replace(items[m], source_url=new)


def _own_link(link: str, item: ItemData, entry_id: str, used: set[str]) -> str:
    """The entry's id when it is the link with a fragment, else the link with a fragment made
    from the title and time (and the text, when another entry has the same title and time)."""
    if entry_id.startswith(link + "#") and entry_id not in used:
        return entry_id
    joiner = "-" if "#" in link else "#"
    for parts in ((item.title, item.published_at.isoformat()), (item.title, item.body)):
        digest = hashlib.sha1("\n".join(parts).encode()).hexdigest()[:10]
        new = f"{link}{joiner}entry-{digest}"
        if new not in used:
            return new
    digest = hashlib.sha1(f"{item.title}\n{item.published_at}\n{item.body}".encode()).hexdigest()
    return f"{link}{joiner}entry-{digest}"


def read_feed(
    data: bytes,
    *,
    source: str = "",
    as_kind: str | None = None,
    fast: bool = True,
    now: dt.datetime | None = None,
    leave_out_bad_times: bool = False,
    url: str = "",
) -> FeedContent:
    """Every entry of an RSS or Atom file; a truncated file raises, naming the line.

    An entry without a time takes the feed's own date, else `now` (the time the file is
    read), and is marked estimated. An entry whose time cannot be stored (far ahead, before
    the war) refuses the file, naming it; with `leave_out_bad_times` (a subscription: nobody
    can correct the site's feed) it is left out and said in `skipped`, the rest read.
    `fast=False` reads with feedparser only (the reference the fast reader is tested against).
    `url`: where the feed was fetched from, against which a relative link ("/news/1") is read.
    """
    if as_kind is not None and as_kind not in KINDS:
        raise ValueError(f"as_kind must be one of {KINDS}")
    parsed = parse_feed(data, source, fast=fast)
    read_at = (now or dt.datetime.now(dt.UTC)).replace(microsecond=0)
    source_name = plain(parsed.title)
    out = FeedContent(notes=list(parsed.notes))
    ids: list[str] = []
    records: list[str] = []
    try:
        for index, entry in enumerate(parsed.entries):
            try:
                record = _add_entry(
                    out, entry, index, parsed.date, read_at, source_name, as_kind, url
                )
            except ImportFormatError as exc:
                if not leave_out_bad_times or exc.field != "pubDate":
                    raise
                out.skipped.append(f"{exc.record}: {exc.reason}; left out")
                continue
            if record is not None:
                ids.append(str(entry.get("id") or ""))
                records.append(record)
    except ImportFormatError as exc:
        raise exc.with_file(source) if source else exc from None
    _distinct_links(out.items, ids)
    out.ids = ids
    for n, item in enumerate(out.items):
        report = _report_in(item)
        if report is None or report.date is None:
            continue
        problem = report_date_problem(report.date)
        if problem is not None:
            # The entry itself is news worth keeping; only its report cannot be placed.
            out.skipped.append(f"{records[n]}: its loss report was not stored: {problem}")
            continue
        out.reports.append(report)
        out.links.append((n, report.date))
    return out


def _add_entry(
    out: FeedContent,
    entry: Any,
    index: int,
    feed_date: dt.datetime | None,
    read_at: dt.datetime,
    source_name: str,
    as_kind: str | None,
    base: str = "",
) -> str | None:
    """Add the entry's item to `out` and return its label (None: skipped, and said)."""
    text = entry_text(entry, f"entry {index + 1}")
    if text is None:
        out.skipped.append(f"entry {index + 1}: nothing to show (no title, no text)")
        return None
    record = _label(index, text.title)
    stated = entry_time(entry)
    problem = time_problem(stated.when, stated.raw)
    if problem is not None:
        raise ImportFormatError(problem, record=record, field="pubDate")
    when, estimated = stated.when, False
    if when is not None and stated.unknown_zone:
        estimated = True
        out.estimated.append(
            f"{record}: its time zone {stated.unknown_zone!r} is not known; read as UTC"
        )
    elif when is not None and stated.no_time:
        estimated = True
        out.estimated.append(
            f"{record}: its date {stated.raw!r} gives no time of day; {when:%Y-%m-%d %H:%M}Z used"
        )
    if when is None:
        estimated = True
        when = feed_date or read_at
        whence = "the feed's date" if feed_date else "the time the file was read"
        why = f"its date {stated.raw!r} could not be read" if stated.raw else "no date"
        out.estimated.append(f"{record}: {why}; {whence} ({when:%Y-%m-%d %H:%M}Z) used")
    out.items.append(
        build_item(
            entry,
            text,
            when,
            estimated=estimated,
            source_name=source_name,
            as_kind=as_kind,
            base=base,
        )
    )
    return record
