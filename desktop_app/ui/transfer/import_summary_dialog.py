"""What an import did: counts per outcome, and the choice for reports entered by hand.

When the files would change reports the user typed in, the dialog lists each date with the
figures on both sides and asks: replace mine with the file's, or keep mine. Nothing is
written for those dates until the user answers (a second import, run by the controller).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui.common.i18n import category_name, number

if TYPE_CHECKING:
    from desktop_app.services.transfer import Conflict, FileImportSummary, FileOutcome

# Rows shown in each list (skipped records, estimated dates); the rest are counted.
LIST_ROWS = 200


def _differences(conflict: Conflict) -> str:
    parts = []
    for key, fig in conflict.report.figures.items():
        old = conflict.stored.figures.get(key)
        if old is None or old.total != fig.total:
            was = "—" if old is None else number(old.total)
            parts.append(f"{category_name(key)} {was} → {number(fig.total)}")
    return ", ".join(parts)


class ImportSummaryDialog(QDialog):
    """Non-modal summary; `overwriteRequested` carries the conflicts the user chose to replace."""

    overwriteRequested = Signal(object)  # list[Conflict]

    def __init__(
        self,
        summary: FileImportSummary,
        parent: QWidget | None = None,
        files: Sequence[FileOutcome] = (),
    ) -> None:
        super().__init__(parent)
        self.summary = summary
        self.setWindowTitle(self.tr("Import finished"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        reports, items = summary.reports, summary.items
        self.counts = {
            "added": len(reports.added) + items.added,
            "updated": len(reports.updated),
            "unchanged": len(reports.unchanged) + items.unchanged,
            "conflicting": len(summary.conflicts),
            "skipped": len(summary.skipped),
        }
        labels = {
            "added": self.tr("Added"),
            "updated": self.tr("Updated"),
            "unchanged": self.tr("Unchanged"),
            "conflicting": self.tr("Conflicting with reports entered by hand"),
            "skipped": self.tr("Skipped"),
        }
        for key, label in labels.items():
            form.addRow(label, QLabel(number(self.counts[key])))
        if items.added:
            kinds = self.tr("articles: %1, briefs: %2")
            kinds = kinds.replace("%1", number(items.articles)).replace("%2", number(items.briefs))
            form.addRow(self.tr("Articles and briefs added"), QLabel(kinds))
        form.addRow(self.tr("Dates estimated"), QLabel(number(len(summary.estimated))))
        layout.addLayout(form)
        self.file_list = self._list(
            layout, self.tr("Per file:"), [self._file_line(f) for f in files]
        )
        if reports.updated:
            shown = ", ".join(d.isoformat() for d in reports.updated[:20])
            more = "…" if len(reports.updated) > 20 else ""
            note = QLabel(self.tr("Reports updated: %1").replace("%1", shown + more))
            note.setWordWrap(True)
            layout.addWidget(note)
        self._list(layout, self.tr("Skipped:"), summary.skipped)
        self.estimated_list = self._list(
            layout,
            self.tr("Dates estimated (the file gave no time; the reader marks them):"),
            summary.estimated,
        )
        self.remark_list = self._list(
            layout, self.tr("Repaired or guessed while reading:"), summary.remarks
        )
        buttons = QDialogButtonBox(self)
        self.conflict_list: QListWidget | None = None
        if summary.conflicts:
            layout.addWidget(
                QLabel(
                    self.tr(
                        "These reports were entered by hand and the files give other figures."
                        " They were not changed."
                    )
                )
            )
            self.conflict_list = QListWidget()
            for c in summary.conflicts:
                self.conflict_list.addItem(f"{c.date.isoformat()}: {_differences(c)}")
            layout.addWidget(self.conflict_list)
            self.overwrite_button = buttons.addButton(
                self.tr("Replace mine with the file's"), QDialogButtonBox.ButtonRole.AcceptRole
            )
            self.keep_button = buttons.addButton(
                self.tr("Keep mine"), QDialogButtonBox.ButtonRole.RejectRole
            )
            self.overwrite_button.clicked.connect(self._overwrite)
            self.keep_button.clicked.connect(self.reject)
        else:
            ok = buttons.addButton(QDialogButtonBox.StandardButton.Ok)
            ok.clicked.connect(self.accept)
        layout.addWidget(buttons)

    def _list(self, layout: QVBoxLayout, heading: str, rows: Sequence[str]) -> QListWidget | None:
        if not rows:
            return None
        shown = QListWidget()
        shown.addItems(list(rows[:LIST_ROWS]))
        if len(rows) > LIST_ROWS:
            shown.addItem(self.tr("… and %1 more").replace("%1", number(len(rows) - LIST_ROWS)))
        layout.addWidget(QLabel(heading))
        layout.addWidget(shown)
        return shown

    def _file_line(self, outcome: FileOutcome) -> str:
        done = outcome.summary
        reports, items = done.reports, done.items
        text = self.tr(
            "%1: added %2 (articles: %3, briefs: %4), updated %5, unchanged %6, skipped %7,"
            " dates estimated %8"
        )
        values = (
            outcome.path.name,
            len(reports.added) + items.added,
            items.articles,
            items.briefs,
            len(reports.updated),
            len(reports.unchanged) + items.unchanged,
            len(done.skipped),
            len(done.estimated),
        )
        # Highest placeholder first, so "%1" never eats the start of "%10".
        for n in range(len(values), 0, -1):
            value = values[n - 1]
            text = text.replace(f"%{n}", value if isinstance(value, str) else number(value))
        return text

    def _overwrite(self) -> None:
        self.accept()
        self.overwriteRequested.emit(list(self.summary.conflicts))
