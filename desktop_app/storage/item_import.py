"""Importing articles and briefs: add what is new, recognise what is already there."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from desktop_app.core.item import ItemData
from desktop_app.storage.items import item_fields, write_tags
from desktop_app.storage.models import Item, database_proxy


@dataclass
class ItemImportSummary:
    added: int = 0
    unchanged: int = 0

    def merge(self, other: ItemImportSummary) -> None:
        self.added += other.added
        self.unchanged += other.unchanged

    def line(self) -> str:
        return f"{self.added} added, {self.unchanged} unchanged"


def import_items(items: Sequence[ItemData]) -> ItemImportSummary:
    """Add items not yet in the archive, in one transaction.

    An item is already there when its link is, or, without a link, when an item of the same
    kind, title and time is: importing a file twice adds nothing.
    """
    summary = ItemImportSummary()
    with database_proxy.atomic():
        for data in items:
            data.validate()
            if data.source_url:
                exists = Item.select().where(Item.source_url == data.source_url.strip()).exists()
            else:
                exists = (
                    Item.select()
                    .where(
                        (Item.kind == data.kind)
                        & (Item.title == data.title.strip())
                        & (Item.published_at == data.published_at)
                    )
                    .exists()
                )
            if exists:
                summary.unchanged += 1
            else:
                new_id = int(Item.insert(**item_fields(data)).execute())
                write_tags(new_id, data.tags)
                summary.added += 1
    return summary
