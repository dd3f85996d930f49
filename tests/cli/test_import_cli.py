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


def _oryx(*rows: tuple[str, str, int]) -> str:
    return json.dumps(
        [
            {"equipment_oryx": klass, "model": model, "manufacturer": "Maker", "losses_total": n}
            for klass, model, n in rows
        ]
    )


def test_oryx_rows_the_comparison_cannot_use_are_refused_or_said(tmp_path: Path) -> None:
    db = tmp_path / "a.sqlite"
    first = tmp_path / "oryx.json"
    first.write_text(_oryx(("Tanks", "T-1", 40), ("Tanks", "T-2", 7)))
    assert run(db, "import", str(first)).returncode == 0

    # One model twice (its total would be counted twice): refused, the stored edition kept.
    twice = tmp_path / "twice.json"
    twice.write_text(_oryx(("Tanks", "T-1", 40), ("Tanks", "T-2", 7), ("Tanks", "t-1", 3)))
    refused = run(db, "import", str(twice))
    assert refused.returncode == 2 and refused.stdout == ""
    assert "record #3 (t-1)" in refused.stderr and "as record #1" in refused.stderr
    again = run(db, "import", str(first))
    assert again.returncode == 0 and "2 models unchanged" in again.stdout

    # An empty model is said as such (it said "expected text, got text ''").
    empty = tmp_path / "empty.json"
    empty.write_text(_oryx(("Tanks", " ", 1)))
    said = run(db, "import", str(empty))
    assert said.returncode == 2 and "field 'model': the text is empty" in said.stderr

    # A class the mapping does not know (Oryx added one): stored, and said to be left out.
    newer = tmp_path / "newer.json"
    newer.write_text(
        _oryx(("Tanks", "T-1", 41), ("Ground Robots", "R-1", 2), ("Ground Robots", "R-2", 1))
    )
    told = run(db, "import", str(newer))
    assert told.returncode == 0 and "3 models stored" in told.stdout
    assert "'Ground Robots' (2 models) has no category of ours" in told.stdout
