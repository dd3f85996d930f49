"""The article and brief use cases: one transaction each, and the Changes each returns."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.core.errors import ValidationError
from desktop_app.core.item import ARTICLE, BRIEF, ItemData
from desktop_app.core.report import Figure, LossReport
from desktop_app.services import items, reports
from desktop_app.services.changes import NOTHING
from desktop_app.storage.item_history import snapshot_item
from desktop_app.storage.items import get_item
from desktop_app.storage.trash import list_trash

WHEN = dt.datetime(2024, 2, 1, 6, tzinfo=dt.UTC)
DATA = ItemData(ARTICLE, "Energy strikes", WHEN, body="Text.", source_url="https://example.org/e")


def test_save_adds_then_replaces_and_names_the_id(archive_db: object) -> None:
    changes = items.save_item(DATA)
    item_id = items.saved_id(changes)
    assert changes.items and changes.tags and changes.item_ids == {item_id}
    edited = ItemData(ARTICLE, "Energy strikes, updated", WHEN, tags=("energy",))
    assert items.saved_id(items.save_item(edited, item_id)) == item_id
    assert get_item(item_id).data == edited  # type: ignore[union-attr]


def test_save_names_the_field_that_is_wrong(archive_db: object) -> None:
    items.save_item(DATA)
    with pytest.raises(ValidationError, match="source_url"):
        items.save_item(ItemData(BRIEF, "Other.", WHEN, source_url=DATA.source_url))
    with pytest.raises(ValidationError, match="title"):
        items.save_item(ItemData(BRIEF, "  ", WHEN))


def test_flags_and_tags(archive_db: object) -> None:
    ids = [
        items.saved_id(items.save_item(DATA)),
        items.saved_id(items.save_item(ItemData(BRIEF, "B.", WHEN))),
    ]
    changes = items.set_read(ids)
    assert changes.flags and not changes.items and changes.item_ids == set(ids)
    items.set_starred(ids[:1])
    assert [get_item(i).is_read for i in ids] == [True, True]  # type: ignore[union-attr]
    assert [get_item(i).starred for i in ids] == [True, False]  # type: ignore[union-attr]
    assert items.set_read(ids[0], False).item_ids == {ids[0]}
    assert not get_item(ids[0]).is_read  # type: ignore[union-attr]
    assert items.set_tags(ids[0], ["Energy", " kyiv "]).tags
    assert get_item(ids[0]).data.tags == ("energy", "kyiv")  # type: ignore[union-attr]
    with pytest.raises(ValidationError, match="does not exist"):
        items.set_tags(999, ["x"])


def test_delete_sends_the_item_to_the_trash_and_says_reports_changed_when_linked(
    archive_db: object,
) -> None:
    item_id = items.saved_id(items.save_item(DATA))
    reports.save_report(LossReport(WHEN.date(), {"tanks": Figure(6320)}))
    reports.link_article(WHEN.date(), item_id)
    changes = items.delete_item(item_id)
    assert changes.items and changes.trash and changes.reports and changes.item_ids == {item_id}
    assert get_item(item_id) is None
    assert [e.original_id for e in list_trash()] == [item_id]
    assert items.delete_item(item_id) == NOTHING


def test_restore_puts_a_snapshot_back_and_takes_it_out_of_the_trash(archive_db: object) -> None:
    item_id = items.saved_id(items.save_item(DATA))
    before = snapshot_item(item_id)
    items.delete_item(item_id)
    changes = items.restore_item(item_id, before)
    assert changes.items and changes.trash
    assert get_item(item_id).data == DATA  # type: ignore[union-attr]
    assert list_trash() == []


def test_tags_changed_on_several_items_are_one_step_that_undoes_to_each_ones_own(
    archive_db: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_app.services import history
    from desktop_app.storage import items as stored_items

    tagged = [("kyiv", "air defense"), ("energy",), ("drones", "kyiv")]
    ids = [
        items.saved_id(items.save_item(ItemData(BRIEF, f"Brief {n}", WHEN, tags=tags)))
        for n, tags in enumerate(tagged)
    ]

    def tags() -> list[tuple[str, ...]]:
        return [get_item(i).data.tags for i in ids]  # type: ignore[union-attr]

    step = history.change_tags(ids, ("drones",), ("kyiv",))
    assert step is not None and step.result == 3
    assert tags() == [("air defense", "drones"), ("energy", "drones"), ("drones",)]
    step.undo()
    assert tags() == tagged
    step.redo()
    assert tags() == [("air defense", "drones"), ("energy", "drones"), ("drones",)]
    # Nothing to change: no step.
    assert history.change_tags(ids, ("drones",), ()) is None

    # One item cannot be written: none of them changes.
    step.undo()
    real = stored_items.set_tags

    def fail_on_the_last(item_id: int, new: tuple[str, ...]) -> None:
        if item_id == ids[-1]:
            raise OSError("disk full")
        real(item_id, new)

    monkeypatch.setattr(stored_items, "set_tags", fail_on_the_last)
    with pytest.raises(OSError):
        history.change_tags(ids, ("drones",), ("kyiv",))
    assert tags() == tagged
