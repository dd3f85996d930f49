"""Transitional: report changes as plain QUndoCommands, for the item dialog until it moves on.

The Losses feature itself saves, deletes and links reports through `report_steps` (the write
lane, one `ChangeCommand` a step). The archive's item dialog still pushes these two commands;
they now run the same `services.history` changes, in the calling thread. Delete this module
once nothing imports it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from desktop_app.ui.losses.report_steps import LINK, SAVE, step_label

if TYPE_CHECKING:
    from desktop_app.core.report import LossReport
    from desktop_app.services.history import Undoable


class _HistoryCommand(QUndoCommand):
    """Makes the change on its first redo; later undo and redo restore its snapshots."""

    def __init__(self, text: str, change: Callable[[], Undoable]) -> None:
        super().__init__(text)
        self._change = change
        self._step: Undoable | None = None

    def redo(self) -> None:
        if self._step is None:
            self._step = self._change()
        else:
            self._step.redo()

    def undo(self) -> None:
        if self._step is not None:
            self._step.undo()


class SaveReportCommand(_HistoryCommand):
    """Store a report (new, edited, replaced or merged), optionally linking an article."""

    def __init__(
        self, report: LossReport, *, source: str = "manual", article_id: int | None = None
    ) -> None:
        if report.date is None:
            raise ValueError("a report needs a date to be saved")

        def change() -> Undoable:
            from desktop_app.services import history

            return history.save_report(report, source=source, article_id=article_id)

        super().__init__(step_label(SAVE, report.date), change)


class LinkArticleCommand(_HistoryCommand):
    """Link an article to the stored report of a date (a link already there stays on undo)."""

    def __init__(self, date: dt.date, item_id: int) -> None:
        def change() -> Undoable:
            from desktop_app.services import history

            return history.link_article(date, item_id)

        super().__init__(step_label(LINK, date), change)
