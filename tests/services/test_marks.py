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


def test_more_items_than_one_statement_may_name_are_marked_in_one_call(
    both_archive_db: object,
) -> None:
    """Marking a whole search read: at a million items one search holds hundreds of
    thousands. A statement names at most 65,535 values on PostgreSQL and 32,766 in SQLite's
    usual builds (this machine's allows 250,000: it is lowered here as they have it)."""
    import sqlite3

    from desktop_app.storage.db.models import database_proxy

    conn = database_proxy.connection()
    if isinstance(conn, sqlite3.Connection):
        conn.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 32_766)
    when = dt.datetime(2024, 5, 1, tzinfo=dt.UTC)
    first = save_item(ItemData(BRIEF, "Shelling of Kherson.", when))
    last = save_item(ItemData(BRIEF, "Drones over Sumy.", when))
    many = [first, *range(last + 1, last + 70_000), last]  # most of them gone since
    assert marks.set_read(many) == Changes(flags=True, item_ids=frozenset(many))
    for item in (first, last):
        stored = get_item(item)
        assert stored is not None and stored.is_read


def _briefs(count: int) -> list[int]:
    when = dt.datetime(2024, 5, 1, tzinfo=dt.UTC)
    return [save_item(ItemData(BRIEF, f"Brief {n} from Izium", when)) for n in range(count)]


def _read(ids: list[int]) -> list[bool]:
    return [bool(item.is_read) for item in (get_item(i) for i in ids) if item is not None]


def test_marking_a_whole_list_goes_in_parts_and_undo_gives_back_only_what_it_changed(
    archive_db: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_app.services import history

    monkeypatch.setattr(marks, "MARK_STEP", 2)
    ids = _briefs(5)
    marks.set_read([ids[1]], True)  # read before: still read after the undo
    said: list[tuple[int, int]] = []
    step = history.mark_all(ids, True, lambda done, total: said.append((done, total)))
    assert said == [(0, 5), (2, 5), (4, 5), (5, 5)]
    assert _read(ids) == [True] * 5
    assert step.result == 4 and step.steps == 4
    step.undo()
    assert _read(ids) == [False, True, False, False, False]
    step.redo()
    assert _read(ids) == [True] * 5


def test_stars_given_to_several_are_taken_back_from_just_those_it_gave(
    archive_db: object,
) -> None:
    from desktop_app.services import history

    ids = _briefs(3)
    marks.set_starred([ids[2]], True)  # starred before: still starred after the undo
    step = history.mark_all(ids, True, field="starred")
    starred = [bool(get_item(i).starred) for i in ids]  # type: ignore[union-attr]
    assert starred == [True, True, True] and step.result == 2
    assert _read(ids) == [False, False, False]  # the read marks are left alone
    step.undo()
    assert [bool(get_item(i).starred) for i in ids] == [False, False, True]  # type: ignore[union-attr]
    with pytest.raises(ValueError):
        history.mark_all(ids, True, field="title")


def test_marking_a_whole_list_stopped_part_way_changes_nothing(
    archive_db: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(marks, "MARK_STEP", 2)
    ids = _briefs(5)

    class StopError(Exception):
        pass

    def stop_at_four(done: int, _total: int) -> None:
        if done == 4:
            raise StopError

    with pytest.raises(StopError):
        marks.mark_all(ids, True, stop_at_four)
    assert _read(ids) == [False] * 5
