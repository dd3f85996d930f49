"""Edit ▸ Trash… in the real window: what a delete leaves there, restoring it, deleting for good."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from desktop_app.services import trash
from desktop_app.storage.items import count_items, get_item
from desktop_app.ui.app.main_window import MainWindow
from desktop_app.ui.transfer.trash_dialog import TrashDialog
from tests.ui.conftest import settle


def test_a_deleted_item_is_listed_restored_under_its_id_and_the_list_follows(
    qtbot, window: MainWindow, sample_items
) -> None:
    from desktop_app.services import items

    items.delete_item(sample_items["kyiv"])
    dialog = window.backups.show_trash()
    assert isinstance(dialog, TrashDialog)
    settle(qtbot, window.runner)
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 1).text() == "Air defense over Kyiv"
    assert dialog.table.item(0, 2).text() == "article"
    assert not dialog.restore_button.isEnabled()

    dialog.table.selectRow(0)
    qtbot.waitUntil(dialog.restore_button.isEnabled)
    dialog.restore_button.click()
    settle(qtbot, window.runner)
    qtbot.waitUntil(lambda: get_item(sample_items["kyiv"]) is not None, timeout=5000)
    restored = get_item(sample_items["kyiv"])
    assert restored is not None and restored.data.tags == ("air defense",)
    # The Trash and the list both follow `changed`, nobody told them by hand.
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 0)
    assert dialog.summary.text() == "The Trash is empty."
    qtbot.waitUntil(lambda: window.archive_view.model.rowCount() == 3)


def test_deleting_for_good_asks_and_no_keeps_it(
    qtbot, window: MainWindow, sample_items, monkeypatch
) -> None:
    from desktop_app.services import items

    items.delete_item(sample_items["odesa"])
    dialog = window.backups.show_trash()
    settle(qtbot, window.runner)
    dialog.table.selectRow(0)
    answers = iter([QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: next(answers))
    qtbot.waitUntil(dialog.delete_button.isEnabled)
    dialog.delete_button.click()
    settle(qtbot, window.runner)
    assert len(trash.list_trash()) == 1
    qtbot.waitUntil(dialog.delete_button.isEnabled)
    dialog.delete_button.click()
    settle(qtbot, window.runner)
    qtbot.waitUntil(lambda: trash.list_trash() == [], timeout=5000)
    assert count_items() == 2
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 0)
