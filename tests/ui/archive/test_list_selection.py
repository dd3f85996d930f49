"""Several items chosen in the list: Shift and Ctrl with the keys, then Space, s and Delete act
on all of them; the reader shows one without marking it read."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop_app.storage.items import count_items, get_item
from desktop_app.ui.app.main_window import MainWindow
from desktop_app.ui.archive.list_selection import chosen_count
from tests.ui.conftest import reload_list, settle_window

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")

SHIFT = Qt.KeyboardModifier.ShiftModifier


def marks(item_ids: list[int], field: str) -> list[bool]:
    found = [get_item(i) for i in item_ids]
    return [bool(getattr(item, field)) for item in found if item is not None]


def choose_first_rows(qtbot, window: MainWindow, count: int) -> list[int]:
    """The first row, then Shift+Down to choose `count` rows, as a user does; their ids."""
    view = window.archive_view
    reload_list(qtbot, window)
    view.select_item(view.model.item_id(0))
    settle_window(qtbot, window)
    view.table.setFocus()
    for _ in range(count - 1):
        qtbot.keyClick(view.table, Qt.Key.Key_Down, SHIFT)
    settle_window(qtbot, window)
    return [view.model.item_id(row) for row in range(count)]


def test_rows_chosen_with_shift_are_the_selected_items_and_the_reader_shows_the_last(
    qtbot, window: MainWindow, sample_items: dict[str, int]
) -> None:
    view = window.archive_view
    first, second, third = choose_first_rows(qtbot, window, 3)
    assert view.selected_ids() == [first, second, third]
    assert view.selected_id() == third  # the row the keyboard is on
    assert view.reader.current_id == third
    assert window.statusBar().currentMessage() == "3 articles and briefs chosen"
    # The first was opened alone (read); the others were shown as one of several: unread.
    assert marks([first, second, third], "is_read") == [True, False, False]


def test_space_and_s_mark_every_chosen_item_alike(
    qtbot, window: MainWindow, sample_items: dict[str, int]
) -> None:
    view = window.archive_view
    chosen = choose_first_rows(qtbot, window, 3)
    qtbot.keyClick(view.table, Qt.Key.Key_Space)  # the one shown is unread: all read
    settle_window(qtbot, window)
    assert marks(chosen, "is_read") == [True, True, True]
    # The first was read already (opened alone): the status counts what changed.
    assert window.statusBar().currentMessage() == "Marked 2 articles and briefs."
    qtbot.keyClick(view.table, Qt.Key.Key_Space)  # and back, all of them
    settle_window(qtbot, window)
    assert marks(chosen, "is_read") == [False, False, False]
    qtbot.keyClick(view.table, Qt.Key.Key_S)
    settle_window(qtbot, window)
    assert marks(chosen, "starred") == [True, True, True]
    # The rows show it without a new search.
    qtbot.waitUntil(
        lambda: all(getattr(view.model._row(r), "starred", False) for r in range(3)), timeout=5000
    )
    # Each is one undo step, which gives back just what it changed.
    assert window.undo_action.text().endswith("star 3 articles and briefs")
    window.undo_action.trigger()
    settle_window(qtbot, window)
    assert marks(chosen, "starred") == [False, False, False]
    window.undo_action.trigger()  # the Space that marked them all unread
    settle_window(qtbot, window)
    assert marks(chosen, "is_read") == [True, True, True]


def test_too_many_chosen_for_a_key_changes_nothing_and_says_so(
    qtbot, window: MainWindow, sample_items: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_app.ui.archive import archive_view, item_marks

    monkeypatch.setattr(item_marks, "SELECTION_LIMIT", 2)
    monkeypatch.setattr(archive_view, "SELECTION_LIMIT", 2)
    view = window.archive_view
    chosen = choose_first_rows(qtbot, window, 3)
    qtbot.keyClick(view.table, Qt.Key.Key_S)
    settle_window(qtbot, window)
    assert marks(chosen, "starred") == [False, False, False]
    assert "More than 2 articles and briefs are chosen" in window.statusBar().currentMessage()


def test_ctrl_a_chooses_the_whole_list_and_a_limit_reads_one_more_id_only(
    qtbot, window: MainWindow, sample_items: dict[str, int]
) -> None:
    view = window.archive_view
    reload_list(qtbot, window)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert chosen_count(view.table) == view.model.rowCount() == 3
    assert view.selected_ids() == [view.model.item_id(r) for r in range(3)]
    assert len(view.selected_ids(limit=1)) == 2  # enough to tell "too many"


def test_delete_takes_every_chosen_item_to_the_trash_in_one_undo_step(
    qtbot, window: MainWindow, sample_items: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def answer_yes(_parent, _title, text, *_a, **_k):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer_yes)
    chosen = choose_first_rows(qtbot, window, 2)
    before = count_items()
    window.delete_item_action.trigger()
    settle_window(qtbot, window)
    assert asked == ["Delete 2 articles and briefs? Edit ▸ Undo (Ctrl+Z) brings them back."]
    assert [get_item(i) for i in chosen] == [None, None]
    assert count_items() == before - 2
    assert window.statusBar().currentMessage() == "Deleted 2 articles and briefs."
    assert window.undo_action.text().endswith("delete 2 articles and briefs")

    window.undo_action.trigger()  # one step brings both back
    settle_window(qtbot, window)
    assert None not in [get_item(i) for i in chosen] and count_items() == before
    window.redo_action.trigger()
    settle_window(qtbot, window)
    assert count_items() == before - 2


def test_more_chosen_than_delete_takes_deletes_nothing_and_says_so(
    qtbot, window: MainWindow, sample_items: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_app.ui.archive import item_editing

    monkeypatch.setattr(item_editing, "DELETE_LIMIT", 2)
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    choose_first_rows(qtbot, window, 3)
    before = count_items()
    window.delete_item_action.trigger()
    settle_window(qtbot, window)
    assert count_items() == before
    assert "delete at most 2 at a time" in window.statusBar().currentMessage()


def test_t_with_several_chosen_adds_and_takes_away_tags_on_all_in_one_undo_step(
    qtbot, window: MainWindow, sample_items: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QInputDialog

    asked: list[str] = []

    def typed(_parent, _title, label, *_a, **_k):
        asked.append(label)
        return "Drones, -air defense", True

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(typed))
    view = window.archive_view
    chosen = choose_first_rows(qtbot, window, 2)  # Sumy (no tags) and Kyiv ("air defense")
    before = [get_item(i).data.tags for i in chosen]  # type: ignore[union-attr]
    qtbot.keyClick(view.table, Qt.Key.Key_T)
    settle_window(qtbot, window)
    assert "the 2 chosen articles and briefs" in asked[0]
    assert [get_item(i).data.tags for i in chosen] == [("drones",), ("drones",)]  # type: ignore[union-attr]
    assert window.undo_action.text().endswith("tags of 2 articles and briefs")
    window.undo_action.trigger()
    settle_window(qtbot, window)
    assert [get_item(i).data.tags for i in chosen] == before  # type: ignore[union-attr]


def right_click(view, row: int) -> None:
    """A right-click on `row` as Qt delivers it: a context menu event on the list's viewport."""
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QApplication

    point = view.visualRect(view.model().index(row, 1)).center()
    global_point = view.viewport().mapToGlobal(point)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, global_point)
    QApplication.sendEvent(view.viewport(), event)


