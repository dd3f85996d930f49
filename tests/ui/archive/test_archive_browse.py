"""The archive tab at work: query language, snippets, flags, tags, timeline, keys and PDF."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog

from desktop_app.storage.items import get_item, set_starred
from desktop_app.storage.search import SearchRequest
from desktop_app.storage.search_snippets import MARK_START
from desktop_app.ui.app.main_window import MainWindow
from desktop_app.ui.archive.archive_actions import export_current_pdf, set_timeline
from desktop_app.ui.archive.archive_model import MATCH_COL, SNIPPET_ROLE, TITLE_COL
from desktop_app.ui.archive.timeline_model import HEADING_ROLE
from tests.ui.conftest import last_message, reload_list, settle_window


def search(qtbot, window: MainWindow, text: str) -> list[str]:
    view = window.archive_view
    with qtbot.waitSignal(view.searchFinished, timeout=5000):
        view.search_edit.setText(text)
    model = view.model
    return [model.data(model.index(r, TITLE_COL)) for r in range(model.rowCount())]


def test_query_language_in_the_search_field(
    qtbot, window: MainWindow, sample_items: dict[str, int]
) -> None:
    assert search(qtbot, window, '"air defense" OR harbour') == [
        "Air defense over Kyiv",
        "Port of Odesa keeps working",
    ]
    assert search(qtbot, window, "kind:article -kyiv") == ["Port of Odesa keeps working"]
    assert search(qtbot, window, 'author:"test author"') == ["Air defense over Kyiv"]


def test_odd_input_gives_no_matches_or_a_hint_never_an_error(
    qtbot, window: MainWindow, sample_items: dict[str, int]
) -> None:
    view = window.archive_view
    for text in ('")(*', "OR", "-", "NEAR(", "🇺🇦", "tag:", "kind:"):
        search(qtbot, window, text)
    assert search(qtbot, window, "zzzz") == []
    assert view.count_label.text() == "No matches for “zzzz”."
    assert "No matches for “zzzz”." in view.reader.toPlainText()  # the reader says why
    assert len(search(qtbot, window, "from:2023-02-31 drones")) == 1
    assert "No matches" not in view.reader.toPlainText()  # and stops saying it once items match
    assert not view.hint_label.isHidden() and "from:2023-02-31" in view.hint_label.text()
    assert last_message(window) is None


def test_stale_search_results_are_dropped(
    qtbot, window: MainWindow, sample_items: dict[str, int]
) -> None:
    worker = window.archive_view.worker
    shown: list[str] = []
    worker.finished.connect(lambda result: shown.append(result.request.text))
    with qtbot.waitSignal(worker.finished, timeout=5000):
        worker.search(SearchRequest("odesa"))
        worker.search(SearchRequest("sumy"))
    worker.wait()
    qtbot.waitUntil(lambda: not worker.busy)
    assert shown == ["sumy"]


def test_snippets_and_reader_highlight_the_matching_words(
    qtbot, window: MainWindow, sample_items: dict[str, int]
) -> None:
    search(qtbot, window, "overnight")
    view = window.archive_view
    index = view.model.index(0, MATCH_COL)
    # Asked for by the first call, read in the background once the event loop turns.
    qtbot.waitUntil(lambda: bool(view.model.data(index, SNIPPET_ROLE)), timeout=5000)
    snippet = view.model.data(index, SNIPPET_ROLE)
    assert f"{MARK_START}overnight" in snippet
    shown = view.model.data(view.model.index(0, MATCH_COL))
    assert shown == "Drones were shot down overnight. Debris fell."
    view.select_item(sample_items["kyiv"])
    settle_window(qtbot, window)
    marks = view.reader.extraSelections()
    assert [m.cursor.selectedText() for m in marks] == ["overnight"]


def test_without_words_the_last_column_previews_each_item(
    qtbot, window: MainWindow, sample_items: dict[str, int]
) -> None:
    model = window.archive_view.model

    def header() -> str:
        return str(model.headerData(MATCH_COL, Qt.Orientation.Horizontal))

    def shown(title: str) -> str:
        titles = [model.data(model.index(r, TITLE_COL)) for r in range(model.rowCount())]
        index = model.index(titles.index(title), MATCH_COL)
        # Asked for by the first call, read in the background once the event loop turns.
        qtbot.waitUntil(lambda: bool(model.data(index)), timeout=5000)
        return str(model.data(index))

    search(qtbot, window, "harbour")
    assert header() == "Match"
    search(qtbot, window, "")
    assert header() == "Preview"
    assert shown("Port of Odesa keeps working") == "Ships left the harbour."
    assert shown("Air defense over Kyiv") == "Drones were shot down overnight. Debris fell."
    search(qtbot, window, "kind:article")  # a filter, no words: still the first words
    assert header() == "Preview"
    search(qtbot, window, "debris")
    assert header() == "Match"
    assert shown("Air defense over Kyiv") == "…were shot down overnight. Debris fell."


def test_ranking_by_relevance_is_a_choice(
    qtbot, window: MainWindow, sample_items: dict[str, int]
) -> None:
    view = window.archive_view
    combo = view.filters.order_combo
    with qtbot.waitSignal(view.searchFinished):
        combo.setCurrentIndex(combo.findData("relevance desc"))
    assert search(qtbot, window, "kyiv")[0] == "Air defense over Kyiv"


def test_header_click_sorts_in_sql(qtbot, window: MainWindow, sample_items: dict[str, int]) -> None:
    view = window.archive_view
    reload_list(qtbot, window)
    with qtbot.waitSignal(view.searchFinished):
        view.table.horizontalHeader().setSortIndicator(TITLE_COL, Qt.SortOrder.AscendingOrder)
    model = view.model
    assert [model.data(model.index(r, TITLE_COL)) for r in range(3)] == [
        "Air defense over Kyiv",
        "Port of Odesa keeps working",
        "Russia shells 7 communities in Sumy Oblast.",
    ]


def test_keys_toggle_star_and_read_and_unread_rows_are_bold(
    qtbot, window: MainWindow, sample_items: dict[str, int]
) -> None:
    view = window.archive_view
    reload_list(qtbot, window)
    model = view.model
    assert model.data(model.index(2, TITLE_COL), Qt.ItemDataRole.FontRole).bold()
    view.table.setFocus()
    view.select_item(sample_items["odesa"])  # opening marks it read
    settle_window(qtbot, window)
    assert model.data(model.index(2, TITLE_COL), Qt.ItemDataRole.FontRole) is None
    qtbot.keyClick(view.table, Qt.Key.Key_S)
    assert model.data(model.index(2, 0)).startswith("★")  # at once, before the write ends
    settle_window(qtbot, window)
    stored = get_item(sample_items["odesa"])
    assert stored is not None and stored.starred
    assert model.data(model.index(2, 0)).startswith("★")  # and read back from the archive
    qtbot.keyClick(view.table, Qt.Key.Key_Space)
    assert model.data(model.index(2, TITLE_COL), Qt.ItemDataRole.FontRole).bold()
    settle_window(qtbot, window)
    stored = get_item(sample_items["odesa"])
    assert stored is not None and not stored.is_read
    assert last_message(window) is None


def test_starred_only_filter_and_tag_counts(
    qtbot, window: MainWindow, sample_items: dict[str, int]
) -> None:
    view = window.archive_view
    set_starred(sample_items["sumy"])
    with qtbot.waitSignal(view.searchFinished):
        view.filters.starred_check.setChecked(True)
    assert view.model.ids() == [sample_items["sumy"]]
    with qtbot.waitSignal(view.countsShown):
        view.filters.starred_check.setChecked(False)
    tags = [view.filters.tag_list.item(i).text() for i in range(view.filters.tag_list.count())]
    assert tags == ["air defense (1)"]
    with qtbot.waitSignal(view.searchFinished):
        view.filters.tag_list.item(0).setCheckState(Qt.CheckState.Checked)
    assert view.model.ids() == [sample_items["kyiv"]]


def test_tags_are_editable_from_the_window(
    qtbot, window: MainWindow, sample_items: dict[str, int], monkeypatch
) -> None:
    """The t key, as the user presses it: the item's tags are read, asked for, saved."""
    asked: list[str] = []

    def answer(_parent, _title, _label, text="", **_k):
        asked.append(text)
        return "Ports, grain", True

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(answer))
    view = window.archive_view
    reload_list(qtbot, window)
    view.select_item(sample_items["kyiv"])
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_T)
    settle_window(qtbot, window)
    assert asked == ["air defense"]  # the stored tags, offered for editing
    stored = get_item(sample_items["kyiv"])
    assert stored is not None and stored.data.tags == ("ports", "grain")
    assert "#ports" in view.reader.toPlainText()  # the reader followed by itself
    assert view.selected_id() == sample_items["kyiv"]
    assert "tags of “Air defense over Kyiv”" in window.undo_action.text()
    assert search(qtbot, window, "tag:grain") == ["Air defense over Kyiv"]


