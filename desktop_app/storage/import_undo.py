"""Taking an import back: what the archive held before, and putting it back in one transaction.

`mark()` is taken inside the importing transaction before anything is written: every stored
report (figures, qualifier, note, source, links), Oryx's rows and the next item id. After the
import, `changes_since(mark)` keeps only what the import changed, so an undo touches nothing
else: the reports it added or changed go back to their earlier state, the articles and briefs
it added are deleted, and Oryx's table gets its earlier rows back.

A mark costs two queries over the reports (tens of milliseconds at 2,000 reports); items are
never copied, since an import only ever adds them.

Undoing deletes the added items in parts of `UNDO_STEP`, after reporting each part to
`progress` (which may raise to stop: the transaction is then rolled back whole). What a redo
needs of them goes part by part to an `ItemStash`, a temporary file, not to memory: undoing
an import of a million items would otherwise hold every one of them, about 2 GB, for as long
as the step stays on the undo stack. A redo reads the parts back one at a time.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import pickle
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from desktop_app.core.errors import ArchiveError
from desktop_app.core.formats.oryx import OryxRow
from desktop_app.storage.db.models import Item, database_proxy
from desktop_app.storage.item_import import insert_as_json, next_item_id
from desktop_app.storage.oryx import replace_oryx, stored_oryx
from desktop_app.storage.report_history import (
    ReportSnapshot,
    restore_reports,
    snapshot_all_reports,
)
from desktop_app.storage.reports import (
    refresh_warnings,
)

# Items deleted, or put back, between two progress reports of an undo or redo.
UNDO_STEP = 5_000
# `(done, total)` in items; it may raise to stop (everything is rolled back).
Progress = Callable[[int, int], None]
TAGS_AS_JSON = (
    "INSERT INTO item_tag (item_id, tag) SELECT value ->> 0, value ->> 1 FROM json_each(?)"
)


@dataclass(frozen=True)
class ArchiveMark:
    reports: dict[dt.date, ReportSnapshot]
    next_item_id: int
    oryx: list[OryxRow]


@dataclass(frozen=True)
class ImportUndo:
    """The state before an import, limited to what the import changed."""

    reports: dict[dt.date, ReportSnapshot | None]  # None: the import created that report
    first_item_id: int
    last_item_id: int  # the import added the items with ids first…last (none when first > last)
    oryx: list[OryxRow] | None  # None: the import left Oryx's table alone

    @property
    def item_count(self) -> int:
        return max(0, self.last_item_id - self.first_item_id + 1)

    def describe(self) -> str:
        parts = []
        if self.reports:
            parts.append(f"{len(self.reports)} report{'s' if len(self.reports) != 1 else ''}")
        if self.item_count:
            parts.append(
                f"{self.item_count} article{'s' if self.item_count != 1 else ''} and briefs"
            )
        if self.oryx is not None:
            parts.append("Oryx figures")
        return ", ".join(parts)


def mark() -> ArchiveMark:
    """The archive's state before an import; take it inside the importing transaction."""
    return ArchiveMark(snapshot_all_reports(), next_item_id(), stored_oryx())


def changes_since(before: ArchiveMark) -> ImportUndo | None:
    """What to restore to undo everything written since `before`; None when nothing changed."""
    after = snapshot_all_reports()
    changed: dict[dt.date, ReportSnapshot | None] = {
        date: before.reports.get(date)
        for date in set(before.reports) | set(after)
        if before.reports.get(date) != after.get(date)
    }
    last_item = next_item_id() - 1
    oryx_now = stored_oryx()
    oryx = before.oryx if oryx_now != before.oryx else None
    undo = ImportUndo(changed, before.next_item_id, last_item, oryx)
    if not changed and not undo.item_count and oryx is None:
        return None
    return undo


class UndoStashError(ArchiveError):
    """The undone items could not be kept for a redo (the temporary folder is full or cannot
    be written); the undo is rolled back."""


