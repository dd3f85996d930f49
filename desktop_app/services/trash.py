"""The Trash as the window and the command line use it: list, restore, empty.

Deleted articles, briefs and reports stay in the Trash across restarts (undo lasts only a
session) until they are restored or the Trash is emptied; nothing is purged by age.
"""

from __future__ import annotations

from collections.abc import Sequence

from desktop_app.services.changes import NOTHING, Changes
from desktop_app.storage import trash as store
from desktop_app.storage.item_history import ItemSnapshot
from desktop_app.storage.report_history import ReportSnapshot
from desktop_app.storage.trash import TrashRestoreError, TrashRow

__all__ = ["TrashRestoreError", "TrashRow", "empty", "entry", "list_trash", "restore"]


def list_trash() -> list[TrashRow]:
    """Everything in the Trash, most recently deleted first."""
    return store.list_trash()


def entry(entry_id: int) -> ItemSnapshot | ReportSnapshot | None:
    """An entry's whole content (text, tags, flags, links; or figures, note, source, links)
    for a view to show before restoring; None when it is not in the Trash."""
    return store.entry_snapshot(entry_id)


def restore(ids: Sequence[int]) -> Changes:
    """Put entries back, all or none, in one transaction (TrashRestoreError names the entry
    that cannot go back: its report's date or its link is taken, or it is not in the Trash)."""
    if not ids:
        return NOTHING
    done = store.restore_entries(ids)
    return Changes(
        items=bool(done.item_ids),
        tags=bool(done.item_ids),
        flags=bool(done.item_ids),
        # Restored reports, and items linked to stored reports, change what the losses show.
        reports=True,
        trash=True,
        item_ids=frozenset(done.item_ids),
        report_dates=frozenset(done.report_dates),
    )


def empty(ids: Sequence[int] | None = None) -> Changes:
    """Delete for good everything in the Trash (or the entries with `ids`)."""
    return Changes(trash=True) if store.empty_trash(ids) else NOTHING
