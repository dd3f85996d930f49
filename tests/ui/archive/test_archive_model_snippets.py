"""Snippets are read after the paint that asks for them, not beside it: read on the rows
thread during the first page's paint, they held the interpreter lock it needed."""

from __future__ import annotations

from desktop_app.core.search_query import parse_query
from desktop_app.ui.archive.archive_model import MATCH_COL, SNIPPET_ROLE, ArchiveTableModel


def test_snippets_are_asked_for_once_the_paint_is_over(qtbot):
    model = ArchiveTableModel()
    asked: list[object] = []
    model.set_loader(lambda read, arrived: asked.append(read))
    model.set_ids([3, 2, 1], parse_query("drones"))
    for row in range(3):  # what a paint of the three rows asks
        assert model.data(model.index(row, MATCH_COL), SNIPPET_ROLE) == ""
    assert asked == []
    qtbot.waitUntil(lambda: len(asked) == 1)  # one page of snippets, asked once
    qtbot.wait(20)
    assert len(asked) == 1
