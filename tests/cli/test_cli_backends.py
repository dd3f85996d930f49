"""The everyday commands on both backends: an SQLite file and a PostgreSQL server archive."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.test_cli import KI_TEXT, run


def test_import_report_search_export_check_and_trash(archive_target: str, tmp_path: Path):
    post = tmp_path / "post.txt"
    post.write_text(KI_TEXT)
    first = run(archive_target, "import", str(post))  # type: ignore[arg-type]
    assert first.returncode == 0, first.stderr
    assert "1 added" in first.stdout
    again = run(archive_target, "import", str(post))  # type: ignore[arg-type]
    assert "0 added, 0 updated, 1 unchanged" in again.stdout, again.stderr

    report = json.loads(run(archive_target, "report", "2023-11-25").stdout)  # type: ignore[arg-type]
    assert report["figures"]["personnel"] == {"total": 323760, "change": 860}

    feed = tmp_path / "feed.xml"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
        "<item><title>Дрони над Харковом</title><link>https://example.org/1</link>"
        "<description>Атака «шахедів» уночі.</description>"
        "<pubDate>Sat, 25 Nov 2023 09:00:00 GMT</pubDate></item>"
        "<item><title>Port of Odesa keeps working</title><link>https://example.org/2</link>"
        "<description>Grain ships leave.</description>"
        "<pubDate>Sat, 25 Nov 2023 10:00:00 GMT</pubDate></item></channel></rss>"
    )
    assert run(archive_target, "import", str(feed)).returncode == 0  # type: ignore[arg-type]
    found = run(archive_target, "search", "харков")  # type: ignore[arg-type]
    assert found.returncode == 0, found.stderr
    assert "Дрони над Харковом" in found.stdout and "Odesa" not in found.stdout
    assert "Odesa" in run(archive_target, "search", "grain OR nothing").stdout  # type: ignore[arg-type]

    out = tmp_path / "reports.json"
    exported = run(archive_target, "export", "reports", "-o", str(out))  # type: ignore[arg-type]
    assert exported.returncode == 0, exported.stderr
    assert json.loads(out.read_text())

    checked = run(archive_target, "check")  # type: ignore[arg-type]
    assert checked.returncode in (0, 1), checked.stderr
    health = run(archive_target, "maintain")  # type: ignore[arg-type]
    assert health.returncode == 0, health.stderr + health.stdout

    trash = run(archive_target, "trash")  # type: ignore[arg-type]
    assert trash.returncode == 0 and "the Trash is empty" in trash.stdout


def test_an_unreachable_server_is_one_line_and_exit_2(tmp_path: Path) -> None:
    address = f"postgresql://nobody@/frontline?host={tmp_path}&connect_timeout=2"
    result = run(address, "check")  # type: ignore[arg-type]
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "cannot be reached" in result.stderr and "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []
