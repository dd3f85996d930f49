"""Ctrl+Z after an import, through the window: the archive, the list and the status go back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop_app.storage.items import count_items
from desktop_app.storage.reports import load_all_reports, load_report, save_report
from desktop_app.ui.app.main_window import MainWindow
from tests.ui.conftest import dismiss_messages, settle

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


def write_doc(path: Path, tanks: int) -> Path:
    path.write_text(
        json.dumps(
            {
                "frontline_archive": 1,
                "items": [
                    {
                        "kind": "brief",
                        "title": "Air defense downs 14 of 20 drones overnight.",
                        "published_at": "2024-01-01T09:41:00+02:00",
                        "body": "Debris damaged a warehouse.",
                    }
                ],
                "reports": [
                    {"date": "2024-01-01", "figures": {"tanks": {"total": tanks, "change": None}}},
                    {"date": "2024-01-02", "figures": {"tanks": {"total": tanks + 3, "change": 3}}},
                ],
            }
        )
    )
    return path


def import_and_wait(qtbot, window: MainWindow, path: Path) -> None:
    dismiss_messages(window)
    with qtbot.waitSignal(window.importer.finished, timeout=10000):
        window.import_files([path])


def test_undo_and_redo_of_an_import_through_the_edit_menu(
    qtbot, window: MainWindow, sample_items, tmp_path: Path
) -> None:
    import datetime as dt

    from desktop_app.core.report import Figure, LossReport

    save_report(
        LossReport(dt.date(2024, 1, 1), {"tanks": Figure(5_900, None)}),
        source="russianwarship-json",
    )
    items_before = count_items()
    import_and_wait(qtbot, window, write_doc(tmp_path / "a.json", 5_983))
    assert count_items() == items_before + 1 and len(load_all_reports()) == 2
    assert window.undo_action.isEnabled()
    assert "import" in window.undo_action.text() and "2 reports" in window.undo_action.text()

    window.undo_action.trigger()
    settle(qtbot, window.runner)  # undo runs on the write lane; the list follows `changed`

    assert count_items() == items_before
    [report] = load_all_reports()
    assert report.figures["tanks"].total == 5_900
    qtbot.waitUntil(lambda: window.archive_view.model.rowCount() == items_before)
    assert "import" in window.redo_action.text()

    window.redo_action.trigger()
    settle(qtbot, window.runner)

    assert count_items() == items_before + 1 and len(load_all_reports()) == 2
    assert load_report(load_all_reports()[0].date).figures["tanks"].total == 5_983  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: window.archive_view.model.rowCount() == items_before + 1)
    window.undo_action.trigger()
    settle(qtbot, window.runner)
    assert count_items() == items_before


def test_an_import_that_changed_nothing_is_not_put_on_the_stack(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    path = write_doc(tmp_path / "a.json", 6_000)
    import_and_wait(qtbot, window, path)
    assert window.undo_stack.count() == 1
    import_and_wait(qtbot, window, path)
    assert window.undo_stack.count() == 1
    assert load_report(load_all_reports()[0].date) is not None
