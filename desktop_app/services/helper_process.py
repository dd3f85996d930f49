"""CPU-heavy, pure work (reading a feed, extracting a page's text) in a helper process.

Reading feeds and extracting articles is lxml and trafilatura work that holds the GIL for
milliseconds at a time; in helper processes it costs the fetching threads nothing. The
window's fetching process (services.source_process) turns the helpers on (`use_helper(True)`);
they are started on first use and kept (their start, ~1 s, is paid once), at a lower CPU
priority than the window, and end with the process that started them. A command does the
work in its own threads, as does a frozen bundle, and any call when the helper broke (it is
started again for the next one).
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import get_context
from typing import Any, TypeVar

T = TypeVar("T")
TIMEOUT = 120.0
# Two processes: the machines this runs on have two cores or more.
WORKERS = 2
_pool: ProcessPoolExecutor | None = None
_lock = threading.Lock()
_wanted = False


def use_helper(on: bool) -> None:
    """Do the work in helper processes from now on (the window), or in the caller's thread."""
    global _wanted
    _wanted = on
    if not on:
        shutdown_helper()


def _lower_priority() -> None:
    """In the helper: yield the CPU to the window (its GUI thread) when both want it, and
    end with the process that started it, however that one ended."""
    if hasattr(os, "nice"):
        with contextlib.suppress(OSError):
            os.nice(10)
    threading.Thread(target=_end_with_parent, args=(os.getppid(),), daemon=True).start()


def _end_with_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(2)
    os._exit(0)


def _executor() -> ProcessPoolExecutor | None:
    global _pool
    if not _wanted or getattr(sys, "frozen", False):
        return None
    with _lock:
        if _pool is None:
            _pool = ProcessPoolExecutor(
                max_workers=WORKERS, mp_context=get_context("spawn"), initializer=_lower_priority
            )
        return _pool


def shutdown_helper(*, wait: bool = False) -> None:
    """End the helper processes (when the window closes; a command's end with it). `wait`
    when this process is about to end: otherwise the helpers may outlive it."""
    global _pool
    with _lock:
        pool, _pool = _pool, None
    if pool is not None:
        pool.shutdown(wait=wait, cancel_futures=True)


def in_helper(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """`fn(*args, **kwargs)` in the helper process (a module-level, pure function)."""
    pool = _executor()
    if pool is not None:
        try:
            return pool.submit(fn, *args, **kwargs).result(timeout=TIMEOUT)
        except (BrokenProcessPool, TimeoutError, OSError):
            shutdown_helper()  # crashed or stuck: this call runs here, the next starts anew
    return fn(*args, **kwargs)
