"""Saved searches beside the tags (with their counts, kept across a restart, put back by a
click) and the search field's recent searches."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt

from desktop_app.ui.archive.archive_model import TITLE_COL
from tests.ui.conftest import reload_list, settle_window


def titles(view) -> list[str]:
    return [view.model.data(view.model.index(r, TITLE_COL)) for r in range(view.model.rowCount())]


def test_a_saved_search_shows_its_count_survives_a_restart_and_a_click_puts_it_back(
    qtbot, make_window, settings: QSettings, sample_items: dict[str, int]
) -> None:
    first = make_window()
    first.ensure_built()
    view = first.archive_view
    with qtbot.waitSignal(view.searchFinished, timeout=5000):
        view.search_edit.setText("kyiv OR harbour")
    view.filters.order_combo.setCurrentIndex(view.filters.order_combo.findData("title asc"))
    settle_window(qtbot, first)
    assert view.saved is not None
    view.saved.save("Kyiv and ports", view.request())
    settle_window(qtbot, first)
    assert [view.saved.list.item(i).text() for i in range(view.saved.list.count())] == [
        "Kyiv and ports (2)"
    ]
    first.close()

    second = make_window()
    second.ensure_built()
    settle_window(qtbot, second)
    view = second.archive_view
    assert view.saved is not None
    item = view.saved.list.item(0)
    assert item.text() == "Kyiv and ports (2)"
    assert view.search_edit.text() == ""
    with qtbot.waitSignal(view.searchFinished, timeout=5000):
        view.saved.list.itemClicked.emit(item)
    assert view.search_edit.text() == "kyiv OR harbour"
    assert view.filters.order() == ("title", False)
    assert titles(view) == ["Air defense over Kyiv", "Port of Odesa keeps working"]


def saved_starred(qtbot, window):
    """The window's archive view with one saved search, "Starred", counted."""
    from desktop_app.services.queries import SearchRequest

    window.ensure_built()
    view = window.archive_view
    assert view.saved is not None
    view.saved.save("Starred", SearchRequest(starred_only=True))
    settle_window(qtbot, window)
    assert view.saved.list.item(0).text() == "Starred (0)"
    return view


def test_saved_search_counts_follow_changes_to_the_archive(
    qtbot, window, sample_items: dict[str, int]
) -> None:
    view = saved_starred(qtbot, window)
    reload_list(qtbot, window)
    view.select_item(sample_items["kyiv"])
    view.toggle_star()
    qtbot.waitUntil(lambda: view.saved.list.item(0).text() == "Starred (1)", timeout=5000)
    view.saved.remove("Starred")
    assert view.saved.list.count() == 0 and view.saved.list.isHidden()


def test_saved_search_counts_never_hold_up_the_reader_and_changes_meanwhile_count_once(
    qtbot, window, sample_items: dict[str, int], monkeypatch
) -> None:
    import threading

    from desktop_app.services import saved_searches

    view = saved_starred(qtbot, window)
    # A count that takes as long as a broad one at a million items: it waits for `release`.
    release, runs = threading.Event(), []
    counted = saved_searches.count_matches

    def slow_count(requests):
        runs.append(1)
        release.wait(10)
        return counted(requests)

    monkeypatch.setattr(saved_searches, "count_matches", slow_count)
    view.saved.recount()
    # While it runs, the reader's reads go on: an item opens at once.
    read: list[object] = []
    window.runner.read("an item", lambda: "opened", success=read.append)
    qtbot.waitUntil(lambda: read == ["opened"], timeout=5000)
    assert not release.is_set() and runs == [1]
    # Ten changes meanwhile make one count more after it, not ten.
    for _ in range(10):
        view.saved.recount()
    release.set()
    settle_window(qtbot, window)
    assert runs == [1, 1]
    assert view.saved.list.item(0).text() == "Starred (0)"


def test_recent_searches_are_offered_in_the_search_field_after_a_restart(
    qtbot, make_window, settings: QSettings
) -> None:
    first = make_window()
    edit = first.archive_view.search_edit
    for text in ("drones", "air defense", "drones"):
        edit.setText(text)
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    first.close()

    second = make_window()
    history = second.archive_view.history
    assert history.entries == ["drones", "air defense"]
    completer = second.archive_view.search_edit.completer()
    assert completer is history.completer
    completer.setCompletionPrefix("def")
    assert completer.currentCompletion() == "air defense"


def test_the_tags_have_their_own_caption_below_the_saved_searches(qtbot, window) -> None:
    window.ensure_built()
    settle_window(qtbot, window)
    filters = window.archive_view.filters
    saved = window.archive_view.saved
    assert saved is not None
    caption = filters.tag_caption
    # On screen, in this order: the saved searches and their button, then "Tags" and its list.
    assert caption.isVisibleTo(window) and caption.text() == "Ta&gs"
    assert caption.buddy() is filters.tag_list
    tops = [w.mapTo(window, w.rect().topLeft()).y() for w in (saved.save_button, caption)]
    tops.append(filters.tag_list.mapTo(window, filters.tag_list.rect().topLeft()).y())
    assert tops == sorted(tops) and len(set(tops)) == 3


def test_delete_in_the_saved_searches_removes_the_search_and_no_article(
    qtbot, window, sample_items: dict[str, int]
) -> None:
    """The window's Delete (delete the chosen articles) has the same key: Qt fired neither,
    and Delete in the list did nothing."""
    from PySide6.QtTest import QTest

    from tests.ui.conftest import last_message

    view = saved_starred(qtbot, window)
    reload_list(qtbot, window)
    view.select_item(sample_items["kyiv"])
    view.saved.list.setCurrentRow(0)
    view.saved.list.setFocus()
    QTest.keyClick(view.saved.list, Qt.Key.Key_Delete)
    assert view.saved.list.count() == 0
    assert last_message(window) is None  # no "Delete this article?"
    assert window.delete_item_action.shortcut().toString() == "Del"  # still the window's
