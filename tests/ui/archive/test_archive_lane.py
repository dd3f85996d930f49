"""The archive feature on the window's lanes: no archive access on the GUI thread, marks that
fail are taken back and reported, and other programs' writes show up by themselves."""

from __future__ import annotations

import ast
import datetime as dt
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

import desktop_app.ui.archive
from desktop_app.core.item import BRIEF, ItemData
from desktop_app.storage.db.models import database_proxy
from desktop_app.storage.items import get_item, save_item
from desktop_app.ui.app.main_window import MainWindow
from desktop_app.ui.archive.archive_model import KIND_COL, TITLE_COL
from tests.ui.conftest import last_message, reload_list, settle_window

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")

ARCHIVE_FEATURE = Path(desktop_app.ui.archive.__file__).parent


def storage_imports(path: Path) -> list[str]:
    """Where a module names desktop_app.storage in an import, at any depth (functions too)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        else:
            continue
        if any(n == "desktop_app.storage" or n.startswith("desktop_app.storage.") for n in names):
            found.append(f"{path.name}:{node.lineno}")
    return found


def test_no_module_of_the_archive_feature_imports_storage() -> None:
    modules = sorted(ARCHIVE_FEATURE.glob("*.py"))
    assert len(modules) >= 10  # the folder is where this test thinks it is
    assert [hit for path in modules for hit in storage_imports(path)] == []


def test_importing_the_archive_feature_loads_no_storage_module() -> None:
    code = (
        "import importlib, pkgutil, sys\n"
        "import desktop_app.ui.archive as pkg\n"
        "for m in pkgutil.iter_modules(pkg.__path__):\n"
        "    importlib.import_module('desktop_app.ui.archive.' + m.name)\n"
        "print(sorted(m for m in sys.modules if m.startswith('desktop_app.storage')))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    ).stdout
    assert out.strip() == "[]"


def test_the_reader_shows_only_the_item_selected_last(
    qtbot, window: MainWindow, sample_items: dict[str, int]
) -> None:
    view = window.archive_view
    reload_list(qtbot, window)
    opened: list[int] = []
    view.itemOpened.connect(opened.append)
    view.select_item(sample_items["sumy"])  # its answer comes after the user moved on
    view.select_item(sample_items["kyiv"])
    settle_window(qtbot, window)
    assert opened == [sample_items["kyiv"]]
    assert view.reader.current_id == sample_items["kyiv"]
    assert "Air defense over Kyiv" in view.reader.toPlainText()


def test_a_star_the_archive_refuses_is_taken_back_and_reported(
    qtbot, window: MainWindow, sample_items: dict[str, int], tmp_path: Path
) -> None:
    view, model = window.archive_view, window.archive_view.model
    reload_list(qtbot, window)
    odesa = sample_items["odesa"]
    view.select_item(odesa)
    settle_window(qtbot, window)  # opened and marked read before the archive is locked
    row = model.row_of(odesa)
    assert row is not None
    # The window's writing connection gives up after 0.2 s instead of 5 s.
    window.runner.write(
        "short busy timeout", lambda: database_proxy.execute_sql("PRAGMA busy_timeout = 200")
    )
    settle_window(qtbot, window)
    other = sqlite3.connect(tmp_path / "archive.sqlite", isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
        view.table.setFocus()
        qtbot.keyClick(view.table, Qt.Key.Key_S)
        assert model.data(model.index(row, KIND_COL)).startswith("★")  # shown at once
        qtbot.waitUntil(lambda: last_message(window) is not None, timeout=15000)
        settle_window(qtbot, window)
        kind, text = last_message(window) or ("", "")
        assert kind == "error"
        assert "“Port of Odesa keeps working”" in text and "'starred'" in text
        assert "\n" not in text.strip()
        # The row shows what is stored again: no star.
        assert not model.data(model.index(row, KIND_COL)).startswith("★")
        assert model.data(model.index(row, TITLE_COL)) == "Port of Odesa keeps working"
    finally:
        other.rollback()
        other.close()
    stored = get_item(odesa)
    assert stored is not None and not stored.starred


def test_another_programs_import_shows_up_by_itself_keeping_the_place(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    start = dt.datetime(2024, 2, 1, 8, 0, tzinfo=dt.UTC)
    with database_proxy.atomic():
        ids = [
            save_item(ItemData(BRIEF, f"Shelling report {i}", start + dt.timedelta(hours=i)))
            for i in range(80)
        ]
    view, model = window.archive_view, window.archive_view.model
    reload_list(qtbot, window)
    chosen = ids[40]
    view.select_item(chosen)
    settle_window(qtbot, window)
    bar = view.table.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    place = bar.value()
    assert place > 0

    doc = tmp_path / "other.json"
    doc.write_text(
        json.dumps(
            {
                "frontline_archive": 1,
                "items": [
                    {
                        "kind": "brief",
                        "title": f"Older brief {n} from another program",
                        "published_at": f"2024-01-0{n}T09:00:00+00:00",
                        "body": "Imported while the window was open.",
                    }
                    for n in (1, 2)
                ],
            }
        )
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("FRONTLINE_ARCHIVE_DB", None)
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "desktop_app",
            "--database",
            str(tmp_path / "archive.sqlite"),
            "import",
            str(doc),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    # No user action: the window notices the other program's commit and reloads the list.
    qtbot.waitUntil(lambda: model.rowCount() == 82, timeout=5000)
    settle_window(qtbot, window)
    titles = [model.data(model.index(r, TITLE_COL)) for r in (80, 81)]
    assert titles == ["Older brief 2 from another program", "Older brief 1 from another program"]
    assert view.selected_id() == chosen and view.reader.current_id == chosen
    assert bar.value() == place


def test_a_read_only_archive_is_browsed_without_writing_marks(
    qtbot, make_window, archive_db, sample_items: dict[str, int], settings, tmp_path: Path
) -> None:
    win = make_window(read_only=True)
    settle_window(qtbot, win)
    view = win.archive_view
    view.select_item(sample_items["odesa"])
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_S)
    settle_window(qtbot, win)
    assert view.reader.current_id == sample_items["odesa"]  # read, shown
    actions = win.archive_actions
    assert not actions.toggle_star_action.isEnabled()
    assert not actions.toggle_read_action.isEnabled() and not actions.edit_tags_action.isEnabled()
    stored = get_item(sample_items["odesa"])
    assert stored is not None and not stored.is_read and not stored.starred
    assert last_message(win) is None  # no failed write to report: none was tried
    win.close()
