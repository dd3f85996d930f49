"""Reading the program's own JSON export back: reports and articles/briefs, with provenance.

Whatever the file says is checked before anything is stored: the format version (a file
from a newer release is refused, not half-read), the sizes in `frontline_limits`, and that
one date does not appear twice with different figures. Every refusal names the record and
the field.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

from desktop_app.core import messages as msg
from desktop_app.core.categories import BY_KEY
from desktop_app.core.errors import ImportFormatError, ValidationError
from desktop_app.core.formats.frontline_limits import (
    FIGURE_MAX,
    check_item_sizes,
    check_report_texts,
    check_unique_dates,
)
from desktop_app.core.item import ItemData, split_tags
from desktop_app.core.provenance import EXPORT_VERSION, ArticleRef
from desktop_app.core.report import Figure, LossReport
from desktop_app.core.sanitize import sanitize_html


@dataclass
class FrontlineContent:
    """What one export file holds, provenance included."""

    reports: list[LossReport] = field(default_factory=list)
    items: list[ItemData] = field(default_factory=list)
    # The source each report states ("manual", a format name); absent in version 1 files.
    sources: dict[dt.date, str] = field(default_factory=dict)
    # (article, report date): the articles each report says published it.
    article_links: list[tuple[ArticleRef, dt.date]] = field(default_factory=list)
    # (index into items, report date): the reports each item says it is linked to.
    item_links: list[tuple[int, dt.date]] = field(default_factory=list)


def _int_or_none(value: Any, record: str, field: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ImportFormatError(
            msg.render(msg.WHOLE_NUMBER, value=repr(str(value)[:40])), record=record, field=field
        )
    if abs(value) > FIGURE_MAX:
        raise ImportFormatError(
            f"{value:,} is beyond {FIGURE_MAX:,}, the largest figure accepted",
            record=record,
            field=field,
        )
    return value


def _text_or_none(obj: dict[str, Any], key: str, record: str) -> str | None:
    value = obj.get(key)
    if value is not None and not isinstance(value, str):
        raise ImportFormatError("expected text", record=record, field=key)
    return value


def _mark(obj: dict[str, Any], key: str, record: str) -> bool:
    """A reader's mark (`starred`, `read`): absent or null in files written before the marks
    were exported, which leaves a new item unstarred and unread."""
    value = obj.get(key)
    if value is None:
        return False
    if not isinstance(value, bool):
        raise ImportFormatError(
            f"expected true or false, got {str(value)[:40]!r}", record=record, field=key
        )
    return value


def parse_article_ref(obj: Any, record: str, field: str) -> ArticleRef:
    """One entry of a report's `articles`: {source_url} or {kind, title, published_at}, with
    `body` when another item shares those three."""
    if not isinstance(obj, dict):
        raise ImportFormatError("expected an object", record=record, field=field)
    url = obj.get("source_url")
    if isinstance(url, str) and url.strip():
        return ArticleRef(url.strip())
    try:
        when = dt.datetime.fromisoformat(str(obj.get("published_at")))
    except ValueError:
        when = None
    title, kind, body = obj.get("title"), obj.get("kind"), obj.get("body")
    if body is not None and not isinstance(body, str):
        raise ImportFormatError("expected text", record=record, field=f"{field}.body")
    if when is None or when.tzinfo is None or not isinstance(title, str) or not title.strip():
        raise ImportFormatError(
            "an article needs source_url, or kind, title and published_at with a time zone",
            record=record,
            field=field,
        )
    return ArticleRef(None, str(kind or ""), title.strip(), when, body)


def _report(obj: Any, index: int, content: FrontlineContent) -> LossReport:
    record = f"#{index + 1}"
    if not isinstance(obj, dict):
        raise ImportFormatError("expected an object", record=record)
    try:
        date = dt.date.fromisoformat(obj.get("date") or "")
    except (TypeError, ValueError):
        raise ImportFormatError(
            f"bad date {str(obj.get('date'))[:40]!r}", record=record, field="date"
        ) from None
    record = f"#{index + 1} ({date.isoformat()})"
    figures_in = obj.get("figures")
    if not isinstance(figures_in, dict):
        raise ImportFormatError("expected an object", record=record, field="figures")
    figures = {}
    for key, fig in figures_in.items():
        if key not in BY_KEY:
            raise ImportFormatError("unknown category", record=record, field=key)
        if not isinstance(fig, dict):
            raise ImportFormatError("expected {total, change}", record=record, field=key)
        total = _int_or_none(fig.get("total"), record, f"{key}.total")
        if total is None or total < 0:
            raise ImportFormatError("total missing or negative", record=record, field=key)
        figures[key] = Figure(total, _int_or_none(fig.get("change"), record, f"{key}.change"))
    qualifier = _text_or_none(obj, "qualifier", record)
    note = _text_or_none(obj, "note", record)
    source = _text_or_none(obj, "source", record)
    check_report_texts(record, qualifier=qualifier, note=note, source=source)
    if source:
        content.sources[date] = source
    articles = obj.get("articles") or []
    if not isinstance(articles, list):
        raise ImportFormatError("expected a list", record=record, field="articles")
    for n, ref in enumerate(articles):
        content.article_links.append((parse_article_ref(ref, record, f"articles[{n}]"), date))
    return LossReport(date, figures, qualifier, note)


def _item(obj: Any, index: int, content: FrontlineContent) -> ItemData:
    record = f"#{index + 1}"
    if not isinstance(obj, dict):
        raise ImportFormatError("expected an object", record=record)
    try:
        published = dt.datetime.fromisoformat(str(obj.get("published_at")))
    except ValueError:
        raise ImportFormatError(
            f"bad time {str(obj.get('published_at'))[:40]!r}", record=record, field="published_at"
        ) from None
    tags = obj.get("tags") or []
    if isinstance(tags, str):
        tags = list(split_tags(tags))
    if not isinstance(tags, list):
        raise ImportFormatError("expected a list", record=record, field="tags")
    check_item_sizes(record, obj, tags)
    item = ItemData(
        kind=str(obj.get("kind", "")),
        title=str(obj.get("title") or ""),
        published_at=published,
        body=str(obj.get("body") or ""),
        lead=str(obj.get("lead") or ""),
        author=str(obj.get("author") or ""),
        source_name=str(obj.get("source_name") or ""),
        source_url=obj.get("source_url") or None,
        tags=tuple(str(t) for t in tags),
        body_html=sanitize_html(str(obj.get("body_html") or "")),
        date_estimated=obj.get("date_estimated") is True,
        starred=_mark(obj, "starred", record),
        read=_mark(obj, "read", record),
    )
    try:
        item.validate()
    except ValidationError as exc:
        raise ImportFormatError(str(exc), record=record) from None
    dates = obj.get("reports") or []
    if not isinstance(dates, list):
        raise ImportFormatError("expected a list of dates", record=record, field="reports")
    for value in dates:
        try:
            content.item_links.append((index, dt.date.fromisoformat(str(value))))
        except ValueError:
            raise ImportFormatError(
                f"bad date {str(value)[:40]!r}", record=record, field="reports"
            ) from None
    return item


def _version(doc: dict[str, Any]) -> int:
    version = doc["frontline_archive"]
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise ImportFormatError(
            f"expected a format version (1, 2, …), got {str(version)[:40]!r}",
            field="frontline_archive",
        )
    if version > EXPORT_VERSION:
        raise ImportFormatError(
            f"format version {version} is newer than this release reads (up to"
            f" {EXPORT_VERSION}); update Frontline Archive to import it",
            field="frontline_archive",
        )
    return version


def read_frontline(text: str, *, source: str = "") -> FrontlineContent:
    """Everything an export made by `frontline-archive export` (or demo content) holds."""
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportFormatError(
            f"not valid JSON at line {exc.lineno}: {exc.msg}", file=source or None
        ) from None
    content = FrontlineContent()
    try:
        if not isinstance(doc, dict) or "frontline_archive" not in doc:
            raise ImportFormatError("not a Frontline Archive export")
        _version(doc)
        for key in ("reports", "items"):
            if not isinstance(doc.get(key) or [], list):
                raise ImportFormatError("expected a list", field=key)
        for i, obj in enumerate(doc.get("reports") or []):
            content.reports.append(_report(obj, i, content))
        check_unique_dates(
            content.reports, [f"#{i + 1} ({r.date})" for i, r in enumerate(content.reports)]
        )
        for i, obj in enumerate(doc.get("items") or []):
            content.items.append(_item(obj, i, content))
    except ImportFormatError as exc:
        raise exc.with_file(source) if source else exc from None
    return content


def read_frontline_json(text: str, *, source: str = "") -> tuple[list[LossReport], list[ItemData]]:
    """Reports and items of an export, without provenance (demo content, tests)."""
    content = read_frontline(text, source=source)
    return content.reports, content.items
