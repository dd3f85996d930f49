"""Importing a large RSS feed file: ours (streamed) beside a bare executemany, in the same run.

Run as `python -m tests.benchmarks.bench_import [ENTRIES]` (`make bench`: 100,000; `make
bench-1m`: 1,000,000). The feed file is generated once into a cache folder outside the
repository (`BENCH_CACHE`, default ~/.cache/frontline-archive-bench; the file goes in its
`stream/` folder) and reused.

- ours: `services.transfer.import_files` on the file, as File ▸ Import and the command line run
  it (read while stored, progress, undo record), in a child process of its own, so its peak
  memory (ru_maxrss) is the import's alone;
- the floor: sqlite3 `executemany` of the same item rows and their tag rows, in one
  transaction, into a file with the archive's schema, FTS5 index, triggers and pragmas; only
  the executemany calls are timed (the rows are built beforehand, 50,000 at a time);
- a bare INSERT … SELECT FROM json_each per 500 rows (how ours stores a batch: one statement,
  so FTS5 writes one index segment per batch, not one per row);
- executemany with the FTS triggers dropped, to show what indexing costs (`--no-fts-line`
  skips it).

Targets (issue #14): peak memory ≤ 500 MiB, throughput ≥ 0.5× the floor's.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

CACHE = Path(os.environ.get("BENCH_CACHE", Path.home() / ".cache/frontline-archive-bench"))
FOLDER = CACHE / "stream"
START = dt.datetime(2023, 11, 25, 12, 0, tzinfo=dt.UTC)
TITLE = "Bench Wire"
# Rows built and inserted per executemany in the floor.
FLOOR_CHUNK = 50_000


def _entry(i: int) -> tuple[str, str, dt.datetime, str, str]:
    """(title, link, time, text, category) of entry i: short briefs, one a minute back."""
    return (
        f"Brief {i}: air defense downs drones over region {i % 25}.",
        f"https://example.org/briefs/{i}",
        START - dt.timedelta(minutes=i),
        f"Air defense shot down {i % 40} drones overnight in region {i % 25}, the Air Force"
        f" said; debris fell in {i % 7} districts.",
        f"region {i % 25}",
    )


def _feed_parts(entries: int) -> Iterator[str]:
    yield '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0">'
    yield f"<channel><title>{TITLE}</title>"
    for i in range(entries):
        title, link, when, text, tag = _entry(i)
        yield (
            f"<item><title>{title}</title><link>{link}</link>"
            f"<pubDate>{when:%a, %d %b %Y %H:%M:%S +0000}</pubDate>"
            f"<description>{text}</description><category>{tag}</category></item>\n"
        )
    yield "</channel></rss>\n"


def generate_feed(entries: int) -> bytes:
    """The feed in memory (for tests and small sizes)."""
    return "".join(_feed_parts(entries)).encode()


def feed_file(entries: int) -> Path:
    """The generated feed, written once (piece by piece) and reused."""
    path = FOLDER / f"feed-{entries}.xml"
    if not path.exists():
        FOLDER.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".part")
        with partial.open("w", encoding="utf-8") as out:
            for part in _feed_parts(entries):
                out.write(part)
        partial.replace(path)
    return path


_CHILD = r"""
import json, resource, sys, time
from pathlib import Path
from desktop_app.services.transfer import import_files
from desktop_app.storage.db.connection import open_database

