"""Undoable changes: a write made now, with the two writes that take it back and make it again.

Every change the window puts on its undo stack is built here, without Qt: the change runs in
one transaction together with the snapshots before and after it, and the result (`Undoable`)
carries `undo` and `redo` functions that restore those snapshots, each one transaction too.
The window's undo stack only runs them on its write lane; the label is the window's (it is
translated there), the facts for it (`title`, `date`) come from here.

Several changes of one user action (an article saved together with the report it publishes)
are folded into one step with `combine`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from typing import Protocol

from desktop_app.core.item import ItemData
from desktop_app.core.messages import ITEM_NUMBER, QUOTED, REPORT_OF, render
from desktop_app.core.report import LossReport
from desktop_app.services.changes import Changes
from desktop_app.storage.db.models import database_proxy

# `(done, total)`; it may raise to stop (the transaction is then rolled back whole).
Progress = Callable[[int, int], None]


class Run(Protocol):
    """An undo or a redo: one transaction; a long one reports its steps to `progress`."""

    def __call__(self, progress: Progress | None = None, /) -> Changes: ...


@dataclass(frozen=True)
class Undoable:
    """A change that was made; `undo()` and `redo()` each run one transaction."""

    changes: Changes
    undo: Run
    redo: Run
    # What the change produced (an item's id, a report's date, an import's summary).
    result: object = None
    # For the label: the item's title or the report's date the change was about.
    title: str = ""
    dates: tuple[dt.date, ...] = field(default_factory=tuple)
    # How many steps a long undo or redo counts to (an import's items); 0: a quick one.
    steps: int = 0


def _still_as_left(now: object, left: object, label: str, stamp: Callable[[], object]) -> None:
    """Undo and redo take back only one's own change: when someone else changed the row
    after it (another user, another program), ConflictError and nothing is written."""
    if now == left:
        return
    from desktop_app.storage.versions import ConflictError, Stamp

    theirs = stamp()
    from desktop_app.core.messages import CHANGED_AFTER, SOMEONE_ELSE

    who = theirs.describe() if isinstance(theirs, Stamp) else SOMEONE_ELSE
    raise ConflictError(
        render(CHANGED_AFTER, what=label, who=who),
        theirs=theirs if isinstance(theirs, Stamp) else None,
    )


def report_change(date: dt.date, apply: Callable[[], object]) -> Undoable:
    """Run `apply` (which writes the report of `date`) between two snapshots of that report."""
    from desktop_app.storage.report_history import snapshot_report
    from desktop_app.storage.trash import restore_report
    from desktop_app.storage.versions import report_stamp

    with database_proxy.atomic():
        before = snapshot_report(date)
        result = apply()
        after = snapshot_report(date)
    changes = Changes(reports=True, report_dates=frozenset({date}))

    def undo(_progress: Progress | None = None) -> Changes:
        with database_proxy.atomic():
            _still_as_left(snapshot_report(date), after, render(REPORT_OF, date=date.isoformat()),
                           lambda: report_stamp(date))  # fmt: skip
            restore_report(date, before)
        return changes

    def redo(_progress: Progress | None = None) -> Changes:
        with database_proxy.atomic():
            _still_as_left(snapshot_report(date), before, render(REPORT_OF, date=date.isoformat()),
                           lambda: report_stamp(date))  # fmt: skip
            restore_report(date, after)
        return changes

    return Undoable(changes, undo, redo, result=result, dates=(date,))


def item_change(item_id: int | None, apply: Callable[[], int | None]) -> Undoable:
    """Run `apply` (returns the item's id, or None when it deleted it) between two snapshots.

    Whatever `apply` raises (a validation error, a duplicate link) leaves the archive as it
    was: nothing is written and nothing reaches the undo stack.
    """
    from desktop_app.storage.item_history import snapshot_item
    from desktop_app.storage.trash import restore_item
    from desktop_app.storage.versions import item_stamp

    with database_proxy.atomic():
        before = snapshot_item(item_id) if item_id is not None else None
        result = apply()
        target = result if result is not None else item_id
        after = snapshot_item(target) if result is not None and target is not None else None
    if target is None:
        raise ValueError("an item change must name or return an item")
    shown = after or before
    ids = frozenset({target})
    # A new or deleted item changes the list and the reports it was linked to.
    linked = bool((before and before.report_dates) or (after and after.report_dates))
    changes = Changes(items=True, tags=True, item_ids=ids, reports=linked)

    def content(snapshot: object) -> object:
        return getattr(snapshot, "data", None)

    label = (
        render(QUOTED, title=shown.data.title)
        if shown is not None
        else render(ITEM_NUMBER, id=target)
    )

    def undo(_progress: Progress | None = None) -> Changes:
        with database_proxy.atomic():
            now = content(snapshot_item(target))
            _still_as_left(now, content(after), label, lambda: item_stamp(target))
            restore_item(target, before)
        return changes

    def redo(_progress: Progress | None = None) -> Changes:
        with database_proxy.atomic():
            now = content(snapshot_item(target))
            _still_as_left(now, content(before), label, lambda: item_stamp(target))
            restore_item(target, after)
        return changes

    return Undoable(
        changes, undo, redo, result=result, title=shown.data.title if shown is not None else ""
    )


def combine(steps: Sequence[Undoable]) -> Undoable:
    """Several changes as one step: undone in reverse order, redone in order, one transaction."""
    if not steps:
        raise ValueError("nothing to combine")
    changes = Changes()
    for step in steps:
        changes = changes | step.changes

    def undo(_progress: Progress | None = None) -> Changes:
        with database_proxy.atomic():
            for step in reversed(steps):
                step.undo()
        return changes

    def redo(_progress: Progress | None = None) -> Changes:
        with database_proxy.atomic():
            for step in steps:
                step.redo()
        return changes

    first = steps[0]
    dates = tuple(d for s in steps for d in s.dates)
    return Undoable(changes, undo, redo, result=first.result, title=first.title, dates=dates)


def import_change(record: object, changes: Changes) -> Undoable | None:
    """The undo step of a committed import, from the record the import kept (None: nothing)."""
    from desktop_app.storage.import_undo import ImportRedo, ImportUndo, redo_import, undo_import

    if not isinstance(record, ImportUndo):
        return None
    state: dict[str, ImportRedo] = {}

    def undo(progress: Progress | None = None) -> Changes:
        state["redo"] = undo_import(record, progress)
        return changes

    def redo(progress: Progress | None = None) -> Changes:
        redo_import(state["redo"], progress)
        return changes

    return Undoable(changes, undo, redo, result=record, steps=record.item_count)


def mark_all(
    ids: Sequence[int],
    read: bool = True,
    progress: Progress | None = None,
    *,
    field: str = "is_read",
) -> Undoable:
    """Mark every item of a list read (or unread; `field` "starred": starred or not), in one
    transaction; undo gives back the other mark to just the items this changed. Its `result`
    is how many it changed."""
    from array import array

    from desktop_app.services import marks

    # 8 bytes an item (a million: 8 MB), where a list of ints takes 36.
    changed = array("q", marks.mark_all(ids, read, progress, field=field))
    changes = Changes(flags=True)

    def undo(progress: Progress | None = None) -> Changes:
        marks.mark_all(changed, not read, progress, field=field)
        return changes

    def redo(progress: Progress | None = None) -> Changes:
        marks.mark_all(changed, read, progress, field=field)
        return changes

    return Undoable(changes, undo, redo, result=len(changed), steps=len(changed))


# -- the window's undoable edits: services.items / services.reports between snapshots ----
def save_item(
    data: ItemData, item_id: int | None = None, *, expected_version: int | None = None
) -> Undoable:
    """A new article or brief (`item_id` None) or an edit of a stored one (opened at
    `expected_version`: ConflictError when someone changed it since)."""
    from desktop_app.services import items

    return item_change(
        item_id,
        lambda: items.saved_id(items.save_item(data, item_id, expected_version=expected_version)),
    )


def delete_item(item_id: int) -> Undoable:
    """Delete an item (it goes to the Trash); undo puts it back and takes it out of the Trash."""
    from desktop_app.services import items

    def apply() -> None:
        items.delete_item(item_id)

    step = item_change(item_id, apply)
    return Undoable(
        step.changes | Changes(trash=True), step.undo, step.redo, step.result, step.title
    )


def delete_items(item_ids: Sequence[int]) -> Undoable:
    """Delete several items (each goes to the Trash) in one transaction: one undo step,
    whose `result` is how many were deleted. Each item is undone and redone as
    `delete_item`'s step would (a conflict if someone else wrote it meanwhile), all of them
    in a few statements per 500 items rather than a dozen each."""
    from desktop_app.storage.item_history import snapshot_items
    from desktop_app.storage.trash import delete_items as delete_all
    from desktop_app.storage.trash import restore_deleted_items
    from desktop_app.storage.versions import item_stamp

    before = delete_all(item_ids)
    linked = any(snap.report_dates for snap in before.values())
    changes = Changes(items=True, tags=True, trash=True, item_ids=frozenset(before), reports=linked)

    def still_as_left(deleted: bool) -> None:
        now = snapshot_items(list(before))
        for item_id, snap in before.items():
            left = None if deleted else snap.data
            here = now[item_id].data if item_id in now else None
            _still_as_left(
                here, left, render(QUOTED, title=snap.data.title), partial(item_stamp, item_id)
            )

    def undo(_progress: Progress | None = None) -> Changes:
        with database_proxy.atomic():
            still_as_left(deleted=True)
            restore_deleted_items(before)
        return changes

    def redo(_progress: Progress | None = None) -> Changes:
        with database_proxy.atomic():
            still_as_left(deleted=False)
            delete_all(list(before))
        return changes

    title = next(iter(before.values())).data.title if before else ""
    return Undoable(changes, undo, redo, result=len(before), title=title)


def change_tags(
    item_ids: Sequence[int], added: tuple[str, ...], removed: tuple[str, ...]
) -> Undoable | None:
    """Add and take away tags on several items in one transaction (`core.item.edited_tags`):
    one undo step, whose `result` is how many items changed; None when none did. Undo and
    redo write the tags alone, each item checked first for someone else's write."""
    from desktop_app.core.item import edited_tags
    from desktop_app.storage.item_history import snapshot_items
    from desktop_app.storage.items import set_many_tags
    from desktop_app.storage.versions import item_stamp

    with database_proxy.atomic():
        before = snapshot_items(item_ids)
        wanted = {i: edited_tags(s.data.tags, added, removed) for i, s in before.items()}
        wanted = {i: tags for i, tags in wanted.items() if tags != before[i].data.tags}
        if not wanted:
            return None
        after = set_many_tags(wanted)
    old = {i: before[i].data.tags for i in after}
    changes = Changes(items=True, tags=True, item_ids=frozenset(after))

    def still_as_left(tags: dict[int, tuple[str, ...]]) -> None:
        now = snapshot_items(list(after))
        for item_id, tags_left in tags.items():
            left = replace(before[item_id].data, tags=tags_left)
            here = now[item_id].data if item_id in now else None
            _still_as_left(
                here, left, render(QUOTED, title=left.title), partial(item_stamp, item_id)
            )

    def undo(_progress: Progress | None = None) -> Changes:
        with database_proxy.atomic():
            still_as_left(after)
            set_many_tags(old)
        return changes

    def redo(_progress: Progress | None = None) -> Changes:
        with database_proxy.atomic():
            still_as_left(old)
            set_many_tags(after)
        return changes

    title = before[next(iter(after))].data.title
    return Undoable(changes, undo, redo, result=len(after), title=title)


def set_tags(item_id: int, tags: Sequence[str], shown: Sequence[str] | None = None) -> Undoable:
    """The item's tags as typed; `shown`: the tags they were typed over. When someone else
    changed them since (another window, a command, a team member), only what the typing
    added and took away is applied to theirs, as a merge would: the typed list written over
    them would silently drop their change."""
    from desktop_app.core.item import edited_tags
    from desktop_app.services import items
    from desktop_app.storage.items import get_item

    def apply() -> int:
        wanted = tuple(tags)
        stored = get_item(item_id) if shown is not None else None
        if shown is not None and stored is not None and stored.data.tags != tuple(shown):
            added = tuple(t for t in wanted if t not in shown)
            removed = tuple(t for t in shown if t not in wanted)
            wanted = edited_tags(stored.data.tags, added, removed)
        items.set_tags(item_id, wanted)
        return item_id

    return item_change(item_id, apply)


def save_report(
    report: LossReport,
    *,
    source: str = "manual",
    article_id: int | None = None,
    expected_version: int | None = None,
    expected_row: int | None = None,
) -> Undoable:
    """Store a report (new, edited, replaced or merged), optionally linking an article."""
    from desktop_app.services import reports

    if report.date is None:
        raise ValueError("a report needs a date to be saved")
    date = report.date

    def apply() -> dt.date:
        reports.save_report(
            report,
            source=source,
            article_id=article_id,
            replace=True,
            expected_version=expected_version,
            expected_row=expected_row,
        )
        return date

    return report_change(date, apply)


def delete_report(date: dt.date) -> Undoable:
    """Delete the report of `date` (it goes to the Trash); undo puts it back."""
    from desktop_app.services import reports

    step = report_change(date, lambda: reports.delete_report(date))
    return Undoable(
        step.changes | Changes(trash=True), step.undo, step.redo, step.result, dates=step.dates
    )


def delete_reports(dates: Sequence[dt.date]) -> Undoable:
    """Delete the reports of `dates` (each to the Trash) in one transaction: one undo step
    that puts them all back."""
    with database_proxy.atomic():
        steps = [delete_report(date) for date in dates]
    return combine(steps)


def link_article(date: dt.date, item_id: int) -> Undoable:
    """Link an article to the stored report of `date` (a link already there stays on undo)."""
    from desktop_app.services import reports

    return report_change(date, lambda: reports.link_article(date, item_id))
