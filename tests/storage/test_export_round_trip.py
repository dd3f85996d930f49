"""Provenance through the program's own export: source and article links survive a re-import.

Each test writes an archive, exports it with the real exporters, and imports the file into a
second, fresh archive (both real SQLite files in tmp_path).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from desktop_app.core import exports
from desktop_app.core.formats.load import read_import_file
from desktop_app.core.item import ARTICLE, BRIEF, ItemData
from desktop_app.core.report import Figure, LossReport
from desktop_app.services.transfer import export_text, export_to_file, import_files
from desktop_app.storage.db.connection import open_database
from desktop_app.storage.db.models import Report
from desktop_app.storage.importing import import_result
from desktop_app.storage.items import items_by_ids, save_item
from desktop_app.storage.provenance import report_provenance
from desktop_app.storage.reports import (
    link_article,
    load_all_reports,
    load_report,
    report_article_ids,
    save_report,
)
from tests.conftest import shared_file

DAY = dt.date(2023, 11, 25)
HAND = LossReport(DAY, {"personnel": Figure(323760, 860), "tanks": Figure(5503, 7)}, "about")
WITH_LINK = ItemData(
    ARTICLE,
    "Russia has lost 5,503 tanks",
    dt.datetime(2023, 11, 25, 9, 3, tzinfo=dt.UTC),
    source_url="https://example.org/nov-25",
)
NO_LINK = ItemData(BRIEF, "Losses of the day.", dt.datetime(2023, 11, 25, 7, 0, tzinfo=dt.UTC))
DATASET = (
    '[{"date": "2023-11-25", "day": 640, "tank": 5502, "APC": 10281},'
    ' {"date": "2023-11-26", "day": 641, "tank": 5510}]'
)


def _import(path: Path, name: str, data: str | bytes, **kw: bool):  # type: ignore[no-untyped-def]
    file = path / name
    file.write_bytes(data.encode() if isinstance(data, str) else data)
    return import_result(read_import_file(str(file), file.read_bytes()), **kw)


def _source(date: dt.date) -> str:
    return str(Report.get(Report.date == date).source)


def _hand_archive(tmp_path: Path) -> None:
    open_database(tmp_path / "first.sqlite")
    save_report(HAND, source="manual")
    for item in (WITH_LINK, NO_LINK):
        link_article(DAY, save_item(item))


def _exports(fmt: str) -> tuple[str, str]:
    return export_text("reports", fmt), export_text("articles", fmt)


@pytest.mark.parametrize("fmt", ["json", "csv"])
@pytest.mark.parametrize("order", ["reports first", "items first"])
def test_a_hand_entered_report_stays_manual_and_linked_through_export(
    tmp_path: Path, fmt: str, order: str
) -> None:
    _hand_archive(tmp_path)
    reports_text, items_text = _exports(fmt)

    db = open_database(tmp_path / "fresh.sqlite")
    files = [(f"reports.{fmt}", reports_text), (f"items.{fmt}", items_text)]
    if order == "items first":
        files.reverse()
    for name, text in files:
        _import(tmp_path, name, text)

    assert load_report(DAY) == HAND
    assert _source(DAY) == "manual"
    linked = {i.title for i in items_by_ids(report_article_ids(DAY))}
    assert linked == {WITH_LINK.title, NO_LINK.title}
    # The next dataset import is a conflict, not an overwrite.
    summary = _import(tmp_path, "russia_losses_equipment.json", DATASET)
    assert [c.date for c in summary.conflicts] == [DAY]
    assert load_report(DAY) == HAND
    assert load_report(DAY + dt.timedelta(days=1)) is not None
    db.close()


def test_a_dataset_report_keeps_its_source_and_can_be_updated_by_the_next_dataset(
    tmp_path: Path,
) -> None:
    open_database(tmp_path / "first.sqlite")
    _import(tmp_path, "russia_losses_equipment.json", DATASET)
    assert _source(DAY) == "petroivaniuk-json"
    text = exports.reports_to_json(load_all_reports(), report_provenance())

    open_database(tmp_path / "fresh.sqlite")
    _import(tmp_path, "export.json", text)
    assert _source(DAY) == "petroivaniuk-json"
    newer = DATASET.replace("5502", "5504")
    summary = _import(tmp_path, "russia_losses_equipment.json", newer)
    assert summary.conflicts == [] and summary.reports.updated == [DAY]
    assert load_report(DAY).figures["tanks"].total == 5504  # type: ignore[union-attr]


def test_an_export_does_not_overwrite_a_hand_entered_report_either(tmp_path: Path) -> None:
    open_database(tmp_path / "first.sqlite")
    _import(tmp_path, "russia_losses_equipment.json", DATASET)
    text = exports.reports_to_json(load_all_reports(), report_provenance())

    open_database(tmp_path / "fresh.sqlite")
    save_report(HAND, source="manual")
    summary = _import(tmp_path, "export.json", text)
    assert [c.date for c in summary.conflicts] == [DAY]
    assert load_report(DAY) == HAND and _source(DAY) == "manual"


def test_an_old_export_without_provenance_still_imports(tmp_path: Path) -> None:
    open_database(tmp_path / "a.sqlite")
    old = '{"frontline_archive": 1, "reports": [{"date": "2023-11-25", "qualifier": null,'
    old += ' "figures": {"tanks": {"total": 5502, "change": 6}}}]}'
    summary = _import(tmp_path, "old.json", old)
    assert summary.reports.added == [DAY]
    assert _source(DAY) == "frontline-json"


def test_articles_that_arrive_in_the_same_file_are_linked(tmp_path: Path) -> None:
    _hand_archive(tmp_path)
    reports = exports.reports_to_json(load_all_reports(), report_provenance())
    # One hand-made file holding both parts; the items do not name the report themselves.
    doc = json.loads(reports)
    doc["items"] = json.loads(export_text("articles", "json"))["items"]
    for item in doc["items"]:
        del item["reports"]
    open_database(tmp_path / "fresh.sqlite")
    summary = _import(tmp_path, "both.json", json.dumps(doc))
    assert summary.links == 2
    assert len(report_article_ids(DAY)) == 2


def test_the_real_dataset_after_a_round_trip_leaves_the_hand_entered_day_alone(
    tmp_path: Path,
) -> None:
    dataset = shared_file("petroivaniuk", "russia_losses_equipment.json")
    _hand_archive(tmp_path)
    reports_text, items_text = _exports("json")
    open_database(tmp_path / "fresh.sqlite")
    _import(tmp_path, "reports.json", reports_text)
    _import(tmp_path, "items.json", items_text)

    summary = _import(tmp_path, dataset.name, dataset.read_bytes())

    [conflict] = summary.conflicts
    assert conflict.date == DAY and conflict.report.figures["tanks"].total == 5502
    assert load_report(DAY) == HAND and _source(DAY) == "manual"
    assert len(summary.reports.added) == 1625  # every other day of the dataset
    assert len(report_article_ids(DAY)) == 2


@pytest.mark.parametrize("fmt", ["json", "csv"])
@pytest.mark.parametrize("order", ["reports first", "items first"])
def test_a_link_stays_on_its_brief_when_another_shares_its_title_and_time(
    tmp_path: Path, fmt: str, order: str
) -> None:
    # Two alerts of one minute for two regions: both kept, only the second linked.
    when = dt.datetime(2023, 11, 25, 1, 10, tzinfo=dt.UTC)
    kharkiv = ItemData(BRIEF, "Air raid alert.", when, body="Kharkiv Oblast.")
    sumy = ItemData(BRIEF, "Air raid alert.", when, body="Sumy Oblast.")
    db = open_database(tmp_path / "first.sqlite")
    save_item(kharkiv)
    save_report(HAND, source="manual")
    link_article(DAY, save_item(sumy))
    files = [tmp_path / f"reports.{fmt}", tmp_path / f"items.{fmt}"]
    export_to_file("reports", fmt, files[0])
    export_to_file("articles", fmt, files[1])
    db.close()

    db = open_database(tmp_path / "fresh.sqlite")
    for file in files if order == "reports first" else files[::-1]:
        import_files([file])
    assert [i.body for i in items_by_ids(report_article_ids(DAY))] == [sumy.body]
    db.close()
