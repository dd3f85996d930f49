"""Export the benchmark archive and import the export into a new archive, through the
installed `frontline-archive` command as a user runs it: wall time and the process's peak
memory, beside a floor measured in the same run (a bare sqlite3 SELECT of the same columns
written as one JSON line per item).

    BENCH_DIR=… BENCH_ITEMS=1000000 python -m tests.benchmarks.bench_transfer

Uses the archive `python -m tests.benchmarks` built (BENCH_DIR, BENCH_ITEMS); the files
written go to a temporary folder beside it and are removed.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DATA = Path(os.environ.get("BENCH_DIR", "bench-data"))
ITEMS = int(os.environ.get("BENCH_ITEMS", "100000"))
# The peak memory allowed (issue #14 gives 500 MiB to a streamed feed import).
PEAK_MIB = 500

# Runs a command and prints its wall time and the peak resident memory of its children
# (a fresh process per measurement, so the peak is this command's alone).
_MEASURE = r"""
import resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
wall = time.perf_counter() - start
if done.returncode:
    sys.exit(done.stderr.decode(errors="replace"))
print(wall, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
"""


def measured(*command: str) -> tuple[float, float]:
    out = subprocess.run(
        [sys.executable, "-c", _MEASURE, *command], check=True, capture_output=True, text=True
    ).stdout.split()
    return float(out[0]), float(out[1])


def floor_export(archive: Path, target: Path) -> float:
    """A bare SELECT of an export's columns, oldest first, one JSON line per item."""
    start = time.perf_counter()
    db = sqlite3.connect(archive)
    columns = "kind, title, lead, body, author, published_at, source_name, source_url, tags"
    rows = db.execute(f"SELECT {columns} FROM item ORDER BY published_at, id")
    names = [c.strip() for c in columns.split(",")]
    with target.open("w", encoding="utf-8") as out:
        while batch := rows.fetchmany(2000):
            out.write("".join(json.dumps(dict(zip(names, r, strict=True))) + "\n" for r in batch))
    db.close()
    return time.perf_counter() - start


def main() -> int:
    archive = DATA / ("bench.sqlite" if ITEMS == 100_000 else f"bench-{ITEMS}.sqlite")
    if not archive.exists():
        sys.exit(f"{archive}: build it first with `python -m tests.benchmarks`")
    program = shutil.which("frontline-archive") or str(
        Path(sys.executable).parent / "frontline-archive"
    )
    folder = Path(tempfile.mkdtemp(prefix="bench-transfer-", dir=DATA))
    try:
        exported = folder / "items.json"
        floor = floor_export(archive, folder / "floor.jsonl")
        wall, peak = measured(
            program, "--database", str(archive), "export", "articles", "-o", str(exported)
        )
        size = exported.stat().st_size / 1_048_576
        print(f"Export and import of {ITEMS:,} articles and briefs through `frontline-archive`:")
        print(
            f"  export articles -o (JSON, {size:,.0f} MiB)   {wall:7.1f} s  peak {peak:6.0f} MiB"
            f"   floor (bare SELECT, a JSON line each) {floor:.1f} s   {wall / floor:.2f}×"
            f"   peak ≤ {PEAK_MIB} MiB {'met' if peak <= PEAK_MIB else 'not met'}"
        )
        wall, peak = measured(
            program, "--database", str(folder / "new.sqlite"), "import", str(exported)
        )
        print(
            f"  import that file into a new archive   {wall:7.1f} s  peak {peak:6.0f} MiB"
            f"   ({ITEMS / wall:,.0f} items/s)"
            f"   peak ≤ {PEAK_MIB} MiB {'met' if peak <= PEAK_MIB else 'not met'}"
        )
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
