"""Writing what an importer read: reports and items from one file, in one transaction."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from desktop_app.core.item import ItemData
from desktop_app.core.report import LossReport
from desktop_app.storage.item_import import ItemImportSummary, import_items
from desktop_app.storage.models import database_proxy
from desktop_app.storage.reports import ImportSummary, import_reports


@dataclass
class FileImportSummary:
    reports: ImportSummary = field(default_factory=ImportSummary)
    items: ItemImportSummary = field(default_factory=ItemImportSummary)

    def merge(self, other: FileImportSummary) -> None:
        self.reports.merge(other.reports)
        self.items.merge(other.items)

    def lines(self) -> list[str]:
        out = []
        if self.reports.added or self.reports.updated or self.reports.unchanged:
            out.append(f"reports: {self.reports.line()}")
        if self.items.added or self.items.unchanged:
            out.append(f"articles and briefs: {self.items.line()}")
        return out or ["nothing to import"]


def import_content(
    reports: list[LossReport],
    items: list[ItemData],
    *,
    source: str,
    before_commit: Callable[[], None] | None = None,
) -> FileImportSummary:
    """All or nothing: any error rolls back every row this call wrote.

    `before_commit` runs inside the transaction after all writes; raising there (a cancel)
    rolls everything back.
    """
    with database_proxy.atomic():
        summary = FileImportSummary()
        summary.items = import_items(items)
        summary.reports = import_reports(reports, source=source)
        if before_commit is not None:
            before_commit()
    return summary
