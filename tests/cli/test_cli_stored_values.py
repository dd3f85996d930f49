"""The command line on an archive another program wrote into: `check`, `report` and `export`
name the record, the field and the value, and end with a problem's exit code, not an internal
error's; `maintain` lists every such value."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from desktop_app.core.errors import INTERNAL, OK, PROBLEMS
from tests.cli.test_cli import run

REPORT = """General Staff: losses of the enemy as of 01.11.2026
personnel ‒ about 1,250,000 (+1,100)
tanks ‒ 11,500 (+4)
"""


def test_commands_name_a_figure_another_program_wrote_as_text(tmp_path: Path) -> None:
    db = tmp_path / "archive.sqlite"
    text = tmp_path / "report.txt"
    text.write_text(REPORT, encoding="utf-8")
    imported = run(db, "import", str(text))
    assert imported.returncode == OK, imported.stderr
    con = sqlite3.connect(db)
    con.execute("UPDATE report_figure SET total = 'many' WHERE category = 'tanks'")
    con.commit()
    con.close()
    told = "Report 2026-11-01, tanks: total 'many' is not a whole number"
    for args in (("check",), ("export", "reports"), ("report", "2026-11-01")):
        done = run(db, *args)
        assert done.returncode not in (OK, INTERNAL), (args, done.stderr)
        assert "internal error" not in done.stderr
        assert "tanks" in done.stderr and "'many' is not a whole number" in done.stderr, args
        assert '"many"' not in done.stdout  # never written on as if it were a figure
    assert told in run(db, "check").stderr
    maintained = run(db, "maintain")
    assert maintained.returncode == PROBLEMS
    assert told in maintained.stdout
