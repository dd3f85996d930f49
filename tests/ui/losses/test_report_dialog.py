"""ReportDialog on a real archive: live derived changes, filling from text, checks, saving."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from desktop_app.core.report import Figure, LossReport
from desktop_app.storage.reports import load_report, save_report
from desktop_app.ui.losses.report_dialog import (
    CANCEL,
    MERGE,
    REPLACE,
    ReportDialog,
    read_dialog_data,
)
from tests.core.test_report_parser import UA_EXAMPLE

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")

TODAY = dt.date(2026, 8, 9)
DAY = dt.date(2026, 8, 8)
PREVIOUS = dt.date(2026, 8, 7)

# FORMATS.md §2, the official Ukrainian post of 8 Aug 2026.
UKRAINIAN_POST = UA_EXAMPLE


@pytest.fixture
def previous_day(archive_db):
    save_report(
        LossReport(PREVIOUS, {"personnel": Figure(1_455_420, 1_000), "tanks": Figure(12_247, 3)})
    )
    return archive_db


def make_dialog(qtbot, ctx, date: dt.date | None = None) -> ReportDialog:
    """The dialog as the Losses tab opens it: `date`'s stored report read first, if any."""
    stored, articles = read_dialog_data(date) if date is not None else (None, [])
    dialog = ReportDialog(ctx, date=date, stored=stored, articles=articles, today=TODAY)
    qtbot.addWidget(dialog)
    ctx.settle(qtbot)  # the previous report, read on the read lane
    return dialog


def save(qtbot, ctx, dialog: ReportDialog) -> bool:
    """Press Save and wait until the save ended; True when the report was stored."""
    started = dialog.save()
    ctx.settle(qtbot)
    return started and dialog.result() == QDialog.DialogCode.Accepted


def test_new_report_starts_empty_on_today_with_save_disabled(qtbot, ctx, archive_db):
    dialog = make_dialog(qtbot, ctx)
    assert dialog.windowTitle() == "New report"
    assert dialog.current_date() == TODAY
    assert dialog.day_label.text() == "day 1,628 of the war"
    assert all(dialog.total_edit(k).text() == "" for k in dialog.row_keys())
    assert not dialog.save_button.isEnabled()
    assert "Enter at least one total." in [
        dialog.problems_list.item(i).text() for i in range(dialog.problems_list.count())
    ]


def test_date_is_limited_to_the_war_up_to_today(qtbot, ctx, archive_db):
    dialog = make_dialog(qtbot, ctx)
    assert dialog.date_edit.minimumDate().toPython() == dt.date(2022, 2, 24)
    assert dialog.date_edit.maximumDate().toPython() == TODAY
    assert dialog.date_edit.calendarPopup()


def test_rows_cover_current_categories_but_not_legacy_ones(qtbot, ctx, archive_db):
    dialog = make_dialog(qtbot, ctx)
    assert "ground_robots" in dialog.row_keys()
    assert "military_vehicles" not in dialog.row_keys()


def test_previous_report_total_is_shown(qtbot, ctx, previous_day):
    dialog = make_dialog(qtbot, ctx, date=DAY)
    assert dialog.previous_label("tanks").text() == "12,247"
    assert dialog.previous_label("mlrs").text() == "—"


def test_typing_a_total_updates_the_derived_change(qtbot, ctx, previous_day):
    dialog = make_dialog(qtbot, ctx, date=DAY)
    qtbot.keyClicks(dialog.total_edit("tanks"), "12251")
    assert dialog.derived_label("tanks").text() == "+4"
    qtbot.keyClicks(dialog.total_edit("tanks"), "0")
    assert dialog.derived_label("tanks").text() == "+110,263"


def test_fill_from_the_official_ukrainian_post_sets_every_field(qtbot, ctx, previous_day):
    dialog = make_dialog(qtbot, ctx)
    dialog.paste_box.setPlainText(UKRAINIAN_POST)
    qtbot.mouseClick(dialog.fill_button, Qt.MouseButton.LeftButton)
    assert dialog.current_date() == DAY
    assert dialog.qualifier_combo.currentData() == "about"
    assert dialog.total_edit("personnel").text() == "1,456,610"
    assert dialog.change_edit("personnel").text() == "+1,190"
    assert dialog.total_edit("ground_robots").text() == "2,162"
    assert dialog.change_edit("aircraft").text() == "+0"
    assert dialog.derived_label("tanks").text() == "+4"
    assert dialog.is_highlighted(dialog.total_edit("drones"))
    assert not dialog.is_highlighted(dialog.total_edit("srbm_launchers"))
    assert dialog.fill_message.text() == "Filled 15 figures from the text."
    assert dialog.save_button.isEnabled()


