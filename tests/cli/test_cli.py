"""The command line, run as a real subprocess on a temporary archive."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import shared_file

KI_TEXT = """General Staff: Russia has lost 323,760 troops in Ukraine
by Newsroom November 25, 2023 11:03 AM 1 min read
Russia has lost 323,760 troops in Ukraine since the beginning of its full-scale invasion on
Feb. 24, 2022, the General Staff of Ukraine's Armed Forces reported on Nov. 25.
This number includes 860 casualties Russian forces suffered just over the past day.
According to the report, Russia has also lost 5,502 tanks, 10,281 armored fighting vehicles,
10,306 vehicles and fuel tanks, 7,806 artillery systems, 891 multiple launch rocket systems,
584 air defense systems, 323 airplanes, 324 helicopters, 5,863 drones, 1,577 cruise missiles,
22 ships and boats, and one submarine.
"""


def run(
    db: Path, *args: str, stdin: str | None = None, wait: str | None = None
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("FRONTLINE_ARCHIVE_DB", None)
    if wait is not None:
        env["FRONTLINE_ARCHIVE_WAIT"] = wait  # seconds a write waits for another writer
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", "--database", str(db), *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "cli.sqlite"


def test_parse_prints_the_report_as_json_and_stores_nothing(db: Path) -> None:
    result = run(db, "parse", "-", stdin=KI_TEXT)
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["date"] == "2023-11-25" and out["day"] == 640
    assert out["figures"]["personnel"] == {"total": 323760, "change": 860}
    assert out["figures"]["tanks"] == {"total": 5502, "change": None}
    assert out["figures"]["submarines"] == {"total": 1, "change": None}
    assert not db.exists()


def test_parse_of_a_text_without_a_report_exits_2_with_one_line(db: Path, tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text("Russia shells 7 communities in Sumy Oblast, firing 20 times.\n")
    result = run(db, "parse", str(note))
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_import_text_then_report_check_export_and_search(db: Path, tmp_path: Path) -> None:
    post = tmp_path / "post.txt"
    post.write_text(KI_TEXT)
    first = run(db, "import", str(post))
    assert first.returncode == 0, first.stderr
    assert "1 added" in first.stdout
    again = run(db, "import", str(post))
    assert "0 added, 0 updated, 1 unchanged" in again.stdout

    report = json.loads(run(db, "report", "2023-11-25").stdout)
    assert report["figures"]["personnel"] == {"total": 323760, "change": 860}
    assert run(db, "report", "2023-11-24").returncode == 1
    assert run(db, "report", "yesterday").returncode == 2

    exported = json.loads(run(db, "export", "reports").stdout)
    assert exported["reports"][0]["figures"]["tanks"]["total"] == 5502
    csv_out = tmp_path / "r.csv"
    assert run(db, "export", "reports", "--format", "csv", "-o", str(csv_out)).returncode == 0
    assert csv_out.read_text().splitlines()[1].startswith("2023-11-25,640,,,323760,860,5502,")

    assert run(db, "check").returncode == 0
    assert run(db, "search", "anything").returncode == 1


def test_check_lists_a_decrease_and_exits_1(db: Path, tmp_path: Path) -> None:
    export = {
        "frontline_archive": 1,
        "reports": [
            {"date": "2023-05-27", "figures": {"tanks": {"total": 3800, "change": None}}},
            {"date": "2023-05-28", "figures": {"tanks": {"total": 3795, "change": None}}},
        ],
    }
    path = tmp_path / "export.json"
    path.write_text(json.dumps(export))
    assert run(db, "import", str(path)).returncode == 0
    result = run(db, "check")
    assert result.returncode == 1
    assert result.stdout.startswith("2023-05-28  tanks  ")
    as_json = json.loads(run(db, "check", "--json").stdout)
    assert as_json[0]["kind"] == "decrease"


def test_a_malformed_file_exits_2_naming_file_and_record_and_changes_nothing(
    db: Path, tmp_path: Path
) -> None:
    good = tmp_path / "good.txt"
    good.write_text(KI_TEXT)
    assert run(db, "import", str(good)).returncode == 0
    before = run(db, "export", "reports").stdout
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps(
            {
                "frontline_archive": 1,
                "reports": [
                    {"date": "2023-11-26", "figures": {"tanks": {"total": 5510, "change": None}}},
                    {"date": "2023-11-27", "figures": {"tanks": {"total": "many", "change": None}}},
                ],
            }
        )
    )
    result = run(db, "import", str(good), str(bad))
    assert result.returncode == 2
    assert "bad.json" in result.stderr and "#2" in result.stderr and "tanks" in result.stderr
    assert "Traceback" not in result.stderr
    assert run(db, "export", "reports").stdout == before


def test_import_petroivaniuk_dataset_is_idempotent(db: Path) -> None:
    equipment = shared_file("petroivaniuk", "russia_losses_equipment.json")
    personnel = shared_file("petroivaniuk", "russia_losses_personnel.json")
    first = run(db, "import", str(equipment), str(personnel))
    assert first.returncode == 0, first.stderr
    assert "1626 added" in first.stdout
    second = run(db, "import", str(equipment), str(personnel))
    assert "0 added, 0 updated" in second.stdout
    report = json.loads(run(db, "report", "2026-08-08").stdout)
    assert report["figures"]["personnel"] == {"total": 1456610, "change": 1190}
    assert report["figures"]["tanks"] == {"total": 12251, "change": 4}
    check = run(db, "check")
    assert check.returncode == 1  # the official totals do decrease on a few days
    assert "2023-05-28  tanks" in check.stdout or "tanks" in check.stdout


def test_search_finds_imported_items(db: Path, tmp_path: Path) -> None:
    export = {
        "frontline_archive": 1,
        "items": [
            {
                "kind": "brief",
                "title": "Russia shells 7 communities in Sumy Oblast.",
                "published_at": "2023-11-25T09:00:00+02:00",
                "body": "Shelling.",
            },
            {
                "kind": "article",
                "title": "Grain exports",
                "published_at": "2023-11-24T09:00:00+02:00",
                "body": "Sumy farmers.",
            },
        ],
    }
    path = tmp_path / "items.json"
    path.write_text(json.dumps(export))
    assert run(db, "import", str(path)).returncode == 0
    result = run(db, "search", "sumy")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert len(lines) == 2 and "Russia shells 7" in lines[0]
    only_briefs = run(db, "search", "sumy", "--kind", "brief").stdout.splitlines()
    assert len(only_briefs) == 1


def test_starting_loads_no_parser_or_format_module() -> None:
    # `desktop_app.cli` is imported on every start, the window's too: it must stay light.
    code = (
        "import sys, desktop_app.app;"
        "heavy = [m for m in ('desktop_app.core.formats.feeds', 'desktop_app.core.report_parser',"
        " 'desktop_app.core.exports', 'lxml', 'feedparser') if m in sys.modules];"
        "print(heavy)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert out.stdout.strip() == "[]"


def test_backup_writes_a_copy_that_opens_as_the_same_archive(db: Path, tmp_path: Path) -> None:
    note = tmp_path / "ki.txt"
    note.write_text(KI_TEXT)
    assert run(db, "import", str(note)).returncode == 0
    copy = tmp_path / "copies" / "mine.sqlite"
    copy.parent.mkdir()
    result = run(db, "backup", str(copy))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(copy)
    report = run(copy, "report", "2023-11-25")
    assert report.returncode == 0
    assert json.loads(report.stdout)["figures"]["tanks"]["total"] == 5502
    # Without a destination: the day's copy in the backups folder beside the archive.
    result = run(db, "backup")
    assert result.returncode == 0, result.stderr
    assert Path(result.stdout.strip()).parent == db.parent / "backups"
    # A folder as destination: the day's name inside it.
    result = run(db, "backup", str(copy.parent))
    assert Path(result.stdout.strip()).parent == copy.parent


def test_backup_to_an_impossible_place_exits_2_with_one_line(db: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    result = run(db, "backup", str(blocker / "copy.sqlite"))
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "there is no folder" in (result.stderr)


def test_maintain_finds_a_broken_search_index_and_rebuilds_it(db: Path, tmp_path: Path) -> None:
    note = tmp_path / "feed.json"
    note.write_text(
        json.dumps(
            {
                "frontline_archive": 1,
                "items": [
                    {
                        "kind": "brief",
                        "title": "Kherson ferry resumes",
                        "body": "Crossings at dawn.",
                        "published_at": "2024-03-01T09:00:00+02:00",
                    }
                ],
            }
        )
    )
    assert run(db, "import", str(note)).returncode == 0
    healthy = run(db, "maintain")
    assert healthy.returncode == 0 and healthy.stdout.strip() == "archive file ok"

    # Take one item out of the full-text index behind SQLite's back.
    con = sqlite3.connect(db)
    con.execute(
        "INSERT INTO item_fts(item_fts, rowid, title, lead, body, author, tags) "
        "VALUES ('delete', 1, 'Kherson ferry resumes', '', 'Crossings at dawn.', '', '')"
    )
    con.commit()
    con.close()
    broken = run(db, "maintain")
    assert broken.returncode == 1 and "search index" in broken.stdout

    fixed = run(db, "maintain", "--rebuild-index", "--compact")
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    assert "search index rebuilt" in fixed.stdout and "archive file ok" in fixed.stdout
    assert list((db.parent / "backups").glob("cli-before-maintenance-*.sqlite"))
    assert "Kherson ferry resumes" in run(db, "search", "ferry").stdout


def test_parse_dates_an_undated_text_from_the_archive_and_creates_none(
    db: Path, tmp_path: Path
) -> None:
    text = "Russia has lost 323,760 troops and 5,502 tanks so far.\n"
    missing = tmp_path / "none.sqlite"
    # No archive: the official series the program carries dates it; nothing is created.
    carried = run(missing, "parse", "-", stdin=text)
    assert carried.returncode == 0 and not missing.exists(), carried.stderr
    assert json.loads(carried.stdout)["date"] == "2023-11-25"
    assert json.loads(carried.stdout)["date_found"] == (
        "date found from the General Staff's figures the program carries"
    )
    # Totals no day of the series holds: undated, exit 2, and still nothing created.
    unknown = run(missing, "parse", "-", stdin="Russia has lost 323,761 troops so far.\n")
    assert unknown.returncode == 2 and not missing.exists()
    assert "give it with --date" in unknown.stderr
    post = tmp_path / "post.txt"
    post.write_text(KI_TEXT, encoding="utf-8")
    assert run(db, "import", str(post)).returncode == 0
    dated = run(db, "parse", "-", stdin=text)
    assert dated.returncode == 0, dated.stderr
    shown = json.loads(dated.stdout)
    assert shown["date"] == "2023-11-25"
    assert shown["date_found"] == "date found from the figures in the archive"


def test_import_of_a_wild_feed_prints_what_it_estimated_skipped_and_repaired(
    db: Path, tmp_path: Path
) -> None:
    feed = tmp_path / "novyny.xml"
    feed.write_bytes(
        (
            '<rss version="2.0"><channel><title>Новини</title>'
            "<lastBuildDate>Sun, 12 May 2024 09:00:00 +0300</lastBuildDate>"
            "<item><title>Тривога&nbsp;в Сумах</title><description>Укриття.</description></item>"
            "<item><description>&lt;img src='x.jpg'&gt;</description></item>"
            "</channel></rss>"
        ).encode("cp1251")
    )
    result = run(db, "import", str(feed))
    assert result.returncode == 0, result.stderr
    (line,) = result.stdout.splitlines()
    assert f"{feed} (feed): articles and briefs: 1 added (0 articles, 1 briefs)" in line
    assert "skipped 1: entry 2: nothing to show" in line
    assert "dates estimated (1): entry 1 (Тривога в Сумах): no date;" in line
    assert "read as cp1251" in line and "&nbsp;" in line


def test_a_fault_of_the_program_is_one_line_and_exit_code_3_its_traceback_in_the_log(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import argparse

    from desktop_app import cli

    def faulty(_args: argparse.Namespace, _out: object) -> int:
        raise RuntimeError("an injected fault")

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setitem(cli.COMMANDS, "parse", faulty)
    code = cli.run_command(argparse.Namespace(command="parse"))
    err = capsys.readouterr().err
    assert code == 3
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "internal error (RuntimeError: an injected fault)" in err
    log = tmp_path / "data" / "frontline-archive" / "frontline-archive.log"
    assert f"the details are in {log}" in err
    written = log.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in written and "an injected fault" in written
