"""An import on the undo stack: Ctrl+Z after an import puts the archive back as it was.

The import itself has already run (in the worker, in its own transaction) when the command is
pushed, so the first redo does nothing. Undo restores the state recorded before the import,
taking what the import had made just before; redo puts that back.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication, QUndoCommand

if TYPE_CHECKING:
    from desktop_app.storage.import_undo import ImportRedo, ImportUndo

log = logging.getLogger(__name__)


class ImportCommand(QUndoCommand):
    def __init__(
        self,
        undo: ImportUndo,
        *,
        changed: Callable[[], None],
        failed: Callable[[str], None],
    ) -> None:
        super().__init__(
            QCoreApplication.translate("ImportCommand", "import ({what})").replace(
                "{what}", undo.describe()
            )
        )
        self.record = undo
        self._changed = changed
        self._failed = failed
        self._redo: ImportRedo | None = None  # taken by undo

    def redo(self) -> None:
        made = self._redo
        if made is None:
            return  # the push: the import itself has made its changes
        from desktop_app.storage.import_undo import redo_import

        self._run(lambda: redo_import(made))

    def undo(self) -> None:
        from desktop_app.storage.import_undo import undo_import

        def take_back() -> None:
            self._redo = undo_import(self.record)

        self._run(take_back)

    def _run(self, change: Callable[[], object]) -> None:
        from peewee import PeeweeException

        from desktop_app.core.errors import ArchiveError

        # Deleting a large feed's items takes a moment; it runs here so that no other write
        # can come between (report edits write on this thread too).
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            change()
        except (ArchiveError, PeeweeException) as exc:
            # Rolled back: the archive is as it was, but the stack no longer matches it.
            log.exception("undoing or redoing an import failed")
            self.setObsolete(True)
            self._failed(str(exc))
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._changed()
