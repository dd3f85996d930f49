"""After Delete the list goes on from the item after the deleted ones (the one before, at the
end of the list), shown in the reader and left unread: before, nothing was chosen and the next
j went back to the top of a long list."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop_app.core.item import ARTICLE, BRIEF, ItemData
from desktop_app.storage.items import count_items, get_item, save_item
from desktop_app.ui.app.main_window import MainWindow
from desktop_app.ui.archive.archive_actions import set_timeline
from tests.ui.conftest import reload_list, settle_window

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


@pytest.fixture
def stored_before(archive_db: object) -> list[int]:
    """Newest first, as the list shows them: ids[0] is the list's first row."""
    start = dt.datetime(2024, 7, 1, 6, 0, tzinfo=dt.timezone(dt.timedelta(hours=3)))
    ids = [
        save_item(
            ItemData(
                ARTICLE if n % 2 else BRIEF,
                f"Зведення ранку {n}" if n % 2 else f"Evening brief {n}",
                start + dt.timedelta(hours=5 * n),
                body="Коротко про день.",
            )
        )
        for n in range(40)
    ]
    return ids[::-1]


@pytest.fixture(autouse=True)
def answer_yes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)


def delete_chosen(qtbot, window: MainWindow) -> None:
    before = count_items()
    qtbot.keyClick(window.archive_view.table, Qt.Key.Key_Delete)
    settle_window(qtbot, window)
    assert count_items() < before


def test_delete_goes_on_from_the_next_item_and_j_after_it(
    qtbot, window: MainWindow, stored_before: list[int]
) -> None:
    view = window.archive_view
    window.activateWindow()
    reload_list(qtbot, window)
    view.select_item(stored_before[20])
    settle_window(qtbot, window)
    view.table.setFocus()
    delete_chosen(qtbot, window)
    assert view.selected_id() == stored_before[21]
    assert view.reader.current_id == stored_before[21]
    stored = get_item(stored_before[21])
    assert stored is not None and not stored.is_read  # chosen by the change, not read
    qtbot.keyClick(view.table, Qt.Key.Key_J)
    settle_window(qtbot, window)
    assert view.selected_id() == stored_before[22]  # before: the list's first item


def test_several_deleted_and_the_last_of_a_list(
    qtbot, window: MainWindow, stored_before: list[int]
) -> None:
    view = window.archive_view
    window.activateWindow()
    reload_list(qtbot, window)
    view.select_item(stored_before[5])
    settle_window(qtbot, window)
    view.table.setFocus()
    for _ in range(2):
        qtbot.keyClick(view.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    settle_window(qtbot, window)
    delete_chosen(qtbot, window)
    assert view.selected_id() == stored_before[8]
    # The last item of a filtered list: the one before it takes its place.
    with qtbot.waitSignal(view.searchFinished, timeout=5000):
        view.search_edit.setText("kind:brief")
    settle_window(qtbot, window)
    last = view.model.rowCount() - 1
    before_last = view.model.item_id(last - 1)
    view.select_item(view.model.item_id(last) or -1)
    settle_window(qtbot, window)
    view.table.setFocus()
    delete_chosen(qtbot, window)
    assert view.selected_id() == before_last


def test_in_the_timeline_the_day_headings_are_passed_over(
    qtbot, window: MainWindow, stored_before: list[int]
) -> None:
    view = window.archive_view
    window.activateWindow()
    set_timeline(view, True)
    reload_list(qtbot, window)
    view.select_item(stored_before[4])
    settle_window(qtbot, window)
    view.timeline.setFocus()
    before = count_items()
    qtbot.keyClick(view.timeline, Qt.Key.Key_Delete)
    settle_window(qtbot, window)
    assert count_items() == before - 1
    assert view.selected_id() == stored_before[5]
