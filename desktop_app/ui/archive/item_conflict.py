"""Saving an article or brief someone else changed since the dialog opened: their version
beside mine, then merge, overwrite, take theirs, or keep editing
(`ui.common.conflict_dialog`; the report dialog does the same for reports).

Their version is read on the read lane; the merge is `services.conflicts.merge_item` (base:
the item as the dialog opened it). Merge and Overwrite save at once, with their version as
the one this save replaces, so a third change in between is caught again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from shiboken6 import isValid

from desktop_app.ui.common.conflict_dialog import MERGE, OVERWRITE, TAKE_THEIRS, ConflictDialog

if TYPE_CHECKING:
    from desktop_app.core.item import ItemData
    from desktop_app.services.queries import StoredItem
    from desktop_app.services.team import Stamp


# The dialog (ItemDialog): not imported, it imports this module.
ItemDialog = Any


def field_label(key: str) -> str:
    texts = {
        "kind": QCoreApplication.translate("ItemDialog", "Kind"),
        "title": QCoreApplication.translate("ItemDialog", "Title"),
        "lead": QCoreApplication.translate("ItemDialog", "Lead"),
        "body": QCoreApplication.translate("ItemDialog", "Body"),
        "author": QCoreApplication.translate("ItemDialog", "Author"),
        "published_at": QCoreApplication.translate("ItemDialog", "Published"),
        "source_name": QCoreApplication.translate("ItemDialog", "Source"),
        "source_url": QCoreApplication.translate("ItemDialog", "Link"),
        "tags": QCoreApplication.translate("ItemDialog", "Tags"),
    }
    return texts.get(key, key)


def show_value(value: object) -> str:
    import datetime as dt

    from desktop_app.core.item import ARTICLE, BRIEF

    if isinstance(value, dt.datetime):
        return f"{value.astimezone():%Y-%m-%d %H:%M}"
    if isinstance(value, tuple):
        return ", ".join(str(v) for v in value)
    if value == ARTICLE:
        return QCoreApplication.translate("ItemDialog", "Article")
    if value == BRIEF:
        return QCoreApplication.translate("ItemDialog", "Brief")
    text = "" if value is None else str(value)
    return text if len(text) <= 300 else text[:299] + "…"


def offer(dialog: ItemDialog, exc: BaseException) -> bool:
    """When `exc` is a conflict over the edited item: read theirs, then ask. True when
    handled (the dialog's usual failure line is then not shown)."""
    from desktop_app.services import team

    base, item_id = dialog.base, dialog.item_id
    if not isinstance(exc, team.ConflictError) or exc.theirs is None or base is None:
        return False  # deleted meanwhile, or not a conflict: the usual line says so
    if item_id is None:
        return False
    mine = dialog.item_data()
    message = str(exc)
    dialog.ctx.runner.read(
        "their item",
        lambda: team.their_item(item_id),
        success=lambda found: _ask(dialog, message, base, mine, *found),
        failure=lambda text: _failed(dialog, text),
    )
    return True


def _failed(dialog: ItemDialog, text: str) -> None:
    if isValid(dialog):
        dialog.end_saving()
        dialog.error_label.setText(text)


def _ask(
    dialog: ItemDialog,
    message: str,
    base: ItemData,
    mine: ItemData,
    theirs: StoredItem | None,
    stamp: Stamp | None,
) -> None:
    from desktop_app.services.conflicts import merge_item

    if not isValid(dialog):
        return
    if theirs is None or stamp is None:
        _failed(dialog, message)  # deleted since: nothing to merge with
        return
    dialog.end_saving()
    dialog.error_label.setText(message)
    who = stamp.changed_by or QCoreApplication.translate("ItemDialog", "another program")
    box = ConflictDialog(
        dialog,
        message,
        merge_item(base, mine, theirs.data),
        who=who,
        label=field_label,
        show=show_value,
    )
    dialog.conflict_box = box
    box.chosen.connect(lambda choice: _chosen(dialog, box, choice, theirs, stamp))
    box.open()


def _chosen(
    dialog: ItemDialog, box: ConflictDialog, choice: str, theirs: StoredItem, stamp: Stamp
) -> None:
    from desktop_app.services.conflicts import merged_item

    if not isValid(dialog) or choice not in (MERGE, OVERWRITE, TAKE_THEIRS):
        return  # keep editing: nothing changes (saving again asks again)
    merged = merged_item(theirs.data, box.resolved()) if choice == MERGE else None
    dialog.adopt_version(theirs, stamp)
    dialog.error_label.clear()
    if choice == TAKE_THEIRS:
        dialog.show_version(theirs.data)
        return
    if merged is not None:
        dialog.show_version(merged)
    dialog.save()
