"""File ▸ Check archive file, stopped: Cancel or closing the window interrupts the statement
the check is running (a minute at a million items), and nothing waits for it to finish."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from desktop_app.services import archive_file
from desktop_app.storage.db.models import database_proxy
from desktop_app.ui.app.main_window import MainWindow
from desktop_app.ui.common.operations import CancelledError

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")

# A statement that runs for minutes unless it is interrupted, in the check's place: SQLite's
# own check of a million items' file is one such statement (40 s).
LONG = (
    "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 300000000) "
    "SELECT count(*) FROM n"
)


@pytest.fixture
def long_check(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """The check's first part made a long statement on the check's own connection; set
    when it has begun."""
    begun = threading.Event()

    def check(step: Callable[[int, int, str], None] | None = None) -> archive_file.Health:
        assert step is not None
        step(0, 3, "database")
        begun.set()
        database_proxy.execute_sql(LONG).fetchone()
        step(1, 3, "references")
        return archive_file.Health()

    monkeypatch.setattr(archive_file, "check", check)
    return begun


def test_cancel_stops_a_long_check_at_once_and_says_so(
    qtbot, window: MainWindow, long_check: threading.Event
) -> None:
    op = window.backups.check()
    qtbot.waitUntil(long_check.is_set, timeout=10000)
    # The progress dialog is up (after its 300 ms) and names the part being checked.
    qtbot.waitUntil(lambda: window.backups.checker.progress is not None, timeout=5000)
    progress = window.backups.checker.progress
    assert progress is not None
    qtbot.waitUntil(progress.isVisible, timeout=5000)
    assert progress.labelText() == "Checking the archive file…"
    button = progress.findChild(QPushButton)
    assert button is not None and button.text() == "Cancel"
    with qtbot.waitSignal(op.failed, timeout=10000) as failed:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert isinstance(failed.args[0], CancelledError)
    qtbot.waitUntil(lambda: "stopped" in window.statusBar().currentMessage(), timeout=5000)
    assert window.backups.checker.operation is None
    # The write lane is free again: a check runs to its verdict.
    qtbot.waitUntil(lambda: window.runner.idle, timeout=5000)


def test_closing_the_window_stops_a_long_check(
    qtbot, window: MainWindow, long_check: threading.Event
) -> None:
    window.backups.check()
    qtbot.waitUntil(long_check.is_set, timeout=10000)
    window.close()
    # Every lane ended with the close: it did not wait for the check (nor give up on it).
    assert window.runner.wait(0)


def test_a_cancel_between_two_statements_still_stops_the_next(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Cancel pressed while no statement runs (between two parts of the check): SQLite drops
    that interrupt when the next statement starts, which must stop by itself."""
    between, go_on = threading.Event(), threading.Event()

    def check(step: Callable[[int, int, str], None] | None = None) -> archive_file.Health:
        between.set()
        go_on.wait(10)  # the Cancel comes here, with nothing running to interrupt
        database_proxy.execute_sql(LONG).fetchone()
        return archive_file.Health()

    monkeypatch.setattr(archive_file, "check", check)
    op = window.backups.check()
    qtbot.waitUntil(between.is_set, timeout=10000)
    window.backups.checker.cancel()
    go_on.set()
    with qtbot.waitSignal(op.failed, timeout=10000) as failed:
        pass
    assert isinstance(failed.args[0], CancelledError)
