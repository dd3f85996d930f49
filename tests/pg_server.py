"""A real PostgreSQL server for the tests, started by the tests themselves.

The `pgserver` wheel (a `test` dependency) carries PostgreSQL's binaries: the first test that
needs a server runs initdb and pg_ctl in a temporary folder (about 5 s), later ones get a
new empty database on it (CREATE DATABASE, about 0.1 s each). FRONTLINE_TEST_PG=ADDRESS
uses a server you already run instead (a role that may create databases and roles).
Nothing is installed by hand; without the wheel the server tests skip and say why.
"""

from __future__ import annotations

import atexit
import contextlib
import itertools
import os
import re
import shutil
import tempfile
import uuid
import warnings
from pathlib import Path
from typing import Any

import pytest

ENV_VAR = "FRONTLINE_TEST_PG"


class TestServer:
    """One running server and the databases and roles made on it for tests."""

    def __init__(self, admin_url: str, handle: Any = None, folder: Path | None = None) -> None:
        self.admin_url = admin_url
        self._handle = handle
        self._folder = folder
        self._template: str | None = None
        self._scratch: str | None = None
        self._names = itertools.count(1)
        self._prefix = "fa_" + uuid.uuid4().hex[:8]
        self.paused = False

    def execute(self, *statements: str, database: str | None = None) -> None:
        import psycopg2

        con = psycopg2.connect(self.url(database) if database else self.admin_url)
        con.autocommit = True
        try:
            with con.cursor() as cursor:
                for sql in statements:
                    cursor.execute(sql)
        finally:
            con.close()

    def url(self, database: str, user: str | None = None) -> str:
        """The admin address with another database (and user)."""
        base, _, query = self.admin_url.partition("?")
        head, _, _ = base.rpartition("/")
        if user is not None:
            head = re.sub(r"//[^@/]*@", f"//{user}@", head)
        return f"{head}/{database}" + (f"?{query}" if query else "")

    def new_database(self, template: str = "template0") -> str:
        """A new empty database (UTF-8, C.UTF-8 character classes); returns its address."""
        name = f"{self._prefix}_{next(self._names)}"
        self.execute(
            f"CREATE DATABASE {name} TEMPLATE {template} ENCODING 'UTF8' "
            "LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' STRATEGY FILE_COPY"
        )
        return self.url(name)

    def new_archive(self) -> str:
        """A new database holding an empty archive at the current schema (a copy of one
        made once per session, much faster than running the migrations each time)."""
        if self._template is None:
            from desktop_app.storage.db.postgres import open_server

            url = self.new_database()
            db, _, _ = open_server(url, data_folder=Path(tempfile.gettempdir()))
            db.close()
            self._template = url.partition("?")[0].rpartition("/")[2]
        return self.new_database(self._template)

    def emptied_archive(self) -> str:
        """An archive at the current schema with no rows, its ids starting at 1 again: one
        database per session, emptied before each test (TRUNCATE: faster than copying)."""
        if self._scratch is None:
            self._scratch = self.new_archive()
            return self._scratch
        import psycopg2

        con = psycopg2.connect(self._scratch)
        con.autocommit = True
        try:
            with con.cursor() as cursor:
                cursor.execute(
                    "SELECT string_agg(quote_ident(table_name), ', ')"
                    " FROM information_schema.tables"
                    " WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
                    " AND table_name <> 'archive_schema'"
                )
                (tables,) = cursor.fetchone()
                cursor.execute(f"TRUNCATE {tables} RESTART IDENTITY CASCADE")
        finally:
            con.close()
        return self._scratch

    def tune_for_tests(self) -> None:
        """Durability off: a test server's data is thrown away anyway."""
        self.execute(
            "ALTER SYSTEM SET fsync = off",
            "ALTER SYSTEM SET synchronous_commit = off",
            "ALTER SYSTEM SET full_page_writes = off",
            "SELECT pg_reload_conf()",
        )

    def new_role(self, kind: str) -> str:
        """A new login role named after what it is for (reader, editor)."""
        name = f"{self._prefix}_{kind}_{next(self._names)}"
        self.execute(f"CREATE ROLE {name} LOGIN")
        return name

    def pause(self) -> None:
        """Stop the server at once, as a crash or a pulled cable would (its own, started here)."""
        from pgserver import _commands

        _commands.pg_ctl(
            ["-m", "immediate", "-w", "stop"],
            pgdata=self._handle.pgdata,
            user=self._handle.system_user,
        )
        self.paused = True

    def resume(self) -> None:
        """Start the paused server again, on the same data and address."""
        from pgserver import _commands

        found = re.search(r"[?&]host=([^&]+)", self.admin_url)
        assert found is not None, "only a server these tests started can be resumed"
        log = str(self._handle.pgdata / "resumed.log")
        _commands.pg_ctl(
            ["-w", "-o", '-h ""', "-o", f"-k {found.group(1)}", "-l", log, "start"],
            pgdata=self._handle.pgdata,
            user=self._handle.system_user,
        )
        self.paused = False

    def stop(self) -> None:
        if self._handle is not None:
            from pgserver import _commands  # type: ignore[import-untyped]

            # Immediate: its data is deleted next, there is nothing to write out first.
            with contextlib.suppress(Exception):
                _commands.pg_ctl(
                    ["-m", "immediate", "-w", "stop"],
                    pgdata=self._handle.pgdata,
                    user=self._handle.system_user,
                )
            # pgserver's own clean-up at exit would try to stop it again and complain.
            atexit.unregister(self._handle._cleanup)
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)


def start_server() -> TestServer:
    given = os.environ.get(ENV_VAR)
    if given:
        return TestServer(given)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # platformdirs: no XDG_RUNTIME_DIR on a bare machine
            import pgserver  # type: ignore[import-untyped]
    except ImportError:
        pytest.skip("no PostgreSQL for the tests: install the test extra (pgserver)")
    # Not under pytest's own temporary folder: run as root, the server runs as another user
    # (PostgreSQL refuses root), who must be able to reach its data folder.
    folder = Path(tempfile.mkdtemp(prefix="frontline-pg-"))
    folder.chmod(0o755)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # platformdirs: no XDG_RUNTIME_DIR on a bare machine
        handle = pgserver.get_server(folder / "pgdata", cleanup_mode="delete")
    server = TestServer(handle.get_uri("postgres"), handle, folder)
    server.tune_for_tests()
    return server
