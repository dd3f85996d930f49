"""Editing an item someone else saved since the dialog opened: their version beside mine,
then merge (theirs where I did not change a field, mine where I did), or overwrite on
purpose. On a file ("another program") and on a server (two users, two connections)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import psycopg2
import pytest

from desktop_app.core.item import ItemData
from desktop_app.storage.items import get_item, save_item
from desktop_app.ui.app.main_window import MainWindow
from desktop_app.ui.archive.item_dialog import ItemDialog
from desktop_app.ui.common.conflict_dialog import ConflictDialog
from tests.ui.archive.test_item_undo import shown_item_dialog
from tests.ui.conftest import reload_list, settle_window

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


def open_editor(qtbot: Any, window: MainWindow, item_id: int) -> ItemDialog:
    reload_list(qtbot, window)
    window.archive_view.select_item(item_id)
    window.edit_item_action.trigger()
    qtbot.waitUntil(lambda: shown_item_dialog() is not None)
    dialog = shown_item_dialog()
    assert isinstance(dialog, ItemDialog)
    settle_window(qtbot, window)  # its version, read on the read lane
    return dialog


def conflict_box(qtbot: Any, window: MainWindow, dialog: ItemDialog) -> ConflictDialog:
    settle_window(qtbot, window)
    qtbot.waitUntil(lambda: dialog.conflict_box is not None and dialog.conflict_box.isVisible())
    assert isinstance(dialog.conflict_box, ConflictDialog)
    return dialog.conflict_box


def test_a_stale_edit_is_refused_naming_the_change_then_saved_knowingly(
    qtbot, window: MainWindow, sample_items
) -> None:
    item_id = sample_items["odesa"]
    dialog = open_editor(qtbot, window, item_id)
    stored = get_item(item_id)
    assert stored is not None
    other = ItemData(**{**stored.data.__dict__, "title": "Changed by another program"})
    save_item(other, item_id)
    dialog.title_edit.setText("Port of Odesa closed for a day")
    dialog.save()
    box = conflict_box(qtbot, window, dialog)
    assert dialog.saved_id is None and dialog.isVisible()
    assert re.search(
        r"was changed by another program at [-\d :]+ since you opened it; nothing was saved",
        box.message_label.text(),
    )
    assert [f.key for f in box.merge.conflicts] == ["title"]
    assert get_item(item_id).data.title == "Changed by another program"  # type: ignore[union-attr]
    box.overwrite_button.click()  # having seen it: overwrite
    settle_window(qtbot, window)
    assert dialog.saved_id == item_id
    assert get_item(item_id).data.title == "Port of Odesa closed for a day"  # type: ignore[union-attr]


@pytest.fixture
def team(pg_server: Any) -> Any:
    from tests.services.test_team import Team

    return Team(pg_server)


@pytest.fixture
def server_archive(team: Any) -> Iterator[object]:
    from desktop_app.storage.db.connection import open_archive

    archive = open_archive(team.member("anna", team.editors))
    yield archive.db
    archive.db.close()


@pytest.fixture
def anna_window(qtbot, server_archive, settings, tmp_path) -> Iterator[MainWindow]:
    win = MainWindow(settings, database_path=tmp_path / "copy.sqlite")
    qtbot.addWidget(win)
    win.show()
    settle_window(qtbot, win)
    yield win
    win.runner.wait()


def test_two_users_merge_an_item_field_by_field(qtbot, team, anna_window: MainWindow) -> None:
    import datetime as dt

    from desktop_app.core.item import ARTICLE
    from tests.ui.conftest import KYIV

    window = anna_window
    item_id = save_item(
        ItemData(ARTICLE, "Drones over Kharkiv", dt.datetime(2024, 5, 12, 9, tzinfo=KYIV),
                 body="A first account.", author="Anna")
    )  # fmt: skip
    dialog = open_editor(qtbot, window, item_id)
    con = psycopg2.connect(team.member("bob", team.editors))  # Bob, meanwhile
    con.autocommit = True
    with con.cursor() as cursor:
        cursor.execute("UPDATE item SET title = 'Drones over Kharkiv at night' WHERE id = %s",
                       (item_id,))  # fmt: skip
    con.close()
    dialog.body_edit.setPlainText("A second account, with photographs.")
    dialog.save()
    box = conflict_box(qtbot, window, dialog)
    assert f"changed by {team.members['bob']}" in box.message_label.text()
    assert box.merge.conflicts == []  # different fields: nothing to choose
    assert {f.key for f in box.merge.differences} == {"title", "body"}
    box.merge_button.click()
    settle_window(qtbot, window)
    assert dialog.saved_id == item_id
    merged = get_item(item_id)
    assert merged is not None
    assert merged.data.title == "Drones over Kharkiv at night"  # theirs
    assert merged.data.body == "A second account, with photographs."  # mine
    assert merged.changed_by == team.members["anna"]
    # The reader says who changed it last.
    window.archive_view.open_item(item_id)
    settle_window(qtbot, window)
    assert f"Last changed by {team.members['anna']} at" in window.archive_view.reader.toPlainText()
