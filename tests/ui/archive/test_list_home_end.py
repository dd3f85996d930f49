"""Home and End in the archive's table go to the first and last item (Shift with them chooses
every item on the way), as in the timeline and in a mail program's list."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from desktop_app.core.item import ARTICLE, BRIEF, ItemData
from desktop_app.storage.items import save_item
from desktop_app.ui.app.main_window import MainWindow
from desktop_app.ui.archive.list_selection import chosen_count
from tests.ui.conftest import reload_list, settle_window

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


@pytest.fixture
def stored_before(archive_db: object) -> list[int]:
    start = dt.datetime(2024, 5, 1, 7, 0, tzinfo=dt.timezone(dt.timedelta(hours=3)))
    return [
        save_item(
            ItemData(
                ARTICLE if n % 2 else BRIEF,
                f"Ранкове зведення {n}" if n % 3 else f"Morning summary {n}",
                start + dt.timedelta(hours=n),
                body="Текст для перевірки клавіш.",
            )
        )
        for n in range(40)
    ]


def test_home_and_end_go_to_the_first_and_last_item(
    qtbot, window: MainWindow, stored_before: list[int]
) -> None:
    view = window.archive_view
    reload_list(qtbot, window)
    newest, oldest = stored_before[-1], stored_before[0]
    view.select_item(view.model.item_id(3) or -1)
    settle_window(qtbot, window)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_End)
    settle_window(qtbot, window)
    assert view.selected_id() == oldest  # before: the same row, its last column
    assert view.reader.current_id == oldest
    qtbot.keyClick(view.table, Qt.Key.Key_Home)
    settle_window(qtbot, window)
    assert view.selected_id() == newest
    assert view.reader.current_id == newest
    qtbot.keyClick(view.table, Qt.Key.Key_End, Qt.KeyboardModifier.ShiftModifier)
    settle_window(qtbot, window)
    assert chosen_count(view.table) == len(stored_before)
    assert view.selected_id() == oldest
