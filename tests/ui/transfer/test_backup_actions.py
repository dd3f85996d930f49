"""Backups from the window: File ▸ Back up archive… and the daily copy after start-up."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from desktop_app.storage.backup import daily_backups
from desktop_app.ui.app.main_window import MainWindow
from desktop_app.ui.transfer import backup_actions
from tests.ui.conftest import dismiss_messages, last_message

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


def item_titles(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return sorted(r[0] for r in con.execute("SELECT title FROM item"))
    finally:
        con.close()


def test_back_up_writes_the_whole_archive_and_says_where(
    qtbot, window: MainWindow, sample_items, tmp_path: Path
) -> None:
    destination = tmp_path / "copies" / "my-archive.sqlite"
    destination.parent.mkdir()  # a save dialog returns a file in a folder that exists
    op = window.backups.back_up_to(destination)
    assert op is not None
    with qtbot.waitSignal(op.succeeded, timeout=10000):
        pass
    assert item_titles(destination) == item_titles(tmp_path / "archive.sqlite")
    assert len(item_titles(destination)) == len(sample_items)
    qtbot.waitUntil(lambda: str(destination) in window.statusBar().currentMessage())


def test_a_backup_that_cannot_be_written_is_explained(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    op = window.backups.back_up_to(blocker / "copy.sqlite")
    assert op is not None
    with qtbot.waitSignal(op.failed, timeout=10000):
        pass
    qtbot.waitUntil(lambda: last_message(window) is not None)
    assert last_message(window) is not None
    kind, text = last_message(window)
    assert kind == "error" and "backup was not written" in text and "a-file" in text


def test_the_daily_copy_is_made_once_after_start_up(
    qtbot, make_window, archive_db, settings: QSettings, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr(backup_actions, "DAILY_DELAY_MS", 10)
    database = tmp_path / "archive.sqlite"
    win = make_window(daily_backups=True)
    qtbot.waitUntil(lambda: len(daily_backups(database)) == 1, timeout=10000)
    [copy] = daily_backups(database)
    assert copy.name == f"archive-{dt.date.today().isoformat()}.sqlite"
    # A second start on the same day adds nothing.
    op = win.backups.start_daily()
    assert op is not None
    with qtbot.waitSignal(op.succeeded, timeout=10000) as blocker:
        pass
    assert blocker.args == [None]
    assert daily_backups(database) == [copy]
    win.runner.wait()
    win.close()


def test_without_daily_backups_no_copy_is_made(
    qtbot, make_window, archive_db, settings: QSettings, tmp_path: Path, monkeypatch
) -> None:
    # The delay a daily copy would wait is made short, so that waiting well past it shows that
    # none was scheduled (the real 3 s delay would make any shorter wait prove nothing).
    monkeypatch.setattr(backup_actions, "DAILY_DELAY_MS", 10)
    win = make_window(daily_backups=False)
    qtbot.wait(300)
    win.runner.wait()
    assert not (tmp_path / "backups").exists()
    assert win.backups.last_daily is None


def test_checking_the_archive_file_says_it_is_in_order_or_what_is_wrong(
    qtbot, window: MainWindow, sample_items
) -> None:
    from desktop_app.storage.db.models import database_proxy

    op = window.backups.check()
    with qtbot.waitSignal(op.succeeded, timeout=10000):
        pass
    qtbot.waitUntil(lambda: last_message(window) is not None)
    assert last_message(window) == ("info", "The archive file is in order.")

    # One item taken out of the search index behind SQLite's back.
    database_proxy.execute_sql(
        "INSERT INTO item_fts(item_fts, rowid, title, lead, body, author, tags) "
        "SELECT 'delete', id, title, lead, body, author, tags FROM item LIMIT 1"
    )
    dismiss_messages(window)
    op = window.backups.check()
    with qtbot.waitSignal(op.succeeded, timeout=10000):
        pass
    qtbot.waitUntil(lambda: last_message(window) is not None)
    kind, text = last_message(window)
    assert kind == "error" and "search index" in text and "--rebuild-index" in text
