"""Saving an article whose text states a loss report offers to create or link that report."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDateTime

from desktop_app.core.report import Figure, LossReport
from desktop_app.storage.reports import load_report, report_article_ids, save_report
from desktop_app.ui.archive.item_dialog import (
    CREATE_REPORT,
    LINK_REPORT,
    NO_REPORT,
    ItemDialog,
)

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")

DAY = dt.date(2023, 11, 25)
TEXT = (
    "Russia has lost 323,760 troops in Ukraine since the beginning of its full-scale invasion "
    "on Feb. 24, 2022, the General Staff of Ukraine's Armed Forces reported on Nov. 25. "
    "Russia has also lost 5,502 tanks and 22 ships and boats."
)


def article_dialog(qtbot, monkeypatch, answer: str, body: str = TEXT):
    asked: list[tuple] = []
    dialog = ItemDialog(kind="article")
    qtbot.addWidget(dialog)
    dialog.title_edit.setText("Russia's losses")
    dialog.body_edit.setPlainText(body)
    dialog.time_edit.setDateTime(QDateTime(2023, 11, 25, 12, 0, 0))

    def ask(report, stored, differences):
        asked.append((report, stored, differences))
        return answer

    monkeypatch.setattr(dialog, "_ask_report_choice", ask)
    return dialog, asked


def test_create_stores_the_article_report_linked_and_undoable(qtbot, archive_db, monkeypatch):
    dialog, asked = article_dialog(qtbot, monkeypatch, CREATE_REPORT)
    dialog.save()
    assert len(asked) == 1 and asked[0][1] is None
    assert load_report(DAY) == LossReport(
        DAY, {"personnel": Figure(323_760), "tanks": Figure(5_502), "ships": Figure(22)}
    )
    assert report_article_ids(DAY) == [dialog.saved_id]
    dialog.undo_stack.undo()
    assert load_report(DAY) is None


def test_link_to_a_stored_report_lists_the_differences(qtbot, archive_db, monkeypatch):
    save_report(LossReport(DAY, {"personnel": Figure(323_760, 860), "tanks": Figure(5_500)}))
    dialog, asked = article_dialog(qtbot, monkeypatch, LINK_REPORT)
    dialog.save()
    _report, stored, differences = asked[0]
    assert stored is not None
    assert [p.message for p in differences] == [
        "Tanks: the article states 5,502, the report 5,500",
        "Ships and boats: the article states 22, the report has no figure",
    ]
    assert report_article_ids(DAY) == [dialog.saved_id]
    assert load_report(DAY).figures["tanks"] == Figure(5_500)  # never changed by a link
    dialog.undo_stack.undo()
    assert report_article_ids(DAY) == []


def test_no_changes_nothing(qtbot, archive_db, monkeypatch):
    dialog, asked = article_dialog(qtbot, monkeypatch, NO_REPORT)
    dialog.save()
    assert len(asked) == 1
    assert load_report(DAY) is None
    assert dialog.result() == dialog.DialogCode.Accepted


def test_an_article_without_a_report_asks_nothing(qtbot, archive_db, monkeypatch):
    dialog, asked = article_dialog(
        qtbot, monkeypatch, CREATE_REPORT, body="Air defense downs 14 of 20 drones overnight."
    )
    dialog.save()
    assert asked == [] and dialog.report_choice is None


def test_an_article_linked_already_is_not_asked_again(qtbot, archive_db, monkeypatch):
    dialog, _ = article_dialog(qtbot, monkeypatch, CREATE_REPORT)
    dialog.save()
    again, asked = article_dialog(qtbot, monkeypatch, LINK_REPORT)
    again.item_id = dialog.saved_id
    again.save()
    assert asked == []
