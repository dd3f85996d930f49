"""The material of every round: one archive with content, built once and copied per round, and
the files an import round imports."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from tests.reliability.config import BASE_ENTRIES, FEED_ENTRIES, shared_dir
from tests.reliability.harness import connect, run_cli, timed_run
from tests.reliability.inputs import REPORT_TEXT, write_feed


@dataclass(frozen=True)
class BaseArchive:
    """An archive with items, tags, flags, a report and free pages; never written by a test."""

    path: Path
    # Seconds the program takes to start, open this archive and stop (a read command).
    open_seconds: float

    def copy_to(self, folder: Path) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / "archive.sqlite"
        shutil.copyfile(self.path, target)
        return target


def build_base_archive(folder: Path) -> BaseArchive:
    database = folder / "archive.sqlite"
    feed = write_feed(folder / "base-feed.xml", BASE_ENTRIES, "base")
    report = folder / "report.txt"
    report.write_text(REPORT_TEXT, encoding="utf-8")
    for source in (feed, report):
        done = run_cli(database, "import", str(source))
        assert done.returncode == 0, done.stderr
    con = connect(database)
    try:
        with con:
            # Tags, flags and a quarter of the items deleted: compaction has pages to give back.
            con.execute("UPDATE item SET starred = 1 WHERE id % 5 = 0")
            con.execute("UPDATE item SET is_read = 1 WHERE id % 3 = 0")
            con.execute("UPDATE item SET tags = 'power' WHERE id % 7 = 0")
            con.execute(
                "INSERT INTO item_tag (item_id, tag) SELECT id, 'power' FROM item WHERE id % 7 = 0"
            )
            con.execute("DELETE FROM item WHERE id % 4 = 0")
        # Everything in the main file, so that copying that one file copies the archive.
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        con.close()
    opened = [timed_run(database, "report", "2000-01-01")[1] for _ in range(2)]
    return BaseArchive(database, min(opened))


@dataclass(frozen=True)
class ImportFiles:
    """What an import round imports: a feed, then a second file (PetroIvaniuk when present)."""

    first: Path
    second: Path

    def args(self) -> list[str]:
        return ["import", str(self.first), str(self.second)]


def write_import_files(folder: Path) -> ImportFiles:
    first = write_feed(folder / "new-feed.xml", FEED_ENTRIES, "new")
    shared = shared_dir()
    equipment = shared / "petroivaniuk" / "russia_losses_equipment.json" if shared else None
    if equipment is not None and equipment.is_file():
        return ImportFiles(first, equipment)
    return ImportFiles(first, write_feed(folder / "more-feed.xml", FEED_ENTRIES, "more"))
