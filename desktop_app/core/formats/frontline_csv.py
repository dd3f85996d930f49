"""Reading the program's own CSV exports back: reports (a column pair per category) or items.

The header tells which of the two a file is; errors name the line (as a spreadsheet numbers
it, the header being line 1) and the column.
"""

from __future__ import annotations

import csv
import datetime as dt
import io

from desktop_app.core.categories import BY_KEY
from desktop_app.core.errors import ImportFormatError, ValidationError
from desktop_app.core.item import ItemData, split_tags
from desktop_app.core.report import Figure, LossReport
from desktop_app.core.sanitize import sanitize_html

REPORT_COLUMNS = ("date", "day", "qualifier", "note")
ITEM_COLUMNS = ("kind", "published_at", "title")
# csv's default limit (128 KiB) is smaller than a long article's body.
csv.field_size_limit(2**31 - 1)


def csv_kind(text: str) -> str | None:
    """'reports', 'items', or None when the first line is not one of our headers."""
    first = text.lstrip("\ufeff").split("\n", 1)[0].strip().split(",")
    if tuple(first[:4]) == REPORT_COLUMNS:
        return "reports"
    if tuple(first[:3]) == ITEM_COLUMNS:
        return "items"
    return None


def _int(cell: str, line: str, column: str, *, signed: bool) -> int | None:
    cell = cell.strip()
    if not cell:
        return None
    try:
        value = int(cell)
    except ValueError:
        raise ImportFormatError(
            f"expected a whole number, got {cell[:40]!r}", record=line, field=column
        ) from None
    if value < 0 and not signed:
        raise ImportFormatError(f"negative total {value}", record=line, field=column)
    if abs(value) > 2**63 - 1:
        raise ImportFormatError("number is too large", record=line, field=column)
    return value


def _rows(text: str) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff"), newline=""), strict=True)
    rows = []
    try:
        header = list(reader.fieldnames or [])
        for row in reader:
            if None in row:
                raise ImportFormatError("more cells than columns", record=f"line {reader.line_num}")
            if any(v is None for v in row.values()):
                raise ImportFormatError(
                    "fewer cells than columns", record=f"line {reader.line_num}"
                )
            rows.append((reader.line_num, row))
    except csv.Error as exc:
        raise ImportFormatError(f"malformed CSV: {exc}", record=f"line {reader.line_num}") from None
    return header, rows


def read_reports_csv(text: str) -> list[LossReport]:
    header, rows = _rows(text)
    keys = [c for c in header if c in BY_KEY]
    unknown = [
        c
        for c in header[4:]
        if c not in BY_KEY and not (c.endswith("_change") and c[: -len("_change")] in BY_KEY)
    ]
    if unknown:
        raise ImportFormatError("unknown category column", record="line 1", field=unknown[0])
    reports = []
    for line_num, row in rows:
        line = f"line {line_num}"
        try:
            date = dt.date.fromisoformat(row["date"].strip())
        except ValueError:
            raise ImportFormatError(
                f"bad date {row['date'][:40]!r}", record=line, field="date"
            ) from None
        line = f"line {line_num} ({date.isoformat()})"
        figures = {}
        for key in keys:
            total = _int(row[key], line, key, signed=False)
            change = _int(row.get(f"{key}_change", ""), line, f"{key}_change", signed=True)
            if total is None:
                if change is not None:
                    raise ImportFormatError("a change without a total", record=line, field=key)
                continue
            figures[key] = Figure(total, change)
        reports.append(LossReport(date, figures, row["qualifier"] or None, row["note"] or None))
    return reports


def read_items_csv(text: str) -> list[ItemData]:
    _header, rows = _rows(text)
    items = []
    for line_num, row in rows:
        line = f"line {line_num}"
        try:
            published = dt.datetime.fromisoformat(row["published_at"].strip())
        except ValueError:
            raise ImportFormatError(
                f"bad time {row['published_at'][:40]!r}", record=line, field="published_at"
            ) from None
        item = ItemData(
            kind=row["kind"].strip(),
            title=row["title"],
            published_at=published,
            body=row.get("body") or "",
            lead=row.get("lead") or "",
            author=row.get("author") or "",
            source_name=row.get("source_name") or "",
            source_url=(row.get("source_url") or "").strip() or None,
            tags=split_tags(row.get("tags") or ""),
            body_html=sanitize_html(row.get("body_html") or ""),
        )
        try:
            item.validate()
        except ValidationError as exc:
            field, _, reason = str(exc).partition(": ")
            raise ImportFormatError(
                reason or str(exc), record=line, field=field if reason else None
            ) from None
        items.append(item)
    return items
