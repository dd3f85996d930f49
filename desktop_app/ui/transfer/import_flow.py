"""File ▸ Import and drag and drop: read and import files off the GUI thread, with Cancel.

Files are read and checked first, then written in one transaction per file set; Cancel or
any error rolls back, so the archive never holds half an import.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.core.errors import ImportFormatError
from desktop_app.storage.models import database_proxy
from desktop_app.ui.common.operations import Operation, ProgressController

if TYPE_CHECKING:
    # The format parsers (feeds, lxml, report prose) load only when an import runs: they
    # are a third of the window's start-up otherwise.
    from desktop_app.core.formats.load import ReadResult
    from desktop_app.storage.importing import Conflict, FileImportSummary


def _records(result: ReadResult) -> int:
    return len(result.items) + len(result.reports) + len(result.notes) + len(result.oryx or ())


def import_paths(
    paths: Sequence[Path], op: Operation, *, as_kind: str | None = None
) -> FileImportSummary:
    """The work itself (runs in the worker thread): all files, or none of them.

    Progress is (records written, records in all files) with an empty text while saving,
    or (file number, files) with the file's name while reading.
    """
    from desktop_app.core.formats.load import read_import_file
    from desktop_app.storage.import_undo import changes_since, mark
    from desktop_app.storage.importing import FileImportSummary, import_result

    results: list[tuple[Path, ReadResult]] = []
    for n, path in enumerate(paths):
        op.report_progress(n, len(paths), path.name)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ImportFormatError(exc.strerror or "cannot read", file=str(path)) from None
        results.append((path, read_import_file(path.name, data, as_kind=as_kind)))
    grand = max(1, sum(_records(r) for _p, r in results))
    total = FileImportSummary()
    offset = 0
    with database_proxy.atomic():
        before = mark()
        for _path, result in results:

            def progress(done: int, _total: int, base: int = offset) -> None:
                op.report_progress(base + done, grand, "")

            total.merge(import_result(result, progress=progress, before_commit=op.token.check))
            offset += _records(result)
        # Checked once more after the diff: a cancel there still rolls everything back.
        total.undo = changes_since(before)
        op.token.check()
    return total


def overwrite_conflicts(conflicts: Sequence[Conflict], op: Operation) -> FileImportSummary:
    """The second transaction, after the user chose to replace reports entered by hand."""
    from desktop_app.core.formats.load import ReadResult
    from desktop_app.storage.import_undo import changes_since, mark
    from desktop_app.storage.importing import FileImportSummary, import_result

    total = FileImportSummary()
    with database_proxy.atomic():
        before = mark()
        for source in sorted({c.source for c in conflicts}):
            reports = [c.report for c in conflicts if c.source == source]
            result = ReadResult(source, reports)
            total.merge(import_result(result, overwrite_manual=True, before_commit=op.token.check))
        total.undo = changes_since(before)
    return total


class ImportController(ProgressController):
    """Starts an import, shows progress with Cancel, and tells the window how it ended
    (`finished` carries the FileImportSummary)."""

    def start(self, paths: Sequence[Path], *, as_kind: str | None = None) -> Operation | None:
        if self.operation is not None or not paths:
            return None
        paths = list(paths)
        return self._start(
            "import", lambda op: import_paths(paths, op, as_kind=as_kind), len(paths)
        )

    def overwrite(self, conflicts: Sequence[Conflict]) -> Operation | None:
        """Replace the reports entered by hand that the last import listed as conflicts."""
        if self.operation is not None or not conflicts:
            return None
        conflicts = list(conflicts)
        return self._start(
            "import-overwrite", lambda op: overwrite_conflicts(conflicts, op), len(conflicts)
        )

    def _start(
        self, name: str, fn: Callable[[Operation], FileImportSummary], steps: int
    ) -> Operation:
        return self._run(
            name,
            fn,
            steps,
            title=self.tr("Import"),
            label=self.tr("Importing…"),
            cancel=self.tr("Cancel"),
        )

    def progress_label(self, done: int, total: int, text: str) -> str:
        if text:
            return self.tr("Reading %1…").replace("%1", text)
        return (
            self.tr("Saving record %1 of %2…")
            .replace("%1", f"{done:,}")
            .replace("%2", f"{total:,}")
        )

    def unexpected(self, exc: BaseException) -> str:
        return self.tr("Unexpected error (nothing was imported): %1").replace("%1", repr(exc))
