"""The timeline at scale: its headings come as (day, count) runs beside the list, and the
model lays them out a day at a time (a million ids are not walked one by one on the GUI
thread); the list it shows is newest first whatever the table's order."""

from __future__ import annotations

import sqlite3
import time
from array import array
from itertools import groupby
from pathlib import Path

import pytest

from desktop_app.core.search_query import parse_query
from desktop_app.storage.db.connection import open_archive
from desktop_app.storage.db.models import database_proxy
from desktop_app.storage.search import SearchRequest, search_days, search_ids
from desktop_app.ui.archive.search_worker import SearchWorker
from desktop_app.ui.archive.timeline_model import HEADING_ROLE, TimelineModel

# Around Kyiv's midnight (UTC+2 in winter, +3 in summer), before 1970, and on one second.
STAMPS = [
    "2024-01-09T21:59:59Z",  # 23:59:59 on the 9th in Kyiv
    "2024-01-09T22:00:00Z",  # 00:00 on the 10th
    "2024-01-09T22:00:00Z",
    "2024-07-01T20:59:59Z",  # 23:59:59, summer time
    "2024-07-01T21:00:00Z",
    "1969-12-31T21:59:59Z",
    "1969-12-31T22:00:00Z",
    "1955-06-01T12:00:00Z",
]


@pytest.fixture
def kyiv_time(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("TZ", "Europe/Kyiv")
    time.tzset()  # SQLite's 'localtime' asks the C library, which reads TZ here
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def archive(tmp_path: Path, kyiv_time: None):
    opened = open_archive(tmp_path / "t.sqlite")
    con = sqlite3.connect(tmp_path / "t.sqlite")
    for n, stamp in enumerate(STAMPS * 3):
        con.execute(
            "INSERT INTO item (kind, title, published_at, starred, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, '', '')",
            ("brief" if n % 2 else "article", f"drones {n}", stamp, n % 3 == 0),
        )
    con.commit()
    con.close()
    yield opened
    opened.db.close()


def _by_row(req: SearchRequest) -> list[tuple[str, int]]:
    """The days of the list newest first, one item at a time in SQL (what the timeline
    read before)."""
    ids = search_ids(SearchRequest(req.text, starred_only=req.starred_only))
    day = {
        i: d
        for i, d in database_proxy.connection().execute(
            "SELECT id, date(published_at, 'localtime') FROM item"
        )
    }
    return [(d, len(list(g))) for d, g in groupby(day[i] for i in ids)]


def test_the_days_are_the_local_days_of_the_list_newest_first(archive: object) -> None:
    for req in (SearchRequest(), SearchRequest("drones"), SearchRequest(starred_only=True)):
        days = search_days(req, parse_query(req.text))
        assert days == _by_row(req), req
        assert sum(n for _d, n in days) == len(search_ids(req))
    per_day = dict(search_days(SearchRequest("drones"), parse_query("drones")))
    assert per_day["2024-01-09"] == 3 and per_day["2024-01-10"] == 6  # at Kyiv's midnight
    assert per_day["2024-07-01"] == 3 and per_day["2024-07-02"] == 3
    assert per_day["1969-12-31"] == 3 and per_day["1970-01-01"] == 3


def test_the_model_lays_out_a_day_at_a_time(qapp) -> None:
    model = TimelineModel()
    model.set_entries(array("i", [9, 8, 7, 6, 5]), [("2024-03-02", 2), ("2024-03-01", 3)])
    rows = [model.item_id(r) for r in range(model.rowCount())]
    assert rows == [None, 9, 8, None, 7, 6, 5]
    assert model.data(model.index(0), HEADING_ROLE) and model.data(model.index(3), HEADING_ROLE)
    assert "2 items" in model.data(model.index(0)) and "3 items" in model.data(model.index(3))
    assert model.row_of(7) == 4
    model.set_entries([3, 2], [("2024-03-02", 2)])  # a plain list of ids works too
    assert [model.item_id(r) for r in range(model.rowCount())] == [None, 3, 2]
    model.set_entries([], [])
    assert model.rowCount() == 0


def test_the_timeline_is_newest_first_whatever_the_tables_order(qtbot, archive: object) -> None:
    worker = SearchWorker()
    try:
        for req in (SearchRequest("drones", order="title"), SearchRequest(descending=False)):
            with qtbot.waitSignal(worker.finished, timeout=10_000) as answer:
                worker.search(req, timeline=True)
            result = answer.args[0]
            newest_first = search_ids(SearchRequest(req.text))
            assert list(result.ids) == search_ids(req) != newest_first  # the table's order
            assert list(result.days.ids) == newest_first
            assert result.days.days == _by_row(req)
    finally:
        worker.wait()
        worker.shutdown()


def test_the_view_does_not_lay_out_every_row_on_the_gui_thread(qtbot) -> None:
    # A QListView asked a million-row model for its row count twice a row at each reset
    # (4.5 s on the GUI thread); the timeline's view lays out the rows on screen only.
    from desktop_app.ui.archive.timeline_model import timeline_view

    model = TimelineModel()
    view = timeline_view(model)
    qtbot.addWidget(view)
    view.resize(500, 400)
    view.show()
    asked = []
    real = model.rowCount

    def counted(*args: object) -> int:
        asked.append(1)
        return real(*args)  # type: ignore[arg-type]

    model.rowCount = counted  # type: ignore[method-assign]
    ids = array("i", range(100_000, 0, -1))
    model.set_entries(ids, [(f"2024-01-{d:02d}", 4_000) for d in range(25, 0, -1)])
    qtbot.wait(100)  # the view's delayed layout, then its paint
    view.repaint()
    assert model.rowCount() == 100_025
    assert len(asked) < 2_000, len(asked)


@pytest.mark.parametrize(
    ("locale", "day"), [("en_GB", "Saturday, 2 March 2024"), ("uk_UA", "субота, 2 березня 2024")]
)
def test_a_days_heading_is_written_in_the_interfaces_language(qapp, locale: str, day: str) -> None:
    from PySide6.QtCore import QLocale

    before = QLocale()
    QLocale.setDefault(QLocale(locale))
    try:
        model = TimelineModel()
        model.set_entries([9, 8], [("2024-03-02", 2)])
        assert model.data(model.index(0)).startswith(day)  # not strftime's C-locale English
    finally:
        QLocale.setDefault(before)
