"""Several people on one archive: who changed what, their version of a row, and the server
archives the window opens (addresses without passwords, whether a server answers).

The window reads these on its read lane (never on the GUI thread); nothing here is Qt.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

from desktop_app.core.errors import ArchiveError
from desktop_app.core.report import LossReport
from desktop_app.storage.db.pg_schema import is_server_address
from desktop_app.storage.items import StoredItem, get_item
from desktop_app.storage.reports import load_report
from desktop_app.storage.versions import (
    ConflictError,
    FigureChange,
    Stamp,
    item_stamp,
    report_stamp,
)
from desktop_app.storage.versions import figure_history as _figure_history

__all__ = [
    "ConflictError",
    "FigureChange",
    "ServerFields",
    "Stamp",
    "figure_history",
    "is_server_address",
    "item_stamp",
    "report_stamp",
    "their_item",
    "their_report",
]

SSL_MODES = ("prefer", "disable", "allow", "require", "verify-ca", "verify-full")
KEYRING_SERVICE = "frontline-archive"


def figure_history(date: dt.date) -> list[FigureChange]:
    """Every recorded change of the figures of the report of `date`, newest first."""
    return list(reversed(_figure_history(date)))


def their_report(date: dt.date) -> tuple[LossReport | None, Stamp | None]:
    """The report as stored now and its version. The version is read first: should someone
    save in between, the content is newer than the version, and the next save with it is
    refused again rather than overwriting unseen figures."""
    stamp = report_stamp(date)
    return load_report(date), stamp


def their_item(item_id: int) -> tuple[StoredItem | None, Stamp | None]:
    """The item as stored now and its version (read in the same order as their_report)."""
    stamp = item_stamp(item_id)
    return get_item(item_id), stamp


# -- server addresses ------------------------------------------------------------------------
@dataclass(frozen=True)
class ServerFields:
    """What File ▸ Open archive… asks for a server; never a password."""

    host: str
    database: str
    user: str = ""
    port: int | None = None
    sslmode: str = "prefer"

    def address(self) -> str:
        """postgresql://user@host:port/database?sslmode=… (no password, ever). A host that
        is a folder (the server's Unix socket) goes in `?host=`, as libpq reads it."""
        user = quote(self.user, safe="") + "@" if self.user else ""
        host = self.host.strip() or "localhost"
        query = []
        if host.startswith("/"):
            query.append(f"host={host}")
            host = ""
        elif ":" in host and not host.startswith("["):
            host = f"[{host}]"  # an IPv6 address
        port = f":{self.port}" if self.port else ""
        if self.sslmode and self.sslmode != "prefer":
            query.append(f"sslmode={self.sslmode}")
        tail = "?" + "&".join(query) if query else ""
        return f"postgresql://{user}{host}{port}/{quote(self.database, safe='')}{tail}"

    @property
    def key(self) -> str:
        """The keyring's name for this login: user@host:port/database."""
        return self.address().removeprefix("postgresql://").split("?")[0]


def fields_of(address: str) -> ServerFields:
    """The fields of a `postgresql://` address (a password in it is dropped)."""
    parts = urlsplit(address)
    sslmode, host = "prefer", ""
    for pair in parts.query.split("&"):
        name, _, value = pair.partition("=")
        if name == "sslmode" and value in SSL_MODES:
            sslmode = value
        elif name == "host":
            host = unquote(value)
    where = parts.netloc.rpartition("@")[2]
    if not host:
        if where.startswith("["):  # an IPv6 address, maybe with a port after it
            host = where[1:].partition("]")[0]
        else:
            host = unquote(where.partition(":")[0])
        host = host or "localhost"
    return ServerFields(
        host=host,
        database=unquote(parts.path.lstrip("/")),
        user=unquote(parts.username or ""),
        port=parts.port,
        sslmode=sslmode,
    )


def without_password(address: str) -> str:
    """The address to remember (recent archives, settings): no password in it."""
    if not is_server_address(address):
        return address
    parts = urlsplit(address)
    if parts.password is None:
        return address
    return fields_of(address).address()


def with_password(address: str, password: str) -> str:
    """The address as handed to libpq for this session only (kept in memory)."""
    if not password:
        return address
    parts = urlsplit(address)
    user = quote(unquote(parts.username or ""), safe="")
    host = parts.netloc.rpartition("@")[2]
    netloc = f"{user}:{quote(password, safe='')}@{host}"
    return parts._replace(netloc=netloc).geturl()


# -- opening ---------------------------------------------------------------------------------
def check_archive(target: str) -> str:
    """Look at the archive `target` names (a file or a server address) without binding it:
    an error the user can read when it cannot be opened (a server that does not answer, a
    refused login, a database or file that is not an archive); else its name to show.
    The window runs this on its read lane before it switches to the archive."""
    from desktop_app.storage.db import pg_schema

    if pg_schema.is_server_address(target):
        from desktop_app.storage.db.postgres import probe_server

        return probe_server(target)
    from desktop_app.storage.db.connection import archive_path_from, inspect_archive_file

    file = archive_path_from(target)
    if file.is_dir():
        raise ArchiveError(f"{file} is a folder, not an archive file")
    if file.is_file() and file.stat().st_size > 0:
        inspect_archive_file(file)
    elif not file.parent.is_dir():
        raise ArchiveError(f"{file}: its folder does not exist")
    return str(file)


def server_answers(address: str, timeout_s: int = 3) -> bool:
    """Whether the server archive at `address` can be reached and logged in to now."""
    from desktop_app.storage.db.postgres import probe_server

    try:
        probe_server(address, timeout_s=timeout_s)
    except ArchiveError:
        return False
    return True


def offline_copy(address: str) -> Path:
    """Where the offline copy of the server archive at `address` lives."""
    from desktop_app.core.paths import data_dir
    from desktop_app.storage.db.postgres import offline_copy_path

    return offline_copy_path(address, data_dir())


# -- the system keyring (optional) -------------------------------------------------------------
def keyring_available() -> bool:
    try:
        import keyring  # noqa: F401
    except Exception:  # not installed, or no backend on this system
        return False
    return True


def stored_password(fields: ServerFields) -> str:
    """The password the system keyring holds for this login ('' when none or no keyring)."""
    try:
        import keyring

        return str(keyring.get_password(KEYRING_SERVICE, fields.key) or "")
    except Exception:  # no keyring, a locked one, or no backend: libpq's own ways remain
        return ""


def store_password(fields: ServerFields, password: str) -> bool:
    """Keep the password in the system keyring; False when there is none to keep it in."""
    try:
        import keyring

        keyring.set_password(KEYRING_SERVICE, fields.key, password)
    except Exception:
        return False
    return True
