"""Briefs as a feed: one row per item with its time, under a heading for each local day.

Like the table model it keeps only integers for the whole result (an id, or a negative
number standing for a day heading) and loads titles a page at a time, off the GUI thread.
"""

from __future__ import annotations

import datetime as dt
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QAbstractItemView, QApplication, QHeaderView, QTableView

from desktop_app.ui.archive.archive_model import ID_ROLE, PAGE
from desktop_app.ui.archive.list_table import ListTable
from desktop_app.ui.archive.row_pages import Loader, RowCache, row_holding, rows_holding
from desktop_app.ui.common.i18n import long_date

if TYPE_CHECKING:
    from desktop_app.services.queries import ItemRow

Index = QModelIndex | QPersistentModelIndex
HEADING_ROLE = Qt.ItemDataRole.UserRole + 10


class TimelineModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._entries = array("i")  # id >= 0, or -(n + 1) for the n-th day heading
        # None: the items whose time another program stored in a form of its own.
        self._days: list[tuple[dt.date | None, int]] = []
        self._heading_rows: list[int] = []  # the rows of the day headings, ascending
        self.cache = RowCache(self._repaint)

    def set_loader(self, loader: Loader) -> None:
        """Where rows are read: a background thread, never this one."""
        self.cache.loader = loader

    def set_entries(
        self, ids: Sequence[int], days: list[tuple[str, int]], rows: list[ItemRow] | None = None
    ) -> None:
        """The list newest first, and its local days ("YYYY-MM-DD") newest first, each with
        how many of the list's items it holds; with the first rows when they are at hand.
        A loop over the days, not the items: a million ids are copied a day at a time."""
        self.beginResetModel()
        listed = ids if isinstance(ids, array) and ids.typecode == "i" else array("i", ids)
        entries = array("i")
        kept: list[tuple[dt.date | None, int]] = []
        heading_rows: list[int] = []
        start = 0
        for day, count in days:
            kept.append((_day(day), count))
            heading_rows.append(len(entries))
            entries.append(-len(kept))
            entries.extend(listed[start : start + count])
            start += count
        entries.extend(listed[start:])  # none, unless a write came between the two reads
        self._entries, self._days, self._heading_rows = entries, kept, heading_rows
        self.cache.clear()
        if rows:
            self.cache.add(rows)
        self.endResetModel()

    def item_id(self, row: int) -> int | None:
        value = self._entries[row]
        return value if value >= 0 else None

    def headings_in(self, top: int, bottom: int) -> int:
        """How many day headings rows `top` to `bottom` hold: a chosen run of rows spans them,
        though they are never chosen themselves."""
        return bisect_right(self._heading_rows, bottom) - bisect_left(self._heading_rows, top)

    def rows_of(self, item_ids: Sequence[int]) -> list[int]:
        """The rows holding any of `item_ids`, in order (one pass over the list)."""
        return rows_holding(self._entries, item_ids)

    def row_of(self, item_id: int) -> int | None:
        return row_holding(self._entries, item_id)

    def set_marks(
        self, item_id: int, *, is_read: bool | None = None, starred: bool | None = None
    ) -> bool:
        """Show new marks of a loaded row at once (the write follows on the write lane)."""
        if not self.cache.mark(item_id, is_read=is_read, starred=starred):
            return False
        position = self.row_of(item_id)
        if position is not None:
            self._repaint(position, position)
        return True

    def mark_rows(
        self, item_ids: Sequence[int], *, is_read: bool | None = None, starred: bool | None = None
    ) -> None:
        """`set_marks` for several rows, with one repaint (not a search of the list each)."""
        if any([self.cache.mark(i, is_read=is_read, starred=starred) for i in item_ids]):
            self._repaint(0, len(self._entries) - 1)

    def refresh(self, item_ids: frozenset[int] | None = None) -> None:
        """Read the rows of `item_ids` (None: every loaded row) again, in the background."""
        rows = rows_holding(self._entries, self.cache.rows if item_ids is None else item_ids)
        if rows:
            self.cache.refresh([self._entries[r] for r in rows], rows[0], rows[-1])

    def _repaint(self, first: int, last: int) -> None:
        last = min(last, len(self._entries) - 1)
        if 0 <= first <= last:
            self.dataChanged.emit(self.index(first), self.index(last))

    def _row(self, row: int) -> ItemRow | None:
        start = row - row % PAGE
        return self.cache.get(
            self._entries[row],
            (start, start + PAGE - 1),
            lambda: [i for i in self._entries[start : start + PAGE] if i >= 0],
        )

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if index.isValid() and self._entries[index.row()] < 0:
            return Qt.ItemFlag.ItemIsEnabled  # a heading: not selectable
        return super().flags(index)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        value = self._entries[index.row()]
        if value < 0:
            return self._heading(-value - 1, role)
        if role == ID_ROLE:
            return value
        if role == HEADING_ROLE:
            return False
        spoken = role == Qt.ItemDataRole.AccessibleTextRole
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.FontRole) and not spoken:
            return None
        row = self._row(index.row())
        if row is None:
            return None
        if spoken:  # bold, ★ and ≈ in words, for a screen reader
            marks = [self.tr("unread")] * (not row.is_read) + [self.tr("starred")] * row.starred
            marks += [self.tr("time estimated")] * row.date_estimated
            when = row.local_time("%H:%M")
            return ", ".join([f"{when} {row.title}", *marks])
        if role == Qt.ItemDataRole.FontRole:
            if row.is_read:
                return None
            font = QFont()
            font.setBold(True)
            return font
        star = "★ " if row.starred else ""
        # ≈: the source stated no time (as the table's Published column marks it).
        when = ("  ≈ " if row.date_estimated else "    ") + row.local_time("%H:%M")
        return f"{when}   {star}{row.title}"

    def _heading(self, n: int, role: int) -> Any:
        date, count = self._days[n]
        if role == HEADING_ROLE:
            return True
        if role == Qt.ItemDataRole.DisplayRole:
            # In the interface's language, as the reader writes a day.
            when = long_date(date) if date else self.tr("Time stored in another program's form")
            return self.tr("%1 · %Ln item(s)", "", count).replace("%1", when)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            font.setCapitalization(QFont.Capitalization.SmallCaps)  # unlike an unread row
            return font
        if role == Qt.ItemDataRole.BackgroundRole:
            return QApplication.palette().color(QPalette.ColorRole.Button)
        return None


def _day(text: str | None) -> dt.date | None:
    """A local day as SQL gave it; None for a time that is no time ('2026-11-01 09:00')."""
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None


def timeline_view(model: TimelineModel) -> QTableView:
    """The timeline's view: one column, no headers or grid, rows of one height. A table, not
    a QListView: a QListView lays out every row when its model resets (it asked this model
    for its row count twice a row: 4.5 s on the GUI thread for a million), a table with
    fixed row heights only the rows on screen."""
    view = ListTable()
    view.setModel(model)
    view.horizontalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    rows = view.verticalHeader()
    rows.hide()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(view.fontMetrics().height() + 6)
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.setTabKeyNavigation(False)  # Tab leaves the list; arrows move inside it
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return view
