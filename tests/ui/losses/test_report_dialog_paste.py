"""ReportDialog filled from pasted texts the way people paste them: one after another, dated
after the dialog's today, with the program's own clock deciding what today is."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QDialog

from desktop_app.core.report import Figure, LossReport
from desktop_app.core.validation import latest_report_date
from desktop_app.storage.reports import load_report, save_report
from desktop_app.ui.losses.report_dialog import REPLACE, ReportDialog
from tests.ui.losses.test_report_dialog import UKRAINIAN_POST

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")

DAY = dt.date(2026, 8, 8)  # the date UKRAINIAN_POST states

# Written for this test: the day after DAY, stating personnel and one daily change only.
NEXT_DAY_NEWS = (
    "Станом на 09.08.2026 Генштаб повідомив: загалом втрати особового складу ворога "
    "сягнули 1 457 660 осіб. За минулу добу росіяни втратили 1 050 осіб і 3 танки."
)


def dialog_on(qtbot, ctx, today: dt.date) -> ReportDialog:
    dialog = ReportDialog(ctx, today=today)
    qtbot.addWidget(dialog)
    ctx.settle(qtbot)
    return dialog


def fill(qtbot, ctx, dialog: ReportDialog, text: str) -> None:
    dialog.paste_box.setPlainText(text)
    dialog.fill_button.click()
    ctx.settle(qtbot)


def test_a_text_dated_after_today_is_not_moved_to_today(qtbot, ctx, archive_db):
    # The field cannot hold a date after today: the text's date used to be cut to today
    # without a word, and the figures of 8 Aug were saved as the report of 7 Aug.
    dialog = dialog_on(qtbot, ctx, today=dt.date(2026, 8, 7))
    fill(qtbot, ctx, dialog, UKRAINIAN_POST)
    assert dialog.total_edit("tanks").text() == "12,251"
    assert "2026-08-08" in dialog.fill_message.text()
    assert dialog.date_edit.property("guess")
    assert "2026-08-08 is in the future" in [
        dialog.problems_list.item(i).text() for i in range(dialog.problems_list.count())
    ]
    assert not dialog.save_button.isEnabled()
    assert dialog.save() is False
    ctx.settle(qtbot)
    assert load_report(dt.date(2026, 8, 7)) is None


def test_setting_the_date_after_a_future_text_allows_saving(qtbot, ctx, archive_db):
    dialog = dialog_on(qtbot, ctx, today=dt.date(2026, 8, 7))
    fill(qtbot, ctx, dialog, UKRAINIAN_POST)
    dialog.date_edit.setDate(dt.date(2026, 8, 6))
    ctx.settle(qtbot)
    assert not dialog.date_edit.property("guess")
    assert dialog.save_button.isEnabled()


@pytest.fixture
def far_west(monkeypatch) -> Iterator[None]:
    """A local clock 23 h 59 min behind UTC (a POSIX zone): Kyiv's day is the next one at
    every moment but the last minute of a UTC day. Then the zone the tests ran in."""
    monkeypatch.setenv("TZ", "WEST+23:59")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_the_dialog_takes_today_in_kyiv_when_it_is_later_than_here(
    qtbot, ctx, archive_db, far_west
):
    # West of Kyiv the local clock still shows the day before while Kyiv's report is out;
    # the importers take that report, the dialog used to refuse its date.
    dialog = ReportDialog(ctx)
    qtbot.addWidget(dialog)
    ctx.settle(qtbot)
    assert dialog.date_edit.maximumDate().toPython() == latest_report_date()
    assert dialog.current_date() == latest_report_date()


def test_a_second_text_of_another_day_leaves_nothing_of_the_first(qtbot, ctx, archive_db):
    # The totals of 8 Aug the second text does not state used to stay, highlighted as filled,
    # and were saved as the report of 9 Aug with "No problems found".
    dialog = dialog_on(qtbot, ctx, today=dt.date(2026, 8, 10))
    fill(qtbot, ctx, dialog, UKRAINIAN_POST)
    assert dialog.current_date() == DAY
    fill(qtbot, ctx, dialog, NEXT_DAY_NEWS)
    assert dialog.current_date() == dt.date(2026, 8, 9)
    assert dialog.total_edit("personnel").text() == "1,457,660"
    assert dialog.change_edit("tanks").text() == "+3"
    assert dialog.total_edit("tanks").text() == ""  # the text states only the change
    assert dialog.total_edit("drones").text() == ""
    assert dialog.change_edit("drones").text() == ""
    assert not dialog.is_highlighted(dialog.total_edit("drones"))
    assert not dialog.save_button.isEnabled()  # tanks: a change without a total


def test_a_second_text_of_the_same_day_adds_to_the_first(qtbot, ctx, archive_db):
    dialog = dialog_on(qtbot, ctx, today=dt.date(2026, 8, 10))
    fill(qtbot, ctx, dialog, UKRAINIAN_POST)
    fill(qtbot, ctx, dialog, "Загальні бойові втрати з 24.02.22 по 08.08.26: танків ‒ 12252 (+5)")
    assert dialog.total_edit("tanks").text() == "12,252"
    assert dialog.total_edit("drones").text() == "449,606"


def test_a_second_text_of_another_day_keeps_what_was_typed(qtbot, ctx, archive_db):
    dialog = dialog_on(qtbot, ctx, today=dt.date(2026, 8, 10))
    fill(qtbot, ctx, dialog, UKRAINIAN_POST)
    dialog.total_edit("drones").clear()
    qtbot.keyClicks(dialog.total_edit("drones"), "450000")
    fill(qtbot, ctx, dialog, NEXT_DAY_NEWS)
    assert dialog.total_edit("drones").text() == "450000"
    assert dialog.total_edit("helicopters").text() == ""


def test_a_report_stored_while_replace_is_asked_is_not_overwritten(
    qtbot, ctx, archive_db, monkeypatch
):
    # Someone saves the day while the user reads "Replace, Merge or Cancel?": Replace used to
    # overwrite their figures, which the user had never seen, without a word.
    save_report(LossReport(DAY, {"tanks": Figure(12_247, 3)}))
    dialog = dialog_on(qtbot, ctx, today=dt.date(2026, 8, 10))
    dialog.date_edit.setDate(DAY)
    qtbot.keyClicks(dialog.total_edit("tanks"), "12251")

    def someone_saves_meanwhile(_stored: LossReport) -> str:
        save_report(LossReport(DAY, {"tanks": Figure(12_249, 5)}))
        return REPLACE

    monkeypatch.setattr(dialog, "_choose_duplicate", someone_saves_meanwhile)
    assert dialog.save() is True
    ctx.settle(qtbot)
    assert load_report(DAY).figures == {"tanks": Figure(12_249, 5)}
    assert dialog.result() != QDialog.DialogCode.Accepted
    box = dialog.error_box
    assert box is not None and box.isVisible()
    assert box.text().startswith("The report of 2026-08-08 was not saved: ")
    assert "was changed by" in box.text() and "nothing was saved" in box.text()
    assert dialog.total_edit("tanks").text() == "12251"
    box.close()
    # Asked again, now about what is stored, Replace saves.
    monkeypatch.setattr(dialog, "_choose_duplicate", lambda _stored: REPLACE)
    assert dialog.save() is True
    ctx.settle(qtbot)
    assert load_report(DAY).figures == {"tanks": Figure(12_251)}
