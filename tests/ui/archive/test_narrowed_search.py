"""Words among chosen kinds, sources or tags: the search thread narrows the list without the
choices (read as text) with the counts' groups, and gets SQL's list, order and counts; where
it cannot be sure of the same moment of the archive, or other filters apply, SQL does it."""

from __future__ import annotations

import datetime as dt
import sqlite3
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from desktop_app.core.item import ARTICLE, BRIEF, ItemData
from desktop_app.core.search_query import parse_query
from desktop_app.services import queries
from desktop_app.storage.db.connection import Archive, open_archive
from desktop_app.storage.items import save_item
from desktop_app.storage.search import SearchRequest, facet_counts, search_ids
from desktop_app.ui.archive import id_lists
from desktop_app.ui.archive.id_lists import list_timeline
from desktop_app.ui.archive.search_messages import SearchResult
from desktop_app.ui.archive.search_worker import SearchWorker

WHEN = dt.datetime(2024, 5, 1, 12, tzinfo=dt.UTC)
SOURCES = ("Feed A", "Paper B", "", "Wire C")
TAGS = (("energy",), ("energy", "rail"), (), ("rail", "bridges"), ("Energy",))


@pytest.fixture
def archive(tmp_path: Path) -> Iterator[Archive]:
    opened = open_archive(tmp_path / "a.sqlite")
    for n in range(60):
        words = "Drones over district" if n % 4 else "Shelling near district"
        save_item(
            ItemData(
                ARTICLE if n % 3 == 0 else BRIEF,
                f"{words} {n}",
                # Ties in time too: the list's order breaks them by id.
                WHEN + dt.timedelta(hours=n // 2),
                tags=TAGS[n % 5],
                source_name=SOURCES[n % 4],
            )
        )
    yield opened
    opened.db.close()


CHOICES = [
    {"kind": BRIEF},
    {"kind": ARTICLE},
    {"kind": "report"},  # no item has it
    {"source": "Paper B"},
    {"source": "Nobody"},
    {"tags": ("energy",)},
    {"tags": ("energy", "rail")},
    {"tags": ("  Rail ",)},  # folded as stored
    {"tags": ("missing",)},
    {"kind": BRIEF, "source": "Feed A", "tags": ("energy",)},
]


@pytest.mark.parametrize("text", ["drones", "district", "", "kind:article district"])
@pytest.mark.parametrize("descending", [True, False])
@pytest.mark.parametrize("choice", CHOICES, ids=str)
def test_the_narrowed_list_and_counts_are_sqls(
    archive: Archive, worker: SearchWorker, text: str, descending: bool, choice: dict[str, object]
) -> None:
    req = SearchRequest(text, descending=descending, **choice)  # type: ignore[arg-type]
    query = parse_query(text)
    for timeline in (False, True):
        narrowed = worker._narrow(req, query, timeline)
        assert narrowed is not None
        assert list(narrowed.ids) == search_ids(req, query)
        assert facet_counts(req, query, counted=narrowed.counted) == facet_counts(req, query)
        if timeline and text and descending:  # the kept items' times: SQL's days
            assert narrowed.times is not None
            days = list_timeline(req, query, narrowed.ids, narrowed)
            assert days.ids == narrowed.ids
            assert days.days == queries.search_days(req, query)
        else:
            assert narrowed.times is None  # a list of ids, or oldest first: no times


@pytest.mark.parametrize("descending", [True, False])
@pytest.mark.parametrize("choice", CHOICES[:7], ids=str)
def test_words_between_dates_are_narrowed_too(
    archive: Archive, worker: SearchWorker, descending: bool, choice: dict[str, object]
) -> None:
    """The list without the choices is the words' between the dates, read from a stretch
    of the index (`storage.search_text`): narrowed the same way, SQL's list and counts."""
    every = search_ids(SearchRequest("district"))
    for dates in ({"date_from": dt.date(2024, 5, 2)}, {"date_to": dt.date(2024, 5, 1)}):
        assert 0 < len(search_ids(SearchRequest("district", **dates))) < len(every)  # type: ignore[arg-type]
        req = SearchRequest("district", descending=descending, **dates, **choice)  # type: ignore[arg-type]
        query = parse_query(req.text)
        for timeline in (False, True):
            narrowed = worker._narrow(req, query, timeline)
            assert narrowed is not None, req
            assert list(narrowed.ids) == search_ids(req, query), req
            assert facet_counts(req, query, counted=narrowed.counted) == facet_counts(req, query)
            if timeline and descending:
                days = list_timeline(req, query, narrowed.ids, narrowed)
                assert days.days == queries.search_days(req, query)


@pytest.mark.parametrize("choice", CHOICES, ids=str)
def test_by_relevance_the_narrowed_list_is_sqls(
    archive: Archive, worker: SearchWorker, choice: dict[str, object]
) -> None:
    # Scores apart: the word more often in a shorter title ranks higher, whatever the time.
    for n in range(1, 7):
        title = " ".join(["Drones"] * n + ["over the district"] * (7 - n))
        save_item(ItemData(BRIEF if n % 2 else ARTICLE, title, WHEN - dt.timedelta(days=n)))
    for text in ("drones", "drones district"):
        req = SearchRequest(text, order="relevance", **choice)  # type: ignore[arg-type]
        query = parse_query(text)
        narrowed = worker._narrow(req, query, False)
        assert narrowed is not None and narrowed.times is None
        assert list(narrowed.ids) == search_ids(req, query), text
        assert facet_counts(req, query, counted=narrowed.counted) == facet_counts(req, query)


def test_a_search_with_other_filters_is_left_to_sql(archive: Archive, worker) -> None:
    for req in (
        SearchRequest("drones", kind=BRIEF, starred_only=True),
        SearchRequest("", kind=BRIEF, date_from=dt.date(2024, 5, 2)),  # dates, no words
        SearchRequest("drones source:paper", kind=BRIEF),
        SearchRequest("drones -tag:rail", kind=BRIEF),
        SearchRequest("drones", kind=BRIEF, order="title"),
        SearchRequest("drones"),  # no choice: the list is read as text as it is
    ):
        assert worker._narrow(req, parse_query(req.text), False) is None, req


def test_a_write_while_the_list_is_read_leaves_it_to_sql(
    archive: Archive, worker, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    req = SearchRequest("drones", kind=BRIEF)
    query = parse_query(req.text)
    assert worker._narrow(req, query, False) is not None  # the groups are read

    def then_another_program_writes(read: Callable[[object], object]) -> Callable[[object], object]:
        def reading(listed: object) -> object:
            found = read(listed)
            other = sqlite3.connect(tmp_path / "a.sqlite")
            other.execute("UPDATE item SET kind = 'article' WHERE id = (SELECT max(id) FROM item)")
            other.commit()
            other.close()
            return found

        return reading

    for name in ("read_ids", "read_keys"):  # the list as ids, or as keys with their times
        monkeypatch.setattr(id_lists, name, then_another_program_writes(getattr(id_lists, name)))
    assert worker._narrow(req, query, False) is None
    monkeypatch.undo()
    narrowed = worker._narrow(req, query, False)  # the next search reads the groups again
    assert narrowed is not None and list(narrowed.ids) == search_ids(req, query)


def test_a_short_list_does_not_read_the_groups_for_itself(
    archive: Archive, worker, monkeypatch: pytest.MonkeyPatch
) -> None:
    read: list[str] = []
    real = queries.facet_groups
    monkeypatch.setattr(queries, "facet_groups", lambda facet: read.append(facet) or real(facet))
    few = SearchRequest("shelling", kind=BRIEF)  # 15 of 60 items without the choice
    assert worker._narrow(few, parse_query(few.text), False) is None
    assert read == []


def test_the_window_gets_the_narrowed_list_and_exact_counts(
    qtbot, archive: Archive, worker: SearchWorker, monkeypatch: pytest.MonkeyPatch
) -> None:
    with archive.db.atomic():  # more matches than the first page holds
        for n in range(600):
            save_item(
                ItemData(BRIEF, f"Drones at dawn {n}", WHEN + dt.timedelta(minutes=n),
                         tags=TAGS[n % 5], source_name=SOURCES[n % 4])
            )  # fmt: skip
    req = SearchRequest("drones", kind=BRIEF, tags=("energy",))
    query = parse_query(req.text)
    by_sql: list[object] = []  # SQL's list and counts are not asked for
    for name in ("search_id_array", "match_count"):
        real = getattr(queries, name)
        monkeypatch.setattr(queries, name, lambda *a, _f=real: by_sql.append(a) or _f(*a))
    counts: list[object] = []
    worker.countsReady.connect(counts.append)
    with qtbot.waitSignal(worker.finished, timeout=10_000) as done:
        worker.search(req)
    result = done.args[0]
    assert isinstance(result, SearchResult)
    assert list(result.ids) == search_ids(req, query) and len(result.ids) > 0
    qtbot.waitUntil(lambda: bool(counts) and counts[-1] == facet_counts(req, query), timeout=10_000)
    assert by_sql == []


@pytest.mark.parametrize(("text", "order"), [("", "date"), ("district", "relevance")])
def test_a_choice_whose_items_fit_the_first_page_is_counted_from_the_groups(
    qtbot,
    archive: Archive,
    worker: SearchWorker,
    monkeypatch: pytest.MonkeyPatch,
    text: str,
    order: str,
) -> None:
    """The first page was the whole list, but the chosen facet counts over the list without
    the choice: the counter's groups count it, not SQL over every item (2.9 s for a tag of
    30 items at a million; docs/BENCHMARKS.md, thirteenth round), from that list by date
    (by relevance it would be ranked first: 1.1 s more)."""
    req = SearchRequest(text, tags=("bridges",), order=order)  # 12 of 60 items
    query = parse_query(text)
    asked: list[object] = []
    real = queries.facet_counts
    monkeypatch.setattr(
        queries, "facet_counts", lambda r, q=None, **kw: asked.append(kw) or real(r, q, **kw)
    )
    listed: list[str] = []
    real_text = queries.search_id_text
    monkeypatch.setattr(
        queries,
        "search_id_text",
        lambda r, q, **kw: listed.append(r.order) or real_text(r, q, **kw),
    )
    counts: list[object] = []
    worker.countsReady.connect(counts.append)
    with qtbot.waitSignal(worker.finished, timeout=10_000):
        worker.search(req)
    qtbot.waitUntil(lambda: bool(counts) and counts[-1] == real(req, query), timeout=10_000)
    counted = asked[-1]["counted"]  # type: ignore[index]
    assert counted is not None and counted.tags is not None, asked  # no SQL for any facet
    assert counted.kinds is not None and counted.sources is not None
    assert listed == ["date"], listed  # the list without the choice, read once, by date


@pytest.mark.parametrize("zone", ["Europe/Kyiv", "Asia/Kolkata", "Australia/Lord_Howe"])
def test_the_timeline_of_a_narrowed_search_counts_sqls_local_days(
    qtbot, archive: Archive, worker: SearchWorker, monkeypatch: pytest.MonkeyPatch, zone: str
) -> None:
    # Items on both sides of local midnight and of the spring change in Kyiv (the hour
    # 01:00-02:00 UTC of 31 March 2024 holds 03:xx and 04:xx local), and before 1970. In
    # Kolkata (+05:30) local midnight falls inside an hour of UTC (18:30), and Lord Howe
    # Island moves its clocks by half an hour (6 April 2024, 15:00 UTC): those hours are
    # counted item by item.
    monkeypatch.setenv("TZ", zone)
    time.tzset()
    try:
        with archive.db.atomic():
            for n, when in enumerate(
                [
                    dt.datetime(2024, 3, 30, 21, 59, tzinfo=dt.UTC),  # 23:59 local
                    dt.datetime(2024, 3, 30, 22, 0, tzinfo=dt.UTC),  # 00:00 the next day
                    dt.datetime(2024, 3, 31, 0, 59, tzinfo=dt.UTC),  # 02:59 (+02:00)
                    dt.datetime(2024, 3, 31, 1, 0, tzinfo=dt.UTC),  # 04:00 (+03:00)
                    dt.datetime(2024, 3, 31, 20, 59, tzinfo=dt.UTC),  # 23:59 (+03:00)
                    dt.datetime(2024, 3, 31, 21, 0, tzinfo=dt.UTC),  # 00:00 on 1 April
                    dt.datetime(1965, 6, 1, 21, 30, tzinfo=dt.UTC),
                    dt.datetime(2024, 4, 2, 18, 29, tzinfo=dt.UTC),
                    dt.datetime(2024, 4, 2, 18, 30, tzinfo=dt.UTC),
                    dt.datetime(2024, 4, 6, 14, 45, tzinfo=dt.UTC),
                    dt.datetime(2024, 4, 6, 15, 15, tzinfo=dt.UTC),
                    dt.datetime(2024, 4, 6, 13, 29, tzinfo=dt.UTC),
                    dt.datetime(2024, 4, 6, 13, 31, tzinfo=dt.UTC),
                ]
            ):
                save_item(ItemData(BRIEF, f"Drones on the clock {n}", when, tags=("energy",)))
        req = SearchRequest("drones", kind=BRIEF, tags=("energy",))
        query = parse_query(req.text)
        narrowed = worker._narrow(req, query, True)
        assert narrowed is not None and narrowed.times is not None
        timeline = list_timeline(req, query, narrowed.ids, narrowed)
        assert timeline.days == queries.search_days(req, query)
        assert (
            sum(n for _day, n in timeline.days) == len(timeline.ids) == len(search_ids(req, query))
        )
        if zone == "Europe/Kyiv":
            assert {("2024-03-30", 1), ("2024-03-31", 4), ("2024-04-01", 1)} <= set(timeline.days)
        if zone == "Asia/Kolkata":  # 23:59 on the 2nd, then 00:00 on the 3rd
            assert {("2024-04-02", 1), ("2024-04-03", 1)} <= set(timeline.days)
    finally:
        monkeypatch.undo()
        time.tzset()
