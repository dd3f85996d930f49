"""Undo and redo of report changes, driven through the real window with the keyboard."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from desktop_app.core.report import Figure, LossReport
from desktop_app.storage.reports import load_report, report_article_ids, save_report
from desktop_app.ui.app.main_window import MainWindow
from tests.ui.conftest import last_message, settle

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")

DAY = dt.date(2023, 11, 25)
BEFORE = dt.date(2023, 11, 24)
STORED = LossReport(
    DAY,
    {"personnel": Figure(323_760, 860), "tanks": Figure(5_502)},
    qualifier="about",
    note="Avdiivka",
)


def losses_table_focused(qtbot, window: MainWindow):
    window.tabs.setCurrentIndex(1)
    view = window.ensure_losses_view()
    settle(qtbot, window.runner)  # the table is read on the read lane
    view.table.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(view.table.hasFocus)
    return view


def open_dialog(qtbot, window: MainWindow, view, date=None):
    view.open_report_dialog(date)
    qtbot.waitUntil(lambda: view.dialog is not None)  # an edit opens once its report was read
    settle(qtbot, window.runner)
    return view.dialog


def answer_delete(qtbot, view, text: str) -> str:
    """Answer the delete question with the button labelled `text`; returns its question."""
    qtbot.waitUntil(lambda: view.delete_box is not None and view.delete_box.isVisible())
    box = view.delete_box
    question = box.text()
    button = next(b for b in box.buttons() if b.text().replace("&", "") == text)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    return question


def press(qtbot, window: MainWindow, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier):
    # Sent to the window, as the platform would: shortcuts are resolved at that level, and
    # only in the active window (a dialog that just closed may have left none active).
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.windowHandle(), key, modifiers)


CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def stored_before(archive_db):
    save_report(LossReport(BEFORE, {"personnel": Figure(322_900, 900), "tanks": Figure(5_496)}))
    return archive_db


def test_new_report_saved_in_the_dialog_is_undone_and_redone_by_keys(
    qtbot, window: MainWindow, stored_before
):
    view = losses_table_focused(qtbot, window)
    dialog = open_dialog(qtbot, window, view)
    assert dialog is not None
    dialog.date_edit.setDate(DAY)
    qtbot.keyClicks(dialog.total_edit("tanks"), "5502")
    qtbot.keyClicks(dialog.change_edit("tanks"), "+6")
    with qtbot.waitSignal(dialog.finished):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window.runner)
    assert load_report(DAY) == LossReport(DAY, {"tanks": Figure(5_502, 6)})
    assert view.model.row_of(DAY) == 0
    assert window.undo_action.text() == "&Undo save report 2023-11-25"
    assert window.undo_action.isEnabled() and not window.redo_action.isEnabled()

    view.table.setFocus(Qt.FocusReason.OtherFocusReason)
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    settle(qtbot, window.runner)
    assert load_report(DAY) is None
    assert view.model.row_of(DAY) is None and view.model.rowCount() == 1
    qtbot.waitUntil(lambda: "1 loss reports" in window.counts_label.text())
    assert window.redo_action.text() == "&Redo save report 2023-11-25"

    press(qtbot, window, Qt.Key.Key_Z, CTRL_SHIFT)
    settle(qtbot, window.runner)
    assert load_report(DAY) == LossReport(DAY, {"tanks": Figure(5_502, 6)})
    assert view.model.row_of(DAY) == 0


def test_undoing_an_edit_restores_the_old_report_exactly(qtbot, window: MainWindow, stored_before):
    save_report(STORED)
    view = losses_table_focused(qtbot, window)
    dialog = open_dialog(qtbot, window, view, DAY)
    dialog.total_edit("personnel").setText("324,000")
    dialog.change_edit("personnel").clear()
    dialog.total_edit("tanks").clear()
    dialog.qualifier_combo.setCurrentIndex(0)
    dialog.note_edit.clear()
    with qtbot.waitSignal(dialog.accepted):
        assert dialog.save() is True
    settle(qtbot, window.runner)
    assert load_report(DAY) == LossReport(DAY, {"personnel": Figure(324_000)})

    view.table.setFocus(Qt.FocusReason.OtherFocusReason)
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    settle(qtbot, window.runner)
    assert load_report(DAY) == STORED
    cell = view.model.index(view.model.row_of(DAY), view.model.column_of("tanks")).data()
    assert cell == "5,502 (+6)"  # the change derived from the day before

    press(qtbot, window, Qt.Key.Key_Z, CTRL_SHIFT)
    settle(qtbot, window.runner)
    assert load_report(DAY) == LossReport(DAY, {"personnel": Figure(324_000)})


def test_delete_key_in_the_table_deletes_the_report_and_undo_brings_it_back(
    qtbot, window: MainWindow, stored_before, sample_items
):
    save_report(STORED, article_id=sample_items["kyiv"])
    view = losses_table_focused(qtbot, window)
    assert view.select_date(DAY)
    press(qtbot, window, Qt.Key.Key_Delete)
    question = answer_delete(qtbot, view, "Yes")
    assert question == "Delete the report of 2023-11-25? Edit ▸ Undo (Ctrl+Z) brings it back."
    settle(qtbot, window.runner)
    assert load_report(DAY) is None
    assert view.model.row_of(DAY) is None
    assert view.selected_date() == BEFORE
    # The window's own Delete (delete an article) did not fire as well.
    from desktop_app.storage.items import count_items

    assert count_items() == 3
    assert window.undo_action.text() == "&Undo delete report 2023-11-25"

    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    settle(qtbot, window.runner)
    assert load_report(DAY) == STORED
    assert report_article_ids(DAY) == [sample_items["kyiv"]]
    assert view.model.row_of(DAY) is not None


def test_context_menu_offers_edit_and_delete(qtbot, window: MainWindow, stored_before):
    save_report(STORED)
    view = losses_table_focused(qtbot, window)
    index = view.model.index(view.model.row_of(DAY), 0)
    view._show_context_menu(view.table.visualRect(index).center())
    menu = view.context_menu
    assert menu is not None
    texts = [a.text() for a in menu.actions()]
    assert texts == [
        "&Edit report 2023-11-25…",
        "&Delete report 2023-11-25",
        "Figure &history…",
        "",  # a separator
        "&Copy rows",
        "Select &all",
        "",
        "&Sort by “Date”",
    ]
    menu.actions()[1].trigger()
    menu.close()
    answer_delete(qtbot, view, "Yes")
    settle(qtbot, window.runner)
    assert load_report(DAY) is None
    window.undo_stack.undo()
    settle(qtbot, window.runner)
    assert load_report(DAY) == STORED


def test_deleting_a_report_asks_first_and_no_keeps_it(qtbot, window: MainWindow, stored_before):
    save_report(STORED)
    view = losses_table_focused(qtbot, window)
    assert view.select_date(DAY)
    press(qtbot, window, Qt.Key.Key_Delete)
    answer_delete(qtbot, view, "No")
    settle(qtbot, window.runner)
    assert load_report(DAY) == STORED
    assert view.selected_date() == DAY
    assert window.undo_stack.count() == 0


def test_a_delete_that_fails_says_so_and_the_table_shows_what_is_stored(
    qtbot, window: MainWindow, stored_before, tmp_path
):
    import sqlite3

    from desktop_app.storage.db.models import database_proxy

    save_report(STORED)
    view = losses_table_focused(qtbot, window)
    window.runner.write("busy", lambda: database_proxy.execute_sql("PRAGMA busy_timeout=100"))
    settle(qtbot, window.runner)
    other = sqlite3.connect(tmp_path / "archive.sqlite", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        assert view.select_date(DAY)
        view.delete_selected_report()
        answer_delete(qtbot, view, "Yes")
        settle(qtbot, window.runner)
    finally:
        other.rollback()
        other.close()
    assert last_message(window) is not None and last_message(window)[0] == "error"
    assert "another program is writing to the archive" in last_message(window)[1]
    assert load_report(DAY) == STORED
    assert view.model.row_of(DAY) is not None
    assert window.undo_stack.count() == 0


def test_undo_and_redo_use_the_standard_keys(window: MainWindow):
    assert window.undo_action.shortcut().toString() == "Ctrl+Z"
    assert window.redo_action.shortcuts()[0].toString() == "Ctrl+Shift+Z"
    assert not window.undo_action.isEnabled()


def test_delete_with_several_reports_chosen_asks_once_and_one_undo_brings_all_back(
    qtbot, window: MainWindow, stored_before
):
    # The table chooses several rows (for Copy): Delete used to delete only the row the
    # keyboard was on while the others stayed highlighted.
    save_report(STORED)
    save_report(LossReport(DAY + dt.timedelta(days=1), {"tanks": Figure(5_510)}))
    view = losses_table_focused(qtbot, window)
    assert view.select_date(DAY + dt.timedelta(days=1))
    qtbot.keyClick(view.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert view.selected_date() == DAY
    press(qtbot, window, Qt.Key.Key_Delete)
    question = answer_delete(qtbot, view, "Yes")
    assert question == (
        "Delete the 2 chosen reports (2023-11-25 … 2023-11-26)? "
        "Edit ▸ Undo (Ctrl+Z) brings them back."
    )
    settle(qtbot, window.runner)
    assert load_report(DAY) is None
    assert load_report(DAY + dt.timedelta(days=1)) is None
    assert view.selected_date() == BEFORE
    assert window.undo_action.text() == "&Undo delete 2 reports"
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    settle(qtbot, window.runner)
    assert load_report(DAY) == STORED
    assert load_report(DAY + dt.timedelta(days=1)) is not None
