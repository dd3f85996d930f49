"""Undo and redo of article and brief changes through the window: new, edit, tags, delete."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import QMessageBox

from desktop_app.storage.items import count_items, get_item
from desktop_app.storage.reports import link_article, report_article_ids
from desktop_app.ui.app.main_window import MainWindow
from desktop_app.ui.archive.archive_actions import apply_tags
from desktop_app.ui.archive.item_dialog import NO_REPORT, ItemDialog

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


def listed_ids(window: MainWindow) -> list[int]:
    window.archive_view.reload()
    model = window.archive_view.model
    return sorted(model.item_id(r) for r in range(model.rowCount()))


def test_a_new_article_is_undone_and_redone_under_the_same_id(
    qtbot, window: MainWindow, sample_items
) -> None:
    dialog = ItemDialog(
        window,
        kind="article",
        undo_stack=window.undo_stack,
        changed=window.item_changed,
        failed=window.item_change_failed,
    )
    qtbot.addWidget(dialog)
    dialog.title_edit.setText("Ferry crossing reopens in Kherson")
    dialog.body_edit.setPlainText("Boats crossed at dawn.")
    dialog.time_edit.setDateTime(QDateTime(2024, 3, 1, 9, 0, 0))
    dialog._ask_report_choice = lambda *_a: NO_REPORT  # type: ignore[method-assign]
    dialog.save()
    new_id = dialog.saved_id
    assert new_id is not None and count_items() == 4
    assert "new item “Ferry crossing reopens in Kherson”" in window.undo_action.text()

    window.undo_action.trigger()
    assert get_item(new_id) is None and new_id not in listed_ids(window)
    window.redo_action.trigger()
    stored = get_item(new_id)
    assert stored is not None and stored.data.title == "Ferry crossing reopens in Kherson"
    assert window.archive_view.selected_id() == new_id


def test_an_edit_is_undone(qtbot, window: MainWindow, sample_items) -> None:
    item_id = sample_items["odesa"]
    dialog = ItemDialog(
        window,
        item_id=item_id,
        undo_stack=window.undo_stack,
        changed=window.item_changed,
        failed=window.item_change_failed,
    )
    qtbot.addWidget(dialog)
    dialog.title_edit.setText("Port of Odesa closed for a day")
    dialog._ask_report_choice = lambda *_a: NO_REPORT  # type: ignore[method-assign]
    dialog.save()
    assert get_item(item_id).data.title == "Port of Odesa closed for a day"  # type: ignore[union-attr]
    window.undo_action.trigger()
    assert get_item(item_id).data.title == "Port of Odesa keeps working"  # type: ignore[union-attr]


def test_a_deleted_item_comes_back_with_its_report_link(
    qtbot, window: MainWindow, sample_items, monkeypatch
) -> None:
    import datetime as dt

    from desktop_app.core.report import Figure, LossReport
    from desktop_app.storage.reports import save_report

    day = dt.date(2023, 11, 25)
    save_report(LossReport(day, {"tanks": Figure(5_502)}))
    item_id = sample_items["kyiv"]
    link_article(day, item_id)
    window.ensure_built()  # the status bar counts appear once the window is built
    window.archive_view.reload()
    window.archive_view.select_item(item_id)
    asked: list[str] = []

    def answer_yes(_parent, _title, text, *_a, **_k):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer_yes)
    window.delete_item_action.trigger()
    assert "Undo" in asked[0]
    assert get_item(item_id) is None and report_article_ids(day) == []
    assert item_id not in listed_ids(window)

    window.undo_action.trigger()
    assert get_item(item_id) is not None and report_article_ids(day) == [item_id]
    assert window.archive_view.selected_id() == item_id
    qtbot.waitUntil(lambda: "3 articles and briefs" in window.counts_label.text())


def test_tags_typed_on_an_item_are_undone(qtbot, window: MainWindow, sample_items) -> None:
    item_id = sample_items["kyiv"]
    window.archive_view.reload()
    window.archive_view.select_item(item_id)
    assert apply_tags(window.archive_view, "drones, Kyiv", window) == ("drones", "kyiv")
    window.undo_action.trigger()
    assert get_item(item_id).data.tags == ("air defense",)  # type: ignore[union-attr]
    window.redo_action.trigger()
    assert get_item(item_id).data.tags == ("drones", "kyiv")  # type: ignore[union-attr]
