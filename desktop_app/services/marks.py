"""Read and starred marks of articles and briefs: one transaction per call, what changed back.

The window sets these on its write lane and shows the new mark before the write ends; when a
write fails (another program holds the archive's write lock past the busy timeout, a
read-only file) the caller gets a `MarkNotSavedError` naming the items, and shows the stored value
again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from peewee import PeeweeException, chunked

from desktop_app.core.errors import ArchiveError
from desktop_app.services.changes import Changes
from desktop_app.storage.db.models import Item, database_proxy


class MarkNotSavedError(ArchiveError):
    """A read or star mark could not be written; nothing was changed."""


def _ids_text(ids: Sequence[int]) -> str:
    shown = ", ".join(str(i) for i in ids[:5])
    return shown + (f" and {len(ids) - 5} more" if len(ids) > 5 else "")


def _set(field: str, ids: Sequence[int], value: bool) -> Changes:
    wanted = sorted(set(ids))
    if not wanted:
        return Changes()
    try:
        with database_proxy.atomic():
            # In parts: SQLite's usual builds let a statement name at most 32,766 values,
            # and marking a whole search read names every item of it.
            for part in chunked(wanted, 10_000):
                Item.update({getattr(Item, field): value}).where(Item.id.in_(part)).execute()
    except (PeeweeException, ArchiveError) as exc:
        # The archive's own errors (busy, disk full, read-only) say why; add what and where.
        raise MarkNotSavedError(f"item {_ids_text(wanted)}, field '{field}': {exc}") from exc
    return Changes(flags=True, item_ids=frozenset(wanted))


# Items marked per part of a whole list's marking, and between two of its progress reports.
MARK_STEP = 10_000


def mark_all(
    ids: Sequence[int],
    read: bool = True,
    progress: Callable[[int, int], None] | None = None,
    *,
    field: str = "is_read",
) -> list[int]:
    """Mark every item of `ids` read (or unread; `field` "starred": starred or not), in one
    transaction, in parts with `progress(done, total)` before each (it may raise to stop:
    nothing is changed). Returns the items whose mark changed (the others already had it),
    for an undo."""
    if field not in ("is_read", "starred"):
        raise ValueError(f"not a mark: {field}")
    column = getattr(Item, field)
    wanted = sorted(set(ids))
    changed: list[int] = []
    try:
        with database_proxy.atomic():
            for start in range(0, len(wanted), MARK_STEP):
                if progress is not None:
                    progress(start, len(wanted))
                part = wanted[start : start + MARK_STEP]
                other = column == (not read)
                found = [
                    i for (i,) in Item.select(Item.id).where(Item.id.in_(part) & other).tuples()
                ]
                if found:
                    Item.update({column: read}).where(Item.id.in_(found)).execute()
                changed += found
            if progress is not None:
                progress(len(wanted), len(wanted))
    except (PeeweeException, ArchiveError) as exc:
        raise MarkNotSavedError(f"{len(wanted):,} items, field '{field}': {exc}") from exc
    return changed


def set_read(ids: Sequence[int], read: bool = True) -> Changes:
    """Mark items read (or unread) in one transaction."""
    return _set("is_read", ids, read)


def set_starred(ids: Sequence[int], starred: bool = True) -> Changes:
    """Star (or unstar) items in one transaction."""
    return _set("starred", ids, starred)


def toggle(field: str, item_id: int) -> Changes:
    """Flip an item's read (`is_read`) or star (`starred`) mark as it is stored, for a row
    whose mark the window has not loaded yet (a key pressed before its page arrived)."""
    if field not in ("is_read", "starred"):
        raise ValueError(f"not a mark: {field}")
    column = getattr(Item, field)
    try:
        with database_proxy.atomic():
            Item.update({column: ~column}).where(Item.id == item_id).execute()
    except (PeeweeException, ArchiveError) as exc:
        raise MarkNotSavedError(f"item {item_id}, field '{field}': {exc}") from exc
    return Changes(flags=True, item_ids=frozenset({item_id}))
