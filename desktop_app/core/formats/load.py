"""One entry point for every importable file: detect the format, read it into core values."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from desktop_app.core.errors import ImportFormatError, ValidationError
from desktop_app.core.formats import detect as fmt_names
from desktop_app.core.formats._common import (
    check_report_date,
    decode_text,
    from_validation,
    require_content,
)
from desktop_app.core.formats.corrections import read_corrections
from desktop_app.core.formats.detect import FORMATS, detect_format
from desktop_app.core.formats.feed_stream import FeedStream, streamable_head
from desktop_app.core.formats.feeds import read_feed
from desktop_app.core.formats.frontline import FrontlineContent, read_frontline
from desktop_app.core.formats.frontline_csv import read_frontline_csv
from desktop_app.core.formats.frontline_stream import (
    FrontlineCsvStream,
    FrontlineStream,
    streams,
    streams_csv,
)
from desktop_app.core.formats.html_page import read_saved_page
from desktop_app.core.formats.oryx import oryx_remarks, read_oryx
from desktop_app.core.formats.petroivaniuk import read_petroivaniuk_csv, read_petroivaniuk_json
from desktop_app.core.formats.posts import read_posts
from desktop_app.core.formats.result import ItemStream, ReadResult
from desktop_app.core.formats.russianwarship import read_russianwarship
from desktop_app.core.item import ItemData
from desktop_app.core.page.build import Page, read_page_text
from desktop_app.core.provenance import ArticleRef

__all__ = ["FORMATS", "ReadResult", "open_import_file", "read_import_file"]
# Bytes read to tell a file's format (detect reads no further for markup).
_HEAD_BYTES = 4096


def _own(fmt: str, content: FrontlineContent) -> ReadResult:
    # An item's links go the same way as a report's (found by link or key, in batches).
    from_items = [(ArticleRef.of(content.items[i]), date) for i, date in content.item_links]
    return ReadResult(
        fmt,
        content.reports,
        content.items,
        report_sources=content.sources,
        article_links=content.article_links + from_items,
    )


def page_result(fmt: str, page: Page, as_kind: str | None = None) -> ReadResult:
    """A page's article (first), its briefs, and the report the article states, linked to it.

    `as_kind` changes the article's kind only: the briefs are briefs by their form.
    """
    items: list[ItemData] = []
    links: list[tuple[int, dt.date]] = []
    if page.article is not None:
        items.append(page.article if as_kind is None else replace(page.article, kind=as_kind))
    items += page.briefs
    reports = [page.report] if page.report is not None else []
    if page.report is not None and page.report.date is not None and page.article is not None:
        links.append((0, page.report.date))
    return ReadResult(fmt, reports, items, links, skipped=list(page.skipped), found=page.describe())


def read_page(name: str, data: bytes, fmt: str) -> Page:
    """The page in a file of format PAGE_TEXT or HTML_PAGE (what the window previews)."""
    try:
        if fmt == fmt_names.HTML_PAGE:
            text = _page_text(name, data)
            require_content(text, file=name)
            return read_saved_page(text, source=name)
        text = decode_text(data, file=name)
        require_content(text, file=name)
        page = read_page_text(text)
    except ImportFormatError as exc:
        raise exc if exc.file else exc.with_file(name) from None
    if not page.found:
        raise ImportFormatError(
            "no article with a dated byline and no briefs in the page", file=name
        )
    return page


def _page_text(name: str, data: bytes) -> str:
    """Saved pages come in whatever encoding the site used: detect it rather than refuse."""
    try:
        return decode_text(data, file=name)
    except ImportFormatError:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None:
            raise
        return str(best)


def _read(name: str, data: bytes, fmt: str, as_kind: str | None) -> ReadResult:
    if fmt == fmt_names.FEED:
        feed = read_feed(data, source=name, as_kind=as_kind)
        return ReadResult(
            fmt,
            feed.reports,
            feed.items,
            feed.links,
            skipped=feed.skipped,
            remarks=feed.notes,
            estimated=feed.estimated,
        )
    if fmt in (fmt_names.HTML_PAGE, fmt_names.PAGE_TEXT):
        return page_result(fmt, read_page(name, data, fmt), as_kind)
    text = decode_text(data, file=name)
    require_content(text, file=name)
    if fmt == fmt_names.PETROIVANIUK_JSON:
        return ReadResult(fmt, read_petroivaniuk_json(text, source=name))
    if fmt == fmt_names.PETROIVANIUK_CSV:
        return ReadResult(fmt, read_petroivaniuk_csv(text, source=name))
    if fmt == fmt_names.PETROIVANIUK_CORRECTION:
        return ReadResult(fmt, notes=read_corrections(text, source=name))
    if fmt == fmt_names.ORYX_JSON:
        rows = read_oryx(text, source=name)
        return ReadResult(fmt, oryx=rows, remarks=oryx_remarks(rows))
    if fmt == fmt_names.RUSSIANWARSHIP_JSON:
        return ReadResult(fmt, read_russianwarship(text, source=name))
    if fmt == fmt_names.FRONTLINE_JSON:
        return _own(fmt, read_frontline(text, source=name))
    if fmt == fmt_names.FRONTLINE_CSV:
        return _own(fmt, read_frontline_csv(text))
    if fmt == fmt_names.REPORT_TEXT:
        reports = read_posts(text, source=name)
        # How each date the text did not write out in full was established, for the summary.
        return ReadResult(
            fmt, reports, remarks=[f"{r.date}: {r.date_note}" for r in reports if r.date_note]
        )
    raise ImportFormatError(f"unknown format {fmt!r}; known: {', '.join(FORMATS)}")


def read_import_file(
    name: str, data: bytes, *, fmt: str | None = None, as_kind: str | None = None
) -> ReadResult:
    """Read a file's bytes; ImportFormatError names the file, record and field on failure.

    `as_kind` ('article' or 'brief') overrides the kind a feed or page reader would choose.
    """
    fmt = fmt or detect_format(name, data)
    try:
        result = _read(name, data, fmt, as_kind)
    except ImportFormatError as exc:
        raise exc if exc.file else exc.with_file(name) from None
    own_kinds = (fmt_names.FEED, fmt_names.HTML_PAGE, fmt_names.PAGE_TEXT)
    if as_kind is not None and fmt not in own_kinds:
        result.items = [replace(i, kind=as_kind) for i in result.items]
    check_bounds(result, name)
    result.source = name
    return result


def open_import_file(
    path: Path, *, name: str | None = None, fmt: str | None = None, as_kind: str | None = None
) -> ReadResult:
    """The file at `path`, ready to import: an RSS or Atom feed, or the program's own JSON
    export or items CSV export, as a stream (its items are read while they are stored, so a
    file of any size fits in memory), anything else read whole by `read_import_file`.
    OSError when the file cannot be read."""
    name = name if name is not None else str(path)
    with path.open("rb") as handle:
        head = handle.read(_HEAD_BYTES)
    stream: ItemStream | None = None
    if fmt in (None, fmt_names.FRONTLINE_JSON) and streams(head):
        stream = FrontlineStream(path, name, as_kind)
    elif fmt in (None, fmt_names.FRONTLINE_CSV) and streams_csv(head):
        stream = FrontlineCsvStream(path, name, as_kind)
    elif (
        fmt in (None, fmt_names.FEED)
        and streamable_head(head)
        and (fmt or fmt_names.markup_format(head)) == fmt_names.FEED
    ):
        stream = FeedStream(path, name, as_kind)
    if stream is not None:
        return ReadResult(stream.format, source=name, stream=stream)
    return read_import_file(name, path.read_bytes(), fmt=fmt, as_kind=as_kind)


def read_stream_whole(stream: ItemStream) -> ReadResult:
    """A stream's file read whole, the way `read_import_file` reads it (for a file that turned
    out not to be streamable)."""
    try:
        data = stream.path.read_bytes()
    except OSError as exc:
        raise ImportFormatError(exc.strerror or "cannot read", file=stream.source) from None
    return read_import_file(stream.source, data, fmt=stream.format, as_kind=stream.as_kind)


def check_bounds(result: ReadResult, name: str) -> None:
    """Every reader checks its dates and times; this catches any that one of them missed.

    A report dated before the war or in the future, or an item published before 1900 or more
    than a day ahead, is refused here naming the record, before anything is written.
    """
    for report in result.reports:
        if report.date is not None:
            check_report_date(report.date, file=name, record=report.date.isoformat())
    for date in result.notes:
        check_report_date(date, file=name, record=date.isoformat())
    for index, item in enumerate(result.items, start=1):
        record = f"item {index} ({item.title[:60]})"
        # What the archive will check while writing (the time among it), checked now: a bad
        # record in the last file of an import is found before anything is written.
        try:
            item.validate()
        except ValidationError as exc:
            raise from_validation(exc, file=name, record=record) from None
