"""psycopg2 as the storage layer uses it: SQLite-style SQL (`?` placeholders,
`connection().execute`) runs unchanged, and a connection the server dropped (it stopped or
restarted) is recognised, said in plain words and replaced on its next use."""

from __future__ import annotations

import contextlib
import re
from typing import Any

import psycopg2
import psycopg2.extensions

from desktop_app.core import messages as m
from desktop_app.storage.db.errors import ServerUnreachableError

_QUOTED = re.compile(r"'(?:[^']|'')*'")


def display_address(url: str) -> str:
    """user@host:port/dbname, without a password (for messages, titles and the log)."""
    try:
        parts = psycopg2.extensions.parse_dsn(url)
    except psycopg2.ProgrammingError:
        return re.sub(r"//[^@/]*@", "//", url.split("?")[0])
    user = parts.get("user", "")
    host = parts.get("host", "") or "localhost"
    if host.startswith("/"):
        host = "localhost"
    port = f":{parts['port']}" if parts.get("port") else ""
    name = parts.get("dbname", "")
    return f"postgresql://{user + '@' if user else ''}{host}{port}/{name}"


def adapt_sql(sql: str, params: Any) -> tuple[str, Any]:
    """SQLite-style `?` placeholders to psycopg2's `%s` (a `%` of the text doubled); SQL that
    peewee wrote for PostgreSQL already has `%s` and passes as it is."""
    if not params:
        return sql, None
    if "?" not in _QUOTED.sub("", sql):
        return sql, params
    parts = _QUOTED.split(sql)
    quoted = _QUOTED.findall(sql)
    out = [parts[0].replace("%", "%%").replace("?", "%s")]
    for literal, rest in zip(quoted, parts[1:], strict=True):
        out.append(literal.replace("%", "%%"))
        out.append(rest.replace("%", "%%").replace("?", "%s"))
    return "".join(out), params


class _Cursor(psycopg2.extensions.cursor):
    """Also says a lost connection in plain words for the storage's own SQL (`connection()
    .execute`, which peewee's error handling does not see)."""

    def execute(self, query: str, vars: Any = None) -> Any:
        try:
            return super().execute(*adapt_sql(query, vars))
        except psycopg2.Error as exc:
            if connection_lost(exc):
                raise lost_connection(self.connection) from exc
            raise

    def executemany(self, query: str, vars_list: Any) -> Any:
        rows = list(vars_list)
        sql, _ = adapt_sql(query, rows[0] if rows else None)
        try:
            return super().executemany(sql, rows)
        except psycopg2.Error as exc:
            if connection_lost(exc):
                raise lost_connection(self.connection) from exc
            raise


class _Connection(psycopg2.extensions.connection):
    """psycopg2's connection with the two calls storage makes on sqlite3's."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.cursor_factory = _Cursor

    def execute(self, sql: str, params: Any = ()) -> Any:
        cursor = self.cursor()
        cursor.execute(sql, params)
        return cursor

    def interrupt(self) -> None:
        # Best effort, as sqlite3's: a connection the server already dropped has nothing
        # running to stop (cancel() raised "connection already closed" in a window's close).
        if self.closed:
            return
        with contextlib.suppress(psycopg2.Error):
            self.cancel()


def pg_code(exc: BaseException) -> str | None:
    """The SQLSTATE behind `exc` (peewee wraps psycopg2's errors)."""
    seen: BaseException | None = exc
    for _ in range(4):
        if seen is None:
            return None
        code = getattr(seen, "pgcode", None)
        if isinstance(code, str):
            return code
        first = seen.args[0] if seen.args else None
        seen = first if isinstance(first, BaseException) else seen.__context__
    return None


def connection_lost(exc: BaseException) -> bool:
    """Whether libpq lost the server: an error of the connection itself, without a SQLSTATE
    (what a server says always has one). A server that stops mid-session gives a plain
    `DatabaseError` first ("server closed the connection unexpectedly"), then
    `OperationalError`, then `InterfaceError` ("connection already closed")."""
    seen: BaseException | None = exc
    for _ in range(4):
        if seen is None:
            return False
        connection_error = type(seen) is psycopg2.DatabaseError or isinstance(
            seen, psycopg2.OperationalError | psycopg2.InterfaceError
        )
        if connection_error and getattr(seen, "pgcode", None) is None:
            return True
        first = seen.args[0] if seen.args else None
        seen = first if isinstance(first, BaseException) else seen.__context__
    return False


def connection_dead(conn: Any) -> bool:
    """Whether an idle connection is gone: lost before, or the server closed it meanwhile
    (stopped, restarted). `poll` reads what waits on the socket without blocking."""
    if conn.closed or getattr(conn, "lost", False):
        return True
    if conn.get_transaction_status() != psycopg2.extensions.TRANSACTION_STATUS_IDLE:
        return False
    try:
        # Twice: a server that stops sends its last words ("terminating connection") before
        # it closes the socket; the first poll reads those, the second finds the socket closed.
        conn.poll()
        conn.poll()
    except psycopg2.Error:
        return True
    return bool(conn.closed)


def lost_connection(conn: Any) -> ServerUnreachableError:
    conn.lost = True
    address = display_address(conn.dsn)
    return ServerUnreachableError(m.render(m.CONNECTION_LOST, address=address))
