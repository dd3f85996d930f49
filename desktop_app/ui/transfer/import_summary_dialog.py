"""What an import did: each file and what it held, the totals, and the choice for reports
entered by hand.

A table names every file with what it held (loss reports and their dates, articles and
briefs, Oryx models) and what became of it. Totals that are zero are left out. Long lists
(updated dates, skipped records, estimated dates, repairs) are folded under a button that
says how many they hold. When the files would change reports the user typed in, the dialog
lists each date once with the figures on both sides and offers *Replace mine with the
file's*; Close keeps the user's. Nothing is written for those dates until the user answers
(a second import, run by the controller).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui.common.accessibility import name
from desktop_app.ui.common.date_notes import is_date_remark, remark_text
from desktop_app.ui.common.i18n import category_name, localized_line, number

if TYPE_CHECKING:
    from desktop_app.services.transfer import Conflict, FileImportSummary, FileOutcome

# Rows shown in each list (skipped records, estimated dates); the rest are counted.
LIST_ROWS = 200
# A list longer than this starts folded.
OPEN_ROWS = 6


def _differences(conflict: Conflict) -> list[str]:
    parts = []
    for key, fig in conflict.report.figures.items():
        old = conflict.stored.figures.get(key)
        if old is None or old.total != fig.total:
            was = "—" if old is None else number(old.total)
            parts.append(f"{category_name(key)} {was} → {number(fig.total)}")
    return parts


def conflict_lines(conflicts: Sequence[Conflict]) -> list[str]:
    """One line per date (several files may disagree on the same day), none without a
    difference to show."""
    by_date: dict[dt.date, list[str]] = {}
    for conflict in conflicts:
        seen = by_date.setdefault(conflict.date, [])
        seen += [part for part in _differences(conflict) if part not in seen]
    return [f"{day.isoformat()}: {', '.join(parts)}" for day, parts in by_date.items() if parts]


def _fit_rows(shown: QListWidget, rows: int) -> None:
    """At most `rows` lines high (a short list does not take the space of a long one)."""
    line = shown.fontMetrics().lineSpacing() + 2
    shown.setMaximumHeight(max(rows, 1) * line + 2 * shown.frameWidth() + 6)


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
        self.setMinimumWidth(self.em * 44)
        layout = QVBoxLayout(self)
        reports, items = summary.reports, summary.items
        self.counts = {
            "added": len(reports.added) + items.added,
            "updated": len(reports.updated),
            "unchanged": len(reports.unchanged) + items.unchanged,
            "conflicting": len({c.date for c in summary.conflicts}),  # days, not files
            "skipped": len(summary.skipped),
        }
        self.file_table = self._file_table(files) if files else None
        if self.file_table is not None:
            layout.addWidget(self.file_table)
        layout.addLayout(self._totals(summary))
        self.updated_list = self._section(
            layout,
            self.tr("Reports updated"),
            [d.isoformat() for d in reports.updated],
        )
        self.skipped_list = self._section(layout, self.tr("Skipped"), summary.skipped)
        # Already stored under the file's link but different there: the archive's is kept.
        self.differing_list = self._section(
            layout,
            self.tr("Already in the archive but different in the file (the archive's kept)"),
            items.differing_titles,
            total=items.differing,
        )
        self.estimated_list = self._section(
            layout,
            self.tr("Dates estimated (the file gave no time; the reader marks them)"),
            summary.estimated,
        )
        # A date the text did not write out in full, found by a rule (from the figures, the
        # day of the war, …): established, so not listed with what was repaired or guessed.
        dated = [r for r in summary.remarks if is_date_remark(r)]
        self.dated_list = self._section(
            layout,
            self.tr("Dates found while reading (the text did not write them out in full)"),
            [remark_text(r) for r in dated],
        )
        self.remark_list = self._section(
            layout,
            self.tr("Repaired or guessed while reading"),
            [r for r in summary.remarks if r not in dated],
        )
        buttons = QDialogButtonBox(self)
        self.conflict_list: QListWidget | None = None
        self.overwrite_button: QPushButton | None = None
        lines = conflict_lines(summary.conflicts)
        if lines:
            note = QLabel(
                self.tr(
                    "These reports were entered by hand and the files give other figures."
                    " They were not changed; Close keeps them as they are."
                )
            )
            note.setWordWrap(True)
            layout.addWidget(note)
            self.conflict_list = QListWidget()
            self.conflict_list.setWordWrap(True)
            self.conflict_list.addItems(lines)
            name(self.conflict_list, self.tr("Reports entered by hand that the files contradict"))
            _fit_rows(self.conflict_list, min(len(lines) * 3, 8))
            layout.addWidget(self.conflict_list)
            self.overwrite_button = buttons.addButton(
                self.tr("Replace mine with the file's"), QDialogButtonBox.ButtonRole.AcceptRole
            )
            self.overwrite_button.clicked.connect(self._overwrite)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.clicked.connect(self.reject)
        self.keep_button = close
        close.setDefault(not lines)
        layout.addWidget(buttons)

    @property
    def em(self) -> int:
        return self.fontMetrics().horizontalAdvance("M")

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.adjustSize()
        self.resize(max(self.width(), self.em * 72), self.height())  # the table side by side

    # -- parts ----------------------------------------------------------------------------
    def _totals(self, summary: FileImportSummary) -> QFormLayout:
        """The totals worth saying: Added always, the others when not zero."""
        form = QFormLayout()
        labels = {
            "added": self.tr("Added"),
            "updated": self.tr("Updated"),
            "unchanged": self.tr("Unchanged"),
            "conflicting": self.tr("Conflicting with reports entered by hand"),
            "skipped": self.tr("Skipped"),
        }
        for key, label in labels.items():
            if key == "added" or self.counts[key]:
                form.addRow(label, QLabel(number(self.counts[key])))
        items = summary.items
        if items.added:
            kinds = self.tr("articles: %1, briefs: %2")
            kinds = kinds.replace("%1", number(items.articles)).replace("%2", number(items.briefs))
            form.addRow(self.tr("Articles and briefs added"), QLabel(kinds))
        if summary.estimated:
            form.addRow(self.tr("Dates estimated"), QLabel(number(len(summary.estimated))))
        return form

    def held(self, outcome: FileOutcome) -> str:
        """What a file held, in words: loss reports (and their dates), items, Oryx models."""
        done = outcome.summary
        reports = done.reports
        days = [*reports.added, *reports.updated, *reports.unchanged]
        days += [c.date for c in done.conflicts]
        parts = []
        if days:
            text = self.tr("%Ln loss report(s)", "", len(set(days)))
            first, last = min(days), max(days)
            span = first.isoformat() if first == last else f"{first.isoformat()} – {last}"
            parts.append(f"{text} ({span})")
        if n := done.items.added + done.items.unchanged:
            parts.append(self.tr("%Ln article(s) and brief(s)", "", n))
        if done.oryx is not None and done.oryx.stored:
            parts.append(self.tr("%Ln Oryx model(s)", "", done.oryx.stored))
        if not parts:
            parts.append(self.tr("nothing that could be imported"))
        return "; ".join(parts)

    def _file_table(self, files: Sequence[FileOutcome]) -> QTableWidget:
        headers = [
            self.tr("File"),
            self.tr("Held"),
            self.tr("Added"),
            self.tr("Updated"),
            self.tr("Unchanged"),
            self.tr("Skipped"),
        ]
        table = QTableWidget(len(files), len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setTabKeyNavigation(False)
        table.setWordWrap(True)
        name(table, self.tr("Files imported"), self.tr("Each file, what it held and what it did"))
        for row, outcome in enumerate(files):
            done = outcome.summary
            reports, items = done.reports, done.items
            cells = [
                outcome.path.name,
                self.held(outcome),
                number(len(reports.added) + items.added),
                number(len(reports.updated)),
                number(len(reports.unchanged) + items.unchanged),
                number(len(done.skipped)),
            ]
            for col, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if col == 0:
                    cell.setToolTip(str(outcome.path))
                if col >= 2:
                    cell.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                table.setItem(row, col, cell)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        table.resizeRowsToContents()
        rows = min(len(files), 6)
        height = header.height() + 2 * table.frameWidth()
        height += sum(table.rowHeight(r) for r in range(rows))
        table.setMaximumHeight(height + 2)
        table.setMinimumHeight(min(height + 2, header.height() + 4 * table.rowHeight(0)))
        return table

    def _section(
        self, layout: QVBoxLayout, heading: str, rows: Sequence[str], total: int | None = None
    ) -> QListWidget | None:
        """A heading that says how many rows (`total`, when only the first are given), folding
        a long list under it."""
        if not rows:
            return None
        count = len(rows) if total is None else total
        shown = QListWidget()
        shown.setWordWrap(True)
        shown.addItems([localized_line(row) for row in rows[:LIST_ROWS]])
        if count > LIST_ROWS:
            shown.addItem(self.tr("… and %1 more").replace("%1", number(count - LIST_ROWS)))
        name(shown, heading)
        _fit_rows(shown, min(shown.count(), 8))
        toggle = QToolButton()
        toggle.setText(f"{heading} ({number(count)})")
        toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toggle.setAutoRaise(True)
        toggle.setCheckable(True)

        def fold(open_: bool) -> None:
            toggle.setArrowType(Qt.ArrowType.DownArrow if open_ else Qt.ArrowType.RightArrow)
            shown.setVisible(open_)
            self.adjustSize()
            self.resize(max(self.width(), self.em * 72), self.height())

        toggle.toggled.connect(fold)
        toggle.setChecked(count <= OPEN_ROWS)
        fold(toggle.isChecked())
        layout.addWidget(toggle)
        layout.addWidget(shown)
        return shown

    def _overwrite(self) -> None:
        self.accept()
        self.overwriteRequested.emit(list(self.summary.conflicts))
