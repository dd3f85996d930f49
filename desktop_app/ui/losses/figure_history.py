"""The history of one report's figures: who changed which figure from what to what, when.

Every change of a stored figure is kept by the archive (schema 8: `report_figure_history`,
filled by the database itself, so imports and other programs' writes are there too); this
window lists them newest first, read on the read lane. On a file the person is not known
(one user): the column says so instead of guessing. Opened from the Losses tab's context
menu and from the report dialog's History button.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from desktop_app.ui.common.accessibility import fit_to_screen
from desktop_app.ui.common.attribution import when_text
from desktop_app.ui.common.i18n import number, signed
from desktop_app.ui.losses.report_table_model import category_label

if TYPE_CHECKING:
    from desktop_app.services.team import FigureChange
    from desktop_app.ui.common.context import WindowContext

WHEN, WHO, CATEGORY, BEFORE, AFTER = range(5)


def read_history(date: dt.date) -> list[FigureChange]:
    """Run on the read lane."""
    from desktop_app.services import team

    return team.figure_history(date)


class FigureHistoryDialog(QDialog):
    def __init__(self, ctx: WindowContext, date: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent if parent is not None else ctx.widget())
        self.ctx = ctx
        self.date = date
        self.setWindowTitle(
            self.tr("Figure history of the report of %1").replace("%1", date.isoformat())
        )
        self.summary = QLabel(self.tr("Reading…"))
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("When"),
                self.tr("Who"),
                self.tr("Category"),
                self.tr("Before"),
                self.tr("After"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setAccessibleName(self.windowTitle())
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, QSize(720, 440))
        ctx.runner.changed.connect(self._on_changed)
        self.reload()

    def reload(self) -> None:
        date = self.date
        self.ctx.runner.read(
            "figure history",
            lambda: read_history(date),
            success=self._show,
            failure=self.summary.setText,
        )

    def _on_changed(self, changes: object) -> None:
        if isValid(self) and (
            getattr(changes, "reports", False) or getattr(changes, "external", False)
        ):
            self.reload()

    def _show(self, changes: list[FigureChange]) -> None:
        if not isValid(self):
            return
        self.changes = changes
        self.table.setRowCount(len(changes))
        for row, change in enumerate(changes):
            who = change.changed_by or self.tr("(not recorded on a file)")
            cells = (
                when_text(change.changed_at),
                who,
                category_label(change.category),
                self._figure(change.old_total, change.old_change),
                self._figure(change.total, change.change),
            )
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if column in (BEFORE, AFTER):
                    cell.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, cell)
        if changes:
            self.summary.setText(
                self.tr("%n change(s) of this report's figures, newest first.", "", len(changes))
            )
        else:
            self.summary.setText(self.tr("No change of this report's figures is recorded."))

    def _figure(self, total: int | None, change: int | None) -> str:
        if total is None:
            return self.tr("(none)")
        return number(total) + ("" if change is None else f" ({signed(change)})")


def open_figure_history(
    ctx: WindowContext, date: dt.date, parent: QWidget | None = None
) -> FigureHistoryDialog:
    """The history window of `date`'s report, shown without blocking."""
    dialog = FigureHistoryDialog(ctx, date, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
