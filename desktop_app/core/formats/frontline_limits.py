"""Limits on what the program's own JSON and CSV exports may hold when read back.

Anything the window or an import can store fits well within them; a file beyond them was
not written by this program (or was damaged), so it is refused with the record and field
named instead of being stored or failing deep inside SQLite.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from desktop_app.core.categories import BY_KEY, order_index
from desktop_app.core.errors import ImportFormatError
from desktop_app.core.report import LossReport

# Largest total or change (absolute) accepted: personnel, the largest count, is ~1.5 million.
FIGURE_MAX = 10**9
# Characters per field.
TEXT_LIMITS: dict[str, int] = {
    "title": 2_000,
    "author": 2_000,
    "source_name": 2_000,
    "source_url": 2_000,
    "lead": 20_000,
    "body": 5_000_000,
    "body_html": 10_000_000,
    "note": 20_000,
    "qualifier": 100,
    "source": 200,
}
MAX_TAGS = 100
TAG_MAX = 200


def _too_long(record: str, field: str, value: str) -> None:
    limit = TEXT_LIMITS[field]
    if len(value) > limit:
        raise ImportFormatError(
            f"{len(value):,} characters; at most {limit:,} are accepted",
            record=record,
            field=field,
        )


def check_report_texts(
    record: str, *, qualifier: str | None, note: str | None, source: str | None
) -> None:
    for field, value in (("qualifier", qualifier), ("note", note), ("source", source)):
        if value:
            _too_long(record, field, value)


def check_item_sizes(record: str, fields: Mapping[str, Any], tags: Sequence[Any]) -> None:
    """An item's text fields and tags (as read, before any conversion)."""
    for field in ("title", "author", "source_name", "source_url", "lead", "body", "body_html"):
        value = fields.get(field)
        if isinstance(value, str):
            _too_long(record, field, value)
    if len(tags) > MAX_TAGS:
        raise ImportFormatError(
            f"{len(tags):,} tags; at most {MAX_TAGS} are accepted", record=record, field="tags"
        )
    for tag in tags:
        if len(str(tag)) > TAG_MAX:
            raise ImportFormatError(
                f"a tag of {len(str(tag)):,} characters; at most {TAG_MAX} are accepted",
                record=record,
                field="tags",
            )


def _difference(a: LossReport, b: LossReport) -> str:
    """The first field where two reports of one date differ (a category, qualifier or note)."""
    for key in sorted(set(a.figures) | set(b.figures), key=order_index):
        if a.figures.get(key) != b.figures.get(key):
            return key
    return "qualifier" if a.qualifier != b.qualifier else "note"


def check_unique_dates(reports: Sequence[LossReport], labels: Sequence[str]) -> None:
    """Refuse one date stated twice with different content; exact repeats are harmless."""
    first: dict[dt.date, int] = {}
    for index, report in enumerate(reports):
        if report.date is None:
            continue
        earlier = first.setdefault(report.date, index)
        if earlier == index or reports[earlier] == report:
            continue
        field = _difference(reports[earlier], report)
        what = "figure" if field in BY_KEY else field
        raise ImportFormatError(
            f"the same date as record {labels[earlier]}, with a different {what}; keep one",
            record=labels[index],
            field=field,
        )
