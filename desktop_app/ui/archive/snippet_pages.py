"""The list's last column, read a page of rows at a time off the GUI thread: the matched
words in context while the search has words, each item's first words (a preview) when it
has none.

Snippets are asked for once the paint that wants them is over (read beside it, they slowed
the first page's paint by a third). Previews wait until the list stops moving and then are
read for the screen shown only: read for every screen a fast scroll passes, they made each
jump through 1,000,000 items wait behind them (median 70 → 115 ms) and added 23 MiB. Only
the pages asked for last are kept; one scrolled back to is read again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QTimer

from desktop_app.core.search_query import Query, parse_query
from desktop_app.ui.archive.row_pages import Loader

# Rows a read covers: a snippet costs a search of the item's text.
SNIPPET_PAGE = 50
# How long the list must stay still before previews are read, and for how many pages (the
# screen just shown: up to 150 rows).
PREVIEW_DELAY_MS = 150
PREVIEW_PAGES = 3
# Pages whose text is kept (2,000 rows); older ones are forgotten and read again if shown.
KEPT_PAGES = 40


class SnippetPages(QObject):
    """`ids(first, end)`: the list's item ids in rows [first, end); `repaint(first, last)`:
    rows whose text arrived; `read(ids, parsed)`: their texts, read on the search thread
    (through `loader`), by default `services.queries.snippets`."""

    def __init__(
        self,
        parent: QObject,
        ids: Callable[[int, int], list[int]],
        repaint: Callable[[int, int], None],
        read: Callable[[Sequence[int], Query], dict[int, str]] | None = None,
    ) -> None:
        super().__init__(parent)
        self._ids, self._repaint, self._read_texts = ids, repaint, read
        self.loader: Loader | None = None
        self._texts: dict[int, str] = {}
        self._pages: dict[int, None] = {}  # asked for or read, oldest first
        self._asked: list[int] = []  # asked for since the last read
        self._epoch = 0
        self._parsed: Query = parse_query("")
        self.matching = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._read_asked)

    def clear(self, parsed: Query) -> None:
        """A new list, for the search `parsed`: nothing read for the old one is shown."""
        self._epoch += 1
        self._texts.clear()
        self._pages.clear()
        self._asked.clear()
        self._timer.stop()
        self._parsed = parsed
        self.matching = bool(parsed.highlight_patterns())

    def text(self, row: int, item_id: int) -> str:
        """What the row shows now; its page is read if it has not been asked for."""
        page = row // SNIPPET_PAGE
        if page not in self._pages and self.loader is not None:
            self._pages[page] = None
            self._asked.append(page)
            self._timer.start(0 if self.matching else PREVIEW_DELAY_MS)
        return self._texts.get(item_id, "")

    def _read_asked(self) -> None:
        asked, self._asked = self._asked, []
        if not self.matching:
            for page in asked[:-PREVIEW_PAGES]:
                self._pages.pop(page, None)  # scrolled past: asked again when shown again
            asked = asked[-PREVIEW_PAGES:]
        for page in asked:
            self._read(page)
        while len(self._pages) > KEPT_PAGES:
            old = next(iter(self._pages))
            del self._pages[old]
            for item_id in self._ids(old * SNIPPET_PAGE, (old + 1) * SNIPPET_PAGE):
                self._texts.pop(item_id, None)

    def _read(self, page: int) -> None:
        loader = self.loader
        if loader is None:
            return
        first = page * SNIPPET_PAGE
        window = self._ids(first, first + SNIPPET_PAGE)
        parsed, epoch, read_texts = self._parsed, self._epoch, self._read_texts

        def read() -> dict[int, str]:
            if read_texts is not None:
                return read_texts(window, parsed)
            from desktop_app.services.queries import snippets

            return snippets(window, parsed)

        def arrived(found: dict[int, str]) -> None:
            if epoch == self._epoch and page in self._pages:
                self._texts.update(found)
                self._repaint(first, first + len(window) - 1)

        loader(read, arrived)

    @property
    def pages_kept(self) -> int:
        return len(self._pages)
