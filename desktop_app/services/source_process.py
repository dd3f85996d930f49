"""Fetching the sources in a child process, so the window's process keeps its GIL to itself.

An update asks thousands of pages (httpx reads each in Python), reads feeds and extracts
articles. Done on threads of the window's process, that work holds the interpreter lock so
often that each of the hundreds of Python calls a list repaint makes may wait for it, and
the window stutters (docs/BENCHMARKS.md, the update benchmark). Here the whole network step
(`subscriptions.fetch_source`, with its per-host limits and the helper processes that read
feeds and pages) runs in one child process, started on first use and kept while the window
is open; each source's `SourceFetch` comes back by a queue as it is ready, and the window's
process only stores it. Nothing here touches the archive.

A frozen bundle, or a child that cannot start, fetches on the caller's threads instead.
"""

from __future__ import annotations

import atexit
import contextlib
import itertools
import logging
import os
import queue
import sys
import threading
from collections.abc import Callable, Sequence
from functools import partial
from multiprocessing import get_context
from typing import Any

from desktop_app.services.source_fetch import Plan, SourceFetch

log = logging.getLogger(__name__)
WORKERS = 4
_POLL_S = 0.25
# The child gives up waiting for work after this long without its parent.
_ORPHAN_POLL_S = 5.0
_EVERY_JOB = 2**62


class FetchProcessError(RuntimeError):
    """The child process stopped before it answered (its sources count as failed)."""


def fetch_all(
    plans: Sequence[Plan],
    emit: Callable[[SourceFetch], None],
    stop: threading.Event | None = None,
    *,
    workers: int = WORKERS,
) -> None:
    """Fetch every plan on `workers` threads of this process; `emit` each as it is ready.

    When `stop` is set this returns at once: a request still waiting for its answer (a
    stalled host) is abandoned, not waited for. Its thread ends with the request's own
    timeout, its result dropped; the threads are daemons, so no exit waits for them either.
    """
    from desktop_app.services.fetching import Fetcher
    from desktop_app.services.subscriptions import fetch_source

    todo: queue.SimpleQueue[Plan] = queue.SimpleQueue()
    for plan in plans:
        todo.put(plan)
    ready: queue.SimpleQueue[tuple[SourceFetch | None, BaseException | None]]
    ready = queue.SimpleQueue()
    abandoned = threading.Event()
    fetcher = Fetcher()

    def work() -> None:
        while not abandoned.is_set():
            try:
                plan = todo.get_nowait()
            except queue.Empty:
                return
            try:
                ready.put((fetch_source(plan, fetcher), None))
            except BaseException as exc:  # raised in the caller's thread, as it was
                ready.put((None, exc))

    threads = [
        threading.Thread(target=work, name="source fetch", daemon=True)
        for _ in range(max(1, min(workers, len(plans))))
    ]
    for thread in threads:
        thread.start()
    try:
        for _ in plans:
            fetched, failure = _next(ready, stop)
            if fetched is None and failure is None:
                return  # stopped
            if failure is not None:
                raise failure
            assert fetched is not None
            emit(fetched)
    finally:
        abandoned.set()
        # The client is closed once no thread uses it: now, or when an abandoned request
        # has ended (on a thread of its own, so that Stop does not wait for it).
        threading.Thread(
            target=_close_after, args=(threads, fetcher), name="fetcher close", daemon=True
        ).start()


def _next(
    ready: queue.SimpleQueue[tuple[SourceFetch | None, BaseException | None]],
    stop: threading.Event | None,
) -> tuple[SourceFetch | None, BaseException | None]:
    """The next fetch that is ready, or (None, None) as soon as `stop` is set."""
    while stop is None or not stop.is_set():
        try:
            return ready.get(timeout=_POLL_S)
        except queue.Empty:
            continue
    return None, None


def _close_after(threads: Sequence[threading.Thread], fetcher: Any) -> None:
    for thread in threads:
        thread.join()
    fetcher.close()


