"""The Archive's panes share a narrower window: opening the Sources panel (or shrinking the
window) takes width from the list and the reader alike, so the search field stays usable."""

from __future__ import annotations

from desktop_app.ui.app.main_window import MainWindow
from tests.ui.conftest import settle_window


def test_a_narrower_window_takes_from_the_reader_too(qtbot, window: MainWindow) -> None:
    view = window.archive_view
    window.resize(1380, 860)
    window.show()
    settle_window(qtbot, window)
    wide_list, wide_reader = view.splitter.sizes()
    window.resize(800, 860)
    qtbot.waitUntil(lambda: view.splitter.sizes()[0] < wide_list)
    narrow_list, narrow_reader = view.splitter.sizes()
    # Shared about 3:2 (the reader kept all of its 410 px and the search field shrank to 28).
    assert narrow_reader < wide_reader - 100
    assert narrow_list > 1.5 * narrow_reader
    assert view.search_edit.width() >= 150
