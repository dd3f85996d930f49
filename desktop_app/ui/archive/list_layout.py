"""The archive list's layout: columns shared out to fit, a column chooser, and what is kept.

The header's state (column widths, order, which are shown) and the filter panel's order and
view mode are written to the settings when the window closes and put back at the next start.
A first start (nothing kept) shares the list's width out so that every column, the Match
column too, is on screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QObject, QPoint, QSettings, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QTableView

from desktop_app.ui.archive.archive_model import (
    AUTHOR_COL,
    DATE_COL,
    KIND_COL,
    SORT_ORDERS,
    TITLE_COL,
)

if TYPE_CHECKING:
    from desktop_app.ui.archive.filter_panel import FilterPanel

HEADER_KEY = "archive/header"
ORDER_KEY = "archive/order"
MODE_KEY = "archive/mode"
# The column that cannot be hidden: a list without titles says nothing.
ALWAYS_SHOWN = TITLE_COL


def fit_columns(table: QTableView) -> None:
    """Share the list's width: kind and date keep their width (from the font), the title gets
    half of the rest, the author 15 %, and the Match column (the last, stretched) the rest."""
    header = table.horizontalHeader()
    width = table.viewport().width()
    if width <= 0:
        return
    fixed = sum(
        header.sectionSize(col) for col in (KIND_COL, DATE_COL) if not header.isSectionHidden(col)
    )
    spare = max(0, width - fixed)
    em = table.fontMetrics().horizontalAdvance("M")
    header.resizeSection(TITLE_COL, max(em * 10, int(spare * 0.5)))
    header.resizeSection(AUTHOR_COL, max(em * 5, int(spare * 0.15)))


def restore_header(table: QTableView, settings: QSettings) -> bool:
    """Put back the kept widths, order and shown columns; False when none were kept."""
    state = settings.value(HEADER_KEY)
    if not isinstance(state, QByteArray):
        return False
    header = table.horizontalHeader()
    # The sort indicator is part of the state; restoring it must not ask for a new order.
    header.blockSignals(True)
    try:
        restored = header.restoreState(state)
    finally:
        header.blockSignals(False)
    if header.isSectionHidden(ALWAYS_SHOWN):
        header.showSection(ALWAYS_SHOWN)
    return restored


def save_layout(table: QTableView, filters: FilterPanel | None, settings: QSettings) -> None:
    settings.setValue(HEADER_KEY, table.horizontalHeader().saveState())
    if filters is not None:
        settings.setValue(ORDER_KEY, filters.order_combo.currentData())
        settings.setValue(MODE_KEY, filters.mode)


def apply_saved_choices(filters: FilterPanel, settings: QSettings) -> bool:
    """Choose the kept order and view mode in the panel, without announcing it; True when
    either differs from the panel's default (the caller searches again)."""
    changed = False
    for combo, key in ((filters.order_combo, ORDER_KEY), (filters.mode_combo, MODE_KEY)):
        kept = settings.value(key)
        index = combo.findData(str(kept)) if kept is not None else -1
        if index > 0 and index != combo.currentIndex():
            combo.blockSignals(True)
            combo.setCurrentIndex(index)
            combo.blockSignals(False)
            changed = True
    return changed


def show_sort(table: QTableView, order: str, descending: bool) -> None:
    """The header's sort arrow on the column of the chosen order (none for relevance)."""
    header = table.horizontalHeader()
    column = next((col for col, name in SORT_ORDERS.items() if name == order), -1)
    direction = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
    header.blockSignals(True)
    try:
        header.setSortIndicatorShown(column >= 0)
        if column >= 0:
            header.setSortIndicator(column, direction)
    finally:
        header.blockSignals(False)
    header.viewport().update()


def install_column_chooser(table: QTableView) -> None:
    """Right-click on the header: a tick per column to show or hide it (the title stays);
    columns can be dragged into another order."""
    header = table.horizontalHeader()
    header.setSectionsMovable(True)
    header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    header.customContextMenuRequested.connect(
        lambda point: column_menu(table).popup(header.mapToGlobal(point))
    )


def column_menu(table: QTableView, _point: QPoint | None = None) -> QMenu:
    """The column chooser's menu (built each time, so it shows what is shown now)."""
    header = table.horizontalHeader()
    model = table.model()
    menu = QMenu(header)
    menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    for col in range(model.columnCount()):
        text = str(model.headerData(col, Qt.Orientation.Horizontal) or "")
        action = QAction(text, menu)
        action.setCheckable(True)
        action.setChecked(not header.isSectionHidden(col))
        action.setEnabled(col != ALWAYS_SHOWN)
        action.toggled.connect(lambda on, col=col: header.setSectionHidden(col, not on))
        menu.addAction(action)
    return menu


class ListLayout(QObject):
    """The list's kept layout, for the archive view: the header's state now, the order and
    view mode once the filter panel is built. Without a kept state the columns are shared
    out to fit the list's width, again whenever that width changes, until the user sizes a
    column by hand."""

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self.table = table
        self.settings: QSettings | None = None
        self.auto_fit = True
        self._fitting = False
        install_column_chooser(table)
        table.viewport().installEventFilter(self)
        table.horizontalHeader().sectionResized.connect(self._resized)

    def restore(self, settings: QSettings) -> None:
        self.settings = settings
        if restore_header(self.table, settings):
            self.auto_fit = False

    def save(self, filters: FilterPanel | None, settings: QSettings) -> None:
        save_layout(self.table, filters, settings)

    def panels_built(self, filters: FilterPanel) -> bool:
        """Choose the kept order and view; True when the list must be searched again."""
        kept = self.settings is not None and apply_saved_choices(filters, self.settings)
        self.show_order(filters)
        filters.changed.connect(lambda: self.show_order(filters))
        return kept

    def show_order(self, filters: FilterPanel) -> None:
        show_sort(self.table, *filters.order())

    def fit(self) -> None:
        self._fitting = True
        try:
            fit_columns(self.table)
        finally:
            self._fitting = False

    def _resized(self, section: int, _old: int, _new: int) -> None:
        header = self.table.horizontalHeader()
        visible = [
            header.logicalIndex(v)
            for v in range(header.count())
            if not header.isSectionHidden(header.logicalIndex(v))
        ]
        if visible and section == visible[-1]:
            return  # the last column stretches with the list: not the user's doing
        if not self._fitting and self.table.isVisible():
            self.auto_fit = False  # a column sized by hand: keep the user's widths

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.auto_fit:
            QTimer.singleShot(0, self, self._refit)
        return False

    def _refit(self) -> None:
        if self.auto_fit:
            self.fit()
