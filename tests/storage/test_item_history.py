"""Item snapshots and their restoration on a real archive: what item undo and redo stand on."""

from __future__ import annotations

import datetime as dt
from typing import Any

from desktop_app.core.item import ARTICLE, ItemData
from desktop_app.core.report import Figure, LossReport
from desktop_app.storage.db.models import Item, ItemTag
from desktop_app.storage.item_history import restore_item, snapshot_item
from desktop_app.storage.items import (
    delete_item,
    get_item,
    save_item,
    set_read,
    set_starred,
)
from desktop_app.storage.reports import delete_report, link_article, report_article_ids, save_report
from desktop_app.storage.search import search_item_ids

DAY = dt.date(2024, 2, 10)
AT = dt.datetime(2024, 2, 10, 8, tzinfo=dt.UTC)
DATA = ItemData(
    ARTICLE,
    "Zaporizhzhia plant loses outside power",
    AT,
    body="The last line was cut overnight.",
    author="A. Reporter",
    source_url="https://example.org/znpp",
    tags=("energy", "znpp"),
)


def tags_of(item_id: int) -> list[str]:
    return sorted(t.tag for t in ItemTag.select().where(ItemTag.item == item_id))


def test_a_deleted_item_comes_back_under_its_id_with_flags_tags_links_and_search(
    archive_db: Any,
) -> None:
    save_report(LossReport(DAY, {"tanks": Figure(6_500)}))
    item_id = save_item(DATA)
    set_read(item_id)
    set_starred(item_id)
    link_article(DAY, item_id)
    created = Item.get_by_id(item_id).created_at
    before = snapshot_item(item_id)
    assert before is not None and before.report_dates == (DAY,)

    delete_item(item_id)
    assert get_item(item_id) is None and report_article_ids(DAY) == []
    restore_item(item_id, before)

    stored = get_item(item_id)
    assert stored is not None and stored.data == DATA
    assert stored.is_read and stored.starred
    assert Item.get_by_id(item_id).created_at == created
    assert tags_of(item_id) == ["energy", "znpp"]
    assert report_article_ids(DAY) == [item_id]
    assert search_item_ids("zaporizhzhia") == [item_id]


def test_an_edit_is_taken_back_and_forth(archive_db: Any) -> None:
    item_id = save_item(DATA)
    before = snapshot_item(item_id)
    edited = ItemData(ARTICLE, "Plant reconnected", AT, tags=("energy",))
    save_item(edited, item_id)
    after = snapshot_item(item_id)
    restore_item(item_id, before)
    assert get_item(item_id).data == DATA  # type: ignore[union-attr]
    assert search_item_ids("reconnected") == [] and tags_of(item_id) == ["energy", "znpp"]
    restore_item(item_id, after)
    assert get_item(item_id).data == edited  # type: ignore[union-attr]
    assert search_item_ids("reconnected") == [item_id] and tags_of(item_id) == ["energy"]


def test_restoring_none_deletes_and_a_vanished_report_drops_its_link(archive_db: Any) -> None:
    save_report(LossReport(DAY, {"tanks": Figure(6_500)}))
    item_id = save_item(DATA)
    link_article(DAY, item_id)
    snap = snapshot_item(item_id)
    restore_item(item_id, None)
    assert get_item(item_id) is None
    delete_report(DAY)
    restore_item(item_id, snap)
    assert get_item(item_id) is not None
    assert snapshot_item(item_id).report_dates == ()  # type: ignore[union-attr]
