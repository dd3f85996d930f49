"""File ▸ Check archive file: SQLite's integrity check, the references between records, then
the search index's own check, on the write lane with progress and Cancel.

At a million items the check takes about a minute (40 s for SQLite's check of the 1.9 GB
file, 23 s for the search index's). Each part is one statement, so Cancel, or closing the
window, interrupts the statement running: the check ends at once, and changes nothing either
way (it only reads; FTS5's check is an INSERT that writes nothing).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from desktop_app.services import archive_file, queries
from desktop_app.ui.common.operations import CancelledError, Operation, ProgressController

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from desktop_app.services.archive_file import Health
    from desktop_app.ui.common.operations import OperationRunner


class CheckController(ProgressController):
    """Starts the check with progress and Cancel; `finished` carries its `Health`."""

    def __init__(self, runner: OperationRunner, parent_widget: QWidget) -> None:
        super().__init__(runner, parent_widget)
        self._lock = threading.Lock()
        # The running check's connection, stoppable from the GUI thread (set on the lane).
        self._interrupt: Callable[[], None] | None = None

    def start(self) -> Operation | None:
        if self.operation is not None:
            return None
        op = self._run(
            "check",
            self._work,
            len(archive_file.CHECK_STAGES),
            title=self.tr("Check archive file"),
            label=self.tr("Checking the archive file…"),
            cancel=self.tr("Cancel"),
        )
        if self.progress is not None:
            self.progress.canceled.connect(self._stop)
        return op

    def cancel(self) -> None:
        super().cancel()
        self._stop()

    def _stop(self) -> None:
        with self._lock:
            if self._interrupt is not None:
                self._interrupt()

    def _work(self, op: Operation) -> Health:
        with self._lock:
            self._interrupt = queries.interrupter()
        try:
            # A Cancel between two parts finds no statement to interrupt: the next one
            # stops by itself (at the latest between two b-trees of SQLite's check).
            with queries.stopped_when(lambda: op.token.cancelled):
                return archive_file.check(step=op.report_progress)
        except Exception as exc:
            if op.token.cancelled and queries.was_interrupted(exc):
                raise CancelledError("the check was stopped; nothing was changed") from exc
            raise
        finally:
            with self._lock:
                self._interrupt = None

    def progress_label(self, done: int, total: int, text: str) -> str:
        if text == "references":
            return self.tr("Checking the links between records…")
        if text == "stored values":
            return self.tr("Checking the stored values…")
        if text == "search index":
            return self.tr("Checking the search index…")
        return self.tr("Checking the archive file…")
