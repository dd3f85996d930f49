"""The Trash's entries as a table model: each cell is made when it is shown.

The dialog filled a QTableWidget with three items an entry, on the GUI thread, at every
reload: 0.42 s for 20,000 entries (a thousand deletes of a thousand items each leave a
million). A model over the list the read lane returned costs nothing to swap in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

if TYPE_CHECKING:
    from desktop_app.services.trash import TrashRow

Index = QModelIndex | QPersistentModelIndex
DELETED_COL, WHAT_COL, KIND_COL = range(3)


class TrashModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[TrashRow] = []

    def set_rows(self, rows: list[TrashRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            QCoreApplication.translate("TrashDialog", "Deleted"),
            QCoreApplication.translate("TrashDialog", "What"),
            QCoreApplication.translate("TrashDialog", "Kind"),
        )[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        entry = self.rows[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return entry.id
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        column = index.column()
        if column == DELETED_COL:
            return entry.deleted_at.astimezone().strftime("%Y-%m-%d %H:%M")
        if column == WHAT_COL:
            return entry.label
        # In the dialog's context, where the translations were made.
        if entry.item_kind == "article":
            return QCoreApplication.translate("TrashDialog", "article")
        if entry.item_kind == "brief":
            return QCoreApplication.translate("TrashDialog", "brief")
        if entry.kind == "report":
            return QCoreApplication.translate("TrashDialog", "loss report")
        return entry.item_kind or entry.kind  # another program's entry, as it wrote it
