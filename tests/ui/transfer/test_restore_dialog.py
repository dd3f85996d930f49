"""File ▸ Restore from backup… in the real window on a real archive and real backup files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from desktop_app.services import archive_file
from desktop_app.storage.items import count_items, delete_item
from desktop_app.ui.app.main_window import MainWindow
from desktop_app.ui.transfer.restore_dialog import RestoreDialog
from tests.ui.conftest import settle


def test_a_backup_is_listed_with_what_it_holds_and_restored_with_a_safety_copy(
    qtbot, window: MainWindow, sample_items, tmp_path: Path, monkeypatch
) -> None:
    database = tmp_path / "archive.sqlite"
    copy = archive_file.back_up(database)
    delete_item(sample_items["sumy"])
    assert count_items() == 2

    dialog = window.backups.choose_restore()
    assert isinstance(dialog, RestoreDialog)
    settle(qtbot, window.runner)
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 0).text() == copy.name
    assert dialog.table.item(0, 3).text() == "3 articles and briefs, 0 reports"
    assert not dialog.restore_button.isEnabled()  # nothing chosen yet

    dialog.table.selectRow(0)
    assert dialog.restore_button.isEnabled()
    asked: list[str] = []

    def yes(_parent, _title, text, *args, **kwargs):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    dialog.restore_button.click()
    settle(qtbot, window.runner)

    assert "3 articles and briefs, 0 reports" in asked[0]
    assert count_items() == 3
    [safety] = (tmp_path / "backups").glob("archive-before-restore-*.sqlite")
    assert safety.stat().st_size > 0
    assert window.undo_stack.count() == 0
    qtbot.waitUntil(lambda: window.archive_view.model.rowCount() == 3)
    assert str(safety) in window.statusBar().currentMessage()


def test_a_damaged_backup_is_shown_as_such_and_cannot_be_chosen(
    qtbot, window: MainWindow, sample_items, tmp_path: Path
) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    (folder / "archive-2026-01-01.sqlite").write_bytes(b"not a database at all" * 100)
    dialog = window.backups.choose_restore()
    settle(qtbot, window.runner)
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 3).text().startswith("cannot be restored: not a database")
    dialog.table.selectRow(0)
    assert not dialog.restore_button.isEnabled()
    assert count_items() == 3
