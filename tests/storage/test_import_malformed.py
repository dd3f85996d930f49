"""Malformed files of every format: an error naming file/record/field, the archive untouched."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from desktop_app.core import exports
from desktop_app.core.errors import ImportFormatError
from desktop_app.core.formats.load import read_import_file
from desktop_app.storage.importing import import_result
from desktop_app.storage.items import all_items
from desktop_app.storage.reports import load_all_reports
from tests.archive_state import snapshot
from tests.conftest import shared_file
from tests.core.formats.samples import EN_POST_0810, RSS

HUGE = "x" * 3_000_000
CASES = {
    "truncated feed": ("wire.xml", RSS[: len(RSS) // 2].encode(), "line"),
    "feed, huge title": ("wire.xml", RSS.replace("Air defense downs", HUGE, 1).encode(), "title"),
    # An entry without a time takes the feed's (issue #18); one of year 9999 is refused.
    "feed, impossible time": (
        "wire.xml",
        RSS.replace("Sat, 25 Nov 2023 09:41:00 +0200", "Fri, 31 Dec 9999 23:00:00 -0500").encode(),
        "pubDate",
    ),
    # UTF-16 is read since issue #11; an 8-bit encoding is still refused, naming it.
    "windows-1251 post": (
        "post.txt",
        ("Загальні бойові втрати: " + EN_POST_0810).replace("‒", "-").encode("cp1251"),
        "UTF-8",
    ),
    "latin-1 post": (
        "post.txt",
        ("Загальні " + EN_POST_0810).encode("utf-8")[:9]
        + "é".encode("latin-1")
        + EN_POST_0810.encode(),
        "UTF-8",
    ),
    "empty": ("empty.json", b"", "empty"),
    "truncated export": ("e.json", b'{"frontline_archive": 1, "reports": [{"date": "2023-', "JSON"),
    "wrong type in export": (
        "e.json",
        json.dumps(
            {
                "frontline_archive": 1,
                "reports": [{"date": "2023-11-25", "figures": {"tanks": {"total": "many"}}}],
            }
        ).encode(),
        "tanks",
    ),
    "oryx, wrong type": (
        "oryx.json",
        json.dumps([{"equipment_oryx": "Tanks", "model": "T-72", "losses_total": "lots"}]).encode(),
        "losses_total",
    ),
    "oryx, huge model": (
        "oryx.json",
        json.dumps([{"equipment_oryx": "Tanks", "model": HUGE, "losses_total": 1}]).encode(),
        "model",
    ),
    "correction, wrong type": (
        "russia_losses_equipment_correction.json",
        json.dumps([{"date": "2023-05-27", "tank": "-5"}]).encode(),
        "tank",
    ),
    "csv, truncated row": (
        "r.csv",
        b"date,day,qualifier,note,tanks,tanks_change\n2023-11-25,6",
        "line 2",
    ),
    "page without text": (
        "p.html",
        b"<!DOCTYPE html><html><head><title>T</title></head><body></body></html>",
        "p.html",
    ),
    # Totals no day of the official series holds: no date can be established.
    "post without date": ("post.txt", b"Russia has lost 5,501 tanks in Ukraine.", "post.txt"),
}


@pytest.fixture
def seeded(archive_db: Any, tmp_path: Path) -> object:
    import_result(read_import_file("wire.xml", RSS.encode()))
    return snapshot(archive_db, tmp_path / "archive.sqlite")


@pytest.mark.parametrize("case", list(CASES))
def test_malformed_file_names_the_spot_and_changes_nothing(
    case: str, seeded: object, archive_db: Any, tmp_path: Path
) -> None:
    name, data, expected = CASES[case]
    with pytest.raises(ImportFormatError) as info:
        import_result(read_import_file(name, data))
    message = str(info.value)
    assert message.startswith(name) and expected in message
    assert "Traceback" not in message and len(message) < 400
    assert snapshot(archive_db, tmp_path / "archive.sqlite") == seeded


def test_round_trip_of_the_whole_dataset_and_an_archive(archive_db: Any, tmp_path: Path) -> None:
    from desktop_app.storage.db.connection import open_database
    from tests.core.formats.samples import ATOM

    for name in ("russia_losses_equipment.json", "russia_losses_personnel.json"):
        path = shared_file("petroivaniuk", name)
        import_result(read_import_file(name, path.read_bytes()))
    import_result(read_import_file("wire.xml", RSS.encode()))
    import_result(read_import_file("odesa.atom", ATOM.encode()))

    def export_all() -> dict[str, str]:
        reports, items = load_all_reports(), all_items()
        return {
            "r.json": exports.reports_to_json(reports),
            "r.csv": exports.reports_to_csv(reports),
            "i.json": exports.items_to_json(items),
            "i.csv": exports.items_to_csv(items),
        }

    first = export_all()
    archive_db.close()
    for fmt in ("json", "csv"):
        fresh = open_database(tmp_path / f"fresh-{fmt}.sqlite")
        for name in (f"r.{fmt}", f"i.{fmt}"):
            import_result(read_import_file(name, first[name].encode()))
        assert export_all() == first
        fresh.close()