def test_timeline_groups_by_day_and_jk_skip_headings(
    qtbot, window: MainWindow, sample_items: dict[str, int]
) -> None:
    view = window.archive_view
    with qtbot.waitSignal(view.searchFinished):
        set_timeline(view, True)
    model = view.timeline_model
    assert model.rowCount() == 4  # one day heading and three items
    assert model.data(model.index(0), HEADING_ROLE)
    assert "25 November 2023" in model.data(model.index(0))
    assert (
        model.data(model.index(1)).strip().endswith("Russia shells 7 communities in Sumy Oblast.")
    )
    view.timeline.setFocus()
    qtbot.keyClick(view.timeline, Qt.Key.Key_J)
    assert view.selected_id() == sample_items["sumy"]
    qtbot.keyClick(view.timeline, Qt.Key.Key_J)
    qtbot.keyClick(view.timeline, Qt.Key.Key_K)
    qtbot.keyClick(view.timeline, Qt.Key.Key_K)  # the heading is skipped, nothing above
    assert view.selected_id() == sample_items["sumy"]
    qtbot.keyClick(view.timeline, Qt.Key.Key_Return)
    settle_window(qtbot, window)
    assert view.reader.current_id == sample_items["sumy"]
    assert window.archive_actions.timeline_action.isChecked()


