"""The small window context every feature gets, instead of the main window itself.

Features (archive, losses, charts, transfer) receive an object with this shape; only
`ui.app.main_window` implements it. That keeps features independent of each other and of the
window (an import-linter contract checks it): "open the report of date D" is one method here,
whoever asks.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QWidget

    from desktop_app.ui.common.operations import OperationRunner
    from desktop_app.ui.common.undo import LongUndo


class WindowContext(Protocol):
    """What a feature may ask of the window."""

    @property
    def runner(self) -> OperationRunner:
        """The one lane to the archive; its `changed` signal tells every view what changed."""
        ...

    @property
    def undo_stack(self) -> QUndoStack: ...

    @property
    def long_undo(self) -> LongUndo:
        """Runs a long undo or redo with progress and Cancel (`ui.common.undo`)."""
        ...

    @property
    def settings(self) -> QSettings: ...

    @property
    def database_path(self) -> Path | None: ...

    @property
    def read_only(self) -> bool: ...

    def widget(self) -> QWidget:
        """The parent for dialogs and message boxes."""
        ...

    def status(self, text: str) -> None:
        """A line in the status bar."""
        ...

    def show_message(self, kind: str, text: str) -> None:
        """A non-blocking message box; kind is "error" or "info"."""
        ...

    def open_report(self, date: dt.date) -> bool:
        """Show the Losses tab with the report of `date` selected; False if none is stored."""
        ...

    def open_item(self, item_id: int) -> None:
        """Show the Archive tab with the item selected and read."""
        ...
