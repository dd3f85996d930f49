"""Stopping a statement that another thread's connection is running (SQLite), or knowing
that one was stopped (SQLite's interrupt, PostgreSQL's cancel)."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Iterator

from desktop_app.storage import search_pg
from desktop_app.storage.db.models import database_proxy


def interrupter() -> Callable[[], None]:
    """A function that stops whatever query this thread's connection is running when it is
    called (from any thread); the query then fails with `interrupted`. For a search the
    user has already replaced: a broad one's full list and counts take seconds at a million
    items, and the next search would wait for them."""
    connection: sqlite3.Connection = database_proxy.connection()
    return connection.interrupt


@contextlib.contextmanager
def stopped_when(cancelled: Callable[[], bool], every: int = 10_000) -> Iterator[None]:
    """While inside, this thread's SQLite statements stop (as `interrupted`) once `cancelled`
    says so, asked every `every` steps of SQLite's machine. An `interrupter()` called
    between two statements is lost (SQLite clears it when the next one starts); this still
    stops the next. Nothing on a server, whose cancel is the interrupter's."""
    connection = database_proxy.connection() if database_proxy.obj is not None else None
    if not isinstance(connection, sqlite3.Connection):
        yield
        return
    connection.set_progress_handler(lambda: int(cancelled()), every)
    try:
        yield
    finally:
        connection.set_progress_handler(None, 0)


def was_interrupted(exc: BaseException) -> bool:
    """Whether `exc` is a query stopped by an `interrupter()`."""
    return "interrupted" in str(exc) or search_pg.was_cancelled(exc)
