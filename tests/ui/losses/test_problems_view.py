"""The Data problems dock in the real window: listing, refreshing, opening a report."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from desktop_app.core.report import Figure, LossReport
from desktop_app.storage.reports import save_report
from desktop_app.ui.app.main_window import LOSSES_TAB, MainWindow
from tests.ui.conftest import settle

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")

START = dt.date(2023, 5, 1)


@pytest.fixture
def problem_reports(archive_db):
    save_report(LossReport(START, {"tanks": Figure(3_700)}))
    save_report(LossReport(START + dt.timedelta(days=1), {"tanks": Figure(3_698, 5)}))
    save_report(LossReport(START + dt.timedelta(days=4), {"tanks": Figure(3_710)}))
    return archive_db


def rows(window: MainWindow) -> list[list[str]]:
    tree = window.problems_dock.view.tree
    return [
        [tree.topLevelItem(i).text(c) for c in range(4)] for i in range(tree.topLevelItemCount())
    ]


def show_dock(qtbot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert window.problems_dock.toggleViewAction().shortcut().toString() == "Ctrl+4"
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.problems_dock.isVisible)
    settle(qtbot, window.runner)  # the list is read on the read lane


def test_ctrl_4_shows_every_problem(qtbot, window: MainWindow, problem_reports):
    assert not window.problems_dock.isVisible()
    show_dock(qtbot, window)
    assert rows(window) == [
        [
            "2023-05-02",
            "total decreased",
            "Tanks",
            "Tanks: total fell from 3,700 on 2023-05-01 to 3,698",
        ],
        [
            "2023-05-02",
            "stated ≠ derived change",
            "Tanks",
            "Tanks: stated change +5 but totals differ by −2",
        ],
        ["2023-05-03", "missing days", "", "no report for 2023-05-03 to 2023-05-04 (2 days)"],
    ]
    assert window.problems_dock.view.summary.text().startswith("3 problems found.")


def test_the_list_follows_saves_and_undo(qtbot, window: MainWindow, problem_reports):
    show_dock(qtbot, window)
    view = window.ensure_losses_view()
    view.open_report_dialog(START + dt.timedelta(days=1))
    qtbot.waitUntil(lambda: view.dialog is not None)
    dialog = view.dialog
    dialog.total_edit("tanks").setText("3,705")
    assert dialog.save()
    settle(qtbot, window.runner)
    assert [r[1] for r in rows(window)] == ["missing days"]
    window.undo_stack.undo()
    settle(qtbot, window.runner)
    assert len(rows(window)) == 3


def test_the_list_follows_another_programs_writes(qtbot, window: MainWindow, problem_reports):
    show_dock(qtbot, window)
    # The runner's poll has taken its first look at the archive's data_version.
    qtbot.waitUntil(lambda: window.runner._data_version is not None, timeout=5000)
    # Another connection (the test's, as another program would) fills the gap.
    for day in (2, 3):
        save_report(LossReport(START + dt.timedelta(days=day), {"tanks": Figure(3_700 + day)}))
    qtbot.waitUntil(lambda: "missing days" not in [r[1] for r in rows(window)], timeout=10000)
    assert len(rows(window)) == 2


def test_activating_a_problem_opens_its_report(qtbot, window: MainWindow, problem_reports):
    show_dock(qtbot, window)
    tree = window.problems_dock.view.tree
    tree.setFocus()
    tree.setCurrentItem(tree.topLevelItem(0))
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    settle(qtbot, window.runner)
    assert window.tabs.currentIndex() == LOSSES_TAB
    losses = window.ensure_losses_view()
    assert losses.selected_date() == START + dt.timedelta(days=1)
    assert losses.table.hasFocus()  # Delete and Enter now act on the report
    # A missing day has no report: the report after the gap is opened.
    item = tree.topLevelItem(2)
    tree.itemActivated.emit(item, 0)
    settle(qtbot, window.runner)
    assert losses.selected_date() == START + dt.timedelta(days=4)


def test_an_archive_without_problems_says_so(qtbot, window: MainWindow, archive_db):
    show_dock(qtbot, window)
    assert rows(window) == []
    assert window.problems_dock.view.summary.text() == "No problems found."
