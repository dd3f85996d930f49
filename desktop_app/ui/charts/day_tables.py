"""The Charts tab's two tables of days: each ticked category's largest days and the round
numbers it crossed. A row opens that day's report (double-click or Enter)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from desktop_app.core import aggregates
from desktop_app.ui.charts.analysis_data import ChartData, category_label
from desktop_app.ui.common.accessibility import list_keys
from desktop_app.ui.common.i18n import number, signed

RECORDS_PER_CATEGORY = 5


def day_table(
    parent: QWidget, headers: list[str], date_column: int, open_day: Callable[[dt.date], None]
) -> QTableWidget:
    """An empty table whose `date_column` holds each row's day, opened by `open_day`."""
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 6)
    # Dates and figures always whole; the category name gives way (elided) when narrow.
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for column in range(1, len(headers)):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setToolTip(
        QCoreApplication.translate("AnalysisView", "Double-click a row to open that day's report")
    )

    def open_row(row: int) -> None:
        cell = table.item(row, date_column)
        if cell is not None:
            open_day(dt.date.fromisoformat(cell.text()))

    table.cellDoubleClicked.connect(lambda row, _col: open_row(row))
    # Tab leaves the table; Enter opens the selected row's day, as a double-click does.
    list_keys(table, activate=lambda: open_row(table.currentRow()))
    return table


def fill_day_tables(
    records: QTableWidget, milestones: QTableWidget, data: ChartData, keys: Sequence[str]
) -> None:
    """The largest days (category, date, change) and the milestones (category, threshold,
    date) of `keys`."""
    largest: list[tuple[str, str, str]] = []
    reached: list[tuple[str, str, str]] = []
    for key in keys:
        points = data.points.get(key, [])
        if not points:
            continue
        for p in aggregates.records(points, RECORDS_PER_CATEGORY):
            largest.append((key, p.date.isoformat(), signed(p.derived_change)))
        step = aggregates.milestone_step(points[-1].total)
        for m in aggregates.milestones(points, step):
            reached.append((key, number(m.threshold), m.date.isoformat()))
    _fill(records, largest)
    _fill(milestones, reached)


def _fill(table: QTableWidget, rows: list[tuple[str, str, str]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            cell = QTableWidgetItem(category_label(value) if c == 0 else value)
            if c == 0:
                cell.setData(Qt.ItemDataRole.UserRole, value)
            if c > 0 and value[:1] in "+-\u22120123456789":  # − is U+2212 (`signed`)
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, cell)
