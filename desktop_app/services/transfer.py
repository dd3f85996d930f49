"""Files in and out: import files into the archive, export the archive to a file.

`import_files` reads and checks every file first (an RSS or Atom feed is read and checked while
it is stored, in batches), then writes them all in ONE transaction: a bad file, a cancel, a kill
or a full disk leaves the archive exactly as it was.
`export_to_file` writes under a temporary name in the destination's folder, flushes it to
the disk and renames it, so the chosen name only ever holds a complete file.

Progress is a callable `(done, total, text)`; it may raise (a Cancel button does) to stop,
and then nothing is written.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.core import messages as m
from desktop_app.core.errors import ArchiveError, ImportFormatError
from desktop_app.services.changes import NOTHING, Changes
from desktop_app.storage.backup import is_archive_file
from desktop_app.storage.db.connection import bound_database, require_writable
from desktop_app.storage.db.models import database_proxy

if TYPE_CHECKING:
    from desktop_app.core.formats.result import ReadResult
    from desktop_app.storage.import_undo import ImportUndo

    # Re-exported for the window, which names them but never imports storage.
    from desktop_app.storage.importing import Conflict as Conflict
    from desktop_app.storage.importing import FileImportSummary as FileImportSummary

Progress = Callable[[int, int, str], None]
REPORTS, ARTICLES = "reports", "articles"
# Item ids named in `Changes` up to this many; beyond, "any item" is cheaper for views.
ITEM_IDS_SHOWN = 1000


class ExportError(ArchiveError):
    """The export file could not be written; the chosen name was left as it was."""


def _archive_path() -> Path | None:
    db = bound_database()
    return db.archive_path if db is not None else None


def refuse_archive_file(path: Path, what: str) -> None:
    """Refuse the archive itself (or its journals) as a file to import or overwrite."""
    database = _archive_path()
    if database is not None and is_archive_file(path, database):
        raise ArchiveError(f"{path}: " + m.render(m.OWN_FILE, what=what))


@dataclass(frozen=True)
class FileOutcome:
    path: Path
    format: str
    summary: FileImportSummary


@dataclass
class ImportOutcome:
    """What one import did: per file, in total, how to undo it, and what views to refresh."""

    files: list[FileOutcome] = field(default_factory=list)
    total: FileImportSummary | None = None
    undo: ImportUndo | None = None
    changes: Changes = NOTHING
    dry_run: bool = False


def records(result: ReadResult) -> int:
    return result.expected_records


def changes_of(undo: ImportUndo | None, summary: FileImportSummary | None = None) -> Changes:
    if undo is None:
        if summary is None or summary.dry_run:
            return NOTHING
        # Written without an undo record: say what kind of thing changed, not which.
        return Changes(
            items=bool(summary.items.added),
            reports=bool(summary.reports.added or summary.reports.updated or summary.links),
            oryx=summary.oryx is not None,
        )
    ids = range(undo.first_item_id, undo.last_item_id + 1)
    return Changes(
        items=undo.item_count > 0,
        reports=bool(undo.reports),
        oryx=undo.oryx is not None,
        item_ids=frozenset(ids) if 0 < len(ids) <= ITEM_IDS_SHOWN else frozenset(),
        report_dates=frozenset(undo.reports),
    )


def read_files(
    paths: Sequence[Path],
    *,
    fmt: str | None = None,
    as_kind: str | None = None,
    progress: Progress | None = None,
) -> list[tuple[Path, ReadResult]]:
    """Read and check every file; the first bad one raises, naming file, record and field.

    An RSS or Atom feed is only opened here: its entries are read and checked while they are
    stored (`write_results`), so a feed of a million entries never sits in memory whole.
    """
    from desktop_app.core.formats.load import open_import_file

    results = []
    for n, path in enumerate(paths):
        if progress is not None:
            progress(n, len(paths), path.name)
        # Before opening it: reading the archive's file would drop SQLite's locks on it.
        refuse_archive_file(path, m.IMPORTED_INTO_ITSELF)
        try:
            result = open_import_file(path, fmt=fmt, as_kind=as_kind)
        except OSError as exc:
            raise ImportFormatError(exc.strerror or "cannot read", file=str(path)) from None
        results.append((path, result))
    return results


def write_results(
    results: Sequence[tuple[Path, ReadResult]],
    *,
    overwrite_manual: bool = False,
    dry_run: bool = False,
    progress: Progress | None = None,
    undo: bool = True,
) -> ImportOutcome:
    """Write what `read_files` read, all files in one transaction.

    `undo=False` skips the undo record (the command line has no undo): on a 2,000-report
    archive that is 0.6 s less holding the write lock.
    """
    from desktop_app.storage.import_undo import changes_since, mark
    from desktop_app.storage.importing import FileImportSummary, import_result

    if not dry_run:
        require_writable()
    # Counted before writing: a streamed feed's count grows by its reports once it is read.
    shares = [records(r) for _p, r in results]
    grand = max(1, sum(shares))
    outcome = ImportOutcome(total=FileImportSummary(dry_run=dry_run), dry_run=dry_run)
    offset = 0
    with database_proxy.atomic() as txn:
        before = mark() if undo and not dry_run else None
        for (path, result), share in zip(results, shares, strict=True):

            def step(done: int, _total: int, base: int = offset) -> None:
                if progress is not None:
                    progress(base + done, grand, "")

            # Each file sees the ones before it; a dry run rolls all of them back at the end.
            summary = import_result(result, overwrite_manual=overwrite_manual, progress=step)
            summary.dry_run = dry_run
            outcome.files.append(FileOutcome(path, result.format, summary))
            assert outcome.total is not None
            outcome.total.merge(summary)
            offset += share
        if before is not None:
            outcome.undo = changes_since(before)
        # Once more after the diff: a cancel here still rolls everything back.
        if progress is not None:
            progress(grand, grand, "")
        if dry_run:
            txn.rollback()
    assert outcome.total is not None
    outcome.total.undo = outcome.undo
    outcome.changes = changes_of(outcome.undo, outcome.total)
    return outcome


def import_files(
    paths: Sequence[Path],
    *,
    fmt: str | None = None,
    as_kind: str | None = None,
    overwrite_manual: bool = False,
    dry_run: bool = False,
    progress: Progress | None = None,
    undo: bool = True,
) -> ImportOutcome:
    """Import files (format detected unless `fmt`), all of them or none.

    Progress: (file number, files, file name) while reading; (records written, records in
    all files, "") while writing.
    """
    results = read_files(paths, fmt=fmt, as_kind=as_kind, progress=progress)
    return write_results(
        results, overwrite_manual=overwrite_manual, dry_run=dry_run, progress=progress, undo=undo
    )


def overwrite_conflicts(
    conflicts: Sequence[Conflict], *, progress: Progress | None = None
) -> ImportOutcome:
    """After an import listed reports entered by hand: replace them, in one transaction."""
    from desktop_app.core.formats.result import ReadResult

    by_source: dict[str, list[Conflict]] = {}
    for c in conflicts:
        by_source.setdefault(c.source, []).append(c)
    results = [
        (
            Path(source),
            ReadResult(
                source,
                [c.report for c in found],
                # A report from our own export keeps the source that export stated.
                report_sources={c.date: c.stated_source for c in found if c.stated_source},
            ),
        )
        for source, found in sorted(by_source.items())
    ]
    return write_results(results, overwrite_manual=True, progress=progress)


@dataclass(frozen=True)
class Exported:
    path: Path
    records: int


# Text written to the file in pieces of about this many characters.
_PIECE = 1 << 20


def write_export(
    what: str,
    fmt: str,
    write: Callable[[str], object],
    *,
    ids: Sequence[int] | None = None,
    progress: Progress | None = None,
) -> int:
    """Reports, all articles and briefs, or those with `ids`, as JSON or CSV, given to
    `write` in pieces of about a megabyte; the number of records.

    Articles and briefs are read a batch at a time from one consistent read of the archive
    (`storage.item_export`), so a million of them never sit in memory together. Progress:
    (records written, records, "writing") after each piece.
    """
    from desktop_app.core import exports
    from desktop_app.storage import item_export

    if fmt not in ("json", "csv"):
        raise ExportError(f"unknown export format {fmt!r} (json or csv)")
    if what == REPORTS:
        from desktop_app.storage import reports as report_store
        from desktop_app.storage.provenance import report_provenance

        # Provenance travels with the reports: a re-import keeps a hand-entered report so.
        reports = report_store.load_all_reports()
        to_text = exports.reports_to_json if fmt == "json" else exports.reports_to_csv
        text = to_text(reports, report_provenance())
        _write_pieces(iter([text]), write, progress, len(reports), lambda: 0)
        return len(reports)
    if what != ARTICLES:
        raise ExportError(f"nothing to export called {what!r} (reports or articles)")
    parts = exports.items_json_parts if fmt == "json" else exports.items_csv_parts
    with item_export.reading(ids) as found:
        done = 0

        def counted() -> Iterator[exports.LinkedItem]:
            nonlocal done
            for batch in found.batches:
                for item in batch:
                    done += 1
                    yield item

        _write_pieces(parts(counted()), write, progress, found.total, lambda: done)
        return done


def _write_pieces(
    pieces: Iterator[str],
    write: Callable[[str], object],
    progress: Progress | None,
    total: int,
    done: Callable[[], int],
) -> None:
    """`pieces` joined into about `_PIECE` characters at a time; `done`: the records written
    so far, of `total`."""
    if progress is not None:
        progress(0, total, "reading")
    held: list[str] = []
    size = 0
    for piece in pieces:
        held.append(piece)
        size += len(piece)
        if size >= _PIECE:
            write("".join(held))
            held, size = [], 0
            if progress is not None:
                progress(done(), total, "writing")
    write("".join(held))


def export_text(what: str, fmt: str, *, ids: Sequence[int] | None = None) -> str:
    """The export as text (for a test, or a small export)."""
    pieces: list[str] = []
    write_export(what, fmt, pieces.append, ids=ids)
    return "".join(pieces)


def _reason(exc: OSError) -> str:
    if exc.errno == errno.ENOSPC:
        return "the disk is full"
    return exc.strerror or str(exc)


def write_file_atomically(
    path: Path,
    data: bytes | Callable[[Callable[[bytes], None]], None],
    *,
    before_rename: Callable[[], None],
) -> None:
    """`data` (or what `data` gives the writer it is called with, in as many pieces as it
    likes) in a temporary file beside `path`, flushed to the disk, then renamed.

    On Linux the temporary file has no name while it is written (`O_TMPFILE`): a program
    killed meanwhile leaves nothing behind, where a named `.part` would stay beside the
    export (no later start knows where an export went). A new export is then linked under
    its final name directly; one that replaces a file gets a `.part` name for the rename.
    Elsewhere, or on a file system without unnamed files, a named `.part` is written.
    """
    folder = path.parent
    if not folder.is_dir():
        raise ExportError(f"{path}: " + m.render(m.NO_FOLDER_WRITTEN, folder=folder))
    partial = folder / f".{path.name}.{secrets.token_hex(4)}.part"
    linked = False
    try:
        fd = _open_unnamed(folder)
        unnamed = fd is not None
        if fd is None:
            fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        try:
            if isinstance(data, bytes):
                _write_all(fd, data)
            else:
                data(lambda piece: _write_all(fd, piece))
            os.fsync(fd)
            before_rename()
            linked = unnamed and _name_if_free(fd, path)
            if unnamed and not linked:
                _name(fd, partial)
        finally:
            os.close(fd)
        if not linked:
            os.replace(partial, path)
        _sync_folder(folder)
    except OSError as exc:
        _discard(partial)
        raise ExportError(f"{path}: " + m.render(m.NOT_WRITTEN, reason=_reason(exc))) from exc
    except BaseException:
        _discard(partial)
        raise


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _name_if_free(fd: int, path: Path) -> bool:
    """Give the unnamed file `fd` the final name when nothing has it yet: the export appears
    whole in one step, and no moment exists in which a kill leaves a named `.part` behind.
    A link never replaces a file, so an existing export goes through a `.part` and a rename."""
    try:
        _name(fd, path)
    except FileExistsError:
        return False
    return True


def _name(fd: int, path: Path) -> None:
    """Link the unnamed file `fd` as `path` (linkat through /proc, following the fd's link:
    os.link takes that path only when given a directory descriptor)."""
    procfd = os.open("/proc/self/fd", os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.link(str(fd), path, src_dir_fd=procfd, follow_symlinks=True)
    finally:
        os.close(procfd)


def _open_unnamed(folder: Path) -> int | None:
    """A new file in `folder` that has no name yet, or None where that is not possible."""
    flag = getattr(os, "O_TMPFILE", 0)
    if not flag or not Path("/proc/self/fd").is_dir():
        return None
    try:
        # The mode matters only once the file is linked: as a named file would be created.
        return os.open(folder, flag | os.O_WRONLY, 0o666)
    except OSError as exc:
        if exc.errno in (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL, errno.ENOENT):
            return None  # a file system (or kernel) without unnamed files
        raise


def _sync_folder(folder: Path) -> None:
    # Makes the rename itself durable; not possible (nor needed) on every system.
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _discard(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)


def export_to_file(
    what: str,
    fmt: str,
    path: Path,
    *,
    ids: Sequence[int] | None = None,
    progress: Progress | None = None,
) -> Exported:
    """Export reports, all articles and briefs, or only those with `ids`, as JSON or CSV,
    into a file that appears under `path` only when it is complete (`write_file_atomically`).

    Progress: (0, records, "reading"), (written, records, "writing") as it goes, then
    (records, records, "saving") while the file is flushed to the disk.
    """
    refuse_archive_file(path, m.OVERWRITTEN_BY_EXPORT)
    if path.is_dir():
        raise ExportError(f"{path}: {m.IS_A_FOLDER}")
    records = 0

    def fill(write_bytes: Callable[[bytes], None]) -> None:
        nonlocal records
        records = write_export(
            what, fmt, lambda text: write_bytes(text.encode("utf-8")), ids=ids, progress=progress
        )

    def saving() -> None:
        if progress is not None:
            progress(records, records, "saving")

    write_file_atomically(path, fill, before_rename=saving)
    return Exported(path, records)
