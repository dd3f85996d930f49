"""Saving an article whose text states a loss report offers to create or link that report;
the article and the report (or link) are then one change: one transaction, one undo step."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDateTime

from desktop_app.core.report import Figure, LossReport
from desktop_app.storage.items import count_items, get_item
from desktop_app.storage.reports import load_report, report_article_ids, save_report
from desktop_app.ui.app.main_window import MainWindow
from desktop_app.ui.archive.item_dialog import (
    CREATE_REPORT,
    LINK_REPORT,
    NO_REPORT,
    ItemDialog,
)
from tests.ui.conftest import settle_window

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")

DAY = dt.date(2023, 11, 25)
TEXT = (
    "Russia has lost 323,760 troops in Ukraine since the beginning of its full-scale invasion "
    "on Feb. 24, 2022, the General Staff of Ukraine's Armed Forces reported on Nov. 25. "
    "Russia has also lost 5,502 tanks and 22 ships and boats."
)


def article_dialog(qtbot, window: MainWindow, monkeypatch, answer: str, body: str = TEXT):
    asked: list[tuple] = []
    dialog = ItemDialog(window, kind="article")
    qtbot.addWidget(dialog)
    dialog.title_edit.setText("Russia's losses")
    dialog.body_edit.setPlainText(body)
    dialog.time_edit.setDateTime(QDateTime(2023, 11, 25, 12, 0, 0))

    def ask(report, stored, differences):
        asked.append((report, stored, differences))
        return answer

    monkeypatch.setattr(dialog, "_ask_report_choice", ask)
    return dialog, asked


def save(qtbot, window: MainWindow, dialog: ItemDialog) -> None:
    dialog.save()
    settle_window(qtbot, window)


def test_create_stores_the_article_and_its_report_as_one_undo_step(
    qtbot, window: MainWindow, monkeypatch
) -> None:
    dialog, asked = article_dialog(qtbot, window, monkeypatch, CREATE_REPORT)
    save(qtbot, window, dialog)
    assert len(asked) == 1 and asked[0][1] is None
    assert load_report(DAY) == LossReport(
        DAY, {"personnel": Figure(323_760), "tanks": Figure(5_502), "ships": Figure(22)}
    )
    assert report_article_ids(DAY) == [dialog.saved_id]
    stack = window.undo_stack
    assert stack.count() == 1  # not one step for the article and another for the report
    assert "with report 2023-11-25" in window.undo_action.text()
    window.undo_action.trigger()
    settle_window(qtbot, window)
    assert load_report(DAY) is None and count_items() == 0
    window.redo_action.trigger()
    settle_window(qtbot, window)
    assert report_article_ids(DAY) == [dialog.saved_id]
    assert get_item(dialog.saved_id or -1) is not None


def test_link_to_a_stored_report_lists_the_differences(
    qtbot, window: MainWindow, monkeypatch
) -> None:
    save_report(LossReport(DAY, {"personnel": Figure(323_760, 860), "tanks": Figure(5_500)}))
    dialog, asked = article_dialog(qtbot, window, monkeypatch, LINK_REPORT)
    save(qtbot, window, dialog)
    _report, stored, differences = asked[0]
    assert stored is not None
    assert [p.message for p in differences] == [
        "Tanks: the article states 5,502, the report 5,500",
        "Ships and boats: the article states 22, the report has no figure",
    ]
    assert report_article_ids(DAY) == [dialog.saved_id]
    assert load_report(DAY).figures["tanks"] == Figure(5_500)  # type: ignore[union-attr]
    assert window.undo_stack.count() == 1
    window.undo_action.trigger()
    settle_window(qtbot, window)
    assert report_article_ids(DAY) == [] and count_items() == 0
    assert load_report(DAY) is not None  # the stored report stays; only the link went


def test_no_changes_nothing(qtbot, window: MainWindow, monkeypatch) -> None:
    dialog, asked = article_dialog(qtbot, window, monkeypatch, NO_REPORT)
    save(qtbot, window, dialog)
    assert len(asked) == 1
    assert load_report(DAY) is None
    assert dialog.result() == dialog.DialogCode.Accepted


def test_an_article_without_a_report_asks_nothing(qtbot, window: MainWindow, monkeypatch) -> None:
    dialog, asked = article_dialog(
        qtbot, window, monkeypatch, CREATE_REPORT, body="Air defense downs 14 of 20 drones."
    )
    save(qtbot, window, dialog)
    assert asked == [] and dialog.report_choice is None
    assert dialog.saved_id is not None


def test_an_article_linked_already_is_not_asked_again(
    qtbot, window: MainWindow, monkeypatch
) -> None:
    dialog, _ = article_dialog(qtbot, window, monkeypatch, CREATE_REPORT)
    save(qtbot, window, dialog)
    stored = get_item(dialog.saved_id or -1)
    assert stored is not None
    again = ItemDialog(window, stored=stored)
    qtbot.addWidget(again)
    asked: list[object] = []
    monkeypatch.setattr(again, "_ask_report_choice", lambda *a: asked.append(a) or LINK_REPORT)
    save(qtbot, window, again)
    assert asked == [] and again.saved_id == stored.id


def test_a_report_that_cannot_be_saved_leaves_no_article_either(
    qtbot, window: MainWindow, monkeypatch
) -> None:
    """One transaction: when the report's write fails, the article is not saved either, the
    dialog stays open with the error, and nothing reaches the undo stack."""
    from desktop_app.storage.db.models import database_proxy

    # A real SQLite failure inside the save: the archive refuses new reports.
    database_proxy.execute_sql(
        "CREATE TRIGGER refuse_reports BEFORE INSERT ON report "
        "BEGIN SELECT RAISE(ABORT, 'reports refused by this test'); END"
    )
    dialog, _ = article_dialog(qtbot, window, monkeypatch, CREATE_REPORT)
    dialog.show()
    save(qtbot, window, dialog)
    assert "reports refused by this test" in dialog.error_label.text()
    assert dialog.isVisible() and dialog.saved_id is None
    assert count_items() == 0 and load_report(DAY) is None
    assert window.undo_stack.count() == 0


def test_esc_while_the_save_is_on_its_way_does_not_lose_it(
    qtbot, window: MainWindow, monkeypatch
) -> None:
    dialog, _ = article_dialog(qtbot, window, monkeypatch, NO_REPORT)
    dialog.show()
    dialog.save()
    dialog.reject()  # Esc: the write is already on the write lane
    assert dialog.isVisible()
    settle_window(qtbot, window)
    assert dialog.result() == dialog.DialogCode.Accepted and not dialog.isVisible()
    assert get_item(dialog.saved_id or -1) is not None and window.undo_stack.count() == 1
