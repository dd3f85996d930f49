"""Running searches off the GUI thread; only the newest search's result is ever shown.

Searches get their own thread rather than the OperationRunner's: a long import must not hold
back the list, and SQLite in WAL mode lets this thread read while the import writes. The
list models page their rows and snippets through the same thread (`call`), so the GUI thread
never reads the archive.

Each search answers in up to five messages: the first page of rows (`firstRows`), the counts
beside the list read from the newest matches (`countsReady`: exact when there are few, else
an estimate marked `Facets.estimated`), after an estimate the same with the exact number of
matches counted in the index (`Facets.total`), the full id list with the first page's rows
(`finished`), then, after an estimate, the exact counts (`countsReady` again). By relevance
in a large archive the estimate comes before the ranked page, and the exact counts from the
list by date on a third thread, from the start (`_count_early`); no estimate follows them.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import logging
import queue
import threading
from collections.abc import Callable, Hashable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from desktop_app.core.search_query import Query, parse_query
from desktop_app.ui.archive.counts_memory import CountsMemory
from desktop_app.ui.archive.facet_counter import FacetCounter
from desktop_app.ui.archive.id_lists import list_ids, list_timeline, narrowed_list, read_ids
from desktop_app.ui.archive.search_messages import (
    Answer,
    FacetsUpdate,
    FirstRows,
    Narrowed,
    SearchResult,
    Timeline,
)
from desktop_app.ui.common.operations import describe_error
from desktop_app.ui.common.thread_priority import lower_this_thread

if TYPE_CHECKING:
    from desktop_app.services.queries import CountedFacets, Facets, ItemRow, SearchRequest

log = logging.getLogger(__name__)

# Rows in the first message: one page of the list model, more than any screen shows.
FIRST_PAGE = 200
# The worker's threads (`SearchWorker._jobs`).
LANES = ("search", "rows", "counts")
# How long the worker waits for the GUI thread to show a first page before going on.
FIRST_PAGE_HANDOFF_S = 0.1


class _Relay(QObject):
    done = Signal(object)


def _stop_loop(jobs: queue.SimpleQueue[Callable[[], None] | None], *_args: object) -> None:
    jobs.put(None)


class SearchWorker(QObject):
    """`search()` returns at once; `finished` brings the newest result (stale ones are dropped)."""

    firstRows = Signal(object)  # FirstRows of the newest search (table order only)
    finished = Signal(object)  # SearchResult
    countsReady = Signal(object)  # Facets of the newest search
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.generation = 0
        # No Qt parent: the worker thread emits on the relay, so the relay must outlive the
        # window (a parented relay could be deleted by the GUI thread mid-emit: a crash, not
        # a RuntimeError). Python owns it; the thread's reference keeps it alive.
        self.relay = _Relay()
        self.relay.done.connect(self._done)
        # A thread and its queue of jobs per lane. "search": searches. "rows": pages of rows
        # the list asks for while it scrolls (`call`): behind a broad search's full list and
        # counts (seconds on a large archive) a page of rows would wait as long. SQLite in
        # WAL mode lets them read at once, and sqlite3 lets go of the GIL while a query
        # runs. "counts": the exact counts of a search by relevance (`_count_early`), at the
        # lowest priority (docs/BENCHMARKS.md, tenth and seventeenth rounds).
        self._jobs: dict[str, queue.SimpleQueue[Callable[[], None] | None]] = {
            lane: queue.SimpleQueue() for lane in LANES
        }
        # A worker deleted without shutdown() (its window destroyed unclosed) still stops:
        # the callback holds the queue, not the deleted QObject.
        for jobs in self._jobs.values():
            self.destroyed.connect(functools.partial(_stop_loop, jobs))
        self._threads: dict[str, threading.Thread] = {}
        self._shut_down = False
        self._pending = 0
        # Messages emitted by the thread and not yet handled on the GUI thread.
        self._undelivered = 0
        self._idle = threading.Condition()
        self._first_shown = threading.Event()
        # Stops the search thread's running query (set by that thread once it has a
        # connection), and the generation of the search that query belongs to.
        self._interrupt: Callable[[], None] | None = None
        self._running = 0
        # A search's query on another lane than "search" (`_side`): the search it belongs
        # to, and what stops it.
        self._sides: dict[str, tuple[int, Callable[[], None]]] = {}
        self._counter = FacetCounter()  # used by one thread at a time: `_counting`
        self._counting = threading.Lock()
        self._exact = 0  # the newest search whose exact counts were sent
        self._memory = CountsMemory()

    @property
    def busy(self) -> bool:
        """A job is queued or running, or one of its answers has not been handled yet."""
        with self._idle:
            return self._pending > 0 or self._undelivered > 0

    def _start(self, job: Callable[[], None], lane: str = "search") -> None:
        if self._shut_down:
            # A closing window's late request (a paint, a timer): no thread is started again
            # to outlive it, and no answer is waited for.
            return
        with self._idle:
            self._pending += 1
        jobs = self._jobs[lane]
        thread = self._threads.get(lane)
        if thread is None or not thread.is_alive():
            # A plain Python thread for the worker's whole life: its thread state, and with it
            # peewee's per-thread connection and page cache, lives as long as the thread. A
            # QThreadPool job got a fresh Python thread state, so every search opened a new
            # SQLite connection and never closed it (~33 MiB of page cache each, and a file
            # descriptor). Daemon: a worker never shut down cannot hold the process open.
            thread = threading.Thread(target=self._loop, args=(jobs, lane), name=lane, daemon=True)
            self._threads[lane] = thread
            thread.start()
        jobs.put(job)

    def _loop(self, jobs: queue.SimpleQueue[Callable[[], None] | None], lane: str) -> None:
        if lane == "counts":
            # It waits for an idle core: the counts by relevance then leave the first page's
            # time as it was (docs/BENCHMARKS.md, tenth round).
            lower_this_thread(to=19)
        while (job := jobs.get()) is not None:
            try:
                job()
            finally:
                with self._idle:
                    self._pending -= 1
                    self._idle.notify_all()
        from desktop_app.services.queries import close_connection

        close_connection()

    def _emit(self, message: object) -> None:
        with self._idle:
            self._undelivered += 1
        # RuntimeError: the window (and this worker) is gone; nobody is listening.
        with contextlib.suppress(RuntimeError):
            self.relay.done.emit(message)

    def call(self, fn: Callable[[], Any], deliver: Callable[[Any], None]) -> None:
        """Run the read `fn` on the rows thread; `deliver` gets its result on the GUI thread.

        A failure is logged and not delivered (the caller asks again when it needs to).
        """

        def job() -> None:
            try:
                result = fn()
            except Exception:
                log.exception("a background read of the list failed")
                return
            self._emit(Answer(deliver, result))

        self._start(job, "rows")

    def _stale(self, generation: int) -> bool:
        return generation != self.generation

    def search(self, request: SearchRequest, *, timeline: bool = False) -> int:
        self.generation += 1
        generation = self.generation
        with self._idle:
            # A stale search's query is stopped, not waited for (seconds when broad at a
            # million items); `_running` is set under this lock before each query starts.
            if self._interrupt is not None and 0 < self._running < generation:
                self._interrupt()
            for side, stop in self._sides.values():
                if side < generation:
                    stop()

        def job() -> None:
            # A newer search was asked for while this one waited: skip the work entirely.
            if self._stale(generation):
                return
            from desktop_app.services import queries

            try:  # its next statement stops too: SQLite drops an interrupt between two
                with queries.stopped_when(lambda: self._stale(generation)):
                    self._search(request, generation, timeline)
            except Exception as exc:  # keep the window alive; the list says why
                if queries.was_interrupted(exc) and self._stale(generation):
                    return  # replaced by a newer search, which runs next
                log.exception("search %r failed", request.text)
                self._emit((generation, exc))
            finally:
                with self._idle:
                    self._running = 0

        self._start(job)
        return generation

    def _search(self, request: SearchRequest, generation: int, timeline: bool) -> None:
        """First page, full list, counts: each only while this is still the newest search."""
        from desktop_app.services import queries

        with self._idle:
            if self._interrupt is None:
                self._interrupt = queries.interrupter()
            self._running = generation
            if self._stale(generation):
                return
        query = parse_query(request.text)
        ids: Sequence[int] | None = None
        rows: list[ItemRow] | None = None
        kept = CountsMemory.key(queries.facet_key(), request)
        if (remembered := self._memory.recall(kept)) is not None:
            self._send_counts(generation, remembered)  # the same search in another order
        early = None
        if not timeline and remembered is None:
            early = self._count_early(request, query, generation, kept)
        # Ranked at scale (seconds), the counts from the newest matches (ms) come before it.
        quick = queries.quick_facets(request, query) if early else None  # (few: exact after)
        quick = self._send_quick(generation, quick) if quick and quick.estimated else None
        if not timeline:
            rows = self._first_rows(request, query, generation)
            self._first_shown.clear()
            self._emit(FirstRows(generation, request, query, rows))
            if len(rows) < FIRST_PAGE and request.limit is None:
                ids = [r.id for r in rows]  # that was all of it: no second pass needed
            # The GUI thread shows the first page before the quick counts (mostly Python)
            # compete for the GIL: waiting for it, it took 15-25 ms to take the page and as
            # long to paint it at 1M. Bounded: a GUI thread busy elsewhere delays the rest.
            self._first_shown.wait(FIRST_PAGE_HANDOFF_S)
            if self._stale(generation):
                return
        # The counts beside the list from the newest matches, once the first page is shown
        # (a few small queries): exact when there are few, else an estimate, refined after
        # the full list.
        newest = None
        if rows is not None and (
            len(rows) < FIRST_PAGE or (request.order == "date" and request.descending)
        ):
            newest = rows
        if quick is None and not self._counted(generation):
            quick = self._send_quick(generation, queries.quick_facets(request, query, newest))
        # The whole list as text, where one index holds it in order (nothing read yet); or,
        # for words among chosen kinds, sources or tags, the list without the choices,
        # narrowed here with the counts' groups (SQL looks up every match's item).
        listed = queries.search_id_text(request, query) if ids is None else None
        narrowed = None
        if ids is None and listed is None:
            narrowed = self._narrow(request, query, timeline)
        if narrowed is not None:
            ids = narrowed.ids
        elif quick is not None and quick.estimated and not early and not self._stale(generation):
            # The exact number of matches from the index alone, before the full list (which
            # also reads every match's key and hands each id over); beside a list read as
            # text, on the rows thread at the same time (each is mostly SQLite's work, done
            # without the GIL): the exact counts follow the list sooner by the count's time.
            count = functools.partial(self._count_matches, request, query, quick, generation)
            if listed is not None:
                self._start(count, "rows")
            else:
                count()
        if self._stale(generation):
            return
        if ids is None:
            ids = list_ids(request, query, listed)
        days: Timeline | None = None
        if timeline:
            days = list_timeline(request, query, ids, narrowed)
        if rows is None:
            first = days.ids[:FIRST_PAGE] if days is not None else ids[:FIRST_PAGE]
            rows = list(queries.item_rows(first).values())
        self._emit(SearchResult(generation, request, query, ids, None, days, rows))
        while early is not None and not early.wait(0.05):  # sent by now, unless they failed
            if self._stale(generation):  # (then counted here)
                return
        if (quick is None or quick.estimated) and not self._counted(generation):
            # Counted from the list's ids where nothing is chosen: no pass over every match.
            counted: CountedFacets | None
            if narrowed is None and len(ids) < FIRST_PAGE:  # the first page was all of it
                # A choice's own facet counts over the list without it (by date: no ranking):
                # the counter's groups, where SQL reads every item (2.9 s for 30 tagged, 1M).
                dated = dataclasses.replace(request, order="date", descending=True)
                narrowed = self._narrow(dated, query, False)
            if narrowed:
                counted = narrowed.counted
            else:
                with self._counting:
                    counted = self._counter.counts(request, query, ids)
            facets = queries.facet_counts(request, query, counted=counted)
            self._send_counts(generation, facets, kept, total=len(ids))

    def _send_quick(self, generation: int, quick: Facets | None) -> Facets | None:
        """Send the counts from the newest matches, unless the exact ones were sent."""
        with self._idle:  # not after the exact counts (`_count_early`), nor they after these
            if quick is not None and not self._stale(generation) and self._exact != generation:
                self._exact = self._exact if quick.estimated else generation
                self._emit(FacetsUpdate(generation, quick))
        return quick

    def _counted(self, generation: int) -> bool:
        """The search is stale, or its exact counts were sent."""
        with self._idle:
            return self._stale(generation) or self._exact == generation

    def _send_counts(
        self, generation: int, facets: Facets, kept: Hashable | None = None, total: int = 0
    ) -> None:
        """Send the exact counts (and keep them under `kept`, with the number of matches
        `total` when they do not hold it: another order shows it before its list)."""
        number = facets.total if facets.total is not None else total or None
        self._memory.keep(kept, dataclasses.replace(facets, total=number))
        with self._idle:  # after these, no estimate nor late number of matches is sent
            if not self._stale(generation) and self._exact != generation:
                self._exact = generation
                self._emit(FacetsUpdate(generation, facets))

    def _count_early(
        self, request: SearchRequest, query: Query, generation: int, kept: Hashable | None
    ) -> threading.Event | None:
        """For words by relevance in a large archive, the exact counts from the list newest
        first, on the counts thread from the start: the ranked list they would wait for
        takes seconds at a million items, the list by date a fifth of that, and the order
        does not change a count. The event is set when that thread is done with them."""
        from desktop_app.services import queries

        if queries.ranked_cut(request, query) is None:
            return None
        dated = dataclasses.replace(request, order="date", descending=True)
        done = threading.Event()

        def count() -> None:
            try:
                with self._side("counts", generation):
                    if self._counted(generation):
                        return
                    listed = queries.search_id_text(dated, query)
                    if listed is None:
                        return  # not a list the index holds in order: counted after the list
                    ids = read_ids(listed)
                    with self._counting:
                        counted = self._counter.counts(dated, query, ids)
                    facets = queries.facet_counts(request, query, counted=counted)
                exact = dataclasses.replace(facets, total=len(ids) or None)
                self._send_counts(generation, exact, kept)
            except Exception as exc:  # counted again after the list, which says what failed
                if not queries.was_interrupted(exc):
                    log.exception("counting the matches of %r failed", request.text)
            finally:
                done.set()

        self._start(count, "counts")
        return done

    def _first_rows(self, request: SearchRequest, query: Query, generation: int) -> list[ItemRow]:
        """The first page. By relevance in a large archive (`queries.ranked_cut`), ranked in
        two halves at once: the newer items on the rows thread (its own connection: SQLite
        lets go of the GIL), the older ones here; a newer search stops both."""
        from desktop_app.services import queries

        cut = queries.ranked_cut(request, query)
        if cut is None:
            return queries.first_rows(request, query, FIRST_PAGE)
        newer: queue.SimpleQueue[list[tuple[float, int, ItemRow]] | Exception] = queue.SimpleQueue()

        def rank_newer() -> None:
            try:
                with self._side("rows", generation):
                    if self._stale(generation):
                        newer.put([])  # this thread's half goes unused: the search is stale
                        return
                    newer.put(queries.ranked_rows(request, query, FIRST_PAGE, newer=True, cut=cut))
            except Exception as exc:  # raised on the search thread, which says what failed
                newer.put(exc)

        self._start(rank_newer, "rows")
        try:
            older = queries.ranked_rows(request, query, FIRST_PAGE, newer=False, cut=cut)
        finally:
            found = newer.get()  # never left running: stopped too when this one was
        if isinstance(found, Exception):
            raise found
        both = sorted([*found, *older], key=lambda hit: (hit[0], hit[1]))
        return [row for _score, _key, row in both[:FIRST_PAGE]]

    def _narrow(self, request: SearchRequest, query: Query, timeline: bool) -> Narrowed | None:
        """`id_lists.narrowed_list` with this worker's counter."""
        return narrowed_list(self._counter, self._counting, request, query, timeline)

    def _count_matches(
        self, request: SearchRequest, query: Query, quick: Facets, generation: int
    ) -> None:
        from desktop_app.services import queries

        try:
            with self._side(threading.current_thread().name, generation):
                if self._counted(generation):
                    return
                total = queries.match_count(request, query)
        except Exception as exc:  # the list still comes, and with it the number
            if not queries.was_interrupted(exc):
                log.exception("counting the matches of %r failed", request.text)
            return
        with self._idle:
            if total is not None and not self._stale(generation) and self._exact != generation:
                self._emit(FacetsUpdate(generation, dataclasses.replace(quick, total=total)))

    @contextlib.contextmanager
    def _side(self, lane: str, generation: int) -> Iterator[None]:
        """While this thread reads for a search from another lane than its own, a newer
        search stops its query (`search`); check for that after entering."""
        from desktop_app.services import queries

        with self._idle:
            self._sides[lane] = (generation, queries.interrupter())
        try:
            with queries.stopped_when(lambda: self._stale(generation)):
                yield
        finally:
            with self._idle:
                self._sides.pop(lane, None)

    def _done(self, result: object) -> None:
        try:
            self._handle(result)
        finally:
            with self._idle:
                self._undelivered -= 1

    def _handle(self, result: object) -> None:
        if isinstance(result, Answer):
            result.deliver(result.result)
        elif isinstance(result, FirstRows):
            if result.generation == self.generation:
                self.firstRows.emit(result)
            self._first_shown.set()
        elif isinstance(result, SearchResult):
            if result.generation == self.generation:
                self.finished.emit(result)
        elif isinstance(result, FacetsUpdate):
            if result.generation == self.generation:
                self.countsReady.emit(result.facets)
        elif isinstance(result, tuple) and result[0] == self.generation:
            self.failed.emit(describe_error(result[1]))

    def forget_counts(self) -> None:
        """Count every search afresh from now on (a benchmark's runs of one search)."""
        self._memory = CountsMemory()

    def wait(self, msecs: int = 10000) -> bool:
        """Until every job asked for so far has run (or `msecs` passed)."""
        with self._idle:
            return self._idle.wait_for(lambda: self._pending == 0, msecs / 1000)

    def shutdown(self) -> None:
        """Close the worker threads' connections and let the threads go."""
        self._shut_down = True
        self.generation += 1
        with self._idle:
            # What still runs was for the window that is closing: stopped, not waited for
            # (a first page by relevance at a million items ranks for seconds).
            if self._interrupt is not None and self._running:
                self._interrupt()
            for _side, stop in self._sides.values():
                stop()
        for lane, thread in self._threads.items():
            jobs = self._jobs[lane]
            if thread.is_alive():
                with self._idle:
                    self._pending += 1
                jobs.put(None)
                thread.join(10)
                with self._idle:
                    self._pending -= 1
                    self._idle.notify_all()
        self._threads = {}
