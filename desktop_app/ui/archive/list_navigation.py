"""Moving through the list with the keyboard (j/k; ↓ from the search field into it), in the
table or the timeline alike."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QTableView


def step_selection(view: QAbstractItemView, step: int) -> None:
    """Select the next (`step` 1) or previous (−1) selectable row; day headings are skipped."""
    model = view.model()
    row = view.currentIndex().row() if view.currentIndex().isValid() else -1
    count = model.rowCount()
    row += step
    while 0 <= row < count:
        index = model.index(row, 0)
        if model.flags(index) & Qt.ItemFlag.ItemIsSelectable:
            view.setCurrentIndex(index)
            if isinstance(view, QTableView):
                view.selectRow(row)
            view.scrollTo(index)
            return
        row += step


def enter_list(view: QAbstractItemView) -> None:
    """↓ from the search field: the keyboard in the list, on its first item when none was
    chosen (the reader shows it)."""
    view.setFocus(Qt.FocusReason.ShortcutFocusReason)
    if not view.selectionModel().hasSelection():
        # Qt made the first cell current on the focus, without choosing it: start before it.
        view.selectionModel().clearCurrentIndex()
        step_selection(view, 1)
