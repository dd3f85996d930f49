"""Stars and read marks through the program's own export and import.

An import adds an item with the marks its file states; an item the archive already holds keeps
its own. Files come from the real exporter or are written here by hand, and are imported
through both readers of an own export: the stream (`open_import_file`) and the whole read
(`read_import_file`).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pytest

from desktop_app.core.formats.load import open_import_file, read_import_file
from desktop_app.core.formats.result import ReadResult
from desktop_app.core.item import ARTICLE, BRIEF, ItemData
from desktop_app.services.transfer import export_text, export_to_file, import_files
from desktop_app.storage.db.connection import open_database
from desktop_app.storage.db.models import Item
from desktop_app.storage.import_undo import redo_import, undo_import
from desktop_app.storage.importing import FileImportSummary, import_result
from desktop_app.storage.items import save_item, set_read, set_starred

AT = dt.datetime(2024, 5, 14, 6, 30, tzinfo=dt.UTC)
# (item, starred, read) in the first archive.
MARKED = [
    (
        ItemData(
            ARTICLE,
            "Repair crews restore the rail link to Kupiansk",
            AT,
            body="Trains ran again on Tuesday after three days of work on the line.",
            source_url="https://example.org/rail-link",
        ),
        True,
        True,
    ),
    (ItemData(BRIEF, "Sirens in Odesa Oblast.", AT + dt.timedelta(hours=1)), True, False),
    (
        ItemData(
            BRIEF,
            "Water supply back in two districts of Mykolaiv.",
            AT + dt.timedelta(hours=2),
            source_url="https://example.org/water",
        ),
        False,
        True,
    ),
    (
        ItemData(ARTICLE, "A night without shelling in Sumy", AT + dt.timedelta(hours=3)),
        False,
        False,
    ),
]
READERS = ["stream", "whole"]


def _marks() -> dict[str, tuple[bool, bool]]:
    """Each stored item's (starred, read), by title."""
    rows = Item.select(Item.title, Item.starred, Item.is_read).tuples()
    return {title: (bool(starred), bool(read)) for title, starred, read in rows}


def _import(path: Path, reader: str) -> FileImportSummary:
    """The file imported through the streamed or the whole reader of an own export."""
    result: ReadResult
    if reader == "stream":
        result = open_import_file(path)
        assert result.stream is not None
    else:
        result = read_import_file(path.name, path.read_bytes())
        assert result.stream is None
    return import_result(result)


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_stars_and_read_marks_survive_an_export_and_an_import(
    tmp_path: Path, fmt: str, reader: str
) -> None:
    db = open_database(tmp_path / "first.sqlite")
    for item, starred, read in MARKED:
        item_id = save_item(item)
        set_starred(item_id, starred)
        set_read(item_id, read)
    expected = _marks()
    assert expected == {item.title: (starred, read) for item, starred, read in MARKED}
    path = tmp_path / f"items.{fmt}"
    export_to_file("articles", fmt, path)
    db.close()

    db = open_database(tmp_path / "fresh.sqlite")
    summary = _import(path, reader)
    assert summary.items.added == len(MARKED)
    assert _marks() == expected
    db.close()


def _hand_file(tmp_path: Path, fmt: str, items: list[dict[str, Any]]) -> Path:
    """A file laid out as the export writes it, with the fields given for each item."""
    path = tmp_path / f"by-hand.{fmt}"
    if fmt == "json":
        path.write_text(json.dumps({"frontline_archive": 2, "items": items}, indent=1))
        return path
    columns = list(dict.fromkeys(key for item in items for key in item))
    out = io.StringIO()
    writer = csv.DictWriter(out, columns, lineterminator="\n")
    writer.writeheader()
    for item in items:
        writer.writerow({k: {True: "yes", False: ""}.get(v, v) for k, v in item.items()})
    path.write_text(out.getvalue())
    return path


