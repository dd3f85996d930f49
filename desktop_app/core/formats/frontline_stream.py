"""The program's own exports (JSON, and items as CSV) read item by item, so an import
stores them as it reads.

`read_frontline` parses the whole text at once: a 917 MB export of 1,000,000 items took
3.7 GB to import. This reader decodes the file a megabyte at a time and the `items` list one
element at a time (`json.JSONDecoder.raw_decode`), each checked and built by the same
`frontline._item` as the whole read, with the same record names in its errors. The other
keys (the version, the reports) are read whole, as `read_frontline` reads them.

It reads the layout `export` writes: UTF-8 without a byte-order mark, `frontline_archive`
first (`streams`). Anything it does not expect (a repeated key, the version after the items,
invalid JSON, text after the end) raises `NotStreamableError`, and the importer reads the
file whole the old way after rolling back what the stream stored, so such a file gives the
whole read's outcome and its error messages.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, Any

from desktop_app.core.errors import ImportFormatError
from desktop_app.core.formats._common import check_report_date
from desktop_app.core.formats.detect import FRONTLINE_CSV, FRONTLINE_JSON
from desktop_app.core.formats.feed_stream import count_marks
from desktop_app.core.formats.frontline import FrontlineContent, _item, _report, _version
from desktop_app.core.formats.frontline_csv import checked_rows, item_row
from desktop_app.core.formats.frontline_limits import check_unique_dates
from desktop_app.core.formats.result import NotStreamableError, ReadResult
from desktop_app.core.item import KINDS, ItemData
from desktop_app.core.provenance import ArticleRef

# Items per batch: what the importer stores (and checks for duplicates) at a time.
BATCH = 500
# Bytes read from the file at a time.
READ_SIZE = 1 << 20
# How an export starts (`core.exports`): the only layout streamed.
_HEAD = re.compile(rb'\A[ \t\r\n]*\{[ \t\r\n]*"frontline_archive"[ \t\r\n]*:')
_SPACE = re.compile(r"[ \t\r\n]*")


def streams(head: bytes) -> bool:
    """Whether a file starting with `head` is an export that may be read as a stream."""
    return _HEAD.match(head) is not None


class _Text:
    """A UTF-8 file's JSON, decoded a chunk at a time, read one value at a time."""

    def __init__(self, handle: IO[bytes]) -> None:
        self._handle = handle
        self._utf8 = codecs.getincrementaldecoder("utf-8")()
        self._decode = json.JSONDecoder().raw_decode
        self.text = ""
        self.at = 0
        self.ended = False

    def _more(self) -> bool:
        if self.ended:
            return False
        chunk = self._handle.read(READ_SIZE)
        self.ended = not chunk
        try:
            added = self._utf8.decode(chunk, final=self.ended)
        except UnicodeDecodeError as exc:
            raise NotStreamableError("not UTF-8") from exc
        self.text = self.text[self.at :] + added
        self.at = 0
        return True

    def peek(self) -> str:
        """The next character that is not white space ('' at the end of the file)."""
        while True:
            self.at = _SPACE.match(self.text, self.at).end()  # type: ignore[union-attr]
            if self.at < len(self.text):
                return self.text[self.at]
            if not self._more():
                return ""

    def take(self, expected: str) -> str:
        """The next character, one of `expected`."""
        char = self.peek()
        if not char or char not in expected:
            raise NotStreamableError(f"expected one of {expected!r}")
        self.at += 1
        return char

    def value(self) -> Any:
        self.peek()
        while True:
            try:
                value, end = self._decode(self.text, self.at)
            except json.JSONDecodeError:
                if self._more():
                    continue  # the value goes on in the next chunk
                raise NotStreamableError("not valid JSON") from None
            if end == len(self.text) and self._more():
                continue  # a number may go on in the next chunk
            self.at = end
            return value


@dataclass
class _OwnStream:
    """What both exports' streams keep while their items go by."""

    path: Path
    # The file's name as errors give it.
    source: str
    as_kind: str | None = None
    content: FrontlineContent = field(default_factory=FrontlineContent)
    # (article, report date): the reports each item says it is linked to.
    item_links: list[tuple[ArticleRef, dt.date]] = field(default_factory=list)
    _expected: int | None = None

    def __post_init__(self) -> None:
        if self.as_kind is not None and self.as_kind not in KINDS:
            raise ValueError(f"as_kind must be one of {KINDS}")

    def _passing(self, item: ItemData) -> ItemData:
        """The item as the import stores it; it is not kept here, so the links its reader
        noted by index name it as the whole read's `_own` does."""
        self.item_links += [(ArticleRef.of(item), date) for _i, date in self.content.item_links]
        self.content.item_links.clear()
        return item if self.as_kind is None else replace(item, kind=self.as_kind)


