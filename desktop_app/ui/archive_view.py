"""The archive tab: a search field and kind filter, the item list, and the reader."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.item import ARTICLE, BRIEF
from desktop_app.storage.items import get_item, set_read
from desktop_app.ui.archive_model import ArchiveTableModel
from desktop_app.ui.reader_view import ReaderView

SEARCH_DELAY_MS = 250


class ArchiveView(QWidget):
    itemOpened = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Search articles and briefs (Ctrl+F)"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setToolTip(
            self.tr("Words must all match; the last word also matches as a prefix.")
        )
        self.kind_combo = QComboBox()
        self.kind_combo.addItem(self.tr("All"), None)
        self.kind_combo.addItem(self.tr("Articles"), ARTICLE)
        self.kind_combo.addItem(self.tr("Briefs"), BRIEF)
        self.count_label = QLabel()

        self.model = ArchiveTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        # Fixed row height: the view then never asks for every row's size (lazy model).
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        # Widths from the font, never ResizeToContents: that would load every row to measure.
        metrics = self.fontMetrics()
        header.resizeSection(0, metrics.horizontalAdvance("Article") + 24)
        header.resizeSection(1, metrics.horizontalAdvance("2026-08-08 14:35") + 24)
        header.setStretchLastSection(True)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)

        self.reader = ReaderView()

        bar = QHBoxLayout()
        bar.addWidget(self.search_edit, 1)
        bar.addWidget(self.kind_combo)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(bar)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.count_label)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.reader)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.run_search)
        self.search_edit.textChanged.connect(self._debounce.start)
        self.search_edit.returnPressed.connect(self.run_search)
        self.kind_combo.currentIndexChanged.connect(self.run_search)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

    def run_search(self) -> None:
        self._debounce.stop()
        current = self.reader.current_id
        self.model.search(self.search_edit.text(), self.kind_combo.currentData())
        self._update_count()
        if current is not None:
            self.select_item(current)

    def reload(self) -> None:
        self.run_search()

    def _update_count(self) -> None:
        n = self.model.rowCount()
        self.count_label.setText(self.tr("%n item(s)", "", n))

    def select_item(self, item_id: int) -> bool:
        row = self.model.row_of(item_id)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.item_id(rows[0].row()) if rows else None

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        item_id = self.selected_id()
        if item_id == self.reader.current_id:
            return
        item = get_item(item_id) if item_id is not None else None
        self.reader.show_item(item)
        if item is not None:
            if not item.is_read:
                set_read(item.id)
            self.itemOpened.emit(item.id)
