"""The Trash use cases: what they do and the Changes they report."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from desktop_app.core.item import BRIEF, ItemData
from desktop_app.core.report import Figure, LossReport
from desktop_app.services import items, reports, trash
from desktop_app.services.changes import NOTHING
from desktop_app.storage.items import get_item
from desktop_app.storage.reports import load_report

DAY = dt.date(2024, 2, 1)
BRIEF_DATA = ItemData(BRIEF, "Drones over Sumy.", dt.datetime(2024, 2, 1, 6, tzinfo=dt.UTC))


def test_restore_reports_what_came_back(archive_db: object) -> None:
    item_id = items.saved_id(items.save_item(BRIEF_DATA))
    reports.save_report(LossReport(DAY, {"tanks": Figure(6320, 8)}))
    items.delete_item(item_id)
    reports.delete_report(DAY)
    listed = trash.list_trash()
    assert [(r.kind, r.label) for r in listed] == [
        ("report", "2024-02-01"),
        ("item", "Drones over Sumy."),
    ]

    shown = trash.entry(listed[1].id)
    assert shown is not None and shown.data == BRIEF_DATA  # type: ignore[union-attr]
    assert trash.entry(listed[0].id).report.figures["tanks"] == Figure(6320, 8)  # type: ignore[union-attr]
    assert trash.entry(999) is None

    changes = trash.restore([r.id for r in listed])

    assert changes.trash and changes.items and changes.reports
    assert changes.item_ids == {item_id} and changes.report_dates == {DAY}
    assert get_item(item_id) is not None and load_report(DAY) is not None
    assert trash.list_trash() == []


def test_restore_of_nothing_changes_nothing(archive_db: object) -> None:
    assert trash.restore([]) == NOTHING


def test_restore_of_an_unknown_entry_is_one_error(archive_db: object) -> None:
    with pytest.raises(trash.TrashRestoreError, match="no entry 7 in the Trash"):
        trash.restore([7])


def test_empty_forgets_everything_and_says_so_only_when_it_did(archive_db: object) -> None:
    items.delete_item(items.saved_id(items.save_item(BRIEF_DATA)))
    assert trash.empty() == trash.empty().__class__(trash=True)
    assert trash.list_trash() == []
    assert trash.empty() == NOTHING


def test_several_items_deleted_at_once_are_one_step_all_or_nothing(
    archive_db: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_app.services import history
    from desktop_app.storage import trash as stored_trash

    ids = [
        items.saved_id(
            items.save_item(dataclasses.replace(BRIEF_DATA, title=f"Drones over Sumy, {n}."))
        )
        for n in range(3)
    ]
    step = history.delete_items(ids)
    assert step.result == 3 and [get_item(i) for i in ids] == [None, None, None]
    assert len(trash.list_trash()) == 3
    step.undo()
    assert None not in [get_item(i) for i in ids] and trash.list_trash() == []
    step.redo()
    assert [get_item(i) for i in ids] == [None, None, None]
    step.undo()

    # The third cannot go: the first two stay too, and the Trash holds none of them.
    real = stored_trash.delete_item_for_good

    def fail_on_the_last(item_id: int) -> bool:
        if item_id == ids[-1]:
            raise OSError("disk full")
        return real(item_id)

    monkeypatch.setattr(stored_trash, "delete_item_for_good", fail_on_the_last)
    with pytest.raises(OSError):
        history.delete_items(ids)
    assert None not in [get_item(i) for i in ids] and trash.list_trash() == []
