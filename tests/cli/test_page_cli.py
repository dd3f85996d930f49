"""`import` of a copied page and of a saved page, run as the real program."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from tests.cli.test_cli import run
from tests.core.page.samples import PAGE, SAVED_PAGE


def _counts(db: Path) -> tuple[int, int, int]:
    with sqlite3.connect(db) as con:
        return (
            con.execute("SELECT count(*) FROM item").fetchone()[0],
            con.execute("SELECT count(*) FROM report").fetchone()[0],
            con.execute("SELECT count(*) FROM report_article").fetchone()[0],
        )


def test_a_copied_page_imports_as_article_briefs_and_linked_report(tmp_path: Path) -> None:
    db, page = tmp_path / "a.sqlite", tmp_path / "page.txt"
    page.write_text(PAGE)
    first = run(db, "import", str(page))
    assert first.returncode == 0, first.stderr
    assert "(page-text): found: article, 4 briefs, report of 2024-03-14" in first.stdout
    assert "articles and briefs: 5 added" in first.stdout
    assert "articles linked to reports: 1" in first.stdout
    assert _counts(db) == (5, 1, 1)
    report = json.loads(run(db, "report", "2024-03-14").stdout)
    assert report["figures"]["personnel"] == {"total": 432630, "change": 1090}
    found = run(db, "search", "Sumy", "--kind", "brief")
    assert "Power restored to most of Sumy" in found.stdout

    again = run(db, "import", str(page))
    assert "articles and briefs: 0 added, 5 unchanged" in again.stdout
    assert "0 added, 0 updated, 1 unchanged" in again.stdout
    assert _counts(db) == (5, 1, 1)


def test_a_saved_page_imports_its_report_too(tmp_path: Path) -> None:
    db, page = tmp_path / "a.sqlite", tmp_path / "page.html"
    page.write_text(SAVED_PAGE)
    result = run(db, "import", str(page))
    assert result.returncode == 0, result.stderr
    assert "(html-page): found: article, 2 briefs, report of 2024-03-14" in result.stdout
    assert _counts(db) == (3, 1, 1)


def test_a_page_whose_report_is_refused_imports_nothing(tmp_path: Path) -> None:
    db, page, before = tmp_path / "a.sqlite", tmp_path / "page.txt", tmp_path / "before.json"
    # The day before with far more tanks: the page's 6,796 reads as digits lost.
    before.write_text(json.dumps([{"date": "2024-03-13", "tank": 67790}]))
    assert run(db, "import", str(before)).returncode == 0
    page.write_text(PAGE)
    refused = run(db, "import", str(page))
    assert refused.returncode == 2 and "tanks" in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1
    assert _counts(db) == (0, 1, 0)