def test_single_letter_keys_do_not_fire_while_typing(
    qtbot, window: MainWindow, sample_items: dict[str, int]
) -> None:
    view = window.archive_view
    reload_list(qtbot, window)
    view.select_item(sample_items["odesa"])
    view.search_edit.setFocus()
    qtbot.keyClicks(view.search_edit, "s ")
    settle_window(qtbot, window)
    stored = get_item(sample_items["odesa"])
    assert stored is not None and not stored.starred and stored.is_read


def test_article_exports_to_a_pdf_file(
    qtbot, window: MainWindow, sample_items: dict[str, int], tmp_path: Path
) -> None:
    view = window.archive_view
    reload_list(qtbot, window)
    target = tmp_path / "article.pdf"
    assert not export_current_pdf(view, target)  # nothing shown yet
    view.select_item(sample_items["kyiv"])
    settle_window(qtbot, window)
    assert export_current_pdf(view, target)
    data = target.read_bytes()
    assert data.startswith(b"%PDF-") and len(data) > 1000
    assert b"%%EOF" in data[-64:]


def test_item_models_pass_qts_model_tester(
    qtbot, qtmodeltester, window: MainWindow, sample_items: dict[str, int]
) -> None:
    view = window.archive_view
    set_timeline(view, True)
    reload_list(qtbot, window)
    qtmodeltester.check(view.model)
    qtmodeltester.check(view.timeline_model)


def test_reader_text_size_steps_are_kept_for_the_next_start(
    qtbot, make_window, archive_db, settings, tmp_path
) -> None:
    from desktop_app.ui.archive.archive_actions import ZOOM_KEY
    from desktop_app.ui.archive.reader_view import MIN_POINTS, ZOOM_LIMIT

    first = make_window(show=False)
    first.ensure_built()
    reader = first.archive_view.reader
    normal = reader.font().pointSizeF()
    first.archive_actions.zoom_in_action.trigger()
    first.archive_actions.zoom_in_action.trigger()
    assert reader.font().pointSizeF() == normal + 2
    assert reader.document().defaultFont().pointSizeF() == normal + 2  # what is drawn
    assert int(settings.value(ZOOM_KEY)) == 2
    for _ in range(ZOOM_LIMIT + 5):
        first.archive_actions.zoom_out_action.trigger()
    lowest = max(-ZOOM_LIMIT, -int(normal - MIN_POINTS))
    assert reader.zoom_steps == lowest  # bounded, never unreadably small
    assert reader.font().pointSizeF() == normal + lowest
    first.archive_actions.zoom_reset_action.trigger()
    assert reader.font().pointSizeF() == normal
    first.archive_actions.zoom_in_action.trigger()
    first.close()

    second = make_window(show=False)
    second.ensure_built()
    assert second.archive_view.reader.zoom_steps == 1
    assert second.archive_view.reader.font().pointSizeF() == normal + 1


def test_an_estimated_time_is_marked_in_the_list(qtbot, window: MainWindow) -> None:
    import datetime as dt

    from desktop_app.core.item import BRIEF, ItemData
    from desktop_app.services import items
    from desktop_app.ui.archive.archive_model import DATE_COL

    when = dt.datetime(2024, 5, 12, 6, 0, tzinfo=dt.UTC)
    items.save_item(ItemData(BRIEF, "Sirens in Sumy.", when, date_estimated=True))
    items.save_item(ItemData(BRIEF, "Sirens in Poltava.", when))
    reload_list(qtbot, window)
    model = window.archive_view.model
    shown = {model.data(model.index(r, TITLE_COL)): model.index(r, DATE_COL) for r in range(2)}
    estimated, stated = shown["Sirens in Sumy."], shown["Sirens in Poltava."]
    assert model.data(estimated).startswith("≈ ") and not model.data(stated).startswith("≈")
    assert "no time" in model.data(estimated, Qt.ItemDataRole.ToolTipRole)


def test_an_empty_archive_says_it_is_empty_and_a_filter_that_keeps_nothing_says_so(
    qtbot, window: MainWindow
) -> None:
    view = window.archive_view
    window.ensure_built()
    reload_list(qtbot, window)
    assert view.model.rowCount() == 0
    assert view.count_label.text() == "The archive is empty."
    assert view.reader.toPlainText().strip() == "The archive is empty."  # no advice on filters
    view.filters.starred_check.setChecked(True)
    qtbot.waitUntil(lambda: view.count_label.text() == "No items match the chosen filters.")
    assert "clear the filters" in view.reader.toPlainText()
