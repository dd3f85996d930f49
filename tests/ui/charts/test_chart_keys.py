"""The chart's keys: a day cursor (arrows, PageUp/PageDown, Home/End) read out like a hover,
Enter opening the day's report, and Delete never reaching the window's hidden archive item."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QAccessible

from desktop_app.ui.charts.analysis_data import CUMULATIVE
from desktop_app.ui.charts.chart_keys import month_step
from tests.ui.charts.conftest import START, TANKS, utc_midnight
from tests.ui.conftest import settle

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


@pytest.fixture
def chart(view, qtbot):
    view.set_checked(["tanks"])
    view.set_view(CUMULATIVE)
    graphics = view.plot.graphics
    graphics.setFocus()
    qtbot.waitUntil(graphics.hasFocus)
    return view


def test_the_chart_takes_focus_from_the_keyboard(view):
    assert view.plot.graphics.focusPolicy() == Qt.FocusPolicy.StrongFocus


def test_arrows_move_a_day_cursor_through_the_reports(chart, qtbot):
    graphics = chart.plot.graphics
    qtbot.keyClick(graphics, Qt.Key.Key_Home)
    assert chart.plot.cursor_date() == START
    qtbot.keyClick(graphics, Qt.Key.Key_Right)
    assert chart.plot.cursor_date() == START + dt.timedelta(1)
    # Tanks have no report on day 6: the cursor steps over the gap.
    for _ in range(4):
        qtbot.keyClick(graphics, Qt.Key.Key_Right)
    assert chart.plot.cursor_date() == START + dt.timedelta(6)
    qtbot.keyClick(graphics, Qt.Key.Key_Left)
    assert chart.plot.cursor_date() == START + dt.timedelta(4)
    qtbot.keyClick(graphics, Qt.Key.Key_End)
    assert chart.plot.cursor_date() == START + dt.timedelta(39)
    qtbot.keyClick(graphics, Qt.Key.Key_PageUp)
    assert chart.plot.cursor_date() == dt.date(2023, 5, 28)  # a month before 28 June


def test_the_cursor_day_is_read_out_like_a_hover(chart, qtbot):
    graphics = chart.plot.graphics
    qtbot.keyClick(graphics, Qt.Key.Key_Home)
    qtbot.keyClick(graphics, Qt.Key.Key_Right)
    qtbot.keyClick(graphics, Qt.Key.Key_Right)
    expected = chart.plot.hover(START + dt.timedelta(2))
    assert "Tanks: total 3,788 · change +4 (stated +9)" in chart.hover_label.text()
    assert graphics.accessibleDescription() == expected
    interface = QAccessible.queryAccessibleInterface(graphics)
    assert interface is not None
    assert interface.text(QAccessible.Text.Description) == expected


def test_the_cursor_scrolls_the_range_along(chart, qtbot):
    chart.plot.set_range(START, START + dt.timedelta(10))
    graphics = chart.plot.graphics
    qtbot.keyClick(graphics, Qt.Key.Key_End)
    first, last = chart.plot.range_dates()
    assert last == START + dt.timedelta(39) and (last - first).days == 10


def test_enter_opens_the_cursor_days_report(chart, qtbot):
    graphics = chart.plot.graphics
    qtbot.keyClick(graphics, Qt.Key.Key_Home)
    with qtbot.waitSignal(chart.reportRequested) as opened:
        qtbot.keyClick(graphics, Qt.Key.Key_Return)
    assert opened.args == [START]


def test_a_click_puts_the_cursor_where_it_clicked(chart, qtbot):
    plot = chart.plot.plots[0]
    date = START + dt.timedelta(20)
    scene = plot.vb.mapViewToScene(QPointF(utc_midnight(date), TANKS[20]))
    pos = chart.plot.graphics.mapFromScene(scene)
    with qtbot.waitSignal(chart.reportRequested):
        qtbot.mouseClick(
            chart.plot.graphics.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(pos.x(), pos.y())
        )
    qtbot.keyClick(chart.plot.graphics, Qt.Key.Key_Right)
    assert chart.plot.cursor_date() == date + dt.timedelta(1)


def test_month_steps_keep_the_day_or_take_the_months_last():
    assert month_step(dt.date(2024, 1, 31), 1) == dt.date(2024, 2, 29)
    assert month_step(dt.date(2024, 12, 15), 1) == dt.date(2025, 1, 15)
    assert month_step(dt.date(2024, 1, 15), -1) == dt.date(2023, 12, 15)


def test_delete_in_the_charts_tab_never_deletes_the_archive_item(window, archive, qtbot):
    window.charts_tab.action.trigger()
    settle(qtbot, window.runner)
    view = window.charts_tab.view
    assert view is not None
    fired = []
    window.delete_item_action.triggered.connect(lambda: fired.append(True))
    for widget in (view.plot.graphics, view.category_list, view.view_combo):
        widget.setFocus()
        qtbot.waitUntil(widget.hasFocus)
        qtbot.keyClick(widget, Qt.Key.Key_Delete)
    assert fired == []
    assert "reports are deleted in the Losses tab" in view.hover_label.text()


def test_alt_s_and_alt_x_are_the_charts_own_keys(window, archive, qtbot):
    window.charts_tab.action.trigger()
    settle(qtbot, window.runner)
    view = window.charts_tab.view
    assert view is not None
    view.category_list.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    assert view.view_combo.hasFocus()
    # Alt+E and Alt+V stay the menu bar's (Edit, View): the tab's labels do not use them.
    bar = {a.text().replace("&&", "").split("&")[1][:1].lower() for a in window.menuBar().actions()}
    for text in (view.export_button.text(), "&Show:"):
        assert text.split("&")[1][:1].lower() not in bar


def test_the_menu_key_opens_the_cursor_days_menu(chart, qtbot):
    graphics = chart.plot.graphics
    qtbot.keyClick(graphics, Qt.Key.Key_Home)
    qtbot.keyClick(graphics, Qt.Key.Key_Menu)
    menu = chart.point_menu
    assert menu is not None
    assert menu.actions()[0].text() == f"Open the report of {START.isoformat()}"
    menu.close()
