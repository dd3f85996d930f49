"""The search thread's reading of a whole list handed over as text (`ui/archive/id_lists`)."""

from __future__ import annotations

import random
import sqlite3
from itertools import chain
from pathlib import Path

import pytest

from desktop_app.core.search_query import parse_query
from desktop_app.storage.db.connection import open_archive
from desktop_app.storage.db.models import database_proxy
from desktop_app.storage.search import SearchRequest, select_sql
from desktop_app.storage.search_text import search_id_text
from desktop_app.ui.archive.id_lists import part_ids, read_ids


def test_a_part_of_keys_is_put_in_order_whatever_order_the_text_holds() -> None:
    keys = [-(1_700_000_000 * 2**30 + i) for i in range(1, 60)]
    shuffled = keys[:]
    random.Random(1).shuffle(shuffled)
    ids = part_ids(",".join(map(str, shuffled)), keys=True).tolist()
    assert ids == list(range(59, 0, -1))  # the same second: the higher id first
    assert part_ids("5,3,9", keys=False).tolist() == [5, 3, 9]  # ids: as they come


def test_the_list_read_from_text_equals_the_statement_row_by_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened = open_archive(tmp_path / "a.sqlite")
    con = sqlite3.connect(tmp_path / "a.sqlite")
    rng = random.Random(5)
    for _ in range(300):
        stamp = f"{rng.randint(1960, 2026)}-0{rng.randint(1, 9)}-2{rng.randint(0, 8)}T10:00:00Z"
        con.execute(
            "INSERT INTO item (kind, title, published_at, created_at, updated_at) "
            "VALUES ('brief', ?, ?, '', '')",
            (rng.choice(["drones", "rail", "drones rail"]), stamp),
        )
    con.commit()
    con.close()
    for text in ("", "drones", "rail -drones"):
        for descending in (True, False):
            req = SearchRequest(text, descending=descending)
            listed = search_id_text(req, parse_query(text))
            assert listed is not None
            sql, params = select_sql(req, parse_query(text), "item.id")
            expected = list(chain.from_iterable(database_proxy.connection().execute(sql, params)))
            got = read_ids(listed)
            assert got.typecode == "i" and list(got) == expected, (text, descending)
    opened.db.close()


def test_the_search_thread_reads_a_list_of_words_as_text(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_app.services import queries
    from desktop_app.ui.archive.search_worker import SearchWorker

    opened = open_archive(tmp_path / "w.sqlite")
    con = sqlite3.connect(tmp_path / "w.sqlite")
    for n in range(260):  # more than the first page (200): the whole list is read after it
        con.execute(
            "INSERT INTO item (kind, title, published_at, created_at, updated_at) "
            "VALUES ('brief', 'drones', ?, '', '')",
            (f"2024-01-{1 + n % 28:02d}T10:00:00Z",),
        )
    con.commit()
    con.close()
    expected = queries.search_ids(SearchRequest("drones"))

    def row_by_row(*_args: object) -> object:
        raise AssertionError("read row by row")

    monkeypatch.setattr(queries, "search_id_array", row_by_row)
    worker = SearchWorker()
    try:
        with qtbot.waitSignal(worker.finished, timeout=10_000) as answer:
            worker.search(SearchRequest("drones"))
        assert list(answer.args[0].ids) == expected and len(expected) == 260
    finally:
        worker.wait()
        worker.shutdown()
        opened.db.close()
