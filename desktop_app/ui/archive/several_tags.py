"""t with several items chosen: tags to add ("drones") or take away ("-kyiv") on every one of
them, in one transaction and one undo step; each item keeps its other tags."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog

from desktop_app.core.item import tag_edits
from desktop_app.ui.common.i18n import number

if TYPE_CHECKING:
    from desktop_app.services.history import Undoable
    from desktop_app.ui.common.context import WindowContext
    from desktop_app.ui.common.operations import Operation

# The most items whose tags change at once: each is kept whole, before and after, in the step.
TAGS_LIMIT = 1_000


def ask_tags_of_several(ctx: WindowContext, item_ids: Sequence[int]) -> None:
    """Ask which tags to add or take away, then change them on every item of `item_ids`."""
    if len(item_ids) > TAGS_LIMIT:
        ctx.status(
            QCoreApplication.translate(
                "ItemTags",
                "More than %1 articles and briefs are chosen: change the tags of at most %1 "
                "at a time.",
            ).replace("%1", number(TAGS_LIMIT))
        )
        return
    text, ok = QInputDialog.getText(
        ctx.widget(),
        QCoreApplication.translate("ItemTags", "Tags"),
        QCoreApplication.translate(
            "ItemTags",
            "Tags to add to the %Ln chosen article(s) and brief(s), separated by commas;\n"
            "a minus takes a tag away (drones, -kyiv):",
            "",
            len(item_ids),
        ),
    )
    added, removed = tag_edits(text) if ok else ((), ())
    if added or removed:
        change_tags_of_several(ctx, list(item_ids), added, removed)


def change_tags_of_several(
    ctx: WindowContext, item_ids: list[int], added: tuple[str, ...], removed: tuple[str, ...]
) -> Operation:
    """Change the tags on the write lane; the step goes on the undo stack if any changed."""
    from desktop_app.services import history
    from desktop_app.ui.common.undo import ChangeCommand

    def failed(text: str) -> None:
        ctx.show_message("error", text)

    def done(step: Undoable | None) -> None:
        if step is None:
            ctx.status(QCoreApplication.translate("ItemTags", "The chosen items had these tags."))
            return
        count = step.result if isinstance(step.result, int) else 0
        label = QCoreApplication.translate(
            "ItemTags", "tags of %Ln article(s) and brief(s)", "", count
        )
        ctx.undo_stack.push(ChangeCommand(ctx.runner, label, step, failed))
        ctx.status(
            QCoreApplication.translate(
                "ItemTags", "Changed the tags of %Ln article(s) and brief(s).", "", count
            )
        )

    ctx.status(
        QCoreApplication.translate(
            "ItemTags", "Changing the tags of %Ln article(s) and brief(s)…", "", len(item_ids)
        )
    )
    return ctx.runner.write(
        "tags of items",
        lambda: history.change_tags(item_ids, added, removed),
        success=done,
        failure=failed,
    )
