"""Editing an item someone else saved since the dialog opened: said, theirs kept; Save again
overwrites it knowingly."""

from __future__ import annotations

import re

import pytest

from desktop_app.core.item import ItemData
from desktop_app.storage.items import get_item, save_item
from desktop_app.ui.app.main_window import MainWindow
from desktop_app.ui.archive.item_dialog import ItemDialog
from tests.ui.archive.test_item_undo import shown_item_dialog
from tests.ui.conftest import reload_list, settle_window

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


def test_a_stale_edit_is_refused_naming_the_change_then_saved_knowingly(
    qtbot, window: MainWindow, sample_items
) -> None:
    item_id = sample_items["odesa"]
    reload_list(qtbot, window)
    window.archive_view.select_item(item_id)
    window.edit_item_action.trigger()
    qtbot.waitUntil(lambda: shown_item_dialog() is not None)
    dialog = shown_item_dialog()
    assert isinstance(dialog, ItemDialog)
    settle_window(qtbot, window)  # its version, read on the read lane
    stored = get_item(item_id)
    assert stored is not None
    other = ItemData(**{**stored.data.__dict__, "title": "Changed by another program"})
    save_item(other, item_id)
    dialog.title_edit.setText("Port of Odesa closed for a day")
    dialog.save()
    settle_window(qtbot, window)
    assert dialog.saved_id is None and dialog.isVisible()
    assert re.search(
        r"was changed by another program at [-\d :]+ since you opened it; nothing was saved",
        dialog.error_label.text(),
    )
    assert get_item(item_id).data.title == "Changed by another program"  # type: ignore[union-attr]
    dialog.save()  # having seen it: overwrite
    settle_window(qtbot, window)
    assert dialog.saved_id == item_id
    assert get_item(item_id).data.title == "Port of Odesa closed for a day"  # type: ignore[union-attr]
