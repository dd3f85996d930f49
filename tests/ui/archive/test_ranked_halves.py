"""A first page by relevance ranked in two halves at once (the newer items on the rows
thread, the older ones on the search thread) is the page one statement ranks."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.core.item import ARTICLE, BRIEF, ItemData
from desktop_app.core.search_query import parse_query
from desktop_app.services import queries
from desktop_app.storage import facet_index, search
from desktop_app.storage.db.connection import Archive, open_archive
from desktop_app.storage.db.models import database_proxy
from desktop_app.storage.items import save_item
from desktop_app.storage.search import SearchRequest
from desktop_app.ui.archive.search_messages import SearchResult
from desktop_app.ui.archive.search_worker import FIRST_PAGE, SearchWorker

WORDS = ["drones", "kharkiv", "rail", "grain", "night", "bridge", "energy", "strike"]
TEXTS = ["drones", "drones kharkiv", "rail OR grain", "ene", "strike -night", '"rail bridge"']


@pytest.fixture
def archive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Archive]:
    monkeypatch.setattr(search, "RANKED_HALVES_FROM", 1)
    opened = open_archive(tmp_path / "a.sqlite")
    rng = random.Random(11)
    start = dt.datetime(2022, 2, 24, tzinfo=dt.UTC)
    with database_proxy.atomic():
        for n in range(500):
            # Titles and bodies of many lengths and repetitions: scores far apart and, for
            # words as often in texts as long, equal (ties go to the search key).
            title = " ".join(rng.choices(WORDS, k=rng.randint(1, 6)))
            body = " ".join(rng.choices(WORDS, k=rng.choice([0, 3, 3, 12])))
            when = start + dt.timedelta(hours=rng.randrange(4 * 365 * 24))
            if n % 50 == 0:
                when = start + dt.timedelta(days=900)  # items of one moment
            save_item(ItemData(ARTICLE if n % 3 else BRIEF, title, when, body=body))
    yield opened
    opened.db.close()


def test_the_two_halves_give_the_page_one_statement_gives(
    archive: Archive, worker: SearchWorker, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: set[str] = set()
    real = queries.ranked_rows

    def ranked(*args: object, **kwargs: object) -> object:
        threads.add(threading.current_thread().name)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(queries, "ranked_rows", ranked)
    filters = [{}, {"date_from": dt.date(2024, 6, 1)}, {"date_to": dt.date(2025, 1, 1)}]
    for text in TEXTS:
        for chosen in filters:  # dates as bounds on the key (`search_filters.filtered_keys`)
            req = SearchRequest(text, order="relevance", **chosen)  # type: ignore[arg-type]
            query = parse_query(text)
            assert queries.ranked_cut(req, query) is not None
            expected = [row.id for row in queries.first_rows(req, query, FIRST_PAGE)]
            got = [row.id for row in worker._first_rows(req, query, worker.generation)]
            assert got == expected, (text, chosen)
            assert expected, (text, chosen)
    assert threads == {"rows", "MainThread"} or threads == {"rows", "search"}


def test_a_page_bigger_than_either_half_and_a_small_one(
    archive: Archive, worker: SearchWorker, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("desktop_app.ui.archive.search_worker.FIRST_PAGE", 7)
    for text in ("drones", "kharkiv rail"):
        req, query = SearchRequest(text, order="relevance"), parse_query(text)
        expected = [row.id for row in queries.first_rows(req, query, 7)]
        assert [row.id for row in worker._first_rows(req, query, worker.generation)] == expected


def test_the_middle_key_halves_the_archive(archive: Archive) -> None:
    conn = database_proxy.connection()
    middle = facet_index.middle_key(conn)
    keys = [k for (k,) in conn.execute("SELECT search_key FROM item_search ORDER BY search_key")]
    assert middle == keys[len(keys) // 2]


def test_between_dates_the_cut_halves_the_items_between_them(archive: Archive) -> None:
    """Not the archive's middle: a search of one year in four would rank all its matches
    in one half (at a million items, `drones kharkiv` since 2024: halves of 335 and 170 ms,
    now 237 and 237 ms)."""
    conn = database_proxy.connection()
    req = SearchRequest("drones", order="relevance", date_from=dt.date(2025, 1, 1))
    cut = queries.ranked_cut(req, parse_query(req.text))
    assert cut is not None and cut != facet_index.middle_key(conn)
    since = -(int(dt.datetime(2025, 1, 1).astimezone().timestamp()) << 30)
    keys = [
        k
        for (k,) in conn.execute(
            "SELECT search_key FROM item_search WHERE search_key <= ? ORDER BY search_key",
            (since,),
        )
    ]
    assert cut == keys[len(keys) // 2]


def test_only_a_page_ranked_from_the_index_alone_is_cut(archive: Archive) -> None:
    words = SearchRequest("drones", order="relevance")
    for req in (
        dataclasses.replace(words, order="date"),
        SearchRequest("drones author:writer", order="relevance"),  # each item read: no keys
        SearchRequest("drones source:wire", order="relevance"),
        # A set of keys that each half would read again (0.4–0.5 s for 600,000 briefs).
        dataclasses.replace(words, kind=BRIEF),
        dataclasses.replace(words, date_from=dt.date(2023, 1, 1), starred_only=True),
        SearchRequest("", order="relevance"),
    ):
        assert queries.ranked_cut(req, parse_query(req.text)) is None, req


def test_a_small_archive_is_ranked_in_one_statement(
    archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search, "RANKED_HALVES_FROM", 501)
    req = SearchRequest("drones", order="relevance")
    assert queries.ranked_cut(req, parse_query(req.text)) is None


def test_a_newer_search_while_the_rows_thread_is_busy(
    qtbot, archive: Archive, worker: SearchWorker
) -> None:
    """The rows thread's half waits behind other work; a newer search meanwhile makes it go
    unused, and the newer search's answer is the one shown."""
    release = threading.Event()

    def hold() -> None:
        release.wait(30)

    worker._start(hold, "rows")
    results: list[SearchResult] = []
    worker.finished.connect(results.append)
    worker.search(SearchRequest("drones", order="relevance"))
    newest = SearchRequest("kharkiv", order="relevance")
    worker.search(newest)
    release.set()
    qtbot.waitUntil(lambda: bool(results), timeout=10000)
    assert worker.wait(10000)
    qtbot.wait(50)
    assert [r.request for r in results] == [newest]
    expected = [row.id for row in queries.first_rows(newest, parse_query("kharkiv"), FIRST_PAGE)]
    assert list(results[0].ids)[: len(expected)] == expected
