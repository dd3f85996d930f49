"""`frontline-archive trash`: list, restore and empty, run as a real subprocess."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from desktop_app.core.item import BRIEF, ItemData
from desktop_app.core.report import Figure, LossReport
from desktop_app.storage.db.connection import open_database
from desktop_app.storage.items import save_item
from desktop_app.storage.reports import save_report
from desktop_app.storage.trash import delete_item, delete_report
from tests.cli.test_cli import run

DAY = dt.date(2024, 2, 1)


def _archive_with_a_deleted_brief_and_report(path: Path) -> None:
    db = open_database(path)
    save_report(LossReport(DAY, {"tanks": Figure(6320, 8)}))
    item_id = save_item(
        ItemData(BRIEF, "Drones over Sumy.", dt.datetime(2024, 2, 1, tzinfo=dt.UTC))
    )
    delete_item(item_id)
    delete_report(DAY)
    db.close()


def test_trash_lists_restores_and_empties(tmp_path: Path) -> None:
    db = tmp_path / "a.sqlite"
    _archive_with_a_deleted_brief_and_report(db)

    listed = run(db, "trash")
    assert listed.returncode == 0, listed.stderr
    rows = [line.split("\t") for line in listed.stdout.splitlines()]
    assert [(r[2], r[3]) for r in rows] == [
        ("report", "2024-02-01"),
        ("brief", "Drones over Sumy."),
    ]
    report_entry, brief_entry = rows[0][0], rows[1][0]

    restored = run(db, "trash", "restore", report_entry)
    assert restored.returncode == 0, restored.stderr
    assert restored.stdout == f"restored {report_entry}: report 2024-02-01\n"
    assert '"total": 6320' in run(db, "report", "2024-02-01").stdout

    again = run(db, "trash", "restore", report_entry)
    assert again.returncode == 2
    assert again.stderr == f"frontline-archive trash: no entry {report_entry} in the Trash\n"

    emptied = run(db, "trash", "empty")
    assert emptied.returncode == 0 and emptied.stdout == "deleted for good: 1\n"
    assert run(db, "trash", "list").stdout == "the Trash is empty\n"
    assert run(db, "trash", "restore", brief_entry).returncode == 2


def test_restore_without_ids_is_one_line(tmp_path: Path) -> None:
    result = run(tmp_path / "a.sqlite", "trash", "restore")
    assert result.returncode == 2
    assert (
        result.stderr == "frontline-archive trash: name the entries to restore: trash restore ID…\n"
    )
