"""Keyboard and screen readers: every control has a name, Tab never gets trapped, the keys
that replace the mouse (Enter, F2, the Menu key, j/k by their place on a Ukrainian layout)
do what the mouse does, and what is shown by type (bold, tint) is also said in words."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QDialog, QWidget

from desktop_app.core.report import Figure, LossReport
from desktop_app.storage.reports import save_report
from desktop_app.ui.app.main_window import MainWindow
from desktop_app.ui.archive.archive_model import KIND_COL, TITLE_COL
from tests.ui.app.a11y_support import dialogs, interactive, open_everything, spoken_name
from tests.ui.conftest import settle, settle_window

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support propagateSizeHints\(\)",
    r"keyToAscii Unhandled key code",  # QTest on a Cyrillic key: it still sends the key
)


@pytest.fixture
def reports(archive_db: object) -> list[dt.date]:
    """Three days of reports, the newest with a fall in tanks (a warning)."""
    days = [dt.date(2026, 8, 6), dt.date(2026, 8, 7), dt.date(2026, 8, 8)]
    for i, day in enumerate(days):
        tanks = 5000 + i if i < 2 else 4990
        save_report(LossReport(day, {"tanks": Figure(tanks, None), "personnel": Figure(9 + i)}))
    return days


def unnamed(root: QWidget) -> list[str]:
    return [
        f"{type(w).__name__} in {type(w.parentWidget()).__name__}"
        for w in interactive(root)
        if not spoken_name(w)
    ]


def test_every_control_of_the_window_has_a_name(window: MainWindow) -> None:
    open_everything(window)
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        assert unnamed(window) == [], window.tabs.tabText(index)


def test_every_control_of_every_dialog_has_a_name(window: MainWindow) -> None:
    for dialog in dialogs(window):
        dialog.show()
        assert unnamed(dialog) == [], type(dialog).__name__
        dialog.hide()


def tab_walk(start: QWidget, presses: int = 200) -> list[QWidget]:
    """The widgets Tab visits from `start` until it comes back; fails on a trap (a press
    that leaves the focus where it was) or when it never comes back."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    visited = [QApplication.focusWidget()]
    stays = 0
    for _ in range(presses):
        before = QApplication.focusWidget()
        QTest.keyClick(before, Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        # A date field's Tab moves through its year, month and day first (Qt's way).
        stays = stays + 1 if now is before and isinstance(now, QAbstractSpinBox) else 0
        assert (now is not before) or 0 < stays < 12, f"Tab is trapped in {type(before).__name__}"
        if now is before:
            continue
        if now is visited[0]:
            return visited
        visited.append(now)
    raise AssertionError(f"Tab never came back to {type(start).__name__}")


def test_tab_leaves_every_list_and_comes_back_round_in_each_tab(
    qtbot, window: MainWindow, reports: list[dt.date]
) -> None:
    open_everything(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    view = window.archive_view
    walk = tab_walk(view.search_edit)
    for wanted in (view.kind_combo, view.filters.order_combo, view.table, view.reader):
        assert wanted in walk
    # The panes in reading order: search and filters before the list, the reader after it.
    assert walk.index(view.filters.tag_list) < walk.index(view.table) < walk.index(view.reader)

    window.tabs.setCurrentIndex(1)
    losses = window.ensure_losses_view()
    settle(qtbot, window.runner)
    assert losses.table in tab_walk(losses.category_combo)

    window.tabs.setCurrentIndex(2)
    charts = window.charts_tab.ensure_view()
    settle(qtbot, window.runner)
    walk = tab_walk(charts.view_combo)
    for wanted in (charts.category_list, charts.records_table, charts.plot.graphics):
        assert wanted in walk


@pytest.mark.parametrize("index", range(6))
def test_tab_goes_round_every_dialog_without_a_trap(qtbot, window: MainWindow, index: int) -> None:
    dialog = dialogs(window)[index]
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    first = QApplication.focusWidget() or dialog
    walk = tab_walk(first)
    assert len(walk) >= 2
    dialog.hide()


def test_new_report_opens_on_the_date_and_tab_reaches_every_figure_forwards(
    qtbot, window: MainWindow
) -> None:
    dialog = window.ensure_losses_view().open_report_dialog()
    assert dialog is not None
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert QApplication.focusWidget() is dialog.date_edit
    walk = tab_walk(dialog.date_edit)
    edits = dialog.grid.edits()
    assert [w for w in walk if w in edits] == edits  # forwards, in the order shown
    order = [dialog.note_edit, edits[0], edits[-1], dialog.paste_box, dialog.fill_button]
    assert [walk.index(w) for w in order] == sorted(walk.index(w) for w in order)
    # Tab leaves the paste box (no tab character typed into it).
    dialog.paste_box.setFocus()
    QTest.keyClick(dialog.paste_box, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.fill_button
    assert dialog.paste_box.toPlainText() == ""
    assert spoken_name(dialog.total_edit("tanks")) == "Tanks: total"
    assert spoken_name(dialog.change_edit("tanks")) == "Tanks: stated change"
    dialog.reject()


def losses_on(qtbot, window: MainWindow, date: dt.date):
    window.open_report(date)
    losses = window.ensure_losses_view()
    settle(qtbot, window.runner)
    qtbot.waitUntil(lambda: losses.selected_date() == date)
    return losses


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2])
def test_enter_and_f2_edit_the_selected_report(
    qtbot, window: MainWindow, reports: list[dt.date], key: Qt.Key
) -> None:
    losses = losses_on(qtbot, window, reports[1])
    QTest.keyClick(losses.table, key)
    qtbot.waitUntil(lambda: losses.dialog is not None)
    assert losses.dialog is not None
    assert losses.dialog.current_date() == reports[1]
    assert losses.dialog.windowTitle() == "Edit report"
    losses.dialog.reject()


def test_the_menu_key_offers_the_selected_report_not_the_one_below(
    qtbot, window: MainWindow, reports: list[dt.date]
) -> None:
    losses = losses_on(qtbot, window, reports[2])  # the newest: the top row
    # What the system sends for the Menu key: a point of the view itself, not its viewport.
    point = QPoint(5, 5)
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Keyboard, point, losses.table.mapToGlobal(point)
    )
    QApplication.sendEvent(losses.table, event)
    assert losses.context_menu is not None
    texts = [a.text() for a in losses.context_menu.actions()]
    assert texts[:3] == [
        "&Edit report 2026-08-08…",
        "&Delete report 2026-08-08",
        "Figure &history…",
    ]
    losses.context_menu.close()
    losses.select_date(reports[1])
    QTest.keyClick(losses.table, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    assert "2026-08-07" in losses.context_menu.actions()[0].text()
    losses.context_menu.close()


def test_enter_on_largest_days_opens_that_day(
    qtbot, window: MainWindow, reports: list[dt.date]
) -> None:
    window.tabs.setCurrentIndex(2)
    charts = window.charts_tab.ensure_view()
    settle(qtbot, window.runner)
    charts.set_checked(["tanks"])
    table = charts.records_table
    assert table.rowCount() > 0
    table.setFocus()
    table.setCurrentCell(0, 0)
    with qtbot.waitSignal(charts.reportRequested) as opened:
        QTest.keyClick(table, Qt.Key.Key_Return)
    assert opened.args == [dt.date.fromisoformat(table.item(0, 1).text())]


def test_single_letter_keys_work_on_a_ukrainian_layout(
    qtbot, window: MainWindow, sample_items: dict[str, int]
) -> None:
    from tests.ui.conftest import reload_list

    reload_list(qtbot, window)
    view = window.archive_view
    view.table.setFocus()
    view.table.selectRow(0)
    # о and л are where j and k are; і is s; . is /.
    QTest.keyClick(view.table, Qt.Key(0x41E))  # О
    assert view.table.currentIndex().row() == 1
    QTest.keyClick(view.table, Qt.Key(0x41B))  # Л
    assert view.table.currentIndex().row() == 0
    item_id = view.selected_id()
    QTest.keyClick(view.table, Qt.Key(0x406))  # І: star
    settle_window(qtbot, window)
    assert view.model.data(view.model.index(0, KIND_COL)).startswith("★")
    assert item_id is not None
    QTest.keyClick(view.table, Qt.Key.Key_Period)  # . : search
    assert QApplication.focusWidget() is view.search_edit


def test_unread_starred_and_warnings_are_said_in_words(
    qtbot, window: MainWindow, sample_items: dict[str, int], reports: list[dt.date]
) -> None:
    from tests.ui.conftest import reload_list

    reload_list(qtbot, window)
    model = window.archive_view.model
    title = model.index(0, TITLE_COL)
    qtbot.waitUntil(lambda: model.data(title) is not None)
    spoken = model.data(title, Qt.ItemDataRole.AccessibleTextRole)
    assert spoken == f"{model.data(title)}, unread"
    assert model.data(title, Qt.ItemDataRole.AccessibleDescriptionRole) == "unread"

    losses = losses_on(qtbot, window, reports[2])
    table = losses.model
    tanks = table.index(0, table.column_of("tanks"))
    assert table.data(tanks, Qt.ItemDataRole.AccessibleTextRole) == "Tanks: 4,990 (−11), warning"
    assert "Warning:" in table.data(tanks, Qt.ItemDataRole.AccessibleDescriptionRole)


def test_a_dialog_is_given_no_more_than_its_screen(window: MainWindow) -> None:
    for dialog in dialogs(window):
        if isinstance(dialog, QDialog):
            dialog.show()
            room = dialog.screen().availableGeometry()
            assert dialog.width() <= max(room.width(), dialog.minimumSizeHint().width())
            assert dialog.height() <= max(room.height(), dialog.minimumSizeHint().height())
            dialog.hide()
