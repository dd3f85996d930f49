"""File ▸ Import and drag and drop: read and import files off the GUI thread, with Cancel.

Files are read and checked first, then written in one transaction per file set; Cancel or
any error rolls back, so the archive never holds half an import.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop_app.core.errors import ArchiveError, ImportFormatError
from desktop_app.core.formats.load import ReadResult, read_import_file
from desktop_app.storage.importing import FileImportSummary, import_content
from desktop_app.storage.models import database_proxy
from desktop_app.ui.operations import CancelledError, Operation, OperationRunner


def import_paths(paths: Sequence[Path], op: Operation) -> FileImportSummary:
    """The work itself (runs in the worker thread): all files, or none of them."""
    results: list[tuple[Path, ReadResult]] = []
    for n, path in enumerate(paths):
        op.report_progress(n, len(paths) + 1, path.name)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ImportFormatError(exc.strerror or "cannot read", file=str(path)) from None
        results.append((path, read_import_file(path.name, data)))
    op.report_progress(len(paths), len(paths) + 1, "")
    total = FileImportSummary()
    with database_proxy.atomic():
        for _path, result in results:
            total.merge(
                import_content(
                    result.reports, result.items, source=result.format,
                    before_commit=op.token.check,
                )
            )
    return total


class ImportController(QObject):
    """Starts an import, shows progress with Cancel, and tells the window how it ended."""

    finished = Signal(object)  # FileImportSummary
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, runner: OperationRunner, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self.runner = runner
        self.parent_widget = parent_widget
        self.progress: QProgressDialog | None = None
        self.operation: Operation | None = None

    @property
    def busy(self) -> bool:
        return self.operation is not None

    def start(self, paths: Sequence[Path]) -> Operation | None:
        if self.operation is not None or not paths:
            return None
        paths = list(paths)
        self.progress = QProgressDialog(
            self.tr("Importing…"), self.tr("Cancel"), 0, len(paths) + 1, self.parent_widget
        )
        self.progress.setWindowTitle(self.tr("Import"))
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(300)
        op = self.runner.start("import", lambda op: import_paths(paths, op))
        self.progress.canceled.connect(op.token.cancel)
        op.progressed.connect(self._progress)
        op.succeeded.connect(self._succeeded)
        op.failed.connect(self._failed)
        self.operation = op
        return op

    def cancel(self) -> None:
        if self.operation is not None:
            self.operation.token.cancel()

    def _progress(self, done: int, total: int, name: str) -> None:
        if self.progress is not None:
            self.progress.setMaximum(total)
            self.progress.setValue(done)
            self.progress.setLabelText(
                self.tr("Reading %1…").replace("%1", name) if name else self.tr("Saving…")
            )

    def _close(self) -> None:
        if self.progress is not None:
            self.progress.canceled.disconnect()
            self.progress.reset()
            self.progress.deleteLater()
            self.progress = None
        self.operation = None

    def _succeeded(self, summary: FileImportSummary) -> None:
        self._close()
        self.finished.emit(summary)

    def _failed(self, exc: BaseException) -> None:
        self._close()
        if isinstance(exc, CancelledError):
            self.cancelled.emit()
        elif isinstance(exc, ArchiveError):
            self.failed.emit(str(exc))
        else:
            self.failed.emit(
                self.tr("Unexpected error (nothing was imported): %1").replace("%1", repr(exc))
            )
