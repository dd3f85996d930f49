"""A search answers in steps: the first page of rows, then the whole list, then the counts."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.core.item import BRIEF, ItemData
from desktop_app.storage.db.models import database_proxy
from desktop_app.storage.items import save_item
from desktop_app.storage.search import Facets, SearchRequest
from desktop_app.ui.archive.archive_model import TITLE_COL
from desktop_app.ui.archive.archive_view import ArchiveView
from desktop_app.ui.archive.search_worker import FIRST_PAGE
from tests.ui.conftest import settle_window


@pytest.fixture
def many_items(archive_db: object) -> int:
    """More matching items than the first page holds."""
    start = dt.datetime(2023, 11, 1, tzinfo=dt.UTC)
    n = FIRST_PAGE + 25
    with database_proxy.atomic():
        for i in range(n):
            save_item(
                ItemData(BRIEF, f"Drones over Kharkiv, report {i}", start + dt.timedelta(minutes=i))
            )
    return n


@pytest.fixture
def view(qtbot, window, many_items: int) -> ArchiveView:
    # The items were written beside the open window, which notices that by polling (once a
    # second) and searches again: wait for that, or it can overtake a test's own search.
    qtbot.waitUntil(lambda: window.archive_view.model.rowCount() == many_items, timeout=10000)
    settle_window(qtbot, window)
    return window.archive_view


def test_the_first_page_arrives_before_the_whole_list(
    qtbot, view: ArchiveView, many_items: int
) -> None:
    seen: list[tuple[str, int]] = []
    view.firstRowsShown.connect(lambda: seen.append(("first", view.model.rowCount())))
    view.searchFinished.connect(lambda: seen.append(("all", view.model.rowCount())))
    with qtbot.waitSignal(view.searchFinished, timeout=5000):
        view.worker.search(SearchRequest("drones"))
    assert seen == [("first", FIRST_PAGE), ("all", many_items)]
    model = view.model
    # Newest first, and the first page's rows were kept when the rest was appended.
    assert model.data(model.index(0, TITLE_COL)) == f"Drones over Kharkiv, report {many_items - 1}"
    # A row past the first page is read on the search thread, and repainted when it comes.
    last = model.index(many_items - 1, TITLE_COL)
    assert model.data(last) is None
    # Any page's repaint (the snippets of the first rows too) says dataChanged: wait for this row.
    qtbot.waitUntil(lambda: model.data(last) is not None, timeout=5000)
    assert model.data(last) == "Drones over Kharkiv, report 0"


def test_the_first_page_is_painted_before_it_is_said_shown(qtbot, view: ArchiveView) -> None:
    # Painted at once, while the search thread waits for it, not after the quick counts.
    from PySide6.QtCore import QEvent, QObject

    events: list[str] = []

    class Paints(QObject):
        def eventFilter(self, _obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                events.append("paint")
            return False

    paints = Paints()
    view.table.viewport().installEventFilter(paints)
    view.model.modelReset.connect(lambda: events.append("rows"))
    view.firstRowsShown.connect(lambda: events.append("shown"))
    with qtbot.waitSignal(view.searchFinished, timeout=5000):
        view.worker.search(SearchRequest("kharkiv"))
    view.table.viewport().removeEventFilter(paints)
    shown = events.index("shown")
    assert "paint" in events[events.index("rows") : shown]


def test_the_first_page_keeps_the_selection_when_the_rest_arrives(
    qtbot, view: ArchiveView, many_items: int
) -> None:
    with qtbot.waitSignal(view.searchFinished, timeout=5000):
        view.worker.search(SearchRequest("kharkiv"))
    item_id = view.model.item_id(3)
    view.select_item(item_id)
    with qtbot.waitSignal(view.searchFinished, timeout=5000):
        view.worker.search(SearchRequest("drones"))
    assert view.selected_id() == item_id


def test_counts_show_an_estimate_first_then_the_exact_figures(
    qtbot, view: ArchiveView, many_items: int
) -> None:
    shown: list[tuple[str, str]] = []

    def record() -> None:
        shown.append((view.count_label.text(), view.kind_combo.itemText(0)))

    view.countsShown.connect(record)
    with qtbot.waitSignal(view.searchFinished, timeout=5000):
        view.worker.search(SearchRequest("kharkiv"))
    qtbot.waitUntil(lambda: shown and shown[-1][1] == f"All ({many_items})", timeout=5000)
    view.countsShown.disconnect(record)
    (label, combo), *counted, exact = shown
    # More matches than the first page: scaled from the newest ones, and said to be.
    assert label.startswith("About ") and combo.startswith("All (≈ ")
    # Then the number of matches counted in the index (exact), the rest still estimated;
    # counted beside a list read as text, it may come after the list and is then left out.
    assert len(counted) <= 1
    for number, kinds in counted:
        assert number == exact[0] and str(many_items) in number
        assert kinds.startswith("All (≈ ")
    assert not exact[0].startswith("About")


def test_the_number_of_matches_is_counted_while_the_list_is_read(
    qtbot, view: ArchiveView, many_items: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from desktop_app.services import queries
    from desktop_app.storage.db.pg_schema import is_server
    from desktop_app.ui.archive import id_lists

    if is_server(database_proxy):
        pytest.skip("the list is read as text from SQLite's index only")
    reading, counted_while_reading = threading.Event(), threading.Event()
    real_read, real_count = id_lists.read_ids, queries.match_count

    def read(listed: object) -> object:
        reading.set()
        counted_while_reading.wait(5)
        return real_read(listed)  # type: ignore[arg-type]

    def count(*args: object) -> object:
        # One after the other (count, then list), the list would not have started.
        if reading.wait(5):
            counted_while_reading.set()
        return real_count(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(id_lists, "read_ids", read)  # the search thread's (`list_ids`)
    monkeypatch.setattr(queries, "match_count", count)
    with qtbot.waitSignal(view.searchFinished, timeout=15_000):
        view.worker.search(SearchRequest("kharkiv"))
    assert counted_while_reading.is_set()
    qtbot.waitUntil(lambda: view.kind_combo.itemText(0) == f"All ({many_items})", timeout=5000)


def test_a_number_counted_after_the_exact_counts_is_not_shown(
    qtbot, view: ArchiveView, many_items: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from desktop_app.services import queries
    from desktop_app.storage.db.pg_schema import is_server

    if is_server(database_proxy):
        pytest.skip("the number is counted beside the list only where it is read as text")
    exact_shown = threading.Event()
    real_count = queries.match_count

    def late_count(*args: object) -> object:
        exact_shown.wait(5)
        return real_count(*args)  # type: ignore[arg-type]

    def record() -> None:
        if view.kind_combo.itemText(0) == f"All ({many_items})":
            exact_shown.set()

    monkeypatch.setattr(queries, "match_count", late_count)
    view.countsShown.connect(record)
    try:
        view.worker.search(SearchRequest("kharkiv"))
        qtbot.waitUntil(exact_shown.is_set, timeout=15_000)
        qtbot.waitUntil(lambda: not view.worker.busy, timeout=10_000)
    finally:
        view.countsShown.disconnect(record)
    assert view.kind_combo.itemText(0) == f"All ({many_items})"  # not the estimate again


def test_a_reload_keeps_the_exact_counts_until_the_new_ones(
    qtbot, view: ArchiveView, many_items: int
) -> None:
    with qtbot.waitSignal(view.searchFinished, timeout=5000):
        view.worker.search(SearchRequest("kharkiv"))
    qtbot.waitUntil(lambda: view.kind_combo.itemText(0) == f"All ({many_items})", timeout=5000)
    estimate = Facets({"brief": 230}, [], [], estimated=True)
    # An estimate for a reload (as after a change in the archive) is not shown: the exact
    # counts stay until the reload's exact ones arrive.
    view._keep = (view.worker.generation, 0)
    view._show_counts(estimate)
    assert view.kind_combo.itemText(0) == f"All ({many_items})"
    # The same estimate for a new search is shown, and said to be one.
    view._keep = None
    view._show_counts(estimate)
    assert view.kind_combo.itemText(0) == "All (≈ 230)"
    assert view.count_label.text().startswith("About 230 ")


@pytest.mark.skipif(not Path("/proc/self/fd").exists(), reason="counts open files via /proc")
def test_searches_share_one_connection(qtbot, window, view: ArchiveView, tmp_path: Path) -> None:
    archive = os.path.realpath(tmp_path / "archive.sqlite")

    def open_archive_files() -> int:
        # This test's archive file itself, once per connection (a connection opens its WAL
        # file lazily, and earlier tests' windows may close theirs meanwhile).
        return sum(
            1
            for fd in os.listdir("/proc/self/fd")
            if os.path.realpath(f"/proc/self/fd/{fd}") == archive
        )

    # Only the search thread reads from here on: the window's runner (whose lanes have
    # connections of their own, and poll) is closed first.
    window.ensure_built()
    settle_window(qtbot, window)
    window.runner.close()
    with qtbot.waitSignal(view.countsShown, timeout=5000):
        view.worker.search(SearchRequest("drones"))
    view.worker.wait()
    before = open_archive_files()
    for text in ("kharkiv", "report", "drones kharkiv", "over"):
        with qtbot.waitSignal(view.countsShown, timeout=5000):
            view.worker.search(SearchRequest(text))
        view.worker.wait()
    assert open_archive_files() == before  # each search used to open (and keep) its own


def test_importing_the_window_does_not_load_the_import_formats() -> None:
    code = (
        "import sys; import desktop_app.ui.app.main_window; "
        "print(sorted(m for m in sys.modules if m.startswith(("
        "'desktop_app.core.formats', 'desktop_app.storage.importing', "
        "'desktop_app.core.exports'))))"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    ).stdout
    assert out.strip() == "[]"
