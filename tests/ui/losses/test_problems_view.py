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
    """The problems' rows, group by group (each group holds one kind)."""
    return [[item.text(c) for c in range(4)] for item in window.problems_dock.view.problem_rows()]


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
    groups = window.problems_dock.view.tree
    assert [groups.topLevelItem(i).text(0) for i in range(groups.topLevelItemCount())] == [
        "total decreased (1)",
        "stated ≠ derived change (1)",
        "missing days (1)",
    ]


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


def test_a_change_told_during_a_failed_read_is_read(
    qtbot, window: MainWindow, problem_reports
) -> None:
    """A read that fails (a figure stored in a form this program never writes) while a
    change is told is followed by the read that change asked for."""
    from pathlib import Path

    from tests.ui.failed_reads import fail_then_mend

    show_dock(qtbot, window)
    window.runner._poll.stop()  # the change is told below, as the window's own saves are
    errors: list[str] = []
    view = window.problems_dock.view
    view.ctx.show_message = lambda kind, text: errors.append(text)  # type: ignore[method-assign]
    day = START + dt.timedelta(days=1)
    path = Path(str(problem_reports.database))
    fail_then_mend(window.runner, path, day, 3_705, view.refresh, view.refresh, category=None)
    qtbot.waitUntil(lambda: bool(errors), timeout=10_000)
    qtbot.waitUntil(lambda: [r[1] for r in rows(window)] == ["missing days"], timeout=10_000)


def test_activating_a_problem_opens_its_report(qtbot, window: MainWindow, problem_reports):
    show_dock(qtbot, window)
    tree = window.problems_dock.view.tree
    tree.setFocus()
    tree.setCurrentItem(window.problems_dock.view.problem_rows()[0])
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    settle(qtbot, window.runner)
    assert window.tabs.currentIndex() == LOSSES_TAB
    losses = window.ensure_losses_view()
    assert losses.selected_date() == START + dt.timedelta(days=1)
    assert losses.table.hasFocus()  # Delete and Enter now act on the report
    # A missing day has no report: the report after the gap is opened.
    item = window.problems_dock.view.problem_rows()[2]
    tree.itemActivated.emit(item, 0)
    settle(qtbot, window.runner)
    assert losses.selected_date() == START + dt.timedelta(days=4)


def test_an_archive_without_problems_says_so(qtbot, window: MainWindow, archive_db):
    show_dock(qtbot, window)
    assert rows(window) == []
    assert window.problems_dock.view.summary.text() == "No problems found."


def test_the_filter_keeps_matching_problems_and_counts_them(
    qtbot, window: MainWindow, problem_reports
):
    show_dock(qtbot, window)
    view = window.problems_dock.view
    qtbot.keyClicks(view.filter_edit, "05-02")
    shown = [item.text(1) for item in view.problem_rows() if not item.isHidden()]
    assert shown == ["total decreased", "stated ≠ derived change"]
    gap = view.groups["gap"]
    assert gap.isHidden()
    view.filter_edit.setText("tanks stated")
    assert view.groups["change_mismatch"].text(0) == "stated ≠ derived change (1)"
    assert view.groups["decrease"].isHidden()


def test_the_dock_takes_a_quarter_of_the_window(qtbot, window: MainWindow, problem_reports):
    window.resize(1280, 800)
    show_dock(qtbot, window)
    qtbot.wait(20)
    assert window.problems_dock.height() <= window.height() / 3


@pytest.fixture
def problem_article(problem_reports) -> int:
    """An article that published the report of 2 May (saved before the window opens)."""
    from desktop_app.core.item import ARTICLE, ItemData
    from desktop_app.storage.items import save_item
    from desktop_app.storage.reports import link_article

    item = save_item(
        ItemData(ARTICLE, "Losses of 2 May", dt.datetime(2023, 5, 2, 9, tzinfo=dt.UTC))
    )
    link_article(START + dt.timedelta(days=1), item)
    return item


def test_open_article_opens_the_article_of_the_problems_report(
    qtbot, problem_article, window: MainWindow
):
    show_dock(qtbot, window)
    view = window.problems_dock.view
    view.tree.setCurrentItem(view.problem_rows()[2])  # the gap: no report, no article
    assert not view.article_button.isEnabled()
    view.tree.setCurrentItem(view.problem_rows()[0])
    assert view.article_button.isEnabled()
    view.article_button.click()
    qtbot.waitUntil(lambda: window.archive_view.selected_id() == problem_article)
    assert window.tabs.currentIndex() == 0
