"""The one lane from the window to the archive: operations on background threads, results by signal.

Modelled on Anki's `CollectionOp`/`QueryOp`. Four lanes, each one long-lived thread with its
own SQLite connection (peewee keeps one connection per thread):

- the **write lane** owns the writing connection: every write the window makes (saves, flags,
  tags, undo and redo, imports) runs there, one at a time, so SQLite sees one writer and no
  write ever waits on the GUI thread;
- the **read lane** runs slow reads (a report's figures, the problems list, charts' series)
  so that a long import does not hold them up;
- the **background lane** runs reads nobody waits for (`read(…, background=True)`: the saved
  searches' counts, up to a second each at a million items), yielding the CPU, so that the
  reader's next item never queues behind them. Its connection is opened when first used,
  and its statements stop when the runner closes (closing the window does not wait for them);
- the **copy lane** writes copies of the whole archive (`copy`: the daily backup, File ▸ Back
  up archive…), which read the file through a connection of their own: 7–8 s at a million
  items, during which the write lane goes on saving.

A write that returns a `Changes` value (or an object with a `changes` attribute) makes the
runner emit `changed(Changes)` once, on the GUI thread, before the caller's `success` runs:
views listen to that one signal instead of being told by hand. The write lane also polls
SQLite's `data_version` while idle, which moves only when *another* connection committed, and
emits `changed(Changes(external=True))` when another program wrote.

Signals:
    changed(Changes): something in the archive changed (by this window or another program).
    failed(str): an operation without its own failure handler failed; the text says why.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop_app.core.errors import ArchiveError
from desktop_app.services.changes import Changes
from desktop_app.ui.common.i18n import localized_line
from desktop_app.ui.common.thread_priority import lower_this_thread

log = logging.getLogger(__name__)

T = TypeVar("T")
POLL_MS = 1000


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


class _Job:
    def __init__(self, name: str, fn: Callable[[], Any], relay: _Relay) -> None:
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


class Operation(QObject):
    """A running operation; connect to its signals before the event loop runs again."""

    succeeded = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int, str)

    def __init__(
        self,
        name: str,
        parent: QObject | None = None,
        *,
        done: Callable[[object, bool], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.name = name
        self.token = CancelToken()
        self._done = done
        # No Qt parent: the worker emits on it, and it must survive the window being deleted
        # while a job still runs (the job keeps a Python reference to it).
        self.relay = _Relay()
        # Bound slots of this GUI-thread object: delivered queued, in the GUI thread.
        self.relay.succeeded.connect(self._deliver_success)
        self.relay.failed.connect(self._deliver_failure)
        self.relay.progressed.connect(self.progressed)

    @Slot(object)
    def _deliver_success(self, result: object) -> None:
        if self._done is not None:
            self._done(result, True)
        self.succeeded.emit(result)

    @Slot(object)
    def _deliver_failure(self, exc: object) -> None:
        if self._done is not None:
            self._done(exc, False)
        self.failed.emit(exc)

    def report_progress(self, done: int, total: int, text: str = "") -> None:
        """Called from the worker: forward progress and stop if the user cancelled."""
        self.token.check()
        self.relay.progressed.emit(done, total, text)


def changes_of(result: object) -> Changes | None:
    """The `Changes` an operation's result carries, if any."""
    if isinstance(result, Changes):
        return result
    found = getattr(result, "changes", None)
    return found if isinstance(found, Changes) else None


def describe_error(exc: BaseException) -> str:
    """What the user is told: an ArchiveError's own text (in the window's language where it is
    one of `core.messages`), else that it is a bug (logged)."""
    if isinstance(exc, ArchiveError):
        return localized_line(str(exc))
    return QCoreApplication.translate(
        "Operations", "Unexpected error (details are in the log): %1"
    ).replace("%1", f"{type(exc).__name__}: {exc}")


