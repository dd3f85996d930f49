"""An item whose stored time another program wrote in its own form: the window says which
item and field, as it says any other problem, and goes on working."""

from __future__ import annotations

import sqlite3

from desktop_app.ui.app.main_window import MainWindow
from desktop_app.ui.archive.archive_model import KIND_COL
from tests.ui.conftest import last_message, reload_list, settle_window


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


def test_a_kind_of_another_program_is_shown_as_written_and_named_when_opened(
    qtbot, window: MainWindow, sample_items: dict[str, int]
) -> None:
    damaged = sample_items["kyiv"]
    con = sqlite3.connect(str(window.database_path))
    con.execute("UPDATE item SET kind = 'video' WHERE id = ?", (damaged,))
    con.commit()
    con.close()
    view, model = window.archive_view, window.archive_view.model
    reload_list(qtbot, window)
    row = model.row_of(damaged)
    assert row is not None
    assert model.data(model.index(row, KIND_COL)) == "video"  # not passed off as a brief
    view.open_item(damaged)  # nor opened as one, to be saved as one by the editor
    settle_window(qtbot, window)
    kind, text = last_message(window) or ("", "")
    assert kind == "error"
    assert text == f"Item {damaged}: kind 'video' is neither 'article' nor 'brief'", text
    assert view.reader.current_id != damaged


def test_a_time_of_another_program_is_listed_as_stored_and_headed_apart(
    qtbot, window: MainWindow, sample_items: dict[str, int]
) -> None:
    from desktop_app.ui.archive.archive_actions import set_timeline
    from desktop_app.ui.archive.archive_model import DATE_COL
    from desktop_app.ui.archive.timeline_model import HEADING_ROLE

    damaged = sample_items["kyiv"]
    con = sqlite3.connect(str(window.database_path))
    # Written before schema 14 refused it (or by a program that dropped the refusal).
    con.execute("DROP TRIGGER item_time_bu")
    con.execute("UPDATE item SET published_at = 'yesterday' WHERE id = ?", (damaged,))
    con.commit()
    con.close()
    view, model = window.archive_view, window.archive_view.model
    reload_list(qtbot, window)
    assert last_message(window) is None  # the list is read: one item did not stop it
    row = model.row_of(damaged)
    assert row is not None and model.rowCount() == 3
    assert model.data(model.index(row, DATE_COL)) == "'yesterday'?"  # no time guessed
    with qtbot.waitSignal(view.searchFinished):
        set_timeline(view, True)
    timeline = view.timeline_model
    texts = [timeline.data(timeline.index(r)) for r in range(timeline.rowCount())]
    heads = [
        r for r in range(timeline.rowCount()) if timeline.data(timeline.index(r), HEADING_ROLE)
    ]
    # Its own heading, right above it; the other two under their day.
    assert len(heads) == 2 and timeline.rowCount() == 5
    first = texts[heads[0]]
    assert first.startswith("Time stored in another program's form"), texts
    assert texts[heads[0] + 1].strip().startswith("'yesterday'?")
