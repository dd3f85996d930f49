"""The issue's story through the real command line: a report entered by hand, exported,
imported into a fresh archive, then a dataset with other figures for that day — a conflict,
never an overwrite."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from desktop_app.core.item import ARTICLE, ItemData
from desktop_app.core.report import Figure, LossReport
from desktop_app.storage.db.connection import open_database
from desktop_app.storage.items import save_item
from desktop_app.storage.reports import link_article, save_report
from tests.cli.test_cli import run

DAY = dt.date(2023, 11, 25)
DATASET = '[{"date": "2023-11-25", "day": 640, "tank": 5502}]'


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_hand_entered_report_survives_export_and_blocks_a_dataset(tmp_path: Path, fmt: str) -> None:
    first = tmp_path / "first.sqlite"
    db = open_database(first)
    save_report(LossReport(DAY, {"tanks": Figure(5503, 7)}), source="manual")
    article = ItemData(
        ARTICLE,
        "Tanks: 5,503",
        dt.datetime(2023, 11, 25, 9, tzinfo=dt.UTC),
        source_url="https://example.org/5503",
    )
    link_article(DAY, save_item(article))
    db.close()

    reports_file, items_file = tmp_path / f"reports.{fmt}", tmp_path / f"items.{fmt}"
    for what, file in (("reports", reports_file), ("articles", items_file)):
        result = run(first, "export", what, "--format", fmt, "-o", str(file))
        assert result.returncode == 0, result.stderr

    fresh = tmp_path / "fresh.sqlite"
    for file in (reports_file, items_file):
        result = run(fresh, "import", str(file))
        assert result.returncode == 0, result.stderr
    assert "articles linked to reports: 1" in result.stdout

    dataset = tmp_path / "russia_losses_equipment.json"
    dataset.write_text(DATASET)
    result = run(fresh, "import", str(dataset))
    assert result.returncode == 0, result.stderr
    assert "reports entered by hand that the file would change (1, not imported): 2023-11-25" in (
        result.stdout
    )
    shown = json.loads(run(fresh, "report", "2023-11-25").stdout)
    assert shown["figures"]["tanks"] == {"total": 5503, "change": 7}

    # The fresh archive's own export still says where the report came from.
    again = run(fresh, "export", "reports")
    entry = json.loads(again.stdout)["reports"][0]
    assert entry["source"] == "manual"
    assert entry["articles"] == [{"source_url": "https://example.org/5503"}]


def test_a_file_from_a_newer_release_is_one_line_and_exit_2(tmp_path: Path) -> None:
    file = tmp_path / "future.json"
    file.write_text('{"frontline_archive": 99, "reports": []}')
    result = run(tmp_path / "a.sqlite", "import", str(file))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert "future.json, field 'frontline_archive': format version 99 is newer" in result.stderr
