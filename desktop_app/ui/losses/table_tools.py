"""The Losses table's tools: sort by a column, show one year, copy and keep the selection.

- A click on a header sorts by that column (newest first to begin with); the header's menu
  chooses whether a category sorts by its total or its daily change.
- The Year box shows every report or one year's: the reports are a ledger of days over
  several years, and a year is the span an analyst compares (a text filter has nothing to
  match in a table of figures, and a date range is what the chart's zoom already gives).
- Ctrl+C (and the table's menu) copies the selected rows as tab-separated text with a header
  line, each category as its total and its change in plain digits, so that a spreadsheet
  takes them as numbers; Ctrl+A selects every row shown.
- The selected reports are remembered by date before the rows are read again and selected
  again when they arrive.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPoint,
    QSettings,
    Qt,
)
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QComboBox, QLabel, QMenu, QTableView, QWidget

from desktop_app.ui.common.accessibility import name
from desktop_app.ui.losses.report_order import BY_ARTICLE, BY_DATE, Arrangement
from desktop_app.ui.losses.report_table_model import (
    DATE_COLUMN,
    DAY_COLUMN,
    FIRST_CATEGORY_COLUMN,
    ReportTableModel,
    category_label,
)

if TYPE_CHECKING:
    from collections.abc import Iterable


SORT_KEY = "losses/sort"  # in the settings: "tanks descending total"


def _remembered(settings: QSettings) -> Arrangement:
    """The sort kept in the settings (newest first when none or not ours)."""
    words = str(settings.value(SORT_KEY, "") or "").split()
    if len(words) != 3 or words[1] not in ("ascending", "descending"):
        return Arrangement()
    return Arrangement(words[0], words[1] == "descending", words[2] == "change")


def copy_text(model: ReportTableModel, rows: Iterable[int]) -> str:
    """`rows` as tab-separated lines under a header line: Date, Day, each category's total
    and change, Published in; figures in plain digits, a missing one as an empty field."""
    header = [
        QCoreApplication.translate("ReportTableModel", "Date"),
        QCoreApplication.translate("ReportTableModel", "Day"),
    ]
    for key in model.category_keys():
        label = category_label(key)
        change = QCoreApplication.translate("ReportTableModel", "{category} change")
        header += [label, change.format(category=label)]
    header.append(QCoreApplication.translate("ReportTableModel", "Published in"))
    lines = ["\t".join(header)]
    for row in rows:
        date = model.date_at(row)
        if date is None:
            continue
        fields = [date.isoformat(), str(model.data(model.index(row, DAY_COLUMN)))]
        for i in range(len(model.category_keys())):
            cell = model.cell_at(row, FIRST_CATEGORY_COLUMN + i)
            if cell is None:
                fields += ["", ""]
                continue
            _date, total, stated, derived, _before = cell
            delta = stated if stated is not None else derived
            fields += [str(total), "" if delta is None else str(delta)]
        titles = [title for _id, title in model.articles_at(row)]
        fields.append("; ".join(t.replace("\t", " ").replace("\n", " ") for t in titles))
        lines.append("\t".join(fields))
    return "\n".join(lines) + "\n"


class TableTools(QObject):
    """Sort, year filter, copy and select all for the Losses table (`table` shows `model`)."""

    def __init__(
        self, table: QTableView, model: ReportTableModel, parent: QWidget, settings: QSettings
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.table = table
        self.model = model
        self.year_combo = QComboBox(parent)
        self.year_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.year_combo.addItem(self.tr("All years"), None)
        self.year_combo.currentIndexChanged.connect(self._year_chosen)
        self.year_caption = QLabel(self.tr("&Year:"), parent)
        self.year_caption.setBuddy(self.year_combo)
        name(self.year_combo, self.tr("Year"), self.tr("The year whose reports the table shows"))

        header = table.horizontalHeader()
        header.setSortIndicator(DATE_COLUMN, Qt.SortOrder.DescendingOrder)
        header.setSortIndicatorShown(True)
        table.setSortingEnabled(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._show_header_menu)
        self.header_menu: QMenu | None = None
        self.by_total_action = QAction(self.tr("Sort figures by &total"), self)
        self.by_change_action = QAction(self.tr("Sort figures by daily chan&ge"), self)
        group = QActionGroup(self)
        for act, by_change in ((self.by_total_action, False), (self.by_change_action, True)):
            act.setCheckable(True)
            group.addAction(act)
            act.triggered.connect(lambda _on=False, b=by_change: self.model.set_by_change(b))
        # The sort the user chose last time (in the settings), marked once the columns are in.
        model.arrangement = remembered = _remembered(settings)
        (self.by_change_action if remembered.by_change else self.by_total_action).setChecked(True)
        model.layoutChanged.connect(self._remember_sort)
        model.modelReset.connect(self._remember_sort)

        self.copy_action = QAction(self.tr("&Copy rows"), self)
        self.copy_action.setShortcuts(QKeySequence.StandardKey.Copy)
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.copy_action.triggered.connect(self.copy)
        table.addAction(self.copy_action)
        self.select_all_action = QAction(self.tr("Select &all"), self)
        self.select_all_action.setShortcuts(QKeySequence.StandardKey.SelectAll)
        self.select_all_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.select_all_action.triggered.connect(table.selectAll)
        table.addAction(self.select_all_action)
        self._kept: list[dt.date] = []

    def _remember_sort(self) -> None:
        how = self.model.arrangement
        order = "descending" if how.descending else "ascending"
        figure = "change" if how.by_change else "total"
        self.settings.setValue(SORT_KEY, f"{how.key} {order} {figure}")

    # -- year ------------------------------------------------------------------------------

    def loaded(self) -> None:
        """New rows arrived: list their years, and mark the sorted column where it is now."""
        self.refill_years()
        how = self.model.arrangement
        if how.key == BY_DATE:
            column: int | None = DATE_COLUMN
        elif how.key == BY_ARTICLE:
            column = self.model.article_column
        else:
            column = self.model.column_of(how.key)
        order = Qt.SortOrder.DescendingOrder if how.descending else Qt.SortOrder.AscendingOrder
        header = self.table.horizontalHeader()
        if column is not None and (header.sortIndicatorSection(), header.sortIndicatorOrder()) != (
            column,
            order,
        ):
            header.setSortIndicator(column, order)  # the model is sorted so already

    def refill_years(self) -> None:
        """List the years with reports; the year chosen stays while it has any."""
        chosen = self.year_combo.currentData()
        years = self.model.years()
        self.year_combo.blockSignals(True)
        while self.year_combo.count() > 1:
            self.year_combo.removeItem(1)
        for year in years:
            self.year_combo.addItem(str(year), year)
        index = self.year_combo.findData(chosen) if chosen in years else 0
        self.year_combo.setCurrentIndex(index)
        self.year_combo.blockSignals(False)
        if chosen not in years and self.model.arrangement.year is not None:
            self.model.set_year(None)

    def reveal(self, date: dt.date) -> bool:
        """Show `date`'s year when the Year box hides the stored report of `date` (opened
        from a chart, the problems panel or a save); False when it hides nothing of it."""
        if self.model.arrangement.year in (None, date.year) or not self.model.stored(date):
            return False
        self.year_combo.setCurrentIndex(self.year_combo.findData(date.year))
        return True

    def _year_chosen(self, _index: int) -> None:
        year = self.year_combo.currentData()
        self.model.set_year(year if isinstance(year, int) else None)
        current = self.table.currentIndex()
        if not current.isValid() and self.model.rowCount():
            # The selected report is hidden: its newest shown one is selected instead (the
            # chart and Open article follow the selection, never a hidden day).
            self.table.selectRow(0)
            current = self.table.currentIndex()
        self.table.scrollTo(current)

    # -- copy and selection ----------------------------------------------------------------

    def selected_rows(self) -> list[int]:
        """The selected rows in the order shown (the current row when none is selected)."""
        rows = sorted(i.row() for i in self.table.selectionModel().selectedRows())
        current = self.table.currentIndex()
        return rows or ([current.row()] if current.isValid() else [])

    def copy(self) -> str:
        """Put the selected rows on the clipboard (see `copy_text`); returns the text."""
        rows = self.selected_rows()
        if not rows:
            return ""
        text = copy_text(self.model, rows)
        clipboard = QGuiApplication.clipboard()
        clipboard.setText(text)
        return text

    def remember_selection(self) -> None:
        """Note the selected reports' dates (before the rows are read again)."""
        self._kept = [d for r in self.selected_rows() if (d := self.model.date_at(r))]

    def restore_selection(self) -> None:
        """Select again the remembered reports that are still shown (the current row apart:
        the view puts it back itself)."""
        kept, self._kept = self._kept, []
        if len(kept) < 2:
            return
        selection = QItemSelection()
        last = self.model.columnCount() - 1
        rows = sorted(r for d in kept if (r := self.model.row_of(d)) is not None)
        # One range a run of adjacent rows: Ctrl+A over 2,000 rows is one range, not 2,000.
        start = 0
        for i, row in enumerate(rows):
            if i + 1 == len(rows) or rows[i + 1] != row + 1:
                top, bottom = self.model.index(rows[start], 0), self.model.index(row, last)
                selection.select(top, bottom)
                start = i + 1
        flags = QItemSelectionModel.SelectionFlag.Select
        self.table.selectionModel().select(selection, flags)

    def point_at(self, index: QModelIndex) -> None:
        """Make `index` current for the table's menu: a right-click on a selected row keeps
        the others selected (for Copy), as a file manager does; on another row it selects
        that row alone."""
        model = self.table.selectionModel()
        flags = QItemSelectionModel.SelectionFlag
        if model.isRowSelected(index.row()):
            model.setCurrentIndex(index, flags.NoUpdate)
        else:
            model.setCurrentIndex(index, flags.ClearAndSelect | flags.Rows)

    def add_to_menu(self, menu: QMenu, column: int) -> None:
        """The table's menu ends with Copy rows, Select all and sorting by `column` (the
        keyboard's way to what a header's click and its menu do)."""
        menu.addSeparator()
        menu.addActions([self.copy_action, self.select_all_action])
        menu.addSeparator()
        title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
        sort = QAction(self.tr("&Sort by “%1”").replace("%1", title), menu)
        sort.triggered.connect(lambda: self.sort_by(column))
        menu.addAction(sort)
        if self.model.key_at(column) is not None:
            menu.addActions([self.by_total_action, self.by_change_action])

    def sort_by(self, column: int) -> None:
        """Sort by `column`: largest (newest) first, the other way when it is sorted already."""
        header = self.table.horizontalHeader()
        order = Qt.SortOrder.DescendingOrder
        if header.sortIndicatorSection() == column and header.sortIndicatorOrder() == order:
            order = Qt.SortOrder.AscendingOrder
        self.table.sortByColumn(column, order)

    def _show_header_menu(self, pos: QPoint) -> None:
        menu = QMenu(self.table)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addActions([self.by_total_action, self.by_change_action])
        self.header_menu = menu
        menu.popup(self.table.horizontalHeader().mapToGlobal(pos))
