"""Server archives: opening, refusing, upgrading step by step, and the SQL translation that
lets storage's SQLite-style queries run on PostgreSQL."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from desktop_app.core.item import ARTICLE, ItemData
from desktop_app.storage.db.connection import open_archive
from desktop_app.storage.db.errors import DatabaseOpenError
from desktop_app.storage.db.migrations import SCHEMA_VERSION, SchemaTooNewError, migrate
from desktop_app.storage.db.models import database_proxy
from desktop_app.storage.db.pg_schema import schema_version
from desktop_app.storage.db.postgres import ServerDatabase, adapt_sql, display_address
from desktop_app.storage.items import save_item
from desktop_app.storage.search import search_item_ids

AT = dt.datetime(2024, 5, 12, 9, 30, tzinfo=dt.UTC)


def test_sqlite_placeholders_become_psycopg2_ones_and_literals_stay() -> None:
    sql, params = adapt_sql("SELECT '?', '%' FROM t WHERE a = ? AND b LIKE ? ESCAPE '\\'", [1, 2])
    assert sql == "SELECT '?', '%%' FROM t WHERE a = %s AND b LIKE %s ESCAPE '\\'"
    assert params == [1, 2]
    assert adapt_sql("SELECT 1 WHERE a = %s", [1]) == ("SELECT 1 WHERE a = %s", [1])
    assert adapt_sql("SELECT '%'", ()) == ("SELECT '%'", None)


def test_the_address_is_shown_without_its_password() -> None:
    shown = display_address("postgresql://anna:secret@db.example.org:5433/newsroom?sslmode=require")
    assert shown == "postgresql://anna@db.example.org:5433/newsroom"


def test_a_new_database_becomes_an_archive_at_the_current_schema(pg_url: str) -> None:
    archive = open_archive(pg_url)
    assert archive.created and not archive.read_only and archive.server is not None
    assert schema_version(archive.db) == SCHEMA_VERSION
    item = save_item(ItemData(ARTICLE, "Дрони над Харковом", AT))
    assert search_item_ids("харков") == [item]
    archive.db.close()
    again = open_archive(pg_url)
    assert not again.created and search_item_ids("дрони") == [item]
    again.db.close()


def test_every_step_runs_on_a_server_and_rows_survive_the_later_ones(pg_url: str) -> None:
    db = ServerDatabase(pg_url, archive_path=None)  # type: ignore[arg-type]
    db.connect()
    try:
        for target in range(1, SCHEMA_VERSION + 1):
            with db.atomic():
                migrate(db, target=target)
            assert schema_version(db) == target
            if target == 1:
                db.execute_sql(
                    "INSERT INTO item (kind, title, published_at, created_at, updated_at)"
                    " VALUES ('article', 'Kept through every step', ?, ?, ?)",
                    ["2024-05-12T09:30:00Z"] * 3,
                )
    finally:
        db.close()
    archive = open_archive(pg_url)
    assert not archive.created
    database_proxy.initialize(archive.db)
    assert len(search_item_ids("kept")) == 1
    archive.db.close()


def test_an_older_server_archive_is_upgraded_when_opened(pg_url: str) -> None:
    db = ServerDatabase(pg_url, archive_path=None)  # type: ignore[arg-type]
    db.connect()
    with db.atomic():
        migrate(db, target=SCHEMA_VERSION - 1)
    db.close()
    archive = open_archive(pg_url)
    assert schema_version(archive.db) == SCHEMA_VERSION and not archive.created
    archive.db.close()


def test_a_newer_or_foreign_database_is_refused_and_left_as_it_was(
    pg_url: str, pg_server: Any
) -> None:
    archive = open_archive(pg_url)
    archive.db.close()
    name = pg_url.partition("?")[0].rpartition("/")[2]
    pg_server.execute(f"UPDATE archive_schema SET version = {SCHEMA_VERSION + 1}", database=name)
    with pytest.raises(SchemaTooNewError, match="Update Frontline Archive"):
        open_archive(pg_url)

    other = pg_server.new_database()
    other_name = other.partition("?")[0].rpartition("/")[2]
    pg_server.execute("CREATE TABLE invoices (id INTEGER)", database=other_name)
    with pytest.raises(DatabaseOpenError, match=r"not a Frontline Archive database.*invoices"):
        open_archive(other)
    db = ServerDatabase(other, archive_path=None)  # type: ignore[arg-type]
    db.connect()
    tables = db.execute_sql(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
    ).fetchall()
    db.close()
    assert tables == [("invoices",)]


def test_login_failures_are_said_in_plain_words() -> None:
    import psycopg2

    from desktop_app.storage.db.postgres import unreachable_message

    where = "postgresql://anna@db.example.org/frontline"
    refused = psycopg2.OperationalError(
        'connection to server at "db.example.org" failed: FATAL:  password authentication '
        'failed for user "anna"'
    )
    assert unreachable_message(where, refused).startswith(
        f"{where}: the server refused the login: wrong or missing password ("
    )
    missing = psycopg2.OperationalError("fe_sendauth: no password supplied")
    assert "wrong or missing password" in unreachable_message(where, missing)
    assert "no such database" in unreachable_message(
        where, psycopg2.OperationalError('FATAL:  database "frontline" does not exist')
    )
    assert "cannot be reached" in unreachable_message(
        where, psycopg2.OperationalError("could not translate host name")
    )


# Opens a server archive in a fresh process where peewee was imported without psycopg2, as in
# the program (desktop_app/storage/__init__.py); the driver reaches peewee only through
# DriverAdapter.
_WITHOUT_DRIVER_AT_IMPORT = r"""
import sys
import desktop_app.storage.db.connection as connection
import peewee
assert peewee.psycopg2 is None and "psycopg2" not in sys.modules
archive = connection.open_archive(sys.argv[1])
from desktop_app.core.item import ARTICLE, ItemData
from desktop_app.storage.items import save_item
import datetime as dt
with archive.db.atomic():
    save_item(ItemData(kind=ARTICLE, title="Drones over Kharkiv", body="A night attack.",
                       published_at=dt.datetime(2024, 1, 5, 9, 0, tzinfo=dt.timezone.utc)))
titles = [row[0] for row in archive.db.execute_sql("SELECT title FROM item").fetchall()]
print(archive.server is not None, titles)
"""


def test_a_server_archive_opens_with_the_driver_given_after_peewee(pg_url: str) -> None:
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-c", _WITHOUT_DRIVER_AT_IMPORT, pg_url],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "True ['Drones over Kharkiv']"