def test_editing_a_filled_field_removes_its_highlight(qtbot, ctx, archive_db):
    dialog = make_dialog(qtbot, ctx)
    dialog.paste_box.setPlainText(UKRAINIAN_POST)
    dialog.fill_button.click()
    qtbot.keyClicks(dialog.total_edit("tanks"), "1")
    assert not dialog.is_highlighted(dialog.total_edit("tanks"))


def test_fill_reports_why_a_text_holds_no_report(qtbot, ctx, archive_db):
    dialog = make_dialog(qtbot, ctx)
    dialog.paste_box.setPlainText("Air defense downs 14 of 20 drones overnight.")
    dialog.fill_button.click()
    assert dialog.fill_message.text().startswith("No report found: ")
    assert dialog.total_edit("drones").text() == ""


def test_fill_lists_the_lines_the_parser_could_not_read(qtbot, ctx, archive_db):
    dialog = make_dialog(qtbot, ctx)
    dialog.paste_box.setPlainText(
        "Загальні бойові втрати противника з 24.02.22 по 08.08.26 орієнтовно склали: "
        "танків ‒ 12251 (+4) од, бойових квадроциклів ‒ 17 (+1) од."
    )
    dialog.fill_button.click()
    assert dialog.total_edit("tanks").text() == "12,251"
    assert "1 line could not be read: see Checks." in dialog.fill_message.text()
    entries = [dialog.problems_list.item(i).text() for i in range(dialog.problems_list.count())]
    assert "Line 1 could not be read: бойових квадроциклів ‒ 17 (+1) од." in entries


def test_negative_total_disables_save(qtbot, ctx, archive_db):
    dialog = make_dialog(qtbot, ctx, date=DAY)
    qtbot.keyClicks(dialog.total_edit("tanks"), "-5")
    assert not dialog.save_button.isEnabled()
    assert "error" in dialog.problems_label.text()
    assert dialog.save() is False
    ctx.settle(qtbot)
    assert load_report(DAY) is None


@pytest.mark.parametrize("typed", ["2o10", "12251.5", "3O3", "12,25"])
def test_a_figure_typed_with_a_letter_or_a_decimal_point_is_an_error(qtbot, ctx, archive_db, typed):
    # Never read through the letter or the point: "2o10" is not 210, "12251.5" not 122,515.
    dialog = make_dialog(qtbot, ctx, date=DAY)
    qtbot.keyClicks(dialog.total_edit("tanks"), typed)
    assert not dialog.save_button.isEnabled()
    assert typed in dialog.problems_label.text() or "error" in dialog.problems_label.text()
    assert dialog.save() is False
    ctx.settle(qtbot)
    assert load_report(DAY) is None


def test_a_change_without_a_total_is_an_error(qtbot, ctx, archive_db):
    dialog = make_dialog(qtbot, ctx, date=DAY)
    qtbot.keyClicks(dialog.total_edit("personnel"), "1000")
    qtbot.keyClicks(dialog.change_edit("tanks"), "+4")
    assert not dialog.save_button.isEnabled()


def test_a_decrease_is_a_warning_that_still_allows_save(qtbot, ctx, previous_day):
    dialog = make_dialog(qtbot, ctx, date=DAY)
    qtbot.keyClicks(dialog.total_edit("tanks"), "12240")
    assert dialog.save_button.isEnabled()
    messages = [dialog.problems_list.item(i).text() for i in range(dialog.problems_list.count())]
    assert messages == ["Tanks: total fell from 12,247 on 2026-08-07 to 12,240"]
    assert not dialog.problems_list.item(0).icon().isNull()
    assert dialog.problems_label.text().startswith("1 warning:")


