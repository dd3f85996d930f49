"""An item whose stored time another program wrote in its own form: the window says which
item and field, as it says any other problem, and goes on working."""

from __future__ import annotations

import sqlite3

from desktop_app.ui.app.main_window import MainWindow
from tests.ui.conftest import last_message, settle_window


def test_opening_an_item_with_a_time_in_another_form_names_it(
    qtbot, window: MainWindow, sample_items: dict[str, int]
) -> None:
    damaged, sound = sample_items["kyiv"], sample_items["odesa"]
    con = sqlite3.connect(str(window.database_path))
    con.execute("UPDATE item SET updated_at = '' WHERE id = ?", (damaged,))
    con.commit()
    con.close()
    view = window.archive_view
    view.open_item(damaged)
    settle_window(qtbot, window)
    kind, text = last_message(window) or ("", "")
    assert kind == "error"
    assert text.startswith(f"Item {damaged}: item.updated_at: '' is not a time"), text
    assert "Unexpected" not in text  # not taken for a bug of the program
    view.open_item(sound)  # the others still open
    settle_window(qtbot, window)
    assert view.reader.current_id == sound
