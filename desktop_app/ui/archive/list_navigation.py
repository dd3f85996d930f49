"""Moving through the list with the keyboard (j/k; ↓ from the search field into it), in the
table or the timeline alike."""

from __future__ import annotations

from collections.abc import Callable

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


def id_after_chosen(view: QAbstractItemView, item_id: Callable[[int], int | None]) -> int | None:
    """The item the list goes on from once the chosen ones are gone (a delete): the first one
    below the last chosen, else the nearest above the first chosen; None when none is left."""
    selection = view.selectionModel().selection()
    if selection.isEmpty():
        return None
    ranges = [selection.at(i) for i in range(selection.count())]
    top, bottom = min(r.top() for r in ranges), max(r.bottom() for r in ranges)
    chosen = view.selectionModel()
    rows = [*range(bottom + 1, view.model().rowCount()), *range(top - 1, -1, -1)]
    for row in rows[: 2 * 1000]:  # past a thousand rows of headings or chosen ones: none
        found = item_id(row)
        if found is not None and not chosen.isRowSelected(row):
            return found
    return None
