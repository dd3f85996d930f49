"""The archive's menu items and keys: read/star flags, tags, timeline, print and PDF, j/k.

Single-letter keys act only while the list has the focus, so typing in the search field
never stars or marks anything.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QInputDialog, QMenu, QMenuBar, QWidget

from desktop_app.core.item import split_tags
from desktop_app.ui.archive.archive_model import TABLE_MODE, TIMELINE_MODE
from desktop_app.ui.common.accessibility import layout_keys, widget_shortcut

if TYPE_CHECKING:
    from PySide6.QtGui import QShortcut

    from desktop_app.services.queries import StoredItem
    from desktop_app.ui.archive.archive_view import ArchiveView
    from desktop_app.ui.archive.mark_all import MarkAll
    from desktop_app.ui.common.context import WindowContext
    from desktop_app.ui.common.operations import Operation


def apply_tags(
    ctx: WindowContext, item_id: int, text: str, shown: tuple[str, ...] | None = None
) -> Operation:
    """Save typed tags ("a, b") on the item, as one undo step on the window's stack; typed
    over the tags `shown`, a change someone else made to them meanwhile is kept.

    The views follow the write by themselves (the runner's `changed`); a failure is shown.
    """
    from desktop_app.services import history
    from desktop_app.ui.archive.item_commands import TAG_ITEM, label
    from desktop_app.ui.common.undo import push_undoable, short_title

    wanted = split_tags(text)
    return push_undoable(
        ctx.runner,
        ctx.undo_stack,
        "set tags",
        lambda: history.set_tags(item_id, wanted, shown),
        lambda step: label(TAG_ITEM).replace("{title}", short_title(step.title)),
        failure=lambda message: ctx.show_message("error", message),
    )


def export_current_pdf(view: ArchiveView, path: Path) -> bool:
    """Write the item shown in the reader to `path`; False when nothing is shown."""
    if view.reader.current_id is None:
        return False
    from desktop_app.ui.common.pdf_export import export_pdf  # QtPrintSupport: only when asked

    export_pdf(view.reader.printable_document(), path)
    return True


def set_timeline(view: ArchiveView, on: bool) -> None:
    combo = view.filters.mode_combo
    combo.setCurrentIndex(combo.findData(TIMELINE_MODE if on else TABLE_MODE))


def list_shortcut(widget: QWidget, key: str, slot: Callable[[], object]) -> QShortcut:
    """A key that acts only while `widget` has the focus; a letter also by its place on a
    Ukrainian layout (j is also о), so the keys work whichever layout is active."""
    return widget_shortcut(widget, [key], slot)


ZOOM_KEY = "reader/zoom"
SERIF_KEY = "reader/serif"


class ArchiveActions(QObject):
    """Builds the archive's actions on the window's menu bar (an Article menu before Help)."""

    def __init__(self, ctx: WindowContext, view: ArchiveView, bar: QMenuBar) -> None:
        window = ctx.widget()
        super().__init__(window)
        self.ctx = ctx
        self.view = view
        lists: list[QWidget] = [view.table, view.timeline]

        def action(
            text: str,
            slot: object,
            key: str | QKeySequence.StandardKey | None = None,
            *,
            list_only: bool = False,
        ) -> QAction:
            act = QAction(text, window)
            if key is not None:
                act.setShortcuts(layout_keys(key) if isinstance(key, str) else [QKeySequence(key)])
            if list_only:
                act.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
                for widget in lists:
                    widget.addAction(act)
            act.triggered.connect(slot)
            return act

        self.toggle_read_action = action(
            self.tr("Mark read / &unread"), view.toggle_read, "Space", list_only=True
        )
        self.toggle_star_action = action(
            self.tr("&Star / unstar"), view.toggle_star, "S", list_only=True
        )
        self.edit_tags_action = action(self.tr("Edit ta&gs…"), self.edit_tags, "T", list_only=True)
        self.copy_action = action(
            self.tr("&Copy titles and links"), self.copy_chosen, "Ctrl+C", list_only=True
        )
        self.mark_all_read_action = action(self.tr("Mark all shown as &read"), self.mark_all_read)
        self.mark_all_read_action.setToolTip(
            self.tr(
                "Every article and brief the list shows, marked read; Edit ▸ Undo takes it back"
            )
        )
        self._mark_all: MarkAll | None = None
        self.print_action = action(
            self.tr("&Print article…"), self.print_article, QKeySequence.StandardKey.Print
        )
        self.pdf_action = action(
            self.tr("Export article to P&DF…"), self.choose_pdf, "Ctrl+Shift+P"
        )
        self.timeline_action = action(self.tr("&Timeline by day"), self._timeline_toggled, "Ctrl+T")
        self.zoom_in_action = action(
            self.tr("&Larger text"), lambda: self.zoom(+1), QKeySequence.StandardKey.ZoomIn
        )
        self.zoom_out_action = action(
            self.tr("S&maller text"), lambda: self.zoom(-1), QKeySequence.StandardKey.ZoomOut
        )
        self.zoom_reset_action = action(
            self.tr("&Normal text size"), lambda: self.zoom(None), "Ctrl+0"
        )
        # In the View menu (ui.app.menus puts it there); applied once the reader exists.
        self.serif_action = action(self.tr("Se&rif text in the reader"), self.set_serif)
        self.serif_action.setCheckable(True)
        self.serif_action.setChecked(str(ctx.settings.value(SERIF_KEY, "false")) == "true")
        if ctx.read_only:  # browse, read, print and export; no marks, no tags
            for act in (
                self.toggle_read_action,
                self.toggle_star_action,
                self.edit_tags_action,
                self.mark_all_read_action,
            ):
                act.setEnabled(False)
                act.setToolTip(self.tr("The archive is open read-only."))
        self.timeline_action.setCheckable(True)
        # modeChanged, not the filter panel's combo: the panel is built after the first paint.
        view.modeChanged.connect(lambda: self.timeline_action.setChecked(view.timeline_mode))

        menu = QMenu(self.tr("A&rticle"), window)
        bar.insertMenu(bar.actions()[-1], menu)  # before Help
        menu.addActions([self.toggle_read_action, self.toggle_star_action, self.edit_tags_action])
        menu.addActions([self.copy_action, self.mark_all_read_action])
        menu.addSeparator()
        menu.addActions([self.timeline_action])
        menu.addSeparator()
        menu.addActions([self.print_action, self.pdf_action])
        menu.addSeparator()
        menu.addActions([self.zoom_in_action, self.zoom_out_action, self.zoom_reset_action])

        for widget in lists:
            list_shortcut(widget, "J", lambda: view.move_selection(1))
            list_shortcut(widget, "K", lambda: view.move_selection(-1))
            for key in ("Return", "Enter"):
                list_shortcut(widget, key, view.open_current)
        view.timeline.activated.connect(view.open_current)
        from desktop_app.ui.archive.row_menu import RowMenu

        self.row_menu = RowMenu(
            [view.table, view.timeline],
            [
                self.toggle_read_action,
                self.toggle_star_action,
                self.edit_tags_action,
                self.copy_action,
            ],
        )

    def zoom(self, step: int | None) -> int:
        """The reader's text one point larger or smaller (None: normal); kept for next time."""
        reader = self.view.reader
        steps = reader.set_zoom(0 if step is None else reader.zoom_steps + step)
        self.ctx.settings.setValue(ZOOM_KEY, steps)
        return steps

    def set_serif(self, on: bool) -> None:
        """View ▸ Serif text in the reader: a serif face, kept for next time."""
        self.view.reader.set_serif(on)
        self.ctx.settings.setValue(SERIF_KEY, "true" if on else "false")

    def copy_chosen(self) -> None:
        """Ctrl+C: the chosen items' times, titles, sources and addresses (`copy_items`)."""
        from desktop_app.ui.archive.copy_items import copy_items

        copy_items(self.ctx, self.view.selected_ids())

    def mark_all_read(self) -> None:
        """Every item the list shows, marked read (with progress; one undo step)."""
        if self._mark_all is None:
            from desktop_app.ui.archive.mark_all import MarkAll

            self._mark_all = MarkAll(self.ctx)
        self._mark_all.start(self.view.request())

    def _timeline_toggled(self, checked: bool) -> None:
        set_timeline(self.view, checked)

    def edit_tags(self) -> None:
        """t: the selected item's tags, read on the read lane, asked for, then saved."""
        item_id, chosen = self.view.selected_id(), self.view.selected_ids()
        if len(chosen) > 1:
            from desktop_app.ui.archive.several_tags import ask_tags_of_several

            ask_tags_of_several(self.ctx, chosen)
            return
        if item_id is None:
            return
        from desktop_app.services import queries

        self.ctx.runner.read("item tags", lambda: queries.get_item(item_id), success=self._ask_tags)

    def _ask_tags(self, stored: StoredItem | None) -> None:
        if stored is None:
            return
        text, ok = QInputDialog.getText(
            self.ctx.widget(),
            self.tr("Tags"),
            self.tr("Tags, separated by commas:"),
            text=", ".join(stored.data.tags),
        )
        if ok:
            apply_tags(self.ctx, stored.id, text, stored.data.tags)

    def print_article(self) -> None:
        if self.view.reader.current_id is not None:
            from desktop_app.ui.common.pdf_export import print_document

            print_document(self.view.reader.printable_document(), self.ctx.widget())

    def choose_pdf(self) -> None:
        from desktop_app.ui.common import file_dialogs  # loaded when a dialog opens
        from desktop_app.ui.common.pdf_export import pdf_file_name

        if self.view.reader.current_id is None:
            self.ctx.status(self.tr("Select an article first."))
            return
        chosen = file_dialogs.save_file_name(
            self.ctx.widget(),
            self.tr("Export to PDF"),
            pdf_file_name(self.view.reader.title()),
            self.tr("PDF files (*.pdf)"),
        )
        if chosen is None:
            return
        path = str(chosen)
        if not export_current_pdf(self.view, Path(path)):
            return
        written = Path(path)
        if written.exists() and written.stat().st_size > 0:
            self.ctx.status(self.tr("Exported to %1").replace("%1", path))
        else:
            self.ctx.show_message("error", self.tr("Could not write %1").replace("%1", path))


def install_archive_actions(ctx: WindowContext, view: ArchiveView, bar: QMenuBar) -> ArchiveActions:
    return ArchiveActions(ctx, view, bar)
