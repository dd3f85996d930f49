"""A full disk, made real: a 3 MiB tmpfs mounted for the test (root only; skipped otherwise).

Importing until the disk is full ends with exit 2 and one line saying so, the archive sound
and unchanged; an export or a backup onto a full disk leaves no file, partial or temporary.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.reliability.base import BaseArchive
from tests.reliability.harness import (
    Tally,
    dump,
    integrity_problems,
    record,
    rows_missing,
    run_cli,
)
from tests.reliability.inputs import write_feed

DISK_SIZE = "3m"


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A fresh 3 MiB tmpfs, unmounted afterwards."""
    if os.geteuid() != 0:
        pytest.skip("a full disk needs a small tmpfs, and mounting one needs root")
    if shutil.which("mount") is None:
        pytest.skip("no mount command on this system")
    disk = tmp_path / "disk"
    disk.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={DISK_SIZE}", "tmpfs", str(disk)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield disk
    finally:
        subprocess.run(["umount", "-l", str(disk)], capture_output=True)


def fill(disk: Path, leave: int) -> None:
    """Fill `disk` until about `leave` bytes are free."""
    free = shutil.disk_usage(disk).free
    with open(disk / "filler", "wb") as f:
        f.write(b"\0" * max(0, free - leave))


def one_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, f"expected one line, got: {stderr!r}"
    return lines[0]


def test_importing_until_the_disk_is_full_stops_with_one_line_and_changes_nothing(
    small_disk: Path, tmp_path: Path
) -> None:
    database = small_disk / "archive.sqlite"
    first = write_feed(tmp_path / "f0.xml", 100, "f0")
    assert run_cli(database, "import", str(first)).returncode == 0
    tally = Tally(
        "import until the disk is full", "frontline-archive import fN.xml (1,000 entries each)"
    )
    for n in range(1, 30):
        feed = write_feed(tmp_path / f"f{n}.xml", 1000, f"f{n}")
        before = dump(database)
        done = run_cli(database, "import", str(feed))
        problems = integrity_problems(database)
        state = dump(database)
        lost = rows_missing(before, state)
        if done.returncode == 0:
            tally.add(False, problems, lost)
            continue
        line = one_line(done.stderr)
        assert done.returncode == 2 and "disk is full" in line, line
        if state != before:
            problems.append("the archive changed")
        tally.add(False, problems, lost)
        break
    else:
        pytest.fail("the disk never filled")
    record(tally)
    assert tally.failures == 0 and tally.rows_lost == 0, tally.summary()
    assert tally.tries > 1, "the first import already filled the disk; nothing was tested"
    # The full disk's archive still opens: "no report stored for 2000-01-01".
    assert run_cli(database, "report", "2000-01-01").returncode == 1


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["export", "articles", "-o", "{disk}/out.json"], id="export"),
        pytest.param(["backup", "{disk}/copy.sqlite"], id="backup"),
    ],
)
def test_export_or_backup_onto_a_full_disk_leaves_no_file(
    small_disk: Path, base_archive: BaseArchive, tmp_path: Path, args: list[str]
) -> None:
    database = base_archive.copy_to(tmp_path / "archive")
    before = dump(database)
    fill(small_disk, leave=64 * 1024)
    done = run_cli(database, *[a.format(disk=small_disk) for a in args])
    line = one_line(done.stderr)
    assert done.returncode == 2 and "disk is full" in line, line
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler"]
    assert integrity_problems(database) == []
    assert dump(database) == before


@pytest.mark.parametrize(("count", "body", "leave"), [(300, 1000, 64 * 1024), (3, 1, 0)])
def test_undoing_an_import_with_a_full_temporary_folder_says_so_and_changes_nothing(
    small_disk: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    count: int,
    body: int,
    leave: int,
) -> None:
    # The items an undo takes back wait for a redo in a temporary file: a full temporary
    # folder must stop the undo whole, with the folder named, not leave it undone with no
    # way back. Three small items fit in the file's buffer: it is written out before the
    # undo commits, not at the redo.
    import datetime as dt
    import tempfile

    from desktop_app.core.formats.load import ReadResult
    from desktop_app.core.item import BRIEF, ItemData
    from desktop_app.storage.db.connection import open_archive
    from desktop_app.storage.db.models import database_proxy
    from desktop_app.storage.import_undo import (
        UndoStashError,
        changes_since,
        mark,
        undo_import,
    )
    from desktop_app.storage.importing import import_result
    from desktop_app.storage.items import count_items

    open_archive(tmp_path / "archive.sqlite")
    when = dt.datetime(2026, 11, 1, tzinfo=dt.UTC)
    items = [
        ItemData(BRIEF, f"Brief {n} from Kupiansk", when, body="Shelling. " * body)
        for n in range(count)
    ]
    with database_proxy.atomic():
        before = mark()
        import_result(ReadResult("rss", items=items))
        undo = changes_since(before)
    assert undo is not None and count_items() == count
    monkeypatch.setattr(tempfile, "tempdir", str(small_disk))
    fill(small_disk, leave)
    with pytest.raises(
        UndoStashError, match=r"could not be kept for a redo in .*disk.*nothing was undone"
    ):
        undo_import(undo)
    assert count_items() == count
    (small_disk / "filler").unlink()
    undo_import(undo)  # with room again, the same step goes through
    assert count_items() == 0
