"""Sources in the archive: the schema step, settings, what each attempt leaves behind."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from peewee import SqliteDatabase

from desktop_app.core.errors import ValidationError
from desktop_app.core.item import ARTICLE, ItemData
from desktop_app.storage.db.connection import open_archive
from desktop_app.storage.db.migrations import SCHEMA_VERSION, STEPS, migrate, schema_version
from desktop_app.storage.db.models import Item, SourceEntry
from desktop_app.storage.items import delete_item, save_item
from desktop_app.storage.sources import (
    Attempt,
    SourceSettings,
    add_source,
    find_source,
    list_sources,
    record_attempt,
)

NOW = dt.datetime(2025, 3, 1, 12, 0, tzinfo=dt.UTC)


def _sources_step() -> int:
    """The index of the step that adds the sources (its number may change at a merge)."""
    return next(
        n for n, step in enumerate(STEPS) if (step.__doc__ or "").startswith("Subscriptions")
    )


def test_an_archive_from_before_sources_upgrades_and_keeps_its_items(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    old = SqliteDatabase(str(path))
    migrate(old, target=_sources_step())
    old.execute_sql(
        "INSERT INTO item (kind, title, published_at, created_at, updated_at)"
        " VALUES ('brief', 'Before', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z',"
        " '2025-01-01T00:00:00Z')"
    )
    old.close()
    archive = open_archive(path)
    try:
        assert schema_version(archive.db) == SCHEMA_VERSION
        assert Item.select().count() == 1
        source_id = add_source(SourceSettings("Desk", "https://e.invalid/f"))
        # An entry whose item is deleted keeps its row, with no item (not fetched again).
        SourceEntry.create(source=source_id, item=Item.get().id, guid="g", seen_at=NOW)
        delete_item(Item.get().id)
        assert SourceEntry.get().item_id is None
    finally:
        archive.db.close()


def test_names_and_addresses_are_unique(archive_db) -> None:
    add_source(SourceSettings("Desk", "https://e.invalid/f"))
    with pytest.raises(ValidationError, match="exists already"):
        add_source(SourceSettings("desk", "https://e.invalid/other"))
    with pytest.raises(ValidationError, match="already subscribed as 'Desk'"):
        add_source(SourceSettings("Other", "https://e.invalid/f"))
    with pytest.raises(ValidationError, match="not a web address"):
        add_source(SourceSettings("File", "file:///etc/passwd"))


def test_attempts_count_failures_keep_validators_and_follow_moves(archive_db) -> None:
    source_id = add_source(SourceSettings("Desk", "https://e.invalid/f"))
    record_attempt(source_id, Attempt(NOW, ok=True, etag='"a"', last_modified="x"))
    record_attempt(source_id, Attempt(NOW, ok=False, error="the server failed (500)"))
    record_attempt(source_id, Attempt(NOW, ok=False, error="cannot connect", offline=True))
    info = find_source("Desk")
    assert info is not None
    assert (info.failures, info.last_error, info.etag) == (1, "cannot connect", '"a"')
    record_attempt(source_id, Attempt(NOW, ok=True, keep_validators=True, new_url="https://n/f"))
    info = find_source("Desk")
    assert info is not None
    assert (info.failures, info.last_error, info.etag, info.url) == (0, "", '"a"', "https://n/f")
    assert info.succeeded_at == NOW


def test_counts_follow_the_items_read_marks(archive_db) -> None:
    source_id = add_source(SourceSettings("Desk", "https://e.invalid/f"))
    ids = [save_item(ItemData(ARTICLE, f"Story {n}", NOW)) for n in range(3)]
    for n, item_id in enumerate(ids):
        SourceEntry.create(source=source_id, item=item_id, guid=str(n), seen_at=NOW)
    Item.update(is_read=True).where(Item.id == ids[0]).execute()
    [info] = list_sources()
    assert (info.items, info.unread) == (3, 2)
