"""The one lane from the window to slow work: a single background thread, results by signal.

Every import (and any other slow read or write) runs here as a named operation, so progress,
cancel and error reporting live in one place instead of in each dialog.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop_app.core.errors import ArchiveError
from desktop_app.storage.connection import close_thread_connection

log = logging.getLogger(__name__)


class CancelledError(ArchiveError):
    """The user pressed Cancel; the operation's transaction was rolled back."""


class CancelToken:
    """Shared between the GUI (which sets it) and the worker (which checks it)."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        if self._event.is_set():
            raise CancelledError("cancelled; nothing was changed")


class _Relay(QObject):
    """Lives in the GUI thread, so signals emitted by the worker arrive there, queued."""

    succeeded = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int, str)


class _Job(QRunnable):
    def __init__(self, name: str, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.name = name
        self.fn = fn
        self.relay = relay

    def run(self) -> None:
        try:
            result = self.fn()
        except ArchiveError as exc:
            self.relay.failed.emit(exc)
        except Exception as exc:  # a bug: keep the window alive and say so, log the details
            log.exception("operation %s failed", self.name)
            self.relay.failed.emit(exc)
        else:
            self.relay.succeeded.emit(result)
        finally:
            # Each job may run with a fresh Python thread state, so peewee would open (and
            # never close) a new connection per job: close it while this thread still owns it.
            close_thread_connection()


class Operation(QObject):
    """A running operation; connect to its signals before the event loop runs again."""

    succeeded = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int, str)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.token = CancelToken()
        # No Qt parent: the worker emits on it, and it must survive the window being deleted
        # while a job still runs (the job keeps a Python reference to it).
        self.relay = _Relay()
        self.relay.succeeded.connect(self.succeeded)
        self.relay.failed.connect(self.failed)
        self.relay.progressed.connect(self.progressed)

    def report_progress(self, done: int, total: int, text: str = "") -> None:
        """Called from the worker: forward progress and stop if the user cancelled."""
        self.token.check()
        self.relay.progressed.emit(done, total, text)


class OperationRunner(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        # One thread: writes never race each other, and SQLite sees one writer.
        self.pool.setMaxThreadCount(1)

    def start(self, name: str, fn: Callable[[Operation], Any]) -> Operation:
        op = Operation(name, self)
        self.pool.start(_Job(name, lambda: fn(op), op.relay))
        return op

    def wait(self, msecs: int = 30000) -> bool:
        return self.pool.waitForDone(msecs)


class ProgressController(QObject):
    """One operation at a time with a progress dialog and Cancel; tells how it ended.

    Subclasses give the texts (their own `tr` context: a base class's would not be the one
    PySide6 looks up) and turn progress reports into a label.
    """

    finished = Signal(object)  # the operation's result
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, runner: OperationRunner, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self.runner = runner
        self.parent_widget = parent_widget
        self.progress: QProgressDialog | None = None
        self.operation: Operation | None = None

    @property
    def busy(self) -> bool:
        return self.operation is not None

    def cancel(self) -> None:
        if self.operation is not None:
            self.operation.token.cancel()

    def _run(
        self,
        name: str,
        fn: Callable[[Operation], Any],
        steps: int,
        *,
        title: str,
        label: str,
        cancel: str,
    ) -> Operation:
        self.progress = QProgressDialog(label, cancel, 0, steps, self.parent_widget)
        self.progress.setWindowTitle(title)
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(300)
        op = self.runner.start(name, fn)
        self.progress.canceled.connect(op.token.cancel)
        op.progressed.connect(self._progress)
        op.succeeded.connect(self._succeeded)
        op.failed.connect(self._failed)
        self.operation = op
        return op

    def progress_label(self, done: int, total: int, text: str) -> str:
        raise NotImplementedError

    def unexpected(self, exc: BaseException) -> str:
        """The message for an error that is not an ArchiveError (a bug)."""
        return repr(exc)

    def _progress(self, done: int, total: int, text: str) -> None:
        if self.progress is not None:
            self.progress.setMaximum(total)
            self.progress.setValue(done)
            self.progress.setLabelText(self.progress_label(done, total, text))

    def _close(self) -> None:
        if self.progress is not None:
            self.progress.canceled.disconnect()
            self.progress.reset()
            self.progress.deleteLater()
            self.progress = None
        self.operation = None

    def _succeeded(self, result: object) -> None:
        self._close()
        self.finished.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self._close()
        if isinstance(exc, CancelledError):
            self.cancelled.emit()
        elif isinstance(exc, ArchiveError):
            self.failed.emit(str(exc))
        else:
            self.failed.emit(self.unexpected(exc))
