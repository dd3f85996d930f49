"""Ctrl+Z after an import, through the window: the archive, the list and the status go back."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from desktop_app.storage.items import count_items
from desktop_app.storage.reports import load_all_reports, load_report, save_report
from desktop_app.ui.app.main_window import MainWindow
from tests.ui.conftest import dismiss_messages, last_message, settle

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


def write_briefs(path: Path, count: int) -> Path:
    items = [
        {
            "kind": "brief",
            "title": f"Brief {n}: shelling near Huliaipole",
            "published_at": "2024-01-01T09:41:00+02:00",
        }
        for n in range(count)
    ]
    path.write_text(json.dumps({"frontline_archive": 1, "items": items}))
    return path


def held_undo(monkeypatch: pytest.MonkeyPatch) -> tuple[threading.Event, threading.Event]:
    """Undo and redo of an import go in parts of 2, and the first part waits for `go_on`
    (set by the test) after telling `reached`: a long step, held in its transaction."""
    from desktop_app.storage import import_undo
    from desktop_app.ui.common import undo

    monkeypatch.setattr(undo, "LONG_STEPS", 3)
    monkeypatch.setattr(import_undo, "UNDO_STEP", 2)
    reached, go_on = threading.Event(), threading.Event()
    real_add = import_undo.ItemStash.add

    def add(self: import_undo.ItemStash, rows: list, tags: list) -> None:
        real_add(self, rows, tags)
        reached.set()
        go_on.wait(10)

    monkeypatch.setattr(import_undo.ItemStash, "add", add)
    return reached, go_on


def test_a_long_undo_shows_its_progress_and_cancel_leaves_the_import_in_place(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Undoing an import of a million items takes minutes: a dialog says how far it is, and
    # Cancel rolls it back. The import is still there, and still the step Ctrl+Z takes back.
    reached, go_on = held_undo(monkeypatch)
    before = count_items()
    import_and_wait(qtbot, window, write_briefs(tmp_path / "briefs.json", 7))
    dismiss_messages(window)
    assert count_items() == before + 7
    undo_text = window.undo_action.text()

    window.undo_action.trigger()
    undoer = window.long_undo
    assert undoer.progress is not None and undoer.progress.isVisible()  # shown at once
    assert reached.wait(5)
    from PySide6.QtWidgets import QPushButton

    [cancel] = undoer.progress.findChildren(QPushButton)
    cancel.click()
    go_on.set()
    settle(qtbot, window.runner)

    assert count_items() == before + 7
    assert window.undo_action.isEnabled() and window.undo_action.text() == undo_text
    assert not window.redo_action.isEnabled()
    assert last_message(window) is None  # a cancel is not an error

    window.undo_action.trigger()  # taken back after all, as one step
    settle(qtbot, window.runner)
    assert count_items() == before
    assert window.redo_action.isEnabled() and undoer.progress is None


def test_a_long_redo_cancelled_leaves_the_import_undone(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_app.storage import import_undo

    reached, go_on = held_undo(monkeypatch)
    before = count_items()
    import_and_wait(qtbot, window, write_briefs(tmp_path / "briefs.json", 7))
    go_on.set()
    window.undo_action.trigger()
    settle(qtbot, window.runner)
    assert count_items() == before
    redo_text = window.redo_action.text()

    reached, go_on = held_undo(monkeypatch)
    real_parts = import_undo.ItemStash.parts

    def parts(self: import_undo.ItemStash) -> object:
        for part in real_parts(self):
            yield part
            reached.set()
            go_on.wait(10)

    monkeypatch.setattr(import_undo.ItemStash, "parts", parts)
    window.redo_action.trigger()
    assert reached.wait(5)
    window.long_undo.cancel()
    go_on.set()
    settle(qtbot, window.runner)

    assert count_items() == before
    assert window.redo_action.isEnabled() and window.redo_action.text() == redo_text
    window.redo_action.trigger()
    settle(qtbot, window.runner)
    assert count_items() == before + 7


def test_closing_the_window_stops_a_long_undo_rather_than_wait_for_it(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reached, go_on = held_undo(monkeypatch)
    before = count_items()
    import_and_wait(qtbot, window, write_briefs(tmp_path / "briefs.json", 7))
    window.undo_action.trigger()
    assert reached.wait(5)
    # The held part goes on only once closing has cancelled the undo (connected after the
    # window's own cancel, so it runs second): the next part's report then sees the cancel.
    # Let go before the close, the undo could end first on a fast machine.
    window.runner.closing.connect(go_on.set)
    window.close()
    assert window.runner.wait(0)
    assert count_items() == before + 7  # rolled back whole: the import is all there
