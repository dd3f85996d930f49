"""What the reader says when the list is empty, and the number under the list."""

from __future__ import annotations

from desktop_app.storage.search import Facets
from desktop_app.ui.archive.list_table import counts_said, nothing_found


def test_a_search_that_excludes_what_it_asks_for_says_so(qtbot) -> None:
    said = nothing_found("power -power", everything=False)
    assert "leaves out" in said and "filters" not in said
    # `"power lines" -power`: the phrase always has the word.
    assert "leaves out" in nothing_found('"power lines" -power', everything=False)


def test_a_search_that_only_found_nothing_suggests_fewer_words(qtbot) -> None:
    for text in ("power -powerless", "power", ""):
        said = nothing_found(text, everything=False)
        assert "fewer words" in said and "leaves out" not in said, text


def test_a_filter_asked_for_and_left_out_is_named(qtbot) -> None:
    said = nothing_found("drones tag:energy -tag:energy", everything=False)
    assert "tag:energy" in said and "leaves it out" in said and "fewer words" not in said


def test_the_number_under_the_list_says_when_its_rows_are_still_being_sorted(qtbot) -> None:
    """Counts that come before the rows (by relevance at a million items) say so; an
    estimate says "about"; counts without a number say nothing of it."""
    exact = Facets(kinds={"brief": 5, "article": 2}, tags=[], sources=[], total=7)
    about = Facets(kinds={"brief": 4000, "article": 1000}, tags=[], sources=[], estimated=True)
    plain = Facets(kinds={"brief": 5}, tags=[], sources=[])
    assert counts_said(exact, sorting=False) == "7 items"
    assert counts_said(exact, sorting=True) == "7 items, sorting…"
    assert counts_said(about, sorting=False) == "About 5,000 items, counting…"
    assert counts_said(about, sorting=True) == "About 5,000 items, sorting…"
    assert counts_said(plain, sorting=True) is None


def test_choosing_every_row_repaints_asking_the_model_for_the_rows_shown_only(qtbot) -> None:
    """Ctrl+A over a long list: the headings used to ask whether every row of each column
    was chosen, a call into the model a row (6 s at a million rows); now only what shows."""
    from PySide6.QtGui import QFontMetrics
    from PySide6.QtWidgets import QApplication

    from desktop_app.core.search_query import parse_query
    from desktop_app.ui.archive.archive_model import ArchiveTableModel
    from desktop_app.ui.archive.list_table import list_table

    class Counting(ArchiveTableModel):
        asked = 0

        def flags(self, index):  # type: ignore[no-untyped-def]
            Counting.asked += 1
            return super().flags(index)

    model = Counting()
    model.set_loader(lambda _fn, _deliver: None)
    model.set_ids(range(1, 20_001), parse_query(""))
    table = list_table(model, QFontMetrics(QApplication.font()))
    qtbot.addWidget(table)
    table.resize(800, 400)
    table.show()
    qtbot.waitExposed(table)
    QApplication.processEvents()
    table.selectAll()
    Counting.asked = 0
    table.repaint()
    table.horizontalHeader().repaint()
    assert table.selectionModel().isRowSelected(19_999)
    assert Counting.asked < 2_000  # a screenful of cells, not 20,000 rows of each column


def test_a_letter_typed_into_the_list_reads_no_row_beyond_the_screen(qtbot) -> None:
    """Qt's find-as-you-type asked for the text of every row until one began with the
    letter, and queued a read of each page (3.7 s on the GUI thread at a million rows)."""
    from array import array

    from PySide6.QtCore import Qt
    from PySide6.QtGui import QFontMetrics
    from PySide6.QtWidgets import QApplication

    from desktop_app.core.search_query import parse_query
    from desktop_app.ui.archive.archive_model import ArchiveTableModel
    from desktop_app.ui.archive.list_table import list_table
    from desktop_app.ui.archive.timeline_model import TimelineModel, timeline_view

    asked: list[int] = []
    table_model = ArchiveTableModel()
    table_model.set_loader(lambda _fn, _deliver: asked.append(1))
    table_model.set_ids(range(1, 20_001), parse_query(""))
    timeline_model = TimelineModel()
    timeline_model.set_loader(lambda _fn, _deliver: asked.append(1))
    timeline_model.set_entries(array("i", range(20_000, 0, -1)), [("2024-01-01", 20_000)])
    views = [
        list_table(table_model, QFontMetrics(QApplication.font())),
        timeline_view(timeline_model),
    ]
    for view in views:
        qtbot.addWidget(view)
        view.resize(800, 400)
        view.show()
        qtbot.waitExposed(view)
        view.setCurrentIndex(view.model().index(1, 0))
        QApplication.processEvents()
        asked.clear()
        for key in (Qt.Key.Key_X, Qt.Key.Key_Space, Qt.Key.Key_Q):
            qtbot.keyClick(view, key)
        assert asked == []  # no page beyond the screen's was asked for
        assert view.currentIndex().row() == 1  # and the keyboard stays where it was
