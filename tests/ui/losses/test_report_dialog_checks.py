"""The report dialog's checks are tied to where they belong (a category's row, a line of the
pasted text), and the dialog keeps its layout as checks come and go."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from desktop_app.ui.losses.check_list import LINE, ROW, TARGET_ROLE, unread_lines
from desktop_app.ui.losses.report_dialog import ReportDialog

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")

TODAY = dt.date(2026, 8, 8)
POST = (
    "Загальні бойові втрати противника з 24.02.22 по 08.08.26 орієнтовно склали:\n"
    "танків ‒ 12251 (+4) од,\n"
    "бойових квадроциклів ‒ 17 (+1) од.\n"
    "артилерійських систем ‒ 38004 (+31) од,\n"
    "невідомо що ‒ 5 од."
)


@pytest.fixture
def dialog(qtbot, ctx, archive_db):
    widget = ReportDialog(ctx, date=None, stored=None, articles=[], today=TODAY)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    ctx.settle(qtbot)
    return widget


def entries(dialog):
    items = [dialog.problems_list.item(i) for i in range(dialog.problems_list.count())]
    return [(item.text(), item.data(TARGET_ROLE)) for item in items]


def test_each_unread_line_names_its_line_and_selects_it(dialog, qtbot):
    dialog.paste_box.setPlainText(POST)
    dialog.fill_button.click()
    unread = [(text, target) for text, target in entries(dialog) if target and target[0] == LINE]
    assert unread == [
        ("Line 3 could not be read: бойових квадроциклів ‒ 17 (+1) од.", (LINE, 2)),
        ("Line 5 could not be read: невідомо що ‒ 5 од.", (LINE, 4)),
    ]
    item = dialog.problems_list.item([t for _t, t in entries(dialog)].index((LINE, 4)))
    dialog.problems_list.setFocus()
    dialog.problems_list.setCurrentItem(item)
    qtbot.keyClick(dialog.problems_list, Qt.Key.Key_Return)
    assert dialog.paste_box.hasFocus()
    assert dialog.paste_box.textCursor().selectedText() == "невідомо що ‒ 5 од."


def test_a_problem_of_a_category_names_it_and_goes_to_its_row(dialog, qtbot):
    qtbot.keyClicks(dialog.total_edit("tanks"), "12,25")
    tied = [(text, target) for text, target in entries(dialog) if target]
    assert len(tied) == 1 and tied[0][1] == (ROW, "tanks")
    assert tied[0][0].startswith("Tanks: ")
    dialog.note_edit.setFocus()
    dialog.problems_list.itemActivated.emit(dialog.problems_list.item(0))
    assert dialog.total_edit("tanks").hasFocus()


def test_the_paste_box_and_the_checks_keep_their_place_and_size(dialog, qtbot):
    before = (dialog.paste_box.geometry(), dialog.problems_list.geometry())
    dialog.paste_box.setPlainText(POST)
    dialog.fill_button.click()
    qtbot.keyClicks(dialog.total_edit("aircraft"), "-5")
    qtbot.wait(10)
    assert dialog.problems_list.count() >= 3
    assert (dialog.paste_box.geometry(), dialog.problems_list.geometry()) == before


def test_unread_lines_are_found_in_order_even_when_repeated():
    text = "a\nx\nb\nx"
    assert unread_lines(text, ["x", "x", "zz"]) == [(1, "x"), (3, "x"), (-1, "zz")]
