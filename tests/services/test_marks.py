"""Read and star marks as the window writes them (services.marks), on a real archive."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.core.item import BRIEF, ItemData
from desktop_app.services import marks
from desktop_app.services.changes import Changes
from desktop_app.storage.items import get_item, save_item


def test_toggle_flips_the_stored_mark_it_was_not_shown(archive_db: object) -> None:
    # A key pressed on a row whose page has not arrived: the stored mark is flipped.
    item = save_item(
        ItemData(BRIEF, "Shelling of Kherson.", dt.datetime(2024, 5, 1, tzinfo=dt.UTC))
    )
    assert marks.toggle("starred", item) == Changes(flags=True, item_ids=frozenset({item}))
    stored = get_item(item)
    assert stored is not None and stored.starred and not stored.is_read
    marks.toggle("starred", item)
    marks.toggle("is_read", item)
    stored = get_item(item)
    assert stored is not None and not stored.starred and stored.is_read


def test_toggle_refuses_anything_but_a_mark(archive_db: object) -> None:
    with pytest.raises(ValueError):
        marks.toggle("title", 1)