feed, archive = Path(sys.argv[1]), Path(sys.argv[2])
db = open_database(archive)
calls = []
t0 = time.perf_counter()
outcome = import_files([feed], progress=lambda done, total, text: calls.append(done))
seconds = time.perf_counter() - t0
db.close()
usage = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({
    "seconds": seconds,
    "cpu": usage.ru_utime + usage.ru_stime,
    "added": outcome.files[0].summary.items.added,
    "progress_calls": len(calls),
    "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
}))
"""


def ours(feed: Path, archive: Path) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(feed), str(archive)],
        capture_output=True,
        text=True,
        check=True,
    )
    return dict(json.loads(done.stdout))


def _rows(
    first: int, last: int, now: str
) -> tuple[list[tuple[object, ...]], list[tuple[int, str]]]:
    """The item and tag rows our import writes for entries first…last-1 (ids from 1)."""
    items, tags = [], []
    for i in range(first, last):
        title, link, when, text, tag = _entry(i)
        stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ")
        items.append((i + 1, "brief", title, "", text, "", "", stamp, TITLE, link, tag, now, now))
        tags.append((i + 1, tag))
    return items, tags


_ITEMS = (
    "INSERT INTO item (id, kind, title, lead, body, body_html, author, published_at,"
    " source_name, source_url, tags, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"
)
_JSON_ITEMS = (
    _ITEMS.split(" VALUES ")[0]
    + " SELECT "
    + ", ".join(f"value ->> {n}" for n in range(13))
    + " FROM json_each(?)"
)
_JSON_TAGS = "INSERT INTO item_tag (item_id, tag) SELECT value ->> 0, value ->> 1 FROM json_each(?)"


def floor(path: Path, entries: int, *, fts: bool, as_json: bool = False) -> float:
    """Seconds of executemany for every row, in one transaction, on the archive's schema
    (`as_json`: one INSERT … SELECT FROM json_each per 500 rows instead, as ours does)."""
    from desktop_app.storage.db.connection import PRAGMAS, open_database

    open_database(path).close()
    con = sqlite3.connect(path, isolation_level=None)
    for name, value in PRAGMAS.items():
        con.execute(f"PRAGMA {name} = {value}")
    if not fts:
        for trigger in ("item_fts_ai", "item_fts_ad", "item_fts_au"):
            con.execute(f"DROP TRIGGER {trigger}")
    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    seconds = 0.0
    con.execute("BEGIN")
    for first in range(0, entries, FLOOR_CHUNK):
        items, tags = _rows(first, min(entries, first + FLOOR_CHUNK), now)
        t0 = time.perf_counter()
        if as_json:
            for start in range(0, len(items), 500):
                con.execute(_JSON_ITEMS, (json.dumps(items[start : start + 500]),))
                con.execute(_JSON_TAGS, (json.dumps(tags[start : start + 500]),))
        else:
            con.executemany(_ITEMS, items)
            con.executemany("INSERT INTO item_tag (item_id, tag) VALUES (?, ?)", tags)
        seconds += time.perf_counter() - t0
    t0 = time.perf_counter()
    con.execute("COMMIT")
    seconds += time.perf_counter() - t0
    (count,) = con.execute("SELECT count(*) FROM item").fetchone()
    con.close()
    assert count == entries
    return seconds


def _same_rows(ours_path: Path, floor_path: Path) -> bool:
    """Our archive holds the rows the floor inserted (all but the write times)."""
    columns = "id, kind, title, lead, body, body_html, author, published_at, source_name,"
    columns += " source_url, tags"
    query = f"SELECT {columns} FROM item WHERE id % 997 = 1 ORDER BY id"
    with sqlite3.connect(ours_path) as a, sqlite3.connect(floor_path) as b:
        return a.execute(query).fetchall() == b.execute(query).fetchall()


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def main() -> int:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    entries = int(args[0]) if args else 100_000
    t0 = time.perf_counter()
    feed = feed_file(entries)
    made = time.perf_counter() - t0
    work = FOLDER / f"work-{entries}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    try:
        ours_db, floor_db, bare_db = (
            work / n for n in ("ours.sqlite", "floor.sqlite", "bare.sqlite")
        )
        got = ours(feed, ours_db)
        assert got["added"] == entries, got
        c0 = time.process_time()
        t_floor = floor(floor_db, entries, fts=True)
        c_floor = time.process_time() - c0
        same = _same_rows(ours_db, floor_db)
        _remove(ours_db)
        _remove(floor_db)
        t_json = floor(floor_db, entries, fts=True, as_json=True)
        _remove(floor_db)
        t_bare = None if "--no-fts-line" in sys.argv else floor(bare_db, entries, fts=False)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    def rate(seconds: float) -> str:
        return f"{seconds:8.1f} s  {entries / seconds:8,.0f} rows/s"

    size = feed.stat().st_size / 2**20
    print(f"{entries:,}-entry RSS feed ({size:,.0f} MiB, {feed}; made in {made:.1f} s)")
    print(f"  ours: import_files (read + store, streamed)  {rate(got['seconds'])}")
    print(f"  floor: bare executemany, same FTS index       {rate(t_floor)}")
    print(
        f"  bare INSERT … SELECT json_each, same index    {rate(t_json)}  (what ours stores with)"
    )
    if t_bare is not None:
        print(f"  executemany, FTS triggers dropped             {rate(t_bare)}")
    ratio = t_floor / got["seconds"]
    print(f"  throughput vs the floor: {ratio:.2f}× (target ≥ 0.5×)")
    print(f"  CPU seconds: ours {got['cpu']:.1f} (the whole child), floor {c_floor:.1f}")
    print(f"  peak memory of the import's process: {got['peak_mib']:,.0f} MiB (target ≤ 500 MiB)")
    print(f"  progress reports: {got['progress_calls']:,.0f}; rows as the floor's: {same}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
