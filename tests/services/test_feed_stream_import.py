"""Importing a feed file while it is read: the archive ends as the whole-file import leaves it,
in one transaction (Cancel and errors leave nothing), in bounded memory."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from desktop_app.core.errors import ImportFormatError
from desktop_app.core.formats.load import read_import_file
from desktop_app.core.item import BRIEF, ItemData
from desktop_app.services.transfer import import_files
from desktop_app.storage.db.models import database_proxy
from desktop_app.storage.import_undo import undo_import
from desktop_app.storage.importing import import_result
from desktop_app.storage.items import save_item
from desktop_app.storage.reports import report_dates
from tests.core.formats.test_feed_stream import SHARED_LINK, rss, rss_entry

ROOT = Path(__file__).resolve().parents[2]


class CancelPressedError(Exception):
    """What a Cancel button raises from the progress callback."""


def archive_rows() -> list[tuple[Any, ...]]:
    """Every item with its tags, and every report link: what an import writes. Ids are given
    as each item's place in id order, so two imports of one file compare equal."""
    items = database_proxy.execute_sql(
        "SELECT id, kind, title, published_at, body, lead, author, source_name, source_url,"
        " tags, body_html, date_estimated FROM item ORDER BY id"
    ).fetchall()
    place = {row[0]: n for n, row in enumerate(items)}
    tags = database_proxy.execute_sql("SELECT item_id, tag FROM item_tag").fetchall()
    links = database_proxy.execute_sql(
        "SELECT r.date, a.item_id FROM report_article a JOIN report r ON r.id = a.report_id"
    ).fetchall()
    return (
        [(place[r[0]], *r[1:]) for r in items]
        + sorted(("tag", place[i], t) for i, t in tags)
        + sorted(("link", str(d), place[i]) for d, i in links)
    )


def feed(tmp_path: Path, entries: list[str], name: str = "wire.xml") -> Path:
    path = tmp_path / name
    # Undated entries take the feed's date (not the time each import reads the file).
    path.write_bytes(rss(entries, head="<pubDate>Wed, 21 Feb 2024 00:00:00 GMT</pubDate>"))
    return path


def test_a_streamed_import_writes_what_the_whole_file_import_writes(
    archive_db: Any, tmp_path: Path
) -> None:
    # 1,300 entries: three batches; entry n + 600 repeats entry n (a later batch finds it in
    # the table), and one entry is already in the archive.
    entries = [rss_entry(i) for i in range(700)]
    entries += entries[:600]
    path = feed(tmp_path, entries)
    save_item(ItemData(BRIEF, "Kept.", dt.datetime(2024, 1, 1, tzinfo=dt.UTC)))
    whole = read_import_file(path.name, path.read_bytes())
    save_item(whole.items[10])

    streamed = import_files([path])
    # The repeats (less the entries left out for having nothing to show) and the stored one.
    assert streamed.files[0].summary.items.unchanged == sum(i % 9 != 4 for i in range(600)) + 1
    rows, lines = archive_rows(), streamed.files[0].summary.lines()
    assert streamed.undo is not None
    undo_import(streamed.undo)

    summary = import_result(read_import_file(str(path), path.read_bytes()))
    # The same items in the same order, tags, report links and summary.
    assert archive_rows() == rows
    assert lines == summary.lines()
    assert summary.reports.added and summary.links and summary.skipped and summary.estimated


def test_a_feed_the_stream_cannot_read_is_imported_whole(archive_db: Any, tmp_path: Path) -> None:
    # The shared link comes after the first batch is stored: that batch is taken back and
    # the file read whole, which gives the later update a link of its own.
    path = feed(tmp_path, [rss_entry(i) for i in range(600)] + [SHARED_LINK])
    outcome = import_files([path])
    whole = read_import_file(str(path), path.read_bytes())
    assert outcome.files[0].summary.items.added == len(whole.items)
    urls = [r[0] for r in database_proxy.execute_sql("SELECT source_url FROM item ORDER BY id")]
    assert urls == [i.source_url for i in whole.items]
    assert "https://example.org/live" in urls
    assert any((u or "").startswith("https://example.org/live#") for u in urls)


