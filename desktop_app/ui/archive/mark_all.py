"""Article ▸ Mark all shown as read: every article and brief the list shows (its search and
filters, however many there are), marked read in one transaction on the write lane.

At a million items that is tens of seconds, so it shows its progress with Cancel, which
changes nothing. It is one step on the undo stack: Ctrl+Z gives the unread mark back to just
the items it changed (a long undo shows its progress too: `ui.common.undo`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from desktop_app.ui.common.i18n import number
from desktop_app.ui.common.operations import Operation, ProgressController

if TYPE_CHECKING:
    from desktop_app.services.history import Undoable
    from desktop_app.services.queries import SearchRequest
    from desktop_app.ui.common.context import WindowContext


def _mark_shown(request: SearchRequest, op: Operation) -> Undoable:
    from desktop_app.services import history
    from desktop_app.services.queries import search_ids

    ids = search_ids(request)
    return history.mark_all(ids, True, lambda done, total: op.report_progress(done, total, ""))


class MarkAllController(ProgressController):
    """Runs the marking with progress and Cancel; `finished` carries the undo step."""

    def start(self, request: SearchRequest) -> Operation | None:
        if self.operation is not None:
            return None
        return self._run(
            "mark all read",
            lambda op: _mark_shown(request, op),
            1,
            title=self.tr("Mark all shown as read"),
            label=self.tr("Finding the items shown…"),
            cancel=self.tr("Cancel"),
        )

    def progress_label(self, done: int, total: int, text: str) -> str:
        return (
            self.tr("Marking article or brief %1 of %2 read…")
            .replace("%1", number(done))
            .replace("%2", number(total))
        )


class MarkAll(QObject):
    """The action's work in the window: start, then the undo step and a word on how it went."""

    def __init__(self, ctx: WindowContext) -> None:
        super().__init__(ctx.widget())
        self.ctx = ctx
        self.controller = MarkAllController(ctx.runner, ctx.widget())
        self.controller.finished.connect(self._marked)
        self.controller.failed.connect(lambda text: ctx.show_message("error", text))
        self.controller.cancelled.connect(
            lambda: ctx.status(self.tr("Marking cancelled; nothing was changed."))
        )
        ctx.runner.closing.connect(self.controller.cancel)

    def start(self, request: SearchRequest) -> Operation | None:
        return self.controller.start(request)

    def _marked(self, step: object) -> None:
        from desktop_app.services.history import Undoable
        from desktop_app.ui.common.undo import ChangeCommand

        assert isinstance(step, Undoable)
        count = step.result if isinstance(step.result, int) else 0
        if not count:
            self.ctx.status(self.tr("Every item shown was read already."))
            return
        text = self.tr("mark %Ln article(s) and brief(s) read", "", count)
        self.ctx.undo_stack.push(
            ChangeCommand(
                self.ctx.runner,
                text,
                step,
                lambda message: self.ctx.show_message("error", message),
                self.ctx.long_undo,
            )
        )
        self.ctx.status(self.tr("Marked %Ln article(s) and brief(s) read.", "", count))
