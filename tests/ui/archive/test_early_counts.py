"""By relevance in a large archive, the exact counts come from the list newest first, on the
counts thread, while the ranked list is still being read; they are the counts SQL makes, and
nothing shown later takes their place."""

from __future__ import annotations

import datetime as dt
import os
import random
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.core.item import ARTICLE, BRIEF, ItemData
from desktop_app.core.search_query import parse_query
from desktop_app.services import queries
from desktop_app.storage import search, search_quick
from desktop_app.storage.db.connection import Archive, open_archive
from desktop_app.storage.db.models import database_proxy
from desktop_app.storage.items import save_item
from desktop_app.storage.search import Facets, SearchRequest
from desktop_app.ui.archive import id_lists, search_worker
from desktop_app.ui.archive.search_messages import SearchResult
from desktop_app.ui.archive.search_worker import SearchWorker

WORDS = ["shelling", "kherson", "bridge", "power", "lines", "convoy", "night", "ferry"]
SOURCES = ["", "River desk", "Night wire", "Field notes"]
TAGS = ["energy", "logistics", "south", "civilians"]


@pytest.fixture
def archive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Archive]:
    monkeypatch.setattr(search, "RANKED_HALVES_FROM", 1)  # every archive is "large"
    opened = open_archive(tmp_path / "a.sqlite")
    rng = random.Random(5)
    start = dt.datetime(2022, 3, 1, tzinfo=dt.UTC)
    with database_proxy.atomic():
        for n in range(400):
            save_item(
                ItemData(
                    BRIEF if n % 3 else ARTICLE,
                    " ".join(rng.choices(WORDS, k=rng.randint(1, 5))),
                    start + dt.timedelta(hours=rng.randrange(3 * 365 * 24)),
                    body=" ".join(rng.choices(WORDS, k=rng.choice([0, 4, 9]))),
                    source_name=rng.choice(SOURCES),
                    tags=tuple(rng.sample(TAGS, rng.randint(0, 2))),
                )
            )
    yield opened
    opened.db.close()


def _held_list(monkeypatch: pytest.MonkeyPatch, release: threading.Event) -> None:
    """The search thread's whole list waits for `release` (a slow bm25, or every item less
    a word's matches, at a million items)."""
    real = id_lists.read_ids

    def read(listed: queries.ListText) -> object:
        if threading.current_thread().name == "search":
            assert release.wait(20), "the exact counts never came before the ranked list"
        return real(listed)

    monkeypatch.setattr(id_lists, "read_ids", read)  # read by `id_lists.list_ids`


