"""Article ▸ Mark all shown as read: the list's items, however many, in one undoable step."""

from __future__ import annotations

import pytest

from desktop_app.storage.items import get_item
from desktop_app.ui.app.main_window import MainWindow
from tests.ui.conftest import settle

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


def read_marks(sample_items: dict[str, int]) -> dict[str, bool]:
    marks = {}
    for name, item_id in sample_items.items():
        item = get_item(item_id)
        assert item is not None
        marks[name] = bool(item.is_read)
    return marks


def test_mark_all_shown_marks_the_searched_items_and_undo_gives_their_marks_back(
    qtbot, window: MainWindow, sample_items: dict[str, int]
) -> None:
    view = window.archive_view
    view.search_edit.setText("kyiv OR sumy")
    view.run_search()
    qtbot.waitUntil(lambda: view.model.rowCount() == 2 and view.idle, timeout=5000)
    window.archive_actions.mark_all_read_action.trigger()
    settle(qtbot, window.runner)
    assert read_marks(sample_items) == {"sumy": True, "kyiv": True, "odesa": False}
    assert "Marked 2 articles and briefs read" in window.statusBar().currentMessage()
    # The rows shown follow without a new search.
    qtbot.waitUntil(
        lambda: all(getattr(view.model._row(r), "is_read", False) for r in range(2)), timeout=5000
    )

    assert "mark 2 articles and briefs read" in window.undo_action.text()
    window.undo_action.trigger()
    settle(qtbot, window.runner)
    assert read_marks(sample_items) == {"sumy": False, "kyiv": False, "odesa": False}
    window.redo_action.trigger()
    settle(qtbot, window.runner)
    assert read_marks(sample_items) == {"sumy": True, "kyiv": True, "odesa": False}


def test_mark_all_shown_when_all_were_read_adds_no_undo_step(
    qtbot, window: MainWindow, sample_items: dict[str, int]
) -> None:
    window.archive_actions.mark_all_read_action.trigger()
    settle(qtbot, window.runner)
    steps = window.undo_stack.count()
    window.archive_actions.mark_all_read_action.trigger()
    settle(qtbot, window.runner)
    assert window.undo_stack.count() == steps
    assert "read already" in window.statusBar().currentMessage()


def test_mark_all_is_refused_on_an_archive_open_read_only(
    qtbot, make_window, sample_items: dict[str, int]
) -> None:
    win = make_window(read_only=True)
    assert not win.archive_actions.mark_all_read_action.isEnabled()


def test_under_unread_only_the_list_empties_and_undo_brings_its_items_back(
    qtbot, window: MainWindow, sample_items: dict[str, int]
) -> None:
    # A whole list marked read no longer matches "Unread only": the list follows at once,
    # and an undo puts the items back in it (a single Space keeps its row, as before).
    view = window.archive_view
    view.filters.unread_check.setChecked(True)
    qtbot.waitUntil(lambda: view.model.rowCount() == 3 and view.idle, timeout=5000)
    window.archive_actions.mark_all_read_action.trigger()
    settle(qtbot, window.runner)
    qtbot.waitUntil(lambda: view.model.rowCount() == 0 and view.idle, timeout=5000)
    window.undo_action.trigger()
    settle(qtbot, window.runner)
    qtbot.waitUntil(lambda: view.model.rowCount() == 3 and view.idle, timeout=5000)


def test_under_is_unread_typed_in_the_field_the_list_and_its_count_follow_too(
    qtbot, window: MainWindow, sample_items: dict[str, int]
) -> None:
    # `is:unread` in the search field asks what the Unread only box asks: marked all read,
    # the list empties and the line under it says so; undone, the items come back.
    view = window.archive_view
    view.search_edit.setText("is:unread")
    view.run_search()
    qtbot.waitUntil(lambda: view.model.rowCount() == 3 and view.idle, timeout=5000)
    assert view.count_label.text() == "3 items"
    window.archive_actions.mark_all_read_action.trigger()
    settle(qtbot, window.runner)
    qtbot.waitUntil(lambda: view.model.rowCount() == 0 and view.idle, timeout=5000)
    assert view.count_label.text() == "No matches for “is:unread”."
    window.undo_action.trigger()
    settle(qtbot, window.runner)
    qtbot.waitUntil(lambda: view.model.rowCount() == 3 and view.idle, timeout=5000)
    assert view.count_label.text() == "3 items"
