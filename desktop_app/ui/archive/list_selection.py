"""Several rows of the list chosen at once (Ctrl+click, Shift+click, Shift+arrows, Ctrl+A).

Read from the selection's ranges, never from `selectedRows()`: Ctrl+A over a million rows is
one range, and `selectedRows()` would make a million indexes on the GUI thread each time it
is asked. The reader shows the current row (the one the keyboard and the last click are on),
or the first chosen one when the current row is not chosen.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QCoreApplication,
    QItemSelection,
    QItemSelectionModel,
    QItemSelectionRange,
    QSignalBlocker,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QTableView

from desktop_app.ui.common.i18n import number

# The most items Space, s and Ctrl+C act on at once: beyond it they say so and do nothing
# (Article ▸ Mark all shown as read marks a whole list, with progress; Delete takes 1,000).
SELECTION_LIMIT = 10_000

# What a reload chooses again (`kept_choice`): the chosen items' ids, or every row.
EVERY_ROW = "every row"
# The most separate runs of chosen rows a reload chooses again. In a list of a million rows
# the GUI thread takes 10 ms for one run of 10,000 (finding the rows), 30-50 ms for 1,000
# rows chosen one by one, and took 0.25 s for 10,000 chosen one by one.
KEPT_RUNS = 1000
Kept = tuple[int, ...] | str | None


def too_many(limit: int) -> str:
    """What the status bar says when more items are chosen than Space, s or Ctrl+C take."""
    return QCoreApplication.translate(
        "ArchiveView",
        "More than %1 articles and briefs are chosen: choose at most %1 at a time.",
    ).replace("%1", number(limit))


def chosen_text(count: int) -> str:
    """The status bar's word on a choice of several."""
    return QCoreApplication.translate(
        "ArchiveView", "%Ln article(s) and brief(s) chosen", "", count
    )


def _ranges(view: QAbstractItemView) -> list[QItemSelectionRange]:
    selection = view.selectionModel().selection()
    return [selection.at(i) for i in range(selection.count())]


def chosen_row(view: QAbstractItemView) -> int | None:
    """The row the reader shows: the current one when it is chosen, else the first chosen."""
    selection = view.selectionModel()
    current = view.currentIndex()
    if current.isValid() and selection.isRowSelected(current.row(), current.parent()):
        return current.row()
    ranges = _ranges(view)
    if not ranges:
        return None
    first = min(ranges, key=lambda r: r.top())
    row = first.top()
    # A run can start on one of the timeline's day headings, which is never chosen.
    if not view.model().flags(view.model().index(row, 0)) & Qt.ItemFlag.ItemIsSelectable:
        row = row + 1 if row < first.bottom() else row
    return row


def chosen_count(view: QAbstractItemView) -> int:
    """How many items are chosen (ranges may overlap only where columns differ: rows are
    chosen whole here, so they do not). A run over the timeline spans its day headings,
    which are not counted: its model says how many a run holds (`headings_in`)."""
    headings = getattr(view.model(), "headings_in", None)
    ranges = _ranges(view)
    count = sum(r.bottom() - r.top() + 1 for r in ranges)
    if headings is not None:
        count -= sum(int(headings(r.top(), r.bottom())) for r in ranges)
    return count


def chosen_ids(
    view: QAbstractItemView, item_id: Callable[[int], int | None], limit: int
) -> list[int]:
    """The chosen items in the list's order, at most `limit` + 1 of them (one more than the
    limit tells the caller there are too many, without reading a million)."""
    # In the timeline a day heading follows at least one item: twice as many rows hold
    # the items wanted.
    reach = 2 * limit + 1 if hasattr(view.model(), "headings_in") else limit
    rows: set[int] = set()
    for part in sorted(_ranges(view), key=lambda r: r.top()):
        rows.update(range(part.top(), min(part.bottom(), part.top() + reach) + 1))
        if len(rows) > reach:
            break
    ids = (item_id(row) for row in sorted(rows)[: reach + 1])
    return [i for i in ids if i is not None][: limit + 1]


def select_row(view: QAbstractItemView, row: int | None, *, scroll: bool) -> bool:
    """Make `row` the current row and the only one chosen; False when there is none."""
    if row is None:
        return False
    index = view.model().index(row, 0)
    flags = QItemSelectionModel.SelectionFlag
    view.selectionModel().setCurrentIndex(index, flags.ClearAndSelect | flags.Rows)
    if scroll:
        view.scrollTo(index)
    return True


def kept_choice(view: QAbstractItemView, item_id: Callable[[int], int | None]) -> Kept:
    """What a reload of the list chooses again (`choose_again`): the chosen items, or every
    row when all were chosen; None for one row or none (the item read is chosen again
    anyway), and for more than `SELECTION_LIMIT` items or `KEPT_RUNS` separate runs of rows
    in a longer list (only the item read is kept)."""
    count = chosen_count(view)
    if count < 2:
        return None
    model, end = view.model(), view.model().rowCount()
    headings = getattr(model, "headings_in", None)  # the timeline's days are not chosen
    if count == end - (int(headings(0, end - 1)) if headings is not None else 0):
        return EVERY_ROW
    if count > SELECTION_LIMIT or view.selectionModel().selection().count() > KEPT_RUNS:
        return None
    return tuple(chosen_ids(view, item_id, SELECTION_LIMIT))


def choose_again(
    view: QAbstractItemView, kept: Kept, rows_of: Callable[[Sequence[int]], list[int]]
) -> int:
    """Choose again, beside the current row, the rows of the reloaded list that hold the items
    of `kept` (those gone from it stay unchosen); how many rows are chosen now."""
    model = view.model()
    end = model.rowCount()
    if kept is None or end == 0:
        return chosen_count(view)
    # Runs of consecutive rows, one range each: every row is one range at any length.
    runs = [(0, end - 1)] if isinstance(kept, str) else _runs(rows_of(kept))
    # The view's headings count the columns (a list model's columnCount is private to Qt).
    columns = view.horizontalHeader().count() if isinstance(view, QTableView) else 1
    last = max(columns, 1) - 1
    selection = QItemSelection()
    for top, bottom in runs:
        selection.append(QItemSelectionRange(model.index(top, 0), model.index(bottom, last)))
    # Each range spans every column already: with the Rows flag Qt took 200 ms to expand
    # 10,000 ranges again. Quietly: the same items are chosen as before, so the status bar
    # keeps what the change said ("Changed the tags of 824 …") and the reader its item.
    with QSignalBlocker(view.selectionModel()):
        view.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.Select)
    view.viewport().update()
    return chosen_count(view)


def _runs(rows: Sequence[int]) -> list[tuple[int, int]]:
    """Sorted `rows` as (first, last) runs of consecutive rows."""
    runs: list[tuple[int, int]] = []
    for row in sorted(rows):
        if runs and row == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs
