"""Read and starred marks of the list's rows: shown at once, written on the write lane.

The row changes the moment the user presses Space or s; the write (`services.marks`, one
transaction) follows on the window's write lane. When it fails (another program holds the
archive's write lock past the busy timeout, a read-only file), the row shows the stored value
again, read back from the archive, and the user gets a one-line message naming the item and
the field. When it succeeds, the runner's `changed` makes the view read the row back.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from desktop_app.ui.archive.list_selection import SELECTION_LIMIT, too_many

if TYPE_CHECKING:
    from desktop_app.services.history import Undoable
    from desktop_app.services.queries import ItemRow
    from desktop_app.ui.archive.archive_model import ArchiveTableModel
    from desktop_app.ui.archive.timeline_model import TimelineModel
    from desktop_app.ui.common.context import WindowContext


class ItemMarks(QObject):
    def __init__(
        self,
        ctx: WindowContext,
        table: ArchiveTableModel,
        timeline: TimelineModel,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.models: tuple[ArchiveTableModel, TimelineModel] = (table, timeline)

    def loaded_row(self, item_id: int) -> ItemRow | None:
        """The row as the list shows it (None when it is not loaded)."""
        for model in self.models:
            row = model.cache.rows.get(item_id)
            if row is not None:
                return row
        return None

    def refresh(self, item_ids: frozenset[int] | None) -> None:
        """Read these rows (None: every loaded row) back from the archive."""
        for model in self.models:
            model.refresh(item_ids)

    def toggle_read(self, item_id: int, chosen: Sequence[int] = ()) -> bool | None:
        """Flip read/unread; the new state, or None when the row is not loaded (then the
        stored mark is flipped and the row shows it when `changed` arrives). The other
        `chosen` items get the same new mark (read, when `item_id`'s row is not loaded)."""
        row = self.loaded_row(item_id)
        if self._several(item_id, chosen):
            read = True if row is None else not row.is_read
            return read if self.write_many(chosen, is_read=read) else None
        if row is None:
            self._toggle_stored(item_id, "is_read", self.tr("The read mark of %1 was not saved:"))
            return None
        self.write(row.id, row.title, is_read=not row.is_read)
        return not row.is_read

    def toggle_star(self, item_id: int, chosen: Sequence[int] = ()) -> bool | None:
        """Flip the star; the new state, or None when the row is not loaded (then the stored
        star is flipped and the row shows it when `changed` arrives). The other `chosen`
        items get the same (a star, when `item_id`'s row is not loaded)."""
        row = self.loaded_row(item_id)
        if self._several(item_id, chosen):
            star = True if row is None else not row.starred
            return star if self.write_many(chosen, starred=star) else None
        if row is None:
            self._toggle_stored(item_id, "starred", self.tr("The star of %1 was not saved:"))
            return None
        self.write(row.id, row.title, starred=not row.starred)
        return not row.starred

    @staticmethod
    def _several(item_id: int, chosen: Sequence[int]) -> bool:
        return any(i != item_id for i in chosen)

    def write_many(
        self, ids: Sequence[int], *, is_read: bool | None = None, starred: bool | None = None
    ) -> bool:
        """Show one mark on several items now and write it in one transaction on the write
        lane, as one undo step that gives back the other mark to just the items it changed;
        when the write fails, the rows are read back. False (nothing done) for more than
        `SELECTION_LIMIT` items."""
        from desktop_app.services import history

        if len(ids) > SELECTION_LIMIT:
            self.ctx.status(too_many(SELECTION_LIMIT))
            return False
        wanted = list(ids)
        for model in self.models:
            model.mark_rows(wanted, is_read=is_read, starred=starred)
        field = "starred" if starred is not None else "is_read"
        value = bool(starred if starred is not None else is_read)
        if starred is not None:
            what = self.tr(
                "The stars of %Ln article(s) and brief(s) were not saved:", "", len(wanted)
            )
        else:
            what = self.tr(
                "The read marks of %Ln article(s) and brief(s) were not saved:", "", len(wanted)
            )

        def failed(text: str) -> None:
            self.refresh(frozenset(wanted))  # the list shows what is stored
            self.ctx.show_message("error", what + " " + text)

        self.ctx.status(self.tr("Marking %Ln article(s) and brief(s)…", "", len(wanted)))
        self.ctx.runner.write(
            "mark items",
            lambda: history.mark_all(wanted, value, field=field),
            success=lambda step: self._marked(step, field, value, failed),
            failure=failed,
        )
        return True

    def _marked(
        self, step: Undoable, field: str, value: bool, failed: Callable[[str], None]
    ) -> None:
        from desktop_app.ui.common.undo import ChangeCommand

        count = step.result if isinstance(step.result, int) else 0
        self.ctx.status(self.tr("Marked %Ln article(s) and brief(s).", "", count))
        if not count:
            return  # they all had the mark: nothing to take back
        labels = {
            ("is_read", True): self.tr("mark %Ln article(s) and brief(s) read", "", count),
            ("is_read", False): self.tr("mark %Ln article(s) and brief(s) unread", "", count),
            ("starred", True): self.tr("star %Ln article(s) and brief(s)", "", count),
            ("starred", False): self.tr("unstar %Ln article(s) and brief(s)", "", count),
        }
        self.ctx.undo_stack.push(ChangeCommand(self.ctx.runner, labels[field, value], step, failed))

    def _toggle_stored(self, item_id: int, field: str, what: str) -> None:
        from desktop_app.services import marks

        self.ctx.runner.write(
            "toggle mark",
            lambda: marks.toggle(field, item_id),
            failure=lambda text: self._failed(item_id, None, what, str(item_id), text),
        )

    def write(
        self, item_id: int, title: str, *, is_read: bool | None = None, starred: bool | None = None
    ) -> None:
        """Show the mark now, write it on the write lane, and take it back if that fails."""
        from desktop_app.services import marks

        before = self.loaded_row(item_id)
        for model in self.models:
            model.set_marks(item_id, is_read=is_read, starred=starred)
        if starred is not None:
            star = starred
            what = self.tr("The star of %1 was not saved:")
            self.ctx.runner.write(
                "star item",
                lambda: marks.set_starred([item_id], star),
                failure=lambda text: self._failed(item_id, before, what, title, text),
            )
        else:
            read = bool(is_read)
            what = self.tr("The read mark of %1 was not saved:")
            self.ctx.runner.write(
                "mark item read",
                lambda: marks.set_read([item_id], read),
                failure=lambda text: self._failed(item_id, before, what, title, text),
            )

    def _failed(
        self, item_id: int, before: ItemRow | None, what: str, title: str, text: str
    ) -> None:
        from desktop_app.ui.common.undo import short_title

        if before is not None:
            for model in self.models:
                model.set_marks(item_id, is_read=before.is_read, starred=before.starred)
        # And read back: the list shows what is stored, whatever that is now.
        self.refresh(frozenset({item_id}))
        self.ctx.show_message("error", what.replace("%1", short_title(title)) + " " + text)
