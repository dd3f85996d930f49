"""`check` lists article-vs-report mismatches too, in text and in JSON."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from desktop_app.core.item import ARTICLE, ItemData
from desktop_app.core.report import Figure, LossReport
from desktop_app.storage.db.connection import open_database
from desktop_app.storage.items import save_item
from desktop_app.storage.reports import save_report
from tests.cli.test_cli import run

DAY = dt.date(2023, 11, 25)
TEXT = (
    "Russia has lost 323,760 troops in Ukraine since the beginning of its full-scale "
    "invasion on Feb. 24, 2022, the General Staff of Ukraine's Armed Forces reported on "
    "Nov. 25. Russia has also lost 5,502 tanks."
)


def test_check_lists_an_article_that_disagrees_with_its_report(tmp_path: Path) -> None:
    path = tmp_path / "archive.sqlite"
    db = open_database(path)
    published = dt.datetime(2023, 11, 25, 10, 0, tzinfo=dt.UTC)
    item_id = save_item(ItemData(ARTICLE, "Losses", published, body=TEXT))
    save_report(
        LossReport(DAY, {"personnel": Figure(323_760), "tanks": Figure(5_500)}), article_id=item_id
    )
    db.close()

    result = run(path, "check")
    assert result.returncode == 1
    assert result.stdout == "2023-11-25  tanks  Tanks: “Losses” states 5,502, the report 5,500\n"
    rows = json.loads(run(path, "check", "--json").stdout)
    assert rows == [
        {
            "date": "2023-11-25",
            "category": "tanks",
            "kind": "article_mismatch",
            "message": "Tanks: “Losses” states 5,502, the report 5,500",
        }
    ]
