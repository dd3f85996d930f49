"""From the search field to its results by keyboard: ↓ after a search typed puts the keyboard
in the list, on its first item (the reader shows it); in an empty field ↓ still offers the
recent searches."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop_app.core.item import ARTICLE, ItemData
from desktop_app.storage.items import save_item
from desktop_app.ui.app.main_window import MainWindow
from desktop_app.ui.archive.archive_actions import set_timeline
from tests.ui.conftest import settle_window

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


@pytest.fixture
def stored_before(archive_db: object) -> dict[str, int]:
    start = dt.datetime(2024, 6, 3, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=3)))
    titles = ("Ремонт мосту в Ірпені", "Bridge repairs near Irpin", "Новий графік потягів")
    return {
        title: save_item(
            ItemData(ARTICLE, title, start + dt.timedelta(hours=n), body="Мости й дороги.")
        )
        for n, title in enumerate(titles)
    }


def search(qtbot, window: MainWindow, text: str) -> None:
    view = window.archive_view
    window.focus_search()
    with qtbot.waitSignal(view.searchFinished, timeout=5000):
        view.search_edit.setText(text)
    settle_window(qtbot, window)


@pytest.mark.parametrize("timeline", [False, True], ids=["table", "timeline"])
def test_down_in_the_search_field_goes_to_the_first_result(
    qtbot, window: MainWindow, stored_before: dict[str, int], timeline: bool
) -> None:
    view = window.archive_view
    window.activateWindow()
    set_timeline(view, timeline)
    settle_window(qtbot, window)
    search(qtbot, window, "bridge OR мосту")
    assert view.selected_id() is None
    qtbot.keyClick(view.search_edit, Qt.Key.Key_Down)
    settle_window(qtbot, window)
    shown = view.timeline if timeline else view.table
    assert QApplication.focusWidget() is shown  # before: the keyboard stayed in the field
    first = stored_before["Bridge repairs near Irpin"]  # the newest of the two
    assert view.selected_id() == first
    assert view.reader.current_id == first
    # j goes on from there.
    qtbot.keyClick(shown, Qt.Key.Key_J)
    settle_window(qtbot, window)
    assert view.selected_id() == stored_before["Ремонт мосту в Ірпені"]


def test_down_keeps_the_item_chosen_and_in_an_empty_field_offers_recent_searches(
    qtbot, window: MainWindow, stored_before: dict[str, int]
) -> None:
    view = window.archive_view
    window.activateWindow()
    search(qtbot, window, "bridge OR мосту")
    chosen = stored_before["Ремонт мосту в Ірпені"]
    view.select_item(chosen)
    settle_window(qtbot, window)
    window.focus_search()
    qtbot.keyClick(view.search_edit, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is view.table
    assert view.selected_id() == chosen
    view.history.remember("потягів")
    search(qtbot, window, "")
    qtbot.keyClick(view.search_edit, Qt.Key.Key_Down)
    popup = view.history.completer.popup()
    assert popup.isVisible()
    assert popup.model().rowCount() >= 1
    popup.hide()