def test_save_stores_the_report_and_accepts(qtbot, ctx, previous_day):
    dialog = make_dialog(qtbot, ctx)
    dialog.paste_box.setPlainText(UKRAINIAN_POST)
    dialog.fill_button.click()
    dialog.note_edit.setText("Дані уточнюються")
    with qtbot.waitSignal(dialog.reportSaved) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert saved.args == [DAY]
    assert dialog.result() == QDialog.DialogCode.Accepted
    stored = load_report(DAY)
    assert stored is not None
    assert stored.qualifier == "about"
    assert stored.note == "Дані уточнюються"
    assert stored.figures["personnel"] == Figure(1_456_610, 1_190)
    assert stored.figures["submarines"] == Figure(2, 0)
    assert len(stored.figures) == 15


def test_duplicate_date_cancel_leaves_the_stored_report_unchanged(
    qtbot, ctx, previous_day, monkeypatch
):
    asked: list[bool] = []
    dialog = make_dialog(qtbot, ctx)  # a new report, for a date already stored
    dialog.date_edit.setDate(PREVIOUS)
    monkeypatch.setattr(dialog, "_choose_duplicate", lambda _stored: asked.append(True) or CANCEL)
    qtbot.keyClicks(dialog.total_edit("tanks"), "99")
    ctx.settle(qtbot)  # what is stored for the date just picked
    assert "already stored" in dialog.problems_label.text()
    assert save(qtbot, ctx, dialog) is False
    assert asked == [True]
    assert dialog.save_button.isEnabled()  # the user may change the date and save again
    assert load_report(PREVIOUS).figures == {
        "personnel": Figure(1_455_420, 1_000),
        "tanks": Figure(12_247, 3),
    }
    assert dialog.result() != QDialog.DialogCode.Accepted


def test_duplicate_date_replaces_when_confirmed(qtbot, ctx, previous_day, monkeypatch):
    dialog = make_dialog(qtbot, ctx)
    dialog.date_edit.setDate(PREVIOUS)
    monkeypatch.setattr(dialog, "_choose_duplicate", lambda _stored: REPLACE)
    qtbot.keyClicks(dialog.total_edit("tanks"), "12250")
    assert save(qtbot, ctx, dialog) is True
    assert load_report(PREVIOUS).figures == {"tanks": Figure(12_250)}


def test_editing_a_stored_report_saves_without_asking(qtbot, ctx, previous_day, monkeypatch):
    dialog = make_dialog(qtbot, ctx, date=PREVIOUS)
    assert dialog.windowTitle() == "Edit report"
    assert dialog.date_edit.isReadOnly()
    assert dialog.total_edit("tanks").text() == "12,247"
    assert dialog.change_edit("tanks").text() == "+3"
    monkeypatch.setattr(dialog, "_choose_duplicate", lambda _s: pytest.fail("must not ask"))
    dialog.change_edit("tanks").clear()
    assert save(qtbot, ctx, dialog) is True
    assert load_report(PREVIOUS).figures["tanks"] == Figure(12_247, None)


def test_legacy_categories_appear_when_the_report_has_them(qtbot, ctx, archive_db):
    date = dt.date(2022, 4, 20)
    save_report(LossReport(date, {"military_vehicles": Figure(1_500, 10)}))
    dialog = make_dialog(qtbot, ctx, date=date)
    assert "military_vehicles" in dialog.row_keys()
    assert dialog.total_edit("military_vehicles").text() == "1,500"


