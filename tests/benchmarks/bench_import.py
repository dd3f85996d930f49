"""Import throughput: a generated 100,000-entry RSS feed, ours beside a bare executemany.

Run as `python -m tests.benchmarks.bench_import [ENTRIES]`. Prints the end-to-end time (read
+ import, what the user waits for), the storage part alone, and sqlite3.executemany of the
same rows and tags into the same schema with the same pragmas (FTS triggers included), and
once more with the FTS triggers dropped to show what indexing costs, with rows per second.
"""

from __future__ import annotations

import datetime as dt
import resource
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path


def generate_feed(entries: int) -> bytes:
    """An RSS 2.0 file of short briefs, one a minute back from 25 Nov 2023."""
    start = dt.datetime(2023, 11, 25, 12, 0, tzinfo=dt.UTC)
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
        "<title>Bench Wire</title>"
    ]
    for i in range(entries):
        when = (start - dt.timedelta(minutes=i)).strftime("%a, %d %b %Y %H:%M:%S +0000")
        parts.append(
            f"<item><title>Brief {i}: air defense downs drones over region {i % 25}.</title>"
            f"<link>https://example.org/briefs/{i}</link><pubDate>{when}</pubDate>"
            f"<description>Air defense shot down {i % 40} drones overnight in region "
            f"{i % 25}, the Air Force said; debris fell in {i % 7} districts.</description>"
            f"<category>region {i % 25}</category></item>"
        )
    parts.append("</channel></rss>")
    return "".join(parts).encode()


def _utc(value: object) -> dt.datetime:
    assert isinstance(value, dt.datetime)
    return value.astimezone(dt.UTC)


def _executemany(
    path: Path, items: Sequence[tuple[object, ...]], tags: list[tuple[int, str]], *, fts: bool
) -> float:
    """Seconds to insert the rows with executemany, in one transaction, as ours does."""
    import sqlite3

    from desktop_app.storage.db.connection import PRAGMAS, open_database

    open_database(path).close()
    con = sqlite3.connect(path)
    for name, value in PRAGMAS.items():
        con.execute(f"PRAGMA {name} = {value}")
    if not fts:
        for trigger in ("item_fts_ai", "item_fts_ad", "item_fts_au"):
            con.execute(f"DROP TRIGGER {trigger}")
    t0 = time.perf_counter()
    with con:
        con.executemany(
            "INSERT INTO item (id, kind, title, lead, body, body_html, author, published_at,"
            " source_name, source_url, tags, created_at, updated_at)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            items,
        )
        con.executemany("INSERT INTO item_tag (item_id, tag) VALUES (?, ?)", tags)
    seconds = time.perf_counter() - t0
    con.close()
    return seconds


def main() -> int:
    from desktop_app.core.formats.load import read_import_file
    from desktop_app.storage.db.connection import open_database
    from desktop_app.storage.importing import import_result
    from desktop_app.storage.items import item_fields

    entries = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    data = generate_feed(entries)
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        result = read_import_file("bench.xml", data)
        t_read = time.perf_counter() - t0
        db = open_database(Path(tmp) / "ours.sqlite")
        t0 = time.perf_counter()
        summary = import_result(result)
        t_store = time.perf_counter() - t0
        db.close()
        assert summary.items.added == entries, summary.lines()

        # The baseline: the same rows (items and their tags), already built, through sqlite3
        # alone, on a file with the same schema, FTS triggers and pragmas as ours.
        rows = [item_fields(i) for i in result.items]
        stamp = "%Y-%m-%dT%H:%M:%SZ"
        now = dt.datetime.now(dt.UTC).strftime(stamp)
        tuples = [
            (
                n,
                r["kind"],
                r["title"],
                r["lead"],
                r["body"],
                r["body_html"],
                r["author"],
                _utc(r["published_at"]).strftime(stamp),
                r["source_name"],
                r["source_url"],
                r["tags"],
                now,
                now,
            )
            for n, r in enumerate(rows, 1)
        ]
        tags = [(n, t) for n, i in enumerate(result.items, 1) for t in i.tags]
        t_base = _executemany(Path(tmp) / "base.sqlite", tuples, tags, fts=True)
        t_bare = _executemany(Path(tmp) / "nofts.sqlite", tuples, tags, fts=False)

    def rate(seconds: float) -> str:
        return f"{seconds:7.2f} s  {entries / seconds:10,.0f} rows/s"

    print(f"{entries:,}-entry RSS feed")
    print(f"  read (parse + sanitise)       {rate(t_read)}")
    print(f"  ours: storage import          {rate(t_store)}")
    print(f"  ours: end to end              {rate(t_read + t_store)}")
    print(f"  bare sqlite3 executemany      {rate(t_base)}")
    print(f"  same, FTS triggers dropped    {rate(t_bare)}  (FTS costs {t_base - t_bare:.2f} s)")
    print(f"  storage throughput vs executemany: {t_base / t_store:.0%} (floor ≥ 50 %)")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"  peak memory (ru_maxrss, the whole run incl. the feed in memory): {peak:.0f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
