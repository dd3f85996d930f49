"""File ▸ Paste page… and a dropped page, in the real window on a real archive."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import QDateTime, QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication
from PySide6.QtWidgets import QDialogButtonBox

from desktop_app.ui.app.main_window import MainWindow
from desktop_app.ui.transfer.page_dialog import DATE_IS, PageDialog
from tests.core.page.samples import PAGE, REPORT_ONLY
from tests.ui.conftest import settle

SUMY = "Power restored to most of Sumy after overnight strike."
SHELTERS = "Government approves extra funds for shelters in schools."


def rows(window: MainWindow, sql: str) -> list[tuple[object, ...]]:
    con = sqlite3.connect(str(window.database_path))
    try:
        return list(con.execute(sql))
    finally:
        con.close()


def read(qtbot, window: MainWindow, text: str) -> PageDialog:
    QGuiApplication.clipboard().clear()
    window.paste_page_action.trigger()
    dialog = window.findChild(PageDialog)
    assert isinstance(dialog, PageDialog) and dialog.isVisible()
    dialog.paste_box.setPlainText(text)
    dialog.read_button.click()
    settle(qtbot, window.runner)
    return dialog


def test_the_page_is_shown_before_saving_and_saved_as_kept_and_corrected(
    qtbot, window: MainWindow
) -> None:
    dialog = read(qtbot, window, PAGE)
    assert dialog.table.rowCount() == 5
    found = dialog.found_label.text()  # "4 briefs" once the English plurals are installed
    assert "an article, 4 brief" in found and "the loss report of 2024-03-14" in found
    assert dialog.report_box.isVisible() and dialog.report_box.isChecked()
    assert [dialog.table.item(r, DATE_IS).text() for r in range(5)] == ["stated"] + [
        "estimated"
    ] * 4
    dialog.grab().save("/tmp/page_dialog.png")

    dialog.set_kept(1, False)  # the Sumy brief is not kept
    dialog.date_editor(4).setDateTime(QDateTime(2024, 3, 13, 23, 47, 0))
    assert dialog.table.item(4, DATE_IS).text() == "corrected"
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    settle(qtbot, window.runner)
    qtbot.waitUntil(lambda: window.findChild(PageDialog) is None)  # closed on save

    stored = dict(rows(window, "SELECT title, published_at FROM item"))
    assert SUMY not in stored and len(stored) == 4
    assert stored[SHELTERS] == "2024-03-13T21:47:00Z"
    (estimated,) = rows(window, f"SELECT date_estimated FROM item WHERE title = '{SHELTERS}'")
    assert estimated == (0,)
    assert rows(window, "SELECT date FROM report") == [("2024-03-14",)]
    assert len(rows(window, "SELECT * FROM report_article")) == 1

    # One step takes the whole page back.
    assert window.undo_stack.count() == 1
    window.undo_stack.undo()
    settle(qtbot, window.runner)
    assert rows(window, "SELECT * FROM item") == [] and rows(window, "SELECT * FROM report") == []


def test_the_report_can_be_left_out(qtbot, window: MainWindow) -> None:
    dialog = read(qtbot, window, PAGE)
    dialog.report_box.setChecked(False)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    settle(qtbot, window.runner)
    assert len(rows(window, "SELECT * FROM item")) == 5
    assert rows(window, "SELECT * FROM report") == []


def test_a_text_without_a_page_says_so_and_saves_nothing(qtbot, window: MainWindow) -> None:
    dialog = read(qtbot, window, "Milk\nBread\n")
    assert dialog.found_label.text().startswith("No page found")
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Save).isEnabled()


def _drop(window: MainWindow, path: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)


def test_a_dropped_page_opens_the_dialog_and_a_dropped_report_imports(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    page = tmp_path / "page.txt"
    page.write_text(PAGE)
    _drop(window, page)
    settle(qtbot, window.runner)
    dialog = window.findChild(PageDialog)
    assert isinstance(dialog, PageDialog) and dialog.table.rowCount() == 5
    assert dialog.paste_box.isHidden()
    dialog.reject()

    post = tmp_path / "post.txt"
    post.write_text(REPORT_ONLY)
    _drop(window, post)
    settle(qtbot, window.runner)
    qtbot.waitUntil(lambda: not window.importer.busy)
    settle(qtbot, window.runner)
    assert rows(window, "SELECT date FROM report") == [("2024-03-14",)]
    assert rows(window, "SELECT * FROM item") == []


def test_esc_after_a_paste_asks_before_throwing_the_page_away(qtbot, window: MainWindow) -> None:
    dialog = read(qtbot, window, PAGE)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    box = dialog.discard_box
    assert box is not None and box.isVisible() and dialog.isVisible()
    assert box.text() == "Discard this page?"
    qtbot.keyClick(box, Qt.Key.Key_Escape)  # a second Esc keeps the page
    qtbot.waitUntil(lambda: dialog.discard_box is None)
    assert dialog.isVisible() and dialog.paste_box.toPlainText() == PAGE

    dialog.close()
    box = dialog.discard_box
    assert box is not None
    discard = next(b for b in box.buttons() if b.text() == "&Discard")
    with qtbot.waitSignal(dialog.rejected):
        discard.click()
    assert rows(window, "SELECT * FROM item") == []


def test_esc_on_an_empty_dialog_closes_it_at_once(qtbot, window: MainWindow) -> None:
    QGuiApplication.clipboard().clear()
    window.paste_page_action.trigger()
    dialog = window.findChild(PageDialog)
    assert isinstance(dialog, PageDialog)
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.discard_box is None


def test_the_saved_minfin_page_offers_its_report_of_its_own_day(
    qtbot, window: MainWindow, shared_data: Path
) -> None:
    text = (shared_data / "real_texts" / "H07_minfin-uk-html_2022-04-03.html").read_text("utf-8")
    dialog = read(qtbot, window, text)
    # Before: the page's 2019 metadata put its report before the war, and it was left out.
    assert "the loss report of 2022-04-03" in dialog.found_label.text()
    assert dialog.report_box.isVisible() and dialog.message.text() == ""
    assert dialog.table.item(0, DATE_IS).text() == "estimated"
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    settle(qtbot, window.runner)
    assert rows(window, "SELECT date FROM report") == [("2022-04-03",)]


def test_a_page_saved_again_says_nothing_new_and_the_undo_step_is_in_ukrainian(
    qtbot, window: MainWindow, ukrainian
) -> None:
    save = QDialogButtonBox.StandardButton.Save
    dialog = read(qtbot, window, PAGE)
    dialog.buttons.button(save).click()
    settle(qtbot, window.runner)
    # Before: "save page (article, 4 briefs, report of 2024-03-14)", in English.
    step = window.undo_stack.undoText()
    assert "article" not in step and "brief" not in step and "стат" in step

    again = read(qtbot, window, PAGE)
    again.buttons.button(save).click()
    settle(qtbot, window.runner)
    assert len(rows(window, "SELECT * FROM item")) == 5 and window.undo_stack.count() == 1
    # Before: "Saved from the page: …" although nothing was written.
    assert window.statusBar().currentMessage().startswith("Нічого нового")


def test_a_bare_report_pasted_here_is_sent_to_the_report_dialog(qtbot, window: MainWindow) -> None:
    dialog = read(qtbot, window, REPORT_ONLY)
    # Before: "No page found: no article with a dated byline …", and no way on.
    assert "loss report without an article" in dialog.found_label.text()
    assert "Ctrl+R" in dialog.found_label.text()
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Save).isEnabled()
