"""Undoable changes to articles and briefs: new, edited, re-tagged, deleted.

The change is made first, where the user made it (a dialog shows a validation error, a
duplicate link, before anything reaches the stack), then recorded here as the item before and
after. Undo and redo restore those snapshots, each in one transaction, under the item's own id.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand, QUndoStack

from desktop_app.ui.app.i18n import noop

if TYPE_CHECKING:
    from desktop_app.storage.item_history import ItemSnapshot

log = logging.getLogger(__name__)

# Told the item's id after every undo and redo (None when the item no longer exists).
Changed = Callable[[int | None], None]


class ItemChangeCommand(QUndoCommand):
    def __init__(
        self,
        text: str,
        item_id: int,
        before: ItemSnapshot | None,
        after: ItemSnapshot | None,
        changed: Changed,
        failed: Callable[[str], None],
    ) -> None:
        super().__init__(text)
        self.item_id = item_id
        self.before, self.after = before, after
        self._changed, self._failed = changed, failed
        self._made = True  # the change itself was made before the push

    def redo(self) -> None:
        if self._made:
            self._made = False
            return
        self._restore(self.after)

    def undo(self) -> None:
        self._restore(self.before)

    def _restore(self, snapshot: ItemSnapshot | None) -> None:
        from peewee import PeeweeException

        from desktop_app.storage.item_history import restore_item

        try:
            restore_item(self.item_id, snapshot)
        except PeeweeException as exc:
            # e.g. a deleted item's link now belongs to an item imported since.
            log.warning("restoring item %s failed: %s", self.item_id, exc)
            self.setObsolete(True)
            self._failed(
                QCoreApplication.translate(
                    "ItemCommands", "The change could not be undone: %1"
                ).replace("%1", str(exc))
            )
            return
        self._changed(self.item_id if snapshot is not None else None)


def record_item_change(
    stack: QUndoStack,
    text: str,
    item_id: int | None,
    change: Callable[[], int | None],
    *,
    changed: Changed,
    failed: Callable[[str], None],
) -> int | None:
    """Make `change` (returns the item's id, or None when it deleted it) and push it.

    Whatever `change` raises propagates before anything is pushed.
    """
    from desktop_app.storage.item_history import snapshot_item

    before = snapshot_item(item_id) if item_id is not None else None
    result = change()
    target = result if result is not None else item_id
    if target is None:
        return None
    after = snapshot_item(target) if result is not None else None
    shown = after or before
    title = shown.data.title if shown is not None else ""
    short = title if len(title) <= 40 else title[:39] + "…"
    stack.push(
        ItemChangeCommand(
            text.replace("{title}", f"“{short}”"), target, before, after, changed, failed
        )
    )
    return result


# Marked for lupdate; translated when shown, by label().
NEW_ITEM = noop("ItemCommands", "new item {title}")
EDIT_ITEM = noop("ItemCommands", "edit {title}")
TAG_ITEM = noop("ItemCommands", "tags of {title}")
DELETE_ITEM = noop("ItemCommands", "delete {title}")


def label(kind: str) -> str:
    """The translated text of one of the labels above."""
    return QCoreApplication.translate("ItemCommands", kind)
