"""An archive on a PostgreSQL server: `--database postgresql://user@host:port/dbname`.

The address goes to libpq as it is, so its own ways of finding a password (~/.pgpass, a
service file, PGPASSWORD) and TLS options (`?sslmode=verify-full`) apply; nothing of it is
stored by the program. Writers take one advisory lock per transaction, the server's
equivalent of SQLite's `BEGIN IMMEDIATE`: two writers queue instead of racing, and a writer
that waits longer than the busy timeout gets the same "try again" as with a file. Queries the
storage layer writes for SQLite (`?` placeholders, `connection().execute`) run unchanged:
the connection and cursor here translate them. Which role may do what is the server's
business (GRANT); a role without the right to write opens the archive read-only.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
from pathlib import Path
from typing import Any

import psycopg2
import psycopg2.errors
import psycopg2.extensions
import psycopg2.extras
from peewee import DatabaseError as PeeweeDatabaseError
from peewee import InterfaceError as PeeweeInterfaceError
from peewee import PostgresqlDatabase, Psycopg2Adapter

from desktop_app.core import messages as m
from desktop_app.core.errors import ArchiveError
from desktop_app.storage import sort_keys
from desktop_app.storage.db import pg_schema
from desktop_app.storage.db.errors import (
    ArchiveBusyError,
    DatabaseOpenError,
    DiskFullError,
    ReadOnlyArchiveError,
    ServerUnreachableError,
)
from desktop_app.storage.db.migrations import SCHEMA_VERSION, SchemaTooNewError, migrate
from desktop_app.storage.db.models import database_proxy
from desktop_app.storage.db.pg_driver import (
    _Connection,
    adapt_sql,
    connection_dead,
    connection_lost,
    display_address,
    pg_code,
)

__all__ = ["adapt_sql", "display_address", "pg_code"]

# The advisory lock every write transaction takes first (any constant: one per database).
WRITE_LOCK_KEY = 0x46524F4E544C4E45 & 0x7FFFFFFFFFFFFFFF
CONNECT_TIMEOUT_S = 10


def offline_copy_path(url: str, folder: Path) -> Path:
    """The local read-only copy of a server archive, in the program's data folder."""
    shown = display_address(url).removeprefix("postgresql://")
    slug = re.sub(r"[^A-Za-z0-9.-]+", "-", shown).strip("-")[:60]
    digest = hashlib.sha256(shown.encode()).hexdigest()[:8]
    return folder / "servers" / f"{slug}-{digest}.sqlite"


class DriverAdapter(Psycopg2Adapter):
    """peewee's psycopg2 adapter with the driver given here, not found at peewee's import.

    peewee is imported without psycopg2 (see `desktop_app/storage/__init__.py`), so its own
    adapter lacks the driver's transaction states, JSON type and connect; this one names
    them from the psycopg2 imported by this module. Our addresses are always URLs
    (`postgresql://…`), handed to libpq as the connection's DSN.
    """

    txn_idle = psycopg2.extensions.TRANSACTION_STATUS_IDLE
    txn_inerror = psycopg2.extensions.TRANSACTION_STATUS_INERROR
    txn_unknown = psycopg2.extensions.TRANSACTION_STATUS_UNKNOWN

    def __init__(self) -> None:
        super().__init__()
        self.json_type = self.jsonb_type = psycopg2.extras.Json

    def check_driver(self) -> None:
        pass  # imported above

    def get_binary_type(self) -> Any:
        return psycopg2.Binary

    def connect(self, db: Any, **params: Any) -> Any:
        return psycopg2.connect(dsn=db.database, **params)


