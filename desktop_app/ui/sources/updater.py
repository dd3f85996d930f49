"""Updating the sources in the background: the network on a worker thread, the archive on
the runner's lanes, the GUI thread only routing results.

1. the read lane plans (which sources, what is known of them);
2. a child process fetches them, a few at a time (services.fetching keeps one or two
   requests per host; services.source_process says why not in this process), and a worker
   thread here hands each result over by signal as it arrives;
3. the write lane stores what arrived, each source in its own transaction; the runner's
   `changed` then updates the list (keeping its selection and scroll position) and the panel.

A timer updates the sources that are due while the window is open. With no network the
status bar says "offline — last update 2 h ago" and the timer simply tries again later.

Stop (`cancel`) ends an update early: what was stored stays, and the sources not stored yet
are left as they were (not asked, still due), nothing more is written.

Signals:
    progressed(int, int): sources done, sources in this update.
    finished(object): the UpdateSummary of the update that ended.
    running_changed(bool): an update started (True) or ended (False).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from desktop_app.services import subscriptions as subs
from desktop_app.services.source_process import FetchProcess, FetchProcessError, fetch_all

if TYPE_CHECKING:
    from desktop_app.ui.common.context import WindowContext

log = logging.getLogger(__name__)
TIMER_MS = 60_000
FIRST_UPDATE_MS = 10_000
# Results that arrive within this long are stored by one job: one `changed`, one list reload,
# one repaint of the list. Each reload costs the GUI thread a frame of work; every 1.5 s
# keeps the list current without one such frame after every source.
BATCH_MS = 1500


@dataclass
class UpdateSummary:
    sources: int = 0
    new_items: int = 0
    errors: list[str] = field(default_factory=list)
    offline: int = 0
    last_update: dt.datetime | None = None
    stopped: bool = False

    @property
    def all_offline(self) -> bool:
        return self.sources > 0 and self.offline == self.sources


def ago_text(then: dt.datetime | None, now: dt.datetime | None = None) -> str:
    if then is None:
        return QCoreApplication.translate("Sources", "never")
    seconds = max(0, int(((now or dt.datetime.now(dt.UTC)) - then).total_seconds()))
    if seconds < 60:
        return QCoreApplication.translate("Sources", "just now")
    if seconds < 3600:
        return QCoreApplication.translate("Sources", "%n min ago", None, seconds // 60)
    if seconds < 2 * 86400:
        return QCoreApplication.translate("Sources", "%n h ago", None, seconds // 3600)
    return QCoreApplication.translate("Sources", "%n days ago", None, seconds // 86400)


class SourceUpdater(QObject):
    progressed = Signal(int, int)
    finished = Signal(object)
    running_changed = Signal(bool)
    # From the worker thread (delivered queued, in the GUI thread).
    _fetched = Signal(object)
    _fetching_done = Signal(str)  # why fetching stopped early ("" when it did not)

    def __init__(
        self,
        ctx: WindowContext,
        parent: QObject | None = None,
        *,
        timer_ms: int = TIMER_MS,
        in_child: bool | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        use_child = FetchProcess.available() if in_child is None else in_child
        self._child = FetchProcess() if use_child else None
        self._running = False
        self._summary = UpdateSummary()
        self._total = self._stored = 0
        self._storing = 0  # sent to the write lane, not back yet
        self._fetch_over = True
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        # Whether the window closes or the program ends without a close: the fetching stops
        # before the lanes it stores through are closed.
        ctx.runner.closing.connect(self.stop)
        self._fetched.connect(self._queue)
        self._fetching_done.connect(self._fetch_finished)
        self._pending: list[subs.SourceFetch] = []
        self._batch = QTimer(self)
        self._batch.setSingleShot(True)
        self._batch.setInterval(BATCH_MS)
        self._batch.timeout.connect(self._store)
        self.timer = QTimer(self)
        self.timer.setInterval(timer_ms)
        self.timer.timeout.connect(lambda: self.update(due_only=True, quiet=True))
        self._quiet = False

    @property
    def running(self) -> bool:
        return self._running

    def start_timer(self, first_ms: int = FIRST_UPDATE_MS) -> None:
        if self.ctx.read_only:
            return
        self.timer.start()
        QTimer.singleShot(first_ms, self, lambda: self.update(due_only=True, quiet=True))

    def stop(self) -> None:
        self.timer.stop()
        self._stop.set()
        if self._thread is not None:
            self._thread.join(5)
        if self._child is not None:
            self._child.close()

    def update(
        self, names: Sequence[str] = (), *, due_only: bool = False, quiet: bool = False
    ) -> bool:
        """Start an update (False: one is running already, or the archive is read-only)."""
        if self._running or self.ctx.read_only:
            return False
        self._running, self._quiet = True, quiet
        self._summary = UpdateSummary()
        self.running_changed.emit(True)
        wanted = list(names)
        self.ctx.runner.read(
            "sources to update",
            lambda: subs.plan_updates(wanted, due_only=due_only),
            success=self._fetch,
            failure=self._failed,
        )
        return True

    def cancel(self) -> bool:
        """Stop the update while it fetches (False: none is fetching). The sources stored so
        far stay; the rest are not stored, their state left as it was."""
        if not self._running or self._fetch_over:
            return False
        self._summary.stopped = True
        self._stop.set()
        if not self._quiet:
            self.ctx.status(QCoreApplication.translate("Sources", "Stopping the update…"))
        return True

    def _failed(self, text: str) -> None:
        self._running = False
        self.running_changed.emit(False)
        self.ctx.status(
            QCoreApplication.translate("Sources", "Sources could not be updated: %1").replace(
                "%1", text
            )
        )

    def _fetch(self, plans: list[subs.Plan]) -> None:
        self._total, self._stored = len(plans), 0
        self._summary.sources = len(plans)
        if not plans:
            self._finish()
            return
        if not self._quiet:
            self.ctx.status(
                QCoreApplication.translate("Sources", "Updating %n sources…", None, len(plans))
            )
        self._fetch_over = False
        self._stop.clear()
        self._thread = threading.Thread(
            target=self._fetch_all, args=(plans,), name="source fetcher", daemon=True
        )
        self._thread.start()

    def _fetch_all(self, plans: list[subs.Plan]) -> None:
        """In the worker thread: the network only (in the child process), never the archive."""
        failure = ""
        try:
            if self._child is not None:
                self._child.fetch(plans, self._fetched.emit, self._stop)
            else:
                fetch_all(plans, self._fetched.emit, self._stop)
        except FetchProcessError as exc:
            failure = str(exc)
        except RuntimeError:
            return  # the window is gone
        except Exception as exc:
            log.exception("fetching the sources failed")
            failure = f"{type(exc).__name__}: {exc}"
        with contextlib.suppress(RuntimeError):
            self._fetching_done.emit(failure)

    def _queue(self, fetch: subs.SourceFetch) -> None:
        if self._summary.stopped:
            return  # fetched before Stop, arrived after it: not stored
        self._pending.append(fetch)
        if not self._batch.isActive():
            self._batch.start()

    def _store(self) -> None:
        """Store what arrived, each source in its own transaction, as one job of the lane."""
        batch, self._pending = self._pending, []
        if not batch:
            return
        self._storing += len(batch)
        self.ctx.runner.write(
            "store sources",
            lambda: subs.store_fetches(batch),
            success=self._stored_batch,
            failure=lambda text: self._stored_batch(None, text, len(batch)),
        )

    def _stored_batch(
        self, outcome: subs.UpdateOutcome | None, error: str = "", count: int = 0
    ) -> None:
        summary = self._summary
        self._storing -= len(outcome.sources) if outcome is not None else count
        if outcome is None:
            self._stored += count
            summary.errors.append(error)
        for done in outcome.sources if outcome is not None else []:
            self._stored += 1
            if done.stored is not None:
                summary.new_items += done.stored.imported.items.added
            if done.unreachable:
                summary.offline += 1
            elif done.error:
                summary.errors.append(done.line())
        self.progressed.emit(self._stored, self._total)
        if not self._quiet and self._stored < self._total:
            self.ctx.status(
                QCoreApplication.translate("Sources", "Updating sources: %1 of %2")
                .replace("%1", str(self._stored))
                .replace("%2", str(self._total))
            )
        if self._fetch_over and self._stored >= self._total:
            self._finish()

    def _fetch_finished(self, failure: str) -> None:
        self._fetch_over = True
        self._thread = None
        if self._summary.stopped:
            self._batch.stop()
            self._pending.clear()
        arrived = self._stored + len(self._pending) + self._storing
        if arrived < self._total:
            # Sources that never came back (fetching stopped or failed): not stored, said.
            if failure:
                self._summary.errors.append(failure)
            self._total = arrived
        if self._pending:
            self._batch.stop()
            self._store()
        elif self._stored >= self._total:
            self._finish()

    def _finish(self) -> None:
        self.ctx.runner.read("last update", subs.last_update, success=self._finished)

    def _finished(self, last: dt.datetime | None) -> None:
        self._running = False
        summary = self._summary
        summary.last_update = last
        if summary.stopped:
            self.ctx.status(
                QCoreApplication.translate(
                    "Sources", "Update of the sources stopped: %n new", None, summary.new_items
                )
            )
        elif summary.all_offline:
            self.ctx.status(
                QCoreApplication.translate("Sources", "offline — last update %1").replace(
                    "%1", ago_text(last)
                )
            )
        elif summary.sources and not (self._quiet and not summary.new_items):
            text = QCoreApplication.translate(
                "Sources", "Sources updated: %n new", None, summary.new_items
            )
            if summary.errors:
                text += " · " + QCoreApplication.translate(
                    "Sources",
                    "%n sources failed (see the Sources panel)",
                    None,
                    len(summary.errors),
                )
            self.ctx.status(text)
        self.running_changed.emit(False)
        self.finished.emit(summary)
