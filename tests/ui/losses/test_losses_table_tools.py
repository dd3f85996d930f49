"""The Losses table as an analyst uses it: sort by a header, one year, Ctrl+C, Ctrl+A, refresh."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from desktop_app.core.report import Figure, LossReport
from desktop_app.services.changes import Changes
from desktop_app.storage.reports import save_report
from desktop_app.ui.losses.losses_view import LossesView

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")

# Four days at the end of one year and three at the start of the next; the tanks' daily
# changes are not in the order of the totals (the 2nd of January lost most).
TANKS = {
    dt.date(2023, 12, 29): (3_650, None),
    dt.date(2023, 12, 30): (3_660, 10),
    dt.date(2023, 12, 31): (3_662, 2),
    dt.date(2024, 1, 1): (3_670, 8),
    dt.date(2024, 1, 2): (3_700, 30),
    dt.date(2024, 1, 3): (3_703, None),  # its change derived: 3
}
# Aircraft reported on some days only.
AIRCRAFT = {dt.date(2023, 12, 30): 320, dt.date(2024, 1, 2): 322}


@pytest.fixture
def view(qtbot, archive_db, ctx) -> LossesView:
    for date, (total, change) in TANKS.items():
        figures = {"tanks": Figure(total, change)}
        if date in AIRCRAFT:
            figures["aircraft"] = Figure(AIRCRAFT[date])
        save_report(LossReport(date, figures))
    widget = LossesView(ctx, today=dt.date(2024, 2, 1))
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    qtbot.waitExposed(widget)
    with qtbot.waitSignal(widget.model.loaded):
        widget.refresh()
    return widget


def shown_dates(view: LossesView) -> list[dt.date | None]:
    return [view.model.date_at(r) for r in range(view.model.rowCount())]


def click_header(qtbot, view: LossesView, column: int) -> None:
    header = view.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


def test_the_table_starts_newest_first_with_the_date_header_marked(view):
    header = view.table.horizontalHeader()
    assert view.table.isSortingEnabled()
    assert header.isSortIndicatorShown()
    assert header.sortIndicatorSection() == 0
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert shown_dates(view) == sorted(TANKS, reverse=True)


def test_clicking_a_category_header_sorts_by_its_total_and_again_reverses(qtbot, view):
    column = view.model.column_of("aircraft")
    click_header(qtbot, view, column)
    first = shown_dates(view)
    click_header(qtbot, view, column)
    second = shown_dates(view)
    assert {tuple(first[:2]), tuple(second[:2])} == {
        (dt.date(2024, 1, 2), dt.date(2023, 12, 30)),
        (dt.date(2023, 12, 30), dt.date(2024, 1, 2)),
    }
    # Days without aircraft come last either way, never mixed into the figures.
    assert set(first[2:]) == set(second[2:]) == set(TANKS) - set(AIRCRAFT)
    assert view.table.horizontalHeader().sortIndicatorSection() == column


def test_the_header_menu_sorts_a_category_by_its_daily_change(qtbot, view):
    view.tools.by_change_action.trigger()
    view.table.sortByColumn(view.model.column_of("tanks"), Qt.SortOrder.DescendingOrder)
    # 30, 10, 8, 3 (derived), 2; the first day has no change at all.
    assert shown_dates(view) == [
        dt.date(2024, 1, 2),
        dt.date(2023, 12, 30),
        dt.date(2024, 1, 1),
        dt.date(2024, 1, 3),
        dt.date(2023, 12, 31),
        dt.date(2023, 12, 29),
    ]


def test_a_sort_keeps_the_selected_report_selected(qtbot, view):
    view.select_date(dt.date(2023, 12, 31))
    view.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert shown_dates(view) == sorted(TANKS)
    assert view.selected_date() == dt.date(2023, 12, 31)
    assert view.model.date_at(view.table.selectionModel().selectedRows()[0].row()) == dt.date(
        2023, 12, 31
    )


def test_the_year_box_shows_one_years_reports(qtbot, view):
    combo = view.tools.year_combo
    assert [combo.itemData(i) for i in range(combo.count())] == [None, 2024, 2023]
    combo.setCurrentIndex(combo.findData(2023))
    assert shown_dates(view) == [d for d in sorted(TANKS, reverse=True) if d.year == 2023]
    combo.setCurrentIndex(0)
    assert view.model.rowCount() == len(TANKS)


def test_sort_year_and_selection_survive_a_refresh_after_another_write(qtbot, view, ctx):
    view.tools.year_combo.setCurrentIndex(view.tools.year_combo.findData(2024))
    view.table.sortByColumn(view.model.column_of("tanks"), Qt.SortOrder.AscendingOrder)
    view.table.setFocus()
    view.table.selectAll()
    save_report(LossReport(dt.date(2024, 1, 4), {"tanks": Figure(3_690)}))
    with qtbot.waitSignal(view.model.loaded):
        ctx.runner.changed.emit(Changes(reports=True))
    header = view.table.horizontalHeader()
    assert header.sortIndicatorSection() == view.model.column_of("tanks")
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    assert view.tools.year_combo.currentData() == 2024
    assert shown_dates(view) == [
        dt.date(2024, 1, 1),
        dt.date(2024, 1, 4),
        dt.date(2024, 1, 2),
        dt.date(2024, 1, 3),
    ]
    selected = {view.model.date_at(i.row()) for i in view.table.selectionModel().selectedRows()}
    assert selected == {dt.date(2024, 1, d) for d in (1, 2, 3)}


def test_ctrl_c_copies_the_selected_rows_as_tab_separated_plain_numbers(qtbot, view):
    view.table.setFocus()
    view.select_date(dt.date(2024, 1, 3))
    index = view.model.index(view.model.row_of(dt.date(2024, 1, 2)), 0)
    view.table.selectionModel().select(
        index,
        view.table.selectionModel().SelectionFlag.Select
        | view.table.selectionModel().SelectionFlag.Rows,
    )
    QGuiApplication.clipboard().clear()
    qtbot.keyClick(view.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    lines = QGuiApplication.clipboard().text().splitlines()
    assert lines == [
        "Date\tDay\tTanks\tTanks change\tAircraft\tAircraft change\tPublished in",
        "2024-01-03\t679\t3703\t3\t\t\t",
        "2024-01-02\t678\t3700\t30\t322\t\t",
    ]


def test_ctrl_a_and_the_menu_select_and_copy_every_row_shown(qtbot, view):
    view.table.setFocus()
    view.select_date(dt.date(2024, 1, 1))
    qtbot.keyClick(view.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert len(view.table.selectionModel().selectedRows()) == len(TANKS)
    # A right-click on a chosen row keeps the others chosen, and its menu copies them all.
    rect = view.table.visualRect(view.model.index(2, 0))
    view._show_context_menu(rect.center())
    assert len(view.table.selectionModel().selectedRows()) == len(TANKS)
    menu = view.context_menu
    assert menu is not None
    copy = next(a for a in menu.actions() if a is view.tools.copy_action)
    copy.trigger()
    assert len(QGuiApplication.clipboard().text().splitlines()) == 1 + len(TANKS)
    menu.close()
    QApplication.processEvents()


def test_opening_a_report_the_year_box_hides_shows_its_year(qtbot, view):
    # The Charts tab, the problems panel and a save all open a report by its date: with
    # another year chosen, it used to say that no such report is stored.
    view.tools.year_combo.setCurrentIndex(view.tools.year_combo.findData(2023))
    view.select_date(dt.date(2023, 12, 30))
    assert view.select_date(dt.date(2024, 1, 2))
    assert view.selected_date() == dt.date(2024, 1, 2)
    assert view.tools.year_combo.currentData() == 2024
    assert not view.select_date(dt.date(2024, 1, 20))  # not stored at all
    assert view.tools.year_combo.currentData() == 2024


def menu_of_current_row(qtbot, view: LossesView):
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    menu = view.context_menu
    assert menu is not None
    return menu


def test_the_keyboard_sorts_by_the_current_column_from_the_tables_menu(qtbot, view):
    # A header is clicked with the mouse only: Shift+F10 (or the Menu key) offers the same.
    column = view.model.column_of("tanks")
    view.table.setCurrentIndex(view.model.index(0, column))
    menu = menu_of_current_row(qtbot, view)
    texts = [a.text() for a in menu.actions()]
    assert "&Sort by “Tanks”" in texts
    assert view.tools.by_change_action in menu.actions()
    next(a for a in menu.actions() if a.text() == "&Sort by “Tanks”").trigger()
    menu.close()
    header = view.table.horizontalHeader()
    assert header.sortIndicatorSection() == column
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert shown_dates(view)[0] == dt.date(2024, 1, 3)  # the largest total
    view.tools.sort_by(column)  # again: the other way
    assert shown_dates(view)[0] == dt.date(2023, 12, 29)


@pytest.mark.parametrize("language", ["en", "uk"])
def test_no_two_entries_of_the_tables_menu_share_an_alt_letter(qtbot, request, ctx, language):
    if language == "uk":
        request.getfixturevalue("ukrainian")
    view = request.getfixturevalue("view")
    view.table.setCurrentIndex(view.model.index(0, view.model.column_of("tanks")))
    menu = menu_of_current_row(qtbot, view)
    letters = [a.text().split("&", 1)[1][0].casefold() for a in menu.actions() if "&" in a.text()]
    assert len(letters) == len([a for a in menu.actions() if not a.isSeparator()])
    assert len(set(letters)) == len(letters), letters
    menu.close()


def test_ctrl_insert_copies_the_rows_too(qtbot, view):
    # The platform's other Copy key: it used to reach Qt's own copy of one cell as shown.
    view.table.setFocus()
    view.select_date(dt.date(2024, 1, 3))
    QGuiApplication.clipboard().clear()
    qtbot.keyClick(view.table, Qt.Key.Key_Insert, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text().splitlines()[1] == "2024-01-03\t679\t3703\t3\t\t\t"


def test_the_sort_mark_follows_its_category_when_the_columns_change(qtbot, view, ctx):
    view.table.sortByColumn(view.model.column_of("aircraft"), Qt.SortOrder.AscendingOrder)
    # A report with personnel: a column before the others, which all move one to the right.
    save_report(LossReport(dt.date(2024, 1, 4), {"personnel": Figure(360_000)}))
    with qtbot.waitSignal(view.model.loaded):
        ctx.runner.changed.emit(Changes(reports=True))
    header = view.table.horizontalHeader()
    assert header.sortIndicatorSection() == view.model.column_of("aircraft")
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    assert shown_dates(view)[:2] == [dt.date(2023, 12, 30), dt.date(2024, 1, 2)]
    # The sorted category gone altogether: newest first again, and marked so.
    for date in AIRCRAFT:
        save_report(LossReport(date, {"tanks": Figure(TANKS[date][0], TANKS[date][1])}))
    with qtbot.waitSignal(view.model.loaded):
        ctx.runner.changed.emit(Changes(reports=True))
    assert view.model.column_of("aircraft") is None
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        0,
        Qt.SortOrder.DescendingOrder,
    )
    assert shown_dates(view)[0] == dt.date(2024, 1, 4)


def test_the_sort_is_remembered_for_the_next_start(qtbot, view, ctx):
    view.tools.by_change_action.trigger()
    view.table.sortByColumn(view.model.column_of("tanks"), Qt.SortOrder.AscendingOrder)
    again = LossesView(ctx, today=dt.date(2024, 2, 1))
    qtbot.addWidget(again)
    with qtbot.waitSignal(again.model.loaded):
        again.refresh()
    header = again.table.horizontalHeader()
    assert header.sortIndicatorSection() == again.model.column_of("tanks")
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    assert again.tools.by_change_action.isChecked()
    assert shown_dates(again) == shown_dates(view)
    assert shown_dates(view)[0] == dt.date(2023, 12, 31)  # the smallest change: 2


def test_a_year_that_hides_the_selected_report_selects_its_newest_one(
    qtbot, view, ctx, sample_items
):
    # The selected report published by an article, then the Year box hides it: Open article
    # stayed enabled (and did nothing) and the chart kept marking the hidden day.
    save_report(
        LossReport(dt.date(2024, 1, 2), {"tanks": Figure(3_700, 30)}),
        article_id=sample_items["kyiv"],
    )
    with qtbot.waitSignal(view.model.loaded):
        ctx.runner.changed.emit(Changes(reports=True))
    view.select_date(dt.date(2024, 1, 2))
    assert view.article_button.isEnabled()
    view.tools.year_combo.setCurrentIndex(view.tools.year_combo.findData(2023))
    assert view.selected_date() == dt.date(2023, 12, 31)
    assert not view.article_button.isEnabled()
