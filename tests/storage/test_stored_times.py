"""Times another program stored in its own form are found by the archive's check, on SQLite
and on a server alike."""

from __future__ import annotations

import datetime as dt

from desktop_app.core.item import BRIEF, ItemData
from desktop_app.storage.db.models import database_proxy
from desktop_app.storage.items import save_item
from desktop_app.storage.stored_times import foreign_times

WHEN = dt.datetime(2026, 11, 1, 9, 0, tzinfo=dt.UTC)


def test_each_time_in_a_foreign_form_is_named_with_its_row_and_column(archive_db: object) -> None:
    sound = save_item(ItemData(BRIEF, "Air raid alert in Kharkiv.", WHEN))
    damaged = save_item(ItemData(BRIEF, "Power restored in Odesa.", WHEN))
    assert foreign_times() == []
    database_proxy.execute_sql(
        f"UPDATE item SET updated_at = '', published_at = '2026-11-01 09:00' WHERE id = {damaged}"
    )
    assert foreign_times() == [
        f"item row {damaged}: published_at '2026-11-01 09:00' is not a time as the archive "
        "stores them (2023-11-25T09:03:00Z)",
        f"item row {damaged}: updated_at '' is not a time as the archive stores them "
        "(2023-11-25T09:03:00Z)",
    ]
    assert sound != damaged
