"""The rows the list models show, loaded a page at a time off the GUI thread.

A model asks `RowCache.get` for a row while painting; a row not loaded yet is asked for (its
whole page, once) through the loader (the search worker's `call`) and painted when it
arrives. A mark the user just set is shown at once (`put`) and is not overwritten by an
answer that was asked for before it; `refresh` reloads rows after a write, keeping the old
ones on screen until the new ones arrive.
"""

from __future__ import annotations

import dataclasses
from array import array
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop_app.services.queries import ItemRow

# Runs a read in the background and hands its result to a callback on the GUI thread.
Loader = Callable[[Callable[[], Any], Callable[[Any], None]], None]
# Repaints rows first..last of the model.
Repaint = Callable[[int, int], None]


def _item_rows(ids: list[int]) -> Callable[[], dict[int, ItemRow]]:
    def read() -> dict[int, ItemRow]:
        from desktop_app.services.queries import item_rows

        return item_rows(ids)

    return read


def rows_holding(listed: Sequence[int], item_ids: Iterable[int]) -> list[int]:
    """The rows of `listed` (an `array("i")` of ids; negative numbers for headings) that
    hold any of `item_ids`, in order: one pass in numpy, 3-10 ms at a million rows, where a
    Python loop over them took 40-80 ms on the GUI thread."""
    import numpy as np

    wanted = np.fromiter(item_ids, dtype=np.int32)
    if not len(listed) or not wanted.size:
        return []
    shown = np.frombuffer(listed, dtype=np.int32) if isinstance(listed, array) else listed
    return np.flatnonzero(np.isin(shown, wanted, kind="table")).tolist()


def row_holding(listed: array[int], item_id: int) -> int | None:
    """The first row of `listed` holding `item_id`, or None: 0.3-1 ms at a million rows in
    numpy, where `array.index` took up to 17 ms on the GUI thread (an item opened far down
    the list, marked read, looked its row up)."""
    import numpy as np

    if not len(listed):
        return None
    hits = np.flatnonzero(np.frombuffer(listed, dtype=np.int32) == item_id)
    return int(hits[0]) if hits.size else None


class RowCache:
    def __init__(self, repaint: Repaint) -> None:
        self.repaint = repaint
        self.loader: Loader | None = None
        self.rows: dict[int, ItemRow] = {}
        self._missing: set[int] = set()  # asked for and not found (deleted since the search)
        self._pending: set[int] = set()  # first rows of the pages asked for
        self._epoch = 0
        self._cleared = 0
        self._touched: dict[int, int] = {}  # id → epoch of the user's last change

    def clear(self) -> None:
        """Forget every row (a new list); answers on their way are dropped."""
        self._epoch += 1
        self._cleared = self._epoch
        self.rows.clear()
        self._missing.clear()
        self._pending.clear()
        self._touched.clear()

    def add(self, rows: Iterable[ItemRow]) -> None:
        self.rows.update((r.id, r) for r in rows)

    def get(
        self, item_id: int, page: tuple[int, int], page_ids: Callable[[], list[int]]
    ) -> ItemRow | None:
        """The row of `item_id`, or None while its page (rows first..last) loads."""
        cached = self.rows.get(item_id)
        first, last = page
        if cached is None and item_id not in self._missing and first not in self._pending:
            self._pending.add(first)
            self._load(page_ids(), first, last, first)
        return cached

    def mark(
        self, item_id: int, *, is_read: bool | None = None, starred: bool | None = None
    ) -> bool:
        """Show new marks of a loaded row now; answers asked for before do not overwrite them.

        False when the row is not loaded (nothing to show).
        """
        row = self.rows.get(item_id)
        if row is None:
            return False
        if is_read is not None:
            row = dataclasses.replace(row, is_read=is_read)
        if starred is not None:
            row = dataclasses.replace(row, starred=starred)
        self._epoch += 1
        self._touched[item_id] = self._epoch
        self.rows[item_id] = row
        return True

    def refresh(self, ids: list[int], first: int, last: int) -> None:
        """Read these rows again (shown at rows first..last); the old ones show meanwhile."""
        if ids:
            self._load(ids, first, last, None)

    def _load(self, ids: list[int], first: int, last: int, page_start: int | None) -> None:
        if self.loader is None:
            return
        epoch = self._epoch
        self.loader(
            _item_rows(ids), lambda rows: self._arrived(epoch, ids, first, last, page_start, rows)
        )

    def _arrived(
        self,
        epoch: int,
        ids: list[int],
        first: int,
        last: int,
        page_start: int | None,
        rows: dict[int, ItemRow],
    ) -> None:
        if epoch < self._cleared:
            return  # asked for a list that is no longer shown
        if page_start is not None:
            self._pending.discard(page_start)
        for item_id in ids:
            if self._touched.get(item_id, -1) > epoch:
                continue  # the user changed it after this was read
            row = rows.get(item_id)
            if row is None:
                self.rows.pop(item_id, None)
                self._missing.add(item_id)
            else:
                self.rows[item_id] = row
                self._missing.discard(item_id)
        self.repaint(first, last)
