"""SIGKILL at the moment that matters, seen from outside: the first rows of an import become
visible, a backup's temporary copy appears, an export's file appears.

Unlike the random rounds these hit the dangerous moment every time, so a regression shows at
once. The watcher reads the archive through its own connection in the test process (another
process than the program's) and never writes to it.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.reliability.base import BaseArchive, ImportFiles
from tests.reliability.conftest import References
from tests.reliability.harness import (
    dump,
    integrity_problems,
    next_start_later,
    part_files,
    row_count,
    start_cli,
)


def kill_when(database: Path, args: list[str], seen: Callable[[], bool]) -> bool:
    """Run the program until `seen()` holds, then SIGKILL it; True when it was killed."""
    proc = start_cli(database, *args)
    try:
        while proc.poll() is None:
            if seen():
                proc.send_signal(signal.SIGKILL)
                proc.wait()
                return True
            time.sleep(0.001)
        return False
    finally:
        proc.communicate()


class ItemCount:
    """Counts the archive's items through one read-only connection of its own."""

    def __init__(self, database: Path) -> None:
        self.con = sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True, timeout=0.05)

    def __call__(self) -> int:
        try:
            return int(self.con.execute("SELECT count(*) FROM item").fetchone()[0])
        except sqlite3.Error:
            return -1

    def close(self) -> None:
        self.con.close()


def test_import_of_two_files_killed_when_its_first_rows_show_is_all_or_nothing(
    base_archive: BaseArchive, import_files: ImportFiles, references: References, tmp_path: Path
) -> None:
    ref = references(import_files.args())
    database = base_archive.copy_to(tmp_path)
    items = ItemCount(database)
    start = items()
    try:
        kill_when(database, import_files.args(), lambda: items() > start)
    finally:
        items.close()
    assert integrity_problems(database) == []
    state = dump(database)
    whole = state == ref.before or state == ref.after
    added, complete = row_count(state) - row_count(ref.before), ref.rows_added
    assert whole, f"{added:+} rows of the complete import's {complete:+}"


def _backup_killed_while_writing_pages(base: BaseArchive, folder: Path) -> tuple[Path, Path]:
    """A backup killed once its copy's rollback journal exists (pages are being written)."""
    database = base.copy_to(folder)
    backups = folder / "backups"

    def writing() -> bool:
        return any(p.name.endswith(".part-journal") for p in part_files(backups))

    for _ in range(20):  # the copy may finish before the watcher sees it; try again
        if kill_when(database, ["backup"], writing):
            break
    else:
        raise AssertionError("no backup was caught while writing pages in 20 tries")
    assert [p.suffix for p in part_files(backups)] == [".part", ".part-journal"]
    assert not list(backups.glob("*.sqlite")), "a copy stands under its final name"
    # "no report stored for 2000-01-01": the program started and read the archive.
    assert next_start_later(database, part_files(backups)).returncode == 1
    assert integrity_problems(database) == []
    return database, backups


def test_backup_killed_while_copying_leaves_no_part_file_after_the_next_start(
    base_archive: BaseArchive, tmp_path: Path
) -> None:
    _database, backups = _backup_killed_while_writing_pages(base_archive, tmp_path)
    assert list(backups.glob("*.part")) == []


def test_backup_killed_while_copying_leaves_nothing_at_all_after_the_next_start(
    base_archive: BaseArchive, tmp_path: Path
) -> None:
    _database, backups = _backup_killed_while_writing_pages(base_archive, tmp_path)
    assert part_files(backups) == []


def test_export_killed_when_its_file_appears_leaves_no_truncated_file(
    base_archive: BaseArchive, references: References, tmp_path: Path
) -> None:
    args = ["export", "articles", "-o", "out.json"]
    whole = (references(args).folder / "out.json").read_bytes()

    folder = tmp_path / "killed"
    database = base_archive.copy_to(folder)
    out = folder / "out.json"
    killed = kill_when(database, args, out.exists)
    assert killed or out.read_bytes() == whole
    assert not out.exists() or out.read_bytes() == whole, (
        f"out.json holds {out.stat().st_size:,} of {len(whole):,} bytes"
    )


def _writing_a_temporary_file(pid: int, folder: Path) -> bool:
    """Whether the process `pid` holds a file of `folder` open that is not (yet) the export:
    an unnamed temporary file (`O_TMPFILE`, shown as "#… (deleted)") or a named `.part`."""
    try:
        fds = list(Path(f"/proc/{pid}/fd").iterdir())
    except OSError:
        return False
    for fd in fds:
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith(f"{folder}/") and (
            target.endswith(" (deleted)") or target.endswith(".part")
        ):
            return True
    return False


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc to watch the export")
def test_export_killed_while_writing_its_temporary_file_leaves_nothing_behind(
    base_archive: BaseArchive, tmp_path: Path
) -> None:
    folder = tmp_path / "archive"
    database = base_archive.copy_to(folder)

    def beside() -> list[str]:  # what the folder holds beside the archive and its WAL files
        return sorted(p.name for p in folder.iterdir() if not p.name.startswith(database.name))

    assert beside() == []
    args = ["export", "articles", "-o", "out.json"]
    for _ in range(10):  # the write may end before the watcher sees it; try again
        proc = start_cli(database, *args)
        caught = False
        try:
            while proc.poll() is None:
                if _writing_a_temporary_file(proc.pid, folder):
                    proc.send_signal(signal.SIGKILL)
                    proc.wait()
                    caught = True
                    break
                time.sleep(0.0005)
        finally:
            proc.communicate()
        if caught:
            break
        (folder / "out.json").unlink(missing_ok=True)
    else:
        raise AssertionError("no export was caught while writing in 10 tries")
    # Killed while writing: no export, and no temporary file left for anyone to clean.
    assert beside() == []
