"""Backups from the window: File ▸ Back up archive… and the daily copy after start-up."""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from desktop_app.core.item import BRIEF, ItemData
from desktop_app.services import archive_file
from desktop_app.storage.backup import daily_backups
from desktop_app.storage.items import save_item
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


def _daily_now(qtbot, win: MainWindow) -> object:
    """Start the daily copy now and wait for it: the new copy's path, or None (none made)."""
    op = win.backups.start_daily()
    assert op is not None
    with qtbot.waitSignal(op.succeeded, timeout=10000) as made:
        pass
    return made.args[0]


def _daily_choice(win: MainWindow, keep: int) -> None:
    """Choose in File ▸ Daily backups, as the user does."""
    [choice] = [a for a in win.backups.daily_menu.actions() if a.data() == keep]
    choice.trigger()


def _old_copies(database: Path, days: int) -> list[Path]:
    """Daily copies of the days before today, made a day ago (before the archive's writes)."""
    import os

    folder = database.parent / "backups"
    folder.mkdir(exist_ok=True)
    made = []
    for n in range(days, 0, -1):
        path = folder / f"archive-{dt.date.today() - dt.timedelta(days=n)}.sqlite"
        path.write_bytes(b"")
        os.utime(path, (time.time() - 86400, time.time() - 86400))
        made.append(path)
    return made


def test_the_daily_backups_menu_says_how_many_copies_are_kept(
    qtbot, make_window, archive_db, settings: QSettings, tmp_path: Path
) -> None:
    database = tmp_path / "archive.sqlite"
    old = _old_copies(database, 3)
    win = make_window()
    assert [a.isChecked() for a in win.backups.daily_menu.actions()] == [True, False, False, False]
    _daily_choice(win, 1)
    assert settings.value(backup_actions.DAILY_KEEP_KEY) in (1, "1")
    _daily_now(qtbot, win)
    # Today's copy, and none of the older ones: the choice holds from the next copy on.
    [today] = daily_backups(database)
    assert today not in old and today.name.endswith(f"{dt.date.today()}.sqlite")
    win.close()
    again = make_window()  # remembered
    assert [a.isChecked() for a in again.backups.daily_menu.actions()] == [
        False,
        False,
        True,
        False,
    ]


def test_no_daily_copies_makes_none_and_deletes_none(
    qtbot, make_window, archive_db, tmp_path: Path
) -> None:
    database = tmp_path / "archive.sqlite"
    old = _old_copies(database, 2)
    win = make_window()
    _daily_choice(win, 0)
    assert _daily_now(qtbot, win) is None and daily_backups(database) == old


def test_a_day_the_window_only_read_adds_no_daily_copy(
    qtbot, make_window, archive_db, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The window opened, searched and closed, writing nothing: the next day's copy would be
    # the same file again (1.9 GB at a million items).
    from desktop_app.storage import backup

    monkeypatch.setattr(backup, "WRITTEN_MARGIN_NS", 0)
    database = tmp_path / "archive.sqlite"
    save_item(ItemData(BRIEF, "Written before", dt.datetime(2026, 11, 1, tzinfo=dt.UTC)))
    time.sleep(0.05)  # file times come from a coarser clock
    first = make_window()
    _daily_now(qtbot, first)
    first.archive_view.reload()
    qtbot.waitUntil(lambda: first.archive_view.idle, timeout=10000)
    first.close()
    [copy] = daily_backups(database)
    yesterday = copy.with_name(f"archive-{dt.date.today() - dt.timedelta(days=1)}.sqlite")
    copy.rename(yesterday)
    second = make_window()
    assert _daily_now(qtbot, second) is None and daily_backups(database) == [yesterday]
    second.close()


def _held_daily_copy(monkeypatch: pytest.MonkeyPatch) -> tuple[threading.Event, threading.Event]:
    """The daily copy made slow, as a million items make it (12 s): it waits, before
    copying, until released or cancelled. Returns (started, release)."""
    started, release = threading.Event(), threading.Event()
    real = archive_file.daily_backup

    def held(
        database: Path, today: dt.date, *, keep: int, cancelled: Callable[[], bool]
    ) -> Path | None:
        started.set()
        end = time.monotonic() + 30
        while not (release.is_set() or cancelled()) and time.monotonic() < end:
            time.sleep(0.01)
        return real(database, today, keep=keep, cancelled=cancelled)

    monkeypatch.setattr(archive_file, "daily_backup", held)
    monkeypatch.setattr(backup_actions, "DAILY_DELAY_MS", 10)
    return started, release


def test_saves_go_on_while_the_daily_copy_is_written(
    qtbot, make_window, archive_db, tmp_path: Path, monkeypatch
) -> None:
    started, release = _held_daily_copy(monkeypatch)
    win = make_window(daily_backups=True)
    try:
        qtbot.waitUntil(started.is_set, timeout=10000)
        when = dt.datetime(2026, 11, 30, 8, tzinfo=dt.UTC)
        op = win.runner.write("save", lambda: save_item(ItemData(BRIEF, "Saved meanwhile", when)))
        with qtbot.waitSignal(op.succeeded, timeout=5000):
            pass
        assert not win.runner.idle and daily_backups(tmp_path / "archive.sqlite") == []
    finally:
        release.set()
    qtbot.waitUntil(lambda: win.runner.idle, timeout=10000)
    [copy] = daily_backups(tmp_path / "archive.sqlite")
    assert item_titles(copy) == ["Saved meanwhile"]
    win.close()


def test_closing_the_window_stops_the_daily_copy_and_keeps_nothing_of_it(
    qtbot, make_window, archive_db, tmp_path: Path, monkeypatch
) -> None:
    started, release = _held_daily_copy(monkeypatch)
    win = make_window(daily_backups=True)
    try:
        qtbot.waitUntil(started.is_set, timeout=10000)
        win.close()
        # Every lane has ended: the close did not leave the copy running (nor wait 10 s
        # for it and give up).
        assert win.runner.wait(0)
    finally:
        release.set()
    assert daily_backups(tmp_path / "archive.sqlite") == []
    folder = tmp_path / "backups"
    assert not folder.exists() or not list(folder.iterdir())


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
