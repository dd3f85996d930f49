from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.core.errors import ValidationError
from desktop_app.core.item import ARTICLE, BRIEF, ItemData
from desktop_app.storage.item_import import import_items
from desktop_app.storage.items import (
    delete_item,
    get_item,
    save_item,
)
from desktop_app.storage.search import search_item_ids, search_items

T0 = dt.datetime(2023, 11, 25, 9, 0, tzinfo=dt.UTC)


def item(
    title: str, body: str = "", *, kind: str = ARTICLE, minutes: int = 0, url: str | None = None
) -> ItemData:
    return ItemData(kind, title, T0 + dt.timedelta(minutes=minutes), body=body, source_url=url)


def test_search_finds_words_in_title_and_body_newest_first(archive_db: object) -> None:
    a = save_item(item("Shelling in Sumy Oblast", "Seven communities hit.", minutes=1))
    b = save_item(item("Kharkiv update", "Shelling continued overnight.", minutes=2))
    save_item(item("Grain corridor", "Ships left Odesa."))
    assert search_item_ids("shelling") == [b, a]
    assert search_item_ids("shell") == [b, a]  # the last word matches as a prefix
    assert search_item_ids("shelling sumy") == [a]


def test_index_follows_edits_and_deletes(archive_db: object) -> None:
    item_id = save_item(item("Air defense", "Drones downed."))
    save_item(item("Air defense", "Missiles intercepted."), item_id)
    assert search_item_ids("drones") == []
    assert search_item_ids("missiles") == [item_id]
    delete_item(item_id)
    assert search_item_ids("missiles") == []
    assert get_item(item_id) is None


def test_kind_filter(archive_db: object) -> None:
    a = save_item(item("Russia shells Nikopol.", kind=BRIEF))
    save_item(item("Nikopol under fire", kind=ARTICLE))
    assert search_item_ids("nikopol", kind=BRIEF) == [a]


def test_duplicate_link_is_a_clear_error(archive_db: object) -> None:
    save_item(item("One", url="https://example.org/x"))
    with pytest.raises(ValidationError, match="source_url"):
        save_item(item("Two", url="https://example.org/x"))


def test_times_are_stored_in_utc_and_read_back_aware(archive_db: object) -> None:
    kyiv = dt.timezone(dt.timedelta(hours=2))
    item_id = save_item(ItemData(BRIEF, "Alert.", dt.datetime(2023, 11, 25, 11, 3, tzinfo=kyiv)))
    stored = get_item(item_id)
    assert stored is not None
    assert stored.data.published_at == dt.datetime(2023, 11, 25, 9, 3, tzinfo=dt.UTC)
    assert stored.data.published_at.tzinfo is not None


@pytest.mark.parametrize("written", ["", "2023-11-25 11:03", "25.11.2023", "2023-02-30T09:00:00Z"])
def test_a_time_another_program_wrote_in_its_own_form_is_named_not_a_crash(
    archive_db: object, written: str
) -> None:
    from desktop_app.storage.db.errors import StoredValueError
    from desktop_app.storage.db.models import database_proxy

    item_id = save_item(item("Alert."))
    database_proxy.execute_sql(f"UPDATE item SET updated_at = '{written}' WHERE id = {item_id}")
    with pytest.raises(StoredValueError) as raised:
        get_item(item_id)
    # The record, the field and the value, in words the user can act on.
    assert str(raised.value) == (
        f"Item {item_id}: item.updated_at: {written!r} is not a time as the archive stores "
        "them (2023-11-25T09:03:00Z)"
    )


def test_an_estimated_time_is_kept_by_save_and_import(archive_db: object) -> None:
    when = dt.datetime(2024, 5, 1, 8, 0, tzinfo=dt.UTC)
    saved = save_item(ItemData(BRIEF, "Shelling of Kherson.", when, date_estimated=True))
    import_items([ItemData(BRIEF, "Drones over Kyiv.", when, date_estimated=True)])
    (imported,) = search_item_ids("kyiv")
    assert get_item(saved) is not None and get_item(saved).data.date_estimated  # type: ignore[union-attr]
    assert get_item(imported) is not None and get_item(imported).data.date_estimated  # type: ignore[union-attr]


def test_import_items_twice_adds_nothing(archive_db: object) -> None:
    items = [item("A"), item("B", url="https://example.org/b")]
    assert import_items(items).added == 2
    again = import_items(items)
    assert (again.added, again.unchanged) == (0, 2)


@settings(
    max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None
)
@given(st.text(), st.sampled_from(["drone", "KYIV", "Debris", "warehouse"]))
def test_any_typed_text_searches_and_a_stored_word_is_always_found(
    archive_db: object, text: str, word: str
) -> None:
    if not search_item_ids(""):
        save_item(item("Drone attack on Kyiv", "Debris fell on a warehouse."))
    stored = set(search_item_ids(""))
    # Whatever is typed (quotes, colons, NEAR, emoji): no error, and only stored items.
    found = search_items(text)
    assert {f.id for f in found} <= stored
    # A word of the item, in any case, finds it; typed after other text, the other text
    # may narrow the search but never breaks it.
    assert {f.id for f in search_items(word)} == stored
    assert {f.id for f in search_items(f"{text} {word}")} <= stored