STORED = ItemData(
    ARTICLE,
    "Volunteers rebuild a school roof in Izium",
    AT,
    source_url="https://example.org/izium-roof",
)


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_an_item_already_stored_keeps_its_own_marks(
    archive_db: Any, tmp_path: Path, fmt: str, reader: str
) -> None:
    set_starred(save_item(STORED))  # starred here, not yet read
    same_item = {
        "kind": "article",
        "published_at": AT.isoformat(),
        "title": STORED.title,
        "source_url": STORED.source_url,
        "starred": False,
        "read": True,
    }
    new_item = {
        "kind": "brief",
        "published_at": (AT + dt.timedelta(minutes=20)).isoformat(),
        "title": "Ferry crossing reopens at Kherson.",
        "source_url": "https://example.org/ferry",
        "starred": True,
        "read": True,
    }
    path = _hand_file(tmp_path, fmt, [same_item, new_item])

    summary = _import(path, reader)

    assert (summary.items.added, summary.items.unchanged) == (1, 1)
    assert _marks() == {STORED.title: (True, False), new_item["title"]: (True, True)}


# Items as a release before the marks wrote them: no `starred` or `read` anywhere.
WITHOUT_MARKS = [
    {
        "kind": "brief",
        "published_at": "2024-05-14T08:00:00+03:00",
        "title": "Bus routes in Zaporizhzhia change from Monday.",
        "source_url": "https://example.org/bus-routes",
    },
    {
        "kind": "article",
        "published_at": "2024-05-14T09:15:00+03:00",
        "title": "Grain terminal in Izmail works at full capacity again",
        "body": "The port authority said loading resumed overnight.",
    },
]
OLD_CSV_HEADER = (
    "kind,published_at,title,author,source_name,source_url,tags,lead,body,body_html,"
    "date_estimated,reports"
)


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_a_file_without_the_marks_imports_its_items_unstarred_and_unread(
    archive_db: Any, tmp_path: Path, fmt: str, reader: str
) -> None:
    path = tmp_path / f"older.{fmt}"
    if fmt == "json":
        path.write_text(json.dumps({"frontline_archive": 2, "items": WITHOUT_MARKS}, indent=1))
    else:
        rows = [
            "brief,2024-05-14T08:00:00+03:00,Bus routes in Zaporizhzhia change from Monday.,"
            ",,https://example.org/bus-routes,,,,,,",
            "article,2024-05-14T09:15:00+03:00,Grain terminal in Izmail works at full capacity"
            " again,,,,,,The port authority said loading resumed overnight.,,,",
        ]
        path.write_text("\n".join([OLD_CSV_HEADER, *rows]) + "\n")

    assert _import(path, reader).items.added == 2

    titles = [str(item["title"]) for item in WITHOUT_MARKS]
    assert _marks() == dict.fromkeys(titles, (False, False))
    # The archive's next export states them as unmarked.
    text = export_text("articles", fmt)
    if fmt == "json":
        exported = json.loads(text)["items"]
        assert [(i["starred"], i["read"]) for i in exported] == [(False, False)] * 2
    else:
        exported = list(csv.DictReader(io.StringIO(text)))
        assert [(i["starred"], i["read"]) for i in exported] == [("", "")] * 2


def test_undoing_an_import_takes_its_items_away_and_a_redo_brings_their_marks_back(
    archive_db: Any, tmp_path: Path
) -> None:
    set_read(save_item(STORED))
    items = [
        {
            "kind": "brief",
            "published_at": (AT + dt.timedelta(minutes=n)).isoformat(),
            "title": title,
            "starred": starred,
            "read": read,
        }
        for n, (title, starred, read) in enumerate(
            [
                ("Power cut in Chernihiv tonight.", True, False),
                ("Checkpoints move in Kharkiv Oblast.", False, True),
                ("Aid convoy reaches Vovchansk.", True, True),
            ]
        )
    ]
    run = import_files([_hand_file(tmp_path, "json", items)])
    imported = {str(i["title"]): (bool(i["starred"]), bool(i["read"])) for i in items}
    with_import = {STORED.title: (False, True), **imported}
    assert _marks() == with_import
    assert run.undo is not None

    redo = undo_import(run.undo)
    assert _marks() == {STORED.title: (False, True)}

    redo_import(redo)
    assert _marks() == with_import
