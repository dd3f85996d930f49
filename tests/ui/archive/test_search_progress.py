"""A slow search says so: the number under the list and the counts beside it do not go on
showing the search before's as if they were its own (`ui/archive/search_progress.py`).

The search is made slow for real: the search thread is kept busy by a job put on its own
queue, so the search waits behind it, as it would behind a broad search on a large archive."""

from __future__ import annotations

import datetime as dt
import threading
import time

import pytest
from PySide6.QtCore import QPoint, Qt

from desktop_app.core.item import ARTICLE, BRIEF, ItemData
from desktop_app.services import queries
from desktop_app.storage import search, search_quick
from desktop_app.storage.db.models import database_proxy
from desktop_app.storage.items import save_item
from desktop_app.ui.archive import search_worker
from desktop_app.ui.archive.archive_view import ArchiveView
from desktop_app.ui.archive.list_table import show_kind_counts
from desktop_app.ui.archive.search_progress import SLOW_MS
from tests.ui.conftest import settle_window


@pytest.fixture
def view(qtbot, window) -> ArchiveView:
    start = dt.datetime(2024, 5, 1, tzinfo=dt.UTC)

    def fill() -> None:
        with database_proxy.atomic():
            for n in range(6):
                when = start + dt.timedelta(hours=n)
                save_item(ItemData(BRIEF, f"Drones over Kharkiv {n}", when, tags=("air",)))
            for n in range(3):
                when = start + dt.timedelta(days=1, hours=n)
                save_item(ItemData(ARTICLE, f"Rail lines repaired {n}", when, tags=("rail",)))

    # Written on the window's own writing connection: written from here, the window would
    # take them for another program's and search again whenever it noticed, in the middle
    # of a test's search.
    window.runner.write("sample items", fill)
    qtbot.waitUntil(lambda: window.runner.idle, timeout=10000)
    view: ArchiveView = window.archive_view
    view.ensure_panels()
    view.reload()
    settle_window(qtbot, window)
    qtbot.waitUntil(lambda: view.model.rowCount() == 9, timeout=10000)
    return view


def _search(qtbot, view: ArchiveView, text: str) -> None:
    view.search_edit.blockSignals(True)
    view.search_edit.setText(text)
    view.search_edit.blockSignals(False)
    view.run_search()


def _counts(view: ArchiveView) -> list[str]:
    kinds = [view.kind_combo.itemText(row) for row in range(view.kind_combo.count())]
    tags = [view.filters.tag_list.item(row).text() for row in range(view.filters.tag_list.count())]
    return kinds + tags


def _hold_search_thread(view: ArchiveView) -> threading.Event:
    """A job on the search thread that runs until the event is set."""
    release = threading.Event()

    def hold() -> None:
        release.wait(30)

    view.worker._start(hold)
    return release


def test_a_slow_search_says_it_is_searching_and_counting(qtbot, view: ArchiveView) -> None:
    _search(qtbot, view, "drones")
    qtbot.waitUntil(lambda: view.kind_combo.itemText(0) == "All (6)", timeout=10000)
    assert "air (6)" in _counts(view)

    # Counts as wide as a large archive's before it: "…" must not narrow the box.
    show_kind_counts(view.kind_combo, {"article": 456_789, "brief": 777_778})
    qtbot.wait(20)
    width = view.kind_combo.width()
    release = _hold_search_thread(view)
    try:
        _search(qtbot, view, "rail")
        # Nothing changes at once: a quick answer would replace it within a frame or two.
        assert view.kind_combo.itemText(0) == "All (1,234,567)"
        qtbot.waitUntil(lambda: view.count_label.text() == "Searching…", timeout=5000)
        qtbot.wait(20)  # the layout after the texts changed
        assert view.kind_combo.width() >= width  # "…" is narrower: the box keeps its place
        shown = _counts(view)
        # Not the 6 drones of the search before: every count waits for this search's own.
        assert shown[:3] == ["All (…)", "Articles (…)", "Briefs (…)"]
        assert "air (…)" in shown and not any(c.endswith("(6)") for c in shown)
    finally:
        release.set()
    qtbot.waitUntil(lambda: view.kind_combo.itemText(0) == "All (3)", timeout=10000)
    qtbot.waitUntil(lambda: "rail (3)" in _counts(view), timeout=10000)
    # The list's own number follows its first rows (which say "Searching…" until then).
    qtbot.waitUntil(lambda: "Searching" not in view.count_label.text(), timeout=10000)
    assert "3" in view.count_label.text()
    assert not any("…" in c for c in _counts(view))


