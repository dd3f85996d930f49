"""Articles and briefs for an export, a batch at a time, from one consistent read.

An export of a million items used to read them all, then build the whole file in memory
(5.6 GB at its peak for 917 MB of JSON). Here the items come in batches of `BATCH`, read by
their order's key (published_at, id) so that each batch is one short range of the
`item_published_at` index, while `pg_schema.read_snapshot` keeps every batch in the same
state of the archive: a program writing meanwhile changes nothing in the file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from peewee import Tuple

from desktop_app.core.item import ItemData, split_tags
from desktop_app.storage.db.models import Item, Report, ReportArticle, database_proxy
from desktop_app.storage.db.pg_schema import read_snapshot
from desktop_app.storage.stored_values import item_kind

BATCH = 2000
# Ids named in one statement (SQLite's limit on variables is 32,766 from 3.32, 999 before).
_IDS_AT_ONCE = 500

# An item with the dates of the reports it is linked to (a re-import links it again).
ExportedItem = tuple[ItemData, tuple[dt.date, ...]]

_FIELDS = (
    Item.id,
    Item.kind,
    Item.title,
    Item.published_at,
    Item.body,
    Item.lead,
    Item.author,
    Item.source_name,
    Item.source_url,
    Item.tags,
    Item.body_html,
    Item.date_estimated,
    Item.starred,
    Item.is_read,
)


@dataclass(frozen=True)
class ExportReading:
    """How many items the export holds, and its batches (to be read inside `reading`)."""

    total: int
    batches: Iterator[list[ExportedItem]]


@contextmanager
def reading(ids: Sequence[int] | None = None) -> Iterator[ExportReading]:
    """Every item oldest first, or those with `ids` in that order (ids no longer stored are
    left out), in batches; all of them as the archive was when the read began."""
    with read_snapshot(database_proxy):
        links = _report_dates()
        if ids is None:
            total = Item.select().count()
            yield ExportReading(total, _all(links))
        else:
            chosen = list(ids)
            yield ExportReading(len(chosen), _chosen(chosen, links))


def _report_dates() -> dict[int, tuple[dt.date, ...]]:
    """Each linked item's report dates, oldest first (a few per report: small)."""
    links: dict[int, list[dt.date]] = {}
    query = (
        ReportArticle.select(ReportArticle.item, Report.date)
        .join(Report)
        .order_by(Report.date)
        .tuples()
    )
    for item_id, date in query:
        links.setdefault(item_id, []).append(date)
    return {item_id: tuple(dates) for item_id, dates in links.items()}


def _exported(row: tuple[Any, ...], links: dict[int, tuple[dt.date, ...]]) -> ExportedItem:
    item_id, kind, title, published_at, body, lead, author, name, url, tags, html = row[:11]
    guessed, starred, read = row[11:]
    data = ItemData(
        kind=item_kind(item_id, kind),
        title=title,
        published_at=published_at,
        body=body,
        lead=lead,
        author=author,
        source_name=name,
        source_url=url,
        tags=split_tags(tags),
        body_html=html,
        date_estimated=bool(guessed),
        starred=bool(starred),
        read=bool(read),
    )
    return data, links.get(item_id, ())


_KEY = (Item.published_at, Item.id)


def _all(links: dict[int, tuple[dt.date, ...]]) -> Iterator[list[ExportedItem]]:
    query = Item.select(*_FIELDS).order_by(Item.published_at, Item.id).limit(BATCH)
    after: tuple[str | None, int] | None = None
    while True:
        # The next rows by (time, id); the time as stored (text), as the index holds it.
        page = query if after is None else query.where(Tuple(*_KEY) > Tuple(*after))
        rows = list(page.tuples())
        if not rows:
            return
        yield [_exported(row, links) for row in rows]
        last = rows[-1]
        after = (Item.published_at.db_value(last[3]), last[0])


def _chosen(ids: list[int], links: dict[int, tuple[dt.date, ...]]) -> Iterator[list[ExportedItem]]:
    for start in range(0, len(ids), _IDS_AT_ONCE):
        part = ids[start : start + _IDS_AT_ONCE]
        rows = Item.select(*_FIELDS).where(Item.id.in_(part)).tuples()
        found = {row[0]: row for row in rows}
        yield [_exported(found[i], links) for i in part if i in found]
