"""One exception family for everything the user can get wrong."""

from __future__ import annotations

# The program's exit codes: done; done, and problems were found (`check`); input refused.
OK, PROBLEMS, BAD_INPUT = 0, 1, 2
# A fault of the program itself (a bug): one line on stderr, the traceback in the log.
INTERNAL = 3
# Stopped by the user (Ctrl+C, SIGINT): 128 + the signal's number, as shells report it.
INTERRUPTED = 130
# The program reading our output closed it (`| head`): 128 + SIGPIPE, as shells report it.
PIPE_CLOSED = 141


class ArchiveError(Exception):
    """Base class: a problem the user can understand and act on (never a bug)."""


class NoReportError(ArchiveError):
    """A text was given to the report parser but holds no loss report."""


class ValidationError(ArchiveError):
    """A report or item breaks a hard rule (negative total, future date, missing field)."""


class ImportFormatError(ArchiveError):
    """A file could not be imported; names the file, the record and the field when known."""

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        record: str | None = None,
        field: str | None = None,
    ) -> None:
        self.file = file
        self.record = record
        self.field = field
        self.reason = message
        super().__init__(self._compose())

    def _compose(self) -> str:
        where = []
        if self.file:
            where.append(self.file)
        if self.record:
            where.append(f"record {self.record}")
        if self.field:
            where.append(f"field '{self.field}'")
        return f"{', '.join(where)}: {self.reason}" if where else self.reason

    def with_file(self, file: str) -> ImportFormatError:
        """The same error, attributed to a file (importers raise it before they know the name)."""
        return ImportFormatError(self.reason, file=file, record=self.record, field=self.field)
