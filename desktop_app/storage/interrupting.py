"""Stopping a statement that another thread's connection is running (SQLite), or knowing
that one was stopped (SQLite's interrupt, PostgreSQL's cancel)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from desktop_app.storage import search_pg
from desktop_app.storage.db.models import database_proxy


def interrupter() -> Callable[[], None]:
    """A function that stops whatever query this thread's connection is running when it is
    called (from any thread); the query then fails with `interrupted`. For a search the
    user has already replaced: a broad one's full list and counts take seconds at a million
    items, and the next search would wait for them."""
    connection: sqlite3.Connection = database_proxy.connection()
    return connection.interrupt


def was_interrupted(exc: BaseException) -> bool:
    """Whether `exc` is a query stopped by an `interrupter()`."""
    return "interrupted" in str(exc) or search_pg.was_cancelled(exc)
