"""File ▸ Restore from backup… in the real window on a real archive and real backup files."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

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


def test_a_restore_can_be_cancelled_and_changes_nothing(
    qtbot, window: MainWindow, sample_items, tmp_path: Path, monkeypatch
) -> None:
    """At a million items a restore takes a minute: its progress dialog's Cancel stops it,
    and the archive, its backups folder and the dialog are as they were."""
    database = tmp_path / "archive.sqlite"
    copy = archive_file.back_up(database)
    delete_item(sample_items["sumy"])
    real = archive_file.restore

    def slow(database: Path, backup: Path, **kwargs: Any) -> archive_file.Restored:
        # As long as a large archive's check takes, unless stopped first.
        end = time.monotonic() + 30
        while not kwargs["cancelled"]() and time.monotonic() < end:
            time.sleep(0.01)
        # Its parts begun without a word, so the stop is seen inside one (as the check's
        # or a copy's own question), not at the start of the next.
        return real(database, backup, cancelled=kwargs["cancelled"], step=None)

    monkeypatch.setattr(archive_file, "restore", slow)
    dialog = window.backups.choose_restore()
    assert isinstance(dialog, RestoreDialog)
    settle(qtbot, window.runner)
    dialog.restore(copy, copy.name)
    assert not dialog.isEnabled()
    qtbot.waitUntil(lambda: dialog.restorer.progress is not None, timeout=5000)
    progress = dialog.restorer.progress
    assert progress is not None
    # Shown after its 300 ms, though no part has said so yet (Qt alone waits 4 s).
    qtbot.waitUntil(progress.isVisible, timeout=2000)
    assert progress.labelText() == "Checking the backup…"
    button = progress.findChild(QPushButton)
    assert button is not None and button.text() == "Cancel"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.isEnabled, timeout=10000)
    assert "stopped" in window.statusBar().currentMessage()
    assert count_items() == 2
    assert [p.name for p in (tmp_path / "backups").iterdir()] == [copy.name]
