"""Kill rounds: run one command on a fresh copy of the archive, SIGKILL it at a seeded random
moment, and check what it left.

The moment is drawn between the time the program needs to start and open the archive and the
time a complete run took (measured once per command, on its own copy), so most kills land
while the command works. Each round is checked for:

- the archive: SQLite's integrity check, foreign keys and the search index's check;
- all-or-nothing: its logical content equals the state before or the complete run's result;
- earlier content: no row that both of those states hold is missing (counted as rows lost);
- outputs: nothing incomplete under a final name (a backup is a sound archive with the content
  before; an export is byte for byte the complete run's);
- leftovers: when a round left any file beyond the archive and its outputs (a `.part`, a
  journal), the program is started once more on the archive, once those files are old enough
  to be a killed run's; after that start nothing may be left beside the archive, in its
  backups folder or beside an export.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from tests.reliability.base import BaseArchive
from tests.reliability.config import SEED
from tests.reliability.harness import (
    Dump,
    Tally,
    dump,
    integrity_problems,
    kept_by_both,
    next_start_later,
    record,
    row_count,
    rows_missing,
    run_and_kill,
    timed_run,
)

# Files a round may leave in its folder: the archive, SQLite's own, the command's outputs.
ARCHIVE_FILES = frozenset({"archive.sqlite", "archive.sqlite-wal", "archive.sqlite-shm"})

# Checks of a command's own output after a round: (round folder, reference folder) → problems.
OutputCheck = Callable[[Path, Path], list[str]]


@dataclass(frozen=True)
class Command:
    fault: str
    args: Sequence[str]
    # Output files (relative to the round's folder) a complete run writes, beyond the archive.
    outputs: Callable[[Path], list[Path]]
    check_outputs: OutputCheck


def _stray(folder: Path, allowed: set[Path]) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and p not in allowed)


@dataclass(frozen=True)
class Reference:
    """A complete run of a command on its own copy of the archive."""

    folder: Path
    before: Dump
    after: Dump
    seconds: float

    @property
    def database(self) -> Path:
        return self.folder / "archive.sqlite"

    @property
    def rows_added(self) -> int:
        return row_count(self.after) - row_count(self.before)


def reference_run(base: BaseArchive, folder: Path, args: Sequence[str]) -> Reference:
    database = base.copy_to(folder)
    before = dump(database)
    done, seconds = timed_run(database, *args)
    assert done.returncode == 0, f"the complete run failed: {done.stderr}"
    return Reference(folder, before, dump(database), seconds)


def kill_rounds(
    command: Command, base: BaseArchive, ref: Reference, workdir: Path, rounds: int
) -> Tally:
    """Run `rounds` kill rounds of `command` and return their figures (also recorded)."""
    before, after = ref.before, ref.after
    kept = kept_by_both(before, after)
    rng = random.Random(f"{SEED}-{command.fault}")
    low = base.open_seconds * 0.7
    shown = [Path(a).name if "/" in a else a for a in command.args]
    tally = Tally(command.fault, " ".join(["frontline-archive", *shown]))
    for n in range(rounds):
        folder = workdir / f"round-{n}"
        database = base.copy_to(folder)
        ended = run_and_kill(database, command.args, rng.uniform(low, ref.seconds))
        problems: list[str] = []
        if not ended.killed and ended.returncode != 0:
            problems.append(f"exit {ended.returncode}: {ended.stderr.strip()[-300:]}")
        problems += command.check_outputs(folder, ref.folder)
        problems += integrity_problems(database)
        state = _state(database, problems)
        lost = row_count(kept) if state is None else rows_missing(kept, state)
        if state is not None and state != before and state != after:
            added = row_count(state) - row_count(before)
            problems.append(f"partly applied: {added:+} rows (complete run: {ref.rows_added:+})")
        allowed = {folder / name for name in ARCHIVE_FILES} | set(command.outputs(folder))
        if leftovers := _stray(folder, allowed):
            # The program's next start is where leftovers of a killed run are cleaned.
            restart = next_start_later(database, leftovers)
            if restart.returncode not in (0, 1):
                problems.append(f"next start: {restart.stderr.strip()[-300:]}")
            problems += [f"left behind: {p.relative_to(folder)}" for p in _stray(folder, allowed)]
        tally.add(ended.killed, problems, lost)
    record(tally)
    return tally


def _state(database: Path, problems: list[str]) -> Dump | None:
    try:
        return dump(database)
    except Exception as exc:  # a damaged file is a finding, not a crash of the suite
        problems.append(f"cannot read the content: {exc}")
        return None


_DUMPS: dict[Path, Dump] = {}


def same_archive(copy: Path, original: Path) -> list[str]:
    """A copy that exists must be a sound archive with the original's content (read once)."""
    if not copy.exists():
        return []
    problems = integrity_problems(copy)
    if original not in _DUMPS:
        _DUMPS[original] = dump(original)
    if not problems and dump(copy) != _DUMPS[original]:
        problems.append(f"{copy.name}: content differs from the archive")
    return [f"{copy.name}: {p}" for p in problems]