class Lane:
    """One long-lived Python thread running jobs in order.

    A Python thread, not a QThreadPool's: a pool thread may get a fresh Python thread state
    for each job, which would give peewee (one connection per thread state) a new connection
    per job. Here the thread, and so its connection, lives as long as the lane.
    """

    def __init__(self, name: str, *, yields: bool = False) -> None:
        self.name = name
        self._yields = yields
        self._queue: queue.Queue[_Job | None] = queue.Queue()
        self._thread: threading.Thread | None = None

    @property
    def started(self) -> bool:
        return self._thread is not None

    def start(self, job: _Job) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._loop, name=self.name, daemon=True)
            self._thread.start()
        self._queue.put(job)

    def _loop(self) -> None:
        if self._yields:
            lower_this_thread(by=5)
        while True:
            job = self._queue.get()
            try:
                if job is None:
                    return
                job.run()
            except RuntimeError:
                pass  # the window is gone, and with it the relay the result was for
            finally:
                self._queue.task_done()

    def waitForDone(self, msecs: int = 30000) -> bool:
        """Wait until every queued job has run; False if `msecs` passed first."""
        end = time.monotonic() + msecs / 1000
        with self._queue.all_tasks_done:
            while self._queue.unfinished_tasks:
                left = end - time.monotonic()
                if left <= 0:
                    return False
                self._queue.all_tasks_done.wait(left)
        return True

    def stop(self, msecs: int = 30000) -> None:
        """Run what is queued, then end the thread."""
        if self._thread is not None:
            self._queue.put(None)
            self._thread.join(msecs / 1000)
            self._thread = None


