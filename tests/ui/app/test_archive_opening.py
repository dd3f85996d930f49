"""An archive of an older release is upgraded while the window goes on painting and says
so; one at the current schema is opened at once, as before."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from peewee import SqliteDatabase
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QLabel

from desktop_app.core.errors import ArchiveError
from desktop_app.services import session
from desktop_app.storage.db.connection import open_archive as open_current
from desktop_app.storage.db.migrations import SCHEMA_VERSION, migrate
from desktop_app.ui.app import archive_opening
from desktop_app.ui.app.main_window import MainWindow


def _old_archive(path: Path) -> Path:
    """An archive as a release of schema 5 left it, with one item."""
    db = SqliteDatabase(str(path))
    migrate(db, target=5)
    db.close()
    con = sqlite3.connect(path)
    con.execute(
        "INSERT INTO item (kind, title, published_at, created_at, updated_at) VALUES "
        "('brief', 'Ferry resumes', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z', "
        "'2026-11-01T00:00:00Z')"
    )
    con.commit()
    con.close()
    return path


def _schema(path: Path) -> int:
    con = sqlite3.connect(path)
    try:
        return int(con.execute("PRAGMA user_version").fetchone()[0])
    finally:
        con.close()


@pytest.fixture
def frame(qtbot, tmp_path: Path) -> MainWindow:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(settings, frame_only=True)
    qtbot.addWidget(win)
    win.show()
    return win


def test_an_upgrade_runs_beside_the_event_loop_and_the_window_says_so(
    qtbot, frame: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _old_archive(tmp_path / "old.sqlite")
    assert session.needs_upgrade(str(path))
    # As long as a million items' upgrade takes, unless the window's timer answers first.
    release = threading.Event()
    real = session.open_archive
    threads: list[str] = []

    def slow(target: str | None) -> session.Archive:
        threads.append(threading.current_thread().name)
        release.wait(10)
        return real(target)

    monkeypatch.setattr(session, "open_archive", slow)
    said: list[str] = []

    def while_upgrading() -> None:  # runs only if the GUI thread is free meanwhile
        middle = frame.centralWidget()  # the empty frame says it in its middle
        said.append(middle.text() if isinstance(middle, QLabel) else "")
        release.set()

    QTimer.singleShot(50, while_upgrading)
    archive = archive_opening.open_archive(str(path), frame)
    assert said and said[0].startswith("Upgrading the archive for this release")
    assert threads == ["archive upgrade"]
    assert _schema(path) == SCHEMA_VERSION and archive.path == path
    assert frame.centralWidget() is None
    archive.db.close()


def test_an_archive_at_the_current_schema_is_opened_at_once(
    qtbot, frame: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "current.sqlite"
    open_current(path).db.close()
    assert not session.needs_upgrade(str(path))
    assert not session.needs_upgrade(str(tmp_path / "new.sqlite"))  # created, not upgraded
    assert not session.needs_upgrade("postgresql://nobody@localhost/none")
    real = session.open_archive
    threads: list[str] = []

    def watched(target: str | None) -> session.Archive:
        threads.append(threading.current_thread().name)
        return real(target)

    monkeypatch.setattr(session, "open_archive", watched)
    archive = archive_opening.open_archive(str(path), frame)
    assert threads == [threading.main_thread().name]
    archive.db.close()


def test_an_upgrade_that_fails_is_raised_where_the_window_asked(
    qtbot, frame: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _old_archive(tmp_path / "old.sqlite")

    def refuse(_target: str | None) -> session.Archive:
        raise ArchiveError("cannot write the backup (the disk is full)")

    monkeypatch.setattr(session, "open_archive", refuse)
    with pytest.raises(ArchiveError, match="disk is full"):
        archive_opening.open_archive(str(path), frame)
    assert frame.centralWidget() is None


def test_a_window_open_on_another_archive_says_it_in_its_status_bar(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """File ▸ Open archive… on an older archive: the window still shows the archive it is
    leaving, and says in its status bar what it waits for."""
    from PySide6.QtWidgets import QMainWindow, QTextEdit

    window = QMainWindow()
    qtbot.addWidget(window)
    shown = QTextEdit()
    window.setCentralWidget(shown)
    window.show()
    path = _old_archive(tmp_path / "old.sqlite")
    release = threading.Event()
    real = session.open_archive

    def slow(target: str | None) -> session.Archive:
        release.wait(10)
        return real(target)

    monkeypatch.setattr(session, "open_archive", slow)
    said: list[str] = []

    def while_upgrading() -> None:
        said.append(window.statusBar().currentMessage())
        release.set()

    QTimer.singleShot(50, while_upgrading)
    archive = archive_opening.open_archive(str(path), window)
    assert said and said[0].startswith("Upgrading the archive for this release")
    assert window.centralWidget() is shown and window.statusBar().currentMessage() == ""
    archive.db.close()
