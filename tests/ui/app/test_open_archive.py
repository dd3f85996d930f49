"""File ▸ Open archive…: a file or a team's server, looked at first (errors in plain words,
nothing changed), then the window starts again on it; the recent archives are remembered
without passwords. Real files, a real PostgreSQL server, real widgets."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from shiboken6 import isValid

from desktop_app.services import session, team
from desktop_app.ui.app.application import WindowSession
from desktop_app.ui.app.main_window import MainWindow
from desktop_app.ui.app.open_archive import OpenArchiveDialog, open_archive_dialog, recent_archives
from tests.ui.conftest import settle_window

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The program's data folder (offline copies) inside the test's folder."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return tmp_path / "data"


@pytest.fixture
def windows(qtbot, data_home: Path, settings: QSettings) -> Iterator[WindowSession]:
    started = WindowSession(settings, watch_ms=200)
    yield started
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow) and widget.isVisible():
            widget.close()
    from desktop_app.services.archive_state import close_connection

    close_connection()


def start_on(qtbot, windows: WindowSession, target: str) -> MainWindow:
    window = windows.start(session.open_archive(target))
    settle_window(qtbot, window)
    return window


def open_dialog(qtbot, window: MainWindow) -> OpenArchiveDialog:
    dialog = open_archive_dialog(window)
    qtbot.waitExposed(dialog)
    return dialog


def choose_server(dialog: OpenArchiveDialog, url: str, password: str = "") -> None:
    fields = team.fields_of(url)
    dialog.server_choice.setChecked(True)
    dialog.host_edit.setText(fields.host)
    dialog.database_edit.setText(fields.database)
    dialog.user_edit.setText(fields.user)
    dialog.port_spin.setValue(fields.port or 0)
    dialog.password_edit.setText(password)


def refused(qtbot, window: MainWindow, dialog: OpenArchiveDialog) -> str:
    dialog.open_chosen()
    settle_window(qtbot, window)
    qtbot.waitUntil(lambda: dialog.open_button.isEnabled())
    assert dialog.isVisible()
    return dialog.error_label.text()


def test_a_file_that_is_no_archive_is_refused_in_plain_words_and_left_as_it_was(
    qtbot, windows, tmp_path
) -> None:
    window = start_on(qtbot, windows, str(tmp_path / "mine.sqlite"))
    other = tmp_path / "places.sqlite"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE moz_places (id INTEGER)")
    con.commit()
    con.close()
    before = other.read_bytes()
    dialog = open_dialog(qtbot, window)
    dialog.file_edit.setText(str(other))
    text = refused(qtbot, window, dialog)
    assert text.startswith("This archive cannot be opened: ")
    assert "not a Frontline Archive database" in text and "moz_places" in text
    assert other.read_bytes() == before
    assert windows.window is window  # still on its own archive


def test_server_errors_are_said_in_plain_words(qtbot, windows, tmp_path, pg_server) -> None:
    window = start_on(qtbot, windows, str(tmp_path / "mine.sqlite"))
    dialog = open_dialog(qtbot, window)
    # Nobody listens on port 1: the server cannot be reached.
    dialog.server_choice.setChecked(True)
    dialog.host_edit.setText("127.0.0.1")
    dialog.port_spin.setValue(1)
    dialog.database_edit.setText("frontline")
    assert "cannot be reached" in refused(qtbot, window, dialog)
    # A login the server does not know.
    choose_server(dialog, pg_server.url("postgres", user="nobody_here"))
    assert "the server knows no such user" in refused(qtbot, window, dialog)
    # A database that holds another program's tables.
    other = pg_server.new_database()
    pg_server.execute(
        "CREATE TABLE invoices (id int)", database=other.partition("?")[0].rpartition("/")[2]
    )
    choose_server(dialog, other)
    text = refused(qtbot, window, dialog)
    assert "not a Frontline Archive database (it holds invoices)" in text
    assert windows.window is window


def test_the_window_starts_again_on_a_server_and_remembers_it_without_the_password(
    qtbot, windows, tmp_path, pg_server, settings
) -> None:
    first = start_on(qtbot, windows, str(tmp_path / "mine.sqlite"))
    url = pg_server.new_archive()
    dialog = open_dialog(qtbot, first)
    choose_server(dialog, url, password="s3cret-pass")
    dialog.open_chosen()
    qtbot.waitUntil(lambda: windows.window is not first, timeout=20000)
    second = windows.window
    qtbot.waitUntil(lambda: not isValid(first))  # the old window is gone
    assert isinstance(second, MainWindow) and second.isVisible()
    settle_window(qtbot, second)
    assert second.windowTitle() == "Frontline Archive"  # a server the role may write to
    settings.sync()
    recent = recent_archives(settings)
    assert recent[0] == team.fields_of(url).address()
    assert recent[1] == str(tmp_path / "mine.sqlite")
    assert "s3cret" not in Path(settings.fileName()).read_text(encoding="utf-8")
    # Back to the file from the recent list.
    dialog = open_dialog(qtbot, second)
    dialog.recent_list.setCurrentRow(1)
    assert dialog.file_choice.isChecked() and dialog.file_edit.text() == recent[1]
    dialog.open_chosen()
    qtbot.waitUntil(lambda: windows.window is not second, timeout=20000)
    assert windows.target == str(tmp_path / "mine.sqlite")


def _stop(server: Any) -> None:
    from pgserver import _commands  # type: ignore[import-untyped]

    handle = server._handle
    _commands.pg_ctl(["-w", "-m", "fast", "stop"], pgdata=handle.pgdata, user=handle.system_user)


def test_the_offline_copy_switches_back_to_the_server_when_it_answers_again(
    qtbot, windows, data_home
) -> None:
    from desktop_app.services.archive_copy import server_to_file
    from desktop_app.services.archive_state import close_connection
    from tests.pg_server import start_server

    server = start_server()  # a server of its own: this test stops and starts it
    if server._handle is None:
        pytest.skip("needs the tests' own server (FRONTLINE_TEST_PG cannot be stopped here)")
    try:
        url = server.new_archive()
        archive = session.open_archive(url)
        server_to_file(archive.path)  # the offline copy, as the window keeps it
        archive.db.close()
        close_connection()
        _stop(server)
        offline = session.open_archive(url)
        assert offline.offline_since is not None and offline.read_only
        window = windows.start(offline)
        settle_window(qtbot, window)
        banner = window.statusBar().findChild(type(window.counts_label), "offlineBanner")
        assert banner is not None and "read-only" in banner.text()
        assert windows.watcher is not None
        qtbot.waitUntil(lambda: windows.watcher.asked >= 2, timeout=10000)
        assert windows.window is window  # the server is still away: nothing changed
        server._handle.ensure_postgres_running()
        qtbot.waitUntil(lambda: windows.window is not window, timeout=20000)
        online = windows.window
        assert online is not None and not online.read_only
        assert online.statusBar().findChild(type(window.counts_label), "offlineBanner") is None
        settle_window(qtbot, online)
    finally:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.isVisible():
                widget.close()
        close_connection()
        server.stop()