def _estimated_and_held(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """More matches than a first page and than the estimate's sample, so the quick counts
    are an estimate whichever thread is first; the whole list held until the event."""
    monkeypatch.setattr(search_worker, "FIRST_PAGE", 10)
    monkeypatch.setattr(search_quick, "SAMPLE", 10)
    release = threading.Event()
    _held_list(monkeypatch, release)
    return release


@pytest.mark.parametrize("text", ["kherson", "power OR lines", "bridge -night", "fer"])
def test_the_exact_counts_come_before_the_ranked_list(
    qtbot, archive: Archive, worker: SearchWorker, monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    release = _estimated_and_held(monkeypatch)
    shown: list[Facets] = []
    results: list[SearchResult] = []
    threads: list[str] = []
    real_counts = queries.facet_counts

    def counts(*args: object, **kwargs: object) -> Facets:
        threads.append(threading.current_thread().name)
        return real_counts(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(queries, "facet_counts", counts)

    def on_counts(facets: Facets) -> None:
        shown.append(facets)
        if not facets.estimated:
            release.set()

    worker.countsReady.connect(on_counts)
    worker.finished.connect(results.append)
    req = SearchRequest(text, order="relevance")
    worker.search(req)
    qtbot.waitUntil(lambda: bool(results), timeout=20000)
    assert worker.wait(10000)
    qtbot.wait(50)

    matches = queries.search_ids(SearchRequest(text))
    assert len(matches) > 10, text
    assert threads == ["counts"]  # counted once, beside the ranked list
    exact = [f for f in shown if not f.estimated]
    assert len(exact) == 1 and shown[-1] is exact[0]  # no estimate after the exact counts
    expected = real_counts(req, parse_query(text))
    assert (exact[0].kinds, exact[0].tags, exact[0].sources) == (
        expected.kinds,
        expected.tags,
        expected.sources,
    )
    assert exact[0].total == len(matches)
    ranked = queries.search_ids(req)
    assert list(results[0].ids) == ranked  # the list itself is still the ranked one


def test_the_number_of_items_without_a_word_comes_before_the_list(
    qtbot, archive: Archive, worker: SearchWorker, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`-night` newest first: an estimate beside the first page, then the exact number (all
    items less the word's matches) while the whole list is still being read."""
    release = _estimated_and_held(monkeypatch)
    shown: list[Facets] = []
    results: list[SearchResult] = []

    def on_counts(facets: Facets) -> None:
        shown.append(facets)
        if facets.total is not None:
            release.set()

    worker.countsReady.connect(on_counts)
    worker.finished.connect(results.append)
    req = SearchRequest("-night")
    worker.search(req)
    qtbot.waitUntil(lambda: bool(results), timeout=20000)
    assert worker.wait(10000)
    qtbot.wait(50)

    matches = queries.search_ids(req)
    assert len(matches) > 10
    assert shown[0].estimated and shown[0].total is None
    assert [f.total for f in shown[1:-1]] == [len(matches)]  # before the list and its counts
    assert not shown[-1].estimated
    assert list(results[0].ids) == matches


def test_a_newer_search_does_not_wait_for_stale_counts(
    qtbot, archive: Archive, worker: SearchWorker
) -> None:
    """The counts thread held up: the first search's counts never come, the newer search is
    answered (its own counts are then made after its list)."""
    release = threading.Event()
    worker._start(lambda: release.wait(30), "counts")
    results: list[SearchResult] = []
    worker.finished.connect(results.append)
    worker.search(SearchRequest("kherson", order="relevance"))
    newest = SearchRequest("convoy", order="relevance")
    worker.search(newest)
    qtbot.waitUntil(lambda: any(r.request == newest for r in results), timeout=10000)
    release.set()
    assert worker.wait(10000)


def test_few_matches_are_counted_once(qtbot, archive: Archive, worker: SearchWorker) -> None:
    """Fewer matches than a first page: the counts from those rows are exact, and the counts
    thread's, made after them, are not sent again."""
    first_shown = threading.Event()
    worker._start(lambda: first_shown.wait(20), "counts")  # the counts thread comes second
    shown: list[Facets] = []

    def on_counts(facets: Facets) -> None:
        shown.append(facets)
        first_shown.set()

    worker.countsReady.connect(on_counts)
    req = SearchRequest("power lines", order="relevance")
    assert 0 < len(queries.search_ids(req)) < search_worker.FIRST_PAGE
    worker.search(req)
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert worker.wait(10000)
    qtbot.wait(50)
    assert len(shown) == 1 and not shown[0].estimated


@pytest.mark.skipif(sys.platform != "linux", reason="a thread's own nice value is Linux's")
def test_the_counts_thread_yields_to_the_others(qtbot, worker: SearchWorker) -> None:
    """The counts run on an idle core: the first page, ranked on both, is not slowed."""
    niceness: dict[str, int] = {}
    for lane in ("counts", "search"):
        worker._start(
            lambda lane=lane: niceness.update({lane: os.getpriority(os.PRIO_PROCESS, 0)}), lane
        )
    assert worker.wait(10000)
    assert niceness == {"counts": 19, "search": os.getpriority(os.PRIO_PROCESS, 0)}


def test_the_estimated_counts_come_before_the_ranked_page(
    qtbot, archive: Archive, worker: SearchWorker, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ranking takes seconds at a million items: the counts from the newest matches are
    shown before the first ranked page, which waits here until they have been; the exact
    counts (held until then too) come after them, and the page is still the ranked one."""
    monkeypatch.setattr(search_worker, "FIRST_PAGE", 10)
    monkeypatch.setattr(search_quick, "SAMPLE", 10)
    estimate_shown = threading.Event()
    real_ranked, real_read = queries.ranked_rows, search_worker.read_ids

    def ranked(*args: object, **kwargs: object) -> object:
        assert estimate_shown.wait(10), "the ranking began before any count was shown"
        return real_ranked(*args, **kwargs)  # type: ignore[arg-type]

    def read(listed: queries.ListText) -> object:
        if threading.current_thread().name == "counts":  # the exact counts' list
            estimate_shown.wait(10)
        return real_read(listed)

    monkeypatch.setattr(queries, "ranked_rows", ranked)
    monkeypatch.setattr(search_worker, "read_ids", read)
    seen: list[str] = []
    shown: list[Facets] = []
    pages: list[list[int]] = []

    def on_counts(facets: Facets) -> None:
        seen.append("estimate" if facets.estimated else "exact")
        shown.append(facets)
        if facets.estimated:
            estimate_shown.set()

    def on_rows(first: object) -> None:
        seen.append("page")
        pages.append([row.id for row in first.rows])  # type: ignore[attr-defined]

    worker.countsReady.connect(on_counts)
    worker.firstRows.connect(on_rows)
    results: list[SearchResult] = []
    worker.finished.connect(results.append)
    req = SearchRequest("kherson", order="relevance")
    worker.search(req)
    qtbot.waitUntil(lambda: bool(results) and "exact" in seen, timeout=20000)
    assert worker.wait(10000)
    qtbot.wait(50)

    assert seen[0] == "estimate" and seen.index("page") > 0
    assert seen.count("estimate") == 1 and seen[-1] != "estimate"
    matches = queries.search_ids(SearchRequest("kherson"))
    assert len(matches) > 10
    assert shown[-1].total == len(matches) and not shown[-1].estimated
    assert pages == [queries.search_ids(req)[:10]]
