"""Words among chosen kinds, sources or tags: the search thread narrows the list without the
choices (read as text) with the counts' groups, and gets SQL's list, order and counts; where
it cannot be sure of the same moment of the archive, or other filters apply, SQL does it."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.core.item import ARTICLE, BRIEF, ItemData
from desktop_app.core.search_query import parse_query
from desktop_app.services import queries
from desktop_app.storage.db.connection import Archive, open_archive
from desktop_app.storage.items import save_item
from desktop_app.storage.search import SearchRequest, facet_counts, search_ids
from desktop_app.ui.archive import search_worker
from desktop_app.ui.archive.search_worker import SearchResult, SearchWorker

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


@pytest.fixture
def worker(qapp) -> Iterator[SearchWorker]:
    made = SearchWorker()
    yield made
    made.shutdown()


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
    narrowed = worker._narrow(req, query)
    assert narrowed is not None
    ids, counted = narrowed
    assert list(ids) == search_ids(req, query)
    assert facet_counts(req, query, counted=counted) == facet_counts(req, query)


def test_a_search_with_other_filters_is_left_to_sql(archive: Archive, worker) -> None:
    for req in (
        SearchRequest("drones", kind=BRIEF, starred_only=True),
        SearchRequest("drones", kind=BRIEF, date_from=dt.date(2024, 5, 2)),
        SearchRequest("drones source:paper", kind=BRIEF),
        SearchRequest("drones -tag:rail", kind=BRIEF),
        SearchRequest("drones", kind=BRIEF, order="relevance"),
        SearchRequest("drones"),  # no choice: the list is read as text as it is
    ):
        assert worker._narrow(req, parse_query(req.text)) is None, req


def test_a_write_while_the_list_is_read_leaves_it_to_sql(
    archive: Archive, worker, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    req = SearchRequest("drones", kind=BRIEF)
    query = parse_query(req.text)
    assert worker._narrow(req, query) is not None  # the groups are read
    real = search_worker.read_ids

    def read_then_another_program_writes(listed: object) -> object:
        ids = real(listed)  # type: ignore[arg-type]
        other = sqlite3.connect(tmp_path / "a.sqlite")
        other.execute("UPDATE item SET kind = 'article' WHERE id = ?", (ids[0],))
        other.commit()
        other.close()
        return ids

    monkeypatch.setattr(search_worker, "read_ids", read_then_another_program_writes)
    assert worker._narrow(req, query) is None
    monkeypatch.undo()
    narrowed = worker._narrow(req, query)  # the next search reads the groups again
    assert narrowed is not None and list(narrowed[0]) == search_ids(req, query)


def test_a_short_list_does_not_read_the_groups_for_itself(
    archive: Archive, worker, monkeypatch: pytest.MonkeyPatch
) -> None:
    read: list[str] = []
    real = queries.facet_groups
    monkeypatch.setattr(queries, "facet_groups", lambda facet: read.append(facet) or real(facet))
    few = SearchRequest("shelling", kind=BRIEF)  # 15 of 60 items without the choice
    assert worker._narrow(few, parse_query(few.text)) is None
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
