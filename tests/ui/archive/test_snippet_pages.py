"""Which pages of the last column are read, and when: snippets for every page a paint asks
for, once the paint is over; previews only for the screen shown once the list is still, so a
fast scroll through a large list reads none of the screens it passes; and only the pages read
last are kept."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject

from desktop_app.core.search_query import Query, parse_query
from desktop_app.ui.archive.snippet_pages import (
    KEPT_PAGES,
    PREVIEW_DELAY_MS,
    PREVIEW_PAGES,
    SNIPPET_PAGE,
    SnippetPages,
)

ROWS = 100 * SNIPPET_PAGE


class Reads:
    """The search thread's loader, answering at once unless `held` (then kept for later);
    each read's first row is noted, in order."""

    def __init__(self) -> None:
        self.first_rows: list[int] = []
        self.held: list[Callable[[], None]] | None = None

    def texts(self, ids: Sequence[int], _parsed: Query) -> dict[int, str]:
        # The read of the archive (snippets()) is tested in tests/storage; the ids here are
        # the row numbers.
        self.first_rows.append(ids[0])
        return {item_id: f"text {item_id}" for item_id in ids}

    def __call__(
        self, read: Callable[[], dict[int, str]], arrived: Callable[[dict[int, str]], None]
    ) -> None:
        found = read()
        if self.held is not None:
            self.held.append(lambda: arrived(found))
        else:
            arrived(found)


def pages(parent: QObject, text: str) -> tuple[SnippetPages, Reads]:
    reads = Reads()
    snippet_pages = SnippetPages(
        parent,
        lambda first, end: list(range(first, min(end, ROWS))),
        lambda _first, _last: None,
        reads.texts,
    )
    snippet_pages.loader = reads
    snippet_pages.clear(parse_query(text))
    return snippet_pages, reads


def show(snippet_pages: SnippetPages, first: int, rows: int = 30) -> list[str]:
    """What a paint of `rows` rows from `first` asks for."""
    return [snippet_pages.text(row, row) for row in range(first, first + rows)]


def test_previews_are_read_for_the_screen_the_list_stopped_at(qtbot) -> None:
    parent = QObject()
    snippet_pages, reads = pages(parent, "")
    assert not snippet_pages.matching
    for first in range(0, 40 * SNIPPET_PAGE, SNIPPET_PAGE):  # a fast scroll, a screen a step
        show(snippet_pages, first)
    assert reads.first_rows == []  # nothing read while the list moves
    qtbot.wait(PREVIEW_DELAY_MS // 3)
    assert reads.first_rows == []  # nor just after it stopped
    qtbot.waitUntil(lambda: bool(reads.first_rows), timeout=2000)
    # The pages asked for last: the screen shown, and the ones just before it.
    assert reads.first_rows == [page * SNIPPET_PAGE for page in range(40 - PREVIEW_PAGES, 40)]
    assert show(snippet_pages, 39 * SNIPPET_PAGE, 1) == [f"text {39 * SNIPPET_PAGE}"]
    # A screen passed by is asked for again when it is shown again.
    reads.first_rows.clear()
    assert show(snippet_pages, 0, 1) == [""]
    qtbot.waitUntil(lambda: reads.first_rows == [0], timeout=2000)
    assert show(snippet_pages, 0, 1) == ["text 0"]


def test_snippets_are_read_for_every_page_once_the_paint_is_over(qtbot) -> None:
    parent = QObject()
    snippet_pages, reads = pages(parent, "drones")
    assert snippet_pages.matching
    show(snippet_pages, 0, 2 * SNIPPET_PAGE + 1)  # three pages in one paint
    assert reads.first_rows == []
    qtbot.waitUntil(lambda: len(reads.first_rows) == 3, timeout=2000)
    assert reads.first_rows == [0, SNIPPET_PAGE, 2 * SNIPPET_PAGE]
    qtbot.wait(20)
    show(snippet_pages, 0, 2 * SNIPPET_PAGE + 1)
    qtbot.wait(20)
    assert len(reads.first_rows) == 3  # asked once


def test_only_the_pages_read_last_are_kept(qtbot) -> None:
    parent = QObject()
    snippet_pages, reads = pages(parent, "drones")
    for page in range(KEPT_PAGES + 5):
        show(snippet_pages, page * SNIPPET_PAGE, 1)
        qtbot.waitUntil(lambda page=page: len(reads.first_rows) == page + 1, timeout=2000)
    qtbot.wait(10)
    assert snippet_pages.pages_kept == KEPT_PAGES
    assert show(snippet_pages, (KEPT_PAGES + 4) * SNIPPET_PAGE, 1) != [""]
    assert show(snippet_pages, 0, 1) == [""]  # forgotten, so read again
    qtbot.waitUntil(lambda: reads.first_rows[-1] == 0, timeout=2000)


def test_a_new_list_drops_what_is_still_on_its_way(qtbot) -> None:
    parent = QObject()
    snippet_pages, reads = pages(parent, "drones")
    reads.held = []
    show(snippet_pages, 0, 1)
    qtbot.waitUntil(lambda: reads.first_rows == [0], timeout=2000)
    snippet_pages.clear(parse_query(""))
    for arrive in reads.held:  # the old list's texts come after the new list is shown
        arrive()
    assert not snippet_pages.matching
    assert show(snippet_pages, 0, 1) == [""]
