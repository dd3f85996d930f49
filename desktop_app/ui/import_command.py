"""An import on the undo stack: Ctrl+Z after an import puts the archive back as it was.

The import itself has already run (in the worker, in its own transaction) when the command is
pushed, so the first redo does nothing. Undo restores the state recorded before the import
and retires the command: to redo an import, import the file again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication, QUndoCommand

if TYPE_CHECKING:
    from desktop_app.storage.import_undo import ImportUndo

log = logging.getLogger(__name__)


class ImportCommand(QUndoCommand):
    def __init__(
        self, undo: ImportUndo, *, changed: Callable[[], None],
        failed: Callable[[str], None],
    ) -> None:
        super().__init__(QCoreApplication.translate("ImportCommand", "import ({what})").replace(
            "{what}", undo.describe()))
        self.record = undo
        self._changed = changed
        self._failed = failed
        self._pushed = False

    def redo(self) -> None:
        # Only reached on push: once undone, the command is obsolete and leaves the stack.
        self._pushed = True

    def undo(self) -> None:
        from peewee import PeeweeException

        from desktop_app.core.errors import ArchiveError
        from desktop_app.storage.import_undo import undo_import

        # Deleting a large feed's items takes a moment; it runs here so that no other write
        # can come between (report edits write on this thread too).
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            undo_import(self.record)
        except (ArchiveError, PeeweeException) as exc:
            log.exception("undoing an import failed")
            self._failed(str(exc))
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.setObsolete(True)
        self._changed()
