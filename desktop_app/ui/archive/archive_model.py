"""The archive list: a lazy table model over item ids, loading visible rows in pages.

It holds only the ids of the matching items (8 bytes each, in an array); titles, flags and
snippets are fetched a page at a time, off the GUI thread (through `loader`, the search
worker), when a view asks for a row, and painted when they arrive; so 100,000 items cost
little memory or time and painting never reads the archive. Sorting is a new query in SQL,
asked for through `sortRequested`.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont

from desktop_app.core.item import ARTICLE, BRIEF
from desktop_app.core.search_query import Query, parse_query
from desktop_app.ui.archive.row_pages import Loader, RowCache, row_holding, rows_holding
from desktop_app.ui.archive.snippet_pages import SnippetPages
from desktop_app.ui.common.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from collections.abc import Sequence

    from desktop_app.services.queries import ItemRow

# The list's two modes (the filter panel's View box); the table until the panel says otherwise.
TABLE_MODE, TIMELINE_MODE = "table", "timeline"
PAGE = 200
ID_ROLE = Qt.ItemDataRole.UserRole + 1
SNIPPET_ROLE = Qt.ItemDataRole.UserRole + 2
STARRED_ROLE = Qt.ItemDataRole.UserRole + 3
# The roles this model answers; Qt asks each cell for about eight while painting it, so the
# others are turned away before anything else is looked at (a set of ints: one hash).
_ROW_ROLES = frozenset(
    int(role)
    for role in (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.FontRole,
        STARRED_ROLE,
    )
)
ANSWERED_ROLES = _ROW_ROLES | {int(ID_ROLE), int(SNIPPET_ROLE)}
_FONT_ROLE = int(Qt.ItemDataRole.FontRole)
_TOOLTIP_ROLE = int(Qt.ItemDataRole.ToolTipRole)
_STARRED_ROLE = int(STARRED_ROLE)
KIND_COL, DATE_COL, TITLE_COL, AUTHOR_COL, MATCH_COL = range(5)
# Which SQL order a click on a column header asks for.
SORT_ORDERS = {DATE_COL: "date", TITLE_COL: "title", AUTHOR_COL: "author"}

Index = QModelIndex | QPersistentModelIndex


class ArchiveTableModel(QAbstractTableModel):
    COLUMNS = (
        QT_TRANSLATE_NOOP("ArchiveTableModel", "Kind"),
        QT_TRANSLATE_NOOP("ArchiveTableModel", "Published"),
        QT_TRANSLATE_NOOP("ArchiveTableModel", "Title"),
        QT_TRANSLATE_NOOP("ArchiveTableModel", "Author"),
        QT_TRANSLATE_NOOP("ArchiveTableModel", "Match"),
    )
    # The last column's name when the search has no words: each item's first words.
    PREVIEW = QT_TRANSLATE_NOOP("ArchiveTableModel", "Preview")
    sortRequested = Signal(str, bool)  # order, descending

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._ids = array("i")  # ids stay below 2**30: 4 bytes each
        self.cache = RowCache(self._repaint)
        self.snippets = SnippetPages(
            self, lambda first, end: self._ids[first:end].tolist(), self._repaint_snippets
        )
        self._partial = False  # only a first page is shown; its full id list is on its way
        self.query = ""
        self.kind: str | None = None
        self.parsed: Query = parse_query("")
        self._bold = QFont()
        self._bold.setBold(True)  # unread, as in a mail program

    def set_loader(self, loader: Loader) -> None:
        """Where rows and snippets are read: a background thread, never this one."""
        self.cache.loader = loader
        self.snippets.loader = loader

    # -- loading -------------------------------------------------------------------------
    def show_first_rows(self, rows: list[ItemRow], parsed: Query) -> None:
        """Show a search's first page (rows included) before its full id list arrives."""
        self.beginResetModel()
        self._ids = array("i", (r.id for r in rows))
        self.parsed = parsed
        self._clear()
        self.cache.add(rows)
        self._partial = True
        self.endResetModel()

    def _clear(self) -> None:
        self.cache.clear()
        self.snippets.clear(self.parsed)

    def set_ids(self, ids: Sequence[int], parsed: Query, rows: list[ItemRow] | None = None) -> None:
        """Show a result computed elsewhere (the search worker), with its first rows if given."""
        shown, partial = len(self._ids), self._partial
        self._partial = False
        if (
            partial
            and parsed == self.parsed
            and shown
            and len(ids) >= shown
            and self._ids == array("i", ids[:shown])
        ):
            # The rest of the list whose first page is shown: append, keeping the loaded
            # rows, the selection and the scroll position.
            if len(ids) > shown:
                self.beginInsertRows(QModelIndex(), shown, len(ids) - 1)
                self._ids.extend(ids[shown:])
                self.endInsertRows()
            return
        self.beginResetModel()
        self._ids = array("i", ids)
        self.parsed = parsed
        self._clear()
        if rows:
            self.cache.add(rows)
        self.endResetModel()

    # -- rows and marks -------------------------------------------------------------------
    def set_marks(
        self, item_id: int, *, is_read: bool | None = None, starred: bool | None = None
    ) -> bool:
        """Show new marks of a loaded row at once (the write follows on the write lane)."""
        if not self.cache.mark(item_id, is_read=is_read, starred=starred):
            return False
        self._repaint_ids([item_id])
        return True

    def mark_rows(
        self, item_ids: Sequence[int], *, is_read: bool | None = None, starred: bool | None = None
    ) -> None:
        """`set_marks` for several rows, with one repaint (not a search of the list each)."""
        if any([self.cache.mark(i, is_read=is_read, starred=starred) for i in item_ids]):
            self._repaint(0, len(self._ids) - 1)

    def refresh(self, item_ids: frozenset[int] | None = None) -> None:
        """Read the rows of `item_ids` (None: every loaded row) again, in the background."""
        rows = rows_holding(self._ids, self.cache.rows if item_ids is None else item_ids)
        if rows:
            self.cache.refresh([self._ids[r] for r in rows], rows[0], rows[-1])

    def _repaint_ids(self, item_ids: list[int]) -> None:
        for item_id in item_ids:
            row = self.row_of(item_id)
            if row is not None:
                self._repaint(row, row)

    def _repaint_snippets(self, first: int, last: int) -> None:
        self._repaint(first, last, MATCH_COL, MATCH_COL)

    def _repaint(self, first: int, last: int, left: int = 0, right: int = -1) -> None:
        """Rows first…last (clipped to the list), columns left…right (-1: the last)."""
        last = min(last, len(self._ids) - 1)
        right = len(self.COLUMNS) - 1 if right < 0 else right
        if 0 <= first <= last:
            self.dataChanged.emit(self.index(first, left), self.index(last, right))

    def _row(self, row: int) -> ItemRow | None:
        start = row - row % PAGE
        return self.cache.get(
            self._ids[row],
            (start, start + PAGE - 1),
            lambda: self._ids[start : start + PAGE].tolist(),
        )

    def item_id(self, row: int) -> int:
        return self._ids[row]

    def ids(self) -> list[int]:
        return self._ids.tolist()

    def row_of(self, item_id: int) -> int | None:
        return row_holding(self._ids, item_id)

    def rows_of(self, item_ids: Sequence[int]) -> list[int]:
        """The rows holding any of `item_ids`, in order (one pass over the list: a few ms at
        a million rows, where `row_of` for each would be a pass each)."""
        return rows_holding(self._ids, item_ids)

    # -- Qt interface ---------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if section == MATCH_COL and not self.snippets.matching:
                return self.tr(self.PREVIEW)
            return self.tr(self.COLUMNS[section])
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column in SORT_ORDERS:
            self.sortRequested.emit(SORT_ORDERS[column], order == Qt.SortOrder.DescendingOrder)

    def multiData(
        self,
        index: Index,
        roleDataSpan: QModelRoleDataSpan | QModelRoleData,  # noqa: N803
    ) -> None:
        """Every role a painted cell asks for, in one call from Qt (not seven: each call into
        Python takes the interpreter lock, which a busy background thread makes slow)."""
        if isinstance(roleDataSpan, QModelRoleData):
            roleDataSpan.setData(self.data(index, roleDataSpan.role()))
            return
        for n in range(roleDataSpan.size()):
            role_data: QModelRoleData = roleDataSpan[n]  # type: ignore[index]
            role_data.setData(self.data(index, role_data.role()))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in ANSWERED_ROLES:
            return None
        n = index.row()
        if not 0 <= n < len(self._ids) or not index.isValid():
            return None
        if role not in _ROW_ROLES:
            return self._ids[n] if role == ID_ROLE else self.snippets.text(n, self._ids[n])
        row = self._row(n)
        if row is None:
            return None  # deleted since the list was loaded
        if role == _STARRED_ROLE:
            return row.starred
        if role == _FONT_ROLE:
            return None if row.is_read else self._bold
        col = index.column()
        if col == KIND_COL:
            # Another program's kind is shown as it wrote it (the reader then says why it
            # cannot open the item), never passed off as a brief.
            kind = {ARTICLE: self.tr("Article"), BRIEF: self.tr("Brief")}.get(row.kind, row.kind)
            return ("★ " + kind) if row.starred else kind
        if col == DATE_COL:
            shown = row.local_time("%Y-%m-%d %H:%M")
            if row.stored_time is not None and role == _TOOLTIP_ROLE:
                return self.tr("Stored by another program in a form this one does not write")
            if row.date_estimated:
                # The source stated no time (an undated feed entry, a brief dated from its page).
                if role == _TOOLTIP_ROLE:
                    return self.tr("Estimated: the source gave no time")
                return "≈ " + shown
            return shown
        if col == AUTHOR_COL:
            return row.author
        if col == MATCH_COL:
            text = self.snippets.text(n, self._ids[n])
            return text.replace("\x02", "").replace("\x03", "")
        if role == _TOOLTIP_ROLE:
            byline = " · ".join(p for p in (row.author, row.source_name) if p)
            return f"{row.title}\n{byline}" if byline else row.title
        return row.title
