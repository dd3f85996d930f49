"""The article and brief use cases: one transaction each, and the Changes each returns."""

from __future__ import annotations

import datetime as dt

import peewee
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
    tagged = items.set_tags(ids[0], ["Energy", " kyiv "])
    assert tagged.tags and tagged.items  # words find tags too: lists and saved searches follow
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

    # One item cannot be written (the database refuses its tag): none of them changes.
    step.undo()
    server = isinstance(archive_db, peewee.PostgresqlDatabase)
    if server:
        archive_db.execute_sql(  # type: ignore[attr-defined]
            "CREATE OR REPLACE FUNCTION refuse() RETURNS trigger AS $$ BEGIN "
            f"IF NEW.item_id = {ids[-1]} THEN RAISE EXCEPTION 'disk full'; END IF; "
            "RETURN NEW; END $$ LANGUAGE plpgsql"
        )
        archive_db.execute_sql(  # type: ignore[attr-defined]
            "CREATE TRIGGER refuse BEFORE INSERT ON item_tag FOR EACH ROW EXECUTE FUNCTION refuse()"
        )
    else:
        archive_db.execute_sql(  # type: ignore[attr-defined]
            f"CREATE TRIGGER refuse BEFORE INSERT ON item_tag WHEN new.item_id = {ids[-1]} "
            "BEGIN SELECT RAISE(ABORT, 'disk full'); END"
        )
    try:
        with pytest.raises(peewee.DatabaseError, match="disk full"):
            history.change_tags(ids, ("drones",), ("kyiv",))
        assert tags() == tagged
    finally:  # a server's database outlives the test
        drop = "DROP TRIGGER refuse ON item_tag" if server else "DROP TRIGGER refuse"
        archive_db.execute_sql(drop)  # type: ignore[attr-defined]


def test_undoing_tags_on_several_keeps_later_marks_and_refuses_over_a_later_edit(
    archive_db: object,
) -> None:
    import dataclasses

    from desktop_app.services import history
    from desktop_app.storage.versions import ConflictError

    ids = [
        items.saved_id(items.save_item(ItemData(BRIEF, f"Brief {n}", WHEN, tags=("kyiv",))))
        for n in range(3)
    ]
    step = history.change_tags(ids, ("energy",), ())
    assert step is not None
    items.set_read(ids[0])  # marked read after the tags were added
    step.undo()
    stored = [get_item(i) for i in ids]
    assert [s.data.tags for s in stored] == [("kyiv",)] * 3  # type: ignore[union-attr]
    assert [s.is_read for s in stored] == [True, False, False]  # type: ignore[union-attr]
    step.redo()
    edited = dataclasses.replace(stored[1].data, title="Edited", tags=("kyiv", "energy"))  # type: ignore[union-attr]
    items.save_item(edited, ids[1])  # someone edits one of them
    with pytest.raises(ConflictError, match="Brief 1"):
        step.undo()
    assert [get_item(i).data.tags for i in ids] == [("kyiv", "energy")] * 3  # type: ignore[union-attr]
