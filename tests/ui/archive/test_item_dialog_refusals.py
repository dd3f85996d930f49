"""What the article dialog refuses is said in the window's language, without core's field
names ("title: …", "published_at: …"), and the focus goes to the field to mend."""

from __future__ import annotations

from PySide6.QtCore import QDateTime

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
