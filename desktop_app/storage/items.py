"""Articles and briefs in the database: saving, reading, listing and full-text search."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from peewee import Case, IntegrityError

from desktop_app.core.errors import ValidationError
from desktop_app.core.item import ItemData, split_tags
from desktop_app.storage.db.errors import StoredValueError
from desktop_app.storage.db.models import (
    Item,
    ItemTag,
    database_proxy,
    utc_now,
)
from desktop_app.storage.stored_values import item_kind

T = TypeVar("T")
# Ids in one statement's IN list, and rows in one multi-row INSERT (an item's row has 15
# values): well below SQLite's and PostgreSQL's limits on a statement's parameters.
IDS_AT_ONCE, ROWS_AT_ONCE = 500, 100


def parts(values: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    """`values` in consecutive slices of at most `size`."""
    for start in range(0, len(values), size):
        yield values[start : start + size]


@dataclass(frozen=True)
class ItemRow:
    """What a list row shows; the body stays in the database until the item is opened."""

    id: int
    kind: str
    published_at: dt.datetime
    title: str
    author: str
    source_name: str
    is_read: bool = False
    starred: bool = False
    date_estimated: bool = False  # the source stated no time; the list marks it "≈"
    # The time as stored when another program wrote it in a form of its own ('2026-11-01
    # 09:00', ''): the row is still listed, `published_at` is then FOREIGN_TIME.
    stored_time: str | None = None

    def local_time(self, form: str) -> str:
        """When it was published, in this computer's zone as `form` writes it; a foreign time
        as it is stored, quoted, so that no zone or date is guessed for it."""
        if self.stored_time is not None:
            return f"{self.stored_time!r}?"
        return self.published_at.astimezone().strftime(form)


# Where a list row's foreign time sorts and counts (never shown: `ItemRow.local_time`).
FOREIGN_TIME = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


# The list columns of ItemRow, in its field order, for raw queries on the hot paths.
ROW_COLUMNS = (
    "item.id, item.kind, item.published_at, item.title, item.author, "
    "item.source_name, item.is_read, item.starred, item.date_estimated"
)


def row_from_db(row: Sequence[Any]) -> ItemRow:
    """An ItemRow from a raw row of ROW_COLUMNS (published_at is stored as "...Z" UTC text)."""
    item_id, kind, published, title, author, source, is_read, starred, estimated = row
    written = isinstance(published, str) and len(published) == 20 and published[19] == "Z"
    try:  # the form the archive writes; Python would also take a local time without a zone
        when = dt.datetime.fromisoformat(published) if written else None
    except ValueError:
        when = None
    return ItemRow(
        item_id,
        kind,
        when or FOREIGN_TIME,
        title,
        author,
        source,
        bool(is_read),
        bool(starred),
        bool(estimated),
        None if when else str(published),
    )


@dataclass(frozen=True)
class StoredItem:
    id: int
    data: ItemData
    is_read: bool
    starred: bool
    # Who changed its content last and when (schema 8; '' on a file, which has one user).
    changed_by: str = ""
    changed_at: dt.datetime | None = None


def item_data(item: Item) -> ItemData:
    return ItemData(
        kind=item_kind(item.id, item.kind),
        title=item.title,
        published_at=item.published_at,
        body=item.body,
        lead=item.lead,
        author=item.author,
        source_name=item.source_name,
        source_url=item.source_url,
        tags=split_tags(item.tags),
        body_html=item.body_html,
        date_estimated=bool(item.date_estimated),
    )


def item_fields(data: ItemData) -> dict[str, object]:
    return {
        "kind": data.kind,
        "title": data.title.strip(),
        "published_at": data.published_at,
        "body": data.body,
        "lead": data.lead,
        "author": data.author.strip(),
        "source_name": data.source_name.strip(),
        "source_url": data.source_url.strip() if data.source_url else None,
        "tags": ", ".join(data.tags),
        "body_html": data.body_html,
        "date_estimated": data.date_estimated,
    }


def write_tags(item_id: int, tags: Sequence[str]) -> None:
    """Mirror an item's tags into item_tag (filters and counts read that table)."""
    ItemTag.delete().where(ItemTag.item == item_id).execute()
    if tags:
        ItemTag.insert_many([{"item": item_id, "tag": t} for t in tags]).execute()


def save_item(data: ItemData, item_id: int | None = None) -> int:
    """Insert (or, with an id, replace) an item in one transaction; returns its id."""
    data.validate()
    try:
        with database_proxy.atomic():
            if item_id is None:
                item_id = int(Item.insert(**item_fields(data)).execute())
            else:
                count = (
                    Item.update(**item_fields(data), updated_at=utc_now())
                    .where(Item.id == item_id)
                    .execute()
                )
                if not count:
                    raise ValidationError(f"item {item_id} does not exist")
            write_tags(item_id, data.tags)
            return item_id
    except IntegrityError as exc:
        raise ValidationError(
            f"source_url: another item already has the link {data.source_url}"
        ) from exc


