"""The fault suite's tools: run the real program, kill it, look at what it left.

Every check reads the archive through a plain `sqlite3` connection in this (the test) process,
after the program being tested has exited or been killed, so the checks never share a process
with the writer (see STYLE.md, "POSIX locks die with any close()").
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from tests.conftest import PROJECT_ROOT

# Columns a second, identical run fills differently (the clock); left out of every comparison.
VOLATILE_COLUMNS = frozenset({"created_at", "updated_at", "imported_at", "changed_at"})

Dump = dict[str, Counter[tuple[object, ...]]]


def cli_env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("FRONTLINE_ARCHIVE_DB", None)
    env["PYTHONPATH"] = str(PROJECT_ROOT)
    return env


def cli_args(database: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "desktop_app", "--database", str(database), *args]


def run_cli(database: Path, *args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """The real program, run to its end."""
    return subprocess.run(
        cli_args(database, *args),
        capture_output=True,
        text=True,
        env=cli_env(),
        cwd=database.parent,
        timeout=timeout,
    )


def start_cli(database: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        cli_args(database, *args),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=cli_env(),
        cwd=database.parent,
    )


@dataclass
class Ended:
    """How a run that may have been killed ended."""

    killed: bool
    returncode: int
    stdout: str
    stderr: str
    seconds: float


def run_and_kill(database: Path, args: Sequence[str], delay: float) -> Ended:
    """Start the program and SIGKILL it after `delay` seconds unless it has ended by then."""
    began = time.monotonic()
    proc = start_cli(database, *args)
    killed = False
    try:
        proc.wait(timeout=delay)
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        killed = True
    out, err = proc.communicate(timeout=60)
    return Ended(killed, proc.returncode, out, err, time.monotonic() - began)


def timed_run(database: Path, *args: str) -> tuple[subprocess.CompletedProcess[str], float]:
    began = time.monotonic()
    done = run_cli(database, *args)
    return done, time.monotonic() - began


def connect(database: Path) -> sqlite3.Connection:
    con = sqlite3.connect(database, timeout=30)
    con.execute("PRAGMA foreign_keys = ON")
    return con


def tables(con: sqlite3.Connection) -> list[str]:
    """The archive's own tables (not SQLite's, not the search index's shadow tables nor its
    word list, which is made from the index: its item counts grow with every import)."""
    rows = con.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        " AND name NOT LIKE 'item_fts%' AND name NOT LIKE 'search_term%' ORDER BY name"
    ).fetchall()
    return [r[0] for r in rows]


def dump(database: Path) -> Dump:
    """Every row of every table, without the clock columns: the archive's logical content."""
    con = connect(database)
    try:
        out: Dump = {}
        for table in tables(con):
            columns = [r[1] for r in con.execute(f"PRAGMA table_info({table})")]
            keep = [c for c in columns if c not in VOLATILE_COLUMNS]
            select = ", ".join(f'"{c}"' for c in keep)
            out[table] = Counter(con.execute(f"SELECT {select} FROM {table}").fetchall())
        return out
    finally:
        con.close()


def row_count(state: Dump) -> int:
    return sum(sum(c.values()) for c in state.values())


def rows_missing(expected: Dump, found: Dump) -> int:
    """Rows of `expected` that `found` lacks (counted with multiplicity)."""
    return sum(sum((rows - found.get(t, Counter())).values()) for t, rows in expected.items())


def kept_by_both(before: Dump, after: Dump) -> Dump:
    """Rows a command keeps: in the state before it and in its complete result."""
    return {t: rows & after.get(t, Counter()) for t, rows in before.items()}


def integrity_problems(database: Path) -> list[str]:
    """SQLite's integrity check, foreign keys and the search index's own check; [] when sound."""
    try:
        con = connect(database)
    except sqlite3.Error as exc:
        return [f"cannot open: {exc}"]
    try:
        rows = [r[0] for r in con.execute("PRAGMA integrity_check").fetchall()]
        problems = [] if rows == ["ok"] else [f"integrity: {r}" for r in rows[:5]]
        problems += [f"foreign key: {r}" for r in con.execute("PRAGMA foreign_key_check")][:5]
        if "item" in tables(con):
            try:
                con.execute("INSERT INTO item_fts(item_fts, rank) VALUES ('integrity-check', 1)")
            except sqlite3.Error as exc:
                problems.append(f"search index: {exc}")
        con.rollback()
        return problems
    except sqlite3.Error as exc:
        return [f"cannot read: {exc}"]
    finally:
        con.close()


def part_files(folder: Path) -> list[Path]:
    """Temporary copies left anywhere under `folder` (backups, compactions, exports)."""
    return sorted(p for p in folder.rglob("*") if p.is_file() and ".part" in p.name)


def next_start(database: Path) -> subprocess.CompletedProcess[str]:
    """The program's next start on the archive: a read-only command that opens it."""
    return run_cli(database, "report", "2000-01-01")


def next_start_later(database: Path, leftovers: Sequence[Path]) -> subprocess.CompletedProcess[str]:
    """The next start, once `leftovers` are old enough to be a killed run's.

    The program deletes a temporary copy only when nothing has written to it for
    STALE_PART_SECONDS: a younger one may be a copy that another program is still writing.
    The files' times are set back instead of waiting.
    """
    from desktop_app.storage.backup import STALE_PART_SECONDS

    then = time.time() - STALE_PART_SECONDS - 60
    for path in leftovers:
        if path.exists():
            os.utime(path, (then, then))
    return next_start(database)


@dataclass
class Tally:
    """One fault's figures, as docs/RELIABILITY.md shows them."""

    fault: str
    command: str
    tries: int = 0
    killed: int = 0
    clean: int = 0
    failures: int = 0
    rows_lost: int = 0
    notes: list[str] = field(default_factory=list)

    def add(self, killed: bool, problems: Sequence[str], lost: int) -> None:
        self.tries += 1
        self.killed += killed
        self.rows_lost += lost
        if problems:
            self.failures += 1
            if len(self.notes) < 8:
                self.notes.append(f"round {self.tries}: " + "; ".join(problems))
        else:
            self.clean += 1

    def summary(self) -> str:
        head = (
            f"{self.fault}: {self.tries} tries, {self.killed} killed mid-run, {self.clean} clean,"
            f" {self.failures} failures, {self.rows_lost} rows lost"
        )
        return "\n".join([head, *self.notes])


REPORT_ENV = "FRONTLINE_RELIABILITY_REPORT"


def record(tally: Tally) -> None:
    """Add the figures to the JSON file named by $FRONTLINE_RELIABILITY_REPORT, if set."""
    target = os.environ.get(REPORT_ENV)
    if not target:
        return
    path = Path(target)
    entries = json.loads(path.read_text(encoding="utf-8")) if path.exists() else []
    entries = [e for e in entries if e["fault"] != tally.fault] + [asdict(tally)]
    path.write_text(json.dumps(entries, indent=1, ensure_ascii=False), encoding="utf-8")
