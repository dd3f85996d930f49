"""Writing articles and briefs: the window's and the command line's use cases, one
transaction each, each returning what changed."""

from __future__ import annotations

from collections.abc import Sequence

from desktop_app.core.item import ItemData
from desktop_app.services.changes import NOTHING, Changes
from desktop_app.storage import items, trash, versions
from desktop_app.storage.db.models import ReportArticle, database_proxy
from desktop_app.storage.item_history import ItemSnapshot


def save_item(
    data: ItemData, item_id: int | None = None, *, expected_version: int | None = None
) -> Changes:
    """Add an item (no id) or replace one; the saved item's id is the one in `item_ids`.

    ValidationError names the field (a missing title, a link another item has);
    ConflictError says who changed the item since it was opened at `expected_version`."""
    with database_proxy.atomic():
        if item_id is not None:
            versions.expect_item(item_id, expected_version, data.title)
        saved = items.save_item(data, item_id)
    return Changes(items=True, tags=True, item_ids=frozenset({saved}))


def saved_id(changes: Changes) -> int:
    """The id `save_item` stored the item under."""
    (item_id,) = changes.item_ids
    return item_id


def delete_item(item_id: int) -> Changes:
    """Delete an item; it goes to the Trash whole (tags, flags, report links)."""
    with database_proxy.atomic():
        linked = ReportArticle.select().where(ReportArticle.item == item_id).exists()
        if not trash.delete_item(item_id):
            return NOTHING
    return Changes(items=True, tags=True, trash=True, reports=linked, item_ids=frozenset({item_id}))


def _ids(item_ids: int | Sequence[int]) -> list[int]:
    return [item_ids] if isinstance(item_ids, int) else list(item_ids)


def set_read(item_ids: int | Sequence[int], read: bool = True) -> Changes:
    """Mark one item or several read (or unread), in one transaction (services.marks)."""
    from desktop_app.services import marks

    return marks.set_read(_ids(item_ids), read)


def set_starred(item_ids: int | Sequence[int], starred: bool = True) -> Changes:
    """Star one item or several (or unstar them), in one transaction (services.marks)."""
    from desktop_app.services import marks

    return marks.set_starred(_ids(item_ids), starred)


def set_tags(item_id: int, tags: Sequence[str]) -> Changes:
    """Replace an item's tags (ValidationError when the item does not exist)."""
    with database_proxy.atomic():
        items.set_tags(item_id, tags)
    # Words match tags too: a list or a saved search by words may change (`items`).
    return Changes(items=True, tags=True, item_ids=frozenset({item_id}))


def restore_item(item_id: int, snapshot: ItemSnapshot | None) -> Changes:
    """Make item `item_id` exactly `snapshot` (undo and redo). An item that goes is kept in
    the Trash; one that comes back leaves it."""
    with database_proxy.atomic():
        trash.restore_item(item_id, snapshot)
    return Changes(
        items=True,
        tags=True,
        flags=True,
        reports=True,
        trash=True,
        item_ids=frozenset({item_id}),
    )
