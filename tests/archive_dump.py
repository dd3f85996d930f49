"""A logical dump of an archive file: every row of every table, for "nothing changed" asserts.

    before = dump_archive(db)
    ...  # run something that must refuse and leave the archive as it was
    assert dump_archive(db) == before

Read with plain sqlite3 (no models, no migrations), so it sees exactly what is in the file:
the schema version, each table's rows ordered by id (or rowid; by every column for a table
without either), the full-text index's content included.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

Dump = dict[str, Any]


def _order(con: sqlite3.Connection, table: str) -> str:
    columns = [row[1] for row in con.execute(f'PRAGMA table_info("{table}")')]
    if "id" in columns:
        return '"id"'
    try:
        con.execute(f'SELECT rowid FROM "{table}" LIMIT 1')
    except sqlite3.OperationalError:  # WITHOUT ROWID
        return ", ".join(f'"{c}"' for c in columns) or "1"
    return "rowid"


def dump_archive(path: Path) -> Dump:
    """{'user_version': n, 'tables': {name: [row, ...]}} for the archive at `path`."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [
            row[0]
            for row in con.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'"
                " AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        rows = {
            table: con.execute(f'SELECT * FROM "{table}" ORDER BY {_order(con, table)}').fetchall()
            for table in tables
        }
        version = con.execute("PRAGMA user_version").fetchone()[0]
    finally:
        con.close()
    return {"user_version": version, "tables": rows}


def count_rows(dump: Dump) -> dict[str, int]:
    """Rows per table: what a failed assert prints first."""
    return {name: len(rows) for name, rows in dump["tables"].items()}