class ServerDatabase(PostgresqlDatabase):
    """peewee's PostgresqlDatabase with serialised writers and errors a user can read."""

    server = True
    psycopg2_adapter = DriverAdapter

    def __init__(
        self,
        url: str,
        *,
        archive_path: Path,
        read_only: bool = False,
        busy_timeout_ms: int = 5000,
        **kw: Any,
    ) -> None:
        if url.lower().startswith("postgres://"):
            url = "postgresql://" + url[len("postgres://") :]  # peewee knows the long form
        if "connect_timeout" not in url:
            # A host that drops packets would otherwise hold the start for minutes before
            # the offline copy opens.
            kw.setdefault("connect_timeout", CONNECT_TIMEOUT_S)
        super().__init__(url, connection_factory=_Connection, **kw)
        self.url = url
        self.address = display_address(url)
        self.archive_path = archive_path
        self.read_only = read_only
        self.busy_timeout_ms = busy_timeout_ms
        self.role = ""

    def _initialize_connection(self, conn: Any) -> None:
        with conn.cursor() as cursor:
            cursor.execute(f"SET lock_timeout = {int(self.busy_timeout_ms)}")
            cursor.execute("SET application_name = 'frontline-archive'")
            cursor.execute("SELECT current_user")
            self.role = str(cursor.fetchone()[0])

    def _connect(self) -> Any:
        try:
            return super()._connect()
        except psycopg2.OperationalError as exc:
            raise ServerUnreachableError(unreachable_message(self.address, exc)) from exc

    def read_only_message(self) -> str:
        return m.render(m.READ_ONLY_ROLE, role=self.role or "?", address=self.address)

    def translate(self, exc: BaseException) -> ArchiveError | None:
        code = pg_code(exc)
        if code in ("55P03", "40001", "40P01"):  # lock timeout, serialisation, deadlock
            return ArchiveBusyError(m.BUSY)
        if code in ("53100", "53400"):  # disk full, configuration limit
            return DiskFullError(m.DISK_FULL)
        if code in ("42501", "25006"):  # no privilege, read-only transaction
            return ReadOnlyArchiveError(self.read_only_message())
        if code is None and connection_lost(exc):
            self._forget_connection()
            return ServerUnreachableError(m.render(m.CONNECTION_LOST, address=self.address))
        return None

    def _forget_connection(self) -> None:
        """This thread's connection is lost: the next call connects again (or says the server
        still cannot be reached) instead of failing on the dead one until the program ends."""
        conn = self._state.conn
        if conn is not None:
            conn.lost = True

    def is_closed(self) -> bool:
        """Also when this thread's connection died (peewee asks before every statement, and
        connects again when closed). Never inside a transaction: its statements would go on,
        on a new connection, without the ones before; its end (a rollback) comes first.
        So a search after the server restarted reads on a new connection, not the dead one."""
        state = self._state
        conn = state.conn
        idle = conn is not None and not state.closed and not state.transactions
        if idle and connection_dead(conn):
            with contextlib.suppress(psycopg2.Error):
                conn.close()
            state.reset()
        return bool(state.closed)

    def _in_transaction(self) -> bool:
        if self.is_closed():
            return False
        status = self.connection().get_transaction_status()
        return bool(status != psycopg2.extensions.TRANSACTION_STATUS_IDLE)

    def begin(self, isolation_level: Any = None) -> None:
        try:
            super().begin(isolation_level)
            if not self.read_only:
                # Writers one at a time, as SQLite's BEGIN IMMEDIATE: waits up to lock_timeout.
                self.cursor().execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK_KEY,))
        except (PeeweeDatabaseError, PeeweeInterfaceError, psycopg2.Error) as exc:
            self._discard_failed_begin()
            raise self.translate(exc) or exc from exc

    def _discard_failed_begin(self) -> None:
        try:
            if self._in_transaction():
                self.cursor().execute("ROLLBACK")
        except psycopg2.Error:
            pass

    def commit(self) -> None:
        try:
            if not self.read_only:
                # The sort keys of the items this transaction wrote (triggers noted them).
                sort_keys.catch_up(self)
            super().commit()
        except (PeeweeDatabaseError, PeeweeInterfaceError) as exc:
            raise self.translate(exc) or exc from exc

    def rollback(self) -> None:
        try:
            if self._in_transaction():
                super().rollback()
        except (PeeweeDatabaseError, psycopg2.Error):
            pass  # the connection is gone; the server rolled the transaction back

    def execute_sql(self, sql: str, params: Any = None) -> Any:
        if sql.startswith("ROLLBACK TO SAVEPOINT") and not self._in_transaction():
            return self.cursor()
        try:
            return super().execute_sql(sql, params)
        except (PeeweeDatabaseError, PeeweeInterfaceError) as exc:
            raise self.translate(exc) or exc from exc


def is_bound_to_server() -> bool:
    """Whether the models are bound to a server archive in this process."""
    return isinstance(database_proxy.obj, ServerDatabase)


