"""The Trash in the archive: deletes keep everything, restore puts it back, empty forgets."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from desktop_app.core.item import ARTICLE, BRIEF, ItemData
from desktop_app.core.report import Figure, LossReport
from desktop_app.storage.db.connection import open_database
from desktop_app.storage.db.errors import StoredValueError
from desktop_app.storage.db.models import Item, Report, database_proxy
from desktop_app.storage.db.pg_schema import read_snapshot
from desktop_app.storage.item_history import snapshot_item
from desktop_app.storage.items import get_item, save_item, set_read, set_starred
from desktop_app.storage.report_history import snapshot_report
from desktop_app.storage.reports import (
    link_article,
    load_report,
    report_article_ids,
    save_report,
)
from desktop_app.storage.trash import (
    TrashRestoreError,
    count_trash,
    delete_item,
    delete_report,
    empty_trash,
    entry_snapshot,
    list_trash,
    restore_entries,
    restore_item,
    restore_report,
)

DAY = dt.date(2023, 11, 25)
REPORT = LossReport(DAY, {"tanks": Figure(5502, 6), "personnel": Figure(323760, 860)}, "about", "n")
ARTICLE_DATA = ItemData(
    ARTICLE,
    "Losses on day 640",
    dt.datetime(2023, 11, 25, 9, 3, tzinfo=dt.UTC),
    body="Body text.",
    source_url="https://example.org/640",
    tags=("losses", "tanks"),
    body_html="<p>Body text.</p>",
)


def _linked() -> int:
    save_report(REPORT, source="manual")
    item_id = save_item(ARTICLE_DATA)
    link_article(DAY, item_id)
    set_read(item_id)
    set_starred(item_id)
    return item_id


def test_a_deleted_item_comes_back_whole_under_its_own_id(archive_db: object) -> None:
    item_id = _linked()
    before = snapshot_item(item_id)
    delete_item(item_id)
    assert get_item(item_id) is None
    [entry] = list_trash()
    assert (entry.kind, entry.item_kind, entry.label) == ("item", "article", ARTICLE_DATA.title)
    assert entry.original_id == item_id

    restored = restore_entries([entry.id])

    assert restored.item_ids == (item_id,)
    after = snapshot_item(item_id)
    assert after is not None and before is not None
    assert after.data == before.data and after.created_at == before.created_at
    assert after.is_read and after.starred and after.report_dates == (DAY,)
    assert report_article_ids(DAY) == [item_id]
    assert list_trash() == []


def test_a_deleted_report_comes_back_with_figures_note_source_links_under_a_new_row(
    archive_db: object,
) -> None:
    """A new row, as an undone delete is: an editor that noted the deleted report's row
    (`versions.expect_report`) must not take the restored one for it."""
    item_id = _linked()
    report_id = Report.get(Report.date == DAY).id
    delete_report(DAY)
    assert load_report(DAY) is None
    [entry] = list_trash()
    assert (entry.kind, entry.label, entry.date) == ("report", "2023-11-25", DAY)

    assert restore_entries([entry.id]).report_dates == (DAY,)

    assert load_report(DAY) == REPORT
    row = Report.get(Report.date == DAY)
    assert row.id != report_id and row.source == "manual"
    assert report_article_ids(DAY) == [item_id]
    assert count_trash() == 0


def test_the_trash_is_kept_across_restarts(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite"
    db = open_database(path)
    item_id = save_item(ARTICLE_DATA)
    delete_item(item_id)
    db.close()
    db = open_database(path)
    assert [e.label for e in list_trash()] == [ARTICLE_DATA.title]
    db.close()


def test_restore_takes_another_id_when_its_own_is_taken(archive_db: object) -> None:
    item_id = save_item(ARTICLE_DATA)
    delete_item(item_id)
    # Something else took the id meanwhile (an import redo puts rows back under their ids).
    Item.insert(
        id=item_id, kind=BRIEF, title="Other.", published_at=ARTICLE_DATA.published_at
    ).execute()
    [entry] = list_trash()
    [new_id] = restore_entries([entry.id]).item_ids
    assert new_id != item_id
    assert get_item(new_id).data == ARTICLE_DATA  # type: ignore[union-attr]
    assert get_item(item_id).data.title == "Other."  # type: ignore[union-attr]


def test_a_report_whose_date_is_taken_again_is_not_restored_over_it(archive_db: object) -> None:
    save_report(REPORT)
    delete_report(DAY)
    retyped = LossReport(DAY, {"tanks": Figure(5503)})
    save_report(retyped)
    item_id = save_item(ARTICLE_DATA)
    delete_item(item_id)
    ids = [e.id for e in list_trash()]
    with pytest.raises(TrashRestoreError, match=r"report 2023-11-25\): a report for that date"):
        restore_entries(ids)
    # All or nothing: the item was not restored either, and both entries stay.
    assert load_report(DAY) == retyped and get_item(item_id) is None
    assert count_trash() == 2


def test_an_item_whose_link_is_taken_is_refused_by_name(archive_db: object) -> None:
    item_id = save_item(ARTICLE_DATA)
    delete_item(item_id)
    save_item(
        ItemData(BRIEF, "Same link.", ARTICLE_DATA.published_at, source_url=ARTICLE_DATA.source_url)
    )
    [entry] = list_trash()
    with pytest.raises(TrashRestoreError, match="another item now has its link"):
        restore_entries([entry.id])
    with pytest.raises(TrashRestoreError, match="no entry 999 in the Trash"):
        restore_entries([999])


def test_undo_of_a_delete_takes_it_out_of_the_trash_and_redo_puts_it_back(
    archive_db: object,
) -> None:
    item_id = _linked()
    item_before = snapshot_item(item_id)
    delete_item(item_id)
    report_before = snapshot_report(DAY)
    delete_report(DAY)
    assert count_trash() == 2

    restore_report(DAY, report_before)  # what Edit ▸ Undo does
    restore_item(item_id, item_before)
    assert count_trash() == 0
    assert report_article_ids(DAY) == [item_id]

    restore_item(item_id, None)  # what Edit ▸ Redo does
    restore_report(DAY, None)
    assert sorted(e.kind for e in list_trash()) == ["item", "report"]


def test_undo_keeps_other_versions_of_the_day_in_the_trash(archive_db: object) -> None:
    save_report(REPORT)
    delete_report(DAY)
    newer = LossReport(DAY, {"tanks": Figure(5503)})
    save_report(newer)
    before = snapshot_report(DAY)
    delete_report(DAY)
    restore_report(DAY, before)
    assert [e.date for e in list_trash()] == [DAY]
    assert load_report(DAY) == newer


def test_empty_deletes_for_good_all_or_some(archive_db: object) -> None:
    first, second = (
        save_item(ARTICLE_DATA),
        save_item(ItemData(BRIEF, "B.", ARTICLE_DATA.published_at)),
    )
    delete_item(first)
    delete_item(second)
    newest, oldest = list_trash()
    assert newest.original_id == second
    assert empty_trash([oldest.id]) == 1
    assert [e.id for e in list_trash()] == [newest.id]
    assert empty_trash() == 1 and list_trash() == []


def test_a_failed_delete_leaves_nothing_in_the_trash(archive_db: object) -> None:
    assert delete_item(12345) is False
    assert delete_report(DAY) is False
    assert count_trash() == 0


def _foreign_entries() -> list[int]:
    """Entries another program put in the Trash: not JSON, JSON without an item's fields, an
    item of a kind of its own, and a kind of entry this program does not know."""
    snapshots = [
        ("item", "not json"),
        ("item", '{"kind": "article"}'),
        ("item", '{"kind": "video"}'),
        ("widget", "{}"),
    ]
    for n, (kind, snapshot) in enumerate(snapshots):
        database_proxy.execute_sql(
            "INSERT INTO trash (kind, original_id, label, snapshot, deleted_at) VALUES"
            f" ('{kind}', {900 + n}, 'Foreign {n}', '{snapshot}', '2026-12-01T10:00:00Z')"
        )
    return [e.id for e in list_trash() if e.label.startswith("Foreign")]


def test_entries_another_program_wrote_are_listed_and_named_not_restored(
    archive_db: object,
) -> None:
    sound = save_item(ARTICLE_DATA)
    delete_item(sound)
    foreign = _foreign_entries()
    assert len(foreign) == 4  # the list is read whole, one snapshot not JSON or not
    kinds = {e.label: e.item_kind for e in list_trash()}
    assert kinds["Losses on day 640"] == ARTICLE
    for entry in foreign:
        with pytest.raises(StoredValueError, match=f"^Trash entry {entry} .*not in the form"):
            restore_entries([entry])
        with pytest.raises(StoredValueError, match=f"^Trash entry {entry} "):
            entry_snapshot(entry)
    with pytest.raises(StoredValueError):
        restore_entries([*foreign[:1], sound])  # all or none
    assert get_item(sound) is None
    restored = restore_entries([e.id for e in list_trash() if e.label == "Losses on day 640"])
    assert restored.item_ids == (sound,)
    assert empty_trash(foreign) == 4
    assert count_trash() == 0


def test_a_snapshot_that_is_not_json_leaves_a_servers_read_transaction_usable(
    archive_db: object,
) -> None:
    _foreign_entries()
    with read_snapshot(database_proxy):  # an export's consistent read, on a server too
        assert len(list_trash()) == 4
        assert database_proxy.execute_sql("SELECT count(*) FROM trash").fetchone()[0] == 4
