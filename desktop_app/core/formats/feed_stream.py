"""A large RSS 2.0 or Atom file read entry by entry, so an import can store it as it reads.

`feeds.read_feed` holds the file's bytes, its tree and every entry at once (4 GiB for a
1,000,000-entry feed). This reader parses the file incrementally (lxml's iterparse, each entry's
element dropped once read) and yields its articles and briefs in batches, built exactly as
`read_feed` builds them: the same fields, checks, kinds, estimated dates, skipped entries and
loss reports. It reads what `feed_fast` reads — plain UTF-8 RSS 2.0 and Atom 1.0 — and when
the file turns out to be anything else it raises `NotStreamableError` and the caller reads the
file whole, the old way. That happens for an element or date form `feed_fast` does not know,
any XML error (the whole-file path repairs entities and truncated ends, or refuses the file
naming the line), a feed title after its first entries or a feed date after undated ones, and
entries that share a link but differ (a live blog's updates): `read_feed` gives those links of
their own, and which one keeps the link depends on every entry in the file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from lxml import etree

from desktop_app.core.errors import ImportFormatError, ValidationError
from desktop_app.core.formats._common import _wide_encoding, check_report_date, from_validation
from desktop_app.core.formats.detect import FEED
from desktop_app.core.formats.feed_entries import plain
from desktop_app.core.formats.feed_fast import (
    _A,
    _ATOM_FEED_IGNORED,
    _ENCODING_DECL,
    _FEED_DATES,
    _RSS_CHANNEL_IGNORED,
    SAFE_XML,
    UnsupportedFeedError,
    _atom_entry,
    _atom_text,
    _date,
    _leaf,
    _rss_item,
)
from desktop_app.core.formats.feeds import FeedContent, _add_entry, _feed_date, _report_in
from desktop_app.core.formats.result import NotStreamableError
from desktop_app.core.item import KINDS, ItemData
from desktop_app.core.report import LossReport
from desktop_app.core.validation import report_date_problem

if TYPE_CHECKING:
    from desktop_app.core.formats.result import ReadResult

# Entries per batch: what the importer stores (and checks for duplicates) at a time.
BATCH = 500
# Bytes read from the file at a time.
READ_SIZE = 1 << 20
_XML_BASE = b"xml:base"
_ENTRY_STARTS = (b"<item>", b"<item ", b"<entry>", b"<entry ", b"<item\n", b"<entry\n")


def streamable_head(head: bytes) -> bool:
    """Whether a file starting with `head` may be streamed: UTF-8 (or ASCII) markup with no
    byte-order mark, no DOCTYPE and no declared encoding other than UTF-8."""
    if not head.lstrip(b" \t\r\n").startswith(b"<") or _wide_encoding(head) is not None:
        return False
    if b"<!DOCTYPE" in head:
        return False
    decl = _ENCODING_DECL.match(head[:512])
    return decl is None or decl.group(1).lower() in (b"utf-8", b"utf8")


class _Guarded:
    """The file, read in chunks; a chunk that mentions xml:base stops the stream (feed_fast
    leaves every such file to feedparser, and so does this reader)."""

    def __init__(self, handle: IO[bytes]) -> None:
        self._handle = handle
        self._tail = b""

    def read(self, size: int = -1) -> bytes:
        chunk = self._handle.read(size if size > 0 else READ_SIZE)
        if _XML_BASE in self._tail + chunk:
            raise NotStreamableError("xml:base")
        self._tail = chunk[-len(_XML_BASE) :]
        return chunk


def count_entries(path: Path) -> int:
    """How many entry elements the file seems to hold (a progress total, not a promise)."""
    return count_marks(path, _ENTRY_STARTS)


def count_marks(path: Path, marks: tuple[bytes, ...]) -> int:
    """How many times the file holds any of `marks`, read a chunk at a time."""
    count = 0
    overlap = max(len(s) for s in marks) - 1
    tail = b""
    with path.open("rb") as handle:
        while chunk := handle.read(READ_SIZE):
            window = tail + chunk
            # Marks that lie wholly in the overlap were counted with the previous chunk.
            count += sum(window.count(s) - tail.count(s) for s in marks)
            tail = window[-overlap:]
    return count


@dataclass
class _Layout:
    """Where a dialect keeps its entries, title and dates."""

    container_depth: int
    entry_tag: str
    read_entry: Callable[[Any], dict[str, Any]]
    text_of: Callable[[Any], str]
    title_tag: str
    ignored: frozenset[str]


_RSS = _Layout(2, "item", _rss_item, _leaf, "title", _RSS_CHANNEL_IGNORED)
_ATOM = _Layout(1, f"{_A}entry", _atom_entry, _atom_text, f"{_A}title", _ATOM_FEED_IGNORED)


def _layout(root: Any) -> _Layout:
    if root.tag == "rss" and root.get("version") == "2.0":
        return _RSS
    if root.tag == f"{_A}feed":
        return _ATOM
    raise UnsupportedFeedError("not RSS 2.0 or Atom 1.0")


@dataclass
class FeedStream:
    """A feed file to be read batch by batch (`batches()`, once).

    While batches are read it gathers what `read_feed` gives beside the items: the loss
    reports in entries, each with the item that published it, the entries left out, the
    estimated dates. Read them after the last batch.
    """

    path: Path
    # The file's name as errors give it.
    source: str
    as_kind: str | None = None
    # The time the file is read (an undated entry's time when the feed states none).
    now: dt.datetime | None = None
    reports: list[LossReport] = field(default_factory=list)
    # (item, report date): the entry that published a report.
    linked: list[tuple[ItemData, dt.date]] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    estimated: list[str] = field(default_factory=list)
    # Items yielded so far.
    items_read: int = 0
    _expected: int | None = None
    format: str = FEED

    def __post_init__(self) -> None:
        if self.as_kind is not None and self.as_kind not in KINDS:
            raise ValueError(f"as_kind must be one of {KINDS}")

    def finish(self, result: ReadResult) -> None:
        """What the stream gathered beside its items, into `result` (after the last batch)."""
        result.reports = self.reports
        result.skipped, result.estimated = self.skipped, self.estimated
        result.linked_items = self.linked

    @property
    def expected(self) -> int:
        """The number of entries the file seems to hold (counted once, for progress)."""
        if self._expected is None:
            self._expected = count_entries(self.path)
        return self._expected

    def batches(self, size: int = BATCH) -> Iterator[list[ItemData]]:
        """The file's items, `size` at a time. ImportFormatError (naming the file, record and
        field) for an entry `read_feed` would refuse; NotStreamableError when the file needs the
        whole-file reader."""
        try:
            yield from self._batches(size)
        except ImportFormatError as exc:
            raise exc if exc.file else exc.with_file(self.source) from None
        except (UnsupportedFeedError, etree.XMLSyntaxError) as exc:
            raise NotStreamableError(str(exc)) from None
        except OSError as exc:
            raise ImportFormatError(exc.strerror or "cannot read", file=self.source) from None

    def _batches(self, size: int) -> Iterator[list[ItemData]]:
        read_at = (self.now or dt.datetime.now(dt.UTC)).replace(microsecond=0)
        # `_add_entry` appends items, entries left out and estimates to `out`; its items are
        # taken away after each batch.
        out = FeedContent()
        report_skips: list[str] = []
        # hash(link) -> hash of (title, time, text) of the first entry with that link.
        links: dict[int, int] = {}
        source_name = ""
        dates: dict[str, tuple[int, ...]] = {}
        entries = 0
        for entry in self._entries(dates):
            if isinstance(entry, str):
                source_name = plain(entry)
                continue
            if entry is None:
                # A feed date after entries whose estimate it would have changed.
                if out.estimated:
                    raise NotStreamableError("a feed date after undated entries")
                continue
            feed_date = _feed_date(dates)
            record = _add_entry(out, entry, entries, feed_date, read_at, source_name, self.as_kind)
            entries += 1
            if record is not None:
                self._take(out.items[-1], record, links, report_skips)
            if len(out.items) >= size:
                yield self._flush(out)
        if out.items:
            yield self._flush(out)
        self.skipped = out.skipped + report_skips
        self.estimated = out.estimated
        for report in self.reports:
            assert report.date is not None
            check_report_date(report.date, file=self.source, record=report.date.isoformat())

    def _flush(self, out: FeedContent) -> list[ItemData]:
        batch, out.items = out.items, []
        return batch

    def _take(
        self, item: ItemData, record: str, links: dict[int, int], report_skips: list[str]
    ) -> None:
        """Check one item as `load.check_bounds` does, watch its link, find its report."""
        self.items_read += 1
        try:
            item.validate()
        except ValidationError as exc:
            label = f"item {self.items_read} ({item.title[:60]})"
            raise from_validation(exc, file=self.source, record=label) from None
        if item.source_url:
            key = hash((item.title, item.published_at, item.body))
            if links.setdefault(hash(item.source_url), key) != key:
                raise NotStreamableError("entries that share a link but differ")
        report = _report_in(item)
        if report is None or report.date is None:
            return
        problem = report_date_problem(report.date)
        if problem is not None:
            report_skips.append(f"{record}: its loss report was not stored: {problem}")
            return
        self.reports.append(report)
        self.linked.append((item, report.date))

    def _entries(self, dates: dict[str, tuple[int, ...]]) -> Iterator[dict[str, Any] | str | None]:
        """Entry dicts as feed_fast makes them; the feed's title (a str) when it comes; None
        when a feed date comes after an entry. Feed dates are put in `dates`."""
        with self.path.open("rb") as handle:
            events = etree.iterparse(
                _Guarded(handle), events=("start", "end", "comment", "pi"), **SAFE_XML
            )
            yield from _walk(events, dates)


def _walk(events: Any, dates: dict[str, tuple[int, ...]]) -> Iterator[dict[str, Any] | str | None]:
    depth = 0
    layout: _Layout | None = None
    root_children = 0
    seen_entry = seen_title = False
    for event, el in events:
        if event == "start":
            depth += 1
            if depth == 1:
                layout = _layout(el)
            elif depth == 2 and layout is _RSS:
                # feed_fast reads an <rss> with one child, a <channel>.
                root_children += 1
                if root_children > 1 or el.tag != "channel":
                    raise UnsupportedFeedError("rss without one channel")
            continue
        if event != "end":
            # A comment or processing instruction among the feed's elements: feed_fast
            # refuses those (they are children there); inside an entry it decides itself.
            if layout is not None and 1 <= depth <= layout.container_depth:
                raise UnsupportedFeedError("comment among the feed's elements")
            continue
        assert layout is not None
        if depth == layout.container_depth + 1:
            tag = el.tag
            if tag == layout.entry_tag:
                seen_entry = True
                yield layout.read_entry(el)
            elif tag == layout.title_tag:
                if seen_title or seen_entry:
                    raise UnsupportedFeedError("repeated or late feed title")
                seen_title = True
                yield layout.text_of(el)
            elif tag in _FEED_DATES:
                if _FEED_DATES[tag] in dates:
                    raise UnsupportedFeedError(f"repeated {tag}")
                dates[_FEED_DATES[tag]] = _date(_leaf(el))
                if seen_entry:
                    yield None
            elif tag not in layout.ignored:
                raise UnsupportedFeedError(f"feed element {tag!r}")
            # Done with it: drop it, and what came before it, from the tree.
            el.clear()
            parent = el.getparent()
            while el.getprevious() is not None:
                del parent[0]
        elif depth == 1 and layout is _RSS and root_children != 1:
            raise UnsupportedFeedError("rss without one channel")
        depth -= 1
