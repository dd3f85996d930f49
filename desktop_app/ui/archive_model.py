"""The archive list: a lazy table model over item ids, loading visible rows in pages.

It holds only the ids of the matching items (8 bytes each); titles and times are fetched
a page at a time when a view asks for a row, so 100,000 items cost little memory or time.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desktop_app.core.item import ARTICLE
from desktop_app.storage.items import ItemRow, item_rows, search_item_ids

PAGE = 200
ID_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex


class ArchiveTableModel(QAbstractTableModel):
    COLUMNS = ("Kind", "Published", "Title")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._ids: list[int] = []
        self._rows: dict[int, ItemRow] = {}
        self.query = ""
        self.kind: str | None = None

    # -- loading -------------------------------------------------------------------------
    def search(self, query: str = "", kind: str | None = None) -> None:
        """Replace the list with the items matching `query` (all when empty), newest first."""
        self.query, self.kind = query, kind
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._ids = search_item_ids(self.query, kind=self.kind)
        self._rows.clear()
        self.endResetModel()

    def _row(self, row: int) -> ItemRow | None:
        item_id = self._ids[row]
        cached = self._rows.get(item_id)
        if cached is None:
            start = row - row % PAGE
            self._rows.update(item_rows(self._ids[start : start + PAGE]))
            cached = self._rows.get(item_id)
        return cached

    def item_id(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, item_id: int) -> int | None:
        try:
            return self._ids.index(item_id)
        except ValueError:
            return None

    # -- Qt interface ---------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == ID_ROLE:
            return self._ids[index.row()]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row = self._row(index.row())
        if row is None:
            return None  # deleted since the list was loaded
        col = index.column()
        if col == 0:
            return self.tr("Article") if row.kind == ARTICLE else self.tr("Brief")
        if col == 1:
            return row.published_at.astimezone().strftime("%Y-%m-%d %H:%M")
        if role == Qt.ItemDataRole.ToolTipRole:
            byline = " · ".join(p for p in (row.author, row.source_name) if p)
            return f"{row.title}\n{byline}" if byline else row.title
        return row.title
