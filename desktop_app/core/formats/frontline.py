"""Reading the program's own JSON export back: reports and articles/briefs."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from desktop_app.core.categories import BY_KEY
from desktop_app.core.errors import ImportFormatError, ValidationError
from desktop_app.core.item import ItemData, split_tags
from desktop_app.core.report import Figure, LossReport
from desktop_app.core.sanitize import sanitize_html


def _int_or_none(value: Any, record: str, field: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ImportFormatError(
            f"expected a whole number, got {value!r}", record=record, field=field
        )
    return value


def _report(obj: Any, index: int) -> LossReport:
    record = f"#{index + 1}"
    if not isinstance(obj, dict):
        raise ImportFormatError("expected an object", record=record)
    try:
        date = dt.date.fromisoformat(obj.get("date") or "")
    except (TypeError, ValueError):
        raise ImportFormatError(
            f"bad date {obj.get('date')!r}", record=record, field="date"
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
    return LossReport(date, figures, obj.get("qualifier"), obj.get("note"))


def _item(obj: Any, index: int) -> ItemData:
    record = f"#{index + 1}"
    if not isinstance(obj, dict):
        raise ImportFormatError("expected an object", record=record)
    try:
        published = dt.datetime.fromisoformat(str(obj.get("published_at")))
    except ValueError:
        raise ImportFormatError(
            f"bad time {obj.get('published_at')!r}", record=record, field="published_at"
        ) from None
    tags = obj.get("tags") or []
    if isinstance(tags, str):
        tags = list(split_tags(tags))
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
    )
    try:
        item.validate()
    except ValidationError as exc:
        raise ImportFormatError(str(exc), record=record) from None
    return item


def read_frontline_json(text: str, *, source: str = "") -> tuple[list[LossReport], list[ItemData]]:
    """Reports and items from an export made by `frontline-archive export` (or demo content)."""
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportFormatError(
            f"not valid JSON at line {exc.lineno}: {exc.msg}", file=source or None
        ) from None
    try:
        if not isinstance(doc, dict) or "frontline_archive" not in doc:
            raise ImportFormatError("not a Frontline Archive export")
        reports = [_report(o, i) for i, o in enumerate(doc.get("reports") or [])]
        items = [_item(o, i) for i, o in enumerate(doc.get("items") or [])]
    except ImportFormatError as exc:
        raise exc.with_file(source) if source else exc from None
    return reports, items