def test_ctrl_return_saves_and_escape_cancels(qtbot, ctx, archive_db):
    dialog = make_dialog(qtbot, ctx, date=DAY)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.total_edit("tanks"), "12251")
    dialog.total_edit("tanks").setFocus()
    # Sent to the window, as the platform would: shortcuts are resolved at that level.
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(
            dialog.windowHandle(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
        )
    assert load_report(DAY).figures == {"tanks": Figure(12_251)}

    other = make_dialog(qtbot, ctx, date=PREVIOUS)
    other.show()
    qtbot.waitExposed(other)
    qtbot.keyClicks(other.total_edit("tanks"), "1")
    qtbot.keyClick(other.total_edit("tanks"), Qt.Key.Key_Escape)
    # A figure was typed: Esc asks before throwing it away.
    qtbot.waitUntil(lambda: other.discard_box is not None and other.discard_box.isVisible())
    discard = next(b for b in other.discard_box.buttons() if b.text() == "&Discard")
    with qtbot.waitSignal(other.rejected):
        qtbot.mouseClick(discard, Qt.MouseButton.LeftButton)
    assert load_report(PREVIOUS) is None


def test_plain_return_in_a_field_does_not_save(qtbot, ctx, archive_db):
    dialog = make_dialog(qtbot, ctx, date=DAY)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.total_edit("tanks"), "12251")
    dialog.total_edit("tanks").setFocus()
    qtbot.keyClick(dialog.windowHandle(), Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert load_report(DAY) is None


def test_duplicate_date_merge_keeps_stored_figures_the_new_report_does_not_state(
    qtbot, ctx, previous_day, monkeypatch
):
    dialog = make_dialog(qtbot, ctx)
    dialog.date_edit.setDate(PREVIOUS)
    monkeypatch.setattr(dialog, "_choose_duplicate", lambda _stored: MERGE)
    qtbot.keyClicks(dialog.total_edit("tanks"), "12250")
    qtbot.keyClicks(dialog.total_edit("mlrs"), "2000")
    assert save(qtbot, ctx, dialog) is True
    assert load_report(PREVIOUS).figures == {
        "personnel": Figure(1_455_420, 1_000),
        "tanks": Figure(12_250),
        "mlrs": Figure(2_000),
    }


def test_the_duplicate_question_offers_replace_merge_and_cancel(
    qtbot, ctx, previous_day, monkeypatch
):
    from PySide6.QtWidgets import QMessageBox

    seen: list[list[str]] = []

    def answer(box: QMessageBox) -> int:
        seen.append([b.text() for b in box.buttons()])
        merge = next(b for b in box.buttons() if b.text() == "&Merge")
        merge.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    dialog = make_dialog(qtbot, ctx)
    dialog.date_edit.setDate(PREVIOUS)
    assert dialog._choose_duplicate(load_report(PREVIOUS)) == MERGE
    assert sorted(b.replace("&", "") for b in seen[0]) == ["Cancel", "Merge", "Replace"]


def test_a_row_with_a_decrease_shows_a_warning_icon_with_the_reason(qtbot, ctx, previous_day):
    dialog = make_dialog(qtbot, ctx, date=DAY)
    assert dialog.warning_label("tanks").pixmap().isNull()
    qtbot.keyClicks(dialog.total_edit("tanks"), "12240")
    icon = dialog.warning_label("tanks")
    assert not icon.pixmap().isNull()
    assert icon.toolTip() == "Tanks: total fell from 12,247 on 2026-08-07 to 12,240"
    assert dialog.warning_label("personnel").toolTip() == ""


def test_a_stated_change_the_totals_contradict_shows_a_warning_icon(qtbot, ctx, previous_day):
    dialog = make_dialog(qtbot, ctx, date=DAY)
    qtbot.keyClicks(dialog.total_edit("tanks"), "12251")
    qtbot.keyClicks(dialog.change_edit("tanks"), "+9")
    assert dialog.derived_label("tanks").text() == "+4"
    assert dialog.derived_label("tanks").font().bold()
    assert "stated change +9 but totals differ by +4" in dialog.warning_label("tanks").toolTip()
    dialog.change_edit("tanks").setText("+4")
    assert dialog.warning_label("tanks").pixmap().isNull()


def test_editing_a_report_lists_linked_articles_and_their_mismatches(qtbot, ctx, previous_day):
    from desktop_app.core.item import ARTICLE, ItemData
    from desktop_app.storage.items import save_item

    published = dt.datetime(2026, 8, 8, 9, 0, tzinfo=dt.UTC)
    body = UKRAINIAN_POST.replace("12251 (+4)", "12259 (+12)")
    item_id = save_item(ItemData(ARTICLE, "Losses on 8 August", published, body=body))
    save_report(LossReport(DAY, {"tanks": Figure(12_251, 4)}), article_id=item_id)
    dialog = make_dialog(qtbot, ctx, date=DAY)
    texts = [dialog.articles_list.item(i).text() for i in range(dialog.articles_list.count())]
    assert texts[0] == "Losses on 8 August"
    assert "Tanks: “Losses on 8 August” states 12,259, the report 12,251" in texts
    assert "Personnel: “Losses on 8 August” states 1,456,610, the report has no figure" in texts
    assert not dialog.articles_list.isHidden()


def test_a_new_report_shows_no_linked_articles(qtbot, ctx, archive_db):
    dialog = make_dialog(qtbot, ctx)
    assert dialog.articles_list.isHidden()


def test_closing_an_empty_new_report_asks_nothing(qtbot, ctx, archive_db):
    dialog = make_dialog(qtbot, ctx)
    dialog.show()
    qtbot.waitExposed(dialog)
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(dialog.total_edit("tanks"), Qt.Key.Key_Escape)
    assert dialog.discard_box is None


@pytest.mark.parametrize("what", ["typed", "pasted"])
def test_closing_a_new_report_with_figures_asks_and_keep_editing_keeps_them(
    qtbot, ctx, archive_db, what
):
    dialog = make_dialog(qtbot, ctx, date=DAY)
    dialog.show()
    qtbot.waitExposed(dialog)
    if what == "typed":
        qtbot.keyClicks(dialog.total_edit("tanks"), "12251")
    else:
        dialog.paste_box.setPlainText(UKRAINIAN_POST)
    rejected: list[bool] = []
    dialog.rejected.connect(lambda: rejected.append(True))
    qtbot.mouseClick(
        dialog.buttons.button(dialog.buttons.StandardButton.Cancel), Qt.MouseButton.LeftButton
    )
    box = dialog.discard_box
    assert box is not None and box.isVisible()
    assert box.text() == "Discard this report?"
    keep = next(b for b in box.buttons() if b.text() == "&Keep editing")
    qtbot.mouseClick(keep, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.discard_box is None)
    assert dialog.isVisible() and rejected == []
    if what == "typed":
        assert dialog.total_edit("tanks").text() == "12251"
    else:
        assert dialog.paste_box.toPlainText() == UKRAINIAN_POST


def test_closing_an_edit_asks_only_when_something_was_changed(qtbot, ctx, previous_day):
    dialog = make_dialog(qtbot, ctx, date=PREVIOUS)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert not dialog.has_input()  # the stored figures are not "typed"
    dialog.total_edit("tanks").setText("12,250")
    assert dialog.has_input()
    dialog.close()
    assert dialog.isVisible() and dialog.discard_box is not None
    discard = next(b for b in dialog.discard_box.buttons() if b.text() == "&Discard")
    with qtbot.waitSignal(dialog.rejected):
        discard.click()
    assert load_report(PREVIOUS).figures["tanks"] == Figure(12_247, 3)


def test_a_save_the_archive_refuses_says_why_and_keeps_the_dialog_and_figures(
    qtbot, ctx, archive_db, tmp_path
):
    import sqlite3

    from desktop_app.storage.db.models import database_proxy

    # Another program holds the archive's write lock; the window waits 0.1 s, not 5 s.
    ctx.runner.write("busy timeout", lambda: database_proxy.execute_sql("PRAGMA busy_timeout=100"))
    ctx.settle(qtbot)
    other = sqlite3.connect(tmp_path / "archive.sqlite", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        dialog = make_dialog(qtbot, ctx, date=DAY)
        dialog.show()
        qtbot.waitExposed(dialog)
        qtbot.keyClicks(dialog.total_edit("tanks"), "12251")
        assert dialog.save() is True
        assert dialog.saving and not dialog.save_button.isEnabled()
        dialog.reject()  # Esc while the write runs: the dialog waits for its outcome
        ctx.settle(qtbot)
        assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
        box = dialog.error_box
        assert box is not None and box.isVisible()
        assert box.text().startswith("The report of 2026-08-08 was not saved: ")
        assert "another program is writing to the archive" in box.text()
        assert dialog.total_edit("tanks").text() == "12251"
        assert dialog.save_button.isEnabled()
        assert ctx.undo_stack.count() == 0
    finally:
        other.rollback()
        other.close()
    box.close()
    assert load_report(DAY) is None
    # Once the other program let go, the same figures save.
    assert save(qtbot, ctx, dialog) is True
    assert load_report(DAY).figures == {"tanks": Figure(12_251)}
    assert ctx.undo_stack.count() == 1
    assert ctx.undo_stack.undoText() == "save report 2026-08-08"


def test_a_text_without_a_date_leaves_the_date_a_marked_guess(qtbot, ctx, archive_db):
    dialog = make_dialog(qtbot, ctx)
    dialog.paste_box.setPlainText(
        "Over the past day the army lost 910 soldiers. Russia has also lost 12,200 tanks"
        " since the invasion began."
    )
    dialog.fill_button.click()
    assert dialog.current_date() == TODAY  # kept, never guessed from the text
    assert dialog.date_edit.property("guess") is True
    assert "the date above is a guess" in dialog.fill_message.text()
    dialog.date_edit.setDate(dialog.date_edit.date().addDays(-1))
    assert dialog.date_edit.property("guess") is False


def test_a_change_stated_alone_fills_only_the_change_and_says_so(qtbot, ctx, archive_db):
    dialog = make_dialog(qtbot, ctx)
    dialog.paste_box.setPlainText(
        "The General Staff reported on Aug. 8, 2026 that over the past day Russia lost 5 tanks"
        " and 1,020 soldiers."
    )
    dialog.fill_button.click()
    assert dialog.current_date() == DAY
    assert dialog.change_edit("tanks").text() == "+5"
    assert dialog.total_edit("tanks").text() == ""
    assert "only the day's change" in dialog.fill_message.text()
    # Pointing at a filled field shows the words it was read from.
    assert dialog.change_edit("tanks").toolTip() == "Read from: “5 tanks”"


def test_an_undated_text_is_dated_from_the_archive_when_one_day_matches(qtbot, ctx, previous_day):
    dialog = make_dialog(qtbot, ctx)
    dialog.paste_box.setPlainText("Russia has lost 1,455,420 troops and 12,247 tanks so far.")
    dialog.fill_button.click()
    ctx.settle(qtbot)
    assert dialog.current_date() == PREVIOUS
    assert dialog.date_edit.property("guess") is False
    assert "date found from the figures in the archive" in dialog.fill_message.text()


def test_an_undated_text_the_archive_cannot_date_is_dated_from_the_carried_series(qtbot, ctx):
    dialog = make_dialog(qtbot, ctx)
    dialog.paste_box.setPlainText("Russia has lost 323,760 troops and 5,502 tanks so far.")
    dialog.fill_button.click()
    ctx.settle(qtbot)
    assert dialog.current_date() == dt.date(2023, 11, 25)
    assert dialog.date_edit.property("guess") is False
    assert "date found from the General Staff's figures the program carries" in (
        dialog.fill_message.text()
    )


def test_a_date_found_with_one_differing_figure_names_it_in_the_window_language(qapp) -> None:
    from desktop_app.core.reference_series import FOUND_IN_REFERENCE, ONE_DIFFERS
    from desktop_app.ui.common.date_notes import date_note_text

    note = FOUND_IN_REFERENCE + ONE_DIFFERS + "drones +45"
    assert date_note_text(note).endswith("one figure differs from them: Drones +45")


def test_the_differing_figure_is_named_in_ukrainian(ukrainian: None) -> None:
    from desktop_app.core.reference_series import FOUND_IN_REFERENCE, ONE_DIFFERS
    from desktop_app.ui.common import i18n
    from desktop_app.ui.common.date_notes import date_note_text

    shown = date_note_text(FOUND_IN_REFERENCE + ONE_DIFFERS + "drones +45")
    name = i18n.category_name("drones")
    assert shown.startswith("дату визначено за цифрами Генштабу")
    assert shown.endswith(f"{name} +45") and name != "Drones"


def test_the_dialog_reads_the_official_series_before_a_paste_needs_it(qtbot, ctx) -> None:
    from desktop_app.core.reference_series import official_days

    official_days.cache_clear()
    make_dialog(qtbot, ctx)
    ctx.settle(qtbot)
    # Read on a lane, not on the GUI thread when Fill from text first needs it.
    assert official_days.cache_info().currsize == 1
