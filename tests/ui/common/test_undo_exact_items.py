"""Undo and redo give back the archive exactly: every undoable command on articles and
briefs, driven through the window, compared table by table (`tests.user_data`)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDateTime, Qt

from desktop_app.ui.app.main_window import MainWindow
from tests.ui.common.undo_support import (
    Pictures,
    Start,
    answer_yes,
    choose,
    do_then_undo,
    new_item_dialog,
    open_edit,
    redo,
    save_dialog,
    starter,
    stored_archive,
    type_tags,
    undo,
)
from tests.ui.conftest import settle_window
from tests.user_data import differences, user_data, version_moved_on, versions

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


@pytest.fixture
def stored_before(archive_db) -> dict[str, int]:
    """Written before the window opens (`WRITTEN_BEFORE_THE_WINDOW`)."""
    return stored_archive()


def new_article(qtbot, window: MainWindow, ids, start: Start, monkeypatch) -> None:
    save_dialog(qtbot, window, new_item_dialog(qtbot, window, "article"), start)


def new_brief(qtbot, window: MainWindow, ids, start: Start, monkeypatch) -> None:
    save_dialog(qtbot, window, new_item_dialog(qtbot, window, "brief"), start)


def edit(item: str, change) -> object:
    def act(qtbot, window: MainWindow, ids, start: Start, monkeypatch) -> None:
        dialog = open_edit(qtbot, window, ids[item])
        change(dialog)
        save_dialog(qtbot, window, dialog, start)

    return act


EDITS = {
    "title": lambda d: d.title_edit.setText("Air defense over Kyiv and Bila Tserkva"),
    "body": lambda d: d.body_edit.setPlainText("Twenty drones.\n\nNo damage."),
    "kind": lambda d: d.kind_combo.setCurrentIndex(d.kind_combo.findData("brief")),
    "date": lambda d: d.time_edit.setDateTime(QDateTime(2023, 11, 24, 22, 30, 0)),
    "tags": lambda d: d.tags_edit.setText("kyiv, drones"),
    "source": lambda d: d.source_edit.setText("Another newsroom"),
    "link": lambda d: d.url_edit.setText("https://example.org/kyiv-2"),
    "everything": lambda d: (
        d.title_edit.setText("Quiet night"),
        d.lead_edit.clear(),
        d.author_edit.setText("Night desk"),
        d.url_edit.clear(),
        d.tags_edit.clear(),
    ),
}


def delete_one(item: str) -> object:
    def act(qtbot, window: MainWindow, ids, start: Start, monkeypatch) -> None:
        choose(qtbot, window, [ids[item]])
        answer_yes(monkeypatch)
        start()
        window.delete_item_action.trigger()

    return act


def delete_several(qtbot, window: MainWindow, ids, start: Start, monkeypatch) -> None:
    choose(qtbot, window, [ids["kyiv"], ids["sumy"], ids["feed"]])
    answer_yes(monkeypatch)
    start()
    window.delete_item_action.trigger()


def key_on_several(key: Qt.Key) -> object:
    def act(qtbot, window: MainWindow, ids, start: Start, monkeypatch) -> None:
        choose(qtbot, window, [ids["sumy"], ids["kyiv"], ids["odesa"]])
        start()
        qtbot.keyClick(window.archive_view.table, key)

    return act


def tags_of(items: tuple[str, ...], typed: str) -> object:
    def act(qtbot, window: MainWindow, ids, start: Start, monkeypatch) -> None:
        choose(qtbot, window, [ids[i] for i in items])
        type_tags(monkeypatch, typed)
        start()
        window.archive_actions.edit_tags_action.trigger()

    return act


def mark_all_shown_read(qtbot, window: MainWindow, ids, start: Start, monkeypatch) -> None:
    start()
    window.archive_actions.mark_all_read_action.trigger()


ACTIONS = {
    "new article": new_article,
    "new brief": new_brief,
    **{f"edit {name}": edit("kyiv", change) for name, change in EDITS.items()},
    "edit a subscription's item": edit("feed", EDITS["title"]),
    "delete an item": delete_one("kyiv"),
    "delete a subscription's item": delete_one("feed"),
    "delete several": delete_several,
    "star several": key_on_several(Qt.Key.Key_S),
    "read several": key_on_several(Qt.Key.Key_Space),
    "tags of several": tags_of(("kyiv", "sumy", "odesa"), "drones, -kyiv"),
    "tags of one": tags_of(("kyiv",), "kyiv, night"),
    "mark all shown as read": mark_all_shown_read,
}


@pytest.mark.parametrize("name", list(ACTIONS))
def test_undo_gives_back_exactly_what_was_there_and_redo_what_the_command_made(
    qtbot, window: MainWindow, stored_before, monkeypatch, name: str
) -> None:
    done = do_then_undo(
        qtbot, window, lambda start: ACTIONS[name](qtbot, window, stored_before, start, monkeypatch)
    )
    undone = done.undone
    if name.startswith("new"):  # the README's rule: undoing a new item puts it in the Trash
        assert [row[3] for row in undone.pop("trash")[1]] == [made_title(done.made, done.before)]
    assert undone == {}
    assert version_moved_on(done.made_versions, versions()) == []

    redo(qtbot, window)
    assert differences(done.made, user_data()) == {}


def made_title(made, before) -> str:
    [new] = [row for row in made["item"] if row not in before["item"]]
    return str(new[2])


@pytest.mark.parametrize("item", ["kyiv", "feed"])
def test_a_delete_restored_from_the_trash_gives_back_exactly_what_was_there(
    qtbot, window: MainWindow, stored_before, monkeypatch, item: str
) -> None:
    from tests.ui.transfer.test_trash_dialog import choose as click_row

    pictures = Pictures()
    delete_one(item)(qtbot, window, stored_before, starter(qtbot, window, pictures), monkeypatch)
    settle_window(qtbot, window)
    dialog = window.backups.show_trash()
    settle_window(qtbot, window)
    assert dialog.model.rowCount() == 2  # the list shows the most recently deleted first
    click_row(qtbot, dialog, 0)
    qtbot.waitUntil(dialog.restore_button.isEnabled)
    dialog.restore_button.click()
    settle_window(qtbot, window)
    assert differences(pictures.before, user_data()) == {}
    dialog.close()


def test_steps_undone_and_redone_in_turn_give_back_each_state_in_between(
    qtbot, window: MainWindow, stored_before, monkeypatch
) -> None:
    """Do A, do B, undo B, undo A, redo A, redo B: each picture as it was."""
    first, second = Pictures(), Pictures()
    edit("kyiv", EDITS["title"])(
        qtbot, window, stored_before, starter(qtbot, window, first), monkeypatch
    )
    delete_several(qtbot, window, stored_before, starter(qtbot, window, second), monkeypatch)
    settle_window(qtbot, window)
    both = user_data()
    assert first.before != second.before != both

    undo(qtbot, window)
    assert differences(second.before, user_data()) == {}
    undo(qtbot, window)
    assert differences(first.before, user_data()) == {}
    redo(qtbot, window)
    assert differences(second.before, user_data()) == {}
    redo(qtbot, window)
    assert differences(both, user_data()) == {}


def test_the_comparison_sees_a_step_left_undone(
    qtbot, window: MainWindow, stored_before, monkeypatch
) -> None:
    """What the tests above stand on: with one of two steps left undone, the pictures differ
    in just what that step did."""
    first = Pictures()
    tags_of(("kyiv", "sumy"), "drones")(
        qtbot, window, stored_before, starter(qtbot, window, first), monkeypatch
    )
    key_on_several(Qt.Key.Key_S)(qtbot, window, stored_before, lambda: None, monkeypatch)
    settle_window(qtbot, window)
    undo(qtbot, window)  # the stars; the tags stay
    left = differences(first.before, user_data())
    assert set(left) == {"item", "item_tag"}
    assert sorted(row[1] for row in left["item_tag"][1]) == ["drones", "drones"]


def test_undo_after_another_program_changed_the_item_says_so_and_changes_nothing(
    qtbot, window: MainWindow, stored_before, monkeypatch
) -> None:
    from dataclasses import replace

    from desktop_app.storage.items import get_item, save_item
    from tests.ui.conftest import last_message

    edit("kyiv", EDITS["title"])(qtbot, window, stored_before, lambda: None, monkeypatch)
    settle_window(qtbot, window)
    stored = get_item(stored_before["kyiv"])
    assert stored is not None
    save_item(replace(stored.data, body="Another program's text."), stored_before["kyiv"])
    theirs = user_data()

    undo(qtbot, window)
    assert differences(theirs, user_data()) == {}
    said = last_message(window)
    assert said is not None and said[0] == "error" and "Nothing was changed" in said[1]


@pytest.mark.parametrize("mark", ["starred", "is_read"])
def test_undoing_an_edit_leaves_a_mark_made_since(
    qtbot, window: MainWindow, stored_before, monkeypatch, mark: str
) -> None:
    # A star or a read mark is not on the undo stack: undoing the title edit made before it
    # must not take it away again.
    from desktop_app.storage.db.models import Item
    from desktop_app.storage.items import set_read, set_starred

    item_id = stored_before["kyiv"]
    edit("kyiv", EDITS["title"])(qtbot, window, stored_before, lambda: None, monkeypatch)
    settle_window(qtbot, window)
    before = bool(getattr(Item.get_by_id(item_id), mark))
    (set_starred if mark == "starred" else set_read)(item_id, not before)
    settle_window(qtbot, window)
    undo(qtbot, window)
    stored = Item.get_by_id(item_id)
    assert stored.title != "Air defense over Kyiv and Bila Tserkva"  # the edit is undone
    assert bool(getattr(stored, mark)) is (not before)  # the mark made since stays
