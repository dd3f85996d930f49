"""The list's menu for its chosen rows: a right-click, the Menu key or Shift+F10.

A right-click on a row that is not chosen chooses it alone first (as file managers do); on a
chosen row it keeps the choice, so the menu's commands act on every chosen item.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QMenu

from desktop_app.ui.archive.list_selection import select_row
from desktop_app.ui.common.accessibility import list_keys


class RowMenu(QObject):
    def __init__(self, views: Sequence[QAbstractItemView], actions: Sequence[QAction]) -> None:
        super().__init__(views[0])
        self.groups: list[list[QAction]] = [list(actions)]
        self.menu: QMenu | None = None  # the one shown last
        for view in views:
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            show = functools.partial(self.show, view)
            view.customContextMenuRequested.connect(show)
            list_keys(view, menu=show)

    def add(self, *actions: QAction) -> None:
        """A group of the window's actions below the list's own (Edit, Delete)."""
        self.groups.append(list(actions))

    def show(self, view: QAbstractItemView, point: QPoint) -> QMenu | None:
        """Open the menu at `point` (viewport coordinates) for the row there."""
        index = view.indexAt(point)
        if not index.isValid() or not index.flags() & Qt.ItemFlag.ItemIsSelectable:
            return None  # below the last row, or a day's heading
        if not view.selectionModel().isRowSelected(index.row(), index.parent()):
            select_row(view, index.row(), scroll=False)
        if self.menu is not None:
            self.menu.deleteLater()
        self.menu = QMenu(view)
        for number, group in enumerate(self.groups):
            if number:
                self.menu.addSeparator()
            self.menu.addActions(group)
        self.menu.popup(view.viewport().mapToGlobal(point))
        return self.menu
