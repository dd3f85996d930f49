from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop_app.storage.connection import (
    DatabaseOpenError,
    default_database_path,
    open_archive,
)
from desktop_app.storage.migrations import SCHEMA_VERSION, SchemaTooNewError


def test_new_archive_uses_wal_foreign_keys_and_current_schema(tmp_path: Path) -> None:
    archive = open_archive(tmp_path / "a.sqlite")
    db = archive.db
    assert archive.created
    assert db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute_sql("PRAGMA busy_timeout").fetchone()[0] == 5000
    assert db.execute_sql("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    db.close()
    again = open_archive(tmp_path / "a.sqlite")
    assert not again.created
    again.db.close()


def test_environment_variable_chooses_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FRONTLINE_ARCHIVE_DB", str(tmp_path / "env.sqlite"))
    assert default_database_path() == tmp_path / "env.sqlite"
    monkeypatch.delenv("FRONTLINE_ARCHIVE_DB")
    assert default_database_path().name == "archive.sqlite"
    assert "frontline-archive" in str(default_database_path())


def test_a_file_that_is_not_a_database_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_bytes(b"these are my notes, not a database" * 100)
    before = path.read_bytes()
    with pytest.raises(DatabaseOpenError, match="not a Frontline Archive database"):
        open_archive(path)
    assert path.read_bytes() == before


def test_an_archive_from_a_newer_release_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite"
    con = sqlite3.connect(path)
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    con.close()
    with pytest.raises(SchemaTooNewError, match="Update Frontline Archive"):
        open_archive(path)
