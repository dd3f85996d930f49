"""What opening or writing the archive can fail with, the same on SQLite and on a server."""

from __future__ import annotations

from desktop_app.core.errors import ArchiveError


class DatabaseOpenError(ArchiveError):
    """The archive cannot be opened (missing folder rights, not a database, no server, ...)."""


class ArchiveBusyError(ArchiveError):
    """Another program held the write lock for longer than the busy timeout."""


class DiskFullError(ArchiveError):
    """The database could not grow; the transaction was rolled back."""


class ReadOnlyArchiveError(ArchiveError):
    """A write was attempted on an archive opened read-only (or by a role that may only read)."""


class ServerUnreachableError(DatabaseOpenError):
    """The archive's server cannot be reached (down, no network, refused the login)."""


class StoredValueError(ArchiveError, ValueError):
    """A value in the archive is not in the form this program writes (another program wrote
    it): names the table, the field and the value, and the record when the reader knows it."""
