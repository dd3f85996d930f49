"""Files named on the command line (the desktop entry's %F) take the way of a drop on the
window: imported through File ▸ Import's flow, a page shown first, the archive's own files and
a read-only archive refused. Real window, real archive files."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from desktop_app.services.session import Archive
from desktop_app.ui.app.application import start_window
from desktop_app.ui.app.main_window import MainWindow
from desktop_app.ui.app.open_files import take_files
from desktop_app.ui.transfer.import_summary_dialog import ImportSummaryDialog
from desktop_app.ui.transfer.page_dialog import PageDialog
from tests.core.page.samples import PAGE
from tests.ui.conftest import last_message, settle

REPORT = {
    "frontline_archive": 1,
    "reports": [{"date": "2024-01-01", "figures": {"personnel": {"total": 360010, "change": 780}}}],
}


def rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    con = sqlite3.connect(str(path))
    try:
        return list(con.execute(sql))
    finally:
        con.close()


# A new archive's demo content is written first: generous waits for a machine under load.
WAIT_MS = 60000


def wait_for_imports(qtbot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.runner.idle and not window.importer.busy, timeout=WAIT_MS)
    settle(qtbot, window.runner, timeout=WAIT_MS)


@pytest.fixture
def new_archive(tmp_path: Path) -> Iterator[Archive]:
    from desktop_app.storage.db.connection import open_archive

    archive = open_archive(tmp_path / "new.sqlite")
    yield archive
    archive.db.close()


@pytest.fixture
def started(
    qtbot, new_archive: Archive, tmp_path: Path
) -> Iterator[Callable[[list[Path]], MainWindow]]:
    """Start the window as `frontline-archive FILE…` does, on a new archive."""
    made: list[MainWindow] = []

    def start(files: list[Path]) -> MainWindow:
        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        window = start_window(new_archive, settings, files)
        qtbot.addWidget(window)
        made.append(window)
        return window

    yield start
    for window in made:
        window.runner.wait()


def test_files_on_the_command_line_are_imported_after_the_demo_content(
    qtbot, started: Callable[[list[Path]], MainWindow], new_archive: Archive, tmp_path: Path
) -> None:
    given = tmp_path / "reports.json"
    given.write_text(json.dumps(REPORT))
    window = started([given])
    wait_for_imports(qtbot, window)
    stored = rows(new_archive.path, "SELECT date FROM report ORDER BY date")
    assert ("2024-01-01",) in stored  # the file's report
    assert len(stored) > 300  # and the demo content written before it
    assert rows(new_archive.path, "SELECT count(*) FROM item WHERE kind = 'article'")[0][0] > 0
    summary = window.findChild(ImportSummaryDialog)
    assert isinstance(summary, ImportSummaryDialog) and summary.isVisible()
    # The import is one step on the undo stack, as File ▸ Import's is.
    assert window.undo_stack.count() == 1


def test_a_file_that_cannot_be_read_is_named_and_nothing_is_written(
    qtbot, started: Callable[[list[Path]], MainWindow], new_archive: Archive, tmp_path: Path
) -> None:
    good = tmp_path / "reports.json"
    good.write_text(json.dumps(REPORT))
    missing = tmp_path / "gone.csv"
    window = started([good, missing])
    wait_for_imports(qtbot, window)
    qtbot.waitUntil(lambda: last_message(window) is not None, timeout=WAIT_MS)
    kind, text = last_message(window) or ("", "")
    assert kind == "error" and "gone.csv" in text
    # Every file is checked before any is written: the good one's report is not there either.
    assert ("2024-01-01",) not in rows(new_archive.path, "SELECT date FROM report")


def test_the_archive_itself_on_the_command_line_is_refused_unopened(
    qtbot, started: Callable[[list[Path]], MainWindow], new_archive: Archive
) -> None:
    window = started([new_archive.path])
    kind, text = last_message(window) or ("", "")
    assert kind == "error" and str(new_archive.path) in text
    assert not window.importer.busy


def test_a_single_saved_page_opens_the_page_dialog(
    qtbot, started: Callable[[list[Path]], MainWindow], tmp_path: Path
) -> None:
    page = tmp_path / "page.txt"
    page.write_text(PAGE)
    window = started([page])
    qtbot.waitUntil(lambda: window.findChild(PageDialog) is not None, timeout=WAIT_MS)
    settle(qtbot, window.runner, timeout=WAIT_MS)
    dialog = window.findChild(PageDialog)
    assert isinstance(dialog, PageDialog) and dialog.table.rowCount() > 0
    dialog.reject()
    settle(qtbot, window.runner, timeout=WAIT_MS)


def test_a_read_only_window_says_it_imports_nothing(
    qtbot, make_window: Callable[..., MainWindow], tmp_path: Path
) -> None:
    window = make_window(read_only=True)
    given = tmp_path / "reports.json"
    given.write_text(json.dumps(REPORT))
    imported: list[list[Path]] = []
    assert not take_files(window, [given], imported.append)
    kind, text = last_message(window) or ("", "")
    assert kind == "error" and "read-only" in text and "reports.json" in text
    assert imported == []
    window.runner.wait()
