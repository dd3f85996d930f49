"""Finding the rows of changed items in a long list, to read them again after a write."""

from __future__ import annotations

from array import array

from desktop_app.core.search_query import parse_query
from desktop_app.ui.archive.archive_model import ArchiveTableModel
from desktop_app.ui.archive.row_pages import row_holding, rows_holding
from desktop_app.ui.archive.timeline_model import TimelineModel


def test_the_rows_of_items_come_in_order_and_headings_are_never_found() -> None:
    listed = array("i", [-1, 30, 20, -2, 10, 40])
    assert rows_holding(listed, {10, 30, 99}) == [1, 4]
    assert rows_holding(listed, [40]) == [5]
    assert rows_holding(listed, {-1, -2}) == [0, 3]  # only asked for by a heading's number
    assert rows_holding(listed, set()) == [] and rows_holding(array("i"), {1}) == []
    assert rows_holding([7, 8, 9], {9, 7}) == [0, 2]  # a plain list too


def test_a_write_reads_again_just_the_changed_rows_of_either_list(qapp) -> None:
    asked: list[tuple[list[int], int, int]] = []
    table = ArchiveTableModel()
    table.set_ids(range(1000, 0, -1), parse_query(""))
    timeline = TimelineModel()
    timeline.set_entries(array("i", range(1000, 0, -1)), [("2024-01-02", 400), ("2024-01-01", 600)])
    for model in (table, timeline):
        model.cache.refresh = lambda ids, first, last: asked.append((ids, first, last))  # type: ignore[method-assign]
        model.refresh(frozenset({500, 3, 5000}))  # 5000 is not in the list
    # The ids in the list's order, and the rows to repaint when they arrive.
    assert asked == [([500, 3], 500, 997), ([500, 3], 502, 999)]


def test_the_row_of_one_id_is_its_first_place_or_none() -> None:
    listed = array("i", [-1, 10, 20, -2, 30, 20])  # negative: a timeline's day headings
    assert [row_holding(listed, i) for i in (10, 20, 30, 99)] == [1, 2, 4, None]
    assert row_holding(array("i"), 10) is None
    listed.append(40)  # no view of the list is left holding it
    assert row_holding(listed, 40) == 6
