"""The window and a second program on one archive.

The real MainWindow (pytest-qt) reads and writes — stars items through its menu action and
searches again — while the command line imports a feed in another process. Afterwards the
archive is sound, the import and every star are there, and the window's process still holds
its SQLite locks on the archive and its -shm file: a lock lost to a stray close() lets the
other process delete the WAL under the window (STYLE.md, "POSIX locks die with any close()").
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from desktop_app.storage.db.connection import open_database
from desktop_app.ui.app.main_window import MainWindow
from tests.reliability.base import BaseArchive
from tests.reliability.config import FEED_ENTRIES
from tests.reliability.harness import Tally, integrity_problems, record, start_cli
from tests.reliability.inputs import write_feed
from tests.ui.conftest import last_message, reload_list, settle_window


def held_locks(path: Path) -> list[str]:
    """This process's POSIX locks on `path`, as /proc/locks lists them."""
    inode, pid = os.stat(path).st_ino, os.getpid()
    found = []
    for line in Path("/proc/locks").read_text().splitlines():
        fields = line.split()
        # "1: POSIX  ADVISORY  READ 16241 fe:00:2147042 128 128" (after a "->" when waiting)
        if "->" in fields:
            continue
        if len(fields) >= 8 and fields[4] == str(pid) and fields[5].endswith(f":{inode}"):
            found.append(f"{fields[3]} {fields[6]}-{fields[7]}")
    return found


def lock_problems(database: Path) -> list[str]:
    problems = []
    for path in (database, database.with_name(database.name + "-shm")):
        if not held_locks(path):
            problems.append(f"the window's process holds no lock on {path.name}")
    return problems


@pytest.fixture
def live_window(
    qtbot, base_archive: BaseArchive, tmp_path: Path
) -> Iterator[tuple[MainWindow, Path]]:
    if not Path("/proc/locks").exists():
        pytest.skip("/proc/locks is Linux's; no way to read the locks here")
    database = base_archive.copy_to(tmp_path)
    db = open_database(database)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(settings, database_path=database)
    qtbot.addWidget(win)
    win.show()
    reload_list(qtbot, win)
    yield win, database
    win.runner.wait()
    win.close()
    db.close()


def _unstarred(database: Path, count: int) -> list[int]:
    con = sqlite3.connect(database)
    try:
        query = "SELECT id FROM item WHERE starred = 0 ORDER BY id LIMIT ?"
        return [r[0] for r in con.execute(query, (count,))]
    finally:
        con.close()


def _stored(database: Path) -> tuple[set[int], int]:
    con = sqlite3.connect(database)
    try:
        starred = {r[0] for r in con.execute("SELECT id FROM item WHERE starred = 1")}
        imported = con.execute(
            "SELECT count(*) FROM item WHERE source_url LIKE 'https://feed.test/beside/%'"
        ).fetchone()[0]
        return starred, int(imported)
    finally:
        con.close()


def test_window_stars_items_while_the_command_line_imports_and_loses_nothing(
    qtbot, live_window: tuple[MainWindow, Path], tmp_path: Path
) -> None:
    win, database = live_window
    feed = write_feed(tmp_path / "beside.xml", FEED_ENTRIES, "beside")
    starred_before, _ = _stored(database)
    to_star = _unstarred(database, 400)
    star = win.archive_actions.toggle_star_action
    rows_before = win.archive_view.model.rowCount()
    proc = start_cli(database, "import", str(feed))
    starred: list[int] = []
    during = 0
    # Star one item per turn of the event loop while the import runs, and at least 20.
    while to_star and (proc.poll() is None or len(starred) < 20):
        during += proc.poll() is None
        item_id = to_star.pop()
        assert win.archive_view.select_item(item_id), f"item {item_id} not in the list"
        win.archive_view.table.setFocus()
        star.trigger()
        starred.append(item_id)
        if len(starred) % 10 == 0:
            win.archive_view.reload()  # a read between the writes
        qtbot.wait(1)
    _out, err = proc.communicate(timeout=300)
    problems = [] if proc.returncode == 0 else [f"the import failed: {err.strip()}"]
    settle_window(qtbot, win)
    reload_list(qtbot, win)  # the window reads what the other process wrote
    shown = win.archive_view.model.rowCount()
    if shown != rows_before + FEED_ENTRIES:
        problems.append(f"the window lists {shown} items, not {rows_before} + {FEED_ENTRIES}")
    problems += lock_problems(database)
    problems += integrity_problems(database)
    stored_stars, imported = _stored(database)
    if imported != FEED_ENTRIES:
        problems.append(f"{imported} of the import's {FEED_ENTRIES} items stored")
    lost = len((starred_before | set(starred)) - stored_stars)
    if lost:
        problems.append(f"{lost} stars lost")
    problems += [f"after reading here: {p}" for p in lock_problems(database)]
    tally = Tally(
        "window beside an import",
        f"window: star & search; frontline-archive import ({FEED_ENTRIES:,} entries)",
    )
    tally.add(False, problems, lost)
    tally.notes.append(f"{during} of {len(starred)} stars set while the other process imported")
    record(tally)
    assert tally.failures == 0, tally.summary()


def test_dropping_the_archive_onto_its_own_window_keeps_the_locks(
    qtbot, live_window: tuple[MainWindow, Path]
) -> None:
    win, database = live_window
    assert lock_problems(database) == []
    win.import_files([database])
    qtbot.waitUntil(lambda: not win.importer.busy, timeout=60000)
    assert lock_problems(database) == []
    assert last_message(win) is not None and last_message(win)[0] == "error"
