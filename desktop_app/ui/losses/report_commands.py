"""Undoable changes to loss reports: each a QUndoCommand whose redo and undo are one transaction.

A command snapshots the stored report before it first changes it, so undo restores exactly
what was there (figures, qualifier, note, source, article links), or removes a report that
did not exist. The window owns one QUndoStack; everything that writes a report pushes here.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QMenu

# The storage functions are imported where a command runs: the window builds its Edit menu
# (add_undo_actions) before its first paint, and needs none of them for that.
if TYPE_CHECKING:
    from desktop_app.core.report import LossReport
    from desktop_app.storage.report_history import ReportSnapshot


class _ReportCommand(QUndoCommand):
    """Common ground: the date touched and the state to go back to."""

    def __init__(self, date: dt.date, text: str) -> None:
        super().__init__(text.format(date=date.isoformat()))
        self.date = date
        # Taken on the first redo, i.e. when the change is made, not when the command is built.
        self._before: ReportSnapshot | None = None
        self._after: ReportSnapshot | None = None
        self._done_once = False

    def redo(self) -> None:
        from desktop_app.storage.report_history import restore_report, snapshot_report

        if not self._done_once:
            self._before = snapshot_report(self.date)
            self.apply()
            self._after = snapshot_report(self.date)
            self._done_once = True
        else:
            restore_report(self.date, self._after)

    def undo(self) -> None:
        from desktop_app.storage.report_history import restore_report

        restore_report(self.date, self._before)

    def apply(self) -> None:
        raise NotImplementedError


class SaveReportCommand(_ReportCommand):
    """Store a report (new, edited, replaced or merged), optionally linking an article."""

    def __init__(
        self, report: LossReport, *, source: str = "manual", article_id: int | None = None
    ) -> None:
        if report.date is None:
            raise ValueError("a report needs a date to be saved")
        super().__init__(
            report.date, QCoreApplication.translate("ReportCommands", "save report {date}")
        )
        self.report = report
        self.source = source
        self.article_id = article_id

    def apply(self) -> None:
        from desktop_app.storage.reports import save_report

        save_report(self.report, source=self.source, article_id=self.article_id, replace=True)


class DeleteReportCommand(_ReportCommand):
    def __init__(self, date: dt.date) -> None:
        super().__init__(date, QCoreApplication.translate("ReportCommands", "delete report {date}"))

    def apply(self) -> None:
        from desktop_app.storage.reports import delete_report

        delete_report(self.date)


class LinkArticleCommand(QUndoCommand):
    """Link an article to the stored report of a date."""

    def __init__(self, date: dt.date, item_id: int) -> None:
        super().__init__(
            QCoreApplication.translate("ReportCommands", "link article to report {date}").format(
                date=date.isoformat()
            )
        )
        self.date = date
        self.item_id = item_id
        self._added = False

    def redo(self) -> None:
        from desktop_app.storage.reports import link_article

        self._added = link_article(self.date, self.item_id)

    def undo(self) -> None:
        # A link that was there before the command stays.
        if self._added:
            from desktop_app.storage.report_history import unlink_article

            unlink_article(self.date, self.item_id)


def add_undo_actions(menu: QMenu, stack: QUndoStack, parent: QObject) -> tuple[QAction, QAction]:
    """Edit → Undo / Redo for `stack`, their text naming the change ("Undo save report …")."""
    undo = stack.createUndoAction(parent, QCoreApplication.translate("ReportCommands", "&Undo"))
    undo.setShortcuts(QKeySequence.StandardKey.Undo)
    redo = stack.createRedoAction(parent, QCoreApplication.translate("ReportCommands", "&Redo"))
    # Ctrl+Shift+Z everywhere; the platform's own Redo keys (Ctrl+Y on Windows) as well.
    keys = [QKeySequence("Ctrl+Shift+Z")]
    keys += [k for k in QKeySequence.keyBindings(QKeySequence.StandardKey.Redo) if k not in keys]
    redo.setShortcuts(keys)
    menu.addActions([undo, redo])
    return undo, redo
