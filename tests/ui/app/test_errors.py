"""Unexpected errors in the window: logged with their traceback, and shown in one dialog."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer, QUrl, qCritical, qWarning
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QApplication

from desktop_app.ui.app.errors import ErrorDialog, ErrorReporter, install_error_hooks

# pytest-qt would catch exceptions in Qt handlers itself and fail the test; these tests need
# them to reach the program's own hook, as they do when the program runs.
pytestmark = [
    pytest.mark.qt_no_exception_capture,
    pytest.mark.qt_log_ignore("a harmless remark from Qt", "the renderer gave up"),
]


class ArchiveBugError(RuntimeError):
    pass


@pytest.fixture
def reporter(qapp, tmp_path: Path) -> Iterator[ErrorReporter]:
    hooks = install_error_hooks(tmp_path / "frontline-archive.log")
    yield hooks
    hooks.uninstall()
    if hooks.dialog is not None:
        hooks.dialog.close()
        hooks.dialog.deleteLater()


def log_text(tmp_path: Path) -> str:
    path = tmp_path / "frontline-archive.log"
    return path.read_text(encoding="utf-8") if path.exists() else ""


def failing_slot() -> None:
    raise ArchiveBugError("the slot could not find row 17")


def test_an_exception_in_a_slot_is_logged_and_shown(
    qtbot, reporter: ErrorReporter, tmp_path: Path
) -> None:
    QTimer.singleShot(0, failing_slot)  # raised inside the event loop, as a bug in a slot is
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    dialog = reporter.dialog
    assert dialog is not None
    assert "ArchiveBugError: the slot could not find row 17" in dialog.summary.text()
    details = dialog.details.toPlainText()
    assert "Traceback (most recent call last)" in details and "in failing_slot" in details
    logged = log_text(tmp_path)
    assert "in failing_slot" in logged and "the slot could not find row 17" in logged
    assert str(tmp_path / "frontline-archive.log") in dialog.message.text()


def test_repeated_errors_are_counted_in_one_dialog(qtbot, reporter: ErrorReporter) -> None:
    for _ in range(3):
        QTimer.singleShot(0, failing_slot)
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.total == 3)
    dialog = reporter.dialog
    assert dialog is not None
    assert "appeared: 3" in dialog.summary.text()
    assert dialog.details.toPlainText().count("Traceback") == 1  # the same error, listed once
    assert "(×3)" in dialog.details.toPlainText()
    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, ErrorDialog)]
    assert [w.isVisible() for w in shown] == [True]  # one window, not three

    dialog.close()  # read and closed: the next error starts a new count
    QTimer.singleShot(0, failing_slot)
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.total == 1


def test_an_exception_that_ends_a_thread_is_logged_and_shown(
    qtbot, reporter: ErrorReporter, tmp_path: Path
) -> None:
    def work() -> None:
        raise ArchiveBugError("the worker lost its place")

    thread = threading.Thread(target=work, name="reader-7")
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    assert reporter.dialog is not None
    details = reporter.dialog.details.toPlainText()
    assert "reader-7" in details and "the worker lost its place" in details
    assert "in work" in log_text(tmp_path) and "reader-7" in log_text(tmp_path)


def test_qt_warnings_go_to_the_log_and_critical_messages_also_to_the_dialog(
    qtbot, reporter: ErrorReporter, tmp_path: Path
) -> None:
    qWarning("a harmless remark from Qt")
    qtbot.wait(50)  # let a (wrongly) queued dialog appear, if any would
    assert reporter.dialog is None
    assert "a harmless remark from Qt" in log_text(tmp_path)
    qCritical("the renderer gave up")
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    assert reporter.dialog is not None
    assert "the renderer gave up" in reporter.dialog.summary.text()
    assert "the renderer gave up" in log_text(tmp_path)


def test_copy_details_and_open_log_folder(
    qtbot, reporter: ErrorReporter, tmp_path: Path, monkeypatch
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(opened.append))
    QTimer.singleShot(0, failing_slot)
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    dialog = reporter.dialog
    assert dialog is not None
    dialog.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert "Frontline Archive" in copied and "in failing_slot" in copied
    dialog.folder_button.click()
    assert [u.toLocalFile() for u in opened] == [str(tmp_path)]


def test_uninstall_puts_back_the_hooks_it_found(qapp, tmp_path: Path) -> None:
    before = (sys.excepthook, threading.excepthook)
    hooks = install_error_hooks(tmp_path / "x.log")
    assert sys.excepthook == hooks.excepthook
    hooks.uninstall()
    assert (sys.excepthook, threading.excepthook) == before