class ItemStash:
    """Items' rows as stored (ids included) with their tags, kept in a temporary file in the
    parts they were added in. The file has no name; the system frees it when it is closed,
    or when the program ends however it ends."""

    def __init__(self) -> None:
        with self._said():
            self._file = tempfile.TemporaryFile(prefix="frontline-undo-")  # noqa: SIM115 (kept open)
        self._parts = 0
        self.count = 0

    @staticmethod
    @contextlib.contextmanager
    def _said() -> Iterator[None]:
        try:
            yield
        except OSError as exc:
            raise UndoStashError(
                f"the undone items could not be kept for a redo in {tempfile.gettempdir()}: "
                f"{exc.strerror or exc}; nothing was undone"
            ) from exc

    def add(self, rows: list[tuple[object, ...]], tags: list[tuple[int, str]]) -> None:
        with self._said():
            pickle.dump((rows, tags), self._file, protocol=pickle.HIGHEST_PROTOCOL)
        self._parts += 1
        self.count += len(rows)

    def finish(self) -> None:
        """Everything written out: a full disk is found now, while the undo can still be
        rolled back, not at the redo."""
        with self._said():
            self._file.flush()

    def parts(self) -> Iterator[tuple[list[tuple[object, ...]], list[tuple[int, str]]]]:
        """The parts in the order they were added, one in memory at a time."""
        self._file.seek(0)
        for _ in range(self._parts):
            yield pickle.load(self._file)  # our own file, written just above


@dataclass(frozen=True)
class ImportRedo:
    """What the import had made, taken just before it is undone: enough to make it again."""

    reports: dict[dt.date, ReportSnapshot | None]
    columns: tuple[str, ...]  # of the item table, in the order of each stashed row
    items: ItemStash  # the added items' rows as stored, ids included, and their tags
    oryx: list[OryxRow] | None


def _stash_and_delete(
    first: int, last: int, progress: Progress | None
) -> tuple[tuple[str, ...], ItemStash]:
    """The items `first`…`last`, stashed and deleted part by part: the item table's columns
    (the order of each stashed row) and the stash."""
    stash = ItemStash()
    columns: tuple[str, ...] = ()
    total = max(0, last - first + 1)
    for start in range(first, last + 1, UNDO_STEP):
        if progress is not None:
            progress(start - first, total)
        end = min(last, start + UNDO_STEP - 1)
        # Stored values as they are (no conversion both ways).
        cursor = database_proxy.execute_sql(
            "SELECT * FROM item WHERE id BETWEEN ? AND ? ORDER BY id", (start, end)
        )
        columns = tuple(d[0] for d in cursor.description)
        rows = [tuple(r) for r in cursor.fetchall()]
        tags = [
            (int(i), str(t))
            for i, t in database_proxy.execute_sql(
                "SELECT item_id, tag FROM item_tag WHERE item_id BETWEEN ? AND ?", (start, end)
            )
        ]
        stash.add(rows, tags)
        Item.delete().where((Item.id >= start) & (Item.id <= end)).execute()
    stash.finish()
    if progress is not None:
        progress(total, total)
    return columns, stash


def undo_import(undo: ImportUndo, progress: Progress | None = None) -> ImportRedo:
    """Put back what `undo` recorded, in one transaction; returns what redoing needs."""
    with database_proxy.atomic():
        after = snapshot_all_reports()
        oryx = stored_oryx() if undo.oryx is not None else None
        columns, stash = _stash_and_delete(undo.first_item_id, undo.last_item_id, progress)
        restore_reports(undo.reports)
        if undo.oryx is not None:
            replace_oryx(undo.oryx)
        refresh_warnings()
    return ImportRedo({d: after.get(d) for d in undo.reports}, columns, stash, oryx)


def redo_import(redo: ImportRedo, progress: Progress | None = None) -> None:
    """Make again what an undone import had made, in one transaction."""
    with database_proxy.atomic():
        # Back under their own ids, so links and anything naming them still find them.
        names = ", ".join(f'"{c}"' for c in redo.columns)  # our own table's column names
        marks = ", ".join("?" for _ in redo.columns)
        picked = ", ".join(f"value ->> {n}" for n in range(len(redo.columns)))
        as_json = f"INSERT INTO item ({names}) SELECT {picked} FROM json_each(?)"
        cursor = database_proxy.cursor()
        done = 0
        for rows, tags in redo.items.parts():
            if progress is not None:
                progress(done, redo.items.count)
            # A part in one statement where it can be (a third of the time: `item_import`).
            if rows and not insert_as_json(cursor, as_json, rows):
                cursor.executemany(f"INSERT INTO item ({names}) VALUES ({marks})", rows)
            if tags and not insert_as_json(cursor, TAGS_AS_JSON, tags):
                cursor.executemany("INSERT INTO item_tag (item_id, tag) VALUES (?, ?)", tags)
            done += len(rows)
        if progress is not None:
            progress(done, redo.items.count)
        restore_reports(redo.reports)
        if redo.oryx is not None:
            replace_oryx(redo.oryx)
        refresh_warnings()
