"""A real upgrade: a file written with schema version 1 opens with today's code, nothing lost."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from peewee import OperationalError, SqliteDatabase

from desktop_app.storage.db.connection import open_archive
from desktop_app.storage.db.migrations import SCHEMA_VERSION, migrate, schema_version
from desktop_app.storage.db.models import ItemTag
from desktop_app.storage.items import get_item
from desktop_app.storage.reports import load_report, report_article_ids
from desktop_app.storage.search import search_item_ids
from desktop_app.storage.trash import delete_report, list_trash


def _make_version_1_archive(path: Path) -> None:
    db = SqliteDatabase(str(path))
    migrate(db, target=1)
    assert schema_version(db) == 1
    db.execute_sql(
        "INSERT INTO item (kind, title, lead, body, author, published_at, source_name, "
        "source_url, tags, created_at, updated_at) VALUES ('article', 'Old reporting on "
        "Bakhmut', '', 'Written before the upgrade.', 'A. Writer', '2023-05-20T08:00:00Z', "
        "'Old source', 'https://example.org/a', 'Bakhmut, analysis,  bakhmut', "
        "'2023-05-20T08:00:00Z', '2023-05-20T08:00:00Z')"
    )
    db.execute_sql(
        "INSERT INTO report (date, day, qualifier, note, source, article_id, created_at, "
        "updated_at) VALUES ('2023-05-20', 451, 'about', NULL, 'manual', 1, "
        "'2023-05-20T08:00:00Z', '2023-05-20T08:00:00Z')"
    )
    db.execute_sql(
        "INSERT INTO report_figure (report_id, category, total, change) VALUES "
        "(1, 'personnel', 200590, 600), (1, 'tanks', 3751, NULL)"
    )
    db.close()


def test_version_1_archive_upgrades_in_place_with_nothing_lost(tmp_path: Path) -> None:
    path = tmp_path / "v1.sqlite"
    _make_version_1_archive(path)

    archive = open_archive(path)

    assert not archive.created
    assert schema_version(archive.db) == SCHEMA_VERSION
    [item_id] = search_item_ids("bakhmut")
    stored = get_item(item_id)
    assert stored is not None
    assert stored.data.body == "Written before the upgrade."
    assert stored.is_read is False and stored.starred is False  # columns added by step 2
    report = load_report(dt.date(2023, 5, 20))
    assert report is not None
    assert report.figures["personnel"].total == 200590
    assert report.figures["personnel"].change == 600
    assert report.figures["tanks"].change is None
    # step 3: the report's single article link became a row of report_article
    assert report_article_ids(dt.date(2023, 5, 20)) == [item_id]
    # ... and the comma-separated tags became rows of item_tag
    assert sorted(t.tag for t in ItemTag.select()) == ["analysis", "bakhmut"]
    archive.db.close()


def test_a_failed_step_leaves_the_file_at_its_old_version(tmp_path: Path) -> None:
    path = tmp_path / "v1.sqlite"
    _make_version_1_archive(path)
    # Sabotage step 2: the table it creates already exists, so the step fails midway.
    # (Its first two statements succeed before the third fails.)
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE report_warning (x)")
    con.commit()
    con.close()
    db = SqliteDatabase(str(path))
    with pytest.raises(OperationalError):
        migrate(db)
    assert schema_version(db) == 1
    cols = [r[1] for r in db.execute_sql("PRAGMA table_info(item)").fetchall()]
    assert "is_read" not in cols  # the step's earlier statements were rolled back too
    db.close()


def test_an_upgrade_first_keeps_a_copy_of_the_file_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "v1.sqlite"
    _make_version_1_archive(path)

    open_archive(path).db.close()

    [copy] = (tmp_path / "backups").glob("v1-schema-1-*.sqlite")
    con = sqlite3.connect(copy)
    assert con.execute("PRAGMA user_version").fetchone()[0] == 1
    assert con.execute("SELECT title FROM item").fetchall() == [("Old reporting on Bakhmut",)]
    con.close()
    # An archive already at today's schema is opened without another copy.
    open_archive(path).db.close()
    assert len(list((tmp_path / "backups").iterdir())) == 1


def test_version_3_archive_gains_an_empty_trash_with_nothing_lost(tmp_path: Path) -> None:
    path = tmp_path / "v3.sqlite"
    db = SqliteDatabase(str(path))
    migrate(db, target=3)
    db.execute_sql(
        "INSERT INTO item (kind, title, published_at, source_url, tags, is_read, starred,"
        " body_html, created_at, updated_at) VALUES ('brief', 'Drones over Sumy.',"
        " '2024-02-01T06:00:00Z', 'https://example.org/sumy', 'sumy', 1, 1, '<p>x</p>',"
        " '2024-02-01T06:00:00Z', '2024-02-01T06:00:00Z')"
    )
    db.execute_sql("INSERT INTO item_tag (item_id, tag) VALUES (1, 'sumy')")
    db.execute_sql(
        "INSERT INTO report (date, day, qualifier, note, source, created_at, updated_at)"
        " VALUES ('2024-02-01', 708, 'about', 'kept', 'manual', '2024-02-01T06:00:00Z',"
        " '2024-02-01T06:00:00Z')"
    )
    db.execute_sql(
        "INSERT INTO report_figure (report_id, category, total, change) VALUES (1, 'tanks',"
        " 6320, 8)"
    )
    db.execute_sql("INSERT INTO report_article (report_id, item_id) VALUES (1, 1)")
    db.close()

    archive = open_archive(path)

    assert schema_version(archive.db) == SCHEMA_VERSION >= 4
    stored = get_item(1)
    assert stored is not None and stored.is_read and stored.starred
    assert stored.data.tags == ("sumy",) and stored.data.body_html == "<p>x</p>"
    report = load_report(dt.date(2024, 2, 1))
    assert report is not None and report.note == "kept" and report.figures["tanks"].total == 6320
    assert report_article_ids(dt.date(2024, 2, 1)) == [1]
    assert list_trash() == []
    # The new table works at once: a delete lands in it.
    delete_report(dt.date(2024, 2, 1))
    assert [r.label for r in list_trash()] == ["2024-02-01"]
    archive.db.close()


def test_version_4_archive_gains_stated_dates_for_every_item(tmp_path: Path) -> None:
    path = tmp_path / "v4.sqlite"
    db = SqliteDatabase(str(path))
    migrate(db, target=4)
    db.execute_sql(
        "INSERT INTO item (kind, title, published_at, tags, created_at, updated_at) VALUES"
        " ('brief', 'Sirens in Odesa.', '2024-03-01T05:00:00Z', '', '2024-03-01T05:00:00Z',"
        " '2024-03-01T05:00:00Z')"
    )
    db.close()

    archive = open_archive(path)

    assert schema_version(archive.db) == SCHEMA_VERSION >= 5
    stored = get_item(1)
    # Items made before the column existed had their times from the source: none estimated.
    assert stored is not None and stored.data.title == "Sirens in Odesa."
    assert stored.data.date_estimated is False
    archive.db.close()
