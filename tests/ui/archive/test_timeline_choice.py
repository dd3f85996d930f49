"""Several items chosen in the timeline: a run of rows spans its day headings, which are
never chosen nor counted, and the keys act on the items alone, as in the table."""

from __future__ import annotations

import datetime as dt
from array import array

import pytest
from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt

from desktop_app.core.item import ARTICLE, ItemData
from desktop_app.storage.items import get_item, save_item
from desktop_app.ui.app.main_window import MainWindow
from desktop_app.ui.archive.archive_actions import set_timeline
from desktop_app.ui.archive.list_selection import chosen_count, chosen_ids, chosen_row
from desktop_app.ui.archive.timeline_model import TimelineModel, timeline_view
from tests.ui.conftest import reload_list, settle_window

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")

SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def one_item_a_day(qtbot):
    """Six items on six days: a heading above each item, so half the rows are headings."""
    model = TimelineModel()
    model.set_entries(
        array("i", [60, 50, 40, 30, 20, 10]), [(f"2024-03-0{d}", 1) for d in (6, 5, 4, 3, 2, 1)]
    )
    view = timeline_view(model)
    qtbot.addWidget(view)
    view.resize(400, 400)
    view.show()
    return model, view


def choose(view, top: int, bottom: int) -> None:
    model = view.model()
    view.selectionModel().select(
        QItemSelection(model.index(top, 0), model.index(bottom, 0)),
        QItemSelectionModel.SelectionFlag.ClearAndSelect,
    )


def test_the_headings_a_run_spans_are_not_counted_nor_read(one_item_a_day) -> None:
    model, view = one_item_a_day
    assert [model.item_id(r) for r in range(4)] == [None, 60, None, 50]
    assert model.headings_in(0, 11) == 6 and model.headings_in(1, 2) == 1
    assert model.headings_in(3, 3) == 0
    choose(view, 1, 5)  # item, heading, item, heading, item
    assert chosen_count(view) == 3
    assert chosen_ids(view, model.item_id, 10) == [60, 50, 40]
    view.selectAll()
    assert chosen_count(view) == 6
    # The run starts on a heading: the reader shows the item under it.
    view.selectionModel().clearCurrentIndex()
    assert chosen_row(view) == 1


def test_a_limit_still_reads_one_item_more_than_it_among_headings(one_item_a_day) -> None:
    model, view = one_item_a_day
    view.selectAll()
    # Four ids tell "more than three", though the first four rows hold two items only.
    assert chosen_ids(view, model.item_id, 3) == [60, 50, 40, 30]
    assert chosen_ids(view, model.item_id, 6) == [60, 50, 40, 30, 20, 10]


def choose_across_a_day(qtbot, window: MainWindow) -> list[int]:
    """In the timeline, the last item of the first day and, with Shift, the one under the
    next day's heading; their ids."""
    earlier = save_item(
        ItemData(
            ARTICLE,
            "Power restored in Kharkiv",
            dt.datetime(2023, 11, 20, 9, 0, tzinfo=dt.UTC),
            body="Crews worked overnight.",
        )
    )
    view = window.archive_view
    set_timeline(view, True)
    reload_list(qtbot, window)
    model = view.timeline_model
    assert model.item_id(model.rowCount() - 1) == earlier  # under a heading of its own
    last_of_first_day = model.rowCount() - 3
    view.select_item(model.item_id(last_of_first_day))
    settle_window(qtbot, window)
    view.timeline.setFocus()
    qtbot.keyClick(view.timeline, Qt.Key.Key_Down, SHIFT)  # onto the heading, then past it
    qtbot.keyClick(view.timeline, Qt.Key.Key_Down, SHIFT)
    settle_window(qtbot, window)
    return [model.item_id(last_of_first_day), earlier]  # type: ignore[list-item]


def test_a_reload_of_the_timeline_keeps_the_chosen_items_or_every_item_chosen(
    qtbot, window: MainWindow, sample_items: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_app.ui.archive import list_selection

    view = window.archive_view
    chosen = choose_across_a_day(qtbot, window)
    reload_list(qtbot, window)
    assert view.selected_ids() == chosen
    # Every item chosen is kept as "every row", however many (not item by item, which
    # stops at the limit): the day headings are not counted against the items.
    monkeypatch.setattr(list_selection, "SELECTION_LIMIT", 3)
    view.timeline.selectAll()
    every = view.selected_ids()
    assert len(every) == 4
    reload_list(qtbot, window)
    assert view.selected_ids() == every


def test_space_in_the_timeline_marks_every_chosen_item_across_a_day(
    qtbot, window: MainWindow, sample_items: dict[str, int]
) -> None:
    view = window.archive_view
    chosen = choose_across_a_day(qtbot, window)
    assert view.selected_ids() == chosen
    assert window.statusBar().currentMessage() == "2 articles and briefs chosen"
    qtbot.keyClick(view.timeline, Qt.Key.Key_S)
    settle_window(qtbot, window)
    assert [bool(getattr(get_item(i), "starred", False)) for i in chosen] == [True, True]
