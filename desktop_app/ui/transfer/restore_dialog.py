"""File ▸ Restore from backup…: the backups beside the archive, what each holds, and restoring one.

The list is read on the read lane (each backup through a read-only connection). Restoring runs
`services.archive_file.restore` on the write lane with progress and Cancel (`restore_flow`):
the backup is checked, a safety copy of the archive as it is now is written first, and the
backup's content replaces the archive's in one transaction, in the live file, so the window
simply shows the restored archive when `changed` arrives. The undo stack is cleared: its
steps describe an archive that is gone.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from desktop_app.services import archive_file
from desktop_app.ui.common import file_dialogs
from desktop_app.ui.common.accessibility import fit_to_screen
from desktop_app.ui.common.i18n import number
from desktop_app.ui.transfer.restore_flow import RestoreController

if TYPE_CHECKING:
    from desktop_app.services.archive_file import BackupInfo, Restored
    from desktop_app.ui.common.context import WindowContext


def _size(size: int) -> str:
    return f"{size / 1_048_576:,.1f} MB" if size >= 1_048_576 else f"{size / 1024:,.0f} KB"


class RestoreDialog(QDialog):
    """Lists the backups, newest first; Restore asks once more, then restores."""

    def __init__(self, ctx: WindowContext) -> None:
        super().__init__(ctx.widget())
        self.ctx = ctx
        self.backups: list[BackupInfo] = []
        self.setWindowTitle(self.tr("Restore from backup"))
        fit_to_screen(self, QSize(720, 360))
        self.intro = QLabel(
            self.tr(
                "Choose a copy to go back to. The archive as it is now is kept as a safety "
                "copy in the backups folder first."
            )
        )
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Backup"), self.tr("Taken"), self.tr("Size"), self.tr("Holds")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemDoubleClicked.connect(lambda _item: self.restore_selected())
        self.table.setAccessibleName(self.tr("Backups"))
        self.table.setTabKeyNavigation(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.restore_button = QPushButton(self.tr("&Restore"), self)
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self.restore_selected)
        self.file_button = QPushButton(self.tr("Other &file…"), self)
        self.file_button.clicked.connect(self.choose_file)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.file_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        if ctx.read_only:
            self.restore_button.setToolTip(self.tr("The archive is open read-only."))
            self.file_button.setEnabled(False)
        self.restorer = RestoreController(ctx.runner, self)
        self.restorer.finished.connect(self._restored)
        self.restorer.failed.connect(self._failed)
        self.restorer.cancelled.connect(self._stopped)
        ctx.runner.closing.connect(self.restorer.cancel)
        self.reload()

    # -- the list --------------------------------------------------------------------------
    def reload(self) -> None:
        database = self.ctx.database_path
        if database is None:
            return
        self.ctx.runner.read(
            "list backups", lambda: archive_file.list_backups(database), success=self._listed
        )

    def _listed(self, backups: list[BackupInfo]) -> None:
        self.backups = backups
        self.table.setRowCount(len(backups))
        for row, info in enumerate(backups):
            holds = (
                self.tr("%1 articles and briefs, %2 reports")
                .replace("%1", number(info.items))
                .replace("%2", number(info.reports))
                if info.usable
                else self.tr("cannot be restored: %1").replace("%1", info.problem or "")
            )
            cells = [
                info.path.name,
                info.modified.strftime("%Y-%m-%d %H:%M"),
                _size(info.size),
                holds,
            ]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(str(info.path) if column == 0 else text)
                if not info.usable:
                    cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(row, column, cell)
        self.table.resizeColumnsToContents()
        if not backups:
            self.intro.setText(
                self.tr(
                    "There are no backups beside this archive yet. Use Other file… to "
                    "restore a copy kept elsewhere."
                )
            )

    def _selection_changed(self) -> None:
        info = self.selected()
        self.restore_button.setEnabled(info is not None and info.usable and not self.ctx.read_only)

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    # -- restoring -------------------------------------------------------------------------
    def choose_file(self) -> None:
        paths = file_dialogs.open_file_names(
            self,
            self.tr("Restore from backup"),
            str(Path.home()),
            self.tr("Frontline Archive (*.sqlite);;All files (*)"),
            protect=self.ctx.database_path,
        )
        if paths:
            self.restore(paths[0], paths[0].name)

    def restore_selected(self) -> None:
        info = self.selected()
        if info is None or not info.usable or self.ctx.read_only:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Restore from backup"),
            self.tr(
                "Replace the archive by the backup “%1” (%2 articles and briefs, %3 reports)? "
                "The archive as it is now is kept as a safety copy first."
            )
            .replace("%1", info.path.name)
            .replace("%2", number(info.items))
            .replace("%3", number(info.reports)),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.restore(info.path, info.path.name)

    def restore(self, backup: Path, name: str) -> None:
        database = self.ctx.database_path
        if database is None or self.restorer.busy:
            return
        self.setEnabled(False)
        self.ctx.status(self.tr("Restoring the archive from %1…").replace("%1", name))
        self.restorer.start(database, backup)

    def _stopped(self) -> None:
        self.setEnabled(True)
        self.ctx.status(self.tr("The restore was stopped; the archive was not changed."))

    def _restored(self, restored: Restored) -> None:
        self.ctx.undo_stack.clear()
        self.ctx.status(
            self.tr("Restored from %1; the archive as it was is kept in %2")
            .replace("%1", restored.backup.path.name)
            .replace("%2", str(restored.safety_copy))
        )
        self.accept()

    def _failed(self, text: str) -> None:
        self.setEnabled(True)
        self.ctx.show_message("error", self.tr("Nothing was restored.") + "\n\n" + text)