def next_id(table: str) -> int:
    """The id the table's sequence gives next (what SQLite's AUTOINCREMENT would give)."""
    (last,) = database_proxy.execute_sql(
        f"SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END FROM {table}_id_seq"
    ).fetchone()
    (largest,) = database_proxy.execute_sql(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()
    return max(int(last), int(largest)) + 1


def take_ids(table: str, last: int) -> None:
    """Move the table's sequence past ids a write gave explicitly (bulk imports, copies)."""
    database_proxy.execute_sql(
        f"SELECT setval('{table}_id_seq',"
        f" greatest(%s, (SELECT coalesce(max(id), 1) FROM {table})))",
        (last,),
    )


# A team's roles: members log in with their own role and are granted one of these groups.
READERS, EDITORS = "frontline_readers", "frontline_editors"


def grant_statements(
    database: str,
    admin: str,
    *,
    readers: str = READERS,
    editors: str = EDITORS,
    schema: str = "public",
) -> list[str]:
    """The GRANTs that let `frontline_readers` browse, search and export the archive and
    `frontline_editors` also change it; the administrator (`admin`, the role that created
    the archive and owns its tables) alone upgrades it. Also for tables later releases add
    (ALTER DEFAULT PRIVILEGES). README "A team server" prints the same statements."""
    return [
        f"GRANT CONNECT ON DATABASE {database} TO {readers}, {editors}",
        f"GRANT USAGE ON SCHEMA {schema} TO {readers}, {editors}",
        f"GRANT SELECT ON ALL TABLES IN SCHEMA {schema} TO {readers}",
        f"GRANT SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {readers}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {schema} TO {editors}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {editors}",
        f"ALTER DEFAULT PRIVILEGES FOR ROLE {admin} IN SCHEMA {schema}"
        f" GRANT SELECT ON TABLES TO {readers}",
        f"ALTER DEFAULT PRIVILEGES FOR ROLE {admin} IN SCHEMA {schema}"
        f" GRANT SELECT ON SEQUENCES TO {readers}",
        f"ALTER DEFAULT PRIVILEGES FOR ROLE {admin} IN SCHEMA {schema}"
        f" GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {editors}",
        f"ALTER DEFAULT PRIVILEGES FOR ROLE {admin} IN SCHEMA {schema}"
        f" GRANT USAGE, SELECT ON SEQUENCES TO {editors}",
    ]


CHANNEL = "frontline_archive"


def others_writes() -> int:
    """How many transactions of other connections have written to the archive since this
    thread's connection first asked (SQLite's `data_version` for a server): every write sends
    NOTIFY with its backend's pid, delivered when it commits; this connection's own are not
    counted."""
    connection = database_proxy.connection()
    if not getattr(connection, "listening", False):
        connection.cursor().execute(f"LISTEN {CHANNEL}")
        connection.listening = True
        connection.others = 0
    try:
        connection.poll()
    except psycopg2.Error as exc:
        db = database_proxy.obj
        raise (db.translate(exc) if isinstance(db, ServerDatabase) else None) or exc from exc
    own = str(connection.get_backend_pid())
    while connection.notifies:
        note = connection.notifies.pop(0)
        if note.channel == CHANNEL and note.payload != own:
            connection.others += 1
    return int(connection.others)


def tell_others() -> None:
    """Send the NOTIFY of this transaction's write by hand (delivered when it commits), for
    a table without the trigger that sends it: the subscriptions' `source` (schema 8 put
    it on the archive's other tables only)."""
    database_proxy.execute_sql("SELECT pg_notify(%s, pg_backend_pid()::text)", (CHANNEL,))


def unreachable_message(address: str, exc: BaseException) -> str:
    """In plain words: a refused password, an unknown database, or a server not answering."""
    text = str(exc).strip()
    reason = text.splitlines()[0] if text else type(exc).__name__
    lowered = text.lower()
    if "password authentication failed" in lowered or "no password supplied" in lowered:
        return (
            f"{address}: the server refused the login: wrong or missing password ({reason}); "
            "give the password, or put it in ~/.pgpass"
        )
    if "does not exist" in lowered and "database" in lowered:
        return f"{address}: the server has no such database ({reason})"
    if "role" in lowered and "does not exist" in lowered:
        return f"{address}: the server knows no such user ({reason})"
    return f"{address}: the server cannot be reached or refused the login ({reason})"


def probe_server(url: str, *, timeout_s: int = 10) -> str:
    """Log in to the server at `url` and look at the database without changing or binding
    anything: its address when it holds an archive this release can open (or nothing yet:
    it will be created), else the reason in plain words (`ServerUnreachableError` when the
    server does not answer or refuses the login, `DatabaseOpenError` otherwise)."""
    address = display_address(url)
    try:
        con = psycopg2.connect(url, connect_timeout=max(1, int(timeout_s)))
    except psycopg2.Error as exc:
        raise ServerUnreachableError(unreachable_message(address, exc)) from exc
    try:
        with con.cursor() as cursor:
            cursor.execute(f"SELECT to_regclass('{pg_schema.VERSION_TABLE}')")
            if cursor.fetchone()[0] is not None:
                cursor.execute(f"SELECT max(version) FROM {pg_schema.VERSION_TABLE}")
                found = int(cursor.fetchone()[0] or 0)
                if found > SCHEMA_VERSION:
                    raise SchemaTooNewError(
                        f"{address}: this archive has schema version {found}; this release "
                        f"knows up to {SCHEMA_VERSION}. Update Frontline Archive to open it."
                    )
                return address
            cursor.execute(
                "SELECT table_name FROM information_schema.tables"
                " WHERE table_schema = current_schema() ORDER BY table_name"
            )
            names = [str(r[0]) for r in cursor.fetchall()]
    except psycopg2.Error as exc:
        raise DatabaseOpenError(f"{address}: {str(exc).strip()}") from exc
    finally:
        con.close()
    if names:
        shown = ", ".join(names[:5]) + (", …" if len(names) > 5 else "")
        raise DatabaseOpenError(
            f"{address}: not a Frontline Archive database (it holds {shown}); it was left unchanged"
        )
    return address


def can_write(db: ServerDatabase) -> bool:
    """Whether this role may change the archive's rows (an editor or an administrator)."""
    row = db.execute_sql(
        "SELECT has_table_privilege(current_user, 'item', 'INSERT, UPDATE, DELETE')"
    ).fetchone()
    return bool(row[0])


def open_server(
    url: str, *, data_folder: Path, busy_timeout_ms: int = 5000
) -> tuple[ServerDatabase, int, bool]:
    """Connect, check and upgrade the archive at `url`; returns the database, the schema
    version found (0: created now) and whether this role may only read."""
    db = ServerDatabase(
        url, archive_path=offline_copy_path(url, data_folder), busy_timeout_ms=busy_timeout_ms
    )
    try:
        db.connect(reuse_if_open=True)
        found = pg_schema.schema_version(db)
        if found > SCHEMA_VERSION:
            raise SchemaTooNewError(
                f"{db.address}: this archive has schema version {found}; this release knows "
                f"up to {SCHEMA_VERSION}. Update Frontline Archive to open it."
            )
        if found == 0:
            names = pg_schema.table_names(db)
            if names:
                shown = ", ".join(sorted(names)[:5]) + (", …" if len(names) > 5 else "")
                raise DatabaseOpenError(
                    f"{db.address}: not a Frontline Archive database (it holds {shown}); "
                    "it was left unchanged"
                )
        if found < SCHEMA_VERSION:
            _upgrade(db, found)
        read_only = not can_write(db)
        if not read_only and sort_keys.pending(db):
            with db.atomic():  # items another program wrote: the commit keys them
                pass
    except ArchiveError:
        db.close()
        raise
    except (PeeweeDatabaseError, psycopg2.Error) as exc:
        db.close()
        raise DatabaseOpenError(f"{db.address}: {str(exc).strip()}") from exc
    db.read_only = read_only
    return db, found, read_only


def _upgrade(db: ServerDatabase, found: int) -> None:
    try:
        with db.atomic():
            migrate(db)
    except ReadOnlyArchiveError as exc:
        what = "be created" if found == 0 else f"be upgraded to schema {SCHEMA_VERSION}"
        raise DatabaseOpenError(
            f"{db.address}: the archive needs to {what}, and the role {db.role} may not change "
            "its tables; ask the archive's administrator to open it once"
        ) from exc
    except RuntimeError as exc:  # a database the search cannot serve (pg_schema step 6)
        raise DatabaseOpenError(f"{db.address}: {exc}") from exc
