"""The archive file from the window: File ▸ Back up archive…, the daily copy made after
start-up, and File ▸ Check archive file.

Copies run on the runner's copy lane (off the GUI thread, and beside the write lane: a copy of
a million items takes 7–8 s, during which saves go on). A failed daily copy is said in the status
bar, not in a dialog: the user did not ask for it and can go on working; a copy the user asked
for reports its failure in a message box. Closing the window stops a daily copy still being
written (nothing of it is kept; the next start makes it), so that quitting never waits for it.
File ▸ Daily backups says how many daily copies are kept (7, 3, 1 or none; a day that wrote
nothing adds none: `storage.backup.daily_backup`).
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QDialog, QMenu, QWidget

from desktop_app.services import archive_file
from desktop_app.ui.common.operations import Operation
from desktop_app.ui.transfer.check_flow import CheckController

if TYPE_CHECKING:
    from desktop_app.services.archive_file import Health
    from desktop_app.ui.common.context import WindowContext

log = logging.getLogger(__name__)
# After start-up has settled: the first searches and the deferred panels come first.
DAILY_DELAY_MS = 3000
# How many daily copies are kept (File ▸ Daily backups), in the settings; 0: none are made.
DAILY_KEEP_KEY = "backup/daily_keep"
DAILY_CHOICES = (7, 3, 1, 0)


class BackupActions(QObject):
    def __init__(self, ctx: WindowContext, *, daily: bool) -> None:
        window = ctx.widget()
        super().__init__(window)
        self.ctx = ctx
        self.action = QAction(self.tr("&Back up archive…"), window)
        self.action.setShortcut(QKeySequence("Ctrl+Shift+B"))
        self.action.setToolTip(self.tr("Write a copy of the whole archive to a file you choose"))
        self.action.triggered.connect(self.choose_destination)
        self.action.setEnabled(ctx.database_path is not None)
        self.check_action = QAction(self.tr("&Check archive file"), window)
        self.check_action.setToolTip(
            self.tr("SQLite's integrity check and the search index's, without changing anything")
        )
        self.check_action.triggered.connect(self.check)
        self.restore_action = QAction(self.tr("&Restore from backup…"), window)
        self.restore_action.setToolTip(
            self.tr("Go back to a backup; the archive as it is now is kept as a safety copy")
        )
        self.restore_action.triggered.connect(self.choose_restore)
        self.restore_action.setEnabled(ctx.database_path is not None)
        self.trash_action = QAction(self.tr("&Trash…"), window)
        self.trash_action.setToolTip(
            self.tr("Deleted articles, briefs and reports, kept until the Trash is emptied")
        )
        self.trash_action.triggered.connect(self.show_trash)
        self.checker = CheckController(ctx.runner, window)
        self.checker.finished.connect(self._checked)
        self.checker.failed.connect(lambda text: self.ctx.show_message("error", text))
        self.checker.cancelled.connect(self._check_stopped)
        self.daily_menu = self._daily_menu(window)
        self.last_daily: Operation | None = None
        ctx.runner.closing.connect(self._stop)
        if daily and ctx.database_path is not None:
            QTimer.singleShot(DAILY_DELAY_MS, self, self.start_daily)

    def _daily_menu(self, window: QWidget) -> QMenu:
        menu = QMenu(self.tr("Dai&ly backups"), window)
        menu.setToolTipsVisible(True)
        group = QActionGroup(menu)
        chosen = self.daily_keep
        for keep in DAILY_CHOICES:
            if keep:
                text = self.tr("Keep the newest %n daily backup(s)", "", keep)
            else:
                text = self.tr("No daily backups")
            choice = QAction(text, group)
            choice.setCheckable(True)
            choice.setChecked(keep == chosen)
            choice.setData(keep)
            choice.triggered.connect(lambda _on=False, keep=keep: self.set_daily_keep(keep))
            menu.addAction(choice)
        menu.setToolTip(
            self.tr("A copy in the backups folder beside the archive, at the first start of a day")
        )
        return menu

    @property
    def daily_keep(self) -> int:
        """How many daily copies are kept (0: none is made)."""
        value = self.ctx.settings.value(DAILY_KEEP_KEY, DAILY_CHOICES[0])
        try:
            keep = int(value)  # type: ignore[call-overload]
        except (TypeError, ValueError):
            return DAILY_CHOICES[0]
        return keep if keep in DAILY_CHOICES else DAILY_CHOICES[0]

    def set_daily_keep(self, keep: int) -> None:
        self.ctx.settings.setValue(DAILY_KEEP_KEY, keep)
        if keep:
            said = self.tr(
                "The newest %n daily backup(s) will be kept; older ones go at the next.", "", keep
            )
        else:
            said = self.tr("No more daily copies will be made; the ones made are kept.")
        self.ctx.status(said)

    def choose_destination(self) -> None:
        from desktop_app.ui.common import file_dialogs  # loaded when a dialog opens

        database = self.ctx.database_path
        if database is None:
            return
        default = str(Path.home() / f"{database.stem}-{dt.date.today().isoformat()}.sqlite")
        path = file_dialogs.save_file_name(
            self.ctx.widget(),
            self.tr("Back up archive"),
            default,
            self.tr("Frontline Archive (*.sqlite);;All files (*)"),
            protect=database,
        )
        if path is not None:
            self.back_up_to(path)

    def choose_restore(self) -> QDialog:
        from desktop_app.ui.transfer.restore_dialog import RestoreDialog

        dialog = RestoreDialog(self.ctx)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_trash(self) -> QDialog:
        from desktop_app.ui.transfer.trash_dialog import TrashDialog

        dialog = TrashDialog(self.ctx)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def back_up_to(self, destination: Path) -> Operation | None:
        """Copy the archive to `destination` in the background; the result is announced."""
        database = self.ctx.database_path
        if database is None:
            return None
        self.ctx.status(self.tr("Backing up the archive…"))
        op = self.ctx.runner.copy("backup", lambda _op: archive_file.back_up(database, destination))
        op.succeeded.connect(
            lambda path: self.ctx.status(
                self.tr("Archive backed up to %1").replace("%1", str(path))
            )
        )
        op.failed.connect(
            lambda exc: self.ctx.show_message(
                "error", self.tr("The backup was not written.") + "\n\n" + str(exc)
            )
        )
        return op

    def check(self) -> Operation:
        """Check the file in the background, with progress and Cancel (a minute at a million
        items); the verdict comes as a message. While a check runs, the running one."""
        if self.checker.operation is not None:
            return self.checker.operation
        self.ctx.status(self.tr("Checking the archive file…"))
        op = self.checker.start()
        assert op is not None
        return op

    def _check_stopped(self) -> None:
        self.ctx.status(self.tr("The check was stopped; nothing was changed."))

    def _checked(self, health: Health) -> None:
        if health.ok:
            self.ctx.status(self.tr("The archive file is in order."))
            self.ctx.show_message("info", self.tr("The archive file is in order."))
            return
        self.ctx.show_message(
            "error",
            self.tr("The archive file has problems:")
            + "\n\n"
            + "\n".join(health.problems)
            + "\n\n"
            + self.tr(
                "Quit the program, then run: frontline-archive maintain --rebuild-index "
                "(a backup is taken first)."
            ),
        )

    def start_daily(self) -> Operation | None:
        database = self.ctx.database_path
        if database is None:
            return None
        today = dt.date.today()
        keep = self.daily_keep

        def copy(op: Operation) -> Path | None:
            return archive_file.daily_backup(
                database, today, keep=keep, cancelled=lambda: op.token.cancelled
            )

        op = self.ctx.runner.copy("daily backup", copy)
        op.succeeded.connect(self._daily_done)
        op.failed.connect(self._daily_failed)
        self.last_daily = op
        return op

    def _stop(self) -> None:
        """The window is closing: a daily copy or a check still running stops at once."""
        if self.last_daily is not None:
            self.last_daily.token.cancel()
        self.checker.cancel()

    def _daily_done(self, path: object) -> None:
        if isinstance(path, Path):
            log.info("daily backup written to %s", path)

    def _daily_failed(self, exc: object) -> None:
        if isinstance(exc, archive_file.CopyCancelledError):
            log.info("daily backup stopped: %s", exc)
            return
        log.warning("daily backup failed: %s", exc)
        self.ctx.status(self.tr("Today's automatic backup failed: %1").replace("%1", str(exc)))