def _serve(requests: Any, results: Any, cancel: Any, parent: int) -> None:
    """The child: one update after another until told to stop (None) or orphaned."""
    from desktop_app.services import helper_process

    # Fetching is background work: when the window's GUI thread wants the CPU, it comes
    # first (the helpers below lower their own priority further).
    if hasattr(os, "nice"):
        with contextlib.suppress(OSError):
            os.nice(5)
    # Feeds and pages are read in helper processes of this child, so the four fetching
    # threads here never wait on one another's parsing.
    helper_process.use_helper(True)
    stop = threading.Event()
    try:
        while True:
            try:
                request = requests.get(timeout=_ORPHAN_POLL_S)
            except queue.Empty:
                if os.getppid() != parent:
                    return
                continue
            if request is None:
                return
            job, plans = request
            stop.clear()

            done = threading.Event()
            watcher = threading.Thread(target=_watch, args=(cancel, job, stop, done), daemon=True)
            watcher.start()
            try:
                fetch_all(plans, partial(_send, results, job), stop)
            except Exception as exc:  # reported to the window, which lists it as an error
                log.exception("fetching the sources failed")
                results.put(("failed", job, f"{type(exc).__name__}: {exc}"))
            finally:
                done.set()
            results.put(("done", job, None))
    finally:
        helper_process.shutdown_helper(wait=True)


def _send(results: Any, job: int, fetched: SourceFetch) -> None:
    results.put(("fetched", job, fetched))


def _watch(cancel: Any, job: int, stop: threading.Event, done: threading.Event) -> None:
    """In the child: turn the window's cancel of this job (or a later one) into its stop."""
    while not done.wait(_POLL_S):
        if cancel.value >= job:
            stop.set()
            return


class FetchProcess:
    """The child process that fetches; one update at a time (the updater sees to that)."""

    def __init__(self) -> None:
        self._context = get_context("spawn")
        self._process: Any = None
        self._requests: Any = None
        self._results: Any = None
        self._cancel: Any = None
        self._jobs = itertools.count(1)
        self._lock = threading.Lock()

    @staticmethod
    def available() -> bool:
        return not getattr(sys, "frozen", False)

    def _start(self) -> None:
        with self._lock:
            if self._process is not None and self._process.is_alive():
                return
            ctx = self._context
            # The newest job stopped: a number, not a flag, so that the next job's start
            # cannot clear a Stop the child has not seen yet (it would wait for a stalled
            # request of the stopped job before it began the next).
            self._requests, self._results = ctx.Queue(), ctx.Queue()
            self._cancel = ctx.Value("q", 0)
            # Not a daemon: it starts helper processes of its own. It ends when told, or by
            # itself within seconds of this process ending.
            self._process = ctx.Process(
                target=_serve,
                args=(self._requests, self._results, self._cancel, os.getpid()),
                name="frontline-archive fetcher",
            )
            self._process.start()
            # Before multiprocessing's own exit handler, which would wait for it forever.
            atexit.register(self.close)

    def fetch(
        self,
        plans: Sequence[Plan],
        emit: Callable[[SourceFetch], None],
        stop: threading.Event,
    ) -> int:
        """Fetch in the child and `emit` each result here as it arrives (blocks: call it on
        a worker thread). Returns how many came back; FetchProcessError if the child died."""
        if not plans:
            return 0
        self._start()
        job = next(self._jobs)
        self._requests.put((job, list(plans)))
        received = 0
        while True:
            if stop.is_set():
                self._cancel.value = job
                return received
            try:
                kind, answered, payload = self._results.get(timeout=_POLL_S)
            except queue.Empty:
                if not self._process.is_alive():
                    self._process = None
                    raise FetchProcessError("the fetching process stopped unexpectedly") from None
                continue
            if answered != job:
                continue  # the rest of an update that was stopped
            if kind == "fetched":
                received += 1
                emit(payload)
            elif kind == "failed":
                raise FetchProcessError(str(payload))
            else:
                return received

    def close(self, timeout: float = 3.0) -> None:
        """Tell the child to end, and make sure it does."""
        with self._lock:
            process, self._process = self._process, None
        if process is None:
            return
        atexit.unregister(self.close)
        with contextlib.suppress(Exception):
            self._cancel.value = _EVERY_JOB
            self._requests.put(None)
        process.join(timeout)
        if process.is_alive():
            process.terminate()
            process.join(1)
        for q in (self._requests, self._results):
            with contextlib.suppress(Exception):
                q.cancel_join_thread()
                q.close()