def test_cancel_during_a_streamed_import_leaves_the_archive_as_it_was(
    archive_db: Any, tmp_path: Path
) -> None:
    save_item(ItemData(BRIEF, "Kept.", dt.datetime(2024, 1, 1, tzinfo=dt.UTC)))
    before = archive_rows()
    path = feed(tmp_path, [rss_entry(i) for i in range(1200)])
    seen: list[tuple[int, int, str]] = []

    def progress(done: int, total: int, text: str) -> None:
        seen.append((done, total, text))
        if not text and done >= 1000:
            raise CancelPressedError

    with pytest.raises(CancelPressedError):
        import_files([path], progress=progress)
    assert archive_rows() == before and report_dates() == []
    # Progress counts entries against the file's entry count, batch by batch.
    assert (0, 1, "wire.xml") in seen and (500, 1200, "") in seen and (1000, 1200, "") in seen


def test_a_bad_entry_after_stored_batches_rolls_them_back(archive_db: Any, tmp_path: Path) -> None:
    bad = "<item><title>Far future.</title><pubDate>Sat, 01 Jan 2095 00:00:00 GMT</pubDate></item>"
    path = feed(tmp_path, [rss_entry(i) for i in range(1100)] + [bad])
    with pytest.raises(ImportFormatError) as error:
        import_files([path])
    assert error.value.file == str(path) and error.value.field == "pubDate"
    assert error.value.record is not None and error.value.record.startswith("entry 1101")
    assert archive_rows() == []


_CHILD = textwrap.dedent(
    """
    import json, resource, sys
    from pathlib import Path
    from desktop_app.services.transfer import import_files
    from desktop_app.storage.db.connection import open_database

    feed, archive = Path(sys.argv[1]), Path(sys.argv[2])
    open_database(archive)
    added = import_files([feed]).files[0].summary.items.added
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"added": added, "peak_kib": peak}))
    """
)


def _peak_mib(tmp_path: Path, entries: int) -> float:
    start = dt.datetime(2024, 2, 20, tzinfo=dt.UTC)
    items = "".join(
        f"<item><title>Brief {i}: drones over region {i % 25}.</title>"
        f"<link>https://example.org/b/{i}</link>"
        f"<pubDate>{(start - dt.timedelta(minutes=i)):%a, %d %b %Y %H:%M:%S +0000}</pubDate>"
        f"<description>Air defence downs {i % 40} drones in region {i % 25}; debris fell in"
        f" {i % 7} districts, the Air Force said.</description>"
        f"<category>region {i % 25}</category></item>"
        for i in range(entries)
    )
    path = tmp_path / f"feed-{entries}.xml"
    path.write_text(f'<rss version="2.0"><channel><title>W</title>{items}</channel></rss>')
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path), str(tmp_path / f"a-{entries}.sqlite")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    out = json.loads(done.stdout)
    assert out["added"] == entries
    return float(out["peak_kib"]) / 1024


@pytest.mark.sqlite_only
def test_memory_does_not_grow_with_the_feed(archive_db: Any, tmp_path: Path) -> None:
    # Read whole, 13,000 more entries cost ~55 MiB more (the bytes, the tree, every entry);
    # streamed, the peak stays where the first batches put it.
    small, large = _peak_mib(tmp_path, 2_000), _peak_mib(tmp_path, 15_000)
    assert large - small < 20, (small, large)


def test_progress_climbs_to_its_total_across_a_feed_and_another_file(
    archive_db: Any, tmp_path: Path
) -> None:
    # The feed's loss reports are known only once it is read: the bar still never passes
    # its total or goes back.
    path = feed(tmp_path, [rss_entry(i) for i in range(1100) if i % 9 != 6 or i < 60])
    other = tmp_path / "later.json"
    other.write_text(json.dumps([{"date": "2024-03-01", "tank": 9000, "APC": 100}]))
    seen: list[tuple[int, int]] = []
    import_files(
        [path, other], progress=lambda d, t, text: seen.append((d, t)) if not text else None
    )
    totals = {t for _d, t in seen}
    assert len(totals) == 1 and seen[-1][0] == seen[-1][1]
    dones = [d for d, _t in seen]
    assert dones == sorted(dones) and dones[-1] == max(totals)
