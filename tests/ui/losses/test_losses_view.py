"""LossesView on a real archive: lazy chart, category and row selection, entering reports."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter

from desktop_app.core.report import Figure, LossReport
from desktop_app.storage.reports import category_series, load_report, save_report
from desktop_app.ui.losses.losses_view import LossesView
from tests.conftest import PROJECT_ROOT

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")

TODAY = dt.date(2023, 6, 1)
START = dt.date(2023, 5, 1)


@pytest.fixture
def seeded(archive_db):
    for i in range(20):
        figures = {"tanks": Figure(3_700 + 5 * i), "aircraft": Figure(300 + i // 5)}
        if i >= 10:
            figures["personnel"] = Figure(200_000 + 500 * i, 500)
        save_report(LossReport(START + dt.timedelta(days=i), figures))
    return archive_db


def make_view(qtbot, ctx) -> LossesView:
    widget = LossesView(ctx, today=TODAY)
    qtbot.addWidget(widget)
    widget.resize(1100, 800)
    with qtbot.waitSignal(widget.model.loaded):
        widget.refresh()
    return widget


@pytest.fixture
def view(qtbot, seeded, ctx):
    return make_view(qtbot, ctx)


def test_importing_the_view_does_not_import_pyqtgraph():
    code = (
        "import sys, desktop_app.ui.losses.losses_view, desktop_app.ui.losses.report_table_model; "
        "print('pyqtgraph' in sys.modules, 'numpy' in sys.modules)"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.split() == ["False", "False"]


def test_chart_is_built_just_after_the_view_is_first_shown(qtbot, view):
    assert view._chart is None
    view.show()
    # Not in the show itself: the tab and its table are painted before the chart's 35-60 ms.
    assert view._chart is None
    qtbot.waitUntil(lambda: view._chart is not None and view._chart.plot_widget.isVisible())
    assert view.chart.key == view.current_key() == "personnel"
    assert isinstance(view.splitter, QSplitter)
    assert view.splitter.count() == 2


def test_combo_lists_categories_with_data_in_registry_order(view):
    combo = view.category_combo
    assert [combo.itemData(i) for i in range(combo.count())] == ["personnel", "tanks", "aircraft"]
    assert [combo.itemText(i) for i in range(combo.count())] == ["Personnel", "Tanks", "Aircraft"]


def test_changing_the_category_charts_it(view):
    view.category_combo.setCurrentIndex(view.category_combo.findData("aircraft"))
    _, y = view.chart.total_curve.getData()
    assert y.tolist() == [p.total for p in category_series("aircraft")]
    assert view.chart.key == "aircraft"


def test_selecting_a_row_marks_its_date_on_the_chart(view):
    view.category_combo.setCurrentIndex(view.category_combo.findData("tanks"))
    date = START + dt.timedelta(days=4)
    view.table.selectRow(view.model.row_of(date))
    assert view.selected_date() == date
    assert view.chart.hover_label.text() == "2023-05-05 (day 436) · Tanks: 3,720 · change +5"


def test_selecting_a_cell_of_another_category_switches_the_chart(view):
    row = view.model.row_of(START + dt.timedelta(days=12))
    view.table.setCurrentIndex(view.model.index(row, view.model.column_of("personnel")))
    assert view.category_combo.currentData() == "personnel"
    assert view.chart.hover_label.text().startswith("2023-05-13 (day 444) · Personnel: 206,000")


def test_saving_a_new_report_shows_it_in_table_and_chart(qtbot, view):
    view.category_combo.setCurrentIndex(view.category_combo.findData("tanks"))
    view.show()  # a hidden view only notes that it must read again when next shown
    qtbot.waitExposed(view)
    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    dialog = view.dialog
    assert dialog is not None and dialog.isVisible()
    date = START + dt.timedelta(days=20)
    dialog.date_edit.setDate(date)
    qtbot.keyClicks(dialog.total_edit("tanks"), "3801")
    qtbot.keyClicks(dialog.change_edit("tanks"), "+6")
    with qtbot.waitSignal(view.reportSaved) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.selected_date() == date)

    assert saved.args == [date]
    assert load_report(date).figures == {"tanks": Figure(3_801, 6)}
    assert view.model.date_at(0) == date
    assert view.model.index(0, view.model.column_of("tanks")).data() == "3,801 (+6)"
    assert view.selected_date() == date
    _, y = view.chart.total_curve.getData()
    assert y[-1] == 3_801 and len(y) == 21
    _, heights = view.chart.change_bars.getData()
    assert heights[-1] == 3_801 - 3_795


def test_double_clicking_a_row_edits_that_report(qtbot, view):
    view.show()
    qtbot.waitExposed(view)
    date = START + dt.timedelta(days=3)
    index = view.model.index(view.model.row_of(date), 0)
    view.table.scrollTo(index)
    rect = view.table.visualRect(index)
    # QTest's double-click sends no press first; item views want the press on the same cell.
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: view.dialog is not None and view.dialog.isVisible())
    dialog = view.dialog
    assert dialog.windowTitle() == "Edit report"
    assert dialog.current_date() == date
    assert dialog.total_edit("tanks").text() == "3,715"
    with qtbot.waitSignal(dialog.rejected):
        dialog.reject()  # nothing was typed: it closes without asking


def test_refresh_keeps_category_and_selection(qtbot, view):
    view.category_combo.setCurrentIndex(view.category_combo.findData("aircraft"))
    date = START + dt.timedelta(days=7)
    view.table.selectRow(view.model.row_of(date))
    save_report(LossReport(START + dt.timedelta(days=25), {"tanks": Figure(3_900)}))
    with qtbot.waitSignal(view.model.loaded):
        view.refresh()
    assert view.model.date_at(0) == START + dt.timedelta(days=25)
    assert view.category_combo.currentData() == "aircraft"
    assert view.selected_date() == date


def test_an_empty_archive_shows_an_empty_view(qtbot, ctx):
    widget = make_view(qtbot, ctx)
    assert widget.category_combo.count() == 0
    assert widget.model.rowCount() == 0
    # Where reports come from, not "for this category": there is none to choose.
    assert widget.chart.hover_label.text().startswith("No loss reports yet. Import a dataset")


def test_a_hidden_view_reads_the_changes_when_it_is_shown_again(qtbot, view, ctx):
    from desktop_app.services.changes import Changes

    view.show()
    qtbot.waitExposed(view)
    view.hide()
    save_report(LossReport(START + dt.timedelta(days=25), {"tanks": Figure(3_900)}))
    ctx.runner.changed.emit(Changes(reports=True))
    ctx.settle(qtbot)
    assert view.model.row_of(START + dt.timedelta(days=25)) is None  # not read while hidden
    with qtbot.waitSignal(view.model.loaded):
        view.show()
    assert view.model.row_of(START + dt.timedelta(days=25)) == 0


def test_a_refresh_keeps_the_scroll_position_and_the_widths_the_user_set(qtbot, view, ctx):
    from desktop_app.services.changes import Changes

    view.resize(900, 300)
    view.show()
    qtbot.waitExposed(view)
    date = START + dt.timedelta(days=9)
    row = view.model.row_of(date)
    view.select_date(date)
    view.table.setColumnWidth(view.model.column_of("tanks"), 240)
    bar = view.table.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() >= row)
    # The selected row at the top: merely keeping it visible would scroll elsewhere.
    bar.setValue(row)
    kept = bar.value()
    # An edit of an older report: same columns, same newest report.
    save_report(LossReport(START + dt.timedelta(days=5), {"tanks": Figure(3_726)}))
    with qtbot.waitSignal(view.model.loaded):
        ctx.runner.changed.emit(Changes(reports=True))
    assert bar.value() == kept
    assert view.selected_date() == date
    assert view.table.columnWidth(view.model.column_of("tanks")) == 240


def test_columns_fit_the_widest_figure(qtbot, view):
    view.show()
    qtbot.waitExposed(view)
    column = view.model.column_of("personnel")
    widest = max(
        view.table.fontMetrics().horizontalAdvance(view.model.index(r, column).data() or "")
        for r in range(view.model.rowCount())
    )
    assert view.table.columnWidth(column) > widest


def test_a_change_to_items_alone_does_not_read_the_table_again(qtbot, view, ctx, monkeypatch):
    from desktop_app.services.changes import Changes

    view.show()
    qtbot.waitExposed(view)
    reads: list[str] = []
    original = ctx.runner.read
    monkeypatch.setattr(
        ctx.runner, "read", lambda name, fn, **kw: reads.append(name) or original(name, fn, **kw)
    )
    ctx.runner.changed.emit(Changes(items=True, tags=True, item_ids=frozenset({1})))
    ctx.runner.changed.emit(Changes(flags=True))
    assert reads == []
    ctx.runner.changed.emit(Changes(items=True, reports=True))
    assert reads == ["report table"]
    ctx.settle(qtbot)


def test_a_read_only_archive_offers_no_new_report_and_deletes_nothing(qtbot, seeded, ctx):
    ctx.read_only = True
    view = make_view(qtbot, ctx)
    view.show()
    qtbot.waitExposed(view)
    assert not view.new_button.isEnabled()
    date = START + dt.timedelta(days=3)
    view.select_date(date)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert view.delete_box is None
    assert ctx.statuses == ["The archive is open read-only: nothing can be deleted."]
    view.open_report_dialog(date)
    qtbot.waitUntil(lambda: view.dialog is not None)
    ctx.settle(qtbot)
    assert not view.dialog.save_button.isEnabled()
    assert load_report(date) is not None


def test_a_row_its_category_did_not_report_is_said_so_on_the_chart(qtbot, view):
    # Personnel were reported from the 11th on: moving down (older) from the 11th reaches a
    # day without them, and the chart must not keep showing the 11th.
    view.show()
    qtbot.waitUntil(lambda: view._chart is not None)
    first = START + dt.timedelta(days=10)
    view.table.setCurrentIndex(
        view.model.index(view.model.row_of(first), view.model.column_of("personnel"))
    )
    assert view.chart.hover_label.text().startswith("2023-05-11 (day 442) · Personnel: 205,000")
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Down)
    assert view.selected_date() == first - dt.timedelta(days=1)
    assert view.chart.hover_label.text() == "2023-05-10 (day 441) · Personnel: not reported"
    assert not view.chart._cross_x_top.isVisible()
