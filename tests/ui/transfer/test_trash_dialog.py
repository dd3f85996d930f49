"""Edit ▸ Trash… in the real window: what a delete leaves there, restoring it, deleting for good."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from desktop_app.services import trash
from desktop_app.services.changes import Changes
from desktop_app.storage.items import count_items
from desktop_app.ui.app.main_window import MainWindow
from desktop_app.ui.transfer.trash_dialog import TrashDialog
from tests.ui.conftest import settle


def choose(qtbot, dialog: TrashDialog, row: int, keys=Qt.KeyboardModifier.NoModifier) -> None:
    """Click the row, as a user would (with Ctrl in `keys`: add it to the choice).

    Not table.selectRow(): that reads the modifiers Qt believes held, and QTest leaves
    Shift "held" after a key click with Shift (its last release event still carries Shift),
    so a test run earlier in the same process made selectRow() select nothing, and the
    button this module waits for never came on (the "intermittent" failure under xdist,
    where it depended on which test a worker ran before these). A mouse event carries its
    own modifiers.
    """
    table = dialog.table
    point = table.visualRect(table.model().index(row, 1)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, keys, point)


def stored(window: MainWindow, item_id: int) -> str | None:
    """The item's tags as stored, read by a fresh connection (None: no such item)."""
    con = sqlite3.connect(str(window.database_path))
    try:
        row = con.execute("SELECT tags FROM item WHERE id = ?", (item_id,)).fetchone()
        return None if row is None else str(row[0])
    finally:
        con.close()


def trash_rows(window: MainWindow) -> int:
    con = sqlite3.connect(str(window.database_path))
    try:
        return int(con.execute("SELECT count(*) FROM trash").fetchone()[0])
    finally:
        con.close()


def test_a_deleted_item_is_listed_restored_under_its_id_and_the_list_follows(
    qtbot, window: MainWindow, sample_items
) -> None:
    from desktop_app.services import items

    items.delete_item(sample_items["kyiv"])
    dialog = window.backups.show_trash()
    assert isinstance(dialog, TrashDialog)
    settle(qtbot, window.runner)
    assert dialog.model.rowCount() == 1
    assert dialog.model.index(0, 1).data() == "Air defense over Kyiv"
    assert dialog.model.index(0, 2).data() == "article"
    assert not dialog.restore_button.isEnabled()

    choose(qtbot, dialog, 0)
    qtbot.waitUntil(dialog.restore_button.isEnabled)
    dialog.restore_button.click()
    settle(qtbot, window.runner)
    # Read through a connection of its own, as another program would: what the write lane
    # committed, not what this thread's connection last saw.
    qtbot.waitUntil(lambda: stored(window, sample_items["kyiv"]) == "air defense", timeout=5000)
    # The Trash and the list both follow `changed`, nobody told them by hand.
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 0)
    assert dialog.summary.text() == "The Trash is empty."
    qtbot.waitUntil(lambda: window.archive_view.model.rowCount() == 3)


def test_deleting_for_good_asks_and_no_keeps_it(
    qtbot, window: MainWindow, sample_items, monkeypatch
) -> None:
    from desktop_app.services import items

    items.delete_item(sample_items["odesa"])
    dialog = window.backups.show_trash()
    settle(qtbot, window.runner)
    choose(qtbot, dialog, 0)
    answers = iter([QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: next(answers))
    qtbot.waitUntil(dialog.delete_button.isEnabled)
    dialog.delete_button.click()
    settle(qtbot, window.runner)
    assert len(trash.list_trash()) == 1
    qtbot.waitUntil(dialog.delete_button.isEnabled)
    dialog.delete_button.click()
    settle(qtbot, window.runner)
    qtbot.waitUntil(lambda: trash_rows(window) == 0, timeout=5000)
    assert count_items() == 2
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 0)


@pytest.mark.parametrize(
    "held",
    [
        Qt.KeyboardModifier.NoModifier,
        Qt.KeyboardModifier.ShiftModifier,
        Qt.KeyboardModifier.ControlModifier,
    ],
    ids=["no key", "Shift", "Ctrl"],
)
def test_a_reload_keeps_the_chosen_entries_whatever_keys_are_held(
    qtbot, window: MainWindow, sample_items, held
) -> None:
    from desktop_app.services import items

    items.delete_item(sample_items["kyiv"])
    items.delete_item(sample_items["odesa"])
    dialog = window.backups.show_trash()
    settle(qtbot, window.runner)
    choose(qtbot, dialog, 0)
    choose(qtbot, dialog, 1, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyRelease(dialog.table, Qt.Key.Key_Control)  # and lets go of Ctrl
    chosen = {r.label for r in dialog.selected()}
    assert chosen == {"Air defense over Kyiv", "Port of Odesa keeps working"}

    # Another program puts one more entry in the Trash (on top: the newest first) while the
    # user holds a key; the runner's poll would say `changed(external)`, said here at once.
    items.delete_item(sample_items["sumy"])
    key = {Qt.KeyboardModifier.ShiftModifier: Qt.Key.Key_Shift}.get(held, Qt.Key.Key_Control)
    if held != Qt.KeyboardModifier.NoModifier:
        qtbot.keyPress(dialog.table, key, held)
    try:
        assert QGuiApplication.keyboardModifiers() == held
        window.runner.changed.emit(Changes(external=True))
        settle(qtbot, window.runner)
        assert dialog.model.rowCount() == 3
        assert {r.label for r in dialog.selected()} == chosen
        assert dialog.restore_button.isEnabled()
    finally:
        qtbot.keyRelease(dialog.table, key)  # let no key stay "held" for later tests

    dialog.restore_button.click()
    settle(qtbot, window.runner)
    qtbot.waitUntil(lambda: stored(window, sample_items["kyiv"]) == "air defense", timeout=5000)
    assert stored(window, sample_items["odesa"]) == ""
    assert stored(window, sample_items["sumy"]) is None  # not chosen: still in the Trash
    assert trash_rows(window) == 1
