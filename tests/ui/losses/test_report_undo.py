"""Undo and redo of report changes, driven through the real window with the keyboard."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from desktop_app.core.report import Figure, LossReport
from desktop_app.storage.reports import load_report, report_article_ids, save_report
from desktop_app.ui.app.main_window import MainWindow

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
    view.table.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(view.table.hasFocus)
    return view


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
    view.open_report_dialog()
    dialog = view.dialog
    assert dialog is not None
    dialog.date_edit.setDate(DAY)
    qtbot.keyClicks(dialog.total_edit("tanks"), "5502")
    qtbot.keyClicks(dialog.change_edit("tanks"), "+6")
    with qtbot.waitSignal(dialog.finished):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert load_report(DAY) == LossReport(DAY, {"tanks": Figure(5_502, 6)})
    assert view.model.row_of(DAY) == 0
    assert window.undo_action.text() == "&Undo save report 2023-11-25"
    assert window.undo_action.isEnabled() and not window.redo_action.isEnabled()

    view.table.setFocus(Qt.FocusReason.OtherFocusReason)
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert load_report(DAY) is None
    assert view.model.row_of(DAY) is None and view.model.rowCount() == 1
    qtbot.waitUntil(lambda: "1 loss reports" in window.counts_label.text())
    assert window.redo_action.text() == "&Redo save report 2023-11-25"

    press(qtbot, window, Qt.Key.Key_Z, CTRL_SHIFT)
    assert load_report(DAY) == LossReport(DAY, {"tanks": Figure(5_502, 6)})
    assert view.model.row_of(DAY) == 0


def test_undoing_an_edit_restores_the_old_report_exactly(qtbot, window: MainWindow, stored_before):
    save_report(STORED)
    view = losses_table_focused(qtbot, window)
    dialog = view.open_report_dialog(DAY)
    dialog.total_edit("personnel").setText("324,000")
    dialog.change_edit("personnel").clear()
    dialog.total_edit("tanks").clear()
    dialog.qualifier_combo.setCurrentIndex(0)
    dialog.note_edit.clear()
    assert dialog.save() is True
    assert load_report(DAY) == LossReport(DAY, {"personnel": Figure(324_000)})

    view.table.setFocus(Qt.FocusReason.OtherFocusReason)
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert load_report(DAY) == STORED
    cell = view.model.index(view.model.row_of(DAY), view.model.column_of("tanks")).data()
    assert cell == "5,502 (+6)"  # the change derived from the day before

    press(qtbot, window, Qt.Key.Key_Z, CTRL_SHIFT)
    assert load_report(DAY) == LossReport(DAY, {"personnel": Figure(324_000)})


def test_delete_key_in_the_table_deletes_the_report_and_undo_brings_it_back(
    qtbot, window: MainWindow, stored_before, sample_items
):
    save_report(STORED, article_id=sample_items["kyiv"])
    view = losses_table_focused(qtbot, window)
    assert view.select_date(DAY)
    press(qtbot, window, Qt.Key.Key_Delete)
    assert load_report(DAY) is None
    assert view.model.row_of(DAY) is None
    assert view.selected_date() == BEFORE
    # The window's own Delete (delete an article) did not fire as well.
    from desktop_app.storage.items import count_items

    assert count_items() == 3
    assert window.undo_action.text() == "&Undo delete report 2023-11-25"

    press(qtbot, window, Qt.Key.Key_Z, CTRL)
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
    assert texts == ["&Edit report 2023-11-25…", "&Delete report 2023-11-25"]
    menu.actions()[1].trigger()
    menu.close()
    assert load_report(DAY) is None
    window.undo_stack.undo()
    assert load_report(DAY) == STORED


def test_undo_and_redo_use_the_standard_keys(window: MainWindow):
    assert window.undo_action.shortcut().toString() == "Ctrl+Z"
    assert window.redo_action.shortcuts()[0].toString() == "Ctrl+Shift+Z"
    assert not window.undo_action.isEnabled()
