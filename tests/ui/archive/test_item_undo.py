"""Undo and redo of article and brief changes through the window: new, edit, tags, delete."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox

from desktop_app.storage.items import count_items, get_item
from desktop_app.storage.reports import link_article, report_article_ids
from desktop_app.ui.app.main_window import MainWindow
from desktop_app.ui.archive.item_dialog import NO_REPORT, ItemDialog
from tests.ui.conftest import reload_list, settle_window

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


def listed_ids(qtbot, window: MainWindow) -> list[int]:
    settle_window(qtbot, window)
    model = window.archive_view.model
    return sorted(model.item_id(r) for r in range(model.rowCount()))


def shown_item_dialog() -> ItemDialog | None:
    """The item dialog the window opened (modeless: the test goes on while it shows)."""
    from PySide6.QtWidgets import QApplication

    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, ItemDialog)]
    return found[-1] if found and found[-1].isVisible() else None


def test_a_new_article_is_undone_and_redone_under_the_same_id(
    qtbot, window: MainWindow, sample_items
) -> None:
    dialog = ItemDialog(window, kind="article")
    qtbot.addWidget(dialog)
    dialog.title_edit.setText("Ferry crossing reopens in Kherson")
    dialog.body_edit.setPlainText("Boats crossed at dawn.")
    dialog.time_edit.setDateTime(QDateTime(2024, 3, 1, 9, 0, 0))
    dialog._ask_report_choice = lambda *_a: NO_REPORT  # type: ignore[method-assign]
    dialog.save()
    settle_window(qtbot, window)
    new_id = dialog.saved_id
    assert new_id is not None and count_items() == 4
    assert "new item “Ferry crossing reopens in Kherson”" in window.undo_action.text()
    # The list followed the change by itself and selected the new item.
    assert window.archive_view.selected_id() == new_id

    window.undo_action.trigger()
    assert new_id not in listed_ids(qtbot, window) and get_item(new_id) is None
    window.redo_action.trigger()
    settle_window(qtbot, window)
    stored = get_item(new_id)
    assert stored is not None and stored.data.title == "Ferry crossing reopens in Kherson"
    assert window.archive_view.selected_id() == new_id
    assert window.archive_view.reader.current_id == new_id


def test_an_edit_is_read_off_the_gui_thread_saved_and_undone(
    qtbot, window: MainWindow, sample_items
) -> None:
    item_id = sample_items["odesa"]
    reload_list(qtbot, window)
    window.archive_view.select_item(item_id)
    window.edit_item_action.trigger()  # reads the item on the read lane, then opens the dialog
    qtbot.waitUntil(lambda: shown_item_dialog() is not None)
    dialog = shown_item_dialog()
    assert dialog is not None
    assert dialog.title_edit.text() == "Port of Odesa keeps working"
    dialog.title_edit.setText("Port of Odesa closed for a day")
    dialog._ask_report_choice = lambda *_a: NO_REPORT  # type: ignore[method-assign]
    dialog.save()
    settle_window(qtbot, window)
    assert get_item(item_id).data.title == "Port of Odesa closed for a day"  # type: ignore[union-attr]
    assert "Port of Odesa closed for a day" in window.archive_view.reader.toPlainText()
    window.undo_action.trigger()
    settle_window(qtbot, window)
    assert get_item(item_id).data.title == "Port of Odesa keeps working"  # type: ignore[union-attr]
    assert "Port of Odesa keeps working" in window.archive_view.reader.toPlainText()


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
    reload_list(qtbot, window)
    window.archive_view.select_item(item_id)
    settle_window(qtbot, window)
    asked: list[str] = []

    def answer_yes(_parent, _title, text, *_a, **_k):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer_yes)
    window.delete_item_action.trigger()
    settle_window(qtbot, window)
    assert "Undo" in asked[0]
    assert get_item(item_id) is None and report_article_ids(day) == []
    assert item_id not in listed_ids(qtbot, window)
    # The list goes on from the item after it (test_delete_goes_on.py).
    assert window.archive_view.reader.current_id == sample_items["odesa"]

    window.undo_action.trigger()
    settle_window(qtbot, window)
    assert get_item(item_id) is not None and report_article_ids(day) == [item_id]
    assert window.archive_view.selected_id() == item_id
    qtbot.waitUntil(lambda: "3 articles and briefs" in window.counts_label.text())


def test_an_unread_item_deleted_comes_back_unread(
    qtbot, window: MainWindow, sample_items, monkeypatch
) -> None:
    item_id, other = sample_items["kyiv"], sample_items["odesa"]
    view = window.archive_view
    reload_list(qtbot, window)
    view.select_item(item_id)  # read by opening it…
    settle_window(qtbot, window)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Space)  # …and marked unread again
    settle_window(qtbot, window)
    assert get_item(item_id).is_read is False  # type: ignore[union-attr]
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    )
    window.delete_item_action.trigger()
    settle_window(qtbot, window)
    assert get_item(item_id) is None

    # Undone, it is back, selected and shown, and unread as it was: in the archive and the row.
    window.undo_action.trigger()
    settle_window(qtbot, window)
    assert view.selected_id() == item_id and view.reader.current_id == item_id
    assert get_item(item_id).is_read is False  # type: ignore[union-attr]
    assert view.marks.loaded_row(item_id).is_read is False  # type: ignore[union-attr]

    # The user's own choice of it still marks it read.
    view.select_item(other)
    settle_window(qtbot, window)
    view.select_item(item_id)
    settle_window(qtbot, window)
    assert get_item(item_id).is_read is True  # type: ignore[union-attr]


def test_tags_typed_on_an_item_are_undone(
    qtbot, window: MainWindow, sample_items, monkeypatch
) -> None:
    monkeypatch.setattr(
        QInputDialog, "getText", staticmethod(lambda *_a, **_k: ("drones, Kyiv", True))
    )
    item_id = sample_items["kyiv"]
    view = window.archive_view
    reload_list(qtbot, window)
    view.select_item(item_id)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_T)
    settle_window(qtbot, window)
    assert get_item(item_id).data.tags == ("drones", "kyiv")  # type: ignore[union-attr]
    window.undo_action.trigger()
    settle_window(qtbot, window)
    assert get_item(item_id).data.tags == ("air defense",)  # type: ignore[union-attr]
    assert "#air defense" in view.reader.toPlainText()
    window.redo_action.trigger()
    settle_window(qtbot, window)
    assert get_item(item_id).data.tags == ("drones", "kyiv")  # type: ignore[union-attr]
