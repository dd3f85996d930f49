"""What an import did: counts per outcome, and the choice for reports entered by hand.

When the files would change reports the user typed in, the dialog lists each date with the
figures on both sides and asks: replace mine with the file's, or keep mine. Nothing is
written for those dates until the user answers (a second import, run by the controller).
"""

from __future__ import annotations

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

from desktop_app.core.categories import BY_KEY

if TYPE_CHECKING:
    from desktop_app.services.transfer import Conflict, FileImportSummary


def _differences(conflict: Conflict) -> str:
    parts = []
    for key, fig in conflict.report.figures.items():
        old = conflict.stored.figures.get(key)
        if old is None or old.total != fig.total:
            was = "—" if old is None else f"{old.total:,}"
            parts.append(f"{BY_KEY[key].label_en} {was} → {fig.total:,}")
    return ", ".join(parts)


class ImportSummaryDialog(QDialog):
    """Non-modal summary; `overwriteRequested` carries the conflicts the user chose to replace."""

    overwriteRequested = Signal(object)  # list[Conflict]

    def __init__(self, summary: FileImportSummary, parent: QWidget | None = None) -> None:
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
            form.addRow(label, QLabel(f"{self.counts[key]:,}"))
        layout.addLayout(form)
        if reports.updated:
            shown = ", ".join(d.isoformat() for d in reports.updated[:20])
            more = "…" if len(reports.updated) > 20 else ""
            note = QLabel(self.tr("Reports updated: %1").replace("%1", shown + more))
            note.setWordWrap(True)
            layout.addWidget(note)
        if summary.skipped:
            skipped = QListWidget()
            skipped.addItems(summary.skipped[:200])
            layout.addWidget(QLabel(self.tr("Skipped:")))
            layout.addWidget(skipped)
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

    def _overwrite(self) -> None:
        self.accept()
        self.overwriteRequested.emit(list(self.summary.conflicts))
