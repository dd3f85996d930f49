"""Edit ▸ Trash…: deleted articles, briefs and reports, kept across restarts until restored or
emptied.

The list is read on the read lane and re-read whenever `changed` says the Trash changed (a
delete in the window, an undo, another program). Restore and Delete for good run on the write
lane, each one transaction; "for good" asks first. Undo (Ctrl+Z) is for this session's steps;
the Trash is what is still there after a restart.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QSize
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from desktop_app.services import trash
from desktop_app.ui.common.accessibility import fit_to_screen
from desktop_app.ui.common.i18n import number
from desktop_app.ui.transfer.trash_model import TrashModel

if TYPE_CHECKING:
    from desktop_app.services.changes import Changes
    from desktop_app.services.trash import TrashRow
    from desktop_app.ui.common.context import WindowContext


class TrashDialog(QDialog):
    def __init__(self, ctx: WindowContext) -> None:
        super().__init__(ctx.widget())
        self.ctx = ctx
        self.setWindowTitle(self.tr("Trash"))
        fit_to_screen(self, QSize(760, 420))
        self.summary = QLabel()
        self.model = TrashModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        # Rows of one height: the view never asks every entry for its size.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header, metrics = self.table.horizontalHeader(), self.table.fontMetrics()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # Widths from the font, not from the entries (that would read every one).
        header.resizeSection(0, metrics.horizontalAdvance("2026-08-08 14:35") + 24)
        header.resizeSection(2, metrics.horizontalAdvance(self.tr("loss report")) + 24)
        self.table.setAccessibleName(self.tr("Deleted articles, briefs and reports"))
        self.table.setTabKeyNavigation(False)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.table.doubleClicked.connect(lambda _index: self.restore_selected())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.restore_button = QPushButton(self.tr("&Restore"), self)
        self.delete_button = QPushButton(self.tr("&Delete for good"), self)
        self.empty_button = QPushButton(self.tr("&Empty Trash"), self)
        for button, slot in (
            (self.restore_button, self.restore_selected),
            (self.delete_button, self.delete_selected),
            (self.empty_button, self.empty),
        ):
            button.clicked.connect(slot)
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        ctx.runner.changed.connect(self._changed)
        self._selection_changed()
        self.reload()

    def reload(self) -> None:
        self.ctx.runner.read("trash", trash.list_trash, success=self._listed)

    def _changed(self, changes: Changes) -> None:
        if changes.trash or changes.external:
            self.reload()

    def _listed(self, rows: list[TrashRow]) -> None:
        chosen = {r.id for r in self.selected()}
        self.model.set_rows(rows)
        self._choose_again([row for row, entry in enumerate(rows) if entry.id in chosen])
        self.summary.setText(
            self.tr("The Trash is empty.")
            if not rows
            else self.tr("In the Trash: %1. Kept until you empty it.").replace(
                "%1", number(len(rows))
            )
        )
        self._selection_changed()

    def _choose_again(self, chosen_rows: list[int]) -> None:
        """Select exactly `chosen_rows` (the entries chosen before a reload), whole rows.

        Not QTableView.selectRow(): it takes its selection command from the keyboard
        modifiers Qt believes held at that moment. With none held it clears before
        selecting, so a choice of several entries would shrink to the last one; with Ctrl
        held it toggles the row off again; with Shift held it selects from an anchor, or
        nothing at all. A reload can come at any time (another program's write), and the
        choice that Restore and Delete for good act on must not change under the user.
        Explicit flags don't depend on the keyboard.
        """
        model = self.table.model()
        last_column = model.columnCount() - 1
        selection = QItemSelection()
        for row in chosen_rows:
            selection.select(model.index(row, 0), model.index(row, last_column))
        flags = QItemSelectionModel.SelectionFlag
        self.table.selectionModel().select(selection, flags.ClearAndSelect | flags.Rows)
        if chosen_rows and self.table.currentIndex().row() not in chosen_rows:
            # Keep the keyboard's place on a chosen row, as selectRow() did.
            self.table.selectionModel().setCurrentIndex(
                model.index(chosen_rows[0], 0), flags.NoUpdate
            )

    def selected(self) -> list[TrashRow]:
        model = self.table.selectionModel()
        return [self.model.rows[i.row()] for i in model.selectedRows()] if model else []

    def _selection_changed(self) -> None:
        chosen = bool(self.selected())
        writable = not self.ctx.read_only
        self.restore_button.setEnabled(chosen and writable)
        self.delete_button.setEnabled(chosen and writable)
        self.empty_button.setEnabled(bool(self.model.rows) and writable)

    def restore_selected(self) -> None:
        ids = [r.id for r in self.selected()]
        if ids and not self.ctx.read_only:
            self.ctx.runner.write(
                "restore from trash",
                lambda: trash.restore(ids),
                success=lambda _c: self.ctx.status(
                    self.tr("Restored from the Trash: %1.").replace("%1", number(len(ids)))
                ),
                failure=lambda text: self.ctx.show_message(
                    "error", self.tr("Nothing was restored.") + "\n\n" + text
                ),
            )

    def delete_selected(self) -> None:
        ids = [r.id for r in self.selected()]
        if ids and self._confirm(
            self.tr("Delete the chosen entries for good (%1)? This cannot be undone.").replace(
                "%1", number(len(ids))
            )
        ):
            self.ctx.runner.write("delete from trash", lambda: trash.empty(ids))

    def empty(self) -> None:
        if self.model.rows and self._confirm(
            self.tr("Delete everything in the Trash for good? This cannot be undone.")
        ):
            self.ctx.runner.write("empty trash", lambda: trash.empty(None))

    def _confirm(self, text: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Trash"), text)
        return answer == QMessageBox.StandardButton.Yes