@dataclass
class FrontlineStream(_OwnStream):
    """A JSON export to be read batch by batch (`batches()`, once); its reports, their
    sources and the links are gathered meanwhile and given by `finish`."""

    format: str = FRONTLINE_JSON

    @property
    def expected(self) -> int:
        """The items the file seems to hold: every item states its time (counted once)."""
        if self._expected is None:
            self._expected = count_marks(self.path, (b'"published_at"',))
        return self._expected

    def batches(self, size: int = BATCH) -> Iterator[list[ItemData]]:
        """The file's items, `size` at a time; ImportFormatError names the file, record and
        field of the first one `read_frontline` would refuse."""
        try:
            with self.path.open("rb") as handle:
                yield from self._document(_Text(handle), size)
        except ImportFormatError as exc:
            raise exc if exc.file else exc.with_file(self.source) from None
        except OSError as exc:
            raise ImportFormatError(exc.strerror or "cannot read", file=self.source) from None

    def _document(self, text: _Text, size: int) -> Iterator[list[ItemData]]:
        text.take("{")
        seen: set[str] = set()
        while True:
            key = text.value()
            if not isinstance(key, str) or key in seen:
                raise NotStreamableError("a key that is not text, or one given twice")
            seen.add(key)
            text.take(":")
            if key == "items" and text.peek() == "[":
                text.take("[")
                yield from self._items(text, size)
            else:
                self._member(key, text.value())
            if text.take(",}") == "}":
                break
        if text.peek() or "frontline_archive" not in seen:
            raise NotStreamableError("text after the end, or no format version")

    def _member(self, key: str, value: Any) -> None:
        if key == "frontline_archive":
            _version({key: value})
        elif key in ("reports", "items"):
            if not isinstance(value or [], list):
                raise ImportFormatError("expected a list", field=key)
            if key == "reports":
                for index, obj in enumerate(value or []):
                    self.content.reports.append(_report(obj, index, self.content))
                reports = self.content.reports
                check_unique_dates(reports, [f"#{i + 1} ({r.date})" for i, r in enumerate(reports)])

    def _items(self, text: _Text, size: int) -> Iterator[list[ItemData]]:
        batch: list[ItemData] = []
        index = 0
        if text.peek() == "]":
            text.take("]")
            return
        while True:
            batch.append(self._passing(_item(text.value(), index, self.content)))
            index += 1
            if len(batch) >= size:
                yield batch
                batch = []
            if text.take(",]") == "]":
                break
        if batch:
            yield batch

    def finish(self, result: ReadResult) -> None:
        """The reports, their sources and the links, into `result` (after the last batch)."""
        for report in self.content.reports:
            if report.date is not None:
                check_report_date(report.date, file=self.source, record=report.date.isoformat())
        result.reports = self.content.reports
        result.report_sources = self.content.sources
        result.article_links = self.content.article_links + self.item_links


# How an items CSV export starts (`core.exports.ITEM_CSV_FIELDS`), a byte-order mark or not.
_CSV_HEAD = re.compile(rb"\A(\xef\xbb\xbf)?kind,published_at,title[,\r\n]")
# How each of its rows starts: the kind (a quoted body may hold the same, rarely).
_CSV_ROWS = (b"\narticle,", b"\nbrief,")


def streams_csv(head: bytes) -> bool:
    """Whether a file starting with `head` is an items CSV export that may be streamed."""
    return _CSV_HEAD.match(head) is not None


@dataclass
class FrontlineCsvStream(_OwnStream):
    """An items CSV export read a row at a time (`batches()`, once): the rows are checked
    and built by `frontline_csv.item_row`, as the whole read does, with the same errors."""

    format: str = FRONTLINE_CSV

    @property
    def expected(self) -> int:
        """The rows the file seems to hold (counted once)."""
        if self._expected is None:
            self._expected = count_marks(self.path, _CSV_ROWS)
        return self._expected

    def batches(self, size: int = BATCH) -> Iterator[list[ItemData]]:
        try:
            with self.path.open(encoding="utf-8-sig", newline="") as handle:
                yield from self._rows(csv.DictReader(handle, strict=True), size)
        except UnicodeDecodeError as exc:
            raise NotStreamableError("not UTF-8") from exc
        except ImportFormatError as exc:
            raise exc if exc.file else exc.with_file(self.source) from None
        except OSError as exc:
            raise ImportFormatError(exc.strerror or "cannot read", file=self.source) from None

    def _rows(self, reader: csv.DictReader[str], size: int) -> Iterator[list[ItemData]]:
        batch: list[ItemData] = []
        for line_num, row in checked_rows(reader):
            batch.append(self._passing(item_row(line_num, row, self.content)))
            if len(batch) >= size:
                yield batch
                batch = []
        if batch:
            yield batch

    def finish(self, result: ReadResult) -> None:
        """The links the rows name, into `result` (after the last batch)."""
        result.article_links = self.item_links
