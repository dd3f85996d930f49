"""The program's own exports (JSON, items as CSV) are imported as they are read: a file of
any size fits in memory, and one the stream cannot finish is imported whole, as if never
streamed."""

from __future__ import annotations

import json
import tracemalloc
from pathlib import Path
from typing import Any

import pytest

from desktop_app.core import exports
from desktop_app.core.formats import frontline_stream
from desktop_app.core.formats.load import read_import_file
from desktop_app.services.transfer import export_text, import_files
from desktop_app.storage.items import all_items
from tests.core.formats.test_frontline_stream import export_doc


def big_export(folder: Path, count: int, mark: str, fmt: str = "json") -> Path:
    doc = json.loads(export_doc(count))
    for n, item in enumerate(doc["items"]):
        item["title"] = f"{mark} {item['title']}"
        item["source_url"] = f"https://example.org/{mark}/{n}"
        item["body"] = f"Item {n}: air defence worked over the region all night. " * 40
    doc["reports"] = []
    text = json.dumps(doc, ensure_ascii=False, indent=1)
    if fmt == "csv":
        read = read_import_file("export.json", text.encode("utf-8"))
        text = exports.items_to_csv(read.items)
    path = folder / f"{mark}.{fmt}"
    path.write_text(text, encoding="utf-8")
    return path


def imported_peak(path: Path) -> int:
    tracemalloc.start()
    try:
        outcome = import_files([path])
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert outcome.total is not None and outcome.total.items.added == int(path.stem[-4:])
    return peak


# What is measured is the reading and writing of the file, the same on either backend.
@pytest.mark.sqlite_only
@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_the_memory_an_export_takes_to_import_does_not_grow_with_its_size(
    archive_db: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    monkeypatch.setattr(frontline_stream, "BATCH", 100)
    monkeypatch.setattr(frontline_stream, "READ_SIZE", 1 << 16)
    small = big_export(tmp_path, 1000, "a1000", fmt)
    large = big_export(tmp_path, 3000, "b3000", fmt)
    grown = large.stat().st_size - small.stat().st_size
    assert grown > 4_000_000
    # Read whole, the peak grows by 4-7 times the file's growth (its text, then its objects);
    # streamed, by what the batches in flight happen to hold (0.1-0.6 times, measured).
    assert imported_peak(large) - imported_peak(small) < grown
    # What was stored exports again as the same items.
    again = json.loads(export_text("articles", "json"))["items"]
    assert len(again) == 4000 and again[0]["title"].startswith(("a1000", "b3000"))


def test_a_file_the_stream_cannot_finish_is_imported_whole_instead(
    archive_db: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(frontline_stream, "BATCH", 3)
    first = json.loads(export_doc(10))["items"]
    last = json.loads(export_doc(4))["items"]
    for item in last:
        item["title"] += " (the last list)"
    # Two "items" keys: JSON readers keep the last; the stream notices only after storing
    # the first list's batches, which are rolled back.
    text = (
        '{"frontline_archive": 2, "items": '
        + json.dumps(first)
        + ', "items": '
        + json.dumps(last)
        + "}"
    )
    path = tmp_path / "twice.json"
    path.write_text(text, encoding="utf-8")
    outcome = import_files([path])
    assert outcome.total is not None and outcome.total.items.added == 4
    assert sorted(i.title for i in all_items()) == sorted(i["title"] for i in last)


def test_a_bad_item_late_in_a_streamed_file_leaves_the_archive_as_it_was(
    archive_db: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_app.core.errors import ImportFormatError

    monkeypatch.setattr(frontline_stream, "BATCH", 5)
    doc = json.loads(export_doc(30))
    doc["items"][27]["published_at"] = "someday"
    path = tmp_path / "late-error.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(
        ImportFormatError, match=r"late-error\.json, record #28, field 'published_at'"
    ):
        import_files([path])
    assert all_items() == []