def test_an_answer_that_comes_sooner_says_nothing_afterwards(
    qtbot, window, view: ArchiveView
) -> None:
    _search(qtbot, view, "rail")
    qtbot.waitUntil(lambda: view.kind_combo.itemText(0) == "All (3)", timeout=10000)
    settle_window(qtbot, window)
    said = view.count_label.text()
    qtbot.wait(SLOW_MS + 150)  # past the moment a slow search would be announced
    assert view.count_label.text() == said and view.kind_combo.itemText(0) == "All (3)"


def test_the_rows_of_the_search_before_are_dimmed_until_this_ones_come(
    qtbot, window, view: ArchiveView
) -> None:
    """Behind a slow search the rows on screen are the previous search's: after `SLOW_MS`
    they are greyed out and take no clicks; this search's rows bring the list back, with
    the keyboard if it had it."""
    _search(qtbot, view, "drones")
    qtbot.waitUntil(lambda: view.model.rowCount() == 6, timeout=10000)
    view.table.setFocus()
    qtbot.waitUntil(view.table.hasFocus, timeout=5000)
    release = _hold_search_thread(view)
    try:
        _search(qtbot, view, "rail")
        assert view.table.isEnabled()  # not at once: a quick answer changes nothing first
        qtbot.waitUntil(lambda: not view.table.isEnabled(), timeout=5000)
        assert view.model.rowCount() == 6  # still the drones, greyed out
        qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=_row_centre(view, 2))
        assert view._wanted is None  # a dimmed row cannot be opened
    finally:
        release.set()
    qtbot.waitUntil(lambda: view.model.rowCount() == 3, timeout=10000)
    assert view.table.isEnabled() and view.list_stack.isEnabled()
    qtbot.waitUntil(view.table.hasFocus, timeout=5000)  # the keyboard is back in the list


def test_a_reload_or_a_failure_does_not_leave_the_list_dimmed(qtbot, view: ArchiveView) -> None:
    release = _hold_search_thread(view)
    try:
        view.reload()  # as after an edit: its rows are the same search's, kept in place
        qtbot.wait(SLOW_MS + 150)
        assert view.table.isEnabled()
        _search(qtbot, view, "rail")
        qtbot.waitUntil(lambda: not view.table.isEnabled(), timeout=5000)
        view.worker.failed.emit("no such column")  # nothing more will come for this search
        assert view.table.isEnabled()
    finally:
        release.set()


def _row_centre(view: ArchiveView, row: int) -> QPoint:
    return view.table.visualRect(view.model.index(row, 1)).center()


def test_a_reload_after_a_change_keeps_what_it_shows(qtbot, view: ArchiveView) -> None:
    _search(qtbot, view, "drones")
    qtbot.waitUntil(lambda: view.kind_combo.itemText(0) == "All (6)", timeout=10000)
    said, counts = view.count_label.text(), _counts(view)
    release = _hold_search_thread(view)
    try:
        view.reload()  # as after an edit: the same search, kept in place until it is back
        qtbot.wait(SLOW_MS + 150)
        assert view.count_label.text() == said and _counts(view) == counts
    finally:
        release.set()


def test_a_failed_search_says_why_and_nothing_after(qtbot, view: ArchiveView) -> None:
    release = _hold_search_thread(view)
    said = "The search failed: the connection to the server was lost"
    try:
        _search(qtbot, view, "rail")
        view.worker.failed.emit("the connection to the server was lost")  # the worker's reason
        assert view.count_label.text() == said
        qtbot.wait(SLOW_MS + 150)
        assert view.count_label.text() == said and "(…)" not in view.kind_combo.itemText(0)
    finally:
        release.set()


