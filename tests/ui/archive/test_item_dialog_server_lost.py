"""Editing an item on a server that stops before the edit is saved: the dialog says so in
plain words and keeps what was typed; once the server is back, Save again saves it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest

from desktop_app.core.item import ARTICLE, ItemData
from desktop_app.storage.items import get_item, save_item
from desktop_app.ui.app.main_window import MainWindow
from tests.ui.archive.test_item_dialog_conflict import open_editor
from tests.ui.conftest import settle_window

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")

AT = dt.datetime(2024, 5, 12, 9, 30, tzinfo=dt.UTC)


@pytest.fixture
def server_window(qtbot, stoppable_pg_server: Any, settings, tmp_path) -> Iterator[MainWindow]:
    from desktop_app.storage.db.connection import open_archive

    archive = open_archive(stoppable_pg_server.new_database())
    win = MainWindow(settings, database_path=tmp_path / "copy.sqlite")
    qtbot.addWidget(win)
    win.show()
    settle_window(qtbot, win)
    yield win
    win.runner.wait()
    archive.db.close()


def test_an_edit_made_while_the_server_is_away_is_kept_and_saved_when_it_is_back(
    qtbot, stoppable_pg_server: Any, server_window: MainWindow
) -> None:
    item_id = save_item(ItemData(ARTICLE, "Port of Odesa keeps working", AT))
    dialog = open_editor(qtbot, server_window, item_id)
    stoppable_pg_server.pause()
    dialog.title_edit.setText("Port of Odesa closed for a day")
    for _ in range(2):
        dialog.save()
        settle_window(qtbot, server_window)
        assert dialog.isVisible() and dialog.saved_id is None
        shown = dialog.error_label.text()
        assert "cannot be reached" in shown or "was lost" in shown, shown
        assert "postgresql://" in shown and "terminated abnormally" not in shown
        assert dialog.title_edit.text() == "Port of Odesa closed for a day"
    stoppable_pg_server.resume()
    dialog.save()
    settle_window(qtbot, server_window)
    assert dialog.saved_id == item_id
    stored = get_item(item_id)
    assert stored is not None and stored.data.title == "Port of Odesa closed for a day"


def listed(window: MainWindow) -> list[int]:
    model = window.archive_view.model
    return sorted(model.item_id(r) for r in range(model.rowCount()))


def test_the_list_says_the_server_is_away_and_follows_other_users_when_it_is_back(
    qtbot, stoppable_pg_server: Any, server_window: MainWindow
) -> None:
    first = save_item(ItemData(ARTICLE, "Before the server stopped", AT))
    view = server_window.archive_view
    qtbot.waitUntil(lambda: listed(server_window) == [first], timeout=10000)
    stoppable_pg_server.pause()
    view.reload()
    settle_window(qtbot, server_window)
    said = view.count_label.text()
    assert "No matches" not in said and "postgresql://" in said, said
    assert listed(server_window) == [first]  # what was shown stays until the server answers
    stoppable_pg_server.resume()
    second = save_item(ItemData(ARTICLE, "Bob's item after the server came back", AT))
    qtbot.waitUntil(lambda: listed(server_window) == [first, second], timeout=10000)
    assert "postgresql://" not in view.count_label.text()
