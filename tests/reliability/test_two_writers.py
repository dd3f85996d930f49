"""Two programs importing into one archive at the same moment.

Each either succeeds (the second waits for the first) or fails with the one line that says
another program is writing; nothing is half-written and nothing earlier is lost.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.reliability.base import BaseArchive
from tests.reliability.config import FEED_ENTRIES, PAIRS
from tests.reliability.harness import (
    Tally,
    dump,
    integrity_problems,
    record,
    rows_missing,
    start_cli,
)
from tests.reliability.inputs import write_feed

BUSY_MESSAGE = "another program is writing"


def _imported(database: Path, tag: str) -> int:
    con = sqlite3.connect(database)
    try:
        query = "SELECT count(*) FROM item WHERE source_url LIKE ?"
        return int(con.execute(query, (f"https://feed.test/{tag}/%",)).fetchone()[0])
    finally:
        con.close()


def _pair_problems(database: Path, feeds: dict[str, Path]) -> list[str]:
    procs = {tag: start_cli(database, "import", str(feed)) for tag, feed in feeds.items()}
    problems: list[str] = []
    for tag, proc in procs.items():
        _out, err = proc.communicate(timeout=300)
        lines = err.strip().splitlines()
        if proc.returncode == 0:
            expected = FEED_ENTRIES
        elif proc.returncode == 2 and len(lines) == 1 and BUSY_MESSAGE in lines[0]:
            expected = 0
        else:
            problems.append(f"{tag}: exit {proc.returncode}: {' | '.join(lines)[-300:]}")
            expected = -1
        found = _imported(database, tag)
        if expected >= 0 and found != expected:
            problems.append(f"{tag}: {found} of its {FEED_ENTRIES} entries stored")
    return problems


def test_two_imports_at_once_both_succeed_or_one_says_another_program_is_writing(
    base_archive: BaseArchive, tmp_path: Path
) -> None:
    tally = Tally("two imports at once", "frontline-archive import A & frontline-archive import B")
    feeds = {tag: write_feed(tmp_path / f"{tag}.xml", FEED_ENTRIES, tag) for tag in ("w1", "w2")}
    for n in range(PAIRS):
        database = base_archive.copy_to(tmp_path / f"pair-{n}")
        before = dump(database)
        problems = _pair_problems(database, feeds)
        problems += integrity_problems(database)
        tally.add(False, problems, rows_missing(before, dump(database)))
    record(tally)
    assert tally.failures == 0 and tally.rows_lost == 0, tally.summary()