def test_exact_counts_before_the_first_rows_stay_shown(
    qtbot, view: ArchiveView, monkeypatch: pytest.MonkeyPatch
) -> None:
    """By relevance in a large archive the exact counts can come before the first page
    (`SearchWorker._count_early`): the number they bring stays under the list."""
    monkeypatch.setattr(search, "RANKED_HALVES_FROM", 1)
    view.filters.set_order("relevance", False)
    qtbot.waitUntil(lambda: not view.worker.busy, timeout=10000)
    counted = threading.Event()
    real = queries.ranked_rows

    def ranked(*args: object, **kwargs: object) -> object:
        assert counted.wait(20)  # the first page is ranked after the counts came,
        time.sleep(SLOW_MS / 1000 + 0.2)  # and after the search was slow enough to say so
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(queries, "ranked_rows", ranked)
    view.worker.countsReady.connect(lambda _facets: counted.set())
    under_first_rows: list[str] = []
    view.firstRowsShown.connect(lambda: under_first_rows.append(view.count_label.text()))
    _search(qtbot, view, "drones")
    qtbot.waitUntil(lambda: bool(under_first_rows), timeout=10000)
    assert under_first_rows == ["6 items"]
    qtbot.waitUntil(lambda: not view.worker.busy, timeout=10000)
    assert view.count_label.text() == "6 items"
    assert view.kind_combo.itemText(0) == "All (6)"


def test_an_estimate_before_the_ranked_rows_says_they_are_being_sorted(
    qtbot, view: ArchiveView, monkeypatch: pytest.MonkeyPatch
) -> None:
    """By relevance in a large archive the estimate comes before the first ranked page: the
    number under the (still previous) list says the rows are being sorted; under the rows,
    once they come, it no longer does."""
    monkeypatch.setattr(search, "RANKED_HALVES_FROM", 1)
    monkeypatch.setattr(search_worker, "FIRST_PAGE", 3)
    monkeypatch.setattr(search_quick, "SAMPLE", 3)  # 6 matches: an estimate
    view.filters.set_order("relevance", False)
    qtbot.waitUntil(lambda: not view.worker.busy, timeout=10000)
    estimated = threading.Event()
    real = queries.ranked_rows

    def ranked(*args: object, **kwargs: object) -> object:
        assert estimated.wait(20)  # the first page is ranked after the estimate was shown
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(queries, "ranked_rows", ranked)
    said: list[str] = []

    def on_counts() -> None:
        said.append(view.count_label.text())
        estimated.set()

    view.countsShown.connect(on_counts)
    view.firstRowsShown.connect(lambda: said.append("rows: " + view.count_label.text()))
    _search(qtbot, view, "drones")
    # The counts come once or twice (the estimate, the exact number) before the rows, which
    # wait for the first; the exact number may also come after them.
    qtbot.waitUntil(
        lambda: not view.worker.busy and any(text.startswith("rows: ") for text in said),
        timeout=10000,
    )
    rows = next(n for n, text in enumerate(said) if text.startswith("rows: "))
    # The estimate, or on a loaded machine the exact number from the counting thread, which
    # may come first (test_early_counts holds the order of the two); either says "sorting".
    assert said[0].startswith(("About ", "6 items")) and said[0].endswith(", sorting…")
    # Before the rows (the exact counts may come then too) each says so; under them, none.
    assert rows > 0 and all(text.endswith(", sorting…") for text in said[:rows])
    assert said[rows] in ("rows: 6 items", f"rows: {said[0].replace('sorting', 'counting')}")
    assert not any("sorting" in text for text in said[rows:])
    assert view.count_label.text() == "6 items"


def test_a_reload_by_relevance_does_not_say_its_rows_are_being_sorted(
    qtbot, view: ArchiveView, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A reload (after a change) keeps the list it shows, which is already the search's own
    ranked rows: the counts that come before its new ranking say the number, not "sorting"."""
    monkeypatch.setattr(search, "RANKED_HALVES_FROM", 1)
    view.filters.set_order("relevance", False)
    _search(qtbot, view, "drones")
    qtbot.waitUntil(lambda: not view.worker.busy and view.model.rowCount() == 6, timeout=10000)
    counted = threading.Event()
    real = queries.ranked_rows

    def ranked(*args: object, **kwargs: object) -> object:
        assert counted.wait(20)  # ranked only once the counts were shown
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(queries, "ranked_rows", ranked)
    said: list[str] = []

    def on_counts() -> None:
        said.append(view.count_label.text())
        counted.set()

    view.countsShown.connect(on_counts)
    view.reload()
    qtbot.waitUntil(lambda: bool(said) and not view.worker.busy, timeout=10000)
    assert said and not any("sorting" in text for text in said)
    assert view.count_label.text() == "6 items"
