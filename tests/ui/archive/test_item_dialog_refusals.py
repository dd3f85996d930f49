"""What the article dialog refuses is said in the window's language, without core's field
names ("title: …", "published_at: …"), and the focus goes to the field to mend; Esc does not
throw typed text away unasked."""

from __future__ import annotations

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from desktop_app.core.item import ARTICLE
from desktop_app.storage.items import count_items
from desktop_app.ui.archive.item_dialog import ItemDialog


def test_a_refusal_is_in_ukrainian_and_points_at_its_field(qtbot, window, ukrainian) -> None:
    dialog = ItemDialog(window, kind=ARTICLE)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.body_edit.setFocus()
    dialog.save()
    assert dialog.error_label.text() == "Дайте запису заголовок."
    assert dialog.focusWidget() is dialog.title_edit

    dialog.title_edit.setText("Нічний обстріл")
    dialog.time_edit.setDateTime(QDateTime.currentDateTime().addYears(2))
    dialog.save()
    shown = dialog.error_label.text()
    assert shown.startswith("Опубліковано: ") and "published_at" not in shown
    assert "future" not in shown  # core's template, translated
    assert dialog.focusWidget() is dialog.time_edit
    assert count_items() == 0


def discard_question(dialog: ItemDialog) -> QMessageBox | None:
    boxes = [b for b in dialog.findChildren(QMessageBox) if b.isVisible()]
    return boxes[0] if boxes else None


def test_esc_on_typed_text_asks_and_a_second_esc_keeps_editing(qtbot, window) -> None:
    dialog = ItemDialog(window, kind=ARTICLE)
    qtbot.addWidget(dialog)
    dialog.show()
    QTest.keyClicks(dialog.title_edit, "Drones over the port")
    QTest.keyClick(dialog.title_edit, Qt.Key.Key_Escape)
    box = discard_question(dialog)
    assert box is not None and box.text() == "Discard this article?"
    QTest.keyClick(box, Qt.Key.Key_Escape)  # keep editing
    qtbot.waitUntil(lambda: discard_question(dialog) is None)
    assert dialog.isVisible() and dialog.title_edit.text() == "Drones over the port"

    dialog.reject()  # Cancel, then Discard
    box = discard_question(dialog)
    assert box is not None
    discard = QMessageBox.ButtonRole.DestructiveRole
    next(b for b in box.buttons() if box.buttonRole(b) == discard).click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert count_items() == 0


def test_esc_on_an_untouched_dialog_closes_it_at_once(qtbot, window) -> None:
    dialog = ItemDialog(window, kind=ARTICLE)
    qtbot.addWidget(dialog)
    dialog.show()
    QTest.keyClick(dialog.title_edit, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and discard_question(dialog) is None


def test_a_link_that_is_no_web_address_is_refused_at_its_field(qtbot, window) -> None:
    dialog = ItemDialog(window, kind=ARTICLE)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.title_edit.setText("Drones over the port")
    for typed in ("www.example.org/news/1", "javascript:alert(1)", "https://"):
        dialog.url_edit.setText(typed)
        dialog.title_edit.setFocus()
        dialog.save()
        # Before: stored, and the reader showed a link that did nothing when clicked.
        assert dialog.error_label.text().startswith("Link: give the page's web address")
        assert dialog.focusWidget() is dialog.url_edit
    assert count_items() == 0
    dialog.url_edit.setText("https://www.example.org/news/1")
    assert dialog._refusal(dialog.item_data()) == ""


def test_the_link_field_has_its_own_key(qtbot, window) -> None:
    dialog = ItemDialog(window, kind=ARTICLE)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.title_edit.setFocus()
    qtbot.waitUntil(dialog.title_edit.hasFocus)
    # Before: "Link" was the one field without a key of its own.
    QTest.keyClick(dialog.title_edit, Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)  # "L&ink"
    assert dialog.focusWidget() is dialog.url_edit


def test_a_link_kept_as_the_source_gave_it_does_not_stop_an_edit(qtbot, window) -> None:
    import datetime as dt

    from desktop_app.core.item import ItemData
    from desktop_app.storage.items import StoredItem

    data = ItemData(
        ARTICLE,
        "Drones over the port",
        dt.datetime(2024, 5, 6, 9, 0, tzinfo=dt.UTC),
        body="The port was attacked overnight.",
        source_url="tag:example.org,2024:port-1",
    )
    dialog = ItemDialog(window, stored=StoredItem(1, data, False, False))
    qtbot.addWidget(dialog)
    dialog.title_edit.setText("Drones over the port at night")
    assert dialog._refusal(dialog.item_data()) == ""