def shown_menu(window: MainWindow) -> list[str]:
    menu = window.archive_actions.row_menu.menu
    assert menu is not None and menu.isVisible()
    texts = [a.text() if not a.isSeparator() else "-" for a in menu.actions()]
    menu.close()
    return texts


def test_the_lists_menu_acts_on_the_chosen_rows_or_chooses_the_row_clicked(
    qtbot, window: MainWindow, sample_items: dict[str, int]
) -> None:
    view = window.archive_view
    first, second, third = choose_first_rows(qtbot, window, 3)
    qtbot.keyClick(view.table, Qt.Key.Key_Up, SHIFT)  # the first two chosen
    assert view.selected_ids() == [first, second]

    right_click(view.table, 1)  # on a chosen row: the choice stays
    assert shown_menu(window) == [
        "Mark read / &unread",
        "&Star / unstar",
        "Edit ta&gs…",
        "&Copy titles and links",
        "-",
        "&Edit selected item…",
        "&Delete selected items",
    ]
    assert view.selected_ids() == [first, second]

    right_click(view.table, 2)  # on another row: it alone is chosen
    shown_menu(window)
    assert view.selected_ids() == [third]

    view.select_item(first)
    qtbot.keyClick(view.table, Qt.Key.Key_F10, SHIFT)  # from the keyboard, at its row
    shown_menu(window)
    assert view.selected_ids() == [first]


