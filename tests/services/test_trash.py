"""The Trash use cases: what they do and the Changes they report."""

from __future__ import annotations

import dataclasses
import datetime as dt

import peewee
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

    # The third cannot go (the database refuses it): the first two stay too, and the Trash
    # holds none of them.
    server = isinstance(archive_db, peewee.PostgresqlDatabase)
    if server:
        archive_db.execute_sql(  # type: ignore[attr-defined]
            "CREATE OR REPLACE FUNCTION refuse() RETURNS trigger AS $$ BEGIN "
            f"IF OLD.id = {ids[-1]} THEN RAISE EXCEPTION 'disk full'; END IF; RETURN OLD; "
            "END $$ LANGUAGE plpgsql"
        )
        archive_db.execute_sql(  # type: ignore[attr-defined]
            "CREATE TRIGGER refuse BEFORE DELETE ON item FOR EACH ROW EXECUTE FUNCTION refuse()"
        )
    else:
        archive_db.execute_sql(  # type: ignore[attr-defined]
            f"CREATE TRIGGER refuse BEFORE DELETE ON item WHEN old.id = {ids[-1]} "
            "BEGIN SELECT RAISE(ABORT, 'disk full'); END"
        )
    try:
        with pytest.raises(peewee.DatabaseError, match="disk full"):
            history.delete_items(ids)
        assert None not in [get_item(i) for i in ids] and trash.list_trash() == []
    finally:  # a server's database outlives the test
        drop = "DROP TRIGGER refuse ON item" if server else "DROP TRIGGER refuse"
        archive_db.execute_sql(drop)  # type: ignore[attr-defined]


def test_several_items_deleted_and_undone_come_back_exactly_as_they_were(
    archive_db: object,
) -> None:
    from desktop_app.services import history
    from desktop_app.storage.item_history import snapshot_item

    reports.save_report(LossReport(DAY, {"tanks": Figure(6320, 8)}))
    tagged = dataclasses.replace(BRIEF_DATA, tags=("drones", "sumy oblast"), author="Newsroom")
    ids = [items.saved_id(items.save_item(tagged)) for _ in range(3)]
    ids.append(items.saved_id(items.save_item(dataclasses.replace(BRIEF_DATA, title="Other."))))
    items.set_read(ids[0])
    items.set_starred(ids[1])
    reports.link_article(DAY, ids[2])
    before = [snapshot_item(i) for i in ids]
    step = history.delete_items([*ids, 10_000])  # one not stored: left out
    assert step.result == 4 and step.changes.item_ids == set(ids)
    stored = {e.original_id: trash.entry(e.id) for e in trash.list_trash()}
    assert [stored[i] for i in ids] == before  # each whole in the Trash
    step.undo()
    # Exactly, but for the version, which moves on (never back to one an editor noted).
    back = [snapshot_item(i) for i in ids]
    assert [dataclasses.replace(s, version=0) for s in back if s is not None] == [
        dataclasses.replace(s, version=0) for s in before if s is not None
    ]
    assert all(b.version > s.version for b, s in zip(back, before, strict=True) if b and s)
    assert trash.list_trash() == []
    step.redo()
    assert [get_item(i) for i in ids] == [None] * 4 and len(trash.list_trash()) == 4


def test_undoing_several_deletes_refuses_when_one_came_back_meanwhile(
    archive_db: object,
) -> None:
    from desktop_app.services import history
    from desktop_app.storage.versions import ConflictError

    ids = [items.saved_id(items.save_item(BRIEF_DATA)) for _ in range(3)]
    step = history.delete_items(ids)
    entry = next(e for e in trash.list_trash() if e.original_id == ids[1])
    trash.restore([entry.id])  # someone puts one back from the Trash
    with pytest.raises(ConflictError, match="Drones over Sumy"):
        step.undo()
    assert [get_item(i) is None for i in ids] == [True, False, True]  # nothing written
    items.delete_item(ids[1])
    step.undo()  # as left again: all three come back
    assert None not in [get_item(i) for i in ids]
    items.save_item(dataclasses.replace(BRIEF_DATA, title="Edited."), ids[2])
    with pytest.raises(ConflictError, match="Drones over Sumy"):
        step.redo()  # an edit since: the redo does not delete it
    assert None not in [get_item(i) for i in ids]
