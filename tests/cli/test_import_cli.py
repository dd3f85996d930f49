"""`import --dry-run` and `--overwrite-manual`, run as the real program."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.test_cli import run


def test_dry_run_reports_and_writes_nothing_then_manual_reports_are_kept(tmp_path: Path) -> None:
    db = tmp_path / "a.sqlite"
    data = tmp_path / "d.json"
    data.write_text(json.dumps([{"date": "2023-11-25", "tank": 5502}]))
    dry = run(db, "import", "--dry-run", str(data))
    assert dry.returncode == 0, dry.stderr
    assert "dry run, nothing written" in dry.stdout and "1 added" in dry.stdout
    assert run(db, "report", "2023-11-25").returncode == 1

    manual = tmp_path / "m.json"
    manual.write_text(
        json.dumps(
            {
                "frontline_archive": 1,
                "reports": [
                    {"date": "2023-11-25", "figures": {"tanks": {"total": 5500, "change": None}}}
                ],
            }
        )
    )
    assert run(db, "import", str(manual)).returncode == 0
    # Only a report saved by hand is protected; make this one so through the database.
    import sqlite3

    with sqlite3.connect(db) as con:
        con.execute("UPDATE report SET source = 'manual'")
    kept = run(db, "import", str(data))
    assert "not imported): 2023-11-25" in kept.stdout and "--overwrite-manual" in kept.stdout
    assert json.loads(run(db, "report", "2023-11-25").stdout)["figures"]["tanks"]["total"] == 5500
    run(db, "import", "--overwrite-manual", str(data))
    assert json.loads(run(db, "report", "2023-11-25").stdout)["figures"]["tanks"]["total"] == 5502