def delete_item(item_id: int) -> bool:
    """Delete an item for good (tags and report links go with it).

    Deleting into the Trash is `storage.trash.delete_item`, which builds on this."""
    return bool(Item.delete().where(Item.id == item_id).execute())


def get_item(item_id: int) -> StoredItem | None:
    try:
        item = Item.get_or_none(Item.id == item_id)
    except StoredValueError as exc:
        raise StoredValueError(f"Item {item_id}: {exc}") from None
    if item is None:
        return None
    return StoredItem(
        item.id,
        item_data(item),
        bool(item.is_read),
        bool(item.starred),
        item.changed_by or "",
        item.changed_at,
    )


def set_read(item_id: int, read: bool = True) -> None:
    Item.update(is_read=read).where(Item.id == item_id).execute()


def set_starred(item_id: int, starred: bool = True) -> None:
    Item.update(starred=starred).where(Item.id == item_id).execute()


def set_tags(item_id: int, tags: Sequence[str]) -> tuple[str, ...]:
    """Replace an item's tags: its `tags` text (searched) and item_tag (filtered) together."""
    clean = split_tags(", ".join(tags))
    with database_proxy.atomic():
        count = (
            Item.update(tags=", ".join(clean), updated_at=utc_now())
            .where(Item.id == item_id)
            .execute()
        )
        if not count:
            raise ValidationError(f"item {item_id} does not exist")
        write_tags(item_id, clean)
    return clean


def set_many_tags(tags_of: Mapping[int, Sequence[str]]) -> dict[int, tuple[str, ...]]:
    """Replace the tags of several stored items, as `set_tags` does for one, in one
    transaction of three statements per 500 items; the tags each now has."""
    clean = {item_id: split_tags(", ".join(tags)) for item_id, tags in tags_of.items()}
    now = utc_now()
    with database_proxy.atomic():
        for ids in parts(list(clean), IDS_AT_ONCE):
            text = Case(Item.id, [(i, ", ".join(clean[i])) for i in ids])
            Item.update(tags=text, updated_at=now).where(Item.id.in_(ids)).execute()
            ItemTag.delete().where(ItemTag.item.in_(ids)).execute()
        rows = [{"item": i, "tag": tag} for i, tags in clean.items() for tag in tags]
        for chunk in parts(rows, ROWS_AT_ONCE):
            ItemTag.insert_many(chunk).execute()
    return clean


def count_items() -> int:
    return int(Item.select().count())


def item_rows(ids: Sequence[int]) -> dict[int, ItemRow]:
    """The list columns for the given ids (a window of the list), in one query per 500."""
    out: dict[int, ItemRow] = {}
    conn = database_proxy.connection()  # raw cursor: scrolling asks for a page per screen
    for start in range(0, len(ids), 500):
        chunk = list(ids[start : start + 500])
        marks = ",".join("?" * len(chunk))
        for r in conn.execute(f"SELECT {ROW_COLUMNS} FROM item WHERE item.id IN ({marks})", chunk):
            out[r[0]] = row_from_db(r)
    return out


def item_links(ids: Sequence[int]) -> list[tuple[ItemRow, str]]:
    """The list columns and the address of each item, in the order given (ids no longer
    stored are left out): what copying chosen items puts on the clipboard."""
    found: dict[int, tuple[ItemRow, str]] = {}
    conn = database_proxy.connection()
    for start in range(0, len(ids), 500):
        chunk = list(ids[start : start + 500])
        marks = ",".join("?" * len(chunk))
        sql = f"SELECT {ROW_COLUMNS}, item.source_url FROM item WHERE item.id IN ({marks})"
        for *columns, url in conn.execute(sql, chunk):
            found[columns[0]] = (row_from_db(columns), url or "")
    return [found[i] for i in ids if i in found]


def all_items() -> list[ItemData]:
    """Every item, oldest first (for export)."""
    return [item_data(i) for i in Item.select().order_by(Item.published_at, Item.id)]


def items_by_ids(ids: Sequence[int]) -> list[ItemData]:
    """The items with these ids, in the order given (ids no longer stored are left out)."""
    found: dict[int, ItemData] = {}
    for start in range(0, len(ids), 500):
        for item in Item.select().where(Item.id.in_(list(ids[start : start + 500]))):
            found[item.id] = item_data(item)
    return [found[i] for i in ids if i in found]