def test_ctrl_c_copies_the_chosen_items_as_lines_and_as_links(
    qtbot, window: MainWindow, archive_db: object
) -> None:
    import datetime as dt

    from PySide6.QtGui import QGuiApplication

    from desktop_app.core.item import ARTICLE, ItemData
    from desktop_app.services import items

    when = dt.datetime(2024, 3, 1, 9, 30, tzinfo=dt.UTC)
    for n, url in enumerate(["https://example.org/a?x=1&y=2", None]):
        items.save_item(
            ItemData(
                ARTICLE, f"Strike <{n}> on Kharkiv", when - dt.timedelta(hours=n),
                source_name="Example News", source_url=url,
            )
        )  # fmt: skip
    view = window.archive_view
    choose_first_rows(qtbot, window, 2)
    QGuiApplication.clipboard().clear()
    qtbot.keyClick(view.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    settle_window(qtbot, window)
    local = [f"{(when - dt.timedelta(hours=n)).astimezone():%Y-%m-%d %H:%M}" for n in range(2)]
    copied = QGuiApplication.clipboard().mimeData()
    assert copied.text() == (
        f"{local[0]} · Strike <0> on Kharkiv · Example News · https://example.org/a?x=1&y=2\n"
        f"{local[1]} · Strike <1> on Kharkiv · Example News\n"
    )
    assert '<a href="https://example.org/a?x=1&amp;y=2">Strike &lt;0&gt; on Kharkiv</a>' in (
        copied.html()
    )
    assert window.statusBar().currentMessage() == "Copied 2 articles and briefs."


def test_rows_chosen_apart_with_ctrl_come_in_the_lists_order(
    qtbot, window: MainWindow, sample_items: dict[str, int]
) -> None:
    view = window.archive_view
    reload_list(qtbot, window)
    view.select_item(view.model.item_id(2))
    view.table.setFocus()
    ctrl = Qt.KeyboardModifier.ControlModifier
    qtbot.keyClick(view.table, Qt.Key.Key_Up, ctrl)
    qtbot.keyClick(view.table, Qt.Key.Key_Up, ctrl)  # the keyboard on row 0, not chosen
    qtbot.keyClick(view.table, Qt.Key.Key_Space, ctrl)  # chosen too
    rows = [view.model.item_id(r) for r in range(3)]
    assert view.selected_ids() == [rows[0], rows[2]]
    assert view.selected_ids(limit=1) == [rows[0], rows[2]]  # one over the limit: "too many"
    assert chosen_count(view.table) == 2


def test_a_reload_after_tags_on_several_keeps_them_chosen_so_the_next_key_takes_them_all(
    qtbot, window: MainWindow, sample_items: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QInputDialog

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *_a, **_k: ("energy", True)))
    view = window.archive_view
    chosen = choose_first_rows(qtbot, window, 2)
    qtbot.keyClick(view.table, Qt.Key.Key_T)  # a change of tags: the list is searched again
    settle_window(qtbot, window)
    assert all("energy" in get_item(i).data.tags for i in chosen)  # type: ignore[union-attr]
    assert view.selected_ids() == chosen and view.selected_id() == chosen[1]
    # Choosing them again is quiet: the status bar still says what the change did.
    assert window.statusBar().currentMessage() == "Changed the tags of 2 articles and briefs."
    qtbot.keyClick(view.table, Qt.Key.Key_S)  # the next key still takes both
    settle_window(qtbot, window)
    assert marks(chosen, "starred") == [True, True]


def test_a_reload_keeps_rows_chosen_apart_and_drops_an_item_gone_from_the_list(
    qtbot, window: MainWindow, sample_items: dict[str, int]
) -> None:
    from desktop_app.services import items

    view = window.archive_view
    reload_list(qtbot, window)
    rows = [view.model.item_id(r) for r in range(3)]
    view.select_item(rows[2])
    view.table.setFocus()
    ctrl = Qt.KeyboardModifier.ControlModifier
    qtbot.keyClick(view.table, Qt.Key.Key_Up, ctrl)
    qtbot.keyClick(view.table, Qt.Key.Key_Space, ctrl)  # rows 1 and 2 chosen
    qtbot.keyClick(view.table, Qt.Key.Key_Up, ctrl)
    qtbot.keyClick(view.table, Qt.Key.Key_Space, ctrl)  # and row 0
    qtbot.keyClick(view.table, Qt.Key.Key_Down, ctrl)
    qtbot.keyClick(view.table, Qt.Key.Key_Space, ctrl)  # row 1 unchosen again
    assert view.selected_ids() == [rows[0], rows[2]]
    reload_list(qtbot, window)  # as after another program's write
    assert view.selected_ids() == [rows[0], rows[2]]
    items.delete_item(rows[0])  # gone from the list that follows
    reload_list(qtbot, window)
    assert view.selected_ids() == [rows[2]] and chosen_count(view.table) == 1


def test_a_reload_after_ctrl_a_keeps_every_row_chosen(
    qtbot, window: MainWindow, sample_items: dict[str, int]
) -> None:
    view = window.archive_view
    reload_list(qtbot, window)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    reload_list(qtbot, window)
    assert chosen_count(view.table) == view.model.rowCount() == 3
    assert window.statusBar().currentMessage() == "3 articles and briefs chosen"


def test_the_rows_of_several_items_come_in_the_lists_order(qapp) -> None:
    from desktop_app.core.search_query import parse_query
    from desktop_app.ui.archive.archive_model import ArchiveTableModel
    from desktop_app.ui.archive.list_selection import _runs

    model = ArchiveTableModel()
    model.set_ids([40, 7, 12, 99, 3], parse_query(""))
    assert model.rows_of([3, 12, 40, 1000]) == [0, 2, 4]
    assert model.rows_of([]) == []
    assert _runs([4, 0, 1, 2, 7, 8]) == [(0, 2), (4, 4), (7, 8)]
