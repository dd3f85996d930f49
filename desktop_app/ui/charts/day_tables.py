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
# What a cell sorts by: the figure itself ("+3,160" after "+21"), the category's registry place.
SORT_ROLE = Qt.ItemDataRole.UserRole + 1


class _SortedItem(QTableWidgetItem):
    """A cell that sorts by its `SORT_ROLE` value, not by its text."""

    def __lt__(self, other: QTableWidgetItem) -> bool:
        mine, theirs = self.data(SORT_ROLE), other.data(SORT_ROLE)
        if mine is None or theirs is None:
            return super().__lt__(other)
        return bool(mine < theirs)


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
    # A header click sorts (the figures by value), a third click goes back to the order by
    # category; the order chosen stays when the tables are filled again.
    header.setSortIndicatorClearable(True)
    header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    table.setSortingEnabled(True)
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
    largest: list[tuple[str, _Cell, _Cell]] = []
    reached: list[tuple[str, _Cell, _Cell]] = []
    for key in keys:
        points = data.points.get(key, [])
        if not points:
            continue
        for p in aggregates.records(points, RECORDS_PER_CATEGORY):
            change = p.derived_change or 0
            largest.append((key, (p.date.isoformat(), None), (signed(change), change)))
        step = aggregates.milestone_step(points[-1].total)
        for m in aggregates.milestones(points, step):
            reached.append((key, (number(m.threshold), m.threshold), (m.date.isoformat(), None)))
    _fill(records, largest)
    _fill(milestones, reached)


# A cell's text and, for a figure, the number it sorts by.
_Cell = tuple[str, int | None]


def _fill(table: QTableWidget, rows: list[tuple[str, _Cell, _Cell]]) -> None:
    table.setSortingEnabled(False)  # rows filled in place, then sorted once as chosen
    table.setRowCount(len(rows))
    for r, (key, *cells) in enumerate(rows):
        first = _SortedItem(category_label(key))
        first.setData(Qt.ItemDataRole.UserRole, key)
        table.setItem(r, 0, first)
        for c, (text, value) in enumerate(cells, 1):
            cell = _SortedItem(text)
            if value is not None:
                cell.setData(SORT_ROLE, value)
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, cell)
    table.setSortingEnabled(True)
