"""The bulk item import (raw executemany): same rows, tags, search and dedupe as saving one."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

import pytest

from desktop_app.core.errors import ArchiveError
from desktop_app.core.item import ARTICLE, BRIEF, ItemData
from desktop_app.storage.db.models import Item, ItemTag
from desktop_app.storage.item_import import CHUNK, import_items
from desktop_app.storage.items import delete_item, get_item, save_item
from desktop_app.storage.search import search_item_ids

T0 = dt.datetime(2023, 11, 25, 9, 41, tzinfo=dt.timezone(dt.timedelta(hours=2)))


def item(n: int, *, url: bool = True, tags: tuple[str, ...] = ("air defense",)) -> ItemData:
    return ItemData(
        kind=BRIEF,
        title=f" Brief {n} ",
        published_at=T0 + dt.timedelta(minutes=n),
        body=f"Drones downed over region {n}.",
        lead="",
        author=" Newsroom ",
        source_name="Wire",
        source_url=f" https://example.org/{n} " if url else None,
        tags=tags,
        body_html=f"<p>Drones downed over region {n}.</p>",
    )


def tags_by_item() -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for row in ItemTag.select().order_by(ItemTag.id):
        out.setdefault(row.item_id, []).append(row.tag)
    return out


def test_imported_items_read_back_as_saved_ones(archive_db: Any) -> None:
    data = item(1, tags=("air defense", "kyiv oblast"))
    saved_id = save_item(item(2, tags=("air defense", "kyiv oblast")))
    import_items([data])
    imported = Item.get(Item.source_url == "https://example.org/1")
    stored, saved = get_item(imported.id), get_item(saved_id)
    assert stored is not None and saved is not None
    assert stored.data.title == "Brief 1" and stored.data.author == "Newsroom"
    assert stored.data.published_at == dt.datetime(2023, 11, 25, 7, 42, tzinfo=dt.UTC)
    assert stored.data.tags == saved.data.tags == ("air defense", "kyiv oblast")
    assert (stored.is_read, stored.starred) == (False, False)
    assert tags_by_item()[imported.id] == ["air defense", "kyiv oblast"]


def test_ids_continue_after_a_deleted_item_and_tags_follow_them(archive_db: Any) -> None:
    first = save_item(item(0))
    last = save_item(item(1))
    delete_item(last)
    import_items([item(n) for n in range(2, 5)])
    ids = [i.id for i in Item.select().order_by(Item.id)]
    assert ids == [first, last + 1, last + 2, last + 3]
    assert tags_by_item() == {i: ["air defense"] for i in ids}


def test_imported_text_is_found_by_search(archive_db: Any) -> None:
    import_items([item(7)])
    (found,) = search_item_ids("region")
    assert Item.get_by_id(found).source_url == "https://example.org/7"


def test_duplicates_are_recognised_across_chunks_and_against_stored_items(
    archive_db: Any,
) -> None:
    save_item(item(0))
    linkless = item(1, url=False)
    # An item with a link blocks a link-less one of the same kind, title and time.
    save_item(item(2))
    # The link-less ones come in the second chunk, after item 1 (with its link) was added.
    batch = [item(n) for n in range(CHUNK + 10)] + [linkless, linkless, item(2, url=False)]
    summary = import_items(batch)
    assert (summary.added, summary.unchanged) == (CHUNK + 10 - 2, 2 + 3)
    again = import_items(batch)
    assert (again.added, again.unchanged) == (0, len(batch))
    assert Item.select().count() == CHUNK + 10


def test_an_article_and_a_brief_of_one_title_and_time_are_two_items(archive_db: Any) -> None:
    brief = item(1, url=False)
    article = ItemData(ARTICLE, brief.title, brief.published_at, body="Long.")
    assert import_items([brief, article]).added == 2


def test_progress_per_chunk_and_a_raise_rolls_everything_back(archive_db: Any) -> None:
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        seen.append((done, total))
        if done > CHUNK:
            raise ArchiveError("cancelled")

    with pytest.raises(ArchiveError):
        import_items([item(n) for n in range(CHUNK * 2 + 1)], progress=progress)
    assert seen == [(CHUNK, CHUNK * 2 + 1), (CHUNK * 2, CHUNK * 2 + 1)]
    assert Item.select().count() == 0 and ItemTag.select().count() == 0
    assert search_item_ids("region") == []


def _round_trip(texts: list[str]) -> None:
    items = [
        ItemData(BRIEF, f"Brief {n}: {t}", T0 + dt.timedelta(minutes=n), body=t, tags=(f"tag {n}",))
        for n, t in enumerate(texts)
    ]
    import_items(items)
    stored = [get_item(row.id) for row in Item.select().order_by(Item.id)]
    assert [s.data.body for s in stored if s is not None] == texts
    assert [s.data.tags for s in stored if s is not None] == [
        (f"tag {n}",) for n in range(len(texts))
    ]


def test_any_text_reads_back_as_it_was_written(archive_db: Any) -> None:
    # SQLite gets a chunk as one JSON array: text JSON escapes (quotes, backslashes, a written
    # "\u0000") and non-ASCII text come back unchanged, and are found.
    _round_trip(['"quoted" \\ back\\slash', "written \\u0000 escape", "Київ ʼ 🛰"])
    assert search_item_ids("escape") and search_item_ids("Київ")


@pytest.mark.sqlite_only
def test_a_nul_in_the_text_goes_row_by_row(archive_db: Any) -> None:
    # (JSON would carry it as an escape that SQLite's JSON functions cut the text at.)
    _round_trip(["before", "a NUL \x00 inside", "after"])


def test_an_item_stored_differently_under_the_files_link_is_kept_and_named(
    archive_db: Any,
) -> None:
    """Re-importing an old export after editing an item: the archive's version stays, and
    the summary says which items the file has otherwise (not just 'unchanged')."""
    first = [item(n) for n in range(4)]
    first[1] = item(1, tags=("air defense", "kyiv oblast"))
    import_items(first)
    edited = Item.get(Item.source_url == "https://example.org/2").id
    stored = get_item(edited)
    assert stored is not None
    save_item(replace(stored.data, title="Brief 2, corrected"), edited)
    # The same items again, one with its tags in another order: that is no difference.
    again = [item(n) for n in range(4)]
    again[1] = item(1, tags=("kyiv oblast", "air defense"))
    again[3] = item(3, tags=("air defense", "odesa"))
    summary = import_items(again)
    assert (summary.added, summary.unchanged) == (0, 4)
    assert summary.differing == 2
    assert summary.differing_titles == ["Brief 2", "Brief 3"]
    assert "2 of them differ from the file" in summary.line()
    kept = get_item(edited)
    assert kept is not None and kept.data.title == "Brief 2, corrected"
    assert import_items([item(0), again[1]]).differing == 0


def test_the_same_link_twice_in_one_file_with_other_text_is_a_difference(
    archive_db: Any,
) -> None:
    first, second = item(1), replace(item(1), body="Another text under the same link.")
    summary = import_items([first, second])
    assert (summary.added, summary.unchanged, summary.differing) == (1, 1, 1)
    assert import_items([first, first]).differing == 0
