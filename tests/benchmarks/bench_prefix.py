"""A prefix searched three ways, on an index with a long tail of rare words.

Run as `python -m tests.benchmarks.bench_prefix [DOCS]` (default 1,000,000; the index is built
once, ~6 min, into BENCH_DIR or the current folder). The archive benchmark's generated text
has 156 distinct words, all frequent; real text has hundreds of thousands, most of them rare,
and there a prefix's words can be too many to read one by one. Each prefix is timed newest
first, `LIMIT 200`, as FTS5's own prefix (`"q"*`), as the OR of all its words, and as the plan
`storage.search_terms.plan_prefix` makes (frequent words alone, rare ones merged under
longer prefixes); the results are checked equal.
"""

from __future__ import annotations

import itertools
import os
import random
import sqlite3
import statistics
import string
import sys
import time
from pathlib import Path

from desktop_app.storage import search_terms

PAGE = "SELECT rowid FROM f WHERE f MATCH ? ORDER BY rowid LIMIT 200"
PREFIXES = ("q", "e", "m", "t", "qz", "ab", "mo", "sta", "mor")


def build(path: Path, docs: int) -> None:
    """Documents of 15 words drawn (Zipf, s = 1.05) from 300,000 random words, inserted
    oldest first in batches, as an archive grows."""
    rng = random.Random(1)
    vocab: set[str] = set()
    while len(vocab) < 300_000:
        vocab.add("".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(3, 10))))
    words = sorted(vocab)
    rng.shuffle(words)
    weights = list(itertools.accumulate(1 / (i + 1) ** 1.05 for i in range(len(words))))
    con = sqlite3.connect(path)
    con.execute("CREATE VIRTUAL TABLE f USING fts5(a, tokenize='unicode61 remove_diacritics 2')")
    batch = 50_000
    for start in range(0, docs, batch):
        rows = [
            (-(start + i), " ".join(rng.choices(words, cum_weights=weights, k=15)))
            for i in range(batch)
        ]
        con.executemany("INSERT INTO f (rowid, a) VALUES (?, ?)", rows)
        con.commit()
    con.close()


def median_ms(con: sqlite3.Connection, match: str) -> tuple[float, list[tuple[int]]]:
    times, rows = [], []
    for _ in range(3):
        t0 = time.perf_counter()
        rows = con.execute(PAGE, (match,)).fetchall()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), rows


def main() -> int:
    docs = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    path = Path(os.environ.get("BENCH_DIR", ".")) / f"prefix-{docs}.sqlite"
    if not path.exists():
        t0 = time.perf_counter()
        build(path, docs)
        print(f"built {path} in {time.perf_counter() - t0:.0f} s")
    con = sqlite3.connect(path)
    con.execute("PRAGMA cache_size = -8192")  # as the archive's connections
    # The word list as schema 9 keeps it (here in a temporary table of this connection).
    con.execute("CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, f, row)")
    con.execute("CREATE TEMP TABLE search_term (term TEXT PRIMARY KEY, docs INTEGER)")
    con.execute("INSERT INTO search_term SELECT term, doc FROM temp.v")
    segments = con.execute("SELECT count(DISTINCT segid) FROM f_idx").fetchone()[0]
    print(
        f"{docs:,} documents, {segments} segments, load average {os.getloadavg()[0]:.1f}; "
        "first 200 rowids, median of 3, ms"
    )
    heads = ("words", "parts", "plan", "prefix*", "all OR", "planned")
    print(f"{'prefix':8} " + " ".join(f"{h:>8}" for h in heads))
    for prefix in PREFIXES:
        words = []
        for (term,) in con.execute(
            "SELECT term FROM search_term WHERE term >= ? ORDER BY term", (prefix,)
        ):
            if not term.startswith(prefix):
                break
            words.append(term)
        t0 = time.perf_counter()
        plan = search_terms.plan_prefix(con, prefix)
        plan_ms = (time.perf_counter() - t0) * 1000
        as_prefix, expected = median_ms(con, f'"{prefix}"*')
        every = float("nan")
        if len(words) <= 3000:
            every, got = median_ms(con, "(" + " OR ".join(f'"{w}"' for w in words) + ")")
            assert got == expected, prefix
        planned = float("nan")
        if plan is not None:
            text = " OR ".join(f'"{t}"' + ("*" if last else "") for t, last in plan)
            planned, got = median_ms(con, f"({text})")
            assert got == expected, prefix
        parts = len(plan) if plan is not None else 0
        print(
            f"{prefix:8} {len(words):8} {parts:8} {plan_ms:8.1f} {as_prefix:8.1f} {every:8.1f}"
            f" {planned:8.1f}"
        )
    print("parts 0: the plan keeps the prefix as it is (too many words, or all rare)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
