"""An export of many items is written as it is read, from one consistent read."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import tracemalloc
from pathlib import Path
from typing import Any

import pytest

from desktop_app.core.item import ARTICLE, BRIEF
from desktop_app.services import transfer
from desktop_app.services.transfer import export_text, export_to_file
from desktop_app.storage import item_export
from desktop_app.storage.db.models import Item, database_proxy

START = dt.datetime(2024, 3, 1, 6, 0, tzinfo=dt.UTC)


def _fill(count: int, *, same_time: bool = False, body: str = "") -> None:
    """`count` items written in one statement batch (the import's own path is not the point)."""
    rows = []
    for n in range(count):
        when = START if same_time else START + dt.timedelta(minutes=n)
        rows.append(
            {
                "kind": ARTICLE if n % 2 else BRIEF,
                "title": f"Report {n:05d} from the Kupiansk axis",
                "body": body or f"Shelling near the village, entry {n}.",
                "published_at": when,
                "created_at": START,
                "updated_at": START,
            }
        )
    with database_proxy.atomic():
        for start in range(0, count, 500):
            Item.insert_many(rows[start : start + 500]).execute()


def _titles(text: str) -> list[str]:
    return [item["title"] for item in json.loads(text)["items"]]


def test_items_with_the_same_time_across_batches_are_each_exported_once(
    both_archive_db: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(item_export, "BATCH", 3)
    _fill(11, same_time=True)
    titles = _titles(export_text("articles", "json"))
    # Oldest first, then by id: the order of insertion when all share one time.
    assert titles == [f"Report {n:05d} from the Kupiansk axis" for n in range(11)]


def test_chosen_items_come_in_the_order_given_across_batches(
    archive_db: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(item_export, "_IDS_AT_ONCE", 4)
    _fill(10)
    ids = [9, 2, 7, 999, 4, 1, 10, 3]  # 999 is not stored: left out
    text = export_text("articles", "csv", ids=ids)
    lines = text.splitlines()[1:]
    assert [int(line.split("Report ")[1][:5]) + 1 for line in lines] == [9, 2, 7, 4, 1, 10, 3]


# What is measured is the reading and writing of the file, the same on either backend.
@pytest.mark.sqlite_only
def test_a_large_export_never_holds_the_whole_file_in_memory(
    archive_db: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(item_export, "BATCH", 100)
    monkeypatch.setattr(transfer, "_PIECE", 1 << 16)
    _fill(3000, body="Air defence worked over the region through the night. " * 20)
    target = tmp_path / "all.json"
    seen: list[tuple[int, int, str]] = []
    tracemalloc.start()
    try:
        done = export_to_file("articles", "json", target, progress=lambda *step: seen.append(step))
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    size = target.stat().st_size
    assert done.records == 3000 and len(_titles(target.read_text())) == 3000
    assert size > 3_000_000
    # Read whole, the items, the text and its bytes each take about the file's size.
    assert peak < size / 5, (peak, size)
    # Progress counts the items as they are written, of all of them.
    writing = [d for d, total, text in seen if text == "writing"]
    assert len(writing) > 10 and writing == sorted(writing) and 0 < writing[0] < 3000
    assert seen[0] == (0, 3000, "reading") and seen[-1] == (3000, 3000, "saving")


def test_a_program_writing_during_an_export_changes_nothing_in_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_app.storage.db.connection import open_database

    path = tmp_path / "archive.sqlite"
    db = open_database(path)
    monkeypatch.setattr(item_export, "BATCH", 5)
    monkeypatch.setattr(transfer, "_PIECE", 1)
    _fill(20)
    other = sqlite3.connect(path, timeout=5)
    written: list[int] = []

    def write_meanwhile(done: int, _total: int, text: str) -> None:
        if text == "writing" and done >= 5 and not written:
            written.append(done)
            with other:  # one transaction, committed before the export reads on
                other.execute("DELETE FROM item WHERE title LIKE 'Report 00019%'")
                other.execute(
                    "INSERT INTO item (kind, title, published_at, created_at, updated_at) "
                    "VALUES ('brief', 'Written meanwhile', '2024-03-02T00:00:00Z', "
                    "'2024-03-02T00:00:00Z', '2024-03-02T00:00:00Z')"
                )

    try:
        export_to_file("articles", "json", tmp_path / "out.json", progress=write_meanwhile)
        titles = _titles((tmp_path / "out.json").read_text())
        assert titles == [f"Report {n:05d} from the Kupiansk axis" for n in range(20)]
        # The write did happen: the next export sees it.
        after = _titles(export_text("articles", "json"))
        assert "Written meanwhile" in after and len(after) == 20
    finally:
        other.close()
        db.close()
