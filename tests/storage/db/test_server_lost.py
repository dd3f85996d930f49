"""A server that stops in the middle of a session: every call says so in plain words, nothing
half-written is kept, and once the server is back the same program goes on without a restart.

A server of the module's own (`stoppable_pg_server`: the session's is shared by the other tests),
stopped at once as a crash or a pulled cable would stop it, then started again on its data."""

from __future__ import annotations

import contextlib
import datetime as dt
from typing import Any

import pytest

from desktop_app.core.item import ARTICLE, ItemData
from desktop_app.services.archive_state import data_version
from desktop_app.storage.db.connection import open_archive
from desktop_app.storage.db.errors import ServerUnreachableError
from desktop_app.storage.items import save_item
from desktop_app.storage.search import search_item_ids

AT = dt.datetime(2024, 5, 12, 9, 30, tzinfo=dt.UTC)


def test_a_stopped_server_is_said_plainly_and_writing_works_again_when_it_is_back(
    stoppable_pg_server: Any,
) -> None:
    archive = open_archive(stoppable_pg_server.new_database())
    try:
        save_item(ItemData(ARTICLE, "Before the server stopped", AT))
        data_version()
        stoppable_pg_server.pause()
        with contextlib.suppress(ServerUnreachableError):
            data_version()  # the window's poll may be the first to meet the dead connection
        for _ in range(3):  # every attempt meanwhile: the same plain sentence, not libpq's
            with pytest.raises(ServerUnreachableError, match="postgresql://"):
                save_item(ItemData(ARTICLE, "While the server is away", AT))
            with pytest.raises(ServerUnreachableError, match="postgresql://"):
                search_item_ids("server")
            with pytest.raises(ServerUnreachableError, match="postgresql://"):
                data_version()
        stoppable_pg_server.resume()
        data_version()
        save_item(ItemData(ARTICLE, "After the server came back", AT))
        found = search_item_ids("server")
        assert len(found) == 2  # the one tried while it was away was never written
    finally:
        archive.db.close()


def test_stopping_the_statements_of_a_dropped_connection_is_harmless(
    stoppable_pg_server: Any,
) -> None:
    """A window closing stops what its lanes run (`interrupt`); on a connection the server
    dropped, psycopg2's cancel() raised 'connection already closed' out of the close."""
    archive = open_archive(stoppable_pg_server.new_database())
    try:
        conn = archive.db.connection()
        stoppable_pg_server.pause()
        with contextlib.suppress(ServerUnreachableError):
            data_version()  # meets the dead connection
        conn.close()
        conn.interrupt()  # closed: nothing to stop, nothing raised
        stoppable_pg_server.resume()
    finally:
        archive.db.close()
