"""Edit ▸ New, Edit and Delete for one article or brief: the dialogs, and the undoable delete.

The window's menus call these with its context; the item is read on the read lane before a
dialog opens, so the GUI thread never waits for the archive. The services are imported when
used: importing the archive feature loads no storage module.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox

from desktop_app.ui.common.i18n import number

# The most items deleted at once: each is kept whole in the Trash and in the undo step.
DELETE_LIMIT = 1_000

if TYPE_CHECKING:
    from desktop_app.services.queries import StoredItem
    from desktop_app.ui.archive.archive_view import ArchiveView
    from desktop_app.ui.common.context import WindowContext


def new_item(ctx: WindowContext, kind: str) -> int | None:
    """A new article or brief: the dialog saves on the write lane; the list selects the new
    item when it follows the change. Returns the new item's id, if one was saved."""
    from desktop_app.ui.archive.item_dialog import ItemDialog

    dialog = ItemDialog(ctx, kind=kind)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.exec()
    return dialog.saved_id


def edit_item(ctx: WindowContext, item_id: int | None) -> None:
    """Read the item on the read lane, then open the dialog on it."""
    from desktop_app.services import queries

    if item_id is not None:
        ctx.runner.read(
            "item to edit", lambda: queries.get_item(item_id), success=lambda s: _edit(ctx, s)
        )


def _edit(ctx: WindowContext, stored: StoredItem | None) -> None:
    if stored is None:
        return
    from desktop_app.ui.archive.item_dialog import ItemDialog

    dialog = ItemDialog(ctx, stored=stored)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()


def delete_chosen(ctx: WindowContext, view: ArchiveView) -> None:
    """Delete: the items chosen in the list to the Trash. The list then goes on from the item
    after them (shown, not marked read, like any item a change selects): before, nothing was
    left chosen and the next j went back to the top of the list."""
    from desktop_app.ui.archive.list_navigation import id_after_chosen

    shown = view.timeline if view.timeline_mode else view.table
    model = view.timeline_model if view.timeline_mode else view.model
    after = id_after_chosen(shown, model.item_id)

    def deleted() -> None:
        view.open_item(None)
        if after is not None:
            view.searchFinished.connect(go_on)  # once the list without them is shown

    def go_on() -> None:
        view.searchFinished.disconnect(go_on)
        if after is not None:
            view.select_item(after, mark=False)

    delete_items(ctx, view.selected_ids(), deleted)


def delete_items(ctx: WindowContext, item_ids: Sequence[int], deleted: Callable[[], None]) -> None:
    """Ask, then move the chosen items to the Trash as one undoable step; `deleted` runs
    after. At most `DELETE_LIMIT` at once (each is kept whole in the Trash and the step)."""
    if len(item_ids) > DELETE_LIMIT:
        ctx.status(
            QCoreApplication.translate(
                "MainWindow",
                "More than %1 articles and briefs are chosen: delete at most %1 at a time.",
            ).replace("%1", number(DELETE_LIMIT))
        )
    elif len(item_ids) > 1:
        _confirm_several(ctx, list(item_ids), deleted)
    elif item_ids:
        delete_item(ctx, item_ids[0], deleted)


def _confirm_several(ctx: WindowContext, item_ids: list[int], deleted: Callable[[], None]) -> None:
    count = len(item_ids)
    answer = QMessageBox.question(
        ctx.widget(),
        QCoreApplication.translate("MainWindow", "Delete"),
        QCoreApplication.translate(
            "MainWindow",
            "Delete %Ln article(s) and brief(s)? Edit ▸ Undo (Ctrl+Z) brings them back.",
            "",
            count,
        ),
    )
    if answer != QMessageBox.StandardButton.Yes:
        return
    from desktop_app.services import history
    from desktop_app.ui.common.undo import push_undoable

    def done(_result: object) -> None:
        ctx.status(
            QCoreApplication.translate(
                "MainWindow", "Deleted %Ln article(s) and brief(s).", "", count
            )
        )
        deleted()

    # Seconds for a thousand at a million items: the status bar says what is under way.
    ctx.status(
        QCoreApplication.translate("MainWindow", "Deleting %Ln article(s) and brief(s)…", "", count)
    )
    push_undoable(
        ctx.runner,
        ctx.undo_stack,
        "delete items",
        lambda: history.delete_items(item_ids),
        lambda _step: QCoreApplication.translate(
            "ItemCommands", "delete %Ln article(s) and brief(s)", "", count
        ),
        success=done,
        failure=lambda text: ctx.show_message("error", text),
    )


def delete_item(ctx: WindowContext, item_id: int | None, deleted: Callable[[], None]) -> None:
    """Ask, then move the item to the Trash as one undoable step; `deleted` runs after."""
    from desktop_app.services import queries

    if item_id is not None:
        ctx.runner.read(
            "item", lambda: queries.get_item(item_id), success=lambda s: _confirm(ctx, s, deleted)
        )


def _confirm(ctx: WindowContext, stored: StoredItem | None, deleted: Callable[[], None]) -> None:
    if stored is None:
        return
    answer = QMessageBox.question(
        ctx.widget(),
        QCoreApplication.translate("MainWindow", "Delete"),
        QCoreApplication.translate(
            "MainWindow", "Delete “%1”? Edit ▸ Undo (Ctrl+Z) brings it back."
        ).replace("%1", stored.data.title),
    )
    if answer != QMessageBox.StandardButton.Yes:
        return
    from desktop_app.services import history
    from desktop_app.ui.archive.item_commands import DELETE_ITEM, label
    from desktop_app.ui.common.undo import push_undoable, short_title

    item_id = stored.id
    push_undoable(
        ctx.runner,
        ctx.undo_stack,
        "delete item",
        lambda: history.delete_item(item_id),
        lambda step: label(DELETE_ITEM).replace("{title}", short_title(step.title)),
        success=lambda _result: deleted(),
        failure=lambda text: ctx.show_message("error", text),
    )