class OperationRunner(QObject):
    changed = Signal(object)  # Changes
    failed = Signal(str)
    closing = Signal()  # close() has begun: what feeds the lanes stops first

    def __init__(self, parent: QObject | None = None, *, poll_ms: int = POLL_MS) -> None:
        super().__init__(parent)
        # The write lane's long jobs (an import, an update storing its sources) give way to
        # the GUI thread when both want a core; a save of one item is too short to notice.
        self.pool = Lane("archive writer", yields=True)  # the write lane
        self.reads = Lane("archive reader")
        self.background = Lane("archive background reader", yields=True)
        self.copies = Lane("archive copier", yields=True)
        self._pending = self._copying = 0
        self._closed = False
        self._data_version: int | None = None
        self._polling = False
        self._poll = QTimer(self)
        self._poll.setInterval(poll_ms)
        self._poll.timeout.connect(self._check_data_version)
        if poll_ms > 0:
            self._poll.start()
            # The first reading is the baseline: taken at once, so that a commit by another
            # program in the window's first second is not taken for the starting state.
            QTimer.singleShot(0, self, self._check_data_version)

    # -- submitting -----------------------------------------------------------------------
    def start(self, name: str, fn: Callable[[Operation], Any]) -> Operation:
        """A write (or a long job) on the write lane, with progress and cancel via the Operation."""
        return self._submit(self.pool, name, fn)

    def copy(self, name: str, fn: Callable[[Operation], Any]) -> Operation:
        """A copy of the whole archive on the copy lane: nothing on the other lanes waits for
        it. `fn` reads the archive through its own connection and checks the token."""
        return self._submit(self.copies, name, fn)

    def write(
        self,
        name: str,
        fn: Callable[[], T],
        *,
        success: Callable[[T], None] | None = None,
        failure: Callable[[str], None] | None = None,
    ) -> Operation:
        """A write on the write lane; `changed` follows when the result carries `Changes`."""
        op = self._submit(self.pool, name, lambda _op: fn())
        self._route(op, success, failure)
        return op

    def read(
        self,
        name: str,
        fn: Callable[[], T],
        *,
        success: Callable[[T], None],
        failure: Callable[[str], None] | None = None,
        background: bool = False,
    ) -> Operation:
        """A read on the read lane (its own connection): never waits behind a long import.
        `background`: a read nobody is waiting for, on the background lane instead, where it
        never holds up the read lane's."""
        lane = self.background if background else self.reads
        op = self._submit(
            lane, name, lambda _op: self._stopped_at_close(fn) if background else fn()
        )
        self._route(op, success, failure)
        return op

    def _stopped_at_close(self, fn: Callable[[], T]) -> T:
        """`fn` on the background lane, whose statements stop when the window closes: nobody
        waits for what they read, and at a million items they take seconds (the saved
        searches' counts: 5 s for four), which closing the window waited for."""
        from desktop_app.services.queries import stopped_when, was_interrupted

        try:
            with stopped_when(lambda: self._closed):
                return fn()
        except Exception as exc:
            if self._closed and was_interrupted(exc):
                raise CancelledError("stopped: the window closed") from exc
            raise

    def _submit(self, pool: Lane, name: str, fn: Callable[[Operation], Any]) -> Operation:
        copying = pool is self.copies
        op = Operation(name, self, done=lambda r, ok: self._finished(r, ok, copying=copying))
        if self._closed:
            # The window is closing: what it still asks for (a late paint's build, a timer)
            # must not start a lane again, whose thread would outlive the program's clean-up
            # (a module imported on it while Python finalized crashed the program).
            op.token.cancel()
            return op
        if copying:
            self._copying += 1
        else:
            self._pending += 1
        pool.start(_Job(name, lambda: fn(op), op.relay))
        return op

    def _finished(self, result: object, ok: bool, *, copying: bool = False) -> None:
        """In the GUI thread, before the operation's own handlers: count it, tell the views."""
        if copying:
            self._copying -= 1
        else:
            self._pending -= 1
        found = changes_of(result) if ok else None
        if found is not None and found.any:
            self.changed.emit(found)

    def _route(
        self,
        op: Operation,
        success: Callable[[Any], None] | None,
        failure: Callable[[str], None] | None,
    ) -> None:
        if success is not None:
            op.succeeded.connect(success)

        def failed(exc: BaseException) -> None:
            if self._closed and isinstance(exc, CancelledError):
                return  # stopped because the window closed: nothing to tell anyone
            text = describe_error(exc)
            if failure is not None:
                failure(text)
            else:
                self.failed.emit(text)

        op.failed.connect(failed)

    # -- other programs' writes -----------------------------------------------------------
    def _check_data_version(self) -> None:
        if self._polling or self._pending or self._closed:
            return
        self._polling = True

        def version() -> int:
            from desktop_app.services.archive_state import data_version

            return data_version()

        op = self._submit(self.pool, "data version", lambda _op: version())
        op.succeeded.connect(self._data_version_read)
        op.failed.connect(lambda _exc: setattr(self, "_polling", False))

    def _data_version_read(self, version: int) -> None:
        self._polling = False
        before, self._data_version = self._data_version, version
        if before is not None and version != before:
            self.changed.emit(Changes(external=True))

    # -- waiting and closing --------------------------------------------------------------
    @property
    def idle(self) -> bool:
        """No operation is queued, running, or waiting to deliver its result."""
        return self._pending == 0 and self._copying == 0

    def wait(self, msecs: int = 30000) -> bool:
        lanes = (self.pool, self.reads, self.background, self.copies)
        return all(lane.waitForDone(msecs) for lane in lanes)

    def close(self, msecs: int = 30000) -> bool:
        """Stop polling, let running operations end, and close the lanes' connections."""
        if not self._closed:
            self.closing.emit()
        self._closed = True
        self._poll.stop()
        done = self.wait(msecs)
        from desktop_app.services.archive_state import close_connection

        for pool in (self.pool, self.reads, self.background, self.copies):
            if not pool.started:
                continue  # never used: no connection to close, no thread to start for it
            pool.start(_Job("close", close_connection, _Relay()))
            pool.stop(msecs)
        return done


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
        # Starts the dialog's clock: shown 300 ms from now unless done by then. Left at no
        # value, it waited for the first progress report, or else Qt's default 4 s.
        self.progress.setValue(0)
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
        return describe_error(exc)

    def _progress(self, done: int, total: int, text: str) -> None:
        # A window-modal dialog's setValue() runs the event loop: the operation's end may be
        # delivered inside it and close the dialog (self.progress is then None). So a local
        # reference, and the value last.
        progress = self.progress
        if progress is not None:
            progress.setMaximum(total)
            progress.setLabelText(self.progress_label(done, total, text))
            # Last: a modal dialog's setValue() runs the event loop, where the operation may
            # end and close the dialog.
            progress.setValue(done)

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
