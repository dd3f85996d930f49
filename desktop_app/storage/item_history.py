"""Snapshots of one article or brief and their exact restoration: what item undo stands on.

A snapshot keeps everything an edit or a delete can lose: the text and fields, the tags, the
read and star flags, when it was first stored, and the reports it is linked to. Restoring puts
the item back under its own id, so links and anything else that names it still find it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop_app.core.item import ItemData
from desktop_app.storage.db.models import Item, Report, ReportArticle, database_proxy, utc_now
from desktop_app.storage.items import get_item, item_fields, write_tags


@dataclass(frozen=True)
class ItemSnapshot:
    data: ItemData
    is_read: bool
    starred: bool
    created_at: dt.datetime
    report_dates: tuple[dt.date, ...]


def snapshot_item(item_id: int) -> ItemSnapshot | None:
    """The stored item with its flags and report links; None when there is no such item."""
    stored = get_item(item_id)
    if stored is None:
        return None
    created = Item.get_by_id(item_id).created_at
    dates = (
        Report.select(Report.date)
        .join(ReportArticle)
        .where(ReportArticle.item == item_id)
        .order_by(ReportArticle.id)
        .tuples()
    )
    return ItemSnapshot(
        stored.data, stored.is_read, stored.starred, created, tuple(d for (d,) in dates)
    )


def restore_item(item_id: int, snapshot: ItemSnapshot | None) -> None:
    """Make item `item_id` exactly `snapshot` (None: no such item), in one transaction.

    Links to reports deleted in the meantime are dropped rather than failing the restore.
    The Trash is not touched here: `storage.trash.restore_item` keeps it in step.
    """
    with database_proxy.atomic():
        if snapshot is None:
            Item.delete().where(Item.id == item_id).execute()
            return
        fields = {
            **item_fields(snapshot.data),
            "is_read": snapshot.is_read,
            "starred": snapshot.starred,
            "created_at": snapshot.created_at,
            "updated_at": utc_now(),
        }
        if Item.select().where(Item.id == item_id).exists():
            Item.update(**fields).where(Item.id == item_id).execute()
        else:
            Item.insert(id=item_id, **fields).execute()
        write_tags(item_id, snapshot.data.tags)
        ReportArticle.delete().where(ReportArticle.item == item_id).execute()
        reports = dict(
            Report.select(Report.date, Report.id)
            .where(Report.date.in_(snapshot.report_dates))
            .tuples()
        )
        for date in snapshot.report_dates:
            if date in reports:
                ReportArticle.insert(report=reports[date], item=item_id).execute()
