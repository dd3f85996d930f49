"""Reading the program's own CSV exports back: reports (a column pair per category) or items.

The header tells which of the two a file is; errors name the line (as a spreadsheet numbers
it, the header being line 1) and the column. Reports may close with `source` and `articles`
(a JSON list of articles), items with `reports` (dates) and the marks `starred` and `read`;
files without them still import. Columns are found by their header, not their place.
The same limits as the JSON export apply (`frontline_limits`).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterator

from desktop_app.core import messages as msg
from desktop_app.core.categories import BY_KEY
from desktop_app.core.errors import ImportFormatError, ValidationError
from desktop_app.core.formats.frontline import FrontlineContent, parse_article_ref
from desktop_app.core.formats.frontline_limits import (
    FIGURE_MAX,
    check_item_sizes,
    check_report_texts,
    check_unique_dates,
)
from desktop_app.core.item import ItemData, split_tags
from desktop_app.core.report import Figure, LossReport
from desktop_app.core.sanitize import sanitize_html

REPORT_COLUMNS = ("date", "day", "qualifier", "note")
PROVENANCE_COLUMNS = ("source", "articles")
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
    if len(cell) > 40:
        raise ImportFormatError("number is too large", record=line, field=column)
    try:
        value = int(cell)
    except ValueError:
        raise ImportFormatError(
            msg.render(msg.WHOLE_NUMBER, value=repr(cell[:40])), record=line, field=column
        ) from None
    if value < 0 and not signed:
        raise ImportFormatError(f"negative total {value}", record=line, field=column)
    if abs(value) > FIGURE_MAX:
        raise ImportFormatError(
            f"{value:,} is beyond {FIGURE_MAX:,}, the largest figure accepted",
            record=line,
            field=column,
        )
    return value


def _rows(text: str) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff"), newline=""), strict=True)
    try:
        header = list(reader.fieldnames or [])
    except csv.Error as exc:
        raise ImportFormatError(f"malformed CSV: {exc}", record=f"line {reader.line_num}") from None
    return header, list(checked_rows(reader))


def _articles(cell: str, line: str, date: dt.date, content: FrontlineContent) -> None:
    if not cell.strip():
        return
    try:
        refs = json.loads(cell)
    except json.JSONDecodeError:
        refs = None
    if not isinstance(refs, list):
        raise ImportFormatError("expected a JSON list of articles", record=line, field="articles")
    for n, ref in enumerate(refs):
        content.article_links.append((parse_article_ref(ref, line, f"articles[{n}]"), date))


def _reports(text: str) -> FrontlineContent:
    header, rows = _rows(text)
    keys = [c for c in header if c in BY_KEY]
    unknown = [
        c
        for c in header[4:]
        if c not in BY_KEY
        and c not in PROVENANCE_COLUMNS
        and not (c.endswith("_change") and c[: -len("_change")] in BY_KEY)
    ]
    if unknown:
        raise ImportFormatError("unknown category column", record="line 1", field=unknown[0])
    content = FrontlineContent()
    labels = []
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
        source = (row.get("source") or "").strip()
        check_report_texts(line, qualifier=row["qualifier"], note=row["note"], source=source)
        if source:
            content.sources[date] = source
        _articles(row.get("articles") or "", line, date, content)
        content.reports.append(
            LossReport(date, figures, row["qualifier"] or None, row["note"] or None)
        )
        labels.append(line)
    check_unique_dates(content.reports, labels)
    return content


def _items(text: str) -> FrontlineContent:
    _header, rows = _rows(text)
    content = FrontlineContent()
    for line_num, row in rows:
        content.items.append(item_row(line_num, row, content))
    return content


def checked_rows(reader: csv.DictReader[str]) -> Iterator[tuple[int, dict[str, str]]]:
    """The reader's rows with their line numbers; a row with more or fewer cells than the
    header, or malformed CSV, is refused naming its line."""
    try:
        for row in reader:
            if None in row:
                raise ImportFormatError("more cells than columns", record=f"line {reader.line_num}")
            if any(v is None for v in row.values()):
                raise ImportFormatError(msg.FEWER_CELLS, record=f"line {reader.line_num}")
            yield reader.line_num, row
    except csv.Error as exc:
        raise ImportFormatError(f"malformed CSV: {exc}", record=f"line {reader.line_num}") from None


# How a mark's cell (`starred`, `read`) may read; the export writes "yes" or nothing, and a
# file written before the marks were exported has no such column (a new item then unmarked).
_MARKED = ("yes", "true", "1")
_UNMARKED = ("", "no", "false", "0")


def _mark(row: dict[str, str], column: str, line: str) -> bool:
    cell = (row.get(column) or "").strip()
    if cell.lower() not in _MARKED and cell.lower() not in _UNMARKED:
        raise ImportFormatError(
            f"expected yes or nothing, got {cell[:40]!r}", record=line, field=column
        )
    return cell.lower() in _MARKED


def item_row(line_num: int, row: dict[str, str], content: FrontlineContent) -> ItemData:
    """One row of an items export, checked; the reports it names go to `content.item_links`
    under the index the item will have in `content.items`."""
    line = f"line {line_num}"
    try:
        published = dt.datetime.fromisoformat(row["published_at"].strip())
    except ValueError:
        raise ImportFormatError(
            f"bad time {row['published_at'][:40]!r}", record=line, field="published_at"
        ) from None
    tags = split_tags(row.get("tags") or "")
    check_item_sizes(line, row, tags)
    item = ItemData(
        kind=row["kind"].strip(),
        title=row["title"],
        published_at=published,
        body=row.get("body") or "",
        lead=row.get("lead") or "",
        author=row.get("author") or "",
        source_name=row.get("source_name") or "",
        source_url=(row.get("source_url") or "").strip() or None,
        tags=tags,
        body_html=sanitize_html(row.get("body_html") or ""),
        date_estimated=(row.get("date_estimated") or "").strip().lower() in ("yes", "true", "1"),
        starred=_mark(row, "starred", line),
        read=_mark(row, "read", line),
    )
    try:
        item.validate()
    except ValidationError as exc:
        field, _, reason = str(exc).partition(": ")
        raise ImportFormatError(
            reason or str(exc), record=line, field=field if reason else None
        ) from None
    for value in (row.get("reports") or "").split(","):
        if not value.strip():
            continue
        try:
            date = dt.date.fromisoformat(value.strip())
        except ValueError:
            raise ImportFormatError(
                f"bad date {value.strip()[:40]!r}", record=line, field="reports"
            ) from None
        content.item_links.append((len(content.items), date))
    return item


def read_frontline_csv(text: str) -> FrontlineContent:
    """A reports or items CSV export, whichever the header says."""
    kind = csv_kind(text)
    if kind == "reports":
        return _reports(text)
    if kind == "items":
        return _items(text)
    raise ImportFormatError("not a Frontline Archive CSV export (unknown header)", record="line 1")


def read_reports_csv(text: str) -> list[LossReport]:
    return _reports(text).reports


def read_items_csv(text: str) -> list[ItemData]:
    return _items(text).items
