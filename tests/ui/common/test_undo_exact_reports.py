"""Undo and redo give back the archive exactly: loss reports (new, edited, deleted, made or
linked from an article) and imports, driven through the window, compared table by table."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from PySide6.QtCore import QDateTime, Qt

from desktop_app.ui.app.main_window import MainWindow
from desktop_app.ui.archive.item_dialog import CREATE_REPORT, LINK_REPORT
from tests.ui.common.undo_support import (
    DAY,
    Pictures,
    Start,
    do_then_undo,
    finish_import,
    new_item_dialog,
    redo,
    save_dialog,
    starter,
    stored_archive,
    undo,
)
from tests.ui.conftest import settle_window
from tests.ui.losses.test_report_undo import answer_delete, losses_table_focused, open_dialog
from tests.user_data import differences, user_data, version_moved_on, versions

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")

NEXT = dt.date(2023, 11, 26)
# An article's text that states the report of DAY (figures that differ from the stored ones).
STATES_DAY = (
    "Russia has lost 323,760 troops in Ukraine since the beginning of its full-scale invasion "
    "on Feb. 24, 2022, the General Staff of Ukraine's Armed Forces reported on Nov. 25. "
    "Russia has also lost 5,502 tanks and 22 ships and boats."
)
STATES_NEXT = STATES_DAY.replace("323,760", "324,590").replace("Nov. 25", "Nov. 26")


@pytest.fixture
def stored_before(archive_db) -> dict[str, int]:
    """Written before the window opens (`WRITTEN_BEFORE_THE_WINDOW`)."""
    return stored_archive()


def in_report_dialog(date: dt.date | None, change) -> object:
    def act(qtbot, window: MainWindow, ids, start: Start, tmp_path) -> None:
        view = losses_table_focused(qtbot, window)
        dialog = open_dialog(qtbot, window, view, date)
        change(dialog)
        start()
        with qtbot.waitSignal(dialog.accepted):
            assert dialog.save() is True

    return act


def new_report(dialog) -> None:
    dialog.date_edit.setDate(NEXT)
    dialog.total_edit("tanks").setText("5510")
    dialog.change_edit("tanks").setText("8")


def figures(dialog) -> None:
    dialog.total_edit("tanks").setText("5,510")
    dialog.change_edit("tanks").setText("8")


def figure_taken_away(dialog) -> None:
    dialog.total_edit("personnel").clear()
    dialog.change_edit("personnel").clear()


def note(dialog) -> None:
    dialog.note_edit.setText("Avdiivka, Marinka")


def qualifier(dialog) -> None:
    dialog.qualifier_combo.setCurrentIndex(0)


def delete_report(qtbot, window: MainWindow, ids, start: Start, tmp_path) -> None:
    view = losses_table_focused(qtbot, window)
    assert view.select_date(DAY)
    start()
    view.delete_selected_report()
    answer_delete(qtbot, view, "Yes")


def article_stating(text: str, choice: str) -> object:
    def act(qtbot, window: MainWindow, ids, start: Start, tmp_path) -> None:
        dialog = new_item_dialog(qtbot, window, "article")
        dialog.body_edit.setPlainText(text)
        dialog.time_edit.setDateTime(QDateTime(2023, 11, 26, 12, 0, 0))
        dialog._ask_report_choice = lambda *_a: choice  # type: ignore[method-assign]
        save_dialog(qtbot, window, dialog, start)

    return act


def import_file(qtbot, window: MainWindow, ids, start: Start, tmp_path) -> None:
    doc = {
        "frontline_archive": 1,
        "items": [
            {
                "kind": "brief",
                "title": "Air defense downs 14 of 20 drones overnight.",
                "published_at": "2023-11-26T09:41:00+02:00",
                "body": "Debris damaged a warehouse.",
                "tags": ["drones"],
            }
        ],
        "reports": [
            # DAY's stored report stays as it is; NEXT is new.
            {"date": DAY.isoformat(), "figures": {"aircraft": {"total": 322, "change": None}}},
            {"date": NEXT.isoformat(), "figures": {"tanks": {"total": 5_509, "change": 6}}},
        ],
    }
    path = tmp_path / "import.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    finish_import(qtbot, window, path, start)


ACTIONS = {
    "new report": in_report_dialog(None, new_report),
    "edit figures": in_report_dialog(DAY, figures),
    "take a figure away": in_report_dialog(DAY, figure_taken_away),
    "edit note": in_report_dialog(DAY, note),
    "edit qualifier": in_report_dialog(DAY, qualifier),
    "delete report": delete_report,
    "article linked to the stored report": article_stating(STATES_DAY, LINK_REPORT),
    "article creating its report": article_stating(STATES_NEXT, CREATE_REPORT),
    "import a file": import_file,
}
# Undoing a new item or report puts it in the Trash (README, Trash): what each adds there.
TRASHED_BY_UNDO = {
    "new report": [NEXT.isoformat()],
    "article linked to the stored report": ["Ferry crossing reopens in Kherson"],
    "article creating its report": ["Ferry crossing reopens in Kherson", NEXT.isoformat()],
}


@pytest.mark.parametrize("name", list(ACTIONS))
def test_undo_gives_back_exactly_what_was_there_and_redo_what_the_command_made(
    qtbot, window: MainWindow, stored_before, tmp_path, name: str
) -> None:
    done = do_then_undo(
        qtbot, window, lambda start: ACTIONS[name](qtbot, window, stored_before, start, tmp_path)
    )
    undone = done.undone
    trashed = undone.pop("trash", ([], []))
    assert trashed[0] == [] and sorted(r[3] for r in trashed[1]) == sorted(
        TRASHED_BY_UNDO.get(name, [])
    )
    assert undone == {}
    assert version_moved_on(done.made_versions, versions()) == []

    redo(qtbot, window)
    assert differences(done.made, user_data()) == {}
    window.tabs.setCurrentIndex(0)
    qtbot.keyClick(window.archive_view.table, Qt.Key.Key_Escape)  # nothing pending


def test_an_undone_report_edit_keeps_the_row_and_its_history_names_just_the_figure_changed(
    qtbot, window: MainWindow, stored_before, tmp_path
) -> None:
    """Undo writes the report as an edit would: its version moves on (an editor who opened it
    at the undone version is refused, not overwritten), and Figure history lists the figure
    that changed back, not every figure removed and added again."""
    from tests.user_data import history_rows

    pictures = Pictures()
    in_report_dialog(DAY, figures)(
        qtbot, window, stored_before, starter(qtbot, window, pictures), tmp_path
    )
    settle_window(qtbot, window)
    edited = versions()["report"][DAY.isoformat()]
    written = len(history_rows())
    undo(qtbot, window)
    assert history_rows()[written:] == [(DAY.isoformat(), "tanks", 5_510, 8, 5_502, 6)]
    assert versions()["report"][DAY.isoformat()] > edited
    redo(qtbot, window)
    assert history_rows()[written + 1 :] == [(DAY.isoformat(), "tanks", 5_502, 6, 5_510, 8)]


def test_undo_after_another_program_changed_the_report_says_so_and_changes_nothing(
    qtbot, window: MainWindow, stored_before, tmp_path
) -> None:
    from desktop_app.core.report import Figure, LossReport
    from desktop_app.storage.reports import save_report
    from tests.ui.conftest import last_message

    in_report_dialog(DAY, note)(qtbot, window, stored_before, lambda: None, tmp_path)
    settle_window(qtbot, window)
    save_report(LossReport(DAY, {"tanks": Figure(5_504, 8)}), source="another program")
    theirs = user_data()

    undo(qtbot, window)
    assert differences(theirs, user_data()) == {}
    said = last_message(window)
    assert said is not None and said[0] == "error" and "Nothing was changed" in said[1]
