"""File ▸ Import and drag and drop: files read and imported on the write lane, with Cancel.

The work is `services.transfer.import_files`, the same the command line runs: every file is
read and checked first, then all are written in one transaction; Cancel or any error rolls
back, so the archive never holds half an import. The outcome carries `Changes`, so the views
follow through the runner's `changed` signal.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from desktop_app.services import transfer
from desktop_app.ui.common.i18n import number
from desktop_app.ui.common.operations import Operation, ProgressController

if TYPE_CHECKING:
    from desktop_app.services.transfer import Conflict, ImportOutcome


class ImportController(ProgressController):
    """Starts an import, shows progress with Cancel, and tells the window how it ended
    (`finished` carries the ImportOutcome)."""

    def start(self, paths: Sequence[Path], *, as_kind: str | None = None) -> Operation | None:
        if self.operation is not None or not paths:
            return None
        paths = list(paths)
        return self._start(
            "import",
            lambda op: transfer.import_files(paths, as_kind=as_kind, progress=op.report_progress),
            len(paths),
        )

    def overwrite(self, conflicts: Sequence[Conflict]) -> Operation | None:
        """Replace the reports entered by hand that the last import listed as conflicts."""
        if self.operation is not None or not conflicts:
            return None
        conflicts = list(conflicts)
        return self._start(
            "import-overwrite",
            lambda op: transfer.overwrite_conflicts(conflicts, progress=op.report_progress),
            len(conflicts),
        )

    def _start(self, name: str, fn: Callable[[Operation], ImportOutcome], steps: int) -> Operation:
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
            .replace("%1", number(done))
            .replace("%2", number(total))
        )


def import_undo_label(reports: int, items: int, oryx: bool) -> str:
    """The undo label of an import: "import (1,252 reports, 40 articles and briefs)"."""
    parts = []
    if reports:
        parts.append(QCoreApplication.translate("ImportController", "%Ln report(s)", "", reports))
    if items:
        parts.append(
            QCoreApplication.translate("ImportController", "%Ln article(s) and brief(s)", "", items)
        )
    if oryx:
        parts.append(QCoreApplication.translate("ImportController", "Oryx figures"))
    return QCoreApplication.translate("MainWindow", "import ({what})").replace(
        "{what}", ", ".join(parts)
    )
