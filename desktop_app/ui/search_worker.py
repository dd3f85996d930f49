"""Running searches off the GUI thread; only the newest search's result is ever shown.

Searches get their own thread rather than the OperationRunner's: a long import must not hold
back the list, and SQLite in WAL mode lets this thread read while the import writes.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from desktop_app.core.search_query import Query, parse_query
from desktop_app.storage.models import database_proxy
from desktop_app.storage.search import (
    Facets,
    SearchRequest,
    facet_counts,
    search_days,
    search_ids,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SearchResult:
    generation: int
    request: SearchRequest
    query: Query
    ids: list[int]
    facets: Facets | None
    days: list[tuple[int, str]] | None = None  # for the timeline: ids with their local day


def run_search(
    request: SearchRequest, generation: int = 0, *, facets: bool = True, timeline: bool = False
) -> SearchResult:
    """The whole search, on whatever thread calls it."""
    query = parse_query(request.text)
    ids = search_ids(request, query)
    counts = facet_counts(request, query) if facets else None
    days = search_days(request, query) if timeline else None
    return SearchResult(generation, request, query, ids, counts, days)


class _Relay(QObject):
    done = Signal(object)


class _SearchJob(QRunnable):
    def __init__(
        self, worker: SearchWorker, request: SearchRequest, generation: int, timeline: bool
    ) -> None:
        super().__init__()
        self.timeline = timeline
        self.worker = worker
        self.request = request
        self.generation = generation
        self.relay = worker.relay

    def run(self) -> None:
        # A newer search was asked for while this one waited: skip the work entirely.
        if self.generation != self.worker.generation:
            return
        try:
            # The list first; the counts beside it follow in a second message, so the first
            # rows never wait for them.
            result = run_search(self.request, self.generation, facets=False,
                                timeline=self.timeline)
            self.relay.done.emit(result)
            if self.generation == self.worker.generation:
                self.relay.done.emit(_FacetsUpdate(
                    self.generation, facet_counts(self.request, result.query)))
        except Exception as exc:  # keep the window alive; the list shows "no matches"
            log.exception("search %r failed", self.request.text)
            self.relay.done.emit((self.generation, exc))


class _CountJob(QRunnable):
    def __init__(self, worker: SearchWorker, request: SearchRequest, generation: int) -> None:
        super().__init__()
        self.worker, self.request, self.generation = worker, request, generation
        self.relay = worker.relay

    def run(self) -> None:
        if self.generation != self.worker.generation:
            return
        try:
            self.relay.done.emit(_FacetsUpdate(self.generation, facet_counts(self.request)))
        except Exception:
            log.exception("counting %r failed", self.request.text)


@dataclass(frozen=True)
class _FacetsUpdate:
    generation: int
    facets: Facets


class SearchWorker(QObject):
    """`search()` returns at once; `finished` brings the newest result (stale ones are dropped)."""

    finished = Signal(object)  # SearchResult
    countsReady = Signal(object)  # Facets of the newest search
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        # One long-lived thread keeps one warm SQLite connection (and its page cache); a
        # fresh connection per search made each search several times slower.
        self.pool.setExpiryTimeout(-1)
        self.generation = 0
        self.relay = _Relay(self)
        self.relay.done.connect(self._done)

    @property
    def busy(self) -> bool:
        return self.pool.activeThreadCount() > 0

    def count(self, request: SearchRequest) -> None:
        """Only the counts beside the list (after a search made on the GUI thread)."""
        self.pool.start(_CountJob(self, request, self.generation))

    def search(self, request: SearchRequest, *, timeline: bool = False) -> int:
        self.generation += 1
        self.pool.start(_SearchJob(self, request, self.generation, timeline))
        return self.generation

    def _done(self, result: object) -> None:
        if isinstance(result, SearchResult):
            if result.generation == self.generation:
                self.finished.emit(result)
        elif isinstance(result, _FacetsUpdate):
            if result.generation == self.generation:
                self.countsReady.emit(result.facets)
        elif isinstance(result, tuple) and result[0] == self.generation:
            self.failed.emit(str(result[1]))

    def wait(self, msecs: int = 10000) -> bool:
        return self.pool.waitForDone(msecs)

    def shutdown(self) -> None:
        """Close the worker thread's connection and let the thread go."""
        self.generation += 1
        self.pool.start(_close_connection)
        self.pool.waitForDone(10000)
        self.pool.setExpiryTimeout(0)


def _close_connection() -> None:
    if not database_proxy.is_closed():
        database_proxy.close()
