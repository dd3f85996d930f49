"""A window context for the Losses feature's widgets on their own: a real runner and stack.

The widgets take a `WindowContext` (the main window implements it); these tests give them the
same real parts without the window: an `OperationRunner` with its two lanes on the test's
archive, a `QUndoStack`, and a record of what the feature told the user.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from desktop_app.ui.common.operations import OperationRunner
from tests.ui.conftest import settle


class LossesContext:
    """Implements `desktop_app.ui.common.context.WindowContext` for tests."""

    def __init__(self, settings: QSettings, database_path: Path) -> None:
        self.host = QWidget()
        # No data_version poll: a test changes the archive when it says so.
        self.runner = OperationRunner(self.host, poll_ms=0)
        self.undo_stack = QUndoStack(self.host)
        self.settings = settings
        self.database_path: Path | None = database_path
        self.read_only = False
        self.messages: list[tuple[str, str]] = []
        self.statuses: list[str] = []
        self.opened_reports: list[dt.date] = []
        self.opened_items: list[int] = []

    def widget(self) -> QWidget:
        return self.host

    def status(self, text: str) -> None:
        self.statuses.append(text)

    def show_message(self, kind: str, text: str) -> None:
        self.messages.append((kind, text))

    def open_report(self, date: dt.date) -> bool:
        self.opened_reports.append(date)
        return True

    def open_item(self, item_id: int) -> None:
        self.opened_items.append(item_id)

    def settle(self, qtbot) -> None:
        settle(qtbot, self.runner)


@pytest.fixture
def ctx(qtbot, archive_db: object, settings: QSettings, tmp_path: Path) -> Iterator[LossesContext]:
    context = LossesContext(settings, tmp_path / "archive.sqlite")
    yield context
    # The lanes' connections close before the test's own archive connection does.
    context.runner.close()
    context.host.deleteLater()
